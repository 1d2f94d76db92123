"""ACLED codebook conventions that a trigger word alone does not decide: the construction around it does.

``spotrep.event_types`` finds trigger words; the functions here read the words around a trigger and return the
internal event kind the codebook assigns to the construction (or None when the construction does not apply):

- fire between forces is typed by what was fired, as ACLED codes Ukraine: any small arms (alone or with
  heavier weapons) make an armed clash; only indirect or heavy weapons (artillery, mortars, rocket launchers,
  tanks, grenade launchers, heavy machine guns, anti-tank missiles) make shelling; unspecified weapons fired at
  positions or troops are an armed clash; remote fire at a settlement is shelling; shooting at people or cars
  is an attack (``fire_kind``); fire that was answered ("fired back", "responded with fire") was exchanged, an
  armed clash (``return_fire``);
- fresh craters a monitor saw ("a fresh crater, assessed as caused by an 82mm mortar round") are shelling;
- monitoring-mission counts ("observed a total of 7 explosions", "recorded 12 projectiles", "bursts of
  small-arms fire") report shelling, or an armed clash when small arms were used or fire went both ways across
  the contact line (``monitoring_kind``);
- strikes by aircraft are air strikes however told: a missile launched from an aircraft, "air-launched" or
  "airborne" missiles, "a missile strike from the air", "Russian aviation struck", "planes attacked"
  (``air_launched``);
- the other side's armour, columns, guns and positions destroyed by unstated means are shelling (remote fire
  does most of it, and ACLED codes it so), its troops destroyed a battle; a ship sunk was attacked, typed by
  what sank it;
- a manned aircraft shot down by ground fire is shelling, one downed by another aircraft an armed clash;
  drones and missiles brought down stay interceptions (``downed_aircraft_kind``);
- evacuations, flight and deportation of civilians are displacement, ACLED's "Other" (``displacement_kind``);
- an offensive that was attempted (and failed) is an armed clash (``attempted``, ``attempt_noun_kind``);
- debris of what air defence brought down belongs to the interception (``debris_kind``);
- unexploded ordnance going off is a remote explosive (``unexploded``); "bombed" is an air strike when
  aircraft or an army bomb, a planted bomb when an armed group or unknown assailants do (``bombing_kind``);
- munitions dropped ("a drone dropped an explosive device", "mines dropped from a UAV") are an air/drone
  strike (``dropped_kind``);
- the weapon names the event: "attacked a tower with a bomb" (``instrument_kind``), "used drones to destroy"
  (``used_weapon_kind``), and damage done by a drone, a missile or shelling is that strike, not property
  destruction (``remote_doer_kind``);
- armed forces entering a place take it (``forces_entered``), unless the entry is told as what led to a fight
  ("entered the village and clashed with the defenders": the fight is the event, ``entered_to_fight``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from .lexicon.actors import COUNTRY_ACTORS, DEMONYMS
from .lexicon.triggers import FORMS, VERB_OBJECTS
from .lexicon.weapons import WEAPON_SYSTEMS, WEAPON_WORDS
from .wordcache import lemma_lower

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _lemma(token: Token) -> str:
    """The lexicon lemma (as ``event_types.lemma_of``): the FORMS entry of the word, else spaCy's lemma."""
    return FORMS.get(token.lower_) or lemma_lower(token)


_SPANS_KEY = "spotrep.codebook.weapon_spans"


def weapon_spans(doc: Doc) -> dict[int, str]:
    """Token index -> weapon kind of the named weapon systems the rulers found (the earliest span wins, so that
    "heavy machine guns" is not read as "machine guns")."""
    from .rulers import SPAN_KEY

    cached = doc.user_data.get(_SPANS_KEY)
    if cached is not None:
        return cached
    out: dict[int, str] = {}
    doc.user_data[_SPANS_KEY] = out  # read once per document: several constructions ask
    if SPAN_KEY not in doc.spans:
        return out
    for span in doc.spans[SPAN_KEY]:
        if span.label_ != "WEAPON":
            continue
        kind = WEAPON_SYSTEMS[span.id_][0] if span.id_ in WEAPON_SYSTEMS else "missile"
        for i in range(span.start, span.end):
            out.setdefault(i, kind)
    return out


def noun_weapon_kind(token: Token, spans: dict[int, str]) -> str | None:
    """The weapon kind a noun names: its own named system, that of its compound ("KAB bombs", "Shahed
    drones"), else its weapon word; a bomb with an aerial modifier ("guided bombs") is an aerial bomb."""
    kind = spans.get(token.i)
    if kind is not None:
        return kind
    for c in token.children:
        if c.dep_ in ("compound", "nmod") and spans.get(c.i) is not None:
            return spans[c.i]
    lemma = _lemma(token)
    if lemma not in WEAPON_WORDS or suicide_bomber(token):
        return None
    if lemma == "bomb":
        return bomb_kind(token)
    return WEAPON_WORDS[lemma][1]


def bomb_kind(token: Token) -> str:
    """The weapon kind of a "bomb": a mortar or artillery bomb is a round fired by a heavy weapon
    ("artillery"); a bomb with an aerial modifier ("guided bombs") or a state's bomb ("a Russian bomb struck a
    school": states bomb from the air) is an aerial bomb ("bomb"); any other bomb was planted ("explosive")."""
    mods = {_lemma(c) for c in token.children if c.dep_ in ("amod", "compound", "nmod")}
    if mods & _SHELL_BOMB:
        return "artillery"
    if mods & _AERIAL:
        return "bomb"
    if (
        not mods & _PLANTED_BOMB
        and token.dep_ in ("dobj", "nsubjpass")
        and _lemma(token.head) in _FIRING_VERBS
    ):
        return "artillery"  # "fired several bombs from the hills onto the town": rounds of a heavy weapon
    if not mods & _PLANTED_BOMB and any(c.dep_ == "amod" and c.lower_ in DEMONYMS for c in token.children):
        return "bomb"
    return "explosive"


_SHELL_BOMB = frozenset("mortar artillery tank howitzer".split())
_FIRING_VERBS = frozenset("fire lob launch shoot".split())
_PLANTED_BOMB = frozenset(
    "roadside car truck improvised homemade home-made magnetic sticky parcel pipe time motorcycle bicycle "
    "suicide".split()
)


_AERIAL = frozenset("glide gliding guided aerial air aviation cluster barrel".split())


_ANTECEDENT_REACH = 40  # tokens back, into the sentence before


def weapon_antecedent(token: Token) -> str | None:
    """The kind ("drone", "missile", "rocket") of the weapons a count or a pronoun refers back to ("the enemy
    attacked with 19 Shaheds. All 19 were destroyed", "destroyed all of them"): the nearest weapon named
    before it, in its sentence or the one before."""
    doc = token.doc
    spans = weapon_spans(doc)
    start = max(token.sent.start - 1, 0)
    start = doc[start].sent.start if start < token.sent.start else start
    for i in range(token.i - 1, max(start, token.i - _ANTECEDENT_REACH) - 1, -1):
        t = doc[i]
        if t.pos_ not in ("NOUN", "PROPN") and i not in spans:
            continue
        kind = noun_weapon_kind(t, spans)
        if kind in ("drone", "missile", "rocket"):
            return kind
    return None


# -- weapons fired -------------------------------------------------------------------------------------------

# weapon kinds -> the class that types fire between forces
_CLASS_OF_KIND = {
    "small_arms": "small",
    "heavy_weapon": "heavy",
    "artillery": "heavy",
    "rocket": "heavy",
    "armour": "heavy",
    "missile": "missile",
    "drone": "drone",
    "aircraft": "air",
    "bomb": "air",
}
_HEAVY_LEMMAS = frozenset("cannon howitzer mortar artillery tank mlrs grad shell gun-howitzer".split())
_SMALL_LEMMAS = frozenset(
    "rifle firearm pistol machinegun kalashnikov carbine gunfire small-arms gunman sniper shooter "
    "rifleman".split()
)
_NOT_SMALL_GUN = frozenset("self-propelled artillery anti-aircraft heavy naval field tank howitzer".split())
_UNSPECIFIED = frozenset("unspecified unknown undetermined unidentified various other different".split())
_CALIBRE = re.compile(r"^\d{2,3}(?:-?mm|-millimet(?:re|er))$", re.I)


def _heavy_gun(gun: Token) -> bool:
    """ "heavy machine gun", "heavy-machine-gun", "heavy machineguns": however the parser hangs "heavy"."""
    doc = gun.doc
    for i in range(gun.i - 1, max(gun.i - 5, -1), -1):
        low = doc[i].lower_
        if low == "heavy":
            return True
        if low not in ("-", "machine"):
            return False
    return False


def weapon_classes(tokens: Iterable[Token], spans: dict[int, str]) -> set[str]:
    """What the tokens say was fired: "small" (small arms, machine guns), "heavy" (artillery, mortars, tanks,
    grenade launchers, heavy machine guns, calibres such as "152mm"), "missile", "drone", "air", or
    "unspecified" ("unspecified weapons", "weapons")."""
    classes: set[str] = set()
    for t in tokens:
        kind = spans.get(t.i)
        if kind is not None:
            if kind == "small_arms" and _heavy_gun(t):
                kind = "heavy_weapon"  # "heavy-machine-gun fire": the ruler saw only "machine-gun"
            if kind in _CLASS_OF_KIND:
                classes.add(_CLASS_OF_KIND[kind])
            continue
        low = t.lower_
        if _CALIBRE.match(low) or (low in ("mm", "mm.") and t.i > 0 and t.doc[t.i - 1].like_num):
            classes.add("heavy")
            continue
        lemma = _lemma(t)
        if lemma in ("weapon", "arm", "weaponry"):
            mods = {_lemma(c) for c in t.children if c.dep_ in ("amod", "compound", "nmod")}
            if "small" in mods or "light" in mods:
                classes.add("small")
            elif "heavy" in mods:
                classes.add("heavy")
            elif lemma != "arm" or mods & _UNSPECIFIED:
                classes.add("unspecified")
        elif lemma in ("machinegun", "gun") and _heavy_gun(t):
            classes.add("heavy")  # "heavy machineguns", "heavy-machine-gun fire"
        elif lemma in _SMALL_LEMMAS or (
            lemma == "gun" and not {_lemma(c) for c in t.children} & _NOT_SMALL_GUN
        ):
            classes.add("small")
        elif lemma in _HEAVY_LEMMAS:
            classes.add("heavy")
        elif lemma in WEAPON_WORDS and WEAPON_WORDS[lemma][1] in _CLASS_OF_KIND:
            classes.add(_CLASS_OF_KIND[WEAPON_WORDS[lemma][1]])
    return classes


# -- what fire was aimed at ----------------------------------------------------------------------------------

_MILITARY = frozenset(
    "position post checkpoint trench fortification stronghold outpost base unit force troop soldier "
    "serviceman militia militant fighter army military defender formation garrison dugout line "
    "frontline emplacement"
    # armed men of any side: fire at them is a fight ("fired toward the terrorists", "shot at the gunmen")
    " terrorist insurgent rebel gunman gunmen bandit attacker assailant jihadist infiltrator intruder "
    "extremist guerrilla separatist kidnapper".split()
)
_PEOPLE = frozenset(
    "civilian resident people person man woman child kid boy girl family journalist reporter volunteer "
    "driver motorist pedestrian villager farmer evacuee cyclist priest car bus minibus vehicle "
    "crowd passenger".split()
)
_BUILDINGS = frozenset(
    "house home building school hospital church shop market apartment infrastructure facility "
    "kindergarten store plant factory".split()
)
_PLACES = frozenset(
    "village town city settlement district outskirts area neighbourhood neighborhood suburb locality "
    "territory region community".split()
)
# "on Feb 3", "on Monday": dates, not targets
_CALENDAR = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august "
    "september october november december monday tuesday wednesday thursday friday saturday sunday".split()
)
_PROTESTERS = frozenset("protester protestor demonstrator marcher demonstration protest rally".split())
_TARGET_PREPS = frozenset({"at", "on", "upon", "towards", "toward", "into", "against"})


def _targets(verb: Token, objects: list[Token]) -> list[Token]:
    """The nouns that fire was aimed at: "at the positions of X", "on the village", "in the direction of X"."""
    out: list[Token] = []
    for head in (verb, *objects):
        for prep in head.children:
            if prep.dep_ != "prep":
                continue
            low = prep.lower_
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if low in _TARGET_PREPS:
                    out.append(pobj)
                elif low == "in" and _lemma(pobj) == "direction":
                    out.extend(g for c in pobj.children if c.lower_ == "of" for g in c.children)
    return out


def _target_class(targets: list[Token]) -> str | None:
    """ "military", "people", "building", "place" or "protest": the first that any target names; "other" when
    the targets name none of them ("a teahouse")."""
    found: set[str] = set()
    for t in targets:
        if t.ent_type_ in ("DATE", "TIME") or t.lower_ in _CALENDAR:
            continue
        found.add("other")
        lemma = _lemma(t)
        of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        if lemma in _PROTESTERS:
            found.add("protest")
        elif lemma in _MILITARY:
            found.add("military")
        elif lemma in _PEOPLE:
            found.add("people")
        elif lemma in _BUILDINGS:
            found.add("building")
        elif lemma in _PLACES or (
            t.pos_ == "PROPN"
            and t.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "")
            and t.lower_ not in _CALENDAR
        ):
            found.add("place")
        elif of:
            inner = _target_class(of)
            if inner:
                found.add(inner)
    for cls in ("protest", "military", "people", "building", "place", "other"):
        if cls in found:
            return cls
    return None


_FIRED_DEPS = frozenset({"npadvmod", "nmod", "attr", "oprd", "dative", "appos"})


def return_fire(token: Token, lemma: str) -> bool:
    """ "fired back", "returned fire", "responded with fire": the other side answered, so the fire was
    exchanged (ACLED: an armed clash)."""
    children = list(token.children)
    if lemma == "fire":
        return any(c.lower_ == "back" for c in children)
    if lemma == "return":
        return any(c.dep_ == "dobj" and _lemma(c) in ("fire", "gunfire") for c in children)
    if lemma == "respond":
        return any(
            c.dep_ == "prep"
            and c.lower_ == "with"
            and any(_lemma(g) in ("fire", "gunfire") for g in c.children)
            for c in children
        )
    return False


_REPEL_VERBS = frozenset("repel repulse thwart foil counter rebuff confront".split())
_REPELLED_EVENTS = frozenset(
    # (and those told making it: "repelled the attackers", "the aggressors")
    "attack assault raid offensive attempt incursion ambush advance infiltration aggression onslaught attacker "
    "assailant aggressor".split()
)
_TOLD_DETS = frozenset({"the", "this", "that", "these", "those"})


def repels_told_attack(token: Token, lemma: str) -> bool:
    """ "Troops repelled the attack", "soldiers beat it back": the defence against an attack the report told
    before is the same event (ACLED codes one armed clash, the attackers as actor1), not a second one."""
    if lemma not in _REPEL_VERBS and not (
        lemma == "beat" and any(c.lower_ == "back" for c in token.children)
    ):
        return False
    for c in token.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        if c.lower_ in ("it", "them"):
            return True
        if _lemma(c) in _REPELLED_EVENTS and any(
            d.dep_ in ("det", "poss") and (d.lower_ in _TOLD_DETS or d.pos_ == "PRON") for d in c.children
        ):
            return True
    return False


def repels_an_attack(token: Token, lemma: str) -> bool:
    """ "Border police repelled an insurgent attack on a post": the defence against an attack told with it (the
    attack may be told again after it, in detail: the same event)."""
    if lemma not in _REPEL_VERBS:
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in _REPELLED_EVENTS for c in token.children)


def warning_shots(token: Token) -> bool:
    """ "fired into the air", "shot in the air": warning shots hit no one; no attack (at a demonstration, the
    dispersal told with them is the event)."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("into", "in") and any(_lemma(g) == "air" for g in c.children)
        for c in token.children
    )


def fire_kind(token: Token, lemma: str) -> str | None:
    """The kind of "fired ... at ...", "shot at ...", "opened fire on ...", typed by the weapons and the target
    (see the module docstring); "-" for warning shots; None when the construction does not decide (missiles,
    drones, tear gas, no weapon and no target: the trigger tables do)."""
    children = list(token.children)
    if lemma == "shoot" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in children):
        return None
    if lemma == "shoot" and (
        any(c.lower_ in ("dead", "fatally", "mortally") for c in children)
        or (token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "dead")
    ):
        return "kill"  # "gunmen shot dead five people": a killing, typed by who was killed
    if return_fire(token, lemma):
        return "clash"
    if warning_shots(token):
        return "-"
    if lemma == "fire" and air_force_kind(token, lemma) == "aircraft":
        return "air_strike"  # "the Russian air force fired at a hospital": a strike from the air
    objects = [c for c in children if c.dep_ == "dobj"]
    if lemma == "open":
        fire = next((o for o in objects if _lemma(o) == "fire"), None)
        if fire is None:
            return None
        objects = [fire]
    spans = weapon_spans(token.doc)
    weapon_tokens: list[Token] = [t for o in objects for t in o.subtree]
    for c in children:
        # "fired 122 mm and 82 mm mortars" (parsed adverbially), "fired with machine guns"
        if (c.dep_ in _FIRED_DEPS and lemma != "open") or (
            c.dep_ == "prep" and c.lower_ in ("with", "from", "using")
        ):
            weapon_tokens.extend(c.subtree)
        elif (
            c.dep_ == "nsubj"
        ):  # "tanks fired at ...", "snipers shot at ...", "a group of gunmen opened fire"
            weapon_tokens.extend(t for t in c.subtree if t.dep_ in ("nsubj", "pobj", "conj"))
    for o in objects:  # "opened fire with machine guns"
        weapon_tokens.extend(t for c in o.children if c.lower_ in ("with", "from") for t in c.subtree)
    classes = weapon_classes(weapon_tokens, spans)
    target = _target_class(_targets(token, objects))
    if target == "protest" or (classes & {"missile", "drone", "air"} and not classes & {"small", "heavy"}):
        return None  # protests have their own rules; missiles and drones the trigger tables
    if "small" in classes:
        # at forces, or at nothing named: an exchange; at anyone else: an attack (classify still makes it a
        # battle when the victims are armed)
        return "clash" if target in ("military", None) else "attack"
    if "heavy" in classes:
        return "shelling"
    if target == "military":
        return "clash"
    if target in ("place", "building"):
        return "shelling"
    if target == "people":
        return "attack"
    return "clash" if "unspecified" in classes else None


# -- monitoring-mission counts -------------------------------------------------------------------------------

MONITOR_VERBS = frozenset("observe record register hear count log see detect document".split())
MONITOR_NOUNS = frozenset("explosion projectile shot burst blast detonation crater".split())
_FRESH = frozenset("fresh new recent".split())
_CLIMB_DEPS = frozenset(
    "nmod pobj prep dobj conj compound appos nsubjpass nsubj attr nummod amod acl npadvmod".split()
)


def monitor_verb(noun: Token) -> Token | None:
    """The observing verb a counted noun depends on ("observed a total of 7 explosions", "explosions were
    heard"), or None."""
    t = noun
    for _ in range(6):
        if t.dep_ not in _CLIMB_DEPS or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX") and _lemma(t) != "include":  # "142 violations, including 71 explosions"
            return t if _lemma(t) in MONITOR_VERBS else None
    return None


_FIRE_COUNTS = frozenset({"shot", "burst"})


def monitored_fire(noun: Token) -> bool:
    """Is a monitoring count a count of gunfire of its own ("60 bursts of small-arms fire", "40 shots") beside
    a count of explosions? Not "40 explosions and bursts of fire" or "7 explosions/shots/bursts": one count."""
    return (
        _lemma(noun) in _FIRE_COUNTS
        and any(c.dep_ == "nummod" for c in noun.children)
        and not any(c.text == "/" for c in noun.doc[max(noun.i - 2, 0) : noun.i + 2])
    )


def monitoring_kind(noun: Token) -> str | None:
    """A monitoring count (see ``monitor_verb``) reports shelling, or an armed clash when small arms were
    fired or the fire went in both directions of the contact line. When explosions and gunfire are counted
    apart ("14 explosions and 60 bursts of small-arms fire"), they are two events: the explosions shelling,
    the bursts an armed clash (shelling when only heavy weapons fired)."""
    verb = monitor_verb(noun)
    if verb is None:
        return None
    if _lemma(noun) == "crater":
        # "saw a fresh crater ..., assessed as caused by an 82mm mortar round": the impact of shelling; an old
        # crater is no event of the report's days
        fresh = any(_lemma(c) in _FRESH for c in noun.children) or any(
            _lemma(t) == "cause" for t in noun.subtree
        )
        if not fresh:
            return None
        kinds = weapon_classes(noun.subtree, weapon_spans(noun.doc))
        return "air_strike" if "air" in kinds else "drone_strike" if "drone" in kinds else "shelling"
    if monitored_fire(noun) and _counts_explosions_too(noun, verb):
        # gunfire: an armed clash, unless only heavy weapons fired ("bursts of heavy-machine-gun fire")
        own = [
            t
            for t in noun.subtree
            if t.i not in {x.i for c in noun.children if c.dep_ == "conj" for x in c.subtree}
        ]
        classes = weapon_classes(own, weapon_spans(noun.doc))
        return "shelling" if "heavy" in classes and "small" not in classes else "clash"
    if _counts_fire_too(noun, verb):
        # its own words only, not the gunfire counted beside it ("12 explosions and 40 shots of small-arms fire")
        conjs = {t.i for c in noun.children if c.dep_ == "conj" for t in c.subtree}
        scope = [t for t in noun.subtree if t.i not in conjs]
    else:
        scope = list(verb.subtree)
    for t in scope:
        if _lemma(t) in ("direction", "side") and any(c.lower_ == "both" for c in t.children):
            return "clash"
    if "small" in weapon_classes(scope, weapon_spans(noun.doc)):
        return "clash"
    return "shelling"


def _counts_explosions_too(noun: Token, verb: Token) -> bool:
    """Does the observing verb also count explosions apart from this count of gunfire?"""
    for t in verb.subtree:
        if t.i != noun.i and _lemma(t) not in _FIRE_COUNTS and _lemma(t) in MONITOR_NOUNS:
            other = monitor_verb(t)
            if other is not None and other.i == verb.i:
                return True
    return False


def _counts_fire_too(noun: Token, verb: Token) -> bool:
    """Does the observing verb also count gunfire apart from this count of explosions?"""
    for t in verb.subtree:
        if t.i != noun.i and monitored_fire(t):
            other = monitor_verb(t)
            if other is not None and other.i == verb.i:
                return True
    return False


# -- aircraft shot down --------------------------------------------------------------------------------------

_AIRCRAFT = frozenset(
    "aircraft jet plane warplane airplane aeroplane helicopter gunship bomber fighter chopper "
    "fighter-bomber airliner".split()
)
_UNMANNED = frozenset("unmanned drone uav remotely-piloted".split())
_AIR_COMBAT = frozenset("dogfight air-to-air".split())


def suicide_bomber(token: Token) -> bool:
    """ "a suicide bomber", "the suicide bombers": a person who carried the explosives, never an aircraft."""
    return _lemma(token) == "bomber" and any(
        c.lower_ in ("suicide", "female", "teenage", "child")
        for c in token.children
        if c.dep_ in ("compound", "amod")
    )


_DELIVERY_VERBS = frozenset("drop deliver carry ferry smuggle airdrop".split())
_MUNITIONS = frozenset("bomb grenade explosive munition mine shell ied ordnance charge payload round".split())


def drone_delivery(token: Token) -> bool:
    """ "a drone-dropped consignment of heroin", "drones carrying narcotics": a drone that carried goods across
    (a smuggler's), no strike; a drone that dropped a grenade or a bomb struck."""
    if _lemma(token) not in ("drone", "uav", "quadcopter"):
        return False
    verb = token.head
    if _lemma(verb) not in _DELIVERY_VERBS:
        return False
    carried = [verb.head] if verb.dep_ in ("amod", "acl") else [c for c in verb.children if c.dep_ == "dobj"]
    return bool(carried) and not any(_lemma(c) in _MUNITIONS for c in carried)


def _is_aircraft(token: Token, spans: dict[int, str]) -> bool:
    if spans.get(token.i) == "aircraft":
        return True
    if _lemma(token) not in _AIRCRAFT or suicide_bomber(token):
        return False
    return not any(_lemma(c) in _UNMANNED for c in token.children)


def downed_aircraft_kind(token: Token) -> str | None:
    """For an interception verb ("shot down", "downed"): "air_combat" when a manned aircraft was downed by
    another aircraft, "shootdown" when by ground fire (air defence, troops, missiles), None when what was
    downed is not a manned aircraft (drones, missiles: an interception)."""
    spans = weapon_spans(token.doc)
    children = list(token.children)
    objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("acl", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        objects.append(token.head)
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
        objects.append(token.head)  # headlines: "Ukraine downs Russian jet"
    objects += [
        c for o in list(objects) for c in o.children if c.dep_ in ("conj", "appos", "compound", "nmod")
    ]
    # "shot down a Ukrainian Su-27 near X": the parser may take the nationality for the object and hang the
    # aircraft's name elsewhere; an aircraft named in the words just after the verb is what was downed
    after = token.doc[token.i + 1 : min(token.i + 6, token.sent.end)]
    for t in after:
        if t.lower_ in ("by", "with", "from", "near", "over", "in", "after", "when", ",", "."):
            break
        if spans.get(t.i) == "aircraft":
            objects.append(t)
    if not any(_is_aircraft(o, spans) for o in objects):
        return None
    shooters = [c for c in children if c.dep_ == "nsubj"]
    shooters += [g for c in children if c.dep_ == "agent" or c.lower_ in ("by", "with") for g in c.children]
    shooters += [c for s in list(shooters) for c in s.children if c.dep_ in ("compound", "conj")]
    if any(_is_aircraft(s, spans) or _lemma(s) == "pilot" for s in shooters):
        return "air_combat"
    if any(t.lower_ in _AIR_COMBAT for t in token.sent):
        return "air_combat"
    return "shootdown"


_LAUNCH = frozenset({"launch", "fire"})


_AIR_LAUNCHED = frozenset(
    {"air-launched", "airborne", "air-to-surface", "air-to-ground", "aircraft-launched"}
)


def air_launched(sent: Span) -> bool:
    """Does the sentence say a missile was launched from an aircraft ("a Kh-22 missile launched from a Tu-22M3
    bomber", "missiles fired from Su-34 jets")? A strike by air-launched missiles is an air strike (ACLED)."""
    spans = weapon_spans(sent.doc)
    for t in sent:
        if (
            t.lower_ in _AIR_LAUNCHED
            or (t.lower_ == "launched" and any(c.lower_ in ("air", "aircraft") for c in t.children))
        ) and noun_weapon_kind(t.head, spans) in ("missile", "rocket"):
            return True  # "air-launched cruise missiles" (however tokenised), "airborne missiles"
        if (
            t.lower_ == "air"
            and t.dep_ == "pobj"
            and t.head.lower_ == "from"
            and (_lemma(t.head.head) in _LAUNCH or _lemma(t.head.head) in ("strike", "attack"))
        ):
            return True  # "launched a missile strike from the air"
        if _lemma(t) not in _LAUNCH:
            continue
        sources = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children]
        if not any(_is_aircraft(g, spans) or _lemma(g) in _AIRCRAFT for g in sources):
            continue
        fired = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if t.dep_ in ("acl", "amod"):
            fired.append(t.head)
        if any(noun_weapon_kind(f, spans) in ("missile", "rocket") for f in fired):
            return True
    return False


# -- weapons an attack was made with ------------------------------------------------------------------------

_ATTACK_VERBS = frozenset("attack strike target hit ambush".split())


def instrument_kind(token: Token, lemma: str) -> str | None:
    """The weapon kind of "attacked X with a bomb", "attacked a train ... with mines", "destroyed a convoy with
    Bayraktar drones": the instrument names the attack, however deep the parser hung "with" inside the object."""
    if lemma not in _ATTACK_VERBS and lemma != "destroy":
        return None
    spans = weapon_spans(token.doc)
    for t in token.subtree:
        # "with a bomb", "using mines" (a preposition), "assailants using explosives" (a verb)
        if not (
            (t.dep_ == "pobj" and t.head.lower_ in ("with", "using"))
            or (t.dep_ == "dobj" and t.head.lower_ == "using")
        ):
            continue
        kind = noun_weapon_kind(t, spans)
        if lemma == "destroy" and kind not in _REMOTE_INSTRUMENTS and _destroys_weapons(token, spans):
            continue  # "destroyed the seized weapons with explosives": a disposal, not an attack
        if kind in ("explosive", "grenade", "drone", "missile", "rocket", "artillery", "aircraft", "bomb"):
            return kind
    return None


_REMOTE_INSTRUMENTS = frozenset({"drone", "missile", "rocket", "artillery", "aircraft"})
# what forces destroy in place once found (with explosives, a disposal): what the trigger lexicon makes a
# weapons seizure when destroyed (caches, devices, ammunition ...)
_DISPOSED = frozenset(k for k, v in VERB_OBJECTS["destroy"].items() if v == "weapons_seizure")


def _destroys_weapons(token: Token, spans: dict) -> bool:
    """Is what a "destroy" verb destroys weapons or a cache ("destroyed the cache with explosives"), or is
    nothing named? A tower or a bridge destroyed with explosives is an attack on it."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return not objects or any(
        noun_weapon_kind(t, spans) is not None or _lemma(t) in _DISPOSED
        for o in objects
        for t in o.subtree
        if t.i < o.i or t.i == o.i  # the object and its modifiers ("the seized mortar rounds")
    )


# -- damage done by a strike -----------------------------------------------------------------------------------

# nouns of remote fire that can be the subject of "destroyed", "damaged": the event kind they name
_REMOTE_FIRE_NOUNS = {
    "shelling": "shelling",
    "bombardment": "shelling",
    "barrage": "shelling",
    "airstrike": "air_strike",
    "explosion": "explosion",
    "blast": "explosion",
    "strike": "attack",
    "attack": "attack",
    "shell": "shelling",
}
DAMAGE_VERBS = frozenset("destroy damage demolish raze burn wreck flatten".split())
_REMOTE_WEAPON_EVENTS = {
    "drone": "drone_strike",
    "missile": "missile",
    "rocket": "shelling",
    "artillery": "shelling",
    "heavy_weapon": "shelling",
    "aircraft": "air_strike",
    "bomb": "air_strike",
    "explosive": "explosive",
}


def remote_doer_kind(token: Token) -> str | None:
    """ "Russian drones destroyed a residential building", "shelling damaged three houses", "a building was
    destroyed by a missile": the damage is what the strike did, so the strike is the event (not property
    destruction, which ACLED keeps for damage done by people on the spot)."""
    spans = weapon_spans(token.doc)
    for o in token.children:
        if o.dep_ in ("dobj", "nsubjpass"):
            kind = noun_weapon_kind(o, spans)
            if kind in ("drone", "missile", "rocket", "aircraft"):
                return None  # a drone destroyed by a missile: an interception
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for d in doers:
        for t in (d, *(c for c in d.children if c.dep_ == "conj")):
            kind = noun_weapon_kind(t, spans)
            if kind in _REMOTE_WEAPON_EVENTS:
                return _REMOTE_WEAPON_EVENTS[kind]
        if _lemma(d) in _REMOTE_FIRE_NOUNS:
            return _REMOTE_FIRE_NOUNS[_lemma(d)]
    return None


# -- deeds told as the grounds of an arrest or a charge -------------------------------------------------------

# what is done to a suspect: an arrest, a charge, a sentence
_JUSTICE_VERBS = frozenset(
    "arrest detain apprehend nab charge convict sentence jail imprison indict prosecute fine".split()
)
# the words that say a deed is only alleged ("suspected of", "on suspicion of", "accused of")
_ALLEGING_WORDS = frozenset({"suspect", "suspected", "accuse", "accused", "suspicion", "allege", "alleged"})


def alleged_deed(token: Token) -> bool:
    """Is a trigger the deed a suspect is arrested, charged or sentenced for ("detained a man suspected of
    setting fire to a military vehicle", "arrested two men accused of planting a bomb", "on suspicion of
    attacking a police station", "charged with arson", "sentenced to 15 years for shelling Kharkiv")? ACLED
    codes the arrest; the deed, if it happened, is an event of its own day and report. An accusation with no
    arrest ("rebels were accused of killing 12 villagers") is how the deed itself is reported: not this."""
    t = token
    for _ in range(2):
        if t.dep_ in ("dobj", "compound", "amod") and t.head.i != t.i:
            t = t.head  # "planting a bomb": the verb whose object the trigger is
    if t.dep_ not in ("pcomp", "pobj") or t.head.dep_ != "prep":
        return False
    prep = t.head
    if prep.lower_ not in ("of", "with", "for", "over"):
        return False
    head = prep.head
    if (_lemma(head) in _JUSTICE_VERBS and prep.lower_ != "of") or (
        head.lower_ in ("convicted", "guilty") and prep.lower_ == "of"
    ):
        return True  # "detained for setting fire", "charged with arson", "convicted of"
    if head.lower_ not in _ALLEGING_WORDS and _lemma(head) not in _ALLEGING_WORDS:
        return False
    # the alleging word must describe someone arrested: "arrested two men accused of", "on suspicion of"
    above = head.head
    if head.dep_ == "pobj" and above.dep_ == "prep":
        above = above.head  # "arrested a man on suspicion of"
    elif head.dep_ in ("acl", "amod", "relcl") and above.dep_ in ("dobj", "nsubjpass", "appos"):
        above = above.head  # "detained a man suspected of"
    return _lemma(above) in _JUSTICE_VERBS


# -- munitions dropped --------------------------------------------------------------------------------------

# what is dropped from the air to strike: the event kind, when no drone or aircraft is named as the dropper
_DROPPED = {
    "bomb": "air_strike",
    "explosive": "drone_strike",
    "device": "drone_strike",
    "mine": "drone_strike",
    "landmine": "drone_strike",
    "munition": "air_strike",
    "ordnance": "air_strike",
    "shell": "drone_strike",
    "grenade": "drone_strike",
    "ammunition": "drone_strike",
    "charge": "drone_strike",
}


def dropped_munition(noun: Token) -> bool:
    """Is a munition noun what a drop construction dropped ("dropped an explosive device", "mines dropped from a
    drone", "explosives were dropped")? The dropping is then the event (``dropped_kind``)."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and _lemma(head) == "drop":
        return True
    return any(c.dep_ in ("acl", "amod") and _lemma(c) == "drop" for c in noun.children)


def dropped_kind(token: Token) -> str | None:
    """ "a drone dropped an explosive device on a tractor", "mines dropped from a UAV", "explosives were dropped
    on a car": munitions dropped from the air are an air/drone strike (ACLED), never a planted IED or a hand
    grenade. The dropper names which (a drone strike, or an air strike from aircraft); None when nothing that
    explodes was dropped ("dropped leaflets", "dropped charges against")."""
    spans = weapon_spans(token.doc)
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("acl", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        objects.append(token.head)  # "mines dropped from a drone"
    objects += [c for o in list(objects) for c in o.children if c.dep_ == "conj"]
    dropped = None
    for o in objects:
        lemma = _lemma(o)
        if lemma not in _DROPPED and lemma.endswith("s") and lemma[:-1] in _DROPPED:
            lemma = lemma[:-1]  # "Explosives were dropped" (a capitalised plural keeps its -s)
        if lemma == "charge" and not any(_lemma(c) == "explosive" for c in o.children):
            continue  # "dropped the charges against him"
        kind = spans.get(o.i)
        if kind in ("bomb", "explosive", "grenade", "artillery", "missile") or lemma in _DROPPED:
            dropped = _DROPPED.get(lemma, "air_strike" if kind == "bomb" else "drone_strike")
            break
    if dropped is None:
        return None
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [
        g
        for c in token.children
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("from", "by"))
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for d in doers:
        kind = noun_weapon_kind(d, spans)
        if kind == "drone":
            return "drone_strike"
        if kind == "aircraft" or _lemma(d) in _AIRCRAFT:
            return "air_strike"
    return dropped


# -- debris of what air defence brought down -------------------------------------------------------------------

DEBRIS_NOUNS = frozenset("debris fragment wreckage remains".split())
DEBRIS_VERBS = frozenset("fall land crash damage hit injure wound kill strike cause start ignite".split())


def debris_kind(token: Token, lemma: str) -> str | None:
    """ "Fragments fell on the roof of a building", "debris of a downed drone damaged a house": what falls after
    air defence brought a drone or missile down belongs to the interception (ACLED: disrupted weapons use)."""
    if lemma not in DEBRIS_VERBS:
        return None
    doers = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return "interception" if any(_lemma(d) in DEBRIS_NOUNS for d in doers) else None


# -- attacks on no one named ------------------------------------------------------------------------------------


def untargeted_attack(token: Token) -> bool:
    """ "the enemy attacked 34 times near Lysivka": bulletins count the ground attacks on the other side's
    positions (ACLED: an armed clash, not an attack on civilians)."""
    times = [c for c in token.children if c.dep_ in ("npadvmod", "dobj") and _lemma(c) == "time"]
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c not in times]
    if token.pos_ != "VERB" or objects:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in token.children):
        return False
    return bool(times)


# -- attempts told as nouns ---------------------------------------------------------------------------------


def attempt_noun_kind(noun: Token) -> str | None:
    """ "made 4 unsuccessful attempts to dislodge our units", "an attempt to break through near X": attempts
    that were made at an offensive action are the fighting they caused (ACLED: armed clash)."""
    if _lemma(noun) not in ("attempt", "try") or noun.pos_ != "NOUN":
        return None
    for c in noun.children:
        if c.dep_ in ("acl", "relcl", "xcomp") and _lemma(c) in ATTEMPTED_ACTIONS:
            return "assault"
    return None


# -- weapons used --------------------------------------------------------------------------------------------

_USED_VERBS = frozenset("destroy hit strike attack target shell bomb pound".split())


def used_weapon_kind(token: Token, lemma: str) -> str | None:
    """The weapon kind of "used drones to destroy four columns", "used artillery to pound the town": the
    instrument names the strike."""
    if lemma not in _USED_VERBS or token.dep_ not in ("xcomp", "advcl") or _lemma(token.head) != "use":
        return None
    spans = weapon_spans(token.doc)
    for obj in token.head.children:
        if obj.dep_ != "dobj":
            continue
        for t in obj.subtree:
            kind = noun_weapon_kind(t, spans)
            if kind is not None:
                return kind
    return None


_AIR_FORCE_VERBS = frozenset("strike hit bomb target pound attack raid shell destroy kill fire".split())


def air_force_kind(token: Token, lemma: str) -> str | None:
    """ "The Malian air force struck a camp", "the Nigerian Air Force struck hideouts, killing 20": an air force
    strikes from the air (ACLED: an Air/drone strike, whoever was hit): "aircraft"."""
    if lemma not in _AIR_FORCE_VERBS:
        return None
    subj = _subject(token)
    if subj is None or _lemma(subj) not in ("force", "forces", "aviation", "airforce"):
        return None
    words = [c.text.lower() for c in subj.subtree]
    if (
        _lemma(subj) == "airforce"
        or "aviation" in words
        or any(w in ("air", "aerospace") and nxt.startswith("force") for w, nxt in pairwise(words))
    ):
        return "aircraft"
    return None


_STRIKE_SUPPORT_VERBS = frozenset("carry conduct launch make mount execute stage".split())


def air_force_noun_kind(token: Token) -> str | None:
    """ "The Air Force carried out a strike on militant positions", "the air force conducted raids on
    hideouts": the strike an air force carries out is flown (an Air/drone strike): "aircraft"."""
    if token.dep_ != "dobj" or _lemma(token.head) not in _STRIKE_SUPPORT_VERBS:
        return None
    return air_force_kind(token.head, "strike")


# (and the commands that announce their strikes: "U.S. Africa Command conducted a strike near Jilib")
_STRIKING_FORCES = frozenset(
    "force forces troop troops military army navy marine marines coalition command africom centcom isaf".split()
)
_WAR_SIDES = frozenset({"UA", "RU"})


def forces_strike_kind(token: Token) -> str | None:
    """ "U.S. military forces conducted a strike in Somalia", "Russian forces carried out a strike on Kharkiv":
    a strike armed forces carry out, with no weapon named, is a strike from afar: a missile strike in the
    Russia-Ukraine war (where missiles and drones do most of it), else one from the air ("aircraft": the
    strikes states' forces carry out on armed groups abroad are flown). None for other strikes (a labour strike,
    "a strike on Kharkiv" with no force named)."""
    if _lemma(token) != "strike" or token.dep_ != "dobj" or _lemma(token.head) not in _STRIKE_SUPPORT_VERBS:
        return None
    if any(c.dep_ == "nummod" for c in token.children):
        return None  # "carried out 412 strikes on 10 settlements": a bulletin's tally, not one strike
    subj = _subject(token.head)
    if subj is None or _lemma(subj) not in _STRIKING_FORCES:
        return None
    spans = weapon_spans(token.doc)
    if any(t.i in spans or _lemma(t) in WEAPON_WORDS for t in token.head.subtree):
        return None  # "carried out a strike with Shahed drones": the weapon says how
    countries = {
        code
        for t in subj.subtree
        if (code := DEMONYMS.get(t.lower_) or (COUNTRY_ACTORS.get(t.lower_) if t.pos_ == "PROPN" else None))
    }
    return "missile" if countries & _WAR_SIDES else "aircraft"


# -- entering a place -----------------------------------------------------------------------------------------

_ENTERING_FORCES = frozenset(
    "troop force soldier fighter militant rebel army unit tank insurgent militia jihadist paratrooper "
    "marine column".split()
)


_CRAFT = frozenset(
    "ship vessel boat warship submarine plane aircraft jet drone uav helicopter warplane".split()
)


def craft_entered(token: Token) -> bool:
    """ "Five military planes entered the identification zone", "a warship entered the port": aircraft and ships
    entering airspace or waters take no ground."""
    subj = _subject(token)
    if subj is None:
        return False
    spans = weapon_spans(token.doc)
    return _lemma(subj) in _CRAFT or spans.get(subj.i) in ("aircraft", "drone", "naval")


_FIGHT_AFTER_ENTERING = frozenset("clash fight battle engage skirmish exchange".split())


def entered_to_fight(token: Token) -> bool:
    """ "entered the village and clashed with the defenders": an entry told as what led to a fight is that
    fight, not a taking of the place; "entered the town and looted shops before withdrawing": a raid that left
    the town as it was held."""
    return any(
        c.dep_ == "conj" and _lemma(c) in _FIGHT_AFTER_ENTERING for c in token.children
    ) or _left_again(token)


_LEAVING_AGAIN = frozenset("withdraw retreat leave pull flee".split())


def _left_again(token: Token) -> bool:
    """Did the forces that entered leave again ("before withdrawing", "and then retreated")? Read in the verb's
    clause and the clauses joined to it."""
    # the verb, the verbs joined to it, and those joined to them ("entered X, looted shops and seized cattle
    # before leaving"), at most six
    verbs = [token]
    for v in verbs:
        verbs.extend(c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB" and len(verbs) < 6)
    for v in verbs:
        for c in v.children:
            if c.dep_ in ("advcl", "conj", "prep", "pcomp") and any(
                _lemma(t) in _LEAVING_AGAIN
                and t.pos_ == "VERB"
                # the same forces ("before withdrawing"), not the other side ("after Russian troops left")
                and not any(d.dep_ in ("nsubj", "nsubjpass") for d in t.children)
                for t in c.subtree
            ):
                return True
    return False


def forces_entered(token: Token) -> bool:
    """ "the fighters entered Afrin", "Russian troops entered the town": armed forces entering a place take it
    (a capture; with no resistance, a non-violent transfer)."""
    subj = _subject(token)
    if subj is None or _lemma(subj) not in _ENTERING_FORCES:
        return False
    if entered_to_fight(token):
        return False
    for o in token.children:
        if o.dep_ == "dobj" and (
            (
                o.pos_ == "PROPN" and o.ent_type_ not in ("NORP", "DATE", "TIME")
            )  # toponyms are often mis-tagged
            or _lemma(o) in _PLACES
        ):
            return True
    return False


# -- displacement ------------------------------------------------------------------------------------------

DISPLACEMENT_VERBS = frozenset("evacuate flee leave deport displace relocate resettle take bus".split())
DISPLACEMENT_NOUNS = frozenset("evacuation exodus deportation displacement".split())
_DISPLACED = frozenset(
    "civilian resident people person local inhabitant child kid family woman citizen refugee patient "
    "orphan villager evacuee pensioner student minor newborn household".split()
)
_COUNTS = frozenset("hundred thousand dozen ten hundreds thousands dozens tens number group".split())
_LEAVE_PLACES = frozenset("city town village home country region area settlement oblast".split())
# what an evacuation empties of its people: "the evacuation of 18 settlements"
_EVACUATED_PLACES = _LEAVE_PLACES | frozenset("hamlet community hromada district neighbourhood".split())


def _people(token: Token) -> bool:
    """Does a noun phrase name civilians ("112 people", "thousands of residents", "Egyptians")?"""
    lemma = _lemma(token)
    if lemma in _DISPLACED:
        return True
    if token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS"):
        return True
    if lemma in _COUNTS or token.pos_ == "NUM":
        of = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        return any(_people(g) for g in of) or (token.pos_ == "NUM" and not of and token.dep_ != "nummod")
    return False


def subject_of(verb: Token) -> Token | None:
    """The verb's subject: its first ``nsubj`` that is not a place's units in brackets, which the parser may
    take for one ("in Hpapun township (Hpapun district, Kayin State), the military carried out airstrikes")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return next((c for c in subjects if not _bracketed(c)), subjects[0] if subjects else None)


def _bracketed(np: Token) -> bool:
    """A noun phrase inside brackets: "(Hpapun district, Kayin State)" in "in Hpapun township (Hpapun
    district, Kayin State), the military carried out airstrikes"."""
    return any(c.text in ("(", "[") and c.i < np.i for c in np.children) or (
        np.left_edge.i > 0 and np.doc[np.left_edge.i - 1].text in ("(", "[")
    )


def _subject(token: Token) -> Token | None:
    t = token
    for _ in range(3):
        subj = subject_of(t)
        if subj is not None or t.dep_ not in ("conj", "xcomp") or t.head.i == t.i:
            return subj
        t = t.head
    return None


def displacement_kind(token: Token, lemma: str) -> str | None:
    """ "displacement" for civilians evacuated, fleeing, leaving a place, deported or displaced; None otherwise
    (troops evacuated or fleeing are a withdrawal: the trigger tables decide)."""
    children = list(token.children)
    if token.dep_ == "amod" and not any(c.dep_ == "prep" for c in children):
        # "a school housing displaced families", "the evacuated residents": who they are, no event
        return None
    objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("acl", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        objects.append(token.head)  # "civilians evacuated from Mariupol arrived in Zaporizhzhia"
    subj = _subject(token)
    if lemma in ("take", "bus"):
        # "the first 300 children were taken to Belgorod": civilians moved away to a destination
        moved = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        to = any(c.dep_ == "prep" and c.lower_ in ("to", "towards") for c in children)
        return "displacement" if to and any(_people(o) for o in moved) else None
    if lemma in ("evacuate", "deport", "displace", "relocate", "resettle"):
        # "deported to the territory of Russia 2,389 children" (parsed as an apposition)
        objects += [t for c in children if c.dep_ == "prep" for t in c.subtree if t.dep_ == "appos"]
        if any(_people(o) for o in objects):
            return "displacement"
        if lemma == "displace" and not objects and subj is None:
            return None
        if not any(c.dep_ == "dobj" for c in children) and subj is not None and _people(subj):
            return "displacement"  # "about 16 civilians evacuated from Chernihiv"
        return None
    if subj is None or not _people(subj):
        return None
    if lemma == "flee":
        return "displacement"
    if lemma == "leave":
        for o in objects:
            if o.pos_ == "PROPN" or _lemma(o) in _LEAVE_PLACES:
                return "displacement"
        if any(c.dep_ == "prep" and c.lower_ in ("for", "to", "from") for c in children):
            return "displacement"
    return None


def displacement_noun(token: Token) -> bool:
    """ "the evacuation of 300 civilians", "evacuation from Mariupol", "the deportation of children", "the
    evacuation of 18 settlements" or "of Kupiansk" (a place emptied of its people)."""
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        for g in prep.children:
            if prep.lower_ == "of" and _people(g):
                return True
            if (
                prep.lower_ == "of"
                and _lemma(token) == "evacuation"
                and (g.ent_type_ in ("GPE", "LOC") or _lemma(g) in _EVACUATED_PLACES)
            ):
                return True
            if prep.lower_ == "from" and g.pos_ == "PROPN":
                return True
    return _lemma(token) == "exodus"


# -- attempts ----------------------------------------------------------------------------------------------

ATTEMPT_VERBS = frozenset({"try", "attempt"})
# what an attempt can be made at that ACLED codes as the fighting it caused
ATTEMPTED_ACTIONS = frozenset(
    "attack storm advance assault offensive counteroffensive counterattack break breach capture seize take "
    "encircle push cross penetrate infiltrate enter occupy retake recapture regain dislodge breakthrough "
    "raid".split()
)


def made_attempt(verb: Token) -> bool:
    """Was the attempt made (past tense, not a plan): "attempted an offensive", "tried to break through",
    "have tried to storm"?"""
    if _lemma(verb) not in ATTEMPT_VERBS:
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and _lemma(c) == "have" for c in verb.children)


def attempted(token: Token) -> bool:
    """Is the trigger the object of an attempt that was made ("attempted an offensive", "tried to capture
    the village")? ACLED codes a failed offensive as the armed clash it was, not as its aim."""
    t = token
    for _ in range(4):
        if t.head.i == t.i or t.dep_ not in ("xcomp", "dobj", "conj", "prt", "pobj", "prep"):
            return False
        t = t.head
        if _lemma(t) in ATTEMPT_VERBS:
            return made_attempt(t)
    return False


# -- explosions --------------------------------------------------------------------------------------------

UXO_NOUNS = frozenset(
    "ordnance uxo shell munition projectile rocket bomb mine grenade missile submunition remnant round".split()
)
_UNEXPLODED = frozenset("unexploded unexplode undetonated leftover left-over abandoned".split())


def unexploded(token: Token) -> bool:
    """ "an unexploded shell", "unexploded ordnance", "explosive remnants of war", "UXO": ordnance that goes off
    long after it was fired is a remote explosive (ACLED), accidents included."""
    lemma = _lemma(token)
    if lemma == "uxo":
        return True
    if lemma not in UXO_NOUNS:
        return False
    if lemma == "remnant":
        return any(_lemma(c) == "explosive" for c in token.children)
    return any(c.lower_ in _UNEXPLODED or _lemma(c) in _UNEXPLODED for c in token.children)


# verbs whose subject or cause an explosion is when it happened there ("an explosion occurred", "a blast
# rocked the city", "killed in an explosion")
_EXPLOSION_VERBS = frozenset(
    "occur happen take rock hit strike rip tear go kill injure wound damage destroy shake be cause "
    "die hurt".split()
)


def explosion_happened(token: Token) -> bool:
    """Does an explosion noun report an explosion there and then ("an explosion occurred at the police
    station", "there was a blast", "killed in an explosion"), not one heard or counted (see
    ``monitoring_kind``)?"""
    head = token.head
    if token.dep_ in ("nsubj", "attr", "nsubjpass") and _lemma(head) in _EXPLOSION_VERBS:
        return True
    if token.dep_ == "pobj" and head.lower_ in ("in", "by", "from", "after") and head.head.pos_ == "VERB":
        return _lemma(head.head) in _EXPLOSION_VERBS
    return False


# -- bombing -----------------------------------------------------------------------------------------------

_AIR_BOMBERS = frozenset(
    "aircraft jet plane warplane airplane helicopter bomber aviation air fighter force army military troop "
    "junta regime government coalition".split()
)
_GROUND_BOMBERS = frozenset(
    "militant rebel insurgent guerrilla assailant gunman attacker terrorist saboteur partisan group "
    "unknown unidentified man person youth".split()
)
_BOMBED_SITES = frozenset(
    "tower office bank house post station bridge pipeline railway rail track car vehicle shop building "
    "mast booth gate checkpoint line pylon cable transformer substation".split()
)


def bombing_kind(token: Token) -> str:
    """The kind of "X bombed Y": "air_strike" when aircraft or an army bombed, "explosive" when an armed group
    or unknown assailants did or, with no bomber named, a building or a tower was bombed; "bombing" (decided
    later by the actor's kind) otherwise."""
    bombers = [c for c in token.children if c.dep_ == "nsubj"]
    bombers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for b in bombers:
        words = {_lemma(b)} | {_lemma(c) for c in b.children if c.dep_ in ("compound", "amod")}
        if b.pos_ == "NOUN" and words & _GROUND_BOMBERS:
            return "explosive"
        if (
            (b.pos_ == "NOUN" and words & _AIR_BOMBERS)
            or b.text.lower() in COUNTRY_ACTORS
            or b.text.lower() in DEMONYMS
        ):
            return "air_strike"  # an air force, an army, a state ("Israel bombed", "the Russians bombed")
        # the tagger's GPE on a group named after its town ("the Taungdwingyi PDF") is no state: see below
    # a named group or no bomber at all: a tower, a power line or a bank office is bombed from the ground
    sites = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj")]
    sites += [c for v in token.children if v.dep_ == "conj" for c in v.children if c.dep_ == "dobj"]
    if any(_lemma(s) in _BOMBED_SITES for s in sites):
        return "explosive"
    return "bombing"


# --- harm no one inflicted ---------------------------------------------------------------------------------
# ACLED codes political violence: the dead of a flood, an earthquake or an eruption, of a factory's leak or a
# fireworks store going up, are no event. Words that name such a cause (lemmas).
NATURAL_CAUSES = frozenset(
    "flood flooding floodwater earthquake quake aftershock tremor volcano eruption erupt landslide mudslide "
    "avalanche storm cyclone hurricane typhoon tornado tsunami downpour rainfall heatwave lightning drought "
    "epidemic pandemic cholera outbreak".split()
)
ACCIDENT_CAUSES = frozenset("accident leak leakage stampede fireworks firework derailment derail".split())


# household and industrial gas: "a gas explosion in a residential building", "a gas cylinder blew up"
_GAS_ACCIDENTS = frozenset("explosion blast leak cylinder pipeline boiler main".split())


def harm_without_perpetrator(lemmas: Sequence[str]) -> bool:
    """Does a sentence tell harm from a natural hazard or an accident ("at least 77 people had died in flash
    floods", "a fireworks warehouse exploded", "a gas explosion")? The caller checks that no one is said to
    have done it and that no weapon is named."""
    if any(w in NATURAL_CAUSES or w in ACCIDENT_CAUSES for w in lemmas):
        return True
    return any(w == "gas" and nxt in _GAS_ACCIDENTS for w, nxt in pairwise(lemmas))
