"""Deduplication across documents: when two reports tell the same event, how reports group into events,
and how their versions merge.

Two reports (from different documents) *match* when all of these hold:

* compatible type: the same ACLED sub-event type, or the same event type with at least one category in common;
* the same place: the same gazetteer entry, or points within ``RADIUS_KM`` (~10 km) of each other, or (without
  coordinates, and neither a gazetteer entry) the same settlement name in the same region and country.
  Region-precision events (geo_precision 3) merge only with region-precision events of the same region;
* overlapping date intervals (``date_start..date_end``), with a tolerance of ``DATE_TOLERANCE_DAYS`` when
  either event is a single day (a report of "yesterday" published a day late still matches), and intervals
  starting at most ``MATCH_WINDOW_DAYS`` apart; undated events never merge;
* compatible actors: the same actor1 country, or one of them unknown;
* and, when both are known, the same country.

Grouping (``cluster``) does not depend on the order documents arrive in: every report has a canonical *rank*
(``report_rank``: the most precise first, then by the document's publication date, content hash and the
report's id), and the reports are taken in rank order, each joining the best matching *seed* ranked before it
(the first report of an event), unless its own document already reports that event, or else seeding an event
of its own. An event is thus a function of the set of reports, whatever order and however many writers stored
them; the store keeps its events equal to ``cluster`` of its reports as documents arrive (``writer``).

The merged record is recomputed from all its reports (``merge``): the most precise report (location, then
date, then the rank) is the base; categories and weapons are the union; fatalities are kept as
low / best / high across the reports, best being the lowest figure (ACLED's conservative choice); every claim
is kept; the evidence of every document is kept with its ``document_id``.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from ..model import Actor, Claim, Event, Evidence, Location, Quantity

RADIUS_KM = 10.0
DATE_TOLERANCE_DAYS = 1
MATCH_WINDOW_DAYS = 31  # intervals starting further apart never match (a bound for the store's lookups)
EARTH_RADIUS_KM = 6371.0088

K = TypeVar("K")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def precision(event: Event) -> int | None:
    """The event's geo precision (the event's own field, else its location's)."""
    return event.geo_precision or event.location.geo_precision


def admin1_key(location: Location) -> str | None:
    """What identifies the region: its ISO 3166-2 code, else its name."""
    if location.admin1_code:
        return location.admin1_code.strip().upper()
    if location.admin1 and location.admin1.strip():
        return location.admin1.strip()
    return None


def place_key(location: Location, geo_precision: int | None = None) -> str | None:
    """A stable key for the place an event is located at (gazetteer id, else name in region, else
    region...)."""
    if location.gazetteer_id:
        return f"gz:{location.gazetteer_id}"
    country = location.country or ""
    region = (admin1_key(location) or "").casefold()
    if location.name and location.name.strip() and geo_precision != 3:
        return f"name:{country}|{region}|{location.name.strip().casefold()}"
    if region:
        return f"admin1:{country}|{region}"
    if location.latitude is not None and location.longitude is not None:
        return f"pt:{location.latitude:.4f},{location.longitude:.4f}"
    if country:
        return f"country:{country}"
    return None


def interval(event: Event) -> tuple[date, date] | None:
    """The event's date interval (date_start..date_end, falling back on event_date); None when undated."""
    start = event.date_start or event.event_date or event.date_end
    end = event.date_end or event.event_date or event.date_start
    if start is None or end is None:
        return None
    return (start, end) if start <= end else (end, start)


def dates_overlap(a: Event, b: Event, *, tolerance: int = DATE_TOLERANCE_DAYS) -> bool:
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return False
    tol = tolerance if (ia[0] == ia[1] or ib[0] == ib[1]) else 0
    a0, a1 = ia[0].toordinal(), ia[1].toordinal()
    b0, b1 = ib[0].toordinal(), ib[1].toordinal()
    return a0 <= b1 + tol and b0 <= a1 + tol and abs(a0 - b0) <= MATCH_WINDOW_DAYS


def types_compatible(a: Event, b: Event) -> bool:
    if a.sub_event_type == b.sub_event_type:
        return True
    return a.event_type == b.event_type and bool(set(a.categories) & set(b.categories))


def actors_compatible(a: Event, b: Event) -> bool:
    ca = a.actor1.country if a.actor1 else None
    cb = b.actor1.country if b.actor1 else None
    return ca is None or cb is None or ca == cb


def _same_region(a: Location, b: Location) -> bool:
    if a.admin1_code and b.admin1_code:
        return a.admin1_code.strip().upper() == b.admin1_code.strip().upper()
    if a.admin1 and b.admin1:
        return a.admin1.strip().casefold() == b.admin1.strip().casefold()
    return False


def place_distance(a: Event, b: Event, *, radius_km: float = RADIUS_KM) -> float | None:
    """How far apart the two events' places are (0 for the same place); None when they are not the same
    place."""
    la, lb = a.location, b.location
    if la.country and lb.country and la.country != lb.country:
        return None
    pa, pb = precision(a), precision(b)
    if pa == 3 or pb == 3:
        return 0.0 if pa == pb and _same_region(la, lb) else None
    if la.gazetteer_id and la.gazetteer_id == lb.gazetteer_id:
        return 0.0
    coords = (la.latitude, la.longitude, lb.latitude, lb.longitude)
    if all(c is not None for c in coords):
        d = distance_km(*coords)  # type: ignore[arg-type]
        return d if d <= radius_km else None
    if la.gazetteer_id or lb.gazetteer_id:
        return None  # a gazetteer entry is the same place only as itself (or by coordinates): not by name
    if la.name and lb.name and la.name.strip().casefold() == lb.name.strip().casefold():
        regions_known = (admin1_key(la) is not None) and (admin1_key(lb) is not None)
        if not regions_known or _same_region(la, lb):
            return 0.0
    return None


def match_score(new: Event, candidate: Event, *, radius_km: float = RADIUS_KM) -> tuple | None:
    """None when ``candidate`` is not the same event as ``new``; else a sort key (smaller is a better
    match)."""
    if not types_compatible(new, candidate) or not actors_compatible(new, candidate):
        return None
    if not dates_overlap(new, candidate):
        return None
    distance = place_distance(new, candidate, radius_km=radius_km)
    if distance is None:
        return None
    ia, ib = interval(new), interval(candidate)
    assert ia is not None and ib is not None
    day_gap = abs(ia[0].toordinal() - ib[0].toordinal()) + abs(ia[1].toordinal() - ib[1].toordinal())
    return (round(distance, 3), new.sub_event_type != candidate.sub_event_type, day_gap)


def same_event(a: Event, b: Event) -> bool:
    return match_score(a, b) is not None


def best_match(new: Event, candidates: Iterable[tuple[K, Event]]) -> K | None:
    """The key of the candidate that best matches ``new`` (the first among equals), or None."""
    best: tuple | None = None
    best_key: K | None = None
    for key, candidate in candidates:
        score = match_score(new, candidate)
        if score is not None and (best is None or score < best):
            best, best_key = score, key
    return best_key


# --- grouping: canonical rank and seeds ----------------------------------------------------------------------


def report_rank(event: Event, published: date | None, content_hash: str, report_id: str) -> str:
    """A report's canonical rank: its geo and time precision (the most precise first), its document's
    publication date and content hash (``documents.content_id``), its own id. Nothing in it depends on arrival.
    Every part but the last has a fixed width, so ranks compare as plain strings (by code point: in a database,
    by bytes, as SQLite's binary collation and PostgreSQL's "C" collation compare)."""
    gp = precision(event) or 4
    tp = event.time_precision or 4
    return f"{gp}{tp}|{published.isoformat() if published else '0000-00-00'}|{content_hash}|{report_id}"


@dataclass(frozen=True)
class Ranked:
    """A report as grouping sees it: its id, its canonical rank, its document and its record."""

    report_id: str
    rank: str
    document_id: str
    event: Event


def choose_seed(
    report: Ranked,
    seeds: Iterable[Ranked],
    *,
    excluded: Collection[str] = (),
) -> str | None:
    """The id of the seed ``report`` joins: the best match among the seeds ranked before it and not in
    ``excluded`` (the events its document already reports), the first ranked among equals; None when it seeds
    an event of its own."""
    before = sorted(
        (s for s in seeds if s.rank < report.rank and s.report_id not in excluded), key=lambda s: s.rank
    )
    return best_match(report.event, ((s.report_id, s.event) for s in before))


def cluster(reports: Iterable[Ranked]) -> dict[str, str]:
    """The grouping of reports into events: each report's id -> the id of its event's seed (the definition
    the store maintains incrementally; quadratic, for checking it)."""
    seed_of: dict[str, str] = {}
    seeds: list[Ranked] = []
    done: list[Ranked] = []
    for report in sorted(reports, key=lambda r: r.rank):
        excluded = {seed_of[r.report_id] for r in done if r.document_id == report.document_id}
        chosen = choose_seed(report, seeds, excluded=excluded)
        seed_of[report.report_id] = chosen or report.report_id
        if chosen is None:
            seeds.append(report)
        done.append(report)
    return seed_of


# --- merging ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    """One document's version of an event (``ordinal``: its place in the event's reports in rank order)."""

    document_id: str
    event: Event
    ordinal: int


@dataclass
class Merged:
    """The canonical record of an event told by one or more reports, and what the reports disagree on."""

    event: Event
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    claims: list[Claim] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    order: list[int] = field(default_factory=list)  # indexes of the reports, base first (evidence order)


_ASSERTING = ("reported", "claimed", "confirmed")


def _rank(report: Report) -> tuple:
    gp = precision(report.event) or 4
    tp = report.event.time_precision or 4
    return (gp, tp, report.ordinal)


def _first_actor(reports: Sequence[Report], attr: str) -> Actor | None:
    for r in reports:
        actor = getattr(r.event, attr)
        if actor is not None:
            return actor
    return None


def merge(reports: Sequence[Report], *, event_id: str) -> Merged:
    """The canonical record of the event the reports tell (see the module docstring)."""
    if not reports:
        raise ValueError("merge needs at least one report")
    order = sorted(range(len(reports)), key=lambda i: _rank(reports[i]))
    ranked = [reports[i] for i in order]
    base = ranked[0].event

    categories = list(dict.fromkeys(c for r in ranked for c in r.event.categories))
    weapons = list(base.weapons)  # the base's as they are; other reports add the weapons it does not name
    named = {w.casefold() for w in weapons}
    for r in ranked[1:]:
        for w in r.event.weapons:
            if w.casefold() not in named:
                weapons.append(w)
                named.add(w.casefold())
    quantities: list[Quantity] = list(base.quantities)
    units = {q.unit.casefold() for q in quantities}
    for r in ranked[1:]:
        for q in r.event.quantities:
            if q.unit.casefold() not in units:
                quantities.append(q)
                units.add(q.unit.casefold())

    # figures of reports that deny the event count only when every report denies it
    asserting = [r for r in ranked if r.event.claim.status != "denied"] or list(ranked)
    figures = [r.event.fatalities for r in asserting if r.event.fatalities is not None]
    low = min(figures) if figures else None
    high = max(figures) if figures else None
    injuries = [r.event.injuries for r in asserting if r.event.injuries is not None]

    by_rank = sorted(reports, key=lambda r: r.ordinal)
    claims = _distinct_claims(by_rank)
    claim = base.claim
    sides = {r.event.claim.source_country for r in reports if r.event.claim.status in _ASSERTING}
    sides.discard(None)
    if len(sides) >= 2 and not any(r.event.claim.status == "denied" for r in reports):
        claim = Claim(source=claim.source, source_country=claim.source_country, status="confirmed")

    evidence = [
        Evidence(text=e.text, start=e.start, end=e.end, document_id=r.document_id)
        for r in ranked
        for e in r.event.evidence
    ]
    sources = list(dict.fromkeys(r.event.source for r in by_rank if r.event.source))
    event = base.model_copy(
        update={
            "event_id": event_id,
            "document_id": ranked[0].document_id,
            "categories": categories,
            "weapons": weapons,
            "quantities": quantities,
            "actor1": base.actor1 or _first_actor(ranked, "actor1"),
            "actor2": base.actor2 or _first_actor(ranked, "actor2"),
            "fatalities": low,
            "injuries": min(injuries) if injuries else None,
            "claim": claim,
            "evidence": evidence,
            "source_count": len({r.document_id for r in reports}),
        }
    )
    return Merged(
        event=event,
        fatalities_low=low,
        fatalities_best=low,
        fatalities_high=high,
        claims=claims,
        sources=sources,
        order=order,
    )


def _distinct_claims(reports: Sequence[Report]) -> list[Claim]:
    seen: set[tuple] = set()
    out: list[Claim] = []
    for r in reports:
        c = r.event.claim
        key = (c.source, c.source_country, c.status)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
