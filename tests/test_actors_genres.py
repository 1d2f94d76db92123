"""Actors as ACLED codes them, genre by genre: who acts (actor1) and against whom (actor2).

Every sentence was written for this table, in the manner of each genre (Russian Defence Ministry and governors'
posts, Ukrainian General Staff, Air Force and regional administrations' posts, wire copy, ACLED-style notes); none
is copied from an evaluation set. A row names the event it checks by its ACLED sub-event type and gives the
actor names it must carry ("-" for no actor, None not to check).
"""

from __future__ import annotations

from datetime import date

import pytest

from spotrep.actors import (
    donbas_forces,
    territory_holder,
    war_enemy,
    with_period,
)
from spotrep.lexicon.actors import NAF
from spotrep.model import Actor

from .conftest import requires_model

RU = "Military Forces of Russia (2000-)"
UA = "Military Forces of Ukraine (2019-)"
UA_2014 = "Military Forces of Ukraine (2014-2019)"
NONE = "-"

SHELL = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"
CLASH = "Armed clash"
INTERCEPT = "Disrupted weapons use"
OVERTAKE = "Non-state actor overtakes territory"
ATTACK = "Attack"
ARREST = "Arrests"


def row(ident: str, text: str, published: str, sub: str, a1: str, a2: str | None = None) -> pytest.param:
    return pytest.param(text, published, sub, a1, a2, id=ident)


RUSSIAN_POSTS = [
    row(
        "governor_afu_shelled_a_village_names_ukraine",
        "The AFU shelled the village of Kozinka in Graivoron urban district with mortars. One man was wounded "
        "and taken to the district hospital.",
        "2023-08-10",
        SHELL,
        UA,
    ),
    row(
        "duty_air_defence_downs_ukrainian_uavs_russia_intercepts",
        "Air defence systems on duty intercepted and destroyed nine Ukrainian UAVs over the territory of Kursk "
        "region overnight.",
        "2024-06-02",
        INTERCEPT,
        RU,
        UA,
    ),
    row(
        "battlegroup_liberates_a_village_russia_overtakes",
        "Units of the Battlegroup Vostok liberated the settlement of Makarivka as a result of active operations.",
        "2023-06-12",
        OVERTAKE,
        RU,
    ),
    row(
        "kyiv_regime_militants_are_ukraines_forces",
        "The Kyiv regime's militants shelled the village of Dubovoye near Belgorod with artillery, injuring "
        "two residents.",
        "2024-03-20",
        SHELL,
        UA,
    ),
    row(
        "enemy_in_a_russian_post_is_ukraine",
        "The Kyiv regime continues its terror against the residents of Donbas. The enemy shelled the "
        "Nikitovskyi district of Horlivka with 155mm artillery, wounding two civilians.",
        "2023-10-05",
        SHELL,
        UA,
    ),
    row(
        "enemy_striking_russian_ground_is_ukraine",
        "The enemy shelled Sudzha in the morning; a man was wounded and taken to hospital.",
        "2024-05-20",
        SHELL,
        UA,
    ),
    row(
        "fire_from_ukrainian_territory_names_ukraine",
        "The village of Tetkino came under mortar fire from the territory of Ukraine. Two houses were damaged.",
        "2024-02-11",
        SHELL,
        UA,
    ),
]

UKRAINIAN_POSTS = [
    row(
        "occupiers_are_russia",
        "The occupiers shelled Nikopol with heavy artillery overnight. A 70-year-old man was wounded.",
        "2023-07-14",
        SHELL,
        RU,
    ),
    row(
        "ruscists_are_russia",
        "Ruscists attacked Beryslav with a drone, wounding a local resident.",
        "2023-09-03",
        AIR,
        RU,
    ),
    row(
        "enemy_with_our_defenders_is_russia",
        "The enemy fired 23 shells at Bilozerka over the past day. Our defenders destroyed two enemy ammunition "
        "depots.",
        "2023-10-22",
        SHELL,
        RU,
    ),
    row(
        "passive_shelling_in_an_administration_post_is_the_enemys",
        "The occupiers do not stop terrorising the region. Over the past day Marhanets was shelled twice with "
        "heavy artillery; a power line was damaged.",
        "2023-08-28",
        SHELL,
        RU,
    ),
    row(
        "enemy_with_shahed_drones_is_russia",
        "Overnight the enemy attacked Poltava oblast with 25 Shahed drones. An industrial facility in Myrhorod "
        "was hit.",
        "2024-03-03",
        AIR,
        RU,
    ),
    row(
        "drones_shot_down_over_ukraine_by_ukraine",
        "Overnight the enemy attacked with 25 Shahed drones launched from Kursk region. The air defence shot "
        "down 21 of them over Poltava oblast.",
        "2024-03-03",
        INTERCEPT,
        UA,
        RU,
    ),
    row(
        "enemy_striking_ukrainian_ground_is_russia",
        "Nikopol district: the enemy fired artillery at Marhanets. A 60-year-old woman was wounded.",
        "2024-04-16",
        SHELL,
        RU,
    ),
    row(
        "our_defenders_are_ukraine_and_their_enemy_russia",
        "Our defenders repelled 9 enemy attacks near Chasiv Yar over the past day.",
        "2024-05-21",
        CLASH,
        UA,
        RU,
    ),
    row(
        "enemy_drone_is_russias",
        "An enemy drone hit a car in the centre of Sumy. The driver was injured.",
        "2024-07-02",
        AIR,
        RU,
    ),
    row(
        "fire_from_the_russian_federation_names_russia",
        "The settlements of Krasnopillia and Myropillia in Sumy oblast came under artillery fire from the "
        "territory of the Russian Federation.",
        "2023-12-04",
        SHELL,
        RU,
    ),
    row(
        "shahed_drone_names_russia",
        "A Shahed drone hit an apartment block in Kupiansk at noon. Two women were injured.",
        "2024-09-20",
        AIR,
        RU,
    ),
]

WIRE_COPY = [
    row(
        "governor_of_a_russian_region_says_shelling_means_ukraine",
        "Shelling wounded three people in the Russian border town of Graivoron overnight, Belgorod regional "
        "governor Vyacheslav Gladkov said on Telegram.",
        "2023-05-20",
        SHELL,
        UA,
    ),
    row(
        "neutral_copy_without_a_speaker_names_no_attacker",
        "A residential building in Donetsk was hit by shelling on Sunday, killing one person.",
        "2023-01-08",
        SHELL,
        NONE,
    ),
    row(
        "pro_russian_rebels_are_the_naf",
        "Pro-Russian rebels shelled the government-held town of Avdiivka on Monday, killing two soldiers.",
        "2015-01-20",
        SHELL,
        NAF,
    ),
    row(
        "russian_backed_separatists_are_the_naf",
        "Russian-backed separatists fired rockets at the port city of Mariupol on Saturday, killing 30 "
        "people.",
        "2015-01-25",
        SHELL,
        NAF,
    ),
    row(
        "peoples_defence_force_in_myanmar_is_not_ukraines",
        "People's Defense Force fighters ambushed a military convoy in Sagaing region on Tuesday, killing "
        "four soldiers.",
        "2021-10-12",
        CLASH,
        None,
    ),
]

ACLED_NOTES = [
    row(
        "ukrainian_forces_fire_at_the_peoples_militia",
        "On 11 February 2021, the Ukrainian Forces fired 82mm mortars at the positions of the Donetsk "
        "People's Militia near Spartak, Donetsk. There were no casualties.",
        "2021-02-11",
        SHELL,
        UA,
        NAF,
    ),
    row(
        "naf_fires_at_government_positions",
        "On 9 February 2021, NAF forces fired mortars at the governmental positions near Pisky, Donetsk. No "
        "casualties reported.",
        "2021-02-09",
        SHELL,
        NAF,
        UA,
    ),
    row(
        "separatists_before_2019_face_poroshenkos_forces",
        "On 3 June 2016, separatists attacked Ukrainian positions near Maryinka, Donetsk, with small arms. "
        "Casualties unknown.",
        "2016-06-03",
        CLASH,
        NAF,
        UA_2014,
    ),
    row(
        "dpr_forces_after_2022_are_russias",
        "On 5 March 2023, DPR forces shelled Avdiivka, Donetsk, killing one civilian.",
        "2023-03-05",
        SHELL,
        RU,
    ),
    row(
        "clash_between_names_the_first_side_first",
        "On 7 June 2022, an armed clash took place between Ukrainian and Russian forces near Pryvillia, "
        "Luhansk. Casualties unknown.",
        "2022-06-07",
        CLASH,
        UA,
        RU,
    ),
    row(
        "clashes_occurred_between_two_armies",
        "On 30 April 2022, clashes occurred between Russian and Ukrainian forces near Kurakhove, Donetsk. "
        "Casualties unknown.",
        "2022-04-30",
        CLASH,
        RU,
        UA,
    ),
    row(
        "forces_carried_out_shelling",
        "On 2 May 2022, Russian forces carried out artillery shelling of Zolochiv, Kharkiv, damaging houses. "
        "Casualties unknown.",
        "2022-05-02",
        SHELL,
        RU,
    ),
    row(
        "forces_through_an_artillery_attack",
        "On 23 March 2022, Ukrainian forces through an artillery attack destroyed a fuel depot of Russian "
        "forces near Izium, Kharkiv. Casualties unknown.",
        "2022-03-23",
        SHELL,
        UA,
    ),
    row(
        "casualties_after_the_act_belong_to_its_actor",
        "On 12 April 2022, Russian forces fired at the town of Balakliia, Kharkiv. At least four civilians "
        "were killed.",
        "2022-04-12",
        SHELL,  # fire at a town, not at people: shelling (ACLED codes such notes so)
        RU,
    ),
    row(
        "civilians_killed_by_shelling_are_actor2",
        "On 19 May 2022, Russian forces shelled Bohodukhiv, Kharkiv, killing two civilians.",
        "2022-05-19",
        SHELL,
        RU,
        "Civilians (Ukraine)",
    ),
    row(
        "group_of_civilians_fired_at_are_civilians",
        "On 8 March 2022, Russian forces opened fire at a group of villagers who were leaving Andriivka, Kyiv. "
        "Two people were killed.",
        "2022-03-08",
        ATTACK,
        RU,
        "Civilians (Ukraine)",
    ),
    row(
        "rebel_positions_are_the_naf",
        "On 12 April 2022, Ukrainian forces fired 120mm mortars at LPR positions near Kadiivka, Luhansk. "
        "Casualties unknown.",
        "2022-04-12",
        SHELL,
        UA,
        NAF,
    ),
    row(
        "airstrike_is_the_air_forces",
        "On 6 March 2022, a Russian airstrike hit the oil depot in Chernyakhiv, Zhytomyr. Casualties unknown.",
        "2022-03-06",
        AIR,
        "Military Forces of Russia (2000-) Air Force",
    ),
    row(
        "small_drone_strike_is_the_army",
        "On 2 March 2022, a Ukrainian military drone hit a Russian artillery position near Volnovakha, Donetsk.",
        "2022-03-02",
        AIR,
        UA,
    ),
    row(
        "navy_shelling_is_the_navys",
        "On 19 March 2022, the Russian Navy shelled the coast near Odesa, Odesa. No casualties.",
        "2022-03-19",
        SHELL,
        "Military Forces of Russia (2000-) Navy",
    ),
    row(
        "wagner_is_its_own_group",
        "On 2 December 2022, Wagner Group forces attacked Ukrainian positions near Bakhmut, Donetsk. Casualties "
        "unknown.",
        "2022-12-02",
        CLASH,
        "Wagner Group",
    ),
    row(
        "national_police_arrest",
        "On 4 May 2022, the National Police of Ukraine arrested a man in Zaporizhzhia, Zaporizhia, suspected "
        "of passing positions of Ukrainian troops to Russian forces.",
        "2022-05-04",
        ARREST,
        "Police Forces of Ukraine (2019-)",
    ),
]


def _event(text: str, published: str, sub: str):
    from spotrep import extract

    events = extract(text, published=published)
    found = [e for e in events if e.sub_event_type == sub]
    assert found, f"no {sub} in {[(e.sub_event_type, e.evidence[0].text[:40]) for e in events]}"
    return found[0]


def _name(actor) -> str:
    return actor.name if actor is not None else NONE


@requires_model
@pytest.mark.parametrize(
    "text, published, sub, a1, a2", RUSSIAN_POSTS + UKRAINIAN_POSTS + WIRE_COPY + ACLED_NOTES
)
def test_actors_of_the_event_as_acled_names_them(
    text: str, published: str, sub: str, a1: str | None, a2: str | None
) -> None:
    ev = _event(text, published, sub)
    if a1 is not None:
        assert _name(ev.actor1) == a1, ev.actor1
    else:
        assert ev.actor1 is None or ev.actor1.country != "UA", ev.actor1
    if a2 is not None:
        assert _name(ev.actor2) == a2, ev.actor2


@requires_model
@pytest.mark.parametrize(
    "text, voice",
    [
        pytest.param(
            "The occupiers shelled the hromada twice. Our defenders hold their positions.",
            "UA",
            id="ukrainian",
        ),
        pytest.param(
            "Units of the Battlegroup Zapad repelled three attacks of the AFU; the Kyiv regime lost 40 "
            "servicemen.",
            "RU",
            id="russian",
        ),
        pytest.param(
            "Russian forces shelled Kharkiv on Monday, Ukrainian officials said, while Moscow said its troops "
            "had hit military targets.",
            None,
            id="wire_copy_has_no_voice",
        ),
        pytest.param(
            "The occupiers were seen near the AFU's positions.", None, id="mixed_cues_have_no_voice"
        ),
    ],
)
def test_voice_of_a_text_comes_from_each_sides_official_words(nlp, text: str, voice: str | None) -> None:
    from spotrep.actors import document_voice

    assert document_voice([t.lower_ for t in nlp(text)]) == voice


@pytest.mark.parametrize(
    "side, on, enemy",
    [
        pytest.param(
            "UA", date(2023, 5, 1), "Military Forces of Russia", id="ukraines_enemy_since_the_invasion"
        ),
        pytest.param("UA", date(2019, 7, 1), NAF, id="ukraines_enemy_in_donbas_before_it"),
        pytest.param("RU", date(2023, 5, 1), "Military Forces of Ukraine", id="russias_enemy"),
        pytest.param("NAF", date(2018, 1, 1), "Military Forces of Ukraine", id="the_republics_enemy"),
        pytest.param("PL", date(2023, 5, 1), None, id="no_side_of_the_war"),
    ],
)
def test_war_enemy_depends_on_the_day(side: str, on: date, enemy: str | None) -> None:
    got = war_enemy(side, on)
    assert (got.name if got else None) == enemy


@pytest.mark.parametrize(
    "on, name",
    [
        pytest.param(date(2022, 12, 31), NAF, id="republics_forces_in_2022_are_the_naf"),
        pytest.param(date(2023, 1, 1), "Military Forces of Russia", id="absorbed_into_russias_army_in_2023"),
        pytest.param(None, NAF, id="undated_stays_the_naf"),
    ],
)
def test_donbas_forces_by_date(on: date | None, name: str) -> None:
    assert donbas_forces(on).name == name


@pytest.mark.parametrize(
    "actor, on, name",
    [
        pytest.param(
            Actor(name="Military Forces of Ukraine", country="UA", kind="military"),
            date(2019, 5, 19),
            UA_2014,
            id="poroshenko_period",
        ),
        pytest.param(
            Actor(name="Military Forces of Ukraine", country="UA", kind="military"),
            date(2019, 5, 20),
            UA,
            id="zelensky_period",
        ),
        pytest.param(
            Actor(name="Government of Russia", country="RU", kind="government"),
            date(2024, 1, 1),
            "Government of Russia (2000-)",
            id="government_too",
        ),
        pytest.param(
            Actor(name="Civilians (Ukraine)", country="UA", kind="civilians"),
            date(2024, 1, 1),
            "Civilians (Ukraine)",
            id="civilians_have_no_period",
        ),
        pytest.param(
            Actor(name="Military Forces of Chad", country="TD", kind="military"),
            date(2024, 1, 1),
            "Military Forces of Chad",
            id="unknown_periods_stay_plain",
        ),
        pytest.param(
            Actor(name="Military Forces of Russia Air Force", country="RU", kind="military"),
            date(2024, 1, 1),
            "Military Forces of Russia (2000-) Air Force",
            id="period_before_the_branch",
        ),
        pytest.param(
            Actor(name="Rosgvardia", country="RU", kind="military"),
            date(2024, 1, 1),
            "Rosgvardia",
            id="own_names_stay",
        ),
    ],
)
def test_state_forces_are_named_by_the_period_of_their_government(actor: Actor, on: date, name: str) -> None:
    assert with_period(actor, on).name == name


@pytest.mark.parametrize(
    "country, region, on, holder",
    [
        pytest.param("UA", "UA-43", date(2024, 9, 1), "RU", id="crimea_held_by_russia"),
        pytest.param("UA", "UA-43", date(2013, 9, 1), "UA", id="crimea_before_annexation"),
        pytest.param("UA", "UA-63", date(2024, 9, 1), "UA", id="kharkiv_oblast"),
        pytest.param("RU", "RU-BRY", date(2024, 9, 1), "RU", id="bryansk"),
    ],
)
def test_territory_holder(country: str, region: str, on: date, holder: str) -> None:
    assert territory_holder(country, region, on) == holder
