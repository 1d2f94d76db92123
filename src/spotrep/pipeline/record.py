"""The Event record of a merged candidate, with its evidence spans."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .. import dates as dates_stage
from ..actors import (
    with_period,
)
from ..model import Event, Evidence, Location
from ..notes import write_notes

if TYPE_CHECKING:
    pass

from .context import (
    Candidate,
    DocContext,
)
from .scene import (
    _fallback_location,
)

log = logging.getLogger(__name__)

# ----------------------------------------------------------------------------------------- the record


def _event(ctx: DocContext, c: Candidate, offset: int = 0) -> Event:
    document = ctx.document
    published = document.published
    loc = c.location if c.location is not None else _fallback_location(ctx, c)
    loc = loc or Location()
    span = c.span
    if span is not None and span.resolved:
        start, end, precision = span.start, span.end, span.precision
        best = published if c.undated else dates_stage.event_date(span)
    else:
        start = end = best = None
        precision = span.precision if span is not None else None
    text = ctx.text
    evidence = [
        Evidence(
            text=text[s:e].strip(),
            start=offset + s + _lstrip(text[s:e]),
            end=offset + e - _rstrip(text[s:e]),
            document_id=document.id,
        )
        for s, e in sorted(c.evidence)
    ]
    event = Event(
        document_id=document.id,
        event_date=best,
        date_start=start,
        date_end=end,
        time_precision=precision,
        event_type=c.typing.event_type,
        sub_event_type=c.typing.sub_event_type,
        categories=c.typing.categories,
        actor1=with_period(c.actor1, best or published),
        actor2=with_period(c.actor2, best or published),
        location=loc,
        geo_precision=loc.geo_precision,
        fatalities=c.fatalities,
        injuries=c.injuries,
        quantities=c.quantities,
        weapons=c.weapons,
        claim=c.claim,
        evidence=evidence,
        source=document.source,
        url=document.url,
    )
    event.notes = write_notes(event, c.kind)
    return event


def _lstrip(s: str) -> int:
    return len(s) - len(s.lstrip())


def _rstrip(s: str) -> int:
    return len(s) - len(s.rstrip())
