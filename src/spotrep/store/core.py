"""The event store: documents, events, the reports linking them, evidence and places, behind one interface.

    >>> with Store.open("events.db") as store:
    ...     report = store.ingest(read_paths(["reports/"]))
    ...     events = store.query(EventFilter(admin1=["Kharkiv"], since=date(2024, 5, 1)))

Writes: ``add(document, events)`` stores one document and its extracted events in one transaction;
``ingest(documents)`` extracts and stores documents in batches, each batch one transaction (so a crash loses
at most the batch in progress and a rerun redoes only it). A document whose content is already stored adds
nothing. Each new event either joins an event another document already reported (see ``dedup``) or becomes a
new event.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    String,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    tuple_,
    type_coerce,
    update,
)
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError

from ..documents import BatchError, Document, content_id, ensure_not_empty, require_english
from ..errors import EmptyInputError, InputError, NotFoundError, SpotrepError, StoreError
from ..model import Actor, Claim, Event, Evidence, Location, Quantity
from . import schema as s
from .dedup import RADIUS_KM, Merged, Report, admin1_key, best_match, interval, merge, place_key, precision
from .engine import distance_sql, km_to_lat, km_to_lon, make_engine, resolve_url
from .extract import Extractor, resolve_extractor
from .models import (
    DEFAULT_BATCH_SIZE,
    AddResult,
    DocumentRecord,
    EventDetail,
    EventFilter,
    EventRow,
    EventSource,
    IngestReport,
    PlaceRecord,
    StoreStats,
)

log = logging.getLogger(__name__)

CANDIDATE_WINDOW_DAYS = (
    31  # dedup candidates found by index: best dates within this many days of the interval
)

Progress = Callable[[int], Any]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _day(d: date | None) -> int:
    return d.toordinal() if d else 0


class Store:
    """An event database (SQLite by default; any SQLAlchemy URL). Use ``Store.open``; close it or use
    ``with``."""

    def __init__(self, engine: Engine, *, url: str) -> None:
        self._engine = engine
        self.url = url
        self._rtree = False
        with self._errors("opening"), self._write() as conn:
            s.migrate(conn)
            self._rtree = s.has_rtree(conn)

    # --- opening and closing ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path_or_url: str | os.PathLike[str] | None = None, *, echo: bool = False) -> Store:
        """Open (creating and migrating as needed) the store at a path or URL, else ``$SPOTREP_DB``, else the
        user data path."""
        url = resolve_url(path_or_url)
        engine = make_engine(url, echo=echo)
        try:
            return cls(engine, url=url)
        except BaseException:
            engine.dispose()
            raise

    @property
    def path(self) -> str | None:
        """The database file of a SQLite store (None for other databases and in-memory stores)."""
        if self.url.startswith("sqlite:///") and self.url != "sqlite:///:memory:":
            return self.url[len("sqlite:///") :]
        return None

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    def close(self) -> None:
        if self._engine.dialect.name == "sqlite":
            with contextlib.suppress(SQLAlchemyError), self._engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        with self._read() as conn:
            return max(s.applied_versions(conn), default=0)

    # --- transactions -------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._errors("reading"), self._engine.connect() as conn:
            yield conn

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite): committed at the end, rolled back on any
        error."""
        with self._engine.connect() as conn:
            conn.execution_options(spotrep_write=True)
            with conn.begin():
                yield conn

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except SpotrepError:
            raise
        except OperationalError as exc:
            raise StoreError(f"store error while {doing} {self.url}: {exc.orig}", url=self.url) from exc
        except DatabaseError as exc:
            raise StoreError(
                f"{self.url}: not a usable spotrep database while {doing} ({exc.orig})", url=self.url
            ) from exc

    # --- writing ------------------------------------------------------------------------------------------

    def add(self, document: Document, events: Sequence[Event]) -> AddResult:
        """Store one document and the events extracted from it, in one transaction."""
        with self._errors("writing"), self._write() as conn:
            return self._write_document(conn, document, events, content_id(document.text))

    def ingest(
        self,
        documents: Iterable[Document | BatchError],
        *,
        extractor: Extractor | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: Progress | None = None,
        on_error: Callable[[str], Any] | None = None,
    ) -> IngestReport:
        """Extract events from the documents and store them, ``batch_size`` documents per transaction.

        ``documents`` may contain ``BatchError``s (unreadable inputs): they are reported and skipped, as are
        documents that fail extraction or storing; empty documents are skipped. Documents whose content is
        already
        stored are skipped before extraction. ``extractor`` defaults to the pipeline's ``extract_documents``
        (or ``$SPOTREP_EXTRACTOR``). ``progress(n)`` is called as documents are done; ``on_error(message)``
        for
        each per-document error as it happens.
        """
        if batch_size < 1:
            raise InputError("batch size must be at least 1", batch_size=batch_size)
        extract = extractor or resolve_extractor()
        report = IngestReport()
        advance = progress or (lambda n=1: None)

        def fail(message: str) -> None:
            report.failed += 1
            report.errors.append(message)
            log.debug("ingest: %s", message)
            if on_error is not None:
                on_error(message)

        batch: list[Document] = []
        for item in documents:
            if isinstance(item, BatchError):
                report.documents_read += 1
                message = item.error.message
                if item.line and f":{item.line}" not in message:
                    message = f"line {item.line}: {message}"
                fail(message)
                advance(1)
                continue
            report.documents_read += 1
            try:
                ensure_not_empty(item, name=item.id)
                require_english(item, name=item.id)
            except EmptyInputError:
                report.empty += 1
                advance(1)
                continue
            except InputError as exc:
                fail(exc.message)
                advance(1)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                self._ingest_batch(batch, extract, report, fail, advance)
                batch = []
        if batch:
            self._ingest_batch(batch, extract, report, fail, advance)
        return report

    def _ingest_batch(
        self,
        batch: list[Document],
        extract: Extractor,
        report: IngestReport,
        fail: Callable[[str], None],
        advance: Progress,
    ) -> None:
        t0 = time.perf_counter()
        hashes = {id(doc): content_id(doc.text) for doc in batch}
        present = self.stored_hashes(set(hashes.values()))
        fresh: list[Document] = []
        seen: set[str] = set()
        for doc in batch:
            h = hashes[id(doc)]
            if h in present or h in seen:
                report.duplicates += 1
                advance(1)
                continue
            seen.add(h)
            fresh.append(doc)
        report.store_seconds += time.perf_counter() - t0
        if not fresh:
            return

        t1 = time.perf_counter()
        results = self._extract(fresh, extract, fail, advance)
        report.extract_seconds += time.perf_counter() - t1

        t2 = time.perf_counter()
        with self._errors("writing"), self._write() as conn:
            for doc, events in results:
                report.events_extracted += len(events)
                try:
                    with conn.begin_nested():
                        result = self._write_document(conn, doc, events, content_id(doc.text))
                except InputError as exc:
                    fail(exc.message)
                    continue
                if result.added:
                    report.documents_added += 1
                    report.events_new += result.events_new
                    report.events_merged += result.events_merged
                else:
                    report.duplicates += 1
        report.store_seconds += time.perf_counter() - t2
        report.batches += 1
        advance(len(results))

    @staticmethod
    def _extract(
        docs: list[Document], extract: Extractor, fail: Callable[[str], None], advance: Progress
    ) -> list[tuple[Document, list[Event]]]:
        """Run the extractor on a batch; when it fails, retry document by document to isolate the failure."""
        try:
            return [(doc, list(events)) for doc, events in extract(docs)]
        except Exception as exc:  # a failure of one document must not lose the batch: isolate it
            if len(docs) == 1:
                log.debug("extraction failed for %s", docs[0].id, exc_info=True)
                fail(f"{docs[0].id}: extraction failed: {exc}")
                advance(1)
                return []
            log.warning("extraction of a batch of %d failed (%s); retrying one by one", len(docs), exc)
        results: list[tuple[Document, list[Event]]] = []
        for doc in docs:
            try:
                results += [(d, list(events)) for d, events in extract([doc])]
            except Exception as exc:  # reported with the document's id; the rest of the batch goes on
                log.debug("extraction failed for %s", doc.id, exc_info=True)
                fail(f"{doc.id}: extraction failed: {exc}")
                advance(1)
        return results

    def stored_hashes(self, hashes: set[str]) -> set[str]:
        """Which of these content hashes are already stored."""
        if not hashes:
            return set()
        found: set[str] = set()
        with self._read() as conn:
            items = sorted(hashes)
            for i in range(0, len(items), 500):
                chunk = items[i : i + 500]
                rows = conn.execute(
                    select(s.documents.c.content_hash).where(s.documents.c.content_hash.in_(chunk))
                )
                found.update(r[0] for r in rows)
        return found

    def has_document(self, text: str) -> bool:
        return bool(self.stored_hashes({content_id(text)}))

    def _write_document(
        self, conn: Connection, doc: Document, events: Sequence[Event], content_hash: str
    ) -> AddResult:
        d = s.documents.c
        dup = conn.execute(select(d.id).where(d.content_hash == content_hash)).first()
        if dup is not None:
            return AddResult(document_id=doc.id, added=False, duplicate_of=dup[0])
        if conn.execute(select(d.id).where(d.id == doc.id)).first() is not None:
            raise InputError(
                f"{doc.id}: a different document with this id is already stored; give this one another id",
                document_id=doc.id,
            )
        normal = [self._normalise(e, doc) for e in events]
        now = s.utcnow()
        conn.execute(
            insert(s.documents).values(
                id=doc.id,
                content_hash=content_hash,
                published=doc.published,
                source=doc.source,
                url=doc.url,
                title=doc.title,
                n_chars=len(doc.text),
                n_events=len(normal),
                text=doc.text,
                ingested_at=now,
            )
        )
        touched: set[int] = set()  # events this document already reports: never merged with each other
        new = merged = 0
        for ev in normal:
            ev = self._unique_id(conn, ev)
            target = self._find_match(conn, ev, exclude=touched)
            if target is None:
                touched.add(self._insert_event(conn, ev, now))
                new += 1
            else:
                self._add_report(conn, target, ev)
                self._recompute(conn, target, now)
                touched.add(target)
                merged += 1
        return AddResult(document_id=doc.id, added=True, events_new=new, events_merged=merged)

    @staticmethod
    def _normalise(event: Event, doc: Document) -> Event:
        """The event as the store keeps it: its document's id, and its evidence tagged with that id."""
        if not isinstance(event, Event):
            raise InputError(f"{doc.id}: the extractor returned {type(event).__name__}, not an Event")
        update: dict[str, Any] = {"source_count": 1}
        if event.document_id != doc.id:
            update["document_id"] = doc.id
        if any(e.document_id != doc.id for e in event.evidence):
            update["evidence"] = [e.model_copy(update={"document_id": doc.id}) for e in event.evidence]
        if event.source is None and doc.source:
            update["source"] = doc.source
        if event.url is None and doc.url:
            update["url"] = doc.url
        return event.model_copy(update=update)

    def _unique_id(self, conn: Connection, event: Event) -> Event:
        """The event, with its id changed if another stored event or report already has it."""
        event_id, n = event.event_id, 0
        while (
            conn.execute(select(s.events.c.pk).where(s.events.c.event_id == event_id)).first() is not None
            or conn.execute(select(s.reports.c.pk).where(s.reports.c.report_event_id == event_id)).first()
            is not None
        ):
            n += 1
            event_id = hashlib.sha1(f"{event.event_id}|{event.document_id}|{n}".encode()).hexdigest()[:16]
        return event if n == 0 else event.model_copy(update={"event_id": event_id})

    # --- deduplication candidates -------------------------------------------------------------------------

    def _find_match(self, conn: Connection, ev: Event, *, exclude: set[int]) -> int | None:
        span = interval(ev)
        if span is None:
            return None  # undated events are never merged
        lo, hi = span[0].toordinal() - 1, span[1].toordinal() + 1
        e = s.events.c
        window = e.day.between(lo - CANDIDATE_WINDOW_DAYS, hi + CANDIDATE_WINDOW_DAYS)
        queries = []
        base = _select_events().where(e.event_type == ev.event_type)
        loc = ev.location
        if precision(ev) == 3:
            key = admin1_key(loc)
            if key is None:
                return None
            queries.append(base.where(e.admin1_key == key, window, e.geo_precision == 3))
        else:
            key = place_key(loc, precision(ev))
            if key is not None:
                queries.append(base.where(e.place_key == key, window))
            if loc.latitude is not None and loc.longitude is not None:
                dlat, dlon = km_to_lat(RADIUS_KM * 1.01), km_to_lon(RADIUS_KM * 1.01, loc.latitude)
                if self._rtree:
                    r = s.events_rtree.c
                    box = select(r.id).where(
                        r.max_day >= lo,
                        r.min_day <= hi,
                        r.max_lat >= loc.latitude - dlat,
                        r.min_lat <= loc.latitude + dlat,
                        r.max_lon >= loc.longitude - dlon,
                        r.min_lon <= loc.longitude + dlon,
                    )
                    queries.append(base.where(e.pk.in_(box)))
                else:
                    queries.append(
                        base.where(
                            window,
                            e.latitude.between(loc.latitude - dlat, loc.latitude + dlat),
                            e.longitude.between(loc.longitude - dlon, loc.longitude + dlon),
                        )
                    )
        candidates: dict[int, Event] = {}
        for q in queries:
            for row in conn.execute(q):
                if row.pk not in exclude and row.pk not in candidates:
                    candidates[row.pk] = _event_from_row(row, [])
        return best_match(ev, sorted(candidates.items()))

    # --- writing events -----------------------------------------------------------------------------------

    def _insert_event(self, conn: Connection, ev: Event, now: str) -> int:
        m = merge([Report(document_id=ev.document_id, event=ev, ordinal=0)], event_id=ev.event_id)
        place = self._upsert_place(conn, m.event)
        row = _event_columns(m, place)
        pk = conn.execute(
            insert(s.events).values(**row, created_at=now, updated_at=now)
        ).inserted_primary_key[0]
        report_pk = self._add_report(conn, pk, ev)
        self._write_evidence_positions(conn, pk, [report_pk])
        self._write_categories(conn, pk, m.event.categories, fresh=True)
        self._write_rtree(conn, pk, m.event, fresh=True)
        return pk

    def _add_report(self, conn: Connection, event_pk: int, ev: Event) -> int:
        report_pk = conn.execute(
            insert(s.reports).values(
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
        ).inserted_primary_key[0]
        if ev.evidence:
            conn.execute(
                insert(s.evidence),
                [
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
                ],
            )
        return report_pk

    def _load_reports(self, conn: Connection, event_pk: int) -> tuple[list[int], list[Report]]:
        r = s.reports.c
        rows = conn.execute(
            select(r.pk, r.document_id, r.record).where(r.event_pk == event_pk).order_by(r.pk)
        ).all()
        spans: dict[int, list[Evidence]] = {}
        ev = s.evidence.c
        for row in conn.execute(
            select(ev.report_pk, ev.document_id, ev.start, ev.end, ev.text)
            .where(ev.event_pk == event_pk)
            .order_by(ev.report_pk, ev.ordinal)
        ):
            spans.setdefault(row.report_pk, []).append(
                Evidence(text=row.text, start=row.start, end=row.end, document_id=row.document_id)
            )
        reports = [
            Report(
                document_id=row.document_id,
                event=Event.model_validate_json(row.record).model_copy(
                    update={"evidence": spans.get(row.pk, [])}
                ),
                ordinal=i,
            )
            for i, row in enumerate(rows)
        ]
        return [row.pk for row in rows], reports

    def _recompute(self, conn: Connection, event_pk: int, now: str) -> None:
        """Recompute the canonical record of a stored event from all its reports."""
        event_id = conn.execute(select(s.events.c.event_id).where(s.events.c.pk == event_pk)).scalar_one()
        report_pks, reports = self._load_reports(conn, event_pk)
        m = merge(reports, event_id=event_id)
        place = self._upsert_place(conn, m.event)
        conn.execute(
            update(s.events)
            .where(s.events.c.pk == event_pk)
            .values(**_event_columns(m, place), updated_at=now)
        )
        self._write_evidence_positions(conn, event_pk, [report_pks[i] for i in m.order])
        self._write_categories(conn, event_pk, m.event.categories)
        self._write_rtree(conn, event_pk, m.event)

    def _write_evidence_positions(self, conn: Connection, event_pk: int, report_order: list[int]) -> None:
        ev = s.evidence.c
        for position, report_pk in enumerate(report_order):
            conn.execute(
                update(s.evidence)
                .where(ev.event_pk == event_pk, ev.report_pk == report_pk)
                .values(position=position)
            )

    def _write_categories(
        self, conn: Connection, event_pk: int, categories: list[str], fresh: bool = False
    ) -> None:
        c = s.event_categories.c
        if not fresh:
            conn.execute(delete(s.event_categories).where(c.event_pk == event_pk))
        if categories:
            conn.execute(
                insert(s.event_categories), [{"event_pk": event_pk, "category": x} for x in categories]
            )

    def _write_rtree(self, conn: Connection, event_pk: int, ev: Event, fresh: bool = False) -> None:
        if not self._rtree:
            return
        if not fresh:
            conn.execute(delete(s.events_rtree).where(s.events_rtree.c.id == event_pk))
        loc = ev.location
        if loc.latitude is None or loc.longitude is None:
            return
        span = interval(ev)
        lo, hi = (span[0].toordinal(), span[1].toordinal()) if span else (0, s.UNKNOWN_DAY_MAX)
        conn.execute(
            insert(s.events_rtree).values(
                id=event_pk,
                min_day=lo,
                max_day=hi,
                min_lat=loc.latitude,
                max_lat=loc.latitude,
                min_lon=loc.longitude,
                max_lon=loc.longitude,
            )
        )

    def _upsert_place(self, conn: Connection, ev: Event) -> str | None:
        loc = ev.location
        key = place_key(loc, precision(ev))
        if key is None:
            return None
        p = s.places.c
        if conn.execute(select(p.key).where(p.key == key)).first() is None:
            conn.execute(
                insert(s.places).values(
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
            )
        return key

    # --- reading ------------------------------------------------------------------------------------------

    def _conditions(self, conn: Connection, flt: EventFilter | None) -> list:
        if flt is None:
            return []
        e = s.events.c
        where: list = []
        if flt.since:
            where.append(e.day >= flt.since.toordinal())
        if flt.until:
            where.append(e.day.between(1, flt.until.toordinal()))  # day 0: undated
        if flt.types:
            alternatives = []
            if flt.event_types:
                alternatives.append(e.event_type.in_(flt.event_types))
            if flt.sub_event_types:
                alternatives.append(e.sub_event_type.in_(flt.sub_event_types))
            where.append(or_(*alternatives))
        if flt.categories:
            c = s.event_categories.c
            where.append(e.pk.in_(select(c.event_pk).where(c.category.in_(flt.categories))))
        if flt.countries:
            where.append(e.country.in_(flt.countries))
        if flt.admin1:
            where.append(e.admin1_key.in_(self._region_keys(conn, flt.admin1)))
        if flt.near:
            n = flt.near
            dlat, dlon = km_to_lat(n.km * 1.01), km_to_lon(n.km * 1.01, n.lat)
            lat_lo, lat_hi = n.lat - dlat, n.lat + dlat
            lon_lo, lon_hi = n.lon - dlon, n.lon + dlon
            if self._rtree:
                r = s.events_rtree.c
                box = [r.max_lat >= lat_lo, r.min_lat <= lat_hi, r.max_lon >= lon_lo, r.min_lon <= lon_hi]
                where.append(e.pk.in_(select(r.id).where(*box)))
            else:
                where += [e.latitude.between(lat_lo, lat_hi), e.longitude.between(lon_lo, lon_hi)]
            where.append(distance_sql(e.latitude, e.longitude, n.lat, n.lon) <= n.km)
        if flt.sources:
            r, d = s.reports.c, s.documents.c
            names = [x.casefold() for x in flt.sources]
            where.append(
                e.pk.in_(
                    select(r.event_pk)
                    .join(s.documents, d.id == r.document_id)
                    .where(func.lower(d.source).in_(names))
                )
            )
        if flt.text:
            pattern = "%" + flt.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            ev = s.evidence.c
            where.append(
                or_(
                    e.notes.ilike(pattern, escape="\\"),
                    e.location_name.ilike(pattern, escape="\\"),
                    e.actor1_name.ilike(pattern, escape="\\"),
                    e.actor2_name.ilike(pattern, escape="\\"),
                    exists().where(ev.event_pk == e.pk, ev.text.ilike(pattern, escape="\\")),
                )
            )
        if flt.min_sources:
            where.append(e.source_count >= flt.min_sources)
        return where

    def _region_keys(self, conn: Connection, names: Sequence[str]) -> list[str]:
        """The stored region keys (ISO 3166-2 codes or names) that the given region names or codes denote."""
        p = s.places.c
        regions = conn.execute(
            select(p.admin1_key, p.admin1, p.admin1_code).distinct().where(p.admin1_key.is_not(None))
        )
        wanted = {_region_norm(n) for n in names} | {n.strip().upper() for n in names}
        keys = set()
        for key, name, code in regions:
            if (code and code.upper() in wanted) or (name and _region_norm(name) in wanted) or key in names:
                keys.add(key)
        return sorted(keys) or list(names)

    def count(self, flt: EventFilter | None = None) -> int:
        with self._read() as conn:
            return conn.execute(
                select(func.count()).select_from(s.events).where(*self._conditions(conn, flt))
            ).scalar_one()

    def query(
        self,
        flt: EventFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        descending: bool = False,
    ) -> list[Event]:
        """The events that match, ordered by date (then by arrival); ``limit``/``offset`` page through
        them."""
        return [row.event for row in self.query_rows(flt, limit=limit, offset=offset, descending=descending)]

    def query_rows(
        self,
        flt: EventFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        descending: bool = False,
    ) -> list[EventRow]:
        e = s.events.c
        order = (e.day.desc(), e.pk.desc()) if descending else (e.day, e.pk)
        with self._read() as conn:
            q = _select_events().where(*self._conditions(conn, flt)).order_by(*order)
            if limit is not None:
                q = q.limit(limit)
            if offset:
                q = q.offset(offset)
            return self._rows(conn, conn.execute(q).all())

    def iter_rows(
        self, flt: EventFilter | None = None, *, chunk_size: int = 2000, limit: int | None = None
    ) -> Iterator[EventRow]:
        """All matching events in date order, read in chunks (keyset pagination): for exports of any size."""
        e = s.events.c
        after: tuple[int, int] | None = None
        done = 0
        while limit is None or done < limit:
            size = chunk_size if limit is None else min(chunk_size, limit - done)
            with self._read() as conn:
                q = _select_events().where(*self._conditions(conn, flt))
                if after is not None:
                    q = q.where(tuple_(e.day, e.pk) > after)
                rows = conn.execute(q.order_by(e.day, e.pk).limit(size)).all()
                if not rows:
                    return
                chunk = self._rows(conn, rows)
            yield from chunk
            done += len(rows)
            after = (rows[-1].day, rows[-1].pk)
            if len(rows) < size:
                return

    def iter_events(self, flt: EventFilter | None = None, *, chunk_size: int = 2000) -> Iterator[Event]:
        for row in self.iter_rows(flt, chunk_size=chunk_size):
            yield row.event

    def _rows(self, conn: Connection, rows: Sequence[Any]) -> list[EventRow]:
        evidence = self._evidence(conn, [row.pk for row in rows])
        return [
            EventRow(
                number=row.pk,
                event=_event_from_row(row, evidence.get(row.pk, [])),
                sources=_list(row.sources),
                fatalities_low=row.fatalities_low,
                fatalities_high=row.fatalities_high,
                updated_at=row.updated_at,
            )
            for row in rows
        ]

    def _evidence(self, conn: Connection, pks: list[int]) -> dict[int, list[Evidence]]:
        """The evidence of these events, in order (the base report's first)."""
        out: dict[int, list[Evidence]] = {}
        sqlite = conn.dialect.name == "sqlite"
        ev = s.evidence.c
        for i in range(0, len(pks), 900):
            chunk = pks[i : i + 900]
            if sqlite:  # the driver directly: this runs for every page of events read
                rows = conn.exec_driver_sql(
                    'SELECT event_pk, document_id, start, "end", text FROM evidence WHERE event_pk IN'
                    f" ({','.join('?' * len(chunk))}) ORDER BY event_pk, position, ordinal",
                    tuple(chunk),
                )
            else:
                rows = conn.execute(
                    select(ev.event_pk, ev.document_id, ev.start, ev.end, ev.text)
                    .where(ev.event_pk.in_(chunk))
                    .order_by(ev.event_pk, ev.position, ev.ordinal)
                )
            for event_pk, document_id, start, end, text in rows:
                out.setdefault(event_pk, []).append(_evidence_of(text, start, end, document_id))
        return out

    def get(self, event_id: str) -> EventDetail:
        """A stored event by its id (or the id a document's extraction gave it), with every source's
        report."""
        e, r, d = s.events.c, s.reports.c, s.documents.c
        with self._read() as conn:
            row = conn.execute(_select_events().where(e.event_id == event_id)).first()
            if row is None:
                pk = conn.execute(select(r.event_pk).where(r.report_event_id == event_id)).scalar()
                row = conn.execute(_select_events().where(e.pk == pk)).first() if pk is not None else None
            if row is None:
                raise NotFoundError(f"no event {event_id!r} in the store", event_id=event_id)
            (stored,) = self._rows(conn, [row])
            report_pks, reports = self._load_reports(conn, row.pk)
            docs = {
                x.id: x
                for x in conn.execute(
                    select(d.id, d.source, d.url, d.published).where(
                        d.id.in_({rp.document_id for rp in reports})
                    )
                )
            }
            ids = dict(conn.execute(select(r.pk, r.report_event_id).where(r.event_pk == row.pk)).all())
        sources = []
        for report_pk, rep in zip(report_pks, reports, strict=True):
            doc = docs.get(rep.document_id)
            ev = rep.event
            sources.append(
                EventSource(
                    document_id=rep.document_id,
                    report_event_id=ids[report_pk],
                    source=doc.source if doc else ev.source,
                    url=doc.url if doc else ev.url,
                    published=doc.published if doc else None,
                    claim=ev.claim,
                    fatalities=ev.fatalities,
                    injuries=ev.injuries,
                    evidence=ev.evidence,
                    event=ev,
                )
            )
        m = merge(reports, event_id=row.event_id)
        return EventDetail(
            number=row.pk,
            event=stored.event,
            sources=sources,
            fatalities_low=row.fatalities_low,
            fatalities_best=row.fatalities,
            fatalities_high=row.fatalities_high,
            claims=m.claims,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )

    def stats(self, flt: EventFilter | None = None) -> StoreStats:
        """Counts of documents, events, reports and places, and of the (matching) events by day, type,
        region."""
        e = s.events.c
        with self._read() as conn:
            where = self._conditions(conn, flt)

            def total(table) -> int:
                return conn.execute(select(func.count()).select_from(table)).scalar_one()

            n_events = conn.execute(select(func.count()).select_from(s.events).where(*where)).scalar_one()
            multi = conn.execute(
                select(func.count()).select_from(s.events).where(*where, e.source_count > 1)
            ).scalar_one()
            by_day = conn.execute(
                select(e.day, func.count()).where(*where).group_by(e.day).order_by(e.day)
            ).all()
            by_type = conn.execute(
                select(e.event_type, e.sub_event_type, func.count().label("n"))
                .where(*where)
                .group_by(e.event_type, e.sub_event_type)
                .order_by(func.count().desc(), e.event_type, e.sub_event_type)
            ).all()
            by_region = conn.execute(
                select(e.country, e.admin1, func.count().label("n"))
                .where(*where)
                .group_by(e.country, e.admin1)
                .order_by(func.count().desc(), e.country, e.admin1)
            ).all()
            days = [(date.fromordinal(day) if day else None, n) for day, n in by_day]
            dated = [d for d, _ in days if d]
            return StoreStats(
                documents=total(s.documents),
                events=n_events,
                reports=total(s.reports),
                places=total(s.places),
                multi_source_events=multi,
                first_date=min(dated) if dated else None,
                last_date=max(dated) if dated else None,
                by_day=days,
                by_type=[(t, st, n) for t, st, n in by_type],
                by_region=[(c, a, n) for c, a, n in by_region],
            )

    def documents(
        self, *, limit: int | None = None, offset: int = 0, with_text: bool = False
    ) -> list[DocumentRecord]:
        """Stored documents in the order they were ingested."""
        d = s.documents.c
        cols = [
            d.id,
            d.content_hash,
            d.published,
            d.source,
            d.url,
            d.title,
            d.n_chars,
            d.n_events,
            d.ingested_at,
        ]
        if with_text:
            cols.append(d.text)
        q = select(*cols).order_by(d.pk).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self._read() as conn:
            return [DocumentRecord(**row._mapping) for row in conn.execute(q)]

    def document(self, document_id: str) -> DocumentRecord:
        d = s.documents.c
        with self._read() as conn:
            row = conn.execute(
                select(
                    d.id, d.content_hash, d.published, d.source, d.url, d.title, d.n_chars, d.n_events,
                    d.ingested_at, d.text,
                ).where(d.id == document_id)
            ).first()  # fmt: skip
        if row is None:
            raise NotFoundError(f"no document {document_id!r} in the store", document_id=document_id)
        return DocumentRecord(**row._mapping)

    def places(self) -> list[PlaceRecord]:
        """The places events are located at, with how many events each has."""
        p, e = s.places.c, s.events.c
        counts = select(e.place_key, func.count().label("n")).group_by(e.place_key).subquery()
        q = (
            select(s.places, func.coalesce(counts.c.n, 0).label("n"))
            .join(counts, counts.c.place_key == p.key, isouter=True)
            .order_by(p.country, p.admin1_key, p.name, p.key)
        )
        with self._read() as conn:
            return [
                PlaceRecord(
                    key=row.key,
                    location=Location(
                        name=row.name,
                        country=row.country,
                        admin1=row.admin1,
                        admin1_code=row.admin1_code,
                        admin2=row.admin2,
                        latitude=row.latitude,
                        longitude=row.longitude,
                        geo_precision=row.geo_precision,
                        gazetteer_id=row.gazetteer_id,
                    ),
                    events=row.n,
                )
                for row in conn.execute(q)
            ]


_REGION_WORDS = ("oblast", "region", "province", "governorate", "krai", "kray", "raion", "district")


def _region_norm(name: str) -> str:
    """A region name without its kind word or case: "Kharkiv Oblast", "kharkiv region" -> "kharkiv"."""
    words = name.replace("-", " ").replace("'", "").replace("’", "").casefold().split()
    words = [w for w in words if w not in _REGION_WORDS]
    return " ".join(words)


def _event_columns(m: Merged, place: str | None) -> dict[str, Any]:
    ev = m.event
    a1, a2, loc = ev.actor1, ev.actor2, ev.location
    day = ev.event_date or ev.date_start or ev.date_end
    return {
        "event_id": ev.event_id,
        "document_id": ev.document_id,
        "day": _day(day),
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


_set = object.__setattr__
_FIELDS = {cls: frozenset(cls.model_fields) for cls in (Actor, Location, Claim, Evidence, Quantity, Event)}


def _trusted(cls: type[Any], values: dict[str, Any]) -> Any:
    """A model instance from complete, already valid values: ``model_construct`` without its per-field
    default and alias handling (rows are read by the thousand)."""
    m = cls.__new__(cls)
    _set(m, "__dict__", values)
    _set(m, "__pydantic_fields_set__", set(_FIELDS[cls]))
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m


def _list(text: str) -> list[Any]:
    """A stored JSON list (fast paths for the common empty list and single plain string)."""
    if text == "[]":
        return []
    if text.startswith('["') and text.endswith('"]') and text.count('"') == 2 and "\\" not in text:
        return [text[2:-2]]
    return json.loads(text)


def _evidence_of(text: str, start: int, end: int, document_id: str) -> Evidence:
    return _trusted(Evidence, {"text": text, "start": start, "end": end, "document_id": document_id})


_ROW_COLUMNS = tuple(
    """pk event_id document_id day event_date date_start date_end time_precision event_type sub_event_type
    categories actor1_name actor1_country actor1_kind actor2_name actor2_country actor2_kind place_key
    location_name country admin1 admin1_code admin1_key admin2 latitude longitude location_precision
    gazetteer_id geo_precision fatalities fatalities_low fatalities_high injuries quantities weapons
    claim_source claim_source_country claim_status notes source url source_count sources created_at
    updated_at""".split()  # noqa: SIM905 (45 quoted names read worse)
)
if tuple(c.name for c in s.events.columns) != _ROW_COLUMNS:  # pragma: no cover (a schema change)
    raise ImportError("_event_from_row must unpack the columns of the events table in their order")

_DATE_COLUMNS = ("event_date", "date_start", "date_end")
_EVENT_COLUMNS = [
    type_coerce(c, String).label(c.name) if c.name in _DATE_COLUMNS else c for c in s.events.columns
]  # dates read as text and parsed by _date (much faster than the generic date type processing)


def _select_events() -> Select:
    return select(*_EVENT_COLUMNS)


def _date(value: Any) -> date | None:
    if value is None or type(value) is date:
        return value
    return date.fromisoformat(value)


def _event_from_row(row: Any, evidence: list[Evidence]) -> Event:
    """An Event from a stored row (validated when it was written; built here without validating it again).

    The row is unpacked by position (``_ROW_COLUMNS``): thousands of rows are read per query.
    """
    (
        _pk, event_id, document_id, _day, event_date, date_start, date_end, time_precision, event_type,
        sub_event_type, categories, actor1_name, actor1_country, actor1_kind, actor2_name, actor2_country,
        actor2_kind, _place_key, location_name, country, admin1, admin1_code, _admin1_key, admin2, latitude,
        longitude, location_precision, gazetteer_id, geo_precision, fatalities, _low, _high, injuries,
        quantities, weapons, claim_source, claim_source_country, claim_status, notes, source, url,
        source_count, _sources, _created, _updated,
    ) = row  # fmt: skip
    a1 = (
        _trusted(Actor, {"name": actor1_name, "country": actor1_country, "kind": actor1_kind})
        if actor1_kind is not None
        else None
    )
    a2 = (
        _trusted(Actor, {"name": actor2_name, "country": actor2_country, "kind": actor2_kind})
        if actor2_kind is not None
        else None
    )
    location = _trusted(
        Location,
        {
            "name": location_name,
            "country": country,
            "admin1": admin1,
            "admin1_code": admin1_code,
            "admin2": admin2,
            "latitude": latitude,
            "longitude": longitude,
            "geo_precision": location_precision,
            "gazetteer_id": gazetteer_id,
        },
    )
    claim = _trusted(
        Claim, {"source": claim_source, "source_country": claim_source_country, "status": claim_status}
    )
    return _trusted(
        Event,
        {
            "event_id": event_id,
            "document_id": document_id,
            "event_date": _date(event_date),
            "date_start": _date(date_start),
            "date_end": _date(date_end),
            "time_precision": time_precision,
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "categories": _list(categories),
            "actor1": a1,
            "actor2": a2,
            "location": location,
            "geo_precision": geo_precision,
            "fatalities": fatalities,
            "injuries": injuries,
            "quantities": [_trusted(Quantity, q) for q in _list(quantities)],
            "weapons": _list(weapons),
            "claim": claim,
            "evidence": evidence,
            "notes": notes,
            "source": source,
            "url": url,
            "source_count": source_count,
        },
    )
