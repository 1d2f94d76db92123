"""Pass rates of the genre tables and their failures by kind, for whoever fixes the mechanisms.

    .venv/bin/python -m tests.genres.report [--rows] [--genre NAME]

Prints, per genre, the rows that pass (whether or not they are marked xfail), then each failure kind with its
rows; ``--rows`` adds the full account of each failing row (expected events and what was predicted).
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from .matching import KINDS, run


def genres() -> dict[str, list]:
    from . import (
        test_acled_notes,
        test_bulletins,
        test_monitoring_reports,
        test_regional_posts,
        test_wire_copy,
        test_world_notes,
    )

    return {
        "wire": test_wire_copy.TABLE,
        "bulletins": test_bulletins.TABLE,
        "regional": test_regional_posts.TABLE,
        "monitoring": test_monitoring_reports.TABLE,
        "acled_notes": test_acled_notes.TABLE,
        "world_notes": test_world_notes.TABLE,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", action="store_true", help="print each failing row's account")
    parser.add_argument("--genre", help="only this genre")
    parser.add_argument("--reasons", action="store_true", help="print each failing row's one-line reason")
    args = parser.parse_args()
    by_kind: dict[str, list[str]] = defaultdict(list)
    total = passed = 0
    for name, table in genres().items():
        if args.genre and name != args.genre:
            continue
        ok = 0
        for param in table:
            outcome = run(param.values[0])
            marked = any(m.name == "xfail" for m in param.marks)
            if outcome.ok:
                ok += 1
                if marked:
                    print(f"XPASS {name}/{param.id}: remove its xfail mark")
                continue
            for kind in dict.fromkeys(outcome.kinds):
                by_kind[kind].append(f"{name}/{param.id}")
            if args.rows:
                print(f"--- {name}/{param.id}\n{outcome.message()}")
            if args.reasons:
                print(f"{name}/{param.id}\t{outcome.brief()}")
        total += len(table)
        passed += ok
        print(f"{name:12s} {ok:3d}/{len(table):3d} pass ({ok / len(table):.0%})")
    print(f"{'all':12s} {passed:3d}/{total:3d} pass ({passed / max(total, 1):.0%})")
    for kind in KINDS:
        rows = by_kind.get(kind, [])
        print(f"\n{kind}: {len(rows)}")
        for r in rows:
            print(f"  {r}")


if __name__ == "__main__":
    main()
