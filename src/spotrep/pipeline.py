"""The extraction pipeline: document -> spaCy analysis -> triggers -> clause groups -> arguments -> events.

Stages (one module each): ``documents`` (intake), ``entities`` (spaCy and the rulers), ``event_types``
(triggers and typing), ``factuality`` (asserted or not), ``actors``, ``places``, ``dates``, ``numbers``,
``attribution``, ``notes``. This module only wires them: it groups the triggers of a sentence into clause
groups (one candidate event each), gives each its arguments, merges candidates that report the same event
(one event per kind, place and day, as ACLED codes them) and orders the result (the lead's event first).
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
from .actors import ActorMention, actor_from_token, as_military, make_actor, with_country
from .attribution import (
    CIVIL_SOURCE_WORDS,
    MILITARY_SOURCE_WORDS,
    Attribution,
    attribution_for,
    claim_status,
    find_attributions,
)
from .codebook import return_fire
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
from .lexicon.actors import COUNTRY_ACTORS, DEMONYMS
from .lexicon.triggers import FORMS
from .lexicon.weapons import WEAPON_SYSTEMS, WEAPON_WORDS
from .model import Actor, Claim, Event, Evidence, Location, Quantity
from .notes import write_notes
from .rulers import SPAN_KEY

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)

CHUNK_CHARS = 100_000
"""Long documents are analysed in chunks of about this many characters, cut at paragraph breaks."""

# verbs that introduce a nominal event ("launched an assault", "there was fighting", "clashes erupted")
_SUPPORT_VERBS = frozenset(
    "launch carry conduct stage mount hold continue intensify resume begin report be take occur erupt break "
    "kill wound injure leave hit target cause claim undertake perform execute unleash repel repulse "
    "rage spread escalate start see witness".split()
)
# a participle clause that tells the consequence of its head event ("..., killing six civilians")
_CONSEQUENCE_VERBS = frozenset(
    "kill wound injure leave force cause prompt destroy damage spark trigger claim hit set burn displace "
    "send result".split()
)
_TRIP_NOUNS = frozenset("trip visit travel tour journey flight voyage".split())
_PEOPLE_UNITS = frozenset(
    "people civilian person resident villager woman man child policeman policemen officer soldier "
    "protester demonstrator".split()
)
_AREA_WORDS = re.compile(r"\b(border (?:areas?|regions?|districts?)|front ?line|frontline)\b", re.I)
_FAMILY = {"assault": "battle", "clash": "battle", "kill": "attack", "wound": "attack", "attack": "attack"}
_GROUND_KINDS = frozenset({"advance", "assault", "clash"})
_CIVILIAN_HARM = frozenset({"attack", "kill", "wound", "abduction", "sexual"})
_BATTLE_KINDS = _GROUND_KINDS | {"shelling"}
_PLACE_UNITS = frozenset("village town city settlement area region district position front locality".split())
_OWN_PLACE_ONLY = frozenset({"political", "agreement", "group_change"})
_MOVE_KINDS = frozenset({"deployment", "withdrawal", "advance", "base"})
_ABSORBING_PREPS = frozenset("in during amid over due because after following despite as".split())


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
    place_inherited: bool = (
        False  # the place comes from elsewhere in the sentence, not the event's own clause
    )

    @property
    def kind(self) -> str:
        return self.typing.kind

    @property
    def family(self) -> str:
        return _FAMILY.get(self.kind, self.kind)


@dataclass
class DocContext:
    document: Document
    doc: Doc
    sentences: list[Span]
    paragraph_of: list[int]
    headings: set[int]
    places_by_sentence: dict[int, list[places_stage.PlaceMention]]
    dates_by_sentence: dict[int, list[dates_stage.DateMention]]
    belligerents: tuple[str, ...]
    focus_country: str | None
    weapon_spans: dict[int, str]
    stage_seconds: Counter = field(default_factory=Counter)
    text: str = ""
    quantities_by_sentence: dict[int, list] = field(default_factory=dict)

    # per-token values read once per document (a spaCy Token is a new object on each access and its string
    # attributes are decoded on each read); indexed by token.i
    @cached_property
    def tokens(self) -> list[Token]:
        return list(self.doc)

    def lemma(self, i: int) -> str:
        """``lemma_of`` the token ``i`` (lemma_of keeps its own word cache)."""
        return lemma_of(self.tokens[i])

    @cached_property
    def lowers(self) -> list[str]:
        return [t.lower_ for t in self.tokens]

    @cached_property
    def dated(self) -> list[bool]:
        """Tokens inside a DATE or TIME entity."""
        return [t.ent_type_ in ("DATE", "TIME") for t in self.tokens]

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
    nlp = get_nlp()
    pending: list[Document] = []
    for document in documents:
        pending.append(document)
        if len(pending) >= batch_size:
            yield from _run_batch(nlp, pending, timings)
            pending = []
    if pending:
        yield from _run_batch(nlp, pending, timings)


def _sections(text: str) -> list[tuple[int, str]]:
    """A long text cut into sections of at most about CHUNK_CHARS characters, at paragraph breaks (else at a
    sentence end), each with its offset in the text."""
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            if cut == -1:
                cut = text.rfind(". ", start + CHUNK_CHARS // 2, end)
                cut = cut + 2 if cut != -1 else end
            else:
                cut += 1
            end = cut
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _run_batch(
    nlp, documents: list[Document], timings: Counter | None
) -> Iterator[tuple[Document, list[Event]]]:
    short = [d for d in documents if len(d.text) <= CHUNK_CHARS]
    t0 = time.perf_counter()
    analysed = iter(list(nlp.pipe([d.text for d in short], batch_size=max(1, len(short)))))
    if timings is not None:
        timings["spacy"] += time.perf_counter() - t0
    for document in documents:
        if len(document.text) > CHUNK_CHARS:
            yield document, _extract_long(nlp, document, timings)
            continue
        sdoc = next(analysed)
        t1 = time.perf_counter()
        stages: Counter = Counter()
        events = DocumentExtractor(document, sdoc, stages).run()
        if timings is not None:
            timings["after_spacy"] += time.perf_counter() - t1
            timings.update(stages)
        yield document, events


def _extract_long(nlp, document: Document, timings: Counter | None) -> list[Event]:
    """A long document (a dump, a transcript, a book) is read section by section, each like a document of its
    own, so time and memory stay linear; the same event told in several sections is then merged."""
    sections = _sections(document.text)
    events: list[Event] = []
    t0 = time.perf_counter()
    spacy_seconds = 0.0
    for (offset, _piece), sdoc in zip(
        sections, nlp.pipe((p for _, p in sections), batch_size=2), strict=True
    ):
        t1 = time.perf_counter()
        spacy_seconds += t1 - t0
        stages: Counter = Counter()
        events.extend(DocumentExtractor(document, sdoc, stages, offset=offset).run())
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
        self, document: Document, doc: Doc, stage_seconds: Counter | None = None, *, offset: int = 0
    ) -> None:
        self.document = document
        self.doc = doc
        self.offset = offset  # where the analysed text starts in the document (sections of long documents)
        self.stage_seconds = stage_seconds if stage_seconds is not None else Counter()

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
        t = time.perf_counter()
        mentions = places_stage.find_places(doc, candidates=False, text=text)
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
        place_countries = Counter(
            m.location.country for m in mentions if m.location and m.location.country and not m.metonymy
        )
        focus = (
            place_countries.most_common(1)[0][0]
            if place_countries
            else (countries.most_common(1)[0][0] if countries else None)
        )
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
            by_sentence,
            dates_by,
            belligerents,
            focus,
            weapon_spans,
            self.stage_seconds,
            text,
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

    # -- main ------------------------------------------------------------------------------------------

    def run(self) -> list[Event]:
        if not self.document.text.strip():
            return []
        ctx = self._context()
        t = time.perf_counter()
        candidates: list[Candidate] = []
        for i, sent in enumerate(ctx.sentences):
            if i in ctx.headings:
                continue
            candidates.extend(self._sentence_candidates(ctx, i, sent))
        merged = _resolve_return_fire(_merge(candidates))
        _resolve_protests(ctx, merged)
        _resolve_weapons(ctx, merged)
        _resolve_transfers(ctx, merged)
        _protest_actors(merged)
        ordered = _order(merged)
        events = [_event(ctx, c, self.offset) for c in ordered]
        self.stage_seconds["events"] += time.perf_counter() - t
        return events

    # -- per sentence ----------------------------------------------------------------------------------

    def _sentence_candidates(self, ctx: DocContext, index: int, sent: Span) -> list[Candidate]:
        triggers = [t for t in find_triggers(sent)]
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
        attributions = find_attributions(sent)
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
        out = _fold_causes(ctx.doc, out)
        self._places(ctx, index, sent, out, domains, source_tokens)
        self._dates(ctx, index, out, domains)
        expanded: list[Candidate] = []
        for cand in out:
            expanded.extend(self._split_by_place(ctx, index, sent, cand))
        for cand in expanded:
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
        lemma, lowers, dated = ctx.lemma, ctx.lowers, ctx.dated
        for i in sorted(domain):
            if i in ctx.weapon_spans:
                name = ctx.weapon_spans[i]
                if name not in weapons:
                    weapons.append(name)
                weapon_kinds.add(WEAPON_SYSTEMS[name][0] if name in WEAPON_SYSTEMS else "missile")
                continue
            w = WEAPON_WORDS.get(lemma(i))
            if not w:
                continue
            tok = ctx.tokens[i]
            if lemma(i) == "bomber" and any(c.lower_ == "suicide" for c in tok.children):
                continue  # a suicide bomber is no aircraft
            if not (lowers[i] == "mine" and tok.pos_ == "PRON") and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
                if w[0] not in weapons:
                    weapons.append(w[0])
                weapon_kinds.add(w[1])
        if not strong and not weapon_kinds:
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
        # words of the clause (not the months: "March 21" is no march)
        context_lemmas = {lemma(i) for i in domain if not dated[i]} | {
            lowers[i] for i in domain if not dated[i]
        }
        if any(t.kind == "withdrawal" for t in strong):
            # a pull-back "due to the fire impact and assault actions of the enemy" happened under fire
            context_lemmas |= {lemma(i) for i in range(sent.start, sent.end)}
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
        head = min(group, key=lambda t: (_depth(t.token), t.i)).token
        cand = Candidate(typing, index, ctx.paragraph_of[index], head, group, domain, _depth(head))
        cand.weapons = weapons
        cand.evidence = [(sent.start_char, sent.end_char)]
        cand._agent = agent_mention  # type: ignore[attr-defined]
        cand._victim = victim_mention  # type: ignore[attr-defined]
        cand._weapon_kinds = weapon_kinds  # type: ignore[attr-defined]
        cand._kinds = kinds  # type: ignore[attr-defined]
        cand._context = context_lemmas  # type: ignore[attr-defined]
        cand._classify_args = classify_args  # type: ignore[attr-defined]
        cand._attribution = attribution_for(head.i, attributions)  # type: ignore[attr-defined]
        return cand

    # -- places ----------------------------------------------------------------------------------------

    def _places(self, ctx, index, sent, cands, domains, source_tokens) -> None:
        mentions = ctx.places_by_sentence.get(index, [])
        doc = ctx.doc
        usable = []
        for m in mentions:
            if m.metonymy or (m.location is None and m.kind != "area"):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            toks = set(range(span.start, span.end))
            root = span.root
            if root.lower_ in COUNTRY_ACTORS and (
                root.dep_ in ("nsubj", "poss") or root.head.dep_ == "agent"
            ):
                continue  # "Russia advanced", "Ukraine's forces": an actor, not a place
            if any(
                ctx.lemma(a.i) in _TRIP_NOUNS
                for t in span
                for a in t.ancestors
                if a.i in range(sent.start, sent.end) and a.i < t.i and a.i >= t.i - 8
            ):
                continue
            usable.append((m, toks))
        claimed: set[int] = set()
        for cand in cands:
            anchor_dom = cand.domain
            own = [(m, toks) for m, toks in usable if toks & anchor_dom and not toks <= source_tokens]
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
            if free:
                cand._places = free  # type: ignore[attr-defined]
                cand.place_inherited = True
                continue
            siblings = [c for c in cands[:n][::-1] + cands[n + 1 :] if c._places]  # type: ignore[attr-defined]
            if siblings:
                cand._places = siblings[0]._places  # type: ignore[attr-defined]
                cand.place_inherited = True
                continue
            if in_source:
                cand._places = in_source  # type: ignore[attr-defined]
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
        out = []
        for n, group in enumerate(groups):
            primary = group[0]
            c = cand if n == 0 else _copy(cand)
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

    # -- dates -----------------------------------------------------------------------------------------

    def _dates(self, ctx: DocContext, index: int, cands: list[Candidate], domains) -> None:
        self._dates_from_text(ctx, index, cands)
        published = ctx.document.published
        for cand in cands:
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
        free = [m for m, toks in located if not toks & claimed and not m.past_background]
        for n, cand in enumerate(cands):
            if cand.span is not None:
                continue
            if free:
                chosen = _best_date(free)
                cand.span = chosen.span
                continue
            sib = [c for c in cands[:n][::-1] + cands[n + 1 :] if c.span is not None and not c.background]
            if sib:
                cand.span = sib[0].span

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
        actor1 = agent.actor if agent else None
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
        # actor2
        actor2 = victim.actor if victim else None
        if (
            actor2 is not None
            and actor2.country is None
            and actor2.kind in ("civilians", "police", "protesters")
        ):
            actor2 = with_country(actor2, loc_country)
        # the other side of a battle, a territorial change or an interception (whose drones were downed) is
        # the enemy of actor1 when the text names no one else with a country
        if kind in ("clash", "assault", "advance", "capture", "recapture", "withdrawal", "interception") and (
            actor2 is None or actor2.kind == "civilians" or actor2.country is None
        ):
            opp = ctx.opponent(actor1.country if actor1 else None)
            actor2 = make_actor("military", opp) if opp else actor2
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
            # a state's forces taking ground in their own country regain it; foreign forces overtake it
            place_country = loc_country or ctx.focus_country
            if actor1.country is None or place_country is None or actor1.country == place_country:
                cand.typing = Typing("capture", "Government regains territory", cand.typing.categories)
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
        dom_text = _domain_text(ctx, cand.domain)
        t = time.perf_counter()
        cas = numbers_stage.find_casualties(dom_text)
        cand.fatalities, cand.injuries = cas.fatalities, cas.injuries
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
            elif actor2 is not None:
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
    # "two civilians were killed and four others wounded": one event told by coordinated verbs
    for a in cands:
        if id(a) in dropped or a.kind not in ("kill", "wound"):
            continue
        for b in cands:
            if (
                b is not a
                and id(b) not in dropped
                and b.kind in ("kill", "wound")
                and b.trigger.dep_ == "conj"
                and b.trigger.head.i == a.trigger.i
            ):
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
            sibling = b.trigger.dep_ in ("nsubj", "nsubjpass") and any(
                x.head.i == b.trigger.head.i and x.dep_ in ("advcl", "xcomp", "conj") for x in a_tokens
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


def _clause_of(token: Token, nominal: bool) -> tuple[int, bool]:
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
            return t.i, absorbed
        # verbs
        if (
            t.dep_ in ("advcl", "conj", "xcomp", "acl")
            and t.tag_ == "VBG"
            and t.lemma_.lower() in _CONSEQUENCE_VERBS
        ):
            t = t.head
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


def _group(triggers: list[Trigger]) -> dict[int, list[Trigger]]:
    """Clause groups: triggers that report one event (one candidate each), keyed by the clause's token."""
    groups: dict[int, list[Trigger]] = {}
    by_token = {t.i: t for t in triggers}
    for trig in triggers:
        clause, absorbed = _clause_of(trig.token, trig.nominal)
        # the clause's own token may itself be a trigger that joins a larger clause
        seen = {trig.i}
        while clause in by_token and clause not in seen:
            seen.add(clause)
            nxt, _ = _clause_of(by_token[clause].token, by_token[clause].nominal)
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
                if c.dep_ != "conj" or has_subject:
                    continue  # a clause of its own
            stack.append(c)
    return out


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
    for trig in sorted(group, key=lambda t: (_depth(t.token), t.i)):
        t = trig.token
        if not trig.nominal:
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
        else:
            for c in t.children:
                if c.dep_ == "poss" and agent is None:
                    agent = c
                elif (
                    c.dep_ in ("amod", "compound")
                    and agent is None
                    and (c.lower_ in DEMONYMS or c.ent_type_ in ("NORP", "GPE", "ORG"))
                ):
                    # "Turkish airstrikes": the strike itself names its side
                    strike = actor_from_token(t)
                    agent = t if strike is not None and strike.actor.country else c
                elif c.dep_ == "prep" and c.lower_ in ("by",) and agent is None:
                    agent = next((g for g in c.children if g.dep_ == "pobj"), None)
                elif c.dep_ == "prep" and c.lower_ in ("on", "against") and victim is None:
                    victim = next((g for g in c.children if g.dep_ == "pobj"), None)
            h = t.head
            if agent is None and t.dep_ in ("dobj", "attr") and h.pos_ in ("VERB", "AUX"):
                agent = next((c for c in h.children if c.dep_ == "nsubj"), None)
        if agent is not None and victim is not None:
            break
    if agent is not None and agent.lower_ in ("there", "which", "that", "who"):
        agent = None
    return _partitive_head(agent), _partitive_head(victim)


_PARTITIVES = frozenset(
    "score dozen hundred thousand tens hundreds thousands dozens number group member some many several all most "
    "one two three four five six seven eight nine ten eleven twelve part unit contingent batch handful "
    "couple few rest remnant".split()
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
    mention = actor_from_token(token)
    if mention is not None and mention.actor.country is None:
        poss = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        owner = _resolve_pronoun(doc, poss, sent) if poss is not None else None
        if owner is not None and owner.country:
            mention.actor = with_country(mention.actor, owner.country)
    return mention


def _weapon_kind(doc: Doc, token: Token, ctx: DocContext) -> str | None:
    """The kind of weapon a token names (a named system or a generic weapon word)."""
    name = ctx.weapon_spans.get(token.i)
    if name is not None:
        return WEAPON_SYSTEMS[name][0] if name in WEAPON_SYSTEMS else "missile"
    w = WEAPON_WORDS.get(lemma_of(token))
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
        t.lower_ in ("government", "pro-government", "state", "regime", "security") for t in head.subtree
    )


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
            if (m.kind == "country" and other.kind != "country" and o.country == loc.country) or (
                m.kind == "region"
                and other.kind == "settlement"
                and o.admin1_code
                and o.admin1_code == loc.admin1_code
            ):
                contained = True
        if not contained:
            out.append(m)
    return out


def _coordinated_groups(text: str, mentions: list) -> list[list]:
    """Places joined by 'and' / 'as well as' are separate events; others refine the first one."""
    if len(mentions) <= 1:
        return [mentions] if mentions else []
    groups = [[mentions[0]]]
    for prev, cur in itertools.pairwise(mentions):
        between = text[prev.end : cur.start].lower()
        if re.search(r"\b(and|as well as|while|plus)\b|;", between) and len(between) < 120:
            groups.append([cur])
        else:
            groups[-1].append(cur)
    return groups


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


def _interval(c: Candidate, widen: bool = False) -> tuple[date | None, date | None]:
    if c.span is None or not c.span.resolved:
        return (None, None)
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
        and _actors_compatible(a, b)
        and a.background == b.background
    )


def _merge(cands: list[Candidate]) -> list[Candidate]:
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
    # the south"): it announces an event the body tells with its place
    lead = min((c.sent_index for c in out), default=0)
    headline = {id(c) for c in out if c.sent_index == lead and (c.place_inherited or c.location is None)}
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
                _absorb(body[0], c, keep_place=True)
                # the lead sentence says what happened; the body adds where
                cats = list(dict.fromkeys(lead_typing.categories + body[0].typing.categories))
                body[0].typing = Typing(lead_typing.kind, lead_typing.sub_event_type, cats)
                continue
        if c.location is not None and c.location.geo_precision == 3:
            precise = [
                o for o in out if o is not c and _same_event(o, c) and _contains(c.location, o.location)
            ]
            if precise:
                _absorb(precise[0], c, keep_place=True)
                continue
        result.append(c)
    return result


def _absorb(target: Candidate, other: Candidate, keep_place: bool = False) -> None:
    target.members += other.members
    for ev in other.evidence:
        if ev not in target.evidence:
            target.evidence.append(ev)
    if (other.sent_index, other.depth) < (target.sent_index, target.depth):
        # the earlier (or more central) mention decides the event's salience
        target.sent_index, target.depth, target.trigger = other.sent_index, other.depth, other.trigger
    if target.actor1 is None:
        target.actor1 = other.actor1
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
    if other.explicit_source and (
        not target.explicit_source
        or (target.claim.source_country is None and other.claim.source_country is not None)
    ):
        target.claim, target.explicit_source = other.claim, True


_PROTEST_WINDOW = 2
_WEAPON_KINDS = frozenset(
    {"suicide", "chemical", "grenade", "explosive", "air_strike", "drone_strike", "missile", "shelling"}
)


_UNOPPOSED = re.compile(
    r"\b(unopposed|without (?:a |any )?(?:fight|fighting|resistance|battle|clashes|a shot)|no resistance|"
    r"(?:not|n't|never) (?:\w+ ){0,2}(?:any )?resistance|deserted|vacated|abandoned|handed over|"
    # ACLED notes: "No information on whether fighting took place" -- no fighting is known, so none is coded
    r"no (?:information|reports?|details?|data) (?:on|about|of|as to) whether (?:any )?"
    r"(?:fighting|clashes|battles?|hostilities)|no (?:fighting|clashes) (?:was|were) reported)\b",
    re.I,
)


def _resolve_transfers(ctx: DocContext, cands: list[Candidate]) -> None:
    """Ground taken after the other side withdrew, or without resistance, is a non-violent transfer of
    territory (ACLED): a capture with a withdrawal told in the same or the next sentence."""
    for c in cands:
        if (
            c.kind not in ("capture", "recapture")
            or c.typing.sub_event_type == "Non-violent transfer of territory"
        ):
            continue
        if c._kinds and set(c._kinds) & {"clash", "assault", "attack", "kill", "shelling"}:  # type: ignore[attr-defined]
            continue
        quiet = False
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
                quiet = True
        lo, hi = c.sent_index, min(len(ctx.sentences) - 1, c.sent_index + 1)
        text = ctx.text[ctx.sentences[lo].start_char : ctx.sentences[hi].end_char]
        if _UNOPPOSED.search(text) or re.search(r"\b(withdrawal|pull-?out|retreat)\s+of\b", text, re.I):
            quiet = True
        if re.search(
            r"\b(fighting|clash(?:es|ed)?|battles?|killing|killed|assault)\b",
            ctx.sentences[c.sent_index].text,
            re.I,
        ):
            quiet = False
        if quiet:
            c.typing = Typing(c.kind, "Non-violent transfer of territory", c.typing.categories)


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
    loc = c.location
    if loc is None:
        # no place in the text: a state's political act is located in its country; otherwise the document's
        # focus country, at country precision
        country = (
            c.actor1.country if c.actor1 and c.kind in ("political", "agreement") else None
        ) or ctx.focus_country
        loc = places_stage.country_location(country) if country else None
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
        actor1=c.actor1,
        actor2=c.actor2,
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
