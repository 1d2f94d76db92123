#!/usr/bin/env python3
"""Score extraction on military press releases given without a publication date.

Each line of a set (tests/data/press_releases_study.jsonl, tests/data/press_releases_measure.jsonl) is one release
written for this project: ``{"id", "text", "date", "admin1_code", "killed", "detained", "main_arrests"}``. The
release is extracted with no publication date (its dateline has to date it) and its first event (the most salient
one) is compared with what the release says:

- date: the first event's ``event_date`` is the day the release gives for its incident;
- province: the first event's ``admin1_code`` (ISO 3166-2) is the incident's province;
- killed: the first event's ``fatalities`` is the release's count of the dead (none: null or 0);
- arrests: of the releases whose main incident is a detention, the share whose first event is coded
  Strategic developments / Arrests.

Two more figures help reading failures: ``any_arrests`` (of the releases that report detentions at all, the share
with an Arrests event among their events) and ``false_arrests`` (of the other releases, the share whose first event
is wrongly coded Arrests).

    PYTHONPATH=src python tools/press_releases.py tests/data/press_releases_study.jsonl [--failures]
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

# the tools' shared scoring, whether this file runs as a script or is loaded by its path (tests)
sys.path.insert(0, str(Path(__file__).resolve().parent))
from setscoring import Outcome, Scores, load, run_sets, tally

log = logging.getLogger(__name__)

MEASURES = ("date", "province", "killed", "arrests")


def judge(release: dict[str, Any], events: list[Any]) -> Outcome:
    """The checks of one release against the events extracted from it."""
    first = events[0] if events else None
    location = first.location if first is not None else None
    found = {
        "date": first.event_date.isoformat() if first is not None and first.event_date else None,
        "admin1_code": location.admin1_code if location is not None else None,
        "killed": first.fatalities if first is not None else None,
        "sub_event_type": first.sub_event_type if first is not None else None,
        "all": [e.sub_event_type for e in events],
    }
    killed_found = found["killed"] or None
    checks: dict[str, bool | None] = {
        "date": found["date"] == release["date"],
        "province": found["admin1_code"] == release["admin1_code"],
        "killed": killed_found == (release["killed"] or None),
        "arrests": found["sub_event_type"] == "Arrests" if release["main_arrests"] else None,
        "any_arrests": "Arrests" in found["all"] if release["detained"] else None,
        "false_arrests": found["sub_event_type"] == "Arrests" if not release["detained"] else None,
    }
    expected = {k: release[k] for k in ("date", "admin1_code", "killed", "detained", "main_arrests")}
    return Outcome(release["id"], checks, found, expected)


def score(path: Path) -> Scores:
    """Extract every release of the set at ``path`` without a publication date and score it."""
    import spotrep

    scores = Scores()
    for release in load(path):
        events = spotrep.extract(release["text"], document_id=release["id"])
        scores.outcomes.append(judge(release, events))
    return tally(scores, (*MEASURES, "any_arrests", "false_arrests"))


def report(scores: Scores, failures: bool) -> str:
    """The figures, and with ``failures`` each release that failed a check."""
    lines = [f"{m:14} {scores.figures[m]:.3f}  ({r}/{n})" for m, (r, n) in scores.counts.items()]
    if failures:
        for o in scores.outcomes:
            failed = [m for m, c in o.checks.items() if c is False and m != "false_arrests"]
            if o.checks["false_arrests"]:
                failed.append("false_arrests")
            if failed:
                lines.append(f"{o.id}: {','.join(failed)}  expected {o.expected}  found {o.found}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return run_sets(argv, __doc__, score, report, "releases")


if __name__ == "__main__":
    sys.exit(main())
