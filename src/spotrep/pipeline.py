"""The extraction pipeline: document -> spaCy analysis -> triggers -> clause groups -> arguments -> events.

Stages (one module each): ``documents`` (intake), ``entities`` (spaCy and the rulers), ``event_types``
(triggers and typing), ``factuality`` (asserted or not), ``actors``, ``places``, ``dates``, ``numbers``,
``attribution``, ``notes``. This module only wires them: it groups the triggers of a sentence into clause
groups (one candidate event each), gives each its arguments, merges candidates that report the same event
(one event per kind, place and day, as ACLED codes them) and orders the result (the lead's event first).
Across sentences it follows the story (docs/stories.md): a sentence without a place or a date of its own takes
its paragraph's; casualties, damage and repeats told later join the incident told before; a headline's event
joins the body's; background yields no event; each event keeps the claim of its own speaker.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from . import dates as dates_stage
from . import numbers as numbers_stage
from . import places as places_stage
from .actors import (
    WAR_SIDES,
    ActorMention,
    actor_from_token,
    as_military,
    document_voice,
    is_naf,
    make_actor,
    nationality_of,
    noun_key,
    partisan_actor,
    positions_actor,
    state_of_origin,
    territory_holder,
    war_enemy,
    with_branch,
    with_country,
    with_period,
)
from .attribution import (
    CIVIL_SOURCE_WORDS,
    MILITARY_SOURCE_WORDS,
    Attribution,
    attribution_for,
    claim_status,
    find_attributions,
    resolve_speaker,
)
from .codebook import air_launched, bomb_kind, debris_kind, return_fire
from .codebook import weapon_spans as codebook_weapon_spans
from .documents import Document, make_document
from .entities import get_nlp
from .event_types import (
    CAUSE_KINDS,
    GENERIC_KINDS,
    KINDS,
    Trigger,
    Typing,
    classify,
    find_triggers,
    lemma_of,
    protest_cues,
    protest_typing,
)
from .factuality import why_not_asserted
from .lexicon.actors import ACTOR_NOUNS, COUNTRY_ACTORS, DEMONYMS, ENEMY_WORDS, WEAPON_SIDES
from .lexicon.triggers import FORMS, SPEECH_VERBS, VERB_TRIGGERS
from .lexicon.weapons import WEAPON_SYSTEMS, WEAPON_WORDS
from .model import Actor, Claim, Event, Evidence, Location, Quantity
from .notes import write_notes
from .rulers import SPAN_KEY
from .wire import mask_datelines

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)

CHUNK_CHARS = 25_000
"""Long documents are analysed in sections of at most this many characters, cut at paragraph breaks. The parser's
memory grows with a section's tokens, so sections are small enough to keep a worker near its resting size (a
news article or a bulletin is one section; a report of many pages, a transcript or a dump of articles is cut)."""
CHUNK_TOKENS = 6_000
"""...and at most about this many tokens: a text dense in numbers and punctuation has a token every two or three
characters, where prose has one every five or six."""
BATCH_CHARS = 2 * CHUNK_CHARS
"""Texts analysed together by spaCy hold at most about this many characters (two sections of a long document)."""
_TOKENISH = re.compile(r"\w+|[^\w\s]")

# verbs that introduce a nominal event ("launched an assault", "there was fighting", "clashes erupted")
_SUPPORT_VERBS = frozenset(
    "launch carry conduct stage mount hold continue intensify resume begin report be take occur erupt break "
    "kill wound injure leave hit target cause claim undertake perform execute unleash repel repulse "
    "rage spread escalate start see witness strike".split()
)
# a participle clause that tells the consequence of its head event ("..., killing six civilians")
_CONSEQUENCE_VERBS = frozenset(
    "kill wound injure leave force cause prompt destroy damage spark trigger claim hit set burn displace "
    "send result knock cut devastate wreck ravage".split()
)
# a label of one to three words before a colon, told as a sentence of its own ("Interception:", "Looting:")
_LABEL = re.compile(r"^\W*[A-Za-z][\w/-]*(?:\s+[\w/-]+){0,2}\s*:\s*$")
_TRIP_NOUNS = frozenset("trip visit travel tour journey flight voyage".split())
_PEOPLE_UNITS = frozenset(
    "people civilian person resident villager woman man child policeman policemen officer soldier "
    "protester demonstrator".split()
)
_AREA_WORDS = re.compile(r"\b(border (?:areas?|regions?|districts?)|front ?line|frontline)\b", re.I)
_FAMILY = {
    "assault": "battle",
    "clash": "battle",
    "advance": "battle",  # an advance told with the fighting it met is one battle (ACLED: an armed clash)
    "kill": "attack",
    "wound": "attack",
    "attack": "attack",
    # one ACLED sub-event type each: an air strike and a drone strike on one place and day are one event
    "air_strike": "air",
    "drone_strike": "air",
    "missile": "shelling",
}
_GROUND_KINDS = frozenset({"advance", "assault", "clash"})
_CIVILIAN_HARM = frozenset({"attack", "kill", "wound", "abduction", "sexual"})
_BATTLE_KINDS = _GROUND_KINDS | {"shelling"}
_PLACE_UNITS = frozenset("village town city settlement area region district position front locality".split())
_OWN_PLACE_ONLY = frozenset({"political", "agreement", "group_change"})
_MOVE_KINDS = frozenset({"deployment", "withdrawal", "advance", "base"})
_ABSORBING_PREPS = frozenset("in during amid over due because after following despite as".split())
_INSTRUMENT_PREPS = frozenset({"with", "using"})


@dataclass
class Candidate:
    """One clause group's event before merging."""

    typing: Typing
    sent_index: int
    paragraph: int
    trigger: Token
    triggers: list[Trigger]
    domain: set[int]
    depth: int
    location: Location | None = None
    place_text: str | None = None
    place_start: int | None = None
    span: dates_stage.TimeSpan | None = None
    background: bool = False
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: int | None = None
    injuries: int | None = None
    quantities: list[Quantity] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    claim: Claim = field(default_factory=Claim)
    explicit_source: bool = False
    evidence: list[tuple[int, int]] = field(default_factory=list)
    members: int = 1
    undated: bool = False
    title: bool = False  # told in the headline
    place_inherited: bool = (
        False  # the place comes from elsewhere in the sentence, not the event's own clause
    )

    @property
    def kind(self) -> str:
        return self.typing.kind

    @property
    def family(self) -> str:
        return _FAMILY.get(self.kind, self.kind)


@dataclass(frozen=True)
class SectionContext:
    """What one section of a long document tells the next: where its places lie and who fights."""

    place_country: str | None
    place_region: str | None
    place_countries: frozenset[str]
    belligerents: tuple[str, ...]
    focus: str | None


@dataclass
class DocContext:
    document: Document
    doc: Doc
    sentences: list[Span]
    paragraph_of: list[int]
    headings: set[int]
    titles: set[int]  # the sentences of the headline
    places_by_sentence: dict[int, list[places_stage.PlaceMention]]
    dates_by_sentence: dict[int, list[dates_stage.DateMention]]
    belligerents: tuple[str, ...]
    focus_country: str | None
    weapon_spans: dict[int, str]
    stage_seconds: Counter = field(default_factory=Counter)
    text: str = ""
    quantities_by_sentence: dict[int, list] = field(default_factory=dict)
    # where the text's places lie (never from the nationality words: an actor's nationality is no location)
    place_country: str | None = None
    place_region: str | None = None  # the one first-level region (ISO 3166-2) every named place lies in
    place_countries: frozenset[str] = frozenset()  # every country the text's places lie in
    # paragraph -> the place its story is told at so far (the last event placed by its own sentence)
    story_places: dict[int, Location] = field(default_factory=dict)
    # paragraph -> its story's dates (and whether they are background)
    story_spans: dict[int, tuple[dates_stage.TimeSpan, bool]] = field(default_factory=dict)
    attributions: list[list[Attribution]] = field(default_factory=list)  # per sentence, speakers resolved
    nationalities: frozenset[str] = frozenset()  # every country a nationality word or a country name names

    # per-token values read once per document (a spaCy Token is a new object on each access and its string
    # attributes are decoded on each read); indexed by token.i
    @cached_property
    def tokens(self) -> list[Token]:
        return list(self.doc)

    @cached_property
    def lemmas(self) -> list[str]:
        """``lemma_of`` each token."""
        return [lemma_of(t) for t in self.tokens]

    def lemma(self, i: int) -> str:
        """``lemma_of`` the token ``i``."""
        return self.lemmas[i]

    @cached_property
    def civilian_nouns(self) -> set[int]:
        """The tokens whose lemma is a noun for civilians (ACTOR_NOUNS)."""
        return {i for i, lemma in enumerate(self.lemmas) if ACTOR_NOUNS.get(lemma) == "civilians"}

    @cached_property
    def lowers(self) -> list[str]:
        return [t.lower_ for t in self.tokens]

    @cached_property
    def dated(self) -> list[bool]:
        """Tokens inside a DATE or TIME entity."""
        return [t.ent_type_ in ("DATE", "TIME") for t in self.tokens]

    def place_tokens(self, index: int) -> set[int]:
        """The tokens of a sentence's toponyms (settlements and regions named as places, not as a side)."""
        mentions = self.places_by_sentence.get(index)
        if not mentions:
            return set()
        sent = self.sentences[index]
        out: set[int] = set()
        for m in mentions:
            if m.kind in ("settlement", "region") and not m.metonymy and not m.affiliation:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and sent.start <= span.start < sent.end:
                    out.update(range(span.start, span.end))
        return out

    def sentence_text(self, index: int) -> str:
        """The text of a sentence (a slice of the document's text: Span.text rebuilds it from the tokens)."""
        sent = self.sentences[index]
        return self.text[sent.start_char : sent.end_char]

    def dates_in(self, index: int) -> list[dates_stage.DateMention]:
        """The time expressions of a sentence (found once, on first need), with document offsets."""
        if index not in self.dates_by_sentence:
            t = time.perf_counter()
            sent = self.sentences[index]
            found = dates_stage.find_dates(self.sentence_text(index), self.document.published)
            self.dates_by_sentence[index] = [_shift_date(d, sent.start_char) for d in found]
            self.stage_seconds["dates"] += time.perf_counter() - t
        return self.dates_by_sentence[index]

    def quantities_in(self, index: int) -> list[tuple[numbers_stage.QuantityMention, set[int]]]:
        """The counted things of a sentence (found once), with document offsets and their tokens."""
        if index not in self.quantities_by_sentence:
            sent = self.sentences[index]
            out = []
            for q in numbers_stage.find_quantities(self.sentence_text(index)):
                span = self.doc.char_span(
                    sent.start_char + q.start, sent.start_char + q.end, alignment_mode="expand"
                )
                if span is not None:
                    shifted = replace(q, start=q.start + sent.start_char, end=q.end + sent.start_char)
                    out.append((shifted, set(range(span.start, span.end))))
            self.quantities_by_sentence[index] = out
        return self.quantities_by_sentence[index]

    @cached_property
    def voice(self) -> str | None:
        """Whose official English the text is written in (``actors.document_voice``)."""
        return document_voice(self.lowers)

    @cached_property
    def in_war(self) -> bool:
        """Is the text about the Russia-Ukraine war (its places, its belligerents or its voice)?"""
        return self.voice is not None or bool(set(WAR_SIDES) & (self.nationalities | self.place_countries))

    def opponent(self, country: str | None) -> str | None:
        if country and len(self.belligerents) == 2 and country in self.belligerents:
            return self.belligerents[1] if self.belligerents[0] == country else self.belligerents[0]
        return None


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
    documents: Iterable[Document], *, batch_size: int = 16, timings: Counter | None = None
) -> Iterator[tuple[Document, list[Event]]]:
    """Extract events from many documents, streaming; spaCy runs in batches (``nlp.pipe``).

    Yields ``(document, events)`` in input order. ``timings``, when given, accumulates seconds per stage.
    """
    from .lang.detect import detect_language
    from .lang.extract import LANGUAGES
    from .lang.extract import extract_document as extract_in_language

    pending: list[Document] = []
    for document in documents:
        if document.lang is None:
            document.lang = detect_language(document.text)
        if document.lang in LANGUAGES:  # read without spaCy: its language's lexicon and morphology
            if pending:
                yield from _run_batch(get_nlp(), pending, timings)
                pending = []
            started = time.perf_counter()
            events = extract_in_language(document, document.lang)
            if timings is not None:
                timings[f"lang_{document.lang}"] += time.perf_counter() - started
            yield document, events
            continue
        pending.append(document)
        if len(pending) >= batch_size:
            yield from _run_batch(get_nlp(), pending, timings)
            pending = []
    if pending:
        yield from _run_batch(get_nlp(), pending, timings)


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
    nlp, documents: list[Document], timings: Counter | None
) -> Iterator[tuple[Document, list[Event]]]:
    long = {id(d) for d in documents if _is_long(d.text)}
    short = [d for d in documents if id(d) not in long]
    t0 = time.perf_counter()
    analysed = iter(list(_analyse(nlp, [mask_datelines(d.text) for d in short])))
    if timings is not None:
        timings["spacy"] += time.perf_counter() - t0
    for document in documents:
        if id(document) in long:
            yield document, _read_as_english(_extract_long(nlp, document, timings))
            continue
        sdoc = next(analysed)
        t1 = time.perf_counter()
        stages: Counter = Counter()
        events = DocumentExtractor(document, sdoc, stages).run()
        if timings is not None:
            timings["after_spacy"] += time.perf_counter() - t1
            timings.update(stages)
        yield document, _read_as_english(events)


def _read_as_english(events: list[Event]) -> list[Event]:
    """The events of this pipeline were read as English (``Event.lang``: the language the report was read in)."""
    for ev in events:
        ev.lang = "en"
    return events


def _analyse(nlp, texts: list[str]) -> Iterator[Doc]:
    """spaCy's analyses of ``texts``, in batches of at most BATCH_CHARS characters (the parser's memory grows
    with the tokens of a batch, not of a text)."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > BATCH_CHARS:
            yield from nlp.pipe(group, batch_size=len(group))
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield from nlp.pipe(group, batch_size=len(group))


def _extract_long(nlp, document: Document, timings: Counter | None) -> list[Event]:
    """A long document (a dump, a transcript, a book) is read section by section, each like a document of its
    own, so time and memory stay linear; the same event told in several sections is then merged."""
    sections = _sections(document.text)
    events: list[Event] = []
    t0 = time.perf_counter()
    spacy_seconds = 0.0
    carried: SectionContext | None = None
    for (offset, _piece), sdoc in zip(
        sections, nlp.pipe((mask_datelines(p) for _, p in sections), batch_size=2), strict=True
    ):
        t1 = time.perf_counter()
        spacy_seconds += t1 - t0
        stages: Counter = Counter()
        extractor = DocumentExtractor(document, sdoc, stages, offset=offset, carried=carried)
        events.extend(extractor.run())
        carried = extractor.context or carried  # None when the section is blank
        t0 = time.perf_counter()
        if timings is not None:
            timings["after_spacy"] += t0 - t1
            timings.update(stages)
    if timings is not None:
        timings["spacy"] += spacy_seconds
    return _merge_sections(events)


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


# ------------------------------------------------------------------------------------------ the extractor


class DocumentExtractor:
    """Extraction for one analysed document."""

    def __init__(
        self,
        document: Document,
        doc: Doc,
        stage_seconds: Counter | None = None,
        *,
        offset: int = 0,
        carried: SectionContext | None = None,
    ) -> None:
        self.document = document
        self.doc = doc
        self.offset = offset  # where the analysed text starts in the document (sections of long documents)
        self.stage_seconds = stage_seconds if stage_seconds is not None else Counter()
        # the context of the document's earlier sections (a long document is read section by section)
        self.carried = carried
        self.context: SectionContext | None = None  # this text's own, for the next section

    # -- context ---------------------------------------------------------------------------------------

    def _context(self) -> DocContext:
        doc, text = (
            self.doc,
            self.doc.text,
        )  # Doc.text is rebuilt from the tokens on each access: read it once
        sentences = [s for s in doc.sents if text[s.start_char : s.end_char].strip()]
        # paragraphs: blocks separated by blank lines (or single newlines)
        breaks = [m.end() for m in re.finditer(r"\n\s*\n|\n", text)]
        paragraph_of = []
        for s in sentences:
            paragraph_of.append(bisect.bisect_right(breaks, s.start_char))
        headings = self._headings(sentences, paragraph_of, text)
        titles = self._titles(sentences, paragraph_of, text)
        t = time.perf_counter()
        mentions = places_stage.find_places(doc, candidates=False, text=text, on=self.document.published)
        self.stage_seconds["places"] += time.perf_counter() - t
        by_sentence: dict[int, list] = {}
        starts = [s.start_char for s in sentences]
        for m in mentions:
            by_sentence.setdefault(_sentence_at(starts, m.start), []).append(m)
        dates_by: dict[int, list] = {}  # filled on demand, for the sentences that report events
        countries = Counter()
        for token in doc:
            low = token.lower_
            code = DEMONYMS.get(low) if token.ent_type_ in ("NORP", "GPE") or low in DEMONYMS else None
            if code:
                countries[code] += 1
            elif token.ent_type_ == "GPE" and token.pos_ == "PROPN" and low in COUNTRY_ACTORS:
                countries[COUNTRY_ACTORS[low]] += 1
        belligerents = tuple(c for c, n in countries.most_common(2) if n >= 2)
        place_country, place_region, place_countries = _text_place_area(mentions)
        # the country an unqualified official speaks for: where the text's places lie, else the nationality the
        # text names most (a speaker's home, never an event's location)
        focus = place_country or (countries.most_common(1)[0][0] if countries else None)
        carried = self.carried
        if carried is not None:
            # a section of a long document that names no place, or no belligerents, of its own goes on with the
            # story of the sections before it
            if not place_countries:
                place_country, place_region, place_countries = (
                    carried.place_country,
                    carried.place_region,
                    carried.place_countries,
                )
                focus = place_country or focus or carried.focus
            if not belligerents:
                belligerents = carried.belligerents
        self.context = SectionContext(place_country, place_region, place_countries, belligerents, focus)
        weapon_spans: dict[int, str] = {}
        if SPAN_KEY in doc.spans:
            for span in doc.spans[SPAN_KEY]:
                if span.label_ == "WEAPON":
                    for t in span:
                        weapon_spans.setdefault(t.i, span.id_ or span.text)
        return DocContext(
            self.document,
            doc,
            sentences,
            paragraph_of,
            headings,
            titles,
            by_sentence,
            dates_by,
            belligerents,
            focus,
            weapon_spans,
            self.stage_seconds,
            text,
            place_country=place_country,
            place_region=place_region,
            place_countries=place_countries,
            nationalities=frozenset(countries),
        )

    @staticmethod
    def _headings(sentences: list[Span], paragraph_of: list[int], text: str) -> set[int]:
        """Section headings and bylines (short paragraphs without a final full stop) report no events."""
        out: set[int] = set()
        by_par: dict[int, list[int]] = {}
        for i, p in enumerate(paragraph_of):
            by_par.setdefault(p, []).append(i)
        if len(by_par) < 2:
            return out
        first = min(by_par)
        for p, idx in by_par.items():
            if p == first or len(idx) != 1:
                continue
            s = sentences[idx[0]]
            stripped = text[s.start_char : s.end_char].strip().strip("'\"‘’“”«» ")
            if len(s) <= 14 and not re.search(r"[.!?]$", stripped):
                out.add(idx[0])
        return out

    @staticmethod
    def _titles(sentences: list[Span], paragraph_of: list[int], text: str) -> set[int]:
        """The headline: a first paragraph of one line without a final full stop, with more text after it."""
        if not sentences:
            return set()
        first = paragraph_of[0]
        idx = [i for i, p in enumerate(paragraph_of) if p == first]
        if len(idx) == len(sentences):
            return set()
        start, end = sentences[idx[0]].start_char, sentences[idx[-1]].end_char
        line = text[start:end].strip()
        if "\n" in line or re.search(r"[.!?][\"'’”»]?$", line):
            return set()
        return set(idx)

    # -- main ------------------------------------------------------------------------------------------

    def run(self) -> list[Event]:
        if not self.document.text.strip():
            return []
        ctx = self._context()
        t = time.perf_counter()
        _find_speakers(ctx)
        candidates: list[Candidate] = []
        label: str | None = None
        label_at = -1
        told_last: tuple[int, list[Candidate]] | None = None  # the sentence just read, when it told events
        for i, sent in enumerate(ctx.sentences):
            if i in ctx.headings:
                continue
            if _LABEL.match(ctx.sentence_text(i)):
                # a label naming what the next sentence tells ("Interception:", "Looting:")
                label, label_at = next((t.kind for t in find_triggers(sent) if t.strong), None), i
                continue
            found = self._sentence_candidates(ctx, i, sent, label)
            if not found and told_last is not None:
                _casualties_told_after(ctx, i, told_last)
            if not found and label is not None and label_at == i - 1:
                # the sentence tells nothing the pipeline can assert: the label's own word is the event
                found = self._sentence_candidates(ctx, label_at, ctx.sentences[label_at])
                for c in found:
                    c.sent_index, c.evidence = i, [*c.evidence, (sent.start_char, sent.end_char)]
                    _place_from_sentence(ctx, i, c)
            label = None
            candidates.extend(found)
            told_last = (i, found) if found else None
            placed = [c for c in found if c.location is not None and not getattr(c, "_story", False)]
            if placed:
                lead = min(placed, key=lambda c: (c.depth, c.place_start or 0))
                ctx.story_places[ctx.paragraph_of[i]] = lead.location  # type: ignore[assignment]
            # the story's days: an aside about the past ("[a battle in 1918]") dates no later sentence, unless the
            # paragraph opens with it (a report on past days)
            opening = i == 0 or ctx.paragraph_of[i - 1] != ctx.paragraph_of[i]
            dated = [
                c for c in found if c.span is not None and not c.undated and (opening or not c.background)
            ]
            if dated:
                story = min(dated, key=lambda c: (c.background, c.depth))
                ctx.story_spans[ctx.paragraph_of[i]] = (story.span, story.background)  # type: ignore[assignment]
        merged = _fold_intercepted(ctx, _resolve_return_fire(_merge(ctx, _fold_story(ctx, candidates))))
        merged = _drop_denied(_drop_recalled(ctx, merged))
        _resolve_protests(ctx, merged)
        _resolve_weapons(ctx, merged)
        _resolve_transfers(ctx, merged)
        _protest_actors(merged)
        _story_agents(ctx, merged)
        ordered = _order(_drop_tallies(ctx, merged))
        events = [_event(ctx, c, self.offset) for c in ordered]
        self.stage_seconds["events"] += time.perf_counter() - t
        return events

    # -- per sentence ----------------------------------------------------------------------------------

    def _sentence_candidates(
        self, ctx: DocContext, index: int, sent: Span, label_kind: str | None = None
    ) -> list[Candidate]:
        found = find_triggers(sent, ctx.place_tokens(index))
        label = _label_end(sent, ctx.sentence_text(index))
        # "Looting: On 7 April, Russian forces ... 'confiscated' all the aid": the label names the kind of what
        # the sentence tells; it is no event of its own when the sentence tells one
        labels = [t for t in found if t.i < label and t.strong]
        triggers = [t for t in found if t.i >= label]
        label_kind = labels[0].kind if labels else label_kind
        if label_kind is None:
            return self._sentence_candidates_of(ctx, index, sent, triggers)
        out = self._sentence_candidates_of(ctx, index, sent, triggers) if triggers else []
        if not out and triggers:
            # the label vouches for a trigger the sentence leaves ambiguous ("'confiscated' all the aid")
            out = self._sentence_candidates_of(ctx, index, sent, [replace(t, strong=True) for t in triggers])
        if not out and labels:
            return self._sentence_candidates_of(ctx, index, sent, found)
        if out:
            _type_by_label(out, label_kind)
        return out

    def _sentence_candidates_of(
        self, ctx: DocContext, index: int, sent: Span, triggers: list[Trigger]
    ) -> list[Candidate]:
        if not triggers:
            return []
        kept = []
        question = ctx.sentence_text(index).rstrip().endswith("?")
        for trig in triggers:
            reason = why_not_asserted(trig.token, question=question)
            if reason:
                log.debug("not an event: %r (%s)", trig.token.text, reason)
                continue
            kept.append(trig)
        if not kept:
            return []
        attributions = ctx.attributions[index]
        source_tokens = set().union(*(a.source_tokens for a in attributions)) if attributions else set()
        kept = [t for t in kept if t.i not in source_tokens]
        groups = _group(kept)
        domains = _domains(sent, groups, source_tokens)
        out: list[Candidate] = []
        for anchor, group in groups.items():
            cand = self._candidate(ctx, index, sent, anchor, group, domains[anchor], attributions)
            if cand is not None:
                out.append(cand)
        if not out:
            return []  # no candidate event: the sentence's places and dates are not needed
        out = _fold_fighting_into_takeovers(ctx, _fold_causes(ctx.doc, out))
        self._places(ctx, index, sent, out, domains, source_tokens)
        self._dates(ctx, index, out, domains)
        expanded: list[Candidate] = []
        for cand in out:
            expanded.extend(self._split_by_place(ctx, index, sent, cand))
        for cand in expanded:
            if not getattr(cand, "_area", False) and cand.kind not in _OWN_PLACE_ONLY:
                self._story_location(ctx, index, cand)
            self._finish(ctx, sent, cand, attributions)
        return expanded

    def _candidate(
        self,
        ctx: DocContext,
        index: int,
        sent: Span,
        anchor: int,
        group: list[Trigger],
        domain: set[int],
        attributions: list[Attribution],
    ) -> Candidate | None:
        doc = ctx.doc
        strong = [t for t in group if t.strong and not t.absorbed]
        weapon_kinds = set()
        weapons: list[str] = []
        lemmas, lowers, dated = ctx.lemmas, ctx.lowers, ctx.dated
        spans = ctx.weapon_spans
        for i in sorted(domain):
            if i in spans:
                name = spans[i]
                if name not in weapons:
                    weapons.append(name)
                weapon_kinds.add(WEAPON_SYSTEMS[name][0] if name in WEAPON_SYSTEMS else "missile")
                continue
            w = WEAPON_WORDS.get(lemmas[i])
            if not w:
                continue
            tok = ctx.tokens[i]
            if lemmas[i] == "bomber" and any(c.lower_ == "suicide" for c in tok.children):
                continue  # a suicide bomber is no aircraft
            if not (lowers[i] == "mine" and tok.pos_ == "PRON") and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
                if w[0] not in weapons:
                    weapons.append(w[0])
                # a mortar bomb is a heavy weapon's round, a state's bomb an aerial bomb
                weapon_kinds.add(bomb_kind(tok) if lemmas[i] == "bomb" else w[1])
        if not strong and not weapon_kinds:
            return None
        heads = {anchor} | {t.i for t in strong}
        habitual = _habitual(ctx, index, domain, heads) or _evaluative(strong)
        if habitual:
            log.debug("not an event: %r (%s)", doc[anchor].text, habitual)
            return None
        kinds = [t.kind for t in strong] or [t.kind for t in group if not t.absorbed]
        if set(kinds) <= GENERIC_KINDS:
            # "killed in a grenade attack", "died in clashes": the absorbed event names what happened
            kinds += [t.kind for t in group if t.absorbed and t.strong and t.kind in CAUSE_KINDS]
        elif set(kinds) <= GENERIC_KINDS | {"arrest"}:
            # "arrests were made during a demonstration": police action in a protest
            kinds += [t.kind for t in group if t.absorbed and t.strong and t.kind in _CROWD_KINDS]
        agent, victim = _agent_and_victim(doc, group)
        agent_mention = _actor_of(doc, agent, sent) if agent is not None else None
        victim_mention = _actor_of(doc, victim, sent) if victim is not None else None
        if (
            agent_mention is not None
            and agent_mention.weapon
            and lemma_of(agent) != "bomber"
            and agent.head.i in {t.i for t in group}
            and agent.i in domain  # not a trigger of its own ("a suicide car bomb exploded")
        ):
            # "Russian missiles kill four ... as Ukraine downs drones": the weapon that acts names the strike
            own = _weapon_kind(doc, agent, ctx)
            if own:
                weapon_kinds = {own}
        if weapon_kinds & {"missile", "rocket"} and "aircraft" not in weapon_kinds and air_launched(sent):
            weapon_kinds.add("aircraft")  # "with a Kh-22 missile launched from a Tu-22M3 bomber"
        # words of the clause (not the months: "March 21" is no march)
        undated = [i for i in domain if not dated[i]]
        context_lemmas = {lemmas[i] for i in undated} | {lowers[i] for i in undated}
        if any(t.kind == "withdrawal" for t in strong):
            # a pull-back "due to the fire impact and assault actions of the enemy" happened under fire
            context_lemmas |= set(lemmas[sent.start : sent.end])
        place_country = None
        classify_args = dict(
            agent_kind=agent_mention.actor.kind
            if agent_mention and not agent_mention.weapon
            else ("military" if agent_mention else None),
            victim_kind=victim_mention.actor.kind if victim_mention else None,
            victim_lemmas={lemma_of(victim)} if victim is not None else set(),
            agent_is_state=bool(
                agent_mention and agent_mention.actor.kind in ("military", "government", "police")
            ),
            agent_country=agent_mention.actor.country if agent_mention else None,
            place_country=place_country,
            aggregate=False,
        )
        typing = classify(kinds, weapon_kinds=weapon_kinds, context_lemmas=context_lemmas, **classify_args)
        if typing is None:
            return None
        if typing.kind == "deployment" and agent_mention is not None and agent_mention.weapon:
            return None  # "a group of attack UAVs is moving towards Odesa": a warning of weapons in flight
        head = min(group, key=lambda t: (_depth(t.token), t.i)).token
        cand = Candidate(typing, index, ctx.paragraph_of[index], head, group, domain, _depth(head))
        cand.title = index in ctx.titles
        cand._unnamed = _unnamed_place(ctx, cand)  # type: ignore[attr-defined]
        cand.weapons = weapons
        cand.evidence = [(sent.start_char, sent.end_char)]
        cand._agent = agent_mention  # type: ignore[attr-defined]
        cand._victim = victim_mention  # type: ignore[attr-defined]
        cand._victim_country = _np_nationality(victim)  # type: ignore[attr-defined]
        cand._weapon_kinds = weapon_kinds  # type: ignore[attr-defined]
        cand._kinds = kinds  # type: ignore[attr-defined]
        cand._debris = typing.kind == "interception" and any(  # type: ignore[attr-defined]
            debris_kind(t.token, lemmas[t.i]) for t in strong
        )
        cand._context = context_lemmas  # type: ignore[attr-defined]
        cand._classify_args = classify_args  # type: ignore[attr-defined]
        cand._attribution = attribution_for(head.i, attributions) or _paragraph_speaker(ctx, index)  # type: ignore[attr-defined]
        return cand

    # -- places ----------------------------------------------------------------------------------------

    def _places(self, ctx, index, sent, cands, domains, source_tokens) -> None:
        mentions = ctx.places_by_sentence.get(index, [])
        doc = ctx.doc
        usable = []
        for m in mentions:
            if m.metonymy or (m.location is None and m.kind != "area"):
                continue
            if m.affiliation or _AFFILIATED.match(ctx.text, m.end):
                continue  # "Russia-backed separatists", "Donetsk rebels": a side, not a place
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            toks = set(range(span.start, span.end))
            root = span.root
            if root.lower_ in COUNTRY_ACTORS and (
                root.dep_ in ("nsubj", "poss")
                or root.head.dep_ == "agent"
                or (root.dep_ == "compound" and noun_key(root.head) in _STATE_HEADS)
            ):
                continue  # "Russia advanced", "Ukraine's forces", "the Kyiv regime": an actor, not a place
            if any(
                ctx.lemma(a.i) in _TRIP_NOUNS
                for t in span
                for a in t.ancestors
                if a.i in range(sent.start, sent.end) and a.i < t.i and a.i >= t.i - 8
            ):
                continue
            if _part_of_story_place(doc, span.start):
                continue  # "in the city's Kyivskyi district": a part of the place the story is at
            if _origin_of_fire(ctx, root):
                continue  # "drones launched from the Primorsko-Akhtarsk area": where fire came from
            if _describes_the_named_place(root):
                continue  # "the Black Sea city of Odesa": the city is the place, the sea describes it
            usable.append((m, toks))
        axes = [(m, toks) for m, toks in usable if _names_an_axis(ctx, max(toks))]
        if axes and len(axes) < len(usable):
            # "In the Kherson direction, ... near Krynky": a front's axis is named after a city; the event is
            # at the settlement the sentence names
            usable = [u for u in usable if u not in axes]
        claimed: set[int] = set()
        for cand in cands:
            anchor_dom = cand.domain
            own = [
                (m, toks)
                for m, toks in usable
                if toks & anchor_dom
                and not toks <= source_tokens
                and not (cand.kind in _LEAVING_KINDS and _destination(ctx, toks))
            ]
            if cand.kind in _MOVING_KINDS:
                # "took Rostov-on-Don and advanced towards Moscow": where forces headed is not where they are
                ahead = [(m, toks) for m, toks in own if _destination(ctx, toks)]
                if ahead and len(ahead) < len(own):
                    own = [u for u in own if u not in ahead]
            cand._places = own  # type: ignore[attr-defined]
            for _m, toks in own:
                claimed |= toks
        free = [(m, toks) for m, toks in usable if not toks & claimed and not toks <= source_tokens]
        in_source = [(m, toks) for m, toks in usable if toks <= source_tokens]
        for n, cand in enumerate(cands):
            if cand._places or cand.kind in _OWN_PLACE_ONLY:  # type: ignore[attr-defined]
                continue
            antecedent = _relative_antecedent(cand.trigger)
            if antecedent is not None:
                near = [(m, toks) for m, toks in usable if any(i in toks for i in antecedent)]
                if near:
                    cand._places = near  # type: ignore[attr-defined]
                    cand.place_inherited = True
                    continue
            mine = [u for u in free if not (cand.kind in _LEAVING_KINDS and _destination(ctx, u[1]))]
            if mine:
                cand._places = mine  # type: ignore[attr-defined]
                cand.place_inherited = True
                continue
            siblings = [c for c in cands[:n][::-1] + cands[n + 1 :] if c._places]  # type: ignore[attr-defined]
            if siblings:
                cand._places = siblings[0]._places  # type: ignore[attr-defined]
                cand.place_inherited = True
                continue
            if in_source:
                cand._places = in_source  # type: ignore[attr-defined]
                cand._speaker_place = True  # type: ignore[attr-defined]
                cand.place_inherited = True

    def _split_by_place(self, ctx: DocContext, index: int, sent: Span, cand: Candidate) -> list[Candidate]:
        mentions = [m for m, _ in getattr(cand, "_places", [])]
        resolved = [m for m in mentions if m.location is not None]
        areas = [m for m in mentions if m.location is None and m.kind == "area"]
        resolved = _most_specific(resolved)
        if not resolved and not areas:
            cand.location = None
            return [cand]
        groups = _coordinated_groups(ctx.text, sorted(resolved + areas, key=lambda m: m.start))
        counts = _place_counts(ctx.text, [g[0] for g in groups]) if len(groups) > 1 else []
        if sum(n is not None for n in counts) < 2:
            counts = []
        out = []
        for n, group in enumerate(groups):
            primary = group[0]
            c = cand if n == 0 else _copy(cand)
            if counts:
                c._place_count = counts[n]  # type: ignore[attr-defined]
            c.location = primary.location
            c.place_text = primary.text
            c.place_start = primary.start
            c._area = primary.location is None  # type: ignore[attr-defined]
            out.append(c)
        if len(out) > 1:
            # quantities and weapons go with the place they are written next to
            for c in out:
                c._place_order = [x.place_start for x in out]  # type: ignore[attr-defined]
        return out

    @staticmethod
    def _story_location(ctx: DocContext, index: int, cand: Candidate) -> None:
        """A sentence that names no place continues the story of its paragraph ("Russian forces shelled X. Two
        civilians were killed."): it happened where the paragraph's story is. So does one that names only its
        speaker's region ("..., Odesa regional governor said") when the story is at a place in that region."""
        speaker_place = getattr(cand, "_speaker_place", False)
        if cand.location is not None and not speaker_place:
            return
        story = _story_place(ctx, index)
        if story is None:
            return
        if speaker_place and cand.location is not None:
            own = cand.location
            if not (own.admin1_code and own.admin1_code == story.admin1_code and own.geo_precision == 3):
                return
        cand.location, cand.place_inherited = story, True
        cand._story = True  # type: ignore[attr-defined]

    # -- dates -----------------------------------------------------------------------------------------

    def _dates(self, ctx: DocContext, index: int, cands: list[Candidate], domains) -> None:
        self._dates_from_text(ctx, index, cands)
        published = ctx.document.published
        story = ctx.story_spans.get(ctx.paragraph_of[index])
        for cand in cands:
            if cand.span is None and story is not None:
                # a sentence without a date of its own continues its paragraph's story
                cand.span, cand.background = story
            if cand.span is None and published is not None:
                # an undated report in a dated document: the day of publication or the day before
                cand.span = dates_stage.TimeSpan(published - timedelta(days=1), published, 2)
                cand.undated = True

    def _dates_from_text(self, ctx: DocContext, index: int, cands: list[Candidate]) -> None:
        mentions = ctx.dates_in(index)
        if not mentions:
            return
        doc = ctx.doc
        located = []
        for m in mentions:
            if m.kind == "anaphoric" and not m.span.resolved and ctx.document.published is not None:
                continue  # "a week after launching the incursion": no day of its own; the report's days stand
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            located.append((m, set(range(span.start, span.end)) if span is not None else set()))
        claimed: set[int] = set()
        for cand in cands:
            own = [m for m, toks in located if toks & cand.domain]
            if own:
                chosen = _best_date(own)
                cand.span, cand.background = chosen.span, chosen.past_background
                for m, toks in located:
                    if m is chosen or toks & cand.domain:
                        claimed |= toks
        # a past date of another clause does not date this one; a date opening the sentence dates all of it
        # ("Around 10 March 2022 (week of), Russian forces looted ...")
        opening = _label_end(ctx.sentences[index], ctx.sentence_text(index)) + 2
        free = [
            m
            for m, toks in located
            if not toks & claimed
            and (not m.past_background or (toks and min(toks) <= opening))
            and not _describes_a_thing(ctx, toks)
        ]
        for n, cand in enumerate(cands):
            if cand.span is not None:
                continue
            if free:
                chosen = _best_date(free)
                cand.span = chosen.span
                # "the ministry said on Monday it had struck ...": the day of the statement; the event may be
                # the day before (merging widens it by a day)
                cand._said_on = any(  # type: ignore[attr-defined]
                    m is chosen and _dates_a_statement(ctx, toks) for m, toks in located
                )
                continue
            others = [c for c in cands[:n][::-1] + cands[n + 1 :] if c.span is not None]
            sib = [c for c in others if not c.background]
            if sib:
                cand.span = sib[0].span
            else:
                # "besieged Chernihiv ... before withdrawing in early April 2022": an event told as what came
                # before (or after) a past one is past too
                earlier = [o for o in others if _time_clause_of(o.trigger, cand.trigger)]
                if earlier:
                    cand.span, cand.background = earlier[0].span, True

    # -- arguments -------------------------------------------------------------------------------------

    def _finish(self, ctx: DocContext, sent: Span, cand: Candidate, attributions: list[Attribution]) -> None:
        doc = ctx.doc
        att: Attribution | None = cand._attribution  # type: ignore[attr-defined]
        agent: ActorMention | None = cand._agent  # type: ignore[attr-defined]
        victim: ActorMention | None = cand._victim  # type: ignore[attr-defined]
        kind = cand.kind
        loc_country = cand.location.country if cand.location else None

        # the source of the claim and its country
        source_country = None
        if att is not None:
            source_country = att.source_country
        # actor1 ("30,000 Russian forces have been deployed": the moved forces act)
        if (
            agent is None
            and victim is not None
            and kind in _MOVE_KINDS
            and victim.actor.kind in ("military", "armed_group", "police")
        ):
            agent, victim = victim, None
        on = _candidate_day(ctx, cand)
        actor1 = _side_actor(ctx, cand, agent, on)
        if (
            actor1 is not None
            and (actor1.kind in ("government",) or (agent and agent.institution))
            and kind in KINDS
            and kind not in ("political", "agreement", "arrest", "group_change")
        ):
            actor1 = as_military(actor1)
        first_person = _first_person(ctx, cand.domain)
        if actor1 is None and kind in ("withdrawal", "deployment") and (first_person or att is not None):
            actor1 = None  # filled from the source below
        # source country from context when the source does not name its country
        if att is not None and source_country is None:
            words = att.source_words
            if words & {"enemy"}:
                source_country = None
            elif (
                words & CIVIL_SOURCE_WORDS
                and (not words & {"military"} or words & {"administration"})
                and loc_country
            ):
                source_country = loc_country
            elif (
                words & MILITARY_SOURCE_WORDS
                and actor1 is not None
                and actor1.country
                and kind
                in (
                    "interception",
                    "capture",
                    "recapture",
                    "advance",
                    "withdrawal",
                    "deployment",
                    "assault",
                    "clash",
                    "air_strike",
                    "drone_strike",
                    "missile",
                    "shelling",
                    "weapons_seizure",
                )
            ):
                source_country = actor1.country
            else:
                source_country = _home_country(ctx, cand)
        if att is not None and att.source_country is None and source_country:
            att.source_country = source_country  # what later speech acts naming this speaker again resolve to
        if actor1 is None and kind in ("withdrawal",) and source_country:
            actor1 = make_actor("military", source_country)
        if actor1 is not None and actor1.country is None:
            fill = None
            if (
                actor1.kind in ("military", "government")
                and source_country
                and kind in ("deployment", "withdrawal", "interception", "political", "capture", "recapture")
            ):
                fill = source_country
            elif (actor1.kind in ("police", "civilians", "protesters") and loc_country) or (
                actor1.kind in ("military", "government") and _government_word(doc, agent) and loc_country
            ):
                fill = loc_country
            actor1 = with_country(actor1, fill)
        if actor1 is None or (actor1.country is None and not is_naf(actor1)):
            actor1 = _implied_actor1(ctx, cand, victim, att, source_country, on) or actor1
        if cand.typing.sub_event_type == "Air/drone strike" and _by_aircraft(cand):
            actor1 = with_branch(actor1, "Air Force")  # ACLED: strikes by aircraft are the air force's
        # actor2 (not the weapon fired: "fired mortars at the positions of X" hits X)
        if victim is not None and victim.weapon and kind != "interception":
            victim = None
        target = victim or _second_party(ctx, cand) or _harmed_civilians(ctx, cand)
        if target is not None and target.via == "country" and cand.typing.sub_event_type in _REMOTE_STRIKES:
            target = None  # "aerial attacks on Russia": the country struck is where, not whom
        actor2 = _side_actor(ctx, cand, target, on, target=True)
        if (
            actor2 is not None
            and actor2.country is None
            and (
                actor2.kind in ("civilians", "police", "protesters")
                or (actor2.kind == "military" and target is not None and _government_word(doc, target))
            )
        ):
            actor2 = with_country(actor2, loc_country)
        # the other side of a battle, a territorial change or an interception (whose drones were downed) is
        # the enemy of actor1 when the text names no one else with a country
        if kind in ("clash", "assault", "advance", "capture", "recapture", "withdrawal", "interception") and (
            actor2 is None or actor2.kind == "civilians" or (actor2.country is None and not is_naf(actor2))
        ):
            opp = _war_opponent(ctx, actor1, on)
            # the war's other side (not one the text names) says who, not where: never the event's country
            cand._war_actor2 = opp is not None and ctx.opponent(actor1.country if actor1 else None) is None  # type: ignore[attr-defined]
            actor2 = opp or actor2
        if actor1 is not None and actor2 is not None and actor1 == actor2:
            actor2 = None
        cand.actor1, cand.actor2 = actor1, actor2
        # retyping that depends on the actor and the place
        if (
            kind == "capture"
            and actor1 is not None
            and actor1.kind in ("military", "government", "police")
            and cand.typing.sub_event_type == "Non-state actor overtakes territory"
        ):
            # a state's forces taking ground in their own country regain it; foreign forces overtake it (a
            # place not found: in the Russia-Ukraine war, the ground fought over is Ukraine's)
            place_country = loc_country or ctx.place_country
            if place_country is None and ctx.in_war and actor1.country in WAR_SIDES:
                place_country = "UA"
            if actor1.country is None or place_country is None or actor1.country == place_country:
                cand.typing = Typing("capture", "Government regains territory", cand.typing.categories)
        if (
            kind == "recapture"
            and actor1 is not None
            and actor1.kind in ("military", "government")
            and actor1.country
            and loc_country
            and (opp := _war_opponent(ctx, actor1, on)) is not None
            and loc_country == opp.country
        ):
            # "Russian forces liberated X" in Ukraine: a state's forces taking its enemy's ground do not regain
            # it, they overtake it (ACLED codes them so)
            cats = ["territory_captured", *(k for k in cand.typing.categories if k != "territory_captured")]
            cand.typing = Typing("capture", "Non-state actor overtakes territory", cats)
        if (
            kind in ("kill", "wound", "attack")
            and cand.location is not None
            and cand.location.geo_precision == 3
            and agent is None
            and cand.span is not None
        ):
            cats = list(dict.fromkeys(["casualty_report", *cand.typing.categories]))
            cand.typing = Typing(kind, cand.typing.sub_event_type, cats)
        # numbers
        dom_text = _domain_text(ctx, cand.domain | _victims_described(cand))
        t = time.perf_counter()
        cas = numbers_stage.find_casualties(dom_text)
        if cas.fatalities is None and cas.injuries is None and (dying := _dying_clause(cand)) is not None:
            # "two men died in Nikopol after Russian shelling": the dead of the clause the event is told in
            cas = numbers_stage.find_casualties(_domain_text(ctx, {t.i for t in dying.subtree}))
        cand.fatalities, cand.injuries = cas.fatalities, cas.injuries
        count = getattr(cand, "_place_count", False)
        if count is not False:
            # a toll given place by place: each place's own count (of the dead, or of the wounded)
            if cand.fatalities is not None and cand.injuries is None:
                cand.fatalities = count
            elif cand.injuries is not None and cand.fatalities is None:
                cand.injuries = count
        quantities = []
        for q, q_tokens in ctx.quantities_in(cand.sent_index):
            if not q_tokens & cand.domain:
                continue
            head = q.unit.split()[-1].lower().rstrip("s")
            if head in _PEOPLE_UNITS and kind not in (
                "arrest",
                "abduction",
                "deployment",
                "protest",
                "riot",
                "group_change",
            ):
                continue
            if head in _PLACE_UNITS and q.qualifier != "exact":
                continue  # "several villages", "dozens of settlements": where, not how many
            if getattr(cand, "_place_order", None) and not _nearest_place(q.start, cand):
                continue
            quantities.append(Quantity(count=q.count, unit=q.unit, qualifier=q.qualifier))
        cand.quantities = quantities
        if getattr(cand, "_place_order", None):
            cand.weapons = [w for w in cand.weapons if _weapon_near_place(doc, w, cand)]
        self.stage_seconds["numbers"] += time.perf_counter() - t
        if kind == "drone_strike" and not any(w for w in cand.weapons):
            cand.weapons.append("drone")
        # claim
        if att is not None:
            status = claim_status(
                att,
                kind=kind,
                actor1_country=actor1.country if actor1 else None,
                source_country=source_country,
            )
            cand.claim = Claim(source=att.source_text, source_country=source_country, status=status)
            cand.explicit_source = True
        else:
            cand.claim = Claim(source=ctx.document.source, source_country=None, status="reported")
        # vague areas ("across several border areas") resolve to the country whose territory it is
        if cand.location is None and getattr(cand, "_area", False):
            country = None
            if kind == "interception" and actor1 is not None:
                country = actor1.country
            elif actor2 is not None and not getattr(cand, "_war_actor2", False):
                country = actor2.country
            if country:
                cand.location = places_stage.country_location(country)


# ----------------------------------------------------------------------------------------------- helpers


_LINK_BLOCKERS = frozenset({"conj", "ccomp", "parataxis"})
_CROWD_KINDS = frozenset({"protest", "protest_force", "riot"})


def _linked(lower: Token, upper: Token) -> bool:
    """Does ``lower`` hang on ``upper`` through a subordinate clause or a phrase (not a coordination or a
    reported clause)? "killed when a grenade exploded", "died in an attack that targeted bars"."""
    t = lower
    for _ in range(8):
        if t.i == upper.i:
            return True
        if t.head.i == t.i or (t.dep_ in _LINK_BLOCKERS and (t.pos_ in ("VERB", "AUX") or t.dep_ != "conj")):
            return False
        t = t.head
    return t.i == upper.i


def _fold_into(a: Candidate, b: Candidate) -> None:
    """Candidate ``b`` tells more of ``a`` (same clause family): ``a`` takes its words, triggers and weapons,
    and is typed again with them."""
    kinds = list(a._kinds) + list(b._kinds)  # type: ignore[attr-defined]
    weapon_kinds = set(a._weapon_kinds) | set(b._weapon_kinds)  # type: ignore[attr-defined]
    context = set(a._context) | set(b._context)  # type: ignore[attr-defined]
    args = dict(a._classify_args)  # type: ignore[attr-defined]
    b_args = b._classify_args  # type: ignore[attr-defined]
    if args["victim_kind"] is None and b_args["victim_kind"] is not None:
        args["victim_kind"] = b_args["victim_kind"]
    args["victim_lemmas"] = set(args["victim_lemmas"]) | set(b_args["victim_lemmas"])
    typing = classify(kinds, weapon_kinds=weapon_kinds, context_lemmas=context, **args)
    if typing is not None:
        a.typing = typing
    a._kinds, a._weapon_kinds, a._context = kinds, weapon_kinds, context  # type: ignore[attr-defined]
    a._classify_args = args  # type: ignore[attr-defined]
    a.domain = a.domain | b.domain
    a.triggers = a.triggers + b.triggers
    for w in b.weapons:
        if w not in a.weapons:
            a.weapons.append(w)


def _fold_causes(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A killing or wounding told with its cause in a linked clause ("six people were killed when a grenade
    exploded", "soldiers were killed when militants attacked their outposts") is one event, typed by the
    cause; the casualties stay with it."""
    if len(cands) < 2:
        return cands
    dropped: set[int] = set()
    # "4 killed, 11 wounded in shelling": participles of one list of counts; the casualty one joins the other
    for a in cands:
        if (
            a.kind not in ("kill", "wound")
            or a.trigger.dep_ not in ("acl", "amod")
            or a.trigger.head.pos_ != "NUM"
        ):
            continue
        for b in cands:
            if b is a or id(b) in dropped or b.trigger.dep_ not in ("acl", "amod"):
                continue
            heads = {a.trigger.head.i, a.trigger.head.head.i}
            if (
                b.trigger.head.i in heads
                or b.trigger.head.head.i == a.trigger.head.i
                or (b.trigger.head.pos_ == "NUM" and b.trigger.head.head.i == a.trigger.head.head.i)
            ):
                _fold_into(b, a)
                dropped.add(id(a))
                break
    # "two civilians were killed and four others wounded": one event told by coordinated verbs
    for a in cands:
        if id(a) in dropped or a.kind not in ("kill", "wound"):
            continue
        for b in cands:
            if (
                b is not a
                and id(b) not in dropped
                and b.trigger.dep_ == "conj"
                and b.trigger.head.i == a.trigger.i
                and any(t.kind in ("kill", "wound") and t.i == b.trigger.i for t in b.triggers)
                # a clause with a doer of its own ("and that a Russian drone had wounded two policemen") tells
                # another event
                and (b.kind in ("kill", "wound") or not any(c.dep_ == "dobj" for c in b.trigger.children))
            ):
                # "seven were killed, and eleven wounded in mortar shells": the cause told with the second
                # verb is the cause of both
                _fold_into(a, b)
                dropped.add(id(b))
    for a in cands:
        if id(a) in dropped or a.kind not in GENERIC_KINDS | {"arrest", "disruption"}:
            continue
        for b in cands:
            if b is a or id(b) in dropped or b.kind not in CAUSE_KINDS | GENERIC_KINDS | {"weapons_seizure"}:
                continue
            if a.kind == "arrest" and b.kind not in _CROWD_KINDS:
                continue  # arrests fold only into a demonstration ("police arrested 180 as supporters staged sit-ins")
            if a.kind == "disruption" and b.kind not in CAUSE_KINDS | {"weapons_seizure", "attack"}:
                continue  # "the road was closed after two explosive devices were found"
            a_tokens = [a.trigger] + [t.token for t in a.triggers]
            # the cause is the subject of the clause the casualties are told in ("an airstrike devastated a
            # hospital, officials said, wounding 17")
            sibling = b.trigger.dep_ in ("nsubj", "nsubjpass") and (
                b.trigger.head.i in a.domain
                or any(
                    x.head.i == b.trigger.head.i and x.dep_ in ("advcl", "xcomp", "conj") for x in a_tokens
                )
            )
            if not sibling and not any(_linked(b.trigger, x) or _linked(x, b.trigger) for x in a_tokens):
                continue
            kinds = list(a._kinds) + list(b._kinds)  # type: ignore[attr-defined]
            weapon_kinds = set(a._weapon_kinds) | set(b._weapon_kinds)  # type: ignore[attr-defined]
            context = set(a._context) | set(b._context)  # type: ignore[attr-defined]
            args = dict(a._classify_args)  # type: ignore[attr-defined]
            b_args = b._classify_args  # type: ignore[attr-defined]
            if args["agent_kind"] is None and b_args["agent_kind"] is not None:
                for k in ("agent_kind", "agent_is_state", "agent_country"):
                    args[k] = b_args[k]
                a._agent = b._agent  # type: ignore[attr-defined]
            if (args["victim_kind"] is None and b_args["victim_kind"] is not None) or not args[
                "victim_lemmas"
            ]:
                args["victim_kind"] = args["victim_kind"] or b_args["victim_kind"]
                args["victim_lemmas"] = set(args["victim_lemmas"]) | set(b_args["victim_lemmas"])
            elif b_args["victim_lemmas"]:
                args["victim_lemmas"] = set(args["victim_lemmas"]) | set(b_args["victim_lemmas"])
            typing = classify(kinds, weapon_kinds=weapon_kinds, context_lemmas=context, **args)
            if typing is None:
                continue
            a.typing = typing
            a._kinds, a._weapon_kinds, a._context = kinds, weapon_kinds, context  # type: ignore[attr-defined]
            a._classify_args = args  # type: ignore[attr-defined]
            if getattr(a, "_victim", None) is None:
                a._victim = b._victim  # type: ignore[attr-defined]
            a.domain = a.domain | b.domain
            a.triggers = a.triggers + b.triggers
            for w in b.weapons:
                if w not in a.weapons:
                    a.weapons.append(w)
            dropped.add(id(b))
    return [c for c in cands if id(c) not in dropped]


_TAKEOVER_KINDS = frozenset({"capture", "recapture"})


def _fold_fighting_into_takeovers(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """Fighting told as the way a place was taken ("regained control over X after fighting Russian forces in
    the area", "took the village after heavy clashes") is the takeover itself, not a battle of its own: ACLED
    codes the taking, and the fighting makes it a violent one."""
    takeovers = [c for c in cands if c.kind in _TAKEOVER_KINDS]
    if not takeovers:
        return cands
    dropped: set[int] = set()
    for w in cands:
        # "took full control of Avdiivka after Ukrainian forces withdrew from the town": one transfer
        if w.kind != "withdrawal":
            continue
        taker = next(
            (
                a
                for a in takeovers
                if _time_clause_of(w.trigger, a.trigger)
                or (_coordinated(w.trigger, a.trigger) and not _same_side(w, a))
            ),
            None,
        )
        if taker is not None:
            taker._after_withdrawal = True  # type: ignore[attr-defined]
            dropped.add(id(w))
    for a in takeovers:
        # "clashed in Kharkiv after Russian light vehicles entered the city": entering told as what led to a
        # battle is part of the battle (no control was taken)
        if ctx.lemma(a.trigger.i) != "enter":
            continue
        battle = next(
            (b for b in cands if b.kind in _GROUND_KINDS and _time_clause_of(a.trigger, b.trigger)), None
        )
        if battle is not None:
            battle.typing = Typing(
                battle.kind,
                battle.typing.sub_event_type,
                list(dict.fromkeys([*battle.typing.categories, "advance"])),
            )
            dropped.add(id(a))
    for b in cands:
        if b.kind not in _GROUND_KINDS:
            continue
        for a in takeovers:
            if id(a) in dropped:
                continue
            # "regained control over X after fighting Russian forces in the area"; "entered Kupiansk, ..., as
            # Kyiv's counteroffensive pushed deep into Russian-held territory" (an advance at no named place)
            if b.trigger.i > a.trigger.i and (
                _linked(b.trigger, a.trigger)
                or (b.sent_index == a.sent_index and not _names_a_place(ctx, b.sent_index, b.domain))
            ):
                a._kinds = list(a._kinds) + list(b._kinds)  # type: ignore[attr-defined]
                a.domain = a.domain | b.domain
                a.triggers = a.triggers + b.triggers
                dropped.add(id(b))
                break
    return [c for c in cands if id(c) not in dropped]


def _coordinated(a: Token, b: Token) -> bool:
    """Are two clauses joined by "and" or "as" ("Ukrainian troops withdrew from X, and separatists took control
    of the town", "troops pull out of X as rebels take town")?"""
    return (
        (a.dep_ == "conj" and a.head.i == b.i)
        or (b.dep_ == "conj" and b.head.i == a.i)
        or (b.dep_ == "advcl" and b.head.i == a.i and any(c.lower_ == "as" for c in b.children))
        or (a.dep_ == "advcl" and a.head.i == b.i and any(c.lower_ == "as" for c in a.children))
    )


def _same_side(a: Candidate, b: Candidate) -> bool:
    """Do two clauses name the same side as their doer (by country)?"""
    ca = a._agent.actor.country if getattr(a, "_agent", None) else None  # type: ignore[attr-defined]
    cb = b._agent.actor.country if getattr(b, "_agent", None) else None  # type: ignore[attr-defined]
    return ca is not None and ca == cb


def _names_a_place(ctx: DocContext, index: int, domain: set[int]) -> bool:
    """Does a clause name a place of its own (a resolved toponym among its tokens)?"""
    doc = ctx.doc
    for m in ctx.places_by_sentence.get(index, []):
        if m.location is None or m.metonymy or m.kind == "country":
            continue  # "deep into Russian-held territory" names no place of its own
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and any(i in domain for i in range(span.start, span.end)):
            return True
    return False


def _sentence_at(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _shift_date(m, offset: int):
    return replace(m, start=m.start + offset, end=m.end + offset)


def _depth(token: Token) -> int:
    d = 0
    head = token.head
    while head.i != token.i and d < 50:
        token, head = head, head.head
        d += 1
    return d


def _np_head(token: Token) -> Token:
    """The head noun of the phrase a word belongs to ("assault" in "assault actions" -> "actions"; the first
    conjunct of a coordination)."""
    t = token
    for _ in range(6):
        if (
            t.dep_ in ("compound", "amod", "nmod") and t.head.i != t.i and t.head.pos_ in ("NOUN", "PROPN")
        ) or (t.dep_ == "conj" and t.head.i != t.i and t.head.pos_ in ("NOUN", "PROPN")):
            t = t.head
        else:
            break
    return t


def _clause_of(token: Token, nominal: bool, strong: bool = True) -> tuple[int, bool]:
    """The clause a trigger belongs to, and whether it only modifies that clause.

    Nominal triggers join the verb that introduces them ("launched an assault", "there was fighting"); a
    nominal trigger in a prepositional phrase of a verb ("in a new offensive", "due to assault actions") only
    modifies that verb's clause. Participle clauses of consequence ("..., killing six civilians", "forcing the
    closure of two airports") join their head event.
    """
    t = token
    absorbed = False
    for _ in range(8):
        if nominal:
            head_np = _np_head(t)
            h = head_np.head
            if (
                head_np.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "appos")
                and h.i != head_np.i
                and (h.lemma_.lower() in _SUPPORT_VERBS or h.lemma_.lower() in _CONSEQUENCE_VERBS)
            ):
                t, nominal = h, False
                continue
            if head_np.dep_ == "pobj" and h.dep_ in ("prep", "pcomp", "agent"):
                prep = h
                if prep.dep_ == "pcomp" or (
                    prep.head.dep_ == "prep" and prep.head.lower_ in ("due", "because")
                ):
                    prep = prep.head
                if prep.lower_ in _ABSORBING_PREPS or prep.lower_ in ("due", "because", "to", "by"):
                    verb = prep.head
                    if verb.pos_ in ("VERB", "AUX") or verb.tag_.startswith("VB") or verb.lower_ in FORMS:
                        return verb.i, True
                if strong and prep.lower_ in _INSTRUMENT_PREPS and prep.dep_ == "prep":
                    # "pounded the town with glide bombs", "hit Kherson with artillery": the instrument is how
                    # the verb's event was done, one event typed by it (not an event of its own)
                    verb = prep.head
                    if verb.pos_ == "VERB" and VERB_TRIGGERS.get(lemma_of(verb), "?") != "?":
                        return verb.i, False
            return t.i, absorbed
        # verbs
        if (
            t.dep_ in ("advcl", "conj", "xcomp", "acl")
            and t.tag_ == "VBG"
            and t.lemma_.lower() in _CONSEQUENCE_VERBS
        ):
            t = _reported_event(t.head)
            continue
        if (
            t.dep_ == "relcl"
            and t.lemma_.lower() in _CONSEQUENCE_VERBS
            and any(c.lower_ in ("which", "that") for c in t.children)
        ):
            t = t.head.head if t.head.dep_ in ("nsubj", "dobj", "pobj") else t.head
            continue
        return t.i, absorbed
    return t.i, absorbed


def _reported_event(verb: Token) -> Token:
    """The event verb a consequence participle belongs to when the parser hung it on the speech verb of an
    inserted attribution ("A missile hit X on Wednesday, officials said, wounding 17 people"): the clause the
    speech verb interrupts (or reports)."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return verb
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        return verb.head
    reported = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    return reported if reported is not None else verb


def _group(triggers: list[Trigger]) -> dict[int, list[Trigger]]:
    """Clause groups: triggers that report one event (one candidate each), keyed by the clause's token."""
    groups: dict[int, list[Trigger]] = {}
    by_token = {t.i: t for t in triggers}
    for trig in triggers:
        clause, absorbed = _clause_of(trig.token, trig.nominal, trig.strong)
        # the clause's own token may itself be a trigger that joins a larger clause
        seen = {trig.i}
        while clause in by_token and clause not in seen:
            seen.add(clause)
            nxt, _ = _clause_of(by_token[clause].token, by_token[clause].nominal, by_token[clause].strong)
            if nxt == clause:
                break
            clause = nxt
        trig.absorbed = absorbed
        groups.setdefault(clause, []).append(trig)
    # coordinated verbs of the same kind share their arguments ("intercepted and destroyed 17 drones")
    merged: dict[int, list[Trigger]] = {}
    for a, group in groups.items():
        tok = group[0].token.doc[a]
        target = a
        coord = tok.head if tok.dep_ == "conj" else None
        if tok.dep_ == "amod" and tok.tag_ == "VBG" and tok.head.dep_ == "conj":
            coord = tok.head.head  # "advancing and pounding settlements" parsed as an adjective
        if (
            coord is not None
            and coord.i in groups
            and not any(c.dep_.startswith("nsubj") for c in tok.children)
        ):
            head_kinds = {t.kind for t in groups[coord.i]}
            kinds = {t.kind for t in group}
            if (
                head_kinds & kinds
                or ((head_kinds | kinds) <= _BATTLE_KINDS and head_kinds & _GROUND_KINDS)
                or ((head_kinds | kinds) <= _CIVILIAN_HARM and len(head_kinds | kinds) > 1)
                # "a missile strike killed 22 civilians and injured 100": the toll of the event told
                or (kinds <= {"kill", "wound"} and head_kinds & {"kill", "wound"})
            ):
                target = coord.i
        merged.setdefault(target, []).extend(group)
    # a group made only of modifiers (a noun in a prepositional phrase of a non-event verb) is no event,
    # unless it names a strike ("residents suffered breathing problems after a sarin attack")
    return {
        a: g
        for a, g in merged.items()
        if any(not t.absorbed or (t.strong and t.nominal and t.kind in _REMOTE_KINDS) for t in g)
    }


_REMOTE_KINDS = frozenset(
    {"suicide", "chemical", "grenade", "explosive", "air_strike", "drone_strike", "missile", "shelling"}
)


_CLAUSE_DEPS = frozenset({"conj", "ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})


def _clause_tokens(anchor: Token, members: set[int]) -> set[int]:
    """The tokens of a clause: its subtree without embedded clauses that are not part of it."""
    out: set[int] = set()
    stack = [anchor]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.i in members:
                stack.append(c)
                continue
            if c.dep_ in _CLAUSE_DEPS and (c.pos_ in ("VERB", "AUX") or c.tag_.startswith("VB")):
                has_subject = any(x.dep_.startswith("nsubj") or x.dep_ == "expl" for x in c.children)
                consequence = (
                    c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in _CONSEQUENCE_VERBS
                ) or (  # "..., knocking out power in Kyiv": where the event struck
                    c.dep_ == "acl" and c.tag_ == "VBN" and _is_weapon_noun(t)
                )  # "with a Kh-22 missile launched from a Tu-22M3 bomber": how the weapon was fired
                if (c.dep_ != "conj" and not consequence) or has_subject:
                    continue  # a clause of its own
                if c.dep_ == "conj" and c.lemma_.lower() in SPEECH_VERBS:
                    continue  # "struck X ... and accused Kyiv of ...": a statement of its own
            stack.append(c)
    return out


def _is_weapon_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (
        lemma_of(token) in WEAPON_WORDS or token.i in codebook_weapon_spans(token.doc)
    )


def _domains(sent: Span, groups: dict[int, list[Trigger]], exclude: set[int]) -> dict[int, set[int]]:
    doc = sent.doc
    out = {}
    for a, group in groups.items():
        members = {a} | {t.i for t in group}
        toks = _clause_tokens(doc[a], members)
        for trig in group:
            if trig.i not in toks:
                toks |= _clause_tokens(trig.token, members)
        out[a] = toks
    for a in out:
        for b in out:
            if b != a and b in out[a] and a not in out[b]:
                out[a] -= out[b]
        out[a] -= exclude
    return out


def _agent_and_victim(doc: Doc, group: list[Trigger]) -> tuple[Token | None, Token | None]:
    agent = victim = None
    own = {trig.i for trig in group}
    for trig in sorted(group, key=lambda t: (_depth(t.token), t.i)):
        t = trig.token
        if not trig.nominal:
            a, v = _verbal_arguments(t)
            if a is not None and a.i in own:
                a = None  # "an armed clash took place between ...": the event itself is no agent
            agent, victim = agent or a, victim or v
        if trig.nominal or (agent is None and t.pos_ == "NOUN"):
            # a noun trigger (also one the trigger table reads as a verb: "carried out shelling")
            a, v = _nominal_arguments(t)
            agent, victim = agent or a, victim or v
        if agent is not None and victim is not None:
            break
    if agent is not None and agent.lower_ in ("there", "which", "that", "who"):
        agent = None
    if agent is None:
        agent = _origin_agent(group)
    return _partitive_head(agent), _partitive_head(victim)


def _verbal_arguments(t: Token) -> tuple[Token | None, Token | None]:
    """A verb trigger's agent (subject, passive 'by' agent, a shared subject) and victim (object)."""
    agent = victim = None
    for c in t.children:
        if c.dep_ == "nsubj" and agent is None:
            agent = c
        elif c.dep_ == "agent" and agent is None:
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
        elif c.dep_ in ("dobj", "nsubjpass") and victim is None and _is_victim(c):
            victim = c
    if agent is None and t.pos_ in ("NOUN", "PROPN"):
        # a past-tense verb mis-tagged as a noun ("Kyiv retook"): its subject hangs as a compound
        agent = next((c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if agent is None:
        agent = _inherited_subject(t)
    return agent, victim


# verbs whose object is an event they report or see, not one their subject does ("the governor reported
# shelling", "the mission observed explosions")
_REPORTING_VERBS = SPEECH_VERBS | frozenset(
    "observe record see hear register document monitor witness note notice condemn deny confirm count "
    "recall describe blame".split()
)
# prepositions of the means by which the subject acted ("destroyed with a Bayraktar drone", "through an
# artillery attack")
_INSTRUMENT_PREPS = frozenset({"with", "through", "using", "via", "by"})
# verbs of an event happening, whose 'between' phrase names its sides ("clashes occurred between X and Y")
_HAPPEN_VERBS = frozenset("occur take break erupt continue flare rage ensue happen start resume".split())


def _nominal_arguments(t: Token) -> tuple[Token | None, Token | None]:
    """A noun trigger's agent ('Russia's strikes', 'Turkish airstrikes', 'strikes by X', 'a clash between X
    and Y', the subject of the verb it is the object or the means of) and victim ('attacks on X')."""
    agent = victim = None
    for c in t.children:
        if c.dep_ == "poss" and agent is None:
            agent = c
        elif (
            c.dep_ in ("amod", "compound")
            and agent is None
            and (c.lower_ in DEMONYMS or c.lower_ in ENEMY_WORDS or c.ent_type_ in ("NORP", "GPE", "ORG"))
        ):
            # "Turkish airstrikes": the strike itself names its side
            strike = actor_from_token(t)
            agent = t if strike is not None and strike.actor.country else c
        elif c.dep_ == "prep" and c.lower_ in ("by",) and agent is None:
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
        elif c.dep_ == "prep" and c.lower_ in ("on", "against") and victim is None:
            victim = next((g for g in c.children if g.dep_ == "pobj"), None)
        elif c.dep_ == "prep" and c.lower_ == "between" and agent is None:
            # "a clash between Russian and Ukrainian forces": the first named is actor1
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
    if agent is None:
        agent = _governing_subject(t)
    return agent, victim


def _governing_subject(t: Token) -> Token | None:
    """Who does what a noun trigger names, from the clause it sits in: the subject of the verb it is the
    object of ('Russian forces carried out artillery shelling', 'fired 120mm and grenade launchers') or the
    means of ('destroyed ... with a Bayraktar drone'), or the first side of 'clashes occurred between X and
    Y'. Never the subject of a verb of reporting ('the governor reported shelling')."""
    np = _np_head(t)
    prep = np.head if np.dep_ == "pobj" else None
    if (
        prep is not None
        and prep.lower_ in _INSTRUMENT_PREPS
        and prep.head.pos_ in ("NOUN", "PROPN")
        and actor_from_token(prep.head) is not None
    ):
        return prep.head  # "Ukrainian forces, through an artillery attack, destroyed ..."
    if np.dep_ == "nsubj" and lemma_of(np.head) in _HAPPEN_VERBS:
        between = next((c for c in np.head.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        return next((g for g in between.children if g.dep_ == "pobj"), None) if between is not None else None
    verb = _governing_verb(t)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None else _inherited_subject(verb)


def _np_head(t: Token) -> Token:
    """The head of the noun phrase a noun belongs to ('grenade' in '120mm and grenade launchers')."""
    for _ in range(4):
        if t.dep_ in ("conj", "compound", "nmod", "appos") and t.head.i != t.i:
            t = t.head
        else:
            break
    return t


def _governing_verb(t: Token) -> Token | None:
    """The verb a noun trigger is the object or the means of, unless it is a verb of reporting."""
    np = _np_head(t)
    verb = None
    if np.dep_ in ("dobj", "attr"):
        verb = np.head
    elif np.dep_ == "pobj" and np.head.lower_ in _INSTRUMENT_PREPS and np.head.dep_ == "prep":
        verb = np.head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX") or lemma_of(verb) in _REPORTING_VERBS:
        return None
    return verb


# nouns a country or capital modifies as the state itself ("the Kyiv regime", "Moscow troops")
_STATE_HEADS = frozenset({"regime", "force", "troop", "army", "military", "government", "junta"})

_FIRE_KINDS = frozenset({"shelling", "missile", "air_strike", "drone_strike", "attack", "clash"})


def _origin_agent(group: list[Trigger]) -> Token | None:
    """'came under fire from the territory of the Russian Federation', 'shelled from Russia': fire from a
    state's territory names that state's forces as the attacker."""
    for trig in group:
        if trig.kind not in _FIRE_KINDS:
            continue
        t = trig.token
        holders = [t]
        if t.dep_ == "pobj" and t.head.lower_ == "under":
            holders.append(t.head.head)  # "came under fire from ..."
        elif t.dep_ == "dobj":
            holders.append(t.head)  # "opened fire from ..."
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ == "from":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and state_of_origin(pobj):
                    return pobj
    return None


_PARTITIVES = frozenset(
    "score dozen hundred thousand tens hundreds thousands dozens number group member some many several all most "
    "one two three four five six seven eight nine ten eleven twelve part unit contingent batch handful "
    "couple few rest remnant column convoy".split()
)


def _partitive_head(token: Token | None) -> Token | None:
    """'scores of Afghan soldiers', 'dozens of protesters', 'members of the security forces': the noun after
    'of' names who acts or suffers."""
    if token is None:
        return None
    for _ in range(2):
        if token.lemma_.lower() not in _PARTITIVES and token.pos_ != "NUM":
            break
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            break
        token = pobj
    return token


def _inherited_subject(t: Token) -> Token | None:
    """The subject a clause shares with the clause it hangs on: "claimed to have taken" (xcomp), "advancing
    and pounding settlements" (coordination), "..., killing six" (a participle). Never the speaker of a
    reported clause (ccomp)."""
    for _ in range(4):
        ok = t.dep_ in ("xcomp", "conj", "amod", "acl") or (t.dep_ == "advcl" and t.tag_ == "VBG")
        if not ok or t.head.i == t.i:
            return None
        if t.dep_ == "acl" and (t.tag_ == "VBG" or any(c.dep_ == "dobj" for c in t.children)):
            # an active participle or verb hanging on its doer ("forces advancing on Kyiv", "Ukrainian forces
            # destroyed with a drone a column ..." parsed as a modifier of "forces")
            return t.head if actor_from_token(t.head) is not None else None
        t = t.head
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    return None


def _is_victim(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN", "PRON")


def _actor_of(doc: Doc, token: Token, sent: Span) -> ActorMention | None:
    """The actor a noun phrase names, with pronouns resolved: "it had shot down" (the air force that says so),
    "its troops", "their forces" (the country of the actor named before)."""
    if token.lower_ in ("it", "they"):
        actor = _resolve_pronoun(doc, token, sent)
        return ActorMention(actor, token.i, "pronoun") if actor is not None else None
    mention = actor_from_token(token) or positions_actor(token)
    if mention is None and (origin := state_of_origin(token)):
        mention = ActorMention(make_actor("military", origin), token.i, "country")
    if mention is not None and mention.actor.country is None:
        poss = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        owner = _resolve_pronoun(doc, poss, sent) if poss is not None else None
        if owner is not None and owner.country:
            mention.actor = with_country(mention.actor, owner.country)
    return mention


def _by_aircraft(cand: Candidate) -> bool:
    """An air strike flown by aircraft (bombs, jets, helicopters, an 'airstrike', 'bombed', a Bayraktar), not
    one by small drones or told only as 'aerial attacks'."""
    if getattr(cand, "_weapon_kinds", set()) & {"aircraft", "bomb"} or "Bayraktar" in cand.weapons:
        return True
    for trig in cand.triggers:
        t = trig.token
        lemma = lemma_of(t)
        if lemma in ("airstrike", "bomb", "bombing", "bombard", "bombardment") or (
            lemma == "strike"
            and any(c.lower_ in ("air", "aerial") for c in t.children if c.dep_ == "compound")
        ):
            return True
    return False


def _candidate_day(ctx: DocContext, cand: Candidate) -> date | None:
    """The day an event happened as far as it is known when its actors are named (the sides of the war
    changed over time: the Donbas republics' forces became Russia's)."""
    if cand.span is not None and cand.span.start is not None:
        return cand.span.start
    return ctx.document.published


def _in_ukraine(ctx: DocContext, cand: Candidate) -> bool:
    country = cand.location.country if cand.location else None
    return country == "UA" or (country is None and "UA" in ctx.place_countries)


def _side_actor(
    ctx: DocContext, cand: Candidate, mention: ActorMention | None, on: date | None, *, target: bool = False
) -> Actor | None:
    """The actor of a mention, with the side the document gives to 'the enemy', 'our troops', 'the
    occupiers', 'separatists' (``actors.partisan_actor``). Where the text's voice is unknown, 'the enemy' is
    the side whose weapon it fired, else (in the war) the enemy of the side holding the ground it struck."""
    if mention is None:
        return None
    if mention.via not in ("enemy", "own", "side", "separatist"):
        return mention.actor
    voice = ctx.voice
    if voice is None and mention.via == "own":
        att: Attribution | None = getattr(cand, "_attribution", None)
        voice = att.source_country if att is not None and att.source_country in WAR_SIDES else None
    if voice is None and mention.via == "enemy":
        voice = _voice_of_enemy(cand)
        if (
            voice is None
            and not target
            and cand.kind != "interception"
            and ctx.in_war
            and cand.location is not None
        ):
            # the enemy striking a place strikes the ground of the side whose text it is (what the enemy holds
            # is not known to the project: an enemy struck at a place says nothing)
            holder = territory_holder(cand.location.country, cand.location.admin1_code, on)
            voice = holder if holder in WAR_SIDES else None
    return partisan_actor(mention, voice=voice, on=on, in_ukraine=_in_ukraine(ctx, cand), in_war=ctx.in_war)


def _voice_of_enemy(cand: Candidate) -> str | None:
    """'the enemy attacked with Shahed drones': the enemy is the side whose weapon it is, and the voice the
    other side."""
    sides = {WEAPON_SIDES[w] for w in cand.weapons if w in WEAPON_SIDES}
    if len(sides) == 1:
        side = sides.pop()
        return "UA" if side == "RU" else "RU"
    return None


def _war_opponent(ctx: DocContext, actor: Actor | None, on: date | None) -> Actor | None:
    """The other side of actor1: the text's other belligerent, else (in the Russia-Ukraine war) the war's."""
    if actor is None:
        return None
    opp = ctx.opponent(actor.country)
    if opp:
        return make_actor("military", opp)
    if (
        ctx.in_war
        and (is_naf(actor) or actor.country in WAR_SIDES)
        and actor.kind in ("military", "armed_group")
    ):
        return war_enemy(actor, on)
    return None


_REMOTE_STRIKES = frozenset({"Shelling/artillery/missile attack", "Air/drone strike"})


def _implied_actor1(
    ctx: DocContext,
    cand: Candidate,
    victim: ActorMention | None,
    att: Attribution | None,
    source_country: str | None,
    on: date | None,
) -> Actor | None:
    """actor1 where the text names none but its genre says who it is.

    * An interception: the enemy of the side whose drones or missiles were downed ('12 Ukrainian UAVs'), else
      the side whose official text it is, else the side that holds the ground it happened over (only that
      side's air defence fires there).
    * A strike told without its agent ('X came under fire', 'a KAB hit Kupiansk'): the side whose weapon it is
      (weapons only one side of the war fires); else, in a side's own post (its voice) or told by a side's
      civil official (a governor, an administration) about its own ground, that side's enemy. Neutral copy
      with no such speaker keeps actor1 empty: who fired is not said.
    """
    if not ctx.in_war or cand.location is None:
        return None
    loc = cand.location
    holder = territory_holder(loc.country, loc.admin1_code, on)
    if cand.kind == "interception":
        target = victim.actor if victim is not None and victim.weapon else None
        owner = target.country if target is not None else None
        if owner not in WAR_SIDES:
            owner = _downed_side(cand)  # "two Ukrainian MiG-29s were shot down"
        if owner in WAR_SIDES:
            return war_enemy(owner, on)
        side = ctx.voice or (source_country if source_country in WAR_SIDES else None)
        if side is None and holder in WAR_SIDES:
            side = holder
        return make_actor("military", side) if side else None
    if cand.typing.sub_event_type not in _REMOTE_STRIKES or holder not in WAR_SIDES:
        return None  # mines, IEDs, killings: who did it is not implied by where it happened
    sides = {WEAPON_SIDES[w] for w in cand.weapons if w in WEAPON_SIDES}
    if len(sides) == 1:
        side = sides.pop()
        return make_actor("military", side) if side != holder else None
    if ctx.voice == holder:
        return war_enemy(holder, on)
    if att is not None and source_country == holder and att.source_words & CIVIL_SOURCE_WORDS:
        return war_enemy(holder, on)
    return None


def _downed_side(cand: Candidate) -> str | None:
    """The side whose aircraft, drones or missiles an interception downed, when a nationality word qualifies
    what was downed ("two Ukrainian MiG-29s were shot down", "destroyed 12 Russian drones")."""
    for c in cand.trigger.children:
        if c.dep_ in ("nsubjpass", "dobj"):
            side = nationality_of([t for t in c.subtree if t.i < c.i or t.i == c.i])
            if side in WAR_SIDES:
                return side
    return None


def _story_agents(ctx: DocContext, cands: list[Candidate]) -> None:
    """Casualties told on their own after the act that caused them, once the story's events are merged (an
    actor given earlier would keep them from joining the act they belong to)."""
    for c in cands:
        if c.actor1 is None and c._agent is None and c.kind in ("kill", "wound", "attack"):  # type: ignore[attr-defined]
            c.actor1 = _story_agent(ctx, c, _candidate_day(ctx, c))


def _story_agent(ctx: DocContext, cand: Candidate, on: date | None) -> Actor | None:
    """Who caused the casualties a sentence tells without an agent, when the sentence before it in the
    paragraph says who acted: 'Russian forces fired at Okhtyrka. At least three civilians were killed.'"""
    i = cand.sent_index - 1
    if i < 0 or ctx.paragraph_of[i] != cand.paragraph:
        return None
    root = ctx.sentences[i].root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    mention = _actor_of(ctx.doc, _partitive_head(subject), ctx.sentences[i])
    if mention is None or mention.actor.kind not in ("military", "armed_group"):
        return None
    actor = _side_actor(ctx, cand, mention, on)
    return actor if actor is not None and (actor.country or is_naf(actor)) else None


_PARTY_PREPS = frozenset({"between", "with", "at", "on", "against"})


def _second_party(ctx: DocContext, cand: Candidate) -> ActorMention | None:
    """The other party of a fight or a strike when the clause names it: 'between Russian and Ukrainian forces'
    (the second named), 'clashed with Ukrainian troops', 'fired at the positions of the People's Militia'."""
    doc = ctx.doc
    sent, lowers = ctx.sentences[cand.sent_index], ctx.lowers
    if not any(lowers[i] in _PARTY_PREPS for i in range(sent.start, sent.end)):
        return None  # no preposition that could name the other party in the sentence
    holders = []
    for trig in cand.triggers:
        holders.append(trig.token)
        verb = _governing_verb(trig.token)
        if verb is not None:
            holders.append(verb)  # "fired grenade launchers at the positions of X"
    for t in holders:
        for c in t.children:
            if c.dep_ != "prep" or c.lower_ not in _PARTY_PREPS:
                continue
            pobj = _partitive_head(next((g for g in c.children if g.dep_ == "pobj"), None))
            if pobj is None or (
                pobj.ent_type_ in ("GPE", "LOC", "FAC") and pobj.lower_ not in COUNTRY_ACTORS
            ):
                continue  # "fired at Kharkiv": a place, not a party
            if c.lower_ == "between":
                other = _coordinated_second(pobj)
                if other is not None:
                    return _actor_of(doc, other, ctx.sentences[cand.sent_index])
                continue
            if c.lower_ == "with" and cand.kind not in ("clash", "assault"):
                continue
            mention = _actor_of(doc, pobj, ctx.sentences[cand.sent_index])
            if mention is not None and not mention.weapon and mention.actor.kind != "civilians":
                return mention
    return None


_HARM_LEMMAS = frozenset("kill wound injure hurt die maim trap".split())


def _harmed_civilians(ctx: DocContext, cand: Candidate) -> ActorMention | None:
    """Civilians the event's clause says were killed, hurt or hit ('..., killing one civilian', 'hitting a
    hospital full of civilians'): they are actor2, as ACLED codes harm to civilians."""
    if cand.kind in ("protest", "protest_force", "riot", "mob", "arrest", "interception", "political"):
        return None
    for i in sorted(ctx.civilian_nouns & cand.domain):
        lemma = ctx.lemma(i)
        tok = ctx.tokens[i]
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if lemma in ("people", "person", "man", "woman") and not _harmed(tok):
            continue  # "people" alone is anyone: only those the clause says were harmed
        mention = actor_from_token(tok)
        if mention is not None and mention.actor.kind == "civilians":
            return mention
    return None


def _harmed(tok: Token) -> bool:
    head = tok.head if tok.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj") else None
    if head is not None and head.dep_ == "prep":
        head = head.head
    return head is not None and lemma_of(head) in _HARM_LEMMAS


def _coordinated_second(token: Token) -> Token | None:
    """'Russian and Ukrainian forces' -> 'Ukrainian'; 'the Russian forces and the Ukrainian forces' -> the
    second 'forces'."""
    conj = next((c for c in token.children if c.dep_ == "conj"), None)
    if conj is not None:
        return conj
    for c in token.children:
        if c.dep_ in ("amod", "compound"):
            second = next((g for g in c.children if g.dep_ == "conj"), None)
            if second is not None:
                return second
    return None


def _weapon_kind(doc: Doc, token: Token, ctx: DocContext) -> str | None:
    """The kind of weapon a token names (a named system or a generic weapon word)."""
    name = ctx.weapon_spans.get(token.i)
    if name is not None:
        return WEAPON_SYSTEMS[name][0] if name in WEAPON_SYSTEMS else "missile"
    lemma = lemma_of(token)
    if lemma == "bomb":
        return bomb_kind(token)
    w = WEAPON_WORDS.get(lemma)
    return w[1] if w else None


def _resolve_pronoun(doc: Doc, token: Token, sent: Span) -> Actor | None:
    """'it'/'they'/'its forces': the nearest actor named before it in the sentence (or the one before)."""
    if token.lower_ not in ("it", "they", "its", "their", "we", "our"):
        return None
    start = sent.start - 60 if sent.start > 60 else 0
    for k in range(token.i - 1, start - 1, -1):  # nearest first
        t = doc[k]
        if t.dep_ in ("nsubj", "nsubjpass"):
            m = actor_from_token(t)
            if m is not None:
                return m.actor
    return None


def _first_person(ctx: DocContext, domain: set[int]) -> bool:
    lowers = ctx.lowers
    return any(lowers[i] in ("our", "we", "us") for i in domain)


def _government_word(doc: Doc, mention: ActorMention | None) -> bool:
    if mention is None:
        return False
    head = doc[mention.head]
    return any(
        t.lower_ in ("government", "governmental", "pro-government", "state", "regime", "security")
        for t in head.subtree
    )


def _find_speakers(ctx: DocContext) -> None:
    """The speech acts of every sentence, in text order, each speaker resolved against the ones before it
    ("he said", "the ministry said", a name said again)."""
    earlier: list[tuple[int, Attribution]] = []
    for i, sent in enumerate(ctx.sentences):
        found = [resolve_speaker(a, earlier, ctx.paragraph_of[i]) for a in find_attributions(sent)]
        ctx.attributions.append(found)
        earlier.extend((ctx.paragraph_of[i], a) for a in found)


def _paragraph_speaker(ctx: DocContext, index: int) -> Attribution | None:
    """The speaker of a sentence that names none: the one that opens its paragraph ("According to the
    governor, ...", "Governor X wrote on Telegram.", "The governor said: ...") or the one that closes it
    ("..., the governor said." / "The governor said." after the quote). A speaker in another paragraph never
    is."""
    par = ctx.paragraph_of[index]
    first = last = index
    while first > 0 and ctx.paragraph_of[first - 1] == par:
        first -= 1
    while last + 1 < len(ctx.sentences) and ctx.paragraph_of[last + 1] == par:
        last += 1
    if first < index:
        lead = _first_word(ctx.sentences[first])
        for a in ctx.attributions[first]:
            if a.verb is None or lead is None:
                continue
            if a.verb.i == lead.i and a.verb.lower_ == "according":
                return a  # "According to the governor, ..."
            if lead.i in a.source_tokens and (_bare_speech(a.verb) or _colon_after(ctx, a.verb)):
                return a  # "Governor X wrote on Telegram." / "The governor said on Tuesday: ..."
    if last > index:
        lead = _first_word(ctx.sentences[last])
        for a in reversed(ctx.attributions[last]):
            verb = a.verb
            if (
                verb is None
                or lead is None
                or verb.lower_ == "according"
                or verb.dep_ not in ("ROOT", "parataxis")
            ):
                continue
            if lead.i in a.covers and lead.i not in a.source_tokens:
                return a  # "..., the governor said."
            if lead.i in a.source_tokens and _bare_speech(verb):
                return a  # "The governor said." / "Syniehubov said on Telegram."
    return None


def _colon_after(ctx: DocContext, verb: Token) -> bool:
    """Does a colon close the speech act ("The governor said on Tuesday: ...")? What follows is its statement,
    to the end of the paragraph."""
    lowers = ctx.lowers
    return any(lowers[i] == ":" for i in range(verb.i + 1, min(verb.i + 6, len(lowers))))


def _type_by_label(cands: list[Candidate], kind: str) -> None:
    """The sentence's lead event takes the kind its label names (the coder's own type), unless the label only
    says that people were hurt."""
    if kind in GENERIC_KINDS or kind in ("destroy", "disruption"):
        return
    lead = min(cands, key=lambda c: (c.depth, c.trigger.i))
    args = lead._classify_args  # type: ignore[attr-defined]
    typing = classify(
        [kind],
        weapon_kinds=lead._weapon_kinds,
        context_lemmas=lead._context,
        **args,  # type: ignore[attr-defined]
    )
    if typing is not None:
        lead.typing = typing
        lead._kinds = [kind, *lead._kinds]  # type: ignore[attr-defined]


def _label_end(sent: Span, text: str) -> int:
    """The first token after a label opening the sentence ("Looting: Around 10 March, ...", "Interception: On 2
    May, ..."): a label names the kind of what the sentence tells, it is no event of its own. ``text`` is the
    sentence's text (a sentence with no colon has no label)."""
    if ":" not in text:
        return sent.start
    for t in sent[:4]:
        if t.text == ":":
            return (
                t.i + 1 if all(x.is_alpha or x.text in "-/" for x in sent[: t.i - sent.start]) else sent.start
            )
    return sent.start


def _first_word(sent: Span) -> Token | None:
    return next((t for t in sent if not (t.is_space or t.is_punct)), None)


def _bare_speech(verb: Token) -> bool:
    """A speech act that says nothing in its own sentence ("The governor said.", "The General Staff
    reports:"): what it says is the rest of its paragraph."""
    return not any(c.dep_ in ("ccomp", "dobj", "xcomp", "advcl") for c in verb.children)


_HABITUAL_ADVERBS = frozenset(
    "repeatedly regularly routinely frequently often constantly continually continuously daily nightly "
    "periodically systematically habitually usually".split()
)
_LONG_SPAN = re.compile(r"^(?:[a-z]+-)?(?:weeks?|months?|years?|decades?)-long$")
_DURATIONS = frozenset("days weeks months years decades".split())
_LAPSE_UNITS = frozenset("hour day week month year decade".split())
_LONG_UNITS = frozenset("week month year decade".split())
_RECENT_SINCE = frozenset("day morning midnight night dawn evening today yesterday hour hours".split())


def _habitual(ctx: DocContext, index: int, domain: set[int], heads: set[int]) -> str | None:
    """Why a clause tells background rather than an event, or None: a habit ("is regularly targeted", "has
    been hit repeatedly"), a state that lasts since long ago ("have been pressing an offensive since May 10",
    "since the start of the invasion"), what a since-clause dates the story from ("since it pulled out of the
    deal"), an event lasting months ("a months-long advance") or the starting point of a lapse of time ("a week
    after launching the incursion"). Background of this kind has no day of its own, so it must not become an
    event of the publication day. A since-phrase of the last days ("since Monday", "since the beginning of the
    day") keeps the news. ``heads`` are the clause's own triggers and its anchor: what modifies only a phrase
    inside the clause ("captured X after a months-long battle") does not make the clause background."""
    tokens, lowers = ctx.tokens, ctx.lowers
    for i in heads:
        t = tokens[i]
        for c in t.children:
            low = c.lower_
            if c.dep_ == "amod" and (
                _LONG_SPAN.match(low)
                or (
                    low == "long"
                    and any(g.lemma_.lower() in _LONG_UNITS for g in c.children if g.dep_ == "npadvmod")
                )
            ):
                return "an event lasting months or years (background)"
        if (
            t.pos_ in ("NOUN", "VERB")
            and t.dep_ == "pobj"
            and t.head.lower_ == "of"
            and t.head.head.lower_ in _DURATIONS
        ):
            return "an event lasting days or more (background)"  # "described days of relentless shelling"
        if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "since":
            return "since-clause (background)"  # "has targeted the ports since pulling out of the deal"
        if t.dep_ == "pcomp" and t.head.lower_ in ("after", "before") and t.head.i > 0:
            lapse = tokens[t.head.i - 1]
            if lapse.dep_ == "npadvmod" and lapse.lemma_.lower() in _LAPSE_UNITS:
                return "the starting point of a lapse of time (background)"
    # a nominal trigger's verb governs it ("have been pressing an offensive since May 1")
    scope = set(domain)
    for h in heads:
        tok = tokens[h]
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.i != h:
            scope |= {c.i for c in tok.head.children} | {tok.head.i}
    for i in sorted(scope):
        low = lowers[i]
        t = tokens[i]
        if low in _HABITUAL_ADVERBS and t.dep_ == "advmod" and t.head.i in scope and _present(t.head):
            return f"habitual ({t.text})"
        if low != "since":
            continue
        if t.dep_ == "mark":
            return "since-clause (background)"
        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if (
            t.dep_ != "prep"
            or verb is None
            or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        ):
            continue
        phrase = [x for x in t.subtree if x.i != t.i]
        if not phrase or any(x.lemma_.lower() in _RECENT_SINCE for x in phrase):
            continue
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        dated = [m for m in ctx.dates_in(index) if m.start < end and start < m.end]
        if dated and all(_recent_start(m, ctx.document.published) for m in dated):
            continue
        return "a state lasting since long ago"
    return None


def _recent_start(mention: dates_stage.DateMention, published: date | None) -> bool:
    """Does a time expression start in the week before publication ("since Monday")?"""
    start = mention.span.start
    if start is None or published is None:
        return not mention.past_background
    return (published - start).days <= 7


_STORY_PLACE_NOUNS = frozenset("city town village settlement capital region oblast province district".split())


def _part_of_story_place(doc: Doc, start: int) -> bool:
    """A place named as a part of the place told before ("the city's Kyivskyi district", "the region's
    Shostka district"): the event is at that earlier place, whatever else the part's name may mean."""
    if start < 3:
        return False
    return (
        doc[start - 1].lower_ in ("'s", "’s")
        and doc[start - 2].lower_ in _STORY_PLACE_NOUNS
        and doc[start - 3].lower_ in ("the", "this", "that")
    )


_LAUNCH_VERBS = frozenset("launch fire shell strike attack shoot".split())


_AFFILIATED = re.compile(r"-(?:backed|supported|aligned|allied|sponsored|led|funded|trained)\b", re.I)


_LEAVING_KINDS = frozenset({"withdrawal", "displacement"})
_MOVING_KINDS = frozenset({"capture", "recapture", "advance"})


def _destination(ctx: DocContext, toks: set[int]) -> bool:
    """Is a place where forces withdrew to ("had withdrawn to Donetsk") or civilians were taken to ("taken to
    Voronezh")? A withdrawal gives up, and an evacuation empties, the place left, which the story tells (ACLED
    codes the event there)."""
    for i in toks:
        t = ctx.tokens[i]
        if t.head.i in toks:
            continue
        for _ in range(4):  # "to the regional capital Belgorod", "to Kharkiv and to Poltava"
            head = t.head
            if head.lower_ in ("to", "towards", "toward") and head.dep_ in ("prep", "conj"):
                return True
            if t.dep_ not in ("appos", "compound", "conj", "pobj") or head.i == t.i:
                return False
            t = head
        return False
    return False


_DESCRIBED_PLACES = frozenset("city town village port settlement capital hub".split())


def _describes_the_named_place(root: Token) -> bool:
    """Is a place name a modifier of "the city of X" ("the Black Sea city of Odesa", "the Donbas town of
    Bakhmut")? X, named after it, is the place."""
    head = root.head
    if root.dep_ not in ("compound", "amod", "nmod") or lemma_of(head) not in _DESCRIBED_PLACES:
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
        for c in head.children
    )


_AXIS_NOUNS = frozenset("direction axis sector front".split())


def _names_an_axis(ctx: DocContext, last: int) -> bool:
    """Is a place name the name of a front's axis ("the Pokrovsk direction", "the Kherson axis")?"""
    nxt = last + 1
    return nxt < len(ctx.tokens) and ctx.lemma(nxt) in _AXIS_NOUNS


def _origin_of_fire(ctx: DocContext, root: Token) -> bool:
    """Is a place where weapons were launched or fired from ("drones launched from the Kursk region", "shelled
    from the territory of Russia")? ACLED places a strike where it lands, never at its launch site."""
    t = root
    for _ in range(3):  # "from the X area", "from the territory of X"
        if t.dep_ == "pobj" and t.head.lower_ == "from":
            verb = t.head.head
            return verb.pos_ == "VERB" and ctx.lemma(verb.i) in _LAUNCH_VERBS
        if t.dep_ not in ("pobj", "compound", "prep", "nmod", "amod") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _evaluative(strong: list[Trigger]) -> str | None:
    """ "It was the deadliest attack on the city this year", "This is the largest strike since the war began":
    a judgement of an event told before, not another event."""
    if not strong or not all(t.nominal for t in strong):
        return None
    for trig in strong:
        tok = trig.token
        if tok.dep_ != "attr" or tok.head.lemma_ != "be":
            return None
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ not in ("it", "this", "that"):
            return None
    return "a judgement of an event told before"


def _present(verb: Token) -> bool:
    """Is a verb in the present or the present perfect ("is targeted", "has been hit", "shell")? A past
    tense ("repeatedly shelled X on Monday") tells what happened on those days."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _text_place_area(
    mentions: list[places_stage.PlaceMention],
) -> tuple[str | None, str | None, frozenset[str]]:
    """The country the text's places lie in (the most named one), the first-level region every named
    settlement and region lies in when there is exactly one such region and one country, and every country."""
    named = [m for m in mentions if m.location is not None and m.location.country and not m.metonymy]
    # settlements and regions say where the story is; a country's name also stands for its side ("Ukraine's top
    # commander") and counts only when the text names nothing smaller
    located = [m.location for m in named if m.kind != "country"] or [m.location for m in named]
    if not located:
        return None, None, frozenset()
    countries = Counter(loc.country for loc in located)
    regions = {loc.admin1_code for loc in located if loc.admin1_code}
    region = next(iter(regions)) if len(regions) == 1 and len(countries) == 1 else None
    return countries.most_common(1)[0][0], region, frozenset(c for c in countries if c)


def _story_place(ctx: DocContext, index: int) -> Location | None:
    """The place the story of a sentence's paragraph is told at: the place of the last event an earlier
    sentence of the paragraph placed, else the last place an earlier sentence of it names."""
    par = ctx.paragraph_of[index]
    known = ctx.story_places.get(par)
    if known is not None:
        return known
    for j in range(index - 1, -1, -1):
        if ctx.paragraph_of[j] != par:
            break
        named = [
            m
            for m in ctx.places_by_sentence.get(j, [])
            if m.location is not None and not m.metonymy and m.kind in ("settlement", "region")
        ]
        if named:
            return _most_specific(named)[0].location
    return None


_OWN_GROUND_KINDS = frozenset(
    {"interception", "arrest", "protest", "protest_force", "riot", "political", "agreement", "group_change"}
)


def _target_country(ctx: DocContext, c: Candidate) -> str | None:
    """The country of the side an event is done to (strikes and battles happen on the target's side, so the
    attacker's nationality is never the place); an interception, an arrest or a protest happens on the
    acting side's own ground."""
    if c.kind in _OWN_GROUND_KINDS:
        return c.actor1.country if c.actor1 else None
    if c.actor2 is not None and c.actor2.country and not getattr(c, "_war_actor2", False):
        return c.actor2.country
    return getattr(c, "_victim_country", None) or ctx.opponent(c.actor1.country if c.actor1 else None)


def _np_nationality(token: Token | None) -> str | None:
    """The country a noun phrase's modifier names ("Ukrainian positions", "a Russian oil depot", "Ukraine's
    ports")."""
    if token is None:
        return None
    for c in token.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod"):
            low = c.lower_
            code = DEMONYMS.get(low) or (COUNTRY_ACTORS.get(low) if c.pos_ == "PROPN" else None)
            if code:
                return code
    return None


def _fallback_location(ctx: DocContext, c: Candidate) -> Location | None:
    """Where an event goes when its text names no place of its own and its paragraph's story has none either:
    a state's political act in its country; else the region, or the country, the text's places lie in (the
    target's side when the places lie in several); else the target side's country; else nowhere (no
    coordinates: a wrong country is worse than none)."""
    if c.actor1 is not None and c.actor1.country and c.kind in ("political", "agreement"):
        return places_stage.country_location(c.actor1.country)
    if ctx.place_region:
        region = places_stage.region_location(ctx.place_region)
        if region is not None:
            return region
    target = _target_country(ctx, c)
    if ctx.place_country:
        country = target if target in ctx.place_countries else ctx.place_country
        return places_stage.country_location(country)
    return places_stage.country_location(target) if target else None


def _home_country(ctx: DocContext, cand: Candidate) -> str | None:
    """The country an unqualified official speaks for: the country of the document's focus."""
    return ctx.focus_country


def _relative_antecedent(token: Token) -> set[int] | None:
    """For an event told in a relative clause ('the region where forces advanced', 'a village Kyiv retook'),
    the tokens of the noun phrase it describes (following appositions)."""
    t = token
    for _ in range(3):
        if t.dep_ in ("relcl", "acl", "appos") and t.head.i != t.i:
            head = t.head
            toks = {x.i for x in head.subtree if x.i not in {y.i for y in t.subtree}}
            # "one of only a handful settlements Kyiv retook": walk to the noun the apposition renames
            if head.dep_ in ("appos", "npadvmod", "pobj", "attr") or head.pos_ == "NUM":
                toks |= {head.head.i} | {x.i for x in head.head.children if x.dep_ in ("dobj", "pobj")}
                for x in head.head.children:
                    if x.dep_ == "dobj":
                        toks |= {y.i for y in x.subtree}
            return toks
        if t.head.i == t.i:
            break
        t = t.head
    return None


def _most_specific(mentions: list) -> list:
    """Drop places that contain another place of the list (country > region > settlement)."""
    out = []
    for m in mentions:
        loc = m.location
        contained = False
        for other in mentions:
            if other is m or other.location is None:
                continue
            o = other.location
            if loc.gazetteer_id and loc.gazetteer_id == o.gazetteer_id:
                if other.start < m.start:
                    contained = True  # the same place twice: keep the first
                continue
            if (
                (m.kind == "country" and other.kind != "country" and o.country == loc.country)
                or (
                    m.kind == "region"
                    and other.kind == "settlement"
                    and o.admin1_code
                    and o.admin1_code == loc.admin1_code
                )
                or (m.kind == "region" and other.kind == "region" and places_stage.unit_contains(loc, o))
            ):
                contained = True
        if not contained:
            out.append(m)
    return out


_JOINS = re.compile(r"\b(and|as well as|while|plus)\b|;")


def _coordinated_groups(text: str, mentions: list) -> list[list]:
    """Places joined by 'and' / 'as well as' are separate events, and so are the members of a list of places
    of one kind ("over the Belgorod, Kursk and Bryansk regions"); other places refine the first one
    ("Kupiansk, Kharkiv": the settlement and its region)."""
    if len(mentions) <= 1:
        return [mentions] if mentions else []
    gaps = [text[a.end : b.start].lower() for a, b in itertools.pairwise(mentions)]
    joined = [bool(_JOINS.search(g)) and len(g) < 120 for g in gaps]
    # "killed five: 2 in Pokrovsk, 1 in Kostiantynivka and 1 in Toretsk": a list of places with their counts
    joined = [j or bool(_COUNTED_GAP.match(g)) for j, g in zip(joined, gaps, strict=True)]
    for n, gap in enumerate(gaps):
        if gap.strip() != "," or joined[n]:
            continue
        # "A, B and C": a comma of a run of places of one kind that ends in "and" lists them
        k = n
        while k < len(gaps) and gaps[k].strip() == ",":
            k += 1
        run = mentions[n : k + 2]
        if (
            k < len(gaps)
            and joined[k]
            and len(gaps[k]) < 12
            and len({m.kind for m in run}) == 1
            and not any(_names_region_of(b, a) for a, b in itertools.pairwise(run))
        ):
            joined[n] = True
    groups = [[mentions[0]]]
    for n, cur in enumerate(mentions[1:]):
        if joined[n]:
            groups.append([cur])
        else:
            groups[-1].append(cur)
    return groups


_COUNTED_GAP = re.compile(r"^\s*[,;]\s*(?:\d+|[a-z]+)\s+(?:[a-z]+\s+)?(?:in|near|at)\s+(?:the\s+)?$")
_COUNT_BEFORE = re.compile(r"(?:^|[\s:,;(])(\d+|[a-z]+)\s+(?:[a-z]+\s+)?(?:in|near|at)\s+(?:the\s+)?$")


def _place_counts(text: str, mentions: list) -> list[int | None]:
    """The count written before each place of a list ("2 in Pokrovsk, 1 in Kostiantynivka"), else None."""
    out: list[int | None] = []
    for m in mentions:
        hit = _COUNT_BEFORE.search(text[max(0, m.start - 30) : m.start].lower())
        out.append(numbers_stage.parse_number(hit.group(1)) if hit else None)
    return out


def _place_from_sentence(ctx: DocContext, index: int, c: Candidate) -> None:
    """A note's label made the event ("Looting: ... near Melitopol, Zaporizhia and 'confiscated' the aid"): it
    happened at the most specific place of the sentence the label introduces, unless placed more precisely."""
    mentions = [
        m
        for m in ctx.places_by_sentence.get(index, [])
        if m.location is not None and not m.metonymy and not m.affiliation
    ]
    if not mentions:
        return
    best = _most_specific(mentions)[0]
    if c.location is None or (c.location.geo_precision or 3) > (best.location.geo_precision or 3):
        c.location, c.place_text, c.place_start = best.location, best.text, best.start


def _names_region_of(qualifier, place) -> bool:
    """Does a place name after a comma name the region of the place before it ("Kupiansk, Kharkiv")?"""
    admin1 = place.location.admin1 if place.location is not None else None
    return bool(admin1) and admin1.lower().startswith(qualifier.text.lower()[:5])


def _copy(cand: Candidate) -> Candidate:
    from copy import copy

    c = copy(cand)
    c.quantities = list(cand.quantities)
    c.weapons = list(cand.weapons)
    c.evidence = list(cand.evidence)
    return c


def _nearest_place(offset: int, cand: Candidate) -> bool:
    """Is this candidate's place the one a mention at ``offset`` belongs to (the next place after it, else
    the last one before it)?"""
    starts = sorted(s for s in cand._place_order if s is not None)  # type: ignore[attr-defined]
    after = [s for s in starts if s >= offset]
    owner = after[0] if after else (starts[-1] if starts else None)
    return owner == cand.place_start


def _weapon_near_place(doc: Doc, weapon: str, cand: Candidate) -> bool:
    pos = None
    for i in sorted(cand.domain):
        t = doc[i]
        if t.text == weapon or lemma_of(t) == weapon.lower() or t.text.startswith(weapon):
            pos = t.idx
            break
    return True if pos is None else _nearest_place(pos, cand)


def _best_date(mentions: list):
    return min(mentions, key=lambda m: (0 if m.span.resolved else 1, m.span.precision, m.start))


def _victims_described(cand: Candidate) -> set[int]:
    """The words of the people a casualty participle describes ("reports of a woman injured by shelling", "a
    man killed by a mine"): who was hurt is the noun the participle hangs on."""
    out: set[int] = set()
    for trig in cand.triggers:
        tok = trig.token
        if (
            trig.kind in ("kill", "wound")
            and tok.dep_ in ("acl", "amod")
            and tok.head.pos_ in ("NOUN", "NUM")
        ):
            head = tok.head
            out.add(head.i)
            out.update(c.i for c in head.children if c.dep_ in ("det", "nummod", "amod") and c.i < head.i)
    return out


_DYING_VERBS = frozenset("die perish succumb hospitalize hospitalise".split())


def _casualties_told_after(ctx: DocContext, index: int, told_last: tuple[int, list[Candidate]]) -> None:
    """ "A drone attacked a car in Kozinka. The driver died at the scene.": a sentence that tells no event,
    only that people died or were taken to hospital, right after the sentence that told one (in its paragraph,
    or opening the next), tells that event's dead and wounded. Not when it is dated apart from the event
    ("Over 300 civilians have died since February"), or when the sentence before told several events."""
    last, found = told_last
    if index != last + 1:
        return
    if ctx.paragraph_of[index] != ctx.paragraph_of[last]:
        opening = index == 0 or ctx.paragraph_of[index - 1] != ctx.paragraph_of[index]
        if not opening or ctx.paragraph_of[index] - ctx.paragraph_of[last] > 1:
            return
    text = ctx.sentence_text(index)
    if not _DYING_WORDS.search(text):
        return
    cas = numbers_stage.find_casualties(text)
    if cas.fatalities is None and cas.injuries is None:
        return
    story = [c for c in found if c.kind in _STORY_KINDS and not c.background]
    if len(story) != 1 or ctx.dates_in(index):
        return  # which event the dead belong to is not said; or they are dated apart
    event = story[0]
    more = bool(_MORE_WORDS.search(text))
    event.fatalities = _add_count(event.fatalities, cas.fatalities, more)
    event.injuries = _add_count(event.injuries, cas.injuries, more)
    sent = ctx.sentences[index]
    if (sent.start_char, sent.end_char) not in event.evidence:
        event.evidence.append((sent.start_char, sent.end_char))


# the verbs that tell casualties without an event (killing and wounding are events of their own)
_DYING_WORDS = re.compile(
    r"\b(?:died|dies|perished|succumbed|passed\s+away|hospitali[sz]ed|(?:taken|rushed|brought|admitted)\s+to\s+"
    r"(?:a\s+|the\s+)?hospital|admitted\b)",
    re.I,
)


def _dying_clause(cand: Candidate) -> Token | None:
    """The verb of dying or of being taken to hospital whose clause tells an event as its cause ("died after
    Russian shelling", "were hospitalised after a drone attack"): such a verb is no event of its own (it does
    not say what happened), so its figures are the event's."""
    t = cand.trigger
    for _ in range(3):
        head = t.head
        if head.i == t.i:
            return None
        t = head
        if t.pos_ in ("VERB", "AUX"):
            return t if lemma_of(t) in _DYING_VERBS else None
    return None


def _domain_text(ctx: DocContext, domain: set[int]) -> str:
    if not domain:
        return ""
    toks = ctx.tokens
    out: list[str] = []
    prev = None
    for i in sorted(domain):
        if prev is not None and i != prev + 1 and out and not toks[prev].is_punct:
            out[-1] = out[-1].rstrip() + "; "  # a gap (an embedded clause left out) ends the phrase
        out.append(toks[i].text_with_ws)
        prev = i
    return "".join(out)


# ------------------------------------------------------------------------------------------ merging


def _place_key(loc: Location | None) -> tuple:
    if loc is None:
        return ("none",)
    return (loc.gazetteer_id or loc.name, loc.country)


_TIME_MARKS = frozenset("before after until once when".split())


def _time_clause_of(lower: Token, upper: Token) -> bool:
    """Is ``lower`` told in a clause of time of ``upper`` ("besieged X ... before withdrawing", "after
    retreating from Y, ...")?"""
    t = lower
    linked = any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in lower.children)
    for _ in range(5):
        if t.head.i == t.i:
            return False
        if t.lower_ in ("before", "after", "until", "following"):
            linked = True
        t = t.head
        if t.i == upper.i:
            return linked or lower.head.lower_ in ("before", "after", "until", "following")
    return False


def _describes_a_thing(ctx: DocContext, toks: set[int]) -> bool:
    """Is a time expression part of a description of a thing ("despite a cease-fire agreed in Minsk last
    week")? It dates that thing, not the sentence's other clauses."""
    for i in toks:
        t = ctx.tokens[i]
        if t.head.i in toks:
            continue
        for _ in range(3):
            t = t.head
            if t.pos_ == "VERB":
                # the participle describes a noun named in passing, inside a prepositional phrase
                return t.dep_ in ("acl", "relcl") and t.head.dep_ == "pobj"
            if t.head.i == t.i:
                break
        return False
    return False


def _dates_a_statement(ctx: DocContext, toks: set[int]) -> bool:
    """Is a time expression attached to a speech verb ("said on Monday")?"""
    for i in toks:
        head = ctx.tokens[i].head
        if head.i not in toks:
            if head.lower_ in ("on", "at", "in") and head.head.i != head.i:
                head = head.head
            return head.pos_ == "VERB" and ctx.lemma(head.i) in SPEECH_VERBS
    return False


def _interval(c: Candidate, widen: bool = False) -> tuple[date | None, date | None]:
    if c.span is None or not c.span.resolved:
        return (None, None)
    if getattr(c, "_said_on", False):
        return (c.span.start - timedelta(days=1), c.span.end)
    if c.undated and widen:
        # a headline without a date of its own may announce an event of the past days
        return (c.span.start - timedelta(days=6), c.span.end)
    return (c.span.start, c.span.end)


def _dates_overlap(a: Candidate, b: Candidate, widen: bool = False) -> bool:
    (s1, e1), (s2, e2) = _interval(a, widen), _interval(b, widen)
    if s1 is None or s2 is None:
        return s1 is None and s2 is None and a.background == b.background
    return s1 <= e2 and s2 <= e1


def _actors_compatible(a: Candidate, b: Candidate) -> bool:
    c1 = a.actor1.country if a.actor1 else None
    c2 = b.actor1.country if b.actor1 else None
    return c1 is None or c2 is None or c1 == c2


def _contains(region: Location | None, place: Location | None) -> bool:
    """Does a region- or country-level location contain a more precise one?"""
    if region is None or place is None:
        return False
    if region.geo_precision != 3 or place is region:
        return False
    if region.admin1_code:
        return (place.admin1_code == region.admin1_code and (place.geo_precision or 3) < 3) or (
            place.admin1_code == region.admin1_code and place.name != region.name and place.geo_precision != 3
        )
    return bool(region.country) and place.country == region.country and bool(place.admin1_code)


def _same_event(a: Candidate, b: Candidate, widen: bool = False) -> bool:
    return (
        a.family == b.family
        and _dates_overlap(a, b, widen)
        # a demonstration is told by its marchers and by the force that dispersed it: one event either way
        and (_actors_compatible(a, b) or a.kind in _CROWD_KINDS)
        and a.background == b.background
    )


def _merge(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """One event per kind, place and day: merge repeats, and fold vaguer mentions into precise ones."""
    out: list[Candidate] = []
    first = min((c.sent_index for c in cands), default=0)
    for c in cands:
        target = None
        for o in out:
            # the lead sentence may announce, undated, an event the body dates
            widen = o.sent_index == first or c.sent_index == first
            if _same_event(o, c, widen) and _place_key(o.location) == _place_key(c.location):
                target = o
                break
        if target is None:
            out.append(c)
        else:
            _absorb(target, c)
    # a region-level (or country-level) report folds into a settlement-level event of the same kind; so does
    # an event of the headline or lead sentence whose place is vague or borrowed ("Ukraine downs drones over
    # the south"): it announces an event the body tells with its place; and so does a headline's event the body
    # tells at the same place in other words ("glide bombs kill three in Kharkiv" / "struck Kharkiv")
    lead = min((c.sent_index for c in out), default=0)
    headline = {id(c) for c in out if c.sent_index == lead and (c.place_inherited or c.location is None)}
    absorbed: dict[int, Candidate] = {}

    def final(o: Candidate) -> Candidate:
        while id(o) in absorbed:
            o = absorbed[id(o)]
        return o

    def fold(target: Candidate, c: Candidate) -> None:
        target = final(target)
        _absorb(target, c, keep_place=True)
        absorbed[id(c)] = target

    result: list[Candidate] = []
    for c in out:
        if id(c) in headline:
            body = [
                o
                for o in out
                if id(o) not in headline and o.sent_index > lead and _same_event(o, c, widen=True)
            ]
            if body:
                lead_typing = c.typing
                target = final(body[0])
                fold(target, c)
                # the lead sentence says what happened; the body adds where
                cats = list(dict.fromkeys(lead_typing.categories + target.typing.categories))
                target.typing = Typing(lead_typing.kind, lead_typing.sub_event_type, cats)
                continue
        if c.location is not None and c.location.geo_precision == 3:
            precise = [
                o for o in out if o is not c and _same_event(o, c) and _contains(c.location, o.location)
            ]
            if precise:
                fold(precise[0], c)
                continue
        if c.location is not None and c.location.geo_precision == 2 and getattr(c, "_unnamed", False):
            named = [o for o in out if id(o) not in absorbed and _names_the_place(c, o)]
            if named:
                fold(named[0], c)
                continue
        if c.title and c.kind in _STORY_KINDS:
            target, alone = _headline_target(c, [o for o in out if not o.title and id(o) not in absorbed])
            if target is not None:
                target = final(target)
                if alone:
                    typing = target.typing
                    fold(target, c)
                    target.typing = typing  # the body tells what happened in more words than the headline
                else:
                    target.evidence.extend(ev for ev in c.evidence if ev not in target.evidence)
                    absorbed[id(c)] = target
                continue
        result.append(c)
    return result


_UNNAMED_PLACE_NOUNS = frozenset("village town settlement locality hamlet city".split())
NAMED_NEAR_KM = 30.0
"""How far from the place a report says an unnamed village is near ("a village near X") the village it then
names can lie."""


HEADLINE_NEAR_KM = 50.0
"""The same for a headline, which names the nearest town its readers know ("capture of village near Pokrovsk"):
often a district centre or a city further off than a report's own "near"."""


def _unnamed_place(ctx: DocContext, c: Candidate) -> bool:
    """Does the clause tell of a place it does not name ("captured a village near X", "capture of village
    near X" in a headline, "a settlement close to X")? Not "the village of X", "the village", "Y village"."""
    for i in c.domain:
        tok = ctx.tokens[i]
        if ctx.lemma(i) not in _UNNAMED_PLACE_NOUNS or tok.pos_ != "NOUN" or ctx.lowers[i].endswith("s"):
            continue
        children = list(tok.children)
        if any(ch.dep_ in ("compound", "appos", "poss") for ch in children):
            continue
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            continue  # "Novoselivka Persha, a village in Donetsk region": the village is named
        if any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in children):
            continue
        dets = [ch.lower_ for ch in children if ch.dep_ in ("det", "nummod")]
        if not dets or dets[0] in ("a", "an", "another", "one"):
            return True
    return False


def _names_the_place(near: Candidate, named: Candidate) -> bool:
    """Is ``named`` the same event told at the settlement ``near`` only placed near another one ("captured a
    village near Pokrovsk" / "liberated the settlement of Novohrodivka")?"""
    a, b = near.location, named.location
    if (
        named is near
        or b is None
        or a is None
        or (b.geo_precision or 3) > 2
        or getattr(named, "_unnamed", False)
    ):
        return False
    if _place_key(a) == _place_key(b):
        return False  # the same "near X" told again: the merge of repeats decides
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    from .gazetteer.data import haversine_km

    return (
        named.family == near.family
        and named.background == near.background
        and _actors_compatible(near, named)
        and _dates_overlap(near, named, widen=True)
        and haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        <= (HEADLINE_NEAR_KM if near.title else NAMED_NEAR_KM)
    )


def _headline_target(title: Candidate, body: list[Candidate]) -> tuple[Candidate | None, bool]:
    """The body event a headline's violent event announces, and whether it announces that one event alone:
    the first one of its family the body tells at its place (or within it), else the one told at its very
    place, else the only place within it the body tells violence at. A headline about a region where the body
    tells several events sums them up: it is no event of its own (the first of them keeps its words, not its
    figures)."""
    told = sorted((o for o in body if _headline_tells(title, o)), key=lambda o: o.sent_index)
    if not told:
        return None, False
    same_family = [o for o in told if o.family == title.family]
    if same_family and len({_place_key(o.location) for o in same_family}) == 1:
        return same_family[0], True
    same_place = [o for o in told if _place_key(o.location) == _place_key(title.location)]
    if same_place:
        return same_place[0], True
    if len({_place_key(o.location) for o in told}) == 1:
        return told[0], True
    return told[0], False


def _headline_tells(title: Candidate, body: Candidate) -> bool:
    """Does a body event tell the violent event a headline announces (same place or one within the other,
    same days, compatible actors), whatever words each uses for it?"""
    return (
        body.kind in _STORY_KINDS
        and body.background == title.background
        and _actors_compatible(title, body)
        and _dates_overlap(title, body, widen=True)
        and _places_agree(title, body)
    )


# the violent events a later sentence can tell more of (its casualties, its damage, a repeat)
_STORY_KINDS = frozenset(
    {
        "clash",
        "advance",
        "assault",
        "shelling",
        "missile",
        "air_strike",
        "drone_strike",
        "explosive",
        "suicide",
        "grenade",
        "chemical",
        "attack",
        "kill",
        "wound",
        "protest_force",
        "riot",
        "mob",
        "abduction",
        "sexual",
        "interception",
    }
)
_CONSEQUENCE_KINDS = frozenset({"kill", "wound"})
_REPULSE_VERBS = frozenset("repel repulse thwart foil halt stop counter".split())
_DAMAGE_KINDS = frozenset({"looting", "disruption"})
_STRIKE_KINDS = frozenset({"shelling", "missile", "air_strike", "drone_strike", "explosive", "grenade"})
_MORE_WORDS = re.compile(r"\b(?:also|another|more|further|additional)\b", re.I)
_ANAPHOR_DETS = frozenset({"the", "this", "that", "these", "those"})
_ANAPHOR_QUANTIFIERS = frozenset("one two three some several both all each none many most part".split())


def _clause_place(c: Candidate) -> bool:
    """Was the candidate placed by its own clause (not by another clause of its sentence, its speaker's title
    or its paragraph's story)?"""
    return c.location is not None and not c.place_inherited


def _places_agree(a: Candidate, b: Candidate) -> bool:
    return _place_key(a.location) == _place_key(b.location) or (
        _contains(a.location, b.location) or _contains(b.location, a.location)
    )


def _anaphoric(ctx: DocContext, c: Candidate) -> bool:
    """Does the clause refer back to an event or weapon told before ("the strike", "one of the missiles",
    "it was struck")? Definite actors ("the Russian forces") do not count: notes name every actor so."""
    tokens, lowers = ctx.tokens, ctx.lowers
    trigger_tokens = {t.i for t in c.triggers}
    for i in c.domain:
        t = tokens[i]
        if lowers[i] in ("it", "they") and t.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return True
        if i not in trigger_tokens and i not in ctx.weapon_spans and ctx.lemma(i) not in WEAPON_WORDS:
            continue
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(ch.dep_ == "det" and ch.lower_ in _ANAPHOR_DETS for ch in t.children):
            return True
        head = t.head
        if t.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _ANAPHOR_QUANTIFIERS:
            return True
    return False


def _story_event(ctx: DocContext, c: Candidate, told: list[Candidate]) -> Candidate | None:
    """The event told before that a later clause tells more of, or None.

    A clause that names its own place tells more of the event at that place told in its paragraph or the one
    before. A clause without a place of its own continues the last sentence that told an event: in its
    paragraph, or opening the next one. Either way the event is violent, of the same days, by a compatible
    actor; a repeat ("the strike") is of the same family of violence."""
    consequence = c.kind in _CONSEQUENCE_KINDS
    damage = c.kind in _DAMAGE_KINDS
    if getattr(c, "_debris", False):
        # "Air defence destroyed all of them; debris fell in two districts": what the interception brought down
        downed = [
            o
            for o in told
            if o.kind == "interception"
            and 0 <= c.paragraph - o.paragraph <= 1
            and (o.sent_index, o.trigger.i) < (c.sent_index, c.trigger.i)
        ]
        return downed[-1] if downed else None
    repeat = (
        not consequence
        and not damage
        and c.kind in _STORY_KINDS
        and (_anaphoric(ctx, c) or _generic_retelling(c, told))
    )
    if c.kind in _LEAVING_KINDS and c.location is None:
        # "Poroshenko said 80 percent of the troops had pulled out in an orderly way", "the first 300 children
        # were taken to Belgorod": the withdrawal or evacuation told before, told again without a place
        kin = ("withdrawal", "capture", "recapture") if c.kind == "withdrawal" else ("displacement",)
        told_before = [
            o
            for o in told
            if o.kind in kin
            and 0 <= c.paragraph - o.paragraph <= 1
            and o.background == c.background
            and _dates_overlap(o, c, widen=True)
        ]
        return told_before[-1] if told_before else None
    if not (consequence or damage or repeat):
        return None
    before = []
    for o in reversed(told):  # text order: only the paragraph and the one before matter
        if o.paragraph < c.paragraph - 1:
            break
        if (o.sent_index, o.trigger.i) < (c.sent_index, c.trigger.i):
            before.append(o)
    before.reverse()
    if not before:
        return None
    reach = 0 if damage else 1  # paragraphs back
    if _clause_place(c):
        # the same place: a tally for a whole region ("three civilians were killed in the region over the past
        # day") is a casualty report of its own, not the figures of one event in it
        pool = [
            o
            for o in before
            if 0 <= c.paragraph - o.paragraph <= reach and _place_key(o.location) == _place_key(c.location)
        ]
    else:
        last_sentence = max(o.sent_index for o in before)
        pool = [o for o in before if o.sent_index == last_sentence]
        gap = c.paragraph - pool[0].paragraph
        if gap > reach:
            return None
        if gap == 1 and any(
            ctx.paragraph_of[i] == c.paragraph for i in range(last_sentence + 1, c.sent_index)
        ):
            return None  # the clause does not open its paragraph: it belongs to that paragraph's own story
    # "Ukrainian forces repelled the attack": the other side of the fight told before
    repulse = repeat and any(ctx.lemma(t.i) in _REPULSE_VERBS for t in c.triggers)
    fits = [
        o
        for o in pool
        if o.kind in _STORY_KINDS
        and o.background == c.background
        and (repulse or _actors_compatible(o, c))
        and _dates_overlap(o, c, widen=c.undated or o.undated)
        and (not repeat or o.family == c.family or {o.kind, c.kind} <= _STRIKE_KINDS | GENERIC_KINDS)
    ]
    if not fits:
        return None
    same_place = [
        o for o in fits if c.location is not None and _place_key(o.location) == _place_key(c.location)
    ]
    # the nearest telling, and within one sentence its main clause
    return max(same_place or fits, key=lambda o: (o.sent_index, -o.depth, -o.trigger.i))


def _generic_retelling(c: Candidate, told: list[Candidate]) -> bool:
    """ "The enemy again attacked the port infrastructure of Odesa," the governor wrote (after "drones struck the
    port of Odesa overnight"): an attack told with no weapon of its own, at the very place of a strike told just
    before, is that strike told again (a quote, a summary)."""
    if c.kind != "attack" or c._weapon_kinds or not _clause_place(c):  # type: ignore[attr-defined]
        return False
    return any(
        o.kind in _STRIKE_KINDS
        and _place_key(o.location) == _place_key(c.location)
        and 0 <= c.paragraph - o.paragraph <= 1
        for o in told
    )


def _add_count(mine: int | None, theirs: int | None, more: bool) -> int | None:
    if theirs is None:
        return mine
    if mine is None:
        return theirs
    return mine + theirs if more else max(mine, theirs)


def _fold_story(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """One event per incident: what a later clause tells of the event just told (its dead and wounded, "Two
    civilians were killed and eight wounded, the governor said."; its damage, "A residential building was set
    on fire."; or the event again, "One of the missiles hit a school") is that event, at its place and day, not
    another event. Casualties told with "also", "another", "more" add to the event's; otherwise they repeat
    them (the larger figure stands)."""
    out: list[Candidate] = []
    into: dict[int, Candidate] = {}
    for n, c in enumerate(cands):
        broad = _broad_story(ctx, c, out)
        if broad is not None:
            _told_as_part_of(c, broad)
            out.append(c)
            continue
        story = _story_event(ctx, c, cands[:n])
        while story is not None and id(story) in into:
            story = into[id(story)]
        if story is None:
            out.append(c)
            continue
        into[id(c)] = story
        more = bool(_MORE_WORDS.search(ctx.sentence_text(c.sent_index)))
        story.fatalities = _add_count(story.fatalities, c.fatalities, more)
        story.injuries = _add_count(story.injuries, c.injuries, more)
        story.members += c.members
        for ev in c.evidence:
            if ev not in story.evidence:
                story.evidence.append(ev)
        for w in c.weapons:
            if w not in story.weapons:
                story.weapons.append(w)
        if story.actor2 is None and c.actor2 is not None:
            story.actor2 = c.actor2
        if story.actor2 is None and c.actor1 is not None and not _actors_compatible(story, c):
            story.actor2 = c.actor1  # the side that repelled it
        _take_claim(story, c)
    return out


_PART_KINDS = frozenset({"kill", "wound", "attack", "looting", "disruption"})


def _broad_story(ctx: DocContext, c: Candidate, told: list[Candidate]) -> Candidate | None:
    """ "Russia launched a massive missile and drone attack across Ukraine. In Dnipro, a maternity hospital was
    hit and six people were killed.": a strike told for a whole country or region, then what it did at one
    place in it, by a clause with no doer of its own: that clause is the strike at that place (ACLED codes a
    country-wide attack place by place), not more of the country-wide telling nor an event of another kind."""
    if c.kind not in _PART_KINDS or getattr(c, "_agent", None) is not None or getattr(c, "_story", False):
        return None  # the place must be the sentence's own ("In Dnipro, six people were killed")
    if c.location is None or c.location.geo_precision == 3:
        return None
    for o in reversed(told):
        if o.paragraph < c.paragraph - 1:
            break
        if (
            o.kind in _STRIKE_KINDS
            and o.background == c.background
            and _contains(o.location, c.location)
            and _dates_overlap(o, c, widen=c.undated or o.undated)
        ):
            return o
    return None


def _told_as_part_of(part: Candidate, whole: Candidate) -> None:
    """The strike told for a whole area, at one place of it: its kind, weapons and doer."""
    part.typing = whole.typing
    for w in whole.weapons:
        if w not in part.weapons:
            part.weapons.append(w)
    if part.actor1 is None:
        part.actor1 = whole.actor1


def _drop_denied(cands: list[Candidate]) -> list[Candidate]:
    """ "The Air Force denies Russian claims that a Su-27 was shot down": an act of violence the side it was
    done to denies, told only by that denial, did not take place as far as the report goes (ACLED codes none).
    A side denying its own act ("Kyiv denied that its forces had shelled a market") leaves the event with the
    status denied (the act happened, whose it was is contested); so does a denied claim of territory or of a
    deployment, which the control ledger weighs."""
    return [c for c in cands if not _denied_loss(c)]


def _denied_loss(c: Candidate) -> bool:
    if c.claim.status != "denied" or c.kind not in _VIOLENT_KINDS:
        return False
    denier = c.claim.source_country
    return denier is not None and (c.actor1 is None or c.actor1.country != denier)


_DRONE_WORDS = frozenset("vehicle uav shahed aircraft".split())
# abstract places counted by a bulletin ("in 143 areas"); a count of villages or towns is a real event's
# targets ("shelled five villages")
_AREA_UNITS = frozenset("area location direction sector".split())
SUMMARY_DAYS = 27
"""A country-wide casualty figure with no one named as its cause, over at least this many days ("In March,
OHCHR recorded 3,900 civilian casualties in Ukraine"), is a statistic, not an event."""


def _tally(c: Candidate) -> bool:
    """Is a strike or an interception told as a bulletin's sum: the areas it hit ("in 143 areas"), several kinds
    of targets ("hit 2 command posts, 3 areas of personnel concentration and an ammunition depot"), or several
    kinds of weapons brought down ("shot down two cruise missiles, five rockets and 27 UAVs")?"""
    if c.kind not in _STRIKE_KINDS | {"interception"}:
        return False
    heads = [numbers_stage.singularize(q.unit.split()[-1].lower()) for q in c.quantities]
    if any(h in _AREA_UNITS and q.count >= 2 for h, q in zip(heads, c.quantities, strict=True)):
        return True
    weapons = {h for h in heads if h in WEAPON_WORDS or h in _DRONE_WORDS}
    if c.kind == "interception":
        return len(weapons) >= 2
    return len(set(heads) - weapons - {"explosion", "strike", "shell", "round", "wave"}) >= 2


def _drop_tallies(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """Bulletins sum up a day of war: "struck enemy manpower and equipment in 143 areas", "air defence shot down
    two cruise missiles, five rockets and 27 UAVs", and monitors a month: "recorded 3,900 civilian casualties in
    Ukraine in March". ACLED codes events where they happened; a tally that names no place at all, or a
    casualty figure for a whole country over a month, is no event."""
    out = []
    for c in cands:
        loc = c.location if c.location is not None else _fallback_location(ctx, c)
        if loc is None and _tally(c):
            log.debug("not an event: a tally without a place (%s)", c.trigger.text)
            continue
        span = c.span
        if (
            c.kind in GENERIC_KINDS
            and c.actor1 is None
            and loc is not None
            and loc.geo_precision == 3
            and not loc.admin1_code
            and span is not None
            and span.resolved
            and (span.end - span.start).days >= SUMMARY_DAYS  # type: ignore[operator]
        ):
            log.debug("not an event: a country-wide figure over a month (%s)", c.trigger.text)
            continue
        out.append(c)
    return out


_VIOLENT_KINDS = _STORY_KINDS | {"shootdown", "air_combat", "explosion", "bombing"}

RECALLED_DAYS = 30
_HANDS_KINDS = frozenset({"capture", "recapture", "withdrawal"})
"""How old an event told after the lead must be to count as history the report recalls (a fortnight-old
offensive is still the story's news; last year's withdrawal is its background)."""


def _drop_recalled(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """A report of several paragraphs recalls older events after its lead ("Russian forces withdrew from Kherson
    a year ago", "besieged Chernihiv ... before withdrawing in early April 2022"): history, not news of the
    report. An event that ended more than ``RECALLED_DAYS`` before publication, told only after the lead
    paragraph, is no event of the report (in the lead it is the news: "Ukraine said on Tuesday it had retaken X
    last month"). A change of hands recalled at a place whose change of hands is the news ("Russia said it took
    Robotyne, one of the villages Kyiv retook last summer") stays: it is that place's history, which the control
    ledger keeps as background."""
    if ctx.document.published is None or len(set(ctx.paragraph_of)) < 2:
        return cands
    body = [i for i in range(len(ctx.sentences)) if i not in ctx.titles and i not in ctx.headings]
    if not body:
        return cands
    lead = ctx.paragraph_of[body[0]]
    cutoff = ctx.document.published - timedelta(days=RECALLED_DAYS)
    changed_hands = {
        _place_key(c.location) for c in cands if c.kind in _HANDS_KINDS and not c.background and c.location
    }
    return [
        c
        for c in cands
        if not (
            c.background
            and not (c.kind in _HANDS_KINDS and c.location and _place_key(c.location) in changed_hands)
            and c.paragraph > lead
            and not c.title
            and c.span is not None
            and c.span.end is not None
            and c.span.end < cutoff
        )
    ]


def _claim_origin(c: Candidate) -> tuple[int, bool, int]:
    """Where the telling whose speaker an event's claim names is: its paragraph, whether it was the headline
    (which only announces what the body tells), and its sentence."""
    return getattr(c, "_claim_from", (c.paragraph, c.title, c.sent_index))


def _takes_claim(target: Candidate, other: Candidate) -> bool:
    """Does an event take the claim of another telling of it? The claim is the speaker's whose statement
    tells the event: the first telling's (the body's before its headline's); a telling in the reporter's voice
    takes the speaker of a telling before it, or of the same story (its paragraph or the next); a speaker quoted
    in a later, unrelated paragraph never replaces it."""
    if not other.explicit_source:
        return False
    t_par, t_title, t_sent = _claim_origin(target)
    o_par, o_title, o_sent = _claim_origin(other)
    if not target.explicit_source:
        return t_title or o_title or o_par - t_par <= 1
    if t_title != o_title:
        return t_title
    if (o_par, o_sent) < (t_par, t_sent):
        return True
    return target.claim.source_country is None and other.claim.source_country is not None and o_par == t_par


def _take_claim(target: Candidate, other: Candidate) -> None:
    if _takes_claim(target, other):
        target.claim, target.explicit_source = other.claim, True
        target._claim_from = _claim_origin(other)  # type: ignore[attr-defined]
    elif _claim_origin(target)[1] and not _claim_origin(other)[1] and not target.explicit_source:
        # the body tells what the headline announced, in the reporter's voice: from now on the event's claim is
        # that telling's, and a speaker quoted in a later paragraph does not replace it
        target._claim_from = _claim_origin(other)  # type: ignore[attr-defined]


def _absorb(target: Candidate, other: Candidate, keep_place: bool = False) -> None:
    target._unnamed = getattr(target, "_unnamed", False) or getattr(other, "_unnamed", False)  # type: ignore[attr-defined]
    target._claim_from = _claim_origin(target)  # type: ignore[attr-defined]
    _take_claim(target, other)
    target.title = target.title and other.title  # an event the body tells is no longer the headline's alone
    target.members += other.members
    for ev in other.evidence:
        if ev not in target.evidence:
            target.evidence.append(ev)
    if (other.sent_index, other.depth) < (target.sent_index, target.depth):
        # the earlier (or more central) mention decides the event's salience
        target.sent_index, target.depth, target.trigger = other.sent_index, other.depth, other.trigger
    if target.actor1 is None:
        target.actor1 = other.actor1
    if (
        target.kind in _CROWD_KINDS
        and other.actor1 is not None
        and other.actor1.kind in ("police", "military")
        and other.actor1.country
        and (target.actor2 is None or target.actor2.country is None)
    ):
        target.actor2 = other.actor1  # the force that dispersed the demonstration
    if target.actor2 is None:
        target.actor2 = other.actor2
    if target.fatalities is None:
        target.fatalities = other.fatalities
    if target.injuries is None:
        target.injuries = other.injuries
    for q in other.quantities:
        if q not in target.quantities:
            target.quantities.append(q)
    for w in other.weapons:
        if w not in target.weapons:
            target.weapons.append(w)
    cats = list(dict.fromkeys(target.typing.categories + other.typing.categories))
    sub = target.typing.sub_event_type
    if target.kind == "withdrawal" and other.typing.sub_event_type == "Armed clash":
        sub = "Armed clash"
    target.typing = Typing(target.kind, sub, cats)
    if other.span is not None and (
        target.span is None
        or (target.undated and not other.undated)
        or (
            other.span.resolved
            and target.span.resolved
            and (other.span.end - other.span.start) < (target.span.end - target.span.start)
        )
    ):
        target.span, target.undated = other.span, other.undated


_PROTEST_WINDOW = 2
_WEAPON_KINDS = frozenset(
    {"suicide", "chemical", "grenade", "explosive", "air_strike", "drone_strike", "missile", "shelling"}
)


_UNOPPOSED = re.compile(
    r"\b(unopposed|without (?:a |any )?(?:fight|fighting|resistance|battle|clashes|a shot)|no resistance|"
    r"(?:not|n't|never) (?:\w+ ){0,2}(?:any )?resistance|(?:the|an?) (?:deserted|vacated|abandoned)|handed over|"
    # ACLED notes: "No information on whether fighting took place" -- no fighting is known, so none is coded
    r"no (?:information|reports?|details?|data) (?:on|about|of|as to) whether (?:any )?"
    r"(?:fighting|clashes|battles?|hostilities)|no (?:fighting|clashes) (?:was|were) reported)\b",
    re.I,
)


_FULL_CONTROL = re.compile(r"\b(?:full|complete|total|entire)\s+control\b", re.I)
# a place left under siege or fire was fought for ("withdrew from the besieged railway hub")
_CONTESTED = re.compile(
    r"\b(?:besieged|encircled|embattled|under siege|surrounded|under (?:heavy )?(?:fire|shelling|pressure)|"
    r"(?:days|weeks|months) of (?:\w+ )?(?:fighting|shelling|battles?|clashes|assaults))\b",
    re.I,
)


def _resolve_transfers(ctx: DocContext, cands: list[Candidate]) -> None:
    """Ground taken without resistance, or after the other side withdrew, is a non-violent transfer of
    territory (ACLED): a capture with a withdrawal told in the same or the next sentence. A state retaking its
    own ground, or a taking that completes a fight ("full control"), after the other side withdrew stays a
    takeover."""
    for c in cands:
        if (
            c.kind not in ("capture", "recapture")
            or c.typing.sub_event_type == "Non-violent transfer of territory"
        ):
            continue
        if c._kinds and set(c._kinds) & {"clash", "assault", "attack", "kill", "shelling"}:  # type: ignore[attr-defined]
            continue
        withdrew = getattr(c, "_after_withdrawal", False)
        for o in cands:
            if (
                o.kind == "withdrawal"
                and 0 <= o.sent_index - c.sent_index <= 1
                and (
                    o.actor1 is None
                    or c.actor1 is None
                    or o.actor1.country != c.actor1.country
                    or o.actor1.name != c.actor1.name
                )
            ):
                withdrew = True
        lo, hi = c.sent_index, min(len(ctx.sentences) - 1, c.sent_index + 1)
        text = ctx.text[ctx.sentences[lo].start_char : ctx.sentences[hi].end_char]
        withdrew = withdrew or bool(re.search(r"\b(withdrawal|pull-?out|retreat)\s+of\b", text, re.I))
        # the other side's withdrawal leaves ground to a quiet taker; not when a state retakes its own ground
        # ("regained control of Kherson following the withdrawal of Russian forces") nor when the taking
        # completes a fight for the place ("took full control of Avdiivka after Ukrainian forces withdrew")
        contested = c.typing.sub_event_type == "Government regains territory" or bool(
            _FULL_CONTROL.search(ctx.sentence_text(c.sent_index)) or _CONTESTED.search(text)
        )
        quiet = bool(_UNOPPOSED.search(text)) or (withdrew and not contested)
        if re.search(
            r"\b(fighting|clash(?:es|ed)?|battles?|killing|killed|assault)\b",
            ctx.sentences[c.sent_index].text,
            re.I,
        ):
            quiet = False
        if quiet:
            c.typing = Typing(c.kind, "Non-violent transfer of territory", c.typing.categories)


_INTERCEPTED_STRIKES = frozenset({"drone_strike", "air_strike", "missile", "shelling", "attack"})
# weapons air defence brings down, by family: a missile and a rocket are one family
_AIRBORNE = {"drone": "drone", "missile": "missile", "rocket": "missile"}
_STRIKE_WEAPON = {"drone_strike": "drone", "missile": "missile"}
_TIME_NOUNS = frozenset("night day morning evening afternoon dawn weekend".split())
_COMPASS = frozenset("north south east west northeast northwest southeast southwest centre center".split())


def _airborne(kinds: Iterable[str]) -> set[str]:
    return {_AIRBORNE[k] for k in kinds if k in _AIRBORNE}


def _aimed_at_a_place(ctx: DocContext, c: Candidate) -> bool:
    """Does a strike name no target but a place ("attacked Kyiv with drones", "launched missiles at the
    south of Ukraine", "a terrorist attack on the city of Belgorod")? A strike that names what it hit ("struck
    port infrastructure", "hit a school") tells an impact of its own."""
    for trig in c.triggers:
        tok = trig.token
        objects = [x for x in tok.children if x.dep_ in ("dobj", "nsubjpass")]
        objects += [
            g
            for x in tok.children
            if x.dep_ == "prep" and x.lower_ in ("on", "at", "against", "into")
            for g in x.children
            if g.dep_ == "pobj"
        ]
        for o in objects:
            if o.pos_ == "PROPN" or o.ent_type_ in ("GPE", "LOC") or ctx.dated[o.i]:
                continue  # a place, or a time ("on the night of 15 May")
            lemma = ctx.lemma(o.i)
            if lemma in _TIME_NOUNS:
                continue
            if lemma in _PLACE_UNITS or lemma in _COMPASS or lemma in ("territory", "oblast", "capital"):
                continue
            if lemma in WEAPON_WORDS or o.i in ctx.weapon_spans:
                continue  # "launched drones": what was fired, not what was hit
            return False
    return True


_IMPACT = re.compile(
    r"\b(damag\w*|destroy\w*|hit|struck|kill\w*|wound\w*|injur\w*|dead|casualt\w*|fire broke|caught fire|"
    r"ablaze|impact\w*)\b",
    re.I,
)
_DEBRIS = re.compile(r"\b(debris|fragments?|wreckage|shrapnel of (?:the )?(?:downed|intercepted))\b", re.I)
_NO_IMPACT = re.compile(
    r"\b(?:no|not|without)\b(?:\s+\w+){0,3}\s+(?:casualties|damage|injur\w*|victims)\b", re.I
)


def _impact_told(ctx: DocContext, strike: Candidate, interception: Candidate) -> bool:
    """Does the story tell that some of the strike got through: damage, a hit or casualties told in another
    sentence of the paragraph near the strike (not the interception's, and not of debris: debris of what was
    brought down belongs to the interception)?"""
    lo = min(strike.sent_index, interception.sent_index)
    hi = min(len(ctx.sentences) - 1, max(strike.sent_index, interception.sent_index) + 2)
    for i in range(lo, hi + 1):
        if i in (strike.sent_index, interception.sent_index) or ctx.paragraph_of[i] != strike.paragraph:
            continue
        text = ctx.sentence_text(i)
        if _IMPACT.search(text) and not _DEBRIS.search(text) and not _NO_IMPACT.search(text):
            return True
    return False


def _fold_intercepted(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """A strike told only as launched at a place, whose drones or missiles air defence then brought down ("the
    enemy attacked Kyiv with Shahed drones. Air defence destroyed all of them.", "30 missiles launched at Kyiv,
    29 of which were shot down"), is the interception: ACLED codes the disrupted weapons use, not a strike that
    hit nothing. The strike's actor is the interception's other side. A strike that names what it hit or
    killed someone stays an event of its own."""
    interceptions = [c for c in cands if c.kind == "interception"]
    if not interceptions:
        return cands
    dropped: set[int] = set()
    for c in cands:
        if c.kind not in _INTERCEPTED_STRIKES or c.fatalities or c.injuries:
            continue
        weapons = _airborne(c._weapon_kinds) | _airborne([_STRIKE_WEAPON.get(c.kind, "")])  # type: ignore[attr-defined]
        if not weapons or not _aimed_at_a_place(ctx, c):
            continue
        for o in interceptions:
            if (
                o.paragraph != c.paragraph
                or abs(o.sent_index - c.sent_index) > 1
                or o.background != c.background
            ):
                continue
            downed = _airborne(o._weapon_kinds)  # type: ignore[attr-defined]
            if downed and not downed & weapons:
                continue
            if not (c.location is None or o.location is None or _places_agree(c, o)):
                continue
            if _impact_told(ctx, c, o):
                break  # "A few were intercepted. Civilian infrastructure was damaged.": some got through
            if o.actor2 is None and c.actor1 is not None and c.actor1 != o.actor1:
                o.actor2 = c.actor1
            _absorb(o, c, keep_place=True)
            if o.location is None:
                o.location = c.location
            o.typing = Typing(
                "interception",
                "Disrupted weapons use",
                ["interception", *(k for k in o.typing.categories if k != "interception")],
            )
            dropped.add(id(c))
            break
    return [c for c in cands if id(c) not in dropped]


_FIRE_KINDS = frozenset({"shelling", "missile", "attack", "clash"})


def _resolve_return_fire(cands: list[Candidate]) -> list[Candidate]:
    """Fire that was answered ("X shelled the town. Y responded with fire.", "Y fired back") was exchanged:
    ACLED codes one armed clash where the first fire was. The answer told in the same or the next sentence of
    the paragraph, with no other place of its own, folds into that fire."""
    out: list[Candidate] = []
    for c in cands:
        answer = c.kind == "clash" and any(return_fire(t.token, lemma_of(t.token)) for t in c.triggers)
        fired = [
            o
            for o in out
            if answer
            and o.kind in _FIRE_KINDS
            and o.paragraph == c.paragraph
            and 0 <= c.sent_index - o.sent_index <= 1
        ]
        if fired and (
            c.location is None
            or c.location.geo_precision == 3
            or _place_key(c.location) == _place_key(fired[-1].location)
        ):
            first = fired[-1]
            if first.actor2 is None and c.actor1 is not None and c.actor1 != first.actor1:
                first.actor2 = c.actor1
            _absorb(first, c, keep_place=True)
            cats = ["armed_clash", *(k for k in first.typing.categories if k != "armed_clash")]
            first.typing = Typing("clash", "Armed clash", cats)
            continue
        out.append(c)
    return out


def _resolve_weapons(ctx: DocContext, cands: list[Candidate]) -> None:
    """An attack told without its weapon and a following sentence that names how it was done ("Security posts
    were hit by synchronised attacks. The attacks were carried out with grenades.") are one event: the
    attack takes the weapon's type. Chemical weapons used in an attack make it a chemical weapon attack."""
    for c in cands:
        if c.kind not in GENERIC_KINDS and c.kind not in (
            "shelling",
            "missile",
            "air_strike",
            "drone_strike",
        ):
            continue
        for o in cands:
            if o is c or o.kind not in _WEAPON_KINDS or o.background != c.background:
                continue
            if c.kind not in GENERIC_KINDS and o.kind != "chemical":
                continue
            gap = o.sent_index - c.sent_index
            if not (0 <= gap <= 2) or (gap == 0 and o.kind != "chemical"):
                continue
            if (
                c.location is not None
                and o.location is not None
                and _place_key(c.location) != _place_key(o.location)
                and not (_contains(c.location, o.location) or _contains(o.location, c.location))
            ):
                continue
            between = ctx.text[
                ctx.sentences[c.sent_index].start_char : ctx.sentences[o.sent_index].end_char
            ].lower()
            if re.search(r"\b(separate|another|other|earlier|previous|last (?:week|month|year))\b", between):
                continue
            cats = [*o.typing.categories, *(k for k in c.typing.categories if k not in o.typing.categories)]
            c.typing = Typing(o.kind, o.typing.sub_event_type, cats)
            for w in o.weapons:
                if w not in c.weapons:
                    c.weapons.append(w)
            break


def _resolve_protests(ctx: DocContext, cands: list[Candidate]) -> None:
    """A demonstration's sub-event type depends on what the neighbouring sentences tell (stones thrown, tear
    gas, people shot): the cues of the event's sentence and the two before and after it decide."""
    cache: dict[int, set[str]] = {}
    for c in cands:
        if c.kind not in ("protest", "protest_force", "riot", "clash"):
            continue
        cues: set[str] = set()
        lo = max(0, c.sent_index - _PROTEST_WINDOW)
        hi = min(len(ctx.sentences), c.sent_index + _PROTEST_WINDOW + 1)
        for i in range(lo, hi):
            if ctx.paragraph_of[i] != c.paragraph:
                continue  # the neighbouring paragraphs of an article tell other events
            if i not in cache:
                cache[i] = protest_cues(ctx.sentences[i])
            cues |= cache[i]
        kind = c.kind
        if kind == "clash":
            # "others clashed with police" in a report on demonstrations: a riot, not a battle
            sides = {a.kind for a in (c.actor1, c.actor2) if a is not None}
            if (
                "protest" not in cues
                or sides & {"military", "armed_group"}
                or not (
                    c._context & {"police", "policeman", "officer", "enforcement"}  # type: ignore[attr-defined]
                )
            ):
                continue
            kind = "riot"
        typing = protest_typing(kind, cues)
        if typing is not None:
            extra = [k for k in c.typing.categories if k not in typing.categories and k != "protest"]
            c.typing = Typing(typing.kind, typing.sub_event_type, typing.categories + extra)


def _protest_actors(cands: list[Candidate]) -> None:
    """Demonstrators are the actors of a protest or riot (people in the street are protesters, not just
    civilians), and the police its counterpart; in excessive force against protesters the force acts on them."""
    for c in cands:
        sub = c.typing.sub_event_type
        if sub not in (
            "Peaceful protest",
            "Protest with intervention",
            "Violent demonstration",
            "Excessive force against protesters",
        ):
            continue
        country = c.location.country if c.location else None
        crowd = [a for a in (c.actor1, c.actor2) if a is not None and a.kind in ("civilians", "protesters")]
        force = [a for a in (c.actor1, c.actor2) if a is not None and a.kind in ("police", "military")]
        protesters = make_actor("protesters", crowd[0].country if crowd else country)
        police = force[0] if force else None
        if sub == "Excessive force against protesters":
            c.actor1, c.actor2 = police or make_actor("police", country), protesters
        else:
            intervening = police or (
                make_actor("police", country) if sub == "Protest with intervention" else None
            )
            c.actor1, c.actor2 = protesters, intervening


def _order(cands: list[Candidate]) -> list[Candidate]:
    """The lead event first (the most central trigger of the first sentence that reports one), then text order."""
    if not cands:
        return []
    lead = min(cands, key=lambda c: (c.sent_index, c.depth, c.trigger.i))
    rest = sorted(
        (c for c in cands if c is not lead), key=lambda c: (min(s for s, _ in c.evidence), c.trigger.i)
    )
    return [lead, *rest]


# ----------------------------------------------------------------------------------------- the record


def _event(ctx: DocContext, c: Candidate, offset: int = 0) -> Event:
    document = ctx.document
    published = document.published
    loc = c.location if c.location is not None else _fallback_location(ctx, c)
    loc = loc or Location()
    span = c.span
    if span is not None and span.resolved:
        start, end, precision = span.start, span.end, span.precision
        best = published if c.undated else dates_stage.event_date(span)
    else:
        start = end = best = None
        precision = span.precision if span is not None else None
    text = ctx.text
    evidence = [
        Evidence(
            text=text[s:e].strip(),
            start=offset + s + _lstrip(text[s:e]),
            end=offset + e - _rstrip(text[s:e]),
            document_id=document.id,
        )
        for s, e in sorted(c.evidence)
    ]
    event = Event(
        document_id=document.id,
        event_date=best,
        date_start=start,
        date_end=end,
        time_precision=precision,
        event_type=c.typing.event_type,
        sub_event_type=c.typing.sub_event_type,
        categories=c.typing.categories,
        actor1=with_period(c.actor1, best or published),
        actor2=with_period(c.actor2, best or published),
        location=loc,
        geo_precision=loc.geo_precision,
        fatalities=c.fatalities,
        injuries=c.injuries,
        quantities=c.quantities,
        weapons=c.weapons,
        claim=c.claim,
        evidence=evidence,
        source=document.source,
        url=document.url,
    )
    event.notes = write_notes(event, c.kind)
    return event


def _lstrip(s: str) -> int:
    return len(s) - len(s.lstrip())


def _rstrip(s: str) -> int:
    return len(s) - len(s.rstrip())
