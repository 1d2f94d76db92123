"""The page in a real browser: Debian's Chromium driven by Playwright, on a database holding the seed
article's events (extracted by the real pipeline) and one hostile article.

Skips when playwright, /usr/bin/chromium, the spaCy model or ../shared are missing. Saves a screenshot under
the test's output directory (and a copy at $TMPDIR/spotrep-screenshot.png).
"""

from __future__ import annotations

import re
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")
pytest.importorskip("uvicorn", reason="the serve extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from .browser_tier import CHROMIUM, chromium  # noqa: E402
from .conftest import SHARED  # noqa: E402

SEED = SHARED / "eval" / "seed"  # ../shared beside the checkout (or $SPOTREP_SHARED)
HOSTILE = (
    "A Russian drone hit a school in Sumy on Friday <script>window.__pwned = 1</script> killing one person"
    ' <img src=x onerror="window.__pwned = 2">, the regional governor said.'
)

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
    pytest.mark.skipif(not SEED.is_dir(), reason="../shared/eval/seed is not beside the checkout"),
    pytest.mark.model,
    pytest.mark.slow,
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    from spotrep.documents import make_document, read_jsonl
    from spotrep.entities import get_nlp
    from spotrep.errors import ModelNotInstalledError
    from spotrep.store import Store

    from .store_fakes import keyword_extract

    try:
        get_nlp()
    except ModelNotInstalledError as exc:
        pytest.skip(str(exc))
    path = tmp_path_factory.mktemp("browser") / "events.db"
    with Store.open(path) as store:
        with (SEED / "docs.jsonl").open("rb") as fh:
            report = store.ingest(read_jsonl(fh, name="docs.jsonl"))  # the real pipeline
        assert report.documents_added == 1 and report.events_new > 0
        hostile = make_document(HOSTILE, published="2024-05-17", source="<b>Hostile</b> Wire")
        assert store.ingest([hostile], extractor=keyword_extract).events_new == 1
    return path


@pytest.fixture(scope="module")
def server(seeded_db) -> Iterator[str]:
    import uvicorn

    from spotrep.web import Settings, create_app

    app = create_app(seeded_db, settings=Settings(tiles=None))  # offline: no tiles, outlines only
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server):
    with chromium(sync_api) as b:
        yield b


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    pg.problems = []  # type: ignore[attr-defined]
    pg.requests = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda exc: pg.problems.append(str(exc)))
    pg.on("console", lambda msg: msg.type == "error" and pg.problems.append(msg.text))
    pg.on("request", lambda req: pg.requests.append(req.url))
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready=true]")
    yield pg
    context.close()


def _click_a_marker(pg) -> None:
    """Click clusters (which zoom in) until single markers show; then click one."""
    for _ in range(8):
        markers = pg.locator(".spotrep-marker:visible")
        if markers.count():
            markers.first.click()
            return
        pg.locator(".marker-cluster:visible").first.click()
        pg.wait_for_timeout(700)
    pytest.fail("no marker became clickable")


def test_the_page_shows_the_seed_events_and_a_click_shows_the_evidence_sentence(page, server, tmp_path):
    import json
    import urllib.request

    seed = json.loads((SEED / "docs.jsonl").read_text(encoding="utf-8").splitlines()[0])
    with urllib.request.urlopen(f"{server}/api/events?limit=1000") as response:
        everything = json.load(response)
    assert any(e["location"]["latitude"] is not None for e in everything["events"]), "no located events"
    page.locator(".spotrep-marker, .marker-cluster").first.wait_for()  # markers (or clusters of them)
    assert page.locator("#status").text_content().startswith(f"{everything['total']} event")
    assert page.locator("#timeline rect.bar").count() > 0

    # only the seed article's events: the source filter
    page.select_option("#f-source", seed["source"])
    seed_events = [e for e in everything["events"] if e["document_id"] == seed["id"]]
    sync_api.expect(page.locator("#status")).to_have_text(re.compile(rf"^{len(seed_events)} event"))
    _click_a_marker(page)
    page.wait_for_selector("#panel mark")
    highlighted = page.locator("#panel mark").first.text_content()
    paragraph = page.locator("#panel .evidence").first.text_content()
    evidence = {ev["text"] for e in seed_events for ev in e["evidence"]}
    assert highlighted in evidence  # the sentence the event came from ...
    assert highlighted in seed["text"] and highlighted in paragraph  # ... shown in its paragraph
    assert page.locator("#panel .claim .who").count() > 0  # who says so, and how firmly
    assert page.locator("#panel .claim .status").first.text_content().split(":")[0] in (
        "reported", "claimed", "denied by the source", "assessed", "confirmed",
    )  # fmt: skip

    # offline map: the outlines (derived from package data on first use) under the markers
    page.locator(".leaflet-outlines-pane path").first.wait_for(state="attached", timeout=120_000)
    assert page.locator(".leaflet-outlines-pane path").count() > 100  # countries and regions
    shot = tmp_path / "page.png"
    page.screenshot(path=str(shot))
    shutil.copy(shot, Path(tempfile.gettempdir()) / "spotrep-screenshot.png")
    assert shot.stat().st_size > 10_000

    assert not page.problems, page.problems  # no script errors, no failed loads
    elsewhere = [u for u in page.requests if not u.startswith(server) and not u.startswith("data:")]
    assert not elsewhere, f"the page asked other hosts: {elsewhere}"


def test_hostile_article_text_is_shown_as_text_and_never_runs(page, server):
    import json
    import urllib.parse
    import urllib.request

    query = urllib.parse.urlencode({"source": "<b>Hostile</b> Wire"})
    with urllib.request.urlopen(f"{server}/api/events?{query}") as response:
        (event,) = json.load(response)["events"]
    page.evaluate("id => Spotrep.showEvent(id)", event["event_id"])
    page.wait_for_selector("#panel mark")
    panel = page.locator("#panel")
    text = panel.text_content()
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert "<b>Hostile</b> Wire" in text
    assert panel.locator("img, script, b").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert not page.problems, page.problems


def test_the_control_layer_draws_the_seed_settlements_and_a_click_shows_their_history(page):
    # Robotyne (claimed by Russia), Vovchansk and Lukyantsi (contested): diamonds coloured by status
    page.locator(".control-marker").first.wait_for()
    assert page.locator(".control-marker.control-RU").count() == 1
    assert page.locator(".control-marker.control-contested").count() == 2
    page.locator(".control-marker.control-RU").first.dispatch_event("click")  # event markers may sit on top
    page.wait_for_selector("#panel .facts")
    panel = page.locator("#panel").text_content()
    assert "Robotyne" in panel and "Russia (claimed)" in panel and "background" in panel
    assert not page.problems, page.problems
