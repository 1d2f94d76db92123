"""Reading what feeds say: RSS 0.9x/1.0/2.0 and Atom (feedparser), JSON Feed (read here), lists of feeds
(OPML, or URLs one per line), intervals ("10m"), and canonical URLs.

Nothing here touches the network or the store.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from ..errors import InputError, MalformedFeedError

log = logging.getLogger(__name__)


@dataclass
class FeedItem:
    """One entry of a feed: its GUID (the feed's id, else its link, else a hash of its title and text), its
    link, title, date and the feed's own text of it (summary or content, tags stripped)."""

    guid: str
    link: str | None
    title: str | None = None
    published: date | None = None
    summary: str | None = None


@dataclass
class ParsedFeed:
    title: str | None
    kind: str  # rss20, atom10, json1, ... (feedparser's version names; "json" for JSON Feed)
    items: list[FeedItem] = field(default_factory=list)


# --- intervals --------------------------------------------------------------------------------------------

_INTERVAL = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?|d|days?)?\s*$"
)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(value: str | int | float, *, minimum: int = 1, name: str = "interval") -> int:
    """Seconds of an interval written ``90``, ``90s``, ``10m``, ``1.5h`` or ``1d`` (a bare number is seconds);
    at least ``minimum`` seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        m = _INTERVAL.match(str(value).lower())
        if not m:
            raise InputError(
                f"{name} must look like 90s, 10m, 1h or 1d, got {value!r}", field=name, value=str(value)
            )
        seconds = float(m.group(1)) * _UNIT_SECONDS[(m.group(2) or "s")[0]]
    if seconds != seconds or seconds < minimum or seconds > 366 * 86400:
        raise InputError(
            f"{name} must be between {minimum} s and a year, got {value!r}", field=name, value=str(value)
        )
    return round(seconds)


def format_interval(seconds: int) -> str:
    """The shortest of ``1d``, ``2h``, ``10m``, ``90s`` that says ``seconds`` exactly."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


# --- URLs -------------------------------------------------------------------------------------------------

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref_src|cmpid)$", re.I)


def canonical_url(url: str) -> str:
    """The URL items are compared by: scheme and host in lower case, no default port, no fragment, no
    tracking parameters (``utm_*``, ``fbclid``...), ``/`` for an empty path."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    )
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def check_feed_url(url: str) -> str:
    """An http(s) URL with a host, stripped; an InputError otherwise."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"not an http(s) URL: {url!r}", url=url)
    return url


# --- text -------------------------------------------------------------------------------------------------

_BLOCK_TAG = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)


def html_to_text(fragment: str) -> str:
    """The text of a feed's HTML fragment (a summary or content): tags dropped, block elements as paragraph
    breaks, entities decoded."""
    text = _SCRIPT.sub(" ", fragment)
    text = _BLOCK_TAG.sub("\n\n", text)
    text = html.unescape(_TAG.sub("", text))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _guid(item_id: Any, link: str | None, title: str | None, summary: str | None) -> str:
    if isinstance(item_id, str | int) and str(item_id).strip():
        return str(item_id).strip()
    if link:
        return canonical_url(link)
    digest = hashlib.sha1(f"{title or ''}\n{summary or ''}".encode()).hexdigest()[:20]
    return f"sha1:{digest}"


# --- feeds ------------------------------------------------------------------------------------------------


def parse_feed(data: bytes, *, url: str = "", content_type: str | None = None) -> ParsedFeed:
    """The title and items of a feed document (RSS, Atom or JSON Feed); a MalformedFeedError when it is
    none of them or cannot be read. Relative links are resolved against ``url``."""
    head = data.lstrip()[:1]
    ctype = (content_type or "").split(";")[0].strip().lower()
    if head == b"{" or ctype in ("application/feed+json", "application/json"):
        return parse_json_feed(data, url=url)
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url} if url else None)
    version = parsed.get("version") or ""
    entries = parsed.get("entries") or []
    if not version or (parsed.get("bozo") and not entries and not parsed.feed.get("title")):
        reason = parsed.get("bozo_exception")
        raise MalformedFeedError(
            f"{url or 'feed'}: not a readable RSS, Atom or JSON feed" + (f" ({reason})" if reason else ""),
            url=url or None,
        )
    if parsed.get("bozo"):
        log.debug("%s: feed read despite %s", url, parsed.get("bozo_exception"))
    items = []
    for entry in entries:
        link = entry.get("link")
        if link and url:
            link = urljoin(url, link)
        summary = None
        contents = entry.get("content") or []
        for candidate in [*(c.get("value") for c in contents), entry.get("summary")]:
            if candidate and candidate.strip():
                summary = html_to_text(candidate)
                if summary:
                    break
        title = html_to_text(entry.get("title") or "") or None
        when = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")
        published = datetime.fromtimestamp(calendar.timegm(when), UTC).date() if when else None
        items.append(FeedItem(_guid(entry.get("id"), link, title, summary), link, title, published, summary))
    title = html_to_text(parsed.feed.get("title") or "") or None
    return ParsedFeed(title=title, kind=version, items=items)


def parse_json_feed(data: bytes, *, url: str = "") -> ParsedFeed:
    """A JSON Feed (https://jsonfeed.org, versions 1 and 1.1)."""
    where = url or "feed"
    try:
        feed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise MalformedFeedError(f"{where}: not a readable JSON feed ({exc})", url=url or None) from None
    if not isinstance(feed, dict) or not str(feed.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise MalformedFeedError(
            f"{where}: JSON but not a JSON Feed (no jsonfeed.org version)", url=url or None
        )
    raw_items = feed.get("items")
    if not isinstance(raw_items, list):
        raise MalformedFeedError(f"{where}: a JSON Feed without an items list", url=url or None)
    items = []
    for raw in raw_items:
        if not isinstance(raw, dict):
            continue
        link = raw.get("url") or raw.get("external_url")
        link = urljoin(url, link) if isinstance(link, str) and link.strip() else None
        title = raw.get("title") if isinstance(raw.get("title"), str) else None
        summary = None
        for key, is_html in (("content_text", False), ("content_html", True), ("summary", False)):
            value = raw.get(key)
            if isinstance(value, str) and value.strip():
                summary = html_to_text(value) if is_html else value.strip()
                break
        published = None
        for key in ("date_published", "date_modified"):
            value = raw.get(key)
            if isinstance(value, str):
                try:
                    published = date.fromisoformat(value.strip()[:10])
                    break
                except ValueError:
                    continue
        items.append(FeedItem(_guid(raw.get("id"), link, title, summary), link, title, published, summary))
    title = feed.get("title") if isinstance(feed.get("title"), str) else None
    return ParsedFeed(title=title, kind="json" + str(feed["version"]).rsplit("/", 1)[-1], items=items)


# --- lists of feeds ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedEntry:
    url: str
    name: str | None = None


def parse_feed_list(text: str, *, name: str = "input") -> list[FeedEntry]:
    """The feeds of an OPML file (every ``outline`` with an ``xmlUrl``, named by its ``title`` or ``text``)
    or of a plain list (one URL a line; blank lines and ``#`` comments skipped)."""
    if text.lstrip().startswith("<"):
        return _parse_opml(text, name=name)
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            out.append(FeedEntry(check_feed_url(line.split()[0])))
        except InputError as exc:
            raise InputError(f"{name}:{number}: {exc.message}", name=name, line=number) from None
    return out


def _parse_opml(text: str, *, name: str) -> list[FeedEntry]:
    from lxml import etree

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{name}: not readable OPML ({exc})", name=name) from None
    out = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if not url:
            continue
        try:
            url = check_feed_url(url)
        except InputError as exc:
            raise InputError(f"{name}: {exc.message}", name=name) from None
        out.append(FeedEntry(url, outline.get("title") or outline.get("text") or None))
    if not out:
        raise InputError(f"{name}: the OPML file lists no feeds (no outline with an xmlUrl)", name=name)
    return out
