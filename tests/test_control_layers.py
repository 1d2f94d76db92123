"""Control layers: DeepState GeoJSON exports read with shapely, point in polygon, the front, comparisons."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from spotrep.control.layers import (
    FRONT_KM,
    MapReading,
    area_label,
    area_status,
    compare,
    date_from_name,
    parse_features,
    read_layer,
)
from spotrep.errors import InputError

DATA = Path(__file__).parent / "data" / "control"
TOY_MAY_6 = DATA / "1715000000.geojson"
TOY_MAY_18 = DATA / "1716000000.geojson"


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("Окуповано /// Occupied\u00a0/// geoJSON.status.occupied", "occupied"),
        ("Звільнено /// Liberated\u00a0/// geoJSON.status.dismissed\n", "liberated"),
        ("Звільнено 25.03 /// Liberated 25.03 /// geoJSON.status.dismissed_at {{at:25.03}}", "liberated"),
        ("Статус невідомий /// Unknown status /// geoJSON.status.unknown", "unknown"),
        ("Окупований Крим /// Occupied Crimea /// geoJSON.territories.crimea", "occupied"),
        ("ОРДЛО /// ORDLO /// geoJSON.territories.ordlo", "occupied"),
        ("Напрямок удару /// Direction of attack /// geoJSON.status.attack_direction", None),
        ("3-тя бригада /// geoJSON.units.brigade.3", None),
        ("Grey zone near the river", "unknown"),
        ("Liberated area", "liberated"),
        ("Occupied since 2022", "occupied"),
        ("a unit", None),
    ],
)
def test_the_status_a_feature_name_gives(name, status):
    assert area_status({"name": name}) == status


def test_a_status_property_is_read_when_the_name_says_nothing():
    assert area_status({"name": "zone 4", "status": "Occupied"}) == "occupied"
    assert area_status({"status": "contested"}) is None


def test_the_label_is_the_english_part_of_the_name():
    assert area_label(
        {"name": "Звільнено 25.03 /// Liberated 25.03\u00a0/// geoJSON.status.dismissed_at"}
    ) == ("Liberated 25.03")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("1715636924.geojson", date(2024, 5, 13)),
        ("/maps/1716238692.geojson", date(2024, 5, 20)),
        ("deepstate-2024-05-13.geojson", None),
        ("12.geojson", None),
    ],
)
def test_the_date_a_unix_time_file_name_gives(name, expected):
    assert date_from_name(name) == expected


def test_only_the_control_polygons_of_a_layer_are_kept():
    data = json.loads(TOY_MAY_6.read_text(encoding="utf-8"))
    statuses = sorted(status for status, _label, _geometry in parse_features(data))
    assert statuses == ["liberated", "liberated", "occupied", "occupied", "unknown"]


def test_a_layer_that_is_not_a_feature_collection_is_refused(tmp_path):
    with pytest.raises(InputError, match="FeatureCollection"):
        parse_features({"type": "Feature"})
    bad = tmp_path / "1715000000.geojson"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not GeoJSON"):
        read_layer(bad)
    with pytest.raises(InputError, match="give the map's date"):
        read_layer(tmp_path / "map.geojson")


@pytest.fixture(scope="module")
def toy():
    return read_layer(TOY_MAY_6)


@pytest.mark.parametrize(
    ("lat", "lon", "country", "controller", "area"),
    [
        (50.6, 37.8, "UA", "RU", "occupied"),
        (
            50.45,
            37.45,
            "UA",
            "UA",
            "liberated",
        ),  # a liberated pocket inside the occupied area: the smaller wins
        (50.3, 36.95, "UA", "unknown", "unknown"),  # the grey zone
        (50.5, 36.5, "UA", "UA", "liberated"),
        (48.2, 37.6, "UA", "UA", None),  # no area: held by Ukraine, as on the map
        (48.2, 37.6, None, "UA", None),
        (50.6, 40.0, "RU", None, None),  # outside the mapped country
        (45.0, 34.0, "UA", "RU", "occupied"),  # Crimea
    ],
)
def test_what_the_map_says_at_a_point(toy, lat, lon, country, controller, area):
    reading = toy.read(lat, lon, country=country)
    assert (reading.controller, reading.area) == (controller, area)
    assert reading.layer_date == date(2024, 5, 6)


def test_the_distance_to_the_front_is_negative_inside_the_occupied_or_grey_areas(toy):
    inside = toy.read(50.5, 37.2)  # 0.3 degrees of longitude east of the grey zone's western edge
    assert inside.front_km == pytest.approx(-21.2, abs=0.5)
    outside = toy.read(50.5, 36.8)
    assert outside.front_km == pytest.approx(7.1, abs=0.3)


def _reading(controller, front_km=30.0):
    return MapReading("toy", date(2024, 5, 6), controller, None, None, front_km)


@pytest.mark.parametrize(
    ("claim", "reading", "denied", "verdict"),
    [
        ("RU", _reading("RU"), False, "agrees"),
        ("RU", _reading("UA"), False, "disagrees"),
        ("RU", _reading("unknown"), False, "uncertain"),
        ("UA", _reading("UA"), False, "agrees"),
        ("contested", _reading("unknown"), False, "agrees"),
        ("contested", _reading("UA", front_km=FRONT_KM - 1), False, "agrees"),
        ("contested", _reading("RU", front_km=-(FRONT_KM - 1)), False, "agrees"),
        ("contested", _reading("UA", front_km=40.0), False, "disagrees"),
        ("RU", _reading("RU"), True, "disagrees"),  # denied that Russia holds it, the map says it does
        ("RU", _reading("UA"), True, "agrees"),
        ("RU", None, False, "no map"),
        ("RU", _reading(None), False, "no map"),
        (None, _reading("RU"), False, "no map"),
    ],
)
def test_a_claim_beside_the_map(claim, reading, denied, verdict):
    assert compare(claim, reading, denied=denied) == verdict


def test_the_map_of_a_later_date_moves_the_front(toy):
    later = read_layer(TOY_MAY_18)
    assert toy.read(50.3, 36.85).controller == "UA"
    assert later.read(50.3, 36.85).controller == "RU"


# --- the shared DeepState exports (skip when ../shared is absent) ------------------------------------------


@pytest.fixture(scope="module")
def deepstate(shared_dir):
    files = sorted((shared_dir / "data" / "deepstate").glob("*.geojson"))
    if not files:
        pytest.skip("no DeepState exports in ../shared/data/deepstate")
    return {layer.layer_date: layer for layer in map(read_layer, files)}


def test_the_shared_deepstate_exports_have_every_kind_of_area(deepstate):
    assert sorted(deepstate) == [date(2024, 5, 8), date(2024, 5, 13), date(2024, 5, 20)]
    for layer in deepstate.values():
        kinds = {a.status for a in layer.areas}
        assert kinds == {"occupied", "liberated", "unknown"}
        assert all(a.geometry.is_valid for a in layer.areas)


def test_the_may_2024_kharkiv_offensive_moves_the_front_to_vovchansk(deepstate):
    vovchansk = (50.29078, 36.94108)  # GeoNames
    before = deepstate[date(2024, 5, 8)].read(*vovchansk, country="UA")
    during = deepstate[date(2024, 5, 13)].read(*vovchansk, country="UA")
    after = deepstate[date(2024, 5, 20)].read(*vovchansk, country="UA")
    assert before.controller == "UA" and before.front_km > 50
    assert during.controller == "UA" and 0 < during.front_km < FRONT_KM
    assert after.controller == "unknown"
    assert deepstate[date(2024, 5, 13)].read(49.98, 36.25, country="UA").controller == "UA"  # Kharkiv city
