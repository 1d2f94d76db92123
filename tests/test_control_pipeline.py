"""The control ledger from reports written for these tests, extracted by the real pipeline (needs the
model)."""

from __future__ import annotations

from datetime import date

import pytest

from spotrep.control.ledger import build_ledgers
from spotrep.documents import Document

from .conftest import requires_model

pytestmark = [pytest.mark.model, requires_model]

REPORTS = [
    (
        "a1",
        "2024-05-06",
        "Russia's defence ministry said on Monday that its forces had captured the village of Ocheretyne in "
        "Donetsk region.",
    ),
    (
        "a2",
        "2024-05-09",
        "Ukraine's military said on Thursday its troops had withdrawn from Ocheretyne in Donetsk region to "
        "save lives.",
    ),
    (
        "a3",
        "2024-06-02",
        "Ukrainian forces recaptured the village of Ocheretyne in Donetsk region on Sunday, the Ukrainian "
        "army said.",
    ),
    (
        "b1",
        "2024-05-07",
        "Russian forces have taken control of the village of Staromaiorske in Donetsk region, the Russian "
        "defence ministry claimed on Tuesday.",
    ),
    (
        "b2",
        "2024-05-08",
        "Ukraine's General Staff denied that Russian troops had captured Staromaiorske, saying its forces "
        "still held the village.",
    ),
]


@pytest.fixture(scope="module")
def ledgers(nlp):
    from spotrep.pipeline import extract_documents

    docs = [Document(id=i, text=t, published=p, source="Test Wire") for i, p, t in REPORTS]
    events = [e for _doc, evs in extract_documents(docs) for e in evs]
    published = {d.id: d.published for d in docs}
    return {x.place.name: x for x in build_ledgers(events, published=published).values()}


def test_a_claim_then_the_other_sides_admission_then_a_recapture(ledgers):
    ledger = ledgers["Ocheretyne"]
    claimed = ledger.status_at(date(2024, 5, 7))
    assert (claimed.status, claimed.claim_status) == ("RU", "claimed")
    confirmed = ledger.status_at(date(2024, 5, 9))
    assert (confirmed.status, confirmed.since, confirmed.claim_status) == (
        "RU",
        date(2024, 5, 6),
        "confirmed",
    )
    flipped = ledger.status_at(date(2024, 6, 2))
    assert (flipped.status, flipped.since) == ("UA", date(2024, 6, 2))


def test_a_denial_keeps_the_claim_disputed(ledgers):
    status = ledgers["Staromaiorske"].status_at(date(2024, 5, 10))
    assert (status.status, status.claim_status) == ("RU", "disputed")
