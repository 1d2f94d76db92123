"""``GET /api/control/areas``: the imported control map in force on a date as GeoJSON polygons (date
selection, bbox, simplification, no map, bad parameters, caching, OpenAPI); and the settlements' points with
their latest claim beside the map in force (``map_verdict``). Maps are hand-built (``control_fakes``)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")
pytest.importorskip("xstatic.pkg.leaflet", reason="the serve extra is not installed")

with warnings.catch_warnings():  # starlette's notice about httpx
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from shapely.geometry import shape

from spotrep.control.store import import_layer
from spotrep.store import Store
from spotrep.web import Settings, create_app
from spotrep.web.routes.control import STATUS_COLOURS

from .control_fakes import days, store_with_front_maps, write_front_maps

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

DONBAS = "37.0,47.4,39.0,49.0"


@pytest.fixture
def client(tmp_path) -> Iterator[TestClient]:
    path = store_with_front_maps(tmp_path)
    with TestClient(create_app(str(path), settings=Settings())) as c:
        yield c


def areas(client, **params):
    r = client.get("/api/control/areas", params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/geo+json")
    return r.json()


def by_status(data) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in data["features"]:
        out.setdefault(f["properties"]["status"], []).append(f)
    return out


def test_the_map_in_force_is_the_latest_on_or_before_the_date(client):
    assert areas(client, date="2024-05-01")["layer"]["date"] == "2024-05-01"
    assert areas(client, date="2024-05-09")["layer"]["date"] == "2024-05-01"
    data = areas(client, date="2024-05-10")
    assert data["layer"] == {"id": data["layer"]["id"], "name": "front-2024-05-10.geojson",
                             "source": "deepstate", "date": "2024-05-10"}  # fmt: skip
    assert areas(client, date="2026-01-01")["layer"]["date"] == "2024-05-10"
    # the front moved west between the maps: the occupied area grew
    occupied = [
        shape(f["geometry"]).bounds[0]
        for f in by_status(data)["occupied"]
        if f["properties"]["label"] == "Occupied"
    ]
    before = [
        shape(f["geometry"]).bounds[0]
        for f in by_status(areas(client, date="2024-05-09"))["occupied"]
        if f["properties"]["label"] == "Occupied"
    ]
    assert occupied == [37.5] and before == [37.7]


def test_each_area_is_a_plain_geojson_polygon_with_its_status_controller_label_and_map(client):
    data = areas(client, date="2024-05-12")
    assert data["type"] == "FeatureCollection" and data["date"] == "2024-05-12"
    assert len(data["features"]) == 4  # the attack-direction point is not an area
    found = {
        (f["properties"]["status"], f["properties"]["controller"], f["properties"]["label"])
        for f in data["features"]
    }
    assert found == {
        ("occupied", "RU", "Occupied"),
        ("occupied", "RU", "Occupied Crimea"),
        ("unknown", "unknown", "Unknown status"),
        ("liberated", "UA", "Liberated"),
    }
    for f in data["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] in ("Polygon", "MultiPolygon")
        assert f["properties"]["layer"] == "front-2024-05-10.geojson"
        assert f["properties"]["layer_date"] == "2024-05-10"
        assert f["properties"]["colour"] == STATUS_COLOURS[f["properties"]["controller"]]
        assert shape(f["geometry"]).is_valid
    assert data["colours"] == {"occupied": STATUS_COLOURS["RU"], "liberated": STATUS_COLOURS["UA"],
                               "unknown": STATUS_COLOURS["unknown"]}  # fmt: skip
    sizes = [shape(f["geometry"]).area for f in data["features"]]
    assert sizes == sorted(sizes, reverse=True)  # larger first: smaller areas are drawn over them


def test_before_the_first_map_an_empty_collection_with_no_layer(client):
    data = areas(client, date="2024-04-30")
    assert data["type"] == "FeatureCollection"
    assert (data["layer"], data["features"]) == (None, [])


def test_with_no_map_imported_an_empty_collection(tmp_path):
    with TestClient(create_app(str(tmp_path / "empty.db"), settings=Settings())) as c:
        data = c.get("/api/control/areas", params={"date": "2024-05-12"}).json()
    assert (data["layer"], data["features"]) == (None, [])


def test_a_bbox_keeps_the_areas_that_meet_it_cut_to_it(client):
    data = areas(client, date="2024-05-12", bbox=DONBAS)
    labels = sorted(f["properties"]["label"] for f in data["features"])
    assert labels == ["Liberated", "Occupied", "Unknown status"]  # Crimea's box does not meet it
    assert data["bbox"] == [37.0, 47.4, 39.0, 49.0]
    small = areas(client, date="2024-05-12", bbox="37.55,48.0,37.65,48.1")
    (occupied,) = by_status(small)["occupied"]
    assert shape(occupied["geometry"]).bounds == pytest.approx((37.55, 48.0, 37.65, 48.1))
    assert {f["properties"]["status"] for f in small["features"]} == {"occupied"}
    crimea = areas(client, date="2024-05-12", bbox="33.5,45.0,34.0,45.5")
    assert [f["properties"]["label"] for f in crimea["features"]] == ["Occupied Crimea"]
    assert areas(client, date="2024-05-12", bbox="20,40,21,41")["features"] == []


def test_simplify_drops_vertices_and_keeps_the_polygons_valid(client):
    def vertices(data):
        (occupied,) = [f for f in data["features"] if f["properties"]["label"] == "Occupied"]
        return len(occupied["geometry"]["coordinates"][0]), shape(occupied["geometry"])

    full, full_shape = vertices(areas(client, date="2024-05-12"))
    simple, simple_shape = vertices(areas(client, date="2024-05-12", simplify=0.01))
    assert full > 100 and simple <= 6
    assert simple_shape.is_valid and simple_shape.area == pytest.approx(full_shape.area, rel=0.01)
    assert areas(client, date="2024-05-12", simplify=0.01)["simplify"] == 0.01
    # a tolerance larger than small areas keeps them (topology preserved), never an invalid shape
    coarse = areas(client, date="2024-05-12", simplify=1.0)
    assert len(coarse["features"]) == 4 and all(shape(f["geometry"]).is_valid for f in coarse["features"])


def test_bad_parameters_are_refused_with_json_errors(client):
    for params in ({"simplify": "-0.1"}, {"simplify": "2"}, {"simplify": "lots"}, {"bbox": "x" * 200}):
        r = client.get("/api/control/areas", params=params)
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request", params
    for params in ({"bbox": "1,2,3"}, {"bbox": "10,50,5,40"}):
        r = client.get("/api/control/areas", params=params)
        assert r.status_code == 400 and r.json()["error"]["message"].startswith("bbox"), params
    r = client.get("/api/control/areas", params={"date": "12 May"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_date"


def test_answers_are_cached_until_the_store_changes(client, tmp_path):
    cache = client.app.state.cache
    areas(client, date="2024-05-12", bbox=DONBAS)
    hits = cache.hits
    again = areas(client, date="2024-05-12", bbox=DONBAS)
    assert cache.hits == hits + 1 and again["layer"]["date"] == "2024-05-10"
    again_dir = tmp_path / "again"
    again_dir.mkdir()
    (file, _day), _ = write_front_maps(again_dir)
    with Store.open(client.app.state.store.path) as store:
        import_layer(store, file, layer_date=days(5))  # 2024-05-11
    assert areas(client, date="2024-05-12", bbox=DONBAS)["layer"]["date"] == "2024-05-11"


def test_the_endpoint_is_documented_and_open_to_readers(client):
    spec = client.get("/openapi.json").json()
    op = spec["paths"]["/api/control/areas"]["get"]
    assert {p["name"] for p in op["parameters"]} == {"date", "bbox", "simplify"}
    assert "security" not in op
    assert "application/geo+json" in op["responses"]["200"]["content"]
    assert op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/AreasOut")


def test_a_settlement_whose_latest_claim_the_map_contradicts_says_so(client):
    def point(day):
        r = client.get("/api/control", params={"date": day, "format": "geojson"})
        (feature,) = r.json()["features"]
        return feature["properties"]

    before = point("2024-05-08")  # the map of 1 May: Ocheretyne liberated; Russia claims it on 6 May
    assert (before["status"], before["map_verdict"]) == ("RU", "disagrees")
    assert (before["map"]["controller"], before["map"]["layer_date"]) == ("UA", "2024-05-01")
    assert before["latest_claim"] == {"date": "2024-05-06", "controller": "RU",
                                      "source": "Russian defence ministry", "source_country": "RU",
                                      "status": "claimed"}  # fmt: skip
    after = point("2024-05-12")  # the map of 10 May shows it occupied
    assert (after["map_verdict"], after["map"]["controller"], after["map"]["area"]) == (
        "agrees",
        "RU",
        "occupied",
    )
    assert point("2024-05-05")["map_verdict"] is None  # no claim yet


# --- the shared DeepState exports (skip when ../shared is absent) ------------------------------------------


def test_the_deepstate_maps_of_may_2024_as_areas_for_a_view(shared_dir, tmp_path):
    files = sorted((shared_dir / "data" / "deepstate").glob("*.geojson"))
    if not files:
        pytest.skip("no DeepState exports in ../shared/data/deepstate")
    path = tmp_path / "deepstate.db"
    with Store.open(path) as store:
        for file in files:
            import_layer(store, file)
    with TestClient(create_app(str(path), settings=Settings())) as c:
        whole = c.get("/api/control/areas", params={"date": "2024-05-15", "simplify": "0.02"})
        data = whole.json()
        assert data["layer"]["date"] == "2024-05-13"
        assert {f["properties"]["status"] for f in data["features"]} == {"occupied", "liberated", "unknown"}
        assert len(whole.content) < 2 * 1024 * 1024  # small enough for the response cache
        kharkiv = c.get(
            "/api/control/areas",
            params={"date": "2024-05-21", "bbox": "36.5,49.9,37.5,50.5", "simplify": "0.002"},
        ).json()
        assert kharkiv["layer"]["date"] == "2024-05-20"
        assert 0 < len(kharkiv["features"]) < len(data["features"])
        for f in kharkiv["features"]:
            west, south, east, north = shape(f["geometry"]).bounds
            assert (
                west >= 36.5 - 1e-9 and east <= 37.5 + 1e-9 and south >= 49.9 - 1e-9 and north <= 50.5 + 1e-9
            )
