"""Constructions that make or unmake a trigger: "came under fire", aerial bombs, warnings and lines, unit names,
weapons fired or seized, verb and noun constructions with their objects."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from .. import codebook
from ..lexicon.actors import ACTOR_NOUNS
from ..lexicon.triggers import (
    HANDED_OVER,
    RELEASED_PEOPLE,
    SEIZED_WEAPONS,
    SEIZURE_VERBS,
    TERRITORY_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token
from .kinds import (
    weapon_event_kind,
)
from .triggers import (
    BOMB_PEOPLE_NOUNS,
    lemma_of,
)
from .vocabulary import (
    _CONSTRUCTION_NOUNS,
    _EXPLOSION_NOUNS,
    _SMALL_ARMS,
    _TROOPS,
)

# what "left N dead" after an act of violence: the act or the armed men who did it
_VIOLENT_DOERS = frozenset(
    "attack strike airstrike raid operation blast explosion bombing shelling clash clashes fighting ambush "
    "assault offensive firefight gunfire fire bomb missile drone rocket shell mine gunmen militant insurgent "
    "fighter soldier troop force rebel militia jihadist attacker assailant".split()
)


def _violent_doer(token: Token) -> bool:
    """Is the subject of "left" (or, in a relative clause, its noun) an act of violence or armed men ("the
    operation left nine dead"), not an error or a storm ("a gas bungle that left one baby dead")?"""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("that", "which") and token.dep_ == "relcl":
        subject = token.head
    return subject is not None and lemma_of(subject) in _VIOLENT_DOERS


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
    from ..lexicon.weapons import WEAPON_WORDS

    spans = codebook.weapon_spans(token.doc)
    kinds: set[str] = set()
    for t in token.sent:
        kind = spans.get(t.i)
        if kind is None and t.pos_ in ("NOUN", "PROPN") and not codebook.suicide_bomber(t):
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


# the people and groups an offence names by its noun: "a kidnapping syndicate", "the robbery gang", "bombing
# suspects", "a smuggling ring": who they are, not an event
_OFFENDER_HEADS = frozenset("syndicate gang ring network cartel cell kingpin suspect mastermind boss".split())


def names_offenders(token: Token) -> bool:
    """Is an event noun the kind of a group or of people ("a notorious kidnapping syndicate")?"""
    return token.dep_ in ("compound", "amod", "nmod") and lemma_of(token.head) in _OFFENDER_HEADS


def _names_a_weapon(token: Token) -> bool:
    from ..lexicon.weapons import WEAPON_WORDS

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


def _contact_with(token: Token, lemma: str) -> bool:
    """Armies' words for meeting the enemy in a fight: "came into contact with insurgents", "made contact with
    the enemy" (contact with someone else, "made contact with the family", is no fight: the other side must be
    an armed side)."""
    if lemma == "come":
        into = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "into"]
        contact = [g for c in into for g in c.children if g.dep_ == "pobj" and lemma_of(g) == "contact"]
    else:
        contact = [c for c in token.children if c.dep_ == "dobj" and lemma_of(c) == "contact"]
    if not contact:
        return False
    withs = [
        g
        for h in (token, *contact)
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(
        ACTOR_NOUNS.get(lemma_of(g)) in ("armed_group", "military") or lemma_of(g) == "enemy" for g in withs
    )


_PERSON_OBJECTS = frozenset(
    "member suspect militant fighter people person man woman migrant smuggler terrorist insurgent rebel "
    "jihadist bandit gunman recruit officer foreigner resident national citizen official individual "
    "trafficker".split()
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
    if lemma_of(obj) in BOMB_PEOPLE_NOUNS:
        return False  # "captured an improvised explosive device facilitator": a person
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
_LEFT_DEPS = frozenset({"dobj", "oprd", "ccomp", "xcomp", "acomp"})
# "beat a man to death", "was stoned to death", "hacked to death": a killing, whatever the verb alone says
_TO_DEATH_VERBS = frozenset("beat stone hack club burn batter stab trample crush torture starve".split())


def _to_death(token: Token) -> bool:
    return any(
        c.dep_ in ("prep", "advmod") and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
        for c in token.children
    )


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
            "come",
            "make",
        }
    )
    | frozenset(SEIZURE_VERBS)
    | _FIRE_VERBS
    | _ANSWER_VERBS
    | codebook.DAMAGE_VERBS
    | codebook.DISPLACEMENT_VERBS
    | codebook.DEBRIS_VERBS
    | _TO_DEATH_VERBS
)


def _verb_construction(token: Token, lemma: str) -> str | None:
    """Verbs whose kind depends on their construction. '-' means: no trigger."""
    if lemma not in _CONSTRUCTION_VERBS:
        return None
    if lemma in _TO_DEATH_VERBS and _to_death(token):
        return "kill"
    if lemma == "leave" and _violent_doer(token):
        # "the operation left nine insurgents dead", "the blast left three wounded": a casualty report
        said = {t.lower_ for c in token.children if c.dep_ in _LEFT_DEPS for t in c.subtree}
        if "dead" in said or "killed" in said:
            return "kill"
        if said & {"wounded", "injured"}:
            return "wound"
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
    if lemma in ("come", "make") and _contact_with(token, lemma):
        return "clash"  # "the joint forces came into contact with insurgents", "made contact with the enemy"
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


_FIRE_WORDS = frozenset("fire gunfire shot bullet fires shots".split())


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
    if key == "exchange" and (
        mods & _FIRE_WORDS
        or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(lemma_of(g) in _FIRE_WORDS for g in c.children)
            for c in token.children
        )
    ):
        return "clash"  # "after an intense exchange of fire", "a gunfire exchange"
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
