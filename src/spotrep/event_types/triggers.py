"""The Trigger record and what a trigger word's parse tells: its lemma, its arguments and objects, the weapon it names,
special kinds (launched grenades, codebook constructions)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import codebook
from ..lexicon.actors import ACTOR_NOUNS
from ..lexicon.triggers import (
    FORMS,
    VERB_OBJECTS,
)
from ..wordcache import MAX_ENTRIES, lemma_lower

if TYPE_CHECKING:
    from spacy.tokens import Token
from .vocabulary import (
    _CHEMICAL,
    _SUICIDE_HEADS,
    _SUICIDE_HEADS_MORE,
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
    if token.dep_ == "compound" and token.pos_ in ("NOUN", "PROPN") and token.lower_ in FORMS:
        out.append(token.head)  # headline verbs parsed as nouns: "Ukraine downs drones"
    return out


_TOLL_NOUNS = frozenset("toll balance tally result outcome bilan loss casualty".split())


def in_a_toll_list(token: Token) -> bool:
    """Is the verb in a list of a toll, after its label ("Provisional toll: four terrorists neutralised; two
    soldiers killed", "- On the enemy side: about ten terrorists neutralised")?"""
    sent = token.sent
    for t in token.doc[sent.start : token.i]:
        nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
        if nxt is not None and nxt.text == ":" and (lemma_of(t) in _TOLL_NOUNS or t.lower_ == "side"):
            return True
    return False


def elided_passive_subject(token: Token) -> Token | None:
    """The subject of a headline's passive told without its auxiliary ("Haqqani leader captured in Khost",
    "Taliban commander detained in Helmand"): in a line with no full stop, a past form with a subject, no
    object and no auxiliary says what was done to the subject."""
    if token.tag_ not in ("VBD", "VBN"):
        return None
    # a toll: "The provisional toll is at least forty terrorists neutralised and weapons recovered"
    toll = (
        token.dep_ in ("ccomp", "attr")
        and lemma_of(token.head) == "be"
        and any(c.dep_ == "nsubj" and lemma_of(c) in _TOLL_NOUNS for c in token.head.children)
    ) or in_a_toll_list(token)
    if not toll:
        if token.dep_ not in ("ROOT", "conj"):
            return None
        last = token.sent[-1]
        if last.is_punct and last.text in ".!?":
            return None  # a sentence of the body: "Russian troops captured." is what they did
    if any(c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp") for c in token.children):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    table = VERB_OBJECTS.get(lemma_of(token)) or {}
    if subject is None or (lemma_of(subject) not in ACTOR_NOUNS and lemma_of(subject) not in table):
        return None
    return subject


def _object_kind(lemma: str, token: Token, places: Collection[int] = ()) -> str | None:
    """The kind a verb's object makes of it ("seized weapons", "took control"); ``places`` are the tokens of the
    sentence's toponyms, an object among them being a place taken ("seized Ocheretyne", "occupied Kherson")."""
    table = VERB_OBJECTS.get(lemma)
    if not table or (lemma == "put" and not _out_of_action(token)):
        return None
    args = [
        a
        for a in _arguments(token)
        if not (a.dep_ == "prep" and a.lower_ in _INSTRUMENT_PREPS)
        and not (a.dep_ == "pobj" and a.head.lower_ in _INSTRUMENT_PREPS)
    ]
    elided = elided_passive_subject(token)
    if elided is not None:
        args.append(elided)
    for arg in list(args):  # "hundreds of soldiers were moved": the noun after "of"
        if arg.dep_ in ("dobj", "nsubjpass") and (arg.pos_ == "NUM" or lemma_of(arg) in _QUANTITY_NOUNS):
            of = next((c for c in arg.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None:
                args.extend(g for g in of.children if g.dep_ == "pobj")
                if any(g.lower_ in ("which", "whom") for g in of.children):
                    args.extend(_antecedent(arg))  # "25 drones, 18 of which were destroyed"
                elif any(g.lower_ in ("them", "those") for g in of.children):
                    # "engaged the terrorists, neutralising 13 of them": the people told before
                    args.extend(_people_before(arg))
    # "were wounded and taken to hospital": the wounded cared for, nobody taken away
    care = any(
        c.dep_ == "prep" and any(lemma_of(g) in _CARE_PLACES for g in c.children) for c in token.children
    )
    civilian = table.get("civilian")
    if civilian:
        # (with the nouns before them: "took 30 soldiers prisoner" is parsed "soldiers prisoner")
        # (taken by someone: "gunmen took ten passengers", "ten passengers were taken by gunmen"; not "the
        # victim was taken to hospital")
        by = any(c.dep_ == "agent" for c in token.children)
        taken = [
            ACTOR_NOUNS.get(lemma_of(t))
            for a in args
            if a.dep_ == "dobj" or (a.dep_ == "nsubjpass" and by)
            for t in (a, *(c for c in a.children if c.dep_ == "compound"))
        ]
        if "civilians" in taken and "military" not in taken and not care:
            # "took four men from the village to use as porters": civilians taken away (not the village)
            return civilian.rstrip("?")
    if any(table.get(lemma_of(a)) == "!" for a in args if a.dep_ == "dobj"):
        return None  # an idiom: the object says the verb takes nothing ("took place")
    if lemma == "evacuate" and (care or _the_wounded_moved(token, args)):
        return None  # "the wounded soldiers have been evacuated": a casualty evacuation, no unit withdrawn
    if lemma == "set" and any(
        lemma_of(a) in _ARSON_WORDS
        and (a.head.i == token.i or (a.dep_ == "pobj" and a.head.lower_ == "on" and a.head.head.i == token.i))
        for a in args
    ):
        # arson (ACLED: property destruction): "set ablaze a police headquarters", "set fire to the market",
        # "set the market on fire" (whatever was set alight; not "the cease-fire agreement is set to ...")
        return "looting"
    for arg in args:
        key = _weapon_key(arg) or lemma_of(arg)
        if arg.pos_ == "NUM" and any(c.dep_ == "amod" and c.lower_ == "other" for c in arg.children):
            key = "other"  # "neutralised five assailants and captured one other": one more of them
        elif (
            arg.pos_ == "NUM"
            and arg.dep_ in ("nsubjpass", "dobj")
            and not any(c.dep_ == "prep" for c in arg.children)
            and _people_before(arg)
        ):
            key = "other"  # "47 of their elements were killed, 12 were captured": more of the people counted
        if key == "tank" and any(
            c.dep_ in ("compound", "amod") and c.lower_ in _TANK_CONTENTS for c in arg.children
        ):
            key = "property"  # "destroyed a water tank": a farmer's property, no armour
        if key == "civilian" and care:
            continue
        if (
            lemma in _CARRY_VERBS
            and arg.dep_ == "pobj"
            and arg.head.lower_ in ("to", "into", "towards")
            and table.get(key, "").rstrip("?") == "capture"
        ):
            continue  # "the suspect was taken to the camp for questioning": where he was brought, nothing taken
        if key == "operation" and any(
            lemma_of(c) in _SEARCH_OPERATIONS for c in arg.children if c.dep_ in ("amod", "compound")
        ):
            continue  # "launched a joint search operation": looking for someone, no fight told yet
        if (
            arg.dep_ == "compound"
            and lemma_of(arg) in ACTOR_NOUNS
            and arg.head.pos_ == "NOUN"
            and lemma_of(arg.head) not in ACTOR_NOUNS
        ):
            continue  # "captured the insurgent stronghold": whose stronghold, no insurgent taken
        if key in table and table[key] not in ("?", "!"):
            return table[key].rstrip("?")
    person = table.get("person")
    if person and any(
        lemma_of(a) in ACTOR_NOUNS or _armed_elements(a)
        for a in args
        if a.dep_ in ("dobj", "nsubjpass", "conj", "appos")
    ):
        # "executed three farmers", "executed two village chiefs": any person the verb is done to
        return person.rstrip("?")
    named = table.get("named")
    if named and any(
        (a.ent_type_ == "PERSON" or a.lower_ == "alias") and a.i not in places
        for a in args
        if a.dep_ in ("dobj", "nsubjpass")
    ):
        # "captured Abu Hassan al-Iraqi", "captured alias 'El Flaco'": a person taken, not ground
        return named.rstrip("?")
    thing = table.get("thing")
    if thing and any(
        a.pos_ == "NOUN" and lemma_of(a) not in ACTOR_NOUNS and _weapon_key(a) is None
        for a in args
        if a.dep_ in ("dobj", "nsubjpass", "conj")
    ):
        # "burned the school and the health centre": any thing (not a person) the verb is done to
        return thing.rstrip("?")
    # a named place as the object: what the verb does to a settlement (a person's name the gazetteer also knows
    # is no place token: "police seized Ivanov")
    if (
        places
        and table.get("settlement", "?") != "?"
        and any(a.i in places for a in args if a.dep_ in ("dobj", "nsubjpass", "conj", "appos"))
    ):
        return table["settlement"].rstrip("?")
    return None


def _armed_elements(noun: Token) -> bool:
    """ "the terrorist elements", "takfiri elements", "criminal cadres": armed people named by what they are."""
    return lemma_of(noun) in ("element", "cadre") and any(
        c.dep_ in ("amod", "compound") and lemma_of(c) in ACTOR_NOUNS for c in noun.children
    )


_ARSON_WORDS = frozenset("ablaze alight afire fire".split())
_SEARCH_OPERATIONS = frozenset(
    "search cordon combing sanitisation sanitization clearance rescue recovery sweep relief evacuation "
    "humanitarian demining".split()
)
_CARRY_VERBS = frozenset("take bring carry transfer move escort".split())
# where the wounded and the rescued are taken
_CARE_PLACES = frozenset("hospital clinic safety shelter morgue hospice ambulance care".split())

# what a tank that is no armour holds: "a water tank", "fuel tanks", "a storage tank"
_TANK_CONTENTS = frozenset("water fuel oil gas petrol diesel storage septic reservoir".split())
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


_WOUND_WORDS = frozenset("wound injure injured wounded hurt casualty".split())


def _the_wounded_moved(token: Token, args: Iterable[Token]) -> bool:
    """Whether the people a verb moves are the wounded: "the wounded soldiers were evacuated", "a soldier was
    wounded and evacuated", "evacuated the casualties", "evacuated for treatment"."""
    if any(lemma_of(a) in _WOUND_WORDS or any(lemma_of(c) in _WOUND_WORDS for c in a.children) for a in args):
        return True
    if token.dep_ == "conj" and lemma_of(token.head) in _WOUND_WORDS:
        return True
    if any(lemma_of(c) in _WOUND_WORDS for c in token.children if c.dep_ == "conj"):
        return True
    return any(
        c.dep_ == "prep" and any(lemma_of(g) in ("treatment", "care") for g in c.children)
        for c in token.children
    )


def _antecedent(token: Token) -> list[Token]:
    """The noun a "18 of which" refers to: the nearest noun before it in the sentence."""
    sent_start = token.sent.start
    for i in range(token.i - 1, max(sent_start, token.i - 8) - 1, -1):
        t = token.doc[i]
        if t.pos_ in ("NOUN", "PROPN"):
            return [t]
    return []


_AIMING_VERBS = frozenset({"target"})
# what an armed group aims at when it attacks: people, forces and the places they hold
_AIMED_AT = frozenset(
    "post base checkpoint convoy patrol camp outpost position station barracks detachment village town "
    "vehicle bus".split()
)


def armed_group_aimed(token: Token) -> bool:
    """Is an aiming verb done by an armed group to people, forces or their posts ("terrorists targeted an army
    post", "FAMa units were targeted by armed terrorist groups")? Such a verb tells an attack."""
    if lemma_of(token) not in _AIMING_VERBS:
        return False
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not any(ACTOR_NOUNS.get(lemma_of(d)) == "armed_group" for d in doers):
        return False
    aimed = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(lemma_of(a) in ACTOR_NOUNS or lemma_of(a) in _AIMED_AT for a in aimed)


def _out_of_action(token: Token) -> bool:
    """ "put 19 terrorists out of action" (not "put the suspects in custody")."""
    return any(
        c.lower_ == "out"
        and any(g.lower_ == "of" and any(a.lower_ == "action" for a in g.children) for g in c.children)
        for c in token.children
    )


def _people_before(token: Token) -> list[Token]:
    """The people a "13 of them" counts: the nearest plural noun of people before it in the sentence."""
    for i in range(token.i - 1, max(token.sent.start, token.i - 25) - 1, -1):
        t = token.doc[i]
        if t.pos_ == "NOUN" and t.tag_ == "NNS" and (lemma_of(t) in ACTOR_NOUNS or _armed_elements(t)):
            return [t]
    return []


_QUANTITY_NOUNS = frozenset(
    "hundred thousand dozen score tens hundreds thousands dozens number batch".split()
)


def _has_weapon_word(tokens: Iterable[Token], kinds: set[str]) -> bool:
    from ..lexicon.weapons import WEAPON_WORDS

    for t in tokens:
        w = WEAPON_WORDS.get(lemma_of(t))
        if w and w[1] in kinds:
            return True
    return False


# the work of making, laying or moving devices: "directs the production of IEDs"
_DEVICE_WORK = frozenset(
    "production manufacture manufacturing making construction assembly emplacement planting transport "
    "smuggling supply trafficking facilitation distribution procurement movement recruitment training".split()
)

# what people do to a device before it is used: told of them in a relative clause, no explosion
_READYING_VERBS = frozenset(
    {
        "emplace", "plant", "lay", "place", "carry", "transport", "build", "make", "assemble", "manufacture",
        "produce", "construct", "smuggle", "supply", "store",
    }
)  # fmt: skip


# the people and groups named after the bombs they make or lay ("IED emplacers", "an IED facilitator", "a bomb
# cell leader")
BOMB_PEOPLE_NOUNS = frozenset(
    "emplacer planter maker builder facilitator cell network expert specialist smuggler trafficker "
    "supplier financier team".split()
)


def bomb_people(token: Token) -> bool:
    """Is a weapon word what names people by the bombs they make or lay ("killed two IED emplacers")?"""
    head = token
    for _ in range(2):
        if head.dep_ not in ("compound", "amod", "nmod") or head.head.i == head.i:
            return False
        head = head.head
        if lemma_of(head) in BOMB_PEOPLE_NOUNS or head.lower_.rstrip("s") in BOMB_PEOPLE_NOUNS:
            return True
    return False


_MADE_DEVICES = frozenset("bomb ied device vest explosive explosives mine rocket shell grenade".split())
# of the readying verbs, those whose object was never used, in any clause: what a bombmaker makes and supplies
_MAKING_VERBS = frozenset(
    {"build", "make", "assemble", "manufacture", "produce", "construct", "smuggle", "supply", "store"}
)


# verbs of a device going off or doing harm: a sentence with one tells a blast, whatever was made before it
_GOING_OFF = frozenset(
    "detonate explode blow trigger set kill wound injure hit strike damage destroy".split()
)


def _made_nearby(device: Token) -> bool:
    """Is a device what a verb of making just before it made, in a sentence where nothing goes off ("the
    bombmaker, X, built and supplied roadside bombs and suicide vests", however the parser joins them)?"""
    if lemma_of(device) not in _MADE_DEVICES:
        return False
    sent = device.sent
    before = device.doc[max(sent.start, device.i - 6) : device.i]
    return any(x.pos_ == "VERB" and lemma_of(x) in _MAKING_VERBS for x in before) and not any(
        lemma_of(x) in _GOING_OFF for x in sent
    )


def _carried(token: Token) -> bool:
    """Is a weapon word what someone was armed with ("terrorists armed with rifles and hand grenades", "a man
    carrying a grenade")? Carried, not used: no event of its kind."""
    t = token
    while t.dep_ in ("compound", "amod", "conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ == "with":
        return lemma_of(t.head.head) in ("arm", "armed", "equip", "equipped")
    return (
        t.dep_ == "dobj"
        and lemma_of(t.head) in ("carry", "wear", "possess")
        # ("carried out 6 airstrikes": done, not carried)
        and not any(c.dep_ == "prt" for c in t.head.children)
    )


def being_readied(token: Token) -> bool:
    """Is a weapon word the device someone was readying, told in a relative clause about them ('killed three
    insurgents who were emplacing an improvised explosive device'), or what names those who ready it ('IED
    emplacers')? The device did not go off: no event."""
    if bomb_people(token) or _carried(token):
        return True
    np = token
    while np.dep_ in ("compound", "amod") and np.head.i != np.i:
        np = np.head
    if np.dep_ == "pobj" and np.head.lower_ == "of" and lemma_of(np.head.head) in _DEVICE_WORK:
        return True  # "directs the production of IEDs", "the movement of suicide bombers"
    t = token
    for _ in range(3):
        if t.dep_ in ("amod", "compound") and t.head.i != t.i:
            t = t.head
        else:
            break
    while t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN") and t.head.i != t.i:
        t = t.head  # "built roadside bombs and suicide vests": the vests are built too
    # (an object the parser joins to the verb: "supplied [roadside bombs] and [suicide vests]")
    joined = t.dep_ == "conj" and t.head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.head.children)
    verb = t.head
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "known to manufacture and emplace IEDs"
    if (t.dep_ != "dobj" and not joined) or verb.pos_ != "VERB" or lemma_of(verb) not in _READYING_VERBS:
        return _made_nearby(t)
    if lemma_of(verb) in _MAKING_VERBS and (lemma_of(t) in _MADE_DEVICES or lemma_of(token) in _MADE_DEVICES):
        # "the bombmaker built and supplied roadside bombs and suicide vests": his trade, no blast (not "made
        # four attempts")
        return True
    # "insurgents who were emplacing an IED", "observed two insurgents emplacing an IED"
    # ("suspected of planting the device", "accused of laying mines": what someone is said to do or have done)
    return clause.dep_ in ("relcl", "acl", "xcomp") or (
        clause.dep_ in ("ccomp", "advcl", "pcomp") and verb.tag_ == "VBG"
    )


def _special_kind(token: Token) -> str | None:
    """Constructions that name a weapon-specific event wherever they occur."""
    low = token.lower_
    lemma = lemma_of(token)
    head = token.head
    if (
        low == "suicide"
        and (
            lemma_of(head) in _SUICIDE_HEADS
            or head.lower_ in _SUICIDE_HEADS_MORE
            or lemma_of(head) in _SUICIDE_HEADS_MORE
        )
        and not being_readied(token)  # "facilitated the movement of suicide bombers": who they are
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
    if (
        lemma in ("bomb", "explosive")
        and token.dep_ in ("dobj", "nsubjpass")
        and lemma_of(head) in _THROW_VERBS
        and not any(c.lower_ in _FIRE_BOMBS for c in token.children)
    ):
        return "grenade"  # "threw a bomb into the house": a hand-thrown explosive is a grenade attack (ACLED)
    if lemma == "grenade" or low in ("grenades", "grenade"):
        if _launched_grenade(token) or any(c.lower_ in _CROWD_CONTROL for c in token.children):
            return None  # a launcher's grenade is a heavy weapon; a stun grenade disperses a crowd
        if lemma_of(head) in ("drop", "release") and any(
            lemma_of(t) in ("drone", "uav", "quadcopter", "copter") for t in head.subtree
        ):
            return None  # "dropped a grenade from a drone": the munition of a drone strike, not a thrown one
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


_THROW_VERBS = frozenset({"throw", "hurl", "lob", "toss"})
# thrown bombs that burn or mark rather than explode: a riot's weapons, not a grenade attack
_FIRE_BOMBS = frozenset(
    {"petrol", "gasoline", "fire", "molotov", "smoke", "paint", "stink", "water", "incendiary"}
)
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
