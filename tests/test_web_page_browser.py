"""The analyst's page in a real browser (Debian's Chromium driven by Playwright), with every request to another
host aborted (a machine without internet): the page's own basemap with place names by default and a clean
console; map markers, list rows and the counter in agreement after every filter, brush and zoom; selection in
both directions and keyboard navigation of the list; the view in the URL; "export this view"; the palette and
shapes; the timeline's axis, brush and play; and the figures at 100,000 events (``SPOTREP_PAGE_BENCH=1`` or
``make bench``), with screenshots into docs/ (``SPOTREP_SCREENSHOTS=1``).

Events come from hand-built records (no spaCy). Skips when playwright or /usr/bin/chromium is missing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import urllib.request
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")
pytest.importorskip("uvicorn", reason="the serve extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from spotrep.documents import make_document  # noqa: E402
from spotrep.model import Event  # noqa: E402
from spotrep.store import Store  # noqa: E402

from .browser_tier import MARKS, chromium  # noqa: E402
from .store_fakes import PLACES, make_event  # noqa: E402
from .test_web_live_browser import serving  # noqa: E402

pytestmark = MARKS

DOCS = Path(__file__).resolve().parent.parent / "docs"
KINDS = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Looting/property destruction"),
]


def _event(doc_id: str, place: str, day: date, kind: tuple[str, str], killed: int | None) -> Event:
    lat, lon, _country, admin1, code, _gid = PLACES[place]
    base = make_event(doc_id, place=place, lat=lat, lon=lon, admin1=admin1, admin1_code=code, day=day)
    data = base.model_dump()
    data.update(event_type=kind[0], sub_event_type=kind[1], fatalities=killed)
    return Event.model_validate(data)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    """30 events over 30 days, at six places, of five kinds."""
    path = tmp_path_factory.mktemp("page") / "events.db"
    places = ["Kharkiv", "Vovchansk", "Odesa", "Sumy", "Pokrovsk", "Belgorod"]
    with Store.open(path) as store:
        for i in range(30):
            day = date(2024, 5, 1) + timedelta(days=i)
            place = places[i % len(places)]
            source = "Wire A" if i % 2 else "Wire B"
            doc = make_document(
                f"Report {i}: an attack at {place}.", published=day.isoformat(), source=source
            )
            store.add(doc, [_event(doc.id, place, day, KINDS[i % len(KINDS)], i % 4 or None)])
    return path


@pytest.fixture(scope="module")
def server(store_path) -> Iterator[str]:
    from spotrep.web import Settings, create_app

    with serving(create_app(store_path, settings=Settings())) as url:  # default settings: no tiles named
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium(sync_api) as b:
        yield b


def open_page(browser, url: str, path: str = "/"):
    """A page whose requests to any other host are aborted (no internet), recording console errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.problems = []  # type: ignore[attr-defined]
    pg.elsewhere = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda exc: pg.problems.append(str(exc)))
    pg.on("console", lambda msg: msg.type == "error" and pg.problems.append(msg.text))

    def route(r):
        if r.request.url.startswith(url) or r.request.url.startswith("data:"):
            r.continue_()
        else:
            pg.elsewhere.append(r.request.url)
            r.abort()

    pg.route("**/*", route)
    pg.goto(url + path)
    pg.wait_for_selector("body[data-ready=true]")
    settle(pg)
    return pg


def settle(pg) -> None:
    pg.wait_for_function("() => document.body.dataset.busy === 'false'")
    pg.wait_for_timeout(250)  # a move's debounce
    pg.wait_for_function("() => document.body.dataset.busy === 'false'")


def get(url: str):
    with urllib.request.urlopen(url) as response:
        return json.load(response)


def on_map(pg) -> int:
    """The events the map shows in its view: single markers, plus the counts of the clusters and cells."""
    return pg.evaluate(
        """() => {
        const box = document.getElementById('map').getBoundingClientRect();
        const inside = (n) => {
          const r = n.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2;
          return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
        };
        let n = 0;
        for (const m of document.querySelectorAll('.leaflet-marker-pane .spotrep-marker')) if (inside(m)) n += 1;
        for (const c of document.querySelectorAll('.leaflet-marker-pane .marker-cluster')) {
          if (inside(c)) n += Number(c.textContent);
        }
        return n;
    }"""
    )


def click_inside(pg, selector: str) -> bool:
    """Click the first element matching ``selector`` whose centre is inside the map and not under a control;
    False if there is none."""
    point = pg.evaluate(
        """(selector) => {
        const box = document.getElementById('map').getBoundingClientRect();
        for (const n of document.querySelectorAll(selector)) {
          const r = n.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2;
          const inside = x > box.left + 5 && x < box.right - 5 && y > box.top + 5 && y < box.bottom - 5;
          if (inside && n.contains(document.elementFromPoint(x, y))) return [x, y];  // not under a control
        }
        return null;
    }""",
        selector,
    )
    if point is None:
        return False
    pg.mouse.click(*point)
    return True


def agree(pg, server: str) -> int:
    """The counter, the list, the map and the API say the same number."""
    count = int(pg.locator("#status").get_attribute("data-count"))
    assert pg.locator("#status").text_content().startswith(f"{count} event")
    rows = pg.locator("#list tbody tr").count()
    assert rows == min(count, 100)
    shown = on_map(pg)
    assert shown == count, pg.evaluate(
        "() => [...document.querySelectorAll('.leaflet-marker-pane > *')].map(n => n.className + ' ' + n.textContent"
        " + ' ' + JSON.stringify(n.getBoundingClientRect()))"
    )
    query = pg.evaluate("Spotrep.viewParams().toString()")
    assert get(f"{server}/api/events?limit=0&{query}")["total"] == count
    ids = set(pg.eval_on_selector_all("#list tbody tr", "rows => rows.map(r => r.dataset.eventId)"))
    assert len(ids) == rows
    return count


def test_offline_by_default_a_readable_map_with_place_names_and_a_clean_console(browser, server):
    pg = open_page(browser, server)
    assert pg.evaluate("document.body.dataset.basemap") == "own"
    pg.wait_for_selector(".place-label", state="attached")
    names = pg.eval_on_selector_all(".place-label", "ls => ls.map(l => l.textContent)")
    assert "Kharkiv" in names and len(names) > 10
    pg.locator(".leaflet-outlines-pane path").first.wait_for(state="attached", timeout=120_000)
    assert pg.locator(".leaflet-outlines-pane path").count() > 100  # countries and regions: land on water
    pg.locator(".leaflet-control-zoom-in").click()  # more, smaller places when zoomed in
    settle(pg)
    pg.wait_for_function("() => Number(document.body.dataset.labels) > 0")
    assert not pg.problems, pg.problems
    assert not pg.elsewhere, pg.elsewhere
    pg.context.close()


def test_tiles_that_fail_fall_back_to_the_own_basemap(browser, store_path):
    from spotrep.web import Settings, create_app

    with serving(create_app(store_path, settings=Settings(tiles="osm"))) as url:
        pg = open_page(browser, url)
        pg.wait_for_function("() => document.body.dataset.basemap === 'own'")
        pg.wait_for_selector(".place-label", state="attached")
        assert pg.locator(".leaflet-tile-pane img").count() == 0
        pg.context.close()


def test_map_list_and_counter_agree_after_every_filter_brush_and_zoom(browser, server):
    pg = open_page(browser, server)
    assert agree(pg, server) == 30
    pg.select_option("#f-type", "Battles")
    settle(pg)
    assert agree(pg, server) == 6
    pg.select_option("#f-source", "Wire A")
    settle(pg)
    n = agree(pg, server)
    assert 0 < n < 6
    pg.select_option("#f-type", "")
    settle(pg)
    agree(pg, server)
    for _ in range(2):
        pg.locator(".leaflet-control-zoom-in").click()
        settle(pg)
        agree(pg, server)
    pg.locator("#f-clear").click()
    settle(pg)
    assert agree(pg, server) == 30
    # brushing dates on the timeline: the map refits, the list and the counter follow
    box = pg.locator("#timeline").bounding_box()
    pg.mouse.move(box["x"] + box["width"] * 0.05, box["y"] + 30)
    pg.mouse.down()
    pg.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + 30, steps=5)
    pg.mouse.up()
    settle(pg)
    since, until = pg.evaluate("Spotrep.state.range")
    n = agree(pg, server)
    assert 0 < n < 30
    dates = pg.eval_on_selector_all("#list tbody tr td:first-child", "cells => cells.map(c => c.textContent)")
    assert all(since <= d <= until for d in dates)
    # an event outside the new range is not left in the panel
    pg.locator("#list tbody tr").first.click()
    pg.wait_for_selector("#panel .facts")
    pg.locator("#range-clear").click()
    settle(pg)
    assert pg.locator("#panel .facts").count() == 0
    assert not pg.problems, pg.problems
    pg.context.close()


def test_selection_goes_both_ways_and_the_list_is_sorted_and_keyboard_driven(browser, server):
    pg = open_page(browser, server)
    first = pg.locator("#list tbody tr").first
    first.click()
    event_id = first.get_attribute("data-event-id")
    pg.wait_for_selector("#panel .facts")
    assert f"event {event_id}" in pg.locator("#panel").text_content()
    assert pg.locator(f'.selected-ring[data-event-id="{event_id}"]').count() == 1
    # keyboard: the arrows move the selection, and the panel follows
    first.focus()
    pg.keyboard.press("ArrowDown")
    second = pg.locator("#list tbody tr").nth(1)
    sync_api.expect(second).to_have_class(re.compile("selected"))
    assert pg.evaluate("document.activeElement.dataset.eventId") == second.get_attribute("data-event-id")
    sync_api.expect(pg.locator("#panel .id")).to_have_text(f"event {second.get_attribute('data-event-id')}")
    # a marker's click selects its row
    pg.evaluate("() => Spotrep.state.map.setView([50.9077, 34.7981], 10)")  # Sumy: five events at one point
    settle(pg)
    for _ in range(4):
        if click_inside(pg, ".leaflet-marker-pane .spotrep-marker"):
            break
        assert click_inside(pg, ".leaflet-marker-pane .marker-cluster")  # spreads them out (spiderfies)
        settle(pg)
    pg.wait_for_function("() => document.body.dataset.selected")
    chosen = pg.evaluate("document.body.dataset.selected")
    sync_api.expect(pg.locator(f'#list tbody tr[data-event-id="{chosen}"]')).to_have_class(
        re.compile("selected")
    )
    # sorting by fatalities, most first
    pg.locator('#list th[data-sort="fatalities"] button').click()
    settle(pg)
    killed = pg.eval_on_selector_all("#list tbody tr td:nth-child(4)", "cs => cs.map(c => c.textContent)")
    numbers = [int(k) if k else -1 for k in killed]
    assert numbers == sorted(numbers, reverse=True)
    pg.locator('#list th[data-sort="place"] button').click()
    settle(pg)
    places = pg.eval_on_selector_all("#list tbody tr td:nth-child(3)", "cs => cs.map(c => c.textContent)")
    assert places == sorted(places)
    assert not pg.problems, pg.problems
    pg.context.close()


def test_the_url_holds_the_view_and_export_gives_this_view(browser, server):
    pg = open_page(browser, server)
    pg.select_option("#f-type", "Explosions/Remote violence")
    settle(pg)
    pg.locator("#list tbody tr").nth(1).click()
    pg.wait_for_selector("#panel .facts")
    settle(pg)
    chosen = pg.evaluate("document.body.dataset.selected")
    count = int(pg.locator("#status").get_attribute("data-count"))
    link = pg.url
    assert "type=Explosions" in link and f"event={chosen}" in link and "map=" in link
    # export this view: the same events, ACLED's columns
    with urllib.request.urlopen(server + pg.locator("#export-csv").get_attribute("href")) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8"))))
    assert len(rows) == count and {"event_id_cnty", "event_date", "event_type", "fatalities"} <= set(rows[0])
    assert {r["event_type"] for r in rows} == {"Explosions/Remote violence"}
    with urllib.request.urlopen(server + pg.locator("#export-geojson").get_attribute("href")) as response:
        assert len(json.load(response)["features"]) == count
    pg.context.close()
    # the shared link opens the same view
    again = open_page(browser, server, link[len(server) :])
    assert again.locator("#f-type").input_value() == "Explosions/Remote violence"
    assert int(again.locator("#status").get_attribute("data-count")) == count
    again.wait_for_selector("#panel .facts")
    assert again.evaluate("document.body.dataset.selected") == chosen
    sync_api.expect(again.locator(f'#list tbody tr[data-event-id="{chosen}"]')).to_have_class(
        re.compile("selected")
    )
    assert not again.problems, again.problems
    again.context.close()


def test_palette_is_colour_blind_safe_and_shapes_tell_the_types_apart(browser, server):
    config = get(server + "/api/page")
    six = config["event_types"][:6]
    okabe_ito = {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#000000"}
    assert {t["colour"] for t in six} <= okabe_ito and len({t["colour"] for t in six}) == 6
    assert len({t["shape"] for t in six}) == 6
    pg = open_page(browser, server)
    shapes = pg.eval_on_selector_all(".legend svg.symbol", "ss => ss.map(s => s.getAttribute('class'))")
    assert len(set(shapes)) == 6
    pg.context.close()


def test_the_timeline_has_a_date_axis_and_plays_through_days(browser, server):
    pg = open_page(browser, server)
    labels = pg.eval_on_selector_all("#timeline .tick-label", "ts => ts.map(t => t.textContent)")
    assert len(labels) >= 4, labels  # more than the first and the last date
    assert pg.get_attribute("#timeline", "data-unit") in ("day", "week")
    pg.locator("#timeline").hover()
    for _ in range(3):
        pg.mouse.wheel(0, -200)  # zooming the axis in: days
    assert pg.get_attribute("#timeline", "data-unit") == "day"
    pg.locator("#play").click()
    pg.wait_for_function(
        "() => Spotrep.state.range && Spotrep.state.range[0] >= '2024-05-02'", timeout=10_000
    )
    pg.locator("#play").click()  # stop
    settle(pg)
    day = pg.evaluate("Spotrep.state.range[0]")
    dates = pg.eval_on_selector_all("#list tbody tr td:first-child", "cs => cs.map(c => c.textContent)")
    assert dates == [day] * len(dates) and agree(pg, server) == len(dates)
    assert not pg.problems, pg.problems
    pg.context.close()


@pytest.mark.skipif(
    not os.environ.get("SPOTREP_SCREENSHOTS"), reason="set SPOTREP_SCREENSHOTS=1 to rewrite docs/*.png"
)
def test_screenshots_of_the_main_views(browser, server):
    pg = open_page(browser, server)
    pg.wait_for_selector(".place-label", state="attached")
    pg.locator(".leaflet-outlines-pane path").first.wait_for(state="attached", timeout=120_000)
    pg.locator("#list tbody tr").first.click()
    pg.wait_for_selector("#panel .facts")
    pg.wait_for_timeout(500)
    pg.screenshot(path=str(DOCS / "page-map-list.png"))
    pg.select_option("#f-type", "Battles")
    settle(pg)
    box = pg.locator("#timeline").bounding_box()
    pg.mouse.move(box["x"] + box["width"] * 0.2, box["y"] + 30)
    pg.mouse.down()
    pg.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + 30, steps=5)
    pg.mouse.up()
    settle(pg)
    pg.wait_for_timeout(500)
    pg.screenshot(path=str(DOCS / "page-filtered.png"))
    pg.context.close()


@pytest.mark.skipif(
    not os.environ.get("SPOTREP_PAGE_BENCH"),
    reason="set SPOTREP_PAGE_BENCH=1 (make bench) for the 100,000 events",
)
def test_the_page_at_100000_events_first_view_and_filter_changes(browser, tmp_path_factory):
    """The figures `make bench` prints: the first view (navigation to the map, list and counter drawn) and a
    filter change (refit, map, list and counter), in the browser, on loopback, over 100,000 generated events."""
    from spotrep.store.bench import generate
    from spotrep.web import Settings, create_app

    n = int(os.environ.get("SPOTREP_PAGE_BENCH_EVENTS", "100000"))
    path = tmp_path_factory.mktemp("bench") / "events.db"
    with Store.open(path) as store:
        generate(store, n)
    with serving(create_app(path, settings=Settings(cache_entries=0))) as url:
        pg = open_page(browser, url)
        first = pg.evaluate("() => Spotrep.timings.firstView")
        assert int(pg.locator("#status").get_attribute("data-count")) == n
        changes = []
        for kind in ("Battles", "Explosions/Remote violence", "Protests", ""):
            pg.evaluate("() => { delete Spotrep.timings.lastSettled; }")
            pg.select_option("#f-type", kind)
            settle(pg)
            pg.wait_for_function("() => Spotrep.timings.lastSettled !== undefined")  # the timeline too
            pg.wait_for_timeout(300)  # a user's pause: the place names follow
            changes.append(pg.evaluate("() => Spotrep.timings.lastFilter"))
            agree(pg, url)
        median = sorted(changes)[len(changes) // 2]
        each = ", ".join(f"{c:.0f}" for c in changes)
        print(
            f"\npage at {n:,} events: first view {first:.0f} ms; filter change {median:.0f} ms (median of"
            f" {len(changes)}: {each} ms)"
        )
        assert first < 2000 and median < 500  # the targets (on a shared two-core machine: the median)
        assert not pg.problems, pg.problems
        pg.context.close()
