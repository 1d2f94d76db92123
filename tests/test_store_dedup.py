"""Deduplication rules and the merging of reports, as pure functions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spotrep.model import Claim, Location, Quantity
from spotrep.store.dedup import (
    Report,
    best_match,
    dates_overlap,
    distance_km,
    merge,
    place_distance,
    place_key,
    same_event,
)

from .store_fakes import make_event


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((49.9935, 36.2304), (50.0050, 36.2292), 1.28),  # Kharkiv centre to Derzhprom
        ((50.4501, 30.5234), (49.8397, 24.0297), 469.0),  # Kyiv to Lviv
        ((48.2826, 37.1758), (48.3022, 37.2614), 6.67),  # Pokrovsk to Myrnohrad
    ],
)
def test_distances_are_great_circle_kilometres(a, b, km):
    assert distance_km(*a, *b) == pytest.approx(km, rel=0.01)


@given(st.floats(-89, 89), st.floats(-179, 179), st.floats(-89, 89), st.floats(-179, 179))
def test_distance_is_symmetric_and_never_negative(lat1, lon1, lat2, lon2):
    d = distance_km(lat1, lon1, lat2, lon2)
    assert d >= 0 and d == pytest.approx(distance_km(lat2, lon2, lat1, lon1), abs=1e-6)


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ({"day": date(2024, 5, 15)}, {"day": date(2024, 5, 15)}, True),
        ({"day": date(2024, 5, 15)}, {"day": date(2024, 5, 14)}, True),
        ({"day": date(2024, 5, 15)}, {"day": date(2024, 5, 13)}, False),
        (
            {"date_start": date(2024, 5, 6), "date_end": date(2024, 5, 12)},
            {"date_start": date(2024, 5, 12), "date_end": date(2024, 5, 18)},
            True,
        ),
        (
            {"date_start": date(2024, 5, 6), "date_end": date(2024, 5, 12)},
            {"date_start": date(2024, 5, 13), "date_end": date(2024, 5, 19)},
            False,
        ),  # two weeks, no tolerance
        ({"date_start": date(2024, 5, 6), "date_end": date(2024, 5, 12)}, {"day": date(2024, 5, 13)}, True),
        ({"day": None, "time_precision": None}, {"day": date(2024, 5, 15)}, False),
        ({"day": None, "event_date": date(2024, 5, 15)}, {"day": date(2024, 5, 16)}, True),  # event_date only
    ],
)
def test_date_intervals_overlap_with_a_day_of_tolerance_for_single_days(a, b, overlap):
    assert dates_overlap(make_event("a", **a), make_event("b", **b)) is overlap


def test_a_city_district_within_ten_km_is_the_same_place_and_the_next_town_is_not():
    centre = make_event("a")
    district = make_event("b", place="Saltivka", lat=50.03, lon=36.30)
    town = make_event("c", place="Chuhuiv", lat=49.836, lon=36.686)
    assert place_distance(centre, district) == pytest.approx(6.4, abs=0.2)
    assert place_distance(centre, town) is None


def test_different_countries_are_never_the_same_place():
    a = make_event("a", lat=50.0, lon=36.0)
    b = make_event("b", lat=50.0, lon=36.0, country="RU", admin1="Belgorod Oblast", admin1_code="RU-BEL")
    assert place_distance(a, b) is None


def test_places_without_coordinates_match_by_name_in_the_same_region():
    a = make_event("a", lat=None, lon=None, place="Lyptsi")
    b = make_event("b", lat=None, lon=None, place="lyptsi")
    c = make_event("c", lat=None, lon=None, place="Lyptsi", admin1="Sumy Oblast", admin1_code="UA-59")
    assert place_distance(a, b) == 0.0 and place_distance(a, c) is None


def test_place_keys_prefer_the_gazetteer_then_the_name_then_the_region():
    assert place_key(Location(name="Kharkiv", gazetteer_id="gn:706483")) == "gz:gn:706483"
    assert place_key(Location(name="Kharkiv", country="UA", admin1_code="UA-63")) == "name:UA|ua-63|kharkiv"
    assert (
        place_key(Location(name="Kharkiv Oblast", country="UA", admin1_code="UA-63"), 3) == "admin1:UA|ua-63"
    )
    assert place_key(Location()) is None


def test_the_best_match_is_the_nearest_compatible_candidate():
    new = make_event("n", lat=50.0, lon=36.25)
    candidates = [
        (1, make_event("a", lat=50.05, lon=36.3)),
        (2, make_event("b", lat=50.001, lon=36.251)),
        (3, make_event("c", lat=50.0, lon=36.25, actor1_country="UA")),  # incompatible actor
    ]
    assert best_match(new, candidates) == 2
    assert best_match(new, [(3, candidates[2][1])]) is None


def test_conflicting_figures_are_kept_as_low_best_high():
    reports = [
        Report("a", make_event("a", fatalities=12, injuries=30), 0),
        Report("b", make_event("b", fatalities=7, injuries=25), 1),
        Report("c", make_event("c", fatalities=None), 2),
    ]
    m = merge(reports, event_id="e")
    assert (m.fatalities_low, m.fatalities_best, m.fatalities_high) == (7, 7, 12)
    assert m.event.fatalities == 7 and m.event.injuries == 25 and m.event.source_count == 3


def test_a_denial_does_not_lower_the_figures_of_those_who_report_the_event():
    reports = [
        Report("a", make_event("a", fatalities=5), 0),
        Report(
            "b",
            make_event("b", fatalities=0, claim=Claim(source="MoD", source_country="RU", status="denied")),
            1,
        ),
    ]
    m = merge(reports, event_id="e")
    assert (m.fatalities_low, m.fatalities_high) == (5, 5)
    assert m.event.claim.status == "reported"  # a denial: not confirmed
    assert [c.status for c in m.claims] == ["reported", "denied"]


def test_both_sides_asserting_the_event_confirm_it():
    ua = make_event("a")
    ru = make_event(
        "b", claim=Claim(source="Russian defence ministry", source_country="RU", status="claimed")
    )
    m = merge([Report("a", ua, 0), Report("b", ru, 1)], event_id="e")
    assert m.event.claim.status == "confirmed" and m.event.claim.source == "regional governor"
    same_side = make_event("c", claim=Claim(source="mayor", source_country="UA", status="reported"))
    assert (
        merge([Report("a", ua, 0), Report("c", same_side, 1)], event_id="e").event.claim.status == "reported"
    )


def test_merging_unites_categories_weapons_and_new_quantities():
    a = make_event(
        "a",
        categories=["drone_strike"],
        weapons=["Shahed"],
        quantities=[Quantity(count=17, unit="drones", qualifier="exact")],
    )
    b = make_event(
        "b",
        categories=["drone_strike", "infrastructure_disruption"],
        weapons=["shahed", "Kh-59"],
        quantities=[Quantity(count=20, unit="drones"), Quantity(count=3, unit="missiles")],
    )
    m = merge([Report("a", a, 0), Report("b", b, 1)], event_id="e")
    assert m.event.categories == ["drone_strike", "infrastructure_disruption"]
    assert m.event.weapons == ["Shahed", "Kh-59"]
    assert [(q.count, q.unit) for q in m.event.quantities] == [(17, "drones"), (3, "missiles")]


def test_the_merged_record_does_not_depend_on_the_order_reports_arrive_in_when_precision_differs():
    vague = make_event("a", geo_precision=2, notes="near Kharkiv", fatalities=3)
    precise = make_event("b", notes="in Kharkiv", fatalities=4, actor1_country="none")
    one = merge([Report("a", vague, 0), Report("b", precise, 1)], event_id="e").event
    two = merge([Report("b", precise, 0), Report("a", vague, 1)], event_id="e").event
    assert one.notes == two.notes == "in Kharkiv"
    assert one.actor1 == two.actor1 and one.actor1 is not None  # filled from the vaguer report
    assert one.fatalities == two.fatalities == 3


def test_a_single_report_merges_to_itself():
    ev = make_event("a", weapons=["drone", "drone"], fatalities=2)
    m = merge([Report("a", ev, 0)], event_id=ev.event_id)
    expected = ev.model_copy(
        update={"evidence": [e.model_copy(update={"document_id": "a"}) for e in ev.evidence]}
    )
    assert m.event == expected


def test_same_event_needs_every_condition():
    base = make_event("a")
    assert same_event(base, make_event("b"))
    assert not same_event(
        base, make_event("b", sub_event_type="Armed clash", event_type="Battles", categories=["armed_clash"])
    )
