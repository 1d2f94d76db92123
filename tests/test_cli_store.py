"""The store commands: ingest, events, export, stats (click's CliRunner, a fake extractor via
SPOTREP_EXTRACTOR)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from spotrep.cli import cli
from spotrep.store import Store

DATA = Path(__file__).parent / "data" / "store_reports"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("SPOTREP_EXTRACTOR", "tests.store_fakes:keyword_extract")
    monkeypatch.setenv("SPOTREP_DB", str(tmp_path / "events.db"))
    return tmp_path


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def ingest_corpus():
    run(
        "ingest",
        str(DATA / "kyiv_daily_kharkiv.txt"),
        "--published",
        "2024-05-25",
        "--source",
        "Kyiv Daily Monitor",
    )
    run(
        "ingest",
        str(DATA / "eastern_wire_kharkiv.md"),
        "--published",
        "2024-05-25",
        "--source",
        "Eastern Front Wire",
    )
    return run("ingest", str(DATA / "odesa_port.html"), str(DATA / "wires"))


def test_ingest_reports_what_it_stored_and_exits_2_when_an_input_was_unusable(env):
    result = ingest_corpus()
    assert result.exit_code == 2  # the malformed JSON line
    assert "sumy.jsonl:3" in result.stderr
    assert "5 document(s) added" in result.stderr and "1 failed" in result.stderr
    with Store.open() as store:
        # Kharkiv (2 sources), Odesa strike, Odesa interception, Sumy (2 sources), Belgorod, Vovchansk
        assert sorted(e.source_count for e in store.query()) == [1, 1, 1, 1, 2, 2]
        assert len(store.documents()) == 7


def test_ingesting_everything_again_adds_nothing(env):
    ingest_corpus()
    with Store.open() as store:
        before = store.count(), len(store.documents())
    again = run("ingest", str(DATA), "--published", "2024-05-25")
    assert "0 document(s) added" in again.stderr and "already stored" in again.stderr
    with Store.open() as store:
        assert (store.count(), len(store.documents())) == before


def test_the_two_kharkiv_reports_are_one_event_with_two_sources(env):
    ingest_corpus()
    out = run("events", "--admin1", "Kharkiv", "--type", "Air/drone strike", "--format", "jsonl").stdout
    (event,) = [json.loads(line) for line in out.splitlines()]
    assert event["source_count"] == 2 and event["fatalities"] == 7
    detail = json.loads(run("events", "--id", event["event_id"]).stdout)
    assert (detail["fatalities_low"], detail["fatalities_best"], detail["fatalities_high"]) == (7, 7, 12)
    assert {s["source"] for s in detail["sources"]} == {"Kyiv Daily Monitor", "Eastern Front Wire"}
    assert {c["source_country"] for c in detail["claims"]} == {"UA", "RU"}


def test_ingest_reads_stdin(env):
    result = run(
        "ingest",
        "-",
        "--published",
        "2024-06-01",
        "--source",
        "Desk",
        input="Russian drones hit Odesa overnight, the governor said.",
    )
    assert result.exit_code == 0
    (event,) = [json.loads(x) for x in run("events", "--format", "jsonl").stdout.splitlines()]
    assert (event["location"]["name"], event["source"], event["event_date"]) == (
        "Odesa",
        "Desk",
        "2024-06-01",
    )


def test_events_filters_and_formats(env):
    ingest_corpus()
    assert run("events", "--count").stdout.strip() == "6"
    assert run("events", "--count", "--country", "RU").stdout.strip() == "1"
    assert run("events", "--count", "--near", "46.48,30.72,10").stdout.strip() == "2"
    assert run("events", "--count", "--since", "2024-06-11", "--until", "2024-06-11").stdout.strip() == "1"
    assert run("events", "--count", "--source", "kyiv daily monitor").stdout.strip() == "3"
    assert run("events", "--count", "--text", "hardware store").stdout.strip() == "1"
    assert run("events", "--count", "--min-sources", "2").stdout.strip() == "2"
    rows = list(
        csv.DictReader(io.StringIO(run("events", "--format", "csv", "--category", "shelling").stdout))
    )
    assert [(r["location"], r["source_count"]) for r in rows] == [("Sumy", "2")]
    table = run("events", "--format", "table", "--limit", "2").stdout
    assert "Kharkiv" in table and "Air/drone strike" in table
    newest = [
        json.loads(x)
        for x in run("events", "--format", "jsonl", "--newest-first", "--limit", "1").stdout.split("\n")
        if x
    ]
    assert newest[0]["event_date"] == "2024-06-13"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--type", "Bombing"], "unknown event type"),
        (["--near", "50,36"], "LAT,LON,KM"),
        (["--since", "yesterday"], "--since must be a date"),
        (["--country", "Atlantis"], "unknown country"),
        (["--id", "nope"], "no event 'nope'"),
    ],
)
def test_bad_filters_are_usage_errors_with_a_message(env, args, message):
    result = CliRunner().invoke(cli, ["events", *args])
    assert result.exit_code in (2, 4) and message in result.stderr


def test_export_acled_csv_geojson_jsonl_and_parquet(env, tmp_path):
    ingest_corpus()
    acled = run("export", "--format", "acled-csv").stdout
    header = acled.splitlines()[0].split(",")
    assert (
        header[:4] == ["event_id_cnty", "event_date", "year", "time_precision"] and header[-1] == "timestamp"
    )
    assert len(acled.splitlines()) == 7
    geo = json.loads(run("export", "--format", "geojson", "--country", "UA").stdout)
    assert len(geo["features"]) == 5
    assert all(
        f["geometry"]["coordinates"][0] > f["geometry"]["coordinates"][1] - 20 for f in geo["features"]
    )
    lines = run("export", "--format", "jsonl", "--admin1", "Odesa").stdout.splitlines()
    assert len(lines) == 2
    out = tmp_path / "out" / "events.parquet"
    result = run("export", "--format", "parquet", "-o", str(out))
    assert result.exit_code == 0 and "exported 6 event(s)" in result.stderr
    from spotrep.exports import read_parquet_events

    assert len(read_parquet_events(str(out))) == 6
    assert [p.name for p in out.parent.iterdir()] == ["events.parquet"]  # no temporary file left


def test_parquet_to_stdout_is_binary(env):
    ingest_corpus()
    result = CliRunner().invoke(cli, ["export", "--format", "parquet"])
    assert result.exit_code == 0 and result.stdout_bytes[:4] == b"PAR1"


def test_stats_as_json_and_table(env):
    ingest_corpus()
    data = json.loads(run("stats", "--format", "json").stdout)
    assert (data["documents"], data["events"], data["multi_source_events"]) == (7, 6, 2)
    assert {"date": "2024-06-10", "events": 2} in data["by_day"]
    table = run("stats").stdout
    assert "by type" in table and "by region" in table and "Kharkiv Oblast" in table


def test_a_database_option_overrides_the_environment(env, tmp_path):
    other = tmp_path / "other.db"
    run(
        "ingest",
        "--db",
        str(other),
        "-",
        "--published",
        "2024-06-01",
        input="Russian drones hit Odesa overnight.",
    )
    assert run("events", "--db", str(other), "--count").stdout.strip() == "1"
    assert run("events", "--count").stdout.strip() == "0"


def test_a_broken_database_is_exit_code_5(env, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database " * 300)
    result = CliRunner().invoke(cli, ["events", "--db", str(bad)])
    assert result.exit_code == 5 and "not a usable spotrep database" in result.stderr


# --- unusable input names itself (issue 13) -----------------------------------------------------------------

BATCH = (
    '{"id": "k1", "text": "A Russian drone hit Kharkiv on Monday, the governor said.", "published": "2024-05-13"}\n'
    '{"id": "k2", "text": "Ukrainian drones struck\n'
    '{"id": "k3", "text": "Shelling hit Sumy overnight, officials said.", "published": "yesterday"}\n'
    '{"id": "k4", "text": "Russian artillery shelled Sumy on Tuesday, officials said.", "published": "2024-05-14"}\n'
)


@pytest.mark.parametrize("where", ["stdin", "batch.jsonl", "batch"])
def test_json_lines_with_bad_lines_are_ingested_the_same_from_stdin_or_a_file(env, where):
    if where == "stdin":
        result = run("ingest", "-", input=BATCH)
        name = "<stdin>"
    else:
        (env / where).write_text(BATCH)
        result = run("ingest", str(env / where))
        name = str(env / where)
    assert result.exit_code == 2
    assert f"{name}:2: invalid JSON" in result.stderr
    assert f"{name}:3: published must be a date" in result.stderr
    assert "2 document(s) added, 2 failed" in result.stderr
    with Store.open() as store:
        assert sorted(d.id for d in store.documents()) == ["k1", "k4"]


def test_a_text_that_is_not_english_is_named_by_its_file_not_its_hash(env):
    (env / "fr.txt").write_text(
        "L'armée russe a bombardé Vovtchansk mardi, tuant deux civils, a déclaré le chef de l'administration"
        " militaire régionale. Les secouristes travaillent sur le lieu de la frappe."
    )
    result = run("ingest", str(env / "fr.txt"))
    assert result.exit_code == 2
    assert f"{env / 'fr.txt'}: the text looks like French" in result.stderr
    assert "sha1:" not in result.stderr


def _spotrep_without_stdin(*args: str) -> subprocess.CompletedProcess:
    environ = dict(os.environ)
    environ["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), str(REPO), environ.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-c", "from spotrep.cli import main; main()", *args],
        env=environ,
        stdin=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(0),  # as `spotrep ingest - <&-`
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("command", [["ingest", "-"], ["ingest"], ["extract", "-"], ["extract"]])
def test_a_closed_stdin_is_a_clear_error_with_exit_2(env, command):
    result = _spotrep_without_stdin(*command)
    assert result.returncode == 2, result.stderr
    assert "<stdin>: standard input is closed" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--offset", "9223372036854775808"], "--offset"),
        (["--limit", "9223372036854775808"], "--limit"),
        (["--min-sources", "9223372036854775808"], "--min-sources"),
        (["--text", "\x00"], "control characters"),
        (["--text", "Sumy\x1b[31m"], "control characters"),
    ],
)
def test_numbers_beyond_the_database_and_control_characters_are_usage_errors(env, args, message):
    ingest_corpus()
    result = CliRunner().invoke(cli, ["events", *args])
    assert result.exit_code == 2 and message in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("text", ["%", "_", "Sum_", "S%y", "\\"])
def test_like_wildcards_in_the_search_text_are_literal(env, text):
    ingest_corpus()
    assert run("events", "--count", "--text", text).stdout.strip() == "0"
