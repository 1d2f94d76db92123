"""spotrep watch against a local site with faults (tests/feeds_site.py): what a round stores and records, what
the next round asks and adds, retries and giving up, duplicates across feeds, restarts and stopping. The fake
extractor (tests/store_fakes.py) stands in for the pipeline; the CLI runs in subprocesses."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from spotrep.feeds import FeedRegistry, FetchOptions, Watcher, WatchOptions, retry_delay
from spotrep.store import Store

from .conftest import requires_model
from .feeds_site import ATOM, FROM_SUMMARY, GOOD_PAGES, JSON_FEED, RSS_FIRST, RSS_NEW, STORIES, SiteServer
from .store_fakes import keyword_extract

TESTS = Path(__file__).parent
FAST = ("--interval", "0", "--read-timeout", "1", "--host-delay", "0", "--retries", "1")
FEEDS = ("/rss.xml", "/atom.xml", "/broken.xml", "/missing.xml", "/error.xml")


def run_cli(*args: str, extractor: str = "tests.store_fakes:keyword_extract", timeout: float = 120):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(TESTS.parent), str(TESTS.parent / "src"), env.get("PYTHONPATH", "")]
    )
    env["SPOTREP_EXTRACTOR"] = extractor
    return subprocess.run(
        [sys.executable, "-c", "from spotrep.cli import main; main()", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def records(stderr: str) -> list[dict]:
    return [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]


def stored_docs(db) -> dict[str, object]:
    """The stored documents by the path of their URL (query dropped)."""
    with Store.open(db) as store:
        docs = store.documents(limit=1000, with_text=True)
    return {d.url.split("?")[0].rsplit("/", 1)[-1]: d for d in docs}


def slug_of(link: str) -> str:
    return {"huge": "huge-report", "bulletin.pdf": "pdf-report", "loop-a": "loop-report", "flaky": "flaky-report",
            "slow": "slow-report", "gone": "gone-report"}.get(link, link)  # fmt: skip


def statuses(db) -> dict[str, tuple[str, int]]:
    with Store.open(db) as store:
        items = FeedRegistry(store).items()
    return {
        slug_of(item.link.split("?")[0].rsplit("/", 1)[-1]): (item.status, item.attempts) for _, item in items
    }


def test_watch_stores_every_good_article_records_broken_feeds_then_adds_only_new_items_and_the_retried_one(
    store_url,
):
    db = store_url
    with SiteServer() as server:
        site = server.site
        urls = [server.url(p) for p in FEEDS]

        first = run_cli("watch", *urls, "--db", db, "--once", *FAST)
        assert first.returncode == 0, first.stderr
        docs = stored_docs(db)
        expected = set(RSS_FIRST + ATOM) - {"slow-report", "flaky-report", "gone-report"}
        assert {slug_of(k) for k in docs} == expected
        by_slug = {slug_of(k): d for k, d in docs.items()}
        for slug in FROM_SUMMARY:  # the feed's text, headed by the item's title
            assert by_slug[slug].text.startswith(STORIES[slug].title + "\n\n" + STORIES[slug].summary)
        for slug in expected - FROM_SUMMARY:  # the page's main text, the item's date, the feed's title
            doc = by_slug[slug]
            assert STORIES[slug].paragraphs[0][:60] in doc.text and "Subscribe" not in doc.text
            assert doc.published == date.fromisoformat(STORIES[slug].day)
            assert doc.source == ("Steppe Wire: Ukraine" if slug in RSS_FIRST else "Front Line Dispatch")
        assert statuses(db) == {
            **{slug: ("stored", 1) for slug in expected},
            "slow-report": ("failed", 1),
            "flaky-report": ("failed", 1),
            "gone-report": ("given_up", 1),
        }
        listed = {
            f["url"].rsplit("/", 1)[-1]: f
            for f in json.loads(run_cli("feeds", "list", "--format", "json", "--db", db).stdout)
        }
        assert {name: f["last_status"] for name, f in listed.items()} == {
            "rss.xml": "ok", "atom.xml": "ok", "broken.xml": "malformed feed", "missing.xml": "http 404",
            "error.xml": "http 500",
        }  # fmt: skip
        assert listed["rss.xml"]["items"] == len(RSS_FIRST) and listed["rss.xml"]["documents"] == 6
        assert listed["error.xml"]["errors"] == 1 and "HTTP 500" in listed["error.xml"]["last_error"]
        errors = [r for r in records(first.stderr) if r["event"] == "error"]
        assert {r["url"].rsplit("/", 1)[-1].split("?")[0] for r in errors} >= {
            "broken.xml",
            "missing.xml",
            "error.xml",
            "slow",
            "flaky",
            "gone",
        }
        assert (
            site.hits()["/flaky"] == 2 and site.hits()["/error.xml"] == 2
        )  # tried again within the round once

        site.flaky_works = True
        site.rss_items += RSS_NEW
        atom_asks = len(site.headers_of("/atom.xml"))
        second = run_cli("watch", "--db", db, "--once", *FAST)  # the stored feeds
        assert second.returncode == 0, second.stderr
        added = {slug_of(k) for k in stored_docs(db)} - expected
        assert added == set(RSS_NEW) | {"flaky-report"}
        asked = site.headers_of("/atom.xml")[atom_asks:]
        assert len(asked) == 1 and asked[0].get("If-None-Match") and asked[0].get("If-Modified-Since")
        assert site.headers_of("/rss.xml")[-1].get("If-None-Match")  # asked conditionally too, and changed
        listed = {
            f["url"].rsplit("/", 1)[-1]: f
            for f in json.loads(run_cli("feeds", "list", "--format", "json", "--db", db).stdout)
        }
        assert (
            listed["atom.xml"]["last_status"] == "not_modified" and listed["rss.xml"]["last_status"] == "ok"
        )
        assert statuses(db)["slow-report"] == ("failed", 2) and statuses(db)["gone-report"] == ("given_up", 1)

        # a restart (a new process, a new Store): nothing fetched or stored twice
        hits = site.hits()
        third = run_cli("watch", "--db", db, "--once", *FAST)
        assert third.returncode == 0, third.stderr
        assert {slug_of(k) for k in stored_docs(db)} == expected | added
        again = site.hits() - hits
        # only the feeds, the article still failing, and the robots.txt of its host (read once a round)
        assert set(again) == {"/slow", "/robots.txt", *FEEDS} and again["/robots.txt"] == 1, again
        for slug in GOOD_PAGES & (expected | added) - {"flaky-report"}:
            assert site.hits()[f"/news/{slug}"] == 1, slug


def watcher(store: Store, *, read_timeout: float = 1.0, **options) -> Watcher:
    fetch = FetchOptions(read_timeout=read_timeout, host_delay=0, retries=0, backoff=0.05)
    return Watcher(store, WatchOptions(fetch=fetch, extractor=keyword_extract, **options))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.mark.parametrize("summary", [True, False], ids=["with-feed-text", "without"])
def test_a_failing_article_is_retried_next_round_then_after_backoff_then_stored_from_the_feed_or_given_up(
    store_url, summary
):
    clock = Clock()
    with SiteServer() as server, Store.open(store_url) as store:
        server.site.flaky_summary = summary
        registry = FeedRegistry(store)
        registry.add(server.url("/atom.xml"), interval=600)
        w = Watcher(
            store,
            WatchOptions(
                fetch=FetchOptions(host_delay=0, retries=0), extractor=keyword_extract, max_attempts=3
            ),
            clock=clock,
        )

        def flaky() -> tuple[str, int]:
            return statuses(store_url)["flaky-report"]

        tries = []
        for _ in range(6):  # a round every 10 minutes
            w.run_round()
            tries.append(server.site.hits()["/flaky"])
            clock.advance(600)
        # tried in rounds 1 and 2 (next round), then after 1.5 intervals (round 4: round 3 skipped), then no more
        assert tries == [1, 2, 2, 3, 3, 3]
        assert flaky() == (("stored", 3) if summary else ("given_up", 3))
        (item,) = [item for _, item in FeedRegistry(store).items() if item.link.endswith("/flaky")]
        assert "HTTP 503" in item.error and ("stored the feed's text" in item.error) == summary
        assert retry_delay(1, 600) == 0 and retry_delay(2, 600) == 900 and retry_delay(3, 600) == 2100


def test_an_article_given_up_on_a_timeout_is_stored_from_the_feeds_text(store_url):
    with SiteServer() as server, Store.open(store_url) as store:
        server.site.slow_seconds = 1.0
        FeedRegistry(store).add(server.url("/rss.xml"))
        w = watcher(store, read_timeout=0.3, max_attempts=2, interval=0)
        w.run_round()
        assert statuses(store_url)["slow-report"] == ("failed", 1)
        report = w.run_round()
        assert statuses(store_url)["slow-report"] == ("stored", 2) and report.documents_added == 1
        doc = stored_docs(store_url)["slow"]
        assert doc.title == STORIES["slow-report"].title


def test_the_same_article_in_two_feeds_is_fetched_and_stored_once(store_url):
    with SiteServer() as server, Store.open(store_url) as store:
        server.site.rss_items = ["sumy-drones-intercepted", "belgorod-claims"]  # what the JSON Feed lists too
        registry = FeedRegistry(store)
        registry.add(server.url("/rss.xml"))
        w = watcher(store, interval=0)
        w.run_round()
        registry.add(server.url("/feed.json"))
        report = w.run_round()
        assert report.items_new == 2 and report.skipped == 2 and report.documents_added == 0
        assert server.site.hits()["/news/belgorod-claims"] == 1  # known by canonical URL (utm_source dropped)
        counts = FeedRegistry(store).item_counts()
        assert (counts["stored"], counts["skipped"]) == (2, 2)
        assert len(stored_docs(store_url)) == 2


def test_a_json_feed_is_watched_like_the_others(store_url):
    with SiteServer() as server, Store.open(store_url) as store:
        FeedRegistry(store).add(server.url("/feed.json"), name="Border Monitor (JSON)")
        report = watcher(store).run_round()
        assert report.documents_added == len(JSON_FEED) and report.events_new > 0
        docs = stored_docs(store_url)
        assert {d.source for d in docs.values()} == {"Border Monitor (JSON)"}
        assert docs["belgorod-claims"].published == date(2024, 5, 14)
        assert FeedRegistry(store).list()[0].title == "Border Monitor"


def test_a_stopped_round_finishes_the_article_in_hand_and_leaves_the_rest_for_the_next(store_url):
    stop = threading.Event()
    rounds: list[dict] = []

    def on_event(record: dict) -> None:
        if record["event"] == "round" and record["phase"] == "start":
            rounds.append(record)
        if record["event"] == "article" and len(rounds) == 1:
            stop.set()

    with SiteServer() as server, Store.open(store_url) as store:
        FeedRegistry(store).add(server.url("/atom.xml"))
        w = Watcher(
            store,
            WatchOptions(
                fetch=FetchOptions(host_delay=0.2, retries=0, per_host=1), extractor=keyword_extract
            ),
            on_event=on_event,
        )
        first = w.run_round(stop=stop)
        assert first.stopped and first.documents_added == 1
        assert sorted(s for s, _ in statuses(store_url).values()).count("pending") >= 1
        second = w.run_round()  # the feed is not due; its pending items are
        assert second.feeds_polled == 0 and second.documents_added == 1  # vovchansk (pokrovsk came first)
        assert len(stored_docs(store_url)) == 2


def test_watch_runs_until_sigterm_and_exits_0(tmp_path):
    db = tmp_path / "feeds.db"
    with SiteServer() as server:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            [str(TESTS.parent), str(TESTS.parent / "src"), env.get("PYTHONPATH", "")]
        )
        env["SPOTREP_EXTRACTOR"] = "tests.store_fakes:keyword_extract"
        proc = subprocess.Popen(
            [sys.executable, "-c", "from spotrep.cli import main; main()", "watch", server.url("/atom.xml"),
             "--db", str(db), "--host-delay", "0", "--interval", "1s"],
            env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        try:
            rounds = 0
            assert proc.stderr is not None
            deadline = time.monotonic() + 60
            for line in proc.stderr:
                record = json.loads(line) if line.startswith("{") else {}
                if record.get("event") == "round" and record.get("phase") == "end":
                    rounds += 1
                    if rounds == 2:
                        break
                assert time.monotonic() < deadline
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(30) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
        assert server.site.hits()["/atom.xml"] >= 2  # polled every second
        assert {slug_of(k) for k in stored_docs(db)} == {"pokrovsk-glide-bombs", "vovchansk-fighting"}


@requires_model
@pytest.mark.model
def test_watch_with_the_real_pipeline_stores_the_events_of_the_reports(tmp_path):
    from spotrep.pipeline import extract_documents

    with SiteServer() as server, Store.open(tmp_path / "w.db") as store:
        server.site.rss_items = ["kharkiv-drone-strike", "odesa-missile-port"]
        FeedRegistry(store).add(server.url("/rss.xml"), name="Steppe Wire")
        w = Watcher(store, WatchOptions(fetch=FetchOptions(host_delay=0), extractor=extract_documents))
        report = w.run_round()
        assert report.documents_added == 2
        places = {e.location.name for e in store.query()}
        assert {"Kharkiv", "Odesa"} <= places


def test_a_round_delivers_the_new_events_to_the_alerts_once(store_url, monkeypatch):
    from spotrep.alerts import add_alert
    from spotrep.store import parse_filter

    from .test_alerts import Hook

    monkeypatch.setattr("spotrep.alerts.RETRY_BASE", 0.2)
    hook = Hook([500])  # the first delivery fails: the next round sends it again
    hook.thread.start()
    try:
        with SiteServer() as server, Store.open(store_url) as store:
            add_alert(store, "everything", parse_filter(), webhook=hook.url)
            FeedRegistry(store).add(server.url("/feed.json"))
            w = watcher(store, interval=0)
            first = w.run_round()
            assert first.events_new > 0 and first.alerts_delivered == 0 and first.alerts_failed > 0
            assert any(e.startswith("alert: ") for e in first.errors)
            time.sleep(0.5)  # the retry is due
            second = w.run_round()
            assert second.alerts_delivered == first.alerts_failed
            third = w.run_round()
            assert third.alerts_delivered == third.alerts_failed == 0
        delivered = [e for body, status in zip(hook.bodies, hook.answered, strict=True) if status == 200
                     for e in body["events"]]  # fmt: skip
        assert len(delivered) == len({e["event_id"] for e in delivered}) == first.events_new
    finally:
        hook.server.shutdown()


def test_a_round_prunes_the_old_changes_of_the_store_at_most_once_an_hour(store_url):
    from .test_store_changes import births, log_rows

    with SiteServer() as server, Store.open(store_url) as store:
        FeedRegistry(store).add(server.url("/atom.xml"))
        w = watcher(store, interval=0, keep_changes=0)  # every change read is old at once
        first = w.run_round()
        assert first.events_new > 0
        with store.writing() as conn:  # every event changes
            conn.exec_driver_sql("UPDATE events SET pk = pk")
        rows = log_rows(store)
        second = w.run_round()  # within the hour: not pruned
        assert second.changes_pruned == 0 and log_rows(store) == rows
        w.options.prune_every = 0
        third = w.run_round()
        assert third.changes_pruned == len(rows) - len(births(rows)) - 1
        assert log_rows(store) == sorted({*births(rows), rows[-1]})
