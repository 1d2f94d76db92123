"""Cutting batch inputs into partitions, and reading the documents of one partition.

A partition is a slice of the input that one worker turns into one shard: ``size`` lines of a JSON-lines
file, ``size`` rows of a Parquet file, or ``size`` files of a directory of texts. Planning is cheap and
deterministic (a JSON-lines file is scanned once for its line starts; a Parquet file's row count comes from
its footer; a directory is listed), so a rerun over the same inputs finds the same partitions, with the same
ids, and can tell which of them are already done.

Each partition carries a checksum of its input, so that a changed input is noticed: for JSON lines the
SHA-256 of the partition's bytes (computed during the scan), for Parquet files and files of a directory
their size and modification time (what ``make`` and ``rsync`` rely on: reading every byte of a large
archive again on each resume would cost more than it saves).

Workers read their partition themselves (a worker of a cluster needs the inputs on a file system it sees,
as it needs the output directory): only the small ``Partition`` record travels.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..documents import BatchError, Document, document_from_record, parse_date, read_jsonl
from ..errors import InputError, MalformedRecordError
from ..readers import SUFFIXES, Defaults, read_path, walk

log = logging.getLogger(__name__)

PartitionKind = Literal["jsonl", "parquet", "files"]

DEFAULT_PARTITION_SIZE = 1000
"""Documents (JSON lines, Parquet rows or files) per partition, hence per shard."""

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
PARQUET_COLUMNS = ("id", "text", "published", "source", "url", "title")


@dataclass(frozen=True)
class Partition:
    """One slice of the input; the unit of work and of output (one shard)."""

    kind: PartitionKind
    source: str  # the file (jsonl, parquet) or the input the files come from (files)
    start: int = 0  # jsonl: byte offset; parquet: first row
    stop: int = 0  # jsonl: byte offset (exclusive); parquet: row (exclusive)
    first_line: int = 1  # jsonl: the line number of the first line of the slice
    files: tuple[str, ...] = ()
    records: int = 0  # lines, rows or files in the slice
    checksum: str = ""

    @property
    def id(self) -> str:
        """A stable name from what the partition covers (not from its content: see ``checksum``)."""
        if self.kind == "jsonl":  # by lines, not bytes: a longer line does not rename the partitions after it
            span = [str(self.first_line), str(self.records)]
        else:
            span = [str(self.start), str(self.stop)]
        key = "\x1f".join([self.kind, self.source, *span, *self.files])
        stem = Path(self.source).stem or "input"
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in stem)[:40]
        return f"{safe}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"

    def describe(self) -> str:
        if self.kind == "jsonl":
            return f"{self.source}:{self.first_line}-{self.first_line + self.records - 1}"
        if self.kind == "parquet":
            return f"{self.source} rows {self.start}-{self.stop - 1}"
        return f"{self.source} ({self.records} file(s))"


@dataclass
class _FileGroup:
    source: str
    files: list[str] = field(default_factory=list)


def plan_partitions(
    inputs: Sequence[str | os.PathLike[str]], *, size: int = DEFAULT_PARTITION_SIZE
) -> list[Partition]:
    """The partitions of the inputs, in input order: JSON-lines and Parquet files (``.jsonl``/``.ndjson``,
    ``.parquet``), directories (read recursively, in sorted order, hidden entries skipped; their JSON-lines
    and Parquet files are partitioned as such, their other documents grouped ``size`` files at a time) and
    single text files (any suffix the readers know)."""
    if size < 1:
        raise InputError("the partition size must be at least 1", size=size)
    if not inputs:
        raise InputError("no input given")
    out: list[Partition] = []
    group: _FileGroup | None = None

    def flush() -> None:
        nonlocal group
        if group is not None and group.files:
            out.extend(_file_partitions(group, size))
        group = None

    for raw in inputs:
        name = os.fspath(raw)
        if name == "-":
            raise InputError(
                "batch reads files and directories, not stdin (a run must be resumable)", name=name
            )
        path = Path(name)
        if not path.exists():
            raise InputError(f"{name}: no such file or directory", name=name)
        entries = list(_walk(path)) if path.is_dir() else [path]
        source = str(path.resolve())
        for entry in entries:
            suffix = entry.suffix.lower()
            if suffix in JSONL_SUFFIXES:
                flush()
                out.extend(jsonl_partitions(entry, size))
            elif suffix in PARQUET_SUFFIXES:
                flush()
                out.extend(parquet_partitions(entry, size))
            elif suffix in SUFFIXES or not path.is_dir():
                if group is None or group.source != source:
                    flush()
                    group = _FileGroup(source)
                group.files.append(str(entry.resolve()))
        flush()
    return out


def _walk(root: Path) -> Iterator[Path]:
    for path in walk(root):
        suffix = path.suffix.lower()
        if suffix in SUFFIXES or suffix in PARQUET_SUFFIXES:
            yield path
        else:
            log.debug("skipping %s: not a known document type", path)


def _stat_key(path: str | Path) -> str:
    st = os.stat(path)
    return f"{st.st_size}:{st.st_mtime_ns}"


def jsonl_partitions(path: str | os.PathLike[str], size: int) -> list[Partition]:
    """Partitions of ``size`` lines of a JSON-lines file (one scan; each gets the SHA-256 of its bytes)."""
    source = str(Path(path).resolve())
    out: list[Partition] = []
    start = offset = seen = lines = 0
    first_line = 1
    digest = hashlib.sha256()
    with open(source, "rb") as fh:
        for line in fh:
            seen += 1
            if lines == 0:
                start, first_line = offset, seen
            digest.update(line)
            offset += len(line)
            lines += 1
            if lines == size:
                out.append(
                    Partition("jsonl", source, start, offset, first_line, (), lines, digest.hexdigest())
                )
                lines, digest = 0, hashlib.sha256()
    if lines:
        out.append(Partition("jsonl", source, start, offset, first_line, (), lines, digest.hexdigest()))
    return out


def parquet_partitions(path: str | os.PathLike[str], size: int) -> list[Partition]:
    """Partitions of ``size`` rows of a Parquet file (the row count comes from the file's footer)."""
    import pyarrow.parquet as pq

    source = str(Path(path).resolve())
    try:
        meta = pq.ParquetFile(source).metadata
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError) for non-Parquet data
        raise InputError(f"{source}: not a readable Parquet file ({exc})", name=source) from None
    rows = meta.num_rows
    stat = _stat_key(source)
    return [
        Partition(
            "parquet",
            source,
            lo,
            min(rows, lo + size),
            1,
            (),
            min(rows, lo + size) - lo,
            hashlib.sha256(f"{stat}:{rows}".encode()).hexdigest(),
        )
        for lo in range(0, rows, size)
    ]


def _file_partitions(group: _FileGroup, size: int) -> list[Partition]:
    out = []
    for lo in range(0, len(group.files), size):
        files = tuple(group.files[lo : lo + size])
        digest = hashlib.sha256()
        for f in files:
            digest.update(f"{f}\x1f{_stat_key(f)}\n".encode())
        out.append(
            Partition("files", group.source, lo, lo + len(files), 1, files, len(files), digest.hexdigest())
        )
    return out


# --- reading a partition ----------------------------------------------------------------------------------


def read_partition(partition: Partition, defaults: Defaults | None = None) -> Iterator[Document | BatchError]:
    """The documents of a partition (and a ``BatchError`` for each record that cannot be used)."""
    defaults = defaults or Defaults()
    if partition.kind == "jsonl":
        yield from _read_jsonl_slice(partition, defaults)
    elif partition.kind == "parquet":
        yield from _read_parquet_slice(partition, defaults)
    else:
        for path in partition.files:
            yield from read_path(path, defaults=defaults)


def _apply_defaults(doc: Document, defaults: Defaults) -> Document:
    if doc.published is None and defaults.published:
        doc.published = parse_date(defaults.published)
    if doc.source is None and defaults.source:
        doc.source = defaults.source
    return doc


def _read_jsonl_slice(partition: Partition, defaults: Defaults) -> Iterator[Document | BatchError]:
    name = partition.source
    with open(name, "rb") as fh:
        fh.seek(partition.start)
        data = fh.read(partition.stop - partition.start)
    lines = data.split(b"\n")  # as the planner counted them (a lone CR is not a line break in JSON lines)
    if lines and not lines[-1]:
        lines.pop()
    for item in read_jsonl(lines, name=name, first_line=partition.first_line):
        yield item if isinstance(item, BatchError) else _apply_defaults(item, defaults)


def _read_parquet_slice(partition: Partition, defaults: Defaults) -> Iterator[Document | BatchError]:
    import pyarrow.parquet as pq

    name = partition.source
    pf = pq.ParquetFile(name)
    columns = [c for c in PARQUET_COLUMNS if c in pf.schema_arrow.names]
    if "text" not in columns:
        yield BatchError(0, MalformedRecordError(f"{name}: no 'text' column", name=name))
        return
    groups, first_row, row = [], None, 0
    for g in range(pf.metadata.num_row_groups):
        n = pf.metadata.row_group(g).num_rows
        if row < partition.stop and row + n > partition.start:
            groups.append(g)
            first_row = row if first_row is None else first_row
        row += n
    if not groups or first_row is None:
        return
    table = pf.read_row_groups(groups, columns=columns)
    table = table.slice(partition.start - first_row, partition.stop - partition.start)
    for number, record in enumerate(table.to_pylist(), start=partition.start + 1):
        try:
            yield _apply_defaults(document_from_record(record, line=number, name=name), defaults)
        except InputError as exc:
            yield BatchError(number, exc)


def count_records(partitions: Iterable[Partition]) -> int:
    return sum(p.records for p in partitions)
