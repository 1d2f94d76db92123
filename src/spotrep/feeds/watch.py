"""Watching feeds: rounds of polling the feeds that are due, fetching their new items' pages, and storing
each article's main text (through ``Store.ingest``) with the item's date, the feed's name and the link.

One round (``Watcher.run_round``):

1. the feeds that are due are fetched concurrently (a bounded thread pool; the fetcher keeps to its per-host
   limits), conditionally (a 304 is recorded as ``not_modified``);
2. the items a feed lists for the first time are recorded (``pending``), and with the items still to try from
   earlier rounds (``pending``, or ``failed`` with their ``next_try`` come) their pages are fetched, again
   concurrently; a page that hangs holds only its own thread, up to the timeouts. Before the first page of a
   host, the host's robots.txt is read (once a round, ``robots.RobotsCache``): a page it disallows is not
   fetched (the feed's text is stored), and no page of a host whose robots.txt cannot be read (5xx, network
   error) is fetched this round (the items are tried again later, like a page that failed). The feeds
   themselves are fetched whatever robots.txt says: the user subscribed to each by hand;
3. each article is stored as its page comes in, one at a time, on the calling thread (which holds the store):
   the page's main text (trafilatura); the feed's own text of the item when the page is not HTML, too large, a
   redirect loop, gone (4xx) or has no main text; for a page that failed for a reason that may pass (5xx,
   timeout, network), the item is ``failed`` and tried again next round, then after skipping 1 and 3 rounds of
   its feed (``retry_delay``); after ``max_attempts`` tries its feed's text is stored, or the item is
   ``given_up`` when the feed has none.

Items already stored (same GUID in the feed, same canonical URL or same content from any feed) are never
fetched or stored again, across restarts. ``stop`` (an Event) ends a round early: the article in hand is
finished, the fetches in flight are dropped (their items stay ``pending``, tried next time).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..documents import content_id, make_document, require_supported_language
from ..errors import (
    FeedError,
    FetchError,
    FetchTimeoutError,
    InputError,
    MalformedFeedError,
    NotHtmlError,
    ResponseTooLargeError,
    RobotsDisallowedError,
    RobotsUnavailableError,
    StoreError,
    TooManyRedirectsError,
)
from ..store.changes import KEEP_CHANGES
from .http import Fetcher, FetchOptions, Response
from .parse import canonical_url, parse_feed
from .registry import FAILED, GIVEN_UP, SKIPPED, STORED, Feed, FeedRegistry, ItemRecord
from .robots import RobotsCache

if TYPE_CHECKING:
    from ..store import Extractor, Store

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
ARTICLE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,"
    "application/json;q=0.8,*/*;q=0.1"
)

Clock = Callable[[], datetime]
Listener = Callable[[dict[str, Any]], Any]


def retry_delay(attempts: int, interval: int) -> float:
    """Seconds after a failed try before the next: none after the first (tried again next round), then about
    1.5 and 3.5 intervals (its feed's rounds 1 and 3 skipped)."""
    if attempts <= 1:
        return 0.0
    return interval * (2 ** (attempts - 1) - 0.5)


@dataclass
class WatchOptions:
    fetch: FetchOptions = field(default_factory=FetchOptions)
    workers: int = 8  # concurrent fetches
    interval: int | None = None  # overrides every feed's own interval
    max_attempts: int = MAX_ATTEMPTS
    extractor: Extractor | None = None
    alerts: bool = True  # deliver the alerts (``spotrep.alerts``) after each round
    robots: bool = True  # honour the article hosts' robots.txt (RFC 9309; ``robots``)
    keep_changes: int | None = KEEP_CHANGES  # seconds the change log keeps what alerts read (None: all)
    prune_every: float = 3600.0  # seconds between two prunings of the change log (the first after round 1)


@dataclass
class RoundReport:
    """What a round did."""

    feeds_polled: int = 0
    feeds_changed: int = 0
    feeds_not_modified: int = 0
    feeds_failed: int = 0
    items_new: int = 0
    articles_tried: int = 0
    documents_added: int = 0
    skipped: int = 0
    failed: int = 0
    given_up: int = 0
    events_new: int = 0
    events_merged: int = 0
    robots_disallowed: int = 0  # pages not fetched: their host's robots.txt disallows them (feed text stored)
    robots_unreachable: int = 0  # pages not fetched: their host's robots.txt could not be read (tried later)
    alerts_delivered: int = 0  # events sent to alerts after the round
    alerts_failed: int = 0  # events whose delivery failed (tried again later)
    changes_pruned: int = 0  # old rows of the store's change log dropped after the round
    requests: int = 0
    seconds: float = 0.0
    stopped: bool = False
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in vars(self).items()}


@dataclass
class _Article:
    """What a worker thread made of an item's page."""

    response: Response | None = None
    text: str | None = None
    page_meta: dict[str, str] = field(default_factory=dict)
    error: FeedError | None = None


class Watcher:
    """Polls a store's feeds and stores their new articles. The calling thread does all the writing."""

    def __init__(
        self,
        store: Store,
        options: WatchOptions | None = None,
        *,
        on_event: Listener | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.store = store
        self.options = options or WatchOptions()
        self.registry = FeedRegistry(store)
        self.fetcher = Fetcher(self.options.fetch)
        self._emit = on_event or (lambda record: None)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._extractor = self.options.extractor
        self._pruned_at: float | None = None  # time.monotonic() of the last pruning of the change log

    def _extract(self) -> Extractor:
        if self._extractor is None:
            from ..store import resolve_extractor

            self._extractor = resolve_extractor()
        return self._extractor

    # --- rounds -------------------------------------------------------------------------------------------

    def run(
        self, stop: threading.Event, *, urls: Iterable[str] | None = None, idle: float = 60.0
    ) -> RoundReport:
        """Rounds until ``stop`` is set, sleeping between them until a feed or a retry is due (at most
        ``idle`` seconds at a time); returns the totals."""
        total = RoundReport()
        wanted = list(urls) if urls is not None else None
        while not stop.is_set():
            report = self.run_round(stop=stop, urls=wanted)
            for key, value in vars(report).items():
                if isinstance(value, int | float) and not isinstance(value, bool):
                    setattr(total, key, getattr(total, key) + value)
            total.errors += report.errors
            stop.wait(max(0.5, min(idle, self.seconds_to_next(urls=wanted))))
        total.stopped = True
        return total

    def seconds_to_next(self, *, urls: Iterable[str] | None = None) -> float:
        """Seconds until the next feed is due or the next failed item is to be tried again."""
        now = self._clock()
        wanted = set(urls) if urls is not None else None
        moments = []
        for feed in self.registry.list():
            if wanted is not None and feed.url not in wanted:
                continue
            interval = self.options.interval if self.options.interval is not None else feed.interval
            last = feed.last_polled and datetime.fromisoformat(feed.last_polled)
            moments.append(last + timedelta(seconds=interval) if last else now)
        retry = self.registry.next_try()
        if retry is not None:
            moments.append(retry)
        if not moments:
            return float("inf")
        return max(0.0, (min(moments) - now).total_seconds())

    def run_round(
        self, *, stop: threading.Event | None = None, urls: Iterable[str] | None = None
    ) -> RoundReport:
        """Poll the feeds that are due (of ``urls`` only, if given) and store their new articles, and the
        articles of earlier rounds still to try."""
        stop = stop or threading.Event()
        report = RoundReport()
        started = time.perf_counter()
        requests_before = self.fetcher.requests
        now = self._clock()
        wanted = list(urls) if urls is not None else None
        by_pk = {feed.pk: feed for feed in self.registry.list()}  # updated as polls find titles
        feed_pks = [pk for pk, feed in by_pk.items() if wanted is None or feed.url in wanted]
        feeds = [by_pk[pk] for pk in feed_pks if by_pk[pk].due(now, self.options.interval)]
        retries = self.registry.to_try(now, feed_pks=feed_pks)
        self._emit({"event": "round", "phase": "start", "feeds_due": len(feeds), "retries": len(retries)})
        pool = ThreadPoolExecutor(
            max_workers=max(1, self.options.workers), thread_name_prefix="spotrep-fetch"
        )
        pending: dict[Future[Any], tuple[str, Any]] = {}
        queued: set[int] = set()
        robots = RobotsCache(self.fetcher) if self.options.robots else None  # read anew each round

        def fetch_item(item: ItemRecord) -> None:
            if item.pk in queued:
                return
            queued.add(item.pk)
            pending[pool.submit(self._fetch_article, item, robots)] = ("article", item)

        try:
            for feed in feeds:
                pending[pool.submit(self._fetch_feed, feed)] = ("feed", feed)
            for item in retries:
                fetch_item(item)
            while pending and not stop.is_set():
                done, _ = wait(list(pending), timeout=0.25, return_when=FIRST_COMPLETED)
                for future in done:
                    kind, subject = pending.pop(future)
                    if kind == "feed":
                        for item in self._feed_polled(subject, future, report):
                            fetch_item(item)
                    else:
                        self._store_article(by_pk[subject.feed_pk], subject, future.result(), report)
                    if stop.is_set():
                        break
        finally:
            report.stopped = stop.is_set()
            pool.shutdown(wait=not report.stopped, cancel_futures=True)
        report.requests = self.fetcher.requests - requests_before
        if self.options.alerts and not report.stopped:
            self._deliver_alerts(report)
        if not report.stopped:
            self._prune_changes(report)
        report.seconds = time.perf_counter() - started
        self._emit({"event": "round", "phase": "end", **report.to_dict()})
        return report

    def _deliver_alerts(self, report: RoundReport) -> None:
        """Send the alerts' new matching events (cheap when there are none); a failed delivery is recorded and
        tried again after a later round."""
        from ..alerts import deliver_alerts

        delivered = deliver_alerts(self.store)
        report.alerts_delivered += delivered.delivered
        report.alerts_failed += delivered.failed
        for error in delivered.errors:
            report.errors.append(f"alert: {error}")
            self._emit({"event": "error", "kind": "alert", "error": error})

    def _prune_changes(self, report: RoundReport) -> None:
        """Drop the change log's old rows that every alert has read (``Store.prune_changes``), at most every
        ``prune_every`` seconds; a failure is reported, not raised (the next round tries again)."""
        keep = self.options.keep_changes
        started = time.monotonic()
        if keep is None or (
            self._pruned_at is not None and started - self._pruned_at < self.options.prune_every
        ):
            return
        try:
            report.changes_pruned = self.store.prune_changes(keep)
        except StoreError as exc:
            report.errors.append(f"pruning the change log: {exc.message}")
            self._emit({"event": "error", "kind": "prune", "error": exc.message})
            return
        self._pruned_at = started

    # --- feeds --------------------------------------------------------------------------------------------

    def _fetch_feed(self, feed: Feed) -> Response:
        """(worker thread) The feed, conditionally. robots.txt is not consulted for feeds: the user asked for
        each feed URL explicitly (``spotrep feeds add``), as a person opening it in a feed reader would."""
        return self.fetcher.get(
            feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT
        )

    def _feed_polled(self, feed: Feed, future: Future[Response], report: RoundReport) -> list[ItemRecord]:
        """Record a feed's poll; returns its new items to fetch."""
        now = self._clock()
        report.feeds_polled += 1
        try:
            response = future.result()
            if response.not_modified:
                self.registry.record_poll(feed, polled_at=now, status="not_modified")
                report.feeds_not_modified += 1
                self._emit({"event": "feed", "url": feed.url, "status": "not_modified", "new_items": 0})
                return []
            if response.status != 200:
                raise FetchError(f"{feed.url}: HTTP {response.status}", url=feed.url, status=response.status)
            parsed = parse_feed(response.body, url=response.url, content_type=response.content_type)
        except FeedError as exc:
            status = feed_status(exc)
            self.registry.record_poll(feed, polled_at=now, status=status, error=exc.message)
            report.feeds_failed += 1
            report.errors.append(exc.message)
            log.debug("feed %s: %s", feed.url, exc.message)
            self._emit(
                {"event": "error", "feed": feed.url, "url": feed.url, "status": status, "error": exc.message}
            )
            return []
        self.registry.record_poll(
            feed,
            polled_at=now,
            status="ok",
            title=parsed.title,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )
        if parsed.title and not feed.title:
            feed.title = parsed.title
        report.feeds_changed += 1
        entries = [(item, canonical_url(item.link) if item.link else None) for item in parsed.items]
        new = self.registry.add_items(feed, entries, now=now)
        report.items_new += len(new)
        report.skipped += sum(item.status == SKIPPED for item in new)
        self._emit(
            {
                "event": "feed",
                "url": feed.url,
                "status": "ok",
                "items": len(parsed.items),
                "new_items": len(new),
            }
        )
        return [item for item in new if item.status != SKIPPED]

    # --- articles -----------------------------------------------------------------------------------------

    def _fetch_article(self, item: ItemRecord, robots: RobotsCache | None = None) -> _Article:
        """(worker thread) The item's page and its main text, if its host's robots.txt allows; a FeedError
        kept, never raised."""
        if not item.link:
            return _Article(error=FeedError("the item has no link", url=None))
        try:
            if robots is not None:
                robots.check(item.link)
            response = self.fetcher.get(item.link, accept=ARTICLE_ACCEPT)
            if response.status != 200:
                raise FetchError(
                    f"{item.link}: HTTP {response.status}",
                    url=item.link,
                    status=response.status,
                    retryable=False,
                )
            if response.content_type not in HTML_TYPES:
                raise NotHtmlError(
                    f"{item.link}: not an HTML page ({response.content_type or 'no content type'})",
                    url=item.link,
                    content_type=response.content_type,
                )
            from ..readers import html_main_text

            html = response.body.decode(response.charset or "utf-8", errors="replace")
            try:
                text, meta = html_main_text(html, name=item.link)
            except InputError as exc:
                raise FeedError(exc.message, url=item.link) from None
            return _Article(response=response, text=text, page_meta=meta)
        except FeedError as exc:
            return _Article(error=exc)

    def _store_article(self, feed: Feed, item: ItemRecord, article: _Article, report: RoundReport) -> None:
        """Store an item's article (or its feed text), or record why not."""
        now = self._clock()
        attempts = item.attempts + 1
        report.articles_tried += 1
        error = article.error
        text = article.text
        note = None
        if isinstance(error, RobotsDisallowedError | RobotsUnavailableError):
            disallowed = isinstance(error, RobotsDisallowedError)
            if disallowed:
                report.robots_disallowed += 1
            else:
                report.robots_unreachable += 1
            self._emit(
                {"event": "robots", "feed": feed.url, "url": item.link,
                 "status": "disallowed" if disallowed else "unreachable", "error": error.message}
            )  # fmt: skip
        if error is not None:
            retryable = isinstance(error, FetchError) and error.retryable
            if retryable and attempts < self.options.max_attempts:
                interval = self.options.interval if self.options.interval is not None else feed.interval
                when = now + timedelta(seconds=retry_delay(attempts, interval))
                self.registry.settle(
                    item, status=FAILED, now=now, attempts=attempts, error=error.message, next_try=when
                )
                report.failed += 1
                report.errors.append(error.message)
                self._emit(
                    {"event": "error", "feed": feed.url, "url": item.link, "status": FAILED,
                     "attempts": attempts, "next_try": when.isoformat(timespec="seconds"), "error": error.message}
                )  # fmt: skip
                return
            if not item.summary:
                self._give_up(feed, item, attempts, error.message, now, report)
                return
            text = item.summary
            note = f"{error.message}; stored the feed's text"
        assert text is not None
        try:
            document = make_document(
                _with_title(item.title, text) if note else text,
                published=item.published or article.page_meta.get("date") or now.date(),
                source=feed.source,
                url=item.link,
                name=item.link or item.guid,
            )
            require_supported_language(document, name=item.link or item.guid)
        except InputError as exc:
            self._give_up(feed, item, attempts, exc.message, now, report)
            return
        document.title = item.title or article.page_meta.get("title")
        digest = content_id(document.text)
        existing = self.store.find_document(document.text) or self.registry.stored_document(digest)
        if existing is not None:
            self.registry.settle(
                item, status=SKIPPED, now=now, attempts=attempts, error="the same text is stored already",
                document_id=existing, content_hash=digest,
            )  # fmt: skip
            report.skipped += 1
            self._emit(
                {
                    "event": "article",
                    "feed": feed.url,
                    "url": item.link,
                    "status": SKIPPED,
                    "document_id": existing,
                }
            )
            return
        result = self.store.ingest([document], extractor=self._extract())
        if result.documents_added:
            self.registry.settle(
                item, status=STORED, now=now, attempts=attempts, error=note, document_id=document.id,
                content_hash=digest,
            )  # fmt: skip
            report.documents_added += 1
            report.events_new += result.events_new
            report.events_merged += result.events_merged
            if note:
                report.errors.append(note)
            self._emit(
                {"event": "article", "feed": feed.url, "url": item.link, "status": STORED,
                 "document_id": document.id, "events": result.events_extracted, "from_feed_text": bool(note),
                 **({"error": note} if note else {})}
            )  # fmt: skip
            return
        if result.duplicates:
            found = self.store.find_document(document.text)
            self.registry.settle(
                item, status=SKIPPED, now=now, attempts=attempts, error="the same text is stored already",
                document_id=found, content_hash=digest,
            )  # fmt: skip
            report.skipped += 1
            return
        message = "; ".join(result.errors) or "not stored"
        if attempts < self.options.max_attempts:
            interval = self.options.interval if self.options.interval is not None else feed.interval
            when = now + timedelta(seconds=retry_delay(attempts, interval))
            self.registry.settle(
                item, status=FAILED, now=now, attempts=attempts, error=message, next_try=when
            )
            report.failed += 1
            report.errors.append(message)
            self._emit(
                {"event": "error", "feed": feed.url, "url": item.link, "status": FAILED, "error": message}
            )
        else:
            self._give_up(feed, item, attempts, message, now, report)

    def _give_up(
        self, feed: Feed, item: ItemRecord, attempts: int, message: str, now: datetime, report: RoundReport
    ) -> None:
        self.registry.settle(item, status=GIVEN_UP, now=now, attempts=attempts, error=message)
        report.given_up += 1
        report.errors.append(message)
        self._emit(
            {"event": "error", "feed": feed.url, "url": item.link, "status": GIVEN_UP, "error": message}
        )


def _with_title(title: str | None, text: str) -> str:
    """A feed's summary with its item's title as the first paragraph (the headline, as on the page)."""
    if title and not text.startswith(title):
        return f"{title}\n\n{text}"
    return text


def feed_status(error: FeedError) -> str:
    """The ``last_status`` of a feed whose poll failed."""
    if isinstance(error, FetchTimeoutError):
        return "timeout"
    if isinstance(error, MalformedFeedError):
        return "malformed feed"
    if isinstance(error, TooManyRedirectsError):
        return "too many redirects"
    if isinstance(error, ResponseTooLargeError):
        return "too large"
    status = error.fields.get("status")
    if status:
        return f"http {status}"
    return "network error"
