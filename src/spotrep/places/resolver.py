"""Resolving a document's mentions jointly: candidates scored on name match, population, the war's geography, region
context, the document's focus country, the front line on the day, and the other places of the document; every score
with its reasons."""

from __future__ import annotations

import bisect
import itertools
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from ..gazetteer.data import (
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
    RANK_RAION,
    Gazetteer,
    haversine_km,
)
from ..gazetteer.regions import (
    DEMONYMS,
    DISTRICT_NOUNS,
    WAR_COUNTRIES,
)
from ..gazetteer.translit import ARABIC_ARTICLES
from ..lexicon.groups import match_group
from ..model import Location

if TYPE_CHECKING:
    from spacy.tokens import Doc
from .finder import (
    _dedupe,
    _foreign_small_alias,
    _is_iso_region,
    _numbered_base,
    _region_ok,
    _unplaced_in,
)
from .records import (
    Candidate,
    PlaceMention,
    _Cand,
    _Mention,
)
from .scoring import (
    location_with_precision,
    memo_of,
)
from .vocabulary import (
    _NUMBERED_TEXT,
    COMPASS_ADJ,
    FRONT_FAR_KM,
    FRONT_NEAR_KM,
    LONE_ALIAS_FAR_KM,
    MEMO_LIMIT,
    NEIGHBOUR_ALIAS_KM,
    PROXIMITY_KM,
    PROXIMITY_WINDOW,
    W_CLASS_MATCH,
    W_CLASS_MISMATCH,
    W_DOCUMENT_REGION,
    W_EXPLICIT,
    W_FOCUS,
    W_FRONT,
    W_PROXIMITY,
    W_SENTENCE_REGION,
    _name_key,
)

log = logging.getLogger(__name__)

# the words after a region's name that say its kind, as ISO 3166-2 names the kinds of subdivisions
KIND_WORDS = frozenset({"state", "province", "county", "governorate", "department", "region", "prefecture"})
W_KIND_WORD = 0.3
W_REGION_NAMESAKE = -1.0
REGION_NAMESAKE_POPULATION = 10_000
# namesakes below this size in other regions of the country do not take a village away from the one region a
# passage is about (the gazetteer lacks the village there)
SMALL_NAMESAKE_POPULATION = 20_000


@lru_cache(maxsize=4096)
def _iso_type(code: str | None) -> str | None:
    """The kind of an ISO 3166-2 subdivision, in lower case ("state", "department"); None when unknown."""
    import pycountry

    sub = pycountry.subdivisions.get(code=code) if code else None
    return sub.type.lower() if sub is not None else None


# "Burqin, west of Jenin", "Kuchai, 20 km from Chaibasa", "Bodhei near Lamu": the words between two places the
# text says lie close together (the nearer readings of both win)
_RELATION_GAP = re.compile(
    r"^\s*,?\s*(?:(?:about|some|around|approximately|roughly)\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:km|kms|kilometres?|kilometers?|miles?)\s+(?:to\s+the\s+)?)?"
    r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+(?:of|from)|from|near|outside|close\s+to"
    r"|on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of)"
    r"\s+(?:the\s+)?(?:(?:city|town|village|district)\s+of\s+)?$",
    re.IGNORECASE,
)
# the nouns of buildings and grounds named after people, saints and faraway towns
_FACILITY_NOUNS = frozenset(
    "mosque church cathedral temple monastery shrine cemetery graveyard school college university hospital "
    "clinic stadium market bazaar square street avenue road park prison".split()
)
# the capitalised words that open the names of military bases (named after towns far away)
_BASE_NAME_WORDS = frozenset("Base Camp Outpost FOB COP Airfield Garrison Fort".split())
RELATION_KM = 40.0
W_RELATION = 1.0

# --- resolution -----------------------------------------------------------------------------------
# words between a vague area and the place it is of ("border areas and settlements of Sumy oblast")
_AREA_OF_GAP = frozenset(
    {"of", "in", "the", "and", ",", "settlements", "villages", "towns", "communities", "areas", "districts"}
)
# villages placed at their raion's or oblast's representative point: 30-80 km from where they are, too coarse to
# measure a distance to the front with (a hromada's centre, 10-20 km off, is fine at the prior's scale)
_COARSE_POINTS = frozenset({APPROX_RAION, APPROX_OBLAST})
COARSE_KM = 30.0
# a place proximity is measured against: (is a region, ISO region code, entry, latitude, longitude, text)
_Target = tuple[bool, str | None, int, float, float, str]


def front_bonuses(
    g: Gazetteer, pairs: list[tuple[int, int]], on: date, *, spare_cities: int | None = None
) -> dict[int, tuple[float, float]]:
    """The front-line prior among the settlements of Ukraine and Russia that (entry, quality) pairs of one name
    reach: entry -> (bonus, km from the line in force on ``on``). Each gets
    W_FRONT * clamp((FRONT_FAR_KM - d) / (FRONT_FAR_KM - FRONT_NEAR_KM), 0, 1), less the least of its group, so
    the prior only tells namesakes apart and a village without a namesake gains nothing. The official name, a
    former or attested one and a transliteration of either are one group; loose matches another. A point that
    may be COARSE_KM off is taken at the most it may be from the line. ``spare_cities``: a group holding a town of
    at least that many people gets no prior (the name means that town, wherever the front is)."""
    data = g.data
    memo = memo_of(g)
    groups: dict[bool, list[int]] = {}
    for entry, quality in pairs:
        if data.kind[entry] == KIND_SETTLEMENT and data.codes[data.country[entry]] in WAR_COUNTRIES:
            groups.setdefault(quality == Q_LOOSE, []).append(entry)
    span = FRONT_FAR_KM - FRONT_NEAR_KM
    out: dict[int, tuple[float, float]] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        if spare_cities is not None and any((g.population(e) or 0) >= spare_cities for e in group):
            continue
        kms = [memo.front_km(g, e, on) for e in group]
        kms = [
            km + COARSE_KM if km is not None and data.approx[e] in _COARSE_POINTS else km
            for e, km in zip(group, kms, strict=True)
        ]
        weights = [
            0.0 if km is None else W_FRONT * min(1.0, max(0.0, (FRONT_FAR_KM - km) / span)) for km in kms
        ]
        low = min(weights)
        for e, km, w in zip(group, kms, weights, strict=True):
            if w > low:
                out[e] = (w - low, km)  # type: ignore[assignment]
    return out


# the articles joined by a hyphen to the word after them in Arabic names ("Wadi al-Shay", "Ras el-Ain")
_NAME_ARTICLES = ARABIC_ARTICLES | {"al"}


class _Resolver:
    def __init__(
        self,
        doc: Doc,
        g: Gazetteer,
        mentions: list[_Mention],
        focus: str | None,
        sent_starts: list[int] | None = None,
        on: date | None = None,
        filed_in: str | None = None,
    ) -> None:
        self.doc = doc
        self.filed_in = filed_in
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
            self._kind_word_hint(m)
            self._region_namesake_hint(m)
        self._explicit_context(named)
        for m in self.mentions:
            if not m.cands and m.within and m.anaphor is None and m.fixed_location is None:
                self._unknown_in_region(m, m.within, m.within_text)  # "Lastochkyne, Donetsk", a name it lacks
        named = [m for m in named if m.fixed_location is None]  # placed by the region the text names
        for m in named:
            m.winner = m.top()
        inferred = self.focus is None
        if inferred:
            self.focus = self._focus_country(named)
        war = self._war_theatre(named)
        if war:
            named = self._drop_foreign_namesakes(named, WAR_COUNTRIES)
            # "near the Ivan Franko Theatre in Kyiv": no Iván of Hungary
            named = self._drop_fragments_abroad(named)
        else:
            # in a report about one country, a small place abroad reached through an alias is no reading
            if self.focus:
                named = self._drop_foreign_namesakes(named, frozenset({self.focus}))
            # nor is a one-word alias that only that reading would put the report in ("Cite" Soleil is no Kíti
            # of Cyprus): a name of several words ("Deir al-Balah") is no accident
            data = g.data
            support = frozenset(
                g.country(m.winner.entry)
                for m in named
                if m.winner is not None and not _foreign_small_alias(data, m.winner, frozenset())
            ) - {None, ""}
            if any(
                _foreign_small_alias(data, c, support)
                for m in named
                if m.tok_end - m.tok_start == 1
                for c in m.cands
            ):
                nations = self._nationalities()  # read only when a candidate could go
                named = self._drop_foreign_namesakes(named, support | nations, one_word=True, near=nations)
            named = self._drop_lone_aliases_abroad(named)
            if self._drop_far_aliases_beside_near_names(named) and inferred:
                self.focus = self._focus_country(named)
            named = self._drop_facility_names_abroad(named)
            named = self._drop_fragments_abroad(named)
        if war and self.on is not None:
            for m in named:
                self._front_prior(m, self.on)
        data = g.data
        kinds, countries, codes = data.kind, data.country, data.codes
        focus = self.focus
        related = self._related(named)
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
                for r in related.get(id(m), ()):
                    self._relation(m, r)
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

    def _countries_besides(self, m: _Mention) -> frozenset[str]:
        """The countries a report speaks of apart from mention m: those its other places lie in (their best
        reading), the countries it names and its nationality words. A village's own name in a country nothing
        else in the report is about ("Bagan" of Novosibirsk oblast in a note about Sagaing region) is a
        namesake, not a reading."""
        g = self.g
        out = {g.country(top.entry) for o in self.mentions if o is not m and (top := o.top()) is not None}
        return frozenset(out - {None, ""}) | self._nationalities()

    def _nationalities(self) -> frozenset[str]:
        """The countries the text's nationality words name ("Syrian government forces": SY) and those of the
        armed groups it names that fight at home ("Al-Shabaab militants": SO; not an external force such as
        Wagner, which fights abroad)."""
        out = set()
        doc = self.doc
        i, n = 0, len(doc)
        while i < n:
            t = doc[i]
            if t.text[:1].isupper():
                code = DEMONYMS.get(t.lower_)
                if code and "-" not in code:
                    out.add(code)
                found = match_group(doc, i)
                if found is not None:
                    group, i = found
                    if group.country and group.type != "external force":
                        out.add(group.country)
                    continue
            i += 1
        return frozenset(out)

    def _war_theatre(self, named: list[_Mention]) -> bool:
        """Whether the document is about the war's theatre: its focus country is Ukraine or Russia (or, with
        no focus, one of the places it names lies there). The front prior is for such reports only."""
        if self.focus:
            return self.focus in WAR_COUNTRIES
        g = self.g
        return any(m.winner is not None and g.country(m.winner.entry) in WAR_COUNTRIES for m in named)

    def _drop_foreign_namesakes(
        self,
        named: list[_Mention],
        home: frozenset[str],
        one_word: bool = False,
        near: frozenset[str] = frozenset(),
    ) -> list[_Mention]:
        """In a report about the war's theatre (``home``: Ukraine and Russia) or about one country (its focus),
        a small place abroad reached only through an alternate name or a loose spelling is no reading of the
        name ("Sea" is an alternate name of Cea in Spain, "Kiev" of a hamlet somewhere, a Myanmar village's
        name of one in Bryansk oblast): such candidates are dropped, and a mention left with none is no place
        at all."""
        data = self.g.data
        g = self.g
        # the towns next to a country the text's nationality words name are no accident of spelling ("Israeli
        # forces raided Jenin": Janīn in the West Bank, not a village of Poland)
        points = [p for code in near if (e := data.country_entry.get(code)) is not None and (p := g.point(e))]

        def neighbour(c: _Cand) -> bool:
            p = g.point(c.entry)
            return p is not None and any(
                haversine_km(p[0], p[1], h[0], h[1]) <= NEIGHBOUR_ALIAS_KM for h in points
            )

        kept: list[_Mention] = []
        gone: set[int] = set()
        for m in named:
            if one_word and m.tok_end - m.tok_start != 1:
                kept.append(m)
                continue
            cands = [
                c for c in m.cands if not _foreign_small_alias(data, c, home) or (points and neighbour(c))
            ]
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

    def _drop_fragments_abroad(self, named: list[_Mention]) -> list[_Mention]:
        """The first word of a longer name the gazetteer does not know ("between Zee Hpyu Kyin and Bo Tay Gone",
        in Myanmar) read as a town of another country (Bo, Sierra Leone): when every other place of the text lies
        in other countries than all its readings, it is a fragment of that name, no place."""
        doc = self.doc
        covered = {x for m in self.mentions for x in range(m.tok_start, m.tok_end)}
        g = self.g

        def fragment(m: _Mention) -> bool:
            k = m.tok_end
            return (
                k < len(doc)
                and doc[k - 1].whitespace_ != ""
                and doc[k].is_title
                and doc[k].pos_ == "PROPN"
                and k not in covered
                and self._sent(k) == self._sent(m.tok_start)
            )

        placed = [(o, g.country(o.winner.entry)) for o in named if o.winner is not None]
        gone: set[int] = set()
        for m in named:
            if not m.cands or m.kind == "country" or not fragment(m):
                continue
            own = {g.country(c.entry) for c in m.cands}
            others = {country for o, country in placed if o is not m and country}
            if others and not own & others:
                gone.add(id(m))
        if not gone:
            return named
        self.mentions[:] = [m for m in self.mentions if id(m) not in gone]
        return [m for m in named if id(m) not in gone]

    def _drop_facility_names_abroad(self, named: list[_Mention]) -> list[_Mention]:
        """A name before a building's noun ("at the Aichi cemetery", "the Makki mosque") in a report about
        another country is the building's name, not a town abroad: no place."""
        doc, g = self.doc, self.g

        def elsewhere(m: _Mention) -> bool:
            # a country no other place the text names lies in (the focus may be the building's own reading)
            country = g.country(m.winner.entry) if m.winner is not None else None
            others = {g.country(o.winner.entry) for o in named if o is not m and o.winner is not None}
            return country is not None and bool(others - {None}) and country not in others

        gone = {
            id(m)
            for m in named
            if m.winner is not None
            and (
                (
                    m.tok_end < len(doc)
                    and doc[m.tok_end].lower_ in _FACILITY_NOUNS
                    and self.focus
                    and g.country(m.winner.entry) != self.focus
                )
                # "Forward Operating Base Salerno", "Camp Bastion", "Combat Outpost Keating"
                or (m.tok_start > 0 and doc[m.tok_start - 1].text in _BASE_NAME_WORDS and elsewhere(m))
            )
        }
        if not gone:
            return named
        self.mentions[:] = [m for m in self.mentions if id(m) not in gone]
        return [m for m in named if id(m) not in gone]

    def _drop_lone_aliases_abroad(self, named: list[_Mention]) -> list[_Mention]:
        """A one-word name that only an alternate name of a settlement abroad reads, of any size, in a text whose
        nationality words name other countries and whose other places lie elsewhere ("Malian forces struck
        positions near Boni": not Bonn, whose Italian name it is): no place (the event keeps the country the
        text names)."""
        data = self.g.data
        lone = [
            m
            for m in named
            if m.tok_end - m.tok_start == 1
            and m.cands
            and all(c.quality >= Q_ATTESTED and data.kind[c.entry] == KIND_SETTLEMENT for c in m.cands)
        ]
        if not lone:
            return named
        lone_ids = {id(m) for m in lone}
        # (the dateline's country is one the text names: "RANCHI, 10 April 2021 - ... near Kuchai")
        nations = (
            self._nationalities()
            | ({self.filed_in} if self.filed_in else set())
            # the country the report is about, by its other places (not by the lone names themselves)
            | (
                {self.focus}
                if self.focus
                and any(
                    id(m) not in lone_ids
                    and m.winner is not None
                    and self.g.country(m.winner.entry) == self.focus
                    for m in named
                )
                else set()
            )
        )
        if not nations:
            return named
        keep = nations | {
            self.g.country(m.winner.entry) for m in named if m not in lone and m.winner is not None
        }
        homes = self._country_points(nations)

        def far(entry: int) -> bool:
            # a neighbour's town is no accident ("Turkish forces set up bases east of Zakho"): only a place far
            # from every country the text names is read as a coincidence of spelling
            p = self.g.point(entry)
            return p is not None and all(
                haversine_km(p[0], p[1], h[0], h[1]) > LONE_ALIAS_FAR_KM for h in homes
            )

        gone = {
            id(m) for m in lone if all(self.g.country(c.entry) not in keep and far(c.entry) for c in m.cands)
        }
        if not gone:
            return named
        self.mentions[:] = [m for m in self.mentions if id(m) not in gone]
        return [m for m in named if id(m) not in gone]

    def _country_points(self, codes: Iterable[str]) -> list[tuple[float, float]]:
        """The points of the countries of these ISO codes that the gazetteer places."""
        data = self.g.data
        return [
            p for code in codes if (e := data.country_entry.get(code)) is not None and (p := self.g.point(e))
        ]

    def _drop_far_aliases_beside_near_names(self, named: list[_Mention]) -> bool:
        """A one-word name that is a place's own name near the countries the text's nationality words name and
        only another name of a town far from all of them ("JNIM militants abducted civilians in Barani": the
        village of Burkina Faso, not Bāruni in Bihar, whose alternate name it is): the far reading goes."""
        one_word = [
            m
            for m in named
            if m.tok_end - m.tok_start == 1
            and any(c.quality <= Q_NAME for c in m.cands)
            and any(c.quality >= Q_ATTESTED for c in m.cands)
        ]
        if not one_word:
            return False
        nations = self._nationalities()
        homes = self._country_points(nations)
        if not homes:
            return False

        def near(entry: int) -> bool:
            p = self.g.point(entry)
            return p is not None and any(
                haversine_km(p[0], p[1], h[0], h[1]) <= LONE_ALIAS_FAR_KM for h in homes
            )

        dropped = False
        for m in one_word:
            if m.winner is not None and self.g.country(m.winner.entry) in nations:
                continue
            if not any(c.quality <= Q_NAME and near(c.entry) for c in m.cands):
                continue
            kept = [c for c in m.cands if c.quality <= Q_NAME or near(c.entry)]
            if kept and len(kept) < len(m.cands):
                m.cands[:] = kept
                m.winner = m.top()
                dropped = True
        return dropped

    def _front_prior(self, m: _Mention, on: date) -> None:
        """Among the settlements of Ukraine and Russia a name may be (equally well matched), the one near the
        front line in force on the document's date: a report of shelling, fighting or a strike on a village
        that repeats eight times in an oblast, or in five oblasts, is about the one near the front. When the
        text names the oblast, only its villages are left (a hard constraint), so the prior then tells the
        oblast's namesakes apart (see front_bonuses)."""
        if len(m.cands) < 2:
            return
        bonuses = front_bonuses(self.g, [(c.entry, c.quality) for c in m.cands], on)
        for c in m.cands:
            hit = bonuses.get(c.entry)
            if hit is not None:
                c.bonus += hit[0]
                c.bonus_why.append(f"{hit[1]:.0f} km from the front line on {on.isoformat()}")

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

    def _region_namesake_hint(self, m: _Mention) -> None:
        """A first-level region's name alone is the region, not a small namesake of another region: "in
        Jalisco" is the state, not the village of Jalisco in Chiapas. The region's own town of that name
        ("Kunduz", "Donetsk") and towns of REGION_NAMESAKE_POPULATION and more keep their reading."""
        g = self.g
        regions = {
            g.admin1_code(c.entry)
            for c in m.cands
            if g.kind(c.entry) == KIND_REGION and not g.admin2(c.entry) and c.quality != Q_LOOSE
        }
        if not regions:
            return
        for c in m.cands:
            if (
                g.kind(c.entry) == KIND_SETTLEMENT
                and g.admin1_code(c.entry) not in regions
                and (g.population(c.entry) or 0) < REGION_NAMESAKE_POPULATION
            ):
                c.bonus += W_REGION_NAMESAKE
                c.bonus_why.append("the name of a region, said alone: not a small namesake elsewhere")

    def _kind_word_hint(self, m: _Mention) -> None:
        """'Plateau State': among regions of one name, the one whose kind (ISO 3166-2's subdivision type) is the
        word the text gives (Nigeria's state, not Benin's department)."""
        if m.kind != "region" or len(m.cands) < 2:
            return
        word = m.text.rsplit(maxsplit=1)[-1].lower()
        if word not in KIND_WORDS:
            return
        for c in m.cands:
            if self.g.kind(c.entry) == KIND_REGION and _iso_type(self.g.admin1_code(c.entry)) == word:
                c.bonus += W_KIND_WORD
                c.bonus_why.append(f"a {word}, as the text says")

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
            "area",  # "the Wadi Hauran area of Anbar province"
            "forest",  # "Boni forest, Lamu County"
            "mountains",
            "hills",
        }
        gap_words |= set(COMPASS_ADJ)
        listed = self._plain_lists(named)
        for a, m in enumerate(named):
            if m.kind == "country":
                continue
            if m.within:
                if not self._constrain(m, m.within, m.within_text):
                    self._unknown_in_region(m, m.within, m.within_text)
                continue
            rest = self._rest_of_name(m, gap_words)
            for n in named[a + 1 : a + 3]:
                gap = range(m.tok_end + rest, n.tok_start)
                if rest and not (n.kind == "region" and n.cands and _is_iso_region(g, n.cands[0].entry)):
                    break  # the rest of a longer name: only a province the text names for it places it
                if len(gap) > 6 or self._sent(m.tok_start) != self._sent(n.tok_start):
                    break
                if not all(doc[x].lower_ in gap_words for x in gap):
                    break
                if n.kind == "country":
                    country = {g.country(d.entry) for d in n.cands[:1]}
                    for c in m.cands:
                        if g.country(c.entry) in country:
                            c.bonus += W_EXPLICIT / 2
                            c.bonus_why.append(f"explicit country context: {n.text}")
                    if (
                        country
                        and all(doc[x].lower_ in (",", "(", "in") for x in gap)
                        and not any(g.country(c.entry) in country for c in m.cands)
                    ):
                        # "Boni, Mali": a place of that country the gazetteer lacks, no namesake abroad (Bonn)
                        log.debug("%r: no place of %s of that name in the gazetteer", m.text, n.text)
                        m.cands = []
                    continue
                if a in listed and a + 1 in listed:
                    break  # "striking Kyiv, Lviv, Odesa and Kharkiv": a list of places, not Kyiv in Lviv
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
            self._region_focus_fallback(m, local or (doc_codes if len(doc_codes) == 1 else {}), bool(here))
        self._district_context(named)

    def _rest_of_name(self, m: _Mention, gap_words: set[str]) -> int:
        """How many capitalised words go on after the mention's name ("Bulo" of "Bulo Burde district of Hiiraan
        region", "Wadi" of "the Wadi Hauran area of Anbar province"): the gazetteer matched only the first part
        of a longer name it does not know. At most four tokens (two words, or a word and an article joined to the
        next: "Wadi al-Shay"), and 0 at a sentence's end or before a known place."""
        doc = self.doc
        k = m.tok_end
        while k < len(doc) and k - m.tok_end < 4:
            tok = doc[k]
            if (
                tok.lower_ in _NAME_ARTICLES
                and not tok.whitespace_
                and k + 2 < len(doc)
                and doc[k + 1].text == "-"
                and doc[k + 2].is_title
            ):
                k += 3  # "Wadi al-Shay", "Deir ez-Zor": the article joined to the next word
                continue
            if not (tok.is_title and tok.is_alpha) or tok.lower_ in gap_words or tok.is_sent_start:
                break
            if any(o.tok_start == k for o in self.mentions):
                return 0
            k += 1
        return k - m.tok_end

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
            if len(m.cands) < 2 or m.kind == "country":
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
            keep = self._named_in(m, codes) or [c for c in m.cands if _unplaced_in(g, c.entry, codes)]
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

    def _region_focus_fallback(
        self, m: _Mention, doc_codes: dict[str, str], in_sentence: bool = False
    ) -> None:
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
            # a village of the region the sentence names that the gazetteer lacks, beside small namesakes in
            # other regions of the country ("Kharkiv region governor said ... shelled Kurakhivka"): the region,
            # never a namesake
            if (
                not in_sentence
                or len(doc_codes) != 1
                or any(g.admin1_code(c.entry) in doc_codes for c in m.cands)
                or any(
                    (g.population(c.entry) or 0) >= SMALL_NAMESAKE_POPULATION
                    or g.rank(c.entry) >= RANK_RAION
                    or g.kind(c.entry) != KIND_SETTLEMENT
                    for c in m.cands
                )
            ):
                return
        else:
            if any((g.population(c.entry) or 0) >= 100_000 for c in m.cands):
                return  # a city: the report names a place of the other country
            own_names = {g.country(c.entry) for c in m.cands if c.quality == Q_NAME}
            if own_names and (
                (country in WAR_COUNTRIES and own_names & WAR_COUNTRIES)
                or own_names & self._countries_besides(m)
            ):
                # the place's own name across the front ("Vovchansk" beside the Belgorod region) or in a country
                # the report also speaks of: the report names a place of the other country
                return
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

    def _plain_lists(self, named: list[_Mention]) -> set[int]:
        """The indices of mentions that stand in a plain list, "A, B, C and D": three or more places joined by
        commas whose conjunction comes before the last one alone. A list of chains ("A, R1, and B, R2") ends in
        a pair after its conjunction, and a chain ("A, B district, C oblast") has no conjunction."""
        doc = self.doc
        listed: set[int] = set()
        a = 0
        while a < len(named):
            b = a
            gaps: list[list[str]] = []
            while b + 1 < len(named):
                gap = [doc[x].lower_ for x in range(named[b].tok_end, named[b + 1].tok_start)]
                if gap not in ([","], ["and"], [",", "and"], ["or"], [",", "or"]):
                    break
                gaps.append(gap)
                b += 1
            if (
                b - a >= 2
                and all(gap == [","] for gap in gaps[:-1])
                and gaps[-1][-1] in ("and", "or")
                and all(m.kind != "country" for m in named[a : b + 1])
            ):
                listed.update(range(a, b + 1))
            a = b + 1
        return listed

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
            elif region and _is_iso_region(g, n.cands[0].entry) and self._unit_elsewhere(m):
                # "Muqur district, Ghazni province" when the gazetteer knows only Badghis's Muqur: the district
                # of the region the text names, which the gazetteer lacks: that region
                code = g.admin1_code(n.cands[0].entry) or ""
                m.fixed_location = location_with_precision(g, n.cands[0].entry, 3)
                m.fixed_reason = (
                    f"no '{m.text}' in {n.text} in the gazetteer (only in other regions): the region the text "
                    f"names, {code}, precision 3"
                )
            elif (
                region
                and m.kind == "settlement"
                and not any(g.country(c.entry) == g.country(n.cands[0].entry) for c in m.cands)
            ):
                # "near Khukhra in Giridih district" when the gazetteer knows a Khukhra only abroad: a village
                # of the district the text names, which it lacks: that district (at its centre)
                m.fixed_location = location_with_precision(g, n.cands[0].entry, 2)
                m.fixed_reason = (
                    f"no '{m.text}' in {n.text} in the gazetteer (only abroad): the unit the text names"
                )
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

    def _unit_elsewhere(self, m: _Mention) -> bool:
        """Is a mention a district ("X district") whose every reading is a second-level unit of some region?"""
        g = self.g
        return (
            m.kind == "region"
            and m.precision == 2
            and bool(m.cands)
            and all(g.kind(c.entry) == KIND_REGION and g.admin2(c.entry) for c in m.cands)
        )

    def _unknown_in_region(self, m: _Mention, codes: frozenset[str], text: str) -> None:
        """'Melovoi, Kursk region' where the gazetteer knows no such place in that region (only namesakes
        elsewhere): the place is in the region the text names, so the region is given (precision 3)."""
        g = self.g
        if any(
            c.quality == Q_NAME
            and ((g.population(c.entry) or 0) >= 100_000 or g.kind(c.entry) != KIND_SETTLEMENT)
            for c in m.cands
        ):
            return  # "Kharkiv, Belgorod region": two places, not a village of the region
        if m.within_unit is not None:
            # "Mir Ali tehsil of North Waziristan district": the unit the text names below the region
            m.fixed_location = location_with_precision(g, m.within_unit, 2)
            m.kind = "region"
            m.fixed_reason = f"no '{m.text}' in {text} in the gazetteer: the unit the text names, precision 2"
            return
        # a city reached only through another spelling makes no such pair: "Boni forest, Lamu County" is no Bonn
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
        if self.filed_in:
            votes[self.filed_in] += 1.0  # the dateline's city: a place of its country
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
            elif w.quality > Q_NAME:
                votes[country] += 0.5  # a reading through another name or spelling: half a vote
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

    def _related(self, named: list[_Mention]) -> dict[int, list[_Mention]]:
        """The places the text says lie close to each named place ("Burqin, west of Jenin"), both ways."""
        text = self.doc.text
        out: dict[int, list[_Mention]] = {}
        ordered = sorted(named, key=lambda m: m.start)
        for a, b in itertools.pairwise(ordered):
            if b.start - a.end <= 60 and _RELATION_GAP.match(text[a.end : b.start]):
                out.setdefault(id(a), []).append(b)
                out.setdefault(id(b), []).append(a)
        return out

    def _relation(self, m: _Mention, other: _Mention) -> None:
        """A reading of m within RELATION_KM of the reading of the place the text says it is close to."""
        w = other.winner
        if w is None or len(m.cands) < 2:
            return
        far = self.g.point(w.entry)
        if far is None:
            return
        for c in m.cands:
            p = self.g.point(c.entry)
            if p is None:
                continue
            d = haversine_km(p[0], p[1], far[0], far[1])
            if d < RELATION_KM:
                c.ctx += W_RELATION * (1 - d / RELATION_KM)
                c.ctx_why.append(f"{d:.0f} km from {other.text}, which the text says it is close to")

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
        owner = self._area_of(m) if country is None else None
        if owner is not None and owner.winner is not None:
            # "attacks on the border areas and settlements of Sumy oblast", "the front line in Kherson region":
            # the region the area is of (its administrative centre, precision 3), not the attackers' nationality
            # nor the theatre
            entry = owner.winner.entry
            region = entry if _is_iso_region(g, entry) else g.region_of(entry)
            if region is not None:
                m.fixed_location = location_with_precision(g, region, 3)
                m.fixed_reason = f"vague area of {owner.text}: its region, precision 3"
                return
            country = g.country(entry)
            why = f"the {m.text} of {owner.text}"
        if country is None and not border and self.focus:
            # "the front line", "in the east": the theatre of the document
            country, why = self.focus, f"document focus country {self.focus}"
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
            if ("of" in words or "in" in words) and all(w in _AREA_OF_GAP for w in words):
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
            and not (o.qualifier and kind == "area")  # "Bakhmut, Donetsk ... in the area": Bakhmut's area
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
    own_name = False
    if m.fixed_location is not None or m.anaphor is not None or (m.vague and not m.cands):
        location = m.fixed_location
        reason = m.fixed_reason
    elif cands:
        w = cands[0]
        own_name = w.quality == Q_NAME
        precision = m.precision
        city_district = g.is_city_district(w.entry)
        if city_district:
            precision = precision if m.near else None  # the city, as ACLED codes it
        elif g.kind(w.entry) == KIND_REGION and g.admin2(w.entry) and not precision:
            precision = 2
        location = location_with_precision(g, w.entry, precision)
        if location.admin1_code is None and m.within and _unplaced_in(g, w.entry, m.within):
            # "Huwwara, Nablus": a town whose region the gazetteer lacks is in the region the text names
            code = min(m.within)
            location = location.model_copy(
                update={"admin1_code": code, "admin1": g.data.admin1_names.get(code)}
            )
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
        own_name=own_name,
    )
