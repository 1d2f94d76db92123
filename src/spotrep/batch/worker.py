"""What a worker does: read one partition, extract its events, write its shard, report.

The same function runs in the coordinating process (one process), in the processes of a local pool and in
the workers of a Dask cluster. The model is loaded once per process (``warm_up``, from the pool's
initializer or the Dask worker plugin; ``spotrep.entities.get_nlp`` caches it for the life of the
process). Extraction is serialised within a process (a Dask worker may run tasks in several threads; spaCy
gains nothing from threads under the GIL and the pipeline is not meant to be shared between threads).

Documents are checked as ``spotrep ingest`` checks them: empty texts are skipped, unreadable records and
non-English texts are reported. A document whose extraction fails is reported and left out; the rest of the
partition goes on.
"""

from __future__ import annotations

import inspect
import logging
import os
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..documents import BatchError, Document, document_origin, ensure_not_empty, require_supported_language
from ..errors import EmptyInputError, InputError
from ..model import Event
from ..readers import Defaults
from ..store.extract import resolve_extractor
from .manifest import ShardFile
from .partitions import Partition, read_partition
from .shards import write_shard

log = logging.getLogger(__name__)

EXTRACT_CHUNK = 16
"""Documents given to the extractor at a time (the pipeline's own ``nlp.pipe`` batch size)."""

MAX_ERROR_MESSAGES = 50
"""Error messages kept per shard (all of them are counted)."""

_extract_lock = threading.Lock()
_ready_at: float | None = None


@dataclass
class ShardResult:
    """What processing one partition produced (sent back to the coordinator)."""

    shard_id: str
    documents: int = 0
    events: int = 0
    empty: int = 0
    errors: int = 0
    error_messages: list[str] = field(default_factory=list)
    files: dict[str, ShardFile] = field(default_factory=dict)
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    worker: str = ""
    peak_rss_bytes: int | None = None

    def error(self, message: str) -> None:
        self.errors += 1
        if len(self.error_messages) < MAX_ERROR_MESSAGES:
            self.error_messages.append(message)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def peak_rss_bytes() -> int | None:
    """The peak resident memory of this process so far (None where the platform does not tell). On Linux it is
    the memory map's high-water mark (VmHWM): getrusage's maxrss survives exec, so a worker spawned from a large
    parent would report the parent's size at the fork."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024  # kB
    except (OSError, ValueError, IndexError):
        pass  # not Linux: getrusage below
    try:
        import resource
    except ImportError:  # not on Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    import sys

    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB on Linux


def uses_pipeline(extractor: str | None) -> bool:
    return not (extractor or os.environ.get("SPOTREP_EXTRACTOR"))


def warm_up(extractor: str | None = None) -> None:
    """Load what extraction needs once in this process: the spaCy model, the gazetteer and the lexicons
    (by extracting from a short text). Nothing to load for a plugged-in extractor."""
    global _ready_at
    if uses_pipeline(extractor):
        from ..pipeline import extract

        with _extract_lock:
            extract("Russian forces shelled Kharkiv on Monday, killing two people.", published="2024-05-15")
    _ready_at = time.time()
    log.info("worker %s ready", worker_name())


def _extract_chunk(
    docs: list[Document],
    extract: Callable[..., Iterable[tuple[Document, list[Event]]]],
    result: ShardResult,
    timings: Counter | None,
) -> list[tuple[Document, list[Event]]]:
    """Extract a chunk; if it fails, again document by document, so that one bad document only loses
    itself."""
    kwargs = {"timings": timings} if timings is not None else {}
    try:
        return [(d, list(events)) for d, events in extract(docs, **kwargs)]
    except Exception as exc:  # isolate the failing document; the others go on
        if len(docs) == 1:
            log.debug("extraction failed for %s", docs[0].id, exc_info=True)
            result.error(f"{document_origin(docs[0])}: extraction failed: {exc}")
            return []
        log.warning("extraction of a chunk of %d failed (%s); retrying one by one", len(docs), exc)
    out: list[tuple[Document, list[Event]]] = []
    for doc in docs:
        out.extend(_extract_chunk([doc], extract, result, timings))
    return out


def _accepts_timings(fn: Callable[..., Any]) -> bool:
    try:
        return "timings" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def process_partition(
    partition: Partition,
    out_dir: str,
    *,
    defaults: Defaults | None = None,
    extractor: str | None = None,
) -> ShardResult:
    """Read a partition, extract its events and write its shard under ``out_dir``; the shard's record.

    ``extractor`` names another extraction function (``package.module:function``, as
    ``$SPOTREP_EXTRACTOR`` does); the pipeline's ``extract_documents`` by default.
    """
    t0, c0 = time.perf_counter(), time.process_time()
    result = ShardResult(shard_id=partition.id, worker=worker_name())
    extract = resolve_extractor(extractor)
    timings: Counter | None = Counter() if _accepts_timings(extract) else None
    results: list[tuple[Document, list[Event]]] = []
    chunk: list[Document] = []
    with _extract_lock:
        for item in read_partition(partition, defaults):
            if isinstance(item, BatchError):
                message = item.error.message
                if item.line and f":{item.line}" not in message:
                    message = f"{partition.source}:{item.line}: {message}"
                result.error(message)
                continue
            try:
                ensure_not_empty(item, name=document_origin(item))
                require_supported_language(item, name=document_origin(item))
            except EmptyInputError:
                result.empty += 1
                continue
            except InputError as exc:
                result.error(exc.message)
                continue
            chunk.append(item)
            if len(chunk) >= EXTRACT_CHUNK:
                results.extend(_extract_chunk(chunk, extract, result, timings))
                chunk = []
        if chunk:
            results.extend(_extract_chunk(chunk, extract, result, timings))
    t_write = time.perf_counter()
    result.files = write_shard(out_dir, partition.id, results)
    if timings is not None:
        timings["write_shard"] += time.perf_counter() - t_write
    result.documents = len(results)
    result.events = sum(len(ev) for _, ev in results)
    result.seconds = time.perf_counter() - t0
    result.cpu_seconds = time.process_time() - c0
    if timings is not None:
        result.stage_seconds = {k: round(v, 4) for k, v in timings.items()}
    result.peak_rss_bytes = peak_rss_bytes()
    return result
