"""Actors: who acts and who is acted upon, with country and kind.

An actor comes from a noun phrase ("Russian forces", "the interior ministry", "Kyiv", "a Russian drone",
"three civilians"), resolved with the document's context (the sides of the war, the speaker of a quote).
Names follow ACLED's style: "Military Forces of Russia", "Police Forces of Ukraine", "Civilians (Ukraine)".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon.actors import ACTOR_NOUNS, COUNTRY_ACTORS, DEMONYMS, LEADERS, NAMED_ACTORS
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
    via: str  # "nationality", "country", "named", "leader", "noun", "pronoun", "weapon"
    institution: bool = False
    weapon: bool = False


def _np_tokens(head: Token) -> list[Token]:
    """The modifiers that qualify a noun phrase's head (not its relative clauses)."""
    out = [head]
    for child in head.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod", "det", "nummod", "quantmod") or (
            child.dep_ == "prep" and child.lower_ in ("of", "in", "from")
        ):
            out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def nationality_of(tokens: list[Token]) -> str | None:
    """The country named by a nationality word, a country or a capital among the tokens."""
    for t in tokens:
        low = t.lower_
        if DEMONYMS.get(low):
            return DEMONYMS[low]
        if t.ent_type_ in ("GPE", "NORP", "LOC") or t.pos_ == "PROPN":
            if low in COUNTRY_ACTORS:
                return COUNTRY_ACTORS[low]
            if t.i + 1 < len(t.doc):
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


def actor_from_token(head: Token) -> ActorMention | None:
    """The actor a noun-phrase head names, without document context (country may be None)."""
    tokens = _np_tokens(head)
    text_low = " ".join(t.lower_ for t in tokens)
    # named groups and bodies
    for t in tokens:
        for key in (t.lower_, f"{t.lower_} {t.doc[t.i + 1].lower_}" if t.i + 1 < len(t.doc) else ""):
            if key and key in NAMED_ACTORS:
                canonical, country, kind = NAMED_ACTORS[key]
                return ActorMention(Actor(name=canonical, country=country, kind=kind), head.i, "named")
    low = head.lower_
    lemma = _lemma(head)
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
    country = nationality_of([t for t in tokens if t.i != head.i] + ([head] if head.pos_ == "PROPN" else []))
    # a weapon as the agent ("a Russian drone wounded two policemen")
    if lemma in WEAPON_WORDS or low in WEAPON_WORDS:
        return ActorMention(make_actor("military", country), head.i, "weapon", weapon=True)
    # a strike as the agent names its side ("a Russian missile strike killed four", "Turkish airstrikes hit")
    if lemma in _STRIKE_NOUNS and country:
        return ActorMention(make_actor("military", country), head.i, "weapon", weapon=True)
    kind = ACTOR_NOUNS.get(lemma) or ACTOR_NOUNS.get(low)
    if kind is None and lemma in ("system", "unit", "crew", "battery", "operator", "service"):
        # "aerial defense systems", "drone units": the modifier says who they are
        for t in tokens:
            k = ACTOR_NOUNS.get(_lemma(t))
            if t.i != head.i and k in ("military", "police"):
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
    name = None
    if kind == "armed_group" and not country:
        name = {"militant": "Unidentified Armed Group", "gunman": "Unidentified Armed Group"}.get(lemma)
    return ActorMention(make_actor(kind, country, name), head.i, "noun", institution=institution)


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
