"""Batch runs with a fake extractor (no spaCy): shards hold what the extractor found, the manifest records
what is done, a rerun resumes and never redoes a finished shard, changed inputs are redone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spotrep.batch import Batch, LocalPool, Manifest, read_shard
from spotrep.batch.manifest import sha256_file
from spotrep.errors import ConfigError

from .store_fakes import keyword_extract, write_corpus

FAKE = "tests.store_fakes:keyword_extract"


def _jsonl(path: Path, texts: list[str], *, published: str | None = "2024-06-01") -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            record = {"id": f"doc-{i}", "text": text}
            if published:
                record["published"] = published
            fh.write(json.dumps(record) + "\n")
    return path


def _texts(n: int) -> list[str]:
    places = ["Kharkiv", "Sumy", "Odesa", "Vovchansk", "Pokrovsk"]
    return [
        f"Russian shelling hit {places[i % 5]} on Monday, killing {i % 4 + 1} people, the governor said."
        f" Emergency crews worked through the night (report {i})."
        for i in range(n)
    ]


def _shard_records(out: Path) -> list[tuple[str, list[dict]]]:
    """Every document of every done shard with its events as JSON records, in manifest order."""
    manifest = Manifest.read(out)
    assert manifest is not None
    return [
        (doc.id, [e.to_json_dict() for e in events])
        for entry in manifest.shards
        if entry.status == "done"
        for doc, events in read_shard(out, entry.files)
    ]


def test_a_run_writes_one_shard_per_partition_holding_the_extractors_events(tmp_path):
    path = _jsonl(tmp_path / "in.jsonl", _texts(7))
    batch = Batch.prepare([path], tmp_path / "out", partition_size=3)
    report = batch.run(processes=1, extractor=FAKE)
    assert (report.shards, report.processed, report.documents, report.errors) == (3, 3, 7, 0)
    shards = sorted((tmp_path / "out" / "shards").iterdir())
    assert len(shards) == 6  # events and documents of each
    from spotrep.batch.partitions import plan_partitions, read_partition

    docs = [d for p in plan_partitions([path], size=3) for d in read_partition(p)]
    expected = [(d.id, [e.to_json_dict() for e in events]) for d, events in keyword_extract(docs)]
    assert _shard_records(tmp_path / "out") == expected
    assert report.events == sum(len(ev) for _, ev in expected) > 0


def test_the_manifest_records_each_shard_with_the_checksums_of_its_files(tmp_path):
    path = _jsonl(tmp_path / "in.jsonl", _texts(4))
    out = tmp_path / "out"
    Batch.prepare([path], out, partition_size=2).run(processes=1, extractor=FAKE)
    manifest = Manifest.read(out)
    assert manifest is not None and manifest.counts() == {"shards": 2, "done": 2, "pending": 0, "failed": 0}
    for entry in manifest.shards:
        assert entry.documents == 2
        for f in entry.files.values():
            assert sha256_file(out / f.name) == f.sha256
    assert not [p for p in out.rglob("*.tmp")], "temporary files left behind"


def test_a_rerun_over_the_same_inputs_does_nothing_again(tmp_path):
    path = _jsonl(tmp_path / "in.jsonl", _texts(5))
    out = tmp_path / "out"
    Batch.prepare([path], out, partition_size=2).run(processes=1, extractor=FAKE)
    before = {p: p.stat().st_mtime_ns for p in (out / "shards").iterdir()}
    again = Batch.prepare([path], out, partition_size=2)
    assert again.pending == [] and again.already_done == 3
    report = again.run(processes=1, extractor=FAKE)
    assert report.processed == 0 and report.complete
    assert {p: p.stat().st_mtime_ns for p in (out / "shards").iterdir()} == before


def test_a_shard_whose_file_was_damaged_is_redone(tmp_path):
    path = _jsonl(tmp_path / "in.jsonl", _texts(4))
    out = tmp_path / "out"
    Batch.prepare([path], out, partition_size=2).run(processes=1, extractor=FAKE)
    good = _shard_records(out)
    manifest = Manifest.read(out)
    damaged = out / manifest.shards[1].files["events"].name
    damaged.write_bytes(damaged.read_bytes()[:-10])
    again = Batch.prepare([path], out, partition_size=2)
    assert [p.id for p in again.pending] == [manifest.shards[1].id]
    again.run(processes=1, extractor=FAKE)
    assert _shard_records(out) == good


def test_a_changed_input_slice_is_redone_and_the_others_are_kept(tmp_path):
    texts = _texts(6)
    path = _jsonl(tmp_path / "in.jsonl", texts)
    out = tmp_path / "out"
    Batch.prepare([path], out, partition_size=2).run(processes=1, extractor=FAKE)
    texts[4] = texts[4].replace("killing", "wounding")
    _jsonl(path, texts)
    again = Batch.prepare([path], out, partition_size=2)
    assert len(again.pending) == 1 and again.pending[0].first_line == 5
    again.run(processes=1, extractor=FAKE)
    fresh = tmp_path / "fresh"
    Batch.prepare([path], fresh, partition_size=2).run(processes=1, extractor=FAKE)
    assert _shard_records(out) == _shard_records(fresh)


def test_files_that_left_the_input_directory_take_their_shards_with_them(tmp_path):
    corpus = tmp_path / "corpus"
    paths = write_corpus(corpus, 6)
    out = tmp_path / "out"
    Batch.prepare([corpus], out, partition_size=2, published="2024-06-01").run(processes=1, extractor=FAKE)
    for p in paths[4:]:
        Path(p).unlink()
    again = Batch.prepare([corpus], out, partition_size=2, published="2024-06-01")
    assert again.pending == [] and len(again.manifest.shards) == 2
    assert len(list((out / "shards").iterdir())) == 4


@pytest.mark.parametrize("change", [{"partition_size": 3}, {"published": "2024-01-01"}, {"inputs": "other"}])
def test_an_output_directory_of_another_run_is_refused(tmp_path, change):
    path = _jsonl(tmp_path / "in.jsonl", _texts(4))
    other = _jsonl(tmp_path / "other.jsonl", _texts(2))
    out = tmp_path / "out"
    Batch.prepare([path], out, partition_size=2).run(processes=1, extractor=FAKE)
    options = {"partition_size": 2, "published": None}
    inputs = [other] if change.pop("inputs", None) else [path]
    options.update(change)
    with pytest.raises(ConfigError, match="another --out"):
        Batch.prepare(inputs, out, **options)


def test_a_document_whose_extraction_fails_is_reported_and_the_rest_of_its_shard_is_kept(tmp_path):
    texts = _texts(5)
    texts[2] = "EXPLODE " + texts[2]
    path = _jsonl(tmp_path / "in.jsonl", [*texts, "", "   "])
    batch = Batch.prepare([path], tmp_path / "out", partition_size=10)
    errors: list[str] = []
    report = batch.run(processes=1, extractor=FAKE, on_error=errors.append)
    assert (report.documents, report.empty, report.errors) == (4, 2, 1)
    assert len(errors) == 1 and "doc-2: extraction failed" in errors[0]
    assert [doc_id for doc_id, _ in _shard_records(tmp_path / "out")] == ["doc-0", "doc-1", "doc-3", "doc-4"]
    assert Manifest.read(tmp_path / "out").shards[0].error_messages == errors


def test_text_that_is_not_english_is_reported_like_ingest_reports_it(tmp_path):
    german = (
        "Die russischen Streitkräfte haben am Montag die Stadt mit Artillerie beschossen und dabei zwei "
        "Zivilisten getötet, wie der Gouverneur der Region mitteilte."
    )
    path = _jsonl(tmp_path / "in.jsonl", [*_texts(2), german])
    errors: list[str] = []
    report = Batch.prepare([path], tmp_path / "out", partition_size=10).run(
        processes=1, extractor=FAKE, on_error=errors.append
    )
    assert report.documents == 2 and report.errors == 1
    assert "looks like German; spotrep reads English, Russian and Ukrainian" in errors[0]


def test_two_local_processes_write_the_same_shards_as_one(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 9)
    path = _jsonl(tmp_path / "in.jsonl", _texts(7))
    one, two = tmp_path / "one", tmp_path / "two"
    Batch.prepare([corpus, path], one, partition_size=2, published="2024-06-01").run(
        processes=1, extractor=FAKE
    )
    batch = Batch.prepare([corpus, path], two, partition_size=2, published="2024-06-01")
    with LocalPool(2, extractor=FAKE) as pool:
        ready = pool.wait_ready()
        report = pool.run(batch)
    assert len({r["worker"] for r in ready}) == 2
    assert report.processed == 9 and report.failed == 0
    assert _shard_records(two) == _shard_records(one)
    assert all(r.peak_rss_bytes for r in report.results)


def test_a_partition_that_cannot_be_read_fails_alone_and_the_next_run_retries_it(tmp_path):
    first = _jsonl(tmp_path / "a.jsonl", _texts(4))
    second = _jsonl(tmp_path / "b.jsonl", _texts(3))
    out = tmp_path / "out"
    batch = Batch.prepare([first, second], out, partition_size=2)
    saved = first.read_bytes()
    first.unlink()  # gone between planning and running
    report = batch.run(processes=1, extractor=FAKE)
    assert (report.processed, report.failed) == (2, 2)
    assert "FileNotFoundError" in report.failures[0]
    assert [e.status for e in Manifest.read(out).shards] == ["failed", "failed", "done", "done"]
    first.write_bytes(saved)
    again = Batch.prepare([first, second], out, partition_size=2)
    assert len(again.pending) == 2
    assert again.run(processes=1, extractor=FAKE).complete


def test_a_worker_s_peak_memory_is_its_own_not_its_parent_s():
    # getrusage's maxrss survives exec: a worker spawned from a large parent would report the parent's size
    import subprocess
    import sys

    from spotrep.batch.worker import peak_rss_bytes

    here = peak_rss_bytes()
    assert here is not None and here > 0
    big = bytearray(300 * 1024 * 1024)  # the parent grows by 300 MB
    big[::4096] = b"x" * len(big[::4096])
    code = "from spotrep.batch.worker import peak_rss_bytes; print(peak_rss_bytes())"
    child = int(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    )
    if Path("/proc/self/status").exists():
        assert child < peak_rss_bytes() - 200 * 1024 * 1024
    del big
