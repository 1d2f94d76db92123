"""Settlement labels for a map drawn without tiles: the gazetteer's settlements in a view, largest first, one per
patch of the screen at the map's zoom (so that labels do not overlap), and fewer small places when zoomed out.

    >>> from spotrep.gazetteer.labels import settlement_labels
    >>> labels = settlement_labels((35.0, 49.0, 38.0, 51.0), zoom=8)
    >>> labels[0].name
    'Kharkiv'

Only settlements with their own coordinates are labelled (not the villages placed at their hromada's centre).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from .data import APPROX_EXACT, APPROX_IMPORTED, CLASS_NAMES, KIND_SETTLEMENT, Gazetteer

MAX_LABELS = 300
"""The most labels one request returns."""

CELL_PX = (110, 28)
"""The patch of the screen (width, height in pixels) that one label takes: at most one label per patch."""

MIN_POPULATION = {3: 1_000_000, 4: 300_000, 5: 100_000, 6: 40_000, 7: 10_000, 8: 3_000, 9: 500}
"""The smallest settlement labelled at a zoom (below 3: as at 3; above 9: every settlement)."""


@dataclass(frozen=True)
class Label:
    name: str
    lat: float
    lon: float
    population: int | None
    kind: str  # city, town, village or place
    country: str | None


_lock = threading.Lock()
_order: dict[int, list[int]] = {}


def _ranked(gaz: Gazetteer) -> list[int]:
    """The gazetteer's labelled settlements, most important first: by population, then administrative rank."""
    key = id(gaz)
    found = _order.get(key)
    if found is not None:
        return found
    with _lock:
        if key not in _order:
            d = gaz.data
            chosen = [
                i
                for i in range(len(d.names))
                if d.kind[i] == KIND_SETTLEMENT
                and d.approx[i] in (APPROX_EXACT, APPROX_IMPORTED)
                and not math.isnan(d.lat[i])
                and not gaz.is_city_district(i)
            ]
            chosen.sort(key=lambda i: (-d.population[i], -d.rank[i], d.klass[i] or 9, d.names[i]))
            _order.clear()
            _order[key] = chosen
    return _order[key]


def _pixel(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel coordinates of a point at a zoom (256-pixel tiles)."""
    size = 256 * 2**zoom
    x = (lon + 180.0) / 360.0 * size
    s = math.sin(math.radians(max(-85.0, min(85.0, lat))))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * size
    return x, y


def min_population(zoom: int) -> int:
    if zoom > max(MIN_POPULATION):
        return 0
    return MIN_POPULATION[max(min(MIN_POPULATION), zoom)]


def settlement_labels(
    bbox: tuple[float, float, float, float],
    zoom: int,
    *,
    limit: int = MAX_LABELS,
    gazetteer: Gazetteer | None = None,
) -> list[Label]:
    """The labels for the view ``bbox`` (west, south, east, north in degrees) at ``zoom`` (0-18): the largest
    settlements first, at most one per ``CELL_PX`` patch of the screen, at most ``limit``."""
    from .cache import get_gazetteer

    gaz = gazetteer if gazetteer is not None else get_gazetteer()
    d = gaz.data
    west, south, east, north = bbox
    floor = min_population(zoom)
    taken: set[tuple[int, int]] = set()
    out: list[Label] = []
    for i in _ranked(gaz):
        population = d.population[i]
        if floor and population < floor:
            break  # ranked by population: none further qualifies
        lat, lon = d.lat[i], d.lon[i]
        if not (south <= lat <= north and west <= lon <= east):
            continue
        x, y = _pixel(lat, lon, zoom)
        cell = (int(x // CELL_PX[0]), int(y // CELL_PX[1]))
        if cell in taken or (cell[0] + 1, cell[1]) in taken or (cell[0] - 1, cell[1]) in taken:
            continue  # a larger place's label is there (or beside it)
        taken.add(cell)
        out.append(
            Label(
                name=d.names[i],
                lat=round(lat, 5),
                lon=round(lon, 5),
                population=population if population > 0 else None,
                kind=CLASS_NAMES[d.klass[i]],
                country=gaz.country(i),
            )
        )
        if len(out) >= limit:
            break
    return out
