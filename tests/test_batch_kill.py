"""Killing `spotrep batch` (SIGKILL) midway: the shards it finished stay done and are not redone, its worker
processes go away, and the resumed run ends with exactly the shards of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spotrep.batch import Batch, Manifest
from tests.batch_helpers import batch_records

from .store_fakes import write_corpus

TESTS = Path(__file__).parent
SIZE = 2
DOCS = 16

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and /proc")


def _batch_process(corpus: Path, out: Path, *, delay: float) -> subprocess.Popen:
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": os.pathsep.join([str(TESTS.parent), env.get("PYTHONPATH", "")]),
            "SPOTREP_EXTRACTOR": "tests.store_fakes:slow_extract",  # the test's hook: a slow fake extractor
            "SPOTREP_TEST_DELAY": str(delay),
        }
    )
    args = ["batch", str(corpus), "--out", str(out), "--partition-size", str(SIZE), "--processes", "2",
            "--published", "2024-06-01"]  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-c", "from spotrep.cli import main; main()", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _done(out: Path) -> list[str]:
    try:
        data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    return [s["id"] for s in data["shards"] if s["status"] == "done"]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _kill_after(corpus: Path, out: Path, shards: int) -> None:
    """Run the batch slowly and SIGKILL it once at least ``shards`` shards are recorded as done."""
    proc = _batch_process(corpus, out, delay=0.1)
    deadline = time.monotonic() + 60
    children: set[int] = set()
    try:
        while len(_done(out)) < shards:
            assert proc.poll() is None, f"batch ended before it could be killed: {proc.communicate()}"
            assert time.monotonic() < deadline, "batch made no progress"
            children |= _children(proc.pid)
            time.sleep(0.02)
        children |= _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert children, "the batch ran no worker process"
    gone_by = time.monotonic() + 20
    while any(Path(f"/proc/{c}").exists() and "Z" not in _state(c) for c in children):
        assert time.monotonic() < gone_by, "worker processes outlived their killed coordinator"
        time.sleep(0.1)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def _files_of(out: Path, ids: list[str]) -> dict[str, tuple[int, int]]:
    manifest = Manifest.read(out)
    out_files = {}
    for entry in manifest.shards:
        if entry.id in ids:
            for f in entry.files.values():
                st = (out / f.name).stat()
                out_files[f.name] = (st.st_ino, st.st_mtime_ns)
    return out_files


@pytest.mark.slow
def test_a_killed_batch_resumes_without_redoing_finished_shards_and_matches_an_uninterrupted_run(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, DOCS)
    out = tmp_path / "killed"

    _kill_after(corpus, out, shards=1)
    first = _done(out)
    assert 0 < len(first) < DOCS // SIZE
    kept = _files_of(out, first)

    _kill_after(corpus, out, shards=len(first) + 2)  # killed again, later, while resuming
    second = _done(out)
    assert set(first) < set(second) and len(second) < DOCS // SIZE
    assert _files_of(out, first) == kept, "a finished shard was redone"
    kept = _files_of(out, second)

    rerun = _batch_process(corpus, out, delay=0)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert f"resuming: {len(second)} shard(s) already done, {DOCS // SIZE - len(second)} to do" in err
    assert _files_of(out, second) == kept, "a finished shard was redone"
    assert not list(out.rglob("*.tmp")), "temporary files of the killed runs were left"

    clean = tmp_path / "clean"
    Batch.prepare([corpus], clean, partition_size=SIZE, published="2024-06-01").run(
        processes=1, extractor="tests.store_fakes:keyword_extract"
    )
    assert batch_records(out) == batch_records(clean)
    assert len(batch_records(clean)) == DOCS
