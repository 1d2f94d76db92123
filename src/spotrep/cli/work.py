"""`spotrep work`: extraction workers for the documents posted to the API (the store's queue), and
`spotrep jobs`: what is in the queue."""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading

import click

from .app import cli, note
from .storeopts import db_option, open_store


@cli.command()
@db_option
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes (each loads the pipeline once; about 1 GB each).",
)
@click.option("--once", is_flag=True, help="Do the jobs queued now, then exit (default: wait for more).")
@click.option(
    "--poll",
    type=click.FloatRange(0.05, 60),
    default=0.5,
    show_default=True,
    help="Seconds between looks at an empty queue.",
)
def work(db, workers, once, poll) -> None:
    """Extract the documents posted to the API (POST /api/documents) and store their events.

    `spotrep serve` starts its own workers (--extract-workers); run this beside an API started any other way
    (uvicorn, several machines). Stops on Ctrl-C or SIGTERM, putting an unfinished job back in the queue.
    """
    from ..store.worker import WorkerPool, run_worker, worker_name

    with open_store(db) as store:
        if workers > 1:
            if once:
                raise click.UsageError("--once runs one worker; drop --workers")
            pool = WorkerPool(store, workers, log_level=logging.getLogger().getEffectiveLevel()).start()
            note(f"{workers} extraction workers on {store.url}; Ctrl-C to stop")
            stop = threading.Event()
            _on_term(stop)
            try:
                while not stop.wait(1.0):
                    if pool.alive() < workers:
                        note("an extraction worker exited; stopping")
                        break
            except KeyboardInterrupt:
                pass
            finally:
                pool.stop()
            return
        stop = threading.Event()
        _on_term(stop)
        name = worker_name()
        if not once:
            note(f"extraction worker {name} on {store.url}; Ctrl-C to stop")
        try:
            report = run_worker(store, name=name, stop=stop, once=once, poll=poll)
        except KeyboardInterrupt:
            released = store.jobs.release([name])
            note(f"stopped; {released} unfinished job(s) back in the queue")
            raise SystemExit(130) from None
        for error in report.errors:
            click.echo(f"spotrep: {error}", err=True)
        note(f"{report.done} document(s) extracted, {report.failed} failed")
        if report.failed:
            raise SystemExit(2)


def _on_term(stop: threading.Event) -> None:
    """SIGTERM stops the worker after its job, as Ctrl-C does."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())


@cli.command()
@db_option
@click.option(
    "--status",
    type=click.Choice(["queued", "running", "done", "failed"]),
    help="Only the jobs in this state.",
)
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="Jobs to list (newest).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def jobs(db, status, limit, fmt) -> None:
    """The extraction queue: how many documents are queued, running, done and failed, and the latest jobs."""
    with open_store(db) as store:
        counts = store.jobs.counts()
        listed = store.jobs.list(status=status, limit=limit)
    if fmt == "json":
        rows = [{k: v for k, v in vars(job).items() if k not in ("pk", "document")} for job in listed]
        json.dump({"counts": counts, "jobs": rows}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    click.echo(", ".join(f"{n} {state}" for state, n in counts.items()))
    for job in listed:
        detail = job.error or (
            f"{job.events_new} new, {job.events_merged} merged" if job.status == "done" else job.worker or ""
        )
        click.echo(f"{job.created_at}  {job.status:<7}  {job.document_id}  {detail}")
