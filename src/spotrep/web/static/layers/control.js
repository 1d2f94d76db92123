/* Territorial control: settlements coloured by who holds them (Ukraine, Russia, contested, unknown) on the
 * last day of the chosen dates (today without a range), from /api/control?format=geojson. Settlements are
 * diamonds, so that they never read as the round event markers. A click shows the
 * settlement's status, the reason and each source's entry (from /api/control/{key}) in the side panel.
 * Text from documents is only ever inserted as text. */
(function () {
  "use strict";

  const el = window.Spotrep.el;
  const LABELS = { UA: "Ukraine", RU: "Russia", contested: "contested", unknown: "unknown" };

  function query(ctx) {
    const all = ctx.params(true);
    const p = new URLSearchParams({ format: "geojson" });
    if (all.get("until")) p.set("date", all.get("until"));
    if (all.get("admin1")) p.set("region", all.get("admin1"));
    return p;
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
    const all = ctx.params(true);
    const p = new URLSearchParams();
    if (all.get("until")) p.set("date", all.get("until"));
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
      return node;
    };
    return box;
  }

  async function load(ctx, layer) {
    const data = await ctx.api("/api/control", query(ctx));
    layer.clearLayers();
    layer.addData(data);
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
        pointToLayer: (feature, latlng) =>
          L.marker(latlng, {
            pane: "control",
            keyboard: true,
            title: feature.properties.name + ": " + label(feature.properties.status),
            icon: L.divIcon({
              className: "control-marker control-" + feature.properties.status,
              html: diamond(feature.properties.colour, 15),
              iconSize: [22, 22],
              iconAnchor: [11, 11],
            }),
          }),
        onEachFeature: (feature, marker) => {
          const p = feature.properties;
          const text = p.name + ": " + label(p.status) + (p.claim_status ? " (" + p.claim_status + ")" : "") + (p.since ? " since " + p.since : "");
          const tip = el("span", { text: text });
          marker.bindTooltip(tip, { direction: "top" });
          marker.on("click", () => showPlace(ctx, p));
        },
      });
      load(ctx, layer).catch((error) => ctx.setStatus("Control: " + error.message));
      return layer;
    },
    refresh(ctx, layer) {
      return load(ctx, layer);
    },
  });
})();
