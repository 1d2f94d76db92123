"""The ``scale`` benchmark section: batch extraction in 1 and 2 local processes over a generated corpus.

Figures: words/s and articles/s per core, the speed-up at 2 processes (warm workers, i.e. after each has
loaded its model, and from a cold start), the time a worker takes to start (model load), the peak memory
(RSS) per worker, the time of each stage summed over the workers, and the ratio of a shard's whole time
(reading, extraction, writing the shard) to the spaCy pipeline's share of it.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..benchmark import section

MB = 1024 * 1024


def _write_corpus(path: Path, n_docs: int) -> list[str]:
    from ..synthetic import generate_documents

    texts = []
    with path.open("w", encoding="utf-8") as fh:
        for doc in generate_documents(n_docs):
            texts.append(doc.text)
            record = {
                "id": doc.id,
                "text": doc.text,
                "published": doc.published.isoformat(),
                "source": doc.source,
            }
            fh.write(json.dumps(record) + "\n")
    return texts


def _words(texts: list[str]) -> int:
    """Words as the extraction section counts them: tokens that are neither space nor punctuation."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    return sum(sum(1 for t in tokenizer(text) if not t.is_space and not t.is_punct) for text in texts)


def _run(corpus: Path, out: Path, processes: int, partition_size: int) -> dict[str, Any]:
    from .core import Batch, LocalPool

    t0 = time.perf_counter()
    with LocalPool(processes) as pool:
        ready = pool.wait_ready()
        startup = time.perf_counter() - t0
        batch = Batch.prepare([corpus], out, partition_size=partition_size)
        report = pool.run(batch)
    peaks: dict[str, int] = {r["worker"]: r["peak_rss_bytes"] or 0 for r in ready}
    cpu: Counter = Counter()
    stages: Counter = Counter()
    busy = 0.0
    for result in report.results:
        peaks[result.worker] = max(peaks.get(result.worker, 0), result.peak_rss_bytes or 0)
        cpu[result.worker] += result.cpu_seconds
        stages.update(result.stage_seconds)
        busy += result.seconds
    return {
        "startup_seconds": startup,
        "seconds": report.seconds,
        "busy_seconds": busy,
        "cpu_seconds": sum(cpu.values()),
        "max_worker_cpu_seconds": max(cpu.values()) if cpu else 0.0,
        "documents": report.documents,
        "events": report.events,
        "shards": report.processed,
        "failed": report.failed,
        "peak_rss_mb": {w: round(b / MB) for w, b in sorted(peaks.items())},
        "model_rss_mb": max(round((r["peak_rss_bytes"] or 0) / MB) for r in ready),
        "stages": stages,
    }


def _spacy_ratio_cpu(n_docs: int) -> float:
    """CPU time of extraction over CPU time of the spaCy pipeline alone, on the same documents, in this
    process (CPU time is not inflated by other processes competing for the cores, as wall time is)."""
    from ..entities import reference_nlp
    from ..pipeline import extract_documents
    from ..synthetic import generate_documents

    docs = list(generate_documents(n_docs))
    nlp = reference_nlp()  # spaCy on the whole texts, as shipped
    list(extract_documents(docs[:5]))
    c0 = time.process_time()
    for _ in nlp.pipe([d.text for d in docs], batch_size=16):
        pass
    spacy_cpu = time.process_time() - c0
    c0 = time.process_time()
    for _ in extract_documents(docs, batch_size=16):
        pass
    return (time.process_time() - c0) / spacy_cpu


def _load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


@section("scale")
def bench_scale(n_docs: int = 200, **_: Any) -> dict[str, Any]:
    """Batch extraction in 1 and 2 spawned worker processes over the same generated corpus."""
    from ..entities import model_name

    partitions = 16
    size = max(1, -(-n_docs // partitions))
    load_before = _load()
    with tempfile.TemporaryDirectory(prefix="spotrep-bench-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus.jsonl"
        texts = _write_corpus(corpus, n_docs)
        words = _words(texts)
        one = _run(corpus, root / "out1", 1, size)
        two = _run(corpus, root / "out2", 2, size)
    ratio_cpu = _spacy_ratio_cpu(n_docs)
    stages = one["stages"]
    spacy_seconds = stages.get("spacy", 0.0)
    stage_seconds = {
        k: round(v, 3) for k, v in sorted(stages.items()) if k not in ("after_spacy", "lines", "lines_parsed")
    }
    return {
        "model": model_name(),
        "documents": n_docs,
        "words": words,
        "shards": one["shards"],
        "events_1_process": one["events"],
        "events_2_processes": two["events"],
        "words_per_second_per_core": round(words / one["seconds"]),
        "articles_per_second_per_core": round(n_docs / one["seconds"], 2),
        "words_per_cpu_second": round(words / one["cpu_seconds"]),
        "articles_per_cpu_second": round(n_docs / one["cpu_seconds"], 2),
        "words_per_second_2_processes": round(words / two["seconds"]),
        "articles_per_second_2_processes": round(n_docs / two["seconds"], 2),
        "seconds_1_process": round(one["seconds"], 3),
        "seconds_2_processes": round(two["seconds"], 3),
        "speed_up_2_processes": round(one["seconds"] / two["seconds"], 3),
        "speed_up_2_processes_cold": round(
            (one["startup_seconds"] + one["seconds"]) / (two["startup_seconds"] + two["seconds"]), 3
        ),
        # the speed-up if each worker has a core of its own: the work of one process over the busiest worker's
        "speed_up_2_processes_cpu_bound": round(one["cpu_seconds"] / two["max_worker_cpu_seconds"], 3),
        "worker_startup_seconds": round(two["startup_seconds"], 2),
        "peak_rss_mb_per_worker": {"1 process": one["peak_rss_mb"], "2 processes": two["peak_rss_mb"]},
        "rss_mb_after_model_load": one["model_rss_mb"],
        "ratio_shard_time_to_spacy": round(one["busy_seconds"] / spacy_seconds, 3) if spacy_seconds else None,
        "ratio_end_to_end_to_spacy_cpu": round(ratio_cpu, 3),
        "stage_seconds": stage_seconds,
        "failed_shards": one["failed"] + two["failed"],
        "load_average_before_after": [load_before, _load()],
    }
