"""Genre table: monitoring-mission reports (OSCE SMM daily reports 2015-2022, UN HRMMU civilian-harm reports).

The SMM's daily report covers the evening of one day to the evening of the next and is published the day after:
"the SMM recorded 152 ceasefire violations, including 57 explosions, in Donetsk region", "positioned in X, the SMM
heard 14 undetermined explosions and about 60 bursts of small-arms fire 2-3km south-east", "the SMM camera in X
recorded ...". Explosions and projectiles are shelling; bursts and shots of gunfire are an armed clash when small
arms fired, shelling when only heavy machine guns did (ACLED codes both from these reports); the date is vague by
a day (``tol=1``). Sightings of weapons in violation of withdrawal lines, restrictions of the mission's movement
and "no ceasefire violations" are no event. HRMMU reports name a date, a place and the civilians killed and injured.

Every text was written for this table from the genre's conventions; none is copied from an evaluation set.
"""

from __future__ import annotations

import pytest

from ..conftest import requires_model
from .matching import AIR, CLASH, IED, SHELL, Case, assert_row, case, quiet, want

pytestmark = requires_model

SMM = [
    case(
        "smm_region_totals_with_explosions",
        "In Donetsk region, the SMM recorded 152 ceasefire violations, including 57 explosions. In the previous "
        "reporting period, it recorded 98 ceasefire violations in the region.",
        "2020-02-11",
        want(SHELL, "Donetsk region", "UA-14", "2020-02-10", tol=1),
    ),
    case(
        "smm_region_totals_all_explosions_near_a_town",
        "In Luhansk region, the SMM recorded 18 ceasefire violations, all undetermined explosions, mostly in "
        "areas south of Zolote.",
        "2019-10-22",
        want(SHELL, "Luhansk region", "UA-09", "2019-10-21", tol=1),
    ),
    case(
        "smm_between_the_evenings_of_two_days",
        "Between the evenings of 18 and 19 February, the SMM recorded 591 ceasefire violations in Donetsk "
        "region, including 553 explosions.",
        "2022-02-20",
        want(SHELL, "Donetsk region", "UA-14", "2022-02-19", tol=1),
    ),
    case(
        "smm_positioned_in_heard_explosions_and_bursts",
        "Positioned in Svitlodarsk, the SMM heard 14 undetermined explosions and about 60 bursts and shots of "
        "small-arms fire 2-3km south-east.",
        "2017-03-07",
        want(SHELL, "Svitlodarsk", "UA-14", "2017-03-06", tol=1),
        want(CLASH, "Svitlodarsk", "UA-14", "2017-03-06", tol=1),
        max_events=2,
    ),
    case(
        "smm_on_the_edge_of_a_town_heavy_machine_gun",
        "Positioned on the southern edge of Avdiivka, the SMM heard 8 explosions of undetermined origin and "
        "about 120 bursts of heavy-machine-gun and small-arms fire 1-3km east.",
        "2017-01-31",
        want(SHELL, "Avdiivka", "UA-14", "2017-01-30", tol=1),
        want(CLASH, "Avdiivka", "UA-14", "2017-01-30", tol=1),
        max_events=2,
    ),
    case(
        "smm_small_arms_only",
        "Positioned in Stanytsia Luhanska, the SMM heard 6 shots of small-arms fire 1-2km south-west.",
        "2018-08-14",
        want(CLASH, "Stanytsia Luhanska", "UA-09", "2018-08-13", tol=1),
        max_events=1,
    ),
    case(
        "smm_camera_recorded_projectiles",
        "The SMM camera in Shyrokyne recorded 4 projectiles in flight from west to east and 2 undetermined "
        "explosions 3-5km north.",
        "2016-05-24",
        want(SHELL, "Shyrokyne", "UA-14", "2016-05-23", tol=1),
        max_events=1,
    ),
    case(
        "smm_evening_artillery_impacts",
        "On the evening of 3 June, positioned in Horlivka, the SMM heard 3 explosions assessed as impacts of "
        "artillery rounds 3-5km west.",
        "2019-06-05",
        want(SHELL, "Horlivka", "UA-14", "2019-06-03", tol=1),
        max_events=1,
    ),
    case(
        "smm_outgoing_mortar_rounds_east_of_a_village",
        "The SMM heard 10 explosions assessed as outgoing mortar rounds 3-5km east of Hnutove.",
        "2018-11-20",
        want(SHELL, "Hnutove", "UA-14", "2018-11-19", tol=1),
        max_events=1,
    ),
    case(
        "smm_crater_assessed_as_mortar_impact",
        "In Marinka, the SMM saw a fresh crater near a residential house, assessed as caused by an 82mm mortar "
        "round fired from a south-easterly direction.",
        "2019-04-09",
        want(SHELL, "Marinka", "UA-14", "2019-04-08", tol=1),
        max_events=1,
    ),
    case(
        "smm_near_a_non_government_controlled_town",
        "While in Dokuchaievsk (non-government-controlled, 30km south-west of Donetsk), the SMM heard 12 "
        "undetermined explosions and 40 shots of small-arms fire 4-6km north-west.",
        "2020-06-16",
        want(SHELL, "Dokuchaievsk", "UA-14", "2020-06-15", tol=1),
        want(CLASH, "Dokuchaievsk", "UA-14", "2020-06-15", tol=1),
    ),
    case(
        "smm_luhansk_popasna_and_zolote",
        "In Luhansk region, the SMM recorded 4 ceasefire violations, including 3 explosions, in areas near "
        "Popasna and Zolote.",
        "2021-04-02",
        want(SHELL, "Luhansk region", "UA-09", "2021-04-01", tol=1),
    ),
    case(
        "smm_civilian_injured_by_shrapnel",
        "The SMM followed up on reports of a civilian casualty in Pikuzy (formerly Kominternove, "
        "non-government-controlled, 23km north-east of Mariupol). Medical staff at the hospital in Novoazovsk "
        "told the SMM that a man had been admitted on 14 June with shrapnel wounds sustained that morning when "
        "shelling hit his house in Pikuzy.",
        "2019-06-16",
        want(SHELL, "Pikuzy", "UA-14", "2019-06-14", tol=1, inj=1),
    ),
    case(
        "smm_man_killed_by_an_anti_tank_mine",
        "The SMM followed up on reports that a man had been killed when his car hit an anti-tank mine on a road "
        "near Krymske on 22 May.",
        "2018-05-24",
        want(IED, "Krymske", "UA-09", "2018-05-22", tol=1, fat=1),
        max_events=1,
    ),
    case(
        "smm_at_the_railway_station_of_a_city",
        "Positioned at the Donetsk central railway station (non-government-controlled, 6km north-west of Donetsk "
        "city centre), the SMM heard 22 undetermined explosions and 35 bursts of heavy-machine-gun fire 3-5km "
        "north-west.",
        "2016-12-19",
        # heavy machine guns are heavy weapons: their bursts are shelling, one event with the explosions
        want(SHELL, "Donetsk", "UA-14", "2016-12-18", tol=1),
        max_events=1,
    ),
    case(
        "smm_fresh_craters_with_a_date",
        "On 12 July, the SMM saw two fresh craters in a field 300m east of a residential area in Zaitseve, "
        "assessed as caused by 120mm mortar rounds fired from an easterly direction.",
        "2020-07-13",
        want(SHELL, "Zaitseve", "UA-14", "2020-07-12", tol=1),
        max_events=1,
    ),
    case(
        "smm_follow_up_woman_injured_by_shelling",
        "The SMM followed up on reports of a woman injured by shelling in Krasnohorivka on 2 April. Her "
        "relatives told the SMM that a shell had hit the yard of her house at about 19:00.",
        "2021-04-04",
        want(SHELL, "Krasnohorivka", "UA-14", "2021-04-02", inj=1),
        max_events=1,
    ),
    quiet(
        "smm_weapons_in_violation_of_withdrawal_lines",
        "The SMM observed 2 tanks (T-64) near Hranitne, in violation of the respective withdrawal lines.",
        "2018-11-20",
    ),
    quiet(
        "smm_freedom_of_movement_restricted",
        "The SMM's freedom of movement was restricted at a checkpoint of the armed formations near Olenivka.",
        "2019-06-05",
    ),
    quiet(
        "smm_no_ceasefire_violations_in_disengagement_areas",
        "The SMM continued monitoring the disengagement areas near Stanytsia Luhanska, Zolote and Petrivske. It "
        "recorded no ceasefire violations inside the disengagement areas.",
        "2020-03-11",
    ),
    quiet(
        "smm_facilitated_repairs",
        "The SMM continued to facilitate and monitor adherence to localized ceasefires to enable repairs to the "
        "Donetsk Filtration Station and to power lines near Zolote.",
        "2020-03-11",
    ),
    quiet(
        "smm_uav_spotted_tanks",
        "An SMM long-range unmanned aerial vehicle spotted 3 tanks in a residential area of Horlivka.",
        "2021-02-09",
    ),
]

HRMMU = [
    case(
        "hrmmu_missile_strike_on_a_cafe",
        "On 5 October 2023, a missile strike hit a café in Hroza village, Kharkiv region, during a wake, "
        "killing 59 civilians, including a child.",
        "2023-10-10",
        want(SHELL, "Hroza", "UA-63", "2023-10-05", fat=59),
        max_events=1,
    ),
    case(
        "hrmmu_railway_station_cluster_munitions",
        "On 8 April 2022, two missiles carrying cluster munitions hit the railway station in Kramatorsk, where "
        "thousands of civilians were waiting to be evacuated, killing 60 civilians and injuring 111.",
        "2022-04-12",
        want(SHELL, "Kramatorsk", "UA-14", "2022-04-08", fat=60, inj=111),
        max_events=1,
    ),
    case(
        "hrmmu_shopping_mall_missile_strike",
        "On 27 June 2022, a missile strike on a shopping mall in Kremenchuk, Poltava region, killed 22 "
        "civilians and injured 100.",
        "2022-07-05",
        want(SHELL, "Kremenchuk", "UA-53", "2022-06-27", fat=22, inj=100),
        max_events=1,
    ),
    case(
        "hrmmu_woman_killed_by_a_landmine",
        "On 14 April 2023, a woman was killed by a landmine while working in a field near Chornobaivka, Kherson "
        "region.",
        "2023-04-20",
        want(IED, "Chornobaivka", "UA-65", "2023-04-14", fat=1),
        max_events=1,
    ),
    case(
        "hrmmu_drone_attack_on_a_bus",
        "On 1 February 2025, a short-range drone hit a public bus in Kherson city, injuring 6 civilians, "
        "including the driver.",
        "2025-02-10",
        want(AIR, "Kherson", "UA-65", "2025-02-01", inj=6),
        max_events=1,
    ),
    case(
        "hrmmu_shelling_of_a_market_in_an_occupied_city",
        "On 21 January 2024, shelling hit a market in the Kirovskyi district of Donetsk city, in territory "
        "occupied by the Russian Federation, killing 25 civilians and injuring 20.",
        "2024-01-30",
        want(SHELL, "Donetsk", "UA-14", "2024-01-21", fat=25, inj=20),
        max_events=1,
    ),
    case(
        "hrmmu_glide_bomb_on_a_residential_area",
        "On 6 December 2024, an aerial bomb hit a residential area of Zaporizhzhia, killing 10 civilians and "
        "injuring 17.",
        "2024-12-12",
        want(AIR, "Zaporizhzhia", "UA-23", "2024-12-06", fat=10, inj=17),
        max_events=1,
    ),
    case(
        "hrmmu_airstrike_on_residential_buildings",
        "On 3 March 2022, an airstrike hit residential buildings in the Stara Podusivka area of Chernihiv, "
        "killing 47 civilians.",
        "2022-03-15",
        want(AIR, "Chernihiv", "UA-74", "2022-03-03", fat=47),
        max_events=1,
    ),
    case(
        "hrmmu_drone_drops_explosive_on_a_car",
        "In Kherson city, on 15 July 2024, a woman was killed when a drone dropped an explosive on her car in "
        "the Korabelnyi district.",
        "2024-07-25",
        want(AIR, "Kherson", "UA-65", "2024-07-15", fat=1),
        max_events=1,
    ),
    quiet(
        "hrmmu_monthly_national_tally",
        "In March 2022, OHCHR recorded 3,900 civilian casualties in Ukraine: 1,600 killed and 2,300 injured. "
        "Most were caused by explosive weapons with wide area effects.",
        "2022-04-05",
    ),
    quiet(
        "hrmmu_cumulative_figures",
        "Since 24 February 2022, OHCHR has verified 12,300 civilian deaths in Ukraine; the actual figures are "
        "likely considerably higher.",
        "2024-10-07",
    ),
    quiet(
        "hrmmu_call_to_respect_humanitarian_law",
        "The Mission calls on all parties to take constant care to spare civilians and civilian objects, "
        "including in Kharkiv and Sumy regions.",
        "2024-10-07",
    ),
]

TABLE = SMM + HRMMU


@pytest.mark.parametrize("row", TABLE)
def test_monitoring_report_yields_the_events_acled_would_code(row: Case) -> None:
    assert_row(row)
