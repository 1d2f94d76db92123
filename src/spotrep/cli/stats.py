"""`spotrep stats`: counts of the stored events by day, type and region."""

from __future__ import annotations

import json
import sys

import click

from .app import cli
from .storeopts import db_option, filter_options, open_store, pop_filter


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option(
    "--days",
    type=click.IntRange(1),
    default=31,
    show_default=True,
    help="In the table, the last DAYS days with events (json has every day).",
)
@filter_options
@db_option
def stats(fmt, days, db, **filters) -> None:
    """Counts of documents, events and sources, and of events by day, type and region."""
    flt = pop_filter(filters)
    with open_store(db) as store:
        result = store.stats(flt)
    if fmt == "json":
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 120)
    span = f"{result.first_date} … {result.last_date}" if result.first_date else "no dated events"
    console.print(
        f"{result.events} event(s) ({result.multi_source_events} reported by several documents) from "
        f"{result.documents} document(s), {result.reports} report(s), {result.places} place(s); {span}"
    )
    by_type = Table(title="by type")
    for col in ("event type", "sub-event type", "events"):
        by_type.add_column(col, justify="right" if col == "events" else "left")
    for event_type, sub_event_type, n in result.by_type:
        by_type.add_row(event_type, sub_event_type, str(n))
    by_region = Table(title="by region")
    for col in ("country", "region", "events"):
        by_region.add_column(col, justify="right" if col == "events" else "left")
    for country, admin1, n in result.by_region:
        by_region.add_row(country or "?", admin1 or "?", str(n))
    by_day = Table(title="by day" + (f" (last {days})" if len(result.by_day) > days else ""))
    by_day.add_column("date")
    by_day.add_column("events", justify="right")
    for day, n in result.by_day[-days:]:
        by_day.add_row(day.isoformat() if day else "undated", str(n))
    for table in (by_type, by_region, by_day):
        console.print(table)
