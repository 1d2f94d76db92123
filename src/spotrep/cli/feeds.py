"""`spotrep feeds`: the feeds to watch (add, list, remove, import, items); `spotrep watch`: poll them and store
their new articles (``spotrep.feeds``)."""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from ..errors import InputError
from .app import cli, note
from .storeopts import db_option, keep_changes_option, open_store
from .storeopts import keep_changes as keep_seconds


def _interval(value: str | None, *, minimum: int = 1, name: str = "--interval") -> int | None:
    if value is None:
        return None
    from ..feeds import parse_interval

    return parse_interval(value, minimum=minimum, name=name)


@cli.group()
def feeds() -> None:
    """The feeds `spotrep watch` polls (RSS, Atom, JSON Feed), and what became of their items."""


@feeds.command("add")
@click.argument("urls", nargs=-1, required=True)
@click.option("--name", help="The source name of the feed's documents (default: the feed's title).")
@click.option("--interval", metavar="DURATION", help="How often to poll: 90s, 10m, 1h (default 10m).")
@db_option
def feeds_add(urls, name, interval, db) -> None:
    """Subscribe to feeds (a known feed gets the name and interval given)."""
    from ..feeds import FeedRegistry

    seconds = _interval(interval)
    if name and len(urls) > 1:
        raise click.UsageError("--name names one feed; give one URL with it")
    with open_store(db) as store:
        registry = FeedRegistry(store)
        for url in urls:
            feed, added = registry.add(url, name=name, interval=seconds)
            note(f"{'added' if added else 'updated'} {feed.url} (every {_every(feed.interval)})")


@feeds.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def feeds_list(fmt, db) -> None:
    """The feeds, with their last poll's time and status, items seen, documents stored and errors."""
    from ..feeds import FeedRegistry

    with open_store(db) as store:
        listed = FeedRegistry(store).list()
    if fmt == "json":
        json.dump([feed.to_dict() for feed in listed], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if not listed:
        note("no feeds; add some with `spotrep feeds add URL`")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None)
    for column in ("feed", "every", "last polled", "status", "items", "documents", "errors", "last error"):
        table.add_column(column, justify="right" if column in ("items", "documents", "errors") else "left")
    for feed in listed:
        table.add_row(
            f"{feed.name or feed.title or ''}\n{feed.url}" if (feed.name or feed.title) else feed.url,
            _every(feed.interval),
            feed.last_polled or "never",
            feed.last_status or "",
            str(feed.items_seen),
            str(feed.documents_added),
            str(feed.errors),
            feed.last_error or "",
        )
    Console(file=sys.stdout, width=None if sys.stdout.isatty() else 160).print(table)


@feeds.command("remove")
@click.argument("url")
@db_option
def feeds_remove(url, db) -> None:
    """Unsubscribe from a feed (the documents it brought stay)."""
    from ..feeds import FeedRegistry

    with open_store(db) as store:
        FeedRegistry(store).remove(url)
    note(f"removed {url}")


@feeds.command("import")
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--interval", metavar="DURATION", help="How often to poll the imported feeds (default 10m).")
@db_option
def feeds_import(file, interval, db) -> None:
    """Subscribe to the feeds of an OPML file, or of a list of URLs (one a line, # comments)."""
    from ..feeds import FeedRegistry, parse_feed_list
    from .io import read_text_file

    seconds = _interval(interval)
    name, text = read_text_file(file)
    entries = parse_feed_list(text, name=name)
    added = 0
    with open_store(db) as store:
        registry = FeedRegistry(store)
        for entry in entries:
            added += registry.add(entry.url, name=entry.name, interval=seconds)[1]
    note(f"{added} feed(s) added, {len(entries) - added} already there ({Path(name).name})")


@feeds.command("items")
@click.argument("url", required=False)
@click.option(
    "--status",
    type=click.Choice(["pending", "stored", "failed", "given_up", "skipped"]),
    help="Only the items in this state (e.g. given_up: the articles no longer tried).",
)
@click.option(
    "--limit", type=click.IntRange(1), default=50, show_default=True, help="Items to list (newest)."
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def feeds_items(url, status, limit, fmt, db) -> None:
    """The items seen in the feeds (or in one feed): stored, failed (tried again later), given up, skipped."""
    from ..feeds import FeedRegistry

    with open_store(db) as store:
        registry = FeedRegistry(store)
        counts = registry.item_counts()
        listed = registry.items(url=url, status=status, limit=limit)
    if fmt == "json":
        rows = [{"feed": feed_url, **item.to_dict()} for feed_url, item in listed]
        json.dump({"counts": counts, "items": rows}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    click.echo(", ".join(f"{n} {state}" for state, n in counts.items()))
    for _feed_url, item in listed:
        detail = item.error or item.document_id or ""
        click.echo(
            f"{item.first_seen}  {item.status:<8}  {item.attempts}  {item.link or item.guid}  {detail}"
        )


def _every(seconds: int) -> str:
    from ..feeds import format_interval

    return format_interval(seconds)


# --- watch ------------------------------------------------------------------------------------------------


@cli.command()
@click.argument("urls", nargs=-1)
@db_option
@click.option("--once", is_flag=True, help="One round, then exit (0 even when feeds or articles failed).")
@click.option(
    "--interval",
    metavar="DURATION",
    help="Poll every feed this often in this run (90s, 10m; 0: every round), instead of each feed's own.",
)
@click.option(
    "--workers", type=click.IntRange(1, 64), default=8, show_default=True, help="Concurrent fetches."
)
@click.option(
    "--per-host", type=click.IntRange(1, 16), default=2, show_default=True, help="Requests to a host at once."
)
@click.option(
    "--host-delay",
    type=click.FloatRange(0, 60),
    default=0.5,
    show_default=True,
    help="Seconds between two requests to one host.",
)
@click.option(
    "--connect-timeout", type=click.FloatRange(0.1, 300), default=10, show_default=True, help="Seconds."
)
@click.option(
    "--read-timeout",
    type=click.FloatRange(0.1, 300),
    default=20,
    show_default=True,
    help="Seconds without a byte before a fetch fails.",
)
@click.option(
    "--max-size",
    type=click.IntRange(1024),
    default=5 * 1024 * 1024,
    show_default=True,
    help="Largest page or feed, in bytes.",
)
@click.option(
    "--retries",
    type=click.IntRange(0, 10),
    default=2,
    show_default=True,
    help="Tries again within a round after a 5xx or network error.",
)
@click.option(
    "--user-agent",
    metavar="TEXT",
    envvar="SPOTREP_USER_AGENT",
    show_envvar=True,
    help="The User-Agent sent, with your contact (e.g. 'spotrep/1.0 (+mailto:you@example.org)'); default:"
    " spotrep's, naming its project page. robots.txt is matched for the token spotrep either way.",
)
@keep_changes_option
def watch(
    urls,
    db,
    once,
    interval,
    workers,
    per_host,
    host_delay,
    connect_timeout,
    read_timeout,
    max_size,
    retries,
    user_agent,
    keep_changes,
):
    """Poll feeds and store their new articles' events.

    URLS are added to the store's feeds (see `spotrep feeds`); the round polls those given, or all stored
    feeds when none is given, that are due. Each new item's page is fetched and its main text stored with the
    item's date as published, the feed's name (or title) as source and the link as url; the feed's own text
    when the page is not HTML, too large or gone. Runs until Ctrl-C or SIGTERM (finishing the document in
    hand) or, with --once, for one round. Progress: a live view on a terminal, else one JSON object a line on
    stderr (a feed polled, an article stored, an error).
    """
    from ..feeds import USER_AGENT, FeedRegistry, FetchOptions, Watcher, WatchOptions
    from ..feeds.http import check_user_agent

    seconds = _interval(interval, minimum=0)
    agent = check_user_agent(user_agent, name="--user-agent") if user_agent else USER_AGENT
    options = WatchOptions(
        fetch=FetchOptions(
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            deadline=max(60.0, 3 * read_timeout),
            max_bytes=max_size,
            per_host=per_host,
            host_delay=host_delay,
            retries=retries,
            user_agent=agent,
        ),
        workers=workers,
        interval=seconds,
        keep_changes=keep_seconds(keep_changes),
    )
    stop = threading.Event()
    _stop_on_signals(stop)
    with open_store(db) as store:
        registry = FeedRegistry(store)
        for url in urls:
            registry.add(url)
        if not registry.list():
            raise InputError("no feeds to watch: give their URLs, or add them with `spotrep feeds add`")
        wanted = [registry.get(url.strip()).url for url in urls] or None
        with _progress() as listener:
            watcher = Watcher(store, options, on_event=listener)
            if once:
                report = watcher.run_round(stop=stop, urls=wanted)
            else:
                if listener.live is not None:
                    note(f"watching {len(wanted or registry.list())} feed(s); Ctrl-C to stop")
                report = watcher.run(stop, urls=wanted)
    if sys.stderr.isatty():
        note(
            f"{report.feeds_polled} feed(s) polled ({report.feeds_not_modified} unchanged, {report.feeds_failed}"
            f" failed), {report.items_new} new item(s), {report.documents_added} document(s) stored,"
            f" {report.events_new} new event(s), {report.failed} to retry, {report.given_up} given up"
        )


def _stop_on_signals(stop: threading.Event) -> None:
    """Ctrl-C and SIGTERM end the watch after the document in hand."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())


class _JsonLines:
    """Progress as JSON lines on stderr: one object per feed polled, article stored, page robots.txt kept us
    from, error, round (start and end, the end with the round's report)."""

    live = None

    def __call__(self, record: dict[str, Any]) -> None:
        stamped = {"time": datetime.now(UTC).isoformat(timespec="seconds"), **record}
        sys.stderr.write(json.dumps(stamped, ensure_ascii=False) + "\n")
        sys.stderr.flush()


class _LiveView:
    """Progress on a terminal: the round's counts (feeds polled, new items, documents, events) and the latest
    errors, redrawn as they change."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.live import Live

        self.console = Console(file=sys.stderr)
        self.counts: dict[str, int] = {}
        self.errors: list[str] = []
        self.started = time.monotonic()
        self.rounds = 0
        self.live = Live(self._render(), console=self.console, refresh_per_second=4, transient=False)

    def _render(self):
        from rich.table import Table

        table = Table(title=f"spotrep watch: round {self.rounds or 1}", box=None, show_header=False)
        table.add_column(justify="right")
        table.add_column()
        c = self.counts
        rows = [
            ("feeds", f"{c.get('polled', 0)} of {c.get('due', 0)} polled, {c.get('not_modified', 0)} unchanged,"
             f" {c.get('feed_errors', 0)} failed"),
            ("items", f"{c.get('new_items', 0)} new, {c.get('retries', 0)} retried"),
            ("documents", f"{c.get('stored', 0)} stored, {c.get('skipped', 0)} already there"),
            ("robots.txt", f"{c.get('disallowed', 0)} page(s) disallowed, {c.get('unreachable', 0)} deferred"),
            ("events", str(c.get("events", 0))),
            ("errors", str(c.get("errors", 0))),
        ]  # fmt: skip
        for key, value in rows:
            table.add_row(key, value)
        for error in self.errors[-5:]:
            table.add_row("", f"[red]{error}[/red]")
        return table

    def __call__(self, record: dict[str, Any]) -> None:
        c = self.counts
        kind = record.get("event")
        if kind == "round" and record.get("phase") == "start":
            self.rounds += 1
            self.counts = {"due": record["feeds_due"], "retries": record["retries"]}
            self.errors = []
        elif kind == "feed":
            c["polled"] = c.get("polled", 0) + 1
            c["new_items"] = c.get("new_items", 0) + record.get("new_items", 0)
            if record.get("status") == "not_modified":
                c["not_modified"] = c.get("not_modified", 0) + 1
        elif kind == "article":
            key = "stored" if record.get("status") == "stored" else "skipped"
            c[key] = c.get(key, 0) + 1
            c["events"] = c.get("events", 0) + int(record.get("events") or 0)
        elif kind == "robots":
            key = "disallowed" if record.get("status") == "disallowed" else "unreachable"
            c[key] = c.get(key, 0) + 1
        elif kind == "error":
            c["errors"] = c.get("errors", 0) + 1
            if record.get("feed") and record.get("feed") == record.get("url"):
                c["polled"] = c.get("polled", 0) + 1
                c["feed_errors"] = c.get("feed_errors", 0) + 1
            self.errors.append(str(record.get("error")))
        self.live.update(self._render())


class _progress:
    def __enter__(self):
        if sys.stderr.isatty():
            self.listener: Any = _LiveView()
            self.listener.live.__enter__()
        else:
            self.listener = _JsonLines()
        return self.listener

    def __exit__(self, *exc: object) -> None:
        if self.listener.live is not None:
            self.listener.live.__exit__(None, None, None)
