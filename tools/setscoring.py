"""What the scorers of the project's own sets share (tools/world_notes.py, tools/press_releases.py): a set is hand-
written cases, one JSON object a line; each case is extracted and judged check by check, and a figure is the share
of the cases a check applies to that pass it. Standard library only."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Outcome:
    """How one case was read: its checks (None when a check does not apply), what was found and expected."""

    id: str
    checks: dict[str, bool | None]
    found: Any
    expected: dict[str, Any]


@dataclass
class Scores:
    """The share of cases right on each measure, and the outcome of each case."""

    figures: dict[str, float] = field(default_factory=dict)
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)


def load(path: Path) -> list[dict[str, Any]]:
    """The cases of a set, one JSON object a line."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def tally(scores: Scores, measures: Iterable[str]) -> Scores:
    """Each measure's share of right checks among the cases it applies to."""
    for measure in measures:
        applies = [o.checks[measure] for o in scores.outcomes if o.checks[measure] is not None]
        right = sum(1 for c in applies if c)
        scores.counts[measure] = (right, len(applies))
        scores.figures[measure] = right / len(applies) if applies else 0.0
    return scores


def run_sets(
    argv: list[str] | None,
    doc: str,
    score: Callable[[Path], Scores],
    report: Callable[[Scores, bool], str],
    cases: str,
) -> int:
    """The command line of a scorer: score each set given, print its figures (and, asked, its failures)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--failures", action="store_true", help=f"list the {cases} that failed a check")
    args = ap.parse_args(argv)
    for path in args.sets:
        print(f"== {path.name}")
        print(report(score(path), args.failures))
    return 0
