"""The control ledger over the event store: ledgers from stored events (each source's own report), imported
control layers (migration 3: ``control_layers``, ``control_areas``), and claims compared with the map.

    >>> with Store.open("events.db") as store:
    ...     place = find_place(store, "Robotyne")
    ...     control_status(store, place, date(2024, 5, 15)).status          # 'RU'
    ...     import_layer(store, "1715636924.geojson")                       # DeepState, 2024-05-13
    ...     [c.verdict for c in compare_with_layers(store)]
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..errors import InputError, NotFoundError
from ..model import Event, Evidence
from ..store import schema as s
from ..store.dedup import place_key
from .layers import (
    AREA_CONTROLLER,
    ControlArea,
    ControlLayer,
    MapReading,
    compare,
    make_area,
    parse_features,
    read_geojson,
)
from .ledger import (
    CONTROL_CATEGORIES,
    ControlStatus,
    Ledger,
    LedgerEntry,
    PlaceRef,
    build_ledgers,
    is_settlement_event,
)

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger(__name__)

PLACE_RADIUS_KM = 15.0
"""Events are looked up within this distance of a settlement (then matched to it by place key)."""


# --- events -> ledgers ------------------------------------------------------------------------------------


def stored_reports(store: Store, events: Sequence[tuple[int, Event]]) -> list[tuple[Event, date | None]]:
    """Each document's own version of these stored events (its claim, its evidence), with the document's
    publication date; located at the stored (merged) event's place so that all reports share one ledger."""
    by_pk = dict(events)
    out: list[tuple[Event, date | None]] = []
    r, d, ev = s.reports.c, s.documents.c, s.evidence.c
    pks = list(by_pk)
    with store.reading() as conn:
        for i in range(0, len(pks), 500):
            chunk = pks[i : i + 500]
            rows = conn.execute(
                select(r.pk, r.event_pk, r.document_id, r.record, d.published)
                .join(s.documents, d.id == r.document_id)
                .where(r.event_pk.in_(chunk))
                .order_by(r.event_pk, r.pk)
            ).all()
            spans: dict[int, list[Evidence]] = {}
            for span in conn.execute(
                select(ev.report_pk, ev.document_id, ev.start, ev.end, ev.text)
                .where(ev.event_pk.in_(chunk))
                .order_by(ev.report_pk, ev.ordinal)
            ):
                spans.setdefault(span.report_pk, []).append(
                    Evidence(text=span.text, start=span.start, end=span.end, document_id=span.document_id)
                )
            for row in rows:
                canonical = by_pk[row.event_pk]
                report = Event.model_validate_json(row.record).model_copy(
                    update={"evidence": spans.get(row.pk, []), "location": canonical.location}
                )
                out.append((report, row.published))
    return out


def ledgers_from_store(
    store: Store,
    *,
    region: str | None = None,
    near: tuple[float, float, float] | None = None,
    until: date | None = None,
) -> dict[str, Ledger]:
    """Ledgers of the settlements with stored events of the control categories (in a region, near a point)."""
    from ..store import EventFilter, Near

    flt = EventFilter(
        categories=CONTROL_CATEGORIES,
        admin1=(region,) if region else (),
        near=Near(lat=near[0], lon=near[1], km=near[2]) if near else None,
        until=until,
    )
    rows = [(row.number, row.event) for row in store.query_rows(flt) if is_settlement_event(row.event)]
    reports = stored_reports(store, rows)
    published = {e.document_id: p for e, p in reports}
    return build_ledgers([e for e, _ in reports], published=published)


# --- places -----------------------------------------------------------------------------------------------


def _loose_name(name: str | None) -> str:
    from ..gazetteer.translit import loose_key, name_key

    return loose_key(name or "") or name_key(name or "")


def find_place(store: Store, name: str, *, region: str | None = None, country: str | None = None) -> PlaceRef:
    """The settlement a name means: a stored place of that name (any spelling variant) with the most events,
    else the gazetteer's best settlement. ``region`` is an ISO 3166-2 code to narrow it down."""
    wanted = _loose_name(name)
    if not wanted:
        raise InputError("give a settlement name", name=name)
    code = region.strip().upper() if region else None
    matches = [
        p
        for p in store.places()
        if p.location.name
        and _loose_name(p.location.name) == wanted
        and not (p.location.gazetteer_id or "").startswith(("iso:", "area:"))
        and (code is None or (p.location.admin1_code or "").upper() == code)
        and (country is None or p.location.country == country.upper())
    ]
    if matches:
        best = max(matches, key=lambda p: p.events)
        return PlaceRef.from_location(best.location, best.key)
    from ..places import resolve_name

    location = resolve_name(name, country=country, admin1_code=code, kind="settlement")
    if location is None:
        where = f" in {code}" if code else ""
        raise NotFoundError(f"no settlement called {name!r}{where} in the store or the gazetteer", name=name)
    key = place_key(location, location.geo_precision)
    return PlaceRef.from_location(location, key or f"name:{name}")


def control_status(store: Store, place: PlaceRef, as_of: date) -> ControlStatus:
    """Who holds the settlement on ``as_of`` according to the stored reports, with its history."""
    near = None
    if place.latitude is not None and place.longitude is not None:
        near = (place.latitude, place.longitude, PLACE_RADIUS_KM)
    ledgers = ledgers_from_store(store, near=near)
    ledger = ledgers.get(place.key)
    if ledger is None and place.gazetteer_id:
        ledger = next((x for x in ledgers.values() if x.place.gazetteer_id == place.gazetteer_id), None)
    if ledger is None:
        ledger = Ledger(place)
    return ledger.status_at(as_of)


def region_statuses(store: Store, region: str, as_of: date) -> list[ControlStatus]:
    """The status of every settlement of a region (ISO 3166-2 code or name) that has ledger entries."""
    ledgers = ledgers_from_store(store, region=region)
    statuses = [ledger.status_at(as_of) for ledger in ledgers.values()]
    return sorted(statuses, key=lambda st: ((st.place.name or "").casefold(), st.place.key))


def all_statuses(store: Store, as_of: date) -> list[ControlStatus]:
    """The status of every settlement with ledger entries."""
    statuses = [ledger.status_at(as_of) for ledger in ledgers_from_store(store).values()]
    return sorted(statuses, key=lambda st: ((st.place.name or "").casefold(), st.place.key))


# --- control layers ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LayerInfo:
    """An imported control layer."""

    pk: int
    name: str
    source: str
    layer_date: date
    content_hash: str
    n_areas: int
    imported_at: str
    created: bool = True  # False: the same map for the same date was already imported

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.pk,
            "name": self.name,
            "source": self.source,
            "date": self.layer_date.isoformat(),
            "areas": self.n_areas,
            "content_hash": self.content_hash,
            "imported_at": self.imported_at,
            "created": self.created,
        }


def import_layer(
    store: Store, path: str | Path, *, layer_date: date | None = None, source: str = "deepstate"
) -> LayerInfo:
    """Import a DeepState GeoJSON export as the control layer of a date (default: the date its Unix-time file
    name gives). Importing the same file for the same date again changes nothing."""
    path = Path(path)
    raw, data, when = read_geojson(path, layer_date)
    digest = hashlib.sha256(raw).hexdigest()
    features = parse_features(data, name=path.name)
    if not features:
        raise InputError(f"{path.name}: no occupied, liberated or unknown-status polygons", path=str(path))
    areas = [make_area(*f) for f in features]
    lc = s.control_layers.c
    with store.writing() as conn:
        found = conn.execute(
            select(s.control_layers).where(lc.content_hash == digest, lc.layer_date == when)
        ).first()
        if found is not None:
            return _layer_info(found, created=False)
        now = s.utcnow()
        pk = conn.execute(
            s.control_layers.insert().values(
                name=path.name,
                source=source,
                layer_date=when,
                content_hash=digest,
                n_areas=len(areas),
                imported_at=now,
            )
        ).inserted_primary_key[0]
        conn.execute(
            s.control_areas.insert(),
            [
                {
                    "layer_pk": pk,
                    "status": area.status,
                    "label": area.label,
                    "min_lon": area.bounds[0],
                    "min_lat": area.bounds[1],
                    "max_lon": area.bounds[2],
                    "max_lat": area.bounds[3],
                    "geometry": json.dumps(geometry, separators=(",", ":")),
                }
                for area, (_status, _label, geometry) in zip(areas, features, strict=True)
            ],
        )
        row = conn.execute(select(s.control_layers).where(lc.pk == pk)).one()
    log.info("imported %s (%s, %d areas) as layer %d", path.name, when, len(areas), pk)
    return _layer_info(row, created=True)


def _layer_info(row: Any, *, created: bool) -> LayerInfo:
    return LayerInfo(
        pk=row.pk,
        name=row.name,
        source=row.source,
        layer_date=row.layer_date,
        content_hash=row.content_hash,
        n_areas=row.n_areas,
        imported_at=row.imported_at,
        created=created,
    )


def list_layers(store: Store) -> list[LayerInfo]:
    """The imported control layers, oldest first."""
    lc = s.control_layers.c
    with store.reading() as conn:
        rows = conn.execute(select(s.control_layers).order_by(lc.layer_date, lc.pk)).all()
    return [_layer_info(row, created=False) for row in rows]


_LAYER_CACHE: dict[tuple[str, int, str], ControlLayer] = {}
_LAYER_LOCK = Lock()
_LAYER_CACHE_SIZE = 8


def load_layer(store: Store, info: LayerInfo) -> ControlLayer:
    """An imported layer with its geometries (kept in a small in-process cache)."""
    key = (store.url, info.pk, info.content_hash)
    with _LAYER_LOCK:
        layer = _LAYER_CACHE.get(key)
    if layer is not None:
        return layer
    from shapely.geometry import shape

    ac = s.control_areas.c
    with store.reading() as conn:
        rows = conn.execute(
            select(ac.status, ac.label, ac.geometry).where(ac.layer_pk == info.pk).order_by(ac.pk)
        ).all()
    areas = [ControlArea(row.status, row.label, shape(json.loads(row.geometry))) for row in rows]
    layer = ControlLayer(name=info.name, layer_date=info.layer_date, areas=areas, source=info.source)
    with _LAYER_LOCK:
        if len(_LAYER_CACHE) >= _LAYER_CACHE_SIZE:
            _LAYER_CACHE.pop(next(iter(_LAYER_CACHE)))
        _LAYER_CACHE[key] = layer
    return layer


def layer_on(layers: Sequence[LayerInfo], when: date) -> LayerInfo | None:
    """The layer with the nearest date on or before ``when`` (the latest import of that date)."""
    best = None
    for info in layers:
        if info.layer_date <= when and (
            best is None or (info.layer_date, info.pk) >= (best.layer_date, best.pk)
        ):
            best = info
    return best


def area_features(
    store: Store,
    info: LayerInfo,
    *,
    bbox: tuple[float, float, float, float] | None = None,
    tolerance: float | None = None,
) -> list[dict[str, Any]]:
    """The areas of an imported layer as GeoJSON features, largest first (smaller areas drawn over larger
    ones, as the point reading lets the smallest decide).

    ``bbox`` (WEST, SOUTH, EAST, NORTH): only the areas whose stored bounding box meets it (a query on the
    bounds columns), each cut to the box. ``tolerance`` (degrees): geometries simplified by it (shapely,
    topology preserved); areas that vanish are left out. Coordinates are rounded to 5 decimals (about 1 m).
    """
    import shapely
    from shapely.geometry import box, mapping

    ac = s.control_areas.c
    query = select(ac.pk, ac.status, ac.label, ac.geometry).where(ac.layer_pk == info.pk)
    if bbox is not None:
        west, south, east, north = bbox
        query = query.where(ac.max_lon >= west, ac.min_lon <= east, ac.max_lat >= south, ac.min_lat <= north)
    with store.reading() as conn:
        rows = conn.execute(query.order_by(ac.pk)).all()
    window = box(*bbox) if bbox is not None else None
    found: list[tuple[float, dict[str, Any]]] = []
    for row in rows:
        geom = make_area(row.status, row.label, json.loads(row.geometry)).geometry
        if window is not None and not window.contains(geom):
            geom = _polygonal(geom.intersection(window))
        if geom is not None and tolerance:
            geom = _polygonal(shapely.simplify(geom, tolerance, preserve_topology=True))
        if geom is None or geom.is_empty:
            continue
        found.append(
            (
                float(geom.area),
                {
                    "type": "Feature",
                    "id": row.pk,
                    "geometry": _rounded(mapping(geom)),
                    "properties": {
                        "status": row.status,
                        "controller": AREA_CONTROLLER.get(row.status, row.status),
                        "label": row.label,
                        "layer": info.name,
                        "layer_date": info.layer_date.isoformat(),
                    },
                },
            )
        )
    found.sort(key=lambda item: -item[0])
    return [feature for _area, feature in found]


def _polygonal(geom: Any) -> Any:
    """The polygons of a geometry (a cut can leave lines and points where edges touch); None if none."""
    import shapely
    from shapely.geometry import MultiPolygon, Polygon

    if geom is None or geom.is_empty:
        return None
    if isinstance(geom, Polygon | MultiPolygon):
        return geom
    parts: list[Polygon] = []
    for part in shapely.get_parts(geom):
        if isinstance(part, Polygon):
            parts.append(part)
        elif isinstance(part, MultiPolygon):
            parts.extend(part.geoms)
    parts = [p for p in parts if not p.is_empty]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _rounded(geometry: Any) -> Any:
    """GeoJSON with coordinates rounded to 5 decimals (tuples as lists)."""
    if isinstance(geometry, dict):
        return {k: _rounded(v) for k, v in geometry.items()}
    if isinstance(geometry, list | tuple):
        return [_rounded(v) for v in geometry]
    if isinstance(geometry, float):
        return round(geometry, 5)
    return geometry


# --- claims beside the map --------------------------------------------------------------------------------


@dataclass
class Comparison:
    """A ledger entry beside what the map said at its date."""

    place: PlaceRef
    entry: LedgerEntry
    reading: MapReading | None
    verdict: str  # agrees | disagrees | uncertain (the grey zone, or an approximate point) | no map
    approximate_point: bool  # the settlement's point is approximate (e.g. its hromada's centre)

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": self.place.model_dump(mode="json"),
            "entry": self.entry.history_dict(),
            "map": self.reading.to_dict() if self.reading else None,
            "verdict": self.verdict,
            "approximate_point": self.approximate_point,
        }


def point_is_approximate(place: PlaceRef) -> bool:
    """Whether the gazetteer knows the settlement only approximately (precision 2: e.g. a village known only
    to KATOTTG, placed at its hromada's centre)."""
    if not place.name or not place.gazetteer_id:
        return False
    from ..places import resolve_name

    location = resolve_name(place.name, admin1_code=place.admin1_code, kind="settlement")
    if location is None or location.gazetteer_id != place.gazetteer_id:
        return False
    return (location.geo_precision or 1) > 1


def _compare_entries(
    store: Store, layers: Sequence[LayerInfo], place: PlaceRef, entries: Iterable[LedgerEntry]
) -> list[Comparison]:
    out: list[Comparison] = []
    approximate: bool | None = None
    for entry in entries:
        if entry.controller is None:
            continue
        reading = None
        info = layer_on(layers, entry.date)
        if info is not None and place.latitude is not None and place.longitude is not None:
            reading = load_layer(store, info).read(place.latitude, place.longitude, country=place.country)
        if approximate is None and reading is not None:
            approximate = point_is_approximate(place)
        verdict = compare(entry.controller, reading, denied=entry.status == "denied")
        if approximate and verdict != "no map":
            verdict = "uncertain"  # the map was read at a point that may be kilometres from the settlement
        out.append(Comparison(place, entry, reading, verdict, bool(approximate)))
    return out


def compare_ledgers(
    store: Store, ledgers: Iterable[Ledger], *, as_of: date | None = None
) -> list[Comparison]:
    """Each entry (up to ``as_of``) that says who holds a place, beside the layer on or before its date."""
    layers = list_layers(store)
    out: list[Comparison] = []
    for ledger in ledgers:
        history = ledger.status_at(as_of or date.max).history
        out += _compare_entries(store, layers, ledger.place, history)
    return out


def compare_with_layers(
    store: Store, *, as_of: date | None = None, region: str | None = None
) -> list[Comparison]:
    """Every stored claim of control (in a region) beside the imported map of its date."""
    return compare_ledgers(store, ledgers_from_store(store, region=region, until=as_of).values(), as_of=as_of)


def disagreements(store: Store, *, as_of: date | None = None, region: str | None = None) -> list[Comparison]:
    """The claims the map contradicts (``disagrees``) or leaves open (``uncertain``: grey zone)."""
    return [
        c
        for c in compare_with_layers(store, as_of=as_of, region=region)
        if c.verdict in ("disagrees", "uncertain")
    ]


def map_reading(store: Store, place: PlaceRef, when: date) -> MapReading | None:
    """What the imported map on or before ``when`` says at the settlement (None: no layer or point)."""
    info = layer_on(list_layers(store), when)
    if info is None or place.latitude is None or place.longitude is None:
        return None
    return load_layer(store, info).read(place.latitude, place.longitude, country=place.country)


def latest_claims_beside_map(
    store: Store, statuses: Iterable[ControlStatus], as_of: date
) -> dict[str, Comparison]:
    """Each settlement's latest entry that names a controller (up to its status's date) beside the map in
    force on ``as_of`` (the layer on or before it), by place key; empty without a layer. A disagreement at a
    point the gazetteer knows only approximately is ``uncertain`` (``approximate_point``)."""
    info = layer_on(list_layers(store), as_of)
    if info is None:
        return {}
    layer = load_layer(store, info)
    out: dict[str, Comparison] = {}
    for st in statuses:
        place = st.place
        entry = next((e for e in reversed(st.history) if e.controller is not None), None)
        if entry is None or place.latitude is None or place.longitude is None:
            continue
        reading = layer.read(place.latitude, place.longitude, country=place.country)
        verdict = compare(entry.controller, reading, denied=entry.status == "denied")
        approximate = False
        if verdict == "disagrees" and point_is_approximate(place):
            verdict, approximate = "uncertain", True
        out[place.key] = Comparison(place, entry, reading, verdict, approximate)
    return out


@dataclass
class ControlReport:
    """A settlement's status on a date, each entry of its history beside the map of the entry's date, and the
    map of the status's date."""

    status: ControlStatus
    entries: list[Comparison]
    reading: MapReading | None
    verdict: str
    approximate_point: bool

    def to_dict(self) -> dict[str, Any]:
        out = self.status.to_dict()
        by_entry = {id(c.entry): c for c in self.entries}
        for item, entry in zip(out["history"], self.status.history, strict=True):
            c = by_entry.get(id(entry))
            item["map"] = c.reading.to_dict() if c and c.reading else None
            item["map_verdict"] = c.verdict if c else None
        out["map"] = self.reading.to_dict() if self.reading else None
        out["map_verdict"] = self.verdict
        out["approximate_point"] = self.approximate_point
        return out


def control_report(store: Store, place: PlaceRef, as_of: date) -> ControlReport:
    """``control_status`` with the imported maps beside the status and each entry of the history."""
    status = control_status(store, place, as_of)
    layers = list_layers(store)
    entries = _compare_entries(store, layers, status.place, status.history) if layers else []
    reading = map_reading(store, status.place, as_of) if layers else None
    approximate = any(c.approximate_point for c in entries) or (
        reading is not None and point_is_approximate(status.place)
    )
    controller = status.status if status.status != "unknown" else None
    verdict = compare(controller, reading)
    if approximate and verdict != "no map":
        verdict = "uncertain"
    return ControlReport(status, entries, reading, verdict, approximate)


def place_by_key(store: Store, key: str) -> PlaceRef:
    """A stored place by its key (``gz:geonames:689304``, as in the ledgers' ``place.key``)."""
    for record in store.places():
        if record.key == key:
            return PlaceRef.from_location(record.location, record.key)
    raise NotFoundError(f"no place {key!r} in the store", key=key)
