"""The ``feeds`` section of ``spotrep bench``: does one watch process keep up with 200 feeds polled every
10 minutes?

Local sites (``hosts`` loopback addresses, 127.0.0.2 and up, so that the per-host politeness applies as it
would to real outlets; 127.0.0.1 alone where those cannot be bound) serve ``n_feeds`` RSS feeds of
``items`` articles each, the articles being generated war reports (``spotrep.synthetic``). A first round
stores every article with an extractor that finds nothing (setting up, not timed); then, timed, with the
default politeness (2 requests per host at once, 0.5 s between requests to a host):

* a round in which no feed changed (every feed answers 304);
* a round in which each feed has ``new`` new items, extracted by the real pipeline (the keyword-free
  ``$SPOTREP_EXTRACTOR`` if set, as the store section does).

Figures: wall and CPU seconds of each round, and the wall time as a share of the 10-minute budget.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from datetime import time as dtime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ..benchmark import section

log = logging.getLogger(__name__)

BUDGET_SECONDS = 600


class _Sites:
    """The feeds and articles, shared by every host's server."""

    def __init__(self, n_feeds: int, items: int, new: int) -> None:
        from ..synthetic import generate_documents

        self.n_feeds, self.items, self.new = n_feeds, items, new
        docs = list(generate_documents(n_feeds * (items + new), seed=11))
        self.articles = {f"/a/{i}": doc for i, doc in enumerate(docs)}
        self.listed = {f: items for f in range(n_feeds)}  # how many articles each feed lists
        self.bases: list[str] = []

    def base_of(self, feed: int) -> str:
        return self.bases[feed % len(self.bases)]

    def article_path(self, feed: int, k: int) -> str:
        return f"/a/{feed * (self.items + self.new) + k}"

    def feed_xml(self, feed: int) -> bytes:
        entries = []
        for k in range(self.listed[feed] - 1, -1, -1):
            path = self.article_path(feed, k)
            doc = self.articles[path]
            when = format_datetime(datetime.combine(doc.published, dtime(9, 0), UTC))
            entries.append(
                f"<item><title>Report {feed}-{k}</title><link>{self.base_of(feed)}{path}</link>"
                f"<guid>{feed}-{k}</guid><pubDate>{when}</pubDate>"
                f"<description>{escape(doc.text[:200])}</description></item>"
            )
        entries = entries[: self.items]
        return (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {feed}</title>{"".join(entries)}'
            "</channel></rss>"
        ).encode()

    def handler(self) -> type[BaseHTTPRequestHandler]:
        sites = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: bytes, ctype: str, **headers: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                if path.startswith("/feed/"):
                    body = sites.feed_xml(int(path.removeprefix("/feed/")))
                    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                    if self.headers.get("If-None-Match") == etag:
                        return self._send(304, b"", "application/rss+xml", ETag=etag)
                    return self._send(200, body, "application/rss+xml", ETag=etag)
                doc = sites.articles.get(path)
                if doc is None:
                    return self._send(404, b"not found", "text/plain")
                paragraphs = "".join(f"<p>{escape(p)}</p>" for p in doc.text.split("\n") if p.strip())
                page = (
                    f"<!DOCTYPE html><html><head><title>Report</title></head><body><nav><a href='/'>Home</a>"
                    f"</nav><article><h1>Report</h1>{paragraphs}</article><footer>(c) Outlet</footer></body></html>"
                )
                return self._send(200, page.encode(), "text/html; charset=utf-8")

        return Handler


@contextlib.contextmanager
def _serve(sites: _Sites, hosts: int) -> Iterator[None]:
    servers = []
    try:
        for i in range(hosts):
            try:
                server = ThreadingHTTPServer((f"127.0.0.{i + 2}", 0), sites.handler())
            except OSError:
                log.warning("cannot bind 127.0.0.%d; the feeds share 127.0.0.1", i + 2)
                break
            servers.append(server)
        if not servers:
            servers.append(ThreadingHTTPServer(("127.0.0.1", 0), sites.handler()))
        for server in servers:
            server.daemon_threads = True
            host, port = server.server_address[:2]
            sites.bases.append(f"http://{host}:{port}")
            threading.Thread(target=server.serve_forever, daemon=True).start()
        yield
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def _nothing(docs):
    return ((doc, []) for doc in docs)


def run(n_feeds: int = 200, items: int = 20, new: int = 3, hosts: int = 20) -> dict[str, Any]:
    from ..store import Store, resolve_extractor
    from .registry import FeedRegistry
    from .watch import Watcher, WatchOptions

    sites = _Sites(n_feeds, items, new)
    extractor = resolve_extractor()
    out: dict[str, Any] = {"feeds": n_feeds, "items_per_feed": items, "new_per_feed": new}
    with (
        tempfile.TemporaryDirectory() as tmp,
        _serve(sites, hosts),
        Store.open(Path(tmp) / "feeds.db") as store,
    ):
        out["hosts"] = len(sites.bases)
        registry = FeedRegistry(store)
        for f in range(n_feeds):
            registry.add(f"{sites.base_of(f)}/feed/{f}")
        setup = Watcher(store, WatchOptions(interval=0, extractor=_nothing))
        setup.fetcher.options.host_delay = 0.0
        t0 = time.perf_counter()
        first = setup.run_round()
        out["setup_round"] = {
            "documents": first.documents_added,
            "seconds": round(time.perf_counter() - t0, 1),
        }
        list(extractor(list(sites.articles.values())[:3]))  # load the pipeline before timing
        watcher = Watcher(store, WatchOptions(interval=0, extractor=extractor))

        def timed() -> dict[str, Any]:
            wall, cpu = time.perf_counter(), time.process_time()
            report = watcher.run_round()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            return {
                "seconds": round(wall, 2),
                "cpu_seconds": round(cpu, 2),
                "budget_share": round(wall / BUDGET_SECONDS, 4),
                "requests": report.requests,
                "not_modified": report.feeds_not_modified,
                "documents": report.documents_added,
                "events": report.events_new + report.events_merged,
                "errors": len(report.errors),
            }

        out["round_unchanged"] = timed()
        for f in range(n_feeds):
            sites.listed[f] += new
        out["round_with_new_items"] = timed()
    out["extractor"] = getattr(extractor, "__module__", "?") + "." + getattr(extractor, "__name__", "?")
    return out


@section("feeds")
def bench_feeds(**_: Any) -> dict[str, Any]:
    """One watch process, 200 feeds every 10 minutes: a round with nothing new, and one with 3 new items a
    feed (real extraction), against the 10-minute budget."""
    return run()
