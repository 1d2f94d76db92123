"""How a gazetteer entry is scored as a candidate for a name, the Location of an entry at a precision, and the answers
kept across documents for a gazetteer (``memo_of``)."""

from __future__ import annotations

import math
import weakref
from datetime import date
from typing import TYPE_CHECKING

from ..gazetteer.data import (
    KIND_COUNTRY,
    KIND_REGION,
    Q_NAME,
    QUALITY_NAMES,
    RANK_NAMES,
    Gazetteer,
)
from ..gazetteer.frontline import front_distance_km, lines_on
from ..gazetteer.regions import (
    FRONT_REGIONS,
    WAR_COUNTRIES,
    WAR_REGIONS,
)
from ..model import Location

if TYPE_CHECKING:
    pass
from .records import (
    _Cand,
)
from .vocabulary import (
    FRONT_FAR_KM,
    MEMO_LIMIT,
    PSEUDO_POPULATION,
    W_APPROXIMATE,
    W_COUNTRY_KIND,
    W_POPULATION,
    W_QUALITY,
    W_RANK,
    W_REGION_KIND,
    W_WAR_COUNTRY,
    W_WAR_REGION,
    _name_key,
)


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
