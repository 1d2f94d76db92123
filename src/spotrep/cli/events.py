"""`spotrep events`: the stored events that match filters, as a table, JSON lines, JSON or CSV."""

from __future__ import annotations

import json
import sys

import click

from ..formats import FORMATS, write_events
from ..store.models import MAX_INTEGER
from .app import cli
from .io import default_format
from .storeopts import db_option, filter_options, open_store, pop_filter


@cli.command()
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: table on a terminal, jsonl otherwise).",
)
@click.option("--limit", type=click.IntRange(0, MAX_INTEGER), help="At most this many events.")
@click.option("--offset", type=click.IntRange(0, MAX_INTEGER), default=0, help="Skip this many events first.")
@click.option("--newest-first", is_flag=True, help="Latest events first (default: in date order).")
@click.option("--count", "count_only", is_flag=True, help="Print only how many events match.")
@click.option(
    "--id",
    "event_id",
    metavar="EVENT_ID",
    help="Show one event with every source's report, figures (low/best/high) and claims, as JSON.",
)
@db_option
def events(fmt, limit, offset, newest_first, count_only, event_id, db, **filters) -> None:
    """List the stored events that match the filters (all of them without filters)."""
    flt = pop_filter(filters)
    with open_store(db) as store:
        if event_id:
            json.dump(store.get(event_id).to_dict(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return
        if count_only:
            click.echo(store.count(flt))
            return
        fmt = fmt or default_format()
        if fmt in ("jsonl", "csv") and limit is None and not offset and not newest_first:
            write_events(store.iter_events(flt), sys.stdout, fmt)  # streams any number of events
        else:
            write_events(
                store.query(flt, limit=limit, offset=offset, descending=newest_first), sys.stdout, fmt
            )
    sys.stdout.flush()
