"""``GET /api/stream``: Server-Sent Events of the events stored after connecting, with the filters of
``/api/events``, resumed with ``Last-Event-ID`` or ``?after=`` (also from before pruned changes); through
TestClient (bounded by ``max_events``) and through a real uvicorn server (read live, then the client goes
away); on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import socket
import threading
import time
import warnings
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from spotrep.documents import make_document
from spotrep.store import Store
from spotrep.web import Settings, create_app
from spotrep.web.routes import stream as stream_route

from .store_fakes import PLACES, make_event

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    """Poll often, and end any stream within 20 s (so that a broken test ends too)."""
    monkeypatch.setattr(stream_route, "POLL_SECONDS", 0.05)
    monkeypatch.setattr(stream_route, "MAX_STREAM_SECONDS", 20.0)


@pytest.fixture
def store(store_url) -> Iterator[Store]:
    with Store.open(store_url) as s:
        yield s


@pytest.fixture
def client(store) -> Iterator[TestClient]:
    with TestClient(create_app(store, settings=Settings(tiles=None)), raise_server_exceptions=False) as c:
        yield c


def report(store: Store, place: str, source: str = "Wire A", **event) -> str:
    doc = make_document(f"A drone hit {place} ({source}).", published="2024-05-15", source=source)
    lat, lon = PLACES[place][:2]
    store.add(doc, [make_event(doc.id, place=place, lat=lat, lon=lon, **event)])
    (stored,) = store.document_events(doc.id)
    return stored.event_id


def parse(text: str) -> list[dict]:
    """The dispatched SSE messages of a stream's text: {id, event, data} (comments and retry left out)."""
    messages = []
    for block in text.split("\n\n"):
        fields: dict = {}
        for line in block.splitlines():
            if line.startswith(":") or ":" not in line:
                continue
            name, _, value = line.partition(":")
            fields[name] = value.removeprefix(" ")
        if "data" in fields:
            messages.append(
                {"id": int(fields["id"]), "event": fields["event"], "data": json.loads(fields["data"])}
            )
    return messages


def later(seconds: float, function, *args) -> threading.Thread:
    def run() -> None:
        time.sleep(seconds)
        function(*args)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_events_stored_after_connecting_arrive_as_new_with_increasing_ids(client, store):
    report(store, "Kharkiv")  # before: not sent

    def store_two() -> None:
        report(store, "Sumy")
        report(store, "Odesa")

    writer = later(0.5, store_two)
    response = client.get("/api/stream", params={"max_events": 2})
    writer.join()
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-cache"
    assert "content-security-policy" in response.headers
    messages = parse(response.text)
    assert [m["data"]["location"]["name"] for m in messages] == ["Sumy", "Odesa"]
    assert [m["event"] for m in messages] == ["new", "new"]
    assert messages[0]["id"] < messages[1]["id"] == store.change_head()
    assert response.text.startswith("retry: ")


def test_a_client_resumes_after_last_event_id_or_after_and_the_header_wins(client, store):
    ids = [report(store, place) for place in ("Kharkiv", "Sumy", "Odesa")]
    first = parse(client.get("/api/stream", params={"after": 0, "max_events": 3}).text)
    assert [m["data"]["event_id"] for m in first] == ids
    resumed = client.get(
        "/api/stream", params={"max_events": 2}, headers={"Last-Event-ID": str(first[0]["id"])}
    )
    assert [m["data"]["event_id"] for m in parse(resumed.text)] == ids[1:]
    both = client.get(
        "/api/stream", params={"after": 0, "max_events": 1}, headers={"Last-Event-ID": str(first[1]["id"])}
    )
    assert [m["data"]["event_id"] for m in parse(both.text)] == ids[2:]
    bad = client.get("/api/stream", headers={"Last-Event-ID": "yesterday"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_last_event_id"


def test_the_stream_takes_the_filters_of_api_events_and_sends_a_changed_event_as_an_update(client, store):
    report(store, "Kharkiv")
    report(store, "Sumy", sub_event_type="Shelling/artillery/missile attack", categories=["shelling"])
    report(store, "Odesa")
    report(store, "Kharkiv", source="Wire B")  # a second source for the Kharkiv strike
    drones = parse(
        client.get("/api/stream", params={"after": 0, "type": "Air/drone strike", "max_events": 2}).text
    )
    assert [(m["data"]["location"]["name"], m["event"]) for m in drones] == [
        ("Odesa", "new"),
        ("Kharkiv", "new"),
    ]
    assert drones[1]["data"]["source_count"] == 2  # as it is now
    since_odesa = parse(client.get("/api/stream", params={"after": drones[0]["id"], "max_events": 1}).text)
    assert [(m["data"]["location"]["name"], m["event"]) for m in since_odesa] == [("Kharkiv", "update")]
    assert client.get("/api/stream", params={"near": "north"}).status_code == 400
    assert client.get("/api/stream", params={"after": -1}).status_code == 422


def test_a_client_resuming_from_before_pruned_changes_gets_the_events_created_since_and_no_error(
    client, store
):
    report(store, "Kharkiv")
    old = store.change_head()  # what the client saw last, long ago
    report(store, "Sumy")
    report(store, "Kharkiv", source="Wire B")  # Kharkiv (older than the client's id) changes
    report(store, "Sumy", source="Wire B")  # Sumy changes
    report(store, "Odesa")
    assert store.prune_changes(keep_seconds=0, now=time.time() + 1) > 0  # the changes are gone
    resumed = client.get("/api/stream", params={"max_events": 2}, headers={"Last-Event-ID": str(old)})
    assert resumed.status_code == 200
    messages = parse(resumed.text)
    # the events created since, as they are now; Kharkiv's pruned change is not sent (re-read /api/events)
    assert [(m["data"]["location"]["name"], m["event"]) for m in messages] == [
        ("Sumy", "new"),
        ("Odesa", "new"),
    ]
    assert messages[0]["data"]["source_count"] == 2
    everything = parse(client.get("/api/stream", params={"after": 0, "max_events": 3}).text)
    assert [m["data"]["location"]["name"] for m in everything] == ["Kharkiv", "Sumy", "Odesa"]


def test_the_openapi_document_declares_the_stream_as_server_sent_events(client):
    operation = client.get("/openapi.json").json()["paths"]["/api/stream"]["get"]
    assert "text/event-stream" in operation["responses"]["200"]["content"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"after", "max_events", "Last-Event-ID", "type", "near", "min_sources"} <= names


# --- a real server --------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(store) -> Iterator[str]:
    import uvicorn

    app = create_app(store, settings=Settings(tiles=None))
    config = uvicorn.Config(app, host="127.0.0.1", port=_free_port(), log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{config.port}"
    srv.should_exit = True
    thread.join(timeout=10)
    assert not thread.is_alive(), "the server did not stop: a stream held it"


def test_a_live_stream_sends_keep_alives_and_events_as_they_are_stored_and_ends_when_the_client_goes(
    server, store, monkeypatch
):
    import httpx

    monkeypatch.setattr(stream_route, "HEARTBEAT_SECONDS", 0.2)
    lines: list[str] = []
    with httpx.Client(timeout=10) as http, http.stream("GET", server + "/api/stream") as response:
        assert response.status_code == 200
        stored = None
        for line in response.iter_lines():
            lines.append(line)
            if line == ": keep-alive" and stored is None:
                stored = report(store, "Vovchansk")  # stored while the client listens
            if line.startswith("data: "):
                break
    assert stored is not None and json.loads(lines[-1][len("data: ") :])["event_id"] == stored
    assert "event: new" in lines
    # the client went away: the server stops at once (the fixture checks), its stream cancelled


def test_on_a_private_server_the_stream_needs_the_token(store):
    app = create_app(store, settings=Settings(tiles=None, private=True, api_token="secret"))
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/api/stream", params={"max_events": 1}).status_code == 401
        report(store, "Sumy")
        ok = c.get(
            "/api/stream", params={"after": 0, "max_events": 1}, headers={"Authorization": "Bearer secret"}
        )
        assert ok.status_code == 200 and parse(ok.text)[0]["data"]["location"]["name"] == "Sumy"


def test_the_page_loads_the_live_view_and_says_whether_the_server_has_feeds(store):
    app = create_app(store, settings=Settings(tiles=None))
    with TestClient(app) as c:
        assert '<script defer src="/static/layers/live.js">' in c.get("/").text
        assert c.get("/static/layers/live.js").status_code == 200
        config = c.get("/api/page").json()
        assert "layers/live.js" in config["layers"] and config["feeds"] is False
        from spotrep.feeds import FeedRegistry

        FeedRegistry(store).add("https://wire.example/rss.xml")  # the store now watches a feed
        assert c.get("/api/page").json()["feeds"] is True
