"""The extraction pipeline: document -> spaCy analysis -> triggers -> clause groups -> arguments -> events.

Stages (one module each): ``documents`` (intake), ``entities`` (spaCy and the rulers), ``event_types``
(triggers and typing), ``factuality`` (asserted or not), ``actors``, ``places``, ``dates``, ``numbers``,
``attribution``, ``notes``. This package only wires them. ``extractor`` reads one analysed English document:
it groups the triggers of a sentence into clause groups (``clauses``: one candidate event each), gives each its
arguments (``clauses``, ``scene``), merges candidates that report the same event (``merging``: one event per kind,
place and day, as ACLED codes them) and orders the result (the lead's event first), then writes the records
(``record``). Across sentences it follows the story (docs/stories.md): a sentence without a place or a date of its
own takes its paragraph's; casualties, damage and repeats told later join the incident told before; a headline's
event joins the body's; background yields no event; each event keeps the claim of its own speaker. Documents in
Ukrainian or Russian go to ``spotrep.lang.extract``; long texts are read in sections (here). spaCy analyses only
the lines that can tell an event (``triage``: a cheap lexicon pass; the others are blanked, offsets kept)."""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from ..documents import Document, make_document
from ..entities import get_nlp, one_blas_thread
from ..model import Event
from ..wire import mask_datelines, read_dateline

if TYPE_CHECKING:
    from spacy.tokens import Doc

from .common import (
    _TOKENISH,
    BATCH_CHARS,
    CHUNK_CHARS,
    CHUNK_TOKENS,
)
from .context import (
    SectionContext,
)
from .extractor import (
    DocumentExtractor,
)
from .triage import Triage, triage

log = logging.getLogger(__name__)

# ----------------------------------------------------------------------------------------------- public API


def extract(
    text: str,
    published: str | date | None = None,
    source: str | None = None,
    url: str | None = None,
    *,
    document_id: str | None = None,
) -> list[Event]:
    """Extract the events of one text. ``published`` (YYYY-MM-DD) anchors relative dates."""
    doc = make_document(text, id=document_id, published=published, source=source, url=url)
    return extract_document(doc)


def extract_document(document: Document) -> list[Event]:
    """Extract the events of one Document."""
    for _doc, events in extract_documents([document]):
        return events
    return []


def extract_documents(
    documents: Iterable[Document],
    *,
    batch_size: int = 16,
    timings: Counter | None = None,
    parse_all: bool = False,
) -> Iterator[tuple[Document, list[Event]]]:
    """Extract events from many documents, streaming; spaCy runs in batches (``nlp.pipe``).

    Yields ``(document, events)`` in input order. ``timings``, when given, accumulates seconds per stage (and
    counts ``lines``, the lines with text, and ``lines_parsed``, those spaCy analysed, whole or in part; and
    ``sentences``, ``sentences_parsed`` likewise, as the triage cuts sentences). Only the lines that can
    tell an event are analysed (``triage``); ``parse_all`` analyses every line (the reference the triage is
    measured against).
    """
    from ..lang import lexicon_languages
    from ..lang.detect import detect_language
    from ..lang.extract import extract_document as extract_in_language

    pending: list[tuple[Document, Document]] = []  # (the caller's document, the one read)
    for document in documents:
        if document.lang is None:
            document.lang = detect_language(document.text)
        read = dated_by_dateline(document)
        if document.lang in lexicon_languages():  # read without spaCy: its language's lexicon and morphology
            if pending:
                yield from _run_batch(get_nlp(), pending, timings, parse_all)
                pending = []
            started = time.perf_counter()
            events = extract_in_language(read, document.lang)
            if timings is not None:
                timings[f"lang_{document.lang}"] += time.perf_counter() - started
            yield document, events
            continue
        pending.append((document, read))
        if len(pending) >= batch_size:
            yield from _run_batch(get_nlp(), pending, timings, parse_all)
            pending = []
    if pending:
        yield from _run_batch(get_nlp(), pending, timings, parse_all)


def dated_by_dateline(document: Document) -> Document:
    """The document to read: given without a publication date, a copy dated by its dateline or its head's date
    line ("KABUL, Afghanistan (Jan. 25, 2013) -"), so that its relative dates resolve; the document itself
    otherwise (a date the input gives always wins)."""
    if document.published is not None:
        return document
    dateline = read_dateline(document.text)
    if dateline is None or dateline.day is None:
        return document
    log.debug("%s: published %s, from its dateline", document.id, dateline.day)
    return document.model_copy(update={"published": dateline.day})


def _sections(text: str) -> list[tuple[int, str]]:
    """A long text cut into sections of at most CHUNK_CHARS characters and about CHUNK_TOKENS tokens, each with
    its offset in the text. A section ends at a paragraph break in its second half, else at a sentence end,
    else at a space; the sections put end to end are the text."""
    if not _is_long(text):
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        limit = min(len(text), start + CHUNK_CHARS, _token_limit(text, start))
        end = limit
        if limit < len(text):
            floor = start + max(1, (limit - start) // 2)
            cut = text.rfind("\n", floor, limit)
            if cut != -1:
                end = cut + 1
            else:
                cut = max(text.rfind(mark, floor, limit) for mark in (". ", "? ", "! "))
                if cut == -1:
                    cut = max(text.rfind(space, floor, limit) for space in (" ", "\t"))
                    end = cut + 1 if cut != -1 else limit
                else:
                    end = cut + 2
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _is_long(text: str) -> bool:
    """Whether a text is read in sections: longer than CHUNK_CHARS, or than CHUNK_TOKENS tokens."""
    return len(text) > CHUNK_CHARS or (
        len(text) > CHUNK_TOKENS and len(_TOKENISH.findall(text)) > CHUNK_TOKENS
    )


def _token_limit(text: str, start: int) -> int:
    """Where the CHUNK_TOKENS-th token from ``start`` ends (a word or a punctuation mark: a close upper bound on
    spaCy's tokens), or the end of the text."""
    for n, m in enumerate(_TOKENISH.finditer(text, start, min(len(text), start + CHUNK_CHARS)), 1):
        if n >= CHUNK_TOKENS:
            return m.end()
    return len(text)


def _run_batch(
    nlp, pairs: list[tuple[Document, Document]], timings: Counter | None, parse_all: bool = False
) -> Iterator[tuple[Document, list[Event]]]:
    """Each (caller's document, document read) pair's events, yielded with the caller's document."""
    long = {id(read) for _, read in pairs if _is_long(read.text)}
    short = [read for _, read in pairs if id(read) not in long]
    t0 = time.perf_counter()
    triaged = [_triage(d.text, timings, parse_all=parse_all) for d in short]
    analysed = iter(list(_analyse(nlp, [t.text for t in triaged])))
    if timings is not None:
        timings["spacy"] += time.perf_counter() - t0
    marks = iter(triaged)
    for document, read in pairs:
        if id(read) in long:
            yield document, _read_as_english(_extract_long(nlp, read, timings, parse_all))
            continue
        sdoc, mark = next(analysed), next(marks)
        t1 = time.perf_counter()
        stages: Counter = Counter()
        events = DocumentExtractor(read, sdoc, stages, skipped=mark.skipped_words).run()
        if timings is not None:
            timings["after_spacy"] += time.perf_counter() - t1
            timings.update(stages)
        yield document, _read_as_english(events)


def _triage(text: str, timings: Counter | None, *, head: bool = True, parse_all: bool = False) -> Triage:
    """The text spaCy reads for ``text``: its datelines masked and the lines that can tell no event blanked
    (``triage``); counts the lines with text and those analysed in ``timings`` (``lines``, ``lines_parsed``)."""
    marked = triage(text, mask_datelines(text), head=head, keep_all=parse_all)
    if timings is not None:
        timings["lines"] += marked.lines
        timings["lines_parsed"] += marked.kept
        timings["sentences"] += marked.sentences
        timings["sentences_parsed"] += marked.sentences_kept
    return marked


def _read_as_english(events: list[Event]) -> list[Event]:
    """The events of this pipeline were read as English (``Event.lang``: the language the report was read in)."""
    for ev in events:
        ev.lang = "en"
    return events


# where a text is cut into the pieces spaCy reads apart: after a line break (which ends a sentence anyway, see
# rulers._paragraph_breaks) and after a long run of blanks (a masked dateline, a line the triage blanked)
_PIECE_BREAK = re.compile(r"[^\S\n]*\n\s*|\s{8,}")


def pieces(text: str) -> list[str]:
    """``text`` cut after each of its line breaks and long runs of blanks, the blanks kept at the end of the piece
    before them: put end to end, the pieces are the text. spaCy's parser reads a sentence worse after a token of
    white space ("\\n\\n", the spaces of a masked dateline): "A suicide bomber driving a vehicle ... attacked a
    convoy" after a headline is parsed with "driving" as its root. Each piece starts with a word."""
    cuts = [0, *(m.end() for m in _PIECE_BREAK.finditer(text) if 0 < m.end() < len(text)), len(text)]
    return [text[a:b] for a, b in pairwise(cuts) if b > a] or [text]


def _pipe(nlp, texts: list[str], batch_size: int) -> list[Doc]:
    """spaCy's analyses of ``texts``, each read piece by piece (``pieces``) and put back together: the same text,
    tokens, sentences, entities and spans as one analysis, each sentence parsed from its first word."""
    from spacy.tokens import Doc

    cut = [pieces(t) for t in texts]
    flat = [p for ps in cut for p in ps]
    done = iter(nlp.pipe(flat, batch_size=max(batch_size, len(flat), 1)))
    out = []
    for ps in cut:
        docs = [next(done) for _ in ps]
        out.append(
            docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])
        )
    return out


def _analyse(nlp, texts: list[str]) -> Iterator[Doc]:
    """spaCy's analyses of ``texts``, in batches of at most BATCH_CHARS characters (the parser's memory grows
    with the tokens of a batch, not of a text)."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > BATCH_CHARS:
            with one_blas_thread():
                done = _pipe(nlp, group, len(group))
            yield from done
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        with one_blas_thread():
            done = _pipe(nlp, group, len(group))
        yield from done


def _extract_long(nlp, document: Document, timings: Counter | None, parse_all: bool = False) -> list[Event]:
    """A long document (a dump, a transcript, a book) is read section by section, each like a document of its
    own, so time and memory stay linear; the same event told in several sections is then merged."""
    sections = _sections(document.text)
    events: list[Event] = []
    t0 = time.perf_counter()
    spacy_seconds = 0.0
    carried: SectionContext | None = None
    marks: list[Triage] = []  # the triage of the section being analysed (nlp.pipe reads the texts lazily)

    def texts() -> Iterator[str]:
        for offset, piece in sections:
            marks.append(_triage(piece, timings, head=offset == 0, parse_all=parse_all))
            yield marks[-1].text

    analysed = _one_thread_each(doc for text in texts() for doc in _pipe(nlp, [text], 8))
    for (offset, _piece), sdoc in zip(sections, analysed, strict=True):
        t1 = time.perf_counter()
        spacy_seconds += t1 - t0
        stages: Counter = Counter()
        mark = marks.pop(0)
        extractor = DocumentExtractor(
            document, sdoc, stages, offset=offset, carried=carried, skipped=mark.skipped_words
        )
        events.extend(extractor.run())
        carried = extractor.context or carried  # None when the section is blank
        t0 = time.perf_counter()
        if timings is not None:
            timings["after_spacy"] += t0 - t1
            timings.update(stages)
    if timings is not None:
        timings["spacy"] += spacy_seconds
    return _merge_sections(events)


def _one_thread_each(docs: Iterator[Doc]) -> Iterator[Doc]:
    """``docs``, each drawn with one BLAS thread (``entities.one_blas_thread``)."""
    while True:
        with one_blas_thread():
            doc = next(docs, None)
        if doc is None:
            return
        yield doc


def _merge_sections(events: list[Event]) -> list[Event]:
    """Events of one long document told again in a later section (same type, place, dates and actor) become one,
    with the evidence of every telling. Keyed, so linear in the number of events."""
    out: dict[tuple, Event] = {}
    seen: dict[tuple, set[tuple[int, int]]] = {}
    for e in events:
        key = (
            e.sub_event_type,
            tuple(e.categories[:1]),
            e.location.gazetteer_id or e.location.name,
            e.date_start,
            e.date_end,
            e.actor1.country if e.actor1 else None,
        )
        kept = out.get(key)
        if kept is None:
            out[key] = e
            seen[key] = {(x.start, x.end) for x in e.evidence}
            continue
        for x in e.evidence:
            if (x.start, x.end) not in seen[key]:
                seen[key].add((x.start, x.end))
                kept.evidence.append(x)
        for name in ("fatalities", "injuries", "actor2"):
            if getattr(kept, name) is None:
                setattr(kept, name, getattr(e, name))
    return list(out.values())
