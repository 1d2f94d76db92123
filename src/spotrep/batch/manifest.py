"""The manifest of a batch output directory: the plan, and what is done, with checksums.

``DIR/manifest.json`` lists every partition of the run in input order with its status (``pending``,
``done`` or ``failed``), the checksum of its input, and, once done, its shard files with their SHA-256 and
what they hold. Only the coordinating process writes it, after a worker has written a shard, and always
atomically (a temporary file, fsync, rename): a run killed at any moment leaves either the old manifest or
the new one. A shard counts as done only when the manifest says so and its files still have the recorded
checksums; anything else is (re)done by the next run, whose shard files replace the old ones atomically.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from ..errors import ConfigError, ShardError
from .partitions import Partition

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
FORMAT_VERSION = 1

Status = Literal["pending", "done", "failed"]


def sha256_file(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write a file so that readers (and a crash) see either the old content or the new, never a part."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)


def fsync_dir(directory: str | os.PathLike[str]) -> None:
    """Make a rename in ``directory`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:  # some file systems refuse fsync on directories; the rename itself is atomic
        log.debug("fsync of directory %s: %s", directory, exc)
    finally:
        os.close(fd)


@dataclass
class ShardFile:
    name: str  # relative to the output directory
    sha256: str
    bytes: int


@dataclass
class ShardEntry:
    """One partition of the run and, once done, its shard."""

    id: str
    partition: dict[str, Any]
    status: Status = "pending"
    documents: int = 0
    events: int = 0
    empty: int = 0
    errors: int = 0
    error_messages: list[str] = field(default_factory=list)
    files: dict[str, ShardFile] = field(default_factory=dict)
    seconds: float = 0.0
    worker: str | None = None
    finished_at: str | None = None

    @property
    def input_checksum(self) -> str:
        return str(self.partition.get("checksum", ""))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ShardEntry:
        files = {k: ShardFile(**v) for k, v in (data.get("files") or {}).items()}
        return cls(**{**data, "files": files})


@dataclass
class Manifest:
    """What a batch output directory holds. Load with ``Manifest.read``, save with ``save``."""

    directory: Path
    inputs: list[str]
    options: dict[str, Any]
    shards: list[ShardEntry]
    created_at: str = ""
    updated_at: str = ""

    @property
    def path(self) -> Path:
        return self.directory / MANIFEST_NAME

    @classmethod
    def read(cls, directory: str | os.PathLike[str]) -> Manifest | None:
        """The manifest of ``directory``, or None when there is none."""
        root = Path(directory)
        path = root / MANIFEST_NAME
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT_VERSION:
                raise ShardError(f"{path}: unknown manifest format {data.get('format')!r}", path=str(path))
            return cls(
                directory=root,
                inputs=list(data["inputs"]),
                options=dict(data["options"]),
                shards=[ShardEntry.from_dict(s) for s in data["shards"]],
                created_at=data.get("created_at", ""),
                updated_at=data.get("updated_at", ""),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ShardError(f"{path}: unreadable manifest ({exc})", path=str(path)) from None

    @classmethod
    def create(
        cls,
        directory: str | os.PathLike[str],
        inputs: list[str],
        options: dict[str, Any],
        partitions: list[Partition],
    ) -> Manifest:
        now = _now()
        return cls(Path(directory), inputs, options, [_entry(p) for p in partitions], now, now)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "inputs": self.inputs,
            "options": self.options,
            "shards": [asdict(s) for s in self.shards],
        }

    def save(self) -> None:
        self.updated_at = _now()
        data = json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        atomic_write_bytes(self.path, data)

    def entry(self, shard_id: str) -> ShardEntry:
        for s in self.shards:
            if s.id == shard_id:
                return s
        raise KeyError(shard_id)

    def is_done(self, entry: ShardEntry, *, verify: bool = True) -> bool:
        """Done, and (``verify``) its files are there with the recorded checksums."""
        if entry.status != "done":
            return False
        if not verify:
            return True
        for f in entry.files.values():
            path = self.directory / f.name
            if not path.is_file() or path.stat().st_size != f.bytes or sha256_file(path) != f.sha256:
                log.warning("shard %s: %s is missing or changed; it will be redone", entry.id, f.name)
                return False
        return True

    def replan(self, inputs: list[str], options: dict[str, Any], partitions: list[Partition]) -> list[str]:
        """Bring the manifest to a new plan over the same inputs and options: done shards whose input is
        unchanged are kept, the others become pending. Returns the shard files no longer referenced."""
        if inputs != self.inputs or options != self.options:
            raise ConfigError(
                f"{self.directory} holds a batch over other inputs or options "
                f"(inputs {self.inputs}, options {self.options}); use another --out directory",
                directory=str(self.directory),
            )
        old = {s.id: s for s in self.shards}
        shards: list[ShardEntry] = []
        for p in partitions:
            prev = old.pop(p.id, None)
            if prev is not None and prev.input_checksum == p.checksum:
                prev.partition = asdict(p)
                shards.append(prev)
            else:
                if prev is not None:
                    log.warning("the input of shard %s changed; it will be redone", p.id)
                shards.append(_entry(p))
        keep = {f.name for s in shards for f in s.files.values()}
        stale = [f.name for s in old.values() for f in s.files.values() if f.name not in keep]
        self.shards = shards
        return stale

    def counts(self) -> dict[str, int]:
        out = {"shards": len(self.shards), "done": 0, "pending": 0, "failed": 0}
        for s in self.shards:
            out[s.status] += 1
        return out


def _entry(p: Partition) -> ShardEntry:
    return ShardEntry(id=p.id, partition=asdict(p))


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def partition_of(entry: ShardEntry) -> Partition:
    data = dict(entry.partition)
    data["files"] = tuple(data.get("files") or ())
    return Partition(**data)
