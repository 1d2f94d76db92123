"""``GET /api/control``: who holds each settlement on a date (JSON, or GeoJSON points coloured by status for
the map layer ``layers/control.js``, each with its latest claim beside the map in force); ``GET
/api/control/areas``: the imported control map in force on a date as GeoJSON polygons (the front-line layer
``layers/frontline.js``); ``GET /api/control/{place}``: one settlement's status, history and the imported map
beside each claim; ``GET /api/control/disagreements`` and ``GET /api/control/layers``."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from ...control import store as control
from ...control.ledger import ControlStatus
from ...documents import parse_date
from ...store import BBox
from ..deps import StoreDep, cached, require_reader
from ..schemas import ErrorOut

router = APIRouter(prefix="/api", tags=["control"], dependencies=[Depends(require_reader)])

PAGE_SCRIPTS = ("layers/frontline.js", "layers/control.js")

ERRORS = {400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 422: {"model": ErrorOut}}

# colour-blind-safe: blue for Ukraine, red for Russia, orange for contested, grey for unknown
STATUS_COLOURS = {"UA": "#0077bb", "RU": "#cc3311", "contested": "#ee7733", "unknown": "#999999"}
OTHER_COLOUR = "#aa3377"
# the map's areas in the same colours as the settlements their side holds (drawn semi-transparent)
AREA_COLOURS = {
    "occupied": STATUS_COLOURS["RU"],
    "liberated": STATUS_COLOURS["UA"],
    "unknown": STATUS_COLOURS["unknown"],
}
MAX_SIMPLIFY = 1.0

DateQuery = Annotated[
    str | None, Query(description="The status on this date (YYYY-MM-DD; default: today).", max_length=40)
]
RegionQuery = Annotated[
    str | None, Query(description="Region: `UA-63`, `Kharkiv` or `Kharkiv Oblast`.", max_length=200)
]


class ControlEntryOut(BaseModel):
    """One dated statement about who holds the settlement, by one source."""

    model_config = ConfigDict(extra="allow")

    date: dt.date
    controller: str | None = Field(description="An ISO country code, `contested`, or null (fighting nearby).")
    source: str | None
    source_country: str | None
    status: str = Field(description="`claimed`, `reported`, `assessed`, `confirmed` or `denied`.")
    evidence: list[dict[str, Any]]


class ControlStatusOut(BaseModel):
    """Who holds a settlement on a date, since when, how firmly, why, and the entries up to that date."""

    model_config = ConfigDict(extra="allow")

    place: dict[str, Any]
    status: str = Field(description="An ISO country code, `contested` or `unknown`.")
    as_of: dt.date
    since: dt.date | None
    claim_status: str | None = Field(description="`claimed`, `reported`, `confirmed` or `disputed`.")
    reason: str
    history: list[ControlEntryOut]


class ControlListOut(BaseModel):
    as_of: dt.date
    region: str | None
    colours: dict[str, str]
    settlements: list[ControlStatusOut]


class AreaProperties(BaseModel):
    status: Literal["occupied", "liberated", "unknown"] = Field(description="The area's status on the map.")
    controller: str = Field(description="`RU` (occupied), `UA` (liberated) or `unknown` (the grey zone).")
    label: str = Field(description="The map's own name for the area (e.g. `Liberated 25.03`).")
    layer: str = Field(description="The imported map's name (its file name).")
    layer_date: dt.date = Field(description="The imported map's date.")
    colour: str = Field(description="The fill the page draws it with (the colour of its controller).")


class AreaFeature(BaseModel):
    type: Literal["Feature"] = "Feature"
    id: int
    geometry: dict[str, Any] = Field(description="A GeoJSON Polygon or MultiPolygon (longitude, latitude).")
    properties: AreaProperties


class AreaLayerOut(BaseModel):
    id: int
    name: str
    source: str
    date: dt.date


class AreasOut(BaseModel):
    """An RFC 7946 FeatureCollection of the areas of the map in force on ``date``, largest first, with
    foreign members saying which map that is (``layer``: null when no map is in force, and no features)."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[AreaFeature]
    date: dt.date = Field(description="The date asked for.")
    layer: AreaLayerOut | None = Field(description="The map in force: the latest on or before `date`.")
    colours: dict[str, str] = Field(description="The fill of each area status.")
    bbox: list[float] | None = Field(default=None, description="The box the areas were cut to, if any.")
    simplify: float | None = Field(default=None, description="The tolerance applied, in degrees.")


def _as_of(value: str | None) -> dt.date:
    return parse_date(value, field="date") or dt.date.today()


def _maybe_cached(request: Request, compute, *, dated: bool) -> Response:
    """Cached by the request and the database's version; not when the answer depends on today's date."""
    return cached(request, compute) if dated else compute()


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def status_feature(st: ControlStatus, beside: control.Comparison | None = None) -> dict[str, Any] | None:
    """A settlement's status as a GeoJSON Point feature (None without coordinates); ``beside``: its latest
    claim beside the map in force on the status's date (``map_verdict``, ``map``, ``latest_claim``)."""
    place = st.place
    if place.latitude is None or place.longitude is None:
        return None
    last = st.history[-1] if st.history else None
    claim = beside.entry if beside else None
    return {
        "type": "Feature",
        "id": place.key,
        "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
        "properties": {
            "key": place.key,
            "name": place.name,
            "admin1": place.admin1,
            "admin1_code": place.admin1_code,
            "status": st.status,
            "claim_status": st.claim_status,
            "since": st.since.isoformat() if st.since else None,
            "reason": st.reason,
            "colour": STATUS_COLOURS.get(st.status, OTHER_COLOUR),
            "entries": len(st.history),
            "last_source": last.source if last else None,
            "last_date": last.date.isoformat() if last else None,
            "map_verdict": beside.verdict if beside else None,
            "map": beside.reading.to_dict() if beside and beside.reading else None,
            "approximate_point": beside.approximate_point if beside else None,
            "latest_claim": {
                "date": claim.date.isoformat(),
                "controller": claim.controller,
                "source": claim.source,
                "source_country": claim.source_country,
                "status": claim.status,
            }
            if claim
            else None,
        },
    }


@router.get(
    "/control",
    response_model=ControlListOut,
    responses={
        **ERRORS,
        200: {
            "description": "The settlements' statuses, or a FeatureCollection of points with `format=geojson`",
            "content": {"application/geo+json": {}},
        },
    },
)
def list_control(
    request: Request,
    store: StoreDep,
    date: DateQuery = None,
    region: RegionQuery = None,
    format: Annotated[
        Literal["json", "geojson"], Query(description="`json` or `geojson` (the map).")
    ] = "json",
) -> Response:
    """Who holds each settlement with reports of captures, withdrawals, advances or fighting (the CLI's
    `spotrep control --region`), on a date. With `format=geojson`, each point also has its latest claim
    (`latest_claim`) beside the imported map in force on the date (`map`, `map_verdict`: `agrees`,
    `disagrees`, `uncertain`, `no map`; null without a map or a claim naming a holder)."""
    as_of = _as_of(date)

    def compute() -> Response:
        statuses = (
            control.region_statuses(store, region, as_of) if region else control.all_statuses(store, as_of)
        )
        if format == "geojson":
            beside = control.latest_claims_beside_map(store, statuses, as_of)
            features = [
                f for st in statuses if (f := status_feature(st, beside.get(st.place.key))) is not None
            ]
            body = {
                "type": "FeatureCollection",
                "features": features,
                "as_of": as_of.isoformat(),
                "colours": STATUS_COLOURS,
            }
            return Response(_dumps(body), media_type="application/geo+json")
        body = {
            "as_of": as_of.isoformat(),
            "region": region,
            "colours": STATUS_COLOURS,
            "settlements": [st.to_dict() for st in statuses],
        }
        return Response(_dumps(body), media_type="application/json")

    return _maybe_cached(request, compute, dated=date is not None)


@router.get("/control/layers", responses=ERRORS)
def control_layers(store: StoreDep) -> Response:
    """The imported control maps (DeepState exports), oldest first."""
    return Response(
        _dumps([info.to_dict() for info in control.list_layers(store)]), media_type="application/json"
    )


@router.get(
    "/control/areas",
    response_model=AreasOut,
    responses={
        **ERRORS,
        200: {
            "description": "A GeoJSON FeatureCollection of polygons (empty, with `layer: null`, when no map"
            " is in force on the date)",
            "content": {"application/geo+json": {}},
        },
    },
)
def control_areas(
    request: Request,
    store: StoreDep,
    date: Annotated[
        str | None,
        Query(
            description="The map in force on this date: the latest imported on or before it (YYYY-MM-DD;"
            " default: today).",
            max_length=40,
        ),
    ] = None,
    bbox: Annotated[
        str | None,
        Query(
            max_length=120,
            description="WEST,SOUTH,EAST,NORTH: only the areas that meet this box, cut to it (a map's view).",
        ),
    ] = None,
    simplify: Annotated[
        float | None,
        Query(
            ge=0,
            le=MAX_SIMPLIFY,
            description="Simplify the polygons by this tolerance in degrees (topology preserved; about a"
            " screen pixel: 360 / 256 / 2^zoom).",
        ),
    ] = None,
) -> Response:
    """The imported control map (DeepState) in force on a date as polygons: each area's status (occupied,
    liberated, unknown), its controller (`RU`, `UA`, `unknown`), its label, and the map's name and date.
    No map on or before the date: an empty collection with `layer: null`."""
    as_of = _as_of(date)
    box = BBox.parse(bbox, name="bbox") if bbox else None
    window = (box.west, box.south, box.east, box.north) if box else None

    def compute() -> Response:
        info = control.layer_on(control.list_layers(store), as_of)
        features = control.area_features(store, info, bbox=window, tolerance=simplify) if info else []
        for feature in features:
            feature["properties"]["colour"] = AREA_COLOURS.get(feature["properties"]["status"], OTHER_COLOUR)
        body = {
            "type": "FeatureCollection",
            "features": features,
            "date": as_of.isoformat(),
            "layer": {
                "id": info.pk,
                "name": info.name,
                "source": info.source,
                "date": info.layer_date.isoformat(),
            }
            if info
            else None,
            "colours": AREA_COLOURS,
            "bbox": list(window) if window else None,
            "simplify": simplify,
        }
        return Response(_dumps(body), media_type="application/geo+json")

    return _maybe_cached(request, compute, dated=date is not None)


@router.get("/control/disagreements", responses=ERRORS)
def control_disagreements(
    request: Request,
    store: StoreDep,
    date: Annotated[str | None, Query(description="Only claims up to this date.", max_length=40)] = None,
    region: RegionQuery = None,
    all: Annotated[bool, Query(description="Every claim beside the map, agreeing or not.")] = False,
) -> Response:
    """The claims of control that the imported map of their date contradicts or leaves uncertain."""
    until = parse_date(date, field="date")

    def compute() -> Response:
        found = control.compare_with_layers(store, as_of=until, region=region)
        if not all:
            found = [c for c in found if c.verdict in ("disagrees", "uncertain")]
        return Response(_dumps([c.to_dict() for c in found]), media_type="application/json")

    return cached(request, compute)


@router.get(
    "/control/{place}",
    response_model=ControlStatusOut,
    responses={**ERRORS, 404: {"model": ErrorOut}},
)
def control_place(
    request: Request,
    store: StoreDep,
    place: Annotated[
        str, Path(max_length=200, description="A settlement's name (any spelling) or its place key.")
    ],
    date: DateQuery = None,
    region: RegionQuery = None,
) -> Response:
    """One settlement: its status on the date, why, each source's entry, and the imported map beside each
    (the CLI's `spotrep control PLACE --format json`)."""
    as_of = _as_of(date)

    def compute() -> Response:
        ref = (
            control.place_by_key(store, place)
            if ":" in place
            else control.find_place(store, place, region=region)
        )
        return Response(
            _dumps(control.control_report(store, ref, as_of).to_dict()), media_type="application/json"
        )

    return _maybe_cached(request, compute, dated=date is not None)
