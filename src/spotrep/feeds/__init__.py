"""Feeds: subscribing to RSS, Atom and JSON feeds and watching them (``spotrep feeds``, ``spotrep watch``).

    >>> from spotrep.feeds import FeedRegistry, Watcher
    >>> with Store.open("events.db") as store:              # doctest: +SKIP
    ...     FeedRegistry(store).add("https://example.org/rss.xml", name="Example Wire", interval=600)
    ...     report = Watcher(store).run_round()              # poll what is due, store the new articles

Modules: ``parse`` (feeds, feed lists, intervals, canonical URLs), ``http`` (the polite fetcher), ``robots``
(robots.txt, RFC 9309), ``registry`` (the ``feeds`` and ``feed_items`` tables), ``watch`` (rounds).
"""

from __future__ import annotations

from .http import USER_AGENT, Fetcher, FetchOptions, Response
from .parse import (
    FeedEntry,
    FeedItem,
    ParsedFeed,
    canonical_url,
    format_interval,
    parse_feed,
    parse_feed_list,
    parse_interval,
)
from .registry import DEFAULT_INTERVAL, ITEM_STATUSES, Feed, FeedRegistry, ItemRecord
from .robots import ROBOTS_TOKEN, RobotsCache
from .watch import MAX_ATTEMPTS, RoundReport, Watcher, WatchOptions, retry_delay

__all__ = [
    "DEFAULT_INTERVAL",
    "ITEM_STATUSES",
    "MAX_ATTEMPTS",
    "ROBOTS_TOKEN",
    "USER_AGENT",
    "Feed",
    "FeedEntry",
    "FeedItem",
    "FeedRegistry",
    "FetchOptions",
    "Fetcher",
    "ItemRecord",
    "ParsedFeed",
    "Response",
    "RobotsCache",
    "RoundReport",
    "WatchOptions",
    "Watcher",
    "canonical_url",
    "format_interval",
    "parse_feed",
    "parse_feed_list",
    "parse_interval",
    "retry_delay",
]
