"""`spotrep ingest`: read documents (files, directories, stdin), extract their events and store them."""

from __future__ import annotations

import sys

import click

from ..readers import INPUT_FORMATS, read_paths
from ..store.models import DEFAULT_BATCH_SIZE
from .app import cli, note
from .io import lang_option, progress, with_language
from .storeopts import db_option, open_store


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date of documents that do not give one.")
@click.option("--source", help="Source name of documents that do not give one (e.g. AFP).")
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="Format of the inputs (auto: by file suffix; stdin and other suffixes are sniffed).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(1),
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Documents per transaction: a crash loses at most the batch in progress.",
)
@lang_option
@db_option
def ingest(paths, published, source, input_format, batch_size, lang, db) -> None:
    """Extract events from PATHS and keep them in the event database.

    PATHS are text (.txt), Markdown (.md), HTML (.html), JSON-lines batches (.jsonl: {id, text, published,
    source, url}), CSV with a 'text' column (.csv), directories (read recursively), or '-' for stdin (the
    default). Content already stored is skipped, so ingesting again adds nothing; events reported by several
    documents are merged into one event with every source. Unreadable inputs are reported and skipped; the
    exit
    status is then 2.
    """
    documents = with_language(
        read_paths(paths or ("-",), fmt=input_format, published=published, source=source), lang
    )
    with open_store(db) as store, progress(description="ingesting") as advance:
        report = store.ingest(
            documents,
            batch_size=batch_size,
            progress=advance,
            on_error=lambda message: click.echo(f"spotrep: error: {message}", err=True),
        )
    parts = [f"{report.documents_added} document(s) added"]
    if report.duplicates:
        parts.append(f"{report.duplicates} already stored")
    if report.empty:
        parts.append(f"{report.empty} empty")
    if report.failed:
        parts.append(f"{report.failed} failed")
    note(
        ", ".join(parts)
        + f"; {report.events_new} new event(s), {report.events_merged} merged into events already stored"
        + (f" ({store.path})" if store.path else "")
    )
    if report.failed:
        sys.exit(2)
