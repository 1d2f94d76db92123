"""Batch extraction over large archives: on every core of one machine, or on a Dask distributed cluster.

    >>> from spotrep.batch import Batch, load_shards
    >>> batch = Batch.prepare(["archive.jsonl", "texts/"], "out/", partition_size=1000)
    >>> report = batch.run(processes=8)        # or scheduler="tcp://head-node:8786"
    >>> with Store.open() as store:
    ...     load_shards("out/", store)         # idempotent

Inputs are JSON-lines files, Parquet files (columns ``text`` and optionally ``id``, ``published``,
``source``, ``url``, ``title``) and directories of documents; each is cut into partitions
(``spotrep.batch.partitions``), each partition becomes one shard of events and documents
(``spotrep.batch.shards``), and ``DIR/manifest.json`` (``spotrep.batch.manifest``) records which shards are
done, with checksums, so an interrupted run resumes where it stopped. Nothing heavy is imported here.
"""

from __future__ import annotations

from . import bench as _bench  # noqa: F401  (registers the "scale" benchmark section)
from .core import Batch, BatchReport, LocalPool, run_inline
from .load import LoadReport, load_shards
from .manifest import Manifest, ShardEntry, ShardFile
from .partitions import DEFAULT_PARTITION_SIZE, Partition, plan_partitions, read_partition
from .shards import read_shard, write_shard
from .worker import ShardResult, process_partition

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "Batch",
    "BatchReport",
    "LoadReport",
    "LocalPool",
    "Manifest",
    "Partition",
    "ShardEntry",
    "ShardFile",
    "ShardResult",
    "load_shards",
    "plan_partitions",
    "process_partition",
    "read_partition",
    "read_shard",
    "run_inline",
    "write_shard",
]
