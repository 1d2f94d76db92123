"""The Event record: validation and JSON round trips."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from spotrep.model import Actor, Claim, Event, Evidence, Location, Quantity
from spotrep.taxonomy import CATEGORIES, SUB_EVENT_TYPES


def _event(**kw) -> Event:
    base = dict(document_id="d1", event_type="Battles", sub_event_type="Armed clash")
    base.update(kw)
    return Event(**base)


def test_event_requires_a_known_sub_event_type():
    with pytest.raises(ValidationError):
        _event(sub_event_type="Skirmish")


def test_event_type_must_match_its_sub_event_type():
    with pytest.raises(ValidationError, match="belongs to"):
        _event(event_type="Protests")


def test_unknown_category_is_refused():
    with pytest.raises(ValidationError):
        _event(categories=["battle"])


def test_country_codes_are_normalised_and_checked():
    assert Actor(name="x", country="ua", kind="military").country == "UA"
    with pytest.raises(ValidationError):
        Actor(name="x", country="Ukraine")


def test_dates_must_be_ordered():
    with pytest.raises(ValidationError):
        _event(date_start=date(2024, 5, 15), date_end=date(2024, 5, 14))


def test_event_id_is_stable_for_the_same_content():
    a = _event(location=Location(name="Vovchansk", gazetteer_id="g:1"), date_start=date(2024, 5, 15))
    b = _event(location=Location(name="Vovchansk", gazetteer_id="g:1"), date_start=date(2024, 5, 15))
    assert a.event_id == b.event_id
    assert a.event_id != _event(location=Location(name="Lukyantsi")).event_id


countries = st.sampled_from(["UA", "RU", "SY", None])
sub_types = st.sampled_from(sorted(SUB_EVENT_TYPES))


@st.composite
def events(draw):
    sub = draw(sub_types)
    start = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)))
    return Event(
        document_id=draw(st.text(min_size=1, max_size=12)),
        event_date=start,
        date_start=start,
        date_end=start,
        time_precision=draw(st.sampled_from([1, 2, 3])),
        event_type=SUB_EVENT_TYPES[sub],
        sub_event_type=sub,
        categories=draw(st.lists(st.sampled_from(CATEGORIES), max_size=3, unique=True)),
        actor1=draw(
            st.none()
            | st.builds(
                Actor,
                name=st.text(min_size=1, max_size=20),
                country=countries,
                kind=st.sampled_from(["military", "civilians", "police"]),
            )
        ),
        location=Location(
            name=draw(st.text(max_size=20)),
            country=draw(countries),
            latitude=draw(st.floats(-90, 90)),
            longitude=draw(st.floats(-180, 180)),
            geo_precision=draw(st.sampled_from([1, 2, 3])),
        ),
        fatalities=draw(st.none() | st.integers(0, 10_000)),
        quantities=draw(
            st.lists(st.builds(Quantity, count=st.integers(0, 10**6), unit=st.text(min_size=1)), max_size=2)
        ),
        weapons=draw(st.lists(st.sampled_from(["drone", "ATACMS", "artillery"]), max_size=2, unique=True)),
        claim=Claim(
            source=draw(st.none() | st.text(max_size=20)),
            source_country=draw(countries),
            status=draw(st.sampled_from(["reported", "claimed", "denied", "assessed", "confirmed"])),
        ),
        evidence=[Evidence(text=draw(st.text(max_size=40)), start=0, end=draw(st.integers(0, 100)))],
        notes=draw(st.text(max_size=60)),
    )


@given(events())
def test_event_json_round_trip_preserves_the_record(event):
    again = Event.model_validate_json(event.model_dump_json())
    assert again == event
    assert Event.model_validate(event.to_json_dict()) == event
