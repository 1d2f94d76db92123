"""The project's own evaluator (spotrep eval)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from spotrep.errors import MalformedRecordError
from spotrep.evaluation import evaluate, read_gold
from spotrep.model import Actor, Claim, Event, Location, Quantity


def _ev(sub="Armed clash", etype="Battles", lat=50.29, lon=36.94, day=date(2024, 5, 15), **kw):
    return Event(
        document_id="d",
        event_type=etype,
        sub_event_type=sub,
        event_date=day,
        date_start=day,
        date_end=day,
        time_precision=1,
        location=Location(
            name="Vovchansk", country="UA", admin1_code="UA-63", latitude=lat, longitude=lon, geo_precision=1
        ),
        **kw,
    )


GOLD = {
    "id": "g1",
    "document_id": "d",
    "sub_event_types": ["Armed clash"],
    "categories_any": ["armed_clash"],
    "date_start": "2024-05-14",
    "date_end": "2024-05-15",
    "location": {"lat": 50.2908, "lon": 36.9411, "radius_km": 25},
    "actor1_country": "RU",
    "claim_source_country": "UA",
}


def test_a_matching_event_counts_and_its_fields_are_scored():
    e = _ev(actor1=Actor(name="x", country="RU", kind="military"), claim=Claim(source_country="RU"))
    r = evaluate([GOLD], [e])
    assert (r.matched, r.spurious, r.gold_required) == (1, 0, 1)
    assert r.f1 == 1.0
    acc = r.field_accuracy()
    assert acc["actor1"] == 1.0 and acc["claim_source"] == 0.0


@pytest.mark.parametrize(
    "event, why",
    [
        (_ev(lat=49.99, lon=36.23), "Kharkiv is 55 km away"),
        (_ev(day=date(2024, 5, 20)), "five days late"),
        (_ev(sub="Peaceful protest", etype="Protests"), "wrong type"),
    ],
)
def test_events_that_do_not_fit_are_missed_and_spurious(event, why):
    r = evaluate([GOLD], [event])
    assert r.matched == 0, why
    assert r.missed_ids == ["g1"] and r.spurious == 1


def test_region_gold_with_country_fallback():
    gold = {**GOLD, "location": {"admin1_code": "UA-63", "or_country": "UA"}}
    country_only = Event(
        document_id="d",
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=date(2024, 5, 15),
        location=Location(country="UA", geo_precision=3),
    )
    assert evaluate([gold], [country_only]).matched == 1


def test_optional_gold_is_never_missed_and_absorbs_a_prediction():
    optional = {**GOLD, "id": "g2", "optional": True}
    r = evaluate([optional], [_ev()])
    assert (r.gold_required, r.matched, r.spurious) == (0, 0, 0)


def test_quantities_and_qualifiers_are_checked():
    gold = {**GOLD, "quantities": [{"count": 30000, "qualifier_any": ["at_least"]}]}
    good = _ev(quantities=[Quantity(count=30000, unit="troop", qualifier="at_least")])
    bad = _ev(quantities=[Quantity(count=30000, unit="troop", qualifier="exact")])
    assert evaluate([gold], [good]).field_accuracy()["quantities"] == 1.0
    assert evaluate([gold], [bad]).field_accuracy()["quantities"] == 0.0


def test_read_gold_reports_the_bad_line(tmp_path):
    f = tmp_path / "gold.jsonl"
    f.write_text(json.dumps(GOLD) + "\n{oops\n")
    with pytest.raises(MalformedRecordError, match=":2"):
        read_gold(f)
