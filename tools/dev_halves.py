#!/usr/bin/env python3
"""Score the public dev sets in two halves: one to study, one only to measure.

Rules tuned to the public dev sets lose points on held-out text, so every dev set is split by a hash of its row
ids into half A (read its failures, write rules for the genre) and half B (only measured: never read its
failures). A gain that shows on A but not on B is a rule keyed to examples.

    python3 tools/dev_halves.py                      # extract with .venv/bin/spotrep, print A and B figures
    python3 tools/dev_halves.py --out /tmp/run1      # keep the documents, predictions and halves there
    python3 tools/dev_halves.py --pred /tmp/run1/pred.jsonl   # score predictions already made

The shared evaluation kit (../shared, or $SPOTREP_SHARED) is read at development time only; nothing of it
enters the project. Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def half(key: str) -> str:
    """'A' (study) or 'B' (measure) for a row id: the first byte of its MD5 digest, even or odd."""
    return "A" if hashlib.md5(key.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def split_csv(src: Path, out: Path, key: str) -> dict[str, Path]:
    with src.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows, fields = list(reader), reader.fieldnames or []
    paths = {}
    for h in "AB":
        path = out / f"{src.stem}_{h}{src.suffix}"
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=fields)
            w.writeheader()
            w.writerows(r for r in rows if half(r[key]) == h)
        paths[h] = path
    return paths


def split_tsv(src: Path, out: Path) -> dict[str, Path]:
    lines = src.read_text(encoding="utf-8").splitlines()
    paths = {}
    for h in "AB":
        path = out / f"{src.stem}_{h}.tsv"
        body = [line for line in lines[1:] if line and half(line.split("\t")[0]) == h]
        path.write_text("\n".join([lines[0], *body]) + "\n", encoding="utf-8")
        paths[h] = path
    return paths


def split_jsonl(src: Path, out: Path) -> dict[str, Path]:
    lines = [line for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    paths = {}
    for h in "AB":
        path = out / f"{src.stem}_{h}.jsonl"
        body = [line for line in lines if half(json.loads(line)["id"]) == h]
        path.write_text("\n".join(body) + "\n", encoding="utf-8")
        paths[h] = path
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.environ.get("SPOTREP_SHARED", str(REPO.parent / "shared")))
    ap.add_argument(
        "--out", help="directory for documents, predictions and halves (default: a temporary one)"
    )
    ap.add_argument("--pred", help="score these predictions instead of extracting")
    ap.add_argument("--bin", default=str(REPO / ".venv" / "bin" / "spotrep"))
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "tools" / "score.py").exists():
        print(f"dev_halves: no evaluation kit at {shared} (set --shared or SPOTREP_SHARED)", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="spotrep-halves-"))
    out.mkdir(parents=True, exist_ok=True)
    ev = shared / "eval"
    score = [sys.executable, str(shared / "tools" / "score.py")]
    sets = {
        "case": split_tsv(ev / "case2021" / "dev.tsv", out),
        "ukraine": split_csv(ev / "acled" / "ukraine_2022_dev.csv", out, "event_id_cnty"),
        "myanmar": split_csv(ev / "acled" / "myanmar_2021_dev.csv", out, "event_id_cnty"),
        "uk": split_jsonl(ev / "multilingual" / "uk_reports_dev.jsonl", out),
        "ru": split_jsonl(ev / "multilingual" / "ru_reports_dev.jsonl", out),
    }
    kinds = {"case": "case", "ukraine": "acled", "myanmar": "acled", "uk": "reports", "ru": "reports"}
    pred = Path(args.pred) if args.pred else out / "pred.jsonl"
    if not args.pred:
        docs = out / "docs.jsonl"
        with docs.open("w", encoding="utf-8") as f:
            f.write((ev / "seed" / "docs.jsonl").read_text(encoding="utf-8"))
            for name, halves in sets.items():
                flag = f"--{kinds[name]}"
                for path in halves.values():
                    f.write(
                        subprocess.run(
                            [*score, "docs", flag, str(path)], check=True, capture_output=True, text=True
                        ).stdout
                    )
        with pred.open("w", encoding="utf-8") as f:
            subprocess.run(
                [args.bin, "extract", "--input", str(docs), "--format", "jsonl"], stdout=f, check=False
            )
    seed = subprocess.run(
        [*score, "events", "--gold", str(ev / "seed" / "gold.jsonl"), "--pred", str(pred), "--json"],
        capture_output=True,
        text=True,
    )
    try:
        print("seed f1", json.loads(seed.stdout).get("f1"))
    except json.JSONDecodeError:
        print(seed.stdout.strip())
    for name, halves in sets.items():
        for h, path in halves.items():
            kind = kinds[name]
            res = json.loads(
                subprocess.run(
                    [*score, kind, "--gold", str(path), "--pred", str(pred), "--json"],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            res.pop("per_class_f1", None)
            print(f"{name:8} {h} ({'study' if h == 'A' else 'measure'}) {json.dumps(res)}")
    print(f"(halves and predictions in {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
