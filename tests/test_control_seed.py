"""The control ledger of the seed report (../shared/eval/seed, extracted by the real pipeline) and the shared
DeepState exports of May 2024. Skips when ../shared or the language model is absent."""

from __future__ import annotations

from datetime import date

import pytest

from spotrep.control.store import compare_with_layers, control_status, find_place, import_layer
from spotrep.documents import read_jsonl
from spotrep.store import Store

from .conftest import requires_model

pytestmark = [pytest.mark.model, requires_model]

PUBLISHED = date(2024, 5, 15)


@pytest.fixture(scope="module")
def seed_store(shared_dir, tmp_path_factory):
    docs = shared_dir / "eval" / "seed" / "docs.jsonl"
    if not docs.is_file():
        pytest.skip("../shared/eval/seed/docs.jsonl is absent")
    path = tmp_path_factory.mktemp("control") / "seed.db"
    with Store.open(path) as store, docs.open("rb") as fh:
        report = store.ingest(read_jsonl(fh, name="docs.jsonl"))
        assert report.documents_added == 1
        yield store


def test_robotyne_retaken_by_ukraine_in_2023_then_claimed_not_confirmed_by_russia(seed_store):
    place = find_place(seed_store, "Robotyne")
    assert place.admin1_code == "UA-23"
    status = control_status(seed_store, place, PUBLISHED)
    assert (status.status, status.since, status.claim_status) == ("RU", PUBLISHED, "claimed")
    assert [(e.controller, e.background) for e in status.history] == [("UA", True), ("RU", False)]
    background, claim = status.history
    assert background.date.year == 2023 and background.status == "reported"
    assert (claim.source_country, claim.status) == ("RU", "claimed")
    assert "defen" in (claim.source or "").lower()
    assert any("Robotyne" in e.text for e in claim.evidence)
    before = control_status(seed_store, place, date(2024, 1, 1))
    assert (before.status, before.since) == ("UA", background.date)


@pytest.mark.parametrize("name", ["Vovchansk", "Lukyantsi"])
def test_vovchansk_and_lukyantsi_are_contested_from_15_may_2024(seed_store, name):
    place = find_place(seed_store, name, region="UA-63")
    status = control_status(seed_store, place, PUBLISHED)
    assert (status.status, status.since) == ("contested", PUBLISHED)
    assert all(e.source_country == "UA" for e in status.history)
    assert control_status(seed_store, place, date(2024, 5, 14)).status == "unknown"


def test_the_seed_claims_beside_the_deepstate_maps(seed_store, shared_dir):
    files = sorted((shared_dir / "data" / "deepstate").glob("*.geojson"))
    if not files:
        pytest.skip("no DeepState exports in ../shared/data/deepstate")
    for f in files:
        import_layer(seed_store, f)
    verdicts = {
        (c.place.name, c.entry.date): (c.verdict, c.reading.layer_date if c.reading else None)
        for c in compare_with_layers(seed_store)
    }
    # the contested settlements sit on the front of the 13 May map (the latest on or before 15 May)
    assert verdicts[("Vovchansk", PUBLISHED)] == ("agrees", date(2024, 5, 13))
    assert verdicts[("Lukiantsi", PUBLISHED)] == ("agrees", date(2024, 5, 13))
    # Russia's Robotyne claim: the map cannot settle it (grey zone, or a point the gazetteer approximates)
    assert verdicts[("Robotyne", PUBLISHED)][0] == "uncertain"
    # the 2023 background entry predates every imported map
    assert [v for (name, d), v in verdicts.items() if name == "Robotyne" and d.year == 2023] == [
        ("no map", None)
    ]
