"""Killing `spotrep ingest` (SIGKILL) in the middle of a batch leaves no half-written document, and a rerun
reaches exactly the state of a clean run: on SQLite and on PostgreSQL. On PostgreSQL also while the writer is
inside its write transaction (held there by a lock the test takes), and then the killed writer's server
session does not keep the store's write lock."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError

from spotrep.readers import read_paths
from spotrep.store import Store
from spotrep.store.engine import WRITE_LOCK

from .store_fakes import keyword_extract, snapshot, write_corpus

TESTS = Path(__file__).parent
BATCH = 3
DOCS = 21

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def _ingest_process(corpus: Path, db: str, *, delay: float) -> subprocess.Popen:
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": os.pathsep.join([str(TESTS.parent), env.get("PYTHONPATH", "")]),
            "SPOTREP_EXTRACTOR": "tests.store_fakes:slow_extract",
            "SPOTREP_TEST_DELAY": str(delay),
        }
    )
    args = ["ingest", str(corpus), "--published", "2024-06-01", "--batch-size", str(BATCH), "--db", db]
    return subprocess.Popen(
        [sys.executable, "-c", "from spotrep.cli import main; main()", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _is_sqlite(db: str) -> bool:
    return "://" not in db


def _stored_documents(db: str) -> int:
    """How many documents are committed (0 before the schema is there)."""
    if _is_sqlite(db):
        if not Path(db).exists():
            return 0
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
            try:
                return con.execute("SELECT count(*) FROM documents").fetchone()[0]
            finally:
                con.close()
        except sqlite3.OperationalError:  # the schema is not there yet
            return 0
    engine = create_engine(db)
    try:
        with engine.connect() as con:
            return con.execute(text("SELECT count(*) FROM documents")).scalar_one()
    except ProgrammingError:  # the schema is not there yet
        return 0
    finally:
        engine.dispose()


def _kill_after(corpus: Path, db: str, documents: int) -> None:
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


def _check_whole_documents(db: str) -> int:
    """Only whole batches are stored, and every stored document has all its events and evidence."""
    if _is_sqlite(db):
        con = sqlite3.connect(db)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            con.close()
    engine = create_engine(db if not _is_sqlite(db) else f"sqlite:///{db}")
    try:
        with engine.connect() as con:
            n = con.execute(text("SELECT count(*) FROM documents")).scalar_one()
            assert n % BATCH == 0, f"{n} documents stored: not whole batches of {BATCH}"
            rows = con.execute(
                text(
                    "SELECT d.id, d.n_events, (SELECT count(*) FROM reports r WHERE r.document_id = d.id),"
                    " (SELECT count(*) FROM evidence v WHERE v.document_id = d.id) FROM documents d"
                )
            ).all()
            for doc_id, n_events, n_reports, n_evidence in rows:
                assert n_events == n_reports and n_evidence >= n_reports, doc_id
            orphans = con.execute(
                text(
                    "SELECT count(*) FROM events e WHERE NOT EXISTS"
                    " (SELECT 1 FROM reports r WHERE r.event_pk = e.pk)"
                )
            ).scalar_one()
            assert orphans == 0
            return n
    finally:
        engine.dispose()


def _rerun_and_compare(corpus: Path, killed: str, clean: str, stored: int) -> None:
    """Ingest again without killing: only the documents not stored are added, and the store is then exactly
    that of a clean run."""
    rerun = _ingest_process(corpus, killed, delay=0)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert f"{DOCS - stored} document(s) added, {stored} already stored" in err  # only the rest was redone
    with Store.open(clean) as store:
        store.ingest(
            read_paths([corpus], published="2024-06-01"), extractor=keyword_extract, batch_size=BATCH
        )
    assert snapshot(killed) == snapshot(clean)
    assert len(snapshot(clean)["documents"]) == DOCS


@pytest.mark.slow
def test_a_killed_ingest_leaves_whole_batches_and_a_rerun_matches_a_clean_run(tmp_path, new_store_url):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, DOCS)
    killed = new_store_url()

    _kill_after(corpus, killed, documents=BATCH)
    first = _check_whole_documents(killed)
    assert 0 < first < DOCS

    _kill_after(corpus, killed, documents=first + 2 * BATCH)  # killed again, later, during a rerun
    second = _check_whole_documents(killed)
    assert first < second < DOCS

    _rerun_and_compare(corpus, killed, new_store_url(), second)


# --- PostgreSQL: killed inside the write transaction ----------------------------------------------------------


def _backend_of_writer(con) -> int | None:
    """The server process of a session waiting, inside a write transaction, to insert evidence."""
    return con.execute(
        text(
            "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            " AND query LIKE 'INSERT INTO evidence%' AND pid <> pg_backend_pid()"
        )
    ).scalar()


def _write_lock_holders(con) -> list[int]:
    return list(
        con.execute(
            text(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                " AND ((classid::bigint << 32) | objid::bigint) = :key"
            ),
            {"key": WRITE_LOCK},
        ).scalars()
    )


@pytest.mark.slow
@pytest.mark.postgres
def test_a_writer_killed_inside_its_transaction_leaves_nothing_and_releases_the_write_lock(
    tmp_path, new_pg_url
):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, DOCS)
    killed = new_pg_url()
    Store.open(killed).close()  # the schema, so that the test can lock a table the writer needs
    engine = create_engine(killed)
    try:
        with engine.connect() as blocker, engine.connect() as watch:
            watch.execution_options(isolation_level="AUTOCOMMIT")
            blocker.execute(text("BEGIN"))
            blocker.execute(text("LOCK TABLE evidence IN EXCLUSIVE MODE"))  # inserts into evidence wait
            proc = _ingest_process(corpus, killed, delay=0)
            try:
                deadline = time.monotonic() + 60
                while (backend := _backend_of_writer(watch)) is None:
                    assert proc.poll() is None, f"ingest ended before it was killed: {proc.communicate()}"
                    assert time.monotonic() < deadline, "the writer never waited on the evidence table"
                    time.sleep(0.02)
                # it holds the write lock, its first document half written
                assert backend in _write_lock_holders(watch)
                os.kill(proc.pid, signal.SIGKILL)
            finally:
                proc.communicate(timeout=30)
            assert proc.returncode == -signal.SIGKILL
            # its session ends (and gives up the write lock) while the test still holds the table lock: other
            # writers do not wait for a dead one
            gone_by = time.monotonic() + 10
            while backend in _write_lock_holders(watch):
                assert time.monotonic() < gone_by, "the killed writer's session kept the write lock"
                time.sleep(0.05)
            blocker.execute(text("ROLLBACK"))
    finally:
        engine.dispose()
    assert _check_whole_documents(killed) == 0  # the batch it was writing left nothing

    _kill_after(corpus, killed, documents=BATCH)  # and killed again between batches
    stored = _check_whole_documents(killed)
    assert 0 < stored < DOCS
    _rerun_and_compare(corpus, killed, new_pg_url(), stored)
