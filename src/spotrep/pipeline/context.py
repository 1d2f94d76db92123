"""What the English pipeline knows of a document while it reads it: a candidate event (``Candidate``), the document's
context (``DocContext``) and what one section of a long document tells the next (``SectionContext``)."""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from .. import dates as dates_stage
from .. import numbers as numbers_stage
from .. import places as places_stage
from ..actors import (
    WAR_SIDES,
    document_voice,
)
from ..attribution import (
    Attribution,
)
from ..documents import Document
from ..event_types import (
    Trigger,
    Typing,
    lemma_of,
)
from ..lexicon.actors import ACTOR_NOUNS
from ..model import Actor, Claim, Location, Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from .common import (
    _FAMILY,
)

log = logging.getLogger(__name__)


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
    dead_side: str | None = None  # whose dead the fatalities are, when one side's (numbers.sides)
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
    # the start offsets of the place mentions that say where the wounded were treated, no event's place
    treatment_places: set[int] = field(default_factory=set)
    # paragraph -> its story's dates (and whether they are background)
    story_spans: dict[int, tuple[dates_stage.TimeSpan, bool]] = field(default_factory=dict)
    # paragraphs whose story is the lead paragraph's, gone on with (a press release's account of its operation)
    lead_followers: set[int] = field(default_factory=set)
    # paragraph -> the last armed actor named with its country there ("Afghan soldiers ..." before "the soldiers
    # also detained ...": the same soldiers)
    story_forces: dict[int, tuple[Actor, str]] = field(default_factory=dict)  # (actor, its head noun's lemma)
    attributions: list[list[Attribution]] = field(default_factory=list)  # per sentence, speakers resolved
    nationalities: frozenset[str] = frozenset()  # every country a nationality word or a country name names
    # where the document was filed, from its dateline ("KABUL, Afghanistan (AP) -"): a place of last resort
    dateline_place: Location | None = None
    # the lower-cased tokens of the lines the triage left out of the analysis (``triage``), in text order
    skipped_lowers: list[str] = field(default_factory=list)

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
                    if span.root.ent_type_ == "PERSON" and not m.own_name:
                        continue  # "police seized Ivanov": a person's name that is only a city's other name
                    out.update(range(span.start, span.end))
        return out

    @property
    def lead_paragraph(self) -> int | None:
        """The first paragraph below the headline that has set a story (its day, or its place) so far."""
        titled = {self.paragraph_of[i] for i in self.titles}
        told = [
            p
            for p in (*self.story_spans, *self.story_places)
            if p not in titled and p not in self.lead_followers
        ]
        return min(told) if told else None

    def sentence_text(self, index: int) -> str:
        """The text of a sentence (a slice of the document's text: Span.text rebuilds it from the tokens)."""
        sent = self.sentences[index]
        return self.text[sent.start_char : sent.end_char]

    def dates_in(self, index: int) -> list[dates_stage.DateMention]:
        """The time expressions of a sentence (found once, on first need), with document offsets."""
        if index not in self.dates_by_sentence:
            t = time.perf_counter()
            sent = self.sentences[index]
            text = self.sentence_text(index)
            found = dates_stage.find_dates(text, self.document.published)
            # (a birth date says who someone is, not when anything happened: "Private X (born in 2004)")
            found = [d for d in found if not _BORN.search(text[max(0, d.start - 12) : d.start])]
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
        return document_voice(self.lowers + self.skipped_lowers if self.skipped_lowers else self.lowers)

    @cached_property
    def in_war(self) -> bool:
        """Is the text about the Russia-Ukraine war (its places, its belligerents or its voice)?"""
        return self.voice is not None or bool(set(WAR_SIDES) & (self.nationalities | self.place_countries))

    def opponent(self, country: str | None) -> str | None:
        if country and len(self.belligerents) == 2 and country in self.belligerents:
            return self.belligerents[1] if self.belligerents[0] == country else self.belligerents[0]
        return None


_BORN = re.compile(r"\b(?:born|b\.)\s+(?:in\s+|on\s+)?$", re.I)


def _shift_date(m, offset: int):
    return replace(m, start=m.start + offset, end=m.end + offset)
