"""Golden files: whole documents in, the whole extraction out, pinned.

- The bundled example article (examples/kharkiv_report.txt, written for this project) is pinned record by
  record in tests/golden/kharkiv_report.events.jsonl.
- The seed article of the shared evaluation kit is pinned by a digest of its whole output (the kit's data and
  anything derived from it stay out of the project); on a mismatch the test prints the new output.

After an intended change: SPOTREP_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py, and review the diff.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
from pathlib import Path

import pytest

import spotrep

from .conftest import REPO, requires_model

pytestmark = requires_model

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("SPOTREP_UPDATE_GOLDEN") == "1"


def _lines(events) -> list[str]:
    return [json.dumps(e.to_json_dict(), ensure_ascii=False, sort_keys=True) for e in events]


def test_example_article_output_matches_its_golden_file():
    text = (REPO / "examples" / "kharkiv_report.txt").read_text(encoding="utf-8")
    got = _lines(spotrep.extract(text, published="2024-05-15", source="spotrep example"))
    path = GOLDEN / "kharkiv_report.events.jsonl"
    if UPDATE:
        path.write_text("\n".join(got) + "\n", encoding="utf-8")
    want = path.read_text(encoding="utf-8").splitlines()
    if got != want:
        diff = "\n".join(difflib.unified_diff(want, got, "golden", "now", lineterm="", n=0))
        pytest.fail(f"the example's events changed:\n{diff}")


def test_seed_output_matches_its_pinned_digest(shared_dir):
    docs = [
        json.loads(line)
        for line in (shared_dir / "eval" / "seed" / "docs.jsonl").read_text().splitlines()
        if line.strip()
    ]
    events = []
    for d in docs:
        events += spotrep.extract(
            d["text"], published=d.get("published"), source=d.get("source"), document_id=d["id"]
        )
    got = _lines(events)
    digest = hashlib.sha256("\n".join(got).encode("utf-8")).hexdigest()
    path = GOLDEN / "seed.sha256"
    if UPDATE:
        path.write_text(digest + "\n")
    if digest != path.read_text().strip():
        shown = "\n".join(got)
        pytest.fail(f"the seed's extraction changed (digest {digest}); the output now:\n{shown}")
