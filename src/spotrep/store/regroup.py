"""Regrouping every stored report (migration 6: stores of earlier versions grouped reports into events in the
order documents arrived), in memory that does not grow with the store.

The grouping is ``dedup.cluster`` of the stored reports, computed as its definition reads: the reports are
read in canonical rank order, a chunk at a time, and each chooses its seed among the seeds ranked before it
that the database finds near it (as the write path looks them up) and that its document does not already
report. Each choice goes into a scratch table (report -> the id of its seed), so that later reports look up
the seeds decided so far in the database rather than in memory. Then each event is written from its reports,
a chunk of seeds at a time (in the order of their ids, so that a new seed takes over the row of the event most
of its reports were in, as ``writer.Grouping.write`` does), the events left without a seed are deleted, and
every place row is settled. The scratch table and the index on ranks it needs are dropped at the end; all of
it is the migration's one transaction.

What is held in memory at once: a chunk of reports (``CHUNK``), the reports near one report, the reports of
one event, and a thousand parsed records (``RECORDS``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    and_,
    bindparam,
    exists,
    func,
    insert,
    not_,
    select,
    tuple_,
)
from sqlalchemy.sql import ClauseElement

from ..errors import StoreError
from ..model import Event
from . import schema as s
from .dedup import Ranked, choose_seed, report_rank
from .writer import (
    REGION,
    Node,
    Prepared,
    Statements,
    Writer,
    grouping_columns,
    near_conditions,
    near_values,
)

log = logging.getLogger(__name__)

CHUNK = 500  # reports (or seeds, events, places) read at a time
RECORDS = 1024  # parsed records kept (the seeds near recent reports are often near the next ones): ~4 MB
SCRATCH = "spotrep_regroup_seeds"
RANK_INDEX = "ix_spotrep_regroup_rank"


def regroup_all(conn: Connection) -> None:
    """Fill the grouping columns of reports stored without them, and regroup every stored report (in the
    caller's transaction)."""
    Regrouping(conn, CHUNK).run()


class Regrouping:
    def __init__(self, conn: Connection, chunk: int) -> None:
        self.conn = conn
        self.chunk = chunk
        self.dialect = conn.dialect.name
        self.writer = Writer(Statements(conn.dialect, rtree=s.has_rtree(conn)), conn, s.utcnow())
        # its own cache of parsed records, small: the write path's (``writer.parse_record``) may hold many
        self.parse = lru_cache(maxsize=RECORDS)(Event.model_validate_json)
        # the scratch table: the seed each report joins (its own id when it seeds an event), compared by code
        # point as ranks and Python compare (PostgreSQL: "C"; SQLite: binary)
        collation = "C" if self.dialect == "postgresql" else None
        self.scratch = Table(
            SCRATCH,
            MetaData(),
            Column("report_pk", Integer, primary_key=True, autoincrement=False),
            Column("seed", Text(collation=collation), nullable=False),
        )
        Index(f"ix_{SCRATCH}_seed", self.scratch.c.seed)  # (created with the table)
        self.prepared = {name: Prepared(stmt, conn.dialect) for name, stmt in self._statements().items()}

    def _statements(self) -> dict[str, ClauseElement]:
        r, d, e, t = s.reports.c, s.documents.c, s.events.c, self.scratch.c
        rank = r.rank.collate("C") if self.dialect == "postgresql" else r.rank
        window, place = near_conditions()
        # the seeds decided so far (all ranked before the report being decided)
        seeds = select(r.report_event_id, r.rank, r.document_id, r.record).join(
            self.scratch, and_(t.report_pk == r.pk, t.seed == r.report_event_id)
        )
        alive = exists().where(t.seed == e.event_id)
        b = bindparam
        return {
            "ungrouped": select(r.pk, r.report_event_id, r.record, d.published, d.content_hash)
            .join(s.documents, d.id == r.document_id)
            .where(r.rank.is_(None), r.pk > b("after_"))
            .order_by(r.pk)
            .limit(self.chunk),
            "by_rank": select(r.pk, r.report_event_id, r.document_id, r.rank, r.record)
            .where(tuple_(rank, r.pk) > tuple_(b("after_"), b("after_pk_")))
            .order_by(rank, r.pk)
            .limit(self.chunk),
            "counts": select(
                select(func.count()).select_from(s.reports).scalar_subquery(),
                select(func.count()).select_from(self.scratch).scalar_subquery(),
            ),
            "seeds_near_place": seeds.where(window, place),
            "seeds_near_region": seeds.where(window, REGION),
            "seeds_of_document": select(t.seed)
            .join(s.reports, r.pk == t.report_pk)
            .where(r.document_id == b("document_id_")),
            "decide": insert(self.scratch).values(report_pk=b("report_pk_"), seed=b("seed_")),
            "seeds": select(t.seed).distinct().where(t.seed > b("after_")).order_by(t.seed).limit(self.chunk),
            "members": select(t.seed, r.pk, r.report_event_id, r.document_id, r.rank, r.record, r.event_pk)
            .join(s.reports, r.pk == t.report_pk)
            .where(t.seed > b("after_"), t.seed <= b("last_")),
            "alive": select(t.seed).where(t.seed == b("id_")).limit(1),
            "event_id_of": select(e.event_id).where(e.pk == b("pk_")),
            "gone": select(e.pk, e.event_id)
            .where(e.pk > b("after_"), not_(alive))
            .order_by(e.pk)
            .limit(self.chunk),
            "places": select(s.places.c.key)
            .where(s.places.c.key > b("after_"))
            .order_by(s.places.c.key)
            .limit(self.chunk),
        }

    def execute(self, statement: str, /, **values: Any) -> Any:
        p = self.prepared[statement]
        return self.writer.cursor.execute(p.sql, p.params(values, self.writer.st.sqlite))

    def rows(self, statement: str, /, **values: Any) -> list[Sequence[Any]]:
        return self.execute(statement, **values).fetchall()

    # --- the passes ---

    def run(self) -> None:
        conn = self.conn
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {SCRATCH}")
        self.scratch.create(conn)
        filled = self.fill_columns()
        if filled:
            log.info("regrouping %d stored reports in canonical order", filled)
        collate = ' COLLATE "C"' if self.dialect == "postgresql" else ""
        conn.exec_driver_sql(f"CREATE INDEX {RANK_INDEX} ON reports (rank{collate}, pk)")
        self.analyze("reports")  # (the chunks are read by index only if the planner knows the tables' sizes)
        self.decide_all()
        self.analyze(SCRATCH)
        ((reports, decided),) = self.rows("counts")
        if decided != reports:  # (the events of the reports left out would be deleted, and they with them)
            raise StoreError(
                f"regrouping the stored reports: {reports - decided} of {reports} were not read in rank order",
                reports=reports,
                decided=decided,
            )
        self.write_all()
        conn.exec_driver_sql(f"DROP INDEX {RANK_INDEX}")
        self.scratch.drop(conn)

    def analyze(self, table: str) -> None:
        if self.dialect == "postgresql":
            self.conn.exec_driver_sql(f"ANALYZE {table}")

    def fill_columns(self) -> int:
        """Fill the grouping columns of the reports stored without them; returns how many there were."""
        after, n = 0, 0
        while rows := self.rows("ungrouped", after_=after):
            updates = []
            for pk, report_id, record, published, content_hash in rows:
                event = Event.model_validate_json(record)
                if isinstance(published, str):
                    published = date.fromisoformat(published)
                rank = report_rank(event, published, content_hash, report_id)
                updates.append({"pk_": pk, **grouping_columns(event, rank)})
            self.writer.many("report_grouping", updates)
            after, n = rows[-1][0], n + len(rows)
        return n

    def decide_all(self) -> None:
        """Each report's seed, in rank order (``dedup.cluster``), into the scratch table."""
        after: tuple[str, int] = ("", 0)
        while rows := self.rows("by_rank", after_=after[0], after_pk_=after[1]):
            for pk, report_id, document_id, rank, record in rows:
                x = Ranked(report_id, rank, document_id, self.parse(record))
                seed = choose_seed(x, self.seeds_near(x), excluded=self.excluded(document_id)) or report_id
                self.execute("decide", report_pk_=pk, seed_=seed)
            after = (rows[-1][3], rows[-1][0])

    def seeds_near(self, x: Ranked) -> list[Ranked]:
        near = near_values(x.event)
        if near is None:
            return []  # undated reports never match
        region, values = near
        rows = self.rows("seeds_near_region" if region else "seeds_near_place", **values)
        return [Ranked(rid, rank, doc, self.parse(record)) for rid, rank, doc, record in rows]

    def excluded(self, document_id: str) -> set[str]:
        """The seeds of the reports of this document decided so far (those ranked before the one deciding)."""
        return {seed for (seed,) in self.rows("seeds_of_document", document_id_=document_id)}

    def write_all(self) -> None:
        """Write each event from its reports, delete the events left without a seed, settle the places."""
        w = self.writer
        after = ""
        while seeds := [seed for (seed,) in self.rows("seeds", after_=after)]:
            members: dict[str, list[Node]] = {seed: [] for seed in seeds}
            for seed, pk, report_id, document_id, rank, record, event_pk in self.rows(
                "members", after_=after, last_=seeds[-1]
            ):
                ranked = Ranked(report_id, rank, document_id, self.parse(record))
                members[seed].append(Node(ranked, pk, event_pk, seed))
            for seed in sorted(seeds):
                nodes = sorted(members[seed], key=lambda n: n.r.rank)
                if w.run("event_by_id", id_=seed).fetchone() is not None:
                    w.write_event(seed, nodes, {}, seed, stored=True)
                else:
                    row = self.row_to_take(nodes)
                    w.write_event(seed, nodes, {}, row or seed, stored=row is not None)
            w.places.clear()  # (a cache of place rows: read again as needed)
            after = seeds[-1]
        after_pk = 0
        while gone := self.rows("gone", after_=after_pk):
            for _pk, event_id in gone:
                w.delete_event(event_id)
            after_pk = gone[-1][0]
        after = ""
        while keys := [key for (key,) in self.rows("places", after_=after)]:
            w.settle_places(keys)
            w.places.clear()
            after = keys[-1]

    def row_to_take(self, members: list[Node]) -> str | None:
        """The id of the event without a seed any more that most of these reports (of a seed with no event of
        its own) are in now, the first id among equals; None when none is."""
        counts: dict[str, int] = {}
        for event_pk in sorted({n.event_pk for n in members if n.event_pk is not None}):
            found = self.rows("event_id_of", pk_=event_pk)
            if found and not self.rows("alive", id_=found[0][0]):
                counts[found[0][0]] = sum(1 for n in members if n.event_pk == event_pk)
        return min(counts, key=lambda old: (-counts[old], old)) if counts else None
