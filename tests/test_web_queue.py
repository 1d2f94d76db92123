"""Writes off the request path: ``POST /api/documents`` stores and queues a document and answers at once (202
with links), or waits a bounded time for its events; workers extract it; ``GET .../events`` says where it is.
And ``spotrep serve`` with its own extraction worker processes, end to end."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from spotrep.store import Store
from spotrep.store.worker import run_worker
from spotrep.web import Settings, create_app

from .store_fakes import extraction_worker, keyword_extract

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TOKEN = "queue test token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TESTS = Path(__file__).parent

REPORT = (
    "A Russian drone hit an apartment block in Sumy on Monday, killing two people, the regional governor said."
    " Fighting continued near Vovchansk, the general staff said."
)


def body(text: str = REPORT, **fields) -> dict:
    return {"text": text, "published": "2024-05-20", "source": "Test Wire", **fields}


@pytest.fixture
def db(store_url) -> str:
    with Store.open(store_url):
        pass
    return store_url


@pytest.fixture
def client(db) -> Iterator[TestClient]:
    app = create_app(db, settings=Settings(api_token=TOKEN, tiles=None))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_a_post_answers_at_once_with_202_and_links_and_its_events_come_when_a_worker_did_it(client, db):
    response = client.post("/api/documents", json=body(), headers=AUTH)
    assert response.status_code == 202, response.text
    posted = response.json()
    assert posted["status"] == "queued" and posted["added"] is True and posted["events"] == []
    links = posted["links"]
    assert response.headers["location"] == links["events"] == f"/api/documents/{posted['document_id']}/events"
    pending = client.get(links["events"])
    assert pending.status_code == 202 and pending.json()["status"] == "queued"
    document = client.get(links["document"]).json()
    assert document["status"] == "queued" and document["text"] == REPORT and document["n_events"] == 0
    with Store.open(db) as store:
        assert run_worker(store, extractor=keyword_extract, once=True).done == 1
    ready = client.get(links["events"])
    assert ready.status_code == 200
    result = ready.json()
    assert result["status"] == "done" and {e["location"]["name"] for e in result["events"]} == {
        "Sumy",
        "Vovchansk",
    }
    assert result["events_new"] == 2 and result["events_merged"] == 0
    assert client.get(links["document"]).json()["status"] == "done"
    assert client.get("/api/events").json()["total"] == 2


def test_with_wait_a_post_answers_201_with_the_events_when_a_worker_is_quick_enough(client, db):
    with extraction_worker(db):
        response = client.post("/api/documents", json=body(), headers=AUTH, params={"wait": 20})
    assert response.status_code == 201, response.text
    assert response.json()["status"] == "done" and len(response.json()["events"]) == 2


def test_with_wait_and_no_worker_a_post_answers_202_once_the_wait_is_over(client):
    started = time.monotonic()
    response = client.post("/api/documents", json=body(), headers=AUTH, params={"wait": 0.5})
    assert response.status_code == 202 and 0.5 <= time.monotonic() - started < 5


@pytest.mark.parametrize("wait", [-1, 31, "soon"])
def test_a_wait_outside_zero_to_thirty_seconds_is_422(client, wait):
    response = client.post("/api/documents", json=body(), headers=AUTH, params={"wait": wait})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_posting_a_queued_text_again_adds_nothing_and_points_at_the_first(client, db):
    first = client.post("/api/documents", json=body(), headers=AUTH).json()
    again = client.post("/api/documents", json=body(source="Another Wire"), headers=AUTH)
    assert again.status_code == 202
    assert again.json()["added"] is False and again.json()["duplicate_of"] == first["document_id"]
    with Store.open(db) as store:
        assert store.jobs.counts()["queued"] == 1
        run_worker(store, extractor=keyword_extract, once=True)
    stored = client.post("/api/documents", json=body(), headers=AUTH)
    assert stored.status_code == 200 and stored.json()["added"] is False and len(stored.json()["events"]) == 2


def test_a_failed_extraction_is_reported_on_its_events_link(client, db):
    posted = client.post("/api/documents", json=body(REPORT + " EXPLODE"), headers=AUTH).json()
    with Store.open(db) as store:
        assert run_worker(store, extractor=keyword_extract, once=True).failed == 1
    response = client.get(posted["links"]["events"])
    assert response.status_code == 200
    assert response.json()["status"] == "failed" and "told to fail" in response.json()["error"]


def test_an_unknown_document_has_no_events_link(client):
    response = client.get("/api/documents/nothing-here/events")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_a_clashing_id_is_refused_before_it_is_queued(client):
    assert client.post("/api/documents", json=body(id="r1"), headers=AUTH).status_code == 202
    response = client.post(
        "/api/documents", json=body(REPORT.replace("Sumy", "Odesa"), id="r1"), headers=AUTH
    )
    assert response.status_code == 400 and "already queued" in response.json()["error"]["message"]


# --- spotrep serve with its worker processes -----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(url: str, data: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(
        url,
        data=json.dumps(data).encode() if data is not None else None,
        headers={**AUTH, "Content-Type": "application/json"},
        method="POST" if data is not None else "GET",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_spotrep_serve_extracts_posted_documents_in_its_worker_processes(tmp_path):
    db = tmp_path / "served.db"
    port = _free_port()
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": os.pathsep.join([str(TESTS.parent), env.get("PYTHONPATH", "")]),
            "SPOTREP_EXTRACTOR": "tests.store_fakes:keyword_extract",
            "SPOTREP_API_TOKEN": TOKEN,
        }
    )
    server = subprocess.Popen(
        [sys.executable, "-c", "from spotrep.cli import main; main()", "serve", "--db", str(db),
         "--port", str(port), "--tiles", "none", "--extract-workers", "2", "--log-level", "warning"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/stats", timeout=5).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, server.communicate()[1]
                time.sleep(0.2)
        status, result = _request(f"{base}/api/documents?wait=30", body())
        assert status == 201, result
        assert {e["location"]["name"] for e in result["events"]} == {"Sumy", "Vovchansk"}
        posted = [
            _request(f"{base}/api/documents", body(REPORT.replace("Monday", d))) for d in ("Friday", "Sunday")
        ]
        assert [s for s, _ in posted] == [202, 202]
        for _, job in posted:
            deadline = time.monotonic() + 60
            while (answer := _request(base + job["links"]["events"]))[0] == 202:
                assert time.monotonic() < deadline
                time.sleep(0.1)
            assert answer[1]["status"] == "done"
    finally:
        server.send_signal(signal.SIGINT)
        try:
            _out, err = server.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    assert server.returncode == 0, err
    with Store.open(db) as store:
        assert store.jobs.counts() == {"queued": 0, "running": 0, "done": 3, "failed": 0}
