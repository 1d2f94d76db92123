"""The words event typing reads by: trigger nouns and verbs by kind, modifiers of strikes, the kinds grouped (generic,
causes), crowd and protest words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import codebook
from ..lexicon.triggers import (
    NOUN_TRIGGERS,
)

if TYPE_CHECKING:
    pass


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
# what makes a camp, or a site, one of the people driven from their homes
DISPLACED_WORDS = frozenset({"displacement", "displaced", "displace", "idp", "idps", "refugee"})
_CIVILIAN_TARGETS = (
    frozenset(
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
    | DISPLACED_WORDS
)  # a camp of the displaced is no military camp: "attacked a displacement camp", "an IDP camp"
_INTERCEPTOR_WORDS = frozenset(
    ["defence", "defense", "air-defence", "air-defense", "anti-aircraft", "interceptor"]
)


_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "compound", "attr", "appos"})


# the words that can make a special kind (_special_kind): other words skip it
_SPECIAL_LEMMAS = (
    frozenset({"blow", "detonate", "explode", "grenade", "gas", "bomb", "explosive"}) | _CHEMICAL
)
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


_SMALL_ARMS = frozenset("small-arms arm sniper rifle machine-gun machinegun gun automatic gunfire".split())
_TROOPS = frozenset(
    "position troop unit soldier serviceman patrol convoy force fighter marine checkpoint trench outpost".split()
)


_STATE_ADVERBS = frozenset("temporarily currently still partially partly".split())
# kinds whose past participle before a noun describes the state of a place, not an event
# (and "a banned group", "the proscribed outfit": a status the group has, not a ban told)
_STATE_KINDS = frozenset({"clash", "capture", "capture?", "recapture", "recapture?", "political?"})
# the nouns "combat" modifies that still name fighting ("combat operations", "combat engagements")
_COMBAT_HEADS = frozenset("operation action engagement clash fighting encounter".split())
# event nouns that also name what a unit does ("a sabotage and reconnaissance group", "raiding party")
_UNIT_NAMING_NOUNS = frozenset("sabotage raid reconnaissance".split())


_PROTEST_FAMILY = frozenset({"protest", "protest_force", "riot"})
_FORCE_VERBS = frozenset("kill wound injure shoot die hurt maim".split())
# beating demonstrators disperses or suppresses a protest (ACLED: intervention); only a severe beating is
# excessive force
_BEATING_VERBS = frozenset({"beat"})
_SEVERE = frozenset("brutally severely badly savagely viciously mercilessly".split())
_INTERVENTION_VERBS = frozenset("disperse arrest detain chase scatter clear break block stop prevent".split())
# crowds of civilians, as lemmas and as words ("villagers", "a group of residents", "youths"): a mob's doers
CROWD_PEOPLE = frozenset(
    "resident residents villager villagers crowd people youth youths local locals inhabitant inhabitants".split()
)
