"""``Event.lang``: the language of the report an event was read from, through the record, the store (column,
filter, migration 11), merging across languages, the exports, the CLI and the HTTP API."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from click.testing import CliRunner
from pydantic import ValidationError
from sqlalchemy import create_engine, select

from spotrep.cli import cli
from spotrep.documents import make_document
from spotrep.errors import InputError
from spotrep.exports import read_parquet_events, write_acled_csv, write_geojson, write_parquet
from spotrep.lang.extract import extract_document
from spotrep.model import Event
from spotrep.store import Store, parse_filter
from spotrep.store import schema as s
from spotrep.store.dedup import Report, merge
from spotrep.store.engine import resolve_url

from .store_fakes import make_event

UK_TEXT = "Уночі окупанти атакували Харків ударними дронами, пошкоджено житловий будинок."
RU_TEXT = "Ночью беспилотники атаковали Харьков, поврежден жилой дом."
EN_TEXT = "A Russian drone hit Kharkiv overnight, damaging a block of flats."


# --- the record ---------------------------------------------------------------------------------------------


def test_an_event_is_english_unless_told_otherwise():
    assert make_event().lang == "en"
    assert make_event(lang="uk").to_json_dict()["lang"] == "uk"


def test_a_record_written_before_events_had_a_language_reads_as_english():
    old = make_event().to_json_dict()
    del old["lang"]
    assert Event.model_validate(old).lang == "en"
    assert Event.model_validate_json(json.dumps(old)).lang == "en"


@pytest.mark.parametrize("code", ["ukr", "UK", "u", "", "укр"])
def test_a_language_that_is_not_an_iso_639_1_code_is_refused(code):
    with pytest.raises(ValidationError):
        make_event(lang=code)


@pytest.mark.parametrize(("text", "lang"), [(UK_TEXT, "uk"), (RU_TEXT, "ru")])
def test_the_lexicon_reader_gives_its_events_the_documents_language(text, lang):
    events = extract_document(make_document(text, published="2024-05-15"), lang)
    assert events and {e.lang for e in events} == {lang}


# --- merging across languages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("precise", "vague"),
    [("uk", "en"), ("en", "uk"), ("ru", "uk")],
)
def test_an_event_told_in_several_languages_has_its_canonical_reports_language(precise, vague):
    """The canonical report is the most precise one: the merged event carries its document, its evidence
    first, and its language."""
    exact = make_event(f"doc-{precise}", lang=precise, geo_precision=1)
    near = make_event(f"doc-{vague}", lang=vague, geo_precision=2)
    for order in ((exact, near), (near, exact)):
        reports = [Report(document_id=e.document_id, event=e, ordinal=i) for i, e in enumerate(order)]
        merged = merge(reports, event_id="x").event
        assert (merged.lang, merged.document_id) == (precise, f"doc-{precise}")


# --- the store ----------------------------------------------------------------------------------------------


def _store_of_three(store: Store) -> None:
    for text, lang, place, lat, lon in (
        (UK_TEXT, "uk", "Kharkiv", 49.9935, 36.2304),
        (RU_TEXT, "ru", "Sumy", 50.9077, 34.7981),
        (EN_TEXT, "en", "Odesa", 46.4825, 30.7233),
    ):
        doc = make_document(text, published="2024-05-15")
        store.add(doc, [make_event(doc.id, lang=lang, place=place, lat=lat, lon=lon, admin1_code=None)])


def test_the_store_keeps_each_events_language_and_filters_on_it(store_url):
    with Store.open(store_url) as store:
        _store_of_three(store)
        assert sorted(e.lang for e in store.query()) == ["en", "ru", "uk"]
        assert [e.location.name for e in store.query(parse_filter(languages=["uk"]))] == ["Kharkiv"]
        assert store.count(parse_filter(languages=["UK", "ru"])) == 2
        assert store.count(parse_filter(languages=["de"])) == 0


@pytest.mark.parametrize("code", ["ukrainian", "u", "1a"])
def test_a_language_filter_that_is_not_a_code_is_an_input_error(code):
    with pytest.raises(InputError, match="ISO 639-1"):
        parse_filter(languages=[code])


def test_a_merged_event_in_the_store_has_its_canonical_reports_language(tmp_path):
    with Store.open(tmp_path / "events.db") as store:
        en = make_document(EN_TEXT, published="2024-05-15")
        uk = make_document(UK_TEXT, published="2024-05-15")
        store.add(en, [make_event(en.id, geo_precision=2)])
        store.add(uk, [make_event(uk.id, lang="uk", geo_precision=1)])
        (event,) = store.query()
        assert (event.lang, event.document_id, event.source_count) == ("uk", uk.id, 2)


def _as_version_10(url: str) -> None:
    """The store as spotrep left it before migration 11: no lang column, report records without lang."""
    engine = create_engine(resolve_url(url))
    try:
        with engine.begin() as conn:
            r = s.reports.c
            for pk, record in conn.execute(select(r.pk, r.record)).all():
                data = json.loads(record)
                del data["lang"]
                conn.execute(s.reports.update().where(r.pk == pk).values(record=json.dumps(data)))
            conn.exec_driver_sql("ALTER TABLE events DROP COLUMN lang")
            conn.execute(s.schema_migrations.delete().where(s.schema_migrations.c.version == 11))
    finally:
        engine.dispose()


def test_migration_11_gives_stored_ukrainian_and_russian_events_their_language(store_url):
    with Store.open(store_url) as store:
        _store_of_three(store)
    _as_version_10(store_url)
    with Store.open(store_url) as store:
        assert store.schema_version() == s.SCHEMA_VERSION
        assert {e.location.name: e.lang for e in store.query()} == {
            "Kharkiv": "uk",
            "Sumy": "ru",
            "Odesa": "en",
        }
    engine = create_engine(resolve_url(store_url))
    try:
        with engine.connect() as conn:
            records = [Event.model_validate_json(x) for (x,) in conn.execute(select(s.reports.c.record))]
    finally:
        engine.dispose()
    assert sorted(e.lang for e in records) == ["en", "ru", "uk"]  # what a later merge reads


# --- exports, CLI, API ---------------------------------------------------------------------------------------


def test_geojson_and_parquet_carry_the_language_and_the_acled_csv_does_not(tmp_path):
    events = [make_event("a", lang="uk"), make_event("b", place="Sumy", day=date(2024, 6, 1))]
    out = io.StringIO()
    write_geojson(events, out)
    assert [f["properties"]["lang"] for f in json.loads(out.getvalue())["features"]] == ["uk", "en"]
    path = tmp_path / "events.parquet"
    write_parquet(events, str(path))
    assert [e.lang for e in read_parquet_events(str(path))] == ["uk", "en"]
    csv_out = io.StringIO()
    write_acled_csv(events, csv_out)
    assert "lang" not in csv_out.getvalue().splitlines()[0].split(",")


def test_a_parquet_export_written_before_events_had_a_language_reads_as_english(tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    write_parquet([make_event("a", lang="ru")], str(path))
    table = pq.read_table(path)
    pq.write_table(table.drop_columns(["lang"]), path)
    assert [e.lang for e in read_parquet_events(str(path))] == ["en"]


def test_spotrep_events_filters_on_lang(tmp_path):
    db = tmp_path / "events.db"
    with Store.open(db) as store:
        _store_of_three(store)
    result = CliRunner().invoke(cli, ["events", "--db", str(db), "--lang", "ru", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["lang"] == "ru"
    bad = CliRunner().invoke(cli, ["events", "--db", str(db), "--lang", "russian"])
    assert bad.exit_code == 2 and "ISO 639-1" in bad.stderr


def test_api_events_filters_on_lang_and_gives_each_events_language(tmp_path):
    from fastapi.testclient import TestClient

    from spotrep.web.app import create_app
    from spotrep.web.settings import Settings

    db = str(tmp_path / "events.db")
    with Store.open(db) as store:
        _store_of_three(store)
    with TestClient(create_app(db, settings=Settings(tiles=None)), raise_server_exceptions=False) as client:
        every = client.get("/api/events").json()["events"]
        assert sorted(e["lang"] for e in every) == ["en", "ru", "uk"]
        page = client.get("/api/events", params=[("lang", "uk"), ("lang", "en")]).json()
        assert sorted(e["lang"] for e in page["events"]) == ["en", "uk"] and page["total"] == 2
        geo = client.get("/api/events", params={"lang": "ru", "format": "geojson"}).json()
        assert [f["properties"]["lang"] for f in geo["features"]] == ["ru"]
        assert client.get("/api/events", params={"lang": "russian"}).status_code in (400, 422)
