"""The control endpoints: statuses as JSON and GeoJSON, one settlement with the map beside each claim,
disagreements, layers; and the page loads the control layer."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")
pytest.importorskip("xstatic.pkg.leaflet", reason="the serve extra is not installed")

with warnings.catch_warnings():  # starlette's notice about httpx
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from spotrep.control.store import import_layer
from spotrep.documents import Document
from spotrep.store import Store
from spotrep.web import Settings, create_app

from .control_fakes import days, ocheretyne_claim, report

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TOY_MAY_6 = Path(__file__).parent / "data" / "control" / "1715000000.geojson"

EVENTS = [
    ocheretyne_claim(),
    report(
        "Authorities in Vovchansk said there was intense street-to-street fighting in the town.",
        category="armed_clash",
        place="Vovchansk",
        day=days(9),
        source="Vovchansk military administration",
        source_country="UA",
        document_id="wire-c",
    ),
]


@pytest.fixture
def client(tmp_path) -> Iterator[TestClient]:
    path = tmp_path / "events.db"
    with Store.open(path) as store:
        for event in EVENTS:
            text = event.evidence[0].text
            store.add(
                Document(id=event.document_id, text=text, published=event.event_date, source="Wire"), [event]
            )
        import_layer(store, TOY_MAY_6)
    with TestClient(create_app(str(path), settings=Settings())) as c:
        yield c


def test_the_statuses_of_the_settlements_as_json(client):
    r = client.get("/api/control", params={"date": "2024-05-15"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["as_of"] == "2024-05-15" and data["colours"]["RU"]
    assert [(s["place"]["name"], s["status"], s["claim_status"]) for s in data["settlements"]] == [
        ("Ocheretyne", "RU", "claimed"),
        ("Vovchansk", "contested", "reported"),
    ]
    assert data["settlements"][0]["history"][0]["source_country"] == "RU"


def test_the_statuses_as_geojson_points_coloured_by_status(client):
    r = client.get("/api/control", params={"date": "2024-05-15", "format": "geojson", "region": "UA-63"})
    assert r.headers["content-type"].startswith("application/geo+json")
    (feature,) = r.json()["features"]
    assert feature["geometry"]["coordinates"] == [36.94108, 50.29078]
    props = feature["properties"]
    assert (props["name"], props["status"], props["since"]) == ("Vovchansk", "contested", "2024-05-15")
    assert props["colour"] == r.json()["colours"]["contested"]


def test_before_any_report_a_settlement_is_unknown(client):
    data = client.get("/api/control/Vovchansk", params={"date": "2024-05-01"}).json()
    assert (data["status"], data["history"]) == ("unknown", [])


def test_one_settlement_by_name_or_key_with_the_map_beside_each_claim(client):
    by_name = client.get("/api/control/Ocheretine", params={"date": "2024-05-15"}).json()
    assert (by_name["place"]["name"], by_name["status"]) == ("Ocheretyne", "RU")
    assert by_name["history"][0]["map"]["layer_date"] == "2024-05-06"
    assert by_name["history"][0]["map_verdict"] == "disagrees"
    by_key = client.get("/api/control/" + by_name["place"]["key"], params={"date": "2024-05-15"}).json()
    assert by_key["status"] == "RU"


def test_disagreements_and_layers(client):
    found = client.get("/api/control/disagreements").json()
    assert [(c["place"]["name"], c["verdict"]) for c in found] == [("Ocheretyne", "disagrees")]
    assert len(client.get("/api/control/disagreements", params={"all": "true"}).json()) == 2
    (layer,) = client.get("/api/control/layers").json()
    assert (layer["date"], layer["areas"]) == ("2024-05-06", 5)


def test_errors_are_json_with_codes(client):
    r = client.get("/api/control", params={"date": "15 May"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_date"
    r = client.get("/api/control/Qwxzzyville")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = client.get("/api/control/gz:nowhere")
    assert r.status_code == 404


def test_the_page_loads_the_control_layer(client):
    page = client.get("/").text
    assert '<script defer src="/static/layers/control.js"></script>' in page
    assert client.get("/static/layers/control.js").status_code == 200
    assert "layers/control.js" in client.get("/api/page").json()["layers"]


def test_a_new_import_is_seen_by_the_next_request(client):
    def layers_used():
        found = client.get("/api/control/disagreements", params={"all": "true"}).json()
        return {c["place"]["name"]: c["map"]["layer_date"] for c in found}

    assert layers_used() == {"Ocheretyne": "2024-05-06", "Vovchansk": "2024-05-06"}
    path = client.app.state.store.path
    with Store.open(path) as store:
        import_layer(store, TOY_MAY_6, layer_date=date(2024, 5, 14))
    # the map of 14 May is the latest on or before Vovchansk's entry (15 May), not Ocheretyne's (6 May)
    assert layers_used() == {"Ocheretyne": "2024-05-06", "Vovchansk": "2024-05-14"}
