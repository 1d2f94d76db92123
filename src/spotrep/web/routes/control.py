"""``GET /api/control``: who holds each settlement on a date (JSON, or GeoJSON points coloured by status for
the map layer ``layers/control.js``); ``GET /api/control/{place}``: one settlement's status, history and the
imported map beside each claim; ``GET /api/control/disagreements`` and ``GET /api/control/layers``."""

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
from ..deps import StoreDep, cached, require_reader
from ..schemas import ErrorOut

router = APIRouter(prefix="/api", tags=["control"], dependencies=[Depends(require_reader)])

PAGE_SCRIPTS = ("layers/control.js",)

ERRORS = {400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 422: {"model": ErrorOut}}

# colour-blind-safe: blue for Ukraine, red for Russia, orange for contested, grey for unknown
STATUS_COLOURS = {"UA": "#0077bb", "RU": "#cc3311", "contested": "#ee7733", "unknown": "#999999"}
OTHER_COLOUR = "#aa3377"

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


def _as_of(value: str | None) -> dt.date:
    return parse_date(value, field="date") or dt.date.today()


def _maybe_cached(request: Request, compute, *, dated: bool) -> Response:
    """Cached by the request and the database's version; not when the answer depends on today's date."""
    return cached(request, compute) if dated else compute()


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def status_feature(st: ControlStatus) -> dict[str, Any] | None:
    """A settlement's status as a GeoJSON Point feature (None without coordinates)."""
    place = st.place
    if place.latitude is None or place.longitude is None:
        return None
    last = st.history[-1] if st.history else None
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
    `spotrep control --region`), on a date."""
    as_of = _as_of(date)

    def compute() -> Response:
        statuses = (
            control.region_statuses(store, region, as_of) if region else control.all_statuses(store, as_of)
        )
        if format == "geojson":
            features = [f for f in map(status_feature, statuses) if f is not None]
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
