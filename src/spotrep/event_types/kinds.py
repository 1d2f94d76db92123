"""Typing: the kind of a clause group (``Typing``, ``classify``) and the ACLED sub-event type and categories of a
kind."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon.triggers import (
    PROTEST_FORCE,
    PROTEST_INTERVENTION,
    PROTEST_WORDS,
    RIOT_WORDS,
)
from ..taxonomy import SUB_EVENT_TYPES

if TYPE_CHECKING:
    pass
from .vocabulary import (
    _CIVILIAN_TARGETS,
    _MILITARY_TARGETS,
    _PROPERTY_TARGETS,
    _RANK,
    CAUSE_KINDS,
    CROWD_PEOPLE,
    DISPLACED_WORDS,
    KINDS,
    MODIFIER_KINDS,
    PRIORITY,
    WEAPON_KIND_TO_EVENT,
)


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


# strikes whose trigger says how the munition came: a weapon named with them never makes them an IED
_DELIVERY_KINDS = frozenset({"air_strike", "drone_strike", "shelling", "missile"})


# weapons of a brawl, not of armed groups
_CRUDE_WEAPONS = frozenset(
    "stick stone rock knife machete club cudgel axe bat sticks stones knives clubs".split()
)
# crowds that brawl (not "people": "2 people were killed" names the dead, whoever fought)
_BRAWLERS = CROWD_PEOPLE - {"people"}
_FIREARM_WORDS = frozenset("gun guns rifle rifles firearm firearms pistol gunfire shoot shot bullet".split())


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
        weapon_kind in ("shelling", "missile", "explosive")
        and "small_arms" in weapon_kinds
        and kinds & {"attack", "clash"}
    ):
        # ACLED: fire that involves small arms, alone or with heavier weapons or explosives ("attacked a base with
        # rifles and explosives"), is not remote violence
        weapon_kind = None
    if (
        weapon_kind
        and (kinds & generic or not kinds)
        # "dropped a bomb on X, injuring three": the trigger already says how the strike came
        and not (kinds & _DELIVERY_KINDS and weapon_kind == "explosive")
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
        # "arrested 7 protest leaders during night raids": taken from their homes, not at a protest
        and not ("arrest" in kinds and context & {"raid", "raids"})
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

    # ACLED: a fight of crowds of civilians with sticks, stones and knives ("groups of youths fought with sticks
    # and stones at the market") is mob violence, not an armed clash between organised armed groups
    if (
        "clash" in kinds
        and kinds <= {"clash", "kill", "wound", "attack"}
        and weapon_kinds <= {"small_arms"}
        and agent_kind not in ("military", "police", "government")
        and context & _CRUDE_WEAPONS
        and context & _BRAWLERS
        and not context & _FIREARM_WORDS
    ):
        kinds = {"mob"}
    # ACLED: an abduction with killings ("killed 12 villagers and abducted dozens") is an attack; abduction
    # alone is abduction
    if "abduction" in kinds and "kill" in kinds:
        kinds.discard("abduction")
        categories.append("abduction")
    # artillery fired inside a ground battle is part of the battle (ACLED)
    if kinds & {"advance", "assault", "clash"} and "shelling" in kinds:
        kinds.discard("shelling")
        categories.append("shelling")
    # "stormed an IDP camp, killing nine residents": the storming of a camp of the displaced is the attack on them
    if kinds & {"assault", "clash"} and kinds & {"attack", "kill", "wound"} and victims & DISPLACED_WORDS:
        kinds -= {"assault", "clash"}
    # "attacked the village, killing five civilians and setting houses on fire": people killed or wounded make
    # it an attack (ACLED codes the gravest of what one event did); the burning is part of it
    if "looting" in kinds and kinds & {"kill", "wound"}:
        kinds.discard("looting")
        categories.append("looting")
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
