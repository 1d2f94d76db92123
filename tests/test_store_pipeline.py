"""The store with the real pipeline (skipped until `spotrep.pipeline` and the model are installed)."""

from __future__ import annotations

import pytest

from spotrep.documents import make_document, read_jsonl
from spotrep.readers import read_paths
from spotrep.store import Store

from .conftest import SHARED

pipeline = pytest.importorskip("spotrep.pipeline", reason="the extraction pipeline is not on this branch yet")

SEED = SHARED / "eval" / "seed"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp_available():
    from spotrep.entities import get_nlp
    from spotrep.errors import ModelNotInstalledError

    try:
        get_nlp()
    except ModelNotInstalledError as exc:
        pytest.skip(str(exc))


@pytest.fixture
def store(store_url, nlp_available):
    with Store.open(store_url) as s:
        yield s


@pytest.mark.skipif(not SEED.is_dir(), reason="../shared/eval/seed is not beside the checkout")
def test_ingesting_the_seed_twice_and_then_as_a_text_file_leaves_the_event_count_unchanged(store):
    with (SEED / "docs.jsonl").open("rb") as fh:
        docs = list(read_jsonl(fh, name="docs.jsonl"))
    first = store.ingest(docs)
    n = store.count()
    assert first.documents_added == 1 and n > 0
    second = store.ingest(docs)
    assert second.documents_added == 0 and store.count() == n
    third = store.ingest(read_paths([SEED / "article.txt"], published="2024-05-15", source="AFP"))
    assert third.documents_added == 0 and third.duplicates == 1
    assert store.count() == n


# Two outlets, one strike (texts written for these tests).
PAIRS = [
    (
        "A Russian missile strike on the port city of Odesa on Sunday killed five people and wounded 12"
        " others, regional governor Oleh Kiper said. The missile hit a warehouse near the harbour, he said.",
        "Russian forces hit Odesa with a ballistic missile on Sunday, killing four civilians, Ukrainian"
        " officials said. Emergency services said a warehouse close to the port was destroyed.",
        "Odesa",
    ),
    (
        "A Russian glide bomb struck a hardware store in Kharkiv on Saturday, killing 12 people, the regional"
        " governor said. More than 40 people were wounded.",
        "At least 11 people were killed when a Russian guided aerial bomb hit a large hardware store in the"
        " city of Kharkiv on Saturday, Ukrainian officials said.",
        "Kharkiv",
    ),
]


@pytest.mark.parametrize(("first", "second", "place"), PAIRS)
def test_two_outlets_reporting_one_strike_give_one_event_with_two_sources(store, first, second, place):
    docs = [
        make_document(first, published="2024-06-02", source="Kyiv Daily Monitor"),
        make_document(second, published="2024-06-02", source="Black Sea Herald"),
    ]
    report = store.ingest(docs)
    assert report.documents_added == 2 and report.events_merged >= 1
    merged = [e for e in store.query() if e.source_count == 2 and e.location.name == place]
    assert merged, [(e.sub_event_type, e.location.name, e.source_count) for e in store.query()]
    detail = store.get(merged[0].event_id)
    assert {s.source for s in detail.sources} == {"Kyiv Daily Monitor", "Black Sea Herald"}


@pytest.mark.postgres
def test_postgresql_stores_what_sqlite_stores_from_the_pipeline(tmp_path, pg_url, nlp_available):
    from .store_fakes import snapshot

    docs = [
        make_document(text, published="2024-06-02", source=source)
        for first, second, _ in PAIRS
        for text, source in ((first, "Kyiv Daily Monitor"), (second, "Black Sea Herald"))
    ]
    if SEED.is_dir():
        with (SEED / "docs.jsonl").open("rb") as fh:
            docs += list(read_jsonl(fh, name="docs.jsonl"))
    snapshots = []
    for where in (str(tmp_path / "events.db"), pg_url):
        with Store.open(where) as store:
            store.ingest(docs)
            snapshots.append(snapshot(store, rtree=False))
    assert snapshots[0]["events"] and snapshots[1] == snapshots[0]
