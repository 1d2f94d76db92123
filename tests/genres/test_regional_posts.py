"""Genre table: regional administrations' posts (oblast governors, military administrations, Russian governors).

Posts on Telegram and official sites, translated as English media quote them. Their conventions: a district or
community heading ("Nikopol district:", "Zaporizhzhia district"), a count of attacks and the communities that came
under fire, victims by age ("a 54-year-old man was injured"), daily tallies ("4 killed, 11 wounded over the past
day"), weapons in slang (KAB, Shahed, "kamikaze drones", "FPV drones"); Russian governors write "the AFU shelled the
village of X in Y district". Many posts carry no date: the event is the day of the post or the night before
(``tol=1``). Posts that report nothing (a calm night, an air alert, a refuted rumour, a planned demining) must yield
no event.

Every text was written for this table from the genre's conventions; none is copied from an evaluation set.
"""

from __future__ import annotations

import pytest

from ..conftest import requires_model
from .matching import AIR, IED, INTERCEPT, OTHER, SHELL, Case, assert_row, case, quiet, want

pytestmark = requires_model

UKRAINIAN = [
    # ---------------------------------------------------------------- Dnipropetrovsk
    case(
        "dnipro_ova_district_shelled_with_heavy_artillery",
        "Russian troops shelled Nikopol district with heavy artillery throughout the day. Nikopol, Marhanets "
        "and Chervonohryhorivka communities came under fire. A 54-year-old man was injured; he is in hospital "
        "in a moderate condition.",
        "2023-08-10",
        want(SHELL, "Nikopol", "UA-12", "2023-08-10", tol=1, a1="RU"),
    ),
    case(
        "dnipro_ova_kamikaze_drones_on_a_town",
        "Nikopol district. The aggressor attacked Marhanets with kamikaze drones. A 38-year-old woman was "
        "wounded. A private house and a car were damaged.",
        "2024-06-11",
        want(AIR, "Marhanets", "UA-12", "2024-06-11", tol=1, inj=1),
        max_events=1,
    ),
    case(
        "dnipro_ova_missile_on_a_district_centre",
        "Synelnykove district. In the afternoon, the enemy hit Pokrovske community with a missile. An "
        "enterprise was damaged. No one was hurt.",
        "2025-02-04",
        want(SHELL, "Pokrovske", "UA-12", "2025-02-04", district="Synelnykivskyi raion"),
        max_events=1,
    ),
    quiet(
        "dnipro_ova_calm_night",
        "The night in Dnipropetrovsk oblast passed calmly. There were no attacks on our communities.",
        "2024-01-20",
    ),
    # ---------------------------------------------------------------- Kherson
    case(
        "kherson_ova_daily_tally_with_settlements",
        "Over the past day, the enemy carried out 87 attacks, firing 412 shells from artillery, MLRS, tanks and "
        "drones. Residential quarters of Kherson, Beryslav and Antonivka came under Russian shelling. As a "
        "result of Russian aggression, 4 people were killed and 11 injured.",
        "2023-11-20",
        want(SHELL, "Kherson", "UA-65", "2023-11-19", tol=1, a1="RU"),
        want(SHELL, "Beryslav", "UA-65", "2023-11-19", tol=1, a1="RU"),
    ),
    case(
        "kherson_headline_tally",
        "Kherson region: 4 killed, 11 wounded in Russian shelling over the past day.",
        "2023-11-20",
        want(SHELL, "Kherson region", "UA-65", "2023-11-19", tol=1, fat=4, inj=11),
        max_events=1,
    ),
    case(
        "kherson_ova_drone_drops_on_a_man",
        "At about 10:00 a Russian drone dropped explosives on a man in the Dniprovskyi district of Kherson. "
        "The 61-year-old victim was taken to hospital with a blast injury and shrapnel wounds.",
        "2024-09-05",
        want(AIR, "Kherson", "UA-65", "2024-09-05", inj=1),
        max_events=1,
    ),
    case(
        "kherson_ova_tractor_on_a_mine",
        "In Vysokopillia community, a tractor hit an anti-tank mine while working in a field. The 47-year-old "
        "driver died at the scene.",
        "2023-10-03",
        want(IED, "Vysokopillia", "UA-65", "2023-10-03", tol=1, fat=1),
        max_events=1,
    ),
    # ---------------------------------------------------------------- Zaporizhzhia
    case(
        "zaporizhzhia_ova_daily_strikes_by_kind",
        "Over the past day, Russian troops launched 382 strikes on 12 settlements of Zaporizhzhia oblast. "
        "5 air strikes hit Malokaterynivka, Stepnohirsk and Bilenke. 245 UAVs of various modifications attacked "
        "Huliaipole, Mala Tokmachka and Orikhiv. 8 MLRS attacks hit Novoandriivka.",
        "2024-07-03",
        want(AIR, "Stepnohirsk", "UA-23", "2024-07-02", tol=1),
        want(AIR, "Huliaipole", "UA-23", "2024-07-02", tol=1),
        want(SHELL, "Novoandriivka", "UA-23", "2024-07-02", tol=1),
    ),
    case(
        "zaporizhzhia_ova_glide_bombs_on_the_city",
        "The Russians struck Zaporizhzhia with guided aerial bombs this morning. A 38-year-old man was killed and "
        "6 people were injured, including a child.",
        "2024-11-07",
        want(AIR, "Zaporizhzhia", "UA-23", "2024-11-07", fat=1, inj=6, a1="RU"),
        max_events=1,
    ),
    # ---------------------------------------------------------------- Kharkiv
    case(
        "kharkiv_ova_kab_on_a_town",
        "At 14:20 the occupiers struck Kupiansk with a KAB. A 63-year-old woman was injured. Private houses "
        "and an outbuilding were damaged.",
        "2024-09-14",
        want(AIR, "Kupiansk", "UA-63", "2024-09-14", inj=1, a1="RU"),
        max_events=1,
    ),
    case(
        "kharkiv_ova_shahed_on_a_city_district",
        "Kharkiv: an enemy Shahed hit a residential building in the Kyivskyi district. 3 people were injured, "
        "among them a 14-year-old girl.",
        "2024-10-30",
        want(AIR, "Kharkiv", "UA-63", "2024-10-30", tol=1, inj=3),
        max_events=1,
    ),
    case(
        "kharkiv_ova_daily_list_of_shelled_villages",
        "Over the past day, Lyptsi, Vovchansk and Kozacha Lopan came under artillery and mortar attacks. In "
        "Kupiansk district, a 72-year-old man was killed in Kivsharivka as a result of shelling.",
        "2024-06-02",
        want(SHELL, "Lyptsi", "UA-63", "2024-06-01", tol=1),
        want(SHELL, "Vovchansk", "UA-63", "2024-06-01", tol=1),
        want(SHELL, "Kivsharivka", "UA-63", "2024-06-01", tol=1, fat=1),
    ),
    case(
        "kharkiv_ova_evacuation_of_a_town",
        "Another 150 people, including 20 children, were evacuated from Vovchansk today. In total, more than "
        "8,000 residents have left the Vovchansk community since the start of the offensive.",
        "2024-05-16",
        want(OTHER, "Vovchansk", "UA-63", "2024-05-16"),
    ),
    quiet(
        "kharkiv_ova_planned_demining_explosions",
        "Tomorrow, from 09:00 to 16:00, pyrotechnic units will carry out controlled explosions of explosive "
        "objects near Balakliia. Residents should not be alarmed.",
        "2023-05-10",
    ),
    # ---------------------------------------------------------------- Sumy, Chernihiv
    case(
        "sumy_ova_border_communities_under_fire",
        "Over the past day, the Russians carried out 27 attacks on the border areas and settlements of Sumy "
        "oblast. 103 explosions were recorded. The Bilopillia, Krasnopillia, Esman and Seredyna-Buda communities "
        "came under fire.",
        "2024-04-16",
        want(SHELL, "Bilopillia", "UA-59", "2024-04-15", tol=1),
        want(SHELL, "Krasnopillia", "UA-59", "2024-04-15", tol=1),
        want(SHELL, "Seredyna-Buda", "UA-59", "2024-04-15", tol=1),
    ),
    case(
        "sumy_ova_mines_dropped_from_a_drone",
        "In the Velyka Pysarivka community, the enemy dropped 4 mines from a drone. A civilian was injured.",
        "2024-04-16",
        want(AIR, "Velyka Pysarivka", "UA-59", "2024-04-16", tol=1, inj=1),
        max_events=1,
    ),
    case(
        "chernihiv_ova_mortars_on_a_border_community",
        "Novhorod-Siverskyi district: the enemy fired mortars at the Semenivka community. No casualties.",
        "2023-12-05",
        want(SHELL, "Semenivka", "UA-74", "2023-12-05", tol=1),
        max_events=1,
    ),
    # ---------------------------------------------------------------- south and rear
    case(
        "mykolaiv_ova_artillery_on_a_coastal_village",
        "Ochakiv community: the enemy fired artillery at Kutsurub. A 45-year-old man was wounded.",
        "2023-07-18",
        want(SHELL, "Kutsurub", "UA-48", "2023-07-18", tol=1, inj=1),
        max_events=1,
    ),
    case(
        "odesa_ova_drone_attack_on_a_danube_port",
        "The Russians attacked Izmail district with attack drones overnight. Port infrastructure was damaged. "
        "Air defence forces shot down 12 Shaheds.",
        "2023-09-04",
        want(AIR, "Izmail", "UA-51", "2023-09-04", tol=1, a1="RU"),
        want(INTERCEPT, "Odesa oblast", "UA-51", "2023-09-04", tol=1, a1="UA"),
    ),
    case(
        "poltava_ova_missile_on_an_enterprise",
        "Kremenchuk: a Russian missile hit an industrial enterprise. 1 person was killed and 2 injured.",
        "2024-04-05",
        want(SHELL, "Kremenchuk", "UA-53", "2024-04-05", tol=1, fat=1, inj=2),
        max_events=1,
    ),
    case(
        "lviv_ova_infrastructure_hit_in_a_district",
        "Lviv region: a Russian missile hit a critical infrastructure facility in Stryi district. There are no "
        "casualties.",
        "2024-03-24",
        want(SHELL, "Stryi", "UA-46", "2024-03-24", tol=1),
        max_events=1,
    ),
    case(
        "khmelnytskyi_ova_drones_on_an_airbase_town",
        "The enemy attacked the Starokostiantyniv community with drones and missiles overnight. Several "
        "buildings were damaged. Air defence destroyed 2 drones over the oblast.",
        "2024-04-08",
        want(AIR, "Starokostiantyniv", "UA-68", "2024-04-08", tol=1),
    ),
    case(
        "cherkasy_ova_drones_shot_down_debris",
        "Air defence shot down 9 drones over Cherkasy oblast overnight. In Uman district, debris damaged a "
        "private house.",
        "2024-02-26",
        want(INTERCEPT, "Cherkasy oblast", "UA-71", "2024-02-26", tol=1),
    ),
    case(
        "kyiv_city_ma_missile_debris_in_a_district",
        "Debris from a downed missile fell on the territory of the Darnytskyi district of the capital, a fire "
        "broke out in a non-residential building. Preliminarily, no casualties.",
        "2024-01-02",
        want(INTERCEPT, "Kyiv", "UA-30", "2024-01-02", tol=1),
        max_events=1,
    ),
    # ---------------------------------------------------------------- Donetsk
    case(
        "donetsk_ova_deaths_by_town",
        "Over the past day, Russian shelling killed 5 residents of Donetsk oblast: 2 in Pokrovsk, 1 in "
        "Kostiantynivka, 1 in Toretsk and 1 in Hirnyk. 12 more people were injured.",
        "2024-08-21",
        want(SHELL, "Pokrovsk", "UA-14", "2024-08-20", tol=1, fat=2),
        want(SHELL, "Kostiantynivka", "UA-14", "2024-08-20", tol=1, fat=1),
        want(SHELL, "Toretsk", "UA-14", "2024-08-20", tol=1, fat=1),
    ),
    case(
        "donetsk_ova_missile_on_the_city_centre",
        "Kramatorsk: the Russians hit the city centre with a missile in the morning. As of now, 1 person is known "
        "to have been killed and 8 injured, including 2 children.",
        "2024-07-15",
        want(SHELL, "Kramatorsk", "UA-14", "2024-07-15", fat=1, inj=8, a1="RU"),
        max_events=1,
    ),
    case(
        "donetsk_ova_evacuation_of_families",
        "Mandatory evacuation of families with children is under way in Druzhkivka and 5 villages of the "
        "Kramatorsk district; 312 people, including 74 children, left on Tuesday.",
        "2025-06-18",
        want(OTHER, "Druzhkivka", "UA-14", "2025-06-17"),
    ),
    case(
        "a_district_shelled_then_harm_in_one_of_its_towns",
        "Over the past day, the occupiers shelled Nikopol district 9 times with artillery and kamikaze drones. In "
        "Pokrov, a 47-year-old woman was wounded.",
        "2024-09-10",
        want(SHELL, "Pokrov", "UA-12", "2024-09-09", tol=1, inj=1, a1="RU"),
    ),
    quiet(
        "air_alert_is_no_event",
        "Air raid alert in Kharkiv oblast! Go to shelters.",
        "2024-05-20",
    ),
    quiet(
        "warning_of_possible_attacks_is_no_event",
        "The Russians may attack the border communities of Sumy oblast again; residents are urged to leave for "
        "safer areas.",
        "2024-05-20",
    ),
]

RUSSIAN = [
    case(
        "belgorod_governor_afu_shelled_a_village",
        "In Shebekino urban district, the AFU shelled the village of Novaya Tavolzhanka. A man was injured: he "
        "has a shrapnel wound to the leg. He was taken to the Shebekino central district hospital.",
        "2023-06-05",
        want(SHELL, "Novaya Tavolzhanka", "RU-BEL", "2023-06-05", tol=1, inj=1, a1="UA"),
        max_events=1,
    ),
    case(
        "belgorod_governor_drone_attacks_a_car",
        "Graivoron urban district: a drone attacked a car in the village of Kozinka. The driver died at the "
        "scene.",
        "2024-05-22",
        want(AIR, "Kozinka", "RU-BEL", "2024-05-22", tol=1, fat=1),
        max_events=1,
    ),
    case(
        "belgorod_governor_air_defence_debris_on_a_roof",
        "Belgorod: as a result of the air defence system's work over the city, fragments fell on the roof of a "
        "multi-storey building. No one was hurt.",
        "2024-03-16",
        want(INTERCEPT, "Belgorod", "RU-BEL", "2024-03-16", tol=1),
        max_events=1,
    ),
    case(
        "belgorod_governor_evacuation_of_children",
        "We are starting the evacuation of children from Shebekino and Graivoron districts. The first 300 "
        "children will be taken to Voronezh today.",
        "2023-05-31",
        want(OTHER, "Shebekino", "RU-BEL", "2023-05-31"),
    ),
    case(
        "kursk_governor_shelling_of_a_town",
        "The enemy shelled Rylsk in the afternoon; a 43-year-old woman was wounded and taken to the regional "
        "hospital.",
        "2024-11-14",
        want(SHELL, "Rylsk", "RU-KRS", "2024-11-14", inj=1),
        max_events=1,
    ),
    case(
        "kursk_governor_drone_drop_on_a_tractor",
        "In Glushkovo district, a Ukrainian drone dropped an explosive device on a tractor in the village of "
        "Tetkino; the tractor driver was injured.",
        "2024-05-12",
        want(AIR, "Tetkino", "RU-KRS", "2024-05-12", tol=1, inj=1, a1="UA"),
        max_events=1,
    ),
    case(
        "bryansk_governor_mortar_shelling",
        "The AFU conducted mortar shelling of the settlement of Suzemka, Suzemka district. There are no "
        "casualties. A residential building was damaged.",
        "2023-09-08",
        want(SHELL, "Suzemka", "RU-BRY", "2023-09-08", tol=1, a1="UA"),
        max_events=1,
    ),
    case(
        "bryansk_governor_drones_destroyed",
        "Air defence forces destroyed 12 Ukrainian UAVs over the territory of Bryansk region. There are no "
        "casualties or damage.",
        "2024-07-30",
        want(INTERCEPT, "Bryansk region", "RU-BRY", "2024-07-30", tol=1, a1="RU"),
        max_events=1,
    ),
    quiet(
        "bryansk_governor_refutes_a_rumour",
        "Reports of an explosion at an enterprise in Klintsy are fake. Please trust only official sources.",
        "2024-07-30",
    ),
    case(
        "occupation_head_afu_shelled_a_city_district",
        "Donetsk: the AFU shelled the Kuibyshevskyi district with 155mm artillery. Two civilians were killed.",
        "2023-09-10",
        want(SHELL, "Donetsk", "UA-14", "2023-09-10", tol=1, fat=2, a1="UA"),
        max_events=1,
    ),
    case(
        "occupation_mayor_drone_on_a_bus_stop",
        "Horlivka: a UAV dropped an explosive device on a bus stop in the Nikitovskyi district. A woman was "
        "injured.",
        "2024-08-02",
        want(AIR, "Horlivka", "UA-14", "2024-08-02", tol=1, inj=1),
        max_events=1,
    ),
    case(
        "occupation_head_kamikaze_drones_on_enerhodar",
        "Enerhodar: the AFU attacked the city with kamikaze drones. A substation was damaged, part of the city "
        "is without power.",
        "2024-04-09",
        want(AIR, "Enerhodar", "UA-23", "2024-04-09", tol=1, a1="UA"),
        max_events=1,
    ),
]

TABLE = UKRAINIAN + RUSSIAN


@pytest.mark.parametrize("row", TABLE)
def test_regional_post_yields_the_events_acled_would_code(row: Case) -> None:
    assert_row(row)
