"""The grammar of an event's clause: which triggers form one event, the clause a word governs, the event's agent and
victim, its actors and sides, who speaks (the parser's view of one sentence)."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from ..actors import (
    WAR_SIDES,
    ActorMention,
    actor_from_token,
    is_naf,
    make_actor,
    nationality_of,
    partisan_actor,
    positions_actor,
    state_of_origin,
    territory_holder,
    war_enemy,
    with_country,
)
from ..attribution import (
    CIVIL_SOURCE_WORDS,
    Attribution,
    find_attributions,
    resolve_speaker,
)
from ..codebook import bomb_kind, subject_of
from ..codebook import weapon_spans as codebook_weapon_spans
from ..event_types import (
    CAUSE_KINDS,
    GENERIC_KINDS,
    Trigger,
    Typing,
    classify,
    elided_passive_subject,
    lemma_of,
)
from ..gazetteer.regions import WAR_COUNTRIES
from ..lexicon.actors import ACTOR_NOUNS, COUNTRY_ACTORS, DEMONYMS, ENEMY_WORDS, WEAPON_SIDES
from ..lexicon.triggers import FORMS, SPEECH_VERBS, VERB_TRIGGERS
from ..lexicon.weapons import WEAPON_SYSTEMS, WEAPON_WORDS
from ..model import Actor
from ..numbers.words import PERSON_NOUNS
from ..taxonomy import SUB_EVENT_TYPES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from .common import (
    _ABSORBING_PREPS,
    _BATTLE_KINDS,
    _CIVILIAN_HARM,
    _CONSEQUENCE_VERBS,
    _CROWD_KINDS,
    _GROUND_KINDS,
    _REMOTE_STRIKES,
    _SUPPORT_VERBS,
    _TIME_MARKS,
    tells_a_death,
)
from .context import (
    Candidate,
    DocContext,
)

log = logging.getLogger(__name__)

# ----------------------------------------------------------------------------------------------- helpers


_LINK_BLOCKERS = frozenset({"conj", "ccomp", "parataxis"})
# verbs whose object after "in" or "to" is what an event led to ("resulted in the killing of", "led to the death of")
_OUTCOME_VERBS = frozenset({"result", "lead"})


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
            if _earlier_or_later(a.trigger, b.trigger):
                continue
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


def _earlier_or_later(a: Token, b: Token) -> bool:
    """Is ``a`` told in a clause of time of its own, with its own subject, hung on ``b``'s clause ("the strike
    was conducted after militants attacked an army post", "the raid came before gunmen attacked")? Then it tells
    another event, before or after: not the cause of ``b`` ("killed when militants attacked" is)."""
    if a.dep_ != "advcl" or not any(c.dep_ == "nsubj" for c in a.children):
        return False
    if not any(c.dep_ == "mark" and c.lower_ in _SEQUENCE_MARKS for c in a.children):
        return False
    return a.head.i == b.i or a.head.i == b.head.i


_SEQUENCE_MARKS = frozenset("after before until since".split())

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


def _depth(token: Token) -> int:
    d = 0
    head = token.head
    while head.i != token.i and d < 50:
        token, head = head, head.head
        d += 1
    return d


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
                counting = counting_verb(head_np)
                if counting is not None:
                    return counting.i, True
                if prep.lower_ in ("in", "to") and lemma_of(prep.head) in _OUTCOME_VERBS:
                    # "the operation resulted in the killing of three smugglers": what happened, told as the
                    # outcome of the verb's subject (not an event that only modifies it)
                    return prep.head.i, False
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


def counting_verb(np: Token) -> Token | None:
    """The verb whose people a noun phrase is one of: "Ten people, including the suicide bomber, were killed",
    "between 10 and 15 militants, among them two commanders, were killed". Such a person is named by what they
    did (the bomber) or were, and tells no event of its own."""
    prep = np.head
    if np.dep_ != "pobj" or prep.lower_ not in ("including", "among") or prep.dep_ != "prep":
        return None
    people = prep.head
    if not (
        people.pos_ in ("NUM", "PRON")
        or (
            people.pos_ in ("NOUN", "PROPN")
            and (lemma_of(people) in ACTOR_NOUNS or lemma_of(people) in PERSON_NOUNS)
        )
    ):
        return None  # ("launched operations, including artillery and missiles": what they were)
    verb = people.head
    if verb.dep_ == "prep" and people.dep_ == "pobj":
        verb = verb.head  # "Between 10 and 15 militants, including ..., were killed"
    if people.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
        return verb
    return None


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


_NAMING_VERBS = frozenset("know call name identify nickname dub".split())
_LOCATING_VERBS = frozenset("locate situate".split())


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
                # (or where it is: "at Armenian positions located in the vicinity of Sotk", "a base situated near X")
                naming = c.dep_ == "acl" and (
                    c.lemma_.lower() in _NAMING_VERBS
                    or (c.lemma_.lower() in _LOCATING_VERBS and c.tag_ == "VBN")
                )
                if _their_dead_told_beside(c) or _what_it_resulted_in(c):
                    # "neutralised 12 terrorists, while one soldier paid the supreme price": the fight's own dead
                    stack.append(c)
                    continue
                if (c.dep_ != "conj" and not consequence and not naming) or has_subject:
                    continue  # a clause of its own (not "an official known as X and two others": who they are)
                if c.dep_ == "conj" and c.lemma_.lower() in SPEECH_VERBS:
                    continue  # "struck X ... and accused Kyiv of ...": a statement of its own
            stack.append(c)
    return out


def _what_it_resulted_in(clause: Token) -> bool:
    """ "..., which resulted in the killing of 8 militants", "which led to the death of two soldiers": a relative
    clause telling the outcome of the event it hangs on."""
    return (
        clause.dep_ in ("relcl", "advcl")
        and clause.lemma_.lower() in _OUTCOME_VERBS
        and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in clause.children)
        and any(c.dep_ in ("prep", "prt") and c.lower_ in ("in", "to") for c in clause.children)
    )


# the marks of a clause told beside the event, of the same moment ("while", "as", "whereas")
_BESIDE_MARKS = frozenset({"while", "whereas", "as"})


def _their_dead_told_beside(clause: Token) -> bool:
    """A clause joined to the event's with "and" or "while", telling a death by no trigger word of its own ("...,
    while one soldier paid the supreme price", "and two soldiers lost their lives"): the event's dead."""
    if clause.dep_ not in ("conj", "advcl") or not tells_a_death(clause, lemma_of(clause)):
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return marks <= _BESIDE_MARKS if clause.dep_ == "advcl" else not marks


def _is_weapon_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (
        lemma_of(token) in WEAPON_WORDS or token.i in codebook_weapon_spans(token.doc)
    )


# verbs that lift the subject of the event told after them ("three civilians were reported killed", "two
# soldiers were feared dead", "20 people were believed to have been killed")
_RAISING_VERBS = SPEECH_VERBS | frozenset("confirm believe fear presume think feel".split())


def _raised_subject(anchor: Token) -> set[int]:
    """The subject of a passive verb of reporting or belief whose complement the event is ("Three civilians
    were reported killed", "2 people were confirmed dead"): the people the event befell."""
    head = anchor.head
    if anchor.dep_ not in ("oprd", "xcomp", "ccomp", "acomp") or lemma_of(head) not in _RAISING_VERBS:
        return set()
    subject = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    return {t.i for t in subject.subtree} if subject is not None else set()


def _domains(sent: Span, groups: dict[int, list[Trigger]], exclude: set[int]) -> dict[int, set[int]]:
    doc = sent.doc
    out = {}
    for a, group in groups.items():
        members = {a} | {t.i for t in group}
        toks = _clause_tokens(doc[a], members)
        for trig in group:
            if trig.i not in toks:
                toks |= _clause_tokens(trig.token, members)
        toks |= _raised_subject(doc[a])
        toks |= _dead_told_first(doc[a])
        out[a] = toks
    for a in out:
        for b in out:
            if b != a and b in out[a] and a not in out[b]:
                if not any(t.strong for t in groups[b]) and _their_dead_told_beside(doc[b]):
                    continue  # "killed 12 terrorists, while one soldier died": the fight's dead too
                out[a] -= out[b]
        out[a] -= exclude
    for a in out:
        out[a] |= _shared_subject(doc[a]) - exclude
    return out


def _dead_told_first(anchor: Token) -> set[int]:
    """The clause an event's own hangs on, by "and" or "while", that tells a death by no trigger word ("four
    soldiers fell with arms in hand and twelve others were wounded", "two officers paid the supreme price while
    four bandits were neutralised"): the event's dead too."""
    head = anchor.head
    if anchor.dep_ not in ("conj", "advcl") or head.i == anchor.i or not tells_a_death(head, lemma_of(head)):
        return set()
    if anchor.dep_ == "advcl" and not (
        {c.lower_ for c in anchor.children if c.dep_ == "mark"} & _BESIDE_MARKS
    ):
        return set()
    return {t.i for t in head.subtree} - {t.i for t in anchor.subtree}


def _shared_subject(anchor: Token) -> set[int]:
    """The subject a clause of being or undergoing shares with the verb it hangs on: "Sergeant X was heavily
    wounded" (an adjective after "was"), "... and, despite all medical interventions, was martyred" (a passive
    joined with "and"), "two soldiers were injured and later died": the people the event befell."""
    head = anchor.head
    if head.i == anchor.i or any(c.dep_.startswith("nsubj") for c in anchor.children):
        return set()
    root = anchor.sent.root
    if (
        anchor.dep_ == "acl"
        and anchor.tag_ in ("VBD", "VBN")
        and root.pos_ in ("NOUN", "PROPN")
        and root.i < anchor.i
        and not any(c.dep_ == "auxpass" for c in anchor.children)
    ):
        # "Youths of two clans fought with sticks ...", parsed as a sentence without a verb ("fought" a
        # participle of "clans"): the noun phrase the sentence opens with is who did it
        return set(range(root.left_edge.i, anchor.i))
    if anchor.dep_ in ("acomp", "attr") and lemma_of(head) == "be":
        pass
    elif not (
        anchor.dep_ == "conj"
        and head.pos_ in ("VERB", "AUX")
        and (any(c.dep_ == "auxpass" for c in anchor.children) or tells_a_death(anchor, lemma_of(anchor)))
    ):
        return set()
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > anchor.i:
        return set()
    # (with the words up to the clause, so that it reads as told: "X was heavily wounded and ... was martyred")
    return {t.i for t in subject.subtree} | set(range(subject.right_edge.i + 1, anchor.i))


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
    elided = elided_passive_subject(t)
    if elided is not None:
        return None, elided  # "Taliban commander captured in Helmand": the commander was captured
    for c in t.children:
        if c.dep_ == "nsubj" and agent is None:
            agent = subject_of(t)
        elif c.dep_ == "agent" and agent is None:
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
        elif c.dep_ in ("dobj", "nsubjpass") and victim is None and _is_victim(c):
            victim = c
    if agent is None and t.pos_ in ("NOUN", "PROPN"):
        # a past-tense verb mis-tagged as a noun ("Kyiv retook"): its subject hangs as a compound
        agent = next((c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if agent is None and t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN") and t.i > 0:
        # "Ukrainian forces retook Kochubeivka", the verb read as part of its object's name: the noun phrase
        # just before it is its subject
        prev = t.doc[t.i - 1]
        if prev.pos_ in ("NOUN", "PROPN") and prev.head.i != t.i:
            while prev.dep_ in ("compound", "amod") and prev.head.i < t.i:
                prev = prev.head
            agent = prev
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
    subject = subject_of(verb)
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


# fire from a territory: artillery, missiles, aircraft and drones alike ("drones launched from Russia")
_ORIGIN_FIRE_KINDS = frozenset({"shelling", "missile", "air_strike", "drone_strike", "attack", "clash"})


def _origin_agent(group: list[Trigger]) -> Token | None:
    """'came under fire from the territory of the Russian Federation', 'shelled from Russia': fire from a
    state's territory names that state's forces as the attacker."""
    for trig in group:
        if trig.kind not in _ORIGIN_FIRE_KINDS:
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
        subj = subject_of(t)
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


def _implied_actor1(
    ctx: DocContext,
    cand: Candidate,
    victim: ActorMention | None,
    att: Attribution | None,
    source_country: str | None,
    on: date | None,
) -> Actor | None:
    """actor1 where the text names none but its genre says who it is.

    * An interception or a shootdown: the enemy of the side whose drones, missiles or aircraft were downed
      ('12 Ukrainian UAVs', 'a Russian Su-25'), else
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
    if cand.kind in ("interception", "shootdown"):
        # (an aircraft shot down from the ground, too: "shot down a Russian Su-25 with a MANPADS")
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


# explosive attacks whose planter or thrower the text does not name
_BLAST_TYPES = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})


# the event types of political violence, whose doers the codebook never codes as civilians
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _unclaimed_blasts(cands: list[Candidate]) -> None:
    """A bomb, mine or grenade whose planter or thrower the text does not name was an armed group's that the
    codebook leaves unidentified, named after the event's country ("Unidentified Armed Group (Myanmar)"). Not in
    the Russia-Ukraine war, where the mines and ordnance that go off are either army's. And whoever commits
    political violence is no civilian, by the codebook's definition: "an unknown person threw a grenade" was
    such a group's."""
    for c in cands:
        country = c.location.country if c.location is not None else None
        sub = c.typing.sub_event_type
        if c.actor1 is None and sub in _BLAST_TYPES and country and country not in WAR_COUNTRIES:
            c.actor1 = make_actor("armed_group", country)
        elif (
            c.actor1 is not None
            and c.actor1.kind == "civilians"
            and SUB_EVENT_TYPES.get(sub) in _VIOLENT_TYPES
        ):
            c.actor1 = make_actor("armed_group", c.actor1.country or country)


def _one_sided_fights(cands: list[Candidate]) -> list[Candidate]:
    """ "Gunmen stormed the village, shooting residents": a fight needs two armed sides; an armed side against
    civilians only, once every actor is known, is violence against civilians (ACLED's Attack). The civilians are
    the fight's other side, or, when it names none, those an attack by the same actor in its sentence names
    ("RSF fighters stormed the village and opened fire on residents"). Returns the candidates retyped."""

    def on_civilians(c: Candidate) -> bool:
        if c.actor2 is not None:
            return c.actor2.kind == "civilians"
        return any(
            o is not c
            and o.typing.sub_event_type == "Attack"
            and o.actor1 == c.actor1
            and o.actor2 is not None
            and o.actor2.kind == "civilians"
            and any(ev in o.evidence for ev in c.evidence)
            for o in cands
        )

    retyped = []
    for c in cands:
        if (
            c.typing.sub_event_type == "Armed clash"
            and c.kind in ("clash", "assault")
            and c.actor1 is not None
            and c.actor1.kind in ("armed_group", "military", "police")
            # "X and Y clashed, killing several people", "clashes between X and Y killed 20": two sides
            and not any(lemma_of(t.token) in _FIGHT_VERBS for t in c.triggers)
            and on_civilians(c)
        ):
            c.typing = Typing("attack", "Attack", c.typing.categories)
            retyped.append(c)
    return retyped


_FIGHT_VERBS = frozenset({"clash", "fight", "battle", "exchange", "engage", "skirmish", "fighting"})


def _story_agent(ctx: DocContext, cand: Candidate, on: date | None) -> Actor | None:
    """Who caused the casualties a sentence tells without an agent, when the sentence before it in the
    paragraph says who acted: 'Russian forces fired at Okhtyrka. At least three civilians were killed.'"""
    i = cand.sent_index - 1
    if i < 0 or ctx.paragraph_of[i] != cand.paragraph:
        return None
    root = ctx.sentences[i].root
    subject = subject_of(root)
    if subject is None:
        return None
    mention = _actor_of(ctx.doc, _partitive_head(subject), ctx.sentences[i])
    if mention is None or mention.actor.kind not in ("military", "armed_group"):
        return None
    actor = _side_actor(ctx, cand, mention, on)
    if actor is not None and actor.country is None and actor.kind in ("military", "police"):
        # "Security forces conducted an operation near Mir Ali. Four terrorists were killed.": a state's forces
        # named without their state act in the country of the event (not in the Russia-Ukraine war, where
        # either army may be meant)
        country = cand.location.country if cand.location is not None else None
        if country and country not in WAR_COUNTRIES:
            actor = with_country(actor, country)
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
