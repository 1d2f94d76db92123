"""Administrative units in the gazetteer: regions, raions and hromadas at their administrative centre, the
rank of centre settlements, and the adjective stems that name the units."""

from __future__ import annotations

import pytest

from spotrep.gazetteer.data import (
    APPROX_ADMIN_CENTRE,
    KIND_REGION,
    RANK_HROMADA,
    RANK_RAION,
    RANK_REGION,
    SRC_HROMADA,
    SRC_RAION,
)
from spotrep.gazetteer.translit import admin_stem

from .places_fixtures import gazetteer, gazetteer_dir  # noqa: F401


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("Lozivskyi", "lozivs"),
        ("Lozivska", "lozivs"),
        ("Lozivsky", "lozivs"),
        ("Pokrovsk", "pokrovs"),
        ("Pokrovskyi", "pokrovs"),
        ("Mezhyritska", "mezhyrits"),
        ("Velykopysarivskaya", "velykopysarivs"),
        ("Bakhmut", "bakhmut"),
    ],
)
def test_admin_stem_joins_the_adjective_and_the_town(text: str, stem: str) -> None:
    assert admin_stem(text) == stem


def test_every_iso_region_of_ukraine_and_russia_sits_at_its_centre(gazetteer) -> None:  # noqa: F811
    data = gazetteer.data
    for code, entry in data.region_entry.items():
        if code[:2] not in ("UA", "RU"):
            continue  # the world's regions: at their namesake settlement or their settlements' median
        centre = gazetteer.centre_of(entry)
        assert centre is not None, code
        assert gazetteer.point(entry) == gazetteer.point(centre), code
        assert data.approx[entry] == APPROX_ADMIN_CENTRE
        assert gazetteer.precision(entry) == 3
        assert data.rank[centre] == RANK_REGION
        if code not in ("UA-32", "UA-40"):  # Kyiv Oblast is governed from the capital, Sevastopol is its own
            assert gazetteer.admin1_code(centre) == code, code


@pytest.mark.parametrize(
    ("code", "centre"),
    [("UA-32", "Kyiv"), ("UA-43", "Simferopol"), ("UA-35", "Kropyvnytskyi"), ("RU-LEN", "Gatchina")],
)
def test_region_centres(gazetteer, code: str, centre: str) -> None:  # noqa: F811
    entry = gazetteer.data.region_entry[code]
    assert gazetteer.name(gazetteer.centre_of(entry)) == centre


def test_raions_and_hromadas_sit_at_their_centre(gazetteer) -> None:  # noqa: F811
    data = gazetteer.data
    raions = [e for e in range(len(data.names)) if data.source[e] == SRC_RAION]
    hromadas = [e for e in range(len(data.names)) if data.source[e] == SRC_HROMADA]
    assert len(raions) == 136
    assert len(hromadas) > 1400
    for e in raions + hromadas:
        assert data.kind[e] == KIND_REGION and gazetteer.precision(e) == 2
    with_centre = [e for e in raions + hromadas if gazetteer.centre_of(e) is not None]
    assert len(with_centre) > 0.98 * len(raions + hromadas)
    for e in with_centre:
        centre = gazetteer.centre_of(e)
        assert gazetteer.admin1_code(centre) == gazetteer.admin1_code(e)
        if data.approx[e] == APPROX_ADMIN_CENTRE:
            assert gazetteer.point(e) == gazetteer.point(centre)
        rank = RANK_RAION if data.source[e] == SRC_RAION else RANK_HROMADA
        assert data.rank[centre] >= rank


@pytest.mark.parametrize(
    ("base", "unit", "centre"),
    [
        ("Lozivskyi", "Lozivskyi raion", "Lozova"),
        ("Mezhyritska", "Mezhyritska hromada", "Mezhyrich"),
        ("Mezhyrich", "Mezhyritska hromada", "Mezhyrich"),
        ("Velykonovosilkivskyi", "Velykonovosilkivska hromada", "Velyka Novosilka"),
        ("Kalmiuskyi", "Kalmiuskyi raion", "Kalmiuske"),
    ],
)
def test_units_by_adjective_or_centre_name(gazetteer, base: str, unit: str, centre: str) -> None:  # noqa: F811
    found = {gazetteer.name(e): gazetteer.name(gazetteer.centre_of(e)) for e in gazetteer.admin_units(base)}
    assert found.get(unit) == centre, found
