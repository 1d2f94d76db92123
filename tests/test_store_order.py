"""Merging does not depend on order: the same documents, in any order, in batches or one by one, through one
writer or several, give the same stored events (ids, fields, sources, figures, evidence, places), on SQLite
and on PostgreSQL; and the events are the grouping ``dedup.cluster`` defines."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select

from spotrep.documents import make_document
from spotrep.model import Claim, Event
from spotrep.store import Store, regroup
from spotrep.store import schema as s
from spotrep.store.dedup import Ranked, cluster, report_rank
from spotrep.store.engine import resolve_url
from spotrep.store.writer import Grouping, Prepared, Statements, Writer, grouping_columns

from .store_fakes import keyword_extract, make_event, overlapping_corpus, snapshot

# --- a corpus of hand-built events: every precision, places near and far, chains of days -----------------

SPOTS = [
    {},  # Kharkiv centre
    {"place": "Saltivka", "lat": 50.03, "lon": 36.30},  # 6 km from the centre
    {"place": "Rohan", "lat": 49.91, "lon": 36.46},  # 18 km: matches Saltivka's neighbours, not the centre
    {"place": "Kharkiv", "lat": None, "lon": None},  # by name only
    {"geo_precision": 2, "place": "near Kharkiv"},
    {"geo_precision": 3, "place": "Kharkiv Oblast", "lat": 49.9, "lon": 36.6},  # a regional tally
]


def _event(rng: random.Random, document_id: str) -> Event:
    spec: dict = dict(rng.choice(SPOTS))
    spec["day"] = date(2024, 5, 14) + timedelta(days=rng.randrange(4))
    if rng.random() < 0.2:
        start = spec.pop("day")
        spec.update(date_start=start, date_end=start + timedelta(days=6), event_date=None, time_precision=2)
    if rng.random() < 0.3:
        spec.update(
            sub_event_type="Shelling/artillery/missile attack", categories=["drone_strike", "shelling"]
        )
    spec["actor1_country"] = rng.choice(["RU", "RU", "none", "UA"])
    spec["fatalities"] = rng.choice([None, 1, 2, 5])
    if rng.random() < 0.3:
        spec["claim"] = Claim(source="Russian defence ministry", source_country="RU", status="claimed")
    return make_event(document_id, **spec)


def hand_corpus(n: int, seed: int) -> list[tuple]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        d = make_document(
            f"Report {i} of corpus {seed}.",
            published=(date(2024, 5, 14) + timedelta(days=rng.randrange(4))).isoformat(),
            source=rng.choice(["Kyiv Daily Monitor", "Black Sea Herald", "Eastern Front Wire"]),
        )
        out.append((d, [_event(rng, d.id) for _ in range(rng.randrange(1, 4))]))
    return out


def shuffled(items: list, seed: int) -> list:
    out = list(items)
    random.Random(seed).shuffle(out)
    return out


def stored_grouping(store: Store) -> tuple[dict[str, str], dict[str, str]]:
    """Each stored report's event (by id) as stored, and as ``cluster`` groups the stored reports."""
    engine = create_engine(store.url)
    r, e = s.reports.c, s.events.c
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(r.report_event_id, r.rank, r.document_id, r.record, e.event_id).join(
                    s.events, e.pk == r.event_pk
                )
            ).all()
    finally:
        engine.dispose()
    stored = {row.report_event_id: row.event_id for row in rows}
    reports = [
        Ranked(row.report_event_id, row.rank, row.document_id, Event.model_validate_json(row.record))
        for row in rows
    ]
    return stored, cluster(reports)


# --- the definition -----------------------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.randoms(use_true_random=False))
def test_the_grouping_of_reports_does_not_depend_on_their_order(seed, rng):
    reports = []
    for d, events in hand_corpus(12, seed):
        for j, ev in enumerate(events):
            report_id = f"{d.id}#{j}"
            rank = f"{ev.geo_precision or 4}{ev.time_precision or 4}|{d.published}|{d.id}|{report_id}"
            reports.append(Ranked(report_id, rank, d.id, ev))
    grouped = cluster(reports)
    rng.shuffle(reports)
    assert cluster(reports) == grouped
    assert all(grouped[seed] == seed for seed in grouped.values())  # every event's seed is in it
    by_event: dict[str, list[str]] = {}
    for report in reports:
        by_event.setdefault(grouped[report.report_id], []).append(report.document_id)
    assert all(len(docs) == len(set(docs)) for docs in by_event.values())  # one report per document


# --- the store ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2])
def test_documents_added_in_any_order_give_the_same_events(new_store_url, seed):
    corpus = hand_corpus(24, seed)
    snapshots = []
    for order in (corpus, corpus[::-1], shuffled(corpus, seed)):
        with Store.open(new_store_url()) as store:
            for d, events in order:
                store.add(d, events)
            stored, defined = stored_grouping(store)
            assert stored == defined
            counts = [e.source_count for e in store.query()]
            assert max(counts) > 1 and len(counts) > 1  # the corpus merges, and not into one event
            snapshots.append(snapshot(store, rtree=False))
    assert snapshots[1] == snapshots[0]
    assert snapshots[2] == snapshots[0]


def test_ingesting_in_any_order_batch_size_and_number_of_writers_gives_the_same_events(new_store_url):
    docs = overlapping_corpus(48, seed=5)
    with Store.open(new_store_url()) as store:
        store.ingest(docs, extractor=keyword_extract)
        reference = snapshot(store, rtree=False)
        stored, defined = stored_grouping(store)
        assert stored == defined
        assert any(e.source_count > 1 for e in store.query())  # the corpus does merge
    with Store.open(new_store_url()) as store:
        store.ingest(docs[::-1], extractor=keyword_extract, batch_size=5)
        assert snapshot(store, rtree=False) == reference
    url = new_store_url()  # three writers on one store, taking documents in turn, in a shuffled order
    writers = [Store.open(url) for _ in range(3)]
    try:
        for i, d in enumerate(shuffled(docs, 9)):
            writers[i % 3].ingest([d], extractor=keyword_extract)
        assert snapshot(writers[0], rtree=False) == reference
    finally:
        for w in writers:
            w.close()


def test_a_report_that_outranks_stored_ones_regroups_them(store_url):
    """A precise report arriving last becomes the seed: the vaguer reports regroup around it, and the event
    takes its id, whichever came first."""
    with Store.open(store_url) as store:
        vague = [make_document(f"Vague report {i}.", published="2024-05-15") for i in range(2)]
        store.add(vague[0], [make_event(vague[0].id, geo_precision=2, place="near Kharkiv", lat=49.97)])
        store.add(vague[1], [make_event(vague[1].id, geo_precision=2, place="near Kharkiv", lat=50.02)])
        assert store.count() == 1  # 5.6 km apart: one event, seeded by the first-ranked vague report
        precise = make_document("Precise report.", published="2024-05-16")
        store.add(precise, [make_event(precise.id, event_id="precise")])
        (event,) = store.query()
        assert event.event_id == "precise" and event.source_count == 3 and event.geo_precision == 1
        stored, defined = stored_grouping(store)
        assert stored == defined


def as_version_5(url: str) -> None:
    """Make the store at ``url`` one of schema version 5: no grouping columns, and events grouped as documents
    arrived (two events no document reports both of are one, with the id of its last report, not of a seed)."""
    engine = create_engine(resolve_url(url))
    r, e, v = s.reports.c, s.events.c, s.evidence.c
    try:
        with engine.begin() as conn:
            rows = conn.execute(select(r.event_pk, r.document_id, r.report_event_id).order_by(r.pk)).all()
            docs_of: dict[int, set[str]] = {}
            for event_pk, document_id, _ in rows:
                docs_of.setdefault(event_pk, set()).add(document_id)
            a, b = next(
                (a, b) for a in docs_of for b in docs_of if a < b and not docs_of[a] & docs_of[b]
            )  # two events no document reports both of: one event for an arrival-order grouping
            conn.execute(s.reports.update().where(r.event_pk == b).values(event_pk=a))
            conn.execute(s.evidence.update().where(v.event_pk == b).values(event_pk=a))
            conn.execute(s.event_categories.delete().where(s.event_categories.c.event_pk == b))
            if conn.dialect.name == "sqlite":
                conn.execute(s.events_rtree.delete().where(s.events_rtree.c.id == b))
            conn.execute(s.events.delete().where(e.pk == b))
            last = [rid for pk, _, rid in rows if pk in (a, b)][-1]
            conn.execute(s.events.update().where(e.pk == a).values(event_id=last))  # not its seed's id
            conn.exec_driver_sql("DROP INDEX ix_reports_near")
            for name in s.REPORT_GROUPING_COLUMNS:
                conn.exec_driver_sql(f'ALTER TABLE reports DROP COLUMN "{name}"')
            conn.execute(s.schema_migrations.delete().where(s.schema_migrations.c.version >= 6))
    finally:
        engine.dispose()


def test_a_store_grouped_in_arrival_order_is_regrouped_when_opened(store_url):
    """Migration 6 on a store of an earlier version (no grouping columns; events grouped as documents
    arrived, ids from the first arrival): it ends as the store the same documents give now."""
    docs = overlapping_corpus(30, seed=4)
    with Store.open(store_url) as store:
        store.ingest(docs, extractor=keyword_extract)
        expected = snapshot(store)
    as_version_5(store_url)
    with Store.open(store_url) as store:
        assert store.schema_version() == s.SCHEMA_VERSION
        assert snapshot(store) == expected
        stored, defined = stored_grouping(store)
        assert stored == defined


def regroup_at_once(conn) -> None:
    """Migration 6's regrouping as it was first written: every stored report loaded into one grouping pass
    (memory growing with the store). What regrouping in chunks must give."""
    writer = Writer(Statements(conn.dialect, rtree=s.has_rtree(conn)), conn, s.utcnow())
    r, d, e = s.reports.c, s.documents.c, s.events.c
    extra = {
        "reports_ungrouped": select(r.pk, r.report_event_id, r.record, d.published, d.content_hash)
        .join(s.documents, d.id == r.document_id)
        .where(r.rank.is_(None)),
        "reports_all": select(
            r.pk, r.report_event_id, r.document_id, r.rank, r.record, r.event_pk, e.event_id
        ).join(s.events, e.pk == r.event_pk),
        "event_ids": select(e.event_id),
    }
    writer.st.prepared.update({name: Prepared(stmt, conn.dialect) for name, stmt in extra.items()})
    updates = []
    for pk, report_id, record, published, content_hash in writer.run("reports_ungrouped").fetchall():
        event = Event.model_validate_json(record)
        published = date.fromisoformat(published) if isinstance(published, str) else published
        updates.append(
            {"pk_": pk, **grouping_columns(event, report_rank(event, published, content_hash, report_id))}
        )
    writer.many("report_grouping", updates)
    grouping = Grouping(writer)
    for n in grouping.nodes_of("reports_all"):
        grouping.push(n)
    grouping.dirty.update(row[0] for row in writer.run("event_ids").fetchall())
    grouping.run()
    grouping.write()


def stored_rows(url: str) -> dict[str, list[tuple]]:
    """Every row of the store's event tables, surrogate keys included (timestamps excepted)."""
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            out = {}
            for table in (s.events, s.reports, s.evidence, s.event_categories, s.places):
                columns = [c for c in table.columns if c.name not in ("created_at", "updated_at")]
                out[table.name] = sorted((tuple(row) for row in conn.execute(select(*columns))), key=repr)
            return out
    finally:
        engine.dispose()


def test_regrouping_in_chunks_gives_what_regrouping_at_once_gives(new_store_url, monkeypatch):
    """Migration 6 reads the reports a chunk at a time (here: 2): a store of version 5 migrated so holds the
    same rows, row numbers included, as one migrated with every report in memory, and the events the same
    documents give a new store."""
    docs = overlapping_corpus(40, seed=6)
    hand = hand_corpus(16, 6)
    urls = [new_store_url(), new_store_url()]
    for url in urls:
        with Store.open(url) as store:
            store.ingest(docs, extractor=keyword_extract, batch_size=7)
            for d, events in hand:
                store.add(d, events)
            expected = snapshot(store)
        as_version_5(url)
    fetched: dict[str, int] = {}  # the most rows a statement read at once
    rows = regroup.Regrouping.rows

    def counted(self, statement, /, **values):
        out = rows(self, statement, **values)
        fetched[statement] = max(fetched.get(statement, 0), len(out))
        return out

    monkeypatch.setattr(regroup.Regrouping, "rows", counted)
    monkeypatch.setattr(regroup, "CHUNK", 2)
    with Store.open(urls[0]) as store:
        assert snapshot(store) == expected
        stored, defined = stored_grouping(store)
        assert stored == defined
    chunked = ("ungrouped", "by_rank", "seeds", "gone", "places")  # the others: near one report, one event's
    assert fetched["by_rank"] == 2 and all(fetched[name] <= 2 for name in chunked), fetched
    monkeypatch.setattr(regroup, "regroup_all", regroup_at_once)
    with Store.open(urls[1]) as store:
        assert snapshot(store) == expected
    assert stored_rows(urls[0]) == stored_rows(urls[1])


@pytest.mark.postgres
def test_postgresql_stores_exactly_the_events_of_sqlite(tmp_path, pg_url):
    docs = overlapping_corpus(40, seed=8)
    hand = hand_corpus(16, 8)
    stored = []
    for where in (str(tmp_path / "events.db"), pg_url):
        with Store.open(where) as store:
            store.ingest(docs, extractor=keyword_extract, batch_size=6)
            for d, events in hand:
                store.add(d, events)
            events = sorted(store.query(), key=lambda e: e.event_id)
            details = []
            for e in events:
                detail = store.get(e.event_id).to_dict()
                del detail["number"], detail["created_at"], detail["updated_at"]  # surrogate keys, clocks
                details.append(detail)
            stored.append((snapshot(store, rtree=False), [e.model_dump() for e in events], details))
    assert stored[0][0]["events"] and any(e["source_count"] > 1 for e in stored[0][1])
    for one, other in zip(stored[0], stored[1], strict=True):
        assert one == other
