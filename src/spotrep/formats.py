"""Rendering events for people and programs: table, JSON lines, JSON, CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import TextIO

from .model import Event

FORMATS = ("table", "jsonl", "json", "csv")

CSV_COLUMNS = (
    "event_id",
    "document_id",
    "event_date",
    "date_start",
    "date_end",
    "time_precision",
    "event_type",
    "sub_event_type",
    "categories",
    "actor1",
    "actor1_country",
    "actor1_kind",
    "actor2",
    "actor2_country",
    "actor2_kind",
    "location",
    "country",
    "admin1",
    "admin1_code",
    "admin2",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "injuries",
    "quantities",
    "weapons",
    "claim_source",
    "claim_source_country",
    "claim_status",
    "source",
    "source_count",
    "notes",
    "evidence",
)


def flat_row(event: Event) -> dict[str, object]:
    """One event as a flat row (CSV, tables)."""
    a1, a2, loc = event.actor1, event.actor2, event.location
    return {
        "event_id": event.event_id,
        "document_id": event.document_id,
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "date_start": event.date_start.isoformat() if event.date_start else "",
        "date_end": event.date_end.isoformat() if event.date_end else "",
        "time_precision": event.time_precision or "",
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "categories": ";".join(event.categories),
        "actor1": a1.name if a1 else "",
        "actor1_country": (a1.country or "") if a1 else "",
        "actor1_kind": a1.kind if a1 else "",
        "actor2": a2.name if a2 else "",
        "actor2_country": (a2.country or "") if a2 else "",
        "actor2_kind": a2.kind if a2 else "",
        "location": loc.name or "",
        "country": loc.country or "",
        "admin1": loc.admin1 or "",
        "admin1_code": loc.admin1_code or "",
        "admin2": loc.admin2 or "",
        "latitude": "" if loc.latitude is None else loc.latitude,
        "longitude": "" if loc.longitude is None else loc.longitude,
        "geo_precision": event.geo_precision or "",
        "fatalities": "" if event.fatalities is None else event.fatalities,
        "injuries": "" if event.injuries is None else event.injuries,
        "quantities": ";".join(f"{q.count} {q.unit} ({q.qualifier})" for q in event.quantities),
        "weapons": ";".join(event.weapons),
        "claim_source": event.claim.source or "",
        "claim_source_country": event.claim.source_country or "",
        "claim_status": event.claim.status,
        "source": event.source or "",
        "source_count": event.source_count,
        "notes": event.notes,
        "evidence": " | ".join(e.text for e in event.evidence),
    }


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event.to_json_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_json(events: Iterable[Event], out: TextIO) -> int:
    data = [e.to_json_dict() for e in events]
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(data)


def write_csv(events: Iterable[Event], out: TextIO, *, header: bool = True) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(flat_row(event))
        n += 1
    return n


def _where(event: Event) -> str:
    loc = event.location
    parts = [loc.name, loc.admin1 if loc.admin1 != loc.name else None, loc.country]
    return ", ".join(p for p in parts if p) or "?"


def _when(event: Event) -> str:
    if event.date_start and event.date_end and event.date_start != event.date_end:
        return f"{event.date_start}…{event.date_end}"
    return str(event.event_date or "?")


def write_table(events: Iterable[Event], out: TextIO, *, width: int | None = None) -> int:
    """A readable table (rich) of the events: what, where, when, who, how many, who says so."""
    from rich.console import Console
    from rich.table import Table

    events = list(events)
    table = Table(show_lines=True, expand=False)
    for col in ("#", "date", "type", "where", "actor1 → actor2", "numbers", "claim"):
        table.add_column(col, overflow="fold")
    for i, e in enumerate(events, start=1):
        named = [f"{a.name} ({a.country or '?'})" if a is not None else "?" for a in (e.actor1, e.actor2)]
        actors = (
            ""
            if e.actor1 is None and e.actor2 is None
            else (named[0] if e.actor2 is None else " → ".join(named))
        )
        numbers = []
        if e.fatalities is not None:
            numbers.append(f"killed {e.fatalities}")
        if e.injuries is not None:
            numbers.append(f"wounded {e.injuries}")
        numbers += [f"{q.count} {q.unit}" + ("+" if q.qualifier == "at_least" else "") for q in e.quantities]
        numbers += e.weapons
        claim = f"{e.claim.status}: {e.claim.source or '—'}" + (
            f" ({e.claim.source_country})" if e.claim.source_country else ""
        )
        kind = f"{e.sub_event_type}\n[{', '.join(e.categories)}]" if e.categories else e.sub_event_type
        table.add_row(str(i), _when(e), kind, _where(e), actors, "\n".join(numbers), claim)
    console = Console(file=out, width=width or (None if out.isatty() else 160), force_terminal=out.isatty())
    console.print(table)
    return len(events)


def write_events(events: Iterable[Event], out: TextIO, fmt: str) -> int:
    """Write events in one of FORMATS; returns how many were written."""
    writers = {"table": write_table, "jsonl": write_jsonl, "json": write_json, "csv": write_csv}
    return writers[fmt](events, out)


def events_to_string(events: Iterable[Event], fmt: str) -> str:
    buf = io.StringIO()
    write_events(events, buf, fmt)
    return buf.getvalue()
