"""The words the places stage reads by: nouns of settlements, regions, districts and areas, prepositions of place,
words that are never places, and the limits of its scoring."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..gazetteer.data import (
    CLASS_CITY,
    CLASS_TOWN,
    CLASS_VILLAGE,
    Q_ATTESTED,
    Q_LOOSE,
    Q_NAME,
    Q_VARIANT,
)
from ..gazetteer.translit import name_key

if TYPE_CHECKING:
    pass


# --- vocabulary -----------------------------------------------------------------------------------
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "near",
        "of",
        "from",
        "to",
        "around",
        "outside",
        "towards",
        "toward",
        "at",
        "into",
        "across",
        "over",
        "on",
        "beyond",
        "behind",
        "past",
        "via",
        "through",
        "between",
        "along",
        "inside",
        "within",
        "throughout",
        "onto",
        "nearby",
        "off",
        "by",
        "until",
        "till",
        "against",
        "under",
        "above",
        "for",
        "out",
    }
)
NEAR_WORDS = frozenset({"near", "around", "outside", "nearby", "outskirts", "vicinity", "close", "environs"})
COMPASS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
    }
)
COMPASS_ADJ = {
    "northern": (1, 0),
    "southern": (-1, 0),
    "eastern": (0, 1),
    "western": (0, -1),
    "northeastern": (1, 1),
    "northwestern": (1, -1),
    "southeastern": (-1, 1),
    "southwestern": (-1, -1),
    "north-eastern": (1, 1),
    "north-western": (1, -1),
    "south-eastern": (-1, 1),
    "south-western": (-1, -1),
    "central": (0, 0),
}
AREA_NOUNS = frozenset(
    {
        "area",
        "areas",
        "outskirts",
        "direction",
        "directions",
        "axis",
        "sector",
        "vicinity",
        "environs",
        "suburbs",
        "suburb",
        "front",
    }
)
SETTLEMENT_NOUNS = {
    "village": CLASS_VILLAGE,
    "villages": CLASS_VILLAGE,
    "hamlet": CLASS_VILLAGE,
    "settlement": CLASS_VILLAGE,
    "town": CLASS_TOWN,
    "towns": CLASS_TOWN,
    "city": CLASS_CITY,
    "cities": CLASS_CITY,
}
ATTACK_VERBS = frozenset(
    {
        "shell",
        "strike",
        "hit",
        "attack",
        "capture",
        "seize",
        "take",
        "liberate",
        "retake",
        "recapture",
        "storm",
        "enter",
        "bomb",
        "target",
        "encircle",
        "surround",
        "control",
        "occupy",
        "defend",
        "evacuate",
        "reach",
        "approach",
        "pound",
        "raze",
        "besiege",
        "assault",
        "shoot",
        "rock",
        "rocket",
        "drone",
        "hold",
        "lose",
        "abandon",
        "leave",
        "visit",
        "bombard",
        "blast",
        "destroy",
        "damage",
        "flatten",
        "overrun",
        "cross",
        "raid",
        "invade",
        "infiltrate",
        "flee",
        "loot",
        "ransack",
        "torch",
    }
)
ACTOR_NOUNS = frozenset(
    {
        "forces",
        "force",
        "troops",
        "army",
        "military",
        "government",
        "ministry",
        "officials",
        "official",
        "president",
        "leader",
        "leadership",
        "authorities",
        "offensive",
        "counteroffensive",
        "invasion",
        "strikes",
        "attack",
        "attacks",
        "allies",
        "war",
        "defence",
        "defense",
        "diplomats",
        "envoy",
        "regime",
        "soldiers",
        "navy",
        "air",
        "units",
        "commanders",
        "command",
        "intelligence",
        "spokesman",
        "spokeswoman",
        "side",
    }
)
# armed groups and their positions: a place name before them is their affiliation ("Donetsk rebels")
AFFILIATION_NOUNS = frozenset(
    {
        "rebels",
        "rebel",
        "separatists",
        "separatist",
        "militants",
        "militia",
        "militias",
        "militiamen",
        "insurgents",
        "fighters",
        "forces",
        "troops",
        "positions",
        "units",
        "soldiers",
        "servicemen",
        "battalion",
        "brigade",
        "army",
        "military",
        "junta",
        # "two U.S. service members", "a U.S. servicemember", "U.S. personnel"
        "service",
        "servicemember",
        "servicemembers",
        "personnel",
        "peacekeepers",
        "marines",
        "airmen",
        "sailors",
        # units named after a region: "the Assam Rifles", "Sindh Rangers", "the Punjab Regiment"
        "rifles",
        "rangers",
        "regiment",
        # "a Myanmar national", "two Nigerian citizens": whose nationals, not where
        "national",
        "nationals",
        "citizen",
        "citizens",
    }
)
GOVERNMENT_VERBS = frozenset(
    {
        "said",
        "says",
        "say",
        "claimed",
        "claims",
        "retook",
        "launched",
        "launches",
        "denied",
        "denies",
        "announced",
        "accused",
        "accuses",
        "warned",
        "warns",
        "insisted",
        "responded",
        "rejected",
        "demanded",
        "agreed",
        "struck",
        "strikes",
        "attacked",
        "retaliated",
        "vowed",
        "pledged",
        "refused",
        "wants",
        "ordered",
        "sent",
        "sends",
        "deployed",
        "reported",
        "confirmed",
        "blamed",
        "condemned",
        "recaptured",
    }
)
ANAPHOR_NOUNS = {
    "region": "region",
    "oblast": "region",
    "province": "region",
    "area": "area",
    "city": "settlement",
    "town": "settlement",
    "village": "settlement",
    "settlement": "settlement",
    "peninsula": "region",
    "country": "country",
    "capital": "capital",
    "hub": "settlement",
}
ANAPHOR_MODIFIERS = frozenset(
    {
        "border",
        "frontline",
        "front-line",
        "embattled",
        "besieged",
        "key",
        "strategic",
        "industrial",
        "same",
        "eastern",
        "southern",
        "northern",
        "western",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north-eastern",
        "south-eastern",
        "north-western",
        "south-western",
        "regional",
        "small",
        "occupied",
        "annexed",
        "whole",
        "entire",
        "wider",
        "surrounding",
        "contested",
        "devastated",
        "ukrainian",
        "russian",
        "port",
        "coastal",
        "frontier",
    }
)
# nouns of the units of Ukraine's 2020 reform ("Mezhyritska community", "Velykopysarivska hromada") and of the
# former village councils, which ACLED codes to their administrative centre
COMMUNITY_NOUNS = frozenset({"community", "communities", "hromada", "hromadas", "council", "councils"})
COMMUNITY_MODIFIERS = frozenset(
    {"territorial", "village", "settlement", "city", "rural", "urban", "amalgamated", "united", "town"}
)
VAGUE_BORDER_HEADS = frozenset({"areas", "regions", "region", "districts", "villages", "settlements", "area"})
EXCLUDED_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW"})
NOT_PLACES = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "president",
        "minister",
        "general",
        "colonel",
        "major",
        "captain",
        "lieutenant",
        "governor",
        "mayor",
        "god",
        "christ",
        "reuters",
        "afp",
        "nato",
        "un",
        "eu",
        "kremlin",
        "pentagon",
        "telegram",
        "ukrinform",
        "tass",
        "interfax",
        "ria",
        "bbc",
        "cnn",
        "isw",
        "mod",
        "staff",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "saint",
        "molotov",  # the cocktail thrown at police, far more often than Perm's Soviet name
    }
)
# Names of institutions and groups that gazetteers also list as places ("White House" is an alternate name of
# Casablanca in GeoNames); compared with the whole name key.
NOT_PLACE_NAMES = frozenset(
    {
        "white house",
        "kremlin",
        "pentagon",
        "downing street",
        "capitol hill",
        "taliban",
        "hezbollah",
        "hamas",
        "wagner",
        "isis",
        "azov",
        "kraken",
        "north",
        "south",
        "east",
        "west",
        "bank",
        "central",
        "state",
        "security",
        "defence",
        "defense",
        "general",
        "staff",
        "ministry",
        "army",
        "navy",
        "police",
    }
)
# "members of X", "supporters of X": X is a party, a movement or a group, not a place
MEMBER_NOUNS = frozenset(
    {"members", "member", "supporters", "supporter", "activists", "activist", "leaders", "leader", "founders"}
)
MODIFIER_PREFIXES = frozenset({"annexed", "occupied", "russian-occupied", "russian-annexed", "liberated"})
# bodies of water: the names before them ("the Black Sea", "the Dnipro river") and after "X of" ("the Sea of Azov",
# "the Gulf of Finland") are no settlement, country or region
WATER_NOUNS = frozenset(
    {"sea", "ocean", "gulf", "bay", "strait", "straits", "lake", "river", "reservoir", "lagoon", "estuary"}
)
# seas named by their adjective alone ("launched from the Caspian")
SEA_NAMES = frozenset({"caspian", "baltic", "mediterranean", "adriatic", "aegean", "barents", "okhotsk"})
# the names of military groupings ("Battlegroup Sever", "the Vostok group of forces") are no places
UNIT_BEFORE = frozenset({"battlegroup", "grouping"})
# a vessel's name follows its kind ("the cruiser Moskva", "the missile boat Ivanovets"); ships are often named
# after cities
VESSEL_BEFORE = frozenset(
    "ship cruiser frigate corvette boat vessel submarine tanker warship flagship tug destroyer minesweeper".split()
)
UNIT_AFTER = frozenset({"group", "grouping", "battlegroup"})

# scores
W_QUALITY = {Q_NAME: 0.0, Q_ATTESTED: -0.3, Q_VARIANT: -0.9, Q_LOOSE: -1.6}
W_POPULATION = 0.35
W_WAR_COUNTRY = 0.4
W_WAR_REGION = 0.8
# the front line on the document's date (gazetteer.frontline): among namesakes of one oblast, a settlement within
# FRONT_NEAR_KM of a line in force gets W_FRONT, decaying linearly to nothing at FRONT_FAR_KM; below explicit
# region context (W_EXPLICIT), which it never overrides
W_FRONT = 1.0
FRONT_NEAR_KM = 15.0
FRONT_FAR_KM = 60.0
W_RANK = (0.0, 0.15, 0.3, 0.45)  # a hromada, raion or regional centre over a plain village of the same name
W_APPROXIMATE = -0.2  # a village only KATOTTG knows: the smallest places, coordinates approximate
W_COUNTRY_KIND = 3.0
W_REGION_KIND = 0.9
W_FOCUS = 0.8
W_EXPLICIT = 3.0
W_SENTENCE_REGION = 0.8
W_DOCUMENT_REGION = 0.5
W_PROXIMITY = 1.2
PROXIMITY_KM = 150.0
PROXIMITY_WINDOW = 40  # mentions on each side that count as "the other places in the document"
W_CLASS_MATCH = 0.8
W_CLASS_MISMATCH = -1.5
PSEUDO_POPULATION = {CLASS_CITY: 20_000, CLASS_TOWN: 3_000, CLASS_VILLAGE: 300}
MAX_CANDIDATES = 100
FOREIGN_ALIAS_POPULATION = (
    50_000  # a foreign place smaller than this is no reading of an alias in a war report
)
MAX_NAME_TOKENS = 5
NEIGHBOUR_ALIAS_KM = 400.0  # an alias of a town this near a country the text's nationality words name is kept
LONE_ALIAS_FAR_KM = (
    2_000.0  # a lone alias of a place this far from every country the text names is a coincidence
)


# --- answers kept across documents --------------------------------------------------------------
MEMO_LIMIT = 200_000  # entries per table before it is emptied


# --- finding mentions -----------------------------------------------------------------------------
# name keys of the spans tried as names: a pure function of the text, and the same names recur across documents
_name_key = functools.lru_cache(maxsize=1 << 16)(name_key)
_NUMBERED_TEXT = re.compile(r"^[^\W\d]{3,}(?:[ -][^\W\d]+)*[ -]\d{1,2}$")
