"""Actors: who acts and who is acted upon, with country and kind.

An actor comes from a noun phrase ("Russian forces", "the interior ministry", "Kyiv", "a Russian drone",
"three civilians"), resolved with the document's context (the sides of the war, the speaker of a quote).
Names follow ACLED's: "Military Forces of Russia (2000-)" (a state's forces by the period of its government,
where the lexicon knows it), "Police Forces of Ukraine (2019-)", "Civilians (Ukraine)", "NAF: United Armed Forces of
Novorossiya" (the Donbas republics' forces until 2023).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon.actors import (
    ACTOR_NOUNS,
    COUNTRY_ACTORS,
    DEMONYMS,
    ENEMY_WORDS,
    GOVERNMENT_PERIODS,
    LEADERS,
    NAF,
    NAMED_ACTORS,
    SIDE_WORDS,
    VOICE_CUES,
    WAR_NAME_MAX_WORDS,
    WAR_NAMES,
)
from .lexicon.groups import match_group
from .lexicon.weapons import WEAPON_WORDS
from .model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

_SHORT_NAMES = {
    "RU": "Russia",
    "UA": "Ukraine",
    "US": "United States",
    "GB": "United Kingdom",
    "SY": "Syria",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "MD": "Moldova",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "TZ": "Tanzania",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "PS": "Palestine",
    "TR": "Turkey",
    "LA": "Laos",
    "VN": "Vietnam",
    "TW": "Taiwan",
    "CZ": "Czech Republic",
}

_PLURAL_KINDS = {
    "military": "Military Forces of {}",
    "police": "Police Forces of {}",
    "government": "Government of {}",
    "civilians": "Civilians ({})",
    "protesters": "Protesters ({})",
    "armed_group": "Unidentified Armed Group ({})",
    "other": "{}",
}


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    if not code:
        return None
    if code in _SHORT_NAMES:
        return _SHORT_NAMES[code]
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def acled_name(kind: str, country: str | None) -> str:
    """An ACLED-style actor name for a kind and country."""
    name = country_name(country)
    if not name:
        return {
            "military": "Unidentified Military Forces",
            "police": "Police Forces",
            "government": "Government",
            "civilians": "Civilians",
            "protesters": "Protesters",
            "armed_group": "Unidentified Armed Group",
            "other": "Unidentified Actor",
        }[kind]
    return _PLURAL_KINDS[kind].format(name)


def make_actor(kind: str, country: str | None, name: str | None = None) -> Actor:
    return Actor(name=name or acled_name(kind, country), country=country, kind=kind)


@dataclass
class ActorMention:
    """An actor found in the text: the Actor plus the token it came from and what kind of word named it."""

    actor: Actor
    head: int  # token index
    # "nationality", "country", "named", "leader", "noun", "pronoun", "weapon"; and four whose country the
    # document decides: "enemy" ("the enemy": the other side of the text's voice), "own" ("our troops": the
    # side of the text's voice), "side" ("the occupiers":
    # one side of the Russia-Ukraine war, whatever the voice), "separatist" (the Donbas republics' forces or
    # pro-Russian rebels: ACLED's NAF until they became Russia's forces)
    via: str
    institution: bool = False
    weapon: bool = False
    side: str | None = None  # whose side the words put it on: "pro-Russian rebels", "the occupiers" (RU)


def _np_tokens(head: Token) -> list[Token]:
    """The modifiers that qualify a noun phrase's head (not its relative clauses)."""
    out = [head]
    for child in head.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod", "det", "nummod", "quantmod") or (
            child.dep_ == "prep" and child.lower_ in ("of", "in", "from")
        ):
            out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


_PATRON_AFTER = frozenset("backed supported sponsored allied aligned funded armed trained".split())


def _names_patron(t: Token) -> bool:
    """'Russian-backed', 'pro-Russian', 'Kremlin-allied': the country is the group's patron, not its own."""
    doc, i = t.doc, t.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in _PATRON_AFTER:
        return True
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "pro"


def patron_of(tokens: list[Token]) -> str | None:
    """The country a proxy is backed by ('pro-Russian separatists', 'Russian-backed rebels')."""
    for t in tokens:
        if _names_patron(t):
            code = DEMONYMS.get(t.lower_) or COUNTRY_ACTORS.get(t.lower_)
            if code:
                return code
    return None


def nationality_of(tokens: list[Token]) -> str | None:
    """The country named by a nationality word, a country or a capital among the tokens (not a patron's:
    'pro-Russian rebels' are not Russian)."""
    for t in tokens:
        code = _country_word(t)
        if code and not _names_patron(t):
            return code
    return None


@lru_cache(maxsize=1)
def _country_pair_firsts() -> frozenset[str]:
    """The first words of the two-word names of countries and nationalities ("united states", "south korean")."""
    return frozenset(key.split()[0] for key in (*COUNTRY_ACTORS, *DEMONYMS) if key.count(" ") == 1)


def _country_word(t: Token) -> str | None:
    low = t.lower_
    if DEMONYMS.get(low):
        return DEMONYMS[low]
    if t.ent_type_ in ("GPE", "NORP", "LOC") or t.pos_ == "PROPN":
        if low in COUNTRY_ACTORS:
            return COUNTRY_ACTORS[low]
        if low in _country_pair_firsts() and t.i + 1 < len(t.doc):
            pair = f"{low} {t.doc[t.i + 1].lower_}"
            if pair in COUNTRY_ACTORS:
                return COUNTRY_ACTORS[pair]
            if DEMONYMS.get(pair):
                return DEMONYMS[pair]
    if low.endswith("'s") and low[:-2] in COUNTRY_ACTORS:
        return COUNTRY_ACTORS[low[:-2]]
    return None


_STRIKE_NOUNS = frozenset(
    "strike airstrike attack raid shelling bombardment barrage bombing fire salvo volley assault offensive".split()
)


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def noun_key(t: Token) -> str:
    """The lexicon key of a noun: its lemma, or the singular of a capitalised plural that spaCy leaves as it is
    ('the Ukrainian Forces', 'Troops')."""
    lemma = _lemma(t)
    if lemma in ACTOR_NOUNS or not lemma.endswith("s"):
        return lemma
    for cut, add in (("s", ""), ("es", ""), ("ies", "y")):
        if lemma.endswith(cut) and lemma[: -len(cut)] + add in ACTOR_NOUNS:
            return lemma[: -len(cut)] + add
    return lemma


# names that are also common nouns: they name Ukraine's forces only as a proper name ("the Defence Forces"),
# never after "air" or "missile" ("air defence forces" are any side's)
_PROPER_ONLY = frozenset(
    {
        "defence forces",
        "defense forces",
        "territorial defence",
        "territorial defense",
        "territorial defence forces",
    }
)


@lru_cache(maxsize=1)
def _war_name_firsts() -> frozenset[str]:
    return frozenset(name.split()[0] for name in WAR_NAMES)


@lru_cache(maxsize=1)
def _named_pair_firsts() -> frozenset[str]:
    """The first words of the two-word names of groups and bodies."""
    return frozenset(key.split()[0] for key in NAMED_ACTORS if key.count(" ") == 1)


def war_name(
    tokens: list[Token], lowers: list[str] | None = None
) -> tuple[str, tuple[str | None, str | None, str], set[int]] | None:
    """The longest name of a force of the Russia-Ukraine war among a noun phrase's tokens ('the AFU',
    'Armed Forces of Ukraine', 'the Battlegroup Centre', 'the Luhansk People's Militia') and its tokens."""
    if not tokens:
        return None
    lowers = lowers if lowers is not None else [t.lower_ for t in tokens]
    firsts = _war_name_firsts()
    starts = [k for k, low in enumerate(lowers) if low in firsts]
    if not starts:
        return None
    doc = tokens[0].doc
    for n in range(min(WAR_NAME_MAX_WORDS, len(lowers)), 0, -1):
        for k in starts:
            if k + n > len(lowers):
                break
            key = " ".join(lowers[k : k + n]) if n > 1 else lowers[k]
            entry = WAR_NAMES.get(key)
            if entry is None:
                continue
            first = tokens[k].i
            if key in _PROPER_ONLY and (
                not tokens[k].text[:1].isupper()
                or (first > 0 and doc[first - 1].lower_ in ("air", "missile", "'s", "self", "-"))
            ):
                continue
            return key, entry, {t.i for t in tokens[k : k + n]}
    return None


# the nouns of armed groups a side's propaganda uses for the other side's forces ("Ukrainian militants",
# "nationalist formations", "Russian terrorists"): modified by a belligerent state they name its forces
_PROPAGANDA_NOUNS = frozenset("militant nationalist neo-nazi terrorist formation mercenary".split())
_WAR_STATE_WORDS = frozenset("ukrainian ukraine russian russia kyiv kiev moscow kremlin".split())
# nouns of insurgents that, in Ukraine, are the Donbas republics' forces
_SEPARATIST_NOUNS = frozenset("separatist rebel militia militiaman militiamen insurgent".split())


def actor_from_token(head: Token) -> ActorMention | None:
    """The actor a noun-phrase head names, without document context (country may be None)."""
    tokens = _np_tokens(head)
    lowers = [t.lower_ for t in tokens]
    text_low = " ".join(lowers)
    group = _group_actor(head, tokens)
    if group is not None:
        return group
    war = _war_actor(head, tokens, lowers)
    if war is not None:
        return war
    identity = _suspected_identity(head)
    if identity is not None:
        return identity
    # named bodies
    doc = head.doc
    pair_firsts = _named_pair_firsts()
    for k, t in enumerate(tokens):
        key = lowers[k]
        if key not in NAMED_ACTORS:
            if key not in pair_firsts or t.i + 1 >= len(doc):
                continue
            key = f"{key} {doc[t.i + 1].lower_}"  # the word and the next one in the text
            if key not in NAMED_ACTORS:
                continue
        canonical, country, kind = NAMED_ACTORS[key]
        return ActorMention(Actor(name=canonical, country=country, kind=kind), head.i, "named")
    low = head.lower_
    lemma = noun_key(head)
    if lemma in ("member", "members"):
        # "gang members", "militia members": the group's noun says who they are
        group_noun = next(
            (c for c in head.children if c.dep_ in ("compound", "amod") and noun_key(c) in ACTOR_NOUNS), None
        )
        if group_noun is not None:
            lemma = noun_key(group_noun)
    # a country or capital standing for its state ("Russia launched", "Kyiv said")
    if low in COUNTRY_ACTORS and head.pos_ in ("PROPN", "NOUN"):
        code = COUNTRY_ACTORS[low]
        return ActorMention(make_actor("government", code), head.i, "country", institution=True)
    # a leader ("President Volodymyr Zelensky", "Putin")
    if head.ent_type_ == "PERSON" or head.pos_ == "PROPN":
        for t in tokens:
            if t.lower_ in LEADERS:
                code = LEADERS[t.lower_]
                return ActorMention(
                    Actor(
                        name=head.text if head.ent_type_ == "PERSON" else t.text,
                        country=code,
                        kind="government",
                    ),
                    head.i,
                    "leader",
                    institution=True,
                )
    modifiers = [t for t in tokens if t.i != head.i] + ([head] if head.pos_ == "PROPN" else [])
    country = nationality_of(modifiers)
    # a weapon as the agent ("a Russian drone wounded two policemen", "an enemy drone"); a suicide bomber is a
    # person of an armed group, not an aircraft
    suicide = lemma == "bomber" and any(t.lower_ == "suicide" for t in modifiers)
    if (lemma in WEAPON_WORDS or low in WEAPON_WORDS) and not suicide:
        enemy = country is None and any(t.lower_ in ENEMY_WORDS for t in modifiers)
        return ActorMention(
            make_actor("military", country), head.i, "enemy" if enemy else "weapon", weapon=True
        )
    # a strike as the agent names its side ("a Russian missile strike killed four", "Turkish airstrikes hit")
    if lemma in _STRIKE_NOUNS and country:
        return ActorMention(make_actor("military", country), head.i, "weapon", weapon=True)
    if not country and ACTOR_NOUNS.get(lemma) == "armed_group":
        named = self_named_group(head, tokens)  # "gunmen of the Free Kivu Front": kept by its own name
        if named:
            return ActorMention(Actor(name=named, country=None, kind="armed_group"), head.i, "named")
    partisan = _partisan_actor(head, tokens, lemma, country, lowers)
    if partisan is not None:
        return partisan
    kind = ACTOR_NOUNS.get(lemma) or ACTOR_NOUNS.get(low)
    if kind == "military" and any(
        c.dep_ in ("compound", "amod") and _lemma(c) in _CIVIL_SERVICE_WORDS for c in head.children
    ):
        kind = "civilians"  # "a fire brigade", "rescue units", "an ambulance crew": emergency services
    if kind == "military" and any(c.dep_ == "amod" and c.lower_ == "paramilitary" for c in head.children):
        kind = "armed_group"  # "paramilitary forces": a militia fighting beside or against the army
    # a unit by its abbreviation and number ("the military LIB 54"); "Military Hospital 2" is a building
    numbered = head.pos_ == "PROPN" and head.text.isupper() and any(c.dep_ == "nummod" for c in head.children)
    if kind is None and (
        lemma
        in (
            "system",
            "unit",
            "crew",
            "battery",
            "operator",
            "service",
            "ship",
            "vessel",
            "boat",
            # "personnel of the Mexican Army", "elements of the BIR", "members of the National Police"
            "personnel",
            "element",
            "member",
        )
        or numbered
    ):
        # "aerial defense systems", "drone units": the modifier says who they are
        for t in tokens:
            k = ACTOR_NOUNS.get(_lemma(t))
            if t.i != head.i and k in (("military",) if numbered else ("military", "police")):
                kind = k  # a numbered unit of the army; "Police Station 12" is a building
                break
    if lemma in _SQUAD_NOUNS:
        # "an army patrol", "a military convoy": the modifier says whose (a patrol alone is the police's)
        for t in tokens:
            k = ACTOR_NOUNS.get(_lemma(t))
            if t.i != head.i and k in ("military", "police", "armed_group"):
                kind = k
                break
    if kind is None and head.ent_type_ == "PERSON":
        titles = {_lemma(t) for t in tokens}
        if titles & {"president", "minister", "governor", "mayor", "spokesman", "commander", "general"}:
            kind = "government"
    if kind is None:
        if head.ent_type_ == "NORP" and low in DEMONYMS:
            # "the Russians", "Ukrainians" used as a side
            return ActorMention(make_actor("military", DEMONYMS[low]), head.i, "nationality")
        return None
    institution = (
        kind == "government" or "ministry" in text_low or "staff" in text_low or "command" in text_low
    )
    if lemma in ("defence", "defense") and "ministry" not in text_low:
        kind = "military"  # "air defence", "aerial defense systems"
    if kind == "military" and ("ministry" in text_low):
        kind = "government"
    if (
        kind == "armed_group"
        and lemma in _PROPAGANDA_NOUNS
        and country in ("UA", "RU")
        and any(t.lower_ in _WAR_STATE_WORDS for t in modifiers)
    ):
        kind = (
            "military"  # "Ukrainian militants", "Russian terrorists": one side's words for the other's army
        )
    name = None
    if kind == "civilians" and any(t.lower_ == "armed" for t in modifiers):
        kind, name = "armed_group", "Unidentified Armed Group"  # "armed men", "unknown armed individuals"
    if kind == "armed_group" and not country:
        name = {"militant": "Unidentified Armed Group", "gunman": "Unidentified Armed Group"}.get(lemma, name)
    actor = make_actor(kind, country, name)
    if kind == "military":
        actor = with_branch(actor, branch_of(lowers)) or actor
    return ActorMention(actor, head.i, "noun", institution=institution)


_SQUAD_NOUNS = frozenset({"patrol", "squad", "detachment"})
# the services whose brigades, units and crews are civilians (ACLED codes rescuers and medics as civilians)
_CIVIL_SERVICE_WORDS = frozenset(
    {"fire", "firefighting", "rescue", "ambulance", "emergency", "medical", "paramedic", "repair", "demining"}
)

# "gunmen suspected to be al-Shabaab militants", "armed men believed to be JNIM fighters", "assailants suspected
# of being ISWAP fighters": the verbs that give a generic attacker its presumed identity
_SUSPECT_VERBS = frozenset({"believe", "suspect", "think", "presume", "allege"})
# heads too generic to say who acted: the presumed identity says it
_GENERIC_KINDS = frozenset({"armed_group", "civilians"})


def _suspected_identity(head: Token) -> ActorMention | None:
    """The group a generic attacker is 'believed to be' or 'suspected of being', read from the parse: the
    clause on the noun ("gunmen, suspected to be X,") or the verb the noun is the subject of ("armed men
    believed to be X militants raided", which the parser reads with 'believed' as the main verb)."""
    if ACTOR_NOUNS.get(noun_key(head)) not in _GENERIC_KINDS:
        return None
    verbs = [c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in _SUSPECT_VERBS]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in _SUSPECT_VERBS:
        verbs.append(head.head)
    doc = head.doc
    for verb in verbs:
        # the complement's noun ("to be X militants", "of being X fighters"), or, when the parser hung it
        # elsewhere, the nouns just after the verb up to the next verb
        nouns = [t for t in verb.subtree if t.dep_ == "attr" and t.i != head.i]
        for t in doc[verb.i + 1 : min(len(doc), verb.i + 8)]:
            if t.pos_ == "VERB" or (t.is_punct and t.text != "-"):
                break
            if t.pos_ in ("NOUN", "PROPN") and t.i != head.i:
                nouns.append(t)
        for t in nouns:
            found = _group_actor(t, _np_tokens(t))
            if found is not None:
                return ActorMention(found.actor, head.i, found.via, institution=found.institution)
    return None


# the heads of noun phrases that name people, not a group's fighters: "residents of the KIA-held town"
_NOT_MEMBERS = frozenset({"civilians", "protesters"})


def _group_actor(head: Token, tokens: list[Token]) -> ActorMention | None:
    """A group of the armed groups lexicon named in a noun phrase ('Taliban fighters', 'the KIA', 'a Taliban
    leader', 'militants of Islamic State Khorasan Province', 'the Pauk PDF': a local branch, named after its
    place as ACLED names it: "People's Defense Force - Pauk")."""
    own = ACTOR_NOUNS.get(noun_key(head))
    if own in _NOT_MEMBERS:
        return None
    doc = head.doc
    first = tokens[0].i if tokens else head.i
    # a name the parser split off the phrase ("IS Sahel militants", its "IS" read as a verb): capitalised words
    # just before the phrase, when the name they open runs into it
    before = []
    for k in (1, 2, 3):
        j = first - k
        if j < 0 or not (doc[j].text[:1].isupper() or doc[j].text == "-"):
            break
        before.insert(0, j)
    for start in [*before, *(t.i for t in tokens)]:
        found = match_group(doc, start)
        if found is None or (start < first and found[1] <= first):
            continue
        group, _end = found
        t = doc[max(start, first)]
        name = group.acled
        if group.local:
            place = _branch_place(t, tokens)
            if place:
                name = f"{name} - {place}"
        return ActorMention(Actor(name=name, country=group.country, kind=group.kind), head.i, "named")
    return None


def _branch_place(first: Token, tokens: list[Token]) -> str | None:
    """The place a local branch is named after: the capitalised words just before the group's name in its noun
    phrase ('the Khin-U PDF', 'Pauk People's Defense Force'), not a country or a nationality."""
    inside = {t.i for t in tokens}
    doc = first.doc
    i = first.i - 1
    words: list[Token] = []
    while (
        i >= 0
        and i in inside
        and doc[i].pos_ != "DET"
        and (doc[i].text[:1].isupper() or (doc[i].text == "-" and words))
    ):
        words.insert(0, doc[i])
        i -= 1
    while words and words[0].text == "-":
        words.pop(0)
    if not words or any(_country_word(w) for w in words) or len(words) > 4:
        return None
    return doc[words[0].i : words[-1].i + 1].text


# the last words of the names armed groups give themselves ("the Free Kivu Brigade", "the Y Liberation Front")
_GROUP_WORDS = frozenset(
    "brigade brigades front movement army battalion battalions militia militias force forces group "
    "organisation organization council alliance legion mujahideen corps coalition union resistance".split()
)
_CALLED = frozenset({"call", "name", "know", "identify", "style", "dub"})


def self_named_group(head: Token, tokens: list[Token]) -> str | None:
    """The name an armed group the lexicon does not know goes by in the text: 'gunmen of the Free Kivu Front',
    'a militia calling itself the Lion Brigade', 'fighters known as the Desert Hawks Brigade'. A name is two or
    more capitalised words ending in a group's word; never a state's unit ('the 47th Mechanized Brigade': a
    number, or a country's name, says so)."""
    candidates = [t for t in tokens if t.i != head.i]
    for child in head.children:
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in _CALLED:
            candidates.extend(t for t in child.subtree if t.i != child.i)
    for t in candidates:
        if t.lower_ not in _GROUP_WORDS or not t.text[:1].isupper():
            continue
        words = [t]
        i = t.i - 1
        doc = t.doc
        while i >= 0 and (doc[i].text[:1].isupper() or doc[i].text in ("-", "'s")) and doc[i].pos_ != "DET":
            words.insert(0, doc[i])
            i -= 1
        if len(words) < 2 or not words[0].text[:1].isupper():
            continue
        if any(w.like_num or any(ch.isdigit() for ch in w.text) or _country_word(w) for w in words):
            continue
        if i >= 0 and (doc[i].like_num or _country_word(doc[i])):
            continue
        return doc[words[0].i : t.i + 1].text
    return None


def _war_actor(head: Token, tokens: list[Token], lowers: list[str]) -> ActorMention | None:
    """A force of the Russia-Ukraine war named as each side's texts name it ('the AFU', 'Rosgvardia', 'the
    Battlegroup Vostok', 'the DPR's People's Militia'). A nationality outside the name wins ('Israel Defense
    Forces' are not Ukraine's 'Defence Forces')."""
    found = war_name(tokens, lowers)
    if found is None:
        return None
    key, (name, country, kind), words = found
    own = ACTOR_NOUNS.get(noun_key(head))
    if head.i not in words and own is not None and own not in ("military", "armed_group"):
        return None  # "residents of the DPR", "officials of the AFU": the head says who they are
    if name == NAF:
        return ActorMention(Actor(name=NAF, country=None, kind="armed_group"), head.i, "separatist")
    other = nationality_of([t for t in tokens if t.i not in words])
    if other and other != country and name is None:
        country = other
    elif key in _PROPER_ONLY and country:
        # a common noun made a name: Ukraine's only in a text about the war ("People's Defense Forces" are not)
        return ActorMention(make_actor(kind, None), head.i, "side", side=country)
    return ActorMention(make_actor(kind, country, name), head.i, "named")


def _partisan_actor(
    head: Token, tokens: list[Token], lemma: str, country: str | None, lowers: list[str]
) -> ActorMention | None:
    """Words whose side the document decides: 'the enemy' (the other side of the text's voice), 'the
    occupiers' / 'ruscists' / 'occupation authorities' (Russia's side in a Ukrainian text), 'separatists' and
    'rebels' (in Ukraine, the Donbas republics' forces; 'pro-Russian' says so anywhere)."""
    if country:
        return None
    if lemma in ENEMY_WORDS:
        return ActorMention(make_actor("military", None), head.i, "enemy")
    if ACTOR_NOUNS.get(lemma) == "military" and "our" in lowers:
        # "our defenders", "our troops": the side whose post it is ("defenders" only Ukraine's texts say)
        return ActorMention(
            make_actor("military", None), head.i, "own", side="UA" if lemma == "defender" else None
        )
    side = SIDE_WORDS.get(head.lower_) or next((SIDE_WORDS[low] for low in lowers if low in SIDE_WORDS), None)
    if side:
        kind = ACTOR_NOUNS.get(lemma)
        kind = kind if kind in ("government", "police") else "military"
        return ActorMention(make_actor(kind, None), head.i, "side", side=side)
    if lemma in _SEPARATIST_NOUNS:
        return ActorMention(make_actor("armed_group", None), head.i, "separatist", side=patron_of(tokens))
    return None


def with_country(actor: Actor, country: str | None) -> Actor:
    """The actor with its country filled in (and its name updated to match) when it had none."""
    if actor.country or not country:
        return actor
    return make_actor(actor.kind, country)


def as_military(actor: Actor) -> Actor:
    """A state's institution acting militarily is coded as its military forces."""
    if actor.kind == "government" and actor.country:
        return make_actor("military", actor.country)
    return actor


# --- the sides of the Russia-Ukraine war, as a document and its date decide them ------------------------------

INVASION = date(2022, 2, 24)
"""From the full-scale invasion on, Ukraine's enemy is Russia's forces; before it, in Donbas, the republics'."""
DONBAS_ABSORBED = date(2023, 1, 1)
"""The Donetsk and Luhansk republics' forces were made part of Russia's armed forces at the end of 2022; ACLED
codes them as Military Forces of Russia from then on and as 'NAF: United Armed Forces of Novorossiya' before."""
DONBAS_WAR = date(2014, 4, 6)
CRIMEA_ANNEXED = date(2014, 3, 18)
WAR_SIDES = ("RU", "UA")
VOICE_MIN = 2
"""A text's voice needs cues worth at least this much, and this much more than the other side's."""


def naf_actor() -> Actor:
    """ACLED's actor for the Donbas republics' forces: a non-state group, no country of its own."""
    return Actor(name=NAF, country=None, kind="armed_group")


def donbas_forces(on: date | None) -> Actor:
    """The Donetsk and Luhansk republics' forces (and pro-Russian rebels in Ukraine) on a day: ACLED's NAF
    until their absorption into Russia's army, Russia's forces after."""
    if on is not None and on >= DONBAS_ABSORBED:
        return make_actor("military", "RU")
    return naf_actor()


def is_naf(actor: Actor | None) -> bool:
    return actor is not None and actor.name == NAF


def war_enemy(side: str | Actor | None, on: date | None) -> Actor | None:
    """The other side of the Russia-Ukraine war: Ukraine's enemy is Russia's forces from the invasion on and
    the Donbas republics' before it; Russia's and the republics' enemy is Ukraine's forces."""
    if isinstance(side, Actor):
        side = "NAF" if is_naf(side) else side.country
    if side in ("RU", "NAF"):
        return make_actor("military", "UA")
    if side == "UA":
        if on is not None and DONBAS_WAR <= on < INVASION:
            return naf_actor()
        return make_actor("military", "RU")
    return None


@lru_cache(maxsize=1)
def _cue_lengths() -> dict[str, tuple[int, ...]]:
    """First word of each voice cue -> the lengths (in words) of the cues it starts, longest first."""
    out: dict[str, set[int]] = {}
    for cue in VOICE_CUES:
        words = cue.split()
        out.setdefault(words[0], set()).add(len(words))
    return {w: tuple(sorted(n, reverse=True)) for w, n in out.items()}


def document_voice(lowers: list[str]) -> str | None:
    """Whose official English a text (its lower-cased words) is written in, RU or UA, from the words each
    side uses and the other does not ('the occupiers', 'ruscists', 'our defenders' / 'the Kyiv regime', 'the
    AFU', 'Battlegroup Centre'); None when the cues are few or mixed (wire copy quoting both sides, neutral
    notes)."""
    lengths = _cue_lengths()
    score = {"RU": 0, "UA": 0}
    n = len(lowers)
    for i, low in enumerate(lowers):
        if low == "our" and i + 1 < n and lowers[i + 1] in ("defenders", "defender"):
            score["UA"] += 3
        for k in lengths.get(low, ()):
            if i + k > n:
                continue
            cue = VOICE_CUES.get(" ".join(lowers[i : i + k]) if k > 1 else low)
            if cue is not None:
                score[cue[0]] += cue[1]
                break
    best = max(score, key=lambda c: score[c])
    other = "UA" if best == "RU" else "RU"
    if score[best] >= VOICE_MIN and score[best] - score[other] >= VOICE_MIN:
        return best
    return None


def partisan_actor(
    mention: ActorMention, *, voice: str | None, on: date | None, in_ukraine: bool, in_war: bool
) -> Actor:
    """The actor of a mention whose side the document decides (see ``ActorMention.via``)."""
    actor = mention.actor
    if mention.via == "enemy":
        return war_enemy(voice, on) or actor
    if mention.via == "own":
        side = mention.side or voice
        return make_actor("military", side) if side else actor
    if mention.via == "side" and in_war and mention.side:
        if mention.side == "RU" and in_ukraine and on is not None and DONBAS_WAR <= on < INVASION:
            return naf_actor()
        return make_actor(actor.kind, mention.side)
    if mention.via == "separatist" and (is_naf(actor) or mention.side == "RU" or in_ukraine):
        return donbas_forces(on)
    return actor


_ORIGIN_NOUNS = frozenset("territory side direction soil".split())
_POSITION_NOUNS = frozenset(
    "position positions stronghold strongholds trench trenches outpost outposts checkpoint checkpoints "
    "emplacement emplacements dugout dugouts".split()
)
# sites that are the forces' own only when the text says so: "military points", "army posts", "a military base"
_SITE_NOUNS = frozenset("point site post base camp barracks installation facility headquarters".split())
_FORCES_MODIFIERS = frozenset({"government", "governmental", "government-held", "army", "military"})


def state_of_origin(token: Token) -> str | None:
    """The country a place of origin names as a state: 'from Russia', 'from the territory of the Russian
    Federation', 'from Ukrainian soil' (fire from a state's territory is its forces' fire)."""
    low = token.lower_
    if low in COUNTRY_ACTORS and token.pos_ == "PROPN":
        return COUNTRY_ACTORS[low]
    if noun_key(token) in _ORIGIN_NOUNS:
        country = nationality_of([c for c in token.children if c.dep_ in ("amod", "compound")])
        if country:
            return country
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            return nationality_of(sorted(pobj.subtree, key=lambda t: t.i))
    return None


def _position_noun(token: Token) -> bool:
    """ "positions", "trenches"; "military points", "an army post" (a site the text says is the forces')."""
    if noun_key(token) in _POSITION_NOUNS or token.lower_ in _POSITION_NOUNS:
        return True
    return noun_key(token) in _SITE_NOUNS and any(
        c.lower_ in _FORCES_MODIFIERS for c in token.children if c.dep_ in ("amod", "compound")
    )


def positions_actor(token: Token) -> ActorMention | None:
    """Whose positions were hit: 'at the positions of the Luhansk People's Militia', 'Ukrainian positions',
    'the governmental positions' (the government's forces: their country is the place's)."""
    if not _position_noun(token):
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None:
        mention = actor_from_token(pobj)
        if mention is not None:
            return mention
    modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "poss")]
    for m in modifiers:
        # "LPR positions", "rebel positions", "enemy positions", "Ukraine's positions"
        mention = actor_from_token(m)
        if mention is not None and mention.actor.kind in ("military", "armed_group", "government"):
            if mention.actor.kind == "government":
                mention.actor = make_actor("military", mention.actor.country)
            return mention
    country = nationality_of(modifiers)
    if country:
        return ActorMention(make_actor("military", country), token.i, "nationality")
    if any(c.lower_ in _FORCES_MODIFIERS for c in modifiers):
        return ActorMention(make_actor("military", None), token.i, "noun")
    return None


def territory_holder(country: str | None, admin1_code: str | None, on: date | None) -> str | None:
    """Who holds a place of the war for the purpose of saying whose air defence fires over it or whose side
    a strike on it hit: its country, except Crimea and Sevastopol, held by Russia since March 2014. (Other
    occupied ground needs the front line's sides, which the project does not know: its country stands.)"""
    if admin1_code in ("UA-43", "UA-40") and (on is None or on >= CRIMEA_ANNEXED):
        return "RU"
    return country


# the branches ACLED names after a state's forces ("Military Forces of Russia (2000-) Navy"), by the words of
# the noun phrase that name them
_BRANCH_WORDS: dict[str, str] = {
    "air force": "Air Force",
    "air forces": "Air Force",
    "aviation": "Air Force",
    "navy": "Navy",
    "naval": "Navy",
    "fleet": "Navy",
    "ship": "Navy",
    "ships": "Navy",
    "warship": "Navy",
    "warships": "Navy",
    "national guard": "National Guard",
}


def branch_of(lowers: list[str]) -> str | None:
    """The branch of a state's forces a noun phrase (its lower-cased words) names ('Russian air forces', 'the
    Ukrainian Navy', 'Russian military ships', 'the National Guard')."""
    for i, low in enumerate(lowers):
        pair = f"{low} {lowers[i + 1]}" if i + 1 < len(lowers) else ""
        branch = _BRANCH_WORDS.get(pair) or _BRANCH_WORDS.get(low)
        if branch:
            return branch
    return None


def with_branch(actor: Actor | None, branch: str | None) -> Actor | None:
    """A state's forces named with their branch, as ACLED names them ('Military Forces of Russia Air Force')."""
    if actor is None or not branch or actor.kind != "military" or not actor.country:
        return actor
    if actor.name != acled_name("military", actor.country):
        return actor
    return Actor.model_construct(name=f"{actor.name} {branch}", country=actor.country, kind="military")


def with_period(actor: Actor | None, on: date | None) -> Actor | None:
    """The actor under ACLED's name for it on a day: a state's forces, police and government are named by the
    period of the government they served ('Military Forces of Russia (2000-)', 'Police Forces of Ukraine
    (2014-2019)'), for the states whose periods the lexicon knows; other names stay as they are."""
    if actor is None or actor.kind not in ("military", "police", "government") or not actor.country:
        return actor
    name = _period_name(actor.name, actor.country, actor.kind, on or date.today())
    if name is None:
        return actor
    # the fields are the validated actor's: no need to validate them again
    return Actor.model_construct(name=name, country=actor.country, kind=actor.kind)


@lru_cache(maxsize=4096)
def _period_name(name: str, country: str, kind: str, on: date) -> str | None:
    """with_period's name for an actor on a day; None when it keeps its own."""
    periods = GOVERNMENT_PERIODS.get(country)
    base = acled_name(kind, country)
    if not periods or not (name == base or name.startswith(base + " ")):
        return None
    branch = name[len(base) :]
    day = on.isoformat()
    for first, last, label in periods:
        if first <= day and (last is None or day <= last):
            return f"{base} ({label}){branch}"
    return None
