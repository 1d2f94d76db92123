"""The project's own accuracy report: extracted events against a user's gold events.

Gold events are JSON lines, one event each, in this form (every key but ``document_id``, ``location`` and
``date_start``/``date_end`` is optional)::

    {"id": "g1", "document_id": "doc-7", "sub_event_types": ["Armed clash"], "categories_any": ["armed_clash"],
     "date_start": "2024-05-14", "date_end": "2024-05-15",
     "location": {"lat": 50.29, "lon": 36.94, "radius_km": 25} | {"admin1_code": "UA-63", "or_country": "UA"}
                 | {"country": "RU"},
     "actor1_country": "RU", "fatalities": 3, "injuries": 2,
     "quantities": [{"count": 17, "qualifier_any": ["exact"]}], "weapons_any": ["drone"],
     "claim_source_country": "UA", "claim_status_any": ["claimed"], "optional": false}

An extracted event *matches* a gold event when its type fits (its sub-event type is one of the gold's, or
one of its categories is), its place fits (within the radius, in the region, or in the country) and its date
is within the gold interval give or take one day. Each gold event is paired with at most one extracted event
(the one that gets most of its fields right); optional gold events may match but are never missed.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .errors import InputError, MalformedRecordError
from .model import Event


@dataclass
class EvalReport:
    gold_required: int = 0
    matched: int = 0
    spurious: int = 0
    missed_ids: list[str] = field(default_factory=list)
    spurious_events: list[str] = field(default_factory=list)
    field_hits: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def precision(self) -> float:
        total = self.matched + self.spurious
        return self.matched / total if total else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_required if self.gold_required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self) -> dict[str, float]:
        return {k: (ok / n if n else 0.0) for k, (ok, n) in sorted(self.field_hits.items())}

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_required": self.gold_required,
            "matched": self.matched,
            "spurious": self.spurious,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "field_accuracy": {k: round(v, 3) for k, v in self.field_accuracy().items()},
            "field_counts": {k: f"{ok}/{n}" for k, (ok, n) in sorted(self.field_hits.items())},
            "missed": self.missed_ids,
            "spurious_events": self.spurious_events,
        }


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold events from a JSON-lines file; a malformed line is an error naming the line."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MalformedRecordError(
                    f"{path}:{number}: invalid JSON ({exc.msg})", line=number
                ) from None
            if not isinstance(record, dict) or "document_id" not in record or "location" not in record:
                raise MalformedRecordError(
                    f"{path}:{number}: a gold event needs at least document_id and location", line=number
                )
            record.setdefault("id", f"{path}:{number}")
            out.append(record)
    if not out:
        raise InputError(f"{path}: no gold events")
    return out


def _day(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    rlat1, rlat2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((rlat2 - rlat1) / 2) ** 2
        + math.cos(rlat1) * math.cos(rlat2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def type_fits(gold: dict, event: Event) -> bool:
    return event.sub_event_type in gold.get("sub_event_types", []) or bool(
        set(event.categories) & set(gold.get("categories_any", []))
    )


def place_fits(gold: dict, event: Event) -> bool:
    want = gold["location"]
    loc = event.location
    if "lat" in want:
        if loc.latitude is None or loc.longitude is None:
            return False
        return _distance_km(want["lat"], want["lon"], loc.latitude, loc.longitude) <= want.get(
            "radius_km", 25
        )
    if "admin1_code" in want:
        if loc.admin1_code == want["admin1_code"]:
            return True
        return bool(want.get("or_country")) and loc.country == want["or_country"] and not loc.admin1_code
    return loc.country == want.get("country")


def date_fits(gold: dict, event: Event) -> bool:
    start, end, got = _day(gold.get("date_start")), _day(gold.get("date_end")), event.event_date
    if got is None or start is None:
        return False
    end = end or start
    return start - timedelta(days=1) <= got <= end + timedelta(days=1)


def field_results(gold: dict, event: Event) -> list[tuple[str, bool]]:
    """The fields a gold event scores, each with whether the extracted event has it right."""
    out: list[tuple[str, bool]] = []
    if "actor1_country" in gold:
        out.append(("actor1", (event.actor1.country if event.actor1 else None) == gold["actor1_country"]))
    for name in ("fatalities", "injuries"):
        if name in gold:
            out.append((name, getattr(event, name) == gold[name]))
    for q in gold.get("quantities", []):
        ok = any(
            x.count == q["count"] and ("qualifier_any" not in q or x.qualifier in q["qualifier_any"])
            for x in event.quantities
        )
        out.append(("quantities", ok))
    if "weapons_any" in gold:
        have = {w.lower() for w in event.weapons}
        out.append(("weapons", any(w.lower() in have for w in gold["weapons_any"])))
    if "claim_source_country" in gold:
        out.append(("claim_source", event.claim.source_country == gold["claim_source_country"]))
    if "claim_status_any" in gold:
        out.append(("claim_status", event.claim.status in gold["claim_status_any"]))
    out.append(("sub_event_type", event.sub_event_type in gold.get("sub_event_types", [])))
    out.append(("time_precision", event.time_precision in (1, 2, 3)))
    return out


def evaluate(gold: list[dict], events: Iterable[Event]) -> EvalReport:
    """Match extracted events to gold events, document by document (required gold first)."""
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_doc[e.document_id].append(e)
    report = EvalReport()
    for doc_id in sorted({str(g["document_id"]) for g in gold}):
        golds = sorted(
            (g for g in gold if str(g["document_id"]) == doc_id), key=lambda g: bool(g.get("optional"))
        )
        pool = by_doc.get(doc_id, [])
        taken: set[int] = set()
        for g in golds:
            best, best_hits = None, -1
            for n, e in enumerate(pool):
                if n in taken or not (type_fits(g, e) and place_fits(g, e) and date_fits(g, e)):
                    continue
                hits = sum(ok for _, ok in field_results(g, e))
                if hits > best_hits:
                    best, best_hits = n, hits
            if best is None:
                if not g.get("optional"):
                    report.gold_required += 1
                    report.missed_ids.append(str(g["id"]))
                continue
            taken.add(best)
            if g.get("optional"):
                continue
            report.gold_required += 1
            report.matched += 1
            for name, ok in field_results(g, pool[best]):
                report.field_hits[name][0] += ok
                report.field_hits[name][1] += 1
        for n, e in enumerate(pool):
            if n not in taken:
                report.spurious += 1
                report.spurious_events.append(f"{e.sub_event_type} @ {e.location.name} {e.event_date}")
    # events of documents without gold are not scored
    return report
