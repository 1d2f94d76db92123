"""Several `spotrep ingest` processes writing one store at once, with overlapping documents: every document is
stored once, and the store holds exactly what one writer ingesting all the documents gives (SQLite and
PostgreSQL)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from spotrep.store import Store

from .store_fakes import keyword_extract, overlapping_corpus, snapshot

TESTS = Path(__file__).parent
WRITERS = 3


def _ingest(path: Path, db: str) -> subprocess.Popen:
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": os.pathsep.join([str(TESTS.parent), env.get("PYTHONPATH", "")]),
            "SPOTREP_EXTRACTOR": "tests.store_fakes:slow_extract",
            "SPOTREP_TEST_DELAY": "0.01",  # extraction takes a little time: the writers' batches interleave
        }
    )
    return subprocess.Popen(
        [sys.executable, "-c", "from spotrep.cli import main; main()", "ingest", str(path), "--batch-size", "2",
         "--db", db],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def test_writers_at_once_store_each_document_once_and_the_events_of_a_single_writer(tmp_path, new_store_url):
    docs = overlapping_corpus(36, seed=11)
    shares = []  # each writer: two thirds of the documents, in its own order; every document in two shares
    for w in range(WRITERS):
        share = [d for i, d in enumerate(docs) if i % WRITERS != w]
        random.Random(w).shuffle(share)
        path = tmp_path / f"writer{w}.jsonl"
        path.write_text(
            "".join(
                json.dumps(
                    {"id": d.id, "text": d.text, "published": d.published.isoformat(), "source": d.source}
                )
                + "\n"
                for d in share
            )
        )
        shares.append(path)
    url = new_store_url()
    Store.open(url).close()  # the schema first: the writers then race on documents, not on migrations
    procs = [_ingest(path, url) for path in shares]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err

    with Store.open(new_store_url()) as single:
        single.ingest(docs, extractor=keyword_extract)
        expected = snapshot(single, rtree=False)
    with Store.open(url) as store:
        assert snapshot(store, rtree=False) == expected
        assert len(store.documents()) == len(docs)


def test_writers_opening_a_new_store_at_once_migrate_it_once(new_store_url):
    url = new_store_url()
    code = "import sys; from spotrep.store import Store; Store.open(sys.argv[1]).close()"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(TESTS.parent / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    procs = [
        subprocess.Popen([sys.executable, "-c", code, url], env=env, stderr=subprocess.PIPE, text=True)
        for _ in range(WRITERS)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with Store.open(url) as store:
        from spotrep.store.schema import MIGRATIONS, applied_versions

        with store.reading() as conn:
            assert applied_versions(conn) == [version for version, _name, _function in MIGRATIONS]
