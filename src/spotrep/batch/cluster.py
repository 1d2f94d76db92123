"""Running a batch on a Dask distributed cluster.

The coordinator (``spotrep batch --scheduler tcp://HOST:8786``) registers a worker plugin that loads the
model once in each worker process (and in workers that join later), submits one task per pending
partition, and records each shard in the manifest as its task finishes. The workers read their partitions
and write their shards themselves, so the inputs and the output directory must be on a file system every
worker sees (the same paths). Start workers with one thread each and as many processes as cores, e.g.
``dask worker tcp://HOST:8786 --nworkers 8 --nthreads 1``: extraction is CPU-bound Python, and threads of
one process would only queue behind each other. The workers' environment must have spotrep (the same
version) and its model: they unpickle the plugin and the tasks by importing spotrep.

The client is never the process's default client; everything goes through it explicitly.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import CancelledError
from typing import TYPE_CHECKING, Any

from ..errors import ClusterError, DaskNotInstalledError, InputError
from . import worker as worker_mod
from .worker import process_partition

if TYPE_CHECKING:
    from .core import Batch, BatchReport

try:
    from distributed import Client, Future, as_completed
    from distributed.comm.addressing import get_address_host_port
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as exc:  # the dask extra is not installed
    raise DaskNotInstalledError(
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


def check_address(scheduler: str) -> None:
    """InputError unless ``scheduler`` reads as a scheduler address (``tcp://host:8786``, ``host:8786``)."""
    try:
        _, port = get_address_host_port(scheduler)
    except (TypeError, ValueError) as exc:
        message = f"{scheduler!r} is not a Dask scheduler address such as tcp://HOST:8786 ({exc})"
        raise InputError(message, scheduler=scheduler) from None
    if not 0 < port < 65536:
        raise InputError(f"{scheduler!r}: no such port {port}", scheduler=scheduler)


def connect(scheduler: str, *, timeout: str | float | None = None) -> Client:
    """A client of the scheduler at ``scheduler`` (``tcp://host:8786``); ClusterError when unreachable.

    The client is not made the process's default client: everything here goes through it explicitly.
    ``timeout`` is how long to keep trying to connect (default: Dask's ``distributed.comm.timeouts.connect``,
    30 s unless configured, e.g. by ``DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=5s``).
    """
    check_address(scheduler)
    options = {} if timeout is None else {"timeout": timeout}
    try:
        return Client(scheduler, set_as_default=False, **options)
    except (OSError, TimeoutError) as exc:
        message = f"cannot reach the Dask scheduler at {scheduler} ({exc})"
        raise ClusterError(message, scheduler=scheduler) from None


def register_plugin(client: Client, extractor: str | None) -> None:
    """Load the model in every worker now (this returns when each has) and in each worker that joins later.

    ClusterError when a worker cannot: it cannot import spotrep (it unpickles the plugin, hence imports this
    module), or the model is not installed there; or when the scheduler goes away meanwhile.
    """
    address = client.scheduler.address
    try:
        client.register_plugin(ModelPlugin(extractor), name=PLUGIN_NAME)
    except OSError as exc:  # CommClosedError, a timeout
        raise ClusterError(f"lost the Dask scheduler at {address} ({exc})", scheduler=address) from exc
    except Exception as exc:  # a worker's failure comes back through the scheduler as a plain Exception
        message = (
            f"the Dask workers cannot get ready to extract ({exc}); spotrep, the same version, and its model "
            "must be installed where the workers run"
        )
        raise ClusterError(message, scheduler=address) from exc


def _failure(future: Future) -> str:
    """Why a task did not finish: its exception, or why it was cancelled (a lost scheduler, say)."""
    if future.status == "error":
        exc = future.exception()
        return f"{type(exc).__name__}: {exc}"
    try:
        future.result()  # raises why it was cancelled
    except CancelledError as exc:
        return f"cancelled on the cluster ({getattr(exc, 'reason', None) or exc})"
    return f"task {future.status} on the cluster"


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
        if not client.scheduler_info().get("workers"):
            log.warning(
                "no worker is connected to %s yet: the partitions wait for one", client.scheduler.address
            )
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
        # the loop of this client: as_completed would otherwise look for a default client, and there is none
        for future in as_completed(list(futures), loop=client.loop):
            partition = futures.pop(future)
            if future.status != "finished":
                message = _failure(future)
                log.warning("partition %s failed on the cluster: %s", partition.describe(), message)
                batch.record_failure(partition, message, report)
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
