"""`spotrep batch --scheduler tcp://HOST:PORT` against real `dask scheduler` and `dask worker` processes on
loopback (not a LocalCluster in the test process): exactly the events of a local run, the model loaded once
per worker process; a clear error and exit status when the scheduler cannot be reached, when the address is
not one, and when the workers cannot import spotrep.

The scheduler and the workers run in process groups of their own, with this checkout's spotrep (and the
tests package) on their PYTHONPATH, and are killed, group and all, whatever the tests do."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed")

import dask
from click.testing import CliRunner
from distributed import Client

import spotrep
from spotrep.batch import Batch, Manifest
from spotrep.cli import cli
from spotrep.errors import ClusterError
from tests.batch_helpers import batch_records, write_jsonl_corpus
from tests.store_fakes import snapshot

from .conftest import REPO, requires_model

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="process groups")

SOURCE_ROOT = Path(spotrep.__file__).resolve().parents[1]
"""Where the spotrep under test is imported from (the worktree's src/): the workers import the same one."""

START_TIMEOUT = 120
"""Seconds the scheduler and the workers get to start (a startup failure, not a measurement)."""


@dataclass
class Cluster:
    address: str
    client: Client


def _env(*, pythonpath: list[Path]) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([*map(str, pythonpath), *filter(None, [env.get("PYTHONPATH")])])
    env["OMP_NUM_THREADS"] = "1"
    return env


def _start(args: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen:
    with log.open("wb") as fh:  # the child keeps its own descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "dask", *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a process group of its own: the worker's nannies and workers go with it
        )


def _stop(proc: subprocess.Popen) -> None:
    """Terminate the process group of ``proc``; kill what is left of it."""
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=20)
    with suppress(ProcessLookupError):  # workers still closing, or a leader that did not stop
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _tail(log: Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else ""


def _wait_for_address(scheduler_file: Path, proc: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if scheduler_file.exists():
            try:
                return json.loads(scheduler_file.read_text(encoding="utf-8"))["address"]
            except (json.JSONDecodeError, KeyError):
                pass  # being written
        if proc.poll() is not None:
            pytest.fail(f"dask scheduler exited with {proc.returncode}:\n{_tail(log)}")
        if time.monotonic() > deadline:
            pytest.fail(f"dask scheduler did not start:\n{_tail(log)}")
        time.sleep(0.1)


@contextmanager
def dask_cluster(workdir: Path, *, nworkers: int, pythonpath: list[Path]) -> Iterator[Cluster]:
    """A `dask scheduler` on a free loopback port and `dask worker --nworkers N --nthreads 1`."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = _env(pythonpath=pythonpath)
    env["DASK_TEMPORARY_DIRECTORY"] = str(workdir / "space")  # not /tmp/dask-scratch-space
    scheduler_file = workdir / "scheduler.json"
    processes: list[subprocess.Popen] = []
    try:
        log = workdir / "scheduler.log"
        args = ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                "--scheduler-file", str(scheduler_file)]  # fmt: skip
        processes.append(_start(args, log, env))
        address = _wait_for_address(scheduler_file, processes[0], log)
        worker_log = workdir / "workers.log"
        args = ["worker", address, "--nworkers", str(nworkers), "--nthreads", "1", "--host", "127.0.0.1",
                "--no-dashboard"]  # fmt: skip
        processes.append(_start(args, worker_log, env))
        with Client(address, set_as_default=False, timeout=f"{START_TIMEOUT}s") as client:
            try:
                client.wait_for_workers(nworkers, timeout=START_TIMEOUT)
            except TimeoutError:
                pytest.fail(f"{nworkers} dask workers did not start:\n{_tail(worker_log)}")
            yield Cluster(address, client)
    finally:
        for proc in reversed(processes):
            _stop(proc)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    with dask_cluster(
        tmp_path_factory.mktemp("dask"), nworkers=2, pythonpath=[SOURCE_ROOT, REPO]
    ) as running:  # REPO: the tests package, for the functions the tests run on the workers
        yield running


def _spotrep(*args: str) -> subprocess.CompletedProcess:
    """The CLI in a process of its own, as a user runs it (no Dask client of the tests' process around)."""
    return subprocess.run(
        [sys.executable, "-c", "from spotrep.cli import main; main()", *args],
        env=_env(pythonpath=[SOURCE_ROOT]),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _model_loads() -> int:
    from spotrep.entities import _load

    return _load.cache_info().misses


def _worker_name() -> str:
    from spotrep.batch.worker import worker_name

    return worker_name()


def _closed_port() -> int:
    """A loopback port nobody listens on (it was free a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@requires_model
@pytest.mark.slow
@pytest.mark.model
def test_spotrep_batch_by_scheduler_address_writes_exactly_the_events_of_a_local_run(cluster, tmp_path):
    corpus = write_jsonl_corpus(tmp_path / "corpus.jsonl", 16, seed=13)
    local = tmp_path / "local"
    Batch.prepare([corpus], local, partition_size=4).run(processes=1)
    expected = batch_records(local)
    assert len(expected) == 16 and sum(len(events) for _, events in expected) > 0

    out = tmp_path / "dask"
    run = _spotrep("batch", str(corpus), "--out", str(out), "--partition-size", "4",
                   "--scheduler", cluster.address)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "4 shard(s) written" in run.stderr
    assert batch_records(out) == expected
    workers = set(cluster.client.run(_worker_name).values())
    assert {e.worker for e in Manifest.read(out).shards} <= workers  # done by the cluster's processes
    assert list(cluster.client.run(_model_loads).values()) == [1, 1]  # each loaded the model once
    # `spotrep load` of the cluster's shards gives the store a load of the local run's gives
    for name, shards in (("local.db", local), ("dask.db", out)):
        loaded = _spotrep("load", str(shards), "--db", str(tmp_path / name))
        assert loaded.returncode == 0, loaded.stderr
    assert snapshot(str(tmp_path / "dask.db")) == snapshot(str(tmp_path / "local.db"))


def test_a_batch_against_an_unreachable_scheduler_exits_6_with_a_clear_message(tmp_path):
    corpus = write_jsonl_corpus(tmp_path / "corpus.jsonl", 2, seed=13)
    address = f"tcp://127.0.0.1:{_closed_port()}"
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(cli, ["batch", str(corpus), "--out", str(tmp_path / "out"),
                                          "--scheduler", address])  # fmt: skip
    assert result.exit_code == ClusterError.exit_code == 6, result.output
    assert f"spotrep: error: cannot reach the Dask scheduler at {address}" in result.stderr


@pytest.mark.parametrize("address", ["http://127.0.0.1:8786", "127.0.0.1", "tcp://127.0.0.1:99999"])
def test_a_scheduler_that_is_not_an_address_is_a_usage_error(tmp_path, address):
    corpus = write_jsonl_corpus(tmp_path / "corpus.jsonl", 2, seed=13)
    result = CliRunner().invoke(
        cli, ["batch", str(corpus), "--out", str(tmp_path / "out"), "--scheduler", address]
    )
    assert result.exit_code == 2, result.output
    assert f"spotrep: error: {address!r}" in result.stderr


@pytest.mark.slow
def test_workers_that_cannot_import_spotrep_are_a_clear_cluster_error(tmp_path):
    stub = tmp_path / "stub"
    (stub / "spotrep").mkdir(parents=True)
    (stub / "spotrep" / "__init__.py").write_text('raise ImportError("no spotrep on this worker")\n')
    corpus = write_jsonl_corpus(tmp_path / "corpus.jsonl", 2, seed=13)
    batch = Batch.prepare([corpus], tmp_path / "out", partition_size=1)
    with (
        dask_cluster(tmp_path / "dask", nworkers=1, pythonpath=[stub]) as broken,
        pytest.raises(ClusterError, match="the Dask workers cannot get ready") as caught,
    ):
        batch.run(scheduler=broken.address)
    assert "no spotrep on this worker" in caught.value.message
    assert caught.value.exit_code == 6
    assert [e.status for e in Manifest.read(tmp_path / "out").shards] == ["pending", "pending"]
