"""The page's endpoints without a browser: the view's box, the list's orders, the grid, the export of a view and
the basemap's place names."""

from __future__ import annotations

import csv
import io

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")

from fastapi.testclient import TestClient

from spotrep.documents import make_document
from spotrep.store import Store
from spotrep.web import Settings, create_app

from .store_fakes import PLACES, make_event

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def client(tmp_path):
    path = tmp_path / "events.db"
    with Store.open(path) as store:
        for i, place in enumerate(["Kharkiv", "Vovchansk", "Odesa", "Sumy"]):
            lat, lon, _c, admin1, code, _g = PLACES[place]
            doc = make_document(f"Report {i} on {place}.", published="2024-05-20", source="Wire")
            event = make_event(doc.id, place=place, lat=lat, lon=lon, admin1=admin1, admin1_code=code)
            store.add(doc, [event.model_copy(update={"fatalities": i})])
    with TestClient(create_app(path, settings=Settings())) as c:
        yield c


def test_the_view_box_filters_and_the_list_sorts(client):
    kharkiv_region = "35.5,49.5,37.5,50.5"
    page = client.get("/api/events", params={"bbox": kharkiv_region}).json()
    assert {e["location"]["name"] for e in page["events"]} == {"Kharkiv", "Vovchansk"} and page["total"] == 2
    by_place = client.get("/api/events", params={"sort": "place"}).json()["events"]
    assert [e["location"]["name"] for e in by_place] == ["Kharkiv", "Odesa", "Sumy", "Vovchansk"]
    by_killed = client.get("/api/events", params={"sort": "fatalities", "order": "desc"}).json()["events"]
    assert [e["fatalities"] for e in by_killed] == [3, 2, 1, 0]
    assert client.get("/api/events", params={"bbox": "1,2,3"}).status_code == 400
    assert client.get("/api/events", params={"bbox": "10,50,5,40"}).status_code == 400
    assert client.get("/api/events", params={"sort": "colour"}).status_code == 422


def test_the_grid_counts_every_event_and_gives_the_bounds(client):
    grid = client.get("/api/events/grid", params={"cell": 1}).json()
    assert grid["total"] == grid["located"] == sum(c["count"] for c in grid["cells"]) == 4
    west, _south, _east, north = grid["bounds"]
    assert west == pytest.approx(30.7233) and north == pytest.approx(50.9077)
    assert all(c["event_id"] for c in grid["cells"] if c["count"] == 1)
    totals = client.get("/api/events/grid", params={"cells": "false"}).json()
    assert totals["cells"] == [] and totals["located"] == 4


def test_export_gives_the_view_as_acled_csv_and_geojson(client):
    response = client.get("/api/export", params={"format": "csv", "bbox": "35.5,49.5,37.5,50.5"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 2 and {"event_id_cnty", "event_date", "admin1", "latitude"} <= set(rows[0])
    features = client.get("/api/export", params={"format": "geojson"}).json()["features"]
    assert len(features) == 4


def test_place_names_for_a_view_largest_first_fewer_when_zoomed_out(client):
    near = client.get("/api/labels", params={"bbox": "35,49,38,51", "zoom": 8}).json()["labels"]
    assert near[0]["name"] == "Kharkiv" and len(near) > 10
    far = client.get("/api/labels", params={"bbox": "22,44,41,53", "zoom": 5}).json()["labels"]
    assert {"Kyiv", "Kharkiv", "Odesa"} <= {label["name"] for label in far}
    assert all(label["population"] >= 100_000 for label in far)
    assert client.get("/api/labels", params={"bbox": "x", "zoom": 5}).status_code == 400
