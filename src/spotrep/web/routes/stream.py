"""``GET /api/stream``: the events stored from now on that match the filters, as Server-Sent Events.

What is new is what alerts use (``spotrep.store.changes``): each event created or changed is numbered in the
store's change log; the stream sends each matching one, the number of its latest change as the SSE ``id``, the
record as ``data``, and ``event: new`` (created since the cursor) or ``event: update`` (it existed and changed:
another source reported it, its figures changed; or it matches only now). A client resumes where it stopped
with ``Last-Event-ID`` (EventSource sends it on reconnecting) or ``?after=N``; without either, the stream
starts with the events stored after the request. The change log's old rows are pruned (``store.changes``,
after 7 days once every alert has read them); a client resuming from before them is not refused: it gets every
event created after its id, as it is now, and the changes kept, but not the pruned changes of events older than
its id (re-read ``/api/events`` after a long absence).

The generator is async: it polls the store every ``POLL_SECONDS`` in the thread pool (a query on the change
log's primary key) and sleeps with ``asyncio.sleep`` in between, so an open stream holds no thread. A comment
line keeps idle connections alive every ``HEARTBEAT_SECONDS``. A stream ends when the client goes (Starlette
cancels it), after ``max_events`` events, or after ``MAX_STREAM_SECONDS`` (clients reconnect with
``Last-Event-ID``; a server shutting down is not held up by open streams for longer).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from ...store import EventFilter, Store
from ...store.models import MAX_INTEGER
from ..deps import Filter, StoreDep, require_reader
from ..errors import ApiError
from ..schemas import ErrorOut

router = APIRouter(prefix="/api", tags=["events"], dependencies=[Depends(require_reader)])

PAGE_SCRIPTS = ("layers/live.js",)  # the page's live view: new events on the map and a feed-health panel

POLL_SECONDS = 1.0
HEARTBEAT_SECONDS = 15.0
MAX_STREAM_SECONDS = 600.0
RETRY_MS = 3000  # how long an EventSource waits before reconnecting
PAGE = 200  # events read per poll at most

DESCRIPTION = """Server-Sent Events (`text/event-stream`), one per matching event created or changed:

    id: 1234
    event: new
    data: {"event_id": "...", "event_type": "...", ...}

`id` is the number of the event's latest change (resume after it with `Last-Event-ID` or `?after=`), `event` is
`new` (stored since) or `update` (an earlier event changed: another source reported it, or it matches only
now), `data` is the event record (as in `/api/events`). Lines starting with `:` are comments (keep-alives)."""


@router.get(
    "/stream",
    response_class=StreamingResponse,
    responses={
        200: {"description": DESCRIPTION, "content": {"text/event-stream": {"schema": {"type": "string"}}}},
        400: {"model": ErrorOut},
        401: {"model": ErrorOut},
        422: {"model": ErrorOut},
    },
)
async def stream(
    flt: Filter,
    store: StoreDep,
    after: Annotated[
        int | None,
        Query(ge=0, le=MAX_INTEGER, description="Start after this change number (default: from now on)."),
    ] = None,
    max_events: Annotated[
        int | None, Query(ge=1, le=10_000, description="End the stream after this many events.")
    ] = None,
    last_event_id: Annotated[
        str | None,
        Header(
            alias="Last-Event-ID",
            description="The `id` of the last event received: resume after it (takes precedence over `after`).",
        ),
    ] = None,
) -> StreamingResponse:
    """New and changed events that match the filters (those of `/api/events`), as they are stored."""
    start = after
    if last_event_id is not None and last_event_id.strip():
        try:
            start = int(last_event_id.strip())
        except ValueError:
            start = -1
        if not 0 <= start <= MAX_INTEGER:
            raise ApiError(
                400,
                "bad_last_event_id",
                "Last-Event-ID is a change number (an integer from 0)",
                value=last_event_id,
            )
    if start is None:
        start = await run_in_threadpool(store.change_head)
    return StreamingResponse(
        _events(store, flt, start, max_events),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _events(store: Store, flt: EventFilter, after: int, max_events: int | None) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    started = last_sent = loop.time()
    sent = 0
    yield f"retry: {RETRY_MS}\n: events after change {after}\n\n"
    while True:
        page = await run_in_threadpool(store.changes, after, flt, limit=PAGE)
        for change in page.events:
            kind = "new" if change.created_after(after) else "update"
            yield f"id: {change.seq}\nevent: {kind}\ndata: {change.row.event.model_dump_json()}\n\n"
            sent += 1
            if max_events is not None and sent >= max_events:
                return
        after = page.cursor
        now = loop.time()
        if page.events:
            last_sent = now
            if len(page.events) == PAGE:
                continue  # more at once: no wait
        elif now - last_sent >= HEARTBEAT_SECONDS:
            yield ": keep-alive\n\n"
            last_sent = now
        if now - started >= MAX_STREAM_SECONDS:
            return
        await asyncio.sleep(POLL_SECONDS)
