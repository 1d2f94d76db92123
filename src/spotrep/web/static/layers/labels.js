/* Place names: part of the page's own basemap. The settlements of the gazetteer in view, the largest first and
 * fewer small ones when zoomed out, from /api/labels?bbox=...&zoom=... (served by spotrep; never fetched from
 * elsewhere), redrawn when the map moves. Names are inserted as text. */
(function () {
  "use strict";

  const Spotrep = window.Spotrep;

  function bbox(map) {
    const b = map.getBounds().pad(0.15);
    const lon = (x) => Math.max(-180, Math.min(180, x)).toFixed(3);
    const lat = (x) => Math.max(-85, Math.min(85, x)).toFixed(3);
    return [lon(b.getWest()), lat(b.getSouth()), lon(b.getEast()), lat(b.getNorth())].join(",");
  }

  async function load(ctx, layer) {
    if (!ctx.map.hasLayer(layer)) return;
    const generation = (layer._generation = (layer._generation || 0) + 1);
    await Spotrep.whenIdle(); // the events first
    if (generation !== layer._generation) return;
    const zoom = ctx.map.getZoom();
    const data = await ctx.api("/api/labels", new URLSearchParams({ bbox: bbox(ctx.map), zoom: String(zoom) }));
    if (generation !== layer._generation) return;
    const markers = [];
    for (const place of data.labels) {
      const cls = "place-label place-" + place.kind + (place.population >= 500000 ? " place-major" : "");
      const node = Spotrep.el("span", { text: place.name });
      markers.push(
        L.marker([place.lat, place.lon], {
          pane: "labels",
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: cls, html: node, iconSize: null, iconAnchor: [-4, 8] }),
        })
      );
    }
    layer.clearLayers();
    for (const m of markers) layer.addLayer(m);
    document.body.dataset.labels = String(markers.length);
  }

  Spotrep.layers.register("labels", {
    label: "Place names",
    order: 91,
    basemap: true,
    defaultOn: (config) => !config.tiles,
    create(ctx) {
      if (!ctx.map.getPane("labels")) {
        const pane = ctx.map.createPane("labels");
        pane.style.zIndex = "380"; // over the outlines, under the events
        pane.style.pointerEvents = "none";
      }
      const layer = L.layerGroup();
      let timer = null;
      const later = () => {
        clearTimeout(timer);
        timer = setTimeout(() => load(ctx, layer).catch((error) => ctx.setStatus("Place names: " + error.message)), 80);
      };
      ctx.map.on("moveend", later);
      layer.on("add", later);
      return layer;
    },
  });
})();
