"""Killings told with the verbs of atrocity reporting: "beheaded", "hacked to death", "lynched", "executed".
Each counts its victims as killed, and an execution of people is an attack (ACLED codes the killing of
unarmed people as Violence against civilians / Attack). Every sentence here was written for these tests, in the
style of monitoring reports and wire copy."""

from __future__ import annotations

from datetime import date

import pytest

import spotrep
from spotrep.numbers.casualties import find_casualties


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Insurgents beheaded four woodcutters near the village on Tuesday.", 4),
        ("Attackers hacked to death seven herders in the night.", 7),
        ("A mob lynched two men accused of theft.", 2),
        ("Gunmen executed three truck drivers at a checkpoint.", 3),
        ("Militants were beheading two hostages when troops arrived.", 2),
    ],
)
def test_verbs_of_atrocity_count_the_dead(sentence, killed) -> None:
    assert find_casualties(sentence).fatalities == killed


@pytest.mark.parametrize(
    "sentence",
    [
        "Jihadists executed five farmers in Tillia on Sunday.",
        "Soldiers executed two detained men near Mopti on Sunday.",
    ],
)
def test_executing_people_is_an_attack(sentence) -> None:
    found = spotrep.extract(sentence, published=date(2023, 5, 2))
    assert found and found[0].sub_event_type == "Attack", [(e.sub_event_type, e.fatalities) for e in found]
    assert found[0].fatalities is not None and found[0].fatalities >= 2


def test_executing_a_plan_is_no_event() -> None:
    assert spotrep.extract("The rebels executed a plan to seize the town.", published=date(2023, 5, 2)) == []
