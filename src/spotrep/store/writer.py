"""The store's write path: a document and its events into one open transaction, merging across documents.

Ingest runs a dozen statements per event, so they are SQLAlchemy Core statements compiled once per dialect
(``Statements``) and run on the transaction's DBAPI cursor: the SQL stays dialect-correct (Core writes it)
without paying Core's per-call statement building, which would otherwise cost more than the extraction it
stores.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Dialect, Select, bindparam, delete, insert, select, union, update
from sqlalchemy.sql import ClauseElement

from ..documents import Document
from ..errors import InputError
from ..model import Event, Evidence
from . import schema as s
from .dedup import RADIUS_KM, Merged, Report, admin1_key, best_match, interval, merge, place_key, precision
from .engine import km_to_lat, km_to_lon
from .models import AddResult
from .rows import EVENT_COLUMNS, event_from_row, evidence_of

CANDIDATE_WINDOW_DAYS = (
    31  # dedup candidates found by index: best dates within this many days of the interval
)


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
        if sqlite:
            values = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}
        return tuple(values[k] for k in self.order) if self.order is not None else values


def _b(name: str) -> Any:
    return bindparam(name)


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

        events_select: Select = select(*EVENT_COLUMNS)
        window = e.day.between(_b("win_lo"), _b("win_hi"))
        statements: dict[str, ClauseElement] = {
            "document_lookup": select(d.id, d.content_hash).where(
                (d.content_hash == _b("h")) | (d.id == _b("id"))
            ),
            "document_insert": insert(s.documents).values(values(s.documents)),
            "event_id_taken": union(
                select(e.pk).where(e.event_id == _b("id")),
                select(r.event_pk).where(r.report_event_id == _b("id")),
            ),
            "event_insert": returning(insert(s.events).values(values(s.events)), e.pk),
            "event_update": update(s.events)
            .where(e.pk == _b("pk_"))
            .values(values(s.events, skip=("pk", "event_id", "created_at"))),
            "report_insert": returning(insert(s.reports).values(values(s.reports)), r.pk),
            "reports_of": select(r.pk, r.document_id, r.record).where(r.event_pk == _b("pk_")).order_by(r.pk),
            "evidence_insert": insert(s.evidence).values(values(s.evidence)),
            "evidence_of": select(v.report_pk, v.document_id, v.start, v.end, v.text, v.position)
            .where(v.event_pk == _b("pk_"))
            .order_by(v.report_pk, v.ordinal),
            "evidence_position": update(s.evidence)
            .where(v.event_pk == _b("pk_"), v.report_pk == _b("report_pk_"))
            .values(position=_b("position_")),
            "categories_delete": delete(s.event_categories).where(c.event_pk == _b("pk_")),
            "categories_insert": insert(s.event_categories).values(values(s.event_categories, skip=())),
            "place_exists": select(p.key).where(p.key == _b("key_")),
            "place_insert": insert(s.places).values(values(s.places, skip=())),
            "candidates_place": events_select.where(
                e.event_type == _b("event_type_"), e.place_key == _b("place_"), window
            ),
            "candidates_region": events_select.where(
                e.event_type == _b("event_type_"), e.admin1_key == _b("region_"), e.geo_precision == 3, window
            ),
            "candidates_box": events_select.where(
                e.event_type == _b("event_type_"),
                window,
                e.latitude.between(_b("lat_lo"), _b("lat_hi")),
                e.longitude.between(_b("lon_lo"), _b("lon_hi")),
            ),
        }
        self.prepared = {name: Prepared(stmt, dialect) for name, stmt in statements.items()}
        if rtree:  # SQLite only: the R*tree is a virtual table Core does not describe
            rt = s.events_rtree.c
            box = select(rt.id).where(
                rt.max_day >= _b("day_lo"),
                rt.min_day <= _b("day_hi"),
                rt.max_lat >= _b("lat_lo"),
                rt.min_lat <= _b("lat_hi"),
                rt.max_lon >= _b("lon_lo"),
                rt.min_lon <= _b("lon_hi"),
            )
            extra = {
                "candidates_rtree": events_select.where(e.event_type == _b("event_type_"), e.pk.in_(box)),
                "rtree_delete": delete(s.events_rtree).where(rt.id == _b("pk_")),
                "rtree_insert": insert(s.events_rtree).values(values(s.events_rtree, skip=())),
            }
            self.prepared.update({name: Prepared(stmt, dialect) for name, stmt in extra.items()})


class Writer:
    """Writes documents and their events inside one open transaction (``conn``)."""

    def __init__(self, statements: Statements, conn: Connection, now: str) -> None:
        self.st = statements
        self.conn = conn
        self.cursor = conn.connection.driver_connection.cursor()
        self.now = now
        self.places: set[str] = set()  # places known to exist in this transaction
        self.parsed: dict[int, Event] = {}  # report pk -> its record, parsed (merging re-reads every report)

    def checkpoint(self) -> tuple[set[str], dict[int, Event]]:
        """What the caches hold now, to restore when a savepoint is rolled back."""
        return set(self.places), dict(self.parsed)

    def restore(self, state: tuple[set[str], dict[int, Event]]) -> None:
        self.places, self.parsed = state

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
        touched: set[int] = set()  # events this document already reports: never merged with each other
        new = merged = 0
        seen_ids: set[str] = set()
        for ev in normal:
            ev = self.unique_id(ev, seen_ids)
            seen_ids.add(ev.event_id)
            match = self.find_match(ev, exclude=touched)
            if match is None:
                touched.add(self.insert_event(ev))
                new += 1
            else:
                target, before = match
                self.add_report(target, ev)
                self.recompute(target, before)
                touched.add(target)
                merged += 1
        return AddResult(document_id=doc.id, added=True, events_new=new, events_merged=merged)

    def unique_id(self, event: Event, taken: set[str]) -> Event:
        """The event, with a fresh id if a stored event or report (or an earlier event here) already has its
        id.
        """
        event_id, n = event.event_id, 0
        while event_id in taken or self.run("event_id_taken", id=event_id).fetchone() is not None:
            n += 1
            event_id = hashlib.sha1(f"{event.event_id}|{event.document_id}|{n}".encode()).hexdigest()[:16]
        return event if n == 0 else event.model_copy(update={"event_id": event_id})

    # --- deduplication candidates ---------------------------------------------------------------------------

    def find_match(self, ev: Event, *, exclude: set[int]) -> tuple[int, Event] | None:
        """The stored event this one is a report of (its pk and record), if any."""
        span = interval(ev)
        if span is None:
            return None  # undated events are never merged
        lo, hi = span[0].toordinal() - 1, span[1].toordinal() + 1
        common = {
            "event_type_": ev.event_type,
            "win_lo": lo - CANDIDATE_WINDOW_DAYS,
            "win_hi": hi + CANDIDATE_WINDOW_DAYS,
        }
        loc = ev.location
        results = []
        if precision(ev) == 3:
            region = admin1_key(loc)
            if region is None:
                return None
            results.append(self.run("candidates_region", region_=region, **common))
        else:
            key = place_key(loc, precision(ev))
            if key is not None:
                results.append(self.run("candidates_place", place_=key, **common))
            if loc.latitude is not None and loc.longitude is not None:
                dlat, dlon = km_to_lat(RADIUS_KM * 1.01), km_to_lon(RADIUS_KM * 1.01, loc.latitude)
                box = {
                    "lat_lo": loc.latitude - dlat,
                    "lat_hi": loc.latitude + dlat,
                    "lon_lo": loc.longitude - dlon,
                    "lon_hi": loc.longitude + dlon,
                }
                if self.st.rtree:
                    results.append(
                        self.run("candidates_rtree", event_type_=ev.event_type, day_lo=lo, day_hi=hi, **box)
                    )
                else:
                    results.append(self.run("candidates_box", **common, **box))
        candidates: dict[int, Event] = {}
        for cursor in results:
            for row in cursor.fetchall():
                pk = row[0]
                if pk not in exclude and pk not in candidates:
                    candidates[pk] = event_from_row(row, [])
        pk = best_match(ev, sorted(candidates.items()))
        return None if pk is None else (pk, candidates[pk])

    # --- events ---------------------------------------------------------------------------------------------

    def insert_event(self, ev: Event) -> int:
        m = merge([Report(document_id=ev.document_id, event=ev, ordinal=0)], event_id=ev.event_id)
        place = self.place(m.event)
        pk = self.insert_returning(
            "event_insert", **event_columns(m, place), created_at=self.now, updated_at=self.now
        )
        self.add_report(pk, ev)
        self.categories(pk, m.event.categories, fresh=True)
        self.rtree(pk, m.event, fresh=True)
        return pk

    def add_report(self, event_pk: int, ev: Event) -> int:
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
            record=ev.model_dump_json(exclude={"evidence"}),
        )
        self.many(
            "evidence_insert",
            (
                {
                    "event_pk": event_pk,
                    "report_pk": report_pk,
                    "document_id": ev.document_id,
                    "ordinal": i,
                    "position": 0,
                    "start": e.start,
                    "end": e.end,
                    "text": e.text,
                }
                for i, e in enumerate(ev.evidence)
            ),
        )
        return report_pk

    def reports(self, event_pk: int) -> tuple[list[int], list[Report], dict[int, int]]:
        """The reports of a stored event (in arrival order), and the position of each report's evidence."""
        rows = self.run("reports_of", pk_=event_pk).fetchall()
        spans: dict[int, list[Evidence]] = {}
        positions: dict[int, int] = {}
        for report_pk, document_id, start, end, text, position in self.run("evidence_of", pk_=event_pk):
            spans.setdefault(report_pk, []).append(evidence_of(text, start, end, document_id))
            positions[report_pk] = position
        reports = []
        for i, (pk, document_id, record) in enumerate(rows):
            event = self.parsed.get(pk)
            if event is None:
                event = self.parsed[pk] = Event.model_validate_json(record)
            spans_of = spans.get(pk, [])
            reports.append(
                Report(
                    document_id=document_id,
                    event=event.model_copy(update={"evidence": spans_of})
                    if spans_of or event.evidence
                    else event,
                    ordinal=i,
                )
            )
        return [row[0] for row in rows], reports, positions

    def recompute(self, event_pk: int, before: Event) -> None:
        """Recompute the canonical record of a stored event (``before``: as it was) from all its reports."""
        report_pks, reports, positions = self.reports(event_pk)
        m = merge(reports, event_id=before.event_id)
        place = self.place(m.event)
        columns = event_columns(m, place)
        del columns["event_id"]
        self.run("event_update", pk_=event_pk, **columns, updated_at=self.now)
        self.many(
            "evidence_position",
            (
                {"pk_": event_pk, "report_pk_": report_pks[i], "position_": pos}
                for pos, i in enumerate(m.order)
                if positions.get(report_pks[i], pos) != pos
            ),
        )
        if m.event.categories != before.categories:
            self.categories(event_pk, m.event.categories)
        where_before = (before.location.latitude, before.location.longitude, interval(before))
        if (m.event.location.latitude, m.event.location.longitude, interval(m.event)) != where_before:
            self.rtree(event_pk, m.event)

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

    def place(self, ev: Event) -> str | None:
        loc = ev.location
        key = place_key(loc, precision(ev))
        if key is None or key in self.places:
            return key
        if self.run("place_exists", key_=key).fetchone() is None:
            self.run(
                "place_insert",
                key=key,
                gazetteer_id=loc.gazetteer_id,
                name=loc.name,
                country=loc.country,
                admin1=loc.admin1,
                admin1_code=loc.admin1_code,
                admin1_key=admin1_key(loc),
                admin2=loc.admin2,
                latitude=loc.latitude,
                longitude=loc.longitude,
                geo_precision=precision(ev),
            )
        self.places.add(key)
        return key


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
    }
