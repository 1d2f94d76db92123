"""Cutting batch inputs into partitions and reading them back: every record once, in order, with the line
numbers of the whole file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spotrep.batch.partitions import plan_partitions, read_partition
from spotrep.documents import BatchError, Document, read_jsonl
from spotrep.errors import InputError
from spotrep.readers import Defaults, read_paths

REPORTS = [
    "Russian forces shelled Kharkiv on Monday, killing two civilians, the governor said.",
    "Ukraine's air force said it had shot down 17 of 20 Shahed drones launched overnight.",
    "A drone attack set fire to an oil depot in Russia's Belgorod region, the regional governor said.",
    "Police in Sumy region said a landmine explosion wounded three farmers working in a field.",
    "Intense street fighting continued in Vovchansk on Tuesday, local authorities said.",
]


def _write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _record(i: int, **extra) -> str:
    return json.dumps({"id": f"r{i}", "text": REPORTS[i % len(REPORTS)] + f" (report {i})", **extra})


def _read_all(partitions, defaults: Defaults | None = None) -> list[Document | BatchError]:
    return [item for p in partitions for item in read_partition(p, defaults)]


def _summary(items) -> list:
    return [(i.id, i.text, i.published) if isinstance(i, Document) else ("error", i.line) for i in items]


def test_a_jsonl_file_is_cut_into_slices_of_the_given_number_of_lines(tmp_path):
    path = _write_jsonl(tmp_path / "wire.jsonl", [_record(i) for i in range(7)])
    parts = plan_partitions([path], size=3)
    assert [(p.kind, p.first_line, p.records) for p in parts] == [
        ("jsonl", 1, 3),
        ("jsonl", 4, 3),
        ("jsonl", 7, 1),
    ]
    assert [d.id for d in _read_all(parts)] == [f"r{i}" for i in range(7)]


def test_bad_lines_are_reported_with_their_line_number_in_the_whole_file(tmp_path):
    lines = [_record(0), _record(1), "{not json", _record(3), json.dumps({"id": "x"}), _record(5)]
    path = _write_jsonl(tmp_path / "wire.jsonl", lines)
    items = _read_all(plan_partitions([path], size=2))
    assert _summary(items) == _summary(read_jsonl(path.read_bytes().splitlines(), name=str(path)))
    errors = [i for i in items if isinstance(i, BatchError)]
    assert [e.line for e in errors] == [3, 5]
    assert f"{path.resolve()}:3: invalid JSON" in errors[0].error.message


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kinds=st.lists(st.sampled_from(["record", "blank", "garbage", "dated"]), min_size=0, max_size=25),
    size=st.integers(min_value=1, max_value=8),
)
def test_the_partitions_of_a_jsonl_file_read_as_the_whole_file_reads(tmp_path_factory, kinds, size):
    lines = []
    for i, kind in enumerate(kinds):
        if kind == "record":
            lines.append(_record(i))
        elif kind == "dated":
            lines.append(_record(i, published="2024-05-0" + str(1 + i % 9)))
        elif kind == "blank":
            lines.append("   ")
        else:
            lines.append('{"text": 12}')
    path = _write_jsonl(tmp_path_factory.mktemp("jsonl") / "in.jsonl", lines)
    parts = plan_partitions([path], size=size)
    assert sum(p.records for p in parts) == len(lines)
    assert all(p.records <= size for p in parts)
    assert len({p.id for p in parts}) == len(parts)
    whole = list(read_jsonl(path.read_bytes().splitlines(), name=str(path.resolve())))
    assert _summary(_read_all(parts)) == _summary(whole)


def test_planning_twice_gives_the_same_partitions_and_a_changed_slice_only_changes_its_checksum(tmp_path):
    path = _write_jsonl(tmp_path / "wire.jsonl", [_record(i) for i in range(6)])
    first = plan_partitions([path], size=2)
    assert plan_partitions([path], size=2) == first
    lines = [_record(i) for i in range(6)]
    lines[3] = _record(3, source="AFP")
    _write_jsonl(path, lines)
    second = plan_partitions([path], size=2)
    assert [p.id for p in second] == [p.id for p in first]
    changed = [a.checksum != b.checksum for a, b in zip(first, second, strict=True)]
    assert changed == [False, True, False]


def test_a_directory_is_read_in_sorted_order_without_hidden_files_in_groups_of_files(tmp_path):
    root = tmp_path / "texts"
    (root / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for i, name in enumerate(["b/z.txt", "a.txt", "b/c.md", "notes.bin", ".secret.txt", ".hidden/x.txt"]):
        (root / name).write_text(REPORTS[i % len(REPORTS)], encoding="utf-8")
    parts = plan_partitions([root], size=2)
    assert [p.kind for p in parts] == ["files", "files"]
    assert [Path(f).name for p in parts for f in p.files] == ["a.txt", "c.md", "z.txt"]
    docs = _read_all(parts, Defaults(published="2024-05-15", source="wire"))
    expected = read_paths([root], published="2024-05-15", source="wire")
    assert _summary(docs) == _summary(expected)


def test_jsonl_and_parquet_files_inside_a_directory_are_partitioned_by_record(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = tmp_path / "archive"
    root.mkdir()
    _write_jsonl(root / "a.jsonl", [_record(i) for i in range(3)])
    table = pa.table({"id": [f"p{i}" for i in range(5)], "text": [REPORTS[i] for i in range(5)]})
    pq.write_table(table, root / "b.parquet", row_group_size=2)
    (root / "c.txt").write_text(REPORTS[0], encoding="utf-8")
    parts = plan_partitions([root], size=2)
    assert [(p.kind, p.records) for p in parts] == [
        ("jsonl", 2), ("jsonl", 1), ("parquet", 2), ("parquet", 2), ("parquet", 1), ("files", 1)
    ]  # fmt: skip
    ids = [d.id for d in _read_all(parts)]
    assert ids[:8] == ["r0", "r1", "r2", "p0", "p1", "p2", "p3", "p4"]
    assert len(ids) == 9


def test_parquet_rows_become_documents_with_their_dates_and_defaults(tmp_path):
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "text": REPORTS[:4],
            "published": [datetime.date(2024, 5, 1), None, datetime.date(2024, 5, 3), None],
            "source": ["Reuters", None, None, "AP"],
            "ignored": [1, 2, 3, 4],
        }
    )
    path = tmp_path / "docs.parquet"
    pq.write_table(table, path, row_group_size=3)
    docs = _read_all(plan_partitions([path], size=3), Defaults(published="2024-06-01", source="wire"))
    assert [(d.published.isoformat(), d.source) for d in docs] == [
        ("2024-05-01", "Reuters"), ("2024-06-01", "wire"), ("2024-05-03", "wire"), ("2024-06-01", "AP")
    ]  # fmt: skip
    assert docs[0].id.startswith("sha1:")  # no id column: the content id, as everywhere else


def test_a_parquet_file_without_a_text_column_is_reported(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"body": ["x"]}), path)
    items = _read_all(plan_partitions([path], size=10))
    assert len(items) == 1 and isinstance(items[0], BatchError)
    assert "no 'text' column" in items[0].error.message


def test_a_file_that_is_not_parquet_is_refused_when_planning(tmp_path):
    path = tmp_path / "fake.parquet"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable Parquet file"):
        plan_partitions([path], size=10)


@pytest.mark.parametrize("inputs", [["-"], ["does/not/exist.jsonl"], []])
def test_stdin_missing_inputs_and_no_input_are_refused(inputs):
    with pytest.raises(InputError):
        plan_partitions(inputs, size=10)


def test_the_partition_size_must_be_positive(tmp_path):
    path = _write_jsonl(tmp_path / "wire.jsonl", [_record(0)])
    with pytest.raises(InputError, match="at least 1"):
        plan_partitions([path], size=0)
