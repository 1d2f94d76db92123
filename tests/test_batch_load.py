"""`spotrep load DIR`: the shards of a batch into the store, as ingest would have put the same documents;
loading twice adds nothing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from spotrep.batch import Batch, Manifest, load_shards
from spotrep.cli import cli
from spotrep.errors import ShardError
from spotrep.readers import read_paths
from spotrep.store import Store

from .store_fakes import keyword_extract, snapshot, write_corpus

FAKE = "tests.store_fakes:keyword_extract"


@pytest.fixture
def batch_out(tmp_path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 10)
    out = tmp_path / "out"
    report = Batch.prepare([corpus], out, partition_size=3, published="2024-06-01").run(
        processes=1, extractor=FAKE
    )
    assert report.complete and report.documents == 10
    return corpus, out


def test_loading_shards_gives_the_store_what_ingesting_the_documents_gives_it(tmp_path, batch_out):
    corpus, out = batch_out
    with Store.open(tmp_path / "loaded.db") as store:
        report = load_shards(out, store)
    assert report.loaded == 4 and report.ingest.documents_added == 10
    with Store.open(tmp_path / "ingested.db") as store:
        store.ingest(read_paths([corpus], published="2024-06-01"), extractor=keyword_extract)
    loaded, ingested = snapshot(tmp_path / "loaded.db"), snapshot(tmp_path / "ingested.db")
    assert loaded == ingested
    assert len(loaded["documents"]) == 10 and loaded["events"]


def test_loading_the_same_shards_twice_adds_nothing(tmp_path, batch_out):
    _, out = batch_out
    db = tmp_path / "store.db"
    with Store.open(db) as store:
        load_shards(out, store)
    first = snapshot(db)
    with Store.open(db) as store:
        again = load_shards(out, store)
    assert again.ingest.documents_added == 0 and again.ingest.duplicates == 10
    assert again.ingest.events_new == 0 and again.ingest.events_merged == 0
    assert snapshot(db) == first


def test_shards_not_done_are_not_loaded_and_are_counted(tmp_path, batch_out):
    _, out = batch_out
    manifest = Manifest.read(out)
    manifest.shards[-1].status = "pending"
    manifest.save()
    with Store.open(tmp_path / "store.db") as store:
        report = load_shards(out, store)
    assert (report.loaded, report.not_done) == (3, 1)
    assert report.ingest.documents_added == 9


def test_a_shard_that_does_not_match_its_checksum_is_reported_and_not_loaded(tmp_path, batch_out):
    _, out = batch_out
    manifest = Manifest.read(out)
    victim = out / manifest.shards[0].files["documents"].name
    victim.write_bytes(b"PAR1 garbage")
    errors: list[str] = []
    with Store.open(tmp_path / "store.db") as store:
        report = load_shards(out, store, on_error=errors.append)
    assert report.loaded == 3 and len(report.bad) == 1 and errors == report.bad
    assert manifest.shards[0].id in errors[0]


def test_a_directory_without_a_manifest_is_refused(tmp_path):
    with Store.open(tmp_path / "store.db") as store, pytest.raises(ShardError, match="no manifest"):
        load_shards(tmp_path, store)


def test_the_load_command_reports_what_it_added_and_then_that_everything_is_stored(tmp_path, batch_out):
    _, out = batch_out
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["load", str(out), "--db", db])
    assert first.exit_code == 0, first.output
    assert "4 shard(s) loaded, 10 document(s) added" in first.stderr
    second = runner.invoke(cli, ["load", str(out), "--db", db])
    assert second.exit_code == 0
    assert "0 document(s) added, 10 already stored; 0 new event(s)" in second.stderr


def test_the_batch_command_writes_shards_that_load_reads(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 5)
    monkeypatch.setenv("SPOTREP_EXTRACTOR", FAKE)
    runner = CliRunner()
    out = str(tmp_path / "out")
    args = ["batch", str(corpus), "--out", out, "--partition-size", "2", "--processes", "1"]
    result = runner.invoke(cli, [*args, "--published", "2024-06-01"])
    assert result.exit_code == 0, result.output
    assert "3 shard(s) written; 5 document(s)" in result.stderr
    again = runner.invoke(cli, [*args, "--published", "2024-06-01"])
    assert "resuming: 3 shard(s) already done, 0 to do" in again.stderr
    other = runner.invoke(cli, [*args, "--published", "2024-01-01"])
    assert other.exit_code == 2 and "another --out" in other.stderr
    loaded = runner.invoke(cli, ["load", out, "--db", str(tmp_path / "db.sqlite")])
    assert "5 document(s) added" in loaded.stderr


def test_the_batch_command_exits_2_when_records_could_not_be_read(tmp_path, monkeypatch):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "a", "text": "Shelling hit Kharkiv, the governor said."}\n{broken\n', encoding="utf-8"
    )
    monkeypatch.setenv("SPOTREP_EXTRACTOR", FAKE)
    result = CliRunner().invoke(cli, ["batch", str(path), "--out", str(tmp_path / "out"), "--processes", "1"])
    assert result.exit_code == 2
    assert "in.jsonl:2: invalid JSON" in result.stderr
    assert "1 document(s)" in result.stderr and "1 error(s)" in result.stderr


def test_processes_and_a_scheduler_together_are_a_usage_error(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["batch", str(path), "--out", str(tmp_path / "o"), "--processes", "2", "--scheduler", "tcp://x:1"],
    )
    assert result.exit_code == 2 and "exclude each other" in result.output


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_the_batch_command_needs_an_existing_input(tmp_path):
    result = CliRunner().invoke(
        cli, ["batch", os.fspath(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
