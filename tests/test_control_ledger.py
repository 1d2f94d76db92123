"""The control ledger as pure functions over events: entries, claim levels, episodes and reasons."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spotrep.control.ledger import (
    CONTESTED,
    UNKNOWN,
    build_ledgers,
    entry_from_event,
    is_inside,
    is_partial_withdrawal,
)
from spotrep.model import Location

from .control_fakes import days, ocheretyne_claim, report, settlement


def ledger_of(events, **kw):
    ledgers = build_ledgers(events, **kw)
    assert len(ledgers) == 1, ledgers.keys()
    return next(iter(ledgers.values()))


RU_CLAIM = ocheretyne_claim(document_id=None)
UA_ADMISSION = report(
    "Ukraine's army said on Thursday its troops had withdrawn from Ocheretyne to save soldiers' lives.",
    category="withdrawal",
    place="Ocheretyne",
    day=days(3),
    actor1="UA",
    source="Ukrainian army",
    source_country="UA",
)
UA_DENIAL = report(
    "Ukraine's General Staff denied that Russian troops had captured Ocheretyne, saying fighting went on.",
    category="territory_captured",
    place="Ocheretyne",
    day=days(1),
    actor1="RU",
    source="Ukrainian General Staff",
    source_country="UA",
    status="denied",
)


def test_a_capture_claimed_by_the_side_that_gains_is_claimed_not_confirmed():
    status = ledger_of([RU_CLAIM]).status_at(days(0))
    assert (status.status, status.since, status.claim_status) == ("RU", days(0), "claimed")
    assert "not confirmed by UA or an independent source" in status.reason
    (entry,) = status.history
    assert (entry.controller, entry.status, entry.source_country) == ("RU", "claimed", "RU")


def test_a_claim_followed_by_the_other_sides_admission_becomes_confirmed():
    ledger = ledger_of([RU_CLAIM, UA_ADMISSION])
    before = ledger.status_at(days(2))
    assert (before.status, before.claim_status) == ("RU", "claimed")
    after = ledger.status_at(days(3))
    assert (after.status, after.since, after.claim_status) == ("RU", days(0), "confirmed")
    assert [e.status for e in after.history] == ["confirmed", "confirmed"]
    assert [e.stated_status for e in after.history] == ["claimed", "reported"]
    assert "confirmed by Ukrainian army (UA)" in after.reason


def test_an_independent_report_confirms_a_claim():
    independent = report(
        "Ocheretyne has fallen to Russian forces, according to geolocated footage verified by analysts.",
        category="territory_captured",
        place="Ocheretyne",
        day=days(2),
        actor1="RU",
        source="Institute for the Study of War",
        source_country="US",
        status="assessed",
    )
    status = ledger_of([RU_CLAIM, independent]).status_at(days(2))
    assert (status.status, status.claim_status) == ("RU", "confirmed")


def test_two_reports_from_the_side_that_gains_stay_claimed():
    again = RU_CLAIM.model_copy(update={"document_id": "other", "event_date": days(1), "event_id": "x"})
    status = ledger_of([RU_CLAIM, again]).status_at(days(1))
    assert status.claim_status == "claimed"


def test_a_denial_keeps_the_claim_disputed():
    ledger = ledger_of([RU_CLAIM, UA_DENIAL])
    status = ledger.status_at(days(5))
    assert (status.status, status.claim_status) == ("RU", "disputed")
    assert "denied by Ukrainian General Staff (UA)" in status.reason
    assert [e.status for e in status.history] == ["claimed", "denied"]


def test_an_admission_after_a_denial_confirms_the_claim():
    status = ledger_of([RU_CLAIM, UA_DENIAL, UA_ADMISSION]).status_at(days(5))
    assert status.claim_status == "confirmed"


def test_a_denial_reported_just_before_the_claim_still_answers_it():
    early = UA_DENIAL.model_copy(
        update={"event_date": days(-1), "date_start": days(-1), "date_end": days(-1)}
    )
    status = ledger_of([RU_CLAIM, early]).status_at(days(0))
    assert status.claim_status == "disputed"


def test_a_later_recapture_flips_the_status_with_the_new_date():
    recapture = report(
        "Ukrainian troops recaptured Ocheretyne on Sunday after a night assault, the Ukrainian army said.",
        category="territory_captured",
        place="Ocheretyne",
        day=days(20),
        actor1="UA",
        source="Ukrainian army",
        source_country="UA",
        status="claimed",
    )
    ledger = ledger_of([RU_CLAIM, UA_ADMISSION, recapture])
    assert ledger.status_at(days(19)).status == "RU"
    status = ledger.status_at(days(20))
    assert (status.status, status.since, status.claim_status) == ("UA", days(20), "claimed")
    assert "before: RU since 2024-05-06" in status.reason
    assert [e.controller for e in status.history] == ["RU", "RU", "UA"]


def test_street_fighting_inside_a_settlement_makes_it_contested_from_that_day():
    fighting = report(
        "Authorities in Vovchansk said there was intense street-to-street fighting in the town.",
        category="armed_clash",
        place="Vovchansk",
        day=days(9),
        source="Vovchansk military administration",
        source_country="UA",
    )
    ledger = ledger_of([fighting])
    assert ledger.status_at(days(8)).status == UNKNOWN
    status = ledger.status_at(days(9))
    assert (status.status, status.since) == (CONTESTED, days(9))
    assert "fighting inside it" in status.reason


def test_fighting_near_a_settlement_changes_nothing_but_is_kept_in_the_history():
    near = report(
        "Heavy clashes were reported near Lyptsi, north of Kharkiv.",
        category="armed_clash",
        place="Lyptsi",
        day=days(4),
        precision=2,
        source="Ukrainian General Staff",
        source_country="UA",
    )
    status = ledger_of([near]).status_at(days(4))
    assert status.status == UNKNOWN
    assert status.history[0].controller is None
    assert "fighting or advance nearby" in status.reason


def test_a_partial_pull_back_leaves_the_settlement_contested_and_a_full_withdrawal_hands_it_over():
    partial = report(
        "In certain spots near Vovchansk our units were moved to more advantageous positions.",
        category="withdrawal",
        place="Vovchansk",
        day=days(9),
        actor1="UA",
        precision=2,
        source="military spokesman",
        source_country="UA",
    )
    assert ledger_of([partial]).status_at(days(9)).status == CONTESTED
    full = report(
        "Ukrainian forces withdrew from Krynky after months of fighting, the navy spokesman said.",
        category="withdrawal",
        place="Krynky",
        day=days(60),
        actor1="UA",
        source="navy spokesman",
        source_country="UA",
    )
    status = ledger_of([full]).status_at(days(60))
    assert (status.status, status.claim_status) == ("RU", "reported")


@pytest.mark.parametrize(
    ("sentence", "precision", "partial"),
    [
        (
            "In certain spots in Lukyantsi and Vovchansk areas, units moved to advantageous positions.",
            2,
            True,
        ),
        ("Ukrainian units pulled back from positions near Ocheretyne after heavy fighting.", 2, True),
        ("Troops withdrew to the outskirts of Avdiivka, the commander said.", 1, True),
        ("The brigade partially withdrew from Krasnohorivka.", 1, True),
        ("Our forces moved to prepared defensive lines west of the village.", 1, True),
        ("Ukrainian forces withdrew from Avdiivka to avoid encirclement.", 1, False),
        ("Kyiv's troops pulled out of Marinka entirely.", 1, False),
        ("Ukraine's army said it had abandoned the village of Berdychi.", 1, False),
        ("The Ukrainian army retreated, the spokesman said.", 1, False),
        ("The Ukrainian army retreated, the spokesman said.", 2, True),
    ],
)
def test_withdrawal_extent_from_the_wording(sentence, precision, partial):
    assert is_partial_withdrawal([sentence], precision) is partial


@pytest.mark.parametrize(
    ("sentence", "precision", "inside"),
    [
        ("There was intense street-to-street fighting in the border town.", 2, True),
        ("Russian troops entered Chasiv Yar's Kanal district.", 2, True),
        ("House-to-house battles raged in the centre of Bakhmut.", 1, True),
        ("Fighting continued in Chasiv Yar on Friday.", 1, True),
        ("Fighting continued near Chasiv Yar on Friday.", 1, False),
        ("Russian forces advanced towards Pokrovsk.", 1, False),
        ("Clashes were reported on the approaches to Kurakhove.", 1, False),
        ("Battles took place 5 km south of Velyka Novosilka.", 1, False),
        ("Clashes were reported in the area.", 2, False),
    ],
)
def test_fighting_inside_or_near_from_the_wording(sentence, precision, inside):
    assert is_inside([sentence], precision) is inside


def test_the_cues_are_read_in_the_sentences_that_name_the_place():
    # the withdrawal sentence names Ocheretyne (under another spelling); the "near" belongs to another place
    event = report(
        "Ukrainian troops withdrew from Ocheretyne. Fighting went on near Pokrovsk.",
        category="withdrawal",
        place="Ocheretyne",
        day=days(3),
        actor1="UA",
        source="Ukrainian army",
        source_country="UA",
    )
    event = event.model_copy(
        update={
            "evidence": [
                event.evidence[0].model_copy(update={"text": "Ukrainian troops withdrew from Ocheretyne."}),
                event.evidence[0].model_copy(update={"text": "Fighting went on near Pokrovsk."}),
            ]
        }
    )
    entry = entry_from_event(event)
    assert entry is not None and (entry.effect, entry.controller) == ("withdrawal", "RU")


def test_a_background_event_is_an_entry_with_its_own_date_in_the_reporters_voice():
    # the attribution of the news sentence ("X claimed ...") was copied onto the background clause
    background = report(
        "Russia claimed Robotyne, one of the few villages Kyiv retook in its counteroffensive last summer.",
        category="territory_captured",
        place="Ocheretyne",
        day=date(2023, 8, 28),
        start=date(2023, 6, 1),
        actor1="UA",
        source="Russian defence ministry",
        source_country="RU",
        status="claimed",
        document_id="wire-2024-05-15",
        publisher="AFP",
    )
    entry = entry_from_event(background, published=date(2024, 5, 15))
    assert entry is not None
    assert (entry.background, entry.controller, entry.status) == (True, "UA", "reported")
    assert (entry.source, entry.source_country) == ("AFP", None)
    assert entry.date == date(2023, 8, 28)
    news = entry_from_event(background, published=date(2023, 8, 29))
    assert news is not None and not news.background and news.source == "Russian defence ministry"


def test_without_a_publication_date_a_documents_latest_event_dates_its_background():
    old = report(
        "Ukraine retook the village last summer.",
        category="territory_captured",
        place="Ocheretyne",
        day=date(2023, 8, 28),
        actor1="UA",
        document_id="doc",
    )
    new = RU_CLAIM.model_copy(update={"document_id": "doc"})
    history = ledger_of([old, new]).status_at(days(0)).history
    assert [e.background for e in history] == [True, False]


def test_events_at_a_region_or_without_date_or_side_make_no_entry():
    region = Location(name="Kharkiv Oblast", country="UA", admin1_code="UA-63", geo_precision=3,
                      gazetteer_id="iso:UA-63", latitude=49.8, longitude=36.3)  # fmt: skip
    at_region = RU_CLAIM.model_copy(update={"location": region, "geo_precision": 3})
    undated = RU_CLAIM.model_copy(update={"event_date": None, "date_start": None, "date_end": None})
    no_side = RU_CLAIM.model_copy(update={"actor1": None})
    shelling = RU_CLAIM.model_copy(update={"categories": ["shelling"]})
    for event in (at_region, undated, no_side, shelling):
        assert entry_from_event(event) is None
    assert build_ledgers([at_region, undated, no_side, shelling]) == {}


def test_a_settlement_with_no_entry_before_the_date_is_unknown():
    status = ledger_of([RU_CLAIM]).status_at(days(-10))
    assert (status.status, status.since, status.claim_status, status.history) == (UNKNOWN, None, None, [])
    assert "no report of who holds it" in status.reason


def test_the_json_shape_of_a_status():
    data = ledger_of([RU_CLAIM, UA_ADMISSION]).status_at(days(3)).to_dict()
    assert set(data) >= {"place", "status", "as_of", "history"}
    assert data["place"]["name"] == "Ocheretyne" and data["as_of"] == "2024-05-09"
    item = data["history"][0]
    assert set(item) >= {"date", "controller", "source", "source_country", "status", "evidence"}
    assert item["evidence"][0]["text"].startswith("Russia's defence ministry")


def test_one_ledger_per_settlement_whatever_the_spelling_of_its_events():
    other = settlement("Vovchansk")
    fight = report("Street fighting in Vovchansk.", category="armed_clash", place="Vovchansk", day=days(9))
    ledgers = build_ledgers([RU_CLAIM, UA_ADMISSION, fight, fight.model_copy(update={"location": other})])
    assert sorted(x.place.name for x in ledgers.values()) == ["Ocheretyne", "Vovchansk"]


EVENTS = [RU_CLAIM, UA_DENIAL, UA_ADMISSION]


@settings(max_examples=40, deadline=None)
@given(st.permutations(EVENTS), st.integers(min_value=-2, max_value=8))
def test_the_status_does_not_depend_on_the_order_events_arrive_in(events, offset):
    expected = ledger_of(EVENTS).status_at(days(offset))
    got = ledger_of(list(events)).status_at(days(offset))
    assert (got.status, got.since, got.claim_status, got.reason) == (
        expected.status,
        expected.since,
        expected.claim_status,
        expected.reason,
    )


def test_entries_of_the_same_day_put_the_outcome_after_the_fighting():
    fighting = report(
        "Fierce fighting in Ocheretyne.", category="armed_clash", place="Ocheretyne", day=days(0)
    )
    events = [RU_CLAIM, fighting]
    random.Random(1).shuffle(events)
    status = ledger_of(events).status_at(days(0))
    assert status.status == "RU"
