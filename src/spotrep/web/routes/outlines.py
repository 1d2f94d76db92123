"""``GET /api/outlines``: country and (approximate) region outlines for a map without tiles."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ... import outlines
from ..deps import require_reader
from ..schemas import ErrorOut

router = APIRouter(prefix="/api", tags=["map"], dependencies=[Depends(require_reader)])

PAGE_SCRIPTS = ("layers/outlines.js",)


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
