"""The page's live view in a real browser (Debian's Chromium driven by Playwright): an event stored while the
page is open shows on the map and in the "New events" list with an "n new" count; the feed-health panel stays
hidden over a store without feeds and lists the feeds (as text) over one with them.

Events come from hand-built records (no spaCy). Skips when playwright or /usr/bin/chromium is missing.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")
pytest.importorskip("uvicorn", reason="the serve extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from spotrep.documents import make_document  # noqa: E402
from spotrep.store import Store  # noqa: E402

from .browser_tier import MARKS, chromium  # noqa: E402
from .store_fakes import PLACES, make_event  # noqa: E402

pytestmark = MARKS

FEEDS = [
    {
        "url": "https://wire.example/rss",
        "name": "wire",
        "title": "<b>Example</b> Wire",
        "interval": 300,
        "last_polled": "2026-12-06T10:00:00+00:00",
        "last_status": "ok",
        "items": 40,
        "documents": 38,
        "errors": 0,
        "last_error": None,
    },
    {
        "url": "https://down.example/feed",
        "name": None,  # no name, no title: shown by its URL
        "title": None,
        "interval": 600,
        "last_polled": "2026-12-06T09:58:00+00:00",
        "last_status": "error",
        "items": 0,
        "documents": 0,
        "errors": 3,
        "last_error": '<img src=x onerror="window.__pwned = 1"> connection refused',
    },
]


def report(store: Store, place: str) -> str:
    doc = make_document(f"A drone hit {place}.", published="2024-05-15", source="Live Wire")
    lat, lon = PLACES[place][:2]
    store.add(doc, [make_event(doc.id, place=place, lat=lat, lon=lon)])
    (stored,) = store.document_events(doc.id)
    return stored.event_id


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app) -> Iterator[str]:
    import uvicorn

    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=_free_port(),
        log_level="warning",
        lifespan="on",
        timeout_graceful_shutdown=2,
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store.open(tmp_path / "events.db") as s:
        report(s, "Kharkiv")
        yield s


@pytest.fixture(scope="module")
def browser():
    with chromium(sync_api) as b:
        yield b


@contextmanager
def opened(browser, url: str):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready=true]")
    try:
        yield page, problems
    finally:
        context.close()


def test_an_event_stored_while_the_page_is_open_shows_with_an_n_new_count_and_no_feed_panel(browser, store):
    from spotrep.web import Settings, create_app

    with (
        serving(create_app(store, settings=Settings(tiles=None))) as url,
        opened(browser, url) as (page, problems),
    ):
        page.wait_for_selector("body[data-live=on]")  # listening to /api/stream
        assert page.locator("#live-count").is_hidden() and page.locator("#live").is_hidden()
        assert page.locator("#feeds").is_hidden()  # no feeds in this store
        assert page.locator("#feeds").get_attribute("data-state") == "absent"

        event_id = report(store, "Odesa")
        page.wait_for_selector("#live-list li")
        sync_api.expect(page.locator("#live-count")).to_have_text("1 new")
        assert page.locator("#live-list li").first.get_attribute("data-event-id") == event_id
        assert "Air/drone strike" in page.locator("#live-list li").first.text_content()
        assert "Odesa" in page.locator("#live-list li").first.text_content()
        assert page.locator(".spotrep-marker.live").count() == 1  # on the map

        page.locator("#live-count").click()
        sync_api.expect(page.locator("#live-count")).to_be_hidden()  # seen
        page.locator("#live-list li a").first.click()
        page.wait_for_selector("#panel .facts")
        assert "Odesa" in page.locator("#panel").text_content()

        page.select_option("#f-source", "Live Wire")  # new filters: listened to anew, the list cleared
        sync_api.expect(page.locator("#live-list li")).to_have_count(0)
        page.wait_for_selector("body[data-live=on]")
        assert not problems, problems


def _store_feeds(store: Store, feeds: list[dict]) -> None:
    """Feeds in the store with the health ``feeds`` gives them (as ``spotrep watch`` would record it)."""
    from sqlalchemy import update

    from spotrep.feeds import FeedRegistry
    from spotrep.store import schema as s

    registry = FeedRegistry(store)
    for feed in feeds:
        registry.add(feed["url"], name=feed["name"], interval=feed["interval"])
        with store.writing() as conn:
            conn.execute(
                update(s.feeds)
                .where(s.feeds.c.url == feed["url"])
                .values(
                    title=feed["title"], last_polled=feed["last_polled"], last_status=feed["last_status"],
                    items_seen=feed["items"], documents_added=feed["documents"], errors=feed["errors"],
                    last_error=feed["last_error"],
                )
            )  # fmt: skip


def test_the_feed_panel_lists_each_feeds_health_as_text(browser, store):
    from spotrep.web import Settings, create_app

    app = create_app(store, settings=Settings(tiles=None))
    _store_feeds(store, FEEDS)  # with hostile text in a title and an error
    with serving(app) as url, opened(browser, url) as (page, problems):
        panel = page.locator("#feeds")
        sync_api.expect(panel).to_have_attribute("data-state", "shown")
        panel.locator("summary").click()
        rows = panel.locator("tbody tr")
        sync_api.expect(rows).to_have_count(2)
        first, second = rows.nth(0).text_content(), rows.nth(1).text_content()
        assert "<b>Example</b> Wire" in first and "38" in first and "ok" in first
        assert "https://down.example/feed" in second and "error" in second and "3" in second
        assert '<img src=x onerror="window.__pwned = 1"> connection refused' in second
        assert panel.locator("img, b").count() == 0 and page.evaluate("window.__pwned") is None
        assert "1 failing" in page.locator("#feeds-summary").text_content()
        assert not problems, problems
