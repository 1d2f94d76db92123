"""Soldiers, troops and army patrols that no nationality qualifies are the forces of the country the event is
in, outside the Russia-Ukraine war (ACLED: "Military Forces of Nigeria (2015-2023)"). In the war's theatre both
armies fight on the same ground, so there the text or the story must say whose they are. Every sentence here
was written for these tests, in the style of ACLED notes and wire copy."""

from __future__ import annotations

from datetime import date

import pytest

import spotrep


def _sides(sentence: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None)
        for e in spotrep.extract(sentence, published=date(2022, 5, 3))
    ]


@pytest.mark.parametrize(
    ("sentence", "army"),
    [
        ("On 1 May 2022, gunmen killed two soldiers in Zacatecas.", "Military Forces of Mexico"),
        ("On 1 May 2022, suspected militants killed two soldiers in Kaya, Burkina Faso.", "Burkina Faso"),
        (
            "On 1 May 2022, soldiers killed five Boko Haram fighters near Maiduguri.",
            "Military Forces of Nigeria",
        ),
        ("On 1 May 2022, troops shelled two villages in Kani township (Sagaing region).", "Myanmar"),
    ],
)
def test_unqualified_soldiers_are_the_country_s_army(sentence, army) -> None:
    sides = _sides(sentence)
    assert any(army in (name or "") for pair in sides for name in pair), sides


def test_an_army_patrol_is_the_army_not_the_police() -> None:
    sides = _sides("On 1 May 2022, gunmen ambushed an army patrol near Culiacan, killing two soldiers.")
    assert sides and sides[0][1] is not None and sides[0][1].startswith("Military Forces of Mexico"), sides


def test_a_patrol_alone_is_the_police() -> None:
    sides = _sides("On 1 May 2022, gunmen ambushed a patrol near Culiacan, killing two officers.")
    assert sides and sides[0][1] is not None and sides[0][1].startswith("Police Forces of Mexico"), sides


def test_a_weapon_says_nothing_of_whose_army() -> None:
    # drones over Somalia are flown by more than one state: a drone strike names no army
    sides = _sides("On 1 May 2022, a drone strike killed two al-Shabaab fighters near Jilib.")
    assert sides and sides[0][0] is None, sides


def test_in_the_war_s_theatre_soldiers_are_not_the_ground_s_army() -> None:
    # Ukrainian ground, but the soldiers are not Ukraine's by their place: the text says nothing of whose
    sides = _sides("On 1 May 2022, soldiers fired mortars near Kupiansk.")
    assert sides and sides[0][0] is not None and "Ukraine" not in sides[0][0], sides


@pytest.mark.parametrize(
    "sentence",
    [
        # the units in brackets, which the parser may take for the subject, are not the actor
        (
            "On 3 May 2021, in Hpapun township (Hpapun district, Kayin State), the Myanmar military carried out "
            "airstrikes."
        ),
        "On 4 May 2021, in Tamu town (Tamu district, Sagaing region), the army shelled two villages.",
        # a unit by its abbreviation and number is the army's
        "On 5 May 2021, in Loikaw township (Kayah state), the military LIB 54 fired artillery shells.",
    ],
)
def test_the_actor_of_a_note_opening_with_its_place_in_brackets(sentence) -> None:
    sides = _sides(sentence)
    assert sides and (sides[0][0] or "").startswith("Military Forces of Myanmar"), sides


def test_a_numbered_building_is_no_unit() -> None:
    sides = _sides("On 5 May 2021, Military Hospital 2 was shelled in Loikaw.")
    assert sides and sides[0][0] is None, sides


def test_soldiers_struck_by_one_side_of_the_war_are_the_other_s() -> None:
    sides = _sides("On 1 May 2022, Russian shelling killed two soldiers in Kupiansk.")
    assert sides and sides[0] == (
        "Military Forces of Russia (2000-)",
        "Military Forces of Ukraine (2019-)",
    ), sides


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        (
            "On 1 May 2022, unidentified gunmen shot dead a journalist in Kaduna.",
            "Unidentified Armed Group (Nigeria)",
        ),
        (
            "Unknown assailants shot dead a village head in Melitopol on Monday.",
            "Unidentified Armed Group (Ukraine)",
        ),
    ],
)
def test_an_unnamed_armed_group_is_named_after_the_event_s_country(sentence, group) -> None:
    sides = _sides(sentence)
    assert sides and sides[0][0] == group, sides


def test_a_named_group_keeps_its_name() -> None:
    sides = _sides("On 1 May 2022, gunmen of the Free Kivu Front attacked Beni.")
    assert sides and sides[0][0] == "Free Kivu Front", sides
