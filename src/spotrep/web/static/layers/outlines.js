/* Country and (approximate) region outlines: on by default when the map has no tiles (offline).
 * The data comes from /api/outlines (derived from installed packages; never fetched from elsewhere). */
(function () {
  "use strict";

  function label(props) {
    const text = props.kind === "region" ? props.name + (props.approximate ? " (approximate outline)" : "") : props.name;
    const node = document.createElement("span");
    node.textContent = text || "";
    return node;
  }

  window.Spotrep.layers.register("outlines", {
    label: "Country and region outlines",
    order: 90,
    defaultOn: (config) => !config.tiles,
    create(ctx) {
      if (!ctx.map.getPane("outlines")) ctx.map.createPane("outlines").style.zIndex = "350"; // under the events
      const layer = L.geoJSON(null, {
        pane: "outlines",
        interactive: true,
        style: (feature) =>
          feature.properties.kind === "region"
            ? { color: "#7a6a58", weight: 0.8, opacity: 0.9, fill: false, dashArray: "3 3" }
            : { color: "#5b5b5b", weight: 1, opacity: 0.9, fillColor: "#f4f1ea", fillOpacity: ctx.config.tiles ? 0 : 1 },
        onEachFeature: (feature, layer) => layer.bindTooltip(label(feature.properties), { sticky: true }),
      });
      ctx
        .api("/api/outlines")
        .then((data) => {
          layer.addData(data); // countries first, regions over them
        })
        .catch((error) => ctx.setStatus("Outlines: " + error.message));
      return layer;
    },
  });
})();
