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
import gc
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    cast,
    exists,
    func,
    or_,
    select,
    tuple_,
)
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError

from ..documents import (
    BatchError,
    Document,
    content_id,
    document_origin,
    ensure_not_empty,
    require_supported_language,
)
from ..errors import EmptyInputError, InputError, NotFoundError, SpotrepError, StoreError
from ..model import Event, Evidence, Location
from . import schema as s
from .dedup import Report, merge
from .engine import bytewise, distance_sql, km_to_lat, km_to_lon, make_engine, resolve_url
from .extract import Extractor, resolve_extractor
from .models import (
    DEFAULT_BATCH_SIZE,
    SORT_KEYS,
    AddResult,
    DocumentRecord,
    EventDetail,
    EventFilter,
    EventRow,
    EventSource,
    GridCell,
    IngestReport,
    PlaceRecord,
    StoreStats,
)
from .queue import JobQueue
from .rows import event_from_row, evidence_of, select_events, stored_list
from .writer import Statements, Writer

if TYPE_CHECKING:
    from .changes import ChangePage

log = logging.getLogger(__name__)

Progress = Callable[[int], Any]


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
        self._statements: Statements | None = None

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
        """One write transaction (BEGIN IMMEDIATE on SQLite, PostgreSQL's advisory write lock: one writer at a
        time): committed at the end, rolled back on any error."""
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
        except self._engine.dialect.loaded_dbapi.DatabaseError as exc:  # the write path runs on the driver
            raise StoreError(f"store error while {doing} {self.url}: {exc}", url=self.url) from exc

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read connection, for modules that keep their own tables in the store (``spotrep.control``)."""
        with self._read() as conn:
            yield conn

    @contextlib.contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction (committed at the end, rolled back on error), for such modules."""
        with self._errors("writing"), self._write() as conn:
            yield conn

    def _prepare(self) -> Statements:
        if self._statements is None or self._statements.rtree != self._rtree:
            self._statements = Statements(self._engine.dialect, rtree=self._rtree)
        return self._statements

    def _writer(self, conn: Connection) -> Writer:
        return Writer(self._prepare(), conn, s.utcnow())

    @property
    def jobs(self) -> JobQueue:
        """The extraction queue kept in this store (documents posted to the API, extracted by workers)."""
        return JobQueue(self)

    # --- writing ------------------------------------------------------------------------------------------

    def add(self, document: Document, events: Sequence[Event]) -> AddResult:
        """Store one document and the events extracted from it, in one transaction."""
        with self._errors("writing"), self._write() as conn:
            return self._writer(conn).write_document(document, events, content_id(document.text))

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
        self._prepare()  # compile the write statements once, before the timed batches
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
                ensure_not_empty(item, name=document_origin(item))
                require_supported_language(item, name=document_origin(item))
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
            writer = self._writer(conn)
            for doc, events in results:
                report.events_extracted += len(events)
                try:
                    with writer.savepoint():
                        result = writer.write_document(doc, events, content_id(doc.text))
                except InputError as exc:
                    # what the failed document wrote was rolled back
                    where, message = document_origin(doc), exc.message
                    if where != doc.id:  # the file (and line) first; the id once
                        if where.endswith(doc.id):
                            message = message.removeprefix(f"{doc.id}: ")
                        message = f"{where}: {message}"
                    fail(message)
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
                fail(f"{document_origin(docs[0])}: extraction failed: {exc}")
                advance(1)
                return []
            log.warning("extraction of a batch of %d failed (%s); retrying one by one", len(docs), exc)
        results: list[tuple[Document, list[Event]]] = []
        for doc in docs:
            try:
                results += [(d, list(events)) for d, events in extract([doc])]
            except Exception as exc:  # reported with the document's id; the rest of the batch goes on
                log.debug("extraction failed for %s", doc.id, exc_info=True)
                fail(f"{document_origin(doc)}: extraction failed: {exc}")
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
        if flt.bbox:
            # the columns themselves, not the R*tree: a map's view is often most of the events, and a large
            # id list from the R*tree costs more than the scan (0.24 s against 0.05 s at 100,000 events)
            b = flt.bbox
            where += [e.latitude.between(b.south, b.north), e.longitude.between(b.west, b.east)]
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
        if flt.languages:
            where.append(e.lang.in_(flt.languages))
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

    def _bytewise(self, *columns: Any) -> list[Any]:
        """ORDER BY terms of text columns that sort alike on every store (``engine.bytewise``)."""
        return [bytewise(column, self.dialect) for column in columns]

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
        sort: str = "date",
    ) -> list[EventRow]:
        """The events that match, a page at a time, ordered by ``sort`` (one of ``SORT_KEYS``: ``date``,
        ``type``, ``place``, ``fatalities``, ``sources``; ties by date, then by arrival), ascending or
        ``descending``."""
        e = s.events.c
        if sort not in SORT_KEYS:
            raise InputError(f"unknown sort {sort!r}; use one of {', '.join(SORT_KEYS)}", value=sort)
        keys: list[Any] = [
            *{
                "date": [],
                "type": self._bytewise(e.event_type, e.sub_event_type),
                "place": self._bytewise(func.coalesce(e.location_name, "")),
                "fatalities": [func.coalesce(e.fatalities, -1)],
                "sources": [e.source_count],
            }[sort],
            e.day,
            e.pk,
        ]
        order = [k.desc() for k in keys] if descending else keys
        with self._read() as conn:
            q = select_events().where(*self._conditions(conn, flt)).order_by(*order)
            if limit is not None:
                q = q.limit(limit)
            if offset:
                q = q.offset(offset)
            return self._rows(conn, _fetch_all(conn, q))

    def count_located(self, flt: EventFilter | None = None) -> int:
        """How many of the matching events have a point (those a map can show)."""
        e = s.events.c
        with self._read() as conn:
            where = [*self._conditions(conn, flt), e.latitude.is_not(None), e.longitude.is_not(None)]
            return conn.execute(select(func.count()).select_from(s.events).where(*where)).scalar_one()

    def bounds(self, flt: EventFilter | None = None) -> tuple[float, float, float, float] | None:
        """The box (west, south, east, north) of the located events that match; None when there are none."""
        e = s.events.c
        with self._read() as conn:
            where = [*self._conditions(conn, flt), e.latitude.is_not(None), e.longitude.is_not(None)]
            row = conn.execute(
                select(func.min(e.longitude), func.min(e.latitude), func.max(e.longitude), func.max(e.latitude))
                .where(*where)
            ).one()  # fmt: skip
        return None if row[0] is None else (float(row[0]), float(row[1]), float(row[2]), float(row[3]))

    def grid(self, flt: EventFilter | None = None, *, cell: float = 1.0) -> list[GridCell]:
        """The located events that match, counted by cells of ``cell`` degrees of latitude and longitude (a
        map's clusters, however many events there are): each cell's count, the mean point of its events,
        and its one event's id when it holds one."""
        if not cell > 0:
            raise InputError("a grid cell has a positive size in degrees", value=cell)
        e = s.events.c
        if self.dialect == "sqlite":  # lat + 90 and lon + 180 are not negative: truncation is the floor
            gy = cast((e.latitude + 90) / cell, Integer)
            gx = cast((e.longitude + 180) / cell, Integer)
        else:
            gy, gx = func.floor((e.latitude + 90) / cell), func.floor((e.longitude + 180) / cell)
        with self._read() as conn:
            where = [*self._conditions(conn, flt), e.latitude.is_not(None), e.longitude.is_not(None)]
            q = (
                select(gy.label("gy"), gx.label("gx"), func.count(), func.avg(e.latitude),
                       func.avg(e.longitude), func.min(e.event_id))
                .where(*where)
                .group_by(gy, gx)
                .order_by(gy, gx)
            )  # fmt: skip
            return [
                GridCell(lat=float(lat), lon=float(lon), count=n, event_id=event_id if n == 1 else None)
                for _gy, _gx, n, lat, lon, event_id in conn.execute(q)
            ]

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
                q = select_events().where(*self._conditions(conn, flt))
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

    def change_head(self) -> int:
        """The number (``seq``) of the latest event created or changed; 0 when none (``store.changes``)."""
        from .changes import log_head

        with self._read() as conn:
            return log_head(conn)

    def prune_changes(self, keep_seconds: float | None = None, *, now: float | None = None) -> int:
        """Drop the change-log rows every alert has read that are older than ``keep_seconds`` (default
        ``changes.KEEP_CHANGES``, 7 days), keeping the latest and each event's birth row; returns how many
        went (``store.changes.prune_log``)."""
        from .changes import KEEP_CHANGES, prune_log

        keep = KEEP_CHANGES if keep_seconds is None else keep_seconds
        with self.writing() as conn:
            pruned = prune_log(conn, keep_seconds=keep, now=time.time() if now is None else now)
        if pruned:
            log.info("change log: %d old change(s) pruned", pruned)
        return pruned

    def changes(self, after: int, flt: EventFilter | None = None, *, limit: int = 500) -> ChangePage:
        """The matching events created or changed since change number ``after``, oldest change first, each
        with the number of its latest change; read on from the page's ``cursor`` (see ``store.changes``)."""
        from .changes import changes_of, log_head

        with self._read() as conn:
            return changes_of(self, conn, flt, after=after, head=log_head(conn), limit=limit)

    def _rows(self, conn: Connection, rows: Sequence[Any]) -> list[EventRow]:
        """EventRows from rows of the events table (SQLAlchemy rows or plain driver tuples, by position)."""
        with _no_gc():  # thousands of small objects at once: no collection passes over a large heap meanwhile
            return self._build_rows(conn, rows)

    def _build_rows(self, conn: Connection, rows: Sequence[Any]) -> list[EventRow]:
        evidence = self._evidence(conn, [row[0] for row in rows])
        return [
            EventRow(
                number=row[0],
                event=event_from_row(row, evidence.get(row[0], [])),
                sources=stored_list(row[_SOURCES]),
                fatalities_low=row[_LOW],
                fatalities_high=row[_HIGH],
                updated_at=row[_UPDATED],
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
                rows = _driver_rows(
                    conn,
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
                out.setdefault(event_pk, []).append(evidence_of(text, start, end, document_id))
        return out

    def _reports(self, conn: Connection, event_pk: int) -> tuple[list[int], list[Report]]:
        r, ev = s.reports.c, s.evidence.c
        rows = sorted(
            conn.execute(select(r.pk, r.document_id, r.record, r.rank).where(r.event_pk == event_pk)).all(),
            key=lambda row: row.rank,
        )  # in rank order, as merging takes them (sorted here: a database's collation may order text otherwise)
        spans: dict[int, list[Evidence]] = {}
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

    def get(self, event_id: str) -> EventDetail:
        """A stored event by its id (or the id a document's extraction gave it), with every source's
        report."""
        e, r, d = s.events.c, s.reports.c, s.documents.c
        with self._read() as conn:
            row = conn.execute(select_events().where(e.event_id == event_id)).first()
            if row is None:
                pk = conn.execute(select(r.event_pk).where(r.report_event_id == event_id)).scalar()
                row = conn.execute(select_events().where(e.pk == pk)).first() if pk is not None else None
            if row is None:
                raise NotFoundError(f"no event {event_id!r} in the store", event_id=event_id)
            (stored,) = self._rows(conn, [row])
            report_pks, reports = self._reports(conn, row.pk)
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
            # ties of counts in the order of their names, the same on every store (``bytewise``)
            by_type = conn.execute(
                select(e.event_type, e.sub_event_type, func.count().label("n"))
                .where(*where)
                .group_by(e.event_type, e.sub_event_type)
                .order_by(func.count().desc(), *self._bytewise(e.event_type, e.sub_event_type))
            ).all()
            by_region = conn.execute(
                select(e.country, e.admin1, func.count().label("n"))
                .where(*where)
                .group_by(e.country, e.admin1)
                .order_by(func.count().desc(), *self._bytewise(e.country, e.admin1))
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

    def sources(self) -> list[tuple[str | None, int]]:
        """The source names of the stored documents, with how many documents each has (most first)."""
        d = s.documents.c
        n = func.count().label("n")
        with self._read() as conn:
            rows = conn.execute(
                select(d.source, n).group_by(d.source).order_by(n.desc(), *self._bytewise(d.source))
            ).all()
        return [(source, count) for source, count in rows]

    def find_document(self, text: str) -> str | None:
        """The id of the stored document with this content (the same normalised text), if any."""
        d = s.documents.c
        with self._read() as conn:
            return conn.execute(select(d.id).where(d.content_hash == content_id(text)).limit(1)).scalar()

    def document_events(self, document_id: str) -> list[Event]:
        """The stored events a document reports (each as stored: merged with other documents' reports), in
        the order the document reports them."""
        r, e = s.reports.c, s.events.c
        with self._read() as conn:
            reported = select(r.event_pk).where(r.document_id == document_id).order_by(r.pk)
            pks = list(dict.fromkeys(conn.execute(reported).scalars()))
            if not pks:
                return []
            rows = {row.pk: row for row in conn.execute(select_events().where(e.pk.in_(pks)))}
            stored = self._rows(conn, [rows[pk] for pk in pks if pk in rows])
        return [row.event for row in stored]

    def places(self) -> list[PlaceRecord]:
        """The places events are located at, with how many events each has: by country, region, name and key
        (compared by code point, as on every store)."""
        p, e = s.places.c, s.events.c
        counts = select(e.place_key, func.count().label("n")).group_by(e.place_key).subquery()
        q = (
            select(s.places, func.coalesce(counts.c.n, 0).label("n"))
            .join(counts, counts.c.place_key == p.key, isouter=True)
            .order_by(*self._bytewise(p.country, p.admin1_key, p.name, p.key))
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


_SOURCES, _LOW, _HIGH, _UPDATED = (
    [c.name for c in s.events.columns].index(name)
    for name in ("sources", "fatalities_low", "fatalities_high", "updated_at")
)


def _fetch_all(conn: Connection, query: Any) -> list[Any]:
    """All rows of a query. On SQLite the statement runs on the driver directly: its plain tuples come back
    several times faster than SQLAlchemy's result rows, which matters for pages of hundreds of events."""
    if conn.dialect.name != "sqlite":
        return conn.execute(query).all()
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    return _driver_rows(conn, compiled.string, tuple(params[name] for name in compiled.positiontup or ()))


def _driver_rows(conn: Connection, sql: str, args: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """Rows of a statement run on the connection's DB-API cursor (same transaction), as plain tuples."""
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, args)
        return cursor.fetchall()
    finally:
        cursor.close()


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector (the objects built are acyclic; reference counting frees them)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
