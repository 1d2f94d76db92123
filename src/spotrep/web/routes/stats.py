"""``GET /api/stats``: counts of the matching events by day (the page's timeline), type and region."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ..deps import Filter, StoreDep, cached, require_reader
from ..schemas import ErrorOut, StatsOut

router = APIRouter(prefix="/api", tags=["stats"], dependencies=[Depends(require_reader)])


@router.get("/stats", response_model=StatsOut, responses={400: {"model": ErrorOut}})
def get_stats(request: Request, flt: Filter, store: StoreDep) -> Response:
    """Totals, and the events that match the filters by day, by type and by region."""

    def compute() -> Response:
        out = StatsOut.model_validate(store.stats(flt).to_dict())
        return Response(out.model_dump_json(), media_type="application/json")

    return cached(request, compute)
