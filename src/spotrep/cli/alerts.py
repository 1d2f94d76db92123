"""`spotrep alerts add|list|remove|deliver`: saved filters that deliver each new matching event, once, to a
webhook or a command (``spotrep.alerts``)."""

from __future__ import annotations

import json
import signal
import sys
import threading
import time

import click

from .app import cli, note
from .storeopts import db_option, filter_options, keep_changes_option, open_store, pop_filter
from .storeopts import keep_changes as keep_seconds

PRUNE_EVERY = 3600.0  # seconds between two prunings of the change log by `alerts deliver`


@cli.group()
def alerts() -> None:
    """Alerts: each event stored from now on that matches a filter goes to a webhook or a command, once."""


@alerts.command("add")
@click.argument("name")
@filter_options
@click.option("--webhook", metavar="URL", help="POST the new events as JSON to this http(s) URL.")
@click.option("--command", metavar="CMD", help="Run this shell command with the new events as JSON on stdin.")
@click.option(
    "--timeout",
    type=click.FloatRange(0, 3600, min_open=True),
    default=10.0,
    show_default=True,
    help="Seconds an attempt may take (the webhook's connection and each read; the command's run).",
)
@db_option
def add(name, webhook, command, timeout, db, **filters) -> None:
    """Add the alert NAME: the events that match the filters (those of `spotrep events`) and are stored from
    now on go to --webhook or --command."""
    from ..alerts import add_alert

    flt = pop_filter(filters)
    if (webhook is None) == (command is None):
        raise click.UsageError("give exactly one of --webhook URL and --command CMD")
    with open_store(db) as store:
        alert = add_alert(store, name, flt, webhook=webhook, command=command, timeout=timeout)
    note(f"alert {alert.name} added: new matching events go to the {alert.target_kind} {alert.target}")


@alerts.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def list_(fmt, db) -> None:
    """The alerts, their filters and targets, and how many of their deliveries are pending, failed (to be
    retried) and delivered."""
    from ..alerts import list_alerts

    with open_store(db) as store:
        found = list_alerts(store)
    if fmt == "json":
        json.dump([alert.to_dict() for alert in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if not found:
        note("no alerts")
        return
    for alert in found:
        flt = alert.filter.model_dump(mode="json", exclude_defaults=True)
        filters = " ".join(f"{key}={value}" for key, value in flt.items()) or "(every event)"
        click.echo(f"{alert.name}  {alert.target_kind} {alert.target}  {filters}")
        counts = f"  {alert.pending} pending, {alert.failed} failed, {alert.delivered} delivered"
        click.echo(counts + (f"; last error: {alert.last_error}" if alert.last_error else ""))


@alerts.command("remove")
@click.argument("name")
@db_option
def remove(name, db) -> None:
    """Remove the alert NAME (its deliveries not made yet are dropped)."""
    from ..alerts import remove_alert

    with open_store(db) as store:
        remove_alert(store, name)
    note(f"alert {name} removed")


@alerts.command("deliver")
@click.option("--once", is_flag=True, help="Deliver what is due now and exit (2 if a delivery failed).")
@click.option(
    "--interval",
    type=click.FloatRange(0.1, 3600),
    default=5.0,
    show_default=True,
    help="Seconds between rounds (without --once).",
)
@keep_changes_option
@db_option
def deliver(once, interval, keep_changes, db) -> None:
    """Send the new matching events of every alert (each event once per alert; failed deliveries are retried
    with a growing delay). Without --once, keeps doing so every --interval seconds until stopped."""
    from ..alerts import deliver_alerts

    keep = keep_seconds(keep_changes)
    with open_store(db) as store:
        if once:
            report = deliver_alerts(store)
            for error in report.errors:
                click.echo(f"spotrep: {error}", err=True)
            note(
                f"{report.delivered} event(s) delivered in {report.batches} batch(es), {report.failed} failed"
            )
            if report.failed:
                raise SystemExit(2)
            return
        stop = threading.Event()
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
        note(f"delivering alerts from {store.url} every {interval:g} s; Ctrl-C to stop")
        pruned_at = None
        try:
            while not stop.is_set():
                report = deliver_alerts(store)
                if report.batches:
                    note(f"{report.delivered} event(s) delivered, {report.failed} failed")
                if keep is not None and (pruned_at is None or time.monotonic() - pruned_at >= PRUNE_EVERY):
                    store.prune_changes(keep)  # the change log's old rows, once every alert has read them
                    pruned_at = time.monotonic()
                stop.wait(interval)
        except KeyboardInterrupt:
            raise SystemExit(130) from None
