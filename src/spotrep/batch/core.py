"""A batch run: the plan and manifest of an output directory, resuming, and the local runners.

    >>> batch = Batch.prepare(["archive/"], "out/", partition_size=1000)
    >>> report = batch.run(processes=8)                          # a local process pool
    >>> report = batch.run(scheduler="tcp://head-node:8786")     # a Dask distributed cluster

``prepare`` plans the partitions, reads the manifest a previous run left in the directory (the inputs and
options must be the same), keeps the shards that are done and still match their checksums, and saves the
manifest; ``pending`` is what is left to do. ``run`` does it, recording each shard in the manifest as soon
as its files are written, so a run killed at any point resumes where it stopped and never redoes a
finished shard.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..documents import parse_date
from ..errors import InputError
from ..readers import Defaults
from . import worker as worker_mod
from .manifest import Manifest, partition_of
from .partitions import DEFAULT_PARTITION_SIZE, Partition, plan_partitions
from .worker import ShardResult, process_partition

log = logging.getLogger(__name__)

Progress = Callable[[int], Any]


@dataclass
class BatchReport:
    """What a run did (this run only; ``already_done`` shards were done by earlier runs)."""

    shards: int = 0
    already_done: int = 0
    processed: int = 0
    failed: int = 0
    documents: int = 0
    events: int = 0
    empty: int = 0
    errors: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    results: list[ShardResult] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.already_done + self.processed == self.shards


class Batch:
    """A batch output directory, prepared for a run over its inputs."""

    def __init__(self, out_dir: Path, manifest: Manifest, defaults: Defaults, already_done: int) -> None:
        self.out_dir = out_dir
        self.manifest = manifest
        self.defaults = defaults
        self.already_done = already_done
        self._lock = threading.Lock()

    @classmethod
    def prepare(
        cls,
        inputs: list[str | os.PathLike[str]],
        out_dir: str | os.PathLike[str],
        *,
        partition_size: int = DEFAULT_PARTITION_SIZE,
        published: str | None = None,
        source: str | None = None,
        verify: bool = True,
    ) -> Batch:
        """Plan the run and bring the manifest of ``out_dir`` up to date (creating both if needed).

        ``published`` and ``source`` apply to documents that do not give their own. ``verify`` checks the
        files of done shards against their recorded checksums (a shard that fails is redone).
        """
        if published is not None:
            parse_date(published)
        root = Path(out_dir).resolve()
        if root.exists() and not root.is_dir():
            raise InputError(f"{out_dir}: exists and is not a directory", name=str(out_dir))
        resolved = [str(Path(os.fspath(p)).resolve()) if os.fspath(p) != "-" else "-" for p in inputs]
        partitions = plan_partitions(resolved, size=partition_size)
        options = {"partition_size": partition_size, "published": published, "source": source}
        root.mkdir(parents=True, exist_ok=True)
        manifest = Manifest.read(root)
        if manifest is None:
            manifest = Manifest.create(root, resolved, options, partitions)
        else:
            for name in manifest.replan(resolved, options, partitions):
                log.info("removing %s (not part of the inputs any more)", name)
                (root / name).unlink(missing_ok=True)
        _remove_temporary_files(root)
        done = 0
        for entry in manifest.shards:
            if manifest.is_done(entry, verify=verify):
                done += 1
            elif entry.status == "done":
                entry.status = "pending"
        manifest.save()
        return cls(root, manifest, Defaults(published=published, source=source), done)

    @property
    def pending(self) -> list[Partition]:
        """The partitions still to do (pending or failed before), in input order."""
        return [partition_of(e) for e in self.manifest.shards if e.status != "done"]

    # --- recording ----------------------------------------------------------------------------------------

    def record(self, result: ShardResult, report: BatchReport) -> None:
        """A shard is written: mark it done in the manifest (saved atomically)."""
        with self._lock:
            entry = self.manifest.entry(result.shard_id)
            entry.status = "done"
            entry.documents, entry.events, entry.empty = result.documents, result.events, result.empty
            entry.errors, entry.error_messages = result.errors, list(result.error_messages)
            entry.files = dict(result.files)
            entry.seconds = round(result.seconds, 3)
            entry.worker = result.worker
            entry.finished_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            self.manifest.save()
            report.processed += 1
            report.documents += result.documents
            report.events += result.events
            report.empty += result.empty
            report.errors += result.errors
            report.results.append(result)

    def record_failure(self, partition: Partition, message: str, report: BatchReport) -> None:
        """A partition could not be done (the next run tries it again)."""
        with self._lock:
            entry = self.manifest.entry(partition.id)
            entry.status = "failed"
            entry.error_messages = [message]
            self.manifest.save()
            report.failed += 1
            report.failures.append(f"{partition.describe()}: {message}")

    # --- running ------------------------------------------------------------------------------------------

    def run(
        self,
        *,
        processes: int | None = None,
        scheduler: Any = None,
        extractor: str | None = None,
        progress: Progress | None = None,
        on_error: Callable[[str], Any] | None = None,
    ) -> BatchReport:
        """Do the pending partitions: on a Dask cluster when ``scheduler`` is given (an address such as
        ``tcp://host:8786`` or a ``distributed.Client``), else in ``processes`` local processes (default:
        one per core; 1 runs in this process). ``progress(n)`` is called as shards finish, ``on_error``
        with each per-document error message."""
        extractor = extractor or os.environ.get("SPOTREP_EXTRACTOR") or None
        if scheduler is not None:
            from .cluster import run_dask

            return run_dask(self, scheduler, extractor=extractor, progress=progress, on_error=on_error)
        n = processes or os.cpu_count() or 1
        if n < 1:
            raise InputError("--processes must be at least 1", processes=n)
        if n == 1:
            return run_inline(self, extractor=extractor, progress=progress, on_error=on_error)
        with LocalPool(n, extractor=extractor) as pool:
            return pool.run(self, progress=progress, on_error=on_error)

    def new_report(self) -> BatchReport:
        return BatchReport(shards=len(self.manifest.shards), already_done=self.already_done)

    def task_options(self, extractor: str | None) -> dict[str, Any]:
        return {"defaults": self.defaults, "extractor": extractor}


def _remove_temporary_files(root: Path) -> None:
    """Half-written files of a run that was killed (shards are renamed into place only when complete)."""
    from .shards import SHARD_DIR

    for directory in (root, root / SHARD_DIR):
        if directory.is_dir():
            for tmp in directory.glob(".*.tmp"):
                log.info("removing %s, left by an interrupted run", tmp)
                tmp.unlink(missing_ok=True)


def _notify(result: ShardResult, progress: Progress | None, on_error: Callable[[str], Any] | None) -> None:
    if on_error is not None:
        for message in result.error_messages:
            on_error(message)
    if progress is not None:
        progress(1)


def run_inline(
    batch: Batch,
    *,
    extractor: str | None = None,
    progress: Progress | None = None,
    on_error: Callable[[str], Any] | None = None,
) -> BatchReport:
    """Do the pending partitions one after the other in this process."""
    report = batch.new_report()
    t0 = time.perf_counter()
    for partition in batch.pending:
        try:
            result = process_partition(partition, str(batch.out_dir), **batch.task_options(extractor))
        except (InputError, OSError) as exc:  # this partition cannot be done (unreadable input, full disk)
            log.warning("partition %s failed: %s", partition.describe(), exc)
            batch.record_failure(partition, f"{type(exc).__name__}: {exc}", report)
            if progress is not None:
                progress(1)
            continue
        batch.record(result, report)
        _notify(result, progress, on_error)
    report.seconds = time.perf_counter() - t0
    return report


# --- the local process pool -------------------------------------------------------------------------------

_barrier: Any = None
_ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _init_worker(extractor: str | None, parent_pid: int, barrier: Any) -> None:
    """Initializer of a pool process: exit with the parent, load the model once."""
    global _barrier
    _barrier = barrier
    for var in _ONE_THREAD:  # one process per core: BLAS threads would only compete with the other workers
        os.environ.setdefault(var, "1")
    watch = threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True, name="spotrep-watch")
    watch.start()
    worker_mod.warm_up(extractor)


def _watch_parent(parent_pid: int) -> None:
    """A pool process whose coordinator died (killed, say) exits instead of lingering with its model."""
    while True:
        if os.getppid() != parent_pid:
            os._exit(1)
        time.sleep(0.5)


def _ready_probe() -> dict[str, Any]:
    """Returns once every process of the pool runs one (so each has loaded its model)."""
    _barrier.wait(timeout=900)
    return {"worker": worker_mod.worker_name(), "peak_rss_bytes": worker_mod.peak_rss_bytes()}


class LocalPool:
    """``processes`` spawned worker processes, each with the model loaded once (by its initializer)."""

    def __init__(self, processes: int, *, extractor: str | None = None) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a process that has threads (progress bar)
        self.processes = processes
        self.extractor = extractor
        self.executor = ProcessPoolExecutor(
            processes,
            mp_context=context,
            initializer=_init_worker,
            initargs=(extractor, os.getpid(), context.Barrier(processes)),
        )

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def wait_ready(self) -> list[dict[str, Any]]:
        """Start every process and wait until each has loaded its model; what each reported."""
        futures = [self.executor.submit(_ready_probe) for _ in range(self.processes)]
        return [f.result() for f in futures]

    def run(
        self,
        batch: Batch,
        *,
        progress: Progress | None = None,
        on_error: Callable[[str], Any] | None = None,
    ) -> BatchReport:
        report = batch.new_report()
        t0 = time.perf_counter()
        options = batch.task_options(self.extractor)
        futures: dict[Future, Partition] = {}
        for p in batch.pending:
            futures[self.executor.submit(process_partition, p, str(batch.out_dir), **options)] = p
        waiting = set(futures)
        while waiting:
            done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
            for future in done:
                partition = futures[future]
                try:
                    result = future.result()
                except Exception as exc:  # a partition's failure (a bug, a full disk) must not stop the rest
                    if isinstance(exc, BrokenProcessPool):
                        message = f"a worker process died ({exc})"
                    else:
                        log.warning("partition %s failed: %s", partition.describe(), exc, exc_info=True)
                        message = f"{type(exc).__name__}: {exc}"
                    batch.record_failure(partition, message, report)
                    if progress is not None:
                        progress(1)
                    continue
                batch.record(result, report)
                _notify(result, progress, on_error)
        report.seconds = time.perf_counter() - t0
        return report


def report_dict(report: BatchReport) -> dict[str, Any]:
    out = asdict(report)
    out.pop("results")
    return out
