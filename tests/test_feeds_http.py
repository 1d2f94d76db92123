"""The feeds' fetcher against the local site: its User-Agent (the operator's from $SPOTREP_USER_AGENT), gzip,
conditional GET, redirects and their cap, the size cap on streamed and compressed answers, timeouts, retries,
and its limits per host."""

from __future__ import annotations

import itertools
import threading
import time

import pytest

from spotrep.errors import (
    ConfigError,
    FetchError,
    FetchTimeoutError,
    ResponseTooLargeError,
    TooManyRedirectsError,
)
from spotrep.feeds import USER_AGENT, Fetcher, FetchOptions
from spotrep.feeds.http import user_agent

from .feeds_site import SiteServer


@pytest.fixture(scope="module")
def server():
    with SiteServer() as s:
        yield s


def fetcher(**options) -> Fetcher:
    options.setdefault("host_delay", 0)
    options.setdefault("backoff", 0.01)
    return Fetcher(FetchOptions(**options))


def test_requests_say_who_we_are_and_gzip_answers_are_decoded(server):
    response = fetcher().get(server.url("/gzipped"))
    assert (
        response.status == 200 and b"Odesa" in response.body and response.body.startswith(b"<!DOCTYPE html>")
    )
    sent = server.site.headers_of("/gzipped")[-1]
    assert sent["User-Agent"] == USER_AGENT and "conflict-event monitor" in USER_AGENT
    assert "gzip" in sent["Accept-Encoding"]


def test_the_operator_sets_the_user_agent_with_spotrep_user_agent_and_a_header_injection_is_refused(
    server, monkeypatch
):
    mine = "spotrep/1.0 (+mailto:ops@example.org; Kyiv desk)"
    monkeypatch.setenv("SPOTREP_USER_AGENT", f"  {mine} ")
    assert FetchOptions().user_agent == user_agent() == mine
    fetcher().get(server.url("/news/sumy-shelling"))
    assert server.site.headers_of("/news/sumy-shelling")[-1]["User-Agent"] == mine
    monkeypatch.setenv("SPOTREP_USER_AGENT", "")
    assert FetchOptions().user_agent == USER_AGENT  # empty: the default
    for bad in ("spotrep\r\nX-Injected: 1", "spotrep\tx", "spotrep é", "x" * 501):
        monkeypatch.setenv("SPOTREP_USER_AGENT", bad)
        with pytest.raises(ConfigError, match="SPOTREP_USER_AGENT must be") as caught:
            FetchOptions()
        assert caught.value.code == "config_error"


def test_a_feed_asked_with_its_validators_answers_304(server):
    first = fetcher().get(server.url("/atom.xml"))
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = fetcher().get(server.url("/atom.xml"), etag=etag, last_modified=modified)
    assert again.not_modified and again.body == b""
    assert server.site.headers_of("/atom.xml")[-1]["If-Modified-Since"] == modified


def test_redirects_are_followed_and_a_loop_is_an_error(server):
    moved = fetcher().get(server.url("/moved"))
    assert moved.status == 200 and moved.url == server.url("/news/sumy-shelling")
    with pytest.raises(TooManyRedirectsError) as caught:
        fetcher().get(server.url("/loop-a"))
    assert not caught.value.retryable and "redirect loop" in caught.value.message


def test_answers_over_the_size_cap_are_refused_whether_announced_streamed_or_compressed(server):
    for path in ("/huge", "/stream-huge", "/gzip-bomb"):
        with pytest.raises(ResponseTooLargeError):
            fetcher().get(server.url(path))
    small = fetcher(max_bytes=700)
    with pytest.raises(ResponseTooLargeError):
        small.get(server.url("/gzipped"))  # 534 bytes gzipped, 942 bytes of page


def test_a_page_slower_than_the_read_timeout_fails_as_a_retryable_timeout_after_the_retries(server):
    server.site.slow_seconds = 3.0
    before = server.site.hits()["/slow"]
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError) as caught:
        fetcher(read_timeout=0.5, retries=1).get(server.url("/slow"))
    assert time.monotonic() - started < 2.5 and caught.value.retryable
    assert server.site.hits()["/slow"] - before == 2 and caught.value.fields["attempts"] == 2


def test_5xx_is_tried_again_within_the_call_and_4xx_is_not(server):
    before = server.site.hits()
    with pytest.raises(FetchError) as caught:
        fetcher(retries=2).get(server.url("/error.xml"))
    assert caught.value.fields["status"] == 500 and caught.value.retryable
    gone = fetcher(retries=2).get(server.url("/gone"))
    hits = server.site.hits()
    assert gone.status == 404
    assert hits["/error.xml"] - before["/error.xml"] == 3 and hits["/gone"] - before["/gone"] == 1


def test_a_refused_connection_is_a_retryable_network_error():
    with SiteServer() as gone:
        url = gone.url("/rss.xml")
    with pytest.raises(FetchError) as caught:
        fetcher(retries=0).get(url)
    assert caught.value.retryable and "network error" in caught.value.message


def test_one_host_gets_at_most_per_host_requests_at_once_spaced_by_the_host_delay(server):
    site = server.site
    site.most_holding = 0
    site.hold_starts.clear()
    shared = fetcher(per_host=2, host_delay=0.05)
    threads = [threading.Thread(target=shared.get, args=(server.url("/hold"),)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    starts = sorted(site.hold_starts)
    assert site.most_holding == 2 and len(starts) == 6
    assert min(b - a for a, b in itertools.pairwise(starts)) >= 0.04
