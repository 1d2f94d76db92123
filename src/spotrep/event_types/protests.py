"""Protest cues of a sentence and the typing of a protest (peaceful, with intervention, excessive force)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon.triggers import (
    CROWD_NOUNS,
    PROTEST_WORDS,
    PROTESTER_NOUNS,
    RIOT_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token
from .crowds import (
    _blocks_road,
    _riot_gear,
    _subject_of,
)
from .kinds import (
    Typing,
)
from .triggers import (
    lemma_of,
)
from .vocabulary import (
    _BEATING_VERBS,
    _FORCE_VERBS,
    _INTERVENTION_VERBS,
    _PROTEST_FAMILY,
    _SEVERE,
)


def protest_cues(sent: Span) -> set[str]:
    """What a sentence tells about a demonstration: "riot" (the demonstrators were violent: stones, fires,
    looting, clashes, road blockades), "force" (demonstrators killed, wounded, shot or beaten; live fire),
    "intervention" (tear gas, water cannon, dispersal, arrests), "peaceful" (said to be peaceful)."""
    cues: set[str] = set()
    for t in sent:
        lemma = lemma_of(t)
        low = t.lower_
        if _protest_topic(t):
            continue  # "a protest against police brutality", "to denounce violence"
        if (
            t.dep_ == "pobj"
            and t.head.lower_ in _GRIEVANCE_PREPS
            and lemma in ("arrest", "detention", "killing")
        ):
            continue  # "a protest following the arrest of local vigilantes": what the protest is about
        if low in ("peaceful", "peacefully", "peacefull"):
            cues.add("peaceful")
        if _riot_gear(t):
            continue
        if (lemma in PROTEST_WORDS | PROTESTER_NOUNS and lemma not in ("strike", "march", "crowd")) or (
            lemma == "march" and t.pos_ != "PROPN"
        ):
            cues.add("protest")
        if (
            lemma in ("riot", "rioter", "looter", "looting", "molotov", "firebomb", "vandalism", "arson")
            or (lemma in ("violent", "violence", "violently") and not _state_violence(t))
            or lemma == "clash"
        ):
            cues.add("riot")
        elif lemma in ("throw", "throwing", "hurl", "pelt") and any(
            lemma_of(x) in ("stone", "rock", "brick", "bottle", "molotov", "petrol", "firebomb")
            for x in (*t.children, t.doc[t.i - 2] if t.i >= 2 else t)
        ):
            cues.add("riot")  # "stone-throwing students"
        elif t.pos_ == "VERB" and lemma in RIOT_VERBS:
            subj = _subject_of(t)
            passive = any(c.dep_ == "auxpass" for c in t.children)
            if (
                subj is not None
                and not passive
                and (
                    lemma_of(subj) in PROTESTER_NOUNS
                    or lemma_of(subj) in PROTEST_WORDS
                    or (
                        lemma_of(subj) in CROWD_NOUNS
                        and lemma in ("block", "shut", "throw", "hurl", "pelt", "torch")
                    )
                )
            ):
                if lemma not in ("block", "shut") or _blocks_road(t):
                    cues.add("riot")
            elif (
                passive
                and lemma in ("throw", "hurl", "pelt", "fire")
                and any(lemma_of(x) in ("police", "officer", "policeman", "security") for x in t.subtree)
            ):
                cues.add("riot")  # "projectiles were thrown at police"
        if lemma in _FORCE_VERBS and t.pos_ in ("VERB", "NOUN"):
            cues.add("harm")
        if lemma in _BEATING_VERBS and t.pos_ == "VERB" and _crowd_object(t):
            cues.add("intervention")
        if low in _SEVERE:
            cues.add("force")
        if lemma in ("ammunition", "round", "gunfire", "live") or (
            lemma == "fire"
            and any(c.lower_ == "opened" or lemma_of(c) == "open" for c in [t.head, *t.children])
        ):
            cues.add("force")
        if lemma in (
            "excessive",
            "brutally",
            "brutal",
            "brutality",
            "suppress",
            "crush",
            "massacre",
            "lethal",
            "fatal",
            "deadly",
            "bloody",
        ):
            cues.add("force")
        if lemma in ("injury", "death", "casualty", "dead"):
            cues.add("harm")
        if (
            lemma in ("tear", "teargas", "cannon", "baton", "rubber", "pepper", "stun")
            or (lemma in _INTERVENTION_VERBS and t.pos_ == "VERB")
            or lemma in ("dispersal", "arrest", "detention")
        ) and not (lemma in ("break", "block", "clear", "stop", "prevent") and not _crowd_object(t)):
            cues.add("intervention")
    return cues


_REPRESSION = frozenset(
    "suppress disperse crush break crackdown dispersal repression suppression attack".split()
)


def _state_violence(token: Token) -> bool:
    """'violence against protesters', 'violently suppressed', 'a violent crackdown': violence done to
    demonstrators."""
    if token.lower_ in ("violently", "violent") and lemma_of(token.head) in _REPRESSION:
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("against", "on") for c in token.children)


def _crowd_object(token: Token) -> bool:
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "prep", "prt")]
    return any(
        lemma_of(c) in PROTEST_WORDS | PROTESTER_NOUNS | CROWD_NOUNS | {"sit-in", "gathering"}
        for o in objects
        for c in o.subtree
    )


_GRIEVANCE_PREPS = frozenset("following after over against".split())
_TOPIC_VERBS = frozenset("denounce condemn protest decry oppose demand end stop read chant shout".split())


def _protest_topic(token: Token) -> bool:
    """Is the word part of what a protest is about ('against police brutality', 'an end to excessive force',
    'to denounce violence')?"""
    t = token
    for _ in range(6):
        head = t.head
        if head.i == t.i:
            return False
        t = head
        if t.lower_ in ("against", "over") and t.dep_ == "prep":
            h = t.head
            subj = _subject_of(h) if h.pos_ in ("VERB", "AUX") else None
            return (
                lemma_of(h) in PROTEST_WORDS | PROTESTER_NOUNS
                or lemma_of(h) in _TOPIC_VERBS
                or (subj is not None and lemma_of(subj) in PROTEST_WORDS | PROTESTER_NOUNS)
            )
        if lemma_of(t) in _TOPIC_VERBS and t.pos_ in ("VERB", "NOUN"):
            return True
    return False


def protest_typing(kind: str, cues: set[str]) -> Typing | None:
    """The sub-event type of a demonstration given what the text tells around it (ACLED): demonstrators'
    violence makes a violent demonstration (unless they are said to be peaceful and were shot at);
    killing, wounding or beating peaceful demonstrators, or live fire at them, is excessive force; tear gas,
    dispersal or arrests are an intervention; otherwise a peaceful protest."""
    if kind not in _PROTEST_FAMILY:
        return None
    force = "force" in cues or (
        "harm" in cues and ("intervention" in cues or "peaceful" in cues or kind == "protest_force")
    )
    if "riot" in cues and not (force and "peaceful" in cues):
        return Typing("riot", "Violent demonstration", ["riot"])
    if kind == "riot":
        return Typing("riot", "Violent demonstration", ["riot"])
    if force or kind == "protest_force":
        return Typing("protest_force", "Excessive force against protesters", ["protest"])
    if "intervention" in cues:
        return Typing("protest", "Protest with intervention", ["protest"])
    return Typing("protest", "Peaceful protest", ["protest"])
