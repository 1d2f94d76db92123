"""External control layers: map exports (DeepState GeoJSON) of who holds what, read with shapely.

A DeepState export is a GeoJSON FeatureCollection. Its polygons carry a trilingual ``name`` whose last part is
a key: ``geoJSON.status.occupied`` (occupied since 2022), ``geoJSON.status.dismissed`` or
``geoJSON.status.dismissed_at {{at:DD.MM}}`` (liberated), ``geoJSON.status.unknown`` (unknown status: the grey
zone), ``geoJSON.territories.crimea`` / ``.ordlo`` (occupied before 2022; other ``territories.*`` are
Russian-held areas outside Ukraine). Points (units, airfields, directions of attack) are not control areas.

Reading a layer at a point: the smallest area that contains the point says who holds it (``RU`` for occupied,
``UA`` for liberated, ``unknown`` for the grey zone); a point of the layer's subject country (Ukraine) in no
area is held by that country, as on the map. ``front_km`` is the distance to the nearest edge of the occupied
or grey areas (negative inside them), the width a "contested" report can be trusted to sit within.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import InputError
from ..store.dedup import distance_km

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

log = logging.getLogger(__name__)

AreaStatus = Literal["occupied", "liberated", "unknown"]
AREA_CONTROLLER: dict[str, str] = {"occupied": "RU", "liberated": "UA", "unknown": "unknown"}

_KEY = re.compile(r"geoJSON\.([\w.]+)")
_STATUS_KEYS: dict[str, AreaStatus] = {
    "status.occupied": "occupied",
    "status.dismissed": "liberated",
    "status.dismissed_at": "liberated",
    "status.unknown": "unknown",
    "zmiinyi_island": "liberated",
}
_WORDS: tuple[tuple[re.Pattern[str], AreaStatus], ...] = (
    (re.compile(r"\bunknown status\b|\bgrey zone\b|\bgray zone\b", re.I), "unknown"),
    (re.compile(r"\bliberated\b|\bde-?occupied\b", re.I), "liberated"),
    (re.compile(r"\boccupied\b", re.I), "occupied"),
)

SUBJECT_COUNTRY = "UA"
"""The country a DeepState layer maps: its points outside every area are held by it."""

FRONT_KM = 5.0
"""A "contested" report agrees with the map when the front (the edge of the occupied or grey areas) passes
within this many kilometres of the settlement's point, or when the point is in the grey zone."""


def area_status(properties: dict[str, Any]) -> AreaStatus | None:
    """The control status a feature's properties give (None: not a control area)."""
    name = str(properties.get("name") or "")
    match = _KEY.search(name)
    if match:
        key = match.group(1)
        if key in _STATUS_KEYS:
            return _STATUS_KEYS[key]
        if key.startswith("territories."):
            return "occupied"
        if key.startswith("status."):
            return None  # status.attack_direction and such
    for pattern, status in _WORDS:
        if pattern.search(name):
            return status
    status = str(properties.get("status") or "").strip().lower()
    return status if status in AREA_CONTROLLER else None  # type: ignore[return-value]


def area_label(properties: dict[str, Any]) -> str:
    """The English part of a DeepState name ("Liberated 25.03"), else the name."""
    name = " ".join(str(properties.get("name") or "").split())
    parts = [p.strip() for p in name.split("///") if p.strip()]
    english = [p for p in parts if p.isascii() and not p.startswith("geoJSON.")]
    return english[0] if english else (parts[0] if parts else "")


def date_from_name(path: str | Path) -> date | None:
    """The date a DeepState export's file name gives (a Unix time: ``1715636924.geojson`` is 2024-05-13)."""
    stem = Path(path).name.split(".")[0]
    if stem.isdigit() and 9 <= len(stem) <= 11:
        return datetime.fromtimestamp(int(stem), tz=UTC).date()
    return None


@dataclass
class ControlArea:
    status: AreaStatus
    label: str
    geometry: BaseGeometry

    @property
    def controller(self) -> str:
        return AREA_CONTROLLER[self.status]

    @cached_property
    def area(self) -> float:
        return float(self.geometry.area)

    @cached_property
    def bounds(self) -> tuple[float, float, float, float]:
        return tuple(self.geometry.bounds)  # type: ignore[return-value]


@dataclass(frozen=True)
class MapReading:
    """What a control layer says at a point."""

    layer: str
    layer_date: date
    controller: str | None  # "RU", "UA", "unknown" (grey zone), or None (outside the mapped country)
    area: str | None  # the area's status ("occupied", "liberated", "unknown") or None
    label: str | None
    front_km: float | None  # distance to the edge of the occupied/grey areas; negative inside them

    def to_dict(self) -> dict[str, Any]:
        return {
            "layer": self.layer,
            "layer_date": self.layer_date.isoformat(),
            "controller": self.controller,
            "area": self.area,
            "label": self.label,
            "front_km": None if self.front_km is None else round(self.front_km, 1),
        }


@dataclass
class ControlLayer:
    """One map of control on one date."""

    name: str
    layer_date: date
    areas: list[ControlArea]
    source: str = "deepstate"
    subject_country: str = SUBJECT_COUNTRY
    _front: Any = field(default=None, repr=False)

    def _front_geometry(self) -> BaseGeometry | None:
        if self._front is None:
            from shapely import prepare
            from shapely.ops import unary_union

            held = [a.geometry for a in self.areas if a.status in ("occupied", "unknown")]
            if not held:
                return None
            self._front = unary_union(held).boundary
            prepare(self._front)
        return self._front

    def read(self, latitude: float, longitude: float, *, country: str | None = None) -> MapReading:
        """Who the layer says holds the point; ``country`` is the place's country (None: assume mapped)."""
        from shapely import Point
        from shapely.ops import nearest_points

        point = Point(longitude, latitude)
        inside = [
            a
            for a in self.areas
            if a.bounds[0] <= longitude <= a.bounds[2]
            and a.bounds[1] <= latitude <= a.bounds[3]
            and a.geometry.covers(point)
        ]
        best = min(inside, key=lambda a: a.area) if inside else None
        front_km: float | None = None
        front = self._front_geometry()
        if front is not None:
            near = nearest_points(front, point)[0]
            front_km = distance_km(latitude, longitude, near.y, near.x)
            if best is not None and best.status in ("occupied", "unknown"):
                front_km = -front_km
        if best is not None:
            controller: str | None = best.controller
        elif country is None or country == self.subject_country:
            controller = self.subject_country
        else:
            controller = None
        return MapReading(
            layer=self.name,
            layer_date=self.layer_date,
            controller=controller,
            area=best.status if best else None,
            label=best.label if best else None,
            front_km=front_km,
        )


def parse_features(data: Any, *, name: str = "layer") -> list[tuple[AreaStatus, str, dict[str, Any]]]:
    """The control areas of a GeoJSON FeatureCollection: (status, label, geometry as GeoJSON) per polygon."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise InputError(f"{name}: not a GeoJSON FeatureCollection", name=name)
    out = []
    skipped = 0
    for feature in data.get("features") or []:
        geometry = (feature or {}).get("geometry") or {}
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        status = area_status(feature.get("properties") or {})
        if status is None:
            skipped += 1
            continue
        out.append((status, area_label(feature.get("properties") or {}), geometry))
    if skipped:
        log.info("%s: %d polygons with no control status skipped", name, skipped)
    return out


def make_area(status: AreaStatus, label: str, geometry: dict[str, Any]) -> ControlArea:
    """A ControlArea from GeoJSON geometry (2-D; invalid rings repaired)."""
    from shapely import force_2d, make_valid
    from shapely.geometry import shape

    try:
        geom = force_2d(shape(geometry))
    except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
        raise InputError(f"bad polygon in a control layer: {exc}") from exc
    if not geom.is_valid:
        geom = make_valid(geom)
    return ControlArea(status=status, label=label, geometry=geom)


def read_geojson(path: str | Path, layer_date: date | None = None) -> tuple[bytes, Any, date]:
    """The bytes, the parsed GeoJSON and the date of a control-layer file (the date defaults to the one its
    Unix-time file name gives)."""
    path = Path(path)
    when = layer_date or date_from_name(path)
    if when is None:
        raise InputError(
            f"{path.name}: give the map's date (--date YYYY-MM-DD); its name is not a Unix time",
            path=str(path),
        )
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", path=str(path)) from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory; give a GeoJSON file", path=str(path)) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not GeoJSON ({exc})", path=str(path)) from None
    return raw, data, when


def read_layer(
    path: str | Path, *, layer_date: date | None = None, source: str = "deepstate"
) -> ControlLayer:
    """Read a DeepState GeoJSON export as a layer (without a store)."""
    _raw, data, when = read_geojson(path, layer_date)
    name = Path(path).name
    areas = [make_area(*item) for item in parse_features(data, name=name)]
    return ControlLayer(name=name, layer_date=when, areas=areas, source=source)


def compare(controller: str | None, reading: MapReading | None, *, denied: bool = False) -> str:
    """Whether a ledger entry agrees with the map: ``agrees``, ``disagrees``, ``uncertain`` or ``no map``.

    A claim that a country holds the place agrees when the map shows that country and disagrees when it shows
    the other; the grey zone leaves it uncertain. A ``contested`` report agrees when the map shows the grey
    zone or the front within ``FRONT_KM``. A denial agrees when the map does not show the denied controller.
    """
    if reading is None or reading.controller is None:
        return "no map"
    if controller is None:
        return "no map"
    if controller == "contested":
        near_front = reading.front_km is not None and abs(reading.front_km) <= FRONT_KM
        return "agrees" if reading.controller == "unknown" or near_front else "disagrees"
    if reading.controller == "unknown":
        return "uncertain"
    same = reading.controller == controller
    if denied:
        return "disagrees" if same else "agrees"
    return "agrees" if same else "disagrees"
