"""Measure the Cyrillic place finder (spotrep.lang.places) on the uk/ru dev reports.

Each file is split into halves by line parity (even lines: the study half, odd lines: the measure half). For each
half: the share of reports with gold locations (lat/lon) where some place found lies within 25 km of a gold
location, and the speed in reports per second after warm-up.

    PYTHONPATH=src python tools/cyrillic_places.py [--dir ../shared/eval/multilingual] [--show N] [--ner]

With --ner, Russian names are confirmed by slovnet's named entities as `spotrep extract` does
(spotrep.lang.ru.ner); the figures then include the model's time.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from spotrep.gazetteer.data import haversine_km
from spotrep.lang.places import find_places

RADIUS_KM = 25.0


def _gold(report: dict) -> list[tuple[float, float]]:
    out = []
    for loc in (report.get("gold") or {}).get("locations") or []:
        if loc.get("lat") is not None and loc.get("lon") is not None:
            out.append((float(loc["lat"]), float(loc["lon"])))
    return out


def measure(path: Path, lang: str, show: int = 0, ner: bool = False) -> dict[str, dict[str, float]]:
    entities = None
    if ner and lang == "ru":
        from spotrep.lang.ru.ner import entities
    reports = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in reports[:50]:  # warm-up: the gazetteer, the analyser
        find_places(r["text"], lang, entities)
    result = {}
    for name, parity in (("study", 0), ("measure", 1)):
        half = [r for n, r in enumerate(reports) if n % 2 == parity]
        hits = scored = right = placed = 0
        misses = []
        t0 = time.perf_counter()
        found_all = [find_places(r["text"], lang, entities) for r in half]
        seconds = time.perf_counter() - t0
        for r, found in zip(half, found_all, strict=True):
            gold = _gold(r)
            if not gold:
                continue
            scored += 1
            ok = any(
                m.location.latitude is not None
                and any(
                    haversine_km(m.location.latitude, m.location.longitude, la, lo) <= RADIUS_KM
                    for la, lo in gold
                )
                for m in found
            )
            hits += ok
            for m in found:
                if m.location.latitude is not None:
                    placed += 1
                    right += any(
                        haversine_km(m.location.latitude, m.location.longitude, la, lo) <= RADIUS_KM
                        for la, lo in gold
                    )
            if not ok and parity == 0:
                misses.append((r, found))
        result[name] = {
            "reports": len(half),
            "with_gold": scored,
            "within_25km": round(hits / scored, 4) if scored else 0.0,
            # of the places found in reports with gold locations, the share within 25 km of one
            "places_within_25km": round(right / placed, 4) if placed else 0.0,
            "reports_per_s": round(len(half) / seconds, 1) if seconds else 0.0,
            "ms_per_report": round(1000 * seconds / len(half), 3) if half else 0.0,
        }
        for r, found in misses[:show]:
            gold_names = [loc.get("name") for loc in r["gold"]["locations"]]
            print(
                f"MISS {gold_names} | {[(m.surface, m.location.name, m.location.admin1_code) for m in found]}"
            )
            print("     ", r["text"][:300].replace("\n", " "))
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--dir", default=str(Path(__file__).resolve().parents[1] / ".." / "shared/eval/multilingual")
    )
    ap.add_argument("--show", type=int, default=0, help="misses of the study half to print")
    ap.add_argument("--lang", choices=("uk", "ru"), action="append")
    ap.add_argument("--ner", action="store_true", help="confirm Russian names by slovnet's named entities")
    args = ap.parse_args()
    base = Path(args.dir)
    for lang in args.lang or ["uk", "ru"]:
        path = base / f"{lang}_reports_dev.jsonl"
        print(lang, json.dumps(measure(path, lang, args.show, args.ner)))


if __name__ == "__main__":
    main()
