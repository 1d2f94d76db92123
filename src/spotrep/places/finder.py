"""Finding the place mentions of an analysed document: spaCy's entities and capitalised gazetteer names in place-like
syntax, region and area patterns, anaphora ("the region", "the border town")."""

from __future__ import annotations

import functools
import logging
import re
from typing import TYPE_CHECKING, Any

from ..gazetteer.data import (
    KIND_COUNTRY,
    KIND_REGION,
    KIND_SETTLEMENT,
    Q_ATTESTED,
    Q_LOOSE,
    Q_NAME,
    Q_VARIANT,
    RANK_RAION,
    RANK_REGION,
    SRC_ISO,
    SRC_LANDMARK,
    Gazetteer,
)
from ..gazetteer.regions import (
    DEMONYMS,
    DISTRICT_NOUNS,
    PLACE_NOUNS,
    REGION_NOUNS,
    TOWNSHIP_NOUNS,
    WAR_COUNTRIES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
from ..dates.days import CALENDAR_WORDS
from ..gazetteer.landmarks import load_landmarks
from ..gazetteer.translit import ARABIC_ARTICLES
from .records import (
    _Cand,
    _Mention,
)
from .scoring import (
    memo_of,
)
from .vocabulary import (
    _NUMBERED_TEXT,
    ACTOR_NOUNS,
    AFFILIATION_NOUNS,
    ANAPHOR_MODIFIERS,
    ANAPHOR_NOUNS,
    AREA_NOUNS,
    ATTACK_VERBS,
    COMMUNITY_MODIFIERS,
    COMMUNITY_NOUNS,
    COMPASS,
    COMPASS_ADJ,
    EXCLUDED_ENTS,
    FOREIGN_ALIAS_POPULATION,
    GOVERNMENT_VERBS,
    LOCATIVE_PREPS,
    MAX_CANDIDATES,
    MAX_NAME_TOKENS,
    MEMBER_NOUNS,
    MODIFIER_PREFIXES,
    NEAR_WORDS,
    NOT_PLACE_NAMES,
    NOT_PLACES,
    SEA_NAMES,
    SETTLEMENT_NOUNS,
    UNIT_AFTER,
    UNIT_BEFORE,
    VAGUE_BORDER_HEADS,
    VESSEL_BEFORE,
    WATER_NOUNS,
    _name_key,
)

log = logging.getLogger(__name__)

# the nouns that end the name of a military body ("U.S. Africa Command", "Pakistan Army")
_IN_WORDS = frozenset({"in", "near", "at", "outside", "into"})
"""Words that put what follows at a place: a group's name after one, with a region that holds a town of that name
after it ("a depot in Azov, Rostov"), is the town."""
_PLACE_BEFORE_WORDS = _IN_WORDS | {"from", "of", "towards", "toward", "to", "on", "around"}
"""Words before a name that tell it as a place ("withdrew from X", "the village of X", "advanced towards X")."""
_ORGANISATION_HEADS = frozenset({"command", "army", "navy", "force", "forces", "marines", "corps", "guard"})
# the head nouns of the names of movements and bodies that end with a country ("the Islamic Movement of
# Uzbekistan", "the Patriotic Front of ...")
_MOVEMENT_HEADS = frozenset(
    "movement front party brigade brigades battalion organisation organization mujahideen jamaat group "
    "alliance council committee congress army forces navy command guard liberation".split()
)
# the capitalised nouns before the name of an operation or an exercise
_OPERATION_WORDS = frozenset({"Operation", "Op", "Op.", "Exercise"})


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
# the nouns of one settlement written after its name ("Ta Ron village", "Sake town")
_ONE_SETTLEMENT = frozenset({"village", "hamlet", "town", "settlement"})
# nouns of an armed or political group written after its name ("the Chen Mechan gang")
# what the tagger takes an unfamiliar town's name for
_MISTAGGED_TOWN_LABELS = frozenset(
    {"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "PERSON", "NORP", "LAW", "LANGUAGE"}
)
_GROUP_NOUNS = AFFILIATION_NOUNS | frozenset(
    {"gang", "gangs", "group", "faction", "movement", "front", "party"}
)
# lower-case particles inside a place name ("Mocimboa da Praia", "San Juan del Sur", "Ben Guerdane")
# the parts of a town: "the Brooklyn neighbourhood of Cite Soleil", "the Saltivka microdistrict of Kharkiv"
_QUARTER_NOUNS = frozenset(
    {"neighbourhood", "neighborhood", "quarter", "suburb", "microdistrict", "micro-district", "borough"}
)
# the nouns that end the names of armed and official bodies ("Rapid Intervention Battalion")
_BODY_NOUNS = frozenset(
    {
        "battalion", "battalions", "brigade", "brigades", "regiment", "division", "corps", "force", "forces",
        "unit", "units", "command", "squadron", "company", "army", "guard", "guards", "police", "service",
        "agency", "ministry", "committee", "council", "front", "movement", "group", "team", "squad", "task",
    }
)  # fmt: skip
_NAME_PARTICLES = frozenset(
    {"da", "de", "do", "das", "dos", "del", "della", "di", "du", "des", "der", "van", "von"}
    | {"au", "aux", "à", "sur", "sous", "en", "lès"}  # Port-au-Prince, Anse-à-Galets, Boulogne-sur-Mer
)
# a town tagged as something else is a place after a locative preposition only if it is this big
_TAGGED_TOWN_POPULATION = 10_000
# verbs of attack and capture whose object is a place, never a person ("raided Gwoza", "fled Goma")
_PLACE_ONLY_VERBS = frozenset(
    "shell bomb bombard pound raid storm overrun loot ransack torch besiege occupy invade flee enter raze "
    # "capture" and "seize" take people too: a town of 10,000 under its own name is still the likelier reading
    "encircle recapture retake liberate capture seize".split()
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
        self.name_tok = [
            c and (t.ent_type_ not in EXCLUDED_ENTS or _misread_date(t))
            for t, c in zip(toks, self.cap, strict=True)
        ]
        self.used = [False] * self.n
        self.owner: list[_Mention | None] = [None] * self.n  # the first mention that covers each token
        self.mentions: list[_Mention] = []
        # districts the gazetteer lacks, named with their region: (first token, end, the region's ISO codes)
        self.unknown_units: list[tuple[int, int, frozenset[str]]] = []
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
        self._landmark_phrases()
        self._region_patterns()
        self._unit_chain_patterns()
        self._possessive_units()
        self._settlement_region_patterns()
        self._demonym_patterns()
        self._names()
        self._vague_patterns()
        self._anaphora()
        self._drop_words_of_unknown_units()
        self.mentions.sort(key=lambda m: m.start)
        self._drop_areas_near_places()
        return self.mentions

    def _drop_words_of_unknown_units(self) -> None:
        """The words of a district the gazetteer lacks, named with its region ("the Bala Baluk district of
        Farah province"), are no places elsewhere ("Bala" is no Basel): a word read as a place outside that
        region goes (the event then lies in the region)."""
        if not self.unknown_units:
            return
        g = self.g
        gone = set()
        for start, end, within in self.unknown_units:
            for m in self.mentions:
                if (
                    start <= m.tok_start
                    and m.tok_end <= end
                    and m.cands
                    and not any(_region_ok(g.admin1_code(c.entry), within) for c in m.cands)
                ):
                    gone.add(id(m))
        if gone:
            self.mentions = [m for m in self.mentions if id(m) not in gone]

    def _landmark_phrases(self) -> None:
        """A landmark's name as a phrase, in any case: "the Zaporizhzhia nuclear power plant" is the plant at
        Enerhodar, not the city of Zaporizhzhia; "the Crimean Bridge" is not a village called Bridge."""
        first, longest = _landmark_keys()
        lower, n, used = self.lower, self.n, self.used
        texts = self.texts
        i = 0
        while i < n:
            word = lower[i]
            keys = None if used[i] else first.get(word)
            if keys is None and not used[i] and not word.isalpha():
                head = _name_key(word).split()[:1]  # "engels-2", "al-shifa"
                keys = first.get(head[0]) if head else None
            if not keys:
                i += 1
                continue
            found = None
            for e in range(min(n, i + longest), i, -1):
                if any(used[i:e]) or not texts[e - 1][-1:].isalnum():
                    continue
                text = self._span_text(i, e)
                key = _name_key(text)
                if key in keys:
                    pairs = [
                        p
                        for p in self._lookup(text, key, loose=False)
                        if self.g.data.source[p[0]] == SRC_LANDMARK
                    ]
                    if pairs:
                        found = e, pairs
                        break
            if found is None:
                i += 1
                continue
            e, pairs = found
            m = self._add(i, e, "settlement", pairs, accepted_by="the name of a landmark")
            self._decorate(m)
            i = e

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
            elif (
                low in ("bank", "banks")
                and not cap[k]
                and k + 3 < n
                and lower[k + 1] == "of"
                and lower[k + 2] == "the"
                and cap[k + 3]
            ):
                self._use_run(k + 3)  # "on the left bank of the Dnipro": the river, not the city
            elif (
                low in _QUARTER_NOUNS
                and k > 0
                and cap[k - 1]
                and k + 2 < n
                and lower[k + 1] == "of"
                and (cap[k + 2] or lower[k + 2] == "the")
            ):
                # "in Brooklyn neighbourhood of Cite Soleil": a part of the town named after it, no Brooklyn
                run = self._base_run_before(k)
                if run is not None:
                    for x in range(*run):
                        used[x] = True
            elif low in UNIT_BEFORE or (low in VESSEL_BEFORE and k + 1 < n and cap[k + 1]):
                self._use_run(k + 1)
            elif low in UNIT_AFTER and k > 0 and cap[k - 1] and not used[k - 1]:
                run = self._base_run_before(k)
                if run is not None:
                    for x in range(*run):
                        used[x] = True
            elif cap[k] and not used[k] and _name_key(self.texts[k]) in _weapon_keys():
                used[k] = True
            elif not used[k] and self.texts[k] in _group_acronyms():
                # "Boko Haram (JAS)", "ADF fighters": an armed group's acronym is no place, though a gazetteer
                # has a place of most three capitals somewhere (JAS is an old name of Iasi)
                used[k] = True
            elif (
                low in _COMPASS_POINTS
                and k > 1
                and k + 1 < n
                and self.texts[k - 1] == "("
                and self.texts[k + 1] == ")"
                and cap[k - 2]
            ):
                # "Kyway Bagan (North) village", "Dagon Myothit (South) township": part of the name, no region
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
            if (
                name_tok[i - 1]
                or (  # a name token, or a joiner: "Ivano-Frankivsk", "Kam'ianske"
                    texts[i - 1] in "-'’"
                    and i - 1 > 0
                    and not toks[i - 2].whitespace_
                    and not toks[i - 1].whitespace_
                )
                or (  # a Persian izafe after a hyphen: "Sar-e Pul", "Nad-e Ali", "Nahr-i-Sarraj"
                    texts[i - 1] in ("e", "i")
                    and i - 2 > 0
                    and texts[i - 2] == "-"
                    and not toks[i - 3].whitespace_
                    and not toks[i - 2].whitespace_
                )
                or (
                    _article_joins(texts, toks, i - 1, cap)
                    and i - 1 > 0
                    and (
                        name_tok[i - 2]
                        # "Deir-ez-Zor", "Ras-al-Ain": hyphens on both sides of the article
                        or (
                            i - 2 > 0
                            and texts[i - 2] == "-"
                            and not toks[i - 3].whitespace_
                            and name_tok[i - 3]
                        )
                    )
                )  # Deir al-Balah
                or (  # a particle: "Mocimboa da Praia", "Croix-des-Bouquets"
                    texts[i - 1].lower() in _NAME_PARTICLES
                    and i - 1 > 0
                    and i < j
                    and (cap[i] or texts[i] == "-")
                    and (name_tok[i - 2] or texts[i - 2] == "-")
                )
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
                if (
                    low in DISTRICT_NOUNS
                    and k + 1 < n
                    and lower[k + 1] in _SEAT_WORDS
                    and self._district_seat(run, k)
                ):
                    continue
                # longest base that is a region (or district, or community) name
                for i in range(run[0], run[1]):
                    if i == run[1] - 1 and self.toks[i].is_stop:
                        continue  # "A district commissioner was shot": the article, not Montevideo's Municipio A
                    if i > run[0] and lower[i - 1] in _NAME_PARTICLES:
                        break  # "Mocimboa da Praia district": the name goes on before its particle (no Praia)
                    base = self._span_text(i, run[1])
                    within = None
                    if i > run[0] and low in DISTRICT_NOUNS:
                        added, within = self._add_chained_unit(run, k)
                        if added:
                            break
                    if community:
                        pairs = self.memo.admin_units(g, base, True)
                    elif low in DISTRICT_NOUNS:
                        pairs = by_base(g, base, True) or self.memo.admin_units(g, base, False)
                        if within:
                            # the name's last words are no unit of another region than the one named after
                            # it (not Darah of Panjshir for "Chahar Darah district, Kunduz province")
                            pairs = [p for p in pairs if _region_ok(g.admin1_code(p[0]), within)]
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
                else:
                    if low in DISTRICT_NOUNS and run[1] - run[0] >= 2:
                        added, within = self._add_chained_unit(run, k)
                        if not added and within:
                            self.unknown_units.append((run[0], k + 1, within))
                    elif low in DISTRICT_NOUNS:
                        # a one-word district the gazetteer lacks, before its region ("Bakwa district, Farah
                        # province"): no namesake abroad (a one-word skeleton matches too much to look up)
                        _units, within = self._chained_unit(run[0], run[1], k)
                        if within:
                            self.unknown_units.append((run[0], k + 1, within))
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

    def _district_seat(self, run: tuple[int, int], noun: int) -> bool:
        """ "Retook the Doshi district centre", "the Nad Ali district headquarters": the town that is the seat
        of the district, when the gazetteer has a settlement of the district's name (else the district's own
        reading stands for its centre). Whether it was added."""
        name = self._span_text(run[0], run[1])
        pairs = [
            p
            for p in self._lookup(name, _name_key(name), loose=False)
            if self.g.kind(p[0]) == KIND_SETTLEMENT and p[1] <= Q_ATTESTED
        ]
        if not pairs or not self._free(run[0], noun + 2):
            return False
        self._add(
            run[0], noun + 2, "settlement", pairs, accepted_by="'X district centre': the district's seat"
        )
        return True

    def _add_chained_unit(self, run: tuple[int, int], noun: int) -> tuple[bool, frozenset[str] | None]:
        """Add the district named by the whole run before its noun when its region (named after it, or opening
        the sentence) has one unit of that sound (see _chained_unit): whether it was added, and the region's
        ISO codes."""
        chained, within = self._chained_unit(run[0], run[1], noun)
        if not chained or not self._free(run[0], noun + 1):
            return False, within
        low = self.lower[noun]
        m = self._add(
            run[0],
            noun + 1,
            "region",
            chained,
            accepted_by=f"'X {low}, Y' chain: a unit of the region in another spelling",
        )
        m.precision = 2
        return True, within

    def _chained_unit(
        self, start: int, end: int, noun: int
    ) -> tuple[list[tuple[int, int]], frozenset[str] | None]:
        """A district whose whole name the gazetteer lacks, before the region it is in ("Chahar Darah district,
        Kunduz province", "X district of Y province"): the unit of that region with the name's consonants in
        another romanisation ([(entry, quality)], else []), and the region's ISO codes (None when no region
        follows)."""
        none: tuple[list[tuple[int, int]], frozenset[str] | None] = ([], None)
        k = noun + 1
        if k < self.n and self.lower[k] in (",", "of"):
            k += 1
            if k < self.n and self.lower[k] == "the":
                k += 1
        after = self._region_after(k) if noun + 1 < k < self.n else None
        if after is not None:
            entries = [p[0] for p in after[1]]
        else:
            # "In Kunduz province, ... found a cache in Chahar Darah district": the region opening the sentence
            sent_start = self.toks[start].sent.start
            before = [
                m
                for m in self.mentions
                if m.kind == "region"
                and sent_start <= m.tok_start
                and m.tok_end <= start
                and any(_is_iso_region(self.g, c.entry) for c in m.cands)
            ]
            if not before:
                return none
            entries = [c.entry for c in before[-1].cands if _is_iso_region(self.g, c.entry)]
        codes = frozenset(c for e in entries if (c := self.g.admin1_code(e)) is not None)
        if not codes:
            return none
        return [(e, Q_LOOSE) for e in self.g.units_by_skeleton(self._span_text(start, end), codes)], codes

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
            and (
                self.name_tok[j]
                # "Deir-ez-Zor", "Salah ad Din": hyphens and Arabic articles inside the name
                or (
                    self.texts[j] == "-" and j + 1 < n and (self.cap[j + 1] or self.texts[j + 1] in _ARTICLES)
                )
                or (j > k and _article_joins(self.texts, self.toks, j, self.cap))
                # "Norte de Santander": a particle inside the name
                or (j > k and self.lower[j] in _NAME_PARTICLES and j + 1 < n and self.cap[j + 1])
            )
        ):
            j += 1
        for e in range(j, k, -1):
            if not self.cap[e - 1]:
                continue
            text = self._span_text(k, e)
            pairs = [p for p in self.memo.by_base(g, text, False) if _is_iso_region(g, p[0])]
            if pairs:
                # a country's name is the country, not a region of that name abroad ("Djenné, Mali" is in Mali,
                # not in Guinea's Mali prefecture)
                named = self._countries_named(text)
                if named:
                    pairs = [p for p in pairs if g.country(p[0]) in named]
                    if not pairs:
                        return None
                return e, pairs, None
        return None

    def _countries_named(self, text: str) -> set[str]:
        """The countries whose name ``text`` is exactly ("Mali", "Russia"); none for any other name."""
        g = self.g
        return {
            g.country(p)
            for p, _q in self._lookup(text, _name_key(text), loose=False)
            if g.data.kind[p] == KIND_COUNTRY
        }

    def _country_closes(self, e: int, r_pairs: list[tuple[int, int]]) -> bool:
        """Whether the name after the comma at token e is the country of the region before it, closing the
        chain ("Sverdlikovo, Kursk, Russia"): the region is then the place's region, not an item of a list."""
        g, n = self.g, self.n
        countries = {g.country(e2) for e2, _q in r_pairs}
        j = e + 1
        while j < n and j - e <= MAX_NAME_TOKENS and self.name_tok[j]:
            j += 1
        if j < n and (
            self.lower[j] in ("and", "or", "&") or (self.lower[j] == "," and j + 1 < n and self.cap[j + 1])
        ):
            return False  # "Kursk, Russia and Belarus": a list after all
        return any(
            self._countries_named(self._span_text(e + 1, end)) & countries for end in range(j, e + 1, -1)
        )

    def _list_continues(self, e: int) -> bool:
        """Whether a list of places goes on after token e ("Kharkiv, Dnipro and Odesa"): then the name before
        it is one more item, not the region of the one before."""
        lower, cap, n = self.lower, self.cap, self.n
        if e >= n:
            return False
        if lower[e] in ("and", "or", "&") and e + 1 < n and cap[e + 1]:
            return True
        if not (
            lower[e] == "," and e + 1 < n and bool(self.name_tok[e + 1]) and lower[e + 1] not in NOT_PLACES
        ):
            return False
        # "the mayor of Melitopol, Zaporizhia, Ivan Fedorov": a person the text names after the place is no item
        k = self.ent_of[e + 1]
        if k >= 0 and self.ents[k].label_ == "PERSON" and self.ents[k].start == e + 1:
            text = self.ents[k].text
            return bool(self._lookup(text, _name_key(text), loose=False))
        return True

    def _in_region_pairs(self, i: int, e: int, codes: frozenset[str]) -> list[tuple[int, int]] | None:
        """The gazetteer pairs of the name of tokens i..e when one of them is a settlement of the given
        regions, else None."""
        g = self.g
        text = self._span_text(i, e)
        key = _name_key(text)
        if e == i + 1 and self.lower[i] in NOT_PLACES:
            return None
        if key in NOT_PLACE_NAMES and not (i > 0 and self.lower[i - 1] in _IN_WORDS and self.cap[i]):
            return None  # "Azov fighters, Mariupol" is a unit; "a depot in Azov, Rostov" the town
        pairs = self._lookup(text, key, loose=len(key) >= 5)
        if not pairs:
            base = _numbered_base(key) if _NUMBERED_TEXT.match(text) else ""
            pairs = self._numbered_pairs(base) if base else []
        if not pairs and codes and not any(c[:2] in WAR_COUNTRIES for c in codes):
            # another romanisation of an Arabic, Persian or Somali name ("Maaret An Nu'man, Idleb"): the one
            # settlement of the named region with its consonants (never in Ukraine or Russia, whose
            # transliterations the gazetteer spells out)
            found = {e for c in codes for e in g.settlements_by_skeleton(text, c)}
            if len(found) == 1:
                pairs = [(found.pop(), Q_LOOSE)]
        data = g.data
        inside = [
            p
            for p in pairs
            if data.kind[p[0]] == KIND_SETTLEMENT and _region_ok(data.codes[data.admin1[p[0]]], codes)
        ] or [p for p in pairs if _unplaced_in(g, p[0], codes)]
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
                (self._list_continues(r_end) and not self._country_closes(r_end, r_pairs))
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
            # "Spin Boldak district, Kandahar province", no such unit known: the town it is named after
            district = unit is None and lower[end - 1] in DISTRICT_NOUNS
            if district:
                end -= 1
            found = self._settlement_before(end, codes)
            if found is None and not district:
                found = self._unknown_before(end)  # "withdrew from Lastochkyne, Donetsk": a village it lacks
            if found is None or (district and not _any_inside(g, found[1], codes)):
                continue
            a, pairs = found
            if district and a > 0 and self.texts[a - 1] in ("(", ","):
                continue  # "(Kyaukme district, Shan-North)": a unit of a chain, above the place
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
            if not pairs:
                # "Zzyx, Soum province": a village it lacks lies in the unit below the region the text names
                m.within_unit = self._unit_below_region(r_mention, codes)
            if district:
                m.precision, m.precision_why = 2, f"the {self.texts[end]} named after it"
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

    def _unit_chain_patterns(self) -> None:
        """'Man Li village (Namtu township, Kyaukme district, Shan State)', 'Myeik town, Myeik township, Myeik
        district, Tanintharyi Region', 'Andar district, Ghazni province': a place followed by the chain of units
        it lies in, the largest (an ISO region) last. Every settlement of the chain is resolved inside that
        region (a hard constraint), a township by its namesake town; the region and the units are qualifiers."""
        texts, n = self.texts, self.n
        for k in range(1, n - 1):
            # "Zhari district of Kandahar province": a unit and the region it lies in
            of_unit = (
                texts[k] == "of"
                and k > 1
                and self.lower[k - 1] in _UNIT_OF_NOUNS
                and self.cap[k - 2]
                and self.cap[k + 1]
            )
            if texts[k] != "(" and not of_unit and not (texts[k] == "," and self.cap[k + 1]):
                continue
            # the chain: comma-separated parts up to the region (and ")" when it opened with "(")
            parts: list[tuple[int, int]] = []
            s = k + 1
            region = None
            for _ in range(4):
                region = self._region_after(s)
                if (
                    region is not None
                    and (region[2] is None or region[2].tok_start == s)
                    # "Yangon-West district": a unit named after the region, not the region
                    and not (region[0] < n and texts[region[0]] == "-")
                    # "(Beni territory, North Kivu province)": in brackets, a region before a comma is a unit
                    and not (texts[k] == "(" and region[0] < n and texts[region[0]] == ",")
                    # "South Gondar": a name that goes on is not the region its first word names
                    and not (region[2] is None and region[0] < n and self.cap[region[0]])
                ):
                    break
                region = None
                if of_unit:
                    break
                e = s
                while e < n and e - s <= MAX_NAME_TOKENS and texts[e] not in (",", ")", "(", "."):
                    e += 1
                if e >= n or texts[e] != "," or e == s or not self._chain_part(s, e):
                    break
                parts.append((s, e))
                s = e + 1
            unit = self.owner[s] if of_unit and region is None else None
            if unit is not None and unit.kind == "region" and unit.tok_start == s and unit.cands:
                # "Mir Ali tehsil of North Waziristan district": a unit of a unit, in the larger one's region
                region = unit.tok_end, [(c.entry, c.quality) for c in unit.cands], unit
            if region is None or (not parts and texts[k] != "(" and not of_unit):
                continue
            r_end, r_pairs, r_mention = region
            if texts[k] == "(" and (r_end >= n or texts[r_end] != ")"):
                continue
            if of_unit and not self._unit_of_region(r_end, r_pairs):
                continue
            if texts[k] == "," and not parts:
                continue  # "X, Region" alone: the settlement-region pattern reads it
            if texts[k] == "," and (
                r_end < n
                and texts[r_end] not in (",", ".", ")", ";")
                and r_mention is None
                # "in Barangay Pagatin, Datu Salibo, Maguindanao on Saturday": the sentence goes on with a
                # word of time or place, not with a name or a verb
                and (self.cap[r_end] or self.toks[r_end].pos_ not in ("ADP", "ADV", "SCONJ"))
            ):
                continue
            data = self.g.data
            codes = frozenset(data.codes[data.admin1[e]] for e, _ in r_pairs) - {None}
            if not codes:
                continue
            region_text = self._span_text(s, r_end)
            if r_mention is None:
                r_mention = self._add(
                    s, r_end, "region", r_pairs, accepted_by=f"'X ({region_text})' chain: the region of X"
                )
            r_mention.qualifier = True
            # the units of the chain, then the place before it: a village the gazetteer does not know in the
            # region ("Man Li village (Namtu township, ...)") is left out when the chain named a town there
            inside = False
            before = len(self.mentions)
            end = self._before_aside(k)
            # a district of the chain stands for its namesake town only when it is the first unit below an
            # unknown place: "Zzyx (Damboa LGA, Borno)", not "Namtu township (Kyaukme district, Shan-North)"
            unit_before = end > 0 and self.lower[end - 1] in _UNIT_NOUNS
            before_name = self._name_before(end)
            for a, e in parts:
                namesake = not inside and not unit_before
                inside = self._chain_member(a, e, codes, region_text, False, namesake=namesake) or inside
                if (
                    before_name
                    and all(self.owner[x] is None for x in range(a, e))
                    and self._span_text(a, e).lower().startswith(before_name + " ")
                ):
                    # the unit named after the place before the chain, unknown there ("Palma town (Palma
                    # district, Cabo Delgado)"): that place again, never a namesake elsewhere
                    for x in range(a, e):
                        self.used[x] = True
            inside = self._chain_member(None, end, codes, region_text, inside) or inside
            if r_mention.precision == 2 and r_mention.kind == "region":
                # the chain ends with a unit below the region: what the text puts in it is in that unit
                unit_entry = next(
                    (c.entry for c in r_mention.cands if _region_ok(self.g.admin1_code(c.entry), codes)), None
                )
                for m in self.mentions[before:]:
                    if m.kind == "settlement":
                        m.within_unit = unit_entry
            # the settlement the unit before the chain holds: "Aung Lawt village of Muse township (Muse
            # district, ...)", "Bei Lin village, Sintgaing township (...)": also inside the region
            earlier = self._settlement_before_unit(end)
            if earlier is not None:
                self._chain_member(None, earlier, codes, region_text, inside)

    def _name_before(self, end: int) -> str:
        """The capitalised name ending before token end (a settlement noun after it left out), lower case."""
        if end > 0 and self.lower[end - 1] in SETTLEMENT_NOUNS:
            end -= 1
        run = self._base_run_before(end)
        return self._span_text(run[0], end).lower() if run is not None else ""

    def _unit_below_region(self, mention: _Mention, codes: frozenset[str]) -> int | None:
        """The entry of a unit below an ISO first-level region (a province of Burkina Faso, a raion, a
        hromada) the mention names inside the regions, else None."""
        g = self.g
        data = g.data
        for c in mention.cands:
            code = g.admin1_code(c.entry)
            if (
                data.kind[c.entry] == KIND_REGION
                and _region_ok(code, codes)
                and data.region_entry.get(code) != c.entry
            ):
                return c.entry
        return None

    def _chain_part(self, s: int, e: int) -> bool:
        """Whether tokens s..e can be a part of a chain of units: a name, with the noun of its kind ("Namtu
        township", "Man Li village tract"), never a clause ("2024, Russian forces shelled X, Donetsk")."""
        lower = self.lower
        return self.cap[s] and all(
            self.cap[x]
            or self.texts[x] in "-'’"
            or lower[x] in _UNIT_NOUNS
            or lower[x] in SETTLEMENT_NOUNS
            or lower[x] in _CHAIN_PART_WORDS
            for x in range(s, e)
        )

    def _possessive_units(self) -> None:
        """'Kandahar province's Zhari district', 'Sagaing region's Kani township': a unit of the region named
        before it, read as the chain 'Zhari district (Kandahar province)'."""
        texts, lower, n = self.texts, self.lower, self.n
        for k in range(1, n - 2):
            region = self.owner[k - 1]
            if (
                texts[k] not in ("'s", "’s")
                or region is None
                or region.kind != "region"
                or region.tok_end != k
                or lower[k - 1] not in REGION_NOUNS
            ):
                continue
            j = k + 1
            while j < n and j - k <= MAX_NAME_TOKENS and (self.cap[j] or texts[j] == "-"):
                j += 1
            if j == k + 1 or j >= n or lower[j] not in _UNIT_OF_NOUNS:
                continue
            codes = frozenset(self.g.admin1_code(c.entry) for c in region.cands) - {None}
            if codes and self._chain_member(None, j + 1, codes, region.text, False):
                region.qualifier = True

    def _unit_of_region(self, r_end: int, r_pairs: list[tuple[int, int]]) -> bool:
        """Whether 'X district of Y' names the region Y ending at token r_end: not "of North Waziristan" (no
        region "North"), not "of Donetsk city" (a district of the city); a region of Ukraine or Russia only with
        its noun ("of Donetsk region"), as "the Kirovskyi district of Donetsk" is the city's."""
        lower, n = self.lower, self.n
        if r_end < n and (self.cap[r_end] or lower[r_end] in SETTLEMENT_NOUNS):
            return False
        if lower[r_end - 1] in REGION_NOUNS or lower[r_end - 1] in DISTRICT_NOUNS:
            return True
        return not any((self.g.country(e) or "") in WAR_COUNTRIES for e, _q in r_pairs)

    def _before_aside(self, k: int) -> int:
        """Where the text before token k ends once a short parenthetical aside just before k is skipped: in "Muse
        township (coded as Aung Lawt) (Muse district, ...)" the chain's place ends before "(coded"."""
        texts = self.texts
        if k > 0 and texts[k - 1] == ")":
            for j in range(k - 2, max(k - 10, 0) - 1, -1):
                if texts[j] == "(":
                    return j
                if texts[j] in (")", "."):
                    break
        return k

    def _settlement_before_unit(self, end: int) -> int | None:
        """The end of a settlement named just before the unit that ends at token end, as "X village of Y
        township" or "X village, Y township" (the token after the settlement noun), else None."""
        lower = self.lower
        j = end
        if j > 0 and lower[j - 1] in TOWNSHIP_NOUNS:
            j -= 1
        else:
            return None
        run = self._base_run_before(j)
        if run is None or run[0] < 2:
            return None
        s = run[0]
        noun = lower[s - 2]
        tract = noun in ("tract", "track") and s > 2 and lower[s - 3] == "village"  # "X village tract in Y"
        if lower[s - 1] not in (",", "of", "in") or not (noun in SETTLEMENT_NOUNS or tract):
            return None
        return s - 1

    def _chain_member(
        self,
        a: int | None,
        e: int,
        codes: frozenset[str],
        region_text: str,
        drop_unknown: bool,
        *,
        namesake: bool = True,
    ) -> bool:
        lower = self.lower
        end = e
        noun = lower[end - 1] if end > 0 else ""
        if (
            noun in SETTLEMENT_NOUNS
            or noun in TOWNSHIP_NOUNS
            or noun in ("area", "village-tract", "tract", "track")
        ):
            end -= 1
            if noun in ("tract", "track") and end > 0 and lower[end - 1] == "village":
                end -= 1
        elif noun in _CENTRE_SUFFIXES and end > 2 and self.texts[end - 2] == "-" and self.cap[end - 3]:
            end -= 2  # "Rutshuru-centre (Rutshuru territory, North Kivu)": the town's centre is the town
        unit = self.owner[end - 1] if end > 0 else None
        if unit is not None and unit.tok_end >= end and unit.kind == "region":
            if any(_region_ok(self.g.admin1_code(c.entry), codes) for c in unit.cands):
                unit.within, unit.within_text = codes, region_text
                return True
            return self._unit_of_the_region(unit, codes, region_text)
        # "Nahri Sarraj district (Helmand)", "Gorgadji (Seno, Sahel)": a unit of the region; a region noun
        # before the chain's region names a unit below it ("Rutshuru territory, North Kivu", "Seytenga
        # department, Seno province", "Bor county, Jonglei state")
        district = noun in DISTRICT_NOUNS or noun in REGION_NOUNS
        if (district or (a is not None and end == e)) and self._unit_in_region(
            a, e - 1 if district else e, e, codes, region_text
        ):
            return True
        district = district and (a is None or namesake)  # else a district above the place: no place itself
        if district:
            end -= 1  # "Spin Boldak district (Kandahar)", no such unit known: the town it is named after
        found = self._settlement_before(end, codes)
        if found is not None and found[0] > 0:
            ent = self._entity(found[0], end)
            if ent is not None and ent.start < found[0] and ent.end >= end:
                found = None  # "Bei Lin village": the name is "Bei Lin" (one entity), not its last word
        if found is None:
            # a name the gazetteer knows only elsewhere ("Kani township (..., Sagaing region)" is no Kani of
            # Japan): never resolved outside the region; it stays there (or is left out for the chain's town)
            run = self._base_run_before(end)
            if run is None or (a is not None and run[0] < a) or not self._free(run[0], end):
                return False
            text = self._span_text(run[0], end)
            data = self.g.data
            # only small namesakes elsewhere: a city elsewhere would take the mention out of the region
            pairs = [
                p
                for p in self._lookup(text, _name_key(text), loose=False)
                if data.kind[p[0]] == KIND_SETTLEMENT and data.population[p[0]] < 100_000
            ]
            if not pairs:
                for x in range(run[0], e):
                    self.used[x] = True
                return False
            found = run[0], _trim(self.g, pairs)
        if a is not None and found[0] < a:
            return False
        if a is not None and found[0] > a and all(self.cap[x] for x in range(a, found[0])):
            # a unit of the chain is named whole: "South Gondar" is a zone, not Gondar
            for x in range(a, e):
                self.used[x] = True
            return False
        start, pairs = found
        if not _any_inside(self.g, pairs, codes) and drop_unknown:
            for x in range(start, e):
                self.used[x] = True
            return False
        m = self._add(start, end, "settlement", pairs, accepted_by=f"'X ({region_text})' chain")
        m.within, m.within_text = codes, region_text
        if district:
            m.precision, m.precision_why = 2, f"the {self.texts[end]} named after it"
        self._decorate(m)
        return True

    def _unit_in_region(
        self, a: int | None, name_end: int, e: int, codes: frozenset[str], region_text: str
    ) -> bool:
        """A part of a chain that is a second-level unit of the chain's region: ACLED writes "Gorgadji (Seno,
        Sahel)" for a village of Seno province in the Sahel region, without the kind word, and a village the
        gazetteer lacks is then placed at its province, not at its region. The unit's name is read in its own
        spelling, else in any romanisation of its consonants that only one unit of the region has ("Nahri
        Sarraj district (Helmand)" for Nahr-e Saraj)."""
        run = self._base_run_before(name_end)
        if run is None or run[1] != name_end or (a is not None and run[0] < a):
            return False
        start = a if a is not None else run[0]
        if not self._free(start, e):
            return False
        g = self.g
        text = self._span_text(start, name_end)
        pairs = [
            (i, q)
            for i, q in dict([*g.regions_by_base(text), *g.districts_by_base(text)]).items()
            if g.precision(i) == 2 and _region_ok(g.admin1_code(i), codes)
        ]
        if not pairs:
            # another romanisation, unless the name is a settlement of the region as written
            settlement = self._settlement_before(name_end, codes)
            if not (
                settlement is not None and settlement[0] == start and _any_inside(g, settlement[1], codes)
            ):
                pairs = [(i, Q_LOOSE) for i in g.units_by_skeleton(text, codes)]
        if not pairs:
            return False
        m = self._add(
            start, e, "region", pairs, accepted_by=f"'X ({text}, {region_text})' chain: a unit of the region"
        )
        m.precision, m.within, m.within_text = 2, codes, region_text
        return True

    def _unit_of_the_region(self, unit: _Mention, codes: frozenset[str], region_text: str) -> bool:
        """A unit of a chain that the gazetteer knows only in another country ("Oicha (Beni territory, North
        Kivu province)": no Beni department of Bolivia): a unit of the chain's region named after its town, so
        the town of that name in the region stands for it, else a unit of the region in another spelling;
        without either the unit names nothing known."""
        name_end = unit.tok_end
        while name_end > unit.tok_start + 1 and not self.cap[name_end - 1]:
            name_end -= 1  # "Beni territory": the name before the unit noun
        self.mentions = [m for m in self.mentions if m is not unit]
        for k in range(unit.tok_start, unit.tok_end):
            if self.owner[k] is unit:
                self.owner[k] = None
                self.used[k] = False
        found = self._settlement_before(name_end, codes)
        if found is None or found[0] < unit.tok_start:
            # or a unit of the region in another spelling: "Zhari district of Kandahar province" (Zharey)
            return self._unit_in_region(unit.tok_start, name_end, unit.tok_end, codes, region_text)
        m = self._add(found[0], name_end, "settlement", found[1], accepted_by=f"'X ({region_text})' chain")
        m.within, m.within_text = codes, region_text
        m.precision, m.precision_why = (
            2,
            f"the {self.texts[name_end]} named after it" if name_end < unit.tok_end else "",
        )
        self._decorate(m)
        return True

    def _unknown_before(self, end: int) -> tuple[int, list[tuple[int, int]]] | None:
        """A name the gazetteer does not know, ending just before token end and told as a place: after a word
        that puts it somewhere ("in", "near", "from", "the village of") or a verb of war whose object is a place
        ("shelled X"), and tagged as no person. Its region,
        named after it, is then where it lies (start, no pairs)."""
        run = self._base_run_before(end)
        if run is None or not self._free(run[0], end):
            return None
        start = run[0]
        if start == 0 or not self.cap[start]:
            return None
        before = self.toks[start - 1]
        if self.lower[start - 1] not in _PLACE_BEFORE_WORDS and not (
            before.pos_ == "VERB" and before.lemma_.lower() in ATTACK_VERBS
        ):
            return None
        if any(
            self.toks[x].ent_type_ in ("PERSON", "NORP") or self.lower[x] in NOT_PLACES
            for x in range(start, end)
        ):
            return None
        k = self.ent_of[start]
        if k >= 0 and self.ents[k].label_ in ("ORG", "WORK_OF_ART", "PRODUCT") and self.ents[k].end <= end:
            return None  # "a report from Reuters, Kyiv": a body named alone, not a village of the region
        text = self._span_text(start, end)
        if self._lookup(text, _name_key(text), loose=False):
            return None  # a place of another region: not this one's unknown village
        return start, []

    def _settlement_before(self, end: int, codes: frozenset[str]) -> tuple[int, list[tuple[int, int]]] | None:
        """The longest name ending just before token end that is a settlement of the regions (start, pairs)."""
        run = self._base_run_before(end)
        if run is None:
            return None
        for start in range(run[0], run[1]):
            if (
                not self._free(start, end)
                or not self.cap[start]
                or (start > 0 and self.texts[start - 1] == "-")
            ):
                continue  # a hyphenated name is read whole: "Vyshnevo-Polove" is never "-Polove" or "Polove"
            pairs = self._in_region_pairs(start, end, codes)
            if pairs:
                if start > run[0] and codes and not _any_inside(self.g, pairs, codes):
                    # "Bali Nyonga, Mezam Division, North West region": a name the gazetteer lacks whole,
                    # whose first word is a settlement of the region, is that settlement (not "Nyonga" abroad)
                    first = self._first_word_inside(run[0], start, codes)
                    if first:
                        return run[0], first
                return start, pairs
        return None

    def _first_word_inside(self, a: int, b: int, codes: frozenset[str]) -> list[tuple[int, int]]:
        """The settlements of the regions named exactly as the words a..x of a longer name (the longest first)."""
        data = self.g.data
        for x in range(b, a, -1):
            text = self._span_text(a, x)
            inside = [
                (e, q)
                for e, q in self._lookup(text, _name_key(text), loose=False)
                if q == Q_NAME
                and data.kind[e] == KIND_SETTLEMENT
                and _region_ok(data.codes[data.admin1[e]], codes)
            ]
            if inside:
                return inside
        return []

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
            if (
                lower[i] in DEMONYMS
                and i + 2 < n
                and texts[i + 1] == "-"
                and cap[i + 2]
                and not toks[i].whitespace_
            ):
                i += 1  # "the Thai-Myanmar border", "Afghan-Pakistani": a nationality, not a place
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
                elif _article_joins(texts, toks, j, cap):
                    j += 1  # Deir al-Balah, Ras el-Ain: the Arabic article joined to the next word
                elif lower[j] in _NAME_PARTICLES and j + 1 < n and cap[j + 1] and not used[j + 1]:
                    j += 1  # Mocimboa da Praia, Puerto de San Jose, Bin Jawad: a particle inside a name
                else:
                    break
            while j > i + 1 and not cap[j - 1]:
                j -= 1
            match = self._longest_match(i, j)
            if (
                j - i >= 2
                and (match is None or match[0] < j)
                and lower[i] not in DEMONYMS
                and (
                    self._settlement_noun_at(j)
                    or (j < n and lower[j] in _GROUP_NOUNS)
                    # "Busra al-Harir": a name whose words an Arabic article joins is one name, its first word no
                    # place of its own (Busra is no Basra)
                    or any(_article_joins(texts, toks, k, cap) for k in range(i + 1, j - 1))
                )
                and not (match is not None and _war_name(g, match[1]))
            ):
                # "Ta Ron village", "Kyway Bagan (North) village", "the Chen Mechan gang": the whole run names a
                # settlement the gazetteer lacks, or a group; a word of it alone ("Bagan" of Novosibirsk
                # oblast, "Chen" for Chenzhou) is no reading of it
                i = j
                continue
            if (
                (match is None or match[0] < j)
                and lower[i] in _ARTICLES
                and i + 2 < j
                and texts[i + 1] == "-"
                and not toks[i].whitespace_
            ):
                # "Al-Shaddadi" the gazetteer knows as "Shaddadah": the article is no name of its own (Ål)
                i += 2
                continue
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

    def _settlement_noun_at(self, j: int) -> bool:
        """Whether token j (or the token after a bracketed compass word there: "(North) village") is the noun
        of a single settlement ("village", "town")."""
        texts, lower, n = self.texts, self.lower, self.n
        if j + 2 < n and texts[j] == "(" and lower[j + 1] in _COMPASS_POINTS and texts[j + 2] == ")":
            j += 3
        return j < n and lower[j] in _ONE_SETTLEMENT

    def _inside_compound(self, e: int) -> bool:
        """Does a name ending before token e go on as a hyphenated compound ("Vyshnevo-Polove") whose part
        after the hyphen is no place of its own?"""
        toks, texts, cap, n = self.toks, self.texts, self.cap, self.n
        if not (
            e + 1 < n
            and texts[e] == "-"
            and cap[e + 1]
            and not toks[e - 1].whitespace_
            and not toks[e].whitespace_
        ):
            return False
        k = e + 1
        while (
            k + 2 < n
            and not toks[k].whitespace_
            and texts[k + 1] == "-"
            and cap[k + 2]
            and not toks[k + 1].whitespace_
        ):
            k += 2
        rest = self._span_text(e + 1, k + 1)
        return not self._lookup(rest, _name_key(rest), loose=False)

    def _longest_match(self, i: int, j: int) -> tuple[int, list[tuple[int, int]]] | None:
        g = self.g
        cap = self.cap
        # never end on "-" or "'s", nor inside a hyphenated name whose other part is no place ("Vyshnevo-Polove"
        # is one village, not Vyshneve; "the Bakhmut-Horlivka road" names two)
        ends = [e for e in range(j, i, -1) if cap[e - 1] and not self._inside_compound(e)]
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

    def _operation_name(self, i: int) -> bool:
        """Whether the name at token i is (part of) the name of a military operation or exercise: "Operation
        Lafiya Dole", "Operation Hadin Kai", "Exercise Steel Shield" name no place."""
        k = i - 1
        while k >= 0 and i - k <= MAX_NAME_TOKENS:
            if self.texts[k] in _OPERATION_WORDS:
                return True
            if not self.cap[k]:
                return False
            k -= 1
        return False

    def _accept(self, i: int, e: int, pairs: list[tuple[int, int]]) -> str:
        """Why the span is a place mention ('' when it is not)."""
        g = self.g
        lower, texts, n = self.lower, self.texts, self.n
        span_ent = self._entity(i, e)
        label = span_ent.label_ if span_ent is not None else ""
        ent_start = span_ent.start if span_ent is not None else -1
        ent_end = span_ent.end if span_ent is not None else -1
        if span_ent is not None and lower[ent_start] == "the":
            ent_start += 1
        if span_ent is not None and any(texts[k] == "," for k in range(ent_start, ent_end)):
            # "attacked Orikhiv, Stepnohirsk, Huliaipole": the tagger took a list for one name; each item is one
            while ent_start < i and "," in texts[ent_start:i]:
                ent_start = texts.index(",", ent_start, i) + 1
            ent_end = next((k for k in range(e, ent_end) if texts[k] == ","), ent_end)
        exact_ent = span_ent is not None and ent_start == i and ent_end == e
        if e == i + 1 and (self.toks[i].is_stop or lower[i] in NOT_PLACES):
            return ""
        if e < n - 1 and texts[e] == "-" and lower[e + 1] in ("based", "born", "made"):
            return ""
        if self._operation_name(i):
            return ""
        if (
            e == i + 1
            and i > 0
            and e < n
            and texts[i - 1] == "("
            and texts[e] == ")"
            and texts[i].isupper()
            and i >= 2
            and self.cap[i - 2]
        ):
            return ""  # "the Rapid Intervention Battalion (BIR)": the name's abbreviation, no place
        if (
            e == i + 1
            and i >= 2
            and texts[i].isupper()
            and texts[i - 1] == "-"
            and texts[i - 2].isupper()
            and not self.toks[i - 2].whitespace_
            and not self.toks[i - 1].whitespace_
        ):
            return ""  # "IS-KP members": the end of a group's abbreviation (Khorasan Province), no place
        if (
            e == i + 1
            and 2 <= len(texts[i]) <= 4
            and texts[i].isupper()
            and i > 0
            and texts[i - 1].strip()
            and any(ch.islower() for ch in texts[i - 1])
        ):
            return ""  # "Soldier Killed in North Waziristan IBO": an abbreviation in mixed-case text, no Ibo
        if e == i + 1 and _acronym_cased(texts[i]):
            return ""  # "the FAMa" (Mali's armed forces), "the FARDCs": an acronym, no Fama
        if e == i + 1 and lower[i] in _LANDFORM_NOUNS and i > 0 and self.cap[i - 1]:
            return ""  # "the Mohmand Valley", "the Tigris River": a feature's name, no town called Valley
        if (
            e == i + 1
            and self._title_case_word(i)
            and not _exact_settlement(g, pairs, _TITLE_WORD_POPULATION)
        ):
            return ""  # "Infiltration Bid Foiled in Keran Sector", "ISIS Cell": words a headline capitalises
        if e == i + 1 and lower[i] in _LANDFORM_FIRSTS and e < n and (self.cap[e] or lower[e] in _ARTICLES):
            return ""  # "Wadi al-Shay", "Jabal Hamrin": the first word of a valley's or a range's name
        if min(q for _, q in pairs) > Q_NAME and self._in_body_name(e):
            return ""  # "the Rapid Intervention Battalion": a word of a body's name, no alias of Rapid City
        if span_ent is not None and not exact_ent and ent_start <= i and ent_end >= e:
            # part of a larger entity: "Stanislav" in "Stanislav Petrov", "Kyiv" in "Kyiv Independent"
            region_follows = e < n and lower[e] in ("region", "regional", "oblast")
            if label not in ("GPE", "LOC", "FAC") and not region_follows:
                return ""
        qualities = {q for _, q in pairs}
        strong, war = _strength(g, pairs)
        if e < self.n and lower[e] in _STREET_NOUNS:
            return ""  # "a rally on Svobody square", "a shell hit Kharkivska street": a street of the city told of
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
        if (
            i >= 2
            and lower[i - 1] in ("to", "as")
            and lower[i - 2] == "coded"
            and _exact_settlement(g, pairs)
        ):
            return "the coder's place ('coded to X')"
        if label in _MISTAGGED_TOWN_LABELS and exact_ent and self._in_named_region(e, pairs):
            # "an ambush at Gajiram in Nganzai Local Government Area of Borno State": a settlement of the region
            # the sentence goes on to name, whatever the tagger took it for
            return f"a settlement of the region named after it (spaCy {label})"
        if label in _MISTAGGED_TOWN_LABELS and exact_ent and self._in_named_country(e, pairs):
            return f"a settlement of the country named after it (spaCy {label})"  # "attacked Djenné, Mali"
        if (
            label in _MISTAGGED_TOWN_LABELS
            and e < self.n
            and lower[e] in _UNIT_OF_NOUNS
            and _exact_settlement(g, pairs)
        ):
            # "near Sofara, Djenné circle", "in Damboa LGA": a unit named after its town; no person has one
            return f"the town a unit is named after (spaCy {label})"
        if (
            label in _MISTAGGED_TOWN_LABELS
            and exact_ent
            and _exact_settlement(g, pairs)
            and (
                (label != "PERSON" and self._settlement_said(i, e))
                or (
                    i > 0
                    and lower[i - 1] in ("in", "at", "near", "outside")
                    and (label != "PERSON" or lower[i - 1] != "in" or self._action_in(i, e))
                    and _exact_settlement(g, pairs, _TAGGED_TOWN_POPULATION)
                )
                or (
                    self._object_of_place_verb(e, person=label == "PERSON")
                    and _exact_settlement(g, pairs, _TAGGED_TOWN_POPULATION)
                )
            )
        ):
            # "an army post near Djibo", "the town of Sake", "a base in Dori": the tagger took a town whose
            # name it does not know for an organisation, a product or a person
            return f"a settlement by its syntax (spaCy {label})"
        if _exact_settlement(g, pairs) and self._named_after_its_unit(i, e):
            # "in Barani (Barani department)": the town that gives its unit its name, whatever the tagger says
            return "a settlement named like the unit after it"
        if label in ("ORG", "NORP", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LANGUAGE") and not (
            war or strong
        ):
            return ""  # a group or a person that shares its name with some small place abroad
        syntax = self._place_syntax(i, e)
        if syntax:
            if qualities == {Q_LOOSE} and not war and not all(_is_iso_region(g, x) for x, _ in pairs):
                return ""  # a loose spelling is a reading only of a place of the war, or of a region
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

    def _named_after_its_unit(self, i: int, e: int) -> bool:
        """Is the name (tokens i..e) followed by a unit of the same name: "Barani (Barani department)",
        "Djibo, Djibo department"?"""
        k = e
        if k >= self.n or self.texts[k] not in ("(", ","):
            return False
        width = e - i
        after = k + 1 + width
        return (
            after < self.n
            and self.lower[k + 1 : after] == self.lower[i:e]
            and (self.lower[after] in DISTRICT_NOUNS or self.lower[after] in REGION_NOUNS)
        )

    def _in_body_name(self, e: int) -> bool:
        """Does the capitalised name go on after token e up to the noun of an armed or official body ("Rapid
        Intervention Battalion", "Joint Task Force", "Special Operations Command")?"""
        k = e
        while k < self.n and k - e < MAX_NAME_TOKENS and self.cap[k]:
            if self.lower[k] in _BODY_NOUNS:
                return True
            k += 1
        return False

    def _in_named_region(self, e: int, pairs: list[tuple[int, int]]) -> bool:
        """Whether the name ending before token e is followed, within its phrase ("X in Y Local Government Area
        of Z State", "X, Y district, Z province"), by a region that holds a settlement of that name."""
        lower, texts, n = self.lower, self.texts, self.n
        if e >= n or lower[e] not in ("in", ",", "("):
            return False
        data = self.g.data
        for x in range(e + 1, min(e + 10, n)):
            if texts[x] in (".", ";", ")", ":") or self.toks[x].pos_ in ("VERB", "AUX"):
                return False
            owner = self.owner[x]
            if owner is not None and owner.kind == "region" and owner.cands and not owner.qualifier:
                codes = {self.g.admin1_code(c.entry) for c in owner.cands} - {None}
                # (a spelling the gazetteer generates will do: the region confirms it)
                return any(
                    q <= Q_VARIANT and data.kind[p] == KIND_SETTLEMENT and self.g.admin1_code(p) in codes
                    for p, q in pairs
                )
            if not (self.cap[x] or lower[x] in _IN_REGION_GAP):
                return False
        return False

    def _in_named_country(self, e: int, pairs: list[tuple[int, int]]) -> bool:
        """Whether the name ending before token e is followed by ", <country>" or "(<country>)" and that country
        has a settlement of that name ("attacked Djenné, Mali": the tagger took the town for a person)."""
        texts, n, g = self.texts, self.n, self.g
        if e + 1 >= n or texts[e] not in (",", "("):
            return False
        for end in range(min(e + 1 + MAX_NAME_TOKENS, n), e + 1, -1):
            if not self.cap[end - 1]:
                continue
            countries = self._countries_named(self._span_text(e + 1, end))
            if countries:
                return any(
                    q <= Q_ATTESTED and g.data.kind[p] == KIND_SETTLEMENT and g.country(p) in countries
                    for p, q in pairs
                )
        return False

    def _action_in(self, i: int, e: int) -> bool:
        """Is 'in X' (X tagged a person) where an action took place: "in" hangs on a verb ("killed 12 terrorists
        in Gwoza"), not on a noun ("confidence in Smith"), and X is no possessor ("in Smith's view")."""
        return self.toks[i - 1].head.pos_ == "VERB" and not (e < self.n and self.lower[e] in ("'s", "’s"))

    def _settlement_said(self, i: int, e: int) -> bool:
        """Is the name at i..e said to be a settlement: "the town of X", "X village", "near X", "west of X"?"""
        lower, n = self.lower, self.n
        if e < n and lower[e] in SETTLEMENT_NOUNS:
            return True
        if i >= 2 and lower[i - 1] == "of" and lower[i - 2] in SETTLEMENT_NOUNS:
            return True
        if i >= 1 and lower[i - 1] in NEAR_WORDS:
            return True
        return i >= 2 and lower[i - 1] == "of" and lower[i - 2] in _COMPASS_POINTS

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

    def _object_of_place_verb(self, e: int, *, person: bool) -> bool:
        """Is the name ending before ``e`` the object of a verb of attack or capture ("raided Gwoza", "looted
        Zurmi")? For a name the tagger took for a person, only of a verb whose object is never a person ("fled
        Goma", not "attacked X")."""
        head = self.toks[e - 1]
        if head.dep_ not in ("dobj", "nsubjpass"):
            return False
        verb = head.head.lemma_.lower()
        return verb in (_PLACE_ONLY_VERBS if person else ATTACK_VERBS)

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
        # a member of a set of places: "18 settlements near the front, including Enerhodar", "several
        # villages such as Rozdolivka"
        j = i - 2 if i >= 2 and lower[i - 2 : i] == ["such", "as"] else i - 1
        if i > 0 and (lower[i - 1] in _MEMBER_CUES or j == i - 2):
            for x in range(j - 1, max(j - 12, -1), -1):
                if texts[x] in (".", ";", ":"):
                    break
                if lower[x] in SETTLEMENT_NOUNS or lower[x] in _PLACE_SET_NOUNS:
                    return f"one of the '{texts[x]}' ('{texts[j]}')"
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
        """'Donetsk rebels', 'LPR positions', 'Luhansk separatists', 'Myanmar military vehicles': a place or
        country name modifying an armed group (or its positions) says whose they are, not where the event is;
        it is flagged like metonymy."""
        if m.kind not in ("settlement", "region", "country") or m.tok_end >= self.n:
            return
        tok = self.toks[m.tok_end - 1]
        # the group noun heads the name ("Luhansk separatists") or is the next word of the phrase it modifies
        # ("Myanmar military vehicles": compound of "vehicles")
        reach = 1 if m.kind != "country" else 3
        modifies_group = (
            tok.dep_ in ("compound", "amod", "nmod")
            and m.tok_end <= tok.head.i < m.tok_end + reach
            and self.lower[m.tok_end] in AFFILIATION_NOUNS
        )
        # ("Pakistan Air Force", "the Islamic Movement of Uzbekistan": a country opening or closing a body's name)
        named_body = m.kind == "country" and (
            self._organisation_follows(m.tok_end) or self._organisation_before(m.tok_start)
        )
        if modifies_group or named_body or self._home_of_a_person(m.tok_start):
            m.metonymy = m.affiliation = True

    def _title_case_word(self, i: int) -> bool:
        """Whether token i is an English word (a noun, verb or adjective of the lemmatizer's dictionary)
        capitalised only because its line is written in title case, as headlines of press releases are."""
        if not self.cap[i] or self.texts[i].isupper() or self.lower[i] not in _english_words():
            return False
        sent = self.toks[i].sent
        words = [t for t in sent if t.is_alpha and len(t) > 3 and t.i != i]
        return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.75 * len(words)

    def _home_of_a_person(self, k: int) -> bool:
        """Whether the place is where a person named comes from, in an aside on him ("Sepoy X (age 24 years,
        resident of Bannu)", "Naik Y, hailing from Ghizer,"): it says who he was, not where the event is. (Not
        "detained a resident of Yevpatoria": the arrest is there.)"""
        before = tuple(self.lower[max(0, k - 2) : k])
        aside = k >= 3 and self.lower[k - 3] in ("(", ",")
        return (aside and before in _HOME_WORDS) or (k > 0 and self.lower[k - 1] in ("r/o", "s/o"))

    def _organisation_before(self, k: int) -> bool:
        """Whether a country closes the name of a movement or a body ("the Islamic Movement of Uzbekistan",
        "the Islamic State of Iraq", "the National Liberation Front of Tripura"): the name says who, not where."""
        if k < 2 or self.lower[k - 1] != "of" or not self.cap[k - 2]:
            return False
        head = self.lower[k - 2]
        if head in _MOVEMENT_HEADS:
            return True
        # "Islamic State of Iraq" (not "the State of Palestine": the state itself)
        return head == "state" and k >= 3 and self.cap[k - 3] and self.lower[k - 3] not in ("the", "a")

    def _organisation_follows(self, k: int) -> bool:
        """Whether a name in capitals that ends with the noun of a military body starts at token k: a country
        opening it ("U.S. Africa Command", "U.S. Central Command", "Pakistan Air Force") says whose it is."""
        end = min(self.n, k + 3)
        while k < end and self.cap[k]:
            if self.lower[k] in _ORGANISATION_HEADS:
                return True
            k += 1
        return False

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
        # "accuse Russia of shelling", "blamed Kyiv for the blast": the side accused, not where it happened
        accused = dep == "dobj" and head.lemma_ in _ACCUSING_VERBS
        # the parser sometimes misses the subject ("settlements Kyiv retook")
        verb_follows = nxt is not None and (
            lower[nxt] in GOVERNMENT_VERBS
            or (toks[nxt].tag_ in ("VBD", "VBZ", "MD") and dep not in ("pobj", "dobj", "conj"))
        )
        m.metonymy = subject or possessor or possessive or agent or accused or verb_follows

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
# what follows "X district" to say the town that is its seat ("the Doshi district centre")
_SEAT_WORDS = frozenset({"centre", "center", "headquarters", "seat", "capital"})
# what follows a town's name to say its centre ("Rutshuru-centre", "Beni-ville"): the town itself
_CENTRE_SUFFIXES = frozenset({"centre", "center", "ville", "centro"})


_ACCUSING_VERBS = frozenset({"accuse", "blame"})


_UNIT_OF_NOUNS = DISTRICT_NOUNS | TOWNSHIP_NOUNS
_UNIT_NOUNS = _UNIT_OF_NOUNS | REGION_NOUNS
# words between a settlement and the region named after it: "in Nganzai Local Government Area of Borno State"
_IN_REGION_GAP = frozenset({"in", "of", "the", ",", "-", "local", "government", "area"}) | _UNIT_OF_NOUNS
# words that name members of a set told just before: "18 settlements, including Enerhodar"
_LANDFORM_NOUNS = frozenset(
    "valley river mountains mountain hills hill pass gorge lake desert plain plains forest creek canyon".split()
)
_TITLE_WORD_POPULATION = 100_000  # a city this large is named, not a word a headline capitalised ("Mosul")


@functools.cache
def _english_words() -> frozenset[str]:
    """The nouns, verbs and adjectives of the English lemmatizer's dictionary (empty without the model)."""
    try:
        from ..entities import get_nlp

        index = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, ImportError) as exc:
        log.debug("no English word list for headlines (%s)", exc)
        return frozenset()
    return frozenset(w for pos in index for w in index[pos] if w.isalpha())


_LANDFORM_FIRSTS = frozenset({"wadi", "jabal", "jebel", "jabel", "djebel"})
_HOME_WORDS = frozenset({("resident", "of"), ("native", "of"), ("hailing", "from"), ("hails", "from")})
_MEMBER_CUES = frozenset({"including", "notably", "especially", "particularly"})
_PLACE_SET_NOUNS = (
    frozenset({"settlements", "hamlets", "communities", "hromadas", "localities", "areas"})
    | REGION_NOUNS
    | DISTRICT_NOUNS
)


def _misread_date(t: Token) -> bool:
    """A capitalised word alone in what the tagger calls a date or a time that names no day, month, season or
    date word and holds no digit: a place the tagger did not know ("Positioned in Svitlodarsk, ...")."""
    if t.ent_type_ not in ("DATE", "TIME") or t.ent_iob_ != "B":
        return False
    alone = t.i + 1 == len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I"
    return alone and t.lower_ not in CALENDAR_WORDS and not any(ch.isdigit() for ch in t.text)


@functools.cache
def _landmark_keys() -> tuple[dict[str, frozenset[str]], int]:
    """The keys of the landmarks' names by their first word (lower case), and the most tokens one may span."""
    by_first: dict[str, set[str]] = {}
    longest = 1
    for lm in load_landmarks():
        for name in lm.names:
            key = _name_key(name)
            if key:
                by_first.setdefault(key.split()[0], set()).add(key)
                longest = max(longest, 2 * len(key.split()) + 1)  # room for the hyphens and apostrophes
    return {w: frozenset(k) for w, k in by_first.items()}, longest


@functools.cache
def _group_acronyms() -> frozenset[str]:
    """The acronyms of the armed groups lexicon ("JAS", "ADF", "VDP"), as written."""
    from ..lexicon.groups import lexicon

    return frozenset(lexicon().exact)


@functools.cache
def _weapon_keys() -> frozenset[str]:
    """Name keys of the one-word names of weapon systems ("Kalibr", "Tochka", "KAB", "Shahed"), read once."""
    from ..lexicon.weapons import WEAPON_SYSTEMS

    return frozenset(
        _name_key(form) for _, forms in WEAPON_SYSTEMS.values() for form in forms if " " not in form.strip()
    )


_ARTICLES = ARABIC_ARTICLES | {"al"}


# Arabic articles assimilated to a sun letter that are also English words, read as articles only when
# capitalised inside a name ("Maaret An Nu'man", "Tell As Sultan")
_CAPITAL_ARTICLES = frozenset({"an", "as", "at", "al"})
# the small words a chain's part may hold beside its name and nouns: "Dagon Myothit township", "village of X",
# "Mocimboa da Praia", "the Gaza Strip", "Maaret An Nu'man", "village tract"
_CHAIN_PART_WORDS = _NAME_PARTICLES | _ARTICLES | _CAPITAL_ARTICLES | {"of", "the", "tract", "track", "area"}


def _article_joins(texts: list[str], toks: Any, j: int, cap: list[bool]) -> bool:
    """Is token j an Arabic article written in lower case and joined to a capitalised word: by a hyphen ("al" in
    "Deir al-Balah", "el" in "Ras el-Ain") or apart, between two capitalised words ("ad" in "Salah ad Din")?"""
    if not (j >= 0 and j + 1 < len(texts)):
        return False
    if texts[j] not in _ARTICLES:
        # capitalised, as ACLED writes them, between two capitalised words: "Maaret An Nu'man", "Deir Ez Zor"
        return (
            texts[j][:1].isupper()
            and texts[j].lower() in _ARTICLES | _CAPITAL_ARTICLES
            and j > 0
            and cap[j - 1]
            and cap[j + 1]
            and bool(toks[j].whitespace_)
            and bool(toks[j - 1].whitespace_)
        )
    if j + 2 < len(texts) and texts[j + 1] == "-" and not toks[j].whitespace_ and cap[j + 2]:
        return True
    # written apart between two capitalised words: "Salah ad Din", "Dayr az Zawr", "Ras al Ayn"
    return j > 0 and cap[j - 1] and cap[j + 1] and bool(toks[j].whitespace_) and bool(toks[j - 1].whitespace_)


def _acronym_cased(word: str) -> bool:
    """Is a word cased as an acronym with a lower-case letter in it ("FAMa", "FARDCs", "MINUSMa")? Names of
    places are in title case or all capitals ("McAllen", "KwaZulu", "DeKalb" start with one capital)."""
    return (
        len(word) >= 3 and word[:2].isupper() and word[:2].isalpha() and any(ch.islower() for ch in word[2:])
    )


def _exact_settlement(g: Gazetteer, pairs: list[tuple[int, int]], population: int = 0) -> bool:
    """Whether the name is, exactly, the own name of a settlement (not an alias or a loose spelling), of at
    least ``population`` inhabitants."""
    data = g.data
    return any(
        q == Q_NAME and data.kind[e] == KIND_SETTLEMENT and data.population[e] >= population for e, q in pairs
    )


def _foreign_small_alias(data: Any, c: _Cand, home: frozenset[str] = WAR_COUNTRIES) -> bool:
    """A settlement outside the ``home`` countries (Ukraine and Russia by default) that the mention reaches only
    through an alternate name of a place of fewer than FOREIGN_ALIAS_POPULATION people, or through a spelling
    generated or loosened (of a place of any size: "Makki" is no Mek'i of Ethiopia in a report on Iran)."""
    return (
        c.quality >= Q_ATTESTED
        and data.kind[c.entry] == KIND_SETTLEMENT
        and data.codes[data.country[c.entry]] not in home
        and (data.population[c.entry] < FOREIGN_ALIAS_POPULATION or c.quality >= Q_VARIANT)
    )


def _any_inside(g: Gazetteer, pairs: list[tuple[int, int]], codes: frozenset[str]) -> bool:
    """Is any of the (entry, quality) pairs in one of the regions?"""
    return any(_region_ok(g.admin1_code(x), codes) for x, _q in pairs)


def _unplaced_in(g: Gazetteer, entry: int, codes: frozenset[str]) -> bool:
    """Whether a settlement whose region the gazetteer does not know (GeoNames gives Palestine's towns only
    "West Bank", Israel's none that maps) lies in a country of the regions ``codes``: then "Huwwara, Nablus"
    is no contradiction, and the text's region is the place's. Ukraine and Russia know every region."""
    data = g.data
    if data.kind[entry] != KIND_SETTLEMENT or data.codes[data.admin1[entry]] is not None:
        return False
    country = data.codes[data.country[entry]]
    return country not in WAR_COUNTRIES and any(c[:2] == country for c in codes)


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
_STREET_NOUNS = frozenset("square street avenue boulevard prospekt prospect lane embankment".split())
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
