"""``GET /api/places``: the places events are located at, with their event counts."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from pydantic import TypeAdapter

from ..deps import StoreDep, require_reader
from ..schemas import PlaceOut

router = APIRouter(prefix="/api", tags=["places"], dependencies=[Depends(require_reader)])

_PLACES = TypeAdapter(list[PlaceOut])


@router.get("/places", response_model=list[PlaceOut])
def list_places(store: StoreDep) -> Response:
    """Every stored place with how many events it has."""
    places = [PlaceOut(key=p.key, location=p.location, events=p.events) for p in store.places()]
    return Response(_PLACES.dump_json(places), media_type="application/json")
