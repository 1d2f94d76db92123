"""Myanmar's towns and villages from the MIMU place codes (``gazetteer.myanmar``, issue 16).

The reader is tested on small hand-built tables (and a hand-built SQLite file); the built gazetteer and the place
finder on sentences written for the test in the style of ACLED's Myanmar notes and of the news. The places are
real MIMU places; the incidents are invented and none comes from an evaluation set.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from spotrep.errors import MimuDataError, SpotrepError
from spotrep.gazetteer.data import CLASS_TOWN, CLASS_VILLAGE, SRC_MIMU, haversine_km
from spotrep.gazetteer.myanmar import (
    STATE_ISO,
    clean_name,
    load_mimu,
    mimu_db_path,
    places_from_rows,
    read_database,
)

from .places_fixtures import gazetteer, gazetteer_dir, nlp, places  # noqa: F401

requires_mimu = pytest.mark.skipif(
    mimu_db_path() is None, reason="mm-geo-coder (requirements/models.txt) is not installed"
)


def ward(town: str, pcode: str, lat: float | None = 21.0, lon: float | None = 95.0, **kw) -> dict:
    row = {
        "ward_pcode": pcode + "501",
        "town_pcode": pcode,
        "township_pcode": pcode[:9],
        "district_saz_pcode": pcode[:6] + "D001",
        "state_pcode": pcode[:6],
        "ward_eng": "No (1) Ward",
        "town_eng": town,
        "township_eng": kw.pop("township", town.removesuffix(" Town")),
        "district_eng": kw.pop("district", "Monywa"),
        "state_eng": "Sagaing",
        "latitude": lat,
        "longitude": lon,
    }
    row.update(kw)
    return row


def village(name: str, pcode: int, lat: float | None = 22.1, lon: float | None = 95.1, **kw) -> dict:
    row = {
        "village_pcode": pcode,
        "village_tract_pcode": "MMR005001001",
        "township_pcode": "MMR005001",
        "district_saz_pcode": "MMR005D001",
        "state_pcode": "MMR005",
        "village_eng": name,
        "village_tract_eng": "Kyi Taw",
        "township_eng": "Monywa",
        "district_eng": "Monywa",
        "state_eng": "Sagaing",
        "latitude": lat,
        "longitude": lon,
    }
    row.update(kw)
    return row


# --- the reader, on hand-built tables ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Bogale Town", "Bogale"),
        ("Poke Ba Thi RiTown", "Poke Ba Thi Ri"),
        ("Dagon Myothit (South) Town", "Dagon Myothit (South)"),
        ("Tamwe", "Tamwe"),
        ("  Kyauk   Ta Lone ", "Kyauk Ta Lone"),
        ("Town", "Town"),
    ],
)
def test_clean_name(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


def test_towns_are_their_wards_grouped_at_the_point_most_share() -> None:
    wards = [
        ward("Monywa Town", "MMR005001701", 22.11, 95.13),
        ward("Monywa Town", "MMR005001701", 22.11, 95.13, ward_pcode="MMR005001701502"),
        ward("Monywa Town", "MMR005001701", 22.20, 95.20, ward_pcode="MMR005001701503"),
        ward("Ahlone", "MMR013032701", 16.78, 96.13, district="Yangon (West)"),
    ]
    found = places_from_rows(wards, [])
    assert [(p.name, p.kind, p.iso) for p in found] == [
        ("Monywa", "town", "MM-01"),
        ("Ahlone", "town", "MM-06"),
    ]
    monywa = found[0]
    assert (monywa.lat, monywa.lon) == (22.11, 95.13)
    assert monywa.township == "Monywa" and monywa.township_pcode == "MMR005001"
    assert found[1].district == "Yangon (West)"


def test_villages_with_their_units_and_without_those_lacking_coordinates() -> None:
    villages = [
        village("Kyi Taw", 150001),
        village("Nyaung Pin Thar", 150002, None, None),  # MIMU has no point for it: left out
        village("Ta Loke", 150003, 22.3, 95.2, village_tract_eng=None),
        village("Swapped", 150004, 95.1, 22.1),  # a point outside Myanmar: left out
    ]
    found = places_from_rows([], villages)
    assert [p.name for p in found] == ["Kyi Taw", "Ta Loke"]
    first = found[0]
    assert (first.kind, first.township, first.district, first.iso, first.tract) == (
        "village",
        "Monywa",
        "Monywa",
        "MM-01",
        "Kyi Taw",
    )
    assert found[1].tract is None


def test_a_missing_district_is_no_error() -> None:
    found = places_from_rows([ward("Mongla Town", "MMR016008701", 21.2, 100.0, district=None)], [])
    assert found[0].district is None


def test_every_mimu_state_maps_to_a_myanmar_iso_region() -> None:
    import pycountry

    codes = {s.code for s in pycountry.subdivisions.get(country_code="MM")}
    assert set(STATE_ISO.values()) <= codes
    assert len(STATE_ISO) == 18


@pytest.mark.parametrize(
    ("wards", "villages", "message", "fields"),
    [
        (
            [ward("Monywa Town", "MMR005001701", state_pcode="MMR099")],
            [],
            "unknown state/region pcode 'MMR099'",
            {"table": "wards", "column": "state_pcode", "row": 1},
        ),
        (
            [],
            [village("Kyi Taw", 150001), village(" ", 150002)],
            "row 2 has no village_eng",
            {"table": "villages", "column": "village_eng", "row": 2},
        ),
        (
            [],
            [village("Kyi Taw", 150001, "north", 95.0)],
            "coordinates that are no numbers",
            {"table": "villages", "row": 1},
        ),
        (
            [],
            [village("Kyi Taw", None)],
            "has no village_pcode",
            {"table": "villages", "column": "village_pcode", "row": 1},
        ),
        ([], [village("Kyi Taw", 150001, None, None)], "no town or village with coordinates", {}),
    ],
)
def test_malformed_rows_raise_a_clear_error(wards, villages, message: str, fields: dict) -> None:
    with pytest.raises(MimuDataError) as info:
        places_from_rows(wards, villages, source="test.db")
    err = info.value
    assert isinstance(err, SpotrepError)
    assert message in str(err)
    assert err.code == "mimu_data_error"
    for key, value in fields.items():
        assert err.fields[key] == value
    assert err.to_dict()["path"] == "test.db"


def _write_db(path: Path, *, drop: str | None = None) -> None:
    conn = sqlite3.connect(path)
    for table, row in (
        ("wards", ward("Monywa Town", "MMR005001701")),
        ("villages", village("Kyi Taw", 150001)),
    ):
        cols = [c for c in row if c != drop]
        conn.execute(f'CREATE TABLE "{table}" ({", ".join(cols)})')
        conn.execute(f'INSERT INTO "{table}" VALUES ({", ".join("?" for _ in cols)})', [row[c] for c in cols])
    conn.commit()
    conn.close()


def test_read_a_database_file(tmp_path: Path) -> None:
    path = tmp_path / "mimu.db"
    _write_db(path)
    found = load_mimu(path)
    assert [(p.name, p.kind) for p in found] == [("Monywa", "town"), ("Kyi Taw", "village")]


def test_a_missing_file_or_column_raises(tmp_path: Path) -> None:
    with pytest.raises(MimuDataError, match="does not exist") as info:
        read_database(tmp_path / "absent.db")
    assert info.value.fields["path"].endswith("absent.db")
    path = tmp_path / "mimu.db"
    _write_db(path, drop="latitude")
    with pytest.raises(MimuDataError, match="lacks the columns latitude") as info:
        read_database(path)
    assert info.value.fields["column"] == "latitude"
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is no sqlite database" * 100)
    with pytest.raises(MimuDataError, match="no readable table 'wards'"):
        read_database(garbage)


@requires_mimu
def test_the_shipped_data_is_read_without_importing_the_package() -> None:
    import sys

    found = load_mimu()
    assert "mm_geo_coder" not in sys.modules  # its modules pull pandas and an online geocoder
    towns = [p for p in found if p.kind == "town"]
    assert 450 < len(towns) < 600
    assert len(found) - len(towns) > 50_000
    assert {p.iso for p in found} == set(STATE_ISO.values())


# --- the built gazetteer --------------------------------------------------------------------------------------
@requires_mimu
def test_mimu_entries_in_the_gazetteer(gazetteer) -> None:  # noqa: F811
    g = gazetteer
    info = g.data.info["mimu"]
    assert info["villages"] > 40_000 and info["towns"] > 300 and info["merged_with_geonames"] > 100
    assert info["villages_not_indexed"] > 0
    found = [(e, q) for e, q in g.lookup("Wet Thar Chin") if g.data.source[e] == SRC_MIMU]
    assert found
    entry = found[0][0]
    assert g.settlement_class(entry) == CLASS_VILLAGE
    assert g.admin1_code(entry) == "MM-04"
    assert g.admin2(entry) == "Nyaung-U District"
    assert g.gazetteer_id(entry).startswith("mimu:")
    assert g.precision(entry) == 1
    # the syllables written together find it too
    assert entry in [e for e, _ in g.lookup("Wettharchin")]


@requires_mimu
def test_a_town_geonames_has_is_not_added_twice(gazetteer) -> None:  # noqa: F811
    g = gazetteer
    monywa = [e for e, q in g.lookup("Monywa", loose=False) if q == 0 and g.country(e) == "MM"]
    assert len(monywa) == 1
    assert g.gazetteer_id(monywa[0]).startswith("geonames:")


@requires_mimu
def test_a_town_not_in_geonames_is_a_town(gazetteer) -> None:  # noqa: F811
    g = gazetteer
    found = [e for e, _ in g.lookup("Shwethaungyan") if g.country(e) == "MM"]
    assert found
    entry = found[0]
    assert g.settlement_class(entry) == CLASS_TOWN
    assert g.admin1_code(entry) == "MM-07"
    assert g.gazetteer_id(entry).startswith(("mimu:MMR", "geonames:"))


@requires_mimu
def test_too_common_village_names_are_not_indexed(gazetteer) -> None:  # noqa: F811
    g = gazetteer
    # hundreds of villages are called "New Village": the name tells none of them
    assert not [e for e, _ in g.lookup("Ywar Thit", loose=False) if g.data.source[e] == SRC_MIMU]


# --- places in text -------------------------------------------------------------------------------------------
def _near(m, lat: float, lon: float, km: float = 10.0) -> bool:
    loc = m.location
    return (
        loc is not None
        and loc.latitude is not None
        and haversine_km(loc.latitude, loc.longitude, lat, lon) <= km
    )


def by_text(mentions, text: str):
    found = [m for m in mentions if m.text == text]
    assert found, (text, [m.text for m in mentions])
    return found[0]


@requires_mimu
@pytest.mark.parametrize(
    ("sentence", "place", "code", "lat", "lon"),
    [
        (
            "On 3 March 2023, the Tatmadaw shelled Ku Lar Pyan village in Myinmu township (Sagaing region), "
            "killing two civilians.",
            "Ku Lar Pyan",
            "MM-01",
            21.8896,
            95.4190,
        ),
        (
            "On 12 July 2022, in Wet Thar Chin village (Kyaukpadaung township, Nyaung-U district, Mandalay "
            "region), PDF fighters ambushed a military column.",
            "Wet Thar Chin",
            "MM-04",
            20.8417,
            95.3530,
        ),
        (
            "On 8 January 2024, in Win Da Lwe village (Kawkareik township, Kawkareik district, Kayin State), "
            "KNLA troops attacked a military outpost.",
            "Win Da Lwe",
            "MM-13",
            16.3524,
            98.0456,
        ),
        (
            "On 19 November 2023, the Arakan Army clashed with the military near Ye Yoe Pyin village, "
            "Ponnagyun township, Sittwe district, Rakhine State.",
            "Ye Yoe Pyin",
            "MM-16",
            20.2059,
            92.9199,
        ),
        (
            "On 2 February 2022, military troops torched houses in Sein Kyar Nyu village (Hkamti township, "
            "Sagaing region).",
            "Sein Kyar Nyu",
            "MM-01",
            25.9479,
            95.4061,
        ),
        (
            "Junta soldiers raided Kha Wea Ban village, Hlaingbwe township, Kayin State, on Sunday, residents "
            "said.",
            "Kha Wea Ban",
            "MM-13",
            16.7751,
            98.0554,
        ),
        (
            "On 4 May 2022, a landmine exploded near Noe Koe San Pya village (Loikaw township, Kayah State), "
            "wounding a farmer.",
            "Noe Koe San Pya",
            "MM-12",
            19.7451,
            97.1625,
        ),
    ],
)
def test_mimu_villages_in_acled_style_notes(places, sentence, place, code, lat, lon) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None, place
    assert m.location.admin1_code == code
    assert _near(m, lat, lon, km=2.0), m.location


@requires_mimu
@pytest.mark.parametrize(
    ("sentence", "place", "code", "lat", "lon"),
    [
        # a township is coded to its town, a town GeoNames lacks
        (
            "On 14 June 2023, PDF fighters ambushed a military column near Shwethaungyan, Pathein township, "
            "Ayeyarwady region.",
            "Shwethaungyan",
            "MM-07",
            None,
            None,
        ),
        (
            "On 9 October 2022, in Ponnagyun township (Sittwe district, Rakhine State), the military arrested "
            "three men.",
            "Ponnagyun",
            "MM-16",
            None,
            None,
        ),
    ],
)
def test_mimu_towns_and_townships(places, gazetteer, sentence, place, code, lat, lon) -> None:  # noqa: F811
    m = by_text(places(sentence), place)
    assert m.location is not None, place
    assert m.location.admin1_code == code
    assert m.location.geo_precision in (1, 2)
    town = [e for e, _ in gazetteer.lookup(place) if gazetteer.country(e) == "MM"]
    assert town
    point = gazetteer.point(town[0])
    assert _near(m, point[0], point[1], km=5.0)


def test_a_township_is_its_own_town_when_geonames_spells_it_otherwise(places) -> None:  # noqa: F811
    """MIMU gives Muse town no point; GeoNames has it as Mu-se: "Muse township" is that town, not Monekoe, the
    first town MIMU lists in the township with a point."""
    found = [
        m
        for m in places("On 2 May 2022, in Muse township (Muse district, Shan-North state), a bomb went off.")
    ]
    muse = next(m for m in found if m.text == "Muse")
    assert muse.location.name == "Mu-se"
    assert muse.location.admin1_code == "MM-17"
