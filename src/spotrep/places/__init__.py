"""The places stage: find the toponyms of a document and resolve them, jointly, to gazetteer entries.

A mention is found (``finder``) from spaCy's entities and from capitalised tokens that are gazetteer names in
place-like syntax (after a locative preposition, coordinated with another place, object of a verb of attack or
capture, followed by "village"/"region"...), plus patterns for regions ("Kharkiv region", "the region of
Tatarstan", "Kharkiv and Sumy regions"), areas ("Lukyantsi and Vovchansk areas", "border areas", "Russian
territory", "the annexed Crimean peninsula") and anaphora ("the region", "the border town", "the area").
Candidates are scored (``scoring``, ``resolver``) on how the name matches (own name > attested alternate >
generated variant > loose spelling), population, the war's geography, explicit region context ("X in Y region",
"X, Y Oblast"), the document's focus country and proximity to the other places of the document; every score
carries its reasons.
The words it reads by are in ``vocabulary``; its records in ``records``."""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING, Any

from ..gazetteer import get_gazetteer
from ..gazetteer.data import (
    KIND_REGION,
    haversine_km,
)
from ..gazetteer.regions import (
    DISTRICT_NOUNS,
    REGION_NOUNS,
    WAR_COUNTRIES,
)
from ..gazetteer.translit import name_key
from ..model import Location

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc
from .finder import (
    _Finder,
    _numbered_base,
)
from .records import (
    Candidate,
    PlaceMention,
)
from .resolver import (
    _Resolver,
    _to_public,
)
from .scoring import (
    _base_candidate,
    location_with_precision,
    memo_of,
)
from .vocabulary import (
    _NUMBERED_TEXT,
    FRONT_NEAR_KM,
    MAX_CANDIDATES,
)

__all__ = [
    "FRONT_NEAR_KM",
    "Candidate",
    "PlaceMention",
    "bench_places",
    "country_location",
    "find_places",
    "gazetteer_stats",
    "location_with_precision",
    "memo_of",
    "region_location",
    "resolve_name",
    "same_place",
    "unit_contains",
]


# --- public API -----------------------------------------------------------------------------------
def find_places(
    doc: Doc,
    *,
    focus_country: str | None = None,
    candidates: bool = True,
    text: str | None = None,
    on: date | None = None,
    filed_in: str | None = None,
) -> list[PlaceMention]:
    """All place mentions of the document in text order, jointly disambiguated. ``candidates=False`` leaves
    out the losing candidates (the pipeline needs only the winners; `spotrep places` shows them all).
    ``text`` is ``doc.text`` when the caller already has it (spaCy rebuilds it on every access).

    ``on`` is the document's publication date: in a report about the war's theatre, among namesakes of one
    oblast the one near the front line in force that day is preferred (gazetteer.frontline), since fighting,
    shelling and strikes on villages happen there.

    ``filed_in`` is the country of the document's dateline ("RANCHI, 10 April 2021 -"): it counts as one place of
    that country when the document's focus is decided."""
    g = get_gazetteer()
    finder = _Finder(doc, g, text)
    mentions = finder.find()
    starts = [s.start for s in doc.sents]
    _Resolver(doc, g, mentions, focus_country, starts, on, filed_in).resolve()
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


def _unit_below_region(loc: Location) -> bool:
    """Whether a location is a unit below a first-level region, coded at its administrative centre: a district
    of the world's second level, a province below an ISO region (Soum in Sahel), a raion or a hromada."""
    gid = loc.gazetteer_id or ""
    if gid.startswith("admin2:"):
        return True
    if gid.startswith("iso:"):
        return gid[4:] != loc.admin1_code
    if gid.startswith("katottg:"):  # a raion bears the raion's name; a hromada is named so by the build
        return loc.name == loc.admin2 or (loc.name or "").endswith(" hromada")
    return False


def same_place(a: Location | None, b: Location | None) -> bool:
    """Whether two locations name one place: the same entry, or a unit below the region (the Marhanets
    hromada, Rutshuru territory) and the town it is coded to, its administrative centre at the same point."""
    if a is None or b is None:
        return a is None and b is None
    if (a.gazetteer_id or a.name, a.country) == (b.gazetteer_id or b.name, b.country):
        return True
    if (
        a.admin1_code is None
        or a.admin1_code != b.admin1_code
        or None in (a.latitude, a.longitude, b.latitude, b.longitude)
        or haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) > 1.0  # type: ignore[arg-type]
    ):
        return False
    return _unit_below_region(a) != _unit_below_region(b)


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
    from ..gazetteer import gazetteer_stats as _stats

    return _stats()


def bench_places(texts: list[str], dates: Sequence[date | None] = ()) -> dict[str, Any]:
    """Seconds spent in spaCy and in find_places on the same texts (each with its publication date, if
    given, as the pipeline passes it), and their ratio."""
    from ..entities import get_nlp

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
