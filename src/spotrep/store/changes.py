"""New and changed events, in the order they were stored: what alerts deliver and ``GET /api/stream`` sends.

Every events row created or changed gets a row in ``event_log`` (triggers on ``events``, store migration 9),
numbered by ``seq``, which only grows: a reader keeps the last ``seq`` it has seen (a cursor) and asks for what
came after it. Writers take turns (one write transaction at a time, on SQLite and on PostgreSQL), so rows
become visible in ``seq`` order and a cursor never passes a row that is committed later.

An event appears once per page, at the latest of its log rows in the range read, with that ``seq``; a page
holds the matching events whose latest change lies in ``(after, cursor]`` (``ChangePage.cursor``), so that
reading on from the cursor neither skips nor repeats a change.

What stays one event: its row, from the insert that created it (``Change.born``, the ``seq`` of that insert).
A later report may regroup reports so that the row's event id changes (the new report ranks first and seeds
the event); it is still the same event. The row number alone is not an identity, nor a cursor: SQLite hands out
the number of a deleted last row again (an event whose reports all joined another), and that new event has a
later ``born``. Events stored before the log existed have ``born`` 0.

**Pruning** (``prune_log``; ``spotrep watch`` runs it after a round, at most once an hour): a row goes when every
alert's cursor has passed it, it is older than the retention (``KEEP_CHANGES``, 7 days; rows from before
migration 10 have no time and count as old), and it is not the latest row. What stays whatever its age: each
existing event's birth row (the latest ``insert`` row of its row number), since ``born`` is part of the event's
identity (an alert would otherwise deliver a pruned event again when it next changes). So the log keeps one row
per event plus the changes of the retention window. A reader resuming from a cursor older than the rows pruned
(``GET /api/stream`` with an old ``Last-Event-ID`` or ``?after=``) is not refused: it gets every event created
after its cursor (at its latest change kept, else at its birth) and every change kept; what it misses are the
pruned changes of events created before its cursor (re-read those with ``GET /api/events``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, delete, exists, func, or_, select

from . import schema as s
from .models import EventFilter, EventRow
from .rows import select_events

DEFAULT_PAGE = 500
KEEP_CHANGES = 7 * 86400
"""Seconds a change stays in the log once every alert has read it (``prune_log``)."""


@dataclass(frozen=True)
class Change:
    """An event created or changed: the ``seq`` of its latest change, the ``seq`` of the insert that created
    its row (``born``), and the event as it is now."""

    seq: int
    born: int
    row: EventRow

    def created_after(self, after: int) -> bool:
        """Whether the event was created after change ``after`` (else it existed and changed)."""
        return self.born > after


@dataclass
class ChangePage:
    """The matching events created or changed after a cursor, in the order of their latest change;
    ``cursor``: where to read on from."""

    events: list[Change] = field(default_factory=list)
    cursor: int = 0


def log_head(conn: Connection) -> int:
    """The ``seq`` of the latest change stored (0 when none)."""
    return conn.execute(select(func.coalesce(func.max(s.event_log.c.seq), 0))).scalar_one()


def read_changes(
    conn: Connection,
    *,
    after: int,
    head: int,
    conditions: list[Any],
    build_rows: Callable[[Connection, list[Any]], list[EventRow]],
    limit: int = DEFAULT_PAGE,
) -> ChangePage:
    """The events matching ``conditions`` (``Store._conditions``) whose latest change in ``(after, head]`` is
    in that range, at most ``limit``, in ``seq`` order."""
    if head <= after:
        return ChangePage(cursor=max(after, head))
    log, e = s.event_log.c, s.events.c
    born = (
        select(func.coalesce(func.max(s.event_log.c.seq), 0))
        .where(s.event_log.c.event_pk == e.pk, s.event_log.c.change == "insert", s.event_log.c.seq <= head)
        .scalar_subquery()
    )
    latest = (
        select(log.event_pk, func.max(log.seq).label("seq"))
        .where(log.seq > after, log.seq <= head)
        .group_by(log.event_pk)
        .subquery()
    )
    query = (
        select_events()
        .add_columns(born.label("born"), latest.c.seq)
        .join(latest, latest.c.event_pk == e.pk)
        .where(*conditions)
        .order_by(latest.c.seq)
        .limit(limit)
    )
    rows = conn.execute(query).all()
    built = build_rows(conn, [tuple(row[:-2]) for row in rows])
    events = [Change(row[-1], row[-2], built_row) for row, built_row in zip(rows, built, strict=True)]
    cursor = events[-1].seq if len(rows) == limit else head
    return ChangePage(events=events, cursor=cursor)


def changes_of(
    store: Any, conn: Connection, flt: EventFilter | None, *, after: int, head: int, limit: int = DEFAULT_PAGE
) -> ChangePage:
    """``read_changes`` with a Store's filter conditions and row builder (on its open connection)."""
    return read_changes(
        conn,
        after=after,
        head=head,
        conditions=store._conditions(conn, flt),
        build_rows=store._rows,
        limit=limit,
    )


def prune_log(conn: Connection, *, keep_seconds: float, now: float) -> int:
    """Delete the change-log rows every alert has read (at or below the lowest cursor) that are older than
    ``keep_seconds`` before ``now`` (seconds since the epoch), but never the latest row nor an existing
    event's birth row (see the module's doc); returns how many went. In the caller's write transaction."""
    log, e = s.event_log, s.events
    head = log_head(conn)
    limit = head - 1  # the latest row stays: the head never goes back
    lowest = conn.execute(select(func.min(s.alerts.c.cursor))).scalar()
    if lowest is not None:
        limit = min(limit, lowest)
    if limit <= 0:
        return 0
    later = log.alias("later")
    birth = and_(
        log.c.change == "insert",
        exists().where(e.c.pk == log.c.event_pk),
        ~exists().where(
            later.c.event_pk == log.c.event_pk, later.c.change == "insert", later.c.seq > log.c.seq
        ),
    )
    old = or_(log.c.at.is_(None), log.c.at < now - keep_seconds)
    result = conn.execute(delete(log).where(log.c.seq <= limit, old, ~birth))
    return max(result.rowcount or 0, 0)
