"""robots.txt, as RFC 9309 says a crawler reads it: once per host and round, before the first article page of
that host is fetched (``RobotsCache``, one per round).

* the file is fetched with the round's fetcher (its User-Agent, timeouts, size cap, per-host limits, redirects
  and retries) from ``scheme://host[:port]/robots.txt``;
* 2xx: its rules are read (``urllib.robotparser``) for our product token ``spotrep`` (``ROBOTS_TOKEN``): the
  group naming ``spotrep`` if there is one, else the ``*`` group;
* 4xx (401 and 403 too; not 408 or 429, which ask to come back later) or a redirect loop: the file is
  "unavailable", every page may be fetched;
* 5xx, 408, 429, a timeout, a network error, or a file larger than the size cap: the file is "unreachable",
  no page of the host is fetched this round (``RobotsUnavailableError``, which may pass: the items are tried again at a
  later round).

Feeds themselves are not checked: the user subscribed to each feed URL by hand, as a person opening it would
(``Watcher`` applies robots.txt to article pages only).
"""

from __future__ import annotations

import logging
import threading
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import FetchError, ResponseTooLargeError, RobotsDisallowedError, RobotsUnavailableError
from .http import Fetcher

log = logging.getLogger(__name__)

ROBOTS_TOKEN = "spotrep"
"""The product token matched against robots.txt's ``User-agent`` lines."""
ROBOTS_ACCEPT = "text/plain,*/*;q=0.1"


@dataclass(frozen=True)
class RobotsRules:
    """A host's robots.txt as read this round: ``rules`` (None: allow or deny everything, per ``allow_all``),
    and why (``status``: ``ok``, ``http 404``, ``http 503``, ``network error``...)."""

    origin: str
    status: str
    allow_all: bool = True
    rules: urllib.robotparser.RobotFileParser | None = None
    error: str | None = None

    @property
    def reachable(self) -> bool:
        return self.rules is not None or self.allow_all

    def allows(self, url: str) -> bool:
        if self.rules is not None:
            return self.rules.can_fetch(ROBOTS_TOKEN, url)
        return self.allow_all


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL (lower-cased): whose robots.txt rules it."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if ":" in host:  # IPv6
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme.lower()}://{host}{port}"


def read_robots(fetcher: Fetcher, origin: str) -> RobotsRules:
    """Fetch and read ``origin``'s robots.txt (never raises: an unreachable file is a ``RobotsRules`` that
    allows nothing)."""
    url = origin + "/robots.txt"
    try:
        response = fetcher.get(url, accept=ROBOTS_ACCEPT)
    except ResponseTooLargeError as exc:
        return RobotsRules(origin, "too large", allow_all=False, error=exc.message)
    except FetchError as exc:
        status = exc.fields.get("status")
        if status and 400 <= status < 500 and status not in (408, 429):  # asked to come back later: as a 5xx
            return RobotsRules(origin, f"http {status}")
        if exc.code == "too_many_redirects":
            return RobotsRules(origin, "too many redirects")  # RFC 9309 2.3.1.2: may be taken as unavailable
        return RobotsRules(
            origin, f"http {status}" if status else "network error", allow_all=False, error=exc.message
        )
    if 400 <= response.status < 500:
        return RobotsRules(origin, f"http {response.status}")
    if response.status >= 500:
        return RobotsRules(
            origin, f"http {response.status}", allow_all=False, error=f"HTTP {response.status}"
        )
    if not 200 <= response.status < 300:  # e.g. a 3xx without a Location
        return RobotsRules(origin, f"http {response.status}")
    parser = urllib.robotparser.RobotFileParser(url)
    parser.parse(response.body.decode(response.charset or "utf-8", errors="replace").splitlines())
    parser.modified()  # can_fetch answers False for a parser that never "read" its file
    return RobotsRules(origin, "ok", rules=parser)


class RobotsCache:
    """The robots.txt of each host met in one round, fetched the first time one of its pages is to be fetched
    (a thread asking for a host whose file is being fetched waits for it); safe to share between threads."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._lock = threading.Lock()
        self._hosts: dict[str, tuple[threading.Lock, list[RobotsRules]]] = {}

    def rules(self, url: str) -> RobotsRules:
        origin = origin_of(url)
        with self._lock:
            entry = self._hosts.setdefault(origin, (threading.Lock(), []))
        lock, found = entry
        with lock:
            if not found:
                found.append(read_robots(self.fetcher, origin))
                log.debug("%s/robots.txt: %s", origin, found[0].status)
            return found[0]

    def check(self, url: str) -> None:
        """Return when ``url`` may be fetched; else raise ``RobotsDisallowedError`` (its rules say no) or
        ``RobotsUnavailableError`` (the file could not be read this round: 5xx, network error)."""
        rules = self.rules(url)
        if not rules.reachable:
            raise RobotsUnavailableError(
                f"{url}: not fetched, {rules.origin}/robots.txt could not be read this round"
                f" ({rules.error or rules.status})",
                url=url,
                robots=rules.status,
                retryable=True,
            )
        if not rules.allows(url):
            raise RobotsDisallowedError(
                f"{url}: disallowed by {rules.origin}/robots.txt", url=url, retryable=False
            )

    @property
    def hosts(self) -> int:
        return len(self._hosts)


__all__ = ["ROBOTS_TOKEN", "RobotsCache", "RobotsRules", "origin_of", "read_robots"]
