"""Where the front line of the Russia-Ukraine war ran on a given date, and how far a point was from it.

Why: reports name villages that repeat many times in one oblast (eight Mykolaivkas in Donetsk oblast alone). For
a military event (shelling, clashes, advances) the village meant is almost always the one near the front on the
report's date, so the place resolver can use the distance to the front as a prior among same-name candidates
of one region. This module only knows the lines; how much the resolver trusts them is the resolver's business.

The lines (``frontline_data.SECTORS``) are hand-written and coarse: polylines of well-known settlements, one
point every 15-60 km, each stretch in force for a period between widely reported changes (a town's capture or
liberation). Two kinds: ``contact`` (ground fighting) and ``border`` (the state border from Bryansk to
Belgorod, shelled from both sides from 24 February 2022 on, but no line of contact). Settlement names are
resolved through the gazetteer on first use (never at import) and the geometry is kept for the process; a name
that does not resolve raises :class:`FrontLineDataError` (tests resolve them all).

Distances are computed in a local equirectangular projection centred on the query point: exact enough (well
under 1 %) for segments of a few tens of kilometres at these latitudes, and free of antimeridian trouble since
the theatre lies between 22 and 41 degrees east.

    >>> from datetime import date
    >>> front_distance_km(48.14, 37.75, date(2023, 6, 1))   # Avdiivka           # doctest: +SKIP
    0.0
"""

from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property, lru_cache
from typing import Any

from ..errors import SpotrepError

log = logging.getLogger(__name__)

KIND_CONTACT = "contact"
KIND_BORDER = "border"
KINDS = (KIND_CONTACT, KIND_BORDER)

WAR_COUNTRIES = frozenset({"UA", "RU"})
"""Points of other countries have no front distance (None): the prior is for the war's theatre only."""

KM_PER_DEG_LAT = 110.574
KM_PER_DEG_LON_EQUATOR = 111.320

COUNTRY_CELL_DEG = 0.5
"""Grid cell (degrees) of the settlement index that tells which country a bare coordinate lies in."""
COUNTRY_SEARCH_RINGS = 2
"""How many rings of cells around a point are searched for its nearest settlement (at least 55 km)."""
COUNTRY_MAX_KM = 50.0
"""A point farther than this from every settlement (open sea) has no country."""


class FrontLineDataError(SpotrepError):
    """The front-line data is malformed or names a settlement the gazetteer cannot resolve."""

    code = "frontline_data"


@dataclass(frozen=True)
class FrontLine:
    """One polyline of one sector, resolved: points are (latitude, longitude) of gazetteer settlements."""

    area: str
    kind: str
    start: date
    end: date | None  # inclusive; None: still in force when the data was written
    label: str
    names: tuple[str, ...]  # "Name@UA-14" (or "Name@UA-14/raion"), as written in the data
    points: tuple[tuple[float, float], ...]
    entries: tuple[int, ...]  # the gazetteer entries the names resolved to

    def in_force(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)

    @cached_property
    def bounds(self) -> tuple[float, float, float, float]:
        """(min latitude, max latitude, min longitude, max longitude) of the line's points."""
        lats = [p[0] for p in self.points]
        lons = [p[1] for p in self.points]
        return min(lats), max(lats), min(lons), max(lons)

    def bounds_km(self, lat: float, lon: float) -> float:
        """Kilometres from (lat, lon) to the line's bounding box in the projection centred on the point: never
        more than the distance to the line itself, so a line whose box is far need not be measured."""
        lat0, lat1, lon0, lon1 = self.bounds
        dy = max(0.0, lat0 - lat, lat - lat1) * KM_PER_DEG_LAT
        dx = max(0.0, lon0 - lon, lon - lon1) * _km_per_deg_lon(lat)
        return math.hypot(dx, dy)

    def to_feature(self) -> dict[str, Any]:
        """The line as a GeoJSON Feature (a LineString, or a Point for a one-settlement sector)."""
        coords = [[round(lon, 5), round(lat, 5)] for lat, lon in self.points]
        geometry = (
            {"type": "Point", "coordinates": coords[0]}
            if len(coords) == 1
            else {"type": "LineString", "coordinates": coords}
        )
        return {
            "type": "Feature",
            "geometry": geometry,
            "properties": {
                "area": self.area,
                "kind": self.kind,
                "label": self.label,
                "start": self.start.isoformat(),
                "end": self.end.isoformat() if self.end else None,
                "names": [parse_point(n)[0] for n in self.names],
            },
        }


@dataclass(frozen=True)
class FrontReading:
    """How far a point was from the front on a date, and which line was nearest."""

    distance_km: float
    line: FrontLine


# --- geometry ---------------------------------------------------------------------------------------------
def _km_per_deg_lon(lat: float) -> float:
    return KM_PER_DEG_LON_EQUATOR * math.cos(math.radians(lat))


def _project(lat0: float, lon0: float, lat: float, lon: float) -> tuple[float, float]:
    """(x, y) km of (lat, lon) in the equirectangular projection centred on (lat0, lon0)."""
    return (lon - lon0) * _km_per_deg_lon(lat0), (lat - lat0) * KM_PER_DEG_LAT


def segment_distance_km(lat: float, lon: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    """Kilometres from (lat, lon) to the segment a-b (each a (lat, lon) pair), in a projection centred on
    the point: the nearest point of the segment is its foot of the perpendicular, clamped to the ends."""
    ax, ay = _project(lat, lon, *a)
    bx, by = _project(lat, lon, *b)
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0.0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length2))
    return math.hypot(ax + t * dx, ay + t * dy)


def polyline_distance_km(lat: float, lon: float, points: tuple[tuple[float, float], ...]) -> float:
    """Kilometres from (lat, lon) to a polyline (one point: the distance to that point)."""
    if len(points) == 1:
        return math.hypot(*_project(lat, lon, *points[0]))
    return min(segment_distance_km(lat, lon, points[i], points[i + 1]) for i in range(len(points) - 1))


# --- the data, resolved once ------------------------------------------------------------------------------
_lock = threading.Lock()
_built_from: Any = None  # the gazetteer instance the geometry was resolved with
_lines: tuple[FrontLine, ...] = ()
_country_grid: dict[tuple[int, int], list[int]] = {}
_grid_from: Any = None


def _parse_date(value: Any, what: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise FrontLineDataError(f"front-line data: {what}: bad date {value!r}") from exc


def parse_point(text: str) -> tuple[str, str, str | None]:
    """("Name", "UA-14", None) from "Name@UA-14"; ("Name", "UA-23", "Polohivskyi raion") from
    "Name@UA-23/Polohivskyi raion" (the raion tells apart two settlements of one name in one region)."""
    name, sep, rest = text.rpartition("@")
    region, _, raion = rest.partition("/")
    name, region, raion = name.strip(), region.strip().upper(), raion.strip()
    if not sep or not name or len(region) < 4 or region[2] != "-":
        raise FrontLineDataError(f"front-line data: {text!r} is not 'Name@ISO 3166-2 region'", point=text)
    return name, region, raion or None


def resolve_point(g: Any, name: str, region: str, raion: str | None = None) -> int:
    """The gazetteer entry of a settlement named ``name`` in ``region`` (and ``raion`` when given).

    Entries with exact coordinates come first (a village known only to KATOTTG sits at its hromada's centre,
    up to 20-30 km off), then how well the name matches (own name, attested alternate, generated variant),
    then population. Raises FrontLineDataError when the region has no settlement of that name."""
    ranked = rank_candidates(g, name, region, raion)
    if not ranked:
        where = f"{raion}, {region}" if raion else region
        raise FrontLineDataError(
            f"front-line data: no settlement {name!r} in {where} in the gazetteer", name=name, region=region
        )
    return ranked[0][0]


def rank_candidates(g: Any, name: str, region: str, raion: str | None = None) -> list[tuple[int, int]]:
    """(entry, quality) of the settlements of that name in that region (and raion), best first (see
    resolve_point)."""
    from .data import KIND_SETTLEMENT

    pairs = g.lookup(name, loose=False) or g.lookup(name)
    found = [
        (e, q)
        for e, q in pairs
        if g.kind(e) == KIND_SETTLEMENT
        and g.admin1_code(e) == region
        and (raion is None or (g.admin2(e) or "").lower() == raion.lower())
    ]
    found.sort(key=lambda p: (g.precision(p[0]) > 1, p[1], -(g.population(p[0]) or 0), p[0]))
    return found


def _build_lines(g: Any) -> tuple[FrontLine, ...]:
    from .frontline_data import SECTORS

    lines: list[FrontLine] = []
    for n, sector in enumerate(SECTORS):
        what = f"sector {n} ({sector.get('area')})"
        kind = sector.get("kind")
        if kind not in KINDS:
            raise FrontLineDataError(f"front-line data: {what}: kind {kind!r} is not one of {KINDS}")
        start = _parse_date(sector.get("start"), what)
        end = None if sector.get("end") is None else _parse_date(sector["end"], what)
        if end is not None and end < start:
            raise FrontLineDataError(f"front-line data: {what} ends before it starts")
        for names in sector.get("lines") or ():
            if not names:
                raise FrontLineDataError(f"front-line data: {what} has an empty line")
            entries = tuple(resolve_point(g, *parse_point(text)) for text in names)
            points = tuple(g.point(e) for e in entries)
            lines.append(
                FrontLine(
                    area=str(sector["area"]),
                    kind=kind,
                    start=start,
                    end=end,
                    label=str(sector.get("label") or ""),
                    names=tuple(names),
                    points=points,
                    entries=entries,
                )
            )
    return tuple(lines)


def all_lines() -> tuple[FrontLine, ...]:
    """Every line of every period, resolved through the gazetteer on first call and then kept (resolved again
    only when the process loads another gazetteer)."""
    global _lines, _built_from
    from .cache import get_gazetteer

    g = get_gazetteer()
    if _built_from is not g:
        with _lock:
            if _built_from is not g:
                t0 = time.perf_counter()
                _lines = _build_lines(g)
                _built_from = g
                _lines_on.cache_clear()
                log.info("front lines: %d lines resolved in %.3f s", len(_lines), time.perf_counter() - t0)
    return _lines


def reset() -> None:
    """Forget the resolved geometry and the country index (the next call resolves them again)."""
    global _built_from, _grid_from
    with _lock:
        _built_from = None
        _grid_from = None
    _lines_on.cache_clear()


# --- queries ----------------------------------------------------------------------------------------------
def _as_date(on: date | datetime) -> date:
    return on.date() if isinstance(on, datetime) else on


def war_start() -> date:
    """The first day any line is in force (before it, the war had no front: distances are None)."""
    from .frontline_data import SECTORS

    return min(_parse_date(s["start"], "start") for s in SECTORS)


@lru_cache(maxsize=4096)
def _lines_on(on: date, border: bool) -> tuple[FrontLine, ...]:
    return tuple(line for line in _lines if line.in_force(on) and (border or line.kind == KIND_CONTACT))


def lines_on(on: date | datetime, *, border: bool = True) -> tuple[FrontLine, ...]:
    """The lines in force on a date (with the border belt unless ``border=False``); empty before the war."""
    all_lines()
    return _lines_on(_as_date(on), border)


def lines_geojson(on: date | datetime, *, border: bool = True) -> dict[str, Any]:
    """The lines in force on a date as a GeoJSON FeatureCollection (for a map)."""
    return {
        "type": "FeatureCollection",
        "features": [line.to_feature() for line in lines_on(on, border=border)],
    }


def front_reading(
    lat: float,
    lon: float,
    on: date | datetime,
    *,
    country: str | None = None,
    border: bool = False,
    cap_km: float | None = None,
) -> FrontReading | None:
    """The nearest line in force on ``on`` and its distance; None before the war or outside Ukraine and
    Russia. ``country`` (ISO alpha-2) is the point's country when the caller knows it (a gazetteer entry's);
    otherwise it is the country of the nearest settlement. ``border=True`` counts the shelled state border as
    front too (by default only lines of contact count). With ``cap_km``, a caller that only cares about
    distances below it saves the work: lines whose bounding box is farther are not measured, and when every
    line is, the reading says ``cap_km`` (with the line whose box is nearest)."""
    if math.isnan(lat) or math.isnan(lon):
        return None
    lines = lines_on(on, border=border)
    if not lines:
        return None
    if (country.upper() if country else country_at(lat, lon)) not in WAR_COUNTRIES:
        return None
    best: FrontReading | None = None
    for line in lines:
        if cap_km is not None and line.bounds_km(lat, lon) >= (cap_km if best is None else best.distance_km):
            if best is None:
                best = FrontReading(cap_km, line)
            continue
        d = polyline_distance_km(lat, lon, line.points)
        if cap_km is not None:
            d = min(d, cap_km)
        if best is None or d < best.distance_km:
            best = FrontReading(d, line)
    return best


def front_distance_km(
    lat: float,
    lon: float,
    on: date | datetime,
    *,
    country: str | None = None,
    border: bool = False,
    cap_km: float | None = None,
) -> float | None:
    """Kilometres from (lat, lon) to the nearest line of contact in force on ``on`` (see front_reading; at most
    ``cap_km`` when given); None before the war or outside Ukraine and Russia."""
    reading = front_reading(lat, lon, on, country=country, border=border, cap_km=cap_km)
    return None if reading is None else reading.distance_km


# --- the country of a bare coordinate ---------------------------------------------------------------------
def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / COUNTRY_CELL_DEG), math.floor(lon / COUNTRY_CELL_DEG)


def _grid(g: Any) -> dict[tuple[int, int], list[int]]:
    """Settlement entries by grid cell (built once per gazetteer: about 0.3 s for 260,000 entries)."""
    global _country_grid, _grid_from
    if _grid_from is not g:
        with _lock:
            if _grid_from is not g:
                from .data import KIND_SETTLEMENT

                data = g.data
                grid: dict[tuple[int, int], list[int]] = {}
                kinds, lats, lons = data.kind, data.lat, data.lon
                for i in range(len(kinds)):
                    if kinds[i] == KIND_SETTLEMENT and not math.isnan(lats[i]):
                        grid.setdefault(_cell(lats[i], lons[i]), []).append(i)
                _country_grid, _grid_from = grid, g
    return _country_grid


def country_at(lat: float, lon: float) -> str | None:
    """The country (ISO alpha-2) of the settlement nearest (lat, lon), None when none is within
    COUNTRY_MAX_KM (open sea). Coarse near borders (a point a few kilometres inside Belarus may read as
    Ukraine), which is enough to keep the front prior out of other countries."""
    from .cache import get_gazetteer

    g = get_gazetteer()
    grid = _grid(g)
    ci, cj = _cell(lat, lon)
    best, best_d = None, math.inf
    for ring in range(COUNTRY_SEARCH_RINGS + 1):
        for di in range(-ring, ring + 1):
            for dj in range(-ring, ring + 1):
                if max(abs(di), abs(dj)) != ring:
                    continue
                for i in grid.get((ci + di, cj + dj), ()):
                    d = math.hypot(*_project(lat, lon, g.data.lat[i], g.data.lon[i]))
                    if d < best_d:
                        best, best_d = i, d
        # any settlement of the next ring is at least ``ring`` cells away
        if best is not None and best_d <= ring * COUNTRY_CELL_DEG * _km_per_deg_lon(lat):
            break
    return None if best is None or best_d > COUNTRY_MAX_KM else g.country(best)
