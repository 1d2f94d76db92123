"""`spotrep export`: stored events as ACLED CSV, GeoJSON, JSON lines or Parquet, to a file or stdout."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

import click

from ..errors import InputError
from ..exports import BINARY_FORMATS, EXPORT_FORMATS, write_export
from .app import cli, note
from .storeopts import db_option, filter_options, open_store, pop_filter


@cli.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="jsonl",
    show_default=True,
    help="acled-csv: ACLED's columns; geojson: RFC 7946 points; jsonl: event records; parquet: typed table.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Output file (default: stdout). Written to a temporary file and renamed when complete.",
)
@click.option(
    "--acled-dates",
    type=click.Choice(["iso", "long"]),
    default="iso",
    show_default=True,
    help="ACLED CSV event_date style: iso (2024-05-15, as ACLED's API) or long (15 May 2024).",
)
@filter_options
@db_option
def export(fmt, output, acled_dates, db, **filters) -> None:
    """Export the stored events that match the filters (all of them without filters)."""
    flt = pop_filter(filters)
    binary = fmt in BINARY_FORMATS
    if output == "-" and binary and sys.stdout.isatty():
        raise InputError(f"{fmt} is binary; give an output file with -o FILE (or redirect stdout)")
    with open_store(db) as store:
        rows = store.iter_rows(flt)
        if output == "-":
            n = write_export(rows, sys.stdout.buffer if binary else sys.stdout, fmt, date_style=acled_dates)
            sys.stdout.flush()
        else:
            n = _write_file(Path(output), rows, fmt, binary=binary, date_style=acled_dates)
    note(f"exported {n} event(s)" + ("" if output == "-" else f" to {output}"))


def _write_file(path: Path, rows, fmt: str, *, binary: bool, date_style: str) -> int:
    """Write to a temporary file beside ``path`` and rename it into place, so no half-written export is
    left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        if binary:
            with os.fdopen(fd, "wb") as out:
                n = write_export(rows, out, fmt, date_style=date_style)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                n = write_export(rows, out, fmt, date_style=date_style)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return n
