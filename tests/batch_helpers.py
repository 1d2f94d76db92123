"""What the batch tests share: a generated JSON-lines corpus and a finished batch's events, shard by shard."""

from __future__ import annotations

import json
from pathlib import Path

from spotrep.batch import Manifest, read_shard
from spotrep.synthetic import generate_documents


def write_jsonl_corpus(path: Path, n: int, *, seed: int = 11) -> Path:
    """``n`` generated reports of 2-4 sentences as JSON lines at ``path``."""
    with path.open("w", encoding="utf-8") as fh:
        for doc in generate_documents(n, seed=seed, sentences=(2, 4)):
            fh.write(
                json.dumps({"id": doc.id, "text": doc.text, "published": doc.published.isoformat()}) + "\n"
            )
    return path


def batch_records(out: Path) -> list[tuple[str, list[dict]]]:
    """Every document's events in a finished batch's shards (asserting every shard is done)."""
    manifest = Manifest.read(out)
    assert manifest is not None and all(e.status == "done" for e in manifest.shards)
    return [
        (doc.id, [e.to_json_dict() for e in events])
        for entry in manifest.shards
        for doc, events in read_shard(out, entry.files)
    ]
