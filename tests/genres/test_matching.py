"""The genre tables' matcher (ACLED-style: type, 25 km or same region, date window, fields) and the tables'
own consistency: every expected place is in the gazetteer under the region the row names."""

from __future__ import annotations

from datetime import date

import pytest

from spotrep.model import Actor, Event, Location

from .matching import (
    AIR,
    INTERCEPT,
    NO_EVENT,
    SHELL,
    SPURIOUS,
    WRONG_DATE,
    WRONG_FIELDS,
    WRONG_PLACE,
    WRONG_TYPE,
    Case,
    TableError,
    check,
    expected_location,
    want,
)

KHARKIV = (49.982, 36.255)


def event(sub: str, lat: float, lon: float, on: str, *, code: str = "UA-63", **kw) -> Event:
    from spotrep.taxonomy import SUB_EVENT_TYPES

    a1 = kw.pop("a1", None)
    return Event(
        document_id="d",
        event_type=SUB_EVENT_TYPES[sub],
        sub_event_type=sub,
        event_date=date.fromisoformat(on),
        location=Location(name="x", country=code[:2], admin1_code=code, latitude=lat, longitude=lon),
        actor1=Actor(name="a", country=a1, kind="military") if a1 else None,
        **kw,
    )


def row(*wants, max_events=None) -> Case:
    return Case("text", "2024-05-15", tuple(wants), max_events)


@pytest.mark.parametrize(
    ("predicted", "kinds"),
    [
        ([event(SHELL, *KHARKIV, "2024-05-15", fatalities=2, a1="RU")], []),
        ([event(SHELL, 50.15, 36.25, "2024-05-15", fatalities=2, a1="RU")], []),  # 19 km north: within 25 km
        ([], [NO_EVENT]),
        ([event(AIR, *KHARKIV, "2024-05-15")], [WRONG_TYPE]),
        ([event(SHELL, 50.29, 36.94, "2024-05-15")], [WRONG_PLACE]),  # Vovchansk, about 60 km
        ([event(SHELL, *KHARKIV, "2024-05-13")], [WRONG_DATE]),
        ([event(SHELL, *KHARKIV, "2024-05-15", fatalities=3, a1="RU")], [WRONG_FIELDS]),
        ([event(SHELL, *KHARKIV, "2024-05-15", fatalities=2, a1="UA")], [WRONG_FIELDS]),
    ],
    ids=["match", "within_radius", "none", "type", "place", "date", "fatalities", "actor"],
)
def test_expected_event_is_matched_by_type_place_date_and_fields(predicted, kinds) -> None:
    outcome = check(row(want(SHELL, "Kharkiv", "UA-63", "2024-05-15", fat=2, a1="RU")), predicted)
    assert outcome.kinds == kinds, outcome.message()


def test_date_window_accepts_a_day_either_side_when_the_genre_is_vague() -> None:
    w = want(SHELL, "Kharkiv", "UA-63", "2024-05-15", tol=1)
    assert check(row(w), [event(SHELL, *KHARKIV, "2024-05-14")]).ok
    assert not check(row(w), [event(SHELL, *KHARKIV, "2024-05-13")]).ok


def test_region_place_matches_any_prediction_in_the_region() -> None:
    w = want(INTERCEPT, "Odesa oblast", "UA-51", "2024-05-15")
    assert check(row(w), [event(INTERCEPT, 45.35, 28.84, "2024-05-15", code="UA-51")]).ok  # Izmail
    assert not check(row(w), [event(INTERCEPT, 46.98, 31.99, "2024-05-15", code="UA-48")]).ok  # Mykolaiv


def test_one_prediction_matches_one_expected_event() -> None:
    w = want(SHELL, "Kharkiv", "UA-63", "2024-05-15")
    outcome = check(row(w, w), [event(SHELL, *KHARKIV, "2024-05-15")])
    assert outcome.kinds == [NO_EVENT]


def test_events_beyond_the_rows_maximum_are_spurious() -> None:
    w = want(SHELL, "Kharkiv", "UA-63", "2024-05-15")
    two = [event(SHELL, *KHARKIV, "2024-05-15"), event(AIR, *KHARKIV, "2024-05-15")]
    outcome = check(row(w, max_events=1), two)
    assert outcome.kinds == [SPURIOUS]
    assert "Air/drone strike @ x" in outcome.message()


def test_unknown_sub_event_type_is_a_table_error() -> None:
    with pytest.raises(TableError):
        want("Shelling", "Kharkiv", "UA-63", "2024-05-15")


def test_place_missing_from_the_region_is_a_table_error() -> None:
    with pytest.raises(TableError):
        expected_location("Kharkiv", "UA-65")


def _all_wants():
    from .report import genres

    for name, table in genres().items():
        for param in table:
            for w in param.values[0].wants:
                yield pytest.param(w, id=f"{name}/{param.id}/{w.place}")


@pytest.mark.parametrize("w", list(_all_wants()))
def test_every_expected_place_is_in_the_gazetteer_under_its_region(w) -> None:
    loc = expected_location(w.place, w.code, w.district)
    assert loc.admin1_code == w.code


def test_every_genre_table_has_thirty_rows_or_more() -> None:
    from .report import genres

    sizes = {name: len(table) for name, table in genres().items()}
    assert all(n >= 30 for n in sizes.values()), sizes


def test_row_ids_are_unique_across_genres() -> None:
    from .report import genres

    ids = [p.id for table in genres().values() for p in table]
    assert len(ids) == len(set(ids))
