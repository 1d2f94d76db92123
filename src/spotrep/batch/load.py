"""``spotrep load DIR``: put the shards of a batch output directory into the event store.

The store's own ingest does the work (its batching, its deduplication of events reported by several
documents), with the shard's events in place of extraction, so loading the shards of a batch gives the
store exactly what ``spotrep ingest`` of the same documents gives it. Documents whose content is already
stored are skipped: loading the same shards twice adds nothing. Only the shards the manifest marks done
are loaded, after their files are checked against the manifest's checksums.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ShardError
from ..store.models import DEFAULT_BATCH_SIZE, IngestReport
from .manifest import Manifest
from .shards import read_shard

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger(__name__)


@dataclass
class LoadReport:
    shards: int = 0  # in the manifest
    loaded: int = 0
    not_done: int = 0  # pending or failed shards (run `spotrep batch` again to finish them)
    bad: list[str] = field(default_factory=list)  # done shards whose files do not match the manifest
    ingest: IngestReport = field(default_factory=IngestReport)


def load_shards(
    out_dir: str | os.PathLike[str],
    store: Store,
    *,
    batch_size: int | None = None,
    progress: Callable[[int], Any] | None = None,
    on_error: Callable[[str], Any] | None = None,
) -> LoadReport:
    """Load the done shards of ``out_dir`` into ``store`` (idempotent); ``progress(n)`` counts documents."""
    root = Path(out_dir)
    manifest = Manifest.read(root)
    if manifest is None:
        raise ShardError(
            f"{out_dir}: no manifest.json here; is it the --out directory of `spotrep batch`?",
            directory=str(out_dir),
        )
    report = LoadReport(shards=len(manifest.shards))
    for entry in manifest.shards:
        if entry.status != "done":
            report.not_done += 1
            continue
        if not manifest.is_done(entry, verify=True):
            message = f"shard {entry.id}: its files are missing or do not match the manifest; not loaded"
            report.bad.append(message)
            if on_error is not None:
                on_error(message)
            continue
        pairs = list(read_shard(root, entry.files))
        events_of = {id(doc): events for doc, events in pairs}

        def shard_events(docs, events_of=events_of):
            for doc in docs:
                yield doc, events_of[id(doc)]

        part = store.ingest(
            [doc for doc, _ in pairs],
            extractor=shard_events,
            batch_size=batch_size or DEFAULT_BATCH_SIZE,
            progress=progress,
            on_error=on_error,
        )
        report.ingest.merge_from(part)
        report.loaded += 1
    return report
