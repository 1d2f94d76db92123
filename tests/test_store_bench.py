"""The store benchmark runs end to end on a small generated database (speed is measured by `make bench`)."""

from __future__ import annotations

from spotrep.store import Store, bench

from .store_fakes import keyword_extract


def test_the_generated_database_answers_the_benchmark_query(tmp_path):
    with Store.open(tmp_path / "bench.db") as store:
        bench.generate(store, 3000)
        assert store.count() == 3000
        result = bench.time_query(store, runs=1)
        flt = bench.query_filter()
        events = store.query(flt)
        assert result["matching_events"] == len(events) == result["returned_events"] > 0
        assert all(
            e.location.admin1 == "Kharkiv Oblast"
            and e.event_type == bench.QUERY_TYPE
            and bench.QUERY_SINCE <= e.event_date <= bench.QUERY_UNTIL
            for e in events
        )
        assert store.count(bench.query_filter().model_copy(update={"admin1": ("UA-63",)})) == len(events)
        assert len(store.query(flt.model_copy(update={"near": None}), limit=5)) == 5


def test_run_reports_query_and_ingest_figures(tmp_path):
    result = bench.run(2000, runs=1, extractor=keyword_extract)
    assert result["query"]["events"] == 2000 and result["query"]["database_mb"] > 0
    ingest = result["ingest"]
    assert ingest["documents"] == len(bench.sample_corpus()) and ingest["events_stored"] > 0
    assert 0 < ingest["store_share"] < 1
