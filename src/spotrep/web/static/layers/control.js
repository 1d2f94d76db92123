/* Territorial control: settlements coloured by who holds them (Ukraine, Russia, contested, unknown) on the
 * control date (the slider of layers/frontline.js: the last day of the chosen dates, the end of the slider's
 * range, or where it was put), from /api/control?format=geojson. Settlements are diamonds, so that they never
 * read as the round event markers. A settlement whose latest claim the map in force contradicts
 * (`map_verdict: disagrees`) gets a dashed ring and a "!" badge, not a colour alone. A click shows the
 * settlement's status, the reason, what the map says beside the latest claim, and each source's entry (from
 * /api/control/{key}) in the side panel. Text from documents is only ever inserted as text. */
(function () {
  "use strict";

  const el = window.Spotrep.el;
  const LABELS = { UA: "Ukraine", RU: "Russia", contested: "contested", unknown: "unknown" };

  // the control date: the slider's (layers/frontline.js), else the end of the chosen dates (else today)
  function controlDate(ctx) {
    const slider = window.Spotrep.controlDate;
    if (slider) {
      slider.sync(ctx);
      return slider.value();
    }
    return ctx.params(true).get("until");
  }

  function query(ctx) {
    const all = ctx.params(true);
    const p = new URLSearchParams({ format: "geojson" });
    const day = controlDate(ctx);
    if (day) p.set("date", day);
    if (all.get("admin1")) p.set("region", all.get("admin1"));
    return p;
  }

  const VERDICTS = {
    agrees: "agrees with it",
    disagrees: "contradicts it",
    uncertain: "leaves it uncertain",
  };

  // what the map in force says beside the settlement's latest claim (from the point's properties)
  function mapBesideClaim(props) {
    const m = props.map;
    const c = props.latest_claim;
    if (!m || !c || !VERDICTS[props.map_verdict]) return null;
    const shows = m.controller === "unknown" ? "the grey zone (unknown status)" : label(m.controller || "?") + (m.area ? " (" + m.area + ")" : "");
    const who = (c.source || "an unnamed source") + (c.source_country ? " (" + c.source_country + ")" : "");
    const says = c.controller === "contested" ? "that it is contested" : "that " + label(c.controller) + " holds it";
    const text =
      "The map of " + m.layer_date + " (" + m.layer + ") shows " + shows + " here; the latest claim, by " + who + " on " + c.date +
      " (" + c.status + "), says " + says + ": the map " + VERDICTS[props.map_verdict] + "." +
      (props.approximate_point ? " The settlement's point is approximate." : "");
    const contradicted = props.map_verdict === "disagrees";
    return el("p", { class: "map-beside-claim" + (contradicted ? " map-contradicts" : "") }, contradicted ? badge() : null, text);
  }

  function badge() {
    return el("span", { class: "control-badge", "aria-hidden": "true", text: "!" });
  }

  function label(status) {
    return LABELS[status] || status;
  }

  // a diamond (styled through the CSSOM: the page's CSP allows no inline style attributes)
  function diamond(colour, size) {
    const node = el("span", { class: "control-diamond" });
    Object.assign(node.style, {
      display: "inline-block",
      width: size + "px",
      height: size + "px",
      transform: "rotate(45deg)",
      backgroundColor: colour,
      border: "2px solid #fff",
      boxShadow: "0 0 0 1px rgba(0, 0, 0, 0.6)",
    });
    return node;
  }

  function row(name, value) {
    const node = el("div", { class: "row" }, el("dt", { text: name }), el("dd", {}));
    node.lastChild.appendChild(typeof value === "string" ? document.createTextNode(value) : value);
    return node;
  }

  async function showPlace(ctx, props) {
    const panel = document.getElementById("panel");
    const p = new URLSearchParams();
    const day = controlDate(ctx);
    if (day) p.set("date", day);
    let report;
    try {
      report = await ctx.api("/api/control/" + encodeURIComponent(props.key), p);
    } catch (error) {
      panel.replaceChildren(el("p", { class: "error", text: "Could not load the settlement: " + error.message }));
      return;
    }
    const place = report.place || {};
    const nodes = [];
    nodes.push(el("h2", {}, diamond(props.colour, 10), place.name || props.name || "settlement"));
    nodes.push(el("p", { class: "type", text: [place.admin1, place.country].filter(Boolean).join(", ") }));
    const facts = el("dl", { class: "facts" });
    const held = label(report.status) + (report.claim_status ? " (" + report.claim_status + ")" : "");
    facts.appendChild(row("Held by", held));
    if (report.since) facts.appendChild(row("Since", report.since));
    facts.appendChild(row("As of", report.as_of));
    facts.appendChild(row("Why", report.reason));
    if (report.map) {
      const m = report.map;
      const front = m.front_km === null ? "" : ", front " + Math.abs(m.front_km) + " km" + (m.front_km < 0 ? " (inside)" : "");
      const approx = report.approximate_point ? " · approximate point" : "";
      facts.appendChild(row("Map", (m.controller || "?") + " on " + m.layer_date + front + " · " + report.map_verdict + approx));
    }
    nodes.push(facts);
    const beside = mapBesideClaim(props);
    if (beside) nodes.push(beside);
    nodes.push(el("h3", { text: report.history.length + " entr" + (report.history.length === 1 ? "y" : "ies") }));
    for (const h of report.history) {
      const box = el("section", { class: "source" });
      const who = (h.source || "unnamed source") + (h.source_country ? " (" + h.source_country + ")" : "");
      box.appendChild(
        el(
          "div",
          { class: "claim" },
          el("span", { class: "who", text: h.date + " · " + (h.controller ? label(h.controller) : "nearby") + " · " }),
          document.createTextNode(who + " "),
          el("span", { class: "status status-" + h.status, text: h.status }),
          h.background ? document.createTextNode(" · background") : null
        )
      );
      if (h.map) box.appendChild(el("div", { class: "title", text: "map " + h.map.layer_date + ": " + (h.map.controller || "?") + " · " + h.map_verdict }));
      for (const ev of (h.evidence || []).slice(0, 2)) box.appendChild(el("p", { class: "evidence", text: ev.text }));
      nodes.push(box);
    }
    panel.replaceChildren(...nodes);
  }

  function legend(colours) {
    const box = L.control({ position: "bottomleft" });
    box.onAdd = () => {
      const node = el("div", { class: "legend" }, el("strong", { text: "Control" }));
      for (const [status, colour] of Object.entries(colours)) {
        node.appendChild(el("div", {}, diamond(colour, 9), label(status)));
      }
      node.appendChild(el("div", { class: "control-contradicted-key" }, el("span", { class: "control-key control-contradicted" }, diamond("#ffffff", 9), badge()), "the map contradicts the latest claim"));
      return node;
    };
    return box;
  }

  let generation = 0;

  async function load(ctx, layer) {
    const mine = ++generation;
    const data = await ctx.api("/api/control", query(ctx));
    if (mine !== generation) return; // a later date was asked for meanwhile
    layer.clearLayers();
    layer.addData(data);
    const pane = ctx.map.getPane("control");
    pane.dataset.date = data.as_of;
    pane.dataset.contradicted = String(data.features.filter((f) => f.properties.map_verdict === "disagrees").length);
    if (data.features.length && window.Spotrep.controlDate) window.Spotrep.controlDate.show(ctx);
    if (!layer._legend && data.colours) {
      layer._legend = legend(data.colours);
      layer.on("add", () => layer._legend.addTo(ctx.map));
      layer.on("remove", () => layer._legend.remove());
      if (ctx.map.hasLayer(layer)) layer._legend.addTo(ctx.map);
    }
  }

  window.Spotrep.layers.register("control", {
    label: "Territorial control (settlements)",
    order: 60,
    defaultOn: () => true,
    create(ctx) {
        // under the event markers (600), so that they stay clickable; the diamonds are larger and show around them
      if (!ctx.map.getPane("control")) ctx.map.createPane("control").style.zIndex = "450";
      const layer = L.geoJSON(null, {
        pane: "control",
        pointToLayer: (feature, latlng) => {
          const p = feature.properties;
          const contradicted = p.map_verdict === "disagrees";
          const html = el("span", { class: "control-icon" }, diamond(p.colour, 15), contradicted ? badge() : null);
          return L.marker(latlng, {
            pane: "control",
            keyboard: true,
            title: p.name + ": " + label(p.status) + (contradicted ? " (the map contradicts the latest claim)" : ""),
            icon: L.divIcon({
              className: "control-marker control-" + p.status + (contradicted ? " control-contradicted" : ""),
              html: html,
              iconSize: [22, 22],
              iconAnchor: [11, 11],
            }),
          });
        },
        onEachFeature: (feature, marker) => {
          const p = feature.properties;
          let text = p.name + ": " + label(p.status) + (p.claim_status ? " (" + p.claim_status + ")" : "") + (p.since ? " since " + p.since : "");
          if (p.map_verdict === "disagrees" && p.map) text += " · the map of " + p.map.layer_date + " shows " + label(p.map.controller) + ": it contradicts the latest claim";
          const tip = el("span", { text: text });
          marker.bindTooltip(tip, { direction: "top" });
          marker.on("click", () => showPlace(ctx, p));
        },
      });
      const fail = (error) => ctx.setStatus("Control: " + error.message);
      load(ctx, layer).catch(fail);
      if (window.Spotrep.controlDate) window.Spotrep.controlDate.onChange(() => load(ctx, layer).catch(fail));
      return layer;
    },
    refresh(ctx, layer) {
      return load(ctx, layer);
    },
  });
})();
