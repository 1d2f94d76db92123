/* spotrep: the map-and-timeline page.
 *
 * Every view is backed by a JSON endpoint: /api/page (tiles, colours, filter choices), /api/events?format=geojson
 * (the markers), /api/stats (the timeline), /api/events/{id} (the event panel).
 *
 * Text that comes from documents is only ever inserted as text (textContent, createTextNode), never as HTML.
 *
 * Map layers live in a registry: a script loaded after this one calls
 *   Spotrep.layers.register("name", {label, order, defaultOn(config), create(ctx), refresh(ctx, layer)})
 * where create returns a Leaflet layer (or a promise of one) and refresh (optional) is called when the filters
 * change. ctx = {map, config, api, params(withDates), showEvent(id), setStatus(text)}.
 * Spotrep.token() is the API token the user gave (or null), for requests made without Spotrep.api.
 */
(function () {
  "use strict";

  const Spotrep = (window.Spotrep = window.Spotrep || {});
  const TOKEN_KEY = "spotrep-token";
  const MAP_LIMIT = 5000;

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
  const state = { config: null, map: null, range: null, layers: new Map(), stats: null };

  function setStatus(text) {
    document.getElementById("status").textContent = text;
  }

  function params(withDates) {
    const p = new URLSearchParams();
    const pairs = [
      ["type", "f-type"],
      ["admin1", "f-region"],
      ["source", "f-source"],
      ["text", "f-text"],
    ];
    for (const [name, id] of pairs) {
      const value = document.getElementById(id).value.trim();
      if (value) p.append(name, value);
    }
    if (withDates && state.range) {
      p.set("since", state.range[0]);
      p.set("until", state.range[1]);
    }
    return p;
  }

  function colourOf(eventType) {
    const found = state.config.event_types.find((t) => t.name === eventType);
    return found ? found.colour : "#555555";
  }
  Spotrep.colourOf = (eventType) => colourOf(eventType);

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
    form.onchange = () => refresh(true);
    form.onsubmit = (event) => {
      event.preventDefault();
      refresh(true);
    };
    document.getElementById("f-clear").onclick = () => {
      form.reset();
      state.range = null;
      refresh(true);
    };
    document.getElementById("range-clear").onclick = () => {
      state.range = null;
      refresh(false);
    };
  }

  // --- the events layer ---------------------------------------------------------------------------------------
  function eventIcon(eventType) {
    const dot = el("span", { class: "dot" });
    dot.style.backgroundColor = colourOf(eventType);
    return L.divIcon({ html: dot, className: "spotrep-marker", iconSize: [16, 16], iconAnchor: [8, 8] });
  }

  Spotrep.layers.register("events", {
    label: "Events",
    order: 10,
    defaultOn: () => true,
    create(ctx) {
      const group = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
      return this.refresh(ctx, group).then(() => group);
    },
    async refresh(ctx, group) {
      const p = ctx.params(true);
      p.set("format", "geojson");
      p.set("order", "desc");
      p.set("limit", String(Math.min(MAP_LIMIT, ctx.config.max_page)));
      const data = await ctx.api("/api/events", p);
      group.clearLayers();
      const markers = [];
      let unlocated = 0;
      for (const feature of data.features) {
        if (!feature.geometry) {
          unlocated += 1;
          continue;
        }
        const [lon, lat] = feature.geometry.coordinates;
        const props = feature.properties;
        const marker = L.marker([lat, lon], {
          icon: eventIcon(props.event_type),
          title: [props.event_date || "undated", props.sub_event_type, props.location].filter(Boolean).join(" · "),
          keyboard: true,
        });
        marker.on("click", () => ctx.showEvent(feature.id));
        markers.push(marker);
      }
      group.addLayers(markers);
      const shown = data.features.length < data.total ? " (the newest " + data.features.length + " on the map)" : "";
      ctx.setStatus(data.total + " event(s)" + shown + (unlocated ? ", " + unlocated + " without a place" : ""));
      if (markers.length && !state.fitted) {
        state.fitted = true;
        ctx.map.fitBounds(group.getBounds(), { maxZoom: 9, padding: [30, 30] });
      }
    },
  });

  // --- the legend -----------------------------------------------------------------------------------------------
  function legend(config) {
    const control = L.control({ position: "bottomleft" });
    control.onAdd = () => {
      const box = el("div", { class: "legend" });
      for (const t of config.event_types.slice(0, 6)) {
        const swatch = el("span", { class: "swatch" });
        swatch.style.backgroundColor = t.colour;
        box.appendChild(el("div", {}, swatch, t.name));
      }
      return box;
    };
    return control;
  }

  // --- the timeline -------------------------------------------------------------------------------------------
  const SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    return node;
  }

  const DAY = 86400000;
  const toDay = (iso) => Math.round(Date.parse(iso + "T00:00:00Z") / DAY);
  const fromDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);

  async function loadTimeline() {
    state.stats = await api("/api/stats", params(false));
    drawTimeline();
  }

  function drawTimeline() {
    const chart = document.getElementById("timeline");
    clear(chart);
    const days = (state.stats ? state.stats.by_day : []).filter((d) => d.date);
    const width = chart.clientWidth || 800;
    const height = chart.clientHeight || 90;
    const pad = { left: 8, right: 8, top: 6, bottom: 18 };
    document.getElementById("range").textContent = state.range ? state.range[0] + " … " + state.range[1] : "";
    document.getElementById("range-clear").hidden = !state.range;
    if (!days.length) {
      const note = svg("text", { x: pad.left, y: height / 2, class: "axis" });
      note.textContent = "no dated events";
      chart.appendChild(note);
      return;
    }
    const first = toDay(days[0].date);
    const last = toDay(days[days.length - 1].date);
    const span = Math.max(1, last - first + 1);
    const max = Math.max(...days.map((d) => d.events));
    const step = (width - pad.left - pad.right) / span;
    const x = (day) => pad.left + (day - first) * step;
    const inner = height - pad.top - pad.bottom;
    const selected = state.range ? [toDay(state.range[0]), toDay(state.range[1])] : null;
    for (const d of days) {
      const day = toDay(d.date);
      const h = Math.max(1, (d.events / max) * inner);
      const on = !selected || (day >= selected[0] && day <= selected[1]);
      const bar = svg("rect", {
        x: x(day),
        y: pad.top + inner - h,
        width: Math.max(1, step - (step > 3 ? 1 : 0)),
        height: h,
        class: on ? "bar" : "bar off",
      });
      const tip = svg("title");
      tip.textContent = d.date + ": " + d.events + " event(s)";
      bar.appendChild(tip);
      chart.appendChild(bar);
    }
    for (const [day, anchor] of [
      [first, "start"],
      [last, "end"],
    ]) {
      const label = svg("text", { x: anchor === "start" ? pad.left : width - pad.right, y: height - 4, class: "axis" });
      label.setAttribute("text-anchor", anchor);
      label.textContent = fromDay(day);
      chart.appendChild(label);
    }
    const brush = svg("rect", { class: "brush", y: pad.top, height: inner, x: 0, width: 0 });
    chart.appendChild(brush);
    const dayAt = (clientX) => {
      const box = chart.getBoundingClientRect();
      const day = first + Math.floor((clientX - box.left - pad.left) / step);
      return Math.min(last, Math.max(first, day));
    };
    chart.onpointerdown = (down) => {
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
        refresh(false);
      };
    };
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
    const swatch = el("span", { class: "swatch" });
    swatch.style.backgroundColor = colourOf(e.event_type);
    panel.appendChild(el("h2", {}, swatch, e.sub_event_type));
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
    return { map: state.map, config: state.config, api: api, params: params, showEvent: showEvent, setStatus: setStatus };
  }

  async function refresh(timelineToo) {
    try {
      const ctx = context();
      const jobs = [];
      for (const spec of Spotrep.layers.list()) {
        const layer = state.layers.get(spec.name);
        if (layer && spec.refresh) jobs.push(spec.refresh(ctx, layer));
      }
      if (timelineToo) jobs.push(loadTimeline());
      else drawTimeline();
      await Promise.all(jobs);
    } catch (error) {
      setStatus("Error: " + error.message);
    }
  }

  async function boot() {
    try {
      state.config = await api("/api/page");
    } catch (error) {
      setStatus("Error: " + error.message);
      return;
    }
    const config = state.config;
    if (!state.map) {
      state.map = L.map("map", { zoomControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 18 }).setView([48.6, 32.5], 6);
      if (config.tiles) {
        L.tileLayer(config.tiles, { attribution: config.tiles_attribution || "", maxZoom: 18 }).addTo(state.map);
      } else {
        document.getElementById("map").classList.add("no-tiles");
      }
      legend(config).addTo(state.map);
    }
    setUpFilters(config);
    const ctx = context();
    const overlays = {};
    for (const spec of Spotrep.layers.list()) {
      try {
        const layer = await spec.create(ctx);
        state.layers.set(spec.name, layer);
        overlays[spec.label] = layer;
        if (!spec.defaultOn || spec.defaultOn(config)) layer.addTo(state.map);
      } catch (error) {
        console.error(error);
        setStatus("Layer " + spec.label + ": " + (error && error.message ? error.message : String(error)));
      }
    }
    L.control.layers(null, overlays, { collapsed: true }).addTo(state.map);
    await loadTimeline();
    window.addEventListener("resize", drawTimeline);
    document.body.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", boot);
})();
