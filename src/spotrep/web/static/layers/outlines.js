/* Country and (approximate) region outlines: part of the page's own basemap (land on water), on by default when
 * the map has no tiles, and added when tiles fail to load. The data comes from /api/outlines (derived from
 * installed packages; never fetched from elsewhere). */
(function () {
  "use strict";

  function label(props) {
    const text = props.kind === "region" ? props.name + (props.approximate ? " (approximate outline)" : "") : props.name;
    const node = document.createElement("span");
    node.textContent = text || "";
    return node;
  }

  function style(ctx) {
    const land = window.Spotrep.offline() ? 1 : 0;
    return (feature) =>
      feature.properties.kind === "region"
        ? { color: "#8a7a66", weight: 0.8, opacity: 0.9, fill: false, dashArray: "3 3" }
        : { color: "#6b6b6b", weight: 1, opacity: 0.9, fillColor: "#f4f1ea", fillOpacity: land };
  }

  window.Spotrep.layers.register("outlines", {
    label: "Country and region outlines",
    order: 90,
    basemap: true,
    defaultOn: (config) => !config.tiles,
    create(ctx) {
      if (!ctx.map.getPane("outlines")) ctx.map.createPane("outlines").style.zIndex = "350"; // under the events
      const layer = L.geoJSON(null, {
        pane: "outlines",
        interactive: true,
        style: style(ctx),
        onEachFeature: (feature, layer) => layer.bindTooltip(label(feature.properties), { sticky: true }),
      });
      ctx
        .api("/api/outlines")
        .then((data) => {
          layer.addData(data); // countries first, regions over them
          document.body.dataset.outlines = "loaded";
        })
        .catch((error) => ctx.setStatus("Outlines: " + error.message));
      return layer;
    },
    offline(ctx, layer) {
      layer.options.style = style(ctx);
      layer.setStyle(style(ctx));
    },
  });
})();
