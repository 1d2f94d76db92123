"""Event detection and typing: trigger words and constructions -> internal kinds -> ACLED sub-event types.

A *trigger* is a token that reports an event (a verb such as "shelled", a noun such as "airstrike", or an
ambiguous verb made specific by its object: "took control", "seized weapons", "sent reinforcements").
``find_triggers`` finds them in a sentence; ``classify`` turns the kinds found in one clause group (plus the
weapons, the attacker and the victims) into ACLED's ``event_type``/``sub_event_type`` and the project's
categories.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import codebook
from .lexicon.triggers import (
    CROWD_NOUNS,
    FORMS,
    GATHERING_VERBS,
    HANDED_OVER,
    NOUN_TRIGGERS,
    PROTEST_FORCE,
    PROTEST_INTERVENTION,
    PROTEST_WORDS,
    PROTESTER_NOUNS,
    RELEASED_PEOPLE,
    RIOT_GEAR_HEADS,
    RIOT_VERBS,
    RIOT_WORDS,
    ROAD_NOUNS,
    SEIZED_WEAPONS,
    SEIZURE_VERBS,
    SPEECH_VERBS,
    TERRITORY_NOUNS,
    VERB_OBJECTS,
    VERB_TRIGGERS,
)
from .taxonomy import SUB_EVENT_TYPES
from .wordcache import MAX_ENTRIES, lemma_lower

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# internal kind -> (default ACLED sub-event type, categories)
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "clash": ("Armed clash", ("armed_clash",)),
    "assault": ("Armed clash", ("armed_clash", "advance")),
    "advance": ("Armed clash", ("advance",)),
    "capture": ("Non-state actor overtakes territory", ("territory_captured",)),
    "recapture": ("Government regains territory", ("territory_captured",)),
    "withdrawal": ("Non-violent transfer of territory", ("withdrawal",)),
    "shelling": ("Shelling/artillery/missile attack", ("shelling",)),
    "missile": ("Shelling/artillery/missile attack", ("missile_strike",)),
    "air_strike": ("Air/drone strike", ("air_strike",)),
    "drone_strike": ("Air/drone strike", ("drone_strike",)),
    "interception": ("Disrupted weapons use", ("interception",)),
    "weapons_seizure": ("Disrupted weapons use", ("weapons_seizure",)),
    "explosive": ("Remote explosive/landmine/IED", ("mine_ied",)),
    "suicide": ("Suicide bomb", ("suicide_bomb",)),
    "grenade": ("Grenade", ("grenade",)),
    "chemical": ("Chemical weapon", ("chemical_weapon",)),
    "attack": ("Attack", ("attack_on_civilians",)),
    "kill": ("Attack", ("attack_on_civilians",)),
    "wound": ("Attack", ("attack_on_civilians",)),
    "sexual": ("Sexual violence", ("sexual_violence", "attack_on_civilians")),
    "abduction": ("Abduction/forced disappearance", ("abduction",)),
    "protest": ("Peaceful protest", ("protest",)),
    "protest_force": ("Excessive force against protesters", ("protest",)),
    "riot": ("Violent demonstration", ("riot",)),
    "mob": ("Mob violence", ("riot",)),
    "looting": ("Looting/property destruction", ("looting",)),
    "arrest": ("Arrests", ("arrest",)),
    "agreement": ("Agreement", ("agreement",)),
    "deployment": ("Other", ("deployment",)),
    "base": ("Headquarters or base established", ("base_established",)),
    "political": ("Other", ("political",)),
    "group_change": ("Change to group/activity", ("group_change",)),
    "disruption": ("Other", ("infrastructure_disruption",)),
    "sabotage": ("Looting/property destruction", ("sabotage",)),
    # ACLED codebook conventions (see spotrep.codebook)
    "shootdown": ("Shelling/artillery/missile attack", ("shelling", "aircraft_downed")),
    "air_combat": ("Armed clash", ("armed_clash", "aircraft_downed")),
    "explosion": ("Remote explosive/landmine/IED", ("mine_ied",)),
    "bombing": ("Remote explosive/landmine/IED", ("mine_ied",)),
    "displacement": ("Other", ("displacement",)),
}

# kinds that only add detail (casualties, consequences) when another kind is in the same group
MODIFIER_KINDS = frozenset({"kill", "wound", "disruption", "destroy"})

# kinds that tell only that people were hurt or attacked: the cause told with them names the event
GENERIC_KINDS = frozenset({"kill", "wound", "attack"})
# kinds that name how violence was done ("killed in an airstrike", "wounded when a grenade exploded")
CAUSE_KINDS = frozenset(
    {
        "suicide",
        "chemical",
        "grenade",
        "explosive",
        "explosion",
        "air_strike",
        "drone_strike",
        "missile",
        "shelling",
        "clash",
        "assault",
        "sexual",
        "mob",
        "protest",
        "protest_force",
        "riot",
    }
)

# when several kinds meet in one clause group, the first in this order names the event
PRIORITY: tuple[str, ...] = (
    "suicide",
    "chemical",
    "shootdown",
    "air_combat",
    "weapons_seizure",
    "grenade",
    "explosive",
    "bombing",
    "air_strike",
    "drone_strike",
    "missile",
    "shelling",
    "explosion",
    "protest_force",
    "riot",
    "protest",
    "mob",
    "sexual",
    "abduction",
    "interception",
    "recapture",
    "capture",
    "withdrawal",
    "assault",
    "advance",
    "clash",
    "looting",
    "sabotage",
    "attack",
    "arrest",
    "displacement",
    "base",
    "deployment",
    "agreement",
    "group_change",
    "political",
    "kill",
    "wound",
    "disruption",
)
_RANK = {k: i for i, k in enumerate(PRIORITY)}

WEAPON_KIND_TO_EVENT = {
    "missile": "missile",
    "rocket": "shelling",
    "artillery": "shelling",
    "heavy_weapon": "shelling",
    "drone": "drone_strike",
    "aircraft": "air_strike",
    "bomb": "air_strike",
    "explosive": "explosive",
    "grenade": "grenade",
    "chemical": "chemical",
}

_SUICIDE_HEADS_MORE = frozenset(
    "device svbied vbied pbied explosive vehicle bombings attacks bombers operation truck motorbike".split()
)
_SUICIDE_HEADS = frozenset(
    ["bomber", "bombing", "attack", "vest", "belt", "bomb", "attacker", "car", "truck"]
)
_CHEMICAL = frozenset(
    ["chlorine", "sarin", "mustard", "nerve", "toxic", "poisonous", "poison", "chemical", "phosphorus"]
)
_EXPLOSIVE_NOUNS = frozenset(
    ["ied", "landmine", "mine", "bomb", "explosive", "device", "booby-trap", "vbied"]
)
_EXPLOSIVE_PHRASES = (
    "roadside bomb",
    "car bomb",
    "improvised explosive",
    "explosive device",
    "land mine",
    "landmine",
    "booby trap",
    "booby-trap",
    "ied",
    "vbied",
    "parcel bomb",
    "magnetic bomb",
    "sticky bomb",
    "motorcycle bomb",
    "bicycle bomb",
    "time bomb",
    "pipe bomb",
)
# what an attack on property alone destroys (ACLED: property destruction, not an attack on people)
_PROPERTY_TARGETS = frozenset(
    "property establishment premises office shop store business warehouse monument statue memorial".split()
)
_MILITARY_TARGETS = frozenset(
    [
        "base",
        "position",
        "positions",
        "post",
        "checkpoint",
        "convoy",
        "patrol",
        "troop",
        "soldier",
        "force",
        "army",
        "outpost",
        "garrison",
        "barracks",
        "camp",
        "unit",
        "militant",
        "rebel",
        "fighter",
        "insurgent",
        "police",
        "policeman",
        "officer",
        "station",
        "airfield",
        "depot",
        "headquarters",
        "vehicle",
        "tank",
    ]
)
_CIVILIAN_TARGETS = frozenset(
    [
        "civilian",
        "village",
        "villager",
        "resident",
        "home",
        "house",
        "market",
        "school",
        "hospital",
        "church",
        "mosque",
        "bus",
        "car",
        "family",
        "people",
        "woman",
        "child",
        "man",
        "worshipper",
        "farmer",
        "shop",
        "neighbourhood",
        "neighborhood",
        "building",
        "apartment",
    ]
)
_INTERCEPTOR_WORDS = frozenset(
    ["defence", "defense", "air-defence", "air-defense", "anti-aircraft", "interceptor"]
)


@dataclass
class Trigger:
    """A token that reports an event, with the kind it reports."""

    token: Token
    kind: str
    strong: bool = True
    nominal: bool = False
    words: tuple[int, ...] = field(default_factory=tuple)  # token indices of the whole trigger phrase
    absorbed: bool = False  # a noun in a prepositional phrase of another clause: it only modifies that clause

    @property
    def i(self) -> int:
        return self.token.i


# token.lower string id -> (the lower-cased word, its FORMS entry or None); see wordcache
_LOWER_WORDS: dict[int, tuple[str, str | None]] = {}


def _lower_word(token: Token) -> tuple[str, str | None]:
    """The token's lower-cased form and its FORMS entry (None when it has none), cached on the string id."""
    key = token.lower
    word = _LOWER_WORDS.get(key)
    if word is None:
        if len(_LOWER_WORDS) >= MAX_ENTRIES:
            _LOWER_WORDS.clear()
        low = token.lower_
        word = _LOWER_WORDS[key] = (low, FORMS.get(low))
    return word


def lemma_of(token: Token) -> str:
    """The word's lemma for the lexicons: the FORMS entry of its lower-cased form, else its spaCy lemma."""
    return _lower_word(token)[1] or lemma_lower(token)


def _arguments(token: Token) -> list[Token]:
    """The tokens that complete a verb's meaning: objects, particles, passive subjects, PP objects."""
    out: list[Token] = []
    for child in token.children:
        dep = child.dep_
        if dep in ("dobj", "nsubjpass", "prt", "attr", "oprd", "dative", "acomp", "advmod", "compound"):
            out.append(child)
            out.extend(c for c in child.children if c.dep_ in ("conj", "compound", "appos"))
        elif dep in ("prep", "agent"):
            out.append(child)
            out.extend(c for c in child.children if c.dep_ == "pobj")
        elif dep == "xcomp" and child.pos_ in ("NOUN", "ADJ"):
            out.append(child)
    # "intercepted and destroyed 17 drones": the object hangs on the last conjunct
    for conj in token.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB":
            out.extend(c for c in conj.children if c.dep_ == "dobj")
    if token.dep_ == "conj" and token.head.pos_ == "VERB":
        out.extend(c for c in token.head.children if c.dep_ in ("dobj", "nsubjpass"))
    if token.dep_ in ("amod", "acl") and token.head.pos_ in ("NOUN", "PROPN"):
        out.append(token.head)  # "pounding settlements" parsed as an adjective
    if token.dep_ == "compound" and token.pos_ == "NOUN" and token.lower_ in FORMS:
        out.append(token.head)  # headline verbs parsed as nouns: "Ukraine downs drones"
    return out


def _object_kind(lemma: str, token: Token, places: Collection[int] = ()) -> str | None:
    """The kind a verb's object makes of it ("seized weapons", "took control"); ``places`` are the tokens of the
    sentence's toponyms, an object among them being a place taken ("seized Ocheretyne", "occupied Kherson")."""
    table = VERB_OBJECTS.get(lemma)
    if not table:
        return None
    args = [
        a
        for a in _arguments(token)
        if not (a.dep_ == "prep" and a.lower_ in _INSTRUMENT_PREPS)
        and not (a.dep_ == "pobj" and a.head.lower_ in _INSTRUMENT_PREPS)
    ]
    for arg in list(args):  # "hundreds of soldiers were moved": the noun after "of"
        if arg.dep_ in ("dobj", "nsubjpass") and (arg.pos_ == "NUM" or lemma_of(arg) in _QUANTITY_NOUNS):
            of = next((c for c in arg.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None:
                args.extend(g for g in of.children if g.dep_ == "pobj")
                if any(g.lower_ in ("which", "whom") for g in of.children):
                    args.extend(_antecedent(arg))  # "25 drones, 18 of which were destroyed"
    for arg in args:
        key = _weapon_key(arg) or lemma_of(arg)
        if key in table and table[key] != "?":
            return table[key].rstrip("?")
    # a named place as the object: what the verb does to a settlement (not a person's name the gazetteer also
    # knows: "police seized Ivanov")
    if (
        places
        and table.get("settlement", "?") != "?"
        and any(
            a.i in places and a.ent_type_ != "PERSON"
            for a in args
            if a.dep_ in ("dobj", "nsubjpass", "conj", "appos")
        )
    ):
        return table["settlement"].rstrip("?")
    return None


_DRONE_HEADS = frozenset("vehicle aircraft system craft aerial".split())
_DRONE_MODS = frozenset("unmanned uncrewed aerial remotely-piloted pilotless".split())


def _weapon_key(arg: Token) -> str | None:
    """The weapon word an object stands for when it is not one itself: "unmanned aerial vehicles" and "UAVs"
    are drones, a named system is its kind ("Storm Shadow" a missile), and a number or pronoun that counts
    weapons told just before ("All 19 were destroyed", "destroyed all of them") is those weapons."""
    kind = codebook.weapon_spans(arg.doc).get(arg.i)
    if kind in ("drone", "missile", "rocket"):
        return kind
    lemma = lemma_of(arg)
    if lemma in _DRONE_HEADS and any(lemma_of(c) in _DRONE_MODS for c in arg.children):
        return "drone"
    if arg.pos_ in ("NUM", "PRON", "DET") or lemma in ("all", "most", "some", "each", "both", "none"):
        if any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "NOUN" for g in c.children)
            for c in arg.children
        ):
            return None  # "15 of the 18 drones": the noun after "of" is read on its own
        antecedent = codebook.weapon_antecedent(arg)
        if antecedent is not None:
            return antecedent
    return None


_INSTRUMENT_PREPS = frozenset({"with", "using", "by"})


def _antecedent(token: Token) -> list[Token]:
    """The noun a "18 of which" refers to: the nearest noun before it in the sentence."""
    sent_start = token.sent.start
    for i in range(token.i - 1, max(sent_start, token.i - 8) - 1, -1):
        t = token.doc[i]
        if t.pos_ in ("NOUN", "PROPN"):
            return [t]
    return []


_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "compound", "attr", "appos"})
_QUANTITY_NOUNS = frozenset(
    "hundred thousand dozen score tens hundreds thousands dozens number batch".split()
)


def _has_weapon_word(tokens: Iterable[Token], kinds: set[str]) -> bool:
    from .lexicon.weapons import WEAPON_WORDS

    for t in tokens:
        w = WEAPON_WORDS.get(lemma_of(t))
        if w and w[1] in kinds:
            return True
    return False


def _special_kind(token: Token) -> str | None:
    """Constructions that name a weapon-specific event wherever they occur."""
    low = token.lower_
    lemma = lemma_of(token)
    head = token.head
    if low == "suicide" and (
        lemma_of(head) in _SUICIDE_HEADS
        or head.lower_ in _SUICIDE_HEADS_MORE
        or lemma_of(head) in _SUICIDE_HEADS_MORE
    ):
        return "suicide"
    if lemma in ("blow", "detonate", "explode") and any(
        lemma_of(c) == "kill" and any(g.lower_ in ("himself", "herself", "themselves") for g in c.children)
        for c in token.children
    ):
        return "suicide"  # "detonated explosives, killing themselves"
    if lemma in ("blow", "detonate") and any(
        c.lower_ in ("himself", "herself", "themselves") for c in token.children
    ):
        return "suicide"
    if lemma in ("detonate", "explode") and any(lemma_of(c) in ("vest", "belt") for c in token.subtree):
        return "suicide"
    if lemma == "grenade" or low in ("grenades", "grenade"):
        if _launched_grenade(token) or any(c.lower_ in _CROWD_CONTROL for c in token.children):
            return None  # a launcher's grenade is a heavy weapon; a stun grenade disperses a crowd
        return "grenade"
    if lemma in _CHEMICAL and lemma not in ("poison",):
        if lemma == "chemical" and lemma_of(head) not in (
            "attack",
            "weapon",
            "agent",
            "strike",
            "munition",
            "shell",
            "bomb",
            "substance",
            "gas",
        ):
            return None
        if lemma in ("toxic", "poisonous", "nerve", "mustard") and lemma_of(head) not in (
            "gas",
            "agent",
            "substance",
            "chemical",
            "smoke",
        ):
            return None
        return "chemical"
    if lemma == "gas" and any(
        c.lower_ in ("poison", "toxic", "mustard", "nerve", "chlorine", "sarin") for c in token.children
    ):
        return "chemical"
    return None


_CROWD_CONTROL = frozenset("stun flash flash-bang smoke tear gas noise light-and-sound".split())


def _launched_grenade(token: Token) -> bool:
    """A grenade fired from a launcher ("grenade launchers", "rocket-propelled grenades", "RPG"): ACLED's
    Grenade sub-event type is for hand grenades; launchers are heavy weapons (shelling)."""
    if codebook.weapon_spans(token.doc).get(token.i) not in (None, "grenade", "explosive"):
        return True
    doc = token.doc
    return (token.i + 1 < len(doc) and lemma_of(doc[token.i + 1]) in ("launcher", "launch")) or any(
        c.lower_ in ("rocket-propelled", "propelled") for c in token.children
    )


# the words that can make a special kind (_special_kind): other words skip it
_SPECIAL_LEMMAS = frozenset({"blow", "detonate", "explode", "grenade", "gas"}) | _CHEMICAL
_SPECIAL_WORDS = frozenset({"suicide", "grenade", "grenades"})
_VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ", "VBP", "VB"})
# nouns that name an explosion without saying what exploded
_EXPLOSION_NOUNS = frozenset({"explosion", "blast", "detonation"})
# modifiers that put a strike in the air: "air strike", "airborne missile strike", "aviation strike"
_AIR_MODIFIERS = frozenset(
    "air aerial airstrike airborne air-launched aviation aircraft warplane helicopter bomber jet".split()
)
# what makes a march a demonstration ("held a torch march", "a peace march")
_MARCH_VERBS = frozenset("hold stage organise organize lead join".split())
_MARCH_MODS = frozenset(
    "torch torchlight protest peace solidarity memorial commemorative anti-war silent funeral".split()
)
# nouns made specific by their modifiers: "air strike", "drone attack", "artillery fire", "car bomb"
_STRIKE_NOUNS = frozenset(
    {"strike", "attack", "raid", "bombardment", "fire", "bombing", "assault", "barrage"}
)
# the nouns _noun_construction knows
_CONSTRUCTION_NOUNS = frozenset(
    "assault violence abuse attack harassment exploitation talk negotiation swap exchange ceasefire cease-fire "
    "truce armistice agreement deal accord action".split()
)
# the nouns whose modifiers matter, and all the nouns that can be a trigger: other nouns are skipped
_MODIFIED_NOUNS = _STRIKE_NOUNS | _CONSTRUCTION_NOUNS | _EXPLOSIVE_NOUNS
_NOUN_KEYS = (
    _MODIFIED_NOUNS
    | frozenset(NOUN_TRIGGERS)
    | codebook.MONITOR_NOUNS
    | codebook.UXO_NOUNS
    | codebook.DISPLACEMENT_NOUNS
    | _EXPLOSION_NOUNS
    | {"attempt"}
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
            if special in ("grenade", "explosive") and _seized(token):
                continue  # "grenades and ammunition were discovered": the finding is the event
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
                # an inflected form the tagger took for a name ("Ukrainian forces retook Kherson") is a verb
                and (pos != "PROPN" or (token.dep_ == "ROOT" and low != form))
                and not (pos == "NOUN" and lemma in NOUN_TRIGGERS and token.dep_ in _NOUN_DEPS)
            )
        )
        if is_verb:
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
            used = codebook.used_weapon_kind(token, lemma) or codebook.instrument_kind(token, lemma)
            if used and used in WEAPON_KIND_TO_EVENT:
                triggers.append(Trigger(token, WEAPON_KIND_TO_EVENT[used], True, False, (token.i,)))
                continue
            entry = VERB_TRIGGERS[lemma]
            kind, weak = entry.rstrip("?"), entry.endswith("?")
            obj_kind = _object_kind(lemma, token, places)
            if obj_kind == "capture" and lemma == "enter" and codebook.entered_to_fight(token):
                continue  # the fight it led to is the event
            if obj_kind == "interception" or (not obj_kind and kind == "interception"):
                obj_kind = codebook.downed_aircraft_kind(token) or obj_kind
            if obj_kind:
                triggers.append(Trigger(token, obj_kind, True, False, (token.i,)))
            elif not weak:
                triggers.append(Trigger(token, kind, True, False, (token.i,)))
            elif kind:
                triggers.append(Trigger(token, kind, False, False, (token.i,)))
            continue
        if pos in ("NOUN", "PROPN") or (pos == "VERB" and token.tag_ == "NN"):
            key = lemma
            if key not in _NOUN_KEYS:
                continue  # no noun trigger or construction has this word
            if _in_name(token):
                continue  # "the Oromo Liberation Army", "the Popular Mobilisation Forces"
            if (
                token.dep_ == "pobj"
                and token.head.lower_ == "of"
                and lemma_of(token.head.head) in codebook.MONITOR_NOUNS
            ):
                continue  # "35 bursts of heavy-machine-gun fire": the counted bursts are the event
            # compounds: "air strike", "drone attack", "artillery fire", "car bomb"
            mods = (
                {lemma_of(c) for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
                if key in _MODIFIED_NOUNS
                else set()
            )
            if (key in _STRIKE_NOUNS or key in _UNIT_NAMING_NOUNS) and _names_a_unit(token):
                continue  # "the 79th air assault brigade", "assault troops": the kind of a unit, not an event
            if _names_a_warning_or_line(token):
                continue  # "air raid alert", "withdrawal lines", "evacuation routes": no event took place
            if key in _STRIKE_NOUNS:
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
                if mods & {"petrol", "molotov", "fire", "gasoline"} or _seized(token):
                    continue  # petrol bombs are rioters' weapons; found bombs are no explosion
                if _explosive_context(token):
                    triggers.append(Trigger(token, "explosive", True, True, (token.i,)))
                    continue
            under = _came_under_fire(token, places)
            if under:
                triggers.append(Trigger(token, under, True, True, (token.i,)))
                continue
            if key in NOUN_TRIGGERS:
                entry = NOUN_TRIGGERS[key]
                kind, weak = entry.rstrip("?"), entry.endswith("?")
                if key == "strike" and _labour_strike(token):
                    kind, weak = "protest", False
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
                    key == "combat"
                    and token.dep_ in ("compound", "amod", "nmod")
                    and lemma_of(token.head) not in _COMBAT_HEADS
                ):
                    continue  # "combat work", "combat losses", "combat vehicles": a kind of thing, not fighting
                if key == "artillery" and _fired_weapon(token):
                    continue  # "fired small arms and artillery at ...": the firing is the event
                if key in ("attack", "violence", "crackdown", "assault", "shooting", "killing") and any(
                    c.dep_ == "prep"
                    and c.lower_ in ("on", "against")
                    and any(_protesterish(g) for g in c.children if g.dep_ == "pobj")
                    for c in token.children
                ):
                    kind, weak = "protest_force", False  # "attacks against peaceful protesters"
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
    return triggers


_SMALL_ARMS = frozenset("small-arms arm sniper rifle machine-gun machinegun gun automatic gunfire".split())
_TROOPS = frozenset(
    "position troop unit soldier serviceman patrol convoy force fighter marine checkpoint trench outpost".split()
)


def _came_under_fire(token: Token, places: Collection[int] = ()) -> str:
    """ "X came under fire", "positions were under heavy fire": the fire the subject was under, as its kind
    ('' when the noun is not that). A settlement under fire is shelled (remote fire: the common reading in
    war reports); troops or positions under small-arms fire, or under fire at all, were in a clash."""
    if lemma_of(token) not in ("fire", "gunfire") or token.dep_ != "pobj" or token.head.lower_ != "under":
        return ""
    verb = token.head.head
    if lemma_of(verb) not in ("come", "be", "remain", "fall", "find"):
        return ""
    mods = {lemma_of(c).lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
    mods |= {lemma_of(g).lower() for c in token.children if c.dep_ == "compound" for g in c.children}
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return ""
    troops = lemma_of(subject) in _TROOPS
    if not troops and subject.i not in places and not _a_place_or_building(subject):
        return ""  # "the minister came under fire from lawmakers": criticism
    if lemma_of(token) == "gunfire" or mods & _SMALL_ARMS or troops:
        return "clash"
    return "shelling"


_BUILT_NOUNS = frozenset(
    "village town city settlement area district suburb neighbourhood neighborhood region oblast outskirts "
    "building school hospital station plant port airport base train car bus vehicle ship vessel house "
    "home street bridge market".split()
)


def _a_place_or_building(t: Token) -> bool:
    """Is a subject a place, a settlement or a built thing (what fire comes down on)?"""
    return (
        t.ent_type_ in ("GPE", "LOC", "FAC")
        or lemma_of(t).lower() in _BUILT_NOUNS
        or (t.pos_ == "PROPN" and t.ent_type_ not in ("PERSON", "ORG", "NORP"))
    )


def _struck(token: Token) -> bool:
    """ "struck", "strikes" as a verb: a blow, not a labour strike (a protest word only as a noun)."""
    return token.pos_ == "VERB" and lemma_of(token) == "strike"


def _sentence_weapon_kinds(token: Token) -> set[str]:
    """The kinds of the weapons named in the token's sentence (named systems and weapon words)."""
    from .lexicon.weapons import WEAPON_WORDS

    spans = codebook.weapon_spans(token.doc)
    kinds: set[str] = set()
    for t in token.sent:
        kind = spans.get(t.i)
        if kind is None and t.pos_ in ("NOUN", "PROPN"):
            w = WEAPON_WORDS.get(lemma_of(t))
            kind = w[1] if w else None
        if kind is not None:
            kinds.add(kind)
    return kinds


_AERIAL_BOMB_MODS = frozenset(
    "glide gliding guided aerial air aviation cluster barrel kab fab umpk incendiary thermobaric".split()
)


def _aerial_bomb(token: Token, mods: set[str]) -> bool:
    """A bomb dropped from aircraft: a named aerial bomb ("KAB", "FAB-500 bombs", "glide bombs"), a bomb
    with an aerial modifier, or a state's bomb ("a Russian bomb struck a school")."""
    spans = codebook.weapon_spans(token.doc)
    if spans.get(token.i) in ("bomb", "aircraft"):
        return True
    if any(spans.get(c.i) in ("bomb", "aircraft") for c in token.children if c.dep_ in ("compound", "nmod")):
        return True
    if lemma_of(token) != "bomb":
        return False
    return bool({m.lower() for m in mods} & _AERIAL_BOMB_MODS) or codebook.bomb_kind(token) == "bomb"


_STATE_ADVERBS = frozenset("temporarily currently still partially partly".split())
# kinds whose past participle before a noun describes the state of a place, not an event
_STATE_KINDS = frozenset({"clash", "capture", "capture?", "recapture", "recapture?"})
# the nouns "combat" modifies that still name fighting ("combat operations", "combat engagements")
_COMBAT_HEADS = frozenset("operation action engagement clash fighting encounter".split())
# event nouns that also name what a unit does ("a sabotage and reconnaissance group", "raiding party")
_UNIT_NAMING_NOUNS = frozenset("sabotage raid reconnaissance".split())
_UNIT_NOUNS = frozenset(
    "brigade battalion regiment division unit troop force company squad detachment corps platoon formation "
    "battlegroup group team squadron wing".split()
)


# nouns an event word can modify without an event taking place: warnings of one, and lines, zones and plans
# named after one ("air raid alert", "the withdrawal lines", "an evacuation route")
_WARNING_HEADS = frozenset(
    "alert alarm warning siren threat danger shelter drill risk line zone plan deadline route corridor schedule "
    "order map".split()
)


def _names_a_warning_or_line(token: Token) -> bool:
    t = token
    while t.dep_ in ("compound", "amod", "nmod") and t.head.i != t.i:
        t = t.head
        if lemma_of(t) in _WARNING_HEADS:
            return True
    return False


def _names_a_unit(token: Token) -> bool:
    """Is a strike noun part of the name of a kind of unit ("air assault brigade", "assault troops", "the
    Strike Group")?"""
    t = token
    while t.dep_ in ("compound", "amod", "nmod") and t.head.i != t.i:
        t = t.head
        if lemma_of(t) in _UNIT_NOUNS:
            return True
    return False


def _names_a_weapon(token: Token) -> bool:
    from .lexicon.weapons import WEAPON_WORDS

    return lemma_of(token) in WEAPON_WORDS or token.i in codebook.weapon_spans(token.doc)


def _fired_weapon(token: Token) -> bool:
    """Is the noun what a firing verb fired or used ("fired small arms and heavy artillery", "used
    artillery")?"""
    t = token
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("dobj", "npadvmod") and lemma_of(t.head) in ("fire", "use", "shoot")


def _slashed(token: Token) -> bool:
    """Is the noun a later member of a slash-joined list ("explosions/shots/bursts")?"""
    return token.i > 0 and token.doc[token.i - 1].text == "/"


def _codebook_noun_kind(token: Token, key: str, monitored: set[tuple[int, bool]]) -> str | None:
    """The kind of the nouns whose construction the codebook types (see spotrep.codebook): counts in monitoring
    reports, unexploded ordnance, explosions, evacuations. '-' means: no trigger (a count already reported by
    another noun of the same observing verb)."""
    if key in codebook.MONITOR_NOUNS:
        verb = codebook.monitor_verb(token)
        if verb is not None:
            # "heard 14 explosions and 60 bursts of small-arms fire": the explosions are shelling, the bursts
            # a clash, two events; "7 explosions/shots/bursts of fire" is one count, one event
            count = (verb.i, codebook.monitored_fire(token))
            if count in monitored or _slashed(token):
                return "-"
            monitored.add(count)
            return codebook.monitoring_kind(token)
    if key in codebook.UXO_NOUNS and codebook.unexploded(token):
        return "explosive"
    if key in _EXPLOSION_NOUNS:
        # "explosions rocked the area as militants fired rockets": the weapon the sentence names made them
        return weapon_event_kind(_sentence_weapon_kinds(token)) or "explosion"
    if key in codebook.DISPLACEMENT_NOUNS and codebook.displacement_noun(token):
        return "displacement"
    return None


_PERSON_OBJECTS = frozenset(
    "member suspect militant fighter people person man woman migrant smuggler terrorist insurgent rebel "
    "jihadist bandit gunman recruit officer foreigner resident national citizen official".split()
)
_VIOLATION_VERBS = frozenset(
    "violate breach break collapse end undermine threaten jeopardise jeopardize".split()
)
_VIOLATION_NOUNS = frozenset("violation breach violator".split())
# what is done with an agreement already in force
_HELD_AGREEMENT = frozenset(
    "adherence compliance observance respect monitoring monitor observe maintain uphold sustain "
    "strengthen".split()
)
_TALK_VERBS = frozenset(
    "hold start begin join resume launch open conduct enter attend host continue restart convene".split()
)


def _objects(token: Token) -> list[Token]:
    """Objects of a verb (direct, passive subject, the noun a participle modifies), and their conjuncts."""
    out = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("acl", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        out.append(token.head)
    if token.dep_ == "conj" and token.head.pos_ == "VERB":
        out.extend(c for c in token.head.children if c.dep_ in ("dobj", "nsubjpass"))
    for conj in token.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB":
            out.extend(c for c in conj.children if c.dep_ == "dobj")
    return out


# a place seized is territory even when its name speaks of weapons ("seized a rocket-launching site")
_TERRITORY_HEADS = TERRITORY_NOUNS - {"depot"}
_TAKING_VERBS = frozenset({"seize", "capture"})


def _seized_objects(token: Token) -> list[Token]:
    """_objects, and the subject of a clause the parser hung on the verb ("discovered a large amount of
    ammunition believed to belong to ...")."""
    out = _objects(token)
    out += [
        g for c in token.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in ("nsubj", "nsubjpass")
    ]
    return out


def _names_weapons(obj: Token) -> bool:
    """Does a noun phrase name weapons ('an arms cache', 'a large amount of ammunition', 'a hideout used to
    store arms', 'two explosive devices')?"""
    for t in obj.subtree:
        if lemma_of(t) in SEIZED_WEAPONS and t.pos_ in ("NOUN", "PROPN", "ADJ"):
            if lemma_of(t) == "device" and not any(
                lemma_of(c) in ("explosive", "incendiary") for c in t.children
            ):
                continue
            if lemma_of(t) == "mine" and t.pos_ == "PRON":
                continue
            return True
        if lemma_of(t) == "arm" and t.tag_ == "NNS":
            return True
    return False


# the verbs _verb_construction knows
_FIRE_VERBS = frozenset({"fire", "shoot", "open"})
_ANSWER_VERBS = frozenset({"return", "respond"})
_CONSTRUCTION_VERBS = (
    frozenset(
        {
            "agree",
            "release",
            "hand",
            "intercept",
            "assault",
            "attack",
            "abuse",
            "bomb",
            "enter",
            "set",
            "drop",
        }
    )
    | frozenset(SEIZURE_VERBS)
    | _FIRE_VERBS
    | _ANSWER_VERBS
    | codebook.DAMAGE_VERBS
    | codebook.DISPLACEMENT_VERBS
    | codebook.DEBRIS_VERBS
)


def _verb_construction(token: Token, lemma: str) -> str | None:
    """Verbs whose kind depends on their construction. '-' means: no trigger."""
    if lemma not in _CONSTRUCTION_VERBS:
        return None
    if lemma in codebook.DEBRIS_VERBS:
        debris = codebook.debris_kind(token, lemma)
        if debris:
            return debris
    if lemma in codebook.DAMAGE_VERBS:
        doer = codebook.remote_doer_kind(token)
        if doer:
            return doer  # "drones destroyed a building": a drone strike, not property destruction
        if lemma not in SEIZURE_VERBS:
            return None
    if lemma in _FIRE_VERBS:
        return codebook.fire_kind(token, lemma)
    if lemma in _ANSWER_VERBS:
        return "clash" if codebook.return_fire(token, lemma) else None
    if lemma in codebook.DISPLACEMENT_VERBS:
        return codebook.displacement_kind(token, lemma)
    if lemma == "bomb":
        return codebook.bombing_kind(token)
    if lemma == "drop":
        return codebook.dropped_kind(token)
    if lemma == "enter":
        if codebook.craft_entered(token):
            return "-"  # "military planes entered the air defence identification zone": no ground taken
        return "capture" if codebook.forces_entered(token) else None
    if lemma == "set":
        # "set fire to a car", "set a house on fire": arson (ACLED: property destruction); not "the cease-fire
        # agreement is set to take effect"
        heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
        if any(c.dep_ == "dobj" and lemma_of(c) == "fire" for c in token.children) or any(
            c.dep_ == "prep" and c.lower_ == "on" and any(lemma_of(g) == "fire" for g in c.children)
            for h in heads
            for c in h.children
        ):
            return "looting"
        return None
    if lemma == "agree":
        if token.dep_ in ("acl", "amod") and lemma_of(token.head) in _AGREED_THINGS:
            return "-"  # "despite a cease-fire agreed in Minsk last week": the agreement named, told before
        return "agreement" if _conflict_agreement(token) else "-"
    if (
        lemma == "release" and any(lemma_of(o) in RELEASED_PEOPLE or o.pos_ == "NUM" for o in _objects(token))
    ) or (
        lemma == "release"
        and any(
            c.dep_ == "prep" and any(lemma_of(g) == "exchange" for g in c.children) for c in token.children
        )
    ):
        return "agreement"
    if (
        lemma == "hand"
        and any(c.lower_ == "over" for c in token.children)
        and any(lemma_of(o) in HANDED_OVER or o.ent_type_ in ("GPE", "LOC", "FAC") for o in _objects(token))
    ):
        return "withdrawal"
    if lemma == "intercept" and any(lemma_of(o) in _PERSON_OBJECTS for o in _objects(token)):
        return "arrest"  # "intercepted 15 suspected members of a terrorist group"
    if lemma in SEIZURE_VERBS and any(
        _names_weapons(o) and not (lemma in _TAKING_VERBS and lemma_of(o) in _TERRITORY_HEADS)
        for o in _seized_objects(token)
    ):
        if lemma in ("destroy", "neutralise", "neutralize") and not any(
            lemma_of(t)
            in ("cache", "depot", "stash", "device", "ied", "mine", "explosive", "landmine", "bomb")
            for o in _objects(token)
            for t in o.subtree
        ):
            return None  # "destroyed 17 drones": an interception; "destroyed a tank": no seizure
        if lemma == "capture" and not any(
            lemma_of(t) in ("weapon", "arm", "ammunition", "cache", "arsenal", "explosive", "rifle")
            for o in _objects(token)
            for t in o.subtree
        ):
            return None
        return "weapons_seizure"
    if lemma in ("assault", "attack", "abuse") and any(c.lower_ == "sexually" for c in token.children):
        return "sexual"
    if lemma in ("attack", "assault") and codebook.untargeted_attack(token):
        return "assault"  # "the enemy attacked 34 times near Lysivka": ground attacks on the other side
    return None


# what the sides of a conflict agree to do (ACLED's Agreement): stop fighting, part, exchange, talk
_AGREED_ACTIONS = frozenset(
    "withdraw move pull leave retreat release exchange swap free return hand cease stop halt end suspend "
    "observe respect honour honor extend resume hold start begin open allow evacuate disarm demobilise "
    "demobilize surrender lay share form recognise recognize negotiate talk establish create sign "
    "implement reopen restore".split()
)
_AGREED_THINGS = frozenset(
    "ceasefire cease-fire truce deal accord agreement swap exchange release withdrawal pullout talk "
    "negotiation peace plan corridor pause halt handover settlement roadmap framework armistice "
    "de-escalation disengagement memorandum protocol terms".split()
)


def _conflict_agreement(token: Token) -> bool:
    """Does "agree" tell an agreement between sides of a conflict ("agreed to a ceasefire", "agreed to
    withdraw", "agreed on a prisoner swap")? Not "agree that ...", nor allies agreeing on their own business
    ("agreed to step up deliveries of air defence systems")."""
    for c in token.children:
        if c.dep_ == "xcomp" and lemma_of(c) in _AGREED_ACTIONS:
            return True
        objects = [c] if c.dep_ == "dobj" else []
        if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon"):
            objects = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
        for o in objects:
            if lemma_of(o) in _AGREED_THINGS or lemma_of(o) in _AGREED_ACTIONS:
                return True
            if any(lemma_of(m) in _AGREED_THINGS for m in o.children if m.dep_ in ("compound", "amod")):
                return True
    return False


def _noun_construction(token: Token, key: str, mods: set[str]) -> str | None:
    """Nouns whose kind depends on their modifiers or their verb."""
    if key not in _CONSTRUCTION_NOUNS:
        return None
    if key == "action":
        # bulletins: "offensive actions", "assault actions" (ground attacks), "combat actions" (fighting)
        if mods & {"offensive", "assault", "storming", "attack"}:
            return "assault"
        return "clash" if mods & {"combat", "fighting"} else None
    head = lemma_of(token.head)
    if key in ("assault", "violence", "abuse", "attack", "harassment", "exploitation") and mods & {
        "sexual",
        "gender-based",
    }:
        return "sexual"
    if (
        key in ("talk", "negotiation")
        and token.tag_ in ("NNS", "NNPS")
        and (mods & {"peace", "ceasefire", "direct", "indirect", "truce"} or head in _TALK_VERBS)
    ):
        return "agreement"
    if key in ("swap", "exchange") and (
        mods & {"prisoner", "body", "detainee", "captive", "hostage", "pow"}
        or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(lemma_of(g) in RELEASED_PEOPLE for g in c.children)
            for c in token.children
        )
    ):
        return "agreement"
    if key in ("ceasefire", "cease-fire", "truce", "armistice") and head in _VIOLATION_NOUNS:
        return "-"  # "ceasefire violations": fire, not an agreement
    holder = lemma_of(token.head.head) if token.dep_ == "pobj" else head  # "adherence to ceasefires"
    if key in ("ceasefire", "cease-fire", "truce", "armistice") and (
        head in _HELD_AGREEMENT or holder in _HELD_AGREEMENT
    ):
        return "-"  # "monitor adherence to localized ceasefires": an agreement in force, not a new one
    if key in ("ceasefire", "cease-fire", "truce", "armistice") and head not in _VIOLATION_VERBS:
        return "agreement"
    if (
        key in ("agreement", "deal", "accord")
        and mods & {"ceasefire", "cease-fire", "peace", "truce"}
        and (head not in _VIOLATION_VERBS)
    ):
        return "agreement"
    return None


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


def _seized(token: Token) -> bool:
    """Is a weapon word the object of finding, seizing or clearing ('a cache of grenades was found',
    'sappers cleared 300 landmines', 'police defused a bomb')?"""
    t = token
    for _ in range(4):
        if t.head.i == t.i:
            return False
        if t.dep_ not in ("dobj", "nsubjpass", "pobj", "prep", "conj", "compound", "appos", "acl", "amod"):
            return False
        t = t.head
        if t.pos_ == "VERB":
            lemma = lemma_of(t)
            if lemma in SEIZURE_VERBS | {"clear", "defuse", "dismantle", "deactivate", "disarm"}:
                return lemma not in ("destroy", "capture") or token.dep_ != "nsubj"
            return False
    return False


def _in_name(token: Token) -> bool:
    """A capitalised word inside the name of an organisation, a person or a work is no event."""
    if token.ent_type_ not in ("ORG", "PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "FAC"):
        return False
    return token.text[:1].isupper() and not token.is_sent_start


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
    if noun in CROWD_NOUNS and lemma in GATHERING_VERBS and (protest_words() or _demonstrative(token)):
        if lemma in ("block", "shut") and _blocks_road(token):
            return "riot"
        return "protest"
    return None


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
    if (
        doer is not None
        and lemma in _MOB_VERBS
        and (
            lemma_of(doer) in _MOB_NOUNS
            or (
                lemma_of(doer) in ("resident", "villager", "crowd", "people", "youth")
                and any(c.lower_ in ("angry", "irate", "enraged", "furious") for c in doer.children)
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


_PROTEST_FAMILY = frozenset({"protest", "protest_force", "riot"})
_FORCE_VERBS = frozenset("kill wound injure shoot die hurt maim".split())
# beating demonstrators disperses or suppresses a protest (ACLED: intervention); only a severe beating is
# excessive force
_BEATING_VERBS = frozenset({"beat"})
_SEVERE = frozenset("brutally severely badly savagely viciously mercilessly".split())
_INTERVENTION_NOUNS = frozenset("teargas tear-gas cannon baton truncheon bullet pellet spray grenade".split())
_INTERVENTION_VERBS = frozenset("disperse arrest detain chase scatter clear break block stop prevent".split())


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


def weapon_event_kind(weapon_kinds: Iterable[str]) -> str | None:
    """The strike kind that a set of weapon kinds implies (most specific first)."""
    kinds = {WEAPON_KIND_TO_EVENT[w] for w in weapon_kinds if w in WEAPON_KIND_TO_EVENT}
    for k in PRIORITY:
        if k in kinds:
            return k
    return None


@dataclass
class Typing:
    kind: str
    sub_event_type: str
    categories: list[str]

    @property
    def event_type(self) -> str:
        return SUB_EVENT_TYPES[self.sub_event_type]


def primary_kind(kinds: Iterable[str]) -> str | None:
    ranked = sorted(set(kinds), key=lambda k: _RANK.get(k, 999))
    return ranked[0] if ranked else None


def classify(
    kinds: Iterable[str],
    *,
    weapon_kinds: Iterable[str] = (),
    context_lemmas: Iterable[str] = (),
    agent_kind: str | None = None,
    victim_kind: str | None = None,
    victim_lemmas: Iterable[str] = (),
    agent_is_state: bool = False,
    agent_country: str | None = None,
    place_country: str | None = None,
    aggregate: bool = False,
) -> Typing | None:
    """ACLED typing of one clause group.

    ``kinds``: the kinds of its triggers; ``weapon_kinds``: kinds of the weapons named in it;
    ``context_lemmas``: the lemmas of its words (for protest and riot cues); the agent/victim kinds come from
    the actor stage; ``aggregate`` marks a tally ("three civilians were killed in the region over the last
    24 hours").
    """
    kinds = set(kinds)
    weapon_kinds = set(weapon_kinds)
    context = set(context_lemmas)
    victims = set(victim_lemmas)
    categories: list[str] = []

    # "X bombed Y" without an aircraft or a group named by a word: an army bombs from the air, an armed group
    # or an unknown bomber plants a bomb (ACLED)
    if "bombing" in kinds:
        kinds.discard("bombing")
        from_air = agent_kind in ("military", "government") or bool(weapon_kinds & {"aircraft", "bomb"})
        kinds.add("air_strike" if from_air else "explosive")
    # a generic strike made specific by its weapon ("a missile hit", "a drone wounded two policemen")
    generic = {"attack", "kill", "wound", "destroy", "clash", "explosion"}
    weapon_kind = weapon_event_kind(weapon_kinds)
    if (
        weapon_kind in ("shelling", "missile")
        and "small_arms" in weapon_kinds
        and kinds & {"attack", "clash"}
    ):
        # ACLED: fire that involves small arms, alone or with heavier weapons, is not remote violence
        weapon_kind = None
    if (
        weapon_kind
        and (kinds & generic or not kinds)
        and not (kinds & {"protest", "riot", "mob"})
        and not (weapon_kind == "grenade" and "weapons_seizure" in kinds)
    ):
        kinds.add(weapon_kind)
    if (
        kinds & {"shelling", "missile"}
        and weapon_kinds & {"aircraft", "bomb"}
        and not kinds & {"interception", "shootdown", "air_combat"}
    ):
        kinds.add("air_strike")  # missiles launched and bombs dropped from aircraft: an air strike (ACLED)
    if "explosive" in kinds and "bomb" in weapon_kinds:
        kinds.discard("explosive")  # a glide bomb is never an IED
        kinds.add("air_strike")
    if "explosion" in kinds and kinds & (CAUSE_KINDS - {"explosion", "protest", "protest_force", "riot"}):
        kinds.discard("explosion")  # the explosion of a shell, a drone, a mine: the weapon names the event
    if kinds & {"grenade", "explosive"} and "drone" in weapon_kinds:
        kinds -= {"grenade", "explosive"}  # a drone dropping a grenade or a bomb is a drone strike
        kinds.add("drone_strike")

    # protests: what happened to (or by) the protesters decides the sub-event type
    protest_context = bool(kinds & {"protest", "riot"}) or (
        bool(context & (PROTEST_WORDS - {"strike", "march", "crowd"}))
        and bool(kinds & {"arrest", "clash", "kill", "wound", "attack", "looting"})
    )
    if protest_context and not kinds & {
        "suicide",
        "explosive",
        "air_strike",
        "shelling",
        "missile",
        "chemical",
    }:
        state_force = agent_kind in ("police", "military") or bool(context & {"police", "security", "riot"})
        if (
            (kinds & {"kill", "wound", "protest_force"} or context & PROTEST_FORCE)
            and state_force
            and (victim_kind in (None, "protesters", "civilians"))
            and (context & {"kill", "shoot", "wound", "injure", "live", "brutally", "protest_force"})
        ):
            kinds = {"protest_force"}
        elif context & RIOT_WORDS and (
            "riot" in kinds
            or not context & PROTEST_INTERVENTION
            or context
            & {
                "throw",
                "hurl",
                "pelt",
                "torched",
                "torching",
                "vandalise",
                "vandalize",
                "molotov",
                "stone",
                "rock",
                "loot",
                "smash",
            }
        ):
            kinds = {"riot"}
        elif context & PROTEST_INTERVENTION or "arrest" in kinds:
            return Typing("protest", "Protest with intervention", ["protest"])
        elif "riot" in kinds:
            kinds = {"riot"}
        else:
            kinds = {"protest"}

    # artillery fired inside a ground battle is part of the battle (ACLED)
    if kinds & {"advance", "assault", "clash"} and "shelling" in kinds:
        kinds.discard("shelling")
        categories.append("shelling")
    kind = primary_kind(k for k in kinds if k not in MODIFIER_KINDS or len(kinds) == 1)
    if kind is None:
        kind = primary_kind(kinds)
    if kind is None:
        return None
    if kind == "destroy":
        return None
    sub, cats = KINDS[kind]
    categories[:0] = cats

    if kind == "attack" and victims and victims <= _PROPERTY_TARGETS and not kinds & {"kill", "wound"}:
        sub, categories = "Looting/property destruction", ["looting"]
    elif kind in ("attack", "kill", "wound"):
        military_victim = victim_kind in ("military", "police", "armed_group") or bool(
            victims & _MILITARY_TARGETS
        )
        civilian_victim = victim_kind == "civilians" or bool(victims & _CIVILIAN_TARGETS)
        if military_victim and not civilian_victim:
            sub, categories = "Armed clash", ["armed_clash"]
        elif kind in ("kill", "wound") and agent_kind is None and aggregate:
            categories = (
                ["casualty_report", "attack_on_civilians"] if civilian_victim else ["casualty_report"]
            )
            sub = "Attack" if civilian_victim or not military_victim else "Armed clash"
        elif agent_kind == "military" and not civilian_victim and "clash" in kinds:
            sub, categories = "Armed clash", ["armed_clash"]
    elif kind == "capture":
        # ACLED: a government (or its forces) retaking its own territory "regains"; anyone else "overtakes"
        own_ground = agent_is_state and agent_country and place_country and agent_country == place_country
        if own_ground:
            sub = "Government regains territory"
        if context & {"unopposed", "resistance", "deserted", "vacated", "abandoned"} or "withdrawal" in kinds:
            sub = "Non-violent transfer of territory"
    elif kind == "recapture":
        if agent_kind in ("armed_group",) and not agent_is_state:
            sub = "Non-state actor overtakes territory"
    elif kind == "withdrawal":
        if kinds & {"clash", "assault", "shelling", "attack"} or context & {
            "fire",
            "assault",
            "fighting",
            "attack",
            "shelling",
            "pressure",
        }:
            sub = "Armed clash"
    elif kind == "interception" and weapon_kinds & {"drone"}:
        pass

    # categories of the other kinds in the group, when they add information
    for k in sorted(kinds, key=lambda k: _RANK.get(k, 999)):
        if k == kind or k not in KINDS:
            continue
        extra = KINDS[k][1]
        if k in ("kill", "wound", "attack") and kind not in ("kill", "wound", "attack"):
            if victim_kind == "civilians" and kind in (
                "shelling",
                "missile",
                "air_strike",
                "drone_strike",
                "explosive",
            ):
                categories.append("attack_on_civilians")
            continue
        if k in ("disruption", "drone_strike", "air_strike", "missile", "shelling", "advance"):
            categories.extend(extra)
    if aggregate and kind in ("kill", "wound", "attack", "shelling", "missile", "air_strike", "drone_strike"):
        categories.append("casualty_report")
    return Typing(kind, sub, list(dict.fromkeys(categories)))
