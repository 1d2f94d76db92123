"""The store's write path: a document and its events into one open transaction, grouping reports into events
independently of the order documents arrive in.

Each event is a group of reports (one per document telling it) as ``dedup.cluster`` defines it: reports taken
in canonical rank order, each joining the best matching earlier *seed* or seeding an event. A new document's
reports may rank before stored ones, so adding them is a regrouping pass (``Grouping``): its reports are
decided in rank order, and each change (a report seeding an event, a seed joining another event, a report
moving) queues the later-ranked reports it can affect (the reports matching a new seed, the members of a
dissolved event, the later reports of the same document), until none changes; then the events whose reports
changed are rewritten from their reports. The stored events are thus always ``cluster`` of the stored reports,
whatever the order and however many writers added them (writers take turns: one write transaction at a time).

Ingest runs a dozen statements per event, so they are SQLAlchemy Core statements compiled once per dialect
(``Statements``) and run on the transaction's DBAPI cursor: the SQL stays dialect-correct (Core writes it)
without paying Core's per-call statement building, which would otherwise cost more than the extraction it
stores.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Dialect, and_, bindparam, case, delete, insert, or_, select, union, update
from sqlalchemy.sql import ClauseElement, ColumnElement

from ..documents import Document
from ..errors import BinaryInputError, InputError
from ..model import Event, Evidence
from . import schema as s
from .dedup import (
    MATCH_WINDOW_DAYS,
    RADIUS_KM,
    Merged,
    Ranked,
    Report,
    admin1_key,
    choose_seed,
    interval,
    match_score,
    merge,
    place_key,
    precision,
    report_rank,
)
from .engine import km_to_lat, km_to_lon
from .models import AddResult
from .rows import EVENT_COLUMNS, event_from_row, evidence_of

log = logging.getLogger(__name__)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Prepared:
    """A Core statement compiled for one dialect, run with a dict of parameters on a DBAPI cursor."""

    __slots__ = ("defaults", "order", "sql")

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        self.order = tuple(compiled.positiontup) if compiled.positional and compiled.positiontup else None
        self.defaults = {
            k: v for k, v in compiled.params.items() if v is not None
        }  # literals in the statement

    def params(self, values: dict[str, Any], sqlite: bool) -> Any:
        if self.defaults:
            values = {**self.defaults, **values}
        if self.order is None:
            return values
        if sqlite:  # dates as ISO text, as SQLAlchemy's SQLite dialect stores them
            return tuple(v.isoformat() if type(v) is date else v for v in map(values.__getitem__, self.order))
        return tuple(map(values.__getitem__, self.order))


def _b(name: str) -> Any:
    return bindparam(name)


REGION = s.reports.c.geo_precision == 3  # region-precision reports match only region-precision ones


def near_conditions() -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """Where a report may match the one ``near_values`` describes: the same event type and an interval starting
    within the window (``window``); and the same place by coordinates, gazetteer entry or name (``place``), or,
    for a region-precision report, ``REGION``. A superset of the matches: ``dedup.match_score`` decides."""
    r = s.reports.c
    window = and_(r.event_type == _b("event_type_"), r.day_lo.between(_b("day_lo_"), _b("day_hi_")))
    place = or_(
        and_(
            r.latitude.between(_b("lat_lo"), _b("lat_hi")),
            r.longitude.between(_b("lon_lo"), _b("lon_hi")),
        ),
        r.gazetteer_id == _b("gazetteer_id_"),
        r.name_key == _b("name_key_"),
    )
    return window, place


def near_values(ev: Event) -> tuple[bool, dict[str, Any]] | None:
    """The parameters of ``near_conditions`` for a report of ``ev``, and whether it is of region precision (to
    look up by ``REGION`` instead of the place); None when it is undated (it never matches)."""
    span = interval(ev)
    if span is None:
        return None
    lo = span[0].toordinal()
    values: dict[str, Any] = {
        "event_type_": ev.event_type,
        "day_lo_": lo - MATCH_WINDOW_DAYS,
        "day_hi_": lo + MATCH_WINDOW_DAYS,
    }
    if precision(ev) == 3:
        return True, values
    loc = ev.location
    box = {"lat_lo": None, "lat_hi": None, "lon_lo": None, "lon_hi": None}
    if loc.latitude is not None and loc.longitude is not None:
        dlat, dlon = km_to_lat(RADIUS_KM * 1.01), km_to_lon(RADIUS_KM * 1.01, loc.latitude)
        box = {
            "lat_lo": loc.latitude - dlat,
            "lat_hi": loc.latitude + dlat,
            "lon_lo": loc.longitude - dlon,
            "lon_hi": loc.longitude + dlon,
        }
    name = loc.name.strip().casefold() if loc.name and loc.name.strip() else None
    return False, {**values, **box, "gazetteer_id_": loc.gazetteer_id, "name_key_": name}


class Statements:
    """Every statement of the write path, compiled once for the store's dialect."""

    def __init__(self, dialect: Dialect, *, rtree: bool) -> None:
        self.sqlite = dialect.name == "sqlite"
        self.rtree = rtree
        d, e, r, v, c, p = (
            s.documents.c,
            s.events.c,
            s.reports.c,
            s.evidence.c,
            s.event_categories.c,
            s.places.c,
        )

        def values(table, skip=("pk",)) -> dict[str, Any]:
            return {col.name: _b(col.name) for col in table.columns if col.name not in skip}

        def returning(stmt, column):
            return stmt if self.sqlite else stmt.returning(column)  # SQLite: cursor.lastrowid

        # a report as grouping reads it: with the id of its event's seed (the event's id)
        report_rows = select(
            r.pk, r.report_event_id, r.document_id, r.rank, r.record, r.event_pk, e.event_id
        ).join(s.events, e.pk == r.event_pk)
        # ... and with its record only when it seeds its event (the others' are read when needed: few are)
        seeds = e.event_id == r.report_event_id
        seed_record = case((seeds, r.record), else_=None)
        # near a report: the seeds (it may join one), and the reports ranked after it (which may join it)
        if dialect.name == "sqlite":  # binary collation: ranks compare as in Python (dedup.report_rank)
            after = or_(seeds, r.rank > _b("rank_"))
        elif dialect.name == "postgresql":
            after = or_(seeds, r.rank.collate("C") > _b("rank_"))
        else:  # a collation that may order ranks otherwise: all of them
            after = or_(seeds, r.rank.is_not(None) | (_b("rank_") == _b("rank_")))
        report_keys = select(
            r.pk, r.report_event_id, r.document_id, r.rank, seed_record, r.event_pk, e.event_id
        ).join(s.events, e.pk == r.event_pk)
        window, near_place = near_conditions()
        location_columns = (
            e.location_name, e.country, e.admin1, e.admin1_code, e.admin1_key, e.admin2, e.latitude,
            e.longitude, e.gazetteer_id, e.geo_precision, e.location_precision,
        )  # fmt: skip
        statements: dict[str, ClauseElement] = {
            "document_lookup": select(d.id, d.content_hash).where(
                (d.content_hash == _b("h")) | (d.id == _b("id"))
            ),
            "document_insert": insert(s.documents).values(values(s.documents)),
            "event_id_taken": union(
                select(e.pk).where(e.event_id == _b("id")),
                select(r.event_pk).where(r.report_event_id == _b("id")),
            ),
            "event_by_id": select(*EVENT_COLUMNS).where(e.event_id == _b("id_")),
            "event_insert": returning(insert(s.events).values(values(s.events)), e.pk),
            "event_update": update(s.events)
            .where(e.pk == _b("pk_"))
            .values(values(s.events, skip=("pk", "created_at"))),
            "event_delete": delete(s.events).where(e.pk == _b("pk_")),
            "report_insert": returning(insert(s.reports).values(values(s.reports)), r.pk),
            "report_move": update(s.reports).where(r.pk == _b("pk_")).values(event_pk=_b("event_pk_")),
            "reports_near_place": report_keys.where(window, near_place, after),
            "reports_near_region": report_keys.where(window, REGION, after),
            "report_record": select(r.record).where(r.pk == _b("pk_")),
            "reports_of_document": report_keys.where(r.document_id == _b("document_id_")),
            "reports_of_event": report_rows.where(e.event_id == _b("id_")),
            "report_grouping": update(s.reports)
            .where(r.pk == _b("pk_"))
            .values({name: _b(name) for name in s.REPORT_GROUPING_COLUMNS}),
            "evidence_insert": insert(s.evidence).values(values(s.evidence)),
            "evidence_of_event": select(v.report_pk, v.document_id, v.start, v.end, v.text, v.position)
            .where(v.event_pk == _b("pk_"))
            .order_by(v.report_pk, v.ordinal),
            "evidence_move": update(s.evidence)
            .where(v.report_pk == _b("pk_"))
            .values(event_pk=_b("event_pk_")),
            "evidence_position": update(s.evidence)
            .where(v.report_pk == _b("pk_"))
            .values(position=_b("position_")),
            "categories_delete": delete(s.event_categories).where(c.event_pk == _b("pk_")),
            "categories_insert": insert(s.event_categories).values(values(s.event_categories, skip=())),
            "place_row": select(*s.places.columns).where(p.key == _b("key_")),
            "place_insert": insert(s.places).values(values(s.places, skip=())),
            "place_update": update(s.places)
            .where(p.key == _b("key_"))
            .values(values(s.places, skip=("key",))),
            "place_delete": delete(s.places).where(p.key == _b("key_")),
            "place_users": select(*location_columns).where(e.place_key == _b("key_")),
        }
        self.prepared = {name: Prepared(stmt, dialect) for name, stmt in statements.items()}
        if rtree:  # SQLite only: the R*tree is a virtual table Core does not describe
            rt = s.events_rtree.c
            extra = {
                "rtree_delete": delete(s.events_rtree).where(rt.id == _b("pk_")),
                "rtree_insert": insert(s.events_rtree).values(values(s.events_rtree, skip=())),
            }
            self.prepared.update({name: Prepared(stmt, dialect) for name, stmt in extra.items()})


@dataclass(eq=False, slots=True)
class Node:
    """A report during a grouping pass: what grouping compares (``r``), and where it is now."""

    r: Ranked
    pk: int | None  # None: a report of the document being written, not stored yet
    event_pk: int | None  # the stored event it belongs to
    seed: str | None  # the id of its event's seed now (None: not decided yet)
    stored_seed: str | None = None  # the id of that stored event

    @property
    def id(self) -> str:
        return self.r.report_id


class Writer:
    """Writes documents and their events inside one open transaction (``conn``)."""

    def __init__(self, statements: Statements, conn: Connection, now: str) -> None:
        self.st = statements
        self.conn = conn
        self.cursor = conn.connection.driver_connection.cursor()
        self.now = now
        self.places: dict[str, dict[str, Any]] = {}  # place rows as this transaction knows them, by key

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[None]:
        """A savepoint around the block: on an error, what the block wrote is rolled back (the cache too).
        Written on the driver's cursor (SQLAlchemy's nested transactions cost more than a document's rows)."""
        places = dict(self.places)
        self.cursor.execute("SAVEPOINT spotrep_document")
        try:
            yield
        except BaseException:
            self.cursor.execute("ROLLBACK TO SAVEPOINT spotrep_document")
            self.cursor.execute("RELEASE SAVEPOINT spotrep_document")
            self.places = places
            raise
        self.cursor.execute("RELEASE SAVEPOINT spotrep_document")

    # --- running statements ---------------------------------------------------------------------------------

    def run(self, statement: str, /, **values: Any) -> Any:
        p = self.st.prepared[statement]
        return self.cursor.execute(p.sql, p.params(values, self.st.sqlite))

    def many(self, statement: str, rows: Iterable[dict[str, Any]], /) -> None:
        p = self.st.prepared[statement]
        params = [p.params(row, self.st.sqlite) for row in rows]
        if params:
            self.cursor.executemany(p.sql, params)

    def insert_returning(self, statement: str, /, **values: Any) -> int:
        cursor = self.run(statement, **values)
        return cursor.lastrowid if self.st.sqlite else cursor.fetchone()[0]

    # --- documents ------------------------------------------------------------------------------------------

    def write_document(self, doc: Document, events: Sequence[Event], content_hash: str) -> AddResult:
        found = self.run("document_lookup", h=content_hash, id=doc.id).fetchall()
        for doc_id, stored_hash in found:
            if stored_hash == content_hash:
                return AddResult(document_id=doc.id, added=False, duplicate_of=doc_id)
        if found:
            raise InputError(
                f"{doc.id}: a different document with this id is already stored; give this one another id",
                document_id=doc.id,
            )
        _refuse_nul(doc)
        normal = [normalise(e, doc) for e in events]
        self.run(
            "document_insert",
            id=doc.id,
            content_hash=content_hash,
            published=doc.published,
            source=doc.source,
            url=doc.url,
            title=doc.title,
            n_chars=len(doc.text),
            n_events=len(normal),
            text=doc.text,
            ingested_at=self.now,
        )
        fresh: list[Node] = []
        seen_ids: set[str] = set()
        for ev in normal:
            ev = self.unique_id(ev, seen_ids)
            seen_ids.add(ev.event_id)
            rank = report_rank(ev, doc.published, content_hash, ev.event_id)
            fresh.append(Node(Ranked(ev.event_id, rank, doc.id, ev), None, None, None))
        grouping = Grouping(self, fresh=fresh)
        grouping.run()
        grouping.write()
        merged = sum(1 for n in fresh if len(grouping.members_of[n.seed]) > 1)  # other documents tell it too
        return AddResult(document_id=doc.id, added=True, events_new=len(fresh) - merged, events_merged=merged)

    def unique_id(self, event: Event, taken: set[str]) -> Event:
        """The event, with a fresh id if a stored event or report (or an earlier event here) already has its
        id.
        """
        event_id, n = event.event_id, 0
        while event_id in taken or self.run("event_id_taken", id=event_id).fetchone() is not None:
            n += 1
            event_id = hashlib.sha1(f"{event.event_id}|{event.document_id}|{n}".encode()).hexdigest()[:16]
        return event if n == 0 else event.model_copy(update={"event_id": event_id})

    # --- events ---------------------------------------------------------------------------------------------

    def write_event(
        self, seed: str, members: list[Node], fresh_rows: dict[str, dict[str, Any]], row: str, *, stored: bool
    ) -> set[str]:
        """Write the event seeded by ``seed`` from its reports (``members``, in rank order), inserting the new
        reports among them (their columns in ``fresh_rows``), into the stored event of id ``row`` (its own, or
        the row of an event that is gone), if ``stored``; returns the place keys whose events changed there."""
        before = self.run("event_by_id", id_=row).fetchone() if stored else None
        spans: dict[int, list[Evidence]] = {}  # stored report pk -> its evidence
        stored_positions: dict[int, int] = {}
        for event_pk in sorted({n.event_pk for n in members if n.event_pk is not None}):
            for report_pk, document_id, start, end, text, position in self.run(
                "evidence_of_event", pk_=event_pk
            ):
                spans.setdefault(report_pk, []).append(evidence_of(text, start, end, document_id))
                stored_positions[report_pk] = position
        reports: list[Report] = []
        for i, n in enumerate(members):
            event = n.r.event
            if n.pk is not None and (n.pk in spans or event.evidence):
                event = event.model_copy(update={"evidence": spans.get(n.pk, [])})
            reports.append(Report(document_id=n.r.document_id, event=event, ordinal=i))
        m = merge(reports, event_id=seed)
        place, created = self.place(m.event)
        columns = event_columns(m, place)
        if before is None:
            event_pk = self.insert_returning(
                "event_insert", **columns, created_at=self.now, updated_at=self.now
            )
            self.categories(event_pk, m.event.categories, fresh=True)
            self.rtree(event_pk, m.event, fresh=True)
            if not created:  # (a place created for it has its location already)
                self.located(place, m.event)
            places = set()
        else:
            event_pk = before[0]
            old = event_from_row(before, [])
            self.run("event_update", pk_=event_pk, **columns, updated_at=self.now)
            if m.event.categories != old.categories:
                self.categories(event_pk, m.event.categories)
            where_before = (old.location.latitude, old.location.longitude, interval(old))
            if (m.event.location.latitude, m.event.location.longitude, interval(m.event)) != where_before:
                self.rtree(event_pk, m.event)
            where = ("place_key", *_LOCATION_COLUMNS)
            if tuple(columns[c] for c in where) != tuple(before[_EVENT_INDEX[c]] for c in where):
                places = {place, before[_EVENT_INDEX["place_key"]]}
            else:
                places = set()  # located as before: its place rows stand
        position = {i: pos for pos, i in enumerate(m.order)}
        for i, n in enumerate(members):
            if n.pk is None:
                n.pk = self.add_report(event_pk, reports[i].event, fresh_rows[n.id], position[i])
            else:
                if n.event_pk != event_pk:
                    self.run("report_move", pk_=n.pk, event_pk_=event_pk)
                    self.run("evidence_move", pk_=n.pk, event_pk_=event_pk)
                if stored_positions.get(n.pk, position[i]) != position[i]:
                    self.run("evidence_position", pk_=n.pk, position_=position[i])
            n.event_pk = event_pk
        places.discard(None)
        return places  # type: ignore[return-value]

    def delete_event(self, seed: str) -> set[str]:
        """Delete the event seeded by ``seed`` (its reports have all joined other events); returns its place
        key."""
        row = self.run("event_by_id", id_=seed).fetchone()
        if row is None:
            return set()
        self.run("categories_delete", pk_=row[0])
        if self.st.rtree:
            self.run("rtree_delete", pk_=row[0])
        self.run("event_delete", pk_=row[0])
        place = row[_EVENT_INDEX["place_key"]]
        return {place} if place else set()

    def add_report(self, event_pk: int, ev: Event, grouping: dict[str, Any], position: int) -> int:
        record = ev.model_dump_json(exclude={"evidence"})
        if "\\u0000" in record or any("\x00" in e.text for e in ev.evidence):
            raise InputError(f"{ev.document_id}: an event with a NUL character can not be stored")
        report_pk = self.insert_returning(
            "report_insert",
            event_pk=event_pk,
            document_id=ev.document_id,
            report_event_id=ev.event_id,
            fatalities=ev.fatalities,
            injuries=ev.injuries,
            claim_source=ev.claim.source,
            claim_source_country=ev.claim.source_country,
            claim_status=ev.claim.status,
            record=record,
            **grouping,
        )
        self.many(
            "evidence_insert",
            (
                {
                    "event_pk": event_pk,
                    "report_pk": report_pk,
                    "document_id": ev.document_id,
                    "ordinal": i,
                    "position": position,
                    "start": e.start,
                    "end": e.end,
                    "text": e.text,
                }
                for i, e in enumerate(ev.evidence)
            ),
        )
        return report_pk

    def categories(self, event_pk: int, categories: list[str], fresh: bool = False) -> None:
        if not fresh:
            self.run("categories_delete", pk_=event_pk)
        self.many("categories_insert", ({"event_pk": event_pk, "category": x} for x in categories))

    def rtree(self, event_pk: int, ev: Event, fresh: bool = False) -> None:
        if not self.st.rtree:
            return
        if not fresh:
            self.run("rtree_delete", pk_=event_pk)
        loc = ev.location
        if loc.latitude is None or loc.longitude is None:
            return
        span = interval(ev)
        lo, hi = (span[0].toordinal(), span[1].toordinal()) if span else (0, s.UNKNOWN_DAY_MAX)
        self.run(
            "rtree_insert",
            id=event_pk,
            min_day=lo,
            max_day=hi,
            min_lat=loc.latitude,
            max_lat=loc.latitude,
            min_lon=loc.longitude,
            max_lon=loc.longitude,
        )

    # --- places ---------------------------------------------------------------------------------------------

    def place(self, ev: Event) -> tuple[str | None, bool]:
        """The place key of an event, and whether its row was created (from the event's location) because it
        was missing. A place row is the first (in a fixed order) of the locations its events give it, so that
        it does not depend on the order events arrived in: see ``located`` and ``settle_places``."""
        key = place_key(ev.location, precision(ev))
        if key is None or key in self.places:
            return key, False
        stored = self.run("place_row", key_=key).fetchone()
        if stored is None:
            self.places[key] = _place_row(key, ev)
            self.run("place_insert", **self.places[key])
        else:
            self.places[key] = dict(zip(s.places.c.keys(), stored, strict=True))
        return key, stored is None

    def located(self, key: str | None, ev: Event) -> None:
        """A new event located at ``key`` (its row made by ``place``): the row becomes its location if that
        comes first."""
        if key is None:
            return
        row = _place_row(key, ev)
        if _none_first(row) < _none_first(self.places[key]):
            self.run("place_update", key_=key, **{k: v for k, v in row.items() if k != "key"})
            self.places[key] = row

    def settle_places(self, keys: Iterable[str]) -> None:
        """Make each place row the first (in a fixed order) of the locations its events give it; delete it when
        no event is located there any more. The rows then do not depend on the order events arrived in."""
        for key in sorted(keys):
            users = self.run("place_users", key_=key).fetchall()
            stored = self.run("place_row", key_=key).fetchone()
            if not users:
                if stored is not None:
                    self.run("place_delete", key_=key)
                self.places.pop(key, None)
                continue
            wanted = min((_location_row(key, row) for row in users), key=_none_first)
            if stored is None:
                self.run("place_insert", **wanted)
            elif tuple(stored) != tuple(wanted.values()):
                self.run("place_update", key_=key, **{k: v for k, v in wanted.items() if k != "key"})
            self.places[key] = wanted


_EVENT_INDEX = {name: i for i, name in enumerate(s.events.c.keys())}
_LOCATION_COLUMNS = (
    "location_name", "country", "admin1", "admin1_code", "admin1_key", "admin2", "latitude", "longitude",
    "gazetteer_id", "geo_precision", "location_precision",
)  # fmt: skip


@lru_cache(maxsize=65536)
def parse_record(record: str) -> Event:
    """A stored report's record (immutable: parsed once and shared, never changed in place)."""
    return Event.model_validate_json(record)


def _refuse_nul(doc: Document) -> None:
    for name in ("id", "text", "source", "url", "title"):
        value = getattr(doc, name)
        if isinstance(value, str) and "\x00" in value:
            raise BinaryInputError(
                f"{doc.id!r}: its {name} contains a NUL character (binary data?); not stored",
                document_id=doc.id,
                field=name,
            )


def _none_first(row: dict[str, Any]) -> tuple:
    return tuple((v is not None, v) for v in row.values())


def _place_row(key: str, ev: Event) -> dict[str, Any]:
    loc = ev.location
    return {
        "key": key,
        "gazetteer_id": loc.gazetteer_id,
        "name": loc.name,
        "country": loc.country,
        "admin1": loc.admin1,
        "admin1_code": loc.admin1_code,
        "admin1_key": admin1_key(loc),
        "admin2": loc.admin2,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "geo_precision": precision(ev),
    }


def _location_row(key: str, row: Sequence[Any]) -> dict[str, Any]:
    """A places row from an event's location columns (``place_users``), in the table's column order."""
    name, country, admin1, admin1_code, a1_key, admin2, lat, lon, gazetteer_id, gp, location_gp = row
    return {
        "key": key,
        "gazetteer_id": gazetteer_id,
        "name": name,
        "country": country,
        "admin1": admin1,
        "admin1_code": admin1_code,
        "admin1_key": a1_key,
        "admin2": admin2,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": gp or location_gp,
    }


def grouping_columns(ev: Event, rank: str) -> dict[str, Any]:
    """The columns grouping looks reports up by (``schema.REPORT_GROUPING_COLUMNS``)."""
    span = interval(ev)
    loc = ev.location
    name = loc.name.strip().casefold() if loc.name and loc.name.strip() else None
    return {
        "rank": rank,
        "event_type": ev.event_type,
        "day_lo": span[0].toordinal() if span else None,
        "day_hi": span[1].toordinal() if span else None,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "gazetteer_id": loc.gazetteer_id,
        "name_key": name,
        "geo_precision": precision(ev),
    }


# --- grouping ---------------------------------------------------------------------------------------------


class Grouping:
    """One regrouping pass: the reports of one new document (``fresh``). See the module docstring (and
    ``regroup`` for regrouping every stored report)."""

    def __init__(
        self,
        writer: Writer,
        *,
        fresh: Sequence[Node] = (),
    ) -> None:
        self.w = writer
        self.fresh = list(fresh)
        self.fresh_rows = {
            n.id: grouping_columns(n.r.event, n.r.rank) for n in self.fresh
        }  # the new reports' grouping columns
        self.nodes: dict[str, Node] = {n.id: n for n in self.fresh}
        self.members_of: dict[str, set[str]] = {}  # seed id -> ids of the loaded reports in its event
        self.promoted: list[Node] = []
        self.documents: dict[str, list[Node]] = {}
        if self.fresh:
            self.documents[self.fresh[0].r.document_id] = self.fresh
        self.heap: list[tuple[str, str]] = []
        self.queued: set[str] = set()
        self.current: str | None = None
        self.dirty: set[str] = set()  # seeds whose events change
        for n in self.fresh:
            self.push(n)

    # --- the reports, loaded as needed ---

    def node(self, row: Sequence[Any]) -> Node:
        pk, report_id, document_id, rank, record, event_pk, seed = row
        n = self.nodes.get(report_id)
        if n is not None:
            if n.r.event is None and record is not None:
                n.r = Ranked(report_id, n.r.rank, document_id, parse_record(record))
            return n
        event = parse_record(record) if record is not None else None
        ranked = Ranked(report_id, rank, document_id, event)  # type: ignore[arg-type]
        n = self.nodes[report_id] = Node(ranked, pk, event_pk, seed, seed)
        self.members_of.setdefault(seed, set()).add(report_id)
        return n

    def loaded(self, n: Node) -> Ranked:
        """The node as grouping compares it, its record read if it was not."""
        if n.r.event is None:
            (record,) = self.w.run("report_record", pk_=n.pk).fetchone()
            n.r = Ranked(n.id, n.r.rank, n.r.document_id, parse_record(record))
        return n.r

    def nodes_of(self, statement: str, **values: Any) -> list[Node]:
        return [self.node(row) for row in self.w.run(statement, **values).fetchall()]

    def near(self, x: Node) -> list[Node]:
        """The reports that may match ``x`` (a superset: same event type, intervals starting within the
        window, the same place by coordinates, gazetteer entry, name or region)."""
        ev = self.loaded(x).event
        near = near_values(ev)
        if near is None:
            return []  # undated reports never match
        region, values = near
        found = self.nodes_of(
            "reports_near_region" if region else "reports_near_place", rank_=x.r.rank, **values
        )
        # what the database does not know: the new reports, and the reports seeding an event since the pass began
        found += [n for n in (*self.fresh, *self.promoted) if n.r.event.event_type == ev.event_type]
        return [n for n in dict.fromkeys(found) if n is not x]

    def of_document(self, document_id: str) -> list[Node]:
        nodes = self.documents.get(document_id)
        if nodes is None:
            nodes = self.documents[document_id] = self.nodes_of(
                "reports_of_document", document_id_=document_id
            )
        return nodes

    def stored(self, seed: str) -> bool:
        """Whether a stored event has the id ``seed`` (a seed that came from the database, or stored as one)."""
        n = self.nodes.get(seed)
        return n is None or n.stored_seed == seed

    def members(self, seed: str) -> list[Node]:
        """The reports in the event ``seed`` seeds now."""
        if self.stored(seed):
            self.nodes_of("reports_of_event", id_=seed)  # the stored ones, loaded (those moved away excepted)
        return sorted((self.nodes[i] for i in self.members_of.get(seed, ())), key=lambda n: n.r.rank)

    def set_seed(self, n: Node, seed: str) -> None:
        if n.seed is not None:
            self.members_of[n.seed].discard(n.id)
        n.seed = seed
        self.members_of.setdefault(seed, set()).add(n.id)
        if seed == n.id and n.pk is not None:  # a stored report that seeds an event now
            self.promoted.append(n)

    # --- deciding ---

    def push(self, n: Node) -> None:
        if n.id in self.queued:
            return
        if self.current is not None and n.r.rank <= self.current:
            raise RuntimeError(f"grouping: report {n.id} queued after its turn")  # an invariant, not input
        self.queued.add(n.id)
        heapq.heappush(self.heap, (n.r.rank, n.id))

    def run(self) -> None:
        while self.heap:
            rank, report_id = heapq.heappop(self.heap)
            self.current = rank
            self.decide(self.nodes[report_id])

    def decide(self, x: Node) -> None:
        excluded = {
            n.seed for n in self.of_document(x.r.document_id) if n.r.rank < x.r.rank and n.seed is not None
        }
        near = self.near(x)
        seeds = [self.loaded(n) for n in near if n.seed == n.id]
        new = choose_seed(x.r, seeds, excluded=excluded) or x.id
        old = x.seed
        if new == old:
            return
        if old == x.id:  # x seeded an event and joins another: the rest of its event is decided anew
            for m in self.members(x.id):
                if m is not x:
                    self.push(m)
        self.set_seed(x, new)
        self.dirty.update(seed for seed in (old, new) if seed is not None)
        if new == x.id:  # a new seed: the later reports it matches may join it
            for n in near:
                if n.r.rank > x.r.rank and n.id not in self.queued and not self.keeps_its_seed(n, x):
                    self.push(n)
        for n in self.of_document(x.r.document_id):  # the later reports of its document: exclusions change
            if n.r.rank > x.r.rank:
                self.push(n)

    def keeps_its_seed(self, n: Node, x: Node) -> bool:
        """Whether ``n``, not queued (its choice stands), stays with its seed now that ``x`` seeds an event too:
        when ``x`` does not match it, or matches it less well than its seed does."""
        score = match_score(self.loaded(n).event, x.r.event)
        if score is None:
            return True
        current = self.nodes.get(n.seed) if n.seed != n.id else None
        if current is None or n.r.document_id == x.r.document_id:
            return False  # decided anew (a seed may join x; the seed not at hand; an exclusion)
        kept = match_score(n.r.event, self.loaded(current).event)
        return kept is not None and (kept, current.r.rank) < (score, x.r.rank)

    # --- writing ---

    def write(self) -> None:
        """Rewrite the events whose reports changed, delete those left without a seed, settle their places."""
        places: set[str] = set()
        alive, gone = [], set()
        # the events of the new reports first, in the document's order (its reports are stored in that order)
        first = {n.seed: i for i, n in reversed(list(enumerate(self.fresh)))}
        for seed in sorted(self.dirty, key=lambda seed: (first.get(seed, len(first)), seed)):
            members = self.members(seed)
            for n in members:
                self.loaded(n)
            if members and self.nodes[seed].seed == seed:
                alive.append((seed, members))
            else:
                gone.add(seed)
        taken: set[str] = set()
        for seed, members in alive:
            row = None
            if not self.stored(seed):  # no event of its own yet: it may take over a gone event's row
                counts: dict[str, int] = {}
                for n in members:
                    if n.stored_seed in gone and n.stored_seed not in taken:
                        counts[n.stored_seed] = counts.get(n.stored_seed, 0) + 1
                if counts:
                    row = min(counts, key=lambda old: (-counts[old], old))  # where most of its reports are
                    taken.add(row)
            stored = row is not None or self.stored(seed)
            places |= self.w.write_event(seed, members, self.fresh_rows, row or seed, stored=stored)
        for seed in sorted(gone - taken):
            places |= self.w.delete_event(seed)
        self.w.settle_places(places)


def normalise(event: Event, doc: Document) -> Event:
    """The event as the store keeps it: its document's id, and its evidence tagged with that id."""
    if not isinstance(event, Event):
        raise InputError(f"{doc.id}: the extractor returned {type(event).__name__}, not an Event")
    changes: dict[str, Any] = {"source_count": 1}
    if event.document_id != doc.id:
        changes["document_id"] = doc.id
    if any(e.document_id != doc.id for e in event.evidence):
        changes["evidence"] = [e.model_copy(update={"document_id": doc.id}) for e in event.evidence]
    if event.source is None and doc.source:
        changes["source"] = doc.source
    if event.url is None and doc.url:
        changes["url"] = doc.url
    return event.model_copy(update=changes)


def event_columns(m: Merged, place: str | None) -> dict[str, Any]:
    """The events-table columns of a merged record."""
    ev = m.event
    a1, a2, loc = ev.actor1, ev.actor2, ev.location
    day = ev.event_date or ev.date_start or ev.date_end
    return {
        "event_id": ev.event_id,
        "document_id": ev.document_id,
        "day": day.toordinal() if day else 0,
        "event_date": ev.event_date,
        "date_start": ev.date_start,
        "date_end": ev.date_end,
        "time_precision": ev.time_precision,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "categories": _json(ev.categories),
        "actor1_name": a1.name if a1 else None,
        "actor1_country": a1.country if a1 else None,
        "actor1_kind": a1.kind if a1 else None,
        "actor2_name": a2.name if a2 else None,
        "actor2_country": a2.country if a2 else None,
        "actor2_kind": a2.kind if a2 else None,
        "place_key": place,
        "location_name": loc.name,
        "country": loc.country,
        "admin1": loc.admin1,
        "admin1_code": loc.admin1_code,
        "admin1_key": admin1_key(loc),
        "admin2": loc.admin2,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "location_precision": loc.geo_precision,
        "gazetteer_id": loc.gazetteer_id,
        "geo_precision": ev.geo_precision,
        "fatalities": m.fatalities_best,
        "fatalities_low": m.fatalities_low,
        "fatalities_high": m.fatalities_high,
        "injuries": ev.injuries,
        "quantities": _json([q.model_dump(mode="json") for q in ev.quantities]),
        "weapons": _json(ev.weapons),
        "claim_source": ev.claim.source,
        "claim_source_country": ev.claim.source_country,
        "claim_status": ev.claim.status,
        "notes": ev.notes,
        "source": ev.source,
        "url": ev.url,
        "source_count": ev.source_count,
        "sources": _json(m.sources),
        "lang": ev.lang,
    }
