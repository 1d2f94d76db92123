"""``GET /api/feeds``: the feeds ``spotrep watch`` polls, with their health (the records of ``spotrep feeds list
--format json``)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from pydantic import BaseModel, TypeAdapter

from ..deps import StoreDep, require_reader

router = APIRouter(prefix="/api", tags=["feeds"], dependencies=[Depends(require_reader)])


class FeedOut(BaseModel):
    """A watched feed: its URL, name and title, poll interval (seconds), when it was last polled and what that
    gave (``ok``, ``not_modified``, ``http 500``, ``malformed feed``, ``timeout``...), the items seen, the
    documents stored, the errors counted and the last error."""

    url: str
    name: str | None
    title: str | None
    interval: int
    last_polled: str | None
    last_status: str | None
    items: int
    documents: int
    errors: int
    last_error: str | None


_FEEDS = TypeAdapter(list[FeedOut])


@router.get("/feeds", response_model=list[FeedOut])
def list_feeds(store: StoreDep) -> Response:
    """Every watched feed and its health, in the order they were added."""
    from ...feeds import FeedRegistry

    feeds = [FeedOut.model_validate(feed.to_dict()) for feed in FeedRegistry(store).list()]
    return Response(_FEEDS.dump_json(feeds), media_type="application/json")
