"""Killing `spotrep ingest` (SIGKILL) in the middle of a batch leaves no half-written document, and a rerun
reaches exactly the state of a clean run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spotrep.readers import read_paths
from spotrep.store import Store

from .store_fakes import keyword_extract, snapshot, write_corpus

TESTS = Path(__file__).parent
BATCH = 3


def _ingest_process(corpus: Path, db: Path, *, delay: float) -> subprocess.Popen:
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": os.pathsep.join([str(TESTS.parent), env.get("PYTHONPATH", "")]),
            "SPOTREP_EXTRACTOR": "tests.store_fakes:slow_extract",
            "SPOTREP_TEST_DELAY": str(delay),
        }
    )
    args = ["ingest", str(corpus), "--published", "2024-06-01", "--batch-size", str(BATCH), "--db", str(db)]
    return subprocess.Popen(
        [sys.executable, "-c", "from spotrep.cli import main; main()", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _stored_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def _kill_after(corpus: Path, db: Path, documents: int) -> None:
    """Run ingest slowly and SIGKILL it once at least ``documents`` documents are committed."""
    proc = _ingest_process(corpus, db, delay=0.15)
    deadline = time.monotonic() + 60
    try:
        while _stored_documents(db) < documents:
            assert proc.poll() is None, f"ingest ended before it could be killed: {proc.communicate()}"
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def _check_whole_documents(db: Path) -> int:
    """Only whole batches are stored, and every stored document has all its events and evidence."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert n % BATCH == 0, f"{n} documents stored: not whole batches of {BATCH}"
        rows = con.execute(
            "SELECT d.id, d.n_events, (SELECT count(*) FROM reports r WHERE r.document_id = d.id),"
            " (SELECT count(*) FROM evidence v WHERE v.document_id = d.id) FROM documents d"
        ).fetchall()
        for doc_id, n_events, n_reports, n_evidence in rows:
            assert n_events == n_reports and n_evidence >= n_reports, doc_id
        orphans = con.execute(
            "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.event_pk = e.pk)"
        ).fetchone()[0]
        assert orphans == 0
        return n
    finally:
        con.close()


@pytest.mark.slow
def test_a_killed_ingest_leaves_whole_batches_and_a_rerun_matches_a_clean_run(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 21)
    killed = tmp_path / "killed.db"

    _kill_after(corpus, killed, documents=BATCH)
    first = _check_whole_documents(killed)
    assert 0 < first < 21

    _kill_after(corpus, killed, documents=first + 2 * BATCH)  # killed again, later, during a rerun
    second = _check_whole_documents(killed)
    assert first < second < 21

    rerun = _ingest_process(corpus, killed, delay=0)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert f"{21 - second} document(s) added, {second} already stored" in err  # only the rest was redone

    clean = tmp_path / "clean.db"
    with Store.open(clean) as store:
        store.ingest(
            read_paths([corpus], published="2024-06-01"), extractor=keyword_extract, batch_size=BATCH
        )
    assert snapshot(killed) == snapshot(clean)
    assert len(snapshot(clean)["documents"]) == 21
