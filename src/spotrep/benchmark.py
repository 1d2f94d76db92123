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


def _corpora(n_docs: int) -> dict[str, list]:
    """The corpora the extraction section runs on: the generated short reports (``n_docs``), 300 copies of the
    founding article (examples/kharkiv_report.txt, or the seed text when the examples are not installed) and
    130 generated articles of a real article's length (``synthetic.generate_articles``: most of their
    sentences are background, quotes and politics, as in a real article)."""
    from pathlib import Path

    from .documents import make_document
    from .synthetic import generate_articles, generate_documents

    example = Path(__file__).resolve().parents[2] / "examples" / "kharkiv_report.txt"
    founding = example.read_text(encoding="utf-8") if example.is_file() else _FOUNDING
    return {
        "synthetic": list(generate_documents(n_docs)),
        "founding_article_x300": [
            make_document(founding, id=f"founding-{i}", published="2024-05-15", source="spotrep example")
            for i in range(300)
        ],
        "articles": list(generate_articles(130)),
    }


_FOUNDING = (
    "Russian missiles kill four in Kharkiv as Ukraine downs drones over the south\n\n"
    "Russian missiles struck the centre of Kharkiv on Sunday, killing four civilians and wounding at least 12 "
    "others, regional governor Oleh Synehubov said.\n"
)


def _measure(docs: list, spacy_nlp) -> dict[str, Any]:
    """spaCy on the whole texts, and extraction end to end, ROUNDS times each, alternately; the fastest run of
    each counts (as timeit does): a single pair of runs on a busy machine can tilt the ratio either way."""
    from .pipeline import extract_documents

    texts = [d.text for d in docs]
    words = 0
    spacy_runs: list[float] = []
    runs: list[tuple[float, Counter, int]] = []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        analysed = list(spacy_nlp.pipe(texts, batch_size=16))
        spacy_runs.append(time.perf_counter() - t0)
        words = sum(sum(1 for t in d if not t.is_space and not t.is_punct) for d in analysed)
        del analysed
        timings: Counter = Counter()
        t0 = time.perf_counter()
        events = sum(len(ev) for _, ev in extract_documents(docs, batch_size=16, timings=timings))
        runs.append((time.perf_counter() - t0, timings, events))
    spacy_seconds = min(spacy_runs)
    total, timings, events = min(runs, key=lambda r: r[0])
    counts = ("spacy", "after_spacy", "lines", "lines_parsed", "sentences", "sentences_parsed")
    stages = {k: round(v, 3) for k, v in sorted(timings.items()) if k not in counts}
    return {
        "documents": len(docs),
        "words": words,
        "events": events,
        "spacy_seconds": round(spacy_seconds, 3),
        "end_to_end_seconds": round(total, 3),
        "ratio_end_to_end_to_spacy": round(total / spacy_seconds, 3),
        "share_of_lines_parsed": round(timings["lines_parsed"] / max(timings["lines"], 1), 3),
        "share_of_sentences_parsed": round(timings["sentences_parsed"] / max(timings["sentences"], 1), 3),
        "words_per_second": round(words / total),
        "articles_per_second": round(len(docs) / total, 2),
        "spacy_share": round(timings["spacy"] / total, 3),
        "stage_seconds": stages,
    }


@section("extraction")
def bench_extraction(n_docs: int = 200, **_: Any) -> dict[str, Any]:
    """End-to-end extraction vs the spaCy pipeline as shipped on the whole texts (``entities.reference_nlp``),
        one process (words/s are per core), on three corpora (``_corpora``). The pipeline analyses only the lines
        that can tell an event (``pipeline.triage``); ``share_of_lines_parsed`` is their share (a line counts when any
    of it is analysed), ``share_of_sentences_parsed`` the share of sentences analysed."""
    from .entities import model_name, reference_nlp
    from .pipeline import extract_documents

    corpora = _corpora(n_docs)
    spacy_nlp = reference_nlp()
    list(extract_documents(corpora["synthetic"][:5]))  # warm up: model, gazetteer, lexicons
    list(spacy_nlp.pipe([d.text for d in corpora["synthetic"][:5]]))
    out: dict[str, Any] = {"model": model_name()}
    for name, docs in corpora.items():
        log.info("extraction benchmark: %s (%d documents)", name, len(docs))
        out[name] = _measure(docs, spacy_nlp)
    return out


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
