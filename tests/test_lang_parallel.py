"""The parallel check (``tools/parallel_check.py``): English events against the Ukrainian and Russian
versions of the same reports, by sub-event type and by place within 25 km."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from .conftest import REPO, requires_model
from .store_fakes import make_event

_SPEC = importlib.util.spec_from_file_location("parallel_check", REPO / "tools" / "parallel_check.py")
parallel_check = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(parallel_check)


def test_an_english_event_counts_when_the_other_version_has_its_type_and_a_place_within_25_km():
    kharkiv = make_event("a-en")  # a drone strike on Kharkiv
    clash_far = make_event("b-en", sub_event_type="Armed clash", event_type="Battles", place="Sumy",
                           lat=50.9077, lon=34.7981)  # fmt: skip
    unlocated = make_event("c-en", lat=None, lon=None, place=None)
    events = {
        "a": {"en": [kharkiv], "uk": [make_event("a-uk", lat=50.05, lon=36.3)]},  # ~8 km away: both count
        "b": {"en": [clash_far], "uk": [make_event("b-uk")]},  # another type, 150 km away: neither
        "c": {"en": [unlocated], "uk": [make_event("c-uk")]},  # the type counts; no place to compare
        "d": {"en": [], "uk": [make_event("d-uk")]},  # the English yields nothing: not counted
    }
    result = parallel_check.compare(events, "uk")
    assert (result["english_events"], result["type"]) == (3, round(2 / 3, 3))
    assert (result["located_english_events"], result["place"]) == (2, 0.5)
    assert [m["article"] for m in result["misses"]] == ["b"]


@requires_model
def test_the_parallel_check_runs_on_the_shared_articles(shared_dir):
    if not (shared_dir / parallel_check.DATASET).exists():
        pytest.skip("the parallel articles are not in this evaluation kit")
    results = parallel_check.run(Path(shared_dir))
    assert [r["pair"] for r in results] == ["uk vs en", "ru vs en"]
    for r in results:
        assert r["english_events"] > 0
        assert 0 <= r["type"] <= 1 and 0 <= r["place"] <= 1
