"""ACLED codes political violence: the dead and injured of a flood, an eruption or an industrial accident are
no event, while violence told beside a natural hazard still is. Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date

import pytest

import spotrep


def types(sentence: str) -> list[str]:
    return [e.sub_event_type for e in spotrep.extract(sentence, published=date(2024, 3, 14))]


@pytest.mark.parametrize(
    "sentence",
    [
        "At least 40 people died when flash floods swept through villages in the north of the province on Sunday.",
        "Several people were injured as the volcano erupted on Monday, officials said.",
        "Twelve workers were killed when a fireworks warehouse exploded in the city on Tuesday.",
        "A strong earthquake killed at least 300 people and injured 1,500 on the island, officials said.",
        "Eight pilgrims died in a stampede at the shrine on Friday.",
        "A gas explosion in a residential building killed three people in Kyiv on Monday.",
        "A military helicopter crashed in Helmand on Tuesday, killing all four soldiers on board.",
        "A cargo plane crashed shortly after take-off near the airport, killing its five crew.",
    ],
)
def test_harm_from_a_hazard_or_an_accident_is_no_event(sentence):
    assert types(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Gunmen killed five villagers as floods cut off the area on Thursday.", "Attack"),
        (
            "A landmine killed two farmers in a field flooded by the river on Friday.",
            "Remote explosive/landmine/IED",
        ),
        (
            "Russian shelling killed three people in Kherson, where storms had cut power, on Saturday.",
            "Shelling/artillery/missile attack",
        ),
        # ordnance going off by accident is an explosion (ACLED), with its dead
        (
            "Two children were killed in an accident when an unexploded shell went off in a field near Izium.",
            "Remote explosive/landmine/IED",
        ),
        (
            "Three sappers died in an accident while clearing mines near Balakliia.",
            "Remote explosive/landmine/IED",
        ),
        ("A chlorine gas attack killed 20 people in Douma on Saturday.", "Chemical weapon"),
    ],
)
def test_violence_told_beside_a_hazard_is_still_an_event(sentence, sub_event_type):
    assert types(sentence) == [sub_event_type]


def test_ordnance_gone_off_by_accident_keeps_its_dead():
    (event,) = spotrep.extract(
        "Two children were killed in an accident when an unexploded shell went off in a field near Izium.",
        published=date(2024, 3, 14),
    )
    assert event.fatalities == 2


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # ACLED: a bomb, mine or grenade nobody claims is an unidentified armed group's, of the event's country
        ("A roadside bomb exploded near a police vehicle in Maiduguri on Friday.", "Nigeria"),
        ("An unknown person threw a hand grenade into a police station in Mandalay.", "Myanmar"),
        ("A landmine exploded under a truck near Djibo, killing the driver.", "Burkina Faso"),
    ],
)
def test_an_unclaimed_blast_is_an_unidentified_armed_group_s(sentence, name):
    (event,) = spotrep.extract(sentence, published=date(2024, 3, 14))
    assert event.actor1 is not None and event.actor1.name == f"Unidentified Armed Group ({name})"


def test_ordnance_gone_off_in_the_war_s_theatre_names_no_group():
    # in the Russia-Ukraine war the mines that go off are either army's: who laid it is not said
    (event,) = spotrep.extract(
        "A landmine exploded under a tractor near Balakliia, Kharkiv region, wounding the driver.",
        published=date(2024, 3, 14),
    )
    assert event.actor1 is None or event.actor1.kind != "armed_group"
