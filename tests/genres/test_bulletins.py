"""Genre table: ministry and General Staff bulletins.

Three voices, each with its own formulas:

* the Russian Ministry of Defence: "Units of the Battlegroup Centre liberated the settlement of X in the Donetsk
  People's Republic", "air defence systems on duty intercepted and destroyed N Ukrainian UAVs over the
  territory of the Bryansk region", "hit ... in 143 areas" (no place: nothing to code);
* the Ukrainian General Staff's morning and evening summaries: "Over the past day, 112 combat engagements took
  place", "the enemy launched 3 missile and 47 air strikes", "in the Pokrovsk direction, our defenders repelled
  34 attacks near X, Y and Z", "settlements of X and Y came under artillery fire";
* the Ukrainian Air Force: "On the night of 15 May, the enemy attacked with 40 Shahed-type drones ... 38 were
  shot down in Kyiv, Vinnytsia ... oblasts".

A bulletin is published the same day or the morning after, and "over the past day" or "overnight" makes the date
vague by a day (``tol=1``). Aggregate figures without a place (enemy losses, "hit ... in 143 areas") and
statements about the situation are no event ACLED would code.

Every text was written for this table from the genre's conventions; none is copied from an evaluation set.
"""

from __future__ import annotations

import pytest

from ..conftest import requires_model
from .matching import AIR, CLASH, INTERCEPT, OVERTAKE, REGAIN, SHELL, Case, assert_row, case, quiet, want

pytestmark = requires_model

RUSSIAN_MOD = [
    case(
        "mod_battlegroup_liberated_settlement_in_dpr",
        "Units of the Battlegroup Centre, as a result of active offensive operations, liberated the settlement "
        "of Novoselivka Persha in the Donetsk People's Republic.",
        "2024-07-07",
        want(OVERTAKE, "Novoselivka Persha", "UA-14", "2024-07-07", tol=1, a1="RU"),
        max_events=1,
    ),
    case(
        "mod_battlegroup_liberated_settlement_in_kharkiv_region",
        "Units of the Battlegroup Sever continued to advance into the depth of the enemy's defence and "
        "liberated the settlement of Starytsia in Kharkiv region.",
        "2024-05-16",
        want(OVERTAKE, "Starytsia", "UA-63", "2024-05-16", tol=1, a1="RU"),
        max_events=1,
    ),
    case(
        "mod_liberated_its_own_town_is_regaining",
        "As a result of decisive actions, units of the Battlegroup Sever have liberated the town of Sudzha in "
        "Kursk region.",
        "2025-03-13",
        want(REGAIN, "Sudzha", "RU-KRS", "2025-03-13", tol=1, a1="RU"),
        max_events=1,
    ),
    case(
        "mod_two_settlements_liberated",
        "Units of the Battlegroup Vostok liberated the settlements of Staromaiorske and Urozhaine in the "
        "Donetsk People's Republic. The enemy lost up to 130 servicemen, two tanks and four armoured fighting "
        "vehicles.",
        "2024-07-28",
        want(OVERTAKE, "Staromaiorske", "UA-14", "2024-07-28", tol=1, a1="RU"),
        want(OVERTAKE, "Urozhaine", "UA-14", "2024-07-28", tol=1, a1="RU"),
        max_events=2,
    ),
    case(
        "mod_lugansk_peoples_republic_liberated",
        "Units of the Battlegroup Yug have completely liberated the settlement of Bilohorivka in the Lugansk "
        "People's Republic.",
        "2024-11-09",
        want(OVERTAKE, "Bilohorivka", "UA-09", "2024-11-09", tol=1, a1="RU"),
        max_events=1,
    ),
    case(
        "mod_air_defence_drones_over_three_regions",
        "Over the past night, air defence systems on duty intercepted and destroyed 30 Ukrainian unmanned aerial "
        "vehicles: 14 over the territory of the Bryansk region, 10 over the Kursk region and 6 over the Belgorod "
        "region.",
        "2024-08-20",
        want(INTERCEPT, "Bryansk region", "RU-BRY", "2024-08-20", tol=1, a1="RU"),
        want(INTERCEPT, "Kursk region", "RU-KRS", "2024-08-20", tol=1, a1="RU"),
        want(INTERCEPT, "Belgorod region", "RU-BEL", "2024-08-20", tol=1, a1="RU"),
        max_events=3,
    ),
    case(
        "mod_rockets_shot_down_over_a_city",
        "The Kyiv regime attempted to carry out a terrorist attack with Vampire multiple rocket launcher shells "
        "on the city of Belgorod. Air defence systems on duty shot down 10 rockets over Belgorod region.",
        "2024-02-15",
        want(INTERCEPT, "Belgorod region", "RU-BEL", "2024-02-15", tol=1, a1="RU"),
    ),
    case(
        "mod_clash_in_a_direction_with_named_villages",
        "In the Kupiansk direction, units of the Battlegroup Zapad improved the tactical position and inflicted "
        "losses on the manpower and equipment of the 14th mechanised brigade of the AFU near Synkivka and "
        "Petropavlivka in Kharkiv region. The enemy lost up to 45 servicemen.",
        "2024-02-04",
        want(CLASH, "Synkivka", "UA-63", "2024-02-04", tol=1),
    ),
    case(
        "mod_crimea_drones_and_missiles_destroyed",
        "Over the past night, air defence systems destroyed 26 Ukrainian unmanned aerial vehicles over the "
        "Republic of Crimea and the waters of the Black Sea.",
        "2024-09-12",
        want(INTERCEPT, "Crimea", "UA-43", "2024-09-12", tol=1, a1="RU"),
        max_events=1,
    ),
    case(
        "mod_rostov_oil_depot_drones",
        "Air defence systems on duty intercepted and destroyed 8 Ukrainian unmanned aerial vehicles over the "
        "territory of the Rostov region, the Defence Ministry said on Saturday.",
        "2024-06-22",
        want(INTERCEPT, "Rostov region", "RU-ROS", "2024-06-22", tol=1, a1="RU"),
        max_events=1,
    ),
    quiet(
        "mod_strikes_in_many_areas_without_a_place",
        "Operational-tactical aviation, unmanned aerial vehicles, missile troops and artillery of the Russian "
        "groupings of forces hit the infrastructure of military airfields, workshops assembling unmanned aerial "
        "vehicles, as well as clusters of the enemy's manpower and military equipment in 143 areas.",
        "2024-09-03",
    ),
    quiet(
        "mod_losses_of_the_enemy_in_a_direction",
        "The losses of the Armed Forces of Ukraine in the Kherson direction amounted to up to 60 servicemen, "
        "six motor vehicles and a field artillery gun.",
        "2024-09-03",
    ),
    quiet(
        "mod_nationwide_interception_tally_without_a_place",
        "In the course of the day, air defence systems shot down two Storm Shadow cruise missiles, five HIMARS "
        "rockets and 27 fixed-wing unmanned aerial vehicles.",
        "2024-06-11",
    ),
]

GENERAL_STAFF = [
    case(
        "gs_air_strikes_in_the_areas_of",
        "Over the past day, 112 combat engagements took place. The enemy launched 3 missile and 47 air strikes, "
        "using 4 missiles and 61 guided aerial bombs. Air strikes hit the areas of Vovchansk and Lyptsi in "
        "Kharkiv oblast and Kurakhove in Donetsk oblast.",
        "2024-06-18",
        want(AIR, "Vovchansk", "UA-63", "2024-06-17", tol=1),
        want(AIR, "Lyptsi", "UA-63", "2024-06-17", tol=1),
        want(AIR, "Kurakhove", "UA-14", "2024-06-17", tol=1),
    ),
    case(
        "gs_direction_attacks_repelled_near_villages",
        "In the Pokrovsk direction, the enemy attacked 34 times near Lysivka, Myroliubivka and Novohrodivka. "
        "Our defenders repelled 29 attacks, fighting continues in 5 locations.",
        "2024-09-01",
        want(CLASH, "Lysivka", "UA-14", "2024-09-01", tol=1),
        want(CLASH, "Novohrodivka", "UA-14", "2024-09-01", tol=1),
    ),
    case(
        "gs_tried_to_advance_without_success",
        "In the Kramatorsk direction, the occupiers tried to advance near Chasiv Yar and Bila Hora, without "
        "success.",
        "2024-04-22",
        want(CLASH, "Chasiv Yar", "UA-14", "2024-04-22", tol=1),
    ),
    case(
        "gs_repulsed_attacks_in_three_villages",
        "Our defenders repulsed 14 enemy attacks in the Bakhmut direction in the areas of Bohdanivka, Ivanivske "
        "and Klishchiivka.",
        "2023-03-20",
        want(CLASH, "Bohdanivka", "UA-14", "2023-03-20", tol=1, district="Bakhmutskyi raion"),
        want(CLASH, "Klishchiivka", "UA-14", "2023-03-20", tol=1),
    ),
    case(
        "gs_cross_border_artillery_on_named_villages",
        "The settlements of Seredyna-Buda, Esman and Yunakivka in Sumy oblast came under artillery fire from "
        "the territory of the Russian Federation.",
        "2023-11-02",
        want(SHELL, "Seredyna-Buda", "UA-59", "2023-11-02", tol=1, a1="RU"),
        want(SHELL, "Yunakivka", "UA-59", "2023-11-02", tol=1, a1="RU"),
    ),
    case(
        "gs_2022_assault_operations_with_a_goal",
        "In the Donetsk direction, the enemy is focusing its main efforts on attempts to surround our troops in "
        "Sievierodonetsk and Lysychansk. The enemy carried out assault operations near Bilohorivka; hostilities "
        "continue.",
        "2022-06-05",
        want(CLASH, "Bilohorivka", "UA-09", "2022-06-05", tol=1),
        max_events=1,
    ),
    case(
        "gs_2022_partial_success_and_retreat",
        "The enemy carried out assault operations in the direction of Dovhenke and Dmytrivka, had partial "
        "success and is trying to consolidate its positions near Dovhenke.",
        "2022-05-02",
        want(CLASH, "Dovhenke", "UA-63", "2022-05-02", tol=1),
    ),
    case(
        "gs_shelling_along_the_southern_front",
        "In the Orikhiv direction, the enemy shelled the areas of Mala Tokmachka, Robotyne and Stepnohirsk with "
        "artillery.",
        "2023-09-15",
        want(SHELL, "Mala Tokmachka", "UA-23", "2023-09-15", tol=1),
        want(SHELL, "Stepnohirsk", "UA-23", "2023-09-15", tol=1),
    ),
    case(
        "gs_ukrainian_strike_in_crimea",
        "On the night of 14 September, units of the Ukrainian Navy struck an S-400 air defence system near "
        "Yevpatoria in temporarily occupied Crimea with missiles.",
        "2023-09-14",
        want(SHELL, "Yevpatoria", "UA-43", "2023-09-14", tol=1, a1="UA"),
        max_events=1,
    ),
    case(
        "gs_kherson_direction_left_bank_clashes",
        "In the Kherson direction, the enemy made 4 unsuccessful attempts to dislodge our units from their "
        "positions near Krynky.",
        "2024-03-10",
        want(CLASH, "Krynky", "UA-65", "2024-03-10", tol=1),
        max_events=1,
    ),
    quiet(
        "gs_enemy_losses_tally",
        "The total combat losses of the enemy from 24 February 2022 to 15 May 2024 amounted to about 488,000 "
        "personnel, including 1,270 over the past day.",
        "2024-05-15",
    ),
    quiet(
        "gs_threat_remains_high",
        "The threat of missile and air strikes across Ukraine remains high.",
        "2023-10-02",
    ),
    quiet(
        "gs_no_offensive_groupings_detected",
        "In the Volyn and Polissia directions, the operational situation remains without significant changes; "
        "no signs of the formation of enemy offensive groups have been detected.",
        "2023-10-02",
    ),
    quiet(
        "gs_enemy_maintains_presence_near_the_border",
        "The enemy maintains its military presence in the border areas of the Bryansk and Kursk regions.",
        "2023-10-02",
    ),
    quiet(
        "gs_strikes_on_command_posts_without_a_place",
        "Over the past day, units of the Missile Forces and Artillery hit 2 enemy command posts, 3 areas of "
        "personnel concentration and an ammunition depot.",
        "2023-10-02",
    ),
]

AIR_FORCE = [
    case(
        "af_shaheds_shot_down_over_four_oblasts",
        "On the night of 15 May (from 19:00 on 14 May), the enemy attacked with 40 Shahed-type strike UAVs "
        "launched from the Primorsko-Akhtarsk area of the Russian Federation. As a result of combat work, 38 "
        "attack drones were shot down in Kyiv, Vinnytsia, Cherkasy and Mykolaiv oblasts.",
        "2024-05-15",
        want(INTERCEPT, "Kyiv oblast", "UA-32", "2024-05-15", tol=1, a1="UA"),
        want(INTERCEPT, "Vinnytsia oblast", "UA-05", "2024-05-15", tol=1, a1="UA"),
        want(INTERCEPT, "Cherkasy oblast", "UA-71", "2024-05-15", tol=1, a1="UA"),
        want(INTERCEPT, "Mykolaiv oblast", "UA-48", "2024-05-15", tol=1, a1="UA"),
        max_events=5,
    ),
    case(
        "af_cruise_missiles_from_strategic_bombers",
        "On the morning of 29 December, the enemy launched 16 Kh-101/Kh-555 cruise missiles from Tu-95MS "
        "strategic aviation aircraft from the area of the Caspian Sea. 13 cruise missiles were destroyed over "
        "Lviv and Ivano-Frankivsk oblasts.",
        "2023-12-29",
        want(INTERCEPT, "Lviv oblast", "UA-46", "2023-12-29", a1="UA"),
        want(INTERCEPT, "Ivano-Frankivsk oblast", "UA-26", "2023-12-29", a1="UA"),
    ),
    case(
        "af_shaheds_over_odesa_region_overnight",
        "Overnight, the Russians attacked the south of Ukraine with 19 Shahed-136/131 attack drones. All 19 were "
        "destroyed by the air defence of the Southern Defence Forces within Odesa oblast.",
        "2023-07-24",
        want(INTERCEPT, "Odesa oblast", "UA-51", "2023-07-24", tol=1, a1="UA"),
        max_events=1,
    ),
    case(
        "af_ballistic_missile_on_a_city",
        "The enemy struck Kryvyi Rih with an Iskander-M ballistic missile launched from the Crimea area. The "
        "missile could not be intercepted.",
        "2024-03-13",
        want(SHELL, "Kryvyi Rih", "UA-12", "2024-03-13", tol=1),
        max_events=1,
    ),
    case(
        "af_guided_bombs_from_su34_on_a_town",
        "Russian Su-34 aircraft dropped guided aerial bombs on Kupiansk and Borova this afternoon.",
        "2024-10-20",
        want(AIR, "Kupiansk", "UA-63", "2024-10-20", a1="RU"),
        want(AIR, "Borova", "UA-63", "2024-10-20", a1="RU"),
        max_events=2,
    ),
    case(
        "af_su25_shot_down_by_a_manpad",
        "Soldiers of the 79th air assault brigade shot down a Russian Su-25 attack aircraft with a MANPADS near "
        "Kurakhove, the Air Force said on Tuesday.",
        "2024-12-10",
        want(SHELL, "Kurakhove", "UA-14", "2024-12-10", tol=1, a1="UA"),
        max_events=1,
    ),
    case(
        "af_drones_destroyed_over_the_capital_debris",
        "During the night, the enemy attacked Kyiv with Shahed drones. Air defence destroyed all of them; debris "
        "fell in the Darnytskyi and Solomianskyi districts of the capital.",
        "2023-05-28",
        want(INTERCEPT, "Kyiv", "UA-30", "2023-05-28", tol=1, a1="UA"),
    ),
    quiet(
        "af_air_alert_warning",
        "Attention! A group of attack UAVs is moving from the Black Sea towards Odesa. Please remain in shelters.",
        "2023-07-24",
    ),
    quiet(
        "af_denial_of_a_downed_aircraft",
        "The Air Force denies Russian claims that a Ukrainian Su-27 was shot down over Zaporizhzhia oblast: "
        "all our aircraft returned to their airfields.",
        "2023-06-12",
    ),
]

TABLE = RUSSIAN_MOD + GENERAL_STAFF + AIR_FORCE


@pytest.mark.parametrize("row", TABLE)
def test_bulletin_yields_the_events_acled_would_code(row: Case) -> None:
    assert_row(row)
