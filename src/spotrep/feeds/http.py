"""HTTP as a polite crawler does it, on the standard library (``http.client``): one ``Fetcher`` per watch.

* a clear User-Agent (``USER_AGENT``, or the operator's own with their contact: ``$SPOTREP_USER_AGENT``, or
  ``spotrep watch --user-agent``) and ``Accept-Encoding: gzip``;
* conditional GET: the ETag and Last-Modified of the last answer are sent back (If-None-Match,
  If-Modified-Since), and a 304 is an answer like any other (``Response.not_modified``);
* at most ``per_host`` requests to one host at a time, and at least ``host_delay`` seconds between the starts
  of two requests to one host;
* a connect timeout, a read timeout (each read of the socket), and a deadline for the whole answer, so a server
  that trickles bytes cannot hold a fetch for ever;
* answers read in chunks and refused past ``max_bytes`` (after decompression: a gzip bomb is refused too);
* redirects followed up to ``max_redirects`` (a loop is an error);
* retries within the call for 5xx, 408, 429, timeouts and network errors (``retries``, with a doubling
  backoff); other failures are raised at once.

Failures are ``FetchError``s (``retryable`` says whether a later try may do better).
"""

from __future__ import annotations

import contextlib
import http.client
import logging
import os
import re
import ssl
import threading
import time
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import ConfigError, FetchError, FetchTimeoutError, ResponseTooLargeError, TooManyRedirectsError

log = logging.getLogger(__name__)

PROJECT_URL = "https://github.com/spotrep/spotrep"
USER_AGENT = f"spotrep/{__version__} (+{PROJECT_URL}; conflict-event monitor)"
USER_AGENT_ENV = "SPOTREP_USER_AGENT"
MAX_USER_AGENT = 500
_HEADER_VALUE = re.compile(r"[\x20-\x7e]+")  # visible ASCII and spaces: no CR/LF (no header injection)
MAX_BYTES = 5 * 1024 * 1024
RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_CHUNK = 64 * 1024


def check_user_agent(value: str, *, name: str = "the User-Agent") -> str:
    """A User-Agent given by the operator, stripped: printable ASCII, at most ``MAX_USER_AGENT`` characters."""
    value = (value or "").strip()
    if not value or len(value) > MAX_USER_AGENT or not _HEADER_VALUE.fullmatch(value):
        raise ConfigError(
            f"{name} must be 1 to {MAX_USER_AGENT} printable ASCII characters (e.g. 'spotrep/{__version__}"
            f" (+mailto:you@example.org)'), got {value[:80]!r}",
            field="user_agent",
        )
    return value


def user_agent(environ: Mapping[str, str] | None = None) -> str:
    """The User-Agent to send: ``$SPOTREP_USER_AGENT`` when set (checked), else ``USER_AGENT``."""
    env = os.environ if environ is None else environ
    value = env.get(USER_AGENT_ENV, "")
    if not value.strip():
        return USER_AGENT
    return check_user_agent(value, name=USER_AGENT_ENV)


@dataclass
class FetchOptions:
    """How the fetcher behaves; the defaults are a polite crawler's."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # the whole answer, redirects included
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    per_host: int = 2
    host_delay: float = 0.5
    retries: int = 2  # within one call, for retryable failures
    backoff: float = 0.5  # seconds before the first retry; doubles
    user_agent: str = field(default_factory=user_agent)  # $SPOTREP_USER_AGENT, else USER_AGENT


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: Mapping[str, str]
    body: bytes = b""
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"' ")
        return None


@dataclass
class _Host:
    slots: threading.Semaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_start: float = 0.0


class Fetcher:
    """GET with politeness, limits and retries; safe to share between threads."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self._ssl = ssl.create_default_context()
        self.requests = 0  # requests sent (for reports and tests)

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Response:
        """GET ``url`` (following redirects), retrying retryable failures ``options.retries`` times."""
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._get_once(url, etag=etag, last_modified=last_modified, accept=accept)
                response.attempts = attempt
                if response.status in RETRYABLE_STATUS:
                    raise FetchError(
                        f"{url}: HTTP {response.status}", url=url, status=response.status, retryable=True
                    )
                return response
            except FetchError as exc:
                if not exc.retryable or attempt > self.options.retries:
                    exc.fields["attempts"] = attempt
                    raise
                wait = self.options.backoff * 2 ** (attempt - 1)
                log.debug("%s: %s; trying again in %.1f s", url, exc.message, wait)
                time.sleep(wait)

    # --- one request, redirects included ------------------------------------------------------------------

    def _get_once(self, url: str, *, etag: str | None, last_modified: str | None, accept: str) -> Response:
        opts = self.options
        started = time.monotonic()
        seen = [url]
        current = url
        for _ in range(opts.max_redirects + 1):
            headers = {"User-Agent": opts.user_agent, "Accept": accept, "Accept-Encoding": "gzip"}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            status, head, body = self._request(current, headers, started)
            if status in (301, 302, 303, 307, 308) and head.get("location"):
                target = urljoin(current, head["location"])
                if target in seen:
                    raise TooManyRedirectsError(
                        f"{url}: redirect loop ({' -> '.join([*seen, target])})", url=url, retryable=False
                    )
                seen.append(target)
                current = target
                continue
            return Response(url=current, status=status, headers=head, body=body)
        raise TooManyRedirectsError(
            f"{url}: more than {opts.max_redirects} redirects", url=url, retryable=False
        )

    @contextlib.contextmanager
    def _polite(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = _Host(threading.Semaphore(max(1, self.options.per_host)))
        with slot.slots:
            with slot.lock:
                now = time.monotonic()
                wait = slot.next_start - now
                slot.next_start = max(now, slot.next_start) + self.options.host_delay
            if wait > 0:
                time.sleep(wait)
            yield

    def _request(
        self, url: str, headers: dict[str, str], started: float
    ) -> tuple[int, dict[str, str], bytes]:
        opts = self.options
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: not an http(s) URL", url=url, retryable=False)
        host = parts.hostname.lower()
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        with self._polite(host):
            self.requests += 1
            conn: http.client.HTTPConnection
            if scheme == "https":
                conn = http.client.HTTPSConnection(
                    host, parts.port, timeout=opts.connect_timeout, context=self._ssl
                )
            else:
                conn = http.client.HTTPConnection(host, parts.port, timeout=opts.connect_timeout)
            try:
                try:
                    conn.connect()
                except TimeoutError:
                    raise FetchTimeoutError(
                        f"{url}: timeout (no connection within {opts.connect_timeout:g} s)",
                        url=url,
                        retryable=True,
                    ) from None
                assert conn.sock is not None
                conn.sock.settimeout(opts.read_timeout)
                conn.request("GET", path, headers={**headers, "Host": parts.netloc, "Connection": "close"})
                response = conn.getresponse()
                head = {k.lower(): v for k, v in response.getheaders()}
                if response.status in (301, 302, 303, 307, 308, 304) or response.status >= 400:
                    return response.status, head, b""
                return response.status, head, self._read_body(url, response, head, started)
            except TimeoutError:
                raise FetchTimeoutError(
                    f"{url}: timeout (nothing read for {opts.read_timeout:g} s)", url=url, retryable=True
                ) from None
            except (OSError, http.client.HTTPException) as exc:
                if isinstance(exc, ssl.SSLCertVerificationError):
                    raise FetchError(f"{url}: {exc}", url=url, retryable=False) from None
                reason = (
                    exc.strerror
                    if isinstance(exc, OSError) and exc.strerror
                    else str(exc) or type(exc).__name__
                )
                raise FetchError(f"{url}: network error ({reason})", url=url, retryable=True) from None
            finally:
                conn.close()

    def _read_body(
        self, url: str, response: http.client.HTTPResponse, head: dict[str, str], started: float
    ) -> bytes:
        opts = self.options
        length = head.get("content-length", "")
        if (
            length.isdigit()
            and int(length) > opts.max_bytes
            and "gzip" not in head.get("content-encoding", "")
        ):
            raise _too_large(url, opts.max_bytes)
        gzipped = head.get("content-encoding", "").strip().lower() in ("gzip", "x-gzip")
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() - started > opts.deadline:
                raise FetchTimeoutError(
                    f"{url}: timeout (the answer took more than {opts.deadline:g} s)", url=url, retryable=True
                )
            chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
            if not chunk:
                break
            if inflate is not None:
                try:
                    chunk = inflate.decompress(chunk, opts.max_bytes + 1 - size)
                except zlib.error as exc:
                    raise FetchError(f"{url}: broken gzip data ({exc})", url=url, retryable=False) from None
            size += len(chunk)
            if size > opts.max_bytes or (inflate is not None and inflate.unconsumed_tail):
                raise _too_large(url, opts.max_bytes)
            chunks.append(chunk)
        return b"".join(chunks)


def _too_large(url: str, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(f"{url}: larger than {limit:,} bytes", url=url, limit=limit, retryable=False)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


__all__ = [
    "MAX_BYTES",
    "USER_AGENT",
    "USER_AGENT_ENV",
    "FetchOptions",
    "Fetcher",
    "Response",
    "check_user_agent",
    "host_of",
    "user_agent",
]
