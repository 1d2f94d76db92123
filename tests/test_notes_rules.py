"""Codebook rules met in ACLED-style notes of the world's conflicts: arson, forced disappearances, a crowd's
justice on a supposed offender, a device made safe, a province named alone. Every sentence here was written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest

import spotrep


def _types(text: str, published: date = date(2022, 7, 13)) -> list[str]:
    return [e.sub_event_type for e in spotrep.extract(text, published=published)]


@pytest.mark.parametrize(
    "sentence",
    [
        "On 11 July 2022, gunmen set ablaze a police divisional headquarters in Owerri after the officers fled.",
        "On 11 July 2022, gunmen set the local government secretariat ablaze in Owerri.",
        "On 11 July 2022, unknown men set fire to a polling unit office in Owerri.",
    ],
)
def test_setting_a_building_ablaze_is_property_destruction(sentence):
    assert _types(sentence)[0] == "Looting/property destruction"


def test_a_ceasefire_set_to_take_effect_burns_nothing():
    assert "Looting/property destruction" not in _types(
        "The cease-fire agreement between the army and the rebels is set to take effect tomorrow at midnight."
    )


def test_setting_up_a_headquarters_is_still_a_base():
    assert _types("On 11 July 2022, the rebels set up a new headquarters in Bunagana.")[0] == (
        "Headquarters or base established"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "On 11 July 2022, security forces raided a house in Turbat and forcibly disappeared three students.",
        "On 11 July 2022, plainclothes men forcibly disappeared a political activist in Turbat.",
    ],
)
def test_people_made_to_disappear_are_a_forced_disappearance(sentence):
    assert _types(sentence)[0] == "Abduction/forced disappearance"


def test_someone_who_disappeared_tells_no_event():
    assert _types("On 11 July 2022, a fisherman disappeared at sea near Turbat.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "On 11 July 2022, residents of a neighbourhood in Soacha beat a man accused of stealing a phone.",
        "On 11 July 2022, villagers of Kasese beat a suspected thief to death.",
    ],
)
def test_a_crowd_punishing_a_supposed_offender_is_mob_violence(sentence):
    assert _types(sentence)[0] == "Mob violence"


def test_a_device_made_safe_and_its_planting_told_after_are_no_explosion():
    text = (
        "On 11 July 2022, soldiers deactivated an explosive device left near the town hall of Tame. "
        "Dissidents were suspected of planting the device."
    )
    assert _types(text) == ["Disrupted weapons use"]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Two soldiers were killed in a clash with rebels in Eastern Samar on Monday.", "PH-08"),
        ("Troops clashed with militants in Lanao del Sur on Monday.", "PH-14"),
        ("Gunmen killed a farmer in Maguindanao del Norte on Monday.", "PH-14"),
    ],
)
def test_a_province_below_the_first_level_is_found_alone(sentence, code):
    found = spotrep.extract(sentence, published=date(2023, 5, 9))
    assert found and found[0].location is not None and found[0].location.admin1_code == code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a foiled attack is the attack (its fight), no weapons seized
        (
            "Troops foiled an attack on a checkpoint near Kupwara on Sunday, killing two terrorists.",
            ["Armed clash"],
        ),
        # weapons smuggled and stopped: disrupted weapons use (ACLED); drugs: no event of the codebook
        ("Troops foiled an attempt to smuggle weapons near Uri on Sunday.", ["Disrupted weapons use"]),
        ("Troops foiled an attempt to smuggle narcotics near Uri on Sunday.", []),
    ],
)
def test_what_was_foiled_says_what_happened(sentence, expected):
    assert _types(sentence, date(2023, 1, 3)) == expected


def test_the_rest_getting_away_after_a_fight_gives_up_no_ground():
    text = (
        "On Thursday, border guards applied the rules of engagement near Ruwaished, which resulted in the killing "
        "of three smugglers and the retreat of the rest into Syrian territory."
    )
    found = spotrep.extract(text, published=date(2023, 3, 17))
    assert "Non-violent transfer of territory" not in {e.sub_event_type for e in found}


def test_where_smuggled_goods_came_from_is_not_where_they_were_stopped():
    text = (
        "On Thursday, the army foiled an attempt to smuggle large quantities of weapons from Syrian territory into "
        "the Kingdom near Ruwaished."
    )
    found = spotrep.extract(text, published=date(2023, 3, 17))
    assert found and found[0].location is not None and found[0].location.admin1_code == "JO-MA"


def test_an_operation_launched_that_only_detained_is_an_arrest():
    text = (
        "Acting on a tip-off, troops and state police launched an operation near Kangpokpi, Manipur, on Friday and "
        "apprehended three members of an armed group."
    )
    assert _types(text, date(2024, 3, 12))[0] == "Arrests"
