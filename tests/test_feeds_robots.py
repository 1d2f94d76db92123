"""robots.txt (RFC 9309) in watch rounds, against the local site: a page the spotrep group disallows is not
fetched and its item is stored from the feed's text; the file is read once a host and round; feeds are fetched
whatever it says; a 4xx file allows everything, a 5xx or unreachable one no page of the host that round."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from spotrep.cli import cli
from spotrep.feeds import FeedRegistry, Fetcher, FetchOptions, Watcher, WatchOptions
from spotrep.feeds.robots import RobotsCache, read_robots
from spotrep.store import Store

from .feeds_site import STORIES, SiteServer
from .store_fakes import keyword_extract
from .test_feeds_watch import statuses, stored_docs

# the spotrep group disallows one article and the feed itself; every other robot is shut out
ROBOTS = """# test site
User-agent: *
Disallow: /

User-agent: spotrep
Disallow: /news/sumy-shelling
Disallow: /rss.xml
"""
ITEMS = ["kharkiv-drone-strike", "sumy-shelling", "odesa-missile-port"]


def watcher(store: Store) -> Watcher:
    fetch = FetchOptions(host_delay=0, retries=0, backoff=0.01)
    return Watcher(store, WatchOptions(fetch=fetch, extractor=keyword_extract, interval=0))


def test_a_page_robots_txt_disallows_is_not_fetched_and_its_item_is_stored_from_the_feeds_text(store_url):
    with SiteServer() as server, Store.open(store_url) as store:
        site = server.site
        site.robots, site.rss_items = ROBOTS, list(ITEMS)
        FeedRegistry(store).add(server.url("/rss.xml"))
        w = watcher(store)

        report = w.run_round()
        assert report.documents_added == 3 and report.robots_disallowed == 1
        hits = site.hits()
        assert "/news/sumy-shelling" not in hits
        assert hits["/news/kharkiv-drone-strike"] == hits["/news/odesa-missile-port"] == 1  # not the * group
        assert hits["/rss.xml"] == 1  # the feed is fetched though robots.txt disallows it: it was asked for
        assert hits["/robots.txt"] == 1  # once for the round's three pages
        assert site.headers_of("/robots.txt")[0]["User-Agent"].startswith("spotrep/")

        sumy = STORIES["sumy-shelling"]
        assert stored_docs(store_url)["sumy-shelling"].text.startswith(
            f"{sumy.title}\n\n{sumy.paragraphs[0]}"
        )
        assert statuses(store_url)["sumy-shelling"] == ("stored", 1)
        (item,) = [
            i for _, i in FeedRegistry(store).items() if i.link.split("?")[0].endswith("/sumy-shelling")
        ]
        assert "disallowed by" in item.error and "robots.txt" in item.error and "feed's text" in item.error

        site.rss_items.append("lyptsi-air-strike")
        second = w.run_round()  # a new round reads robots.txt again
        assert second.documents_added == 1 and second.robots_disallowed == 0
        assert site.hits()["/robots.txt"] == 2

    listed = CliRunner().invoke(cli, ["feeds", "items", "--db", store_url])
    assert listed.exit_code == 0 and "disallowed by" in listed.stdout


def test_no_page_of_a_host_whose_robots_txt_fails_is_fetched_that_round_and_they_are_tried_next_round(
    tmp_path,
):
    with SiteServer() as server, Store.open(tmp_path / "w.db") as store:
        site = server.site
        site.robots, site.robots_status, site.rss_items = "User-agent: *\nAllow: /\n", 503, list(ITEMS)
        FeedRegistry(store).add(server.url("/rss.xml"))
        w = watcher(store)

        first = w.run_round()
        assert first.feeds_changed == 1 and first.documents_added == 0
        assert first.robots_unreachable == first.failed == 3
        assert not [path for path in site.hits() if path.startswith("/news/")]
        assert site.hits()["/robots.txt"] == 1
        assert {statuses(tmp_path / "w.db")[slug] for slug in ITEMS} == {("failed", 1)}

        site.robots_status = 200
        second = w.run_round()
        assert second.documents_added == 3 and second.robots_unreachable == 0
        assert {statuses(tmp_path / "w.db")[slug] for slug in ITEMS} == {("stored", 2)}
        assert (
            STORIES["sumy-shelling"].paragraphs[1][:40]
            in stored_docs(tmp_path / "w.db")["sumy-shelling"].text
        )


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    ("robots", "status", "allowed", "reachable"),
    [
        (None, 200, True, True),  # 404: no robots.txt, every page may be fetched
        ("User-agent: *\nDisallow: /\n", 403, True, True),  # a 4xx: "unavailable", allow all
        ("User-agent: *\nDisallow: /\n", 401, True, True),
        ("User-agent: *\nAllow: /\n", 500, False, False),  # a 5xx: "unreachable", allow nothing
        ("User-agent: *\nAllow: /\n", 429, False, False),  # come back later: as a 5xx
        ("User-agent: *\nDisallow: /news/\n", 200, False, True),
        ("User-agent: spotrep\nAllow: /news/\n\nUser-agent: *\nDisallow: /\n", 200, True, True),
    ],
)
def test_robots_txt_is_read_as_rfc_9309_says_by_its_status(robots, status, allowed, reachable):
    with SiteServer() as server:
        server.site.robots, server.site.robots_status = robots, status
        rules = read_robots(Fetcher(FetchOptions(host_delay=0, retries=0)), server.site.base)
    assert rules.allows(server.url("/news/kharkiv-drone-strike")) is allowed
    assert rules.reachable is reachable


def test_an_unreachable_host_has_its_pages_refused_for_the_round_and_robots_txt_asked_once():
    cache = RobotsCache(Fetcher(FetchOptions(host_delay=0, retries=0, connect_timeout=2)))
    url = f"http://127.0.0.1:{closed_port()}/news/a"
    from spotrep.errors import RobotsUnavailableError

    for _ in range(2):
        with pytest.raises(RobotsUnavailableError, match="could not be read") as caught:
            cache.check(url)
        assert caught.value.retryable and caught.value.code == "robots_unavailable"
    assert cache.hosts == 1 and cache.fetcher.requests == 1
