"""The control ledger over the store: per-source reports, places, imported layers (migration 3), the CLI."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from spotrep.cli import cli
from spotrep.control.store import (
    compare_with_layers,
    control_report,
    control_status,
    disagreements,
    find_place,
    import_layer,
    list_layers,
    region_statuses,
)
from spotrep.documents import Document
from spotrep.errors import InputError, NotFoundError
from spotrep.store import Store

from .control_fakes import days, ocheretyne_claim, report

DATA = Path(__file__).parent / "data" / "control"
TOY_MAY_6 = DATA / "1715000000.geojson"
TOY_MAY_18 = DATA / "1716000000.geojson"


def add(store: Store, event, *, published: date, source: str) -> None:
    text = " ".join(e.text for e in event.evidence)
    doc = Document(id=event.document_id, text=text, published=published, source=source)
    store.add(doc, [event.model_copy(update={"source": source})])


RU_CLAIM = ocheretyne_claim()
UA_ADMITS_CAPTURE = report(
    "Ukraine's General Staff acknowledged that Russian forces had captured Ocheretyne.",
    category="territory_captured",
    place="Ocheretyne",
    day=days(1),
    actor1="RU",
    source="Ukrainian General Staff",
    source_country="UA",
    document_id="wire-b",
)
VOVCHANSK_FIGHTING = report(
    "Authorities in Vovchansk said there was intense street-to-street fighting in the town.",
    category="armed_clash",
    place="Vovchansk",
    day=days(9),
    source="Vovchansk military administration",
    source_country="UA",
    document_id="wire-c",
)


@pytest.fixture
def store(store_url):
    with Store.open(store_url) as s:
        add(s, RU_CLAIM, published=days(0), source="Wire A")
        add(s, VOVCHANSK_FIGHTING, published=days(9), source="Wire C")
        yield s


def test_the_control_layers_migration_is_recorded(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    con = sqlite3.connect(path)
    names = dict(con.execute("SELECT version, name FROM schema_migrations"))
    assert names[3].startswith("control layers")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"control_layers", "control_areas"} <= tables


def test_a_place_is_found_under_another_spelling(store):
    place = find_place(store, "Ocheretine")
    assert (place.name, place.key) == ("Ocheretyne", "gz:geonames:698759")
    with pytest.raises(NotFoundError):
        find_place(store, "Qwxzzyville")


def test_reports_of_one_event_by_both_sides_confirm_it(store):
    place = find_place(store, "Ocheretyne")
    assert control_status(store, place, days(1)).claim_status == "claimed"
    add(store, UA_ADMITS_CAPTURE, published=days(1), source="Wire B")
    assert len(store.query()) == 2  # the admission joined the stored claim: one event, two reports
    status = control_status(store, place, days(1))
    assert (status.status, status.since, status.claim_status) == ("RU", days(0), "confirmed")
    assert [(e.source_country, e.document_id) for e in status.history] == [("RU", "wire-a"), ("UA", "wire-b")]


def test_the_settlements_of_a_region(store):
    statuses = region_statuses(store, "UA-63", days(9))
    assert [(s.place.name, s.status) for s in statuses] == [("Vovchansk", "contested")]
    assert [s.place.name for s in region_statuses(store, "Donetsk", days(9))] == ["Ocheretyne"]


def test_a_known_settlement_with_no_reports_is_unknown(store):
    place = find_place(store, "Kupiansk")
    status = control_status(store, place, days(9))
    assert (status.status, status.history) == ("unknown", [])


def test_a_layer_is_imported_once_per_date(store):
    first = import_layer(store, TOY_MAY_6)
    assert (first.created, first.layer_date, first.n_areas) == (True, date(2024, 5, 6), 5)
    again = import_layer(store, TOY_MAY_6)
    assert (again.created, again.pk) == (False, first.pk)
    other_date = import_layer(store, TOY_MAY_6, layer_date=date(2024, 5, 7))
    assert other_date.created
    assert [x.layer_date for x in list_layers(store)] == [date(2024, 5, 6), date(2024, 5, 7)]


def test_a_layer_file_that_cannot_be_imported_is_refused(store, tmp_path):
    empty = tmp_path / "1715000000.geojson"
    empty.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    with pytest.raises(InputError, match="no occupied"):
        import_layer(store, empty)
    with pytest.raises(InputError, match="no such file"):
        import_layer(store, tmp_path / "1715000001.geojson")
    assert list_layers(store) == []


def test_each_claim_is_compared_with_the_map_of_its_date(store):
    import_layer(store, TOY_MAY_6)
    import_layer(store, TOY_MAY_18)
    by_place = {c.place.name: c for c in compare_with_layers(store)}
    # the RU claim on Ocheretyne (outside every area of the toy map: held by Ukraine) is contradicted
    assert by_place["Ocheretyne"].verdict == "disagrees"
    assert by_place["Ocheretyne"].reading.layer_date == date(2024, 5, 6)
    # street fighting in Vovchansk on 15 May: the map of 6 May (on or before it) has it in the grey zone
    assert by_place["Vovchansk"].verdict == "agrees"
    assert by_place["Vovchansk"].reading.controller == "unknown"
    assert [c.place.name for c in disagreements(store)] == ["Ocheretyne"]
    assert disagreements(store, as_of=days(-1)) == []


def test_the_report_of_a_place_shows_the_map_of_the_status_date(store):
    import_layer(store, TOY_MAY_6)
    import_layer(store, TOY_MAY_18)
    place = find_place(store, "Vovchansk")
    data = control_report(store, place, date(2024, 5, 20)).to_dict()
    assert data["status"] == "contested"
    assert data["map"]["layer_date"] == "2024-05-18" and data["map"]["controller"] == "RU"
    assert data["history"][0]["map"]["layer_date"] == "2024-05-06"
    assert data["history"][0]["map_verdict"] == "agrees"


# --- the CLI ------------------------------------------------------------------------------------------------


@pytest.fixture
def db(store, monkeypatch):
    monkeypatch.setenv("SPOTREP_DB", store.url)
    return store.url


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_control_place_prints_the_status_and_history_as_json(db):
    result = run("control", "Ocheretyne", "--date", "2024-05-07", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["place"]["name"], data["status"], data["as_of"]) == ("Ocheretyne", "RU", "2024-05-07")
    assert data["claim_status"] == "claimed"
    assert [(h["date"], h["controller"], h["source_country"], h["status"]) for h in data["history"]] == [
        ("2024-05-06", "RU", "RU", "claimed")
    ]


def test_control_place_as_a_table(db):
    result = run("control", "Vovchansk", "--date", "2024-05-15")
    assert result.exit_code == 0, result.output
    assert (
        "Vovchansk (Kharkiv Oblast, UA-63, UA) as of 2024-05-15: contested (reported) since 2024-05-15"
        in (result.stdout)
    )
    assert "street-to-street fighting" in result.stdout


def test_control_region_lists_its_settlements(db):
    result = run("control", "--region", "UA-14", "--date", "2024-05-15", "--format", "json")
    data = json.loads(result.stdout)
    assert [(s["place"]["name"], s["status"]) for s in data["settlements"]] == [("Ocheretyne", "RU")]


def test_control_import_then_disagreements(db):
    result = run("control", "import", str(TOY_MAY_6))
    assert result.exit_code == 0 and "imported 1715000000.geojson" in result.stderr
    assert "already imported" in run("control", "import", str(TOY_MAY_6)).stderr
    assert "2024-05-06  deepstate" in run("control", "layers").stdout
    result = run("control", "disagreements")
    assert result.exit_code == 0
    assert "Ocheretyne" in result.stdout and "disagrees" in result.stdout and "Vovchansk" not in result.stdout
    every = json.loads(run("control", "disagreements", "--all", "--format", "json").stdout)
    assert sorted(c["verdict"] for c in every) == ["agrees", "disagrees"]


def test_control_without_a_place_or_region_is_a_usage_error(db):
    result = run("control")
    assert result.exit_code == 2 and "give a PLACE or --region" in result.stderr
    assert run("control", "disagreements").exit_code == 2  # no map imported yet
    assert run("control", "Qwxzzyville").exit_code == 4
    assert run("control", "import", str(DATA / "nothing.geojson"), "--date", "2024-05-01").exit_code == 2
