"""Event detection and typing: trigger words and constructions -> internal kinds -> ACLED sub-event types.

A *trigger* is a token that reports an event (a verb such as "shelled", a noun such as "airstrike", or an
ambiguous verb made specific by its object: "took control", "seized weapons", "sent reinforcements").
``find_triggers`` finds them in a sentence; ``classify`` turns the kinds found in one clause group (plus the
weapons, the attacker and the victims) into ACLED's ``event_type``/``sub_event_type`` and the project's
categories.

The package: the words it reads by (``vocabulary``), the Trigger record and a trigger's arguments
(``triggers``), constructions (``constructions``), crowds (``crowds``), protests (``protests``), and typing
(``kinds``); ``find_triggers`` here.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from .. import codebook
from ..lexicon.actors import ACTOR_NOUNS
from ..lexicon.triggers import (
    NOUN_TRIGGERS,
    POSITION_STRIKE_VERBS,
    PROTEST_WORDS,
    VERB_OBJECTS,
    VERB_TRIGGERS,
)
from ..lexicon.weapons import WEAPON_WORDS
from ..numbers.words import PERSON_NOUNS
from ..wordcache import lemma_lower

if TYPE_CHECKING:
    from spacy.tokens import Span, Token
from .constructions import (
    _aerial_bomb,
    _came_under_fire,
    _codebook_noun_kind,
    _fired_weapon,
    _names_a_unit,
    _names_a_warning_or_line,
    _names_a_weapon,
    _noun_construction,
    _struck,
    _verb_construction,
    names_offenders,
)
from .crowds import (
    _crowd_kind,
    _explosive_context,
    _in_name,
    _labour_strike,
    _protesterish,
    _riot_gear,
    _sit_in,
    seized_weapon,
)
from .kinds import Typing, classify
from .protests import protest_cues, protest_typing
from .triggers import (
    Trigger,
    _lower_word,
    _object_kind,
    _special_kind,
    armed_group_aimed,
    being_readied,
    bomb_people,
    elided_passive_subject,
    in_a_toll_list,
    lemma_of,
)
from .vocabulary import (
    _AIR_MODIFIERS,
    _COMBAT_HEADS,
    _EXPLOSIVE_NOUNS,
    _MARCH_MODS,
    _MARCH_VERBS,
    _MODIFIED_NOUNS,
    _NOUN_DEPS,
    _NOUN_KEYS,
    _SPECIAL_LEMMAS,
    _SPECIAL_WORDS,
    _STATE_ADVERBS,
    _STATE_KINDS,
    _STRIKE_NOUNS,
    _UNIT_NAMING_NOUNS,
    _VERB_TAGS,
    CAUSE_KINDS,
    GENERIC_KINDS,
    KINDS,
    WEAPON_KIND_TO_EVENT,
)

# nouns of a strike an air force carries out ("conducted strikes", "launched a raid")
_AIR_FORCE_NOUNS = frozenset({"strike", "raid", "attack", "bombardment"})
# the people a protest noun can describe ("protest leaders", "a strike organiser")
_PROTEST_PEOPLE = frozenset(
    "leader organiser organizer activist participant coordinator figure committee movement group".split()
)

__all__ = [
    "CAUSE_KINDS",
    "GENERIC_KINDS",
    "KINDS",
    "Trigger",
    "Typing",
    "being_readied",
    "classify",
    "elided_passive_subject",
    "find_triggers",
    "in_a_toll_list",
    "lemma_of",
    "protest_cues",
    "protest_typing",
    "seized_weapon",
    "trigger_words",
]


def trigger_words() -> frozenset[str]:
    """Every lemma and word form this package keys a trigger on, beyond the lexicon's trigger tables (noun keys,
    construction verbs, special words, crowd actions, throwing, chemical and explosive nouns): what a cheap pass
    over raw text (``pipeline.triage``) needs to know which lines could report an event."""
    from .constructions import _CONSTRUCTION_VERBS
    from .crowds import _CROWD_ACTION_VERBS, _THROW_VERBS
    from .vocabulary import _CHEMICAL

    return frozenset(
        set(_NOUN_KEYS)
        | set(_CONSTRUCTION_VERBS)
        | set(_SPECIAL_LEMMAS)
        | set(_SPECIAL_WORDS)
        | set(_CROWD_ACTION_VERBS)
        | set(_THROW_VERBS)
        | set(_CHEMICAL)
        | set(_EXPLOSIVE_NOUNS)
    )


# the words of force by which prisoners or hostages are freed, not released by an agreement
_RESCUE_VERBS = frozenset("rescue free release reunite recover liberate".split())
_CAPTIVE_VERBS = frozenset("kidnap abduct".split())


def _freed_captives(token: Token, lemma: str) -> bool:
    """Is the verb a participle or a relative clause describing captives freed ("rescuing 12 kidnapped
    victims", "the abducted girls were released", "freed four women and three children who had been held
    captive at the base")? Their abduction is older news, not an event of the report."""
    head = token.head
    if token.dep_ == "relcl" and (lemma in _CAPTIVE_VERBS or lemma == "hold"):
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # "four women and three children who ...": the people freed
        return head.dep_ in ("dobj", "nsubjpass") and lemma_of(head.head) in _RESCUE_VERBS
    return (
        lemma in _CAPTIVE_VERBS
        and token.dep_ == "amod"
        and head.dep_ in ("dobj", "nsubjpass", "conj")
        and lemma_of(head.head) in _RESCUE_VERBS
    )


_FORCE_WORDS = frozenset("raid storm attack overrun assault rescue operation".split())


def _of_a_person(token: Token) -> bool:
    """Is a noun of taking told of a person ("the capture of a regional leader", "capture of two commanders")?"""
    taken = VERB_OBJECTS["capture"]  # the people a capture takes ("captured a Taliban facilitator")
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(
            g.dep_ == "pobj"
            and (lemma_of(g) in ACTOR_NOUNS or taken.get(lemma_of(g)) == "arrest" or g.ent_type_ == "PERSON")
            for g in c.children
        )
        for c in token.children
    )


def _freed_by_force(token: Token) -> bool:
    """Is a freeing told with the raid that did it ("raided a Taliban prison and freed 25 prisoners", "freed
    the hostages in a raid", "stormed the camp, freeing 12 hostages")?"""
    near = [token.head, *token.head.children] if token.dep_ in ("conj", "advcl") else []
    near += [g for c in token.children if c.dep_ == "prep" for g in c.children]  # "in a raid"
    return any(lemma_of(t) in _FORCE_WORDS for t in near)


# a crowd's action is what the arrest broke up ("detained 20 people for protesting"): it stays
_CROWD_KINDS = frozenset({"protest", "riot", "mob", "protest_force"})


def _demonym_compound(token: Token) -> bool:
    """Is a participle the second half of a name compound ("Russian-occupied", "Houthi-held",
    "Kremlin-controlled")? It says who holds a place, it tells no capture."""
    i = token.i
    if i < 2 or token.doc[i - 1].text != "-" or token.doc[i - 1].whitespace_:
        return False
    first = token.doc[i - 2]
    return first.is_title and not first.whitespace_ and first.i != first.sent.start


# what is foiled when no weapon is: an act tried ("foiled an infiltration bid", "thwarted an attack")
_FOILED_ACTS = frozenset("attack assault raid ambush incursion".split())
_FOILED_TRIES = frozenset("attempt bid plot try".split())
_ARMS = frozenset("weapon arm ammunition munition".split())
# what police and patrols stop on the road or at sea (intercepting them shoots nothing down)
_STOPPED = frozenset(
    "minibus bus vehicle car truck lorry van motorcycle motorbike boat vessel dhow canoe consignment shipment "
    "migrant".split()
)
# what crowds demonstrate when they protest ("demonstrated their anger at the law")
_GRIEVANCES = frozenset(
    "anger opposition support solidarity discontent frustration displeasure outrage dissatisfaction "
    "rejection disapproval grievance".split()
)


def find_triggers(sent: Span, places: Collection[int] = ()) -> list[Trigger]:
    """All triggers in a sentence, in text order. Ambiguous ones are marked weak (strong=False). ``places``
    (token indices of the sentence's toponyms, from the places stage) settle verbs that take ground only
    when their object is a place ("seized Ocheretyne")."""
    triggers: list[Trigger] = []
    protest_words_seen: list[bool] = []

    def protest_words() -> bool:
        """Does the sentence name a protest? Computed on first use: only a few verbs ask."""
        if not protest_words_seen:
            protest_words_seen.append(
                any(
                    (lemma_of(t) in PROTEST_WORDS and not _riot_gear(t) and not _struck(t)) or _sit_in(t)
                    for t in sent
                )
            )
        return protest_words_seen[0]

    monitored: set[tuple[int, bool]] = set()  # (observing verb, count of fire) already a trigger
    for token in sent:
        if token.is_punct or token.is_space or token.like_num:
            continue
        low, form = _lower_word(token)
        lemma = form or lemma_lower(token)  # lemma_of(token)
        # cheap test first: only these words can make a special kind (see _special_kind)
        if lemma in _SPECIAL_LEMMAS or low in _SPECIAL_WORDS:
            special = _special_kind(token)
            if special in ("grenade", "explosive", "suicide") and (
                seized_weapon(token) or being_readied(token)
            ):
                # "grenades and ammunition were discovered", "recovered two suicide vests": the finding is the event
                continue
            if special:
                triggers.append(
                    Trigger(token, special, True, token.pos_ in ("NOUN", "PROPN", "ADJ"), (token.i,))
                )
                continue
        if low == "sit" and _sit_in(token):
            triggers.append(Trigger(token, "protest", True, True, (token.i,)))
            continue
        pos = token.pos_
        is_verb = (
            pos == "VERB"
            or token.tag_ in _VERB_TAGS
            or (
                form is not None  # low in FORMS
                # an inflected form the tagger took for a name ("Ukrainian forces retook Kherson", "ANDSF retook
                # control of X": the root, or a word in lower case no name is written in) is a verb
                and (pos != "PROPN" or ((token.dep_ == "ROOT" or token.text[:1].islower()) and low != form))
                and not (pos == "NOUN" and lemma in NOUN_TRIGGERS and token.dep_ in _NOUN_DEPS)
            )
        )
        if is_verb:
            if lemma in ("foil", "thwart") and any(
                c.dep_ in ("dobj", "nsubjpass")
                and (
                    lemma_of(c) in _FOILED_ACTS
                    or (
                        lemma_of(c) in _FOILED_TRIES
                        and not any(lemma_of(t) in WEAPON_WORDS or lemma_of(t) in _ARMS for t in c.subtree)
                    )
                )
                for c in token.children
            ):
                # "thwarted an attack on a checkpoint", "foiled an attempt to smuggle narcotics": the act tried tells
                # what happened (by its own trigger, if any); no weapon was seized
                continue
            if lemma == "intercept" and any(
                c.dep_ in ("dobj", "nsubjpass", "appos") and lemma_of(c) in _STOPPED for c in token.subtree
            ):
                continue  # "intercepted a minibus carrying eleven suspects at a checkpoint": a stop, nothing shot down
            if lemma == "demonstrate" and any(
                c.dep_ == "ccomp" or (c.dep_ == "dobj" and lemma_of(c) not in _GRIEVANCES)
                for c in token.children
            ):
                continue  # "the attack demonstrates the resolve of the troops", "demonstrated that": shows
            crowd = _crowd_kind(token, lemma, protest_words)
            if crowd:
                triggers.append(Trigger(token, crowd, True, False, (token.i,)))
                continue
            verb_kind = _verb_construction(token, lemma)
            if verb_kind:
                if verb_kind != "-":
                    triggers.append(Trigger(token, verb_kind, True, False, (token.i,)))
                continue
        if is_verb and lemma in VERB_TRIGGERS:
            if lemma == "occupy" and (
                token.dep_ in ("amod", "acl") or any(c.lower_ in _STATE_ADVERBS for c in token.children)
            ):
                continue  # "the occupied districts", "temporarily occupied Crimea": a state, not a capture
            if token.dep_ == "amod" and token.tag_ == "VBN" and VERB_TRIGGERS[lemma] in _STATE_KINDS:
                continue  # "the besieged port city", "the encircled town", "liberated villages": a state
            used = (
                codebook.used_weapon_kind(token, lemma)
                or codebook.instrument_kind(token, lemma)
                or codebook.air_force_kind(token, lemma)
            )
            if used and used in WEAPON_KIND_TO_EVENT:
                triggers.append(Trigger(token, WEAPON_KIND_TO_EVENT[used], True, False, (token.i,)))
                continue
            if _freed_captives(token, lemma):
                continue  # "rescued 12 kidnapped victims": they were taken before; the rescue is told
            entry = VERB_TRIGGERS[lemma]
            kind, weak = entry.rstrip("?"), entry.endswith("?")
            obj_kind = _object_kind(lemma, token, places)
            if obj_kind == "shelling" and lemma in POSITION_STRIKE_VERBS and _weapon_subject(token):
                obj_kind = None  # "a drone hit a position": the weapon that hit says what kind of strike
            if (obj_kind or kind) in _STATE_KINDS and _demonym_compound(token):
                continue  # "Horlivka (Russian-occupied)", "Houthi-controlled districts": who holds it, no capture
            if obj_kind == "capture" and lemma == "enter" and codebook.entered_to_fight(token):
                continue  # the fight it led to is the event
            if obj_kind == "agreement" and lemma in ("free", "release") and _freed_by_force(token):
                continue  # "raided a prison and freed 25 prisoners": the raid is the event, no agreement
            if obj_kind == "interception" or (not obj_kind and kind == "interception"):
                obj_kind = codebook.downed_aircraft_kind(token) or obj_kind
            if obj_kind:
                triggers.append(Trigger(token, obj_kind, True, False, (token.i,)))
            elif not weak:
                triggers.append(Trigger(token, kind, True, False, (token.i,)))
            elif kind:
                # ("terrorists targeted an army post": an armed group aiming at forces attacks them)
                triggers.append(Trigger(token, kind, armed_group_aimed(token), False, (token.i,)))
            continue
        if pos in ("NOUN", "PROPN") or (pos == "VERB" and token.tag_ == "NN"):
            key = lemma
            if key not in _NOUN_KEYS:
                continue  # no noun trigger or construction has this word
            if _in_name(token):
                continue  # "the Oromo Liberation Army", "the Popular Mobilisation Forces"
            if names_offenders(token):
                continue  # "a hideout of a kidnapping syndicate": who they are, no kidnapping told
            if being_readied(token):
                continue  # "killed two militants who were planting a roadside bomb": it did not go off
            if (
                token.dep_ == "pobj"
                and token.head.lower_ == "of"
                and lemma_of(token.head.head) in codebook.MONITOR_NOUNS
            ):
                continue  # "35 bursts of heavy-machine-gun fire": the counted bursts are the event
            # compounds: "air strike", "drone attack", "artillery fire", "car bomb"
            mods = (
                {
                    lemma_of(c)
                    for c in token.children
                    if c.dep_ in ("compound", "amod", "nmod") and not codebook.suicide_bomber(c)
                }
                if key in _MODIFIED_NOUNS
                else set()
            )
            if (key in _STRIKE_NOUNS or key in _UNIT_NAMING_NOUNS) and _names_a_unit(token):
                continue  # "the 79th air assault brigade", "assault troops": the kind of a unit, not an event
            if _names_a_warning_or_line(token):
                continue  # "air raid alert", "withdrawal lines", "evacuation routes": no event took place
            if key in _STRIKE_NOUNS:
                if key in ("raid", "assault") and mods & _AIR_MODIFIERS <= {"helicopter", "airborne"}:
                    # "a helicopter raid", "an airborne assault": troops flown in fight on the ground
                    mods = mods - {"helicopter", "airborne"}
                if mods & _AIR_MODIFIERS:
                    triggers.append(Trigger(token, "air_strike", True, True, (token.i,)))
                    continue
                if mods & {"drone", "uav", "kamikaze", "shahed", "fpv"}:
                    triggers.append(Trigger(token, "drone_strike", True, True, (token.i,)))
                    continue
                if mods & {"missile", "cruise", "ballistic"}:
                    triggers.append(Trigger(token, "missile", True, True, (token.i,)))
                    continue
                if mods & {"artillery", "mortar", "rocket", "shell", "tank", "howitzer"}:
                    triggers.append(Trigger(token, "shelling", True, True, (token.i,)))
                    continue
                if "arson" in mods:  # ACLED: arson is property destruction
                    triggers.append(Trigger(token, "looting", True, True, (token.i,)))
                    continue
                if mods & {"gun", "knife", "machete"}:
                    triggers.append(Trigger(token, "attack", True, True, (token.i,)))
                    continue
                if mods & {"chemical", "gas", "chlorine", "sarin"}:
                    triggers.append(Trigger(token, "chemical", True, True, (token.i,)))
                    continue
                if mods & {"bomb", "ied", "explosive", "mine"}:
                    triggers.append(Trigger(token, "explosive", True, True, (token.i,)))
                    continue
                if mods & {"ground", "infantry", "armoured", "armored", "mechanized", "mechanised"}:
                    triggers.append(Trigger(token, "assault", True, True, (token.i,)))
                    continue
            noun_kind = _noun_construction(token, key, mods)
            if noun_kind == "-":
                continue
            if noun_kind:
                triggers.append(Trigger(token, noun_kind, True, True, (token.i,)))
                continue
            if key == "attempt":
                attempt = codebook.attempt_noun_kind(token)
                if attempt:
                    triggers.append(Trigger(token, attempt, True, True, (token.i,)))
                continue
            codebook_kind = _codebook_noun_kind(token, key, monitored)
            if codebook_kind:
                if codebook_kind != "-":
                    strong = codebook_kind != "explosion" or codebook.explosion_happened(token)
                    triggers.append(Trigger(token, codebook_kind, strong, True, (token.i,)))
                continue
            if key in _EXPLOSIVE_NOUNS:
                if key == "bomb" and codebook.bomb_kind(token) == "artillery":
                    # "a mortar bomb", "an artillery bomb": a round fired by a heavy weapon (shelling)
                    triggers.append(Trigger(token, "shelling", True, True, (token.i,)))
                    continue
                if codebook.dropped_munition(token):
                    continue  # "dropped an explosive device": the dropping is the event (an air/drone strike)
                if _aerial_bomb(token, mods):
                    # glide bombs, guided aerial bombs, KABs: dropped from aircraft, never an IED
                    triggers.append(Trigger(token, "air_strike", True, True, (token.i,)))
                    continue
                if mods & {"petrol", "molotov", "fire", "gasoline"} or seized_weapon(token):
                    continue  # petrol bombs are rioters' weapons; found bombs are no explosion
                if bomb_people(token):
                    continue  # "IED emplacers", "a bomb-making cell leader": who they are, no explosion
                if _explosive_context(token):
                    triggers.append(Trigger(token, "explosive", True, True, (token.i,)))
                    continue
            under = _came_under_fire(token, places)
            if under:
                triggers.append(Trigger(token, under, True, True, (token.i,)))
                continue
            if key in _AIR_FORCE_NOUNS and codebook.air_force_noun_kind(token) == "aircraft":
                # "the Air Force carried out a strike on militant positions": a strike from the air
                triggers.append(Trigger(token, WEAPON_KIND_TO_EVENT["aircraft"], True, True, (token.i,)))
                continue
            forces_strike = codebook.forces_strike_kind(token) if key == "strike" else None
            if forces_strike is not None:
                # "U.S. military forces conducted a strike in Somalia": a strike from afar
                triggers.append(Trigger(token, WEAPON_KIND_TO_EVENT[forces_strike], True, True, (token.i,)))
                continue
            if key in NOUN_TRIGGERS:
                entry = NOUN_TRIGGERS[key]
                kind, weak = entry.rstrip("?"), entry.endswith("?")
                if key == "strike" and _labour_strike(token):
                    kind, weak = "protest", False
                if kind == "capture" and _of_a_person(token):
                    kind, weak = "arrest", False  # "the capture of a CJNG regional leader": a person taken
                if kind == "protest" and token.dep_ == "compound" and lemma_of(token.head) in _PROTEST_PEOPLE:
                    continue  # "arrested 7 protest leaders in night raids": who they are, not a protest held
                if key == "march" and token.pos_ == "PROPN":
                    continue  # the month
                if key == "march" and (
                    lemma_of(token.head) in _MARCH_VERBS
                    or any(lemma_of(c) in _MARCH_MODS for c in token.children)
                ):
                    weak = False  # "held a torch march", "a peace march"
                if key == "riot" and _riot_gear(token):
                    continue  # "riot police"
                if (
                    key in ("attack", "strike", "assault")
                    and token.dep_ in ("compound", "amod")
                    and _names_a_weapon(token.head)
                ):
                    continue  # "attack drones", "strike UAVs", "assault rifles": a kind of weapon, not an event
                if (
                    key in ("combat", "fighting")
                    and token.dep_ in ("compound", "amod", "nmod")
                    and lemma_of(token.head) not in _COMBAT_HEADS
                ):
                    # "combat work", "combat losses", "combat vehicles", "infantry fighting vehicles", "fighting
                    # positions": a kind of thing, not fighting
                    continue
                if key == "artillery" and _fired_weapon(token):
                    continue  # "fired small arms and artillery at ...": the firing is the event
                if key in ("attack", "violence", "crackdown", "assault", "shooting", "killing") and any(
                    c.dep_ == "prep"
                    and c.lower_ in ("on", "against")
                    and any(_protesterish(g) for g in c.children if g.dep_ == "pobj")
                    for c in token.children
                ):
                    kind, weak = "protest_force", False  # "attacks against peaceful protesters"
                if key == "killing" and weak and _of_counted_people(token):
                    kind, weak = "kill", False  # "resulted in the killing of three smugglers": people killed
                if (key == "killing" and lemma_of(token.head) == "mob") or any(
                    lemma_of(c) == "mob" for c in token.children
                ):
                    kind, weak = "mob", False
                triggers.append(Trigger(token, kind, not weak, True, (token.i,)))
    for trig in triggers:
        if trig.token.tag_ == "VBG" and trig.token.dep_ == "pobj":
            trig.nominal = True  # "wounded in Russian shelling": a gerund after a preposition names a thing
        if trig.kind in ("capture", "recapture") and codebook.attempted(trig.token):
            trig.kind = "assault"  # "tried to capture the village": the fighting happened, not the capture
    # "detained a man suspected of setting fire to a military vehicle": the arrest is the event
    triggers = [t for t in triggers if t.kind in _CROWD_KINDS or not codebook.alleged_deed(t.token)]
    # "killing four smugglers and the retreat of the rest": those who got away from the fight, no ground given up
    return [t for t in triggers if not (t.kind == "withdrawal" and _the_rest_got_away(t.token))]


# those left of a side after a fight ("the rest", "the remainder of the attackers", "the survivors")
_THE_REST = frozenset("rest remainder others survivor".split())


def _the_rest_got_away(token: Token) -> bool:
    """Is a withdrawal that of the rest of a side after a fight ("the retreat of the rest", "the rest of them
    withdrew")?"""
    doers = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    doers += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(lemma_of(d) in _THE_REST or d.lower_ in _THE_REST for d in doers)


def _of_counted_people(token) -> bool:
    """Whether a noun names people counted after "of": "the killing of three smugglers", "of 12 civilians"."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(
            g.dep_ == "pobj"
            and (lemma_of(g) in ACTOR_NOUNS or lemma_of(g) in PERSON_NOUNS)
            and any(n.dep_ == "nummod" and n.like_num for n in g.children)
            for g in c.children
        )
        for c in token.children
    )


def _weapon_subject(token) -> bool:
    """Whether a verb's subject is a weapon ("a Ukrainian drone hit ...", "missiles struck ...")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and lemma_of(c) in WEAPON_WORDS for c in token.children)
