"""Benchmarks (``spotrep bench`` / ``make bench``): speed is measured here, never in tests.

Each section is a function returning a dict of figures; ``run`` runs the selected sections and returns
``{section: figures}``. Sections: ``extraction`` (words/s and articles/s on one core, end-to-end time over
the spaCy pipeline alone, time per stage); others are registered by the modules that own them (``languages``,
words/s of English, Ukrainian and Russian, by ``spotrep.lang.bench``).
"""

from __future__ import annotations

import logging
import os
import platform
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

log = logging.getLogger(__name__)

SECTIONS: dict[str, Callable[..., dict[str, Any]]] = {}


def section(name: str):
    def register(fn: Callable[..., dict[str, Any]]):
        SECTIONS[name] = fn
        return fn

    return register


def machine() -> dict[str, Any]:
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "platform": platform.platform(terse=True),
    }


ROUNDS = 2
"""Runs of spaCy alone and of the whole pipeline in the extraction section (the fastest of each is reported)."""


@section("extraction")
def bench_extraction(n_docs: int = 200, **_: Any) -> dict[str, Any]:
    """End-to-end extraction vs the spaCy pipeline alone, on the same generated documents, one process."""
    from .entities import get_nlp, model_name
    from .pipeline import extract_documents
    from .synthetic import generate_documents

    docs = list(generate_documents(n_docs))
    nlp = get_nlp()
    list(extract_documents(docs[:5]))  # warm up: model, gazetteer, lexicons
    texts = [d.text for d in docs]
    words = 0
    spacy_runs: list[float] = []
    runs: list[tuple[float, Counter, int]] = []
    # spaCy alone and end to end, alternately, ROUNDS times each; the fastest run of each counts (as timeit
    # does): a single pair of runs on a busy machine can tilt the ratio either way
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        analysed = list(nlp.pipe(texts, batch_size=16))
        spacy_runs.append(time.perf_counter() - t0)
        words = sum(sum(1 for t in d if not t.is_space and not t.is_punct) for d in analysed)
        del analysed
        timings: Counter = Counter()
        t0 = time.perf_counter()
        events = sum(len(ev) for _, ev in extract_documents(docs, batch_size=16, timings=timings))
        runs.append((time.perf_counter() - t0, timings, events))
    spacy_seconds = min(spacy_runs)
    total, timings, events = min(runs, key=lambda r: r[0])
    stages = {k: round(v, 3) for k, v in sorted(timings.items()) if k not in ("spacy", "after_spacy")}
    return {
        "model": model_name(),
        "documents": n_docs,
        "words": words,
        "events": events,
        "spacy_seconds": round(spacy_seconds, 3),
        "end_to_end_seconds": round(total, 3),
        "words_per_second": round(words / total),
        "articles_per_second": round(n_docs / total, 2),
        "ratio_end_to_end_to_spacy": round(total / spacy_seconds, 3),
        "after_spacy_share": round(timings["after_spacy"] / max(timings["spacy"], 1e-9), 3),
        "stage_seconds": stages,
    }


@section("places")
def bench_places_section(n_docs: int = 200, **_: Any) -> dict[str, Any]:
    """The places stage's share of the spaCy time on the same texts, and the gazetteer's load time and memory."""
    from .places import bench_places, gazetteer_stats
    from .synthetic import generate_documents

    docs = list(generate_documents(n_docs))
    texts, dates = [d.text for d in docs], [d.published for d in docs]
    return {**bench_places(texts, dates), "gazetteer": gazetteer_stats()}


@section("store")
def bench_store(n_events: int = 1_000_000, **_: Any) -> dict[str, Any]:
    """A filtered query (date range + region + type) on a generated database of ``n_events`` events, and the
    store's share of ingest time with the real pipeline."""
    from .store.bench import run as run_store

    return run_store(n_events)


def run(sections: list[str] | None = None, **options: Any) -> dict[str, Any]:
    """Run benchmark sections (all registered ones by default)."""
    _load_sections()
    # the store section builds a large database in this process: it runs last, so that it does not weigh on
    # the memory the scale section measures in its (forked) workers
    order = ["extraction", "places", "languages", "scale", "store"]
    chosen = sections or [*(n for n in order if n in SECTIONS), *(n for n in SECTIONS if n not in order)]
    out: dict[str, Any] = {"machine": machine()}
    for name in chosen:
        if name not in SECTIONS:
            from .errors import ConfigError

            raise ConfigError(
                f"unknown benchmark section {name!r}; known: {', '.join(SECTIONS)}", section=name
            )
        log.info("benchmark section %s", name)
        out[name] = SECTIONS[name](**options)
    return out


def _load_sections() -> None:
    """Import the modules that register sections of their own (they are optional parts)."""
    import importlib

    for module in ("spotrep.lang.bench", "spotrep.batch.bench", "spotrep.feeds.bench"):
        try:
            importlib.import_module(module)
        except ImportError as exc:
            log.debug("no benchmark section from %s (%s)", module, exc)
