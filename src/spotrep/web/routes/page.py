"""The page at ``/`` (a static shell: every piece of data comes from the JSON API) and its JSON twin,
``GET /api/page`` (tiles, colours and the choices its filters offer)."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from ...store import Store
from ...taxonomy import EVENT_TYPES
from ..deps import SettingsDep, StoreDep, require_reader
from ..schemas import EventTypeStyle, PageConfig, RegionCount, SourceCount

router = APIRouter(tags=["page"])

# one colour per ACLED event type, from the Okabe-Ito palette (told apart with every common colour-vision
# deficiency), and one marker shape each, so that the type never rests on colour alone
EVENT_TYPE_COLOURS = {
    "Battles": "#d55e00",  # vermillion
    "Explosions/Remote violence": "#0072b2",  # blue
    "Violence against civilians": "#cc79a7",  # reddish purple
    "Protests": "#009e73",  # bluish green
    "Riots": "#e69f00",  # orange
    "Strategic developments": "#56b4e9",  # sky blue
}
EVENT_TYPE_SHAPES = {
    "Battles": "triangle",
    "Explosions/Remote violence": "star",
    "Violence against civilians": "circle",
    "Protests": "square",
    "Riots": "triangle-down",
    "Strategic developments": "hexagon",
}
OTHER_COLOUR = "#555555"

TITLE = "spotrep: events map"


def page_scripts(request: Request) -> list[str]:
    return list(request.app.state.page_scripts)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index(request: Request) -> HTMLResponse:
    scripts = "\n".join(
        f'  <script defer src="/static/{escape(path)}"></script>' for path in page_scripts(request)
    )
    return HTMLResponse(PAGE.replace("{scripts}", scripts).replace("{title}", escape(TITLE)))


@router.get("/api/page", response_model=PageConfig, dependencies=[Depends(require_reader)])
def page_config(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """What the page at `/` shows besides the events: tiles, colours, and the regions and sources its filters
    offer (with their counts)."""
    stats = store.stats()
    names = list(EVENT_TYPES) + [t for t, _s, _n in stats.by_type if t not in EVENT_TYPES]
    regions: dict[tuple[str | None, str | None], int] = {}
    for country, admin1, n in stats.by_region:
        if admin1:
            regions[(country, admin1)] = regions.get((country, admin1), 0) + n
    config = PageConfig(
        title=TITLE,
        tiles=settings.tiles,
        tiles_attribution=settings.tiles_attribution if settings.tiles else None,
        private=settings.private,
        writes_enabled=settings.writes_enabled,
        max_page=settings.max_page,
        event_types=[
            EventTypeStyle(
                name=n,
                colour=EVENT_TYPE_COLOURS.get(n, OTHER_COLOUR),
                shape=EVENT_TYPE_SHAPES.get(n, "circle"),
            )
            for n in names
        ],
        regions=[
            RegionCount(country=c, admin1=a, events=n)
            for (c, a), n in sorted(regions.items(), key=lambda kv: (-kv[1], kv[0][1] or ""))
        ],
        sources=[SourceCount(source=s, documents=n) for s, n in store.sources() if s],
        first_date=stats.first_date,
        last_date=stats.last_date,
        events=stats.events,
        layers=page_scripts(request),
        feeds=_watches_feeds(store),
    )
    return Response(config.model_dump_json(), media_type="application/json")


def _watches_feeds(store: Store) -> bool:
    """Whether the page shows the feeds' health: when the store has feeds (``spotrep feeds``/``watch``)."""
    from ...feeds import FeedRegistry

    return bool(FeedRegistry(store).list())


PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">
  <link rel="stylesheet" href="/static/vendor/markercluster/MarkerCluster.css">
  <link rel="stylesheet" href="/static/vendor/markercluster/MarkerCluster.Default.css">
  <link rel="stylesheet" href="/static/app.css">
{scripts}
</head>
<body>
  <header id="bar">
    <h1>spotrep</h1>
    <form id="filters" autocomplete="off">
      <label>Type <select id="f-type" name="type"><option value="">all types</option></select></label>
      <label>Region <select id="f-region" name="admin1"><option value="">all regions</option></select></label>
      <label>Source <select id="f-source" name="source"><option value="">all sources</option></select></label>
      <label>Text <input id="f-text" name="text" type="search" maxlength="200"
        placeholder="place, actor, words"></label>
      <button type="button" id="f-clear">Clear</button>
    </form>
    <span id="status" role="status" aria-live="polite"></span>
    <button type="button" id="share" title="Copy a link to this view">Share</button>
    <button type="button" id="live-count" hidden aria-controls="live">0 new</button>
  </header>
  <main>
    <div id="map" aria-label="Map of events"></div>
    <div id="side">
      <section id="live" hidden aria-label="New events">
        <h2>New events <button type="button" id="live-seen">Seen</button></h2>
        <ol id="live-list"></ol>
      </section>
      <section id="list-box" aria-label="Events in view">
        <div id="list-head">
          <span id="list-count"></span>
          <span id="list-pages">
            <button type="button" id="list-prev" aria-label="Previous page">‹</button>
            <button type="button" id="list-next" aria-label="Next page">›</button>
          </span>
          <a id="export-csv" href="/api/export?format=csv" download>CSV</a>
          <a id="export-geojson" href="/api/export?format=geojson" download>GeoJSON</a>
        </div>
        <table id="list" aria-label="Events in view and in the filters (arrow keys move, Enter opens)">
          <thead><tr>
            <th data-sort="date" aria-sort="descending"><button type="button">Date</button></th>
            <th data-sort="type"><button type="button">Type</button></th>
            <th data-sort="place"><button type="button">Place</button></th>
            <th data-sort="fatalities"><button type="button">Killed</button></th>
            <th data-sort="sources"><button type="button">Sources</button></th>
          </tr></thead>
          <tbody></tbody>
        </table>
      </section>
      <aside id="panel" aria-live="polite">
        <p class="hint">Click a marker or a row to read the event and the sentence it came from.</p>
      </aside>
      <details id="feeds" hidden>
        <summary>Feeds <span id="feeds-summary"></span></summary>
        <table id="feeds-table">
          <thead><tr><th>Feed</th><th>Last polled</th><th>Status</th><th>Documents</th><th>Errors</th></tr></thead>
          <tbody></tbody>
        </table>
      </details>
    </div>
  </main>
  <footer id="timeline-box">
    <div id="timeline-head">
      <span>Events per day</span>
      <button type="button" id="play" aria-pressed="false">▶ Play</button>
      <span id="range"></span>
      <button type="button" id="range-clear" hidden>All dates</button>
      <span class="hint">drag to choose dates · wheel to zoom the axis</span>
    </div>
    <svg id="timeline" role="img" aria-label="Histogram of events per day; drag to choose dates"></svg>
  </footer>
  <form id="token-form" hidden>
    <label>API token <input id="token" type="password" autocomplete="off"></label>
    <button type="submit">Use</button>
  </form>
</body>
</html>
"""
