"""Front-line and rear settlements of Ukraine and Russia, in several spellings, each to its ISO region."""

from __future__ import annotations

from datetime import date

import pytest

from spotrep.places import resolve_name

from .places_fixtures import gazetteer, gazetteer_dir, nlp, places  # noqa: F401
from .settlement_table import AMBIGUOUS_IN_CONTEXT, SETTLEMENTS


def test_the_table_covers_the_war_geography() -> None:
    assert len(SETTLEMENTS) >= 200
    regions = {code for _, code in SETTLEMENTS}
    for code in (
        "UA-14",
        "UA-09",
        "UA-63",
        "UA-23",
        "UA-65",
        "UA-43",
        "UA-40",
        "UA-59",
        "RU-BEL",
        "RU-KRS",
        "RU-BRY",
        "RU-ROS",
        "RU-KDA",
        "RU-TA",
        "RU-MOW",
    ):
        assert code in regions


@pytest.mark.parametrize(("name", "code"), SETTLEMENTS, ids=[f"{n}-{c}" for n, c in SETTLEMENTS])
def test_settlement_resolves_to_its_region(gazetteer, name: str, code: str) -> None:  # noqa: F811
    loc = resolve_name(name)
    assert loc is not None, name
    assert loc.admin1_code == code, (name, loc)
    assert loc.country == code[:2]
    assert loc.latitude is not None and loc.longitude is not None
    assert loc.geo_precision in (1, 2)


@pytest.mark.parametrize(
    ("sentence", "name", "code"), AMBIGUOUS_IN_CONTEXT, ids=[a[1] + "-" + a[2] for a in AMBIGUOUS_IN_CONTEXT]
)
def test_repeated_village_names_resolve_with_their_context(
    places,  # noqa: F811
    sentence: str,
    name: str,
    code: str,
) -> None:
    mentions = [m for m in places(sentence) if m.text.endswith(name)]
    assert mentions, sentence
    assert mentions[0].location is not None
    assert mentions[0].location.admin1_code == code


@pytest.mark.xfail(
    strict=True, reason="GeoNames lists 'Bilhorod-Dnistrovskyi' among Belgorod's alternate names"
)
def test_bilhorod_dnistrovskyi_without_context(gazetteer) -> None:  # noqa: F811
    loc = resolve_name("Bilhorod-Dnistrovskyi")
    assert loc is not None and loc.admin1_code == "UA-51"


@pytest.mark.parametrize(
    ("sentence", "published", "name"),
    [
        # Melitopol was Novooleksandrivka until 1842: the villages of that name are what a report means today
        (
            "Monitors recorded 12 bursts of fire near Novooleksandrivka on Monday.",
            "2022-02-14",
            "Novooleksandrivka",
        ),
        ("Two houses burned in Novooleksandrivka after the shelling.", "2022-01-20", "Novooleksandrivka"),
    ],
)
def test_a_city_s_former_name_is_the_settlement_that_bears_it_today(
    places,  # noqa: F811
    sentence: str,
    published: str,
    name: str,
) -> None:
    (m,) = [m for m in places(sentence, on=date.fromisoformat(published)) if m.text == name]
    assert m.location is not None and m.location.name == name, m.location


def test_resolve_name_constraints(gazetteer) -> None:  # noqa: F811
    assert resolve_name("Volchansk").admin1_code == "UA-63"
    assert resolve_name("Volchansk", country="RU").admin1_code == "RU-SVE"
    assert resolve_name("Kazan", country="TR").country == "TR"
    assert resolve_name("Kharkiv region").admin1_code == "UA-63"
    assert resolve_name("Kharkiv region").geo_precision == 3
    assert resolve_name("Kharkiv", kind="region") is None
    assert resolve_name("Tatarstan").admin1_code == "RU-TA"
    assert resolve_name("Nowhere-on-Nothing") is None
    assert resolve_name("   ") is None
