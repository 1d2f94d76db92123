"""Shard files: the events of one partition (the typed Parquet schema of ``spotrep.exports``) and its
documents (so that ``spotrep load`` can put both into the store).

A shard is two Parquet files under ``DIR/shards/``: ``<id>.events.parquet`` (one row per event, documents
in input order, each document's events in the pipeline's order; ``number`` is the event's position in the
shard) and ``<id>.documents.parquet`` (one row per document: id, content hash, text, publication date,
source, URL, title and ``n_events``, the number of its rows in the events file). Each file is written to a
temporary name, fsynced and renamed, so a reader never sees half a shard.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..documents import Document, content_id
from ..errors import ShardError
from ..exports import ExportItem, read_parquet_events, write_parquet
from ..model import Event
from .manifest import ShardFile, fsync_dir, sha256_file

SHARD_DIR = "shards"


def documents_schema():
    import pyarrow as pa

    return pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            pa.field("content_hash", pa.string(), nullable=False),
            pa.field("published", pa.date32()),
            pa.field("source", pa.string()),
            pa.field("url", pa.string()),
            pa.field("title", pa.string()),
            pa.field("n_events", pa.int32(), nullable=False),
            pa.field("text", pa.large_string(), nullable=False),
        ]
    )


def shard_names(shard_id: str) -> dict[str, str]:
    """The files of a shard, relative to the output directory."""
    return {
        "events": f"{SHARD_DIR}/{shard_id}.events.parquet",
        "documents": f"{SHARD_DIR}/{shard_id}.documents.parquet",
    }


def _atomic_parquet(root: Path, name: str, write) -> ShardFile:
    target = root / name
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return ShardFile(name=name, sha256=sha256_file(target), bytes=target.stat().st_size)


def write_shard(
    out_dir: str | os.PathLike[str], shard_id: str, results: Sequence[tuple[Document, Sequence[Event]]]
) -> dict[str, ShardFile]:
    """Write the shard of one partition atomically; returns its files with their checksums."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(out_dir)
    (root / SHARD_DIR).mkdir(parents=True, exist_ok=True)
    names = shard_names(shard_id)
    items: list[ExportItem] = []
    rows: list[dict[str, Any]] = []
    for doc, events in results:
        for ev in events:
            items.append(ExportItem(ev, number=len(items) + 1))
        rows.append(
            {
                "id": doc.id,
                "content_hash": content_id(doc.text),
                "published": doc.published,
                "source": doc.source,
                "url": doc.url,
                "title": doc.title,
                "n_events": len(events),
                "text": doc.text,
            }
        )
    schema = documents_schema()

    def write_documents(fh) -> None:
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), fh, compression="zstd")

    files = {
        "events": _atomic_parquet(root, names["events"], lambda fh: write_parquet(items, fh)),
        "documents": _atomic_parquet(root, names["documents"], write_documents),
    }
    fsync_dir(root / SHARD_DIR)
    return files


def read_shard(
    out_dir: str | os.PathLike[str], files: dict[str, ShardFile]
) -> Iterator[tuple[Document, list[Event]]]:
    """The documents of a shard with their events, in order."""
    import pyarrow.parquet as pq

    root = Path(out_dir)
    try:
        events = read_parquet_events(str(root / files["events"].name))
        docs = pq.read_table(str(root / files["documents"].name)).to_pylist()
    except (OSError, ValueError, KeyError) as exc:
        raise ShardError(f"{root}: unreadable shard ({exc})", directory=str(root)) from None
    if sum(d["n_events"] for d in docs) != len(events):
        raise ShardError(f"{files['events'].name}: the events do not match the documents file")
    at = 0
    for row in docs:
        mine = events[at : at + row["n_events"]]
        at += row["n_events"]
        if any(e.document_id != row["id"] for e in mine):
            raise ShardError(f"{files['events'].name}: events out of order for document {row['id']}")
        doc = Document(
            id=row["id"],
            text=row["text"],
            published=row["published"],
            source=row["source"],
            url=row["url"],
            title=row["title"],
        )
        yield doc, mine
