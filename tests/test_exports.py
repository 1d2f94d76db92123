"""Exports: ACLED CSV (columns, order, codes), GeoJSON (RFC 7946, [lon, lat]), JSON lines, Parquet."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from spotrep import acled
from spotrep.documents import make_document
from spotrep.exports import (
    ACLED_COLUMNS,
    ExportItem,
    acled_row,
    read_parquet_events,
    write_acled_csv,
    write_export,
    write_geojson,
    write_parquet,
)
from spotrep.model import Actor, Event
from spotrep.store import Store

from .store_fakes import make_event

ACLED_ORDER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
)


@pytest.fixture
def merged_store(tmp_path):
    with Store.open(tmp_path / "events.db") as s:
        a = make_document("A drone hit Kharkiv, killing 12.", source="Kyiv Daily Monitor")
        b = make_document("Russia claims a strike on Kharkiv; 7 killed.", source="Eastern Front Wire")
        c = make_document("Shelling hit Sumy.", source="Northern Dispatch")
        s.add(
            a,
            [
                make_event(
                    a.id,
                    fatalities=12,
                    actor2=Actor(name="Civilians (Ukraine)", country="UA", kind="civilians"),
                )
            ],
        )
        s.add(b, [make_event(b.id, fatalities=7)])
        s.add(
            c,
            [
                make_event(
                    c.id,
                    place="Sumy",
                    lat=50.9077,
                    lon=34.7981,
                    admin1="Sumy Oblast",
                    admin1_code="UA-59",
                    day=date(2024, 6, 11),
                    fatalities=None,
                    sub_event_type="Shelling/artillery/missile attack",
                    categories=["shelling"],
                )
            ],
        )
        yield s


def test_acled_csv_has_acled_columns_in_acled_order(merged_store):
    out = io.StringIO()
    n = write_acled_csv(merged_store.iter_rows(), out)
    header = out.getvalue().splitlines()[0]
    assert header == ACLED_ORDER == ",".join(ACLED_COLUMNS)
    assert n == 2


def test_acled_rows_follow_acled_coding(merged_store):
    rows = list(csv.DictReader(io.StringIO(_acled(merged_store))))
    strike, shelling = rows
    number = merged_store.query_rows()[0].number
    assert strike["event_id_cnty"] == f"UKR{number}"
    assert (strike["event_date"], strike["year"], strike["time_precision"]) == ("2024-05-15", "2024", "1")
    assert strike["disorder_type"] == "Political violence"
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("8", "7", "78")  # foreign forces
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert (strike["iso"], strike["region"], strike["country"]) == ("804", "Europe", "Ukraine")
    assert (strike["admin1"], strike["location"]) == ("Kharkiv Oblast", "Kharkiv")
    assert (strike["latitude"], strike["longitude"]) == ("49.9935", "36.2304")
    assert strike["source"] == "Kyiv Daily Monitor; Eastern Front Wire"
    assert strike["fatalities"] == "7"  # the most conservative figure
    assert strike["tags"] == "drone_strike"
    assert int(strike["timestamp"]) > 1_700_000_000
    assert (shelling["fatalities"], shelling["interaction"], shelling["civilian_targeting"]) == (
        "0",
        "80",
        "",
    )


def _acled(store, **kw) -> str:
    out = io.StringIO()
    write_acled_csv(store.iter_rows(), out, **kw)
    return out.getvalue()


def test_acled_dates_can_be_written_in_the_long_style(merged_store):
    rows = list(csv.DictReader(io.StringIO(_acled(merged_store, date_style="long"))))
    assert [r["event_date"] for r in rows] == ["15 May 2024", "11 June 2024"]


@pytest.mark.parametrize(
    ("actor", "where", "code"),
    [
        (Actor(name="Russian forces", country="RU", kind="military"), "UA", 8),
        (Actor(name="Ukrainian forces", country="UA", kind="military"), "UA", 1),
        (Actor(name="Police of Georgia", country="GE", kind="police"), "GE", 1),
        (Actor(name="Wagner Group", country="RU", kind="armed_group"), "ML", 8),
        (Actor(name="Freedom of Russia Legion", country="RU", kind="armed_group"), "RU", 2),
        (Actor(name="Civilians (Ukraine)", country="UA", kind="civilians"), "UA", 7),
        (Actor(name="Protesters (Georgia)", country="GE", kind="protesters"), "GE", 6),
        (None, "UA", 0),
    ],
)
def test_inter_codes(actor, where, code):
    assert acled.inter_code(actor, where) == code


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"), [(8, 1, 18), (1, 8, 18), (1, 0, 10), (6, 0, 60), (7, 7, 77)]
)
def test_interaction_codes_put_the_smaller_code_first(inter1, inter2, expected):
    assert acled.interaction(inter1, inter2) == expected


@pytest.mark.parametrize(
    ("code", "region", "name", "numeric"),
    [
        ("UA", "Europe", "Ukraine", 804),
        ("RU", "Europe", "Russia", 643),
        ("SY", "Middle East", "Syria", 760),
        ("SD", "Northern Africa", "Sudan", 729),
        ("ML", "Western Africa", "Mali", 466),
        ("AM", "Caucasus and Central Asia", "Armenia", 51),
        ("MM", "Southeast Asia", "Myanmar", 104),
        ("CD", "Middle Africa", "Democratic Republic of Congo", 180),
        ("MX", "Central America", "Mexico", 484),
    ],
)
def test_countries_get_acled_regions_names_and_numeric_codes(code, region, name, numeric):
    assert (acled.region(code), acled.country_name(code), acled.iso_numeric(code)) == (region, name, numeric)


def test_every_iso_country_has_an_acled_region():
    import pycountry

    missing = [c.alpha_2 for c in pycountry.countries if not acled.region(c.alpha_2)]
    assert missing == []


def test_disorder_types_follow_acled():
    protest = make_event(event_type="Protests", sub_event_type="Peaceful protest", categories=["protest"])
    force = make_event(
        event_type="Protests", sub_event_type="Excessive force against protesters", categories=[]
    )
    agreement = make_event(event_type="Strategic developments", sub_event_type="Agreement", categories=[])
    assert [acled.disorder_type(e) for e in (protest, force, agreement)] == [
        "Demonstrations",
        "Political violence; Demonstrations",
        "Strategic developments",
    ]


def test_plain_events_are_numbered_in_order():
    rows = [acled_row(item) for item in _items([make_event("a"), make_event("b", country=None)])]
    assert [r["event_id_cnty"] for r in rows] == ["UKR1", "XXX2"]


def _items(events):
    from spotrep.exports import export_items

    return list(export_items(events))


def test_geojson_is_a_feature_collection_of_lon_lat_points_with_flat_properties(merged_store):
    out = io.StringIO()
    assert write_geojson(merged_store.iter_rows(), out) == 2
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    first = data["features"][0]
    assert first["type"] == "Feature"
    assert first["geometry"] == {"type": "Point", "coordinates": [36.2304, 49.9935]}  # [longitude, latitude]
    props = first["properties"]
    assert all(not isinstance(v, dict | list) for v in props.values())  # flat
    assert (props["fatalities"], props["fatalities_low"], props["fatalities_high"]) == (7, 7, 12)
    assert props["source_count"] == 2 and props["sources"] == "Kyiv Daily Monitor; Eastern Front Wire"
    assert props["sub_event_type"] == "Air/drone strike" and props["injuries"] is None


def test_geojson_keeps_unlocated_events_with_a_null_geometry():
    out = io.StringIO()
    write_geojson([make_event(lat=None, lon=None)], out)
    assert json.loads(out.getvalue())["features"][0]["geometry"] is None


def test_an_empty_geojson_export_is_valid_json():
    out = io.StringIO()
    assert write_geojson([], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_jsonl_export_gives_back_the_stored_events(merged_store):
    out = io.StringIO()
    write_export(merged_store.iter_rows(), out, "jsonl")
    events = [Event.model_validate_json(line) for line in out.getvalue().splitlines()]
    assert events == merged_store.query()


def test_parquet_round_trip_gives_back_the_stored_events_with_a_typed_schema(merged_store, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert write_parquet(merged_store.iter_rows(), str(path)) == 2
    assert read_parquet_events(str(path)) == merged_store.query()
    schema = pq.read_schema(path)
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("fatalities").type == pa.int32()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("categories").type == pa.list_(pa.string())
    table = pq.read_table(path)
    assert table.column("fatalities_high").to_pylist() == [12, None]
    assert table.column("sources").to_pylist()[0] == ["Kyiv Daily Monitor", "Eastern Front Wire"]


def test_parquet_streams_in_row_groups_and_an_empty_export_is_a_valid_file(tmp_path):
    import pyarrow.parquet as pq

    events = [make_event(f"doc-{i}", fatalities=i) for i in range(5)]
    path = tmp_path / "groups.parquet"
    write_parquet(events, str(path), row_group_size=2)
    assert pq.ParquetFile(path).num_row_groups == 3
    assert [e.fatalities for e in read_parquet_events(str(path))] == list(range(5))
    empty = tmp_path / "empty.parquet"
    assert write_parquet([], str(empty)) == 0
    assert read_parquet_events(str(empty)) == []


def test_parquet_writes_to_a_binary_stream():
    buf = io.BytesIO()
    write_export([ExportItem(make_event())], buf, "parquet")
    assert buf.getvalue()[:4] == b"PAR1"
    assert read_parquet_events(io.BytesIO(buf.getvalue()))[0].location.name == "Kharkiv"
