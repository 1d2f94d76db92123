/* The front line as areas: the imported control map (DeepState) in force on the control date, drawn as
 * semi-transparent polygons beneath the event markers and the settlements' diamonds (a pane of its own, under
 * both), from /api/control/areas?date=&bbox=&simplify= (the view, padded; a tolerance of about a pixel at the
 * zoom). Redrawn when the map moves (debounced) and when the control date changes.
 *
 * The control date (Spotrep.controlDate): a slider over the dates from the first imported map (or the first
 * event) to the last map or event. It follows the end of the chosen dates (`until`), else it stands at the end
 * of its range (where the latest map is in force); once moved it stays where it was put (kept in the URL as
 * `control=YYYY-MM-DD`) until the chosen dates change. Moving it redraws the polygons and the diamonds
 * (layers/control.js listens with Spotrep.controlDate.onChange).
 *
 * Text from the maps (area labels, file names) is only ever inserted as text. */
(function () {
  "use strict";

  const Spotrep = window.Spotrep;
  const el = Spotrep.el;
  const DAY = 86400000;
  const toDay = (iso) => Math.round(Date.parse(iso + "T00:00:00Z") / DAY);
  const fromDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);
  const WORDS = {
    occupied: "occupied (Russia)",
    liberated: "liberated (Ukraine)",
    unknown: "unknown status (grey zone)",
  };
  const URL_KEY = "control";

  // --- the control date ------------------------------------------------------------------------------------
  const when = {
    pinned: null, // put there with the slider (or read from the URL)
    until: undefined, // the end of the chosen dates when last seen
    first: null, // the slider's range, in days
    last: null,
    maps: [], // the imported maps' dates
    listeners: [],
    control: null, // the slider's Leaflet control
    timer: null,
  };

  function isDate(value) {
    return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && Number.isFinite(toDay(value));
  }

  // the end of the chosen dates changed (a brush, "All dates", Clear): the slider follows them again
  function sync(ctx) {
    const until = ctx.params(true).get("until");
    if (when.until !== undefined && until !== when.until) when.pinned = null;
    when.until = until;
    showValue();
  }

  function value() {
    if (when.pinned) return when.pinned;
    if (when.until) return when.until;
    return when.last !== null ? fromDay(when.last) : null; // null: today
  }

  function setRange(config, maps) {
    const days = maps.map(toDay);
    for (const d of [config.first_date, config.last_date]) if (isDate(d)) days.push(toDay(d));
    when.maps = maps;
    if (!days.length) return false;
    when.first = Math.min(...days);
    when.last = Math.max(...days);
    return true;
  }

  function changed(ctx) {
    showValue();
    Spotrep.writeUrl();
    for (const fn of when.listeners) fn(ctx);
  }

  function mapOn(day) {
    let found = null;
    for (const d of when.maps) if (d <= day && (!found || d > found)) found = d;
    return found;
  }

  function showValue() {
    const box = when.control && when.control.getContainer();
    if (!box) return;
    const day = value();
    const input = box.querySelector("input");
    const n = Math.min(when.last, Math.max(when.first, toDay(day)));
    if (document.activeElement !== input) input.value = String(n - when.first);
    input.setAttribute("aria-valuetext", day);
    box.querySelector("output").textContent = day;
    const map = mapOn(day);
    box.querySelector(".control-date-map").textContent = when.maps.length
      ? map
        ? "map of " + map + " in force"
        : "no map on or before this date"
      : "";
    box.dataset.date = day;
  }

  function slider(ctx) {
    const control = L.control({ position: "bottomright" });
    control.onAdd = () => {
      const input = el("input", {
        type: "range",
        id: "control-date",
        min: "0",
        max: String(when.last - when.first),
        step: "1",
        list: "control-date-maps",
      });
      const ticks = el("datalist", { id: "control-date-maps" });
      for (const d of when.maps) ticks.appendChild(el("option", { value: String(toDay(d) - when.first), label: d }));
      const box = el(
        "div",
        { class: "control-date legend" },
        el("label", { for: "control-date" }, "Control on ", el("output", { for: "control-date" })),
        input,
        ticks,
        el("div", { class: "control-date-ends" }, el("span", { text: fromDay(when.first) }), el("span", { text: fromDay(when.last) })),
        el("div", { class: "control-date-map" })
      );
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      const pick = () => {
        when.pinned = fromDay(when.first + Number(input.value));
        showValue();
      };
      input.addEventListener("input", () => {
        pick();
        clearTimeout(when.timer);
        when.timer = setTimeout(() => changed(ctx), 250); // dragging: redraw when it rests
      });
      input.addEventListener("change", () => {
        pick();
        clearTimeout(when.timer);
        changed(ctx);
      });
      return box;
    };
    return control;
  }

  Spotrep.controlDate = {
    // the date the control layers show (YYYY-MM-DD), or null for today
    value: value,
    sync: sync,
    onChange(fn) {
      when.listeners.push(fn);
    },
    // the slider, once there is something to move it over (a map imported, settlements with a status)
    show(ctx) {
      if (when.control || when.first === null) return;
      when.control = slider(ctx).addTo(ctx.map);
      showValue();
    },
  };
  Spotrep.urlKeys.set(URL_KEY, () => when.pinned);

  // --- the polygons ------------------------------------------------------------------------------------------
  function style(feature) {
    const p = feature.properties;
    const unknown = p.status === "unknown";
    return {
      color: p.colour,
      weight: unknown ? 1 : 1.5,
      opacity: 0.8,
      dashArray: unknown ? "4 3" : null, // the grey zone is told by its dashed edge too, not by colour alone
      fillColor: p.colour,
      fillOpacity: unknown ? 0.3 : 0.22,
    };
  }

  function tooltip(feature) {
    const p = feature.properties;
    const node = el("span", {});
    node.appendChild(el("strong", { text: WORDS[p.status] || p.status }));
    if (p.label) node.appendChild(document.createTextNode(" · " + p.label));
    node.appendChild(el("br"));
    node.appendChild(document.createTextNode("map of " + p.layer_date + " (" + p.layer + ")"));
    return node;
  }

  function swatch(colour, status) {
    const node = el("span", { class: "frontline-swatch frontline-" + status });
    Object.assign(node.style, { backgroundColor: colour, borderColor: colour }); // CSSOM: the CSP allows no style attributes
    return node;
  }

  function legend() {
    const box = L.control({ position: "bottomleft" });
    box.onAdd = () => el("div", { class: "legend frontline-legend" }, el("strong", { text: "Front line" }));
    return box;
  }

  function fillLegend(layer, data) {
    const node = layer._legend.getContainer();
    if (!node) return;
    const rows = [el("strong", { text: "Front line" })];
    for (const [status, colour] of Object.entries(data.colours || {})) rows.push(el("div", {}, swatch(colour, status), WORDS[status] || status));
    rows.push(
      el("div", { class: "frontline-source", text: data.layer ? "map of " + data.layer.date + " (" + data.layer.name + ")" : "no map on or before " + data.date })
    );
    node.replaceChildren(...rows);
  }

  function pad(bounds) {
    const b = bounds.pad(0.3);
    const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));
    return [
      clamp(b.getWest(), -180, 180).toFixed(3),
      clamp(b.getSouth(), -90, 90).toFixed(3),
      clamp(b.getEast(), -180, 180).toFixed(3),
      clamp(b.getNorth(), -90, 90).toFixed(3),
    ].join(",");
  }

  // about a pixel at this zoom, in degrees (at most the API's 1)
  function tolerance(zoom) {
    return Math.min(1, 360 / 256 / Math.pow(2, zoom)).toPrecision(2);
  }

  let generation = 0;

  async function draw(ctx, layer) {
    if (!ctx.map.hasLayer(layer)) return;
    const mine = ++generation;
    const p = new URLSearchParams();
    const day = value();
    if (day) p.set("date", day);
    p.set("bbox", pad(ctx.map.getBounds()));
    p.set("simplify", tolerance(ctx.map.getZoom()));
    const pane = ctx.map.getPane("frontline");
    pane.dataset.busy = "true";
    try {
      const data = await ctx.api("/api/control/areas", p);
      if (mine !== generation) return;
      layer.clearLayers();
      layer.addData(data);
      pane.dataset.date = data.date;
      pane.dataset.layerDate = data.layer ? data.layer.date : "";
      pane.dataset.areas = String(data.features.length);
      fillLegend(layer, data);
    } finally {
      if (mine === generation) pane.dataset.busy = "false";
    }
  }

  Spotrep.layers.register("frontline", {
    label: "Front line (control maps)",
    order: 55,
    defaultOn: () => when.maps.length > 0, // on when a map is imported
    async create(ctx) {
      // over the outlines (350), under the other overlays (400), the diamonds (450) and the markers (600)
      if (!ctx.map.getPane("frontline")) ctx.map.createPane("frontline").style.zIndex = "380";
      const maps = (await ctx.api("/api/control/layers")).map((info) => info.date);
      const fromUrl = Spotrep.urlParam(URL_KEY);
      if (isDate(fromUrl)) when.pinned = fromUrl;
      when.until = ctx.params(true).get("until");
      if (setRange(ctx.config, maps) && maps.length) Spotrep.controlDate.show(ctx);
      const layer = L.geoJSON(null, {
        pane: "frontline",
        style: style,
        onEachFeature: (feature, path) => path.bindTooltip(tooltip(feature), { sticky: true }),
      });
      layer._legend = legend();
      const fail = (error) => ctx.setStatus("Front line: " + error.message);
      layer.on("add", () => {
        layer._legend.addTo(ctx.map);
        draw(ctx, layer).catch(fail);
      });
      layer.on("remove", () => layer._legend.remove());
      let timer = null;
      ctx.map.on("moveend", () => {
        clearTimeout(timer);
        timer = setTimeout(() => draw(ctx, layer).catch(fail), 150);
      });
      Spotrep.controlDate.onChange(() => draw(ctx, layer).catch(fail));
      return layer;
    },
    refresh(ctx, layer) {
      sync(ctx);
      return draw(ctx, layer);
    },
  });
})();
