"""Landmarks reports name instead of a settlement (islands, bridges, dams, power plants, air bases, airports,
camps, hospitals, crossings): read as phrases in any case, placed at their own coordinates.

The sentences are written for these tests in the styles of the genre (wire copy, bulletins, ACLED-style notes).
"""

from __future__ import annotations

import math

import pytest

from spotrep.gazetteer.data import KIND_SETTLEMENT, SRC_LANDMARK
from spotrep.gazetteer.landmarks import LandmarkDataError, load_landmarks, parse_landmarks

from .places_fixtures import gazetteer, gazetteer_dir, nlp, places  # noqa: F401

GOOD = "\t".join(
    (
        "zmiinyi_island",
        "Zmiinyi Island",
        "Snake Island|острів Зміїний",
        "UA",
        "UA-51",
        "Izmailskyi raion",
        "45.2556",
        "30.2039",
        "island",
    )
)


def test_a_landmark_line_gives_its_names_region_and_point() -> None:
    (lm,) = parse_landmarks("# a comment\n\n" + GOOD + "\n")
    assert lm.names == ("Zmiinyi Island", "Snake Island", "острів Зміїний")
    assert (lm.country, lm.admin1, lm.admin2) == ("UA", "UA-51", "Izmailskyi raion")
    assert (lm.lat, lm.lon) == (45.2556, 30.2039)


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("only\ttwo", "9 tab-separated columns"),
        (GOOD.replace("45.2556", "north"), "must be numbers"),
        (GOOD.replace("45.2556", "145.2556"), "out of range"),
        (GOOD.replace("UA-51", "RU-KRS"), "no ISO 3166-2 region of 'UA'"),
        (GOOD + "\n" + GOOD, "a new id"),
    ],
)
def test_a_malformed_landmark_line_is_reported_with_its_number(line: str, says: str) -> None:
    with pytest.raises(LandmarkDataError) as err:
        parse_landmarks("# header\n" + line)
    assert says in str(err.value)
    assert err.value.fields["line"] >= 2


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat = math.radians((a[0] + b[0]) / 2)
    return 111.2 * math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(lat))


def test_every_shipped_landmark_lies_near_a_settlement_of_its_own_region(gazetteer) -> None:  # noqa: F811
    """A check of the hand-written coordinates: within 60 km of a settlement of the landmark's region (or of
    its country, where the gazetteer does not know the region of the settlements)."""
    data = gazetteer.data
    near: dict[str, list[tuple[float, float]]] = {}
    for i in range(len(data.names)):
        if data.kind[i] == KIND_SETTLEMENT and data.source[i] != SRC_LANDMARK and not math.isnan(data.lat[i]):
            point = (data.lat[i], data.lon[i])
            near.setdefault(data.codes[data.admin1[i]] or "", []).append(point)
            near.setdefault(data.codes[data.country[i]] or "", []).append(point)
    for lm in load_landmarks():
        points = near.get(lm.admin1) or near[lm.country]
        assert min(_km((lm.lat, lm.lon), p) for p in points) < 60, lm.id


@pytest.mark.parametrize(
    ("sentence", "landmark", "code"),
    [
        ("Russian forces struck Snake Island with missiles on Monday.", "Zmiinyi Island", "UA-51"),
        (
            "Shelling near the Zaporizhzhia nuclear power plant continued overnight, the IAEA said.",
            "Zaporizhzhia Nuclear Power Plant",
            "UA-23",
        ),
        (
            "Drones hit a training centre near the ZNPP on Sunday.",
            "Zaporizhzhia Nuclear Power Plant",
            "UA-23",
        ),
        (
            "Ukrainian sea drones attacked the Crimean Bridge early on Monday, Moscow said.",
            "Crimean Bridge",
            "UA-43",
        ),
        ("Traffic on the Kerch bridge was halted after the blast.", "Crimean Bridge", "UA-43"),
        ("Russian troops shelled the Antonivskyi bridge in Kherson region.", "Antonivskyi Bridge", "UA-65"),
        ("The last defenders of Azovstal surrendered on Friday.", "Azovstal", "UA-14"),
        ("Ukrainian drones attacked the Engels-2 air base in Saratov region.", "Engels Air Base", "RU-SAR"),
        (
            "Paratroopers landed at the Hostomel airport on the first day of the invasion.",
            "Hostomel Airport",
            "UA-32",
        ),
        ("Israeli troops raided al-Shifa hospital in Gaza City on Wednesday.", "Al-Shifa Hospital", "PS-GZA"),
        ("RSF fighters shelled the Zamzam camp for displaced people.", "Zamzam Camp", "SD-DN"),
        (
            "A suicide bomber struck near Kabul airport on Thursday.",
            "Hamid Karzai International Airport",
            "AF-KAB",
        ),
    ],
)
def test_a_landmark_is_placed_at_its_own_point(places, sentence, landmark, code) -> None:  # noqa: F811
    found = [m for m in places(sentence) if m.location is not None and m.location.name == landmark]
    assert found, [(m.text, m.location and m.location.name) for m in places(sentence)]
    assert found[0].location.admin1_code == code
    assert found[0].location.gazetteer_id.startswith("landmark:")


def test_a_landmark_s_city_alone_stays_the_city(places) -> None:  # noqa: F811
    (m,) = [m for m in places("Russian missiles hit Zaporizhzhia on Tuesday.") if m.text == "Zaporizhzhia"]
    assert m.location.gazetteer_id.startswith("geonames:")


def test_the_word_bridge_alone_is_no_landmark(places) -> None:  # noqa: F811
    assert not [m for m in places("Sappers blew up the bridge over the river.") if m.location is not None]
