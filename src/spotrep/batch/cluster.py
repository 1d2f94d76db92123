"""Running a batch on a Dask distributed cluster.

The coordinator (``spotrep batch --scheduler tcp://HOST:8786``) registers a worker plugin that loads the
model once in each worker process (and in workers that join later), submits one task per pending
partition, and records each shard in the manifest as its task finishes. The workers read their partitions
and write their shards themselves, so the inputs and the output directory must be on a file system every
worker sees (the same paths). Start workers with one thread each and as many processes as cores, e.g.
``dask worker tcp://HOST:8786 --nworkers 8 --nthreads 1``: extraction is CPU-bound Python, and threads of
one process would only queue behind each other.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import ClusterError
from . import worker as worker_mod
from .worker import process_partition

if TYPE_CHECKING:
    from .core import Batch, BatchReport

try:
    from distributed import Client, as_completed
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as exc:  # the dask extra is not installed
    raise ClusterError(
        "running on a Dask cluster needs the dask extra: pip install 'spotrep[dask]'", reason=str(exc)
    ) from None

log = logging.getLogger(__name__)

PLUGIN_NAME = "spotrep-model"


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model (and gazetteer, lexicons) once in each worker, when the worker starts."""

    name = PLUGIN_NAME

    def __init__(self, extractor: str | None = None) -> None:
        self.extractor = extractor

    def setup(self, worker: Any) -> None:
        worker_mod.warm_up(self.extractor)


def connect(scheduler: str, *, timeout: str = "30s") -> Client:
    """A client of the scheduler at ``scheduler`` (``tcp://host:8786``); ClusterError when unreachable."""
    try:
        return Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        message = f"cannot reach the Dask scheduler at {scheduler} ({exc})"
        raise ClusterError(message, scheduler=scheduler) from None


def register_plugin(client: Client, extractor: str | None) -> None:
    plugin = ModelPlugin(extractor)
    if hasattr(client, "register_plugin"):
        client.register_plugin(plugin, name=PLUGIN_NAME)
    else:  # distributed < 2023.9.2
        client.register_worker_plugin(plugin, name=PLUGIN_NAME)


def run_dask(
    batch: Batch,
    scheduler: str | Client,
    *,
    extractor: str | None = None,
    progress: Callable[[int], Any] | None = None,
    on_error: Callable[[str], Any] | None = None,
) -> BatchReport:
    """Do the pending partitions of ``batch`` on the cluster of ``scheduler`` (an address or a Client)."""
    from .core import _notify

    own = not isinstance(scheduler, Client)
    client = connect(scheduler) if own else scheduler
    try:
        register_plugin(client, extractor)
        report = batch.new_report()
        t0 = time.perf_counter()
        options = batch.task_options(extractor)
        out = str(batch.out_dir)
        futures = {}
        for p in batch.pending:
            key = f"spotrep-shard-{p.id}-{time.time_ns()}"
            future = client.submit(process_partition, p, out, **options, key=key)
            futures[future] = p
        for future in as_completed(list(futures)):
            partition = futures.pop(future)
            if future.status != "finished":
                exc = future.exception()
                log.warning("partition %s failed on the cluster: %s", partition.describe(), exc)
                batch.record_failure(partition, f"{type(exc).__name__}: {exc}", report)
                if progress is not None:
                    progress(1)
                continue
            result = future.result()
            batch.record(result, report)
            _notify(result, progress, on_error)
            future.release()
        report.seconds = time.perf_counter() - t0
        return report
    finally:
        if own:
            client.close()
