"""The extraction queue kept in the store and its workers: a posted document is stored at once, extracted
once by whichever worker takes it, survives restarts and dead workers, and gives the events a plain ingest
gives. Every test runs on SQLite and on PostgreSQL (``store_url``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import update

from spotrep.documents import make_document
from spotrep.errors import InputError, NotFoundError
from spotrep.store import Store
from spotrep.store import schema as s
from spotrep.store.queue import MAX_ATTEMPTS, lease_seconds
from spotrep.store.worker import WorkerPool, run_worker

from .store_fakes import keyword_extract, overlapping_corpus, snapshot

TESTS = Path(__file__).parent

REPORT = (
    "A Russian drone hit an apartment block in Kharkiv on Monday, killing two people, the regional governor"
    " said. Fighting continued near Vovchansk, the general staff said."
)


def doc(text: str = REPORT, **fields):
    return make_document(text, published=fields.pop("published", "2024-05-13"), **fields)


def expire_leases(store: Store) -> None:
    """What time does to the leases of dead workers."""
    with store.writing() as conn:
        conn.execute(update(s.extraction_jobs).values(lease_until="2000-01-01T00:00:00+00:00"))


def test_a_queued_document_is_stored_as_a_job_and_extracted_by_a_worker(store_url):
    with Store.open(store_url) as store:
        queued = store.jobs.enqueue(doc())
        assert queued.added and queued.job is not None and queued.job.status == "queued"
        assert store.count() == 0 and store.jobs.counts()["queued"] == 1
        report = run_worker(store, extractor=keyword_extract, once=True)
        assert (report.done, report.failed) == (1, 0)
        job = store.jobs.get(queued.document_id)
        assert job.status == "done" and job.events_new == store.count() > 0 and job.attempts == 1
        assert {e.location.name for e in store.document_events(queued.document_id)} == {
            "Kharkiv",
            "Vovchansk",
        }
        assert (
            store.jobs.get(queued.document_id, with_document=True).document is None
        )  # the text is stored once


def test_the_same_text_is_queued_once_and_not_at_all_once_stored(store_url):
    with Store.open(store_url) as store:
        first = store.jobs.enqueue(doc())
        again = store.jobs.enqueue(doc(source="Another outlet"))
        assert first.added and not again.added and again.document_id == first.document_id
        assert store.jobs.counts()["queued"] == 1
        run_worker(store, extractor=keyword_extract, once=True)
        stored = store.jobs.enqueue(doc())
        assert not stored.added and stored.stored_as == first.document_id and stored.job is None
        assert store.jobs.counts() == {"queued": 0, "running": 0, "done": 1, "failed": 0}


def test_another_text_under_a_queued_or_stored_id_is_refused(store_url):
    with Store.open(store_url) as store:
        store.jobs.enqueue(doc(id="report-1"))
        with pytest.raises(InputError, match="already queued"):
            store.jobs.enqueue(doc(REPORT.replace("Kharkiv", "Sumy"), id="report-1"))
        run_worker(store, extractor=keyword_extract, once=True)
        with pytest.raises(InputError, match="already stored"):
            store.jobs.enqueue(doc(REPORT.replace("Kharkiv", "Odesa"), id="report-1"))


def test_a_queue_survives_a_restart(store_url):
    with Store.open(store_url) as store:
        ids = [
            store.jobs.enqueue(doc(REPORT.replace("Monday", day))).document_id for day in ("Monday", "Friday")
        ]
    with Store.open(store_url) as store:  # another process, later
        assert store.jobs.counts()["queued"] == 2
        run_worker(store, extractor=keyword_extract, once=True)
        assert [store.jobs.get(i).status for i in ids] == ["done", "done"]


def test_an_extraction_that_raises_fails_its_job_with_the_error_and_the_worker_goes_on(store_url):
    with Store.open(store_url) as store:
        bad = store.jobs.enqueue(doc(REPORT + " EXPLODE")).document_id
        good = store.jobs.enqueue(doc()).document_id
        report = run_worker(store, extractor=keyword_extract, once=True)
        assert (report.done, report.failed) == (1, 1)
        failed = store.jobs.get(bad)
        assert failed.status == "failed" and "told to fail" in failed.error
        assert store.jobs.get(good).status == "done"
        with pytest.raises(NotFoundError):
            store.document(bad)
        retried = store.jobs.enqueue(doc(REPORT + " EXPLODE"))  # posted again: tried again
        assert retried.added and store.jobs.get(bad).status == "queued"


def test_a_job_whose_worker_died_is_taken_again_after_its_lease_and_given_up_after_max_attempts(store_url):
    with Store.open(store_url) as store:
        document_id = store.jobs.enqueue(doc()).document_id
        for attempt in range(1, MAX_ATTEMPTS + 1):
            job = store.jobs.claim(f"worker-{attempt}")
            assert job is not None and job.attempts == attempt and job.document is not None
            assert store.jobs.claim("another") is None  # held while the lease runs
            expire_leases(store)  # ... the worker dies
        assert store.jobs.claim("last") is None
        job = store.jobs.get(document_id)
        assert (
            job.status == "failed"
            and f"stopped {MAX_ATTEMPTS} times" in job.error
            and "worker-3" in job.error
        )


def test_a_stopped_worker_puts_its_job_back(store_url):
    with Store.open(store_url) as store:
        document_id = store.jobs.enqueue(doc()).document_id
        assert store.jobs.claim("stopping") is not None
        assert store.jobs.release(["stopping", "idle"]) == 1
        job = store.jobs.get(document_id)
        assert job.status == "queued" and job.attempts == 0 and job.worker is None
        assert run_worker(store, extractor=keyword_extract, once=True).done == 1


def test_a_lease_grows_with_the_text():
    assert lease_seconds(1_000_000) > lease_seconds(10_000) >= 120


def test_workers_side_by_side_store_each_document_once_with_the_events_of_a_plain_ingest(new_store_url):
    docs = overlapping_corpus(24, seed=5)
    plain, queued = new_store_url(), new_store_url()
    with Store.open(plain) as store:
        store.ingest(docs, extractor=keyword_extract)
    with Store.open(queued) as store:
        for d in docs:
            store.jobs.enqueue(d)
        stores = [Store.open(queued) for _ in range(3)]
        threads = [
            threading.Thread(
                target=run_worker, args=(st,), kwargs={"extractor": keyword_extract, "once": True}
            )
            for st in stores
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        for st in stores:
            st.close()
        assert store.jobs.counts() == {"queued": 0, "running": 0, "done": len(docs), "failed": 0}
    assert _events(queued) == _events(plain)
    assert len(snapshot(queued)["documents"]) == len(docs)


def _events(url: str) -> list[str]:
    with Store.open(url) as store:
        return sorted(
            repr(
                (
                    e.event_type,
                    e.location.name if e.location else None,
                    e.date_start,
                    e.fatalities,
                    e.source_count,
                )
            )
            for e in store.query(limit=10_000)
        )


def test_concurrent_posts_of_one_text_queue_it_once(store_url):
    with Store.open(store_url) as store:
        results = []
        barrier = threading.Barrier(4)

        def post() -> None:
            barrier.wait()
            results.append(store.jobs.enqueue(doc()))

        threads = [threading.Thread(target=post) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sum(r.added for r in results) == 1 and len({r.document_id for r in results}) == 1
        assert store.jobs.counts()["queued"] == 1


def test_a_pool_of_worker_processes_extracts_the_queue_and_stops(store_url):
    with Store.open(store_url) as store:
        ids = [store.jobs.enqueue(d).document_id for d in overlapping_corpus(6, seed=2)]
        with WorkerPool(store, 2, extractor=keyword_extract) as pool:
            deadline = time.monotonic() + 120
            while store.jobs.counts()["done"] < len(ids) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert pool.alive() == 2
        assert store.jobs.counts()["done"] == len(ids)
        assert pool.alive() == 0


def _cli(*args: str, delay: float = 0.0) -> subprocess.Popen:
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": os.pathsep.join([str(TESTS.parent), env.get("PYTHONPATH", "")]),
            "SPOTREP_EXTRACTOR": "tests.store_fakes:slow_extract",
            "SPOTREP_TEST_DELAY": str(delay),
        }
    )
    return subprocess.Popen(
        [sys.executable, "-c", "from spotrep.cli import main; main()", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_spotrep_work_once_extracts_what_is_queued_and_jobs_lists_it(store_url):
    with Store.open(store_url) as store:
        for d in overlapping_corpus(3, seed=3):
            store.jobs.enqueue(d)
        store.jobs.enqueue(doc(REPORT + " EXPLODE"))
    done = _cli("work", "--once", "--db", store_url)
    _out, err = done.communicate(timeout=120)
    assert done.returncode == 2, err  # one job failed
    assert "3 document(s) extracted, 1 failed" in err and "told to fail" in err
    listed = _cli("jobs", "--db", store_url, "--status", "failed")
    out, err = listed.communicate(timeout=60)
    assert listed.returncode == 0, err
    assert out.startswith("0 queued, 0 running, 3 done, 1 failed") and "told to fail" in out


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_worker_loses_nothing_and_its_document_is_stored_once(store_url):
    with Store.open(store_url) as store:
        document_id = store.jobs.enqueue(doc()).document_id
    worker = _cli("work", "--db", store_url, "--poll", "0.05", delay=30)
    try:
        deadline = time.monotonic() + 60
        with Store.open(store_url) as store:
            while store.jobs.get(document_id).status != "running" and time.monotonic() < deadline:
                time.sleep(0.1)
            assert store.jobs.get(document_id).status == "running"
            worker.send_signal(signal.SIGKILL)
            worker.wait(30)
            assert store.jobs.claim("too-early") is None  # the dead worker's lease still holds
            expire_leases(store)
            assert run_worker(store, extractor=keyword_extract, once=True).done == 1
            job = store.jobs.get(document_id)
            assert job.status == "done" and job.attempts == 2
            assert len(snapshot(store_url)["documents"]) == 1
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.communicate()


def test_sigterm_stops_a_worker_after_its_job(store_url):
    with Store.open(store_url) as store:
        document_id = store.jobs.enqueue(doc()).document_id
    worker = _cli("work", "--db", store_url, "--poll", "0.05", delay=1.5)
    deadline = time.monotonic() + 60
    with Store.open(store_url) as store:
        while store.jobs.get(document_id).status != "running" and time.monotonic() < deadline:
            time.sleep(0.05)
        worker.send_signal(signal.SIGTERM)
        _out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        assert store.jobs.get(document_id).status == "done"
