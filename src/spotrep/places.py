"""The places stage: find the toponyms of a document and resolve them, jointly, to gazetteer entries.

A mention is found from spaCy's entities and from capitalised tokens that are gazetteer names in place-like
syntax (after a locative preposition, coordinated with another place, object of a verb of attack or capture,
followed by "village"/"region"...), plus patterns for regions ("Kharkiv region", "the region of Tatarstan",
"Kharkiv and Sumy regions"), areas ("Lukyantsi and Vovchansk areas", "border areas", "Russian territory",
"the annexed Crimean peninsula") and anaphora ("the region", "the border town", "the area").

Candidates are scored on how the name matches (own name > attested alternate > generated variant > loose
spelling), population, the war's geography, explicit region context ("X in Y region", "X, Y Oblast"), the
document's focus country and proximity to the other places of the document; every score carries its reasons.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import time
import weakref
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from .gazetteer import get_gazetteer
from .gazetteer.data import (
    APPROX_OBLAST,
    APPROX_RAION,
    CLASS_CITY,
    CLASS_TOWN,
    CLASS_VILLAGE,
    KIND_COUNTRY,
    KIND_REGION,
    KIND_SETTLEMENT,
    Q_ATTESTED,
    Q_LOOSE,
    Q_NAME,
    Q_VARIANT,
    QUALITY_NAMES,
    RANK_NAMES,
    RANK_RAION,
    RANK_REGION,
    SRC_ISO,
    Gazetteer,
    haversine_km,
)
from .gazetteer.frontline import front_distance_km, lines_on
from .gazetteer.regions import (
    DEMONYMS,
    DISTRICT_NOUNS,
    FRONT_REGIONS,
    PLACE_NOUNS,
    REGION_NOUNS,
    WAR_COUNTRIES,
    WAR_REGIONS,
)
from .gazetteer.translit import name_key
from .model import Location

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token

__all__ = [
    "Candidate",
    "PlaceMention",
    "bench_places",
    "country_location",
    "find_places",
    "gazetteer_stats",
    "region_location",
    "resolve_name",
    "unit_contains",
]


@dataclass
class Candidate:
    """One gazetteer entry considered for a mention."""

    location: Location
    kind: str  # "settlement" | "region" | "country"
    population: int | None
    score: float
    why: list[str]


@dataclass
class PlaceMention:
    """A place named (or referred to) in a document, with the entry it resolves to."""

    start: int
    end: int
    text: str
    kind: str  # "settlement" | "region" | "country" | "area"
    location: Location | None
    candidates: list[Candidate]
    reason: str
    sentence_index: int = 0
    anaphoric: bool = False
    metonymy: bool = False  # a capital or country standing for its government ("Kyiv said")
    # "near X", "outside X", "X area": the event is close to X, not in it (precision 2); a capture "near X"
    # is not a capture of X
    near: bool = False
    # a region named only to say where the settlement before it lies ("Orikhiv, Zaporizhia"): not a place of
    # its own for the event
    qualifier: bool = False
    # a place name that says whose an armed group is ("Donetsk rebels", "LPR positions"); metonymy is set too
    affiliation: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "location": self.location.model_dump() if self.location else None,
            "reason": self.reason,
            "sentence_index": self.sentence_index,
            "anaphoric": self.anaphoric,
            "metonymy": self.metonymy,
            "near": self.near,
            "qualifier": self.qualifier,
            "affiliation": self.affiliation,
            "candidates": [
                {
                    "location": c.location.model_dump(),
                    "kind": c.kind,
                    "population": c.population,
                    "score": c.score,
                    "why": c.why,
                }
                for c in self.candidates
            ],
        }


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
MAX_CANDIDATES = 40
FOREIGN_ALIAS_POPULATION = (
    50_000  # a foreign place smaller than this is no reading of an alias in a war report
)
MAX_NAME_TOKENS = 5


# --- internal mention record ----------------------------------------------------------------------
@dataclass
class _Cand:
    entry: int
    quality: int
    base: float
    why: list[str]
    bonus: float = 0.0
    bonus_why: list[str] = field(default_factory=list)
    ctx: float = 0.0  # proximity and focus (recomputed each round)
    ctx_why: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.base + self.bonus + self.ctx


@dataclass
class _Mention:
    tok_start: int
    tok_end: int  # exclusive
    start: int
    end: int
    text: str
    kind: str  # settlement | region | country | area
    cands: list[_Cand] = field(default_factory=list)
    precision: int | None = None  # forced minimum precision (2 for "near X", "X area")
    precision_why: str = ""
    class_hint: int = 0
    anaphor: str | None = None  # region | area | settlement | country | capital
    anaphor_dir: tuple[int, int] | None = None
    demonym_country: str | None = None
    vague: bool = False
    metonymy: bool = False
    accepted_by: str = ""
    fixed_location: Location | None = None
    fixed_reason: str = ""
    winner: _Cand | None = None
    within: frozenset[str] = frozenset()  # ISO regions the text puts the place in ("Orikhiv, Zaporizhia")
    within_text: str = ""  # the words that name them
    qualifier: bool = False  # a region named only as the region of the settlement before it
    near: bool = False  # "near X", "outside X", "X area": a place close to X, not X itself
    affiliation: bool = False  # "Donetsk rebels": whose the armed group is

    def top(self) -> _Cand | None:
        return max(self.cands, key=lambda c: c.score) if self.cands else None


# --- public API -----------------------------------------------------------------------------------
def find_places(
    doc: Doc,
    *,
    focus_country: str | None = None,
    candidates: bool = True,
    text: str | None = None,
    on: date | None = None,
) -> list[PlaceMention]:
    """All place mentions of the document in text order, jointly disambiguated. ``candidates=False`` leaves
    out the losing candidates (the pipeline needs only the winners; `spotrep places` shows them all).
    ``text`` is ``doc.text`` when the caller already has it (spaCy rebuilds it on every access).

    ``on`` is the document's publication date: in a report about the war's theatre, among namesakes of one
    oblast the one near the front line in force that day is preferred (gazetteer.frontline), since fighting,
    shelling and strikes on villages happen there."""
    g = get_gazetteer()
    finder = _Finder(doc, g, text)
    mentions = finder.find()
    starts = [s.start for s in doc.sents]
    _Resolver(doc, g, mentions, focus_country, starts, on).resolve()
    return [_to_public(m, g, starts, candidates) for m in mentions]


def resolve_name(
    name: str, *, country: str | None = None, admin1_code: str | None = None, kind: str | None = None
) -> Location | None:
    """The best gazetteer entry for one name (optionally constrained), or None.

    "Kharkiv region"/"Kharkiv oblast" resolve to the region; kind is "settlement", "region" or "country".
    """
    g = get_gazetteer()
    text = " ".join(name.split())
    if not text:
        return None
    pairs: list[tuple[int, int]] = []
    words = text.split()
    region_forced = False
    if len(words) > 1 and words[-1].lower() in REGION_NOUNS | DISTRICT_NOUNS:
        base = " ".join(words[:-1])
        pairs = g.regions_by_base(base) if words[-1].lower() in REGION_NOUNS else g.districts_by_base(base)
        region_forced = bool(pairs)
    if not pairs:
        pairs = g.lookup(text)
    numbered = _numbered_base(name_key(text)) if not pairs and _NUMBERED_TEXT.match(text) else ""
    if numbered:  # "Zolote-4": a numbered part of the settlement, precision 2
        pairs = [p for p in g.lookup(numbered) if g.country(p[0]) in WAR_COUNTRIES]
    cands = [_base_candidate(g, e, q) for e, q in pairs[: MAX_CANDIDATES * 4]]
    if country:
        cands = [c for c in cands if g.country(c.entry) == country.upper()]
    if admin1_code:
        cands = [c for c in cands if g.admin1_code(c.entry) == admin1_code.upper()]
    if kind:
        cands = [c for c in cands if g.kind_name(c.entry) == kind]
    elif region_forced:
        cands = [c for c in cands if g.kind(c.entry) == KIND_REGION]
    if not cands:
        return None
    best = max(cands, key=lambda c: c.score)
    return g.location(best.entry, precision=max(2, g.precision(best.entry)) if numbered else None)


def filing_city(name: str, *, country: str | None = None) -> Location | None:
    """The city a dateline names ("KABUL", "BAGRAM AIRFIELD, Afghanistan"): among the settlements of that exact
    name (in ``country`` when given), a capital, else the most populous. Reporters file from cities of note, so a
    namesake village never wins over the city (a dateline "NEW YORK" is not Niu-York in Donetsk oblast)."""
    g = get_gazetteer()
    text = " ".join(name.split())
    if not text:
        return None
    entries = [e for e, _ in g.lookup(text, loose=False) if g.kind_name(e) == "settlement"]
    if country:
        entries = [e for e in entries if g.country(e) == country.upper()]
    if not entries:
        return None
    best = max(entries, key=lambda e: (e in g.capital_entries, g.population(e) or 0))
    return g.location(best)


def unit_contains(unit: Location, place: Location) -> bool:
    """Whether an administrative unit contains another place: an oblast (an ISO region at precision 3) its
    raions, hromadas and settlements; a raion its hromadas and settlements. A post that names "Lviv region" and
    then "Stryi district", or "Novhorod-Siverskyi district" and then "the Semenivka community", names the event
    at the most specific of them."""
    if unit.gazetteer_id == place.gazetteer_id or not unit.admin1_code:
        return False
    if place.admin1_code != unit.admin1_code:
        return False
    if unit.admin2 is None:  # an oblast
        return unit.geo_precision == 3 and (place.geo_precision < 3 or place.admin2 is not None)
    return unit.name == unit.admin2 and place.admin2 == unit.admin2  # a raion


def region_location(code: str) -> Location | None:
    """An ISO 3166-2 region ("UA-63") at precision 3, at its representative point."""
    g = get_gazetteer()
    i = g.data.region_entry.get(code.strip().upper())
    return g.location(i) if i is not None else None


def country_location(code: str) -> Location | None:
    """A country (ISO 3166-1 alpha-2) at precision 3, at its representative point."""
    g = get_gazetteer()
    i = g.data.country_entry.get(code.strip().upper())
    return g.location(i) if i is not None else None


def gazetteer_stats() -> dict[str, Any]:
    """Load seconds, entries, keys and approximate memory (MB) of the gazetteer (loads it if needed)."""
    from .gazetteer import gazetteer_stats as _stats

    return _stats()


def bench_places(texts: list[str], dates: Sequence[date | None] = ()) -> dict[str, Any]:
    """Seconds spent in spaCy and in find_places on the same texts (each with its publication date, if
    given, as the pipeline passes it), and their ratio."""
    from .entities import get_nlp

    nlp = get_nlp()
    get_gazetteer()
    spacy_s = places_s = 0.0
    n_mentions = n_words = 0
    for n, text in enumerate(texts):
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        n_mentions += len(find_places(doc, on=dates[n] if n < len(dates) else None))
        t2 = time.perf_counter()
        spacy_s += t1 - t0
        places_s += t2 - t1
        n_words += len(doc)
    return {
        "texts": len(texts),
        "tokens": n_words,
        "mentions": n_mentions,
        "spacy_seconds": round(spacy_s, 4),
        "places_seconds": round(places_s, 4),
        "places_share_of_spacy": round(places_s / spacy_s, 4) if spacy_s else None,
    }


# --- candidate scoring ----------------------------------------------------------------------------
def _base_candidate(g: Gazetteer, entry: int, quality: int) -> _Cand:
    why: list[str] = []
    score = W_QUALITY[quality]
    if quality != Q_NAME:
        why.append(QUALITY_NAMES[quality])
    kind = g.kind(entry)
    pop = g.population(entry)
    if kind == KIND_COUNTRY:
        score += W_COUNTRY_KIND
        why.append("country name")
    elif kind == KIND_REGION:
        score += W_REGION_KIND
        why.append("region name")
    else:
        effective = pop or PSEUDO_POPULATION.get(g.settlement_class(entry), 300)
        score += W_POPULATION * math.log10(max(effective, 10))
        why.append(f"population {pop:,}" if pop else "population unknown")
        if g.precision(entry) > 1:
            score += W_APPROXIMATE
        rank = g.rank(entry)
        if rank:
            score += W_RANK[rank]
            why.append(RANK_NAMES[rank])
    country = g.country(entry)
    if country in WAR_COUNTRIES:
        score += W_WAR_COUNTRY
        region = g.admin1_code(entry)
        if region in FRONT_REGIONS:
            score += W_WAR_REGION
            why.append(f"war geography: front-line region {region}")
        elif region in WAR_REGIONS:
            score += W_WAR_REGION / 2
            why.append(f"war geography: {region}")
        else:
            why.append(f"war geography: {country}")
    return _Cand(entry, quality, score, why)


def location_with_precision(g: Gazetteer, entry: int, precision: int | None) -> Location:
    """The Location of a gazetteer entry at ``precision`` (never finer than the entry's own: a region stays
    at region precision), from the gazetteer's memo."""
    own = g.precision(entry)
    return memo_of(g).location(g, entry, max(own, precision or own))


# --- answers kept across documents --------------------------------------------------------------
MEMO_LIMIT = 200_000  # entries per table before it is emptied


class _GazetteerMemo:
    """Answers that depend only on the gazetteer, which is read-only once loaded, kept across documents
    because place names recur: name lookups (by name key), base candidate scores, distances between entries
    and Location records. A table is emptied when it holds MEMO_LIMIT answers, so memory stays bounded."""

    def __init__(self) -> None:
        self.lookups: dict[tuple[str, bool], list[tuple[int, int]]] = {}
        self.bases: dict[tuple[str, bool | str], list[tuple[int, int]]] = {}
        self.base: dict[tuple[int, int], _Cand] = {}
        self.distances: dict[int, dict[int, float]] = {}  # entry -> other entry -> km
        self.n_distances = 0  # distances held
        self.locations: dict[tuple[int, int], Location] = {}
        self.front: dict[tuple[int, tuple], float | None] = {}  # (entry, lines in force) -> km to the front
        self.lines_key: dict[date, tuple[int, ...]] = {}  # date -> the lines in force, by identity
        self.lines_kept: dict[tuple[int, ...], tuple] = {}

    def lookup(self, g: Gazetteer, text: str, key: str, loose: bool = True) -> list[tuple[int, int]]:
        """g.lookup(text), which depends only on the text's name key; callers must not modify the list."""
        memo = (key, loose)
        pairs = self.lookups.get(memo)
        if pairs is None:
            if len(self.lookups) >= MEMO_LIMIT:
                self.lookups.clear()
            pairs = self.lookups[memo] = g.lookup(text, loose=loose)
        return pairs

    def by_base(self, g: Gazetteer, base: str, district: bool) -> list[tuple[int, int]]:
        """g.districts_by_base(base) or g.regions_by_base(base) ("X district", "X region"), which depend only on
        the base's name key; callers must not modify the list."""
        memo = (_name_key(base), district)
        pairs = self.bases.get(memo)
        if pairs is None:
            if len(self.bases) >= MEMO_LIMIT:
                self.bases.clear()
            pairs = self.bases[memo] = g.districts_by_base(base) if district else g.regions_by_base(base)
        return pairs

    def admin_units(self, g: Gazetteer, base: str, community: bool) -> list[tuple[int, int]]:
        """The raions and hromadas "X district" or "X community" can name (g.admin_units), hromadas first for a
        community and raions first for a district; callers must not modify the list."""
        memo = (_name_key(base), "community" if community else "district")
        pairs = self.bases.get(memo)
        if pairs is None:
            if len(self.bases) >= MEMO_LIMIT:
                self.bases.clear()
            units = g.admin_units(base)
            units.sort(key=lambda e: g.is_hromada(e) != community)
            pairs = self.bases[memo] = [(e, Q_NAME) for e in units]
        return pairs

    def candidate(self, g: Gazetteer, entry: int, quality: int) -> _Cand:
        """A fresh _base_candidate(g, entry, quality) (callers add bonuses to it), copied from the one kept."""
        kept = self.base.get((entry, quality))
        if kept is None:
            if len(self.base) >= MEMO_LIMIT:
                self.base.clear()
            kept = self.base[(entry, quality)] = _base_candidate(g, entry, quality)
        return _Cand(entry, quality, kept.base, list(kept.why))

    def front_km(self, g: Gazetteer, entry: int, on: date) -> float | None:
        """Kilometres from a settlement to the nearest line in force on ``on``, the shelled border belt included
        (front_distance_km), at most FRONT_FAR_KM; None before the war or outside Ukraine and Russia."""
        # the lines in force change a few times a year: distances are kept per set of lines, not per date
        key = self.lines_key.get(on)
        if key is None:
            if len(self.lines_key) >= MEMO_LIMIT:
                self.lines_key.clear()
            lines = lines_on(on, border=True)
            key = self.lines_key[on] = tuple(id(line) for line in lines)
            self.lines_kept[key] = lines  # the ids stay those of these lines
        memo = (entry, key)
        if memo in self.front:
            return self.front[memo]
        if len(self.front) >= MEMO_LIMIT:
            self.front.clear()
        data = g.data
        km = self.front[memo] = front_distance_km(
            data.lat[entry],
            data.lon[entry],
            on,
            country=data.codes[data.country[entry]],
            border=True,
            cap_km=FRONT_FAR_KM,  # farther, the prior is nothing: the distance need not be measured
        )
        return km

    def location(self, g: Gazetteer, entry: int, precision: int) -> Location:
        """A fresh g.location(entry, precision=precision): a copy of the one kept (its fields are plain values,
        so a shallow copy is independent), which skips the validation of a new Location."""
        kept = self.locations.get((entry, precision))
        if kept is None:
            if len(self.locations) >= MEMO_LIMIT:
                self.locations.clear()
            kept = self.locations[(entry, precision)] = g.location(entry, precision=precision)
        return kept.model_copy()


_MEMOS: weakref.WeakKeyDictionary[Gazetteer, _GazetteerMemo] = weakref.WeakKeyDictionary()


def memo_of(g: Gazetteer) -> _GazetteerMemo:
    """The memo of answers kept across documents for this gazetteer (made on first use)."""
    memo = _MEMOS.get(g)
    if memo is None:
        memo = _MEMOS[g] = _GazetteerMemo()
    return memo


# --- finding mentions -----------------------------------------------------------------------------
# name keys of the spans tried as names: a pure function of the text, and the same names recur across documents
_name_key = functools.lru_cache(maxsize=1 << 16)(name_key)


def _is_cap(text: str) -> bool:
    """Whether a token's text is capitalised (and has a letter)."""
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


# words allowed between a locative preposition (or "of") and the name: "in the village of X"
_PRE_NAME_WORDS = frozenset(
    {
        "the",
        "a",
        "of",
        "village",
        "town",
        "city",
        "settlement",
        "hamlet",
        "outskirts",
        "vicinity",
        "centre",
        "center",
        "occupied",
        "annexed",
        "frontline",
        "front-line",
        "port",
        "key",
        "embattled",
        "besieged",
        "strategic",
        "eastern",
        "southern",
        "northern",
        "western",
    }
)
_VAGUE_DEMONYM_NOUNS = frozenset(
    {"side", "border", "borders", "frontier", "areas", "regions", "area", "region"}
)
_COMPASS_POINTS = frozenset(
    {"east", "west", "south", "north", "northeast", "southeast", "northwest", "southwest"}
)
_FRONTLINE_HEADS = frozenset({"areas", "regions", "villages", "towns", "settlements", "zone"})
_NOT_ANAPHOR_NEXT = frozenset(
    {
        "of",
        "'s",
        "’s",
        "council",
        "administration",
        "governor",
        "mayor",
        "authorities",
        "head",
        "hall",
        "police",
        "officials",
        "'",
        "’",
    }
)


class _Finder:
    def __init__(self, doc: Doc, g: Gazetteer, text: str | None = None) -> None:
        self.doc = doc
        self.g = g
        # Doc.text rebuilds the string on every access, so it is read once (or passed in by the caller)
        self.text = doc.text if text is None else text
        # spaCy creates a new Token on every doc[i] and decodes strings on every attribute read, so the
        # attributes every pass looks at are read once into plain lists; the rarer ones (dep_, head, tag_,
        # pos_, whitespace_...) are read from the cached Token objects when needed
        toks: list[Token] = list(doc)
        self.toks = toks
        self.n = len(toks)
        self.lower = [t.lower_ for t in toks]
        self.texts = [t.text for t in toks]
        self.idx = [t.idx for t in toks]
        self.cap = [t[:1].isupper() and _is_cap(t) for t in self.texts]  # (most tokens fail the first test)
        # a capitalised token outside the entities that are never places (dates, numbers...)
        self.name_tok = [c and t.ent_type_ not in EXCLUDED_ENTS for t, c in zip(toks, self.cap, strict=True)]
        self.used = [False] * self.n
        self.owner: list[_Mention | None] = [None] * self.n  # the first mention that covers each token
        self.mentions: list[_Mention] = []
        self.ents = list(doc.ents)
        self.ent_of: list[int] = [-1] * self.n
        for n, ent in enumerate(self.ents):
            for k in range(ent.start, ent.end):
                self.ent_of[k] = n
        self.memo = memo_of(g)

    # helpers
    def _end_char(self, j: int) -> int:
        """The character offset just after token j."""
        return self.idx[j] + len(self.texts[j])

    def _span_text(self, i: int, j: int) -> str:
        return self.text[self.idx[i] : self._end_char(j - 1)]

    def _lookup(self, text: str, key: str, loose: bool = True) -> list[tuple[int, int]]:
        return self.memo.lookup(self.g, text, key, loose)

    def _add(
        self, i: int, j: int, kind: str, pairs: list[tuple[int, int]] | None = None, **kw: Any
    ) -> _Mention:
        lower = self.lower
        # include a preceding "annexed"/"occupied" (and "the") in the surface text
        s = i
        if s > 0 and lower[s - 1] in MODIFIER_PREFIXES:
            s -= 1
            if s > 0 and lower[s - 1] == "the":
                s -= 1
        m = _Mention(s, j, self.idx[s], self._end_char(j - 1), self._span_text(s, j), kind, **kw)
        if pairs:
            candidate = self.memo.candidate
            m.cands = _dedupe([candidate(self.g, e, q) for e, q in pairs])
        used, owner = self.used, self.owner
        for k in range(s, j):
            used[k] = True
            if owner[k] is None:
                owner[k] = m
        self.mentions.append(m)
        return m

    def _free(self, i: int, j: int) -> bool:
        return not any(self.used[i:j])

    def find(self) -> list[_Mention]:
        self._not_places()
        self._region_patterns()
        self._settlement_region_patterns()
        self._demonym_patterns()
        self._names()
        self._vague_patterns()
        self._anaphora()
        self.mentions.sort(key=lambda m: m.start)
        self._drop_areas_near_places()
        return self.mentions

    def _drop_areas_near_places(self) -> None:
        """'Fire in both directions of the front line near Vodiane', 'border areas near Sumy': a vague area
        that the text places near a named place is that place's vicinity (the place is flagged ``near``), not
        an area of its own."""
        lower = self.lower
        drop: set[int] = set()
        for a, b in zip(self.mentions, self.mentions[1:], strict=False):
            if not (a.vague and a.kind == "area" and not a.cands and b.kind in ("settlement", "region")):
                continue
            gap = [lower[x] for x in range(a.tok_end, b.tok_start)]
            if (
                gap
                and gap[0] in NEAR_WORDS
                and len(gap) <= 2
                and all(w in NEAR_WORDS or w in ("to", "the") for w in gap)
            ):
                drop.add(id(a))
        if drop:
            self.mentions = [m for m in self.mentions if id(m) not in drop]

    def _not_places(self) -> None:
        """Names that are no place, marked used before any pattern runs: seas, lakes and rivers ("the Black
        Sea", "the Sea of Azov", "from the Caspian"), military groupings ("Battlegroup Sever", "the Vostok
        group"), vessels ("the cruiser Moskva") and weapon systems ("Kalibr", "Tochka", "KAB") — a gazetteer
        has a small place of most such names somewhere (Cea for "Sea", Sever do Vouga, Kāb), and a war report
        uses them all the time."""
        lower, cap, used, n = self.lower, self.cap, self.used, self.n
        for k, low in enumerate(lower):
            if low in WATER_NOUNS:
                if k > 0 and cap[k - 1]:
                    run = self._base_run_before(k)
                    if run is not None:
                        for x in range(run[0], k + 1):
                            used[x] = True
                if k + 1 < n and lower[k + 1] == "of" and cap[k]:
                    self._use_run(k + 2 if k + 2 < n and lower[k + 2] != "the" else k + 3)
                    used[k] = True
            elif low in SEA_NAMES and cap[k] and k > 0 and lower[k - 1] == "the":
                used[k] = True
            elif low in UNIT_BEFORE or (low in VESSEL_BEFORE and k + 1 < n and cap[k + 1]):
                self._use_run(k + 1)
            elif low in UNIT_AFTER and k > 0 and cap[k - 1] and not used[k - 1]:
                run = self._base_run_before(k)
                if run is not None:
                    for x in range(*run):
                        used[x] = True
            elif cap[k] and not used[k] and _name_key(self.texts[k]) in _weapon_keys():
                used[k] = True

    def _use_run(self, k: int) -> None:
        """Mark the run of capitalised tokens from token k as used (no place)."""
        while k < self.n and self.cap[k]:
            self.used[k] = True
            k += 1

    def _base_run_before(self, k: int) -> tuple[int, int] | None:
        """The run of capitalised tokens (hyphens allowed) ending just before token k."""
        toks, texts, cap, name_tok = self.toks, self.texts, self.cap, self.name_tok
        j = k
        i = j
        while i > 0 and j - i < MAX_NAME_TOKENS:
            if name_tok[i - 1] or (  # a name token, or a joiner: "Ivano-Frankivsk", "Kam'ianske"
                texts[i - 1] in "-'’"
                and i - 1 > 0
                and not toks[i - 2].whitespace_
                and not toks[i - 1].whitespace_
            ):
                i -= 1
            else:
                break
        while i < j and not cap[i]:
            i += 1
        return (i, j) if i < j else None

    def _region_patterns(self) -> None:
        g = self.g
        by_base = self.memo.by_base
        lower, cap, n = self.lower, self.cap, self.n
        for k, low in enumerate(lower):
            community = low in COMMUNITY_NOUNS
            if low in REGION_NOUNS or low in DISTRICT_NOUNS or community or low == "regional":
                # "Mezhyritska territorial community", "Lozivska village council"
                base_end = k
                while base_end > 0 and lower[base_end - 1] in COMMUNITY_MODIFIERS and community:
                    base_end -= 1
                if low in ("council", "councils") and base_end == k:
                    continue  # "the city council" is an institution; "X village council" a community
                run = self._base_run_before(base_end)
                if run is None:
                    continue
                # longest base that is a region (or district, or community) name
                for i in range(run[0], run[1]):
                    base = self._span_text(i, run[1])
                    if community:
                        pairs = self.memo.admin_units(g, base, True)
                    elif low in DISTRICT_NOUNS:
                        pairs = by_base(g, base, True) or self.memo.admin_units(g, base, False)
                    else:
                        pairs = by_base(g, base, False)
                        if not pairs and low in ("republic", "territory"):
                            continue
                    if pairs and self._free(i, k + 1):
                        end = k if low == "regional" else k + 1
                        m = self._add(i, end, "region", pairs, accepted_by=f"'{base} {low}' pattern")
                        if low in DISTRICT_NOUNS or community:
                            m.precision = 2
                        if low.endswith("s") and low != "regional":
                            self._coordinated_bases(i, low)
                        break
        # "the region of Tatarstan", "the Republic of Bashkortostan", "the province of X"
        for k in range(n - 2):
            low = lower[k]
            if low in ("region", "oblast", "province", "republic") and lower[k + 1] == "of":
                run_end = k + 2
                while run_end < n and cap[run_end] and run_end - k - 2 < MAX_NAME_TOKENS:
                    run_end += 1
                for j in range(run_end, k + 2, -1):
                    name = self._span_text(k + 2, j)
                    pairs = by_base(g, name, False) or [
                        p
                        for p in self._lookup(name, _name_key(name), loose=False)
                        if g.kind(p[0]) == KIND_REGION
                    ]
                    if pairs and self._free(k, j):
                        start = k - 1 if k > 0 and lower[k - 1] == "the" else k
                        self._add(start, j, "region", pairs, accepted_by=f"'{low} of X' pattern")
                        break

    def _coordinated_bases(self, i: int, noun: str) -> None:
        """'Kharkiv and Sumy regions': the bases coordinated before the one just found."""
        lower = self.lower
        k = i
        while k >= 2 and lower[k - 1] in ("and", ",", "or", "&"):
            run = self._base_run_before(k - 1)
            if run is None:
                break
            a, b = run
            found = None
            for start in range(a, b):
                base = self._span_text(start, b)
                if noun in COMMUNITY_NOUNS:
                    pairs = self.memo.admin_units(self.g, base, True)
                else:
                    pairs = self.memo.by_base(self.g, base, noun in DISTRICT_NOUNS)
                if pairs and self._free(start, b):
                    found = (start, pairs)
                    break
            if found is None:
                break
            m = self._add(found[0], b, "region", found[1], accepted_by=f"'X and Y {noun}' pattern")
            if noun in DISTRICT_NOUNS or noun in COMMUNITY_NOUNS:
                m.precision = 2
            k = found[0]

    def _region_after(self, k: int) -> tuple[int, list[tuple[int, int]], _Mention | None] | None:
        """The ISO region named from token k on ("Zaporizhia", "Kirovograd", "Kursk region"): its end, its
        (entry, quality) pairs and the region mention already found there, if any."""
        g, n = self.g, self.n
        owner = self.owner[k]
        if owner is not None:
            if owner.kind != "region" or owner.tok_start != k:
                return None
            pairs = [(c.entry, c.quality) for c in owner.cands if _is_iso_region(g, c.entry)]
            return (owner.tok_end, pairs, owner) if pairs else None
        j = k
        while (
            j < n
            and j - k < MAX_NAME_TOKENS
            and not self.used[j]
            and (self.name_tok[j] or (self.texts[j] == "-" and j + 1 < n and self.cap[j + 1]))
        ):
            j += 1
        for e in range(j, k, -1):
            if not self.cap[e - 1]:
                continue
            pairs = [p for p in self.memo.by_base(g, self._span_text(k, e), False) if _is_iso_region(g, p[0])]
            if pairs:
                return e, pairs, None
        return None

    def _list_continues(self, e: int) -> bool:
        """Whether a list of places goes on after token e ("Kharkiv, Dnipro and Odesa"): then the name before
        it is one more item, not the region of the one before."""
        lower, cap, n = self.lower, self.cap, self.n
        if e >= n:
            return False
        if lower[e] in ("and", "or", "&") and e + 1 < n and cap[e + 1]:
            return True
        return lower[e] == "," and e + 1 < n and bool(self.name_tok[e + 1]) and lower[e + 1] not in NOT_PLACES

    def _in_region_pairs(self, i: int, e: int, codes: frozenset[str]) -> list[tuple[int, int]] | None:
        """The gazetteer pairs of the name of tokens i..e when one of them is a settlement of the given
        regions, else None."""
        g = self.g
        text = self._span_text(i, e)
        key = _name_key(text)
        if key in NOT_PLACE_NAMES or (e == i + 1 and self.lower[i] in NOT_PLACES):
            return None
        pairs = self._lookup(text, key, loose=len(key) >= 5)
        if not pairs:
            base = _numbered_base(key) if _NUMBERED_TEXT.match(text) else ""
            pairs = self._numbered_pairs(base) if base else []
        data = g.data
        inside = [
            p
            for p in pairs
            if data.kind[p[0]] == KIND_SETTLEMENT and _region_ok(data.codes[data.admin1[p[0]]], codes)
        ]
        if not inside:
            # a place the gazetteer knows only elsewhere, as a namesake's spelling variant ("Horinka, Kyiv",
            # "Melovoi, Kursk") or as a village of another region ("Bairak, Donetsk"): still in the region the
            # text names (the resolver falls back to the region); a city elsewhere makes it a list ("Kharkiv,
            # Dnipro")
            weak = all(
                data.kind[x] == KIND_SETTLEMENT
                and data.population[x] < 100_000
                and (q != Q_NAME or data.rank[x] < RANK_RAION)
                and x not in g.capital_entries
                for x, q in pairs
            )
            return _trim(g, pairs) if pairs and weak else None
        if len(inside) < len(pairs):
            return inside  # the hard constraint keeps only these; a common name has too many for the cut
        # a regional capital, a region or a country elsewhere under that name makes "X, Y" a list ("Kharkiv,
        # Dnipro"), not X in region Y; a mere town elsewhere does not ("Kamianske, Zaporizhia")
        if any(
            q <= Q_ATTESTED
            and not _region_ok(data.codes[data.admin1[e2]], codes)
            and (data.kind[e2] != KIND_SETTLEMENT or data.rank[e2] == RANK_REGION or e2 in g.capital_entries)
            for e2, q in pairs
        ):
            return None
        return _trim(g, pairs)

    def _settlement_region_patterns(self) -> None:
        """'Pavlohrad, Dnipropetrovsk', 'Orikhiv, Zaporizhia', 'Melovoi, Kursk region', 'Yasnohorodka village,
        Kyiv', 'Avdiivka and Marinka, Donetsk': the most common way reports name a place. The region is named
        only to say where the settlement lies, so the settlement is resolved inside it (a hard constraint) and
        the region mention is marked as its qualifier. spaCy often tags the whole as one ORG entity, which the
        name finder would reject, so the pattern is read here, before it."""
        g = self.g
        texts, lower, n = self.texts, self.lower, self.n
        for k in range(1, n - 1):
            if texts[k] not in (",", "(") or not self.cap[k + 1]:
                continue
            region = self._region_after(k + 1)
            if region is None:
                continue
            r_end, r_pairs, r_mention = region
            if texts[k] == "(" and (r_end >= n or texts[r_end] != ")"):
                continue
            if r_mention is None and (
                self._list_continues(r_end)
                or (r_end < n and (self.cap[r_end] or self.toks[r_end].pos_ in ("VERB", "AUX")))
            ):
                continue  # a list goes on, or "..., Moscow claimed": the name is a speaker, not a region
            data = g.data
            codes = frozenset(data.codes[data.admin1[e]] for e, _ in r_pairs) - {None}
            end = k
            if lower[end - 1] in SETTLEMENT_NOUNS:  # "Yasnohorodka village, Kyiv"
                end -= 1
            region_text = self._span_text(k + 1, r_end)
            unit = self.owner[end - 1]
            if unit is not None and unit.tok_end == end and unit.kind == "region" and unit.precision == 2:
                # "Romny district, Sumy": a district or community and its region
                if any(_region_ok(data.codes[data.admin1[c.entry]], codes) for c in unit.cands):
                    if r_mention is None:
                        r_mention = self._add(
                            k + 1,
                            r_end,
                            "region",
                            r_pairs,
                            accepted_by=f"'X, {region_text}' pattern: the region of X",
                        )
                        r_mention.qualifier = True
                    unit.within, unit.within_text = codes, region_text
                continue
            found = self._settlement_before(end, codes)
            if found is None:
                continue
            a, pairs = found
            if r_mention is None:
                r_mention = self._add(
                    k + 1,
                    r_end,
                    "region",
                    r_pairs,
                    accepted_by=f"'X, {region_text}' pattern: the region of X",
                )
                r_mention.qualifier = True
            m = self._add(a, end, "settlement", pairs, accepted_by=f"'X, {region_text}' pattern")
            m.within, m.within_text = codes, region_text
            self._decorate(m)
            # "Avdiivka and Marinka, Donetsk": the settlements listed before share the region
            b = a
            while b >= 2 and lower[b - 1] in ("and", ",", "or", "&"):
                found = self._settlement_before(b - 1, codes)
                if found is None:
                    break
                start, pairs = found
                other = self._add(
                    start, b - 1, "settlement", pairs, accepted_by=f"'X and Y, {region_text}' pattern"
                )
                other.within, other.within_text = codes, region_text
                self._decorate(other)
                b = start

    def _settlement_before(self, end: int, codes: frozenset[str]) -> tuple[int, list[tuple[int, int]]] | None:
        """The longest name ending just before token end that is a settlement of the regions (start, pairs)."""
        run = self._base_run_before(end)
        if run is None:
            return None
        for start in range(run[0], run[1]):
            if not self._free(start, end):
                continue
            pairs = self._in_region_pairs(start, end, codes)
            if pairs:
                return start, pairs
        return None

    def _demonym_patterns(self) -> None:
        g = self.g
        lower, texts, cap, used, n = self.lower, self.texts, self.cap, self.used, self.n
        for k, low in enumerate(lower):
            code = DEMONYMS.get(low)
            if code is None or not cap[k] or used[k]:
                continue
            # the place noun: directly after, or after "border"/"-controlled"...
            j = k + 1
            while j < n and j - k <= 3 and lower[j] in ("border", "-", "controlled", "held", "occupied"):
                j += 1
            if j >= n or lower[j] not in PLACE_NOUNS:
                continue
            noun = lower[j]
            border = any(lower[x] == "border" for x in range(k + 1, j + 1))
            if "-" in code:  # a region adjective: "Crimean peninsula"
                i = g.data.region_entry.get(code)
                if i is None:
                    continue
                self._add(k, j + 1, "region", [(i, Q_NAME)], accepted_by=f"'{texts[k]} {noun}' pattern")
                continue
            c = g.data.country_entry.get(code)
            if c is None:
                continue
            vague = border or noun in _VAGUE_DEMONYM_NOUNS
            m = self._add(
                k,
                j + 1,
                "area" if vague else "country",
                [(c, Q_NAME)],
                accepted_by=f"'{texts[k]} {noun}' pattern",
            )
            m.demonym_country = code
            m.vague = vague

    def _names(self) -> None:
        g = self.g
        toks, lower, texts, cap, name_tok, used = (
            self.toks,
            self.lower,
            self.texts,
            self.cap,
            self.name_tok,
            self.used,
        )
        n = self.n
        i = 0
        while i < n:
            if used[i] or not name_tok[i] or lower[i] in NOT_PLACES:
                i += 1
                continue
            # the run of name tokens starting here
            j = i + 1
            while j < n and j - i < MAX_NAME_TOKENS and not used[j]:
                if name_tok[j]:
                    j += 1
                elif not toks[j - 1].whitespace_ and (
                    texts[j] in "-'’"
                    or (toks[j].is_lower and toks[j].is_alpha and len(texts[j]) <= 3)
                    or (lower[j] in ("'s", "’s") and j + 1 < n and cap[j + 1])
                ):
                    j += 1  # Rostov-on-Don, Kam'ianske, Luhansk People's Republic
                else:
                    break
            while j > i + 1 and not cap[j - 1]:
                j -= 1
            match = self._longest_match(i, j)
            if match is None:
                i += 1
                continue
            e, pairs = match
            accepted = self._accept(i, e, pairs)
            if accepted:
                kind = _mention_kind(g, pairs)
                m = self._add(i, e, kind, pairs, accepted_by=accepted)
                self._decorate(m)
                i = e
            else:
                i += 1
        # coordinated names: "near Robotyne and Verbove" (the second is often mis-tagged by the NER)
        conjuncts = [k for k in range(n) if name_tok[k] and toks[k].dep_ == "conj"]
        changed = bool(conjuncts)
        while changed:
            changed = False
            for k in conjuncts:
                if used[k]:
                    continue
                owner = self.owner[toks[k].head.i]
                if owner is None or owner.kind not in ("settlement", "region"):
                    continue
                a = k
                while a > 0 and not used[a - 1] and cap[a - 1] and toks[a - 1].head.i == k:
                    a -= 1
                match = self._longest_match(a, k + 1)
                if match is None or match[0] != k + 1:
                    continue
                pairs = match[1]
                if not any(g.country(p[0]) in WAR_COUNTRIES for p in pairs) and owner.kind != "region":
                    continue
                m = self._add(
                    a, k + 1, _mention_kind(g, pairs), pairs, accepted_by="coordinated with a place"
                )
                if owner.precision and owner.accepted_by.startswith("'X"):
                    m.precision = owner.precision
                self._decorate(m)
                changed = True

    def _longest_match(self, i: int, j: int) -> tuple[int, list[tuple[int, int]]] | None:
        g = self.g
        cap = self.cap
        ends = [e for e in range(j, i, -1) if cap[e - 1]]  # never end on "-" or "'s"
        tried: list[tuple[int, str, str]] = []
        for e in ends:
            text = self._span_text(i, e)
            key = _name_key(text)
            if key in NOT_PLACE_NAMES:
                return None
            pairs = self._lookup(text, key, loose=False)
            if pairs:
                return e, _trim(g, pairs)
            tried.append((e, text, key))
        for e, text, key in tried:
            if len(key) < 5:
                continue
            pairs = self._lookup(text, key)
            if pairs:
                return e, _trim(g, pairs)
        for e, text, key in tried:  # "Zolote-5": a numbered part of Zolote
            base = _numbered_base(key) if _NUMBERED_TEXT.match(text) else ""
            pairs = self._numbered_pairs(base) if base else []
            if pairs:
                return e, _trim(g, pairs)
        return None

    def _numbered_pairs(self, base: str) -> list[tuple[int, int]]:
        """The settlements of Ukraine and Russia a numbered part ("Zolote-5", "Pervomaiske 2") belongs to:
        numbering the parts of a mining settlement is a convention of the former Soviet Union."""
        data = self.g.data
        pairs = self._lookup(base, base, loose=len(base) >= 5)
        return [p for p in pairs if data.codes[data.country[p[0]]] in WAR_COUNTRIES]

    def _accept(self, i: int, e: int, pairs: list[tuple[int, int]]) -> str:
        """Why the span is a place mention ('' when it is not)."""
        g = self.g
        lower, texts, n = self.lower, self.texts, self.n
        span_ent = self._entity(i, e)
        label = span_ent.label_ if span_ent is not None else ""
        ent_start = span_ent.start if span_ent is not None else -1
        if span_ent is not None and lower[ent_start] == "the":
            ent_start += 1
        exact_ent = span_ent is not None and ent_start == i and span_ent.end == e
        if e == i + 1 and (self.toks[i].is_stop or lower[i] in NOT_PLACES):
            return ""
        if e < n - 1 and texts[e] == "-" and lower[e + 1] in ("based", "born", "made"):
            return ""
        if span_ent is not None and not exact_ent and ent_start <= i and span_ent.end >= e:
            # part of a larger entity: "Stanislav" in "Stanislav Petrov", "Kyiv" in "Kyiv Independent"
            region_follows = e < n and lower[e] in ("region", "regional", "oblast")
            if label not in ("GPE", "LOC", "FAC") and not region_follows:
                return ""
        qualities = {q for _, q in pairs}
        strong, war = _strength(g, pairs)
        if self._venue_at(i, e) or (not war and " ".join(lower[i:e]) in self._venue_names):
            # the "Bristol" Hotel, Hotel Paris: a venue's name, not a place; and the name again in that text
            # ("the attack on the "Bristol""), unless it is also a place of the war ("the "Odesa" Hotel" in Odesa)
            return ""
        if label in ("GPE", "LOC") and exact_ent:
            return f"spaCy {label}"
        if self._heading(i, e) and _war_name(g, pairs):
            # "Kremenchuk: a missile hit an enterprise": a regional post's heading names the place (spaCy
            # often takes it for a person)
            return "heading 'X:'"
        if label in ("ORG", "NORP", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LANGUAGE") and not (
            war or strong
        ):
            return ""  # a group or a person that shares its name with some small place abroad
        syntax = self._place_syntax(i, e)
        if syntax:
            if qualities == {Q_LOOSE} and not war:
                return ""
            return syntax
        if label == "FAC" and exact_ent and strong:
            return "spaCy FAC"
        if strong and label != "PERSON" and min(qualities) <= Q_ATTESTED:
            return f"well-known place name{f' (spaCy {label})' if label else ''}"
        if label == "PERSON" and e == i + 1 and war and min(qualities) <= Q_ATTESTED and self._under_fire(i):
            # "Sumy came under a drone attack", "missiles hit Sumy": the tagger often takes a city of the war
            # for a person; a person is rarely what fire hits or comes down on
            return "the target of fire (spaCy PERSON)"
        return ""

    def _under_fire(self, i: int) -> bool:
        """Is token i what fire hits: the subject of "came under (fire|attack|shelling)", of a passive strike
        verb ("was shelled", "was hit") or the object of one ("missiles hit X", "explosions rocked X")?"""
        t = self.toks[i]
        head = t.head
        if head.i == t.i or head.pos_ not in ("VERB", "AUX"):
            return False
        lemma = head.lemma_.lower()
        if t.dep_ == "nsubj" and lemma == "come":
            return any(c.lower_ == "under" for c in head.children)
        if t.dep_ == "nsubjpass" or (t.dep_ == "dobj" and head.i < t.i):
            return lemma in _FIRE_VERBS
        return False

    def _venue_at(self, i: int, e: int) -> bool:
        """Is the name part of a venue's proper name: a capitalised venue noun right after it or before it,
        across a closing or an opening quote ("the "Bristol" Hotel", "Hotel Ukraine", "the Kyiv Cinema")?
        Hotels, restaurants and cinemas are named after cities far away; an airport, a plant or a station named
        after its city ("Kharkiv airport") is in it, and stays a place."""
        lower, texts, n = self.lower, self.texts, self.n
        k = e + 1 if e < n and texts[e] in _QUOTES else e
        if k < n and lower[k] in _VENUE_NOUNS and texts[k][:1].isupper():
            return True
        k = i - 2 if i >= 2 and texts[i - 1] in _QUOTES else i - 1
        return k >= 0 and lower[k] in _VENUE_NOUNS and texts[k][:1].isupper()

    @functools.cached_property
    def _venue_names(self) -> frozenset[str]:
        """The one-word names the text gives a venue (a capitalised venue noun next to them)."""
        return frozenset(
            self.lower[j]
            for j in range(self.n)
            if self.texts[j][:1].isupper() and self.lower[j] not in _VENUE_NOUNS and self._venue_at(j, j + 1)
        )

    def _heading(self, i: int, e: int) -> bool:
        """Whether tokens i..e open a paragraph and a colon follows: the heading of a regional administration's
        post ("Kramatorsk: the Russians hit the city centre", "Nikopol district: ...")."""
        if e >= self.n or self.texts[e] != ":":
            return False
        return i == 0 or "\n" in self.texts[i - 1] or "\n" in self.toks[i - 1].whitespace_

    def _entity(self, i: int, e: int) -> Span | None:
        n = self.ent_of[i]
        return self.ents[n] if n >= 0 else None

    def _place_syntax(self, i: int, e: int) -> str:
        lower, texts, n = self.lower, self.texts, self.n
        # a locative preposition right before (or before "the", "village of")
        k = i - 1
        while k >= 0 and lower[k] in _PRE_NAME_WORDS:
            if lower[k] == "of" and k > 0 and lower[k - 1] in MEMBER_NOUNS:
                return ""  # "members of Svoboda": an organisation
            if lower[k] in SETTLEMENT_NOUNS or lower[k] == "of":
                return f"after '{texts[k]}'" if lower[k] != "of" else "after 'of'"
            k -= 1
        if k >= 0 and lower[k] in LOCATIVE_PREPS:
            return f"after the preposition '{texts[k]}'"
        # followed by a settlement or area noun: "Stanislav village", "Lyman direction"
        if e < n and (lower[e] in SETTLEMENT_NOUNS or lower[e] in AREA_NOUNS):
            return f"before '{texts[e]}'"
        # followed by its region: "Volchansk in Sverdlovsk region", "Krasnohorivka, Donetsk Oblast"
        if (
            e + 1 < n
            and lower[e] in ("in", ",", "(")
            and any(
                (owner := self.owner[x]) is not None and owner.kind == "region"
                for x in range(e + 1, min(e + 4, n))
            )
        ):
            return "followed by its region"
        # object of a verb of attack or capture, or passive subject of one
        head_tok = self.toks[e - 1]
        if head_tok.dep_ in ("dobj", "nsubjpass", "pobj") and head_tok.head.lemma_.lower() in ATTACK_VERBS:
            return f"object of '{head_tok.head.text}'"
        if i > 0:
            before = self.toks[i - 1]
            if before.pos_ == "VERB" and before.lemma_.lower() in ATTACK_VERBS:
                return f"after '{texts[i - 1]}'"
        if head_tok.dep_ == "pobj" and head_tok.head.lower_ in LOCATIVE_PREPS:
            return f"object of the preposition '{head_tok.head.text}'"
        # apposition: "Ocheretyne, a village in Donetsk region"
        if (
            e + 2 < n
            and texts[e] == ","
            and lower[e + 1] in ("a", "the")
            and (lower[e + 2] in SETTLEMENT_NOUNS or lower[e + 3 if e + 3 < n else e + 2] in SETTLEMENT_NOUNS)
        ):
            return "apposition with a settlement noun"
        return ""

    def _decorate(self, m: _Mention) -> None:
        """Precision and class hints from the words around a settlement mention."""
        lower, texts = self.lower, self.texts
        i, e = m.tok_start, m.tok_end
        while i < e and (lower[i] == "the" or lower[i] in MODIFIER_PREFIXES):
            i += 1
        k = i - 1
        words = []
        while k >= 0 and i - k <= 4:
            words.append(lower[k])
            k -= 1
        if words:
            # "the village of X", "the city of X"
            if len(words) >= 2 and words[0] == "of" and words[1] in SETTLEMENT_NOUNS:
                m.class_hint = SETTLEMENT_NOUNS[words[1]]
            if words[0] in NEAR_WORDS or (
                len(words) >= 2
                and words[0] in ("of", "to")
                and (words[1] in NEAR_WORDS or words[1] in COMPASS or words[1] in ("outskirts", "vicinity"))
            ):
                m.precision = 2
                m.precision_why = f"'{' '.join(reversed(words[:2]))} X'"
                m.near = True
        if e < self.n:
            nxt = lower[e]
            if nxt in SETTLEMENT_NOUNS:
                m.class_hint = SETTLEMENT_NOUNS[nxt]
            if nxt in AREA_NOUNS and m.kind == "settlement":
                m.precision = 2
                m.precision_why = f"'X {texts[e]}'"
                m.near = True
                # "Lukyantsi and Vovchansk areas": the coordinated first name too
                if nxt.endswith("s"):
                    for other in self.mentions:
                        if (
                            other.tok_end <= m.tok_start
                            and m.tok_start - other.tok_end <= 2
                            and all(lower[x] in ("and", ",", "or") for x in range(other.tok_end, m.tok_start))
                        ):
                            other.precision = 2
                            other.precision_why = f"'X and Y {texts[e]}'"
                            other.near = True
        # "Zolote-5", "Pervomaiske-2": a numbered part of a settlement the gazetteer knows only as a whole
        key = _name_key(m.text)
        base = _numbered_base(key) if _NUMBERED_TEXT.match(m.text) else ""
        if base and not self.g.has_key(key) and not m.precision:
            m.precision = 2
            m.precision_why = f"'{m.text}' is a numbered part of the settlement"
        # compass adjective + country: "eastern Ukraine"
        if m.kind == "country" and m.tok_start > 0 and lower[m.tok_start - 1] in COMPASS_ADJ:
            m.kind = "area"
            m.vague = True
        # metonymy: a capital or a country standing for its government
        self._metonymy(m)
        self._affiliation(m)

    def _affiliation(self, m: _Mention) -> None:
        """'Donetsk rebels', 'LPR positions', 'Luhansk separatists': a place name modifying an armed group (or
        its positions) says whose they are, not where the event is; it is flagged like metonymy."""
        if m.kind not in ("settlement", "region") or m.tok_end >= self.n:
            return
        tok = self.toks[m.tok_end - 1]
        if (
            tok.dep_ in ("compound", "amod", "nmod")
            and tok.head.i == m.tok_end
            and self.lower[m.tok_end] in AFFILIATION_NOUNS
        ):
            m.metonymy = m.affiliation = True

    def _metonymy(self, m: _Mention) -> None:
        g = self.g
        toks, lower, n = self.toks, self.lower, self.n
        top = max(m.cands, key=lambda c: c.base) if m.cands else None
        if top is None:
            return
        is_capital = top.entry in g.capital_entries or g.kind(top.entry) == KIND_COUNTRY
        if not is_capital or m.kind == "area":
            return
        tok = toks[m.tok_end - 1]
        nxt = m.tok_end if m.tok_end < n else None
        after = m.tok_end + 1 if m.tok_end + 1 < n else None
        dep = tok.dep_
        head = tok.head
        if dep in ("compound", "amod") and head.lower_ in ("authorities", "officials", "residents"):
            return  # "Kyiv authorities" keeps the place reading
        subject = dep == "nsubj" and head.pos_ in ("VERB", "AUX")
        possessor = dep == "poss" and head.lower_ in ACTOR_NOUNS
        possessive = (
            nxt is not None
            and after is not None
            and lower[nxt] in ("'s", "’s")
            and lower[after] in ACTOR_NOUNS
        )
        agent = dep == "pobj" and head.lower_ == "by" and head.head.tag_ == "VBN"
        # the parser sometimes misses the subject ("settlements Kyiv retook")
        verb_follows = nxt is not None and (
            lower[nxt] in GOVERNMENT_VERBS
            or (toks[nxt].tag_ in ("VBD", "VBZ", "MD") and dep not in ("pobj", "dobj", "conj"))
        )
        m.metonymy = subject or possessor or possessive or agent or verb_follows

    def _vague_patterns(self) -> None:
        lower, used, n = self.lower, self.used, self.n
        for k, low in enumerate(lower):
            if used[k]:
                continue
            # "border areas", "border regions"
            if low == "border" and k + 1 < n and lower[k + 1] in VAGUE_BORDER_HEADS and self._free(k, k + 2):
                m = self._add(k, k + 2, "area", accepted_by="'border areas' pattern")
                m.vague = True
            # "the front line", "frontline areas"
            elif low in ("frontline", "front-line") or (
                low == "front" and k + 1 < n and lower[k + 1] in ("line", "lines")
            ):
                j = k + 2 if low == "front" else k + 1
                if j < n and lower[j] in _FRONTLINE_HEADS:
                    j += 1
                # "frontline city" names no area of its own (anaphora handles "the frontline town")
                if j == k + 1 and k + 1 < n and lower[k + 1] in ("city", "town", "village"):
                    continue
                if self._free(k, j):
                    s = k - 1 if k > 0 and lower[k - 1] == "the" else k
                    m = self._add(s, j, "area", accepted_by="'front line' pattern")
                    m.vague = True
            # "in the east", "'fighting in east'"
            elif low in _COMPASS_POINTS and (
                k > 0
                and (lower[k - 1] in ("in", "the"))
                and (k + 1 >= n or lower[k + 1] != "of")
                and self.toks[k].is_lower
            ):
                s = k - 1 if lower[k - 1] == "the" else k
                m = self._add(s, k + 1, "area", accepted_by="compass area")
                m.vague = True
                m.anaphor_dir = COMPASS_ADJ.get(low + "ern")

    def _apposition_name(self, k: int) -> bool:
        """Whether a place name follows within a short noun phrase from token k (no verb in between)."""
        toks, texts = self.toks, self.texts
        for x in range(k, min(k + 9, self.n)):
            t = toks[x]
            if t.pos_ in ("VERB", "AUX") or (t.is_punct and texts[x] not in ("'", "’", "-")):
                return False
            if self.used[x] or (self.cap[x] and self._lookup(texts[x], _name_key(texts[x]), loose=False)):
                return True
        return False

    def _possessive_capital(self, k: int) -> bool:
        """ "Ukraine's capital", "Russia's capital": the capital of the country named before it (a mention of its
        own, resolved like "the Ukrainian capital"). True when found."""
        lower, n = self.lower, self.n
        if k < 2 or lower[k - 1] not in ("'s", "’s"):
            return False
        country = self.owner[k - 2]
        if country is None or country.kind != "country" or country.tok_end != k - 1 or not country.cands:
            return False
        if k + 1 < n and (
            (self.cap[k + 1] and lower[k + 1] not in NOT_PLACES) or lower[k + 1] in _NOT_ANAPHOR_NEXT
        ):
            return False  # "Ukraine's capital Kyiv": the name follows; "Russia's capital city council"
        code = self.g.country(country.cands[0].entry)
        m = self._add(k, k + 1, "settlement", accepted_by=f"'{country.text}'s capital'")
        m.anaphor, m.demonym_country = "capital", code
        return True

    def _anaphora(self) -> None:
        lower, texts, cap, used, n = self.lower, self.texts, self.cap, self.used, self.n
        for k, noun in enumerate(lower):
            if used[k] or noun not in ANAPHOR_NOUNS:
                continue
            if self.toks[k].tag_ in ("NNS", "NNPS"):
                continue
            if noun == "capital" and self._possessive_capital(k):
                continue
            # determiner and modifiers before the noun
            a = k - 1
            mods = []
            while a >= 0 and lower[a] in ANAPHOR_MODIFIERS:
                mods.append(lower[a])
                a -= 1
            if a < 0 or lower[a] not in ("the", "this", "that"):
                continue
            if any(used[x] for x in range(a, k + 1)):
                continue
            nxt = lower[k + 1] if k + 1 < n else ""
            if nxt in _NOT_ANAPHOR_NEXT:
                continue
            if k + 1 < n and cap[k + 1]:  # "the city Kharkiv": a name follows
                continue
            if k + 1 < n and texts[k + 1] in (",", "—", "–", "(") and self._apposition_name(k + 2):
                continue  # "the regional hub, the country's second-largest city of Kharkiv"
            kind = ANAPHOR_NOUNS[noun]
            if noun == "hub" and "regional" not in mods:
                continue
            if noun == "capital":
                country = next((DEMONYMS[m] for m in mods if m in DEMONYMS), None)
            else:
                country = next((DEMONYMS[m] for m in mods if m in DEMONYMS and "-" not in DEMONYMS[m]), None)
            m = self._add(
                a,
                k + 1,
                "area" if kind == "area" else ("settlement" if kind in ("settlement", "capital") else kind),
                accepted_by="anaphora",
            )
            m.anaphor = kind
            m.demonym_country = country
            for mod in mods:
                if mod in COMPASS_ADJ:
                    m.anaphor_dir = COMPASS_ADJ[mod]


# regions that contain another region's territory: Kyiv city (UA-30) lies in Kyiv Oblast, Sevastopol (UA-40)
# in Crimea, so "Podil, Kyiv" and "Balaklava, Crimea" are in the region they name
_REGION_CONTAINS = {"UA-32": frozenset({"UA-30"}), "UA-43": frozenset({"UA-40"})}
_NUMBERED = re.compile(r"^(.*\D) (\d{1,2})$")
_NUMBERED_TEXT = re.compile(r"^[^\W\d]{3,}(?:[ -][^\W\d]+)*[ -]\d{1,2}$")


@functools.cache
def _weapon_keys() -> frozenset[str]:
    """Name keys of the one-word names of weapon systems ("Kalibr", "Tochka", "KAB", "Shahed"), read once."""
    from .lexicon.weapons import WEAPON_SYSTEMS

    return frozenset(
        _name_key(form) for _, forms in WEAPON_SYSTEMS.values() for form in forms if " " not in form.strip()
    )


def _foreign_small_alias(data: Any, c: _Cand) -> bool:
    """A settlement outside Ukraine and Russia, of fewer than FOREIGN_ALIAS_POPULATION people, that the mention
    reaches only through an alternate name or a loose spelling."""
    return (
        c.quality >= Q_ATTESTED
        and data.kind[c.entry] == KIND_SETTLEMENT
        and data.codes[data.country[c.entry]] not in WAR_COUNTRIES
        and data.population[c.entry] < FOREIGN_ALIAS_POPULATION
    )


def _region_ok(code: str | None, codes: frozenset[str]) -> bool:
    """Whether a place of ISO region ``code`` lies in one of the regions ``codes``."""
    if code is None:
        return False
    return code in codes or any(code in _REGION_CONTAINS.get(c, ()) for c in codes)


def _is_iso_region(g: Gazetteer, entry: int) -> bool:
    """An ISO 3166-2 region entry (an oblast, Crimea, a federal subject), not a raion, hromada or area."""
    data = g.data
    return data.kind[entry] == KIND_REGION and data.source[entry] == SRC_ISO


def _numbered_base(key: str) -> str:
    """The name a numbered part of a settlement belongs to: "zolote 5" (Zolote-5) -> "zolote", else ""."""
    match = _NUMBERED.match(key)
    return match.group(1) if match else ""


def _trim(g: Gazetteer, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """At most MAX_CANDIDATES * 4 pairs, keeping countries and regions (listed last in the index) first."""
    limit = MAX_CANDIDATES * 4
    if len(pairs) <= limit:
        return pairs
    ranked = sorted(pairs, key=lambda p: (g.kind(p[0]) == KIND_SETTLEMENT, p[1], -(g.population(p[0]) or 0)))
    return ranked[:limit]


_QUOTES = frozenset("\"“”«»„'‘’")
_VENUE_NOUNS = frozenset(
    "hotel hostel motel restaurant cafe café pub cinema theatre theater nightclub casino mall supermarket "
    "boutique".split()
)
_FIRE_VERBS = frozenset("shell strike hit attack bomb bombard target pound rock shake".split())


def _strength(g: Gazetteer, pairs: list[tuple[int, int]]) -> tuple[bool, bool]:
    """Whether a name is strong (it names a country, a region or a city of 100,000, as its own or an attested
    name) and whether any of its entries lies in a country at war."""
    data = g.data
    kinds, population, countries, codes = data.kind, data.population, data.country, data.codes
    attested = [e for e, q in pairs if q <= Q_ATTESTED]
    strong = any(kinds[e] in (KIND_COUNTRY, KIND_REGION) or population[e] >= 100_000 for e in attested)
    war = any(codes[countries[e]] in WAR_COUNTRIES for e, _ in pairs)
    return strong, war


def _war_name(g: Gazetteer, pairs: list[tuple[int, int]]) -> bool:
    """Whether a name is the own or an attested name of a settlement or region of Ukraine or Russia."""
    data = g.data
    return any(q <= Q_ATTESTED and data.codes[data.country[e]] in WAR_COUNTRIES for e, q in pairs)


def _mention_kind(g: Gazetteer, pairs: list[tuple[int, int]]) -> str:
    kind = g.data.kind
    kinds = {kind[e] for e, q in pairs if q <= Q_ATTESTED} or {kind[e] for e, _ in pairs}
    if KIND_COUNTRY in kinds:
        return "country"
    if KIND_REGION in kinds and KIND_SETTLEMENT not in kinds:
        return "region"
    return "settlement"


def _dedupe(cands: list[_Cand]) -> list[_Cand]:
    best: dict[int, _Cand] = {}
    for c in cands:
        old = best.get(c.entry)
        if old is None or c.base > old.base:
            best[c.entry] = c
    out = sorted(best.values(), key=lambda c: -c.base)
    return out[:MAX_CANDIDATES]


# --- resolution -----------------------------------------------------------------------------------
# words between a vague area and the place it is of ("border areas and settlements of Sumy oblast")
_AREA_OF_GAP = frozenset(
    {"of", "the", "and", ",", "settlements", "villages", "towns", "communities", "areas", "districts"}
)
# villages placed at their raion's or oblast's representative point: 30-80 km from where they are, too coarse to
# measure a distance to the front with (a hromada's centre, 10-20 km off, is fine at the prior's scale)
_COARSE_POINTS = frozenset({APPROX_RAION, APPROX_OBLAST})
COARSE_KM = 30.0
# a place proximity is measured against: (is a region, ISO region code, entry, latitude, longitude, text)
_Target = tuple[bool, str | None, int, float, float, str]


class _Resolver:
    def __init__(
        self,
        doc: Doc,
        g: Gazetteer,
        mentions: list[_Mention],
        focus: str | None,
        sent_starts: list[int] | None = None,
        on: date | None = None,
    ) -> None:
        self.doc = doc
        self.g = g
        self.on = on
        self.mentions = mentions
        self.focus = focus.upper() if focus else None
        self.sent_starts = [s.start for s in doc.sents] if sent_starts is None else sent_starts
        # km between gazetteer entries, kept across documents (emptied when it holds MEMO_LIMIT distances)
        self._memo = memo_of(g)
        if self._memo.n_distances >= MEMO_LIMIT:
            self._memo.distances.clear()
            self._memo.n_distances = 0
        self._distances = self._memo.distances

    def _sent(self, tok_i: int) -> int:
        return bisect.bisect_right(self.sent_starts, tok_i) - 1

    def resolve(self) -> None:
        g = self.g
        named = [m for m in self.mentions if m.cands and m.anaphor is None]
        for m in named:
            self._class_hint(m)
        self._explicit_context(named)
        named = [m for m in named if m.fixed_location is None]  # placed by the region the text names
        for m in named:
            m.winner = m.top()
        if self.focus is None:
            self.focus = self._focus_country(named)
        if self._war_theatre(named):
            named = self._drop_foreign_namesakes(named)
            if self.on is not None:
                for m in named:
                    self._front_prior(m, self.on)
        data = g.data
        kinds, countries, codes = data.kind, data.country, data.codes
        focus = self.focus
        for _round in range(2):
            # proximity looks at the places named near a mention (a window of mentions, each place once), so a
            # long document costs linear, not quadratic, time
            winners = [
                (j, m, m.winner) for j, m in enumerate(named) if m.winner is not None and not m.metonymy
            ]
            order = [j for j, _, _ in winners]
            # the places of a window of winners, read once per window: every mention of a document of up to
            # 2 * PROXIMITY_WINDOW + 1 places has the same window
            windows: dict[tuple[int, int], list[_Target]] = {}
            for j, m in enumerate(named):
                n_cands = len(m.cands)
                if n_cands < 2 and _round:
                    continue
                others: list[_Target] = []
                if n_cands > 1:
                    lo = bisect.bisect_left(order, j - PROXIMITY_WINDOW)
                    hi = bisect.bisect_right(order, j + PROXIMITY_WINDOW)
                    window = windows.get((lo, hi))
                    if window is None:
                        window = windows[(lo, hi)] = self._proximity_targets(winners[lo:hi])
                    # m itself and the places of the same name do not count
                    text = m.text
                    others = [t for t in window if t[5] != text]
                for c in m.cands:
                    c.ctx, c.ctx_why = 0.0, []
                    entry = c.entry
                    kind = kinds[entry]
                    if focus and codes[countries[entry]] == focus and kind != KIND_COUNTRY:
                        c.ctx += W_FOCUS
                        c.ctx_why.append(f"focus country {focus}")
                    if others and kind != KIND_COUNTRY:
                        self._proximity(c, others)
                m.winner = m.top()
        for m in self.mentions:
            if m.anaphor is not None:
                self._resolve_anaphor(m)
            elif m.vague and m.kind == "area" and not m.cands:
                self._resolve_vague(m)
            elif m.vague and m.cands:
                w = m.winner or m.top()
                if w is not None:
                    m.fixed_location = g.location(w.entry, precision=3)
                    m.fixed_reason = "vague area: resolved to the whole country"
        _ = g

    def _war_theatre(self, named: list[_Mention]) -> bool:
        """Whether the document is about the war's theatre: its focus country is Ukraine or Russia (or, with
        no focus, one of the places it names lies there). The front prior is for such reports only."""
        if self.focus:
            return self.focus in WAR_COUNTRIES
        g = self.g
        return any(m.winner is not None and g.country(m.winner.entry) in WAR_COUNTRIES for m in named)

    def _drop_foreign_namesakes(self, named: list[_Mention]) -> list[_Mention]:
        """In a report about the war's theatre, a small place abroad reached only through an alternate name or a
        loose spelling is no reading of the name ("Sea" is an alternate name of Cea in Spain, "Kiev" of a
        hamlet somewhere): such candidates are dropped, and a mention left with none is no place at all."""
        data = self.g.data
        kept: list[_Mention] = []
        gone: set[int] = set()
        for m in named:
            cands = [c for c in m.cands if not _foreign_small_alias(data, c)]
            if len(cands) < len(m.cands):
                m.cands = cands
                m.winner = m.top()
            if cands:
                kept.append(m)
            else:
                gone.add(id(m))
        if gone:
            self.mentions[:] = [m for m in self.mentions if id(m) not in gone]
        return kept

    def _front_prior(self, m: _Mention, on: date) -> None:
        """Among the settlements of Ukraine and Russia a name may be (equally well matched), the one near the
        front line in force on the document's date: a report of shelling, fighting or a strike on a village
        that repeats eight times in an oblast, or in five oblasts, is about the one near the front. When the
        text names the oblast, only its villages are left (a hard constraint), so the prior then tells the
        oblast's namesakes apart. Each candidate gets
        W_FRONT * clamp((FRONT_FAR_KM - d) / (FRONT_FAR_KM - FRONT_NEAR_KM), 0, 1), less the least of its group,
        so the prior only tells namesakes apart and a village without a namesake gains nothing."""
        if len(m.cands) < 2:
            return
        data = self.g.data
        groups: dict[int, list[_Cand]] = {}
        for c in m.cands:
            entry = c.entry
            if data.kind[entry] == KIND_SETTLEMENT and data.codes[data.country[entry]] in WAR_COUNTRIES:
                # the official name, a former or attested one ("Pervomaisk", renamed Sokolohirsk) and a
                # transliteration of either ("Vodyane" for Vodiane) are all readings of the name; a loose match
                # is weighed only against other loose matches
                groups.setdefault(c.quality == Q_LOOSE, []).append(c)
        span = FRONT_FAR_KM - FRONT_NEAR_KM
        for group in groups.values():
            if len(group) < 2:
                continue
            kms = [self._memo.front_km(self.g, c.entry, on) for c in group]
            # a point that may be COARSE_KM off is not known to be near the front: its distance is taken as
            # the most it may be
            kms = [
                km + COARSE_KM if km is not None and data.approx[c.entry] in _COARSE_POINTS else km
                for c, km in zip(group, kms, strict=True)
            ]
            weights = [
                0.0 if km is None else W_FRONT * min(1.0, max(0.0, (FRONT_FAR_KM - km) / span)) for km in kms
            ]
            low = min(weights)
            for c, km, w in zip(group, kms, weights, strict=True):
                if w > low:
                    c.bonus += w - low
                    c.bonus_why.append(f"{km:.0f} km from the front line on {on.isoformat()}")

    def _class_hint(self, m: _Mention) -> None:
        if not m.class_hint:
            return
        g = self.g
        for c in m.cands:
            if g.kind(c.entry) != KIND_SETTLEMENT:
                c.bonus += W_CLASS_MISMATCH
                c.bonus_why.append(f"text says {_class_word(m.class_hint)}, this is a {g.kind_name(c.entry)}")
                continue
            cls = g.settlement_class(c.entry)
            pop = g.population(c.entry) or 0
            if m.class_hint == CLASS_VILLAGE:
                if cls == CLASS_CITY or pop >= 50_000:
                    c.bonus += W_CLASS_MISMATCH
                    c.bonus_why.append("text says village, this is a city")
                elif cls in (CLASS_VILLAGE, 0):
                    c.bonus += W_CLASS_MATCH
                    c.bonus_why.append("text says village")
            elif m.class_hint == CLASS_CITY:
                if cls == CLASS_CITY or pop >= 50_000:
                    c.bonus += W_CLASS_MATCH
                    c.bonus_why.append("text says city")
                elif cls == CLASS_VILLAGE:
                    c.bonus += W_CLASS_MISMATCH / 2
                    c.bonus_why.append("text says city, this is a village")
            elif m.class_hint == CLASS_TOWN and cls in (CLASS_TOWN, CLASS_CITY):
                c.bonus += W_CLASS_MATCH / 2
                c.bonus_why.append("text says town")

    def _explicit_context(self, named: list[_Mention]) -> None:
        """'X in Y region', 'X, Y Oblast', 'X (Y region)', 'Kazan, the capital of Tatarstan'."""
        doc = self.doc
        g = self.g
        gap_words = {
            "in",
            "the",
            ",",
            "(",
            "of",
            "near",
            "-",
            "—",
            "–",
            "a",
            "an",
            "capital",
            "city",
            "town",
            "village",
            "centre",
            "center",
            "administrative",
            "regional",
            "settlement",
            "located",
            "on",
            "district",
            "suburb",
            "province",
            "part",
            "county",
            "municipality",
            "outside",
        }
        gap_words |= set(COMPASS_ADJ)
        for a, m in enumerate(named):
            if m.kind == "country":
                continue
            if m.within:
                if not self._constrain(m, m.within, m.within_text):
                    self._unknown_in_region(m, m.within, m.within_text)
                continue
            for n in named[a + 1 : a + 3]:
                gap = range(m.tok_end, n.tok_start)
                if len(gap) > 6 or self._sent(m.tok_start) != self._sent(n.tok_start):
                    break
                if not all(doc[x].lower_ in gap_words for x in gap):
                    break
                if n.kind == "country":
                    for c in m.cands:
                        if any(g.country(c.entry) == g.country(d.entry) for d in n.cands[:1]):
                            c.bonus += W_EXPLICIT / 2
                            c.bonus_why.append(f"explicit country context: {n.text}")
                    continue
                contains = not any(doc[x].lower_ in ("near", "outside") for x in gap)
                self._pair_bonus(m, n, contains)
                break
        # a region named anywhere in the same sentence, or elsewhere in the document
        named_regions = [
            r
            for r in named
            if r.kind == "region" and r.cands and not r.metonymy and _is_iso_region(g, r.cands[0].entry)
        ]
        doc_codes: dict[str, str] = {}
        for r in named_regions:
            doc_codes.setdefault(g.admin1_code(r.cands[0].entry) or "", r.text)
        for m in named:
            if m.within:
                doc_codes.update(dict.fromkeys(m.within, m.within_text))
        doc_codes.pop("", None)
        for m in named:
            if m.kind != "settlement" or m.within:
                continue
            s = self._sent(m.tok_start)
            here = {
                g.admin1_code(r.cands[0].entry): r.text
                for r in named_regions
                if r is not m and self._sent(r.tok_start) == s
            }
            for c in m.cands:
                if any("explicit" in w for w in c.bonus_why):
                    continue
                code = g.admin1_code(c.entry)
                if code in here:
                    c.bonus += W_SENTENCE_REGION
                    c.bonus_why.append(f"region named in the sentence: {here[code]}")
                elif code in doc_codes:
                    c.bonus += W_DOCUMENT_REGION
                    c.bonus_why.append(f"region named in the document: {doc_codes[code]}")
            # the region the passage is about: named in the sentence, else in one of the two sentences before
            local = dict(here)
            if not local:
                before = [
                    r for r in named_regions if r.tok_start < m.tok_start and s - self._sent(r.tok_start) <= 2
                ]
                if before:
                    r = before[-1]
                    local = {g.admin1_code(r.cands[0].entry) or "": r.text}
            self._region_focus_fallback(m, local or (doc_codes if len(doc_codes) == 1 else {}))
        self._district_context(named)

    def _district_context(self, named: list[_Mention]) -> None:
        """A raion named in the passage ("Synelnykove district. The enemy hit Pokrovske community with a
        missile"): a regional post's heading says which district the places after it lie in, so among
        namesakes the settlement or community of that raion is preferred (as much as a region named in the
        sentence; elsewhere in the document, as a region named in the document)."""
        g = self.g
        data = g.data
        raions = [
            (r, r.cands[0].entry)
            for r in named
            if r.kind == "region"
            and r.cands
            and not r.metonymy
            and data.kind[r.cands[0].entry] == KIND_REGION
            and g.admin2(r.cands[0].entry)
            and not g.is_hromada(r.cands[0].entry)
        ]
        if not raions:
            return
        for m in named:
            if m.within or len(m.cands) < 2 or m.kind == "country":
                continue
            s = self._sent(m.tok_start)
            best: dict[tuple[str | None, str | None], tuple[float, str]] = {}
            for r, entry in raions:
                if r is m:
                    continue
                local = r.tok_start < m.tok_start and 0 <= s - self._sent(r.tok_start) <= 2
                weight = W_SENTENCE_REGION if local or self._sent(r.tok_start) == s else W_DOCUMENT_REGION
                key = (g.admin1_code(entry), g.admin2(entry))
                if weight > best.get(key, (0.0, ""))[0]:
                    best[key] = (weight, r.text)
            for c in m.cands:
                if data.kind[c.entry] == KIND_REGION and not g.is_hromada(c.entry):
                    continue  # the raion itself, or an oblast
                hit = best.get((g.admin1_code(c.entry), g.admin2(c.entry)))
                if hit is not None:
                    c.bonus += hit[0]
                    c.bonus_why.append(f"in the district named in the passage: {hit[1]}")

    def _constrain(self, m: _Mention, codes: frozenset[str], text: str) -> bool:
        """Keep only the candidates inside the regions the text names for the place (a hard constraint: a
        village is never put in another oblast than the one named). False when none lies there."""
        g = self.g
        keep = [c for c in m.cands if g.admin1_code(c.entry) in codes] or [
            c for c in m.cands if _region_ok(g.admin1_code(c.entry), codes)
        ]  # "Lukianivka, Kyiv" is the oblast's village; the city's neighbourhood only when there is none
        fetched = not keep
        if fetched:
            keep = self._named_in(m, codes)
        if not keep:
            return False
        for c in keep:
            c.bonus += W_EXPLICIT
            c.bonus_why.append(f"explicit region context: {text}")
        m.cands = keep
        if fetched:
            self._class_hint(m)
        return True

    def _named_in(self, m: _Mention, codes: frozenset[str]) -> list[_Cand]:
        """Candidates of the mention's name inside the regions, read again from the whole lookup: a common
        name (Mykolaivka, Novoselivka) has more entries than a mention keeps."""
        g = self.g
        key = _name_key(m.text)
        pairs = self._memo.lookup(g, m.text, key, loose=len(key) >= 5)
        base = _numbered_base(key) if not pairs and _NUMBERED_TEXT.match(m.text) else ""
        if base:
            pairs = self._memo.lookup(g, base, base, loose=len(base) >= 5)
        data = g.data
        inside = [
            self._memo.candidate(g, e, q)
            for e, q in pairs
            if data.kind[e] == KIND_SETTLEMENT and _region_ok(data.codes[data.admin1[e]], codes)
        ]
        return _dedupe(inside)

    def _region_focus_fallback(self, m: _Mention, doc_codes: dict[str, str]) -> None:
        """A passage about a Russian region ("Kursk region") that names a village by its Russian spelling
        ("Melovoi", "Podol") the gazetteer knows only as a namesake's variant in Ukraine: the village is in
        the region the passage is about (``doc_codes``: the regions of the sentence, of the two before, or the
        document's only one), which is given instead of the namesake (precision 3)."""
        if not doc_codes or m.metonymy:
            return
        g = self.g
        countries = {code[:2] for code in doc_codes}
        if len(countries) != 1:
            return
        country = next(iter(countries))
        if any(g.country(c.entry) == country for c in m.cands):
            return
        if any(c.quality == Q_NAME or (g.population(c.entry) or 0) >= 100_000 for c in m.cands):
            return  # the place's own name, or a city: the report names a place of the other country
        code, text = next(iter(doc_codes.items()))
        entry = g.data.region_entry.get(code)
        if entry is None:
            return
        m.fixed_location = location_with_precision(g, entry, 3)
        m.kind = "region"
        m.fixed_reason = (
            f"no '{m.text}' in {g.location(entry).name} in the gazetteer, and the report is about {text}: "
            "the region (its administrative centre), precision 3"
        )

    def _pair_bonus(self, m: _Mention, n: _Mention, contains: bool = True) -> None:
        """'X in Y region', 'X, Y Oblast', 'X (Y region)', 'X district, Y oblast': a region that contains X
        is a hard constraint; a neighbouring settlement ('X near Y') a bonus."""
        g = self.g

        def consistent(c: _Cand, d: _Cand) -> bool:
            if g.kind(d.entry) == KIND_REGION:
                if g.kind(c.entry) == KIND_REGION and not _is_iso_region(g, d.entry):
                    return False  # "the Bilopillia, Krasnopillia and Esman communities": a list, not X in Y
                a2 = g.admin2(d.entry)
                if a2 and g.admin1_code(d.entry) and g.kind(c.entry) == KIND_SETTLEMENT:  # a raion or hromada
                    return g.admin2(c.entry) == a2
                return _region_ok(g.admin1_code(c.entry), frozenset({g.admin1_code(d.entry) or ""}))
            if g.kind(d.entry) == KIND_COUNTRY or g.country(c.entry) != g.country(d.entry):
                return False
            if g.admin1_code(c.entry) != g.admin1_code(d.entry):
                return False
            dist = g.distance_km(c.entry, d.entry)
            return dist is not None and dist < 150

        region = n.kind == "region" and contains and bool(n.cands) and g.kind(n.cands[0].entry) == KIND_REGION
        pairs = [(c, d) for c in m.cands for d in n.cands if c.entry != d.entry and consistent(c, d)]
        if not pairs and region and m.kind == "settlement" and _is_iso_region(g, n.cands[0].entry):
            more = self._named_in(m, frozenset({g.admin1_code(n.cands[0].entry) or ""}))
            pairs = [(c, n.cands[0]) for c in more]
            if pairs:
                m.cands = more
                self._class_hint(m)
        if not pairs:
            if region and _is_iso_region(g, n.cands[0].entry) and m.kind == "settlement":
                self._unknown_in_region(m, frozenset({g.admin1_code(n.cands[0].entry) or ""}), n.text)
            elif self._district_of_city(m, n):
                m.cands = [
                    _Cand(d.entry, d.quality, d.base, [*d.why, f"'{m.text}' is a district of the city"])
                    for d in n.cands
                    if g.kind(d.entry) == KIND_SETTLEMENT
                ]
                m.kind, m.precision = "settlement", None
            return
        best_c = {c.entry for c, _ in pairs}
        best_d = {d.entry for _, d in pairs}
        if region:
            m.cands = [c for c in m.cands if c.entry in best_c]  # the region the text names, and no other
            m.within = frozenset(g.admin1_code(d) or "" for d in best_d) - {""}
            m.within_text = n.text
        for c in m.cands:
            if c.entry in best_c:
                c.bonus += W_EXPLICIT
                c.bonus_why.append(f"explicit region context: {n.text}")
        for d in n.cands:
            if d.entry in best_d:
                d.bonus += W_EXPLICIT / 2
                d.bonus_why.append(f"contains {m.text}")

    def _district_of_city(self, m: _Mention, n: _Mention) -> bool:
        """'The Kirovskyi district of Donetsk city': a district named by the city it is part of, which no raion
        or hromada of that name fits (a city district the gazetteer does not know, or knows under its new
        name): the place is the city."""
        doc, g = self.doc, self.g
        words = [doc[x].lower_ for x in range(m.tok_end, n.tok_start)]
        if (
            m.kind != "region"
            or doc[m.tok_end - 1].lower_ not in DISTRICT_NOUNS
            or words not in (["of"], ["of", "the"])
        ):
            return False
        top = max(
            (d for d in n.cands if g.kind(d.entry) == KIND_SETTLEMENT), key=lambda d: d.base, default=None
        )
        return top is not None and (
            g.settlement_class(top.entry) == CLASS_CITY or (g.population(top.entry) or 0) >= 50_000
        )

    def _unknown_in_region(self, m: _Mention, codes: frozenset[str], text: str) -> None:
        """'Melovoi, Kursk region' where the gazetteer knows no such place in that region (only namesakes
        elsewhere): the place is in the region the text names, so the region is given (precision 3)."""
        g = self.g
        if any(
            (g.population(c.entry) or 0) >= 100_000 or g.kind(c.entry) != KIND_SETTLEMENT for c in m.cands
        ):
            return  # "Kharkiv, Belgorod region": two places, not a village of the region
        entry = next((g.data.region_entry[c] for c in sorted(codes) if c in g.data.region_entry), None)
        if entry is None:
            return
        m.fixed_location = location_with_precision(g, entry, 3)
        m.kind = "region"
        m.fixed_reason = (
            f"no '{m.text}' in {text} in the gazetteer: the region the text names (its administrative "
            "centre), precision 3"
        )

    def _focus_country(self, named: list[_Mention]) -> str | None:
        g = self.g
        votes: Counter[str] = Counter()
        for m in named:
            w = m.winner
            if w is None:
                continue
            country = g.country(w.entry)
            if not country:
                continue
            if m.metonymy:
                votes[country] += 0.25
            elif g.kind(w.entry) == KIND_COUNTRY:
                votes[country] += 0.5
            else:
                votes[country] += 1.0
        if not votes:
            return None
        (best, n), *rest = votes.most_common()
        if rest and rest[0][1] == n:
            return None
        return best

    def _proximity_targets(self, winners: list[tuple[int, _Mention, _Cand]]) -> list[_Target]:
        """The places a window of winners offers for proximity, each (entry, text) once (its first mention),
        with what the measure needs read once: (is a region, its ISO region code, entry, latitude, longitude,
        text). Places that never count (countries, vague areas, regions without an ISO code, entries without
        coordinates) are left out."""
        nearby: dict[tuple[int, str], tuple[_Mention, _Cand]] = {}
        for _, other, w in winners:
            nearby.setdefault((w.entry, other.text), (other, w))
        data = self.g.data
        kinds, admin1, codes, lats, lons = data.kind, data.admin1, data.codes, data.lat, data.lon
        targets: list[_Target] = []
        for other, w in nearby.values():
            entry = w.entry
            kind = kinds[entry]
            if kind == KIND_COUNTRY or other.vague:
                continue
            if kind == KIND_REGION:
                code = codes[admin1[entry]]
                if code:
                    targets.append((True, code, entry, 0.0, 0.0, other.text))
            elif not math.isnan(lats[entry]):
                targets.append((False, None, entry, lats[entry], lons[entry], other.text))
        return targets

    def _proximity(self, c: _Cand, targets: list[_Target]) -> None:
        data = self.g.data
        entry = c.entry
        lat = data.lat[entry]
        if math.isnan(lat):
            return
        lon = data.lon[entry]
        code = data.codes[data.admin1[entry]]
        distances = self._distances.get(entry)
        if distances is None:
            distances = self._distances[entry] = {}
        best_d: float | None = None
        best_text = ""
        computed = 0
        for is_region, other_code, other_entry, other_lat, other_lon, text in targets:
            if is_region:
                if other_code != code:
                    continue
                d = 50.0
            else:
                d = distances.get(other_entry)
                if d is None:
                    d = distances[other_entry] = haversine_km(lat, lon, other_lat, other_lon)
                    computed += 1
            if best_d is None or d < best_d:
                best_d, best_text = d, text
        self._memo.n_distances += computed
        if best_d is not None:
            bonus = W_PROXIMITY * math.exp(-best_d / PROXIMITY_KM)
            if bonus > 0.05:
                c.ctx += bonus
                c.ctx_why.append(f"{best_d:.0f} km from {best_text}")

    def _resolve_vague(self, m: _Mention) -> None:
        """'border areas', 'the front line', 'in the east': the widest honest level, the country ('the border
        areas of Sumy oblast': the region)."""
        g = self.g
        country = m.demonym_country
        why = ""
        if country:
            why = f"country named by '{m.text}'"
        border = "border" in m.text.lower()
        if country is None and not border and self.focus:
            # "the front line", "in the east": the theatre of the document
            country, why = self.focus, f"document focus country {self.focus}"
        owner = self._area_of(m) if country is None else None
        if owner is not None and owner.winner is not None:
            # "attacks on the border areas and settlements of Sumy oblast": the region the area is of (its
            # administrative centre, precision 3), not the attackers' nationality
            entry = owner.winner.entry
            region = entry if _is_iso_region(g, entry) else g.region_of(entry)
            if region is not None:
                m.fixed_location = location_with_precision(g, region, 3)
                m.fixed_reason = f"vague area of {owner.text}: its region, precision 3"
                return
            country = g.country(entry)
            why = f"the {m.text} of {owner.text}"
        if country is None:
            s = self._sent(m.tok_start)
            sent = self.doc[
                self.sent_starts[s] : (
                    self.sent_starts[s + 1] if s + 1 < len(self.sent_starts) else len(self.doc)
                )
            ]
            for tok in sent:
                code = DEMONYMS.get(tok.lower_)
                if code and "-" not in code and tok.i < m.tok_start:
                    country = code
                    why = f"'{tok.text}' in the same sentence"
            if country is None:
                for other in self.mentions:
                    if other is m or other.winner is None or self._sent(other.tok_start) != s:
                        continue
                    country = g.country(other.winner.entry)
                    why = f"place in the same sentence: {other.text}"
                    break
        if country is None and self.focus:
            country, why = self.focus, f"document focus country {self.focus}"
        i = g.data.country_entry.get(country or "")
        if i is None:
            m.fixed_reason = "vague area with no country in context"
            return
        m.fixed_location = g.location(i, precision=3)
        m.fixed_reason = f"vague area, resolved to the widest honest level (the country): {why}"

    def _area_of(self, m: _Mention) -> _Mention | None:
        """The place a vague area is said to be of ("the border areas and settlements of Sumy oblast", "border
        villages of the Kursk region"), or None."""
        doc = self.doc
        for other in self.mentions:
            if other.tok_start <= m.tok_end or other.tok_start - m.tok_end > 6:
                continue
            words = [doc[x].lower_ for x in range(m.tok_end, other.tok_start)]
            if "of" in words and all(w in _AREA_OF_GAP for w in words):
                return other
            return None
        return None

    def _resolve_anaphor(self, m: _Mention) -> None:
        g = self.g
        kind = m.anaphor
        if kind == "capital":
            country = m.demonym_country or self.focus
            cap = g.data.capitals.get(country or "")
            if cap is not None:
                m.fixed_location = g.location(cap)
                m.fixed_reason = f"'the capital' of {country}"
                m.kind = "settlement"
            return
        earlier = [
            o
            for o in self.mentions
            if o.start < m.start
            and o is not m
            and (o.winner is not None or o.fixed_location is not None)
            and not o.metonymy
        ]
        earlier.reverse()

        def loc_of(o: _Mention) -> tuple[int | None, Location | None]:
            if o.winner is not None:
                return o.winner.entry, None
            return None, o.fixed_location

        for o in earlier:
            entry, fixed = loc_of(o)
            if entry is None:
                if kind == "area" and fixed is not None and not o.vague:
                    m.fixed_location, m.fixed_reason = fixed, f"antecedent: {o.text}"
                    m.kind = o.kind
                    return
                continue
            ok = g.kind(entry)
            if kind == "country":
                if ok == KIND_COUNTRY:
                    m.fixed_location = g.location(entry)
                    m.fixed_reason = f"antecedent: {o.text}"
                    return
                continue
            if ok == KIND_COUNTRY or o.vague:
                continue
            if self.focus and g.country(entry) != self.focus and m.demonym_country is None:
                continue
            if m.demonym_country and g.country(entry) != m.demonym_country:
                continue
            if kind == "settlement":
                if ok != KIND_SETTLEMENT:
                    continue
                m.fixed_location = g.location(entry)
                m.fixed_reason = f"antecedent: {o.text}"
                return
            if kind == "region":
                target = entry if ok == KIND_REGION and not g.admin2(entry) else g.region_of(entry)
                if target is None:
                    continue
                if m.anaphor_dir is not None and not self._direction_ok(target, m.anaphor_dir):
                    continue
                m.fixed_location = g.location(target)
                m.fixed_reason = f"antecedent: {o.text}" + (" (its region)" if target != entry else "")
                return
            if kind == "area":
                prec = 2 if ok == KIND_SETTLEMENT else 3
                m.fixed_location = g.location(entry, precision=max(prec, g.precision(entry)))
                m.fixed_reason = f"antecedent: {o.text}"
                m.kind = "area"
                return
        m.fixed_reason = "no antecedent found"

    def _direction_ok(self, region: int, direction: tuple[int, int]) -> bool:
        g = self.g
        country = g.data.country_entry.get(g.country(region) or "")
        if country is None:
            return True
        a, b = g.point(region), g.point(country)
        if a is None or b is None:
            return True
        dlat, dlon = a[0] - b[0], (a[1] - b[1]) * math.cos(math.radians(b[0]))
        if direction[0] and dlat * direction[0] <= 0:
            return False
        return not (direction[1] and dlon * direction[1] <= 0)


def _class_word(cls: int) -> str:
    return {CLASS_CITY: "city", CLASS_TOWN: "town", CLASS_VILLAGE: "village"}.get(cls, "place")


def _to_public(
    m: _Mention, g: Gazetteer, sent_starts: list[int], with_candidates: bool = True
) -> PlaceMention:
    sent = bisect.bisect_right(sent_starts, m.tok_start) - 1
    cands = sorted(m.cands, key=lambda c: -c.score)
    public_cands = [
        Candidate(
            location=location_with_precision(g, c.entry, None),
            kind=g.kind_name(c.entry),
            population=g.population(c.entry),
            score=round(c.score, 3),
            why=[*c.why, *c.bonus_why, *c.ctx_why],
        )
        for c in (cands[:6] if with_candidates else ())
    ]
    location: Location | None = None
    reason = ""
    kind = m.kind
    if m.fixed_location is not None or m.anaphor is not None or (m.vague and not m.cands):
        location = m.fixed_location
        reason = m.fixed_reason
    elif cands:
        w = cands[0]
        precision = m.precision
        city_district = g.is_city_district(w.entry)
        if city_district:
            precision = precision if m.near else None  # the city, as ACLED codes it
        elif g.kind(w.entry) == KIND_REGION and g.admin2(w.entry) and not precision:
            precision = 2
        location = location_with_precision(g, w.entry, precision)
        why = [*w.why, *w.bonus_why, *w.ctx_why]
        reason = f"{location.name} ({location.admin1_code or location.country}): " + "; ".join(why[:5])
        if len(cands) > 1:
            runner = cands[1].entry
            where = g.admin1_code(runner) or g.country(runner)
            reason += f" — beat {g.name(runner)} ({where}) {cands[1].score:.2f} < {w.score:.2f}"
        centre = g.centre_of(w.entry)
        if city_district and centre is not None:
            reason += f"; a district of {g.name(centre)}: the city's point"
        elif centre is not None and g.kind(w.entry) == KIND_REGION:
            # ACLED's convention: a district, community or region named alone is coded to its centre
            reason += f"; at the administrative centre of {location.name}: {g.name(centre)}"
            if location.geo_precision == 2:
                reason += " (precision 2)"
        elif m.precision_why and location.geo_precision == 2:
            reason += f"; precision 2: {m.precision_why}"
        elif g.approx_reason(w.entry):
            reason += f"; precision {g.precision(w.entry)}: {g.approx_reason(w.entry)}"
        if kind == "settlement" and g.kind(w.entry) != KIND_SETTLEMENT:
            kind = g.kind_name(w.entry)
    return PlaceMention(
        start=m.start,
        end=m.end,
        text=m.text,
        kind=kind,
        location=location,
        candidates=public_cands,
        reason=reason,
        sentence_index=max(sent, 0),
        anaphoric=m.anaphor is not None,
        metonymy=m.metonymy,
        near=m.near,
        qualifier=m.qualifier,
        affiliation=m.affiliation,
    )
