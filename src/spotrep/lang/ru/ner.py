"""Russian named entities (PER, LOC, ORG) from slovnet's news NER model.

The weights are the ones the ``natasha`` wheel ships (``natasha/data/emb/navec_news_*.tar`` and
``natasha/data/model/slovnet_ner_news_v1.tar``); they are read from the installed package's folder and nothing
is downloaded. The ``natasha`` package itself is never imported: its ``MorphVocab`` needs pymorphy2, which does
not run on Python 3.11 (``inspect.getargspec``); slovnet and navec alone read the model.

The model is loaded once, on first use, never at import time. Without slovnet, navec or natasha's data the
reader goes on without entities (``entities`` returns ``None``) and says so once in the log.

The model is small matrix products in numpy: BLAS threads only spin against one another on them (on two shared
cores, 10x the CPU time), so each call runs with one BLAS thread (threadpoolctl), then gives the pool back.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

__all__ = ["Entity", "available", "entities"]

EMBEDDING = "emb/navec_news_v1_1B_250K_300d_100q.tar"
NER_MODEL = "model/slovnet_ner_news_v1.tar"
MAX_CHARS = 20_000  # longer texts are read in pieces of about this size, cut at a line or sentence end

_LOCK = threading.Lock()


@dataclass(frozen=True)
class Entity:
    start: int
    end: int  # character offsets in the text
    type: str  # "PER" | "LOC" | "ORG"


def _natasha_data() -> Path | None:
    """natasha's data folder, found without importing natasha (its __init__ imports pymorphy2)."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@functools.cache
def _tagger() -> Any | None:
    with _LOCK:
        try:
            from navec import Navec
            from slovnet import NER
        except ImportError as exc:
            log.warning("Russian named entities off: slovnet/navec are not installed (%s)", exc)
            return None
        data = _natasha_data()
        if data is None or not (data / EMBEDDING).is_file() or not (data / NER_MODEL).is_file():
            log.warning("Russian named entities off: natasha's model files are not installed")
            return None
        try:
            navec = Navec.load(str(data / EMBEDDING))
            ner = NER.load(str(data / NER_MODEL))
            ner.navec(navec)
        except (OSError, ValueError, KeyError) as exc:
            log.warning("Russian named entities off: slovnet's model would not load (%s)", exc)
            return None
        return ner


def available() -> bool:
    """Whether the NER model can be loaded (loads it)."""
    return _tagger() is not None


def _pieces(text: str) -> list[tuple[int, str]]:
    if len(text) <= MAX_CHARS:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + MAX_CHARS)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(". ", start, end))
            if cut > start:
                end = cut + 1
        out.append((start, text[start:end]))
        start = end
    return out


@functools.cache
def _one_thread() -> Any:
    """A context in which numpy's BLAS uses one thread (a null context without threadpoolctl)."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        log.info("threadpoolctl is not installed: Russian named entities run with numpy's BLAS threads")
        return None
    return ThreadpoolController()


def entities(text: str) -> list[Entity] | None:
    """The named entities of a Russian text in text order, or ``None`` when the model is not installed."""
    ner = _tagger()
    if ner is None:
        return None
    out: list[Entity] = []
    controller = _one_thread()
    with controller.limit(limits=1, user_api="blas") if controller else contextlib.nullcontext():
        for offset, piece in _pieces(text):
            if not piece.strip():
                continue
            for span in ner(piece).spans:
                out.append(Entity(offset + span.start, offset + span.stop, span.type))
    return out
