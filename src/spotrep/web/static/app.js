/* spotrep: the map-and-timeline page.
 *
 * Every view is backed by a JSON endpoint: /api/page (tiles, colours and shapes, filter choices),
 * /api/events/grid (the counts by area, the matches' bounds), /api/events?format=geojson (the markers when few
 * enough are in view), /api/events?sort=...&bbox=... (the list, a page at a time), /api/stats (the timeline),
 * /api/events/{id} (the event panel), /api/export (this view as CSV or GeoJSON).
 *
 * The map, the list and the counter show exactly the events that match the filters and the dates and lie in
 * the map's view (the same query with ``bbox``); the view is kept in the URL's fragment (shareable).
 *
 * Text that comes from documents is only ever inserted as text (textContent, createTextNode), never as HTML.
 *
 * Map layers live in a registry: a script loaded after this one calls
 *   Spotrep.layers.register("name", {label, order, defaultOn(config), create(ctx), refresh(ctx, layer)})
 * where create returns a Leaflet layer (or a promise of one) and refresh (optional) is called when the filters
 * change; a layer with ``basemap: true`` is part of the page's own basemap (added when tiles fail).
 * ctx = {map, config, api, params(withDates), viewParams(), showEvent(id), setStatus(text)}.
 * Spotrep.token() is the API token the user gave (or null), for requests made without Spotrep.api.
 * A layer keeps its own part of the view in the URL with Spotrep.urlKeys.set(name, () => value or null) (read
 * back with Spotrep.urlParam(name) when it is created) and Spotrep.writeUrl() when it changes.
 */
(function () {
  "use strict";

  const Spotrep = (window.Spotrep = window.Spotrep || {});
  const TOKEN_KEY = "spotrep-token";

  // --- the layer registry ------------------------------------------------------------------------------
  const registry = [];
  Spotrep.layers = {
    register(name, spec) {
      if (registry.some((r) => r.name === name)) throw new Error("layer " + name + " registered twice");
      registry.push(Object.assign({ name: name, order: 50, label: name }, spec));
    },
    list() {
      return registry.slice().sort((a, b) => a.order - b.order);
    },
  };

  // --- DOM helpers: text only ------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }
  Spotrep.el = el;

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function safeUrl(value) {
    if (!value) return null;
    try {
      const url = new URL(value, window.location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  // --- the API ----------------------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(status, body) {
      const err = (body && body.error) || {};
      super(err.message || "HTTP " + status);
      this.status = status;
      this.code = err.code || "http_error";
    }
  }

  async function api(path, params) {
    const query = params && params.toString() ? "?" + params.toString() : "";
    const headers = { Accept: "application/json" };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = "Bearer " + token;
    const response = await fetch(path + query, { headers: headers, credentials: "same-origin" });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      if (response.status === 401) askForToken();
      throw new ApiError(response.status, body);
    }
    return body;
  }
  Spotrep.api = api;
  Spotrep.token = () => sessionStorage.getItem(TOKEN_KEY);

  function askForToken() {
    const form = document.getElementById("token-form");
    form.hidden = false;
    form.onsubmit = (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, document.getElementById("token").value);
      form.hidden = true;
      boot();
    };
  }

  // --- state --------------------------------------------------------------------------------------------------
  // The view (filters, dates, map position, selected event, list order and page) lives in the URL's fragment:
  // a view is shared by its link. Everything the map, the list and the counter show comes from the same query.
  const MARKER_LIMIT = 2000; // at most this many events in view: single markers; more: server-side cells
  const PAGE_SIZE = 100;
  const state = {
    config: null,
    map: null,
    range: null,
    layers: new Map(),
    stats: null,
    selected: null,
    sort: "date",
    order: "desc",
    offset: 0,
    generation: 0,
    total: null, // matching events (all places)
    located: null,
    axis: null, // the timeline's zoomed domain [firstDay, lastDay] or null
    playing: null,
    offline: false,
    booting: true,
  };
  Spotrep.state = state;

  function setStatus(text) {
    document.getElementById("status").textContent = text;
  }

  const FILTERS = [
    ["type", "f-type"],
    ["admin1", "f-region"],
    ["source", "f-source"],
    ["text", "f-text"],
  ];

  function params(withDates) {
    const p = new URLSearchParams();
    for (const [name, id] of FILTERS) {
      const value = document.getElementById(id).value.trim();
      if (value) p.append(name, value);
    }
    if (withDates && state.range) {
      p.set("since", state.range[0]);
      p.set("until", state.range[1]);
    }
    return p;
  }

  function clampLon(x) {
    return Math.max(-180, Math.min(180, x));
  }

  function clampLat(x) {
    return Math.max(-90, Math.min(90, x));
  }

  function bboxOf(bounds) {
    return [
      clampLon(bounds.getWest()).toFixed(5),
      clampLat(bounds.getSouth()).toFixed(5),
      clampLon(bounds.getEast()).toFixed(5),
      clampLat(bounds.getNorth()).toFixed(5),
    ].join(",");
  }

  // the filters, the dates and the map's view: what the map, the list, the counter and the exports show
  function viewParams() {
    const p = params(true);
    p.set("bbox", bboxOf(state.map.getBounds()));
    return p;
  }
  Spotrep.viewParams = viewParams;

  function styleOf(eventType) {
    return state.config.event_types.find((t) => t.name === eventType) || { colour: "#555555", shape: "circle" };
  }

  function colourOf(eventType) {
    return styleOf(eventType).colour;
  }
  Spotrep.colourOf = (eventType) => colourOf(eventType);

  // --- the URL ------------------------------------------------------------------------------------------------
  const urlKeys = new Map(); // what layers keep in the URL: name -> () => value or null
  Spotrep.urlKeys = urlKeys;
  Spotrep.urlParam = (name) => new URLSearchParams(window.location.hash.slice(1)).get(name);
  Spotrep.writeUrl = () => writeUrl();

  function writeUrl() {
    if (state.booting) return;
    const p = params(true);
    const c = state.map.getCenter();
    p.set("map", state.map.getZoom() + "/" + c.lat.toFixed(4) + "/" + c.lng.toFixed(4));
    if (state.selected) p.set("event", state.selected);
    if (state.sort !== "date" || state.order !== "desc") p.set("sort", state.sort + "," + state.order);
    if (state.offset) p.set("offset", String(state.offset));
    for (const [name, value] of urlKeys) {
      const v = value();
      if (v) p.set(name, v);
    }
    const hash = "#" + p.toString();
    if (window.location.hash !== hash) history.replaceState(null, "", hash);
  }

  function readUrl() {
    const p = new URLSearchParams(window.location.hash.slice(1));
    for (const [name, id] of FILTERS) {
      const input = document.getElementById(id);
      const value = p.get(name) || "";
      if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value)) {
        input.appendChild(el("option", { value: value, text: value }));
      }
      input.value = value;
    }
    state.range = p.get("since") && p.get("until") ? [p.get("since"), p.get("until")] : null;
    const sort = (p.get("sort") || "").split(",");
    if (["date", "type", "place", "fatalities", "sources"].includes(sort[0])) state.sort = sort[0];
    if (sort[1] === "asc" || sort[1] === "desc") state.order = sort[1];
    state.offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
    state.selected = p.get("event") || null;
    const m = (p.get("map") || "").split("/").map(Number);
    return m.length === 3 && m.every((x) => Number.isFinite(x)) ? { zoom: m[0], center: [m[1], m[2]] } : null;
  }

  // --- filters ----------------------------------------------------------------------------------------------
  function fillSelect(id, options) {
    const select = document.getElementById(id);
    while (select.options.length > 1) select.remove(1);
    for (const [value, label] of options) select.appendChild(el("option", { value: value, text: label }));
  }

  function setUpFilters(config) {
    fillSelect(
      "f-type",
      config.event_types.map((t) => [t.name, t.name])
    );
    fillSelect(
      "f-region",
      config.regions.map((r) => [r.admin1, r.admin1 + " (" + r.events + ")"])
    );
    fillSelect(
      "f-source",
      config.sources.map((s) => [s.source, s.source + " (" + s.documents + ")"])
    );
    const form = document.getElementById("filters");
    form.onchange = () => filtersChanged();
    form.onsubmit = (event) => {
      event.preventDefault();
      filtersChanged();
    };
    document.getElementById("f-clear").onclick = () => {
      form.reset();
      state.range = null;
      state.axis = null;
      filtersChanged();
    };
    document.getElementById("range-clear").onclick = () => {
      stopPlay();
      state.range = null;
      filtersChanged();
    };
    document.getElementById("share").onclick = async () => {
      writeUrl();
      try {
        await navigator.clipboard.writeText(window.location.href);
        setStatusNote("link copied");
      } catch (e) {
        setStatusNote("the link is in the address bar");
      }
    };
  }

  function setStatusNote(note) {
    const status = document.getElementById("status");
    status.dataset.note = note;
    setTimeout(() => delete status.dataset.note, 2000);
  }

  // --- marker shapes: the type is told by shape and colour ------------------------------------------------------
  const SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    return node;
  }

  function polygon(n, r, rotate, inner) {
    const points = [];
    const count = inner ? n * 2 : n;
    for (let i = 0; i < count; i++) {
      const radius = inner && i % 2 ? inner : r;
      const a = rotate + (i * 2 * Math.PI) / count;
      points.push((10 + radius * Math.sin(a)).toFixed(2) + "," + (10 - radius * Math.cos(a)).toFixed(2));
    }
    return svg("polygon", { points: points.join(" ") });
  }

  function shapeNode(shape) {
    switch (shape) {
      case "triangle":
        return polygon(3, 9, 0);
      case "triangle-down":
        return polygon(3, 9, Math.PI);
      case "square":
        return svg("rect", { x: 3, y: 3, width: 14, height: 14 });
      case "star":
        return polygon(5, 9.5, 0, 4.2);
      case "hexagon":
        return polygon(6, 8.5, Math.PI / 6);
      default:
        return svg("circle", { cx: 10, cy: 10, r: 7 });
    }
  }

  function symbol(eventType, size) {
    const style = styleOf(eventType);
    const node = svg("svg", { viewBox: "0 0 20 20", width: size, height: size, class: "symbol shape-" + style.shape });
    const s = shapeNode(style.shape);
    s.setAttribute("fill", style.colour);
    s.setAttribute("stroke", "#222");
    s.setAttribute("stroke-width", "1.3");
    s.setAttribute("stroke-linejoin", "round");
    node.appendChild(s);
    return node;
  }
  Spotrep.symbol = symbol;

  function eventIcon(eventType, id) {
    const node = symbol(eventType, 18);
    return L.divIcon({ html: node, className: "spotrep-marker", iconSize: [18, 18], iconAnchor: [9, 9] });
  }

  // --- the events layer: single markers (clustered in the browser) or the server's cells --------------------------
  function cellDegrees(zoom) {
    return Math.min(45, (360 / (256 * Math.pow(2, zoom))) * 64); // ~64 pixels
  }

  function cellIcon(count) {
    const size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50;
    const cls = count < 10 ? "small" : count < 100 ? "medium" : "large";
    const inner = el("div", {}, el("span", { text: String(count) }));
    return L.divIcon({ html: inner, className: "marker-cluster marker-cluster-" + cls + " grid-cell", iconSize: [size, size] });
  }

  async function loadEvents(ctx, group, generation) {
    const p = viewParams();
    const zoom = state.map.getZoom();
    p.set("cell", String(cellDegrees(zoom)));
    const grid = await ctx.api("/api/events/grid", p);
    if (generation !== state.generation) return null;
    let markers = [];
    const byId = new Map();
    if (grid.located <= MARKER_LIMIT) {
      const q = viewParams();
      q.set("format", "geojson");
      q.set("limit", String(Math.max(1, grid.located)));
      const data = grid.located ? await ctx.api("/api/events", q) : { features: [] };
      if (generation !== state.generation) return null;
      for (const feature of data.features) {
        if (!feature.geometry) continue;
        const [lon, lat] = feature.geometry.coordinates;
        const props = feature.properties;
        const marker = L.marker([lat, lon], {
          icon: eventIcon(props.event_type, feature.id),
          title: [props.event_date || "undated", props.sub_event_type, props.location].filter(Boolean).join(" · "),
          keyboard: true,
        });
        marker.eventId = feature.id;
        marker.on("click", () => select(feature.id, "map"));
        markers.push(marker);
        byId.set(feature.id, marker);
      }
    } else {
      for (const c of grid.cells) {
        const marker = L.marker([c.lat, c.lon], { icon: cellIcon(c.count), keyboard: true, title: c.count + " events" });
        marker.on("click", () => state.map.setView([c.lat, c.lon], Math.min(state.map.getMaxZoom(), zoom + 2)));
        markers.push(marker);
      }
    }
    // a new cluster group each time: one built for the map's present zoom (no state left from earlier views)
    group.removeLayer(group.markers);
    group.markers = clusterGroup();
    group.cells.clearLayers();
    if (grid.located <= MARKER_LIMIT) group.markers.addLayers(markers);
    else for (const m of markers) group.cells.addLayer(m);
    group.addLayer(group.markers);
    state.markerById = byId;
    state.mapMode = grid.located <= MARKER_LIMIT ? "markers" : "cells";
    return grid;
  }

  // no animations: the clusters are drawn at once (the map never shows what the list does not)
  function clusterGroup() {
    return L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, animate: false });
  }

  Spotrep.layers.register("events", {
    label: "Events",
    order: 10,
    defaultOn: () => true,
    create() {
      // single events clustered in the browser; the server's cells (many events in view) beside them, unclustered
      const group = L.layerGroup();
      group.markers = clusterGroup();
      group.cells = L.layerGroup();
      group.addLayer(group.markers);
      group.addLayer(group.cells);
      return group;
    },
  });

  // --- the list ----------------------------------------------------------------------------------------------------
  function placeOf(e) {
    const loc = e.location || {};
    return [loc.name, loc.admin1].filter(Boolean).join(", ") || "unknown place";
  }

  async function loadList(ctx, generation) {
    const p = viewParams();
    p.set("sort", state.sort);
    p.set("order", state.order);
    p.set("limit", String(PAGE_SIZE));
    p.set("offset", String(state.offset));
    const page = await ctx.api("/api/events", p);
    if (generation !== state.generation) return null;
    if (page.total && state.offset >= page.total) {
      state.offset = Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE;
      return loadList(ctx, generation);
    }
    const body = document.querySelector("#list tbody");
    const rows = [];
    for (const e of page.events) {
      const killed = e.fatalities === null || e.fatalities === undefined ? "" : String(e.fatalities);
      const type = el("td", { class: "type-cell", title: e.event_type }, symbol(e.event_type, 13), " " + e.sub_event_type);
      const tr = el(
        "tr",
        { "data-event-id": e.event_id, tabindex: "-1", class: e.event_id === state.selected ? "selected" : null, "aria-selected": e.event_id === state.selected ? "true" : "false" },
        el("td", { text: e.event_date || e.date_start || "undated" }),
        type,
        el("td", { text: placeOf(e) }),
        el("td", { class: "num", text: killed }),
        el("td", { class: "num", text: String(e.source_count) })
      );
      tr.onclick = () => select(e.event_id, "list");
      rows.push(tr);
    }
    body.replaceChildren(...rows);
    const focusable = body.querySelector("tr.selected") || body.firstElementChild;
    if (focusable) focusable.tabIndex = 0;
    for (const th of document.querySelectorAll("#list th")) {
      th.setAttribute("aria-sort", th.dataset.sort === state.sort ? (state.order === "asc" ? "ascending" : "descending") : "none");
    }
    const first = page.total ? state.offset + 1 : 0;
    const last = state.offset + page.events.length;
    document.getElementById("list-count").textContent =
      page.total <= PAGE_SIZE ? page.total + " in view" : first + "–" + last + " of " + page.total + " in view";
    document.getElementById("list-prev").disabled = state.offset === 0;
    document.getElementById("list-next").disabled = last >= page.total;
    return page;
  }

  function setUpList() {
    const body = document.querySelector("#list tbody");
    for (const th of document.querySelectorAll("#list th")) {
      th.querySelector("button").onclick = () => {
        if (state.sort === th.dataset.sort) state.order = state.order === "asc" ? "desc" : "asc";
        else {
          state.sort = th.dataset.sort;
          state.order = state.sort === "place" || state.sort === "type" ? "asc" : "desc";
        }
        state.offset = 0;
        refreshView();
      };
    }
    document.getElementById("list-prev").onclick = () => {
      state.offset = Math.max(0, state.offset - PAGE_SIZE);
      refreshView();
    };
    document.getElementById("list-next").onclick = () => {
      state.offset += PAGE_SIZE;
      refreshView();
    };
    body.addEventListener("keydown", (event) => {
      const row = event.target.closest("tr");
      if (!row) return;
      let next = null;
      if (event.key === "ArrowDown") next = row.nextElementSibling;
      else if (event.key === "ArrowUp") next = row.previousElementSibling;
      else if (event.key === "Home") next = body.firstElementChild;
      else if (event.key === "End") next = body.lastElementChild;
      else if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select(row.dataset.eventId, "list");
        return;
      } else if (event.key === "PageDown" && !document.getElementById("list-next").disabled) {
        event.preventDefault();
        document.getElementById("list-next").click();
        return;
      } else if (event.key === "PageUp" && !document.getElementById("list-prev").disabled) {
        event.preventDefault();
        document.getElementById("list-prev").click();
        return;
      }
      if (next) {
        event.preventDefault();
        row.tabIndex = -1;
        next.tabIndex = 0;
        next.focus();
        select(next.dataset.eventId, "list");
      }
    });
  }

  // --- selection: one event, shown in the map, the list and the panel ------------------------------------------------
  let ring = null;

  function markSelected() {
    for (const tr of document.querySelectorAll("#list tbody tr")) {
      const on = tr.dataset.eventId === state.selected;
      tr.classList.toggle("selected", on);
      tr.setAttribute("aria-selected", on ? "true" : "false");
    }
    if (ring) {
      ring.remove();
      ring = null;
    }
    const marker = state.selected && state.markerById ? state.markerById.get(state.selected) : null;
    if (marker) {
      ring = L.marker(marker.getLatLng(), {
        icon: L.divIcon({ className: "selected-ring", iconSize: [30, 30], iconAnchor: [15, 15] }),
        interactive: false,
        keyboard: false,
        zIndexOffset: -100,
        pane: "markerPane",
      }).addTo(state.map);
      ring.getElement().dataset.eventId = state.selected;
    }
    document.body.dataset.selected = state.selected || "";
  }

  function select(id, from) {
    state.selected = id;
    markSelected();
    if (from === "map") {
      const row = document.querySelector('#list tbody tr[data-event-id="' + CSS.escape(id) + '"]');
      if (row) row.scrollIntoView({ block: "nearest" });
    }
    writeUrl();
    return showEvent(id);
  }
  Spotrep.select = select;

  function deselect() {
    state.selected = null;
    markSelected();
    const panel = document.getElementById("panel");
    clear(panel);
    panel.appendChild(el("p", { class: "hint", text: "Click a marker or a row to read the event and the sentence it came from." }));
  }

  // --- the legend -----------------------------------------------------------------------------------------------
  function legend(config) {
    const control = L.control({ position: "bottomleft" });
    control.onAdd = () => {
      const box = el("div", { class: "legend" });
      for (const t of config.event_types.slice(0, 6)) box.appendChild(el("div", {}, symbol(t.name, 14), t.name));
      return box;
    };
    return control;
  }

  // --- the timeline -------------------------------------------------------------------------------------------
  const DAY = 86400000;
  const toDay = (iso) => Math.round(Date.parse(iso + "T00:00:00Z") / DAY);
  const fromDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  async function loadTimeline() {
    state.stats = await api("/api/stats", params(false));
    drawTimeline();
  }

  // the ticks of the axis: days, weeks (Mondays), months or years, whichever leaves room for their labels
  function ticks(first, last, pxPerDay) {
    const out = [];
    const span = last - first + 1;
    if (pxPerDay >= 40) {
      for (let d = first; d <= last; d++) out.push([d, fromDay(d).slice(8) + " " + MONTHS[new Date(d * DAY).getUTCMonth()]]);
      return { unit: "day", ticks: out };
    }
    if (pxPerDay * 7 >= 48) {
      for (let d = first; d <= last; d++) {
        if (new Date(d * DAY).getUTCDay() === 1) out.push([d, fromDay(d).slice(8) + " " + MONTHS[new Date(d * DAY).getUTCMonth()]]);
      }
      return { unit: "week", ticks: out };
    }
    const monthsEvery = pxPerDay * 30 >= 44 ? 1 : pxPerDay * 90 >= 44 ? 3 : 0;
    const start = new Date(first * DAY);
    if (monthsEvery) {
      let y = start.getUTCFullYear();
      let m = start.getUTCMonth();
      for (;;) {
        const d = Math.round(Date.UTC(y, m, 1) / DAY);
        if (d > last) break;
        if (d >= first && m % monthsEvery === 0) out.push([d, m === 0 ? String(y) : MONTHS[m] + (out.length ? "" : " " + y)]);
        m += 1;
        if (m === 12) {
          m = 0;
          y += 1;
        }
      }
      return { unit: monthsEvery === 1 ? "month" : "quarter", ticks: out };
    }
    for (let y = start.getUTCFullYear(); ; y++) {
      const d = Math.round(Date.UTC(y, 0, 1) / DAY);
      if (d > last) break;
      if (d >= first) out.push([d, String(y)]);
    }
    return { unit: span > 0 ? "year" : "day", ticks: out };
  }

  function drawTimeline() {
    const chart = document.getElementById("timeline");
    clear(chart);
    const days = (state.stats ? state.stats.by_day : []).filter((d) => d.date);
    const width = chart.clientWidth || 800;
    const height = chart.clientHeight || 90;
    const pad = { left: 8, right: 8, top: 6, bottom: 20 };
    document.getElementById("range").textContent = state.range
      ? state.range[0] + (state.range[1] !== state.range[0] ? " … " + state.range[1] : "")
      : "";
    document.getElementById("range-clear").hidden = !state.range;
    if (!days.length) {
      const note = svg("text", { x: pad.left, y: height / 2, class: "axis" });
      note.textContent = "no dated events";
      chart.appendChild(note);
      return;
    }
    const dataFirst = toDay(days[0].date);
    const dataLast = toDay(days[days.length - 1].date);
    const [first, last] = state.axis || [dataFirst, dataLast];
    const span = Math.max(1, last - first + 1);
    const inView = days.filter((d) => toDay(d.date) >= first && toDay(d.date) <= last);
    const max = Math.max(1, ...inView.map((d) => d.events));
    const step = (width - pad.left - pad.right) / span;
    const x = (day) => pad.left + (day - first) * step;
    const inner = height - pad.top - pad.bottom;
    const selected = state.range ? [toDay(state.range[0]), toDay(state.range[1])] : null;
    for (const d of inView) {
      const day = toDay(d.date);
      const h = Math.max(1, (d.events / max) * inner);
      const on = !selected || (day >= selected[0] && day <= selected[1]);
      const bar = svg("rect", {
        x: x(day),
        y: pad.top + inner - h,
        width: Math.max(1, step - (step > 3 ? 1 : 0)),
        height: h,
        class: on ? "bar" : "bar off",
        "data-date": d.date,
      });
      const tip = svg("title");
      tip.textContent = d.date + ": " + d.events + " event(s)";
      bar.appendChild(tip);
      chart.appendChild(bar);
    }
    const axis = ticks(first, last, step);
    chart.dataset.unit = axis.unit;
    chart.appendChild(svg("line", { x1: pad.left, x2: width - pad.right, y1: pad.top + inner + 0.5, y2: pad.top + inner + 0.5, class: "axis-line" }));
    let lastRight = -Infinity;
    for (const [day, text] of axis.ticks) {
      const tx = x(day);
      chart.appendChild(svg("line", { x1: tx, x2: tx, y1: pad.top + inner, y2: pad.top + inner + 4, class: "tick" }));
      if (tx - 2 < lastRight || tx > width - 20) continue;
      const label = svg("text", { x: tx + 2, y: height - 5, class: "axis tick-label" });
      label.textContent = text;
      chart.appendChild(label);
      lastRight = tx + 7 * text.length;
    }
    const brush = svg("rect", { class: "brush", y: pad.top, height: inner, x: 0, width: 0 });
    if (selected) {
      brush.setAttribute("x", x(Math.max(first, selected[0])));
      brush.setAttribute("width", Math.max(0, (Math.min(last, selected[1]) - Math.max(first, selected[0]) + 1) * step));
    }
    chart.appendChild(brush);
    const dayAt = (clientX) => {
      const box = chart.getBoundingClientRect();
      const day = first + Math.floor((clientX - box.left - pad.left) / step);
      return Math.min(last, Math.max(first, day));
    };
    chart.onpointerdown = (down) => {
      stopPlay();
      const start = dayAt(down.clientX);
      let end = start;
      chart.setPointerCapture(down.pointerId);
      chart.onpointermove = (move) => {
        end = dayAt(move.clientX);
        const lo = Math.min(start, end);
        brush.setAttribute("x", x(lo));
        brush.setAttribute("width", Math.max(step, (Math.abs(end - start) + 1) * step));
      };
      chart.onpointerup = () => {
        chart.onpointermove = null;
        chart.onpointerup = null;
        state.range = [fromDay(Math.min(start, end)), fromDay(Math.max(start, end))];
        filtersChanged({ timeline: false });
      };
    };
    chart.onwheel = (wheel) => {
      wheel.preventDefault();
      const at = dayAt(wheel.clientX);
      const factor = wheel.deltaY < 0 ? 0.6 : 1 / 0.6;
      const newSpan = Math.max(7, Math.round(span * factor));
      if (newSpan >= dataLast - dataFirst + 1) state.axis = null;
      else {
        let lo = Math.round(at - ((at - first) / span) * newSpan);
        lo = Math.max(dataFirst, Math.min(dataLast - newSpan + 1, lo));
        state.axis = [lo, lo + newSpan - 1];
      }
      drawTimeline();
    };
  }

  // "play": one day at a time through the dates (the brushed range, else every date), map and list following
  function stopPlay() {
    if (!state.playing) return;
    clearInterval(state.playing.timer);
    state.playing = null;
    const button = document.getElementById("play");
    button.textContent = "▶ Play";
    button.setAttribute("aria-pressed", "false");
  }

  function startPlay() {
    const days = (state.stats ? state.stats.by_day : []).filter((d) => d.date).map((d) => toDay(d.date));
    if (!days.length) return;
    const lo = state.range ? toDay(state.range[0]) : days[0];
    const hi = state.range && state.range[1] !== state.range[0] ? toDay(state.range[1]) : days[days.length - 1];
    const button = document.getElementById("play");
    button.textContent = "■ Stop";
    button.setAttribute("aria-pressed", "true");
    state.playing = { day: lo, last: hi, timer: null, busy: false };
    const tick = async () => {
      const play = state.playing;
      if (!play || play.busy) return;
      if (play.day > play.last) {
        stopPlay();
        return;
      }
      play.busy = true;
      state.range = [fromDay(play.day), fromDay(play.day)];
      play.day += 1;
      await viewChanged();
      drawTimeline();
      play.busy = false;
    };
    state.playing.timer = setInterval(tick, 800);
    tick();
  }

  // --- the event panel ----------------------------------------------------------------------------------------
  const CLAIM_WORDS = {
    reported: "reported: stated as fact by the source",
    claimed: "claimed: the source says so; unverified",
    denied: "denied by the source",
    assessed: "assessed: an analyst's inference",
    confirmed: "confirmed: independent sides agree",
  };

  function claimLine(claim) {
    const who = claim.source ? claim.source + (claim.source_country ? " (" + claim.source_country + ")" : "") : "unattributed";
    return el(
      "span",
      { class: "claim" },
      el("span", { class: "who", text: who }),
      " ",
      el("span", { class: "status status-" + claim.status, text: CLAIM_WORDS[claim.status] || claim.status })
    );
  }

  function figures(detail) {
    const { fatalities_low: low, fatalities_best: best, fatalities_high: high } = detail;
    if (best === null && low === null && high === null) return "not reported";
    if (low === high) return String(best !== null ? best : low);
    return (best !== null ? best : "?") + " (" + low + "–" + high + " across sources)";
  }

  function paragraphWithHighlight(ev) {
    const p = el("p", { class: "evidence" });
    if (ev.paragraph === null || ev.paragraph === undefined) {
      p.appendChild(el("mark", { text: ev.text }));
      return p;
    }
    const text = ev.paragraph;
    p.appendChild(document.createTextNode(text.slice(0, ev.highlight_start)));
    p.appendChild(el("mark", { text: text.slice(ev.highlight_start, ev.highlight_end) }));
    p.appendChild(document.createTextNode(text.slice(ev.highlight_end)));
    return p;
  }

  function row(label, value) {
    return el("div", { class: "row" }, el("dt", { text: label }), el("dd", {}, value));
  }

  async function showEvent(id) {
    const panel = document.getElementById("panel");
    clear(panel);
    panel.appendChild(el("p", { class: "hint", text: "Loading…" }));
    let detail;
    try {
      detail = await api("/api/events/" + encodeURIComponent(id));
    } catch (error) {
      clear(panel);
      panel.appendChild(el("p", { class: "error", text: "Could not load the event: " + error.message }));
      return;
    }
    const e = detail.event;
    const loc = e.location || {};
    const when =
      e.event_date || (e.date_start ? e.date_start + (e.date_end && e.date_end !== e.date_start ? " … " + e.date_end : "") : "undated");
    const where = [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ") || "unknown place";
    const actors = [e.actor1 && e.actor1.name, e.actor2 && e.actor2.name].filter(Boolean).join(" → ");
    clear(panel);
    panel.appendChild(el("h2", {}, symbol(e.event_type, 16), e.sub_event_type));
    panel.appendChild(el("p", { class: "type", text: e.event_type + (e.categories.length ? " · " + e.categories.join(", ") : "") }));
    const facts = el("dl", { class: "facts" });
    facts.appendChild(row("When", when));
    facts.appendChild(row("Where", where + (e.geo_precision ? " (precision " + e.geo_precision + ")" : "")));
    if (actors) facts.appendChild(row("Actors", actors));
    facts.appendChild(row("Killed", figures(detail)));
    if (e.injuries !== null) facts.appendChild(row("Injured", String(e.injuries)));
    if (e.weapons.length) facts.appendChild(row("Weapons", e.weapons.join(", ")));
    const claims = el("div", { class: "claims" });
    for (const c of detail.claims.length ? detail.claims : [e.claim]) claims.appendChild(claimLine(c));
    facts.appendChild(row("Who says so", claims));
    panel.appendChild(facts);
    if (e.notes) panel.appendChild(el("p", { class: "notes", text: e.notes }));
    panel.appendChild(el("h3", { text: detail.sources.length + " source(s)" }));
    for (const src of detail.sources) {
      const box = el("section", { class: "source" });
      const name = src.source || src.document_id;
      const href = safeUrl(src.url);
      const head = el("div", { class: "source-head" });
      if (href) {
        const link = el("a", { target: "_blank", rel: "noopener noreferrer nofollow", text: name });
        link.href = href;
        head.appendChild(link);
      } else {
        head.appendChild(el("strong", { text: name }));
      }
      if (src.published) head.appendChild(document.createTextNode(" · " + src.published));
      box.appendChild(head);
      if (src.title) box.appendChild(el("div", { class: "title", text: src.title }));
      box.appendChild(claimLine(src.claim));
      for (const ev of src.evidence) box.appendChild(paragraphWithHighlight(ev));
      panel.appendChild(box);
    }
    panel.appendChild(el("p", { class: "id", text: "event " + e.event_id }));
  }
  Spotrep.showEvent = showEvent;

  // --- boot and refresh ---------------------------------------------------------------------------------------
  function context() {
    return {
      map: state.map,
      config: state.config,
      api: api,
      params: params,
      viewParams: viewParams,
      showEvent: (id) => select(id, "map"),
      setStatus: setStatus,
    };
  }

  function showCount(page, grid) {
    const n = page ? page.total : 0;
    const unplaced = state.total !== null && state.located !== null ? state.total - state.located : 0;
    let text = n + (n === 1 ? " event" : " events");
    if (grid && state.mapMode === "cells") text += " (grouped by area: zoom in for single events)";
    if (unplaced) text += " · " + unplaced + " without a place";
    setStatus(text);
    document.getElementById("status").dataset.count = String(n);
  }

  // "export this view": the same query as the list, every event of it, by the library's exporters
  function updateExports() {
    for (const format of ["csv", "geojson"]) {
      const link = document.getElementById("export-" + format);
      const p = viewParams();
      p.set("format", format);
      link.href = "/api/export?" + p.toString();
      link.onclick = Spotrep.token()
        ? async (event) => {
            event.preventDefault(); // a private server: the token goes in a header, not in the link
            const response = await fetch(link.href, { headers: { Authorization: "Bearer " + Spotrep.token() } });
            const url = URL.createObjectURL(await response.blob());
            const a = el("a", { href: url, download: "spotrep-events." + format });
            document.body.appendChild(a);
            a.click();
            a.remove();
            URL.revokeObjectURL(url);
          }
        : null;
    }
  }

  // the map, the list and the counter from the same query: the filters, the dates and the map's view
  async function refreshView() {
    const generation = ++state.generation;
    const started = performance.now();
    document.body.dataset.busy = "true";
    try {
      const ctx = context();
      const group = state.layers.get("events");
      const [grid, page] = await Promise.all([group ? loadEvents(ctx, group, generation) : null, loadList(ctx, generation)]);
      if (generation !== state.generation) return;
      showCount(page, grid);
      updateExports();
      markSelected();
      writeUrl();
      Spotrep.timings.lastView = performance.now() - started;
      if (Spotrep.timings.firstView === undefined) Spotrep.timings.firstView = performance.now();
    } catch (error) {
      if (generation === state.generation) setStatus("Error: " + error.message);
    } finally {
      if (generation === state.generation) {
        document.body.dataset.busy = "false";
        for (const resolve of idle.splice(0)) resolve();
      }
    }
  }
  // a promise of the moment the events in view are drawn (what is less urgent waits for it: the place names)
  const idle = [];
  Spotrep.whenIdle = () =>
    document.body.dataset.busy === "true" ? new Promise((resolve) => idle.push(resolve)) : Promise.resolve();
  Spotrep.timings = {};
  Spotrep.refreshView = refreshView;

  function viewChanged() {
    return refreshView();
  }

  // where the matching events are (all of them, not only those in view): the map is fitted to them
  async function fitToMatches() {
    const p = params(true);
    p.set("cells", "false");
    const grid = await api("/api/events/grid", p);
    state.total = grid.total;
    state.located = grid.located;
    if (grid.bounds) {
      const [w, s, e, n] = grid.bounds;
      const pad = 0.02;
      state.moving = true;
      state.map.fitBounds(
        [
          [s - pad, w - pad],
          [n + pad, e + pad],
        ],
        { maxZoom: 10, padding: [30, 30], animate: false }
      );
      state.moving = false;
    }
  }

  // the filters or the dates changed: the map is fitted to what matches, the list starts again
  async function filtersChanged(options) {
    const timeline = !options || options.timeline !== false;
    const started = performance.now();
    document.body.dataset.busy = "true"; // until the view is drawn again
    try {
      state.offset = 0;
      deselect();
      if (!timeline) drawTimeline();
      await fitToMatches();
      await refreshView();
      Spotrep.timings.lastFilter = performance.now() - started;
      // then what does not show the events in view: the timeline's counts, the other layers
      const ctx = context();
      const jobs = [];
      for (const spec of Spotrep.layers.list()) {
        const layer = state.layers.get(spec.name);
        if (layer && spec.refresh) jobs.push(spec.refresh(ctx, layer));
      }
      if (timeline) jobs.push(loadTimeline());
      await Promise.all(jobs);
      Spotrep.timings.lastSettled = performance.now() - started;
    } catch (error) {
      setStatus("Error: " + error.message);
      document.body.dataset.busy = "false";
    }
  }
  Spotrep.filtersChanged = filtersChanged;

  // the page's own basemap (outlines, land and water, place names) instead of tiles
  function useOwnBasemap(reason) {
    if (state.offline) return;
    state.offline = true;
    document.getElementById("map").classList.add("no-tiles");
    document.body.dataset.basemap = "own";
    if (reason) document.body.dataset.basemapReason = reason;
    for (const spec of Spotrep.layers.list()) {
      if (!spec.basemap) continue;
      const layer = state.layers.get(spec.name);
      if (layer && !state.map.hasLayer(layer)) layer.addTo(state.map);
      if (layer && spec.offline) spec.offline(context(), layer);
    }
  }
  Spotrep.offline = () => state.offline;

  async function boot() {
    try {
      state.config = await api("/api/page");
    } catch (error) {
      setStatus("Error: " + error.message);
      return;
    }
    const config = state.config;
    state.offline = !config.tiles;
    document.body.dataset.basemap = config.tiles ? "tiles" : "own";
    if (!state.map) {
      state.map = L.map("map", { zoomControl: true, minZoom: 2, maxZoom: 18, keyboard: true }).setView([48.6, 32.5], 6);
      if (config.tiles) {
        // tiles are an option: when they cannot be loaded (no internet), the page's own basemap takes over
        const tiles = L.tileLayer(config.tiles, { attribution: config.tiles_attribution || "", maxZoom: 18 });
        let failed = 0;
        tiles.on("tileerror", () => {
          failed += 1;
          if (failed >= 2) {
            state.map.removeLayer(tiles);
            useOwnBasemap("tiles failed");
          }
        });
        tiles.addTo(state.map);
      } else {
        document.getElementById("map").classList.add("no-tiles");
      }
      legend(config).addTo(state.map);
      // the map's box can change without the window's (the side column): Leaflet is told, and the view redrawn
      if (window.ResizeObserver) new ResizeObserver(() => state.map.invalidateSize({ pan: false })).observe(document.getElementById("map"));
    }
    setUpFilters(config);
    setUpList();
    const fromUrl = readUrl();
    if (fromUrl) state.map.setView(fromUrl.center, fromUrl.zoom, { animate: false });
    const ctx = context();
    const overlays = {};
    for (const spec of Spotrep.layers.list()) {
      try {
        const layer = await spec.create(ctx);
        state.layers.set(spec.name, layer);
        overlays[spec.label] = layer;
        // a basemap layer created after the tiles failed (a layer before it took its time) is added all the same
        if (!spec.defaultOn || spec.defaultOn(config) || (spec.basemap && state.offline)) layer.addTo(state.map);
      } catch (error) {
        console.error(error);
        setStatus("Layer " + spec.label + ": " + (error && error.message ? error.message : String(error)));
      }
    }
    L.control.layers(null, overlays, { collapsed: true }).addTo(state.map);
    document.getElementById("play").onclick = () => (state.playing ? stopPlay() : startPlay());
    let timer = null;
    state.map.on("movestart zoomstart", () => {
      if (!state.booting) document.body.dataset.busy = "true"; // a view is coming
    });
    state.map.on("moveend", () => {
      if (state.moving || state.booting) return;
      document.body.dataset.busy = "true";
      clearTimeout(timer);
      timer = setTimeout(viewChanged, 120);
    });
    const timeline = loadTimeline();
    if (fromUrl) {
      const p = params(true);
      p.set("cells", "false");
      const grid = await api("/api/events/grid", p);
      state.total = grid.total;
      state.located = grid.located;
    } else {
      await fitToMatches();
    }
    state.booting = false;
    const selected = state.selected;
    await refreshView();
    if (selected) select(selected, "map");
    await timeline;
    window.addEventListener("resize", drawTimeline);
    document.body.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", boot);
})();
