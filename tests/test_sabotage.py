"""Property destroyed with explosives is a remote explosive attack on it (ACLED: Remote explosive/landmine/IED);
weapons and caches destroyed with explosives by the forces that found them are a disposal. Every sentence here was
written for these tests, in the style of monitoring notes and press releases."""

from __future__ import annotations

from datetime import date

import pytest

import spotrep

IED = "Remote explosive/landmine/IED"


def subs(text: str) -> list[str]:
    return [e.sub_event_type for e in spotrep.extract(text, published=date(2021, 10, 2))]


@pytest.mark.parametrize(
    "sentence",
    [
        "On 1 October 2021, a mobile phone mast was destroyed by unknown men using explosives near Monywa.",
        "Saboteurs destroyed a railway bridge with explosives near Mandalay on Friday.",
    ],
)
def test_property_destroyed_with_explosives_is_an_explosive_attack(sentence) -> None:
    assert IED in subs(sentence)


def test_a_cache_destroyed_with_explosives_is_a_disposal() -> None:
    found = subs(
        "On 1 October 2021, soldiers found a weapons cache and destroyed it with explosives near Kandahar."
    )
    assert found and IED not in found
