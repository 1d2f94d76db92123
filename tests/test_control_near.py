"""A capture told of a place near a settlement ("a village near X", "positions on the outskirts of X") is no
claim about who holds X: the ledger records it as activity nearby. Every sentence here was written for these
tests."""

from __future__ import annotations

import pytest

from spotrep.control.ledger import UNKNOWN, build_ledgers, entry_from_event, names_the_settlement

from .control_fakes import days, report


@pytest.mark.parametrize(
    ("sentence", "name", "precision", "itself"),
    [
        ("Moscow claims capture of village near Ocheretyne", "Ocheretyne", 2, False),
        (
            "Russia said its troops had captured a village near the key hub of Ocheretyne.",
            "Ocheretyne",
            2,
            False,
        ),
        (
            "Russian units took control of the outskirts of Vovchansk, the ministry said.",
            "Vovchansk",
            2,
            False,
        ),
        ("Russian troops seized positions close to Lyptsi on Tuesday.", "Lyptsi", 2, False),
        ("Russian forces captured two villages in the Ocheretyne area.", "Ocheretyne", 2, False),
        ("Russian forces captured a settlement 10 km from Vovchansk.", "Vovchansk", 2, False),
        (
            "Russian forces pushed forward in the Vovchansk direction and took a hamlet.",
            "Vovchansk",
            2,
            False,
        ),
        ("A village north-west of Ocheretyne fell to Russian troops.", "Ocheretyne", 2, False),
        # the settlement itself, whatever the precision of its coordinates
        (
            "Russia claimed it had captured the village of Ocheretyne, north of Avdiivka.",
            "Ocheretyne",
            2,
            True,
        ),
        ("Russian forces captured Ocheretyne, a village near Avdiivka.", "Ocheretyne", 1, True),
        ("Ukrainian troops drove Russian forces out of Krynky.", "Krynky", 1, True),
        ("Russian forces have taken the town of Vovchansk, the ministry said.", "Vovchansk", 1, True),
        # the evidence does not name it: the precision decides
        ("Russian forces captured the village.", "Krynky", 1, True),
        ("Russian forces captured the village.", "Krynky", 2, False),
    ],
)
def test_a_capture_names_the_settlement_itself_or_a_place_near_it(sentence, name, precision, itself):
    assert names_the_settlement([sentence], name, precision) is itself


def test_a_village_taken_near_a_settlement_is_activity_nearby_not_a_change_of_hands():
    near = report(
        "Moscow claims capture of village near Ocheretyne",
        category="territory_captured",
        place="Ocheretyne",
        day=days(0),
        actor1="RU",
        precision=2,
        source="Moscow",
        source_country="RU",
        status="claimed",
    )
    entry = entry_from_event(near)
    assert entry is not None
    assert (entry.effect, entry.controller) == ("nearby", None)
    assert "near it taken by RU" in entry.reason
    status = next(iter(build_ledgers([near]).values())).status_at(days(1))
    assert status.status == UNKNOWN
    assert "fighting or advance nearby" in status.reason


def test_the_settlement_taken_itself_changes_hands_at_either_precision():
    for precision in (1, 2):
        taken = report(
            "Russia claimed it had captured the village of Ocheretyne, north of Avdiivka.",
            category="territory_captured",
            place="Ocheretyne",
            day=days(0),
            actor1="RU",
            precision=precision,
            source="Russian defence ministry",
            source_country="RU",
            status="claimed",
        )
        status = next(iter(build_ledgers([taken]).values())).status_at(days(0))
        assert (status.status, status.claim_status) == ("RU", "claimed")
