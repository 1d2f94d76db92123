"""Batch extraction on a Dask distributed cluster given as a Client (a LocalCluster in the tests' process):
exactly the events of a single-process run, the worker plugin run in each worker, failures recorded per
partition. test_batch_dask_scheduler.py runs the real thing: `dask scheduler` and `dask worker` processes,
`spotrep batch --scheduler ADDRESS`, the spaCy model loaded once per worker."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed")

from distributed import Client, LocalCluster

from spotrep.batch import Batch, Manifest
from tests.batch_helpers import batch_records, write_jsonl_corpus

FAKE = "tests.store_fakes:keyword_extract"


def _warmed_up() -> bool:
    from spotrep.batch import worker

    return worker._ready_at is not None


@pytest.mark.slow
def test_two_dask_workers_of_a_client_find_exactly_the_events_of_a_single_process_run(tmp_path):
    corpus = write_jsonl_corpus(tmp_path / "corpus.jsonl", 20, seed=11)
    single = tmp_path / "single"
    Batch.prepare([corpus], single, partition_size=5).run(processes=1, extractor=FAKE)
    expected = batch_records(single)
    assert len(expected) == 20 and sum(len(ev) for _, ev in expected) > 0

    out = tmp_path / "dask"
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster, set_as_default=False) as client,  # nothing may rely on a default client
    ):
        done: list[int] = []
        batch = Batch.prepare([corpus], out, partition_size=5)
        report = batch.run(scheduler=client, extractor=FAKE, progress=done.append)
        assert report.processed == 4 and report.failed == 0 and len(done) == 4
        assert len({r.worker for r in report.results}) >= 1
        assert set(client.run(_warmed_up).values()) == {True}  # the plugin ran on each worker
    assert batch_records(out) == expected


def test_a_partition_that_fails_on_the_cluster_is_recorded_and_retried_by_the_next_run(tmp_path):
    first = write_jsonl_corpus(tmp_path / "a.jsonl", 4, seed=11)
    second = write_jsonl_corpus(tmp_path / "b.jsonl", 3, seed=11)
    out = tmp_path / "out"
    batch = Batch.prepare([first, second], out, partition_size=2)
    saved = first.read_bytes()
    first.unlink()
    with (
        LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster,
        Client(cluster, set_as_default=False) as client,  # nothing may rely on a default client
    ):
        report = batch.run(scheduler=client, extractor=FAKE)
        assert (report.processed, report.failed) == (2, 2)
        assert [e.status for e in Manifest.read(out).shards] == ["failed", "failed", "done", "done"]
        first.write_bytes(saved)
        again = Batch.prepare([first, second], out, partition_size=2)
        assert len(again.pending) == 2
        assert again.run(scheduler=client, extractor=FAKE).complete
    fresh = tmp_path / "fresh"
    Batch.prepare([first, second], fresh, partition_size=2).run(processes=1, extractor=FAKE)
    assert batch_records(out) == batch_records(fresh)


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    from spotrep.batch.cluster import connect
    from spotrep.errors import ClusterError

    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler"):
        connect("tcp://127.0.0.1:9", timeout="1s")
