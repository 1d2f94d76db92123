#!/usr/bin/env python3
"""Score extraction on ACLED-style notes from the conflicts of the world outside Russia-Ukraine (issue 16).

Each line of a set (tests/data/world_notes_study.jsonl, tests/data/world_notes_measure.jsonl) is one note written
for this project in the style of ACLED's ``notes`` field, real places, invented incidents:
``{"id", "text", "date", "sub_event_type", "place", "admin1_code", "latitude", "longitude", "fatalities",
"actor1_country"?}``. The place's point is GeoNames' (cities500), so a place is judged by distance even where the
gazetteer has no ISO region for the country. The sets were split 40/40 by the MD5 of the ids before any run:
read the study set's failures, only ever the measure set's figures.

A note is extracted the way ACLED's rows are scored: published on its event date (or on its "published" day when
it gives one: wire copy), every predicted event counts.

- any: the note yields an event at all;
- type: the first event's ``sub_event_type`` is the note's (type_any: some event's);
- place: some event lies within 25 km of the note's place;
- admin1: some event's ``admin1_code`` is the note's region;
- date: some event's ``event_date`` is within a day of the note's date;
- full: one event has the note's type, place and date (as above);
- fatalities: the matching event's (else the first's) ``fatalities`` is the note's (none: null or 0);
- actor1: of the notes that give actor1's country, the share whose matching (else first) event's actor1 has it.

    PYTHONPATH=src python tools/world_notes.py tests/data/world_notes_study.jsonl [--failures]
"""

from __future__ import annotations

import logging
import math
import sys
from datetime import date
from pathlib import Path
from typing import Any

# the tools' shared scoring, whether this file runs as a script or is loaded by its path (tests)
sys.path.insert(0, str(Path(__file__).resolve().parent))
from setscoring import Outcome, Scores, load, run_sets, tally

log = logging.getLogger(__name__)

RADIUS_KM = 25.0
MEASURES = ("any", "type", "type_any", "place", "admin1", "date", "full", "fatalities", "actor1")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _summary(ev: Any, note: dict[str, Any]) -> dict[str, Any]:
    loc = ev.location
    d = None
    if loc is not None and loc.latitude is not None and loc.longitude is not None:
        d = round(km(note["latitude"], note["longitude"], loc.latitude, loc.longitude))
    return {
        "type": ev.sub_event_type,
        "place": loc.name if loc is not None else None,
        "admin1": loc.admin1_code if loc is not None else None,
        "km": d,
        "date": ev.event_date.isoformat() if ev.event_date else None,
        "fat": ev.fatalities,
        "a1": ev.actor1.country if ev.actor1 is not None else None,
    }


def judge(note: dict[str, Any], events: list[Any]) -> Outcome:
    """The checks of one note against the events extracted from it."""
    found = [_summary(e, note) for e in events]
    when = date.fromisoformat(note["date"])

    def near(f: dict[str, Any]) -> bool:
        return f["km"] is not None and f["km"] <= RADIUS_KM

    def same_day(f: dict[str, Any]) -> bool:
        return f["date"] is not None and abs((date.fromisoformat(f["date"]) - when).days) <= 1

    full = [f for f in found if f["type"] == note["sub_event_type"] and near(f) and same_day(f)]
    pick = full[0] if full else (found[0] if found else None)
    a1 = note.get("actor1_country")
    checks: dict[str, bool | None] = {
        "any": bool(found),
        "type": bool(found) and found[0]["type"] == note["sub_event_type"],
        "type_any": any(f["type"] == note["sub_event_type"] for f in found),
        "place": any(near(f) for f in found),
        "admin1": any(f["admin1"] == note["admin1_code"] for f in found),
        "date": any(same_day(f) for f in found),
        "full": bool(full),
        "fatalities": pick is not None and (pick["fat"] or 0) == (note["fatalities"] or 0),
        "actor1": (pick is not None and pick["a1"] == a1) if a1 else None,
    }
    expected = {
        k: note.get(k)
        for k in ("sub_event_type", "place", "admin1_code", "date", "fatalities", "actor1_country")
    }
    return Outcome(note["id"], checks, found, expected)


def score(path: Path) -> Scores:
    """Extract every note of the set at ``path``, published on its event date, and score it."""
    import spotrep

    scores = Scores()
    for note in load(path):
        # (a report may give its publication day apart from the event's: wire copy that says "on Tuesday")
        published = note.get("published", note["date"])
        events = spotrep.extract(note["text"], published=published, document_id=note["id"])
        scores.outcomes.append(judge(note, events))
    return tally(scores, MEASURES)


def report(scores: Scores, failures: bool) -> str:
    """The figures, and with ``failures`` each note that failed a check."""
    lines = [f"{m:11} {scores.figures[m]:.3f}  ({r}/{n})" for m, (r, n) in scores.counts.items()]
    if failures:
        for o in scores.outcomes:
            failed = [m for m, c in o.checks.items() if c is False]
            if failed:
                lines.append(f"{o.id}: {','.join(failed)}\n  expected {o.expected}")
                lines.extend(f"  found {f}" for f in o.found)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return run_sets(argv, __doc__, score, report, "notes")


if __name__ == "__main__":
    sys.exit(main())
