"""Extraction workers: take documents from the store's queue (``spotrep.store.queue``), extract their events,
store them.

* ``run_worker(store)`` is one worker's loop (``spotrep work`` runs it; tests run it in a thread);
* ``WorkerPool`` runs N workers in their own processes (``spotrep serve --extract-workers N`` starts one),
  so extraction never runs in the API's process and reads stay fast while documents are posted.

A worker that is stopped gives its job back to the queue; one that dies holds it until its lease runs out,
then another takes it (see ``spotrep.store.queue``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import SpotrepError
from .extract import Extractor, resolve_extractor

if TYPE_CHECKING:
    from .core import Store
    from .queue import Job

log = logging.getLogger(__name__)

IDLE_POLL_SECONDS = 0.25
NICENESS = 10  # worker processes yield the CPU to the API's: reads stay fast while documents are extracted


class StopFlag(Protocol):
    def is_set(self) -> bool: ...
    def wait(self, timeout: float | None = None) -> bool: ...


@dataclass
class WorkerReport:
    done: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def worker_name(index: int | None = None) -> str:
    """A name unique to this process (and worker index): host, pid."""
    base = f"{socket.gethostname()}:{os.getpid()}"
    return base if index is None else f"{base}:{index}"


def run_worker(
    store: Store,
    *,
    extractor: Extractor | None = None,
    name: str | None = None,
    stop: StopFlag | None = None,
    once: bool = False,
    max_jobs: int | None = None,
    poll: float = IDLE_POLL_SECONDS,
    on_job: Callable[[Job], Any] | None = None,
) -> WorkerReport:
    """Take jobs from ``store``'s queue and do them until ``stop`` is set (or, with ``once``, until the queue
    is empty; or after ``max_jobs``). A job whose extraction or storing raises is marked failed with the
    error (and logged); the worker goes on with the next."""
    name = name or worker_name()
    extract = extractor or resolve_extractor()
    stop = stop or threading.Event()
    report = WorkerReport()
    queue = store.jobs
    while not stop.is_set():
        if max_jobs is not None and report.done + report.failed >= max_jobs:
            break
        job = queue.claim(name) if queue.claimable() else None
        if job is None:
            if once:
                break
            stop.wait(poll)
            continue
        assert job.document is not None
        started = time.perf_counter()
        try:
            events = [ev for _doc, evs in extract([job.document]) for ev in evs]
            queue.finish(job, events)
        except SpotrepError as exc:
            _failed(queue, job, exc.message, report)
        except Exception as exc:  # an extractor's bug must not stop the worker: the job records it
            log.exception("job %s: extraction raised", job.document_id)
            _failed(queue, job, f"{type(exc).__name__}: {exc}", report)
        else:
            report.done += 1
            log.info(
                "extracted %s: %d events (%.1f s)",
                job.document_id,
                len(events),
                time.perf_counter() - started,
            )
        if on_job is not None:
            on_job(job)
    return report


def _failed(queue: Any, job: Job, message: str, report: WorkerReport) -> None:
    log.warning("job %s failed: %s", job.document_id, message)
    report.failed += 1
    report.errors.append(f"{job.document_id}: {message}")
    queue.fail(job, message)


def _process_main(url: str, extractor: Extractor | None, name: str, stop: Any, log_level: int) -> None:
    """A worker process: its own store connection, the pipeline loaded once."""
    from .core import Store

    logging.basicConfig(level=log_level, format=f"%(asctime)s {name} %(levelname)s %(name)s: %(message)s")
    if hasattr(os, "nice"):
        os.nice(NICENESS)
    try:
        with Store.open(url) as store:
            run_worker(store, extractor=extractor, name=name, stop=stop)
    except KeyboardInterrupt:
        pass


class WorkerPool:
    """``n`` extraction workers in their own processes (spawned: nothing is shared with the caller but the
    store's URL). ``stop()`` asks them to stop after their job, waits ``grace`` seconds, ends the ones still
    running and puts their jobs back in the queue."""

    def __init__(
        self,
        store: Store,
        n: int,
        *,
        extractor: Extractor | None = None,
        log_level: int = logging.WARNING,
    ) -> None:
        self.store = store
        self.n = n
        self.extractor = extractor
        self.log_level = log_level
        self._context = multiprocessing.get_context("spawn")
        self._stop = self._context.Event()
        self._processes: list[Any] = []
        self.names = [f"{worker_name()}:extract-{i}" for i in range(n)]

    def start(self) -> WorkerPool:
        for name in self.names:
            process = self._context.Process(
                target=_process_main,
                args=(self.store.url, self.extractor, name, self._stop, self.log_level),
                name=name,
                daemon=True,
            )
            process.start()
            self._processes.append(process)
        log.info("started %d extraction workers", self.n)
        return self

    def alive(self) -> int:
        return sum(1 for p in self._processes if p.is_alive())

    def stop(self, grace: float = 5.0) -> None:
        self._stop.set()
        deadline = time.monotonic() + grace
        for process in self._processes:
            process.join(max(0.0, deadline - time.monotonic()))
        for process in self._processes:
            if process.is_alive():
                process.terminate()
                process.join(5)
        released = self.store.jobs.release(self.names)
        if released:
            log.info("put %d unfinished jobs back in the queue", released)
        self._processes = []

    def __enter__(self) -> WorkerPool:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
