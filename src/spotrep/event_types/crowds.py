"""Crowds: sit-ins, riot gear, protesters, what a crowd does (throws, blocks roads, strikes work), explosives in
context."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..lexicon.triggers import (
    CROWD_NOUNS,
    GATHERING_VERBS,
    PROTEST_WORDS,
    PROTESTER_NOUNS,
    RIOT_GEAR_HEADS,
    RIOT_VERBS,
    ROAD_NOUNS,
    SEIZURE_VERBS,
    SPEECH_VERBS,
)
from ..lexicon.weapons import WEAPON_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token
from .triggers import (
    lemma_of,
)
from .vocabulary import (
    _BEATING_VERBS,
    _MILITARY_TARGETS,
    _SEVERE,
    CROWD_PEOPLE,
)


def _sit_in(token: Token) -> bool:
    """'sit-in' is split by the tokenizer into 'sit', '-', 'in'."""
    doc = token.doc
    return (
        token.lower_ == "sit"
        and token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and (doc[token.i + 2].lower_ == "in")
        and token.pos_ != "VERB"
    )


def seized_weapon(token: Token) -> bool:
    """Is a weapon word the object of finding, seizing or clearing ('a cache of grenades was found',
    'sappers cleared 300 landmines', 'police defused a bomb')?"""
    t = token
    for _ in range(7):
        if t.head.i == t.i:
            return False
        if t.dep_ not in ("dobj", "nsubjpass", "pobj", "prep", "conj", "compound", "appos", "acl", "amod"):
            return False
        t = t.head
        if t.pos_ == "NOUN" and lemma_of(t) in _SEIZURE_NOUNS:
            # "resulted in ... the destruction of a store containing explosive devices", "the seizure of IEDs"
            return True
        if t.pos_ == "VERB":
            lemma = lemma_of(t)
            if lemma in SEIZURE_VERBS | {"clear", "defuse", "dismantle", "deactivate", "disarm"}:
                return lemma not in ("destroy", "capture") or token.dep_ != "nsubj"
            if lemma in _CONTENTS_VERBS and t.dep_ in ("acl", "prep"):
                continue  # "a cache containing 12 grenades and homemade explosives was found": the cache's contents
            # "The cache consisted of 300 rounds and 15 pounds of explosives": what was found
            return lemma in _CONTENTS_VERBS | {"consist", "comprise"} and any(
                c.dep_ == "nsubj" and lemma_of(c) in _CACHE_NOUNS for c in t.children
            )
    return False


_CONTENTS_VERBS = frozenset({"contain", "include", "hold"})
# the nouns of finding, taking or destroying a thing ("the destruction of", "the recovery of")
_SEIZURE_NOUNS = frozenset("destruction seizure recovery discovery confiscation dismantling defusing".split())
_CACHE_NOUNS = frozenset("cache stockpile stash arsenal haul consignment shipment depot seizure".split())


def _in_name(token: Token) -> bool:
    """A capitalised word inside the name of an organisation, a person or a work is no event."""
    if token.ent_type_ not in ("ORG", "PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "FAC"):
        return False
    if token.text.isupper() and token.lower_ in WEAPON_WORDS:
        return False  # "detonated a VBIED": a weapon's acronym the tagger took for an organisation
    if _spelt_out_weapon(token):
        return False  # "ran over an Improvised Explosive Device": a weapon in capitals, as releases write it
    return token.text[:1].isupper() and not token.is_sent_start


# the words of a bomb's spelt-out name ("Vehicle-Borne Improvised Explosive Device")
_BOMB_NAME_WORDS = frozenset(
    "improvised explosive explosives device devices vehicle vehicle-borne borne person-borne remote remotely "
    "controlled radio-controlled roadside suicide magnetic unexploded ordnance - ( )".split()
)


def _spelt_out_weapon(token: Token) -> bool:
    """Whether the name the tagger found the token in is only the words of a weapon in capitals."""
    if token.lower_ not in _BOMB_NAME_WORDS and token.lower_ not in WEAPON_WORDS:
        return False
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent is not None and all(t.lower_ in _BOMB_NAME_WORDS or t.lower_ in WEAPON_WORDS for t in ent)


def _riot_gear(token: Token) -> bool:
    """'riot police', 'anti-riot units': the word names the police, not a riot."""
    if lemma_of(token) not in ("riot", "anti-riot"):
        return False
    if token.dep_ in ("compound", "amod", "nmod") and lemma_of(token.head) in RIOT_GEAR_HEADS:
        return True
    return token.i + 1 < len(token.doc) and lemma_of(token.doc[token.i + 1]) in RIOT_GEAR_HEADS


_MOB_NOUNS = frozenset("mob vigilante lyncher".split())
_MOB_VERBS = frozenset(
    "kill beat lynch attack burn torch vandalise vandalize chop stone loot hack set assault injure wound "
    "club stab destroy damage murder hang rape parade strip".split()
)
_HARM_VERBS = frozenset("kill shoot wound injure beat hit attack assault club stab hurt whip maim".split())
_DISPERSE_VERBS = frozenset("disperse scatter chase clear tear-gas teargas suppress".split())
_INTERVENTION_OBJECTS = frozenset(
    "gas teargas tear-gas cannon baton truncheon spray bullet pellet grenade".split()
)
_LIVE_FIRE = frozenset("ammunition round live".split())


def _protesterish(token: Token) -> bool:
    """A word for demonstrators or a demonstration ('peaceful protesters', 'a student demonstration',
    'crowds of protesters')."""
    lemma = lemma_of(token)
    if token.ent_type_ in ("DATE", "TIME") or (token.pos_ == "PROPN" and lemma == "march"):
        return False
    if _sit_in(token):
        return True
    if lemma in PROTESTER_NOUNS or (lemma in PROTEST_WORDS and lemma not in ("strike", "crowd", "march")):
        return True
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = [lemma_of(g) for g in of.children if g.dep_ == "pobj"] if of is not None else []
    if lemma in ("crowd", "sit-in", "gathering", "march", "rally"):
        # "a gathering of soldiers", "a column of troops" are no demonstration
        return not any(m in _MILITARY_TARGETS for m in members)
    return any(m in PROTESTER_NOUNS for m in members)


_CROWD_ACTION_VERBS = (
    _MOB_VERBS
    | RIOT_VERBS
    | _HARM_VERBS
    | _DISPERSE_VERBS
    | {"break", "break-up", "use", "fire", "deploy", "spray", "lob", "shoot", "employ", "open"}
)


def _crowd_kind(token: Token, lemma: str, protest_words: Callable[[], bool]) -> str | None:
    """Events told by who does what to whom in a demonstration or a mob: protesters acting (protest or riot),
    force used on demonstrators (intervention or excessive force), a mob attacking someone (mob violence).
    ``protest_words`` tells whether the sentence names a protest (asked only when needed)."""
    if lemma in SPEECH_VERBS:
        return None
    subj = _subject_of(token)
    if lemma in _CROWD_ACTION_VERBS:  # only these verbs can make a kind from their doer or their objects
        kind = _crowd_action_kind(token, lemma, subj)
        if kind:
            return kind
    if subj is None or subj.i == token.i:
        return None
    noun = lemma_of(subj)
    if lemma in _THROW_VERBS and _throws_missiles(token) and _civilian_crowd(token, noun):
        # "residents threw molotov cocktails at a tank": a crowd's violence outside a demonstration is mob
        # violence (ACLED); inside one, a violent demonstration
        return "riot" if protest_words() else "mob"
    if noun in PROTESTER_NOUNS or (
        noun in PROTEST_WORDS and noun not in ("strike", "crowd", "march", "rally")
    ):
        if lemma in ("die",):
            return "protest_force"
        if lemma in ("be", "have", "suffer", "receive", "face", "need", "get", "remain", "seem"):
            return None
        if any(c.dep_ == "auxpass" for c in token.children):
            return None
        if lemma in RIOT_VERBS and (lemma not in ("block", "shut") or _blocks_road(token)):
            return "riot"
        return "protest" if noun != "rioter" else "riot"
    if lemma in _STORMING_VERBS and _follows_someone(_follower(subj)):
        # "supporters of the former president stormed and vandalised the Congress": a political following's
        # violence against buildings is a violent demonstration (ACLED), not an armed assault
        return "riot"
    if noun in CROWD_NOUNS and lemma in GATHERING_VERBS and (protest_words() or _demonstrative(token)):
        if lemma in ("block", "shut") and _blocks_road(token):
            return "riot"
        return "protest"
    return None


# a political following, and what it does to buildings when it riots ("supporters stormed the parliament")
_FOLLOWER_NOUNS = frozenset("supporter follower partisan loyalist".split())
_STORMING_VERBS = frozenset("storm vandalise vandalize ransack torch smash firebomb".split())


def _follower(subj: Token) -> Token | None:
    """The word for a following that is the subject, or whose members are ("supporters of Bolsonaro": the
    subject read past 'of' is Bolsonaro)."""
    if lemma_of(subj) in _FOLLOWER_NOUNS:
        return subj
    if subj.dep_ == "pobj" and subj.head.lower_ == "of" and lemma_of(subj.head.head) in _FOLLOWER_NOUNS:
        return subj.head.head
    return None


def _follows_someone(subj: Token | None) -> bool:
    """Is the following a politician's or a party's ("supporters of Bolsonaro", "PTI supporters", "opposition
    supporters"), not an armed group's?"""
    from ..lexicon.groups import match_group

    if subj is None:
        return False
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    named = [g for g in of.subtree if g.dep_ == "pobj"] if of is not None else []
    named += [c for c in subj.children if c.dep_ in ("compound", "amod", "nmod")]
    if not named:
        return False
    doc = subj.doc
    for t in named:
        hit = match_group(doc, t.i)
        if hit is not None and hit[0].kind in ("armed_group", "military", "police"):
            return False
    return True


_THROW_VERBS = frozenset("throw hurl lob".split())
_CIVILIAN_CROWD = frozenset(
    "resident local villager people civilian youth man crowd citizen woman teenager inhabitant".split()
)
_THROWN = frozenset("molotov cocktail firebomb petrol stone rock brick".split())
# what a gathering is held for when it is a demonstration (ACLED codes commemorations and rallies of support as
# peaceful protests): "gathered to commemorate the victims", "gathered in support of the former president"
_DEMONSTRATIVE_VERBS = frozenset(
    "mark commemorate honour honor remember mourn support oppose protest demand denounce condemn express "
    "voice show call urge pay demonstrate celebrate".split()
)
_DEMONSTRATIVE_NOUNS = frozenset(
    "support memory honour honor solidarity protest remembrance defence defense".split()
)


def _civilian_crowd(token: Token, noun: str) -> bool:
    """Is the doer a crowd of civilians ("local residents", "residents of Enerhodar", "a group of youths")?"""
    direct = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return noun in _CIVILIAN_CROWD or (direct is not None and lemma_of(direct) in _CIVILIAN_CROWD)


def _throws_missiles(token: Token) -> bool:
    return any(lemma_of(t) in _THROWN for c in token.children if c.dep_ == "dobj" for t in c.subtree)


def _demonstrative(token: Token) -> bool:
    """Does a gathering verb say what the gathering was for, as demonstrations do (see _DEMONSTRATIVE_VERBS)?"""
    for c in token.children:
        if c.dep_ in ("xcomp", "advcl") and lemma_of(c) in _DEMONSTRATIVE_VERBS:
            return True
    for t in token.subtree:
        if (
            t.dep_ == "pobj"
            and t.head.lower_ == "in"
            and lemma_of(t) in _DEMONSTRATIVE_NOUNS
            and any(c.dep_ == "prep" and c.lower_ in ("of", "with") for c in t.children)
        ):
            return True
    return False


_LYNCHING_VERBS = frozenset("beat lynch stone burn club hack kill".split())
_ALLEGED = frozenset("suspected alleged accused suspect presumed".split())


def _crowd_of(doer: Token) -> Token | None:
    """The people a doer names when they are a crowd of civilians: "villagers", "a group of residents"."""
    if lemma_of(doer) in ("group", "band", "number") and (
        of := next((c for c in doer.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    ):
        doer = next((g for g in of.children if g.dep_ == "pobj"), doer)
    return doer if lemma_of(doer) in CROWD_PEOPLE else None


def _alleged_offender(verb: Token) -> bool:
    """Whether the verb's victim is said to have done wrong: "a suspected thief", "a man accused of stealing"."""
    for c in verb.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        if any(t.lower_ in _ALLEGED for t in c.subtree):
            return True
    return False


def _crowd_action_kind(token: Token, lemma: str, subj: Token | None) -> str | None:
    """_crowd_kind for the verbs of mob violence, rioting, harm, dispersal and the use of force: a kind told by
    the verb's doer or its objects."""
    # the children with their relations, read once: every access of token.children builds new tokens
    children = [(c, c.dep_) for c in token.children]
    agent = None
    for c, dep in children:
        if dep == "agent":
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
    passive = any(dep == "auxpass" for _, dep in children)
    doer = subj if subj is not None and not passive else agent
    people = _crowd_of(doer) if doer is not None else None
    if people is None and doer is not None and doer.dep_ == "pobj" and doer.head.lower_ == "of":
        people = _crowd_of(doer.head.head)  # "residents of a neighbourhood" (the subject read as its place)
    if (
        doer is not None
        and lemma in _MOB_VERBS
        and (
            lemma_of(doer) in _MOB_NOUNS
            or (
                people is not None
                and (
                    any(c.lower_ in ("angry", "irate", "enraged", "furious") for c in people.children)
                    # "residents beat to death a man accused of stealing a motorcycle": justice by a crowd
                    or (lemma in _LYNCHING_VERBS and _alleged_offender(token))
                )
            )
        )
    ):
        return "mob"
    if (
        doer is not None
        and doer.i != (subj.i if subj is not None else -1)
        and lemma in _MOB_VERBS | RIOT_VERBS
        and (lemma_of(doer) in PROTESTER_NOUNS)
    ):
        return "riot"  # "officers were attacked with petrol bombs by rioters"
    objects = [c for c, dep in children if dep in ("dobj", "nsubjpass")]
    for conj, dep in children:  # "attacked and injured a peaceful demonstration"
        if dep == "conj" and conj.pos_ == "VERB":
            objects.extend(c for c in conj.children if c.dep_ == "dobj")
    for c, dep in children:
        if dep == "prep" and c.lower_ in ("at", "on", "against", "into", "towards", "toward"):
            objects.extend(g for g in c.children if g.dep_ == "pobj")
    on_protesters = any(_protesterish(o) for o in objects)
    if on_protesters and lemma in _HARM_VERBS and not (doer is not None and _protesterish(doer)):
        if lemma in _BEATING_VERBS and not any(c.lower_ in _SEVERE for c, _ in children):
            return "protest"  # beaten, not maimed: an intervention (the protest cues say so)
        return "protest_force"
    if on_protesters and (
        lemma in _DISPERSE_VERBS
        or (lemma == "break" and any(c.lower_ == "up" for c, _ in children))
        or lemma == "break-up"
    ):
        return "protest"
    if lemma in ("use", "fire", "deploy", "spray", "lob", "shoot", "employ", "open"):
        things = {lemma_of(c) for o, dep in children if dep == "dobj" for c in o.subtree}
        crowd_near = on_protesters or any(
            _protesterish(t) or lemma_of(t) in _DISPERSE_VERBS for t in token.subtree if t.i != token.i
        )
        if crowd_near and things & _LIVE_FIRE and "rubber" not in things:
            return "protest_force"
        if crowd_near and (lemma == "open" and "fire" in things):
            return "protest_force"
        if (
            (crowd_near and things & _INTERVENTION_OBJECTS)
            or things & {"teargas", "tear-gas", "cannon"}
            or ({"tear", "gas"} <= things)
        ):
            return "protest"
    return None


def _subject_of(token: Token) -> Token | None:
    """The subject of a verb, inherited through coordination and participle clauses ("protesters defied a
    ban, blocking major roads"), past 'dozens of' and 'thousands of'."""
    subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
    t = token
    for _ in range(3):
        if subj is not None:
            break
        if t.head.i == t.i or not (
            t.dep_ in ("conj", "xcomp")
            or (t.dep_ in ("advcl", "acl") and t.tag_ == "VBG")
            # "defied a ban to take to the streets": a purpose clause shares its subject
            or (t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children))
        ):
            break
        t = t.head
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    for _ in range(2):  # "dozens of protesters", "thousands of students"
        if subj is None:
            break
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None or (
            lemma_of(subj) not in CROWD_NOUNS | {"group", "crowd", "score"} and subj.pos_ != "NUM"
        ):
            break
        subj = pobj
    return subj


def _blocks_road(token: Token) -> bool:
    return any(lemma_of(c) in ROAD_NOUNS for c in token.subtree if c.dep_ in ("dobj", "conj", "pobj"))


def _labour_strike(token: Token) -> bool:
    mods = {lemma_of(c) for c in token.children}
    if mods & {"general", "hunger", "labour", "labor", "nationwide", "workers", "worker", "teachers"}:
        return True
    return token.head.lower_ in ("on", "went") or any(c.lower_ == "went" for c in token.head.children)


def _explosive_context(token: Token) -> bool:
    lemma = lemma_of(token)
    mods = {lemma_of(c) for c in token.children}
    if lemma in ("ied", "landmine", "vbied", "booby-trap"):
        return True
    if lemma == "mine" and token.pos_ == "PRON":
        return False
    if mods & {
        "roadside",
        "car",
        "improvised",
        "parcel",
        "magnetic",
        "sticky",
        "pipe",
        "time",
        "motorcycle",
        "land",
        "anti-personnel",
        "anti-tank",
        "homemade",
        "explosive",
        "truck",
    }:
        return True
    head = lemma_of(token.head)
    if head in (
        "explode",
        "detonate",
        "blast",
        "go",
        "plant",
        "step",
        "hit",
        "strike",
        "trigger",
        "kill",
        "wound",
    ):
        return True
    if token.head.head is not None and lemma_of(token.head.head) in (
        "explode",
        "detonate",
        "plant",
        "kill",
        "step",  # "stepped on a mine", "ran over a mine": victim-activated
        "run",
        "drive",
    ):
        return True
    return lemma == "bomb" and any(lemma_of(c) in ("explode", "detonate") for c in token.head.children)


_INTERVENTION_NOUNS = frozenset("teargas tear-gas cannon baton truncheon bullet pellet spray grenade".split())
