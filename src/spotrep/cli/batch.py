"""`spotrep batch`: extraction over a large archive into Parquet shards (all cores, or a Dask cluster);
`spotrep load`: the shards into the event store."""

from __future__ import annotations

import sys

import click

from ..batch.partitions import DEFAULT_PARTITION_SIZE
from ..store.models import DEFAULT_BATCH_SIZE
from .app import cli, note
from .io import progress
from .storeopts import db_option, open_store


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Output directory: shards/ and manifest.json (a rerun resumes there).",
)
@click.option("--processes", type=click.IntRange(1), help="Local worker processes [default: one per core].")
@click.option(
    "--scheduler",
    metavar="tcp://HOST:8786",
    help="Run on this Dask distributed cluster instead (needs the dask extra).",
)
@click.option(
    "--partition-size",
    type=click.IntRange(1),
    default=DEFAULT_PARTITION_SIZE,
    show_default=True,
    help="Documents (lines, rows or files) per partition, hence per shard.",
)
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date of documents that do not give one.")
@click.option("--source", help="Source name of documents that do not give one (e.g. AFP).")
def batch(inputs, out_dir, processes, scheduler, partition_size, published, source) -> None:
    """Extract the events of INPUTS into Parquet shards under --out, one shard per input partition.

    INPUTS are JSON-lines files (.jsonl: {id, text, published, source, url}), Parquet files (a 'text'
    column; optional id, published, source, url, title) and directories of documents (.txt, .md, .html,
    .csv, .jsonl, .parquet; read recursively). Each shard is written atomically and recorded in
    manifest.json with its checksums: run the same command again after an interruption and it resumes,
    never redoing a finished shard. With --scheduler the partitions run on a Dask cluster whose workers see
    the inputs and --out at the same paths. `spotrep load DIR` puts the shards into the event database.
    Unreadable records are reported and skipped; the exit status is then 2.
    """
    from ..batch import Batch

    if processes and scheduler:
        raise click.UsageError("--processes and --scheduler exclude each other (Dask workers set their own)")
    prepared = Batch.prepare(
        list(inputs), out_dir, partition_size=partition_size, published=published, source=source
    )
    todo = len(prepared.pending)
    if prepared.already_done:
        note(f"resuming: {prepared.already_done} shard(s) already done, {todo} to do")
    with progress(total=todo, description="shards") as advance:
        report = prepared.run(
            processes=processes,
            scheduler=scheduler,
            progress=advance,
            on_error=lambda message: click.echo(f"spotrep: error: {message}", err=True),
        )
    for failure in report.failures:
        click.echo(f"spotrep: error: shard failed: {failure}", err=True)
    parts = [f"{report.processed} shard(s) written"]
    if report.already_done:
        parts.append(f"{report.already_done} already done")
    if report.failed:
        parts.append(f"{report.failed} failed (run again to retry them)")
    summary = f"{report.documents} document(s), {report.events} event(s)"
    if report.empty:
        summary += f", {report.empty} empty"
    if report.errors:
        summary += f", {report.errors} error(s)"
    note(", ".join(parts) + f"; {summary} in {report.seconds:.1f} s ({prepared.manifest.path})")
    if report.failed or report.errors:
        sys.exit(2)


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--batch-size",
    type=click.IntRange(1),
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Documents per transaction.",
)
@db_option
def load(directory, batch_size, db) -> None:
    """Put the shards of a `spotrep batch` output DIRECTORY into the event database.

    Only finished shards are loaded, after checking them against the manifest. Documents already stored are
    skipped, so loading the same shards again adds nothing; events reported by several documents are merged
    as `spotrep ingest` merges them.
    """
    from ..batch import load_shards

    with open_store(db) as store, progress(description="loading") as advance:
        report = load_shards(
            directory,
            store,
            batch_size=batch_size,
            progress=advance,
            on_error=lambda message: click.echo(f"spotrep: error: {message}", err=True),
        )
    ingest = report.ingest
    parts = [f"{report.loaded} shard(s) loaded", f"{ingest.documents_added} document(s) added"]
    if ingest.duplicates:
        parts.append(f"{ingest.duplicates} already stored")
    if ingest.failed:
        parts.append(f"{ingest.failed} failed")
    note(
        ", ".join(parts)
        + f"; {ingest.events_new} new event(s), {ingest.events_merged} merged into events already stored"
        + (f" ({store.path})" if store.path else "")
    )
    if report.not_done:
        note(f"{report.not_done} shard(s) not done yet: run `spotrep batch` again to finish them")
    if report.bad or ingest.failed:
        sys.exit(2)
