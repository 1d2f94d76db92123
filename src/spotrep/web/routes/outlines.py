"""The page's own basemap, for a map without tiles (offline): ``GET /api/outlines`` (country and region
outlines) and ``GET /api/labels`` (settlement names for a view and a zoom, from the gazetteer)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ... import outlines
from ...gazetteer.labels import MAX_LABELS, settlement_labels
from ...store import BBox
from ..deps import require_reader
from ..schemas import ErrorOut, LabelOut, LabelsOut

router = APIRouter(prefix="/api", tags=["map"], dependencies=[Depends(require_reader)])

PAGE_SCRIPTS = ("layers/outlines.js", "layers/labels.js")


@router.get(
    "/outlines",
    responses={
        200: {"content": {"application/geo+json": {}}, "description": "A GeoJSON FeatureCollection."},
        503: {"model": ErrorOut, "description": "The outline data package is not installed."},
    },
)
async def get_outlines() -> Response:
    """Countries (Natural Earth, public domain) and approximate regions, derived from installed packages on
    first use and cached (never fetched)."""
    body = await run_in_threadpool(outlines.outlines_json)
    return Response(
        body, media_type="application/geo+json", headers={"Cache-Control": "public, max-age=86400"}
    )


@router.get(
    "/labels", response_model=LabelsOut, responses={400: {"model": ErrorOut}, 422: {"model": ErrorOut}}
)
async def get_labels(
    bbox: Annotated[str, Query(max_length=120, description="The view: WEST,SOUTH,EAST,NORTH in degrees.")],
    zoom: Annotated[int, Query(ge=0, le=20, description="The map's zoom (256-pixel tiles).")],
    limit: Annotated[int, Query(ge=1, le=MAX_LABELS, description="At most this many labels.")] = MAX_LABELS,
) -> Response:
    """Settlement names for the view at the zoom, from the gazetteer: the largest first, at most one per patch
    of the screen, fewer small places when zoomed out."""
    box = BBox.parse(bbox, name="bbox")
    found = await run_in_threadpool(
        settlement_labels, (box.west, box.south, box.east, box.north), zoom, limit=limit
    )
    out = LabelsOut(zoom=zoom, labels=[LabelOut(**vars(label)) for label in found])
    return Response(
        out.model_dump_json(),
        media_type="application/json",
        headers={"Cache-Control": "public, max-age=86400"},
    )
