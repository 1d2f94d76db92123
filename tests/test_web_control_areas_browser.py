"""The front line as areas in a real browser (Debian's Chromium driven by Playwright, no internet): the
imported maps drawn as polygons under the diamonds and the markers, the control date's slider redrawing the
polygons and the diamonds, the date kept in the URL, a claim the map contradicts marked with a badge and told in
the side panel, and a clean console. Maps and claims are hand-built (``control_fakes``); skips when playwright
or /usr/bin/chromium is missing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")
pytest.importorskip("uvicorn", reason="the serve extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


from .browser_tier import MARKS, chromium  # noqa: E402
from .control_fakes import store_with_front_maps  # noqa: E402
from .test_web_live_browser import serving  # noqa: E402
from .test_web_page_browser import open_page, settle  # noqa: E402

pytestmark = MARKS


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    return store_with_front_maps(tmp_path_factory.mktemp("areas"))


@pytest.fixture(scope="module")
def server(store_path) -> Iterator[str]:
    from spotrep.web import Settings, create_app

    with serving(create_app(store_path, settings=Settings())) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium(sync_api) as b:
        yield b


def move_slider_to(pg, position: int) -> None:
    pg.evaluate(
        """(n) => { const s = document.getElementById('control-date'); s.value = String(n);
        s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));
        }""",
        position,
    )


def drawn(pg) -> dict:
    """What the front-line pane shows: the map's date, its areas, the paths drawn and their outlines."""
    pg.wait_for_function(
        "() => { const p = Spotrep.state.map.getPane('frontline'); return p.dataset.busy === 'false' }"
    )
    return pg.evaluate(
        """() => {
        const pane = Spotrep.state.map.getPane('frontline');
        const paths = [...pane.querySelectorAll('svg path')];
        return {date: pane.dataset.date, layer: pane.dataset.layerDate, areas: Number(pane.dataset.areas),
                paths: paths.length, d: paths.map(p => p.getAttribute('d')).join('|'),
                fills: [...new Set(paths.map(p => p.getAttribute('fill')))].sort()};
    }"""
    )


def slider_date(pg) -> str:
    return pg.locator(".control-date").get_attribute("data-date")


def test_the_maps_are_drawn_as_areas_under_the_settlements_and_the_slider_redraws_them(browser, server):
    pg = open_page(browser, server)
    # on by default (a map is imported), in the layers control, beneath the diamonds and the markers
    pg.wait_for_selector(".leaflet-frontline-pane svg path", state="attached")
    z = pg.evaluate(
        "() => ['frontline', 'control', 'markerPane'].map(n => Number(getComputedStyle("
        "Spotrep.state.map.getPane(n)).zIndex))"
    )
    assert z[0] < z[1] < z[2], z
    assert "Front line (control maps)" in pg.locator(".leaflet-control-layers").text_content()
    assert "Front line" in pg.locator(".frontline-legend").text_content()
    # no chosen dates: the slider stands at the end of its range, where the latest map is in force
    assert slider_date(pg) == "2024-05-10"
    latest = drawn(pg)
    assert latest["layer"] == "2024-05-10" and latest["paths"] == latest["areas"] >= 3
    assert {"#cc3311", "#0077bb", "#999999"} <= set(latest["fills"])  # Russia, Ukraine, the grey zone
    assert "map of 2024-05-10" in pg.locator(".frontline-legend").text_content()
    # the map of 10 May agrees with Russia's claim: no badge
    pg.wait_for_selector(".control-marker.control-RU")
    assert pg.locator(".leaflet-marker-icon.control-contradicted").count() == 0

    # two days back: the map of 1 May, where Ocheretyne is liberated, is in force
    slider = pg.locator("#control-date")
    slider.focus()
    pg.keyboard.press("ArrowLeft")
    pg.keyboard.press("ArrowLeft")
    pg.wait_for_function("() => Spotrep.state.map.getPane('frontline').dataset.layerDate === '2024-05-01'")
    earlier = drawn(pg)
    assert slider_date(pg) == "2024-05-08" and earlier["date"] == "2024-05-08"
    assert earlier["paths"] == earlier["areas"] >= 3 and earlier["d"] != latest["d"]
    assert "no map" not in pg.locator(".control-date").text_content()
    # the diamond follows the slider: the map contradicts the claim, told by a badge, not colour alone
    pg.wait_for_selector(".leaflet-marker-icon.control-contradicted .control-badge")
    assert pg.evaluate("Spotrep.state.map.getPane('control').dataset.date") == "2024-05-08"
    assert "control=2024-05-08" in pg.url
    pg.locator(".leaflet-marker-icon.control-contradicted").dispatch_event("click")
    pg.wait_for_selector("#panel .map-contradicts")
    said = pg.locator("#panel .map-contradicts").text_content()
    assert "map of 2024-05-01" in said and "Ukraine" in said and "Russian defence ministry" in said
    assert "contradicts" in said
    # before every map: nothing drawn, and the slider says so
    move_slider_to(pg, 0)
    pg.wait_for_function("() => Spotrep.state.map.getPane('frontline').dataset.date === '2024-05-01'")
    assert drawn(pg)["layer"] == "2024-05-01"
    assert not pg.problems, pg.problems
    assert not pg.elsewhere, pg.elsewhere
    pg.context.close()


def test_the_slider_date_in_a_shared_link_opens_the_same_map(browser, server):
    pg = open_page(browser, server, "/#control=2024-05-08")
    pg.wait_for_function("() => Spotrep.state.map.getPane('frontline').dataset.layerDate === '2024-05-01'")
    assert slider_date(pg) == "2024-05-08"
    pg.wait_for_selector(".leaflet-marker-icon.control-contradicted")
    # zooming redraws the areas for the new view, simplified for the zoom, on the same map
    before = drawn(pg)
    pg.locator(".leaflet-control-zoom-out").click()
    settle(pg)
    pg.wait_for_timeout(300)
    after = drawn(pg)
    assert after["layer"] == "2024-05-01" and after["d"] != before["d"]
    assert not pg.problems, pg.problems
    pg.context.close()


def test_chosen_dates_move_the_slider_to_their_end(browser, server):
    pg = open_page(browser, server, "/#since=2024-05-01&until=2024-05-07")
    assert slider_date(pg) == "2024-05-07"
    pg.wait_for_function("() => Spotrep.state.map.getPane('frontline').dataset.layerDate === '2024-05-01'")
    pg.locator("#range-clear").click()  # all dates: back to the end of the range
    settle(pg)
    pg.wait_for_function("() => Spotrep.state.map.getPane('frontline').dataset.layerDate === '2024-05-10'")
    assert slider_date(pg) == "2024-05-10"
    assert not pg.problems, pg.problems
    pg.context.close()
