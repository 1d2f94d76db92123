"""The event store: schema and migrations, idempotent writes, cross-document merging, queries, stats."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spotrep.documents import BatchError, make_document
from spotrep.errors import (
    BinaryInputError,
    ConfigError,
    InputError,
    MalformedRecordError,
    NotFoundError,
    StoreError,
)
from spotrep.model import Actor, Claim, Event, Evidence, Location, Quantity
from spotrep.store import EventFilter, Near, Store
from spotrep.store.schema import MIGRATIONS, SCHEMA_VERSION
from spotrep.store.writer import Writer
from spotrep.taxonomy import CATEGORIES, SUB_EVENT_TYPES

from .store_fakes import keyword_extract, make_event, snapshot


@pytest.fixture
def store(new_store_url):
    with Store.open(new_store_url()) as s:
        s.new_url = new_store_url  # another fresh store of the same kind, for comparisons
        yield s


def doc(text: str, **kw):
    return make_document(text, **kw)


# --- opening, schema, migrations ----------------------------------------------------------------------------


def _database(where: str):
    from sqlalchemy import create_engine

    from spotrep.store.engine import resolve_url

    return create_engine(resolve_url(where))


def test_open_creates_the_schema_and_records_each_migration(store_url):
    from sqlalchemy import inspect

    with Store.open(store_url) as s:
        assert s.schema_version() == SCHEMA_VERSION
        sqlite = s.dialect == "sqlite"
        if sqlite:
            assert s.path == str(Path(store_url).resolve())
    engine = _database(store_url)
    try:
        with engine.connect() as con:
            versions = [r[0] for r in con.exec_driver_sql("SELECT version FROM schema_migrations ORDER BY 1")]
            assert versions == [m[0] for m in MIGRATIONS]
            tables = set(inspect(con).get_table_names())
            expected = {"documents", "events", "reports", "evidence", "places", "event_categories"}
            assert expected | ({"events_rtree"} if sqlite else set()) <= tables
            if sqlite:
                assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        engine.dispose()


def test_reopening_applies_no_migration_twice(store_url):
    Store.open(store_url).close()
    Store.open(store_url).close()
    engine = _database(store_url)
    try:
        with engine.connect() as con:
            assert con.exec_driver_sql("SELECT count(*) FROM schema_migrations").scalar() == len(MIGRATIONS)
    finally:
        engine.dispose()


def test_a_database_from_a_newer_spotrep_is_refused(store_url):
    Store.open(store_url).close()
    engine = _database(store_url)
    try:
        with engine.begin() as con:
            con.exec_driver_sql("INSERT INTO schema_migrations VALUES (999, 'from the future', '2030-01-01')")
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match="newer"):
        Store.open(store_url)


def test_a_file_that_is_not_a_database_gives_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="not a usable spotrep database"):
        Store.open(path)


def test_the_database_comes_from_the_argument_then_the_environment_then_the_user_data_path(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("SPOTREP_DB", str(tmp_path / "env.db"))
    with Store.open() as s:
        assert s.path == str((tmp_path / "env.db").resolve())
    with Store.open(tmp_path / "arg.db") as s:
        assert s.path == str((tmp_path / "arg.db").resolve())
    monkeypatch.delenv("SPOTREP_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    with Store.open() as s:
        assert s.path == str((tmp_path / "xdg" / "spotrep" / "spotrep.db").resolve())


def test_a_directory_is_not_a_database(tmp_path):
    with pytest.raises(ConfigError, match="directory"):
        Store.open(tmp_path)


def test_an_in_memory_store_works():
    with Store.open(":memory:") as s:
        s.add(doc("A drone hit Kharkiv."), [make_event()])
        assert s.count() == 1


# --- adding documents: idempotence --------------------------------------------------------------------------


def test_an_added_event_comes_back_with_its_document_and_evidence(store):
    d = doc("A drone hit Kharkiv.", published="2024-05-15", source="Kyiv Daily Monitor")
    result = store.add(d, [make_event(d.id)])
    assert (result.added, result.events_new, result.events_merged) == (True, 1, 0)
    (event,) = store.query()
    assert event.document_id == d.id
    assert event.evidence[0].document_id == d.id
    assert event.source == "Kyiv Daily Monitor"  # filled from the document when the event has none
    assert event.source_count == 1


def test_the_same_content_again_adds_nothing_even_under_another_id(store):
    text = "A drone hit Kharkiv on Wednesday, the governor said."
    first = doc(text)
    store.add(first, [make_event(first.id)])
    again = doc(text + "\n", id="another-id")  # same content (whitespace aside), another id
    result = store.add(again, [make_event(again.id)])
    assert not result.added and result.duplicate_of == first.id
    assert store.count() == 1
    assert [d.id for d in store.documents()] == [first.id]


def test_another_document_under_a_stored_id_is_refused(store):
    store.add(doc("First text about Kharkiv.", id="doc-1"), [])
    with pytest.raises(InputError, match="already stored"):
        store.add(doc("Entirely different text about Odesa.", id="doc-1"), [])


def test_events_of_one_document_are_never_merged_with_each_other(store):
    d = doc("Two drone strikes hit Kharkiv.")
    store.add(
        d, [make_event(d.id), make_event(d.id, evidence=[{"text": "Another drone.", "start": 5, "end": 19}])]
    )
    assert store.count() == 2


def test_an_event_id_already_stored_is_replaced_by_a_fresh_one(store):
    a, b = doc("Report A on Kharkiv."), doc("Report B on Odesa.")
    store.add(a, [make_event(a.id, event_id="fixed-id")])
    store.add(
        b, [make_event(b.id, event_id="fixed-id", place="Odesa", lat=46.48, lon=30.72, admin1_code="UA-51")]
    )
    ids = [e.event_id for e in store.query()]
    assert len(set(ids)) == 2 and "fixed-id" in ids


# --- merging across documents -------------------------------------------------------------------------------


def test_two_outlets_reporting_one_strike_become_one_event_with_both_sources_and_all_figures(store):
    kyiv = doc(
        "A Russian drone hit Kharkiv, killing 12, the governor said.",
        source="Kyiv Daily Monitor",
        published="2024-05-15",
    )
    moscow = doc(
        "Russia's defence ministry claimed a strike on a depot in Kharkiv; 7 soldiers killed.",
        source="Eastern Front Wire",
        published="2024-05-16",
    )  # as precise as the first and published later: ranked after it (whichever arrives first)
    store.add(kyiv, [make_event(kyiv.id, fatalities=12, event_id="kyiv-ev")])
    result = store.add(
        moscow,
        [
            make_event(
                moscow.id,
                event_id="moscow-ev",
                fatalities=7,
                claim=Claim(source="Russian defence ministry", source_country="RU", status="claimed"),
                evidence=[Evidence(text="claimed a strike on a depot in Kharkiv", start=30, end=68)],
                weapons=["Geran-2"],
            )
        ],
    )
    assert (result.events_new, result.events_merged) == (0, 1)
    (event,) = store.query()
    assert event.source_count == 2
    assert event.fatalities == 7  # best: the most conservative figure
    assert {e.document_id for e in event.evidence} == {kyiv.id, moscow.id}
    assert event.weapons == ["Geran-2"]
    assert event.claim.status == "confirmed"  # both sides say it happened
    detail = store.get("moscow-ev")  # found by the id the second document's extraction gave it
    assert detail.event.event_id == "kyiv-ev"
    assert (detail.fatalities_low, detail.fatalities_best, detail.fatalities_high) == (7, 7, 12)
    assert {(c.source_country, c.status) for c in detail.claims} == {("UA", "reported"), ("RU", "claimed")}
    assert [s.source for s in detail.sources] == ["Kyiv Daily Monitor", "Eastern Front Wire"]
    assert [s.fatalities for s in detail.sources] == [12, 7]


@pytest.mark.parametrize(
    ("second", "merged"),
    [
        ({}, True),
        ({"lat": 50.03, "lon": 36.30}, True),  # ~6.4 km away
        ({"lat": 50.10, "lon": 36.40}, False),  # ~17 km away
        ({"day": date(2024, 5, 16)}, True),  # a day later: the tolerance for single days
        ({"day": date(2024, 5, 17)}, False),
        ({"date_start": date(2024, 5, 10), "date_end": date(2024, 5, 20), "event_date": None}, True),
        ({"sub_event_type": "Shelling/artillery/missile attack", "categories": ["drone_strike"]}, True),
        ({"sub_event_type": "Shelling/artillery/missile attack", "categories": ["shelling"]}, False),
        ({"event_type": "Battles", "sub_event_type": "Armed clash", "categories": ["armed_clash"]}, False),
        ({"actor1_country": "UA"}, False),
        ({"actor1_country": "none"}, True),  # one side unknown
        (
            {"gazetteer_id": "gn:1", "lat": None, "lon": None},
            False,
        ),  # no coordinates, no shared gazetteer entry
    ],
)
def test_which_reports_of_another_document_join_an_event(store, second, merged):
    a, b = doc("first report"), doc("second report")
    store.add(a, [make_event(a.id)])
    store.add(b, [make_event(b.id, **second)])
    assert store.count() == (1 if merged else 2)


def test_the_same_gazetteer_entry_merges_without_coordinates(store):
    a, b = doc("first report"), doc("second report")
    store.add(a, [make_event(a.id, gazetteer_id="gn:706483", lat=None, lon=None)])
    store.add(b, [make_event(b.id, gazetteer_id="gn:706483", lat=None, lon=None, place="Kharkov")])
    assert store.count() == 1


def test_region_level_tallies_merge_only_with_tallies_of_the_same_region(store):
    def tally(d, **kw):
        return make_event(
            d.id,
            geo_precision=3,
            place="Kharkiv Oblast",
            lat=49.9,
            lon=36.6,
            categories=["casualty_report", "drone_strike"],
            **kw,
        )

    a, b, c, d = (doc(f"report {i}") for i in range(4))
    store.add(a, [tally(a)])
    store.add(b, [tally(b)])  # same region, same day: merged
    store.add(c, [tally(c, admin1="Sumy Oblast", admin1_code="UA-59")])  # another region
    store.add(d, [make_event(d.id, lat=49.9, lon=36.6)])  # a point in that region: not merged with the tally
    assert store.count() == 3
    assert sorted(e.source_count for e in store.query()) == [1, 1, 2]


def test_undated_events_are_never_merged(store):
    a, b = doc("first report"), doc("second report")
    for d in (a, b):
        store.add(d, [make_event(d.id, day=None, time_precision=None)])
    assert store.count() == 2


def test_a_more_precise_report_becomes_the_base_of_the_merged_event(store):
    a, b = doc("first report"), doc("second report")
    store.add(a, [make_event(a.id, geo_precision=2, place="near Kharkiv", notes="vague")])
    store.add(b, [make_event(b.id, notes="precise", lat=49.99, lon=36.23)])
    (event,) = store.query()
    assert event.notes == "precise" and event.geo_precision == 1 and event.location.name == "Kharkiv"
    assert [e.document_id for e in event.evidence] == [b.id, a.id]  # the base report's evidence first
    assert store.count(EventFilter(text="vague")) == 0


def test_a_third_report_joins_and_keeps_every_figure(store):
    for i, killed in enumerate((4, None, 9)):
        d = doc(f"report {i}")
        store.add(d, [make_event(d.id, fatalities=killed)])
    (row,) = store.query_rows()
    assert row.event.source_count == 3
    assert (row.fatalities_low, row.event.fatalities, row.fatalities_high) == (4, 4, 9)


# --- ingest -------------------------------------------------------------------------------------------------


def kharkiv_pair():
    return [
        doc(
            "A Russian glide bomb struck a hardware store in Kharkiv, killing 12 people, the regional"
            " governor said.",
            published="2024-05-25",
            source="Kyiv Daily Monitor",
        ),
        doc(
            "Russia's defence ministry said its aircraft hit an army depot in Kharkiv with a guided bomb, and"
            " claimed that seven soldiers were killed.",
            published="2024-05-25",
            source="Eastern Front Wire",
        ),
    ]


def test_ingest_extracts_merges_and_reports_what_it_did(store):
    report = store.ingest(kharkiv_pair(), extractor=keyword_extract)
    assert (report.documents_read, report.documents_added, report.events_new, report.events_merged) == (
        2,
        2,
        1,
        1,
    )
    (event,) = store.query()
    assert event.source_count == 2
    detail = store.get(event.event_id)
    assert (detail.fatalities_low, detail.fatalities_best, detail.fatalities_high) == (7, 7, 12)
    assert {c.source_country for c in detail.claims} == {"UA", "RU"}


def test_ingesting_again_adds_nothing_and_skips_extraction(store):
    store.ingest(kharkiv_pair(), extractor=keyword_extract)
    before = snapshot(store)
    calls = []

    def counting(docs):
        docs = list(docs)
        calls.extend(docs)
        return keyword_extract(docs)

    report = store.ingest(kharkiv_pair(), extractor=counting)
    assert report.duplicates == 2 and report.documents_added == 0 and calls == []
    assert snapshot(store) == before


def test_unreadable_inputs_and_failing_documents_are_reported_and_the_rest_is_stored(store):
    good = kharkiv_pair()
    bad = doc("EXPLODE: this document makes the extractor fail. Kharkiv drone.", source="x")
    items = [
        good[0],
        BatchError(3, MalformedRecordError("batch.jsonl:3: invalid JSON", line=3)),
        bad,
        doc("   "),
        doc(
            "Dies ist ein deutscher Text über die Ereignisse an der Front, den spotrep nicht liest, weil er nicht in"
            " einer der Sprachen geschrieben ist, die es liest."
        ),
        good[1],
    ]
    errors = []
    report = store.ingest(items, extractor=keyword_extract, batch_size=10, on_error=errors.append)
    assert report.documents_added == 2 and report.empty == 1 and report.failed == 3
    assert any("batch.jsonl:3" in e for e in errors)
    assert any(bad.id in e and "extraction failed" in e for e in errors)
    assert any("looks like German" in e for e in errors)
    assert store.count() == 1


def test_a_batch_that_fails_while_writing_leaves_nothing_of_itself(store, monkeypatch):
    docs = [
        doc(f"A Russian drone hit Odesa, report {i}.", published="2024-06-01", source=f"outlet {i}")
        for i in range(5)
    ]
    original = Writer.write_event

    def flaky(self, seed, members, *args, **kwargs):
        if any(n.r.event.location.name == "Sumy" for n in members):  # after the batch's first document
            raise RuntimeError("disk on fire")
        return original(self, seed, members, *args, **kwargs)

    store.ingest(docs[:2], extractor=keyword_extract, batch_size=2)
    monkeypatch.setattr(Writer, "write_event", flaky)
    other = [docs[2], doc("A Russian missile hit Sumy, report 9.", published="2024-06-01"), *docs[3:]]
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.ingest(other, extractor=keyword_extract, batch_size=4)
    assert [d.id for d in store.documents()] == [d.id for d in docs[:2]]  # the failed batch left nothing
    monkeypatch.setattr(Writer, "write_event", original)
    store.ingest(other, extractor=keyword_extract, batch_size=4)
    with Store.open(store.new_url()) as clean:
        clean.ingest(docs[:2], extractor=keyword_extract, batch_size=2)
        clean.ingest(other, extractor=keyword_extract, batch_size=4)
        assert snapshot(clean) == snapshot(store)


# --- queries ------------------------------------------------------------------------------------------------


@pytest.fixture
def varied(store):
    """Eight events from eight documents (no two of them merge)."""
    specs = {
        "kharkiv-drone": dict(day=date(2024, 5, 15)),
        "kharkiv-shelling": dict(
            day=date(2024, 5, 16),
            sub_event_type="Shelling/artillery/missile attack",
            categories=["shelling"],
            fatalities=3,
        ),
        "vovchansk-clash": dict(
            day=date(2024, 5, 14),
            place="Vovchansk",
            lat=50.2908,
            lon=36.9411,
            event_type="Battles",
            sub_event_type="Armed clash",
            categories=["armed_clash"],
            notes="Street fighting in Vovchansk.",
        ),
        "odesa-drone": dict(
            day=date(2024, 6, 10),
            place="Odesa",
            lat=46.4825,
            lon=30.7233,
            admin1="Odesa Oblast",
            admin1_code="UA-51",
        ),
        "odesa-interception": dict(
            day=date(2024, 6, 10),
            place="Odesa",
            lat=46.4825,
            lon=30.7233,
            admin1="Odesa Oblast",
            admin1_code="UA-51",
            event_type="Strategic developments",
            sub_event_type="Disrupted weapons use",
            categories=["interception"],
            actor1_country="UA",
        ),
        "belgorod-interception": dict(
            day=date(2024, 6, 13),
            place="Belgorod",
            lat=50.5977,
            lon=36.5858,
            country="RU",
            admin1="Belgorod Oblast",
            admin1_code="RU-BEL",
            event_type="Strategic developments",
            sub_event_type="Disrupted weapons use",
            categories=["interception"],
        ),
        "sumy-shelling": dict(
            day=date(2024, 6, 11),
            place="Sumy",
            lat=50.9077,
            lon=34.7981,
            admin1="Sumy Oblast",
            admin1_code=None,
            sub_event_type="Shelling/artillery/missile attack",
            categories=["shelling"],
        ),
        "undated-kharkiv": dict(day=None, time_precision=None, lat=50.0, lon=36.25),
    }
    sources = {"odesa-drone": "Black Sea Herald", "sumy-shelling": "Northern Dispatch"}
    for name, spec in specs.items():
        d = doc(f"Document about {name}.", source=sources.get(name, "Kyiv Daily Monitor"))
        store.add(d, [make_event(d.id, event_id=name, **spec)])
    return store


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(), "all"),
        (
            EventFilter(since=date(2024, 6, 1)),
            {"odesa-drone", "odesa-interception", "belgorod-interception", "sumy-shelling"},
        ),
        (EventFilter(until=date(2024, 5, 15)), {"kharkiv-drone", "vovchansk-clash"}),
        (
            EventFilter(since=date(2024, 5, 15), until=date(2024, 5, 16)),
            {"kharkiv-drone", "kharkiv-shelling"},
        ),
        (EventFilter(types=["Battles"]), {"vovchansk-clash"}),
        (EventFilter(types=["air/drone strike"]), {"kharkiv-drone", "odesa-drone", "undated-kharkiv"}),
        (
            EventFilter(types=["Battles", "Disrupted weapons use"]),
            {"vovchansk-clash", "odesa-interception", "belgorod-interception"},
        ),
        (EventFilter(categories=["shelling"]), {"kharkiv-shelling", "sumy-shelling"}),
        (EventFilter(countries=["RU"]), {"belgorod-interception"}),
        (EventFilter(countries=["Russia"]), {"belgorod-interception"}),
        (EventFilter(countries=["RUS", "ua"]), "all"),
        (EventFilter(admin1=["Odesa"]), {"odesa-drone", "odesa-interception"}),
        (EventFilter(admin1=["UA-51"]), {"odesa-drone", "odesa-interception"}),
        (EventFilter(admin1=["sumy region"]), {"sumy-shelling"}),  # stored by name (no ISO code)
        (
            EventFilter(admin1=["Kharkiv Oblast"], types=["Air/drone strike"], since=date(2024, 5, 1)),
            {"kharkiv-drone"},
        ),
        (
            EventFilter(near=Near(lat=50.0, lon=36.25, km=5)),
            {"kharkiv-drone", "kharkiv-shelling", "undated-kharkiv"},
        ),
        (
            EventFilter(near=Near(lat=50.0, lon=36.25, km=75)),
            {
                "kharkiv-drone",
                "kharkiv-shelling",
                "undated-kharkiv",
                "vovchansk-clash",
                "belgorod-interception",
            },
        ),
        (
            EventFilter(near=Near(lat=50.0, lon=36.25, km=65)),  # Belgorod is 70.6 km, Vovchansk 58.9 km away
            {"kharkiv-drone", "kharkiv-shelling", "undated-kharkiv", "vovchansk-clash"},
        ),
        (
            EventFilter(near=Near(lat=50.0, lon=36.25, km=58)),
            {"kharkiv-drone", "kharkiv-shelling", "undated-kharkiv"},
        ),
        (EventFilter(sources=["black sea herald"]), {"odesa-drone"}),
        (EventFilter(sources=["Black Sea Herald", "Northern Dispatch"]), {"odesa-drone", "sumy-shelling"}),
        (EventFilter(text="street FIGHTING"), {"vovchansk-clash"}),
        (EventFilter(text="100%"), set()),
        (EventFilter(min_sources=2), set()),
        (EventFilter(types=["Armed clash"], countries=["RU"]), set()),
    ],
)
def test_each_filter_selects_exactly_the_matching_events(varied, flt, expected):
    everything = {e.event_id for e in varied.query()}
    want = everything if expected == "all" else expected
    # SQLite: with its R*tree, and with the B-tree path other databases use
    for rtree in (True, False) if varied.dialect == "sqlite" else (False,):
        varied._rtree = rtree
        assert {e.event_id for e in varied.query(flt)} == want
        assert varied.count(flt) == len(want)


def test_unknown_types_categories_and_countries_are_input_errors():
    with pytest.raises(InputError, match="unknown event type"):
        EventFilter(types=["Bombing"])
    with pytest.raises(InputError, match="unknown category"):
        EventFilter(categories=["bombing"])
    with pytest.raises(InputError, match="unknown country"):
        EventFilter(countries=["Atlantis"])
    with pytest.raises(InputError, match="before"):
        EventFilter(since=date(2024, 6, 1), until=date(2024, 5, 1))
    with pytest.raises(InputError, match="LAT,LON,KM"):
        Near.parse("50.0,36.2")
    with pytest.raises(InputError, match="LAT,LON,KM"):
        Near.parse("95,36.2,10")


def test_results_come_in_date_order_and_page_by_limit_and_offset(varied):
    everything = varied.query()
    days = [e.event_date or e.date_start for e in everything]
    dated = [d for d in days if d]
    assert dated == sorted(dated) and days[0] is None  # undated events first
    assert varied.query(limit=3) == everything[:3]
    assert varied.query(limit=3, offset=3) == everything[3:6]
    assert varied.query(descending=True) == everything[::-1]


def test_reading_in_chunks_returns_every_event_once_in_order(varied):
    rows = list(varied.iter_rows(chunk_size=3))
    assert [r.event for r in rows] == varied.query()
    assert [r.event for r in varied.iter_rows(chunk_size=2, limit=5)] == varied.query(limit=5)
    assert (
        next(iter(varied.iter_events(EventFilter(countries=["RU"]), chunk_size=1))).event_id
        == "belgorod-interception"
    )


def test_get_an_unknown_event_is_not_found(store):
    with pytest.raises(NotFoundError):
        store.get("nope")


def test_stats_count_by_day_type_and_region(varied):
    stats = varied.stats()
    assert (stats.documents, stats.events, stats.reports) == (8, 8, 8)
    assert stats.first_date == date(2024, 5, 14) and stats.last_date == date(2024, 6, 13)
    assert dict((d, n) for d, n in stats.by_day)[date(2024, 6, 10)] == 2
    assert (None, 1) in stats.by_day
    assert ("Explosions/Remote violence", "Air/drone strike", 3) in stats.by_type
    assert ("UA", "Kharkiv Oblast", 4) in stats.by_region
    assert varied.stats(EventFilter(countries=["RU"])).events == 1
    assert varied.stats().to_dict()["by_region"][0] == {
        "country": "UA",
        "admin1": "Kharkiv Oblast",
        "events": 4,
    }


def test_places_lists_each_place_with_its_events(varied):
    places = {p.location.name: p.events for p in varied.places()}
    assert places["Odesa"] == 2 and places["Belgorod"] == 1 and places["Kharkiv"] == 3


def test_documents_are_listed_with_their_metadata_and_text(store):
    d = doc(
        "A drone hit Kharkiv.", published="2024-05-15", source="Kyiv Daily Monitor", url="https://k.example/1"
    )
    store.add(d, [make_event(d.id)])
    (record,) = store.documents()
    assert (record.id, record.published, record.source, record.n_events) == (
        d.id,
        date(2024, 5, 15),
        "Kyiv Daily Monitor",
        1,
    )
    assert store.document(d.id).text == "A drone hit Kharkiv."
    with pytest.raises(NotFoundError):
        store.document("nope")


# --- round trip ---------------------------------------------------------------------------------------------

_text = st.text(  # no NUL: a document with one is refused (test below)
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"), max_size=30
)
_country = st.sampled_from(["UA", "RU", "BY", "US"]) | st.none()
_actor = (
    st.builds(
        Actor,
        name=_text,
        country=_country,
        kind=st.sampled_from(["military", "police", "civilians", "armed_group", "other"]),
    )
    | st.none()
)
_location = st.builds(
    Location,
    name=_text | st.none(),
    country=_country,
    admin1=_text | st.none(),
    admin1_code=_text | st.none(),
    admin2=_text | st.none(),
    latitude=st.floats(-90, 90) | st.none(),
    longitude=st.floats(-180, 180) | st.none(),
    geo_precision=st.sampled_from([1, 2, 3]) | st.none(),
    gazetteer_id=_text | st.none(),
)
_dates = st.dates(date(1990, 1, 1), date(2030, 12, 31))


@st.composite
def events(draw) -> Event:
    sub = draw(st.sampled_from(sorted(SUB_EVENT_TYPES)))
    start = draw(_dates | st.none())
    end = draw(st.none()) if start is None else draw(st.dates(start, date(2031, 12, 31)) | st.none())
    return Event(
        document_id="doc",
        event_date=draw(_dates | st.none()),
        date_start=start,
        date_end=end,
        time_precision=draw(st.sampled_from([1, 2, 3]) | st.none()),
        event_type=SUB_EVENT_TYPES[sub],
        sub_event_type=sub,
        categories=draw(st.lists(st.sampled_from(CATEGORIES), max_size=3, unique=True)),
        actor1=draw(_actor),
        actor2=draw(_actor),
        location=draw(_location),
        geo_precision=draw(st.sampled_from([1, 2, 3]) | st.none()),
        fatalities=draw(st.integers(0, 10_000) | st.none()),
        injuries=draw(st.integers(0, 10_000) | st.none()),
        quantities=draw(st.lists(st.builds(Quantity, count=st.integers(0, 10**9), unit=_text), max_size=2)),
        weapons=draw(st.lists(_text, max_size=3)),
        claim=draw(
            st.builds(
                Claim,
                source=_text | st.none(),
                source_country=_country,
                status=st.sampled_from(["reported", "claimed", "denied", "assessed", "confirmed"]),
            )
        ),
        evidence=draw(
            st.lists(
                st.builds(
                    Evidence,
                    text=_text,
                    start=st.integers(0, 100),
                    end=st.integers(100, 200),
                    document_id=st.none(),
                ),
                max_size=3,
            )
        ),
        notes=draw(_text),
        source=draw(_text | st.none()),
        url=draw(_text | st.none()),
    )


@pytest.fixture
def roundtrip_url(store_url) -> str:
    return store_url  # one store for every example (emptied by each): creating one per example costs more


def _empty(store: Store) -> None:
    from spotrep.store import schema as sc

    with store.writing() as conn:
        if sc.has_rtree(conn):
            conn.execute(sc.events_rtree.delete())
        for table in (sc.evidence, sc.event_categories, sc.reports, sc.events, sc.places, sc.documents):
            conn.execute(table.delete())


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(evs=st.lists(events(), min_size=1, max_size=3))
def test_events_come_back_from_the_store_as_they_were_stored(roundtrip_url, evs):
    document = doc("The document these events came from.")
    with Store.open(roundtrip_url) as s:
        _empty(s)
        s.add(document, evs)
        stored = [row.event for row in sorted(s.query_rows(), key=lambda r: r.number)]  # in the order added
    assert len(stored) == len(evs)
    for original, back in zip(evs, stored, strict=True):
        assert Event.model_validate(back.model_dump()) == back  # what comes back is a valid record
        expected = original.model_copy(
            update={
                "document_id": document.id,
                "evidence": [x.model_copy(update={"document_id": document.id}) for x in original.evidence],
            }
        )
        got = back.model_dump()
        if back.event_id != original.event_id:  # an id another event of the list already had: a fresh one
            got["event_id"] = original.event_id
        assert got == expected.model_dump()


def test_a_locked_database_is_a_store_error_not_a_crash(tmp_path):
    from sqlalchemy import event

    path = tmp_path / "events.db"
    with Store.open(path) as s:
        s._engine.dispose()

        @event.listens_for(s._engine, "connect")
        def _short_wait(dbapi_conn, _record):
            dbapi_conn.execute("PRAGMA busy_timeout=50")

        locker = sqlite3.connect(path, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
        try:
            d = doc("A drone hit Kharkiv.")
            with pytest.raises(StoreError, match="locked"):
                s.add(d, [make_event(d.id)])
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        s.add(d, [make_event(d.id)])  # and it works once the lock is gone
        assert s.count() == 1


@pytest.mark.postgres
def test_a_postgresql_store_another_writer_holds_too_long_is_a_store_error(pg_url, monkeypatch):
    import psycopg
    from sqlalchemy.engine import make_url

    from spotrep.store import engine

    monkeypatch.setattr(engine, "LOCK_TIMEOUT_MS", 200)
    with Store.open(pg_url) as s:
        u = make_url(pg_url)
        with psycopg.connect(
            host=u.query["host"], port=u.query["port"], user=u.username, dbname=u.database, autocommit=True
        ) as other:
            other.execute(f"SELECT pg_advisory_lock({engine.WRITE_LOCK})")  # another writer, mid-batch
            d = doc("A drone hit Kharkiv.")
            with pytest.raises(StoreError, match="lock timeout"):
                s.add(d, [make_event(d.id)])
            other.execute(f"SELECT pg_advisory_unlock({engine.WRITE_LOCK})")
        s.add(d, [make_event(d.id)])  # and it works once the other writer is done
        assert s.count() == 1


def test_a_document_with_a_nul_character_is_refused_by_every_store(store):
    bad = doc("A drone hit Kharkiv.\x00\x00")
    with pytest.raises(BinaryInputError, match="NUL"):
        store.add(bad, [make_event(bad.id)])
    report = store.ingest([bad, *kharkiv_pair()], extractor=keyword_extract)
    assert report.failed == 1 and report.documents_added == 2 and "NUL" in report.errors[0]


def test_long_names_and_ids_are_stored_as_they_are(store):
    d = doc("A drone hit a village.", id="d" * 400, source="s" * 500)
    event = make_event(
        d.id,
        event_id="e" * 100,
        place="p" * 600,
        gazetteer_id="g" * 200,
        admin1_code="UA-" + "9" * 30,
        actor1={"name": "a" * 700, "country": "RU", "kind": "military"},
        claim=Claim(source="c" * 400, source_country="UA", status="reported"),
    )
    store.add(d, [event])
    (back,) = store.query()
    assert back.document_id == d.id and back.event_id == event.event_id
    assert back.location == event.location and back.actor1 == event.actor1 and back.claim == event.claim
    assert store.documents()[0].source == d.source


def test_a_postgresql_url_without_the_driver_is_a_config_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the postgres extra were not installed
    with pytest.raises(ConfigError, match=r"spotrep\[postgres\]"):
        Store.open("postgresql+psycopg://spotrep@localhost/events")
