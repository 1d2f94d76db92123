"""Matching predicted events against a genre table's expected events, the way ACLED's scorer matches them.

An expected event is matched by a predicted event of the same ACLED sub_event_type, at the same place and
within the row's date window:

* place: the expected name is resolved in the gazetteer under the region the row names
  (``resolve_name(name, admin1_code=code)``); a settlement matches a prediction within 25 km of it, a region
  (oblast, Russian federal subject) matches any prediction whose ``admin1_code`` is that region's;
* date: the prediction's ``event_date`` is within ``tol`` days of the expected date (0 where the text gives the
  day, 1 where the genre is vague: "overnight", "over the past day", reports published the next morning);
* fields, only where the row gives them: fatalities, injuries, actor1's country.

Each predicted event matches at most one expected event (greedy, in the row's order). A row may also cap the
number of events (``max_events``): spurious events (a tally split into two events, a quoted denial reported as an
event) count against precision in ACLED's scorer as much as a missed one counts against recall.

A failing row says which kind of failure it is (``no event``, ``wrong type``, ``wrong place``, ``wrong date``,
``wrong fields``, ``spurious events``) and lists what was predicted, so a failure can be read without running the
pipeline by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

import pytest

from spotrep.gazetteer.data import haversine_km
from spotrep.model import Event, Location
from spotrep.taxonomy import SUB_EVENT_TYPES

RADIUS_KM = 25.0

# ACLED sub-event types, short names for the tables
CLASH = "Armed clash"
REGAIN = "Government regains territory"
OVERTAKE = "Non-state actor overtakes territory"
AIR = "Air/drone strike"
SHELL = "Shelling/artillery/missile attack"
IED = "Remote explosive/landmine/IED"
GRENADE = "Grenade"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
PEACEFUL = "Peaceful protest"
INTERVENED = "Protest with intervention"
RIOT = "Violent demonstration"
AGREEMENT = "Agreement"
ARREST = "Arrests"
INTERCEPT = "Disrupted weapons use"
LOOTING = "Looting/property destruction"
OTHER = "Other"

# failure kinds, in the order a row is diagnosed: the first one that applies is the row's kind
NO_EVENT = "no event"
WRONG_TYPE = "wrong type"
WRONG_PLACE = "wrong place"
WRONG_DATE = "wrong date"
WRONG_FIELDS = "wrong fields"
SPURIOUS = "spurious events"
KINDS = (NO_EVENT, WRONG_TYPE, WRONG_PLACE, WRONG_DATE, WRONG_FIELDS, SPURIOUS)


class TableError(Exception):
    """A genre table row is malformed (unknown sub-event type, a place the gazetteer does not have)."""


@dataclass(frozen=True)
class Want:
    """One expected event of a row."""

    sub: str
    place: str
    code: str
    date: str
    tol: int = 0
    fat: int | None = None
    inj: int | None = None
    a1: str | None = None
    district: str | None = None

    def describe(self) -> str:
        extra = "".join(
            f" {k}={v}" for k, v in (("fat", self.fat), ("inj", self.inj), ("a1", self.a1)) if v is not None
        )
        window = f"+-{self.tol}d" if self.tol else ""
        where = f"{self.place} ({self.district + ', ' if self.district else ''}{self.code})"
        return f"{self.sub} @ {where} on {self.date}{window}{extra}"


@dataclass(frozen=True)
class Case:
    """One row: a text, its publication date, the events it must yield and the most it may yield."""

    text: str
    published: str
    wants: tuple[Want, ...] = ()
    max_events: int | None = None


@dataclass
class Outcome:
    """What checking one row found: the failure kinds (empty when the row passes) and a readable account."""

    kinds: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    briefs: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.kinds

    def brief(self) -> str:
        """One line saying what goes wrong, short enough for an xfail reason."""
        return "; ".join(dict.fromkeys(self.briefs))

    def message(self) -> str:
        return "\n".join(self.lines)


def want(
    sub: str,
    place: str,
    code: str,
    on: str,
    *,
    tol: int = 0,
    fat: int | None = None,
    inj: int | None = None,
    a1: str | None = None,
    district: str | None = None,
) -> Want:
    """An expected event: ACLED sub_event_type, place name and its ISO 3166-2 region, date (+- tol days).

    ``district`` (the raion, as the gazetteer spells it) picks one of several same-name villages of a region.
    """
    if sub not in SUB_EVENT_TYPES:
        raise TableError(f"unknown ACLED sub-event type {sub!r}")
    date.fromisoformat(on)
    return Want(sub, place, code, on, tol, fat, inj, a1, district)


def case(
    ident: str,
    text: str,
    published: str,
    *wants: Want,
    max_events: int | None = None,
    xfail: str | None = None,
) -> pytest.param:
    """A table row as a pytest param; ``xfail`` (the reason it fails today) marks it strict-xfail."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(Case(text, published, tuple(wants), max_events), id=ident, marks=marks)


def quiet(ident: str, text: str, published: str, *, xfail: str | None = None) -> pytest.param:
    """A row that reports no event (negated, future, background, denial, analysis): it must yield none."""
    return case(ident, text, published, max_events=0, xfail=xfail)


@cache
def expected_location(name: str, code: str, district: str | None = None) -> Location:
    """The gazetteer's entry for an expected place, constrained to the region (and raion) the row names."""
    from spotrep.places import resolve_name

    loc = resolve_name(name, admin1_code=code) if district is None else _in_district(name, code, district)
    if loc is None or loc.latitude is None or loc.longitude is None:
        raise TableError(f"{name!r} is not in the gazetteer under {code} {district or ''}")
    return loc


def _in_district(name: str, code: str, district: str) -> Location | None:
    """The entry named ``name`` in one raion of a region: same-name villages are told apart by raion."""
    from spotrep.gazetteer import get_gazetteer

    g = get_gazetteer()
    for entry, _quality in g.lookup(name):
        loc = g.location(entry)
        if loc.admin1_code == code and loc.admin2 == district:
            return loc
    return None


def want_location(w: Want) -> Location:
    return expected_location(w.place, w.code, w.district)


def is_region(loc: Location) -> bool:
    return loc.geo_precision == 3


def distance_km(loc: Location, ev: Event) -> float | None:
    got = ev.location
    if got is None or got.latitude is None or got.longitude is None:
        return None
    return haversine_km(loc.latitude, loc.longitude, got.latitude, got.longitude)


def place_ok(w: Want, ev: Event) -> bool:
    loc = want_location(w)
    if is_region(loc):
        return ev.location is not None and ev.location.admin1_code == w.code
    d = distance_km(loc, ev)
    return d is not None and d <= RADIUS_KM


def date_ok(w: Want, ev: Event) -> bool:
    if ev.event_date is None:
        return False
    return abs((ev.event_date - date.fromisoformat(w.date)).days) <= w.tol


def fields_ok(w: Want, ev: Event) -> bool:
    if w.fat is not None and ev.fatalities != w.fat:
        return False
    if w.inj is not None and ev.injuries != w.inj:
        return False
    return not (w.a1 is not None and (ev.actor1 is None or ev.actor1.country != w.a1))


def diagnose(w: Want, events: list[Event]) -> str:
    """The kind of failure for an expected event no prediction matches: the first criterion nothing meets.

    ``events`` are the predictions not yet matched to another expected event of the row.
    """
    if not events:
        return NO_EVENT
    typed = [e for e in events if e.sub_event_type == w.sub]
    if not typed:
        return WRONG_TYPE
    placed = [e for e in typed if place_ok(w, e)]
    if not placed:
        return WRONG_PLACE
    dated = [e for e in placed if date_ok(w, e)]
    if not dated:
        return WRONG_DATE
    return WRONG_FIELDS


def _short_place(ev: Event) -> str:
    loc = ev.location
    if loc is None or loc.name is None:
        return "no place"
    return loc.name if loc.geo_precision != 3 else f"{loc.name} (region)"


def brief(w: Want, kind: str, events: list[Event]) -> str:
    """What goes wrong with one expected event, in a few words."""
    if kind == NO_EVENT:
        return f"no {w.sub} event at {w.place}" if events else "no event"
    if kind == WRONG_TYPE:
        there = [e for e in events if place_ok(w, e)] or events
        got = sorted({e.sub_event_type for e in there})
        return f"{w.sub} at {w.place} typed as {' / '.join(got)}"
    typed = [e for e in events if e.sub_event_type == w.sub]
    if kind == WRONG_PLACE:
        loc = want_location(w)
        near = min(typed, key=lambda e: distance_km(loc, e) or 1e9)
        d = distance_km(loc, near)
        far = f", {d:.0f} km" if d is not None and not is_region(loc) else ""
        return f"{w.place} placed at {_short_place(near)}{far}"
    if kind == WRONG_DATE:
        dates = sorted({str(e.event_date) for e in typed if place_ok(w, e)})
        return f"{w.place} dated {', '.join(dates)} not {w.date}"
    hits = [e for e in typed if place_ok(w, e) and date_ok(w, e)]
    wrong = []
    if w.fat is not None and all(e.fatalities != w.fat for e in hits):
        wrong.append(f"fatalities {hits[0].fatalities} not {w.fat}")
    if w.inj is not None and all(e.injuries != w.inj for e in hits):
        wrong.append(f"injuries {hits[0].injuries} not {w.inj}")
    if w.a1 is not None and all(e.actor1 is None or e.actor1.country != w.a1 for e in hits):
        got = hits[0].actor1.country if hits[0].actor1 else None
        wrong.append(f"actor1 {got} not {w.a1}")
    return f"{w.place}: {', '.join(wrong)}"


def is_split_casualties(ev: Event) -> bool:
    """An Attack carrying only the toll of another event: the casualty sentence was typed on its own."""
    return ev.sub_event_type == ATTACK and (ev.fatalities is not None or ev.injuries is not None)


def brief_spurious(row: Case, events: list[Event], used: list[Event]) -> str:
    extra = [e for e in events if not any(e is m for m in used)]
    shown = ", ".join(
        "casualties as a separate Attack"
        if is_split_casualties(e)
        else f"{e.sub_event_type} at {_short_place(e)}"
        for e in extra[:3]
    )
    more = f" (+{len(extra) - 3})" if len(extra) > 3 else ""
    return f"{len(events)} events for at most {row.max_events}: extra {shown}{more}"


def describe_event(ev: Event, w: Want | None = None) -> str:
    loc = ev.location
    where = f"{loc.name} ({loc.admin1_code or loc.country}) p{loc.geo_precision}" if loc else "no place"
    if w is not None:
        d = distance_km(want_location(w), ev)
        where += f" {d:.0f} km" if d is not None else ""
    a1 = ev.actor1.country if ev.actor1 else None
    evidence = ev.evidence[0].text if ev.evidence else ""
    if len(evidence) > 90:
        evidence = evidence[:87] + "..."
    return (
        f"  - {ev.sub_event_type} @ {where} on {ev.event_date} "
        f"fat={ev.fatalities} inj={ev.injuries} a1={a1} [{ev.claim.status}] | {evidence}"
    )


def check(row: Case, events: list[Event]) -> Outcome:
    """Match a row's expected events against the predictions; the outcome lists every failure."""
    out = Outcome()
    free = list(events)
    used: list[Event] = []  # predictions that match an expected event, or would but for its fields
    for w in row.wants:
        hit = next((e for e in free if e.sub_event_type == w.sub and place_ok(w, e) and date_ok(w, e)), None)
        full = next(
            (
                e
                for e in free
                if e.sub_event_type == w.sub and place_ok(w, e) and date_ok(w, e) and fields_ok(w, e)
            ),
            None,
        )
        if full is not None:
            free.remove(full)
            used.append(full)
            continue
        if hit is not None:
            used.append(hit)
        kind = WRONG_FIELDS if hit is not None else diagnose(w, free)
        out.kinds.append(kind)
        out.lines.append(f"{kind}: expected {w.describe()}")
        out.briefs.append(brief(w, kind, free))
    if row.max_events is not None and len(events) > row.max_events:
        out.kinds.append(SPURIOUS)
        out.lines.append(f"{SPURIOUS}: {len(events)} events, at most {row.max_events} expected")
        out.briefs.append(brief_spurious(row, events, used))
    if out.kinds:
        first = row.wants[0] if row.wants else None
        out.lines.append(f"predicted ({len(events)}):")
        out.lines.extend(describe_event(e, first) for e in events)
    return out


def run(row: Case) -> Outcome:
    from spotrep import extract

    return check(row, extract(row.text, published=row.published))


def assert_row(row: Case) -> None:
    outcome = run(row)
    assert outcome.ok, outcome.message()
