#!/usr/bin/env python3
"""The parallel check: the same reports in Ukrainian, Russian and English, each read by the real pipeline.

Issue 15 asks that where the English version of a report yields events, the Ukrainian one yields the same
sub-event type for >= 0.7 of them and a place within 25 km of the English one for >= 0.7. This reads the
parallel articles of the shared evaluation kit (``eval/multilingual/odesa_uk_ru_en.jsonl``: ids ending in
``-uk``/``-ru``/``-en``, one ``parallel_id`` per article), extracts every version (language detected, as for
any document), and prints, per pair (uk vs en, ru vs en):

* ``type``: the share of English events whose sub-event type is among the other version's events;
* ``place``: the share of located English events with an event of the other version within 25 km
  (``located`` English events only: an English event without coordinates has no place to compare).

    python3 tools/parallel_check.py --shared ../shared          # a table
    python3 tools/parallel_check.py --json                      # the figures as JSON
    python3 tools/parallel_check.py --misses                    # and each English event the other one missed

The kit (../shared, or $SPOTREP_SHARED) is read at run time only; nothing of it enters the project. Run with
the project importable (``PYTHONPATH=src`` or an installed spotrep).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATASET = Path("eval") / "multilingual" / "odesa_uk_ru_en.jsonl"
RADIUS_KM = 25.0
PAIRS = (("uk", "en"), ("ru", "en"))


def load_articles(path: Path) -> dict[str, dict[str, dict]]:
    """parallel id -> language -> the article's row."""
    out: dict[str, dict[str, dict]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            key = row.get("parallel_id") or row["id"].rsplit("-", 1)[0]
            out[key][row["id"].rsplit("-", 1)[1]] = row
    return dict(out)


def extract_all(articles: dict[str, dict[str, dict]]) -> dict[str, dict[str, list]]:
    """parallel id -> language -> the events the pipeline reads in that version (language detected)."""
    from spotrep.documents import Document
    from spotrep.pipeline import extract_documents

    docs = [
        Document(
            id=row["id"],
            text=row["text"],
            published=row.get("published"),
            title=row.get("title"),
            url=row.get("url"),
        )
        for versions in articles.values()
        for row in versions.values()
    ]
    by_id = {doc.id: events for doc, events in extract_documents(docs)}
    return {
        key: {lang: by_id[row["id"]] for lang, row in versions.items()} for key, versions in articles.items()
    }


def _located(ev) -> bool:
    return ev.location.latitude is not None and ev.location.longitude is not None


def compare(events: dict[str, dict[str, list]], other: str, base: str = "en") -> dict:
    """The figures of one pair, and the English events the other version missed."""
    from spotrep.store.dedup import distance_km

    n = same_type = located = near = 0
    misses: list[dict] = []
    for key, versions in sorted(events.items()):
        english, theirs = versions.get(base, []), versions.get(other)
        if not english or theirs is None:
            continue  # the condition: where the English yields events
        types = {e.sub_event_type for e in theirs}
        places = [(e.location.latitude, e.location.longitude) for e in theirs if _located(e)]
        for ev in english:
            n += 1
            type_ok = ev.sub_event_type in types
            same_type += type_ok
            place_ok = None
            if _located(ev):
                located += 1
                lat, lon = ev.location.latitude, ev.location.longitude
                place_ok = any(distance_km(lat, lon, a, b) <= RADIUS_KM for a, b in places)
                near += place_ok
            if not type_ok or place_ok is False:
                misses.append(
                    {
                        "article": key,
                        "english": f"{ev.sub_event_type} @ {ev.location.name}",
                        "missed": [x for x, ok in (("type", type_ok), ("place", place_ok)) if ok is False],
                        "theirs": sorted({f"{e.sub_event_type} @ {e.location.name}" for e in theirs}),
                    }
                )
    return {
        "pair": f"{other} vs {base}",
        "english_events": n,
        "type": round(same_type / n, 3) if n else None,
        "located_english_events": located,
        "place": round(near / located, 3) if located else None,
        "misses": misses,
    }


def run(shared: Path) -> list[dict]:
    articles = load_articles(shared / DATASET)
    events = extract_all(articles)
    return [compare(events, other, base) for other, base in PAIRS]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.environ.get("SPOTREP_SHARED", str(REPO.parent / "shared")))
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--misses", action="store_true", help="list the English events the other version missed")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / DATASET).exists():
        print(
            f"parallel_check: no {DATASET} under {shared} (set --shared or SPOTREP_SHARED)", file=sys.stderr
        )
        return 2
    results = run(shared)
    if args.json:
        print(json.dumps(results if args.misses else [_figures(r) for r in results], ensure_ascii=False))
        return 0
    for r in results:
        print(
            f"{r['pair']}: same sub-event type {r['type']} of {r['english_events']} English events;"
            f" a place within {RADIUS_KM:g} km {r['place']} of {r['located_english_events']} located ones"
        )
        if args.misses:
            for m in r["misses"]:
                print(
                    f"  {m['article']}: {m['english']} missed {'/'.join(m['missed'])}; theirs {m['theirs']}"
                )
    return 0


def _figures(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "misses"}


if __name__ == "__main__":
    sys.exit(main())
