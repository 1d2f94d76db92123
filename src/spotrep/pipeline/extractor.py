"""Extraction for one analysed English document: triggers to clause groups to candidates with their arguments, then
merging and records."""

from __future__ import annotations

import bisect
import logging
import re
import time
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from .. import dates as dates_stage
from .. import numbers as numbers_stage
from .. import places as places_stage
from ..actors import (
    WAR_SIDES,
    ActorMention,
    acled_name,
    as_military,
    is_naf,
    make_actor,
    noun_key,
    with_branch,
    with_country,
)
from ..attribution import (
    CIVIL_SOURCE_WORDS,
    MILITARY_SOURCE_WORDS,
    Attribution,
    attribution_for,
    claim_status,
)
from ..codebook import (
    DAMAGE_VERBS,
    air_launched,
    bomb_kind,
    debris_kind,
    drone_delivery,
    harm_without_perpetrator,
    suicide_bomber,
)
from ..documents import Document
from ..event_types import (
    CAUSE_KINDS,
    GENERIC_KINDS,
    KINDS,
    Trigger,
    Typing,
    being_readied,
    classify,
    find_triggers,
    in_a_toll_list,
    lemma_of,
    seized_weapon,
)
from ..factuality import why_not_asserted
from ..gazetteer.frontline import front_distance_km
from ..gazetteer.regions import WAR_COUNTRIES
from ..lexicon.actors import COUNTRY_ACTORS, DEMONYMS, ENEMY_WORDS
from ..lexicon.weapons import WEAPON_SYSTEMS, WEAPON_WORDS
from ..model import Actor, Claim, Event, Location, Quantity
from ..numbers.casualties import DEATH_IDIOMS
from ..numbers.sides import dead_side, side_of_the_dead
from ..rulers import SPAN_KEY

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Doc, Span, Token

from .clauses import (
    _actor_of,
    _agent_and_victim,
    _by_aircraft,
    _candidate_day,
    _depth,
    _domains,
    _downed_side,
    _find_speakers,
    _first_person,
    _fold_causes,
    _fold_fighting_into_takeovers,
    _government_word,
    _group,
    _harmed_civilians,
    _implied_actor1,
    _label_end,
    _np_head,
    _one_sided_fights,
    _paragraph_speaker,
    _second_party,
    _sentence_at,
    _side_actor,
    _story_agents,
    _time_clause_of,
    _type_by_label,
    _unclaimed_blasts,
    _war_opponent,
    _weapon_kind,
    counting_verb,
)
from .common import (
    _AFFILIATED,
    _CROWD_KINDS,
    _LABEL,
    _LEAVING_KINDS,
    _MOVE_KINDS,
    _MOVING_KINDS,
    _OWN_PLACE_ONLY,
    _PEOPLE_UNITS,
    _PLACE_UNITS,
    _REMOTE_STRIKES,
    _STATE_HEADS,
    _STORY_KINDS,
    _TRIP_NOUNS,
)
from .context import (
    Candidate,
    DocContext,
    SectionContext,
)
from .merging import (
    _dates_a_statement,
    _dead_of_the_fight_before,
    _deployed_to_fight,
    _describes_a_thing,
    _drop_denied,
    _drop_recalled,
    _drop_tallies,
    _drop_war_tolls,
    _fold_air_support,
    _fold_intercepted,
    _fold_retyped,
    _fold_story,
    _merge,
    _order,
    _protest_actors,
    _raids_that_arrested,
    _resolve_protests,
    _resolve_repelled,
    _resolve_return_fire,
    _resolve_transfers,
    _resolve_weapons,
    _unnamed_place,
)
from .record import (
    _event,
)
from .scene import (
    _add_the_dead,
    _best_date,
    _casualties_told_after,
    _coordinated_groups,
    _copy,
    _describes_the_named_place,
    _destination,
    _domain_text,
    _dying_clause,
    _evaluative,
    _habitual,
    _home_country,
    _most_specific,
    _names_a_road_end,
    _names_an_axis,
    _nearest_place,
    _np_nationality,
    _origin_of_fire,
    _part_of_story_place,
    _place_counts,
    _place_from_sentence,
    _place_of_treatment,
    _relative_antecedent,
    _sole_settlement,
    _story_place,
    _text_place_area,
    _victims_described,
    _weapon_near_place,
    chain_before,
    dateline_place,
    opens_another_incident,
    story_paragraph,
)

log = logging.getLogger(__name__)

# verbs whose subject is what the infinitive after them tells of: "1 person is known to have been killed"
_RAISING_VERBS = frozenset("know believe report say think confirm presume understand fear".split())

# words that say an aircraft that crashed was brought down: then its crash is a shootdown or a strike
_HOSTILE_WORDS = frozenset(
    "shoot down downing hit strike missile rocket attack fire target intercept destroy gunfire manpads".split()
)

# ------------------------------------------------------------------------------------------ the extractor


# the kinds whose other side is the enemy of actor1 when the text names no one else with a country: a battle, a
# territorial change, an interception or a shootdown (whose drones or aircraft were downed)
_OPPOSED_KINDS = frozenset(
    {"clash", "assault", "advance", "capture", "recapture", "withdrawal", "interception", "shootdown"}
)


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
        skipped: list[str] | None = None,
    ) -> None:
        self.document = document
        # the tokens (as written) of the lines the triage left out of the analysis: the document-wide context
        # (the nationalities a text names, its voice) reads them too
        self.skipped = skipped or []
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
        filed = dateline_place(self.document.text)  # (the text analysed has its dateline blanked)
        mentions = places_stage.find_places(
            doc,
            candidates=False,
            text=text,
            on=self.document.published,
            filed_in=filed.country if filed is not None else None,
        )
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
        skipped_lowers = [w.lower() for w in self.skipped]
        for word, low in zip(self.skipped, skipped_lowers, strict=True):
            # the same count without the analysis: a country's name as a name (capitalised) stands for a GPE
            code = DEMONYMS.get(low)
            if code:
                countries[code] += 1
            elif word[:1].isupper() and low in COUNTRY_ACTORS:
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
            dateline_place=filed,
            skipped_lowers=skipped_lowers,
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
            # (an item of a list goes on with its sentence: "- On the friendly side: three soldiers killed;")
            if len(s) <= 14 and not re.search(r"[.!?;,]$", stripped):
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
        lead_told: list[Candidate] = []  # the events the lead paragraph told first
        for i, sent in enumerate(ctx.sentences):
            if i in ctx.headings:
                continue
            if _LABEL.match(ctx.sentence_text(i)):
                # a label naming what the next sentence tells ("Interception:", "Looting:")
                label, label_at = next((t.kind for t in find_triggers(sent) if t.strong), None), i
                continue
            found = self._sentence_candidates(ctx, i, sent, label)
            # (a later paragraph naming the fight again after one on another incident: "Regrettably, two soldiers
            # paid the supreme price in the course of the encounter": the lead's fight, the text's main one)
            again = bool(lead_told and not found and _THE_FIGHT_AGAIN.search(ctx.sentence_text(i)))
            if (
                not found
                and not (not again and told_last is not None and _casualties_told_after(ctx, i, told_last))
                and lead_told
                and (again or _lead_to_follow(ctx, i) is not None)
            ):
                # "... Weapons were seized. / Regrettably, one soldier paid the supreme price.": a press release's
                # later paragraph telling only the dead tells those of the operation its lead told
                _casualties_told_after(ctx, i, (i - 1, lead_told[:1]))
            if not found and label is not None and label_at == i - 1:
                # the sentence tells nothing the pipeline can assert: the label's own word is the event
                found = self._sentence_candidates(ctx, label_at, ctx.sentences[label_at])
                for c in found:
                    c.sent_index, c.evidence = i, [*c.evidence, (sent.start_char, sent.end_char)]
                    _place_from_sentence(ctx, i, c)
            if (listed := _listed_dead(ctx, i)) is not None:
                # "the following brave sons of soil embraced shahadat: / a. Naik X (age 31 ...) / b. Sepoy Y ...":
                # the dead are the list's lines, of the event the sentence tells (or the one told just before)
                story = [c for c in found if c.kind in _STORY_KINDS and not c.background] or (
                    [c for c in told_last[1] if c.kind in _STORY_KINDS] if told_last is not None else []
                )
                if story:
                    _add_the_dead(story[0], listed[0], listed[1], False)
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
            elif not found:
                # "On 6 June 2023, the dam was destroyed. Thousands were evacuated.": a sentence that tells no
                # event still dates the story it opens
                story_date = _story_date(ctx, i)
                if story_date is not None:
                    ctx.story_spans[ctx.paragraph_of[i]] = (story_date.span, story_date.past_background)
                    where = _first_place(ctx, i)
                    if where is not None and ctx.paragraph_of[i] not in ctx.story_places:
                        # "A security force conducted an operation in X district, Y province, yesterday.": the
                        # operation the next paragraphs tell of is there
                        ctx.story_places[ctx.paragraph_of[i]] = where
            if found and not lead_told and ctx.paragraph_of[i] == ctx.lead_paragraph:
                lead_told = [c for c in found if c.kind in _STORY_KINDS and not c.background]
        merged = _fold_intercepted(
            ctx,
            _fold_air_support(
                _resolve_repelled(
                    _resolve_return_fire(_merge(ctx, _fold_story(ctx, _drop_war_tolls(candidates))))
                )
            ),
        )
        merged = _drop_denied(_drop_recalled(ctx, merged))
        _coded_fatalities(ctx, merged)
        _resolve_protests(ctx, merged)
        _resolve_weapons(ctx, merged)
        _resolve_transfers(ctx, merged)
        _protest_actors(merged)
        _dead_of_the_fight_before(merged)
        merged = _deployed_to_fight(_raids_that_arrested(ctx, merged))
        _story_agents(ctx, merged)
        _unclaimed_blasts(merged)
        merged = _fold_retyped(merged, _one_sided_fights(merged))
        _coded_place(ctx, merged)
        ordered = _order(_drop_tallies(ctx, merged), ctx.titles)
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
        _toll_line(ctx, index, expanded)
        # (before the story folds them: "repelled the aggression, with the result that six aggressors lost their
        # lives and two were detained")
        _dead_of_the_fight_before(expanded)
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
                if being_readied(ctx.tokens[i]):
                    continue  # "captured an improvised explosive device facilitator": who, not what went off
                name = spans[i]
                if name not in weapons:
                    weapons.append(name)
                weapon_kinds.add(WEAPON_SYSTEMS[name][0] if name in WEAPON_SYSTEMS else "missile")
                continue
            w = WEAPON_WORDS.get(lemmas[i])
            if not w:
                continue
            tok = ctx.tokens[i]
            if suicide_bomber(tok) or drone_delivery(tok):
                continue  # a suicide bomber is no aircraft, a smuggler's drone no strike
            if being_readied(tok) or (w[1] == "explosive" and seized_weapon(tok)):
                # "killed three insurgents who were emplacing an IED", "detained a man and seized explosives":
                # not the weapon that killed
                continue
            if w[1] in ("aircraft", "armour") and _damaged_target(tok):
                continue  # "launched missiles at an airfield, destroying two aircraft": the target, not the weapon
            if (
                lemmas[i] == "helicopter"
                and tok.dep_ in ("compound", "amod")
                and lemmas[tok.head.i] in ("raid", "assault", "insertion", "landing", "operation")
            ):
                continue  # "a helicopter raid": troops flown in to fight on the ground, no strike from the air
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
            causes = [t for t in group if t.absorbed and t.strong and t.kind in CAUSE_KINDS]
            told = [t for t in causes if counting_verb(_np_head(t.token)) is None]
            if told and not {t.kind for t in told} <= {"explosion", "explosive"}:
                # "were killed in the fighting": a suicide bomber among the dead does not say how they died (in
                # "killed in the explosion" the bomber says what the explosion was)
                causes = told
            kinds += [t.kind for t in causes]
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
        if (
            agent_mention is None
            and set(kinds) <= GENERIC_KINDS | {"explosion", "chemical"}
            and not weapon_kinds - {"explosive", "chemical"}
            and harm_without_perpetrator(lemmas[sent.start : sent.end])
            # no weapon anywhere in the sentence: ordnance going off by accident is still an explosion (ACLED)
            and not any(lemmas[i] in WEAPON_WORDS or i in spans for i in range(sent.start, sent.end))
            and "ordnance" not in lemmas[sent.start : sent.end]
        ):
            log.debug("not an event: %r (a natural hazard or an accident)", doc[anchor].text)
            return None
        if (
            set(kinds) <= GENERIC_KINDS
            and weapon_kinds <= {"aircraft"}
            and "crash" in lemmas[sent.start : sent.end]
            and not any(lemmas[i] in _HOSTILE_WORDS for i in range(sent.start, sent.end))
        ):
            # "a plane crashed near Kabul, killing five crew": an aircraft lost with no one said to have downed it
            log.debug("not an event: %r (an air crash)", doc[anchor].text)
            return None
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
            # the victim's head and the words that qualify it ("a displacement camp", "an IDP camp")
            # (or after "for": "a camp for displaced people")
            victim_lemmas=(
                {lemma_of(victim)}
                | {lemma_of(c) for c in victim.children if c.dep_ in ("compound", "amod")}
                | {
                    lemma_of(g)
                    for c in victim.children
                    if c.dep_ == "prep" and c.lower_ == "for"
                    for g in c.subtree
                    if g.dep_ in ("pobj", "amod", "compound")
                }
                if victim is not None
                else set()
            ),
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
        triggered = {t.i for c in cands for t in c.triggers}
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
                or (
                    root.dep_ in ("compound", "nmod")
                    and root.head.i in triggered
                    and root.head.pos_ == "NOUN"
                )
            ):
                # "Russia advanced", "Ukraine's forces", "the Kyiv regime", "a U.S. strike in Somalia": an actor,
                # not a place
                continue
            if any(
                ctx.lemma(a.i) in _TRIP_NOUNS
                and a.pos_ == "NOUN"  # "a visit to Kyiv", not "people travelling on a bus near Nekemte"
                for t in span
                for a in t.ancestors
                if a.i in range(sent.start, sent.end) and a.i < t.i and a.i >= t.i - 8
            ):
                continue
            if _part_of_story_place(doc, span.start):
                continue  # "in the city's Kyivskyi district": a part of the place the story is at
            if _origin_of_fire(ctx, root):
                continue  # "drones launched from the Primorsko-Akhtarsk area": where fire came from
            if _place_of_treatment(ctx, root):
                ctx.treatment_places.add(m.start)
                continue  # "died at the military hospital in Damaturu": where the wounded were cared for
            if _describes_the_named_place(root):
                continue  # "the Black Sea city of Odesa": the city is the place, the sea describes it
            usable.append((m, toks))
        axes = [(m, toks) for m, toks in usable if _names_an_axis(ctx, max(toks))]
        if axes and len(axes) < len(usable):
            # "In the Kherson direction, ... near Krynky": a front's axis is named after a city; the event is
            # at the settlement the sentence names
            usable = [u for u in usable if u not in axes]
        roads = [(m, toks) for m, toks in usable if _names_a_road_end(ctx, m.start, m.end)]
        if roads and len(roads) < len(usable):
            # "along the Gusau-Funtua road in Tsafe LGA": the road's ends are not where on it the event was
            usable = [u for u in usable if u not in roads]
        # "repelled the assailants, who fled towards the Gourma forest", "wounded five others, who were evacuated to
        # Dapaong": where the beaten side fled to, or the wounded were taken to, is not where it happened
        usable = [u for u in usable if not (_destination(ctx, u[1]) and _fled_to(ctx, u[1]))]
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
            described = _subject_tokens(cand.trigger)
            if described and any(not toks <= described for _m, toks in own):
                # "relatives of the defenders of Azovstal in Mariupol held a rally in Kyiv", "Russian troops in
                # Belgorod shelled Kharkiv": a place that describes who acted is not where they acted, when the
                # clause says where
                own = [u for u in own if not u[1] <= described]
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
        for cand in cands:
            own = cand._places  # type: ignore[attr-defined]
            if own and all(m.kind == "country" for m, _ in own):
                # "an attack on Ukraine, striking Poltava, Sumy and Odesa": the places of the country the rest
                # of the sentence names are where the attack on it struck
                countries = {m.location.country for m, _ in own if m.location is not None}
                finer = [
                    u
                    for u in free
                    if u[0].kind != "country"
                    and u[0].location is not None
                    and u[0].location.country in countries
                ]
                if finer:
                    cand._places = own + finer  # type: ignore[attr-defined]
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
        for cand in cands:
            places = cand._places  # type: ignore[attr-defined]
            for m, _toks in list(places):
                if m.qualifier:
                    # a clause that reaches only the region closing a chain of units ("in Myeik town, Myeik
                    # township, Myeik district, Tanintharyi Region") reaches the place the chain names
                    places = places + [u for u in chain_before(ctx.text, usable, m) if u not in places]
            cand._places = places  # type: ignore[attr-defined]

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
        if (cand.location is not None and not speaker_place) or opens_another_incident(ctx, index):
            return
        story = _story_place(ctx, index)
        if story is None and (lead := _lead_to_follow(ctx, index)) is not None:
            story = ctx.story_places.get(lead)
        if (
            story is None
            and cand.location is None
            and cand.kind in _STORY_KINDS
            and cand.kind != "interception"
        ):
            story = _sole_settlement(ctx)  # a story told of one town: violence told without a place is there
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
        story = ctx.story_spans.get(story_paragraph(ctx, index))
        if story is None and (lead := _lead_to_follow(ctx, index)) is not None:
            story = ctx.story_spans.get(lead)
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
            antecedent = _relative_antecedent(cand.trigger)
            if antecedent and cand.trigger.dep_ in ("relcl", "acl"):
                # ("a Dec. 5 strike in the same province in which ...": the clause hangs on the strike's place)
                antecedent = antecedent | _noun_the_place_is_of(cand.trigger.head)
            named = [m for m, toks in located if antecedent and toks & antecedent] if antecedent else []
            if named:
                # "follows a Dec. 5 strike in the same province in which two facilitators were killed": the day of
                # the event the clause describes
                chosen = _best_date(named)
                cand.span, cand.background = chosen.span, chosen.past_background
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
        if (
            actor1 is None
            and kind in ("withdrawal", "interception")
            and source_country
            and not (kind == "interception" and _downed_side(cand) == source_country)
        ):
            # "forces were pulled back", "air defence means shot down 4 missiles, the Russian Defence Ministry
            # said": a side reports its own withdrawals and its own interceptions
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
                actor1.kind in ("military", "government")
                and loc_country
                and (_government_word(doc, agent) or _home_army(loc_country, agent))
            ):
                fill = loc_country
            elif _unidentified_group(actor1) and loc_country:
                fill = loc_country  # ACLED: "Unidentified Armed Group (Mexico)", the group of the event's country
            actor1 = with_country(actor1, fill)
        if (
            actor1 is not None
            and actor1.country is None
            and actor1.kind == "military"
            and agent is not None
            and kind != "interception"  # the defender: the side the strike was aimed at
            and _definite(doc[agent.head])
            and lemma_of(doc[agent.head]) not in ENEMY_WORDS  # "the enemy": whose voice says it decides
        ):
            # "the soldiers also detained ...": the soldiers the story named before (the same noun)
            told = ctx.story_forces.get(story_paragraph(ctx, cand.sent_index))
            if told is not None and told[0].kind == "military" and told[1] == lemma_of(doc[agent.head]):
                actor1 = told[0]
        if actor1 is None or (actor1.country is None and not is_naf(actor1)):
            actor1 = _implied_actor1(ctx, cand, victim, att, source_country, on) or actor1
        if (
            agent is not None
            and actor1 is not None
            and actor1.country
            and actor1.kind in ("military", "armed_group")
        ):
            ctx.story_forces[cand.paragraph] = (actor1, lemma_of(doc[agent.head]))
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
                or _home_army(loc_country, target)
                or _unidentified_group(actor2)
            )
        ):
            actor2 = with_country(actor2, loc_country)
        if (
            actor2 is not None
            and actor2.kind == "military"
            and actor2.country is None
            and not is_naf(actor2)
            and actor1 is not None
            and actor1.country in WAR_COUNTRIES
        ):
            # "Russian shelling killed two soldiers in Kupiansk": soldiers struck by one side of the war,
            # whose nationality the text does not say, are the other side's
            actor2 = _war_opponent(ctx, actor1, on) or actor2
        # the other side (see _OPPOSED_KINDS)
        if kind in _OPPOSED_KINDS and (
            actor2 is None or actor2.kind == "civilians" or (actor2.country is None and not is_naf(actor2))
        ):
            opp = _war_opponent(ctx, actor1, on)
            # the war's other side (not one the text names) says who, not where: never the event's country
            cand._war_actor2 = opp is not None and ctx.opponent(actor1.country if actor1 else None) is None  # type: ignore[attr-defined]
            actor2 = opp or actor2
        if kind == "displacement" and loc_country and (actor1 is None or actor1.kind != "civilians"):
            # ACLED codes the displaced as the event's first actor ("Civilians (Ukraine)"); whoever deported or
            # evacuated them is the other
            if actor1 is not None and (actor2 is None or actor2.kind == "civilians"):
                actor2 = actor1
            actor1 = make_actor("civilians", loc_country)
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
            kind in ("attack", "kill", "wound")
            and cand.typing.sub_event_type == "Attack"
            and actor1 is not None
            and actor1.kind == "military"
            and actor1.country in WAR_COUNTRIES
            and loc_country in WAR_COUNTRIES
            and not cand.weapons
            and any(ctx.lemma(i) in ("strike", "double-tap") for i in cand.domain)
        ):
            # "Russian forces struck an apartment building in Kharkiv": a strike by an army of the war from afar,
            # its weapon unsaid, is remote violence, not an attack in person; the war's usual remote fire is
            # missiles and artillery
            cand.typing = Typing("shelling", "Shelling/artillery/missile attack", cand.typing.categories)
        elif (
            kind == "attack"
            and cand.typing.sub_event_type == "Attack"
            and actor1 is not None
            and actor1.kind == "military"
            and actor1.country in WAR_COUNTRIES
            and loc_country in WAR_COUNTRIES
            and actor2 is None
            and not cand.weapons
            and cand.location is not None
            and (cand.location.geo_precision or 3) < 3
            and on is not None
            and _attacks_the_place(cand)
        ):
            # "Russian troops attacked Krasnohorivka", "the Russians attacked the border communities of X and
            # Y": an army of the war attacking a place, no weapon and no victim said, fights for it where the
            # front runs through it and fires at it from afar elsewhere
            cand.typing = _war_attack_on_a_place(cand.location, on, cand.typing.categories)
            if cand.typing.sub_event_type == "Armed clash":
                cand.actor2 = _war_opponent(ctx, actor1, on)
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
        dead_text, dead_found = dom_text, cas  # where the dead were read (for whose dead they are)
        if cas.fatalities is None and (dying := _dying_clause(cand)) is not None:
            if cas.injuries is None:
                # "two men died in Nikopol after Russian shelling": the dead of the clause the event is told in
                dead_text = _domain_text(ctx, {t.i for t in dying.subtree})
                cas = dead_found = numbers_stage.find_casualties(dead_text)
            else:
                # "one soldier died while two others got injured": the dead of the clause the wounding hangs on
                outer_text = _domain_text(ctx, {t.i for t in dying.subtree} - cand.domain)
                outer = numbers_stage.find_casualties(outer_text)
                if outer.fatalities is not None:
                    dead_text, dead_found = outer_text, outer
                    cas = replace(
                        cas, fatalities=outer.fatalities, qualifier_fatalities=outer.qualifier_fatalities
                    )
        trigger = cand.trigger
        if (
            cas.fatalities is None
            and cas.injuries is None
            and trigger.dep_ == "xcomp"
            and lemma_of(trigger.head) in _RAISING_VERBS
        ):
            # "1 person is known to have been killed": the count is the subject of the verb the event hangs on
            dead_text = _domain_text(ctx, {t.i for t in trigger.head.subtree})
            cas = dead_found = numbers_stage.find_casualties(dead_text)
        if cas.fatalities is None and (toll := _toll_clause(trigger)) is not None:
            # "the death toll from the missile strike on Sumy rose to 35": the toll the event's noun is told in
            toll_text = _domain_text(ctx, {t.i for t in toll.subtree})
            told = numbers_stage.find_casualties(toll_text)
            if told.fatalities is not None:
                dead_text, dead_found = toll_text, told
                cas = replace(cas, fatalities=told.fatalities, qualifier_fatalities=told.qualifier_fatalities)
                # ("rose to 35 on Monday": the day the toll rose, the strike may be of the days before)
                cand.undated = True
        cand.fatalities, cand.injuries = cas.fatalities, cas.injuries
        # (what the dead's "of them", "who", "he" stand for is told before: in the event's clause, else before it
        # in the sentence: "shot the terrorist, who was killed at the scene")
        told_before = (
            dom_text
            if dead_text != dom_text
            else ctx.doc[sent.start : min(cand.domain, default=sent.start)].text
        )
        cand.dead_side = side_of_the_dead(dead_text, dead_found, told_before)
        if cand.fatalities is None:
            cand.fatalities = _named_dead(ctx, cand.domain)  # "killing al-Shabaab commander Hamza Yusuf"
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
        if (
            kind == "interception"
            and actor1 is not None
            and actor1.country
            and actor1.country == source_country
            and (cand.location is None or cand.location.latitude is None)
        ):
            # a side's interceptions it reports with no place of their own are over its own territory
            cand.location = places_stage.country_location(actor1.country)
        # vague areas ("across several border areas") resolve to the country whose territory it is
        if cand.location is None and getattr(cand, "_area", False):
            country = None
            if kind == "interception" and actor1 is not None:
                country = actor1.country
            elif actor2 is not None and not getattr(cand, "_war_actor2", False):
                country = actor2.country
            if country:
                cand.location = places_stage.country_location(country)


# the verbs whose object is a person killed ("killed Hamza Yusuf", "assassinated Ali Omar and Farah Aden")
_KILLING_VERBS = frozenset({"kill", "assassinate", "murder", "execute", "behead", "slay", "martyr"})


_TOLL_NOUNS = frozenset({"toll", "number"})


_CODED_FATALITIES = re.compile(r"\bfatalit(?:y|ies)\b", re.I)


_DEAD_WORD = re.compile(r"\bdead\b", re.I)


def _subject_tokens(trigger: Token) -> set[int]:
    """The tokens of a verb trigger's subject when it is a noun phrase that goes on after its head ("relatives
    of prisoners, including defenders of the Azovstal plant in Mariupol"): the words that describe who acted."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        trigger = trigger.head  # "held a rally", "staged a protest"
    if trigger.pos_ not in ("VERB", "AUX"):
        return set()
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.right_edge.i == subject.i:
        return set()
    return {t.i for t in subject.subtree if t.i > subject.i}


def _coded_fatalities(ctx: DocContext, cands: list[Candidate]) -> None:
    """ACLED's tally of a note in a sentence of its own ("12 fatalities coded, including the bomber.", "Both
    sides claimed victory. 30 fatalities coded."), or the dead told in a sentence of their own with no verb of
    killing ("Two people were confirmed dead.", "Three soldiers were feared dead."): the dead of the event the
    paragraph told just before, when that event has no count of its own."""
    told = {c.sent_index for c in cands}
    for s in range(len(ctx.sentences)):
        if s in told:
            continue
        text = ctx.sentence_text(s)
        coded = _CODED_FATALITIES.search(text) is not None
        if not coded and not _DEAD_WORD.search(text):
            continue
        found = numbers_stage.find_casualties(text)
        count = found.fatalities
        if not count or (not coded and not (found.spans and found.spans[0][0] <= 1)):
            continue  # a toll of its own must open its sentence ("Two people were confirmed dead.")
        before = [
            c for c in cands if c.sent_index < s and ctx.paragraph_of[c.sent_index] == ctx.paragraph_of[s]
        ]
        if not before:
            continue
        story = min(before, key=lambda c: (c.depth, c.sent_index, c.trigger.i))
        if story.fatalities is None:
            story.fatalities = count


def _toll_clause(trigger: Token) -> Token | None:
    """The clause of the toll an event's noun is told in ("the death toll from the strike rose to 35", "the
    number of people killed in the attack rose to 33"): the verb the toll is the subject of, else None."""
    t = trigger
    for _ in range(6):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ == "NOUN" and lemma_of(t) in _TOLL_NOUNS and t.dep_ in ("nsubj", "nsubjpass"):
            return t.head
        if t.pos_ in ("VERB", "AUX") and lemma_of(t) not in ("kill", "die"):
            return None
    return None


def _named_dead(ctx: DocContext, domain: set[int]) -> int | None:
    """The people a clause's killing verb names as its victims by their names ("killing Hurras al-Din leader
    Abd-al-Rahman al-Shami": 1; "killed Ali and Omar": 2), when no count is given; None when it names none."""
    doc = ctx.doc
    for i in sorted(domain):
        tok = doc[i]
        if tok.pos_ != "VERB" or not (
            lemma_of(tok) in _KILLING_VERBS
            or (lemma_of(tok) == "shoot" and any(c.lower_ == "dead" for c in tok.children))
        ):
            continue
        # (or a role with the name in apposition: "killed senior ISIS cleric Abu Khalid al-Shami")
        victims = [
            c
            for c in tok.children
            if c.dep_ in ("dobj", "nsubjpass")
            and (
                c.ent_type_ == "PERSON"
                or (
                    c.pos_ == "NOUN"
                    and any(g.dep_ == "appos" and g.ent_type_ == "PERSON" for g in c.children)
                )
            )
        ]
        if victims:
            v = victims[0]
            return 1 + sum(1 for c in v.children if c.dep_ == "conj" and c.ent_type_ == "PERSON")
    return None


def _damaged_target(tok: Token) -> bool:
    """Is a weapon noun what a strike destroyed or damaged ("destroying two aircraft", "three tanks were
    destroyed")? It is the strike's target, which says nothing about how the strike came."""
    return tok.dep_ in ("dobj", "nsubjpass", "conj") and lemma_of(tok.head) in DAMAGE_VERBS


def _unidentified_group(actor: Actor) -> bool:
    """An armed group the text does not name ("gunmen", "unknown assailants"): ACLED names it after the
    country of the event ("Unidentified Armed Group (Nigeria)")."""
    return (
        actor.kind == "armed_group"
        and actor.country is None
        and actor.name == acled_name("armed_group", None)
    )


def _home_army(country: str | None, mention: ActorMention | None) -> bool:
    """Soldiers, troops or an army no nationality qualifies, in a country outside the Russia-Ukraine war, are
    that country's own forces: "gunmen killed two soldiers in Maiduguri" (Nigeria's), "an army patrol was
    ambushed near Kaya" (Burkina Faso's). In the war's theatre both armies fight on the same ground, and a
    weapon ("a drone struck ...") says nothing of whose it is."""
    return (
        country is not None
        and country not in WAR_COUNTRIES
        and mention is not None
        and mention.via == "noun"
        and not mention.weapon
        and mention.actor.kind == "military"
    )


def _definite(head: Token) -> bool:
    """An actor named with a definite article or demonstrative ("the soldiers", "these troops"): told before."""
    return any(t.dep_ == "det" and t.lower_ in ("the", "this", "these", "those") for t in head.children)


_STORY_DATE_KINDS = frozenset({"explicit", "range", "relative"})
# the words a sentence's opening date may come after: "During the night of", "In the early hours of"
_TIME_OPENERS = frozenset(
    "on in during the night of early late hours morning evening afternoon at around between overnight".split()
)


def _first_place(ctx: DocContext, index: int) -> Location | None:
    """The first place a sentence names of its own (no region closing a chain, no side named by its place)."""
    for m in sorted(ctx.places_by_sentence.get(index, []), key=lambda m: m.start):
        if (
            m.location is not None
            and not m.metonymy
            and not m.qualifier
            and m.kind in ("settlement", "region")
        ):
            return m.location
    return None


_QUOTE_OPENERS = ('"', "“", "‘", "'", "«")


def _quoted(text: str) -> bool:
    """Does a sentence open with a quotation ('"They were pounding us," one soldier said.')?"""
    return text.lstrip().startswith(_QUOTE_OPENERS)


def _stated(ctx: DocContext, index: int) -> bool:
    """Is a sentence a statement someone makes ("The president said ...", "..., according to the ministry")?"""
    return any(
        a.verb is not None and (a.verb.dep_ in ("ROOT", "parataxis") or a.verb.lower_ == "according")
        for a in ctx.attributions[index]
    )


def _toll_line(ctx: DocContext, index: int, cands: list[Candidate]) -> None:
    """A line of a toll ("On the friendly side: 4 dead, 9 wounded, 1 vehicle destroyed") whose one casualty
    event is told by one of its words: the line's figures are all that event's (the dead told by a noun with no
    verb of their own)."""
    tolls = [c for c in cands if c.kind in ("kill", "wound")]
    if len(tolls) != 1 or not in_a_toll_list(tolls[0].trigger):
        return
    event = tolls[0]
    line = ctx.sentence_text(index)
    label, text = line[: line.find(":")], line[line.find(":") + 1 :]
    cas = numbers_stage.find_casualties(text)
    if event.fatalities is None and cas.fatalities is not None:
        # (whose dead the label says: "On the friendly side:", "On the enemy side:")
        side = side_of_the_dead(text, cas) or dead_side(label)
        event.fatalities, event.dead_side = cas.fatalities, side
    if event.injuries is None and cas.injuries is not None:
        event.injuries = cas.injuries


# a fight told before, named again by a definite noun: "in the course of the encounter", "during the clash"
_THE_FIGHT_AGAIN = re.compile(
    r"\b(?:in|during)\s+(?:the\s+course\s+of\s+)?the\s+(?:encounter|fighting|clash|firefight|gunfight|gun\s+duel|"
    r"exchange\s+of\s+fire|battle|engagement)\b",
    re.I,
)
# a casualty clause that lists its dead after a colon, one a line: "the following brave sons of soil, having fought
# gallantly, embraced shahadat:"
# (the words of dying are the casualty reader's: numbers.casualties.DEATH_IDIOMS)
_FOLLOWING_DEAD = re.compile(
    rf"\bthe\s+following\b[^.:;]{{0,120}}?\b(?:{DEATH_IDIOMS}|(?:were|have\s+been)\s+(?:killed|martyred)|died)\b"
    r"[^.:;]{0,40}:\s*$",
    re.I,
)
# a line of a list: "a. Naik X", "2) Sepoy Y", "(ii) Z", "- Havildar W"
_LIST_ITEM = re.compile(r"^\s*(?:[a-z]\s*[.)]|\d{1,2}\s*[.)]|\([a-z0-9]{1,4}\)|[-•*–])\s+[A-Z]")


def _listed_dead(ctx: DocContext, index: int) -> tuple[int, str | None] | None:
    """The number of the dead a sentence lists after a colon, one a line, and their side; None when it lists
    none."""
    original = ctx.document.text
    sent = ctx.sentences[index]
    m = _FOLLOWING_DEAD.search(original[sent.start_char : sent.end_char])
    if m is None:
        return None
    rest = original[sent.end_char :].lstrip("\n").split("\n")
    n = 0
    for line in rest:
        if not _LIST_ITEM.match(line):
            break
        n += 1
    return (n, dead_side(m.group(0))) if n else None


_FLEEING_VERBS = frozenset("flee escape retreat run withdraw scatter".split())
# (said of the wounded, in the passive: "were evacuated to Dapaong", "was rushed to Kano"; not "rushed
# reinforcements to the area", which is where they were sent)
_CARE_VERBS = frozenset("evacuate rush airlift transfer take bring admit ferry transport refer".split())


def _fled_to(ctx: DocContext, toks: set[int]) -> bool:
    """Is a place the end of a flight or of the wounded's journey to care ("fled towards the forest", "escaped
    to Niger", "were evacuated to Dapaong")?"""
    for i in toks:
        t = ctx.tokens[i]
        for _ in range(5):
            if t.head.i == t.i:
                break
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                lemma = lemma_of(t)
                # (the passive's auxiliary may be its first conjunct's: "were wounded and evacuated to X")
                passive = any(c.dep_ == "auxpass" for c in t.children) or (
                    t.dep_ == "conj" and any(c.dep_ == "auxpass" for c in t.head.children)
                )
                return lemma in _FLEEING_VERBS or (lemma in _CARE_VERBS and passive)
    return False


def _in_a_relative_clause(ctx: DocContext, mention: dates_stage.DateMention) -> bool:
    """Is a date told in a relative clause ("a man who was wanted for the attack on 14 July")?"""
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(12):
        if t.dep_ in ("relcl", "acl"):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _lead_to_follow(ctx: DocContext, index: int) -> int | None:
    """The lead paragraph whose story a sentence with no day or place of its own goes on with, in a paragraph
    with no story of its own; None when it goes on with none. A press release tells one operation: its lead
    says where and when ("... during an operation in X district, Y province, yesterday"), the paragraphs after it
    how it went ("As the security force approached the compound, insurgents engaged it"). Only in a text whose
    lead paragraph set a story and that no paragraph in between set another one (a second dated incident starts
    its own). A sentence with a day of its own tells another incident ("On Tuesday evening, troops clashed
    ..."); a quotation or a statement is no part of the account ("'They were pounding us from all sides,' one
    soldier said" tells of days of shelling, not of the lead's day; "The president said 80 percent of the
    troops had pulled out" retells the lead). The paragraph is recorded as the lead's follower: the story it
    then sets is the lead's, no other one."""
    lead = ctx.lead_paragraph
    par = ctx.paragraph_of[index]
    if (
        lead is None
        or par <= lead
        # (a day told in a clause about someone does not: "arrested a man who was wanted for the bomb attack of 14
        # July")
        or any(not _in_a_relative_clause(ctx, m) for m in ctx.dates_in(index))
        or _quoted(ctx.sentence_text(index))
        or _stated(ctx, index)
        or opens_another_incident(ctx, index)
    ):
        return None
    if any(
        (p in ctx.story_spans or p in ctx.story_places) and p not in ctx.lead_followers
        for p in range(lead + 1, par + 1)
    ):
        return None
    ctx.lead_followers.add(par)
    return lead


def _noun_the_place_is_of(token: Token) -> set[int]:
    """The tokens of the noun a place phrase hangs on, without the place phrase ("a Dec. 5 strike" of "a Dec. 5
    strike in the same province")."""
    np = token
    if np.dep_ != "pobj" or np.head.dep_ != "prep":
        return set()
    noun = np.head.head
    if noun.pos_ in ("VERB", "AUX"):
        # (the parser hangs the place on the verb: "follows [a March 5 strike] [in the same province]")
        noun = next((c for c in noun.children if c.dep_ == "dobj"), noun)
    if noun.pos_ != "NOUN":
        return set()
    inside = {x.i for x in np.head.subtree}
    return {x.i for x in noun.subtree if x.i not in inside}


def _story_date(ctx: DocContext, index: int) -> dates_stage.DateMention | None:
    """The date a sentence that tells no event gives its story: the one it opens with ("On 6 June 2023, ...",
    "Looting: Around 10 March 2022 (week of), ..."), else its only date told relative to the report's day and no
    statement's ("Security forces conducted an operation in X yesterday."), or None."""
    sent = ctx.sentences[index]
    opening = _label_end(sent, ctx.sentence_text(index)) + 2
    dated = []
    for m in ctx.dates_in(index):
        if m.kind not in _STORY_DATE_KINDS or m.span.start is None:
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if span.start <= opening or all(
            t.is_space or t.is_punct or t.lower_ in _TIME_OPENERS for t in ctx.doc[sent.start : span.start]
        ):
            return m  # ("During the night of 11 January 2021, security forces conducted an operation ...")
        if _opens_what_is_told(ctx, sent, span.start):
            return m  # ("The Ministry informs the public that on Thursday 15 September 2016, a group of ...")
        dated.append((m, set(range(span.start, span.end))))
    # (a day told relative to the report's: an explicit date inside a sentence may be a caption's or an aside's,
    # unless it dates the sentence's main verb: "Iraqi forces conducted a clearance operation ... on Aug. 25.")
    if (
        len(dated) == 1
        and (dated[0][0].kind == "relative" or _dates_the_main_verb(ctx, sent, dated[0][1]))
        and not _dates_a_statement(ctx, dated[0][1])
    ):
        return dated[0][0]
    return None


def _opens_what_is_told(ctx: DocContext, sent: Span, start: int) -> bool:
    """Does a date at token ``start`` open the clause a statement's "that" introduces ("announces that this
    morning, Monday 19 August 2013, a military vehicle ...")? A ministry's communiqué tells its incident so."""
    k = start - 1
    while k > sent.start and (
        ctx.doc[k].is_punct or ctx.doc[k].is_space or ctx.doc[k].lower_ in _TIME_OPENERS
    ):
        k -= 1
    return k > sent.start and ctx.doc[k].lower_ == "that" and ctx.doc[k].dep_ == "mark"


def _dates_the_main_verb(ctx: DocContext, sent: Span, toks: set[int]) -> bool:
    """Does a date close its sentence and hang on its main verb ("conducted a clearance operation against Daesh
    remnants in the X area south of Kirkuk on Aug. 25.")? The parser often hangs a closing date on the noun
    before it; a clause between (a relative clause, an aside) makes it that clause's date. A date just before the
    main verb dates it too ("the Battalion ... on 06 Dec 2022 recovered 10 kg of ...")."""
    after = max(toks) + 1
    if after < sent.end and (
        after == sent.root.i
        or (ctx.doc[after].head.i == sent.root.i and ctx.doc[after].dep_ in ("aux", "auxpass"))
    ):
        return sent.root.pos_ in ("VERB", "AUX")
    if any(not (t.is_punct or t.is_space) for t in ctx.doc[max(toks) + 1 : sent.end]):
        return False
    t = ctx.doc[max(toks)]
    for _ in range(12):
        head = t.head
        if head.i == t.i:
            return False
        if head.i == sent.root.i:
            return head.pos_ in ("VERB", "AUX")
        if head.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "appos", "conj"):
            return False
        t = head
    return False


def _war_attack_on_a_place(loc: Location, on: date, categories: list[str]) -> Typing:
    """An attack with no weapon said on a place of the Russia-Ukraine war: an armed clash within
    FRONT_NEAR_KM of the line of contact on the day, shelling elsewhere (border communities, the rear)."""
    d = None
    if loc.latitude is not None and loc.longitude is not None:
        d = front_distance_km(loc.latitude, loc.longitude, on, country=loc.country)
    if d is not None and d <= places_stage.FRONT_NEAR_KM:
        return Typing("clash", "Armed clash", categories)
    return Typing("shelling", "Shelling/artillery/missile attack", categories)


_ATTACKED_PLACE_NOUNS = frozenset(
    "community communities settlement settlements village villages town towns city cities hromada hromadas "
    "district districts outskirts suburb suburbs".split()
)


def _attacks_the_place(cand: Candidate) -> bool:
    """Is what the attack verb governs the place itself ("attacked Krasnohorivka", "attacked the border
    communities of X"), not a car, a convoy or people in it?"""
    trigger, at = cand.trigger, cand.place_start
    if trigger.pos_ != "VERB" or at is None:
        return False
    return any(
        obj.dep_ == "dobj"
        and (obj.pos_ == "PROPN" or lemma_of(obj) in _ATTACKED_PLACE_NOUNS)
        and obj.left_edge.idx <= at < obj.right_edge.idx + len(obj.right_edge.text)  # the place is in it
        for obj in trigger.children
    )


# an ACLED coder's note of where the event is coded: "in Aung Lawt village (coded as Muse)", "... [coded to
# Donetsk]" (not "Fatalities coded as 10")
_CODED_PLACE = re.compile(
    r"[(\[]\s*coded\s+(?:as|to)\s+([^()\[\]]{1,60}?)\s*[)\]]"
    # "Coded to Karimama.", "Location coded as Ma Ga (Lashi).": the coder's word in a sentence of its own
    r"|(?:^|(?<=[.;,]\s)|(?<=\blocation\s))coded\s+(?:as|to)\s+([^()\[\].;,]{1,60}?)\s*(?=[.;,(]|$)",
    re.I | re.M,
)


def _coded_place(ctx: DocContext, cands: list[Candidate]) -> None:
    """A note that says once where its event is coded ("(coded as Kani)", "[coded to Mykolaiv]") places its
    events there: the coder's word, when the place it names is found."""
    hits = [
        m
        for m in _CODED_PLACE.finditer(ctx.text)
        if not (m.group(1) or m.group(2))[:1].isdigit() and "event" not in (m.group(1) or m.group(2)).lower()
    ]
    if len(hits) != 1:
        return
    a, b = hits[0].span(1) if hits[0].group(1) else hits[0].span(2)
    named = [
        m
        for ms in ctx.places_by_sentence.values()
        for m in ms
        if m.location is not None and m.location.latitude is not None and a <= m.start and m.end <= b
    ]
    if not named:
        return
    loc = named[0].location
    for c in cands:
        if c.location is None or c.location.country in (None, loc.country) or c.location.geo_precision == 3:
            c.location = loc
            if c.kind == "displacement" and c.actor1 is not None and c.actor1.kind == "civilians":
                c.actor1 = make_actor("civilians", loc.country)  # the displaced are the place's people
