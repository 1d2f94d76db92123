/* The live view: events stored while the page is open, and the health of the feeds.
 *
 * New events come from GET /api/stream (Server-Sent Events) with the page's filters, read with fetch (so that
 * a private server's token goes along; EventSource cannot send it) and resumed after the last event's id when
 * the connection drops. Each new event gets a ringed marker on the map (a layer of its own, "New events") and
 * a line in the "New events" list; a button in the bar counts those not seen yet. An event that changes (a
 * second source) updates its line. Changing the filters clears them and listens anew: the events layer then
 * shows everything stored so far.
 *
 * The feed panel reads GET /api/feeds every minute (each feed's name or title, last poll, status, documents,
 * errors and last error); it stays hidden when the server has no feeds (/api/page says so, or it answers 404).
 *
 * Text from documents and feeds is only ever inserted as text.
 */
(function () {
  "use strict";

  const Spotrep = window.Spotrep;
  const el = Spotrep.el;
  const MAX_LISTED = 100;
  const FEEDS_EVERY_MS = 60000;

  const live = {
    generation: 0,
    controller: null,
    lastId: null,
    retryMs: 3000,
    group: null,
    ctx: null,
    items: new Map(), // event_id -> {li, marker}
    unseen: 0,
  };

  // --- the list and the "n new" button ---------------------------------------------------------------------
  function showCount() {
    const button = document.getElementById("live-count");
    button.textContent = live.unseen + " new";
    button.hidden = live.unseen === 0;
    document.getElementById("live").hidden = live.items.size === 0;
  }

  function markSeen() {
    live.unseen = 0;
    for (const li of document.querySelectorAll("#live-list li.unseen")) li.classList.remove("unseen");
    showCount();
  }

  function describe(e) {
    const loc = e.location || {};
    const where = [loc.name, loc.admin1].filter(Boolean).join(", ") || "unknown place";
    const sources = e.source_count > 1 ? " · " + e.source_count + " sources" : "";
    return (e.event_date || "undated") + " · " + e.sub_event_type + " · " + where + sources;
  }

  function liveIcon(eventType) {
    const dot = el("span", { class: "dot" });
    dot.style.backgroundColor = Spotrep.colourOf(eventType);
    return L.divIcon({ html: dot, className: "spotrep-marker live", iconSize: [16, 16], iconAnchor: [8, 8] });
  }

  function addMarker(e) {
    const loc = e.location || {};
    if (loc.latitude === null || loc.latitude === undefined || loc.longitude === null || loc.longitude === undefined) {
      return null;
    }
    const marker = L.marker([loc.latitude, loc.longitude], {
      icon: liveIcon(e.event_type),
      title: describe(e),
      keyboard: true,
      zIndexOffset: 1000,
    });
    marker.on("click", () => live.ctx.showEvent(e.event_id));
    live.group.addLayer(marker);
    return marker;
  }

  function received(kind, e) {
    const known = live.items.get(e.event_id);
    if (known) {
      known.link.textContent = describe(e); // changed: another source, new figures
      if (known.marker) known.marker.options.title = describe(e);
      return;
    }
    // new (or an earlier event that matches the filters only now): a line and a marker
    const link = el("a", { role: "button", tabindex: "0", text: describe(e) });
    link.onclick = () => live.ctx.showEvent(e.event_id);
    link.onkeydown = (event) => {
      if (event.key === "Enter") live.ctx.showEvent(e.event_id);
    };
    const li = el("li", { class: "unseen", "data-event-id": e.event_id }, link);
    const list = document.getElementById("live-list");
    list.insertBefore(li, list.firstChild);
    live.items.set(e.event_id, { li: li, link: link, marker: addMarker(e) });
    while (list.children.length > MAX_LISTED) {
      const last = list.lastElementChild;
      const item = live.items.get(last.dataset.eventId);
      if (item && item.marker) live.group.removeLayer(item.marker);
      live.items.delete(last.dataset.eventId);
      list.removeChild(last);
    }
    live.unseen += 1;
    showCount();
  }

  function reset() {
    live.items.clear();
    live.unseen = 0;
    if (live.group) live.group.clearLayers();
    const list = document.getElementById("live-list");
    while (list.firstChild) list.removeChild(list.firstChild);
    showCount();
  }

  // --- the stream ---------------------------------------------------------------------------------------------
  function dispatch(block) {
    let id = null;
    let kind = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (!line || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const name = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? "" : line.slice(colon + 1);
      if (value.startsWith(" ")) value = value.slice(1);
      if (name === "id") id = value;
      else if (name === "event") kind = value;
      else if (name === "data") data.push(value);
      else if (name === "retry" && /^\d+$/.test(value)) live.retryMs = Number(value);
    }
    if (id !== null) live.lastId = id;
    if (!data.length) return;
    let record;
    try {
      record = JSON.parse(data.join("\n"));
    } catch (error) {
      console.error("spotrep: an unreadable event in the stream", error);
      return;
    }
    received(kind, record);
  }

  async function listen(generation) {
    while (generation === live.generation) {
      const p = live.ctx.params(true);
      if (live.lastId !== null) p.set("after", live.lastId);
      const headers = { Accept: "text/event-stream" };
      const token = Spotrep.token();
      if (token) headers.Authorization = "Bearer " + token;
      live.controller = new AbortController();
      try {
        const response = await fetch("/api/stream?" + p.toString(), {
          headers: headers,
          credentials: "same-origin",
          cache: "no-store",
          signal: live.controller.signal,
        });
        if (!response.ok) throw new Error("the event stream answered HTTP " + response.status);
        document.body.dataset.live = "on";
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer = (buffer + decoder.decode(value, { stream: true })).replace(/\r\n?/g, "\n");
          let cut;
          while ((cut = buffer.indexOf("\n\n")) !== -1) {
            dispatch(buffer.slice(0, cut));
            buffer = buffer.slice(cut + 2);
          }
        }
      } catch (error) {
        if (error && error.name === "AbortError") return;
        console.warn("spotrep: the event stream dropped; reconnecting", error);
      }
      if (generation !== live.generation) return;
      document.body.dataset.live = "off";
      await new Promise((resolve) => setTimeout(resolve, live.retryMs));
    }
  }

  function subscribe() {
    live.generation += 1;
    if (live.controller) live.controller.abort();
    live.lastId = null; // from now on: the events layer shows what came before
    listen(live.generation);
  }

  Spotrep.layers.register("live", {
    label: "New events",
    order: 15,
    defaultOn: () => true,
    create(ctx) {
      live.ctx = ctx;
      live.group = L.layerGroup();
      document.getElementById("live-count").onclick = () => {
        document.getElementById("live").hidden = false;
        document.getElementById("live").scrollIntoView({ block: "nearest" });
        markSeen();
      };
      document.getElementById("live-seen").onclick = markSeen;
      subscribe();
      startFeeds(ctx);
      return live.group;
    },
    refresh(ctx) {
      live.ctx = ctx;
      reset();
      subscribe();
    },
  });

  // --- the feeds' health ------------------------------------------------------------------------------------
  function cell(text, cls) {
    return el("td", { class: cls || null, text: text === null || text === undefined ? "" : String(text) });
  }

  function renderFeeds(feeds) {
    const panel = document.getElementById("feeds");
    const body = document.querySelector("#feeds-table tbody");
    while (body.firstChild) body.removeChild(body.firstChild);
    let failing = 0;
    for (const f of feeds) {
      const name = el("td", {}, el("div", { text: f.title || f.name || f.url || "" }));
      if (f.title && f.name && f.title !== f.name) name.appendChild(el("div", { class: "feed-name", text: f.name }));
      if (f.last_error) {
        failing += 1;
        name.appendChild(el("div", { class: "feed-error", text: f.last_error }));
      }
      const row = el(
        "tr",
        { class: f.last_error ? "bad" : null },
        name,
        cell(f.last_polled || "never"),
        cell(f.last_status),
        cell(f.documents),
        cell(f.errors)
      );
      body.appendChild(row);
    }
    document.getElementById("feeds-summary").textContent =
      "(" + feeds.length + (failing ? ", " + failing + " failing" : "") + ")";
    panel.hidden = false;
    panel.dataset.state = "shown";
  }

  async function loadFeeds(ctx) {
    const panel = document.getElementById("feeds");
    try {
      const data = await ctx.api("/api/feeds");
      renderFeeds(Array.isArray(data) ? data : (data && data.feeds) || []);
      return true;
    } catch (error) {
      if (error && error.status === 404) {
        panel.hidden = true; // no feeds on this server
        panel.dataset.state = "absent";
        return false;
      }
      document.getElementById("feeds-summary").textContent = "(" + error.message + ")";
      return true;
    }
  }

  async function startFeeds(ctx) {
    const panel = document.getElementById("feeds");
    if (!ctx.config.feeds) {
      panel.hidden = true; // no feeds on this server: not even asked (a 404 would be logged as an error)
      panel.dataset.state = "absent";
      return;
    }
    if (await loadFeeds(ctx)) setInterval(() => loadFeeds(ctx), FEEDS_EVERY_MS);
  }
})();
