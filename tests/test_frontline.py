"""The front-line prior: hand-written lines of contact by period, their geometry, and where places stood."""

# ruff: noqa: F811  (the gazetteer fixture is imported, then named as a test argument)

from __future__ import annotations

import itertools
import math
import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest

from spotrep.gazetteer import frontline
from spotrep.gazetteer.data import haversine_km
from spotrep.gazetteer.frontline import (
    FrontLineDataError,
    front_distance_km,
    front_reading,
    lines_geojson,
    lines_on,
    parse_point,
    polyline_distance_km,
    segment_distance_km,
)
from spotrep.gazetteer.frontline_data import SECTORS

from .places_fixtures import gazetteer, gazetteer_dir  # noqa: F401

NEAR_KM = 25.0  # a settlement this close to a line of contact is "at the front"
FAR_KM = 40.0  # and this far, away from it
MAX_STEP_KM = 80.0  # consecutive points of a line; a longer step means a namesake far away was picked

ALL_POINTS = sorted({p for s in SECTORS for line in s["lines"] for p in line})


@pytest.fixture(autouse=True, scope="module")
def _fresh_lines(gazetteer):
    frontline.reset()
    yield
    frontline.reset()


def place(g, name: str, region: str) -> tuple[float, float, str]:
    """(lat, lon, country) of a settlement, resolved the way the front-line data is."""
    entry = frontline.resolve_point(g, name, region)
    lat, lon = g.point(entry)
    return lat, lon, g.country(entry)


# --- geometry -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("point", "a", "b", "km"),
    [
        ((48.0, 37.0), (48.0, 37.0), (48.5, 37.0), 0.0),  # on an end
        ((48.25, 37.0), (48.0, 37.0), (48.5, 37.0), 0.0),  # on the segment
        ((49.0, 37.0), (48.0, 37.0), (48.5, 37.0), 0.5 * 110.574),  # beyond an end: distance to the end
        ((47.5, 37.0), (48.0, 37.0), (48.5, 37.0), 0.5 * 110.574),  # before the other end
        ((48.0, 37.0), (48.0, 37.0), (48.0, 37.0), 0.0),  # a segment of one point
        ((48.25, 38.0), (48.0, 37.0), (48.5, 37.0), 111.32 * math.cos(math.radians(48.25))),  # perpendicular
    ],
)
def test_segment_distance_is_the_distance_to_the_nearest_point_of_the_segment(point, a, b, km) -> None:
    assert segment_distance_km(*point, a, b) == pytest.approx(km, abs=0.05)


@pytest.mark.parametrize(
    ("point", "other"),
    [((48.0, 37.0), (48.3, 37.4)), ((50.45, 30.52), (50.0, 36.23)), ((46.6, 32.6), (47.1, 37.5))],
)
def test_the_local_projection_agrees_with_the_great_circle_within_one_percent(point, other) -> None:
    projected = segment_distance_km(*point, other, other)
    assert projected == pytest.approx(haversine_km(*point, *other), rel=0.01)


def test_segment_distance_is_symmetric_in_the_ends() -> None:
    p, a, b = (48.3, 37.9), (48.0, 37.5), (48.6, 38.2)
    assert segment_distance_km(*p, a, b) == pytest.approx(segment_distance_km(*p, b, a))


def test_polyline_distance_is_the_nearest_segment_and_one_point_lines_are_points() -> None:
    line = ((48.0, 37.0), (48.5, 37.0), (48.5, 38.0))
    assert polyline_distance_km(48.6, 37.5, line) == pytest.approx(0.1 * 110.574, abs=0.05)
    assert polyline_distance_km(48.0, 37.0, ((48.0, 37.1),)) == pytest.approx(
        0.1 * 111.32 * math.cos(math.radians(48.0)), abs=0.05
    )


# --- the data -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ALL_POINTS)
def test_every_point_of_the_lines_resolves_to_one_settlement_with_exact_coordinates(gazetteer, text) -> None:
    name, region, raion = parse_point(text)
    ranked = frontline.rank_candidates(gazetteer, name, region, raion)
    assert ranked, f"{text}: no settlement of that name in {region}"
    best, quality = ranked[0]
    assert gazetteer.precision(best) == 1, (
        f"{text}: only approximate coordinates ({gazetteer.approx_reason(best)})"
    )
    if len(ranked) > 1:  # a rival of the same standing: the data must name the raion
        rival, rival_quality = ranked[1]
        same_standing = gazetteer.precision(rival) == 1 and rival_quality == quality
        assert not (
            same_standing and 2 * (gazetteer.population(rival) or 0) >= (gazetteer.population(best) or 0)
        ), f"{text} is ambiguous: {gazetteer.point(best)} or {gazetteer.point(rival)}"


def test_consecutive_points_are_neighbours_so_no_namesake_was_picked_far_away() -> None:
    long_steps = [
        (a, b, round(haversine_km(*p, *q)))
        for line in frontline.all_lines()
        for (a, p), (b, q) in itertools.pairwise(zip(line.names, line.points, strict=True))
        if haversine_km(*p, *q) > MAX_STEP_KM
    ]
    assert not long_steps


def test_the_sectors_of_one_area_follow_one_another_without_overlap() -> None:
    by_area: dict[str, list[tuple[date, date | None]]] = {}
    for s in SECTORS:
        end = date.fromisoformat(s["end"]) if s["end"] else None
        by_area.setdefault(s["area"], []).append((date.fromisoformat(s["start"]), end))
    for area, periods in by_area.items():
        periods.sort()
        for (_, end), (next_start, _) in itertools.pairwise(periods):
            assert end is not None and end < next_start, (area, end, next_start)


@pytest.mark.parametrize(("area", "first"), [("east", date(2014, 4, 12)), ("south", date(2022, 2, 24))])
def test_the_donbas_and_southern_fronts_have_a_line_every_day_from_their_first(area, first) -> None:
    periods = sorted(
        (date.fromisoformat(s["start"]), date.fromisoformat(s["end"]) if s["end"] else None)
        for s in SECTORS
        if s["area"] == area
    )
    assert periods[0][0] == first
    assert periods[-1][1] is None  # still in force
    for (_, end), (next_start, _) in itertools.pairwise(periods):
        assert end + timedelta(days=1) == next_start, (area, end, next_start)


def test_kinds_are_contact_or_border_and_the_border_belt_runs_from_the_invasion() -> None:
    assert {s["kind"] for s in SECTORS} == {"contact", "border"}
    border = [s for s in SECTORS if s["kind"] == "border"]
    assert [(s["start"], s["end"]) for s in border] == [("2022-02-24", None)]


@pytest.mark.parametrize("text", ["Kyiv", "Kyiv@", "@UA-30", "Kyiv@Ukraine", "Kyiv@UA30"])
def test_a_malformed_point_is_a_data_error(text) -> None:
    with pytest.raises(FrontLineDataError):
        parse_point(text)


def test_a_name_the_gazetteer_does_not_know_fails_loudly_instead_of_vanishing(gazetteer, monkeypatch) -> None:
    from spotrep.gazetteer import frontline_data

    bad = ({**SECTORS[0], "lines": (("Lyman@UA-14", "Nowhereville Novoyeshche@UA-14"),)},)
    monkeypatch.setattr(frontline_data, "SECTORS", bad)
    with pytest.raises(FrontLineDataError, match="Nowhereville"):
        frontline._build_lines(gazetteer)
    wrong_region = ({**SECTORS[0], "lines": (("Kramatorsk@UA-63",),)},)
    monkeypatch.setattr(frontline_data, "SECTORS", wrong_region)
    with pytest.raises(FrontLineDataError, match="Kramatorsk"):
        frontline._build_lines(gazetteer)


def test_a_raion_tells_apart_two_settlements_of_one_name(gazetteer) -> None:
    north = frontline.resolve_point(gazetteer, "Uspenivka", "UA-23", "Polohivskyi raion")
    south = frontline.resolve_point(gazetteer, "Uspenivka", "UA-23", "Berdianskyi raion")
    assert gazetteer.point(north)[0] > gazetteer.point(south)[0] + 0.5


def test_the_geometry_is_resolved_once_and_not_at_import() -> None:
    assert frontline.all_lines() is frontline.all_lines()
    code = (
        "import sys, spotrep.gazetteer.frontline as f; "
        "assert f._built_from is None and not f._lines, 'resolved at import'; "
        "assert 'spotrep.gazetteer.frontline_data' not in sys.modules, 'data read at import'; "
        "assert 'spaCy' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- where places stood -------------------------------------------------------------------------------------
NEAR, FAR = "near", "far"

FRONT_TABLE = [
    # the Donbas war, 2014-2022
    ("Sloviansk", "UA-14", "2014-05-15", NEAR),
    ("Kramatorsk", "UA-14", "2014-05-15", NEAR),
    ("Ilovaisk", "UA-14", "2014-08-20", NEAR),
    ("Novoazovsk", "UA-14", "2014-08-28", NEAR),
    ("Debaltseve", "UA-14", "2015-01-25", NEAR),
    ("Donetsk", "UA-14", "2016-06-01", NEAR),
    ("Sloviansk", "UA-14", "2016-06-01", FAR),
    ("Kramatorsk", "UA-14", "2018-01-01", FAR),
    ("Shchastia", "UA-09", "2018-01-01", NEAR),
    ("Mariupol", "UA-14", "2018-01-01", NEAR),
    ("Avdiivka", "UA-14", "2019-06-01", NEAR),
    ("Stanytsia Luhanska", "UA-09", "2020-06-01", NEAR),
    ("Kherson", "UA-65", "2021-06-01", FAR),
    ("Pokrovsk", "UA-14", "2021-06-01", FAR),
    # the invasion, spring 2022
    ("Okhtyrka", "UA-59", "2022-03-01", NEAR),
    ("Voznesensk", "UA-48", "2022-03-02", NEAR),
    ("Sumy", "UA-59", "2022-03-05", NEAR),
    ("Konotop", "UA-59", "2022-03-05", NEAR),
    ("Volnovakha", "UA-14", "2022-03-05", NEAR),
    ("Bucha", "UA-32", "2022-03-10", NEAR),
    ("Kyiv", "UA-30", "2022-03-10", NEAR),
    ("Brovary", "UA-32", "2022-03-10", NEAR),
    ("Mykolaiv", "UA-48", "2022-03-10", NEAR),
    ("Lviv", "UA-46", "2022-03-10", FAR),
    ("Zhytomyr", "UA-18", "2022-03-10", FAR),
    ("Irpin", "UA-32", "2022-03-15", NEAR),
    ("Chernihiv", "UA-74", "2022-03-15", NEAR),
    ("Makariv", "UA-32", "2022-03-20", NEAR),
    # the battle of Donbas and the south, summer 2022
    ("Kharkiv", "UA-63", "2022-04-20", NEAR),
    ("Mariupol", "UA-14", "2022-05-01", NEAR),
    ("Popasna", "UA-09", "2022-05-01", NEAR),
    ("Lyman", "UA-14", "2022-05-30", NEAR),
    ("Bucha", "UA-32", "2022-06-01", FAR),
    ("Izium", "UA-63", "2022-06-01", NEAR),
    ("Trostianets", "UA-59", "2022-06-01", FAR),
    ("Sievierodonetsk", "UA-09", "2022-06-10", NEAR),
    ("Lysychansk", "UA-09", "2022-06-25", NEAR),
    ("Chernihiv", "UA-74", "2022-07-01", FAR),
    ("Snihurivka", "UA-48", "2022-08-01", NEAR),
    ("Kryvyi Rih", "UA-12", "2022-08-01", FAR),
    # after the Kharkiv and Kherson counteroffensives
    ("Kherson", "UA-65", "2022-11-20", NEAR),
    ("Kyiv", "UA-30", "2023-01-01", FAR),
    ("Huliaipole", "UA-23", "2023-01-01", NEAR),
    ("Vuhledar", "UA-14", "2023-02-10", NEAR),
    ("Bakhmut", "UA-14", "2023-03-01", NEAR),
    ("Siversk", "UA-14", "2023-03-01", NEAR),
    ("Kreminna", "UA-09", "2023-03-01", NEAR),
    # 2023
    ("Avdiivka", "UA-14", "2023-06-01", NEAR),
    ("Kupiansk", "UA-63", "2023-06-01", NEAR),
    ("Nikopol", "UA-12", "2023-06-01", NEAR),
    ("Ochakiv", "UA-48", "2023-06-01", NEAR),
    ("Oleshky", "UA-65", "2023-06-01", NEAR),
    ("Izium", "UA-63", "2023-06-01", FAR),
    ("Mariupol", "UA-14", "2023-06-01", FAR),
    ("Melitopol", "UA-23", "2023-06-01", FAR),
    ("Mykolaiv", "UA-48", "2023-06-01", FAR),
    ("Kharkiv", "UA-63", "2023-06-01", FAR),
    ("Sumy", "UA-59", "2023-06-01", FAR),
    ("Vovchansk", "UA-63", "2023-06-01", FAR),
    ("Odesa", "UA-51", "2023-06-01", FAR),
    ("Dnipro", "UA-12", "2023-06-01", FAR),
    ("Moscow", "RU-MOW", "2023-06-01", FAR),
    ("Orikhiv", "UA-23", "2023-07-01", NEAR),
    ("Staromaiorske", "UA-14", "2023-08-01", NEAR),
    ("Kherson", "UA-65", "2023-08-01", NEAR),
    ("Sudzha", "RU-KRS", "2023-09-01", FAR),
    # 2024-2025
    ("Shchastia", "UA-09", "2024-01-01", FAR),
    ("Krynky", "UA-65", "2024-01-15", NEAR),
    ("Enerhodar", "UA-23", "2024-01-01", NEAR),
    ("Vovchansk", "UA-63", "2024-06-01", NEAR),
    ("Lyptsi", "UA-63", "2024-06-01", NEAR),
    ("Chasiv Yar", "UA-14", "2024-06-01", NEAR),
    ("Yunakivka", "UA-59", "2024-06-01", FAR),
    ("Toretsk", "UA-14", "2024-08-01", NEAR),
    ("Sudzha", "RU-KRS", "2024-09-01", NEAR),
    ("Selydove", "UA-14", "2024-10-15", NEAR),
    ("Pokrovsk", "UA-14", "2024-12-01", NEAR),
    ("Kurakhove", "UA-14", "2024-12-15", NEAR),
    ("Yunakivka", "UA-59", "2025-06-01", NEAR),
    ("Lyman", "UA-14", "2025-06-01", NEAR),
    ("Lviv", "UA-46", "2014-06-01", FAR),
    ("Lviv", "UA-46", "2025-06-01", FAR),
]


@pytest.mark.parametrize(("name", "region", "day", "expected"), FRONT_TABLE)
def test_a_place_is_near_the_front_when_fighting_was_there_on_that_date(
    gazetteer,
    name,
    region,
    day,
    expected,
) -> None:
    lat, lon, country = place(gazetteer, name, region)
    km = front_distance_km(lat, lon, date.fromisoformat(day), country=country)
    assert km is not None
    if expected == NEAR:
        assert km <= NEAR_KM, f"{name} on {day}: {km:.0f} km"
    else:
        assert km >= FAR_KM, f"{name} on {day}: {km:.0f} km"


@pytest.mark.parametrize(
    ("name", "region", "last_far", "first_near"),
    [
        ("Sloviansk", "UA-14", None, "2014-04-12"),  # the war's first line
        ("Sudzha", "RU-KRS", "2024-08-05", "2024-08-06"),  # the Kursk incursion
        ("Vovchansk", "UA-63", "2024-05-09", "2024-05-10"),  # the offensive north of Kharkiv
    ],
)
def test_the_front_arrives_on_the_day_it_was_reported(gazetteer, name, region, last_far, first_near) -> None:
    lat, lon, country = place(gazetteer, name, region)
    near = front_distance_km(lat, lon, date.fromisoformat(first_near), country=country)
    assert near is not None and near <= NEAR_KM
    before = date.fromisoformat(first_near) - timedelta(days=1)
    far = front_distance_km(lat, lon, before, country=country)
    if last_far is None:
        assert far is None
    else:
        assert far is not None and far >= FAR_KM


@pytest.mark.parametrize(
    ("name", "region", "first_far"),
    [
        ("Bucha", "UA-32", "2022-04-06"),  # the Russian withdrawal from Kyiv oblast
        ("Shchastia", "UA-09", "2022-02-24"),  # the old line of contact is overrun on the first day
        ("Mariupol", "UA-14", "2022-05-21"),  # after the surrender of the Azovstal works
    ],
)
def test_the_front_leaves_after_the_reported_withdrawal(gazetteer, name, region, first_far) -> None:
    lat, lon, country = place(gazetteer, name, region)
    start = date.fromisoformat(first_far)
    assert front_distance_km(lat, lon, start - timedelta(days=1), country=country) <= NEAR_KM
    assert front_distance_km(lat, lon, start, country=country) >= FAR_KM


@pytest.mark.parametrize(
    ("name", "region", "day", "expected"),
    [
        ("Sudzha", "RU-KRS", "2023-09-01", NEAR),
        ("Vovchansk", "UA-63", "2023-06-01", NEAR),
        ("Shebekino", "RU-BEL", "2023-06-01", NEAR),
        ("Klimovo", "RU-BRY", "2023-06-01", NEAR),
        ("Bilopillia", "UA-59", "2023-06-01", NEAR),
        ("Yunakivka", "UA-59", "2024-06-01", NEAR),
        ("Chernihiv", "UA-74", "2022-07-01", FAR),
        ("Kyiv", "UA-30", "2023-01-01", FAR),
        ("Moscow", "RU-MOW", "2023-06-01", FAR),
    ],
)
def test_the_border_belt_counts_only_when_asked(gazetteer, name, region, day, expected) -> None:
    lat, lon, country = place(gazetteer, name, region)
    on = date.fromisoformat(day)
    with_border = front_distance_km(lat, lon, on, country=country, border=True)
    contact_only = front_distance_km(lat, lon, on, country=country)
    assert with_border is not None and contact_only is not None and with_border <= contact_only
    if expected == NEAR:
        assert with_border <= NEAR_KM and contact_only >= FAR_KM
    else:
        assert with_border >= FAR_KM


def test_a_village_known_only_by_its_hromada_centre_is_within_that_approximation_of_the_front(
    gazetteer,
) -> None:
    # Robotyne has no GeoNames entry: the gazetteer puts it at its hromada's centre, about 23 km off
    lat, lon, country = place(gazetteer, "Robotyne", "UA-23")
    km = front_distance_km(lat, lon, date(2023, 8, 30), country=country)
    assert km is not None and km <= NEAR_KM + 15


@pytest.mark.parametrize(
    ("lat", "lon", "day", "country"),
    [
        (48.14, 37.75, "2013-06-01", None),  # Avdiivka before the war
        (50.45, 30.52, "2014-04-11", None),  # Kyiv, the day before the first line
        (53.90, 27.57, "2023-06-01", None),  # Minsk
        (52.23, 21.01, "2023-06-01", None),  # Warsaw
        (47.01, 28.86, "2023-06-01", None),  # Chisinau
        (46.84, 29.63, "2023-06-01", None),  # Tiraspol
        (43.20, 34.00, "2023-06-01", None),  # the open Black Sea
        (48.14, 37.75, "2023-06-01", "BY"),  # the caller's country wins over the coordinates
    ],
)
def test_no_distance_before_the_war_or_outside_ukraine_and_russia(lat, lon, day, country) -> None:
    assert front_distance_km(lat, lon, date.fromisoformat(day), country=country) is None


def test_a_datetime_is_read_as_its_date_and_the_reading_names_the_line() -> None:
    reading = front_reading(48.14, 37.75, datetime(2023, 6, 1, 23, 59))
    assert reading is not None and reading.distance_km < 1.0
    assert reading.line.area == "east" and reading.line.kind == "contact"
    assert "Avdiivka@UA-14" in reading.line.names


def test_lines_on_a_date_for_the_map() -> None:
    assert lines_on(date(2014, 1, 1)) == ()
    spring = lines_on(date(2022, 3, 10))
    assert {line.area for line in spring} == {"east", "north", "south", "border"}
    assert {line.area for line in lines_on(date(2022, 3, 10), border=False)} == {"east", "north", "south"}
    summer = lines_on(date(2022, 6, 1))
    assert "north" in {line.area for line in summer} and not any("Bucha" in " ".join(x.names) for x in summer)
    collection = lines_geojson(date(2024, 9, 1))
    assert collection["type"] == "FeatureCollection"
    kursk = [f for f in collection["features"] if f["properties"]["area"] == "kursk"]
    assert kursk and kursk[0]["geometry"]["type"] == "LineString"
    assert kursk[0]["properties"]["names"][0] == "Glushkovo"
    lon, lat = kursk[0]["geometry"]["coordinates"][0]
    assert 51 < lat < 52 and 34 < lon < 36
    krynky = lines_geojson(date(2024, 1, 15), border=False)["features"]
    assert any(f["geometry"]["type"] == "Point" for f in krynky)


# --- agreement with the DeepState maps of May 2024 (../shared; skipped when absent) ------------------------
THEATRE = (30.0, 44.0, 41.0, 53.0)  # lon/lat box of the war's theatre: leaves out Transnistria, Abkhazia ...


def _front_samples(layer, ukraine):
    """Points every ~5 km along the DeepState edge of the occupied and grey areas where the other side is
    Ukrainian-held land: the map's front line, without the state border and the coasts."""
    from shapely import Point, prepare
    from shapely.geometry import box
    from shapely.ops import unary_union

    theatre = box(*THEATRE)
    held = unary_union(
        [
            a.geometry
            for a in layer.areas
            if a.status in ("occupied", "unknown") and a.geometry.intersects(theatre)
        ]
    )
    free = ukraine.difference(held).buffer(-0.02)  # slivers where the two coastlines differ vanish
    prepare(held)
    prepare(free)
    samples = []
    for part in getattr(held.boundary, "geoms", [held.boundary]):
        steps = max(1, int(part.length / 0.05))
        for i in range(steps):
            p = part.interpolate(i * part.length / steps)
            around = [
                Point(p.x, p.y + 0.05),
                Point(p.x, p.y - 0.05),
                Point(p.x + 0.075, p.y),
                Point(p.x - 0.075, p.y),
            ]
            if any(held.contains(q) for q in around) and any(free.contains(q) for q in around):
                samples.append((p.y, p.x))
    return samples


@pytest.fixture(scope="module")
def deepstate_layers(shared_dir):
    from spotrep.control.layers import read_layer

    files = sorted((shared_dir / "data" / "deepstate").glob("*.geojson"))
    if not files:
        pytest.skip("no DeepState exports in ../shared/data/deepstate")
    return [(path, read_layer(path)) for path in files]


@pytest.fixture(scope="module")
def ukraine_outline():
    from spotrep.errors import DataNotInstalledError

    try:
        from spotrep.outlines import countries

        return countries()[1]["UA"]
    except DataNotInstalledError as exc:
        pytest.skip(f"country outlines not installed: {exc}")


@pytest.mark.slow
def test_the_lines_agree_with_the_deepstate_maps_of_may_2024(
    gazetteer, deepstate_layers, ukraine_outline
) -> None:
    import json
    import statistics

    for path, layer in deepstate_layers:
        lines = lines_on(layer.layer_date, border=False)
        # every settlement of the lines that lies in Ukraine is within 15 km of the map's front
        for line in lines:
            for name, entry, (lat, lon) in zip(line.names, line.entries, line.points, strict=True):
                if gazetteer.country(entry) == "UA":
                    assert abs(layer.read(lat, lon).front_km) <= 15.0, (layer.layer_date, name)
        # and the map's front is never more than 25 km from the lines, typically within 10
        samples = _front_samples(layer, ukraine_outline)
        assert len(samples) > 200, "the map's front was not found"
        km = [min(polyline_distance_km(lat, lon, line.points) for line in lines) for lat, lon in samples]
        assert max(km) <= 25.0, (layer.layer_date, max(km))
        assert statistics.median(km) <= 10.0
        # the map's arrows (directions of attack) point at the lines
        arrows = [
            f["geometry"]["coordinates"][:2]
            for f in json.loads(path.read_text("utf-8"))["features"]
            if f["geometry"]["type"] == "Point" and "Direction of attack" in f["properties"].get("name", "")
        ]
        assert arrows
        for lon, lat in arrows:
            if THEATRE[0] <= lon <= THEATRE[2] and THEATRE[1] <= lat <= THEATRE[3]:
                assert min(polyline_distance_km(lat, lon, line.points) for line in lines) <= 25.0, (lat, lon)


@pytest.mark.parametrize("cap", [5.0, 25.0, 60.0, 400.0])
@pytest.mark.parametrize(
    "point",
    [(48.14, 37.75), (47.84, 35.14), (49.99, 36.23), (50.45, 30.52), (46.48, 30.73), (51.73, 36.19)],
)
@pytest.mark.parametrize("on", [date(2016, 6, 1), date(2022, 3, 20), date(2023, 8, 1), date(2024, 9, 1)])
def test_a_capped_distance_is_the_distance_or_the_cap(gazetteer, point, on, cap) -> None:
    """cap_km only saves work: the answer is min(distance, cap), with and without the border belt."""
    for border in (False, True):
        full = front_distance_km(*point, on, country="UA", border=border)
        capped = front_distance_km(*point, on, country="UA", border=border, cap_km=cap)
        assert capped == pytest.approx(min(full, cap))
