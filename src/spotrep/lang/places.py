"""Places in Ukrainian and Russian text: find the toponyms of a Cyrillic report and resolve them to gazetteer
entries, as the English places stage does for English text.

A mention is a capitalised Cyrillic word or run of words (``у Харкові``, ``Великої Новосілки``, ``в Кривому
Розі``), an oblast adjective before ``область`` (``Белгородской области``), an oblast's ``-щина`` name
(``на Херсонщині``, ``Донеччина``) or an adjective before ``район``/``громада`` (``Покровського району``). Each
word is brought to its nominative by pymorphy3 (the language's analyser) and by suffix rules for the names it
does not know (cases of nouns, of adjective names, the і/о alternation of closed syllables: Харкова -> Харків);
the nominative is looked up in the gazetteer in Cyrillic (it indexes the Ukrainian names and the Russian names
GeoNames attests), else transliterated (``ukrainian_to_latin``, ``russian_to_latin``). Russian spellings of
Ukrainian places resolve to them (Харьков -> Kharkiv, Артемовск -> Bakhmut).

Person names (pymorphy's Surn/Name/Patr), words in quotes (organisations), acronyms and common words that
start a sentence are not places unless a preposition of place says they are. Namesakes are resolved by the
candidate scores of the English stage (how the name matches, population, administrative rank, the war's
geography), the oblast the text names for the place (a settlement is never put in another oblast than the
one named for it), the oblasts the text names elsewhere, and the other places of the text.

Where the language has a named-entity model (Russian: slovnet, ``spotrep.lang.ru.ner``), the caller may pass its
``entities``: a name found with no preposition before it must then be part of an entity the model sees (what
it does not see is a sentence's first word, an adjective of nationality, a word of a headline: "По данным",
"Украинские военные"), and a name inside a person's full name ("Александр Камышин") is not a place. The model is
asked only when some name needs it.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from ..errors import ModelNotInstalledError, UnsupportedLanguageError
from ..gazetteer import get_gazetteer
from ..gazetteer.data import (
    KIND_COUNTRY,
    KIND_REGION,
    Q_ATTESTED,
    RANK_RAION,
    RANK_REGION,
    SRC_HROMADA,
    SRC_RAION,
    Gazetteer,
    haversine_km,
)
from ..gazetteer.translit import name_key, russian_to_latin, ukrainian_to_latin, ukrainian_to_latin_y
from ..model import Location
from ..places import location_with_precision, memo_of
from ..places.resolver import front_bonuses

log = logging.getLogger(__name__)

__all__ = ["PlaceMention", "find_places"]

LANGUAGES = ("uk", "ru")
HOME = frozenset({"UA", "RU"})  # the countries these reports are about; a place elsewhere needs a cue
MAX_RUN = 3  # words in a settlement's name
W_NAMED_OBLAST = 2.0  # a candidate in an oblast the text names
W_NEAR_OTHER = 1.2  # a candidate within NEAR_KM of another place of the text
NEAR_KM = 60.0


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int  # character offsets in the text
    surface: str  # as written: "Харкові", "Херсонщині", "Покровського району"
    name: str  # the base form looked up: "Харків"
    kind: str  # "settlement" | "raion" | "hromada" | "oblast" | "country"
    location: Location


# --- the analysers ---------------------------------------------------------------------------------
_LOCK = threading.Lock()


@functools.cache
def _analyser(lang: str) -> Any:
    """pymorphy3's analyser of a language, loaded once, on first use."""
    with _LOCK:
        try:
            import pymorphy3
        except ImportError as exc:
            raise ModelNotInstalledError(
                "pymorphy3 is not installed: pip install pymorphy3 pymorphy3-dicts-uk pymorphy3-dicts-ru"
            ) from exc
        try:
            return pymorphy3.MorphAnalyzer(lang=lang)
        except (ValueError, OSError, KeyError) as exc:
            raise ModelNotInstalledError(f"pymorphy3's {lang} dictionary is not installed ({exc})") from exc


@dataclass(frozen=True)
class _Parse:
    """What the finder needs of pymorphy's parses of one word."""

    lemmas: tuple[str, ...]  # normal forms of noun parses (Geox first), in pymorphy's order
    adjective: bool  # some parse is an adjective
    adj_forms: tuple[str, ...]  # the nominatives (all genders, plural) of its adjective parses
    person: bool  # every noun parse is a person's name (surname, first name, patronymic)
    geox: bool  # some parse is a place name (Russian dictionary)
    known: bool  # the dictionary knows the word (not a guess)
    common: bool  # a common word: known, not a place, a noun/adjective/verb ... in lower case
    first_pos: str | None = None  # the part of speech of pymorphy's likeliest parse
    first_normal: str = ""  # the normal form of pymorphy's likeliest parse


_PERSON = frozenset({"Surn", "Name", "Patr"})


@functools.lru_cache(maxsize=1 << 16)
def _parse(word: str, lang: str) -> _Parse:
    morph = _analyser(lang)
    parses = morph.parse(word)
    lemmas: list[str] = []
    adj_forms: list[str] = []
    adjective = geox = known = False
    nouns = persons = 0.0
    for p in parses[:8]:
        tag = p.tag
        grams = tag.grammemes
        if p.is_known:
            known = True
        if "Geox" in grams:
            geox = True
            lemmas.insert(0, p.normal_form)
        elif tag.POS == "NOUN":
            nouns += p.score
            if grams & _PERSON:
                persons += p.score
            else:
                lemmas.append(p.normal_form)
        elif tag.POS in ("ADJF",):
            adjective = True
            for want in ({"femn", "nomn"}, {"masc", "nomn"}, {"neut", "nomn"}, {"plur", "nomn"}):
                form = p.inflect(want)
                if form is not None:
                    adj_forms.append(form.word)
    # a person's name by nine tenths of pymorphy's estimate (Путин; not Харкові, also the dative of Харко)
    person_only = nouns > 0 and persons >= 0.9 * nouns and not geox
    common = known and not geox and not person_only
    return _Parse(
        tuple(dict.fromkeys(lemmas)),
        adjective,
        tuple(dict.fromkeys(adj_forms)),
        person_only,
        geox,
        known,
        common,
        parses[0].tag.POS if parses else None,
        parses[0].normal_form if parses else "",
    )


# --- nominatives by suffix rules -------------------------------------------------------------------
# (ending, replacements) tried longest first; the stem of a noun may then revert о/е -> і (Харкова -> Харків)
_UK_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ового", ("ів", "ове", "овий")),  # a possessive adjective: Часового Яру -> Часів Яр
    ("овому", ("ів", "ове", "овий")),
    ("ого", ("е", "ий")),
    ("ому", ("е", "ий")),
    ("ої", ("а",)),
    ("ій", ("а", "ій")),
    ("ою", ("а",)),
    ("ею", ("я",)),
    ("ові", ("",)),
    ("еві", ("",)),
    ("єві", ("й",)),
    ("ом", ("",)),
    ("ем", ("ь",)),
    ("єм", ("й",)),
    ("ям", ("я", "ь")),
    ("ам", ("и", "а")),  # Малим Проходам -> Малі Проходи
    ("ах", ("и",)),
    ("ях", ("і",)),
    ("ами", ("и",)),
    ("ів", ("и",)),
    ("ці", ("ка", "ця")),
    ("зі", ("га",)),
    ("сі", ("ха",)),
    ("ні", ("ня", "на", "нь", "н")),
    ("им", ("е", "ий")),
    ("ім", ("е", "ий")),
    ("і", ("а", "я", "ь", "", "і")),
    ("и", ("а",)),
    ("а", ("", "о", "е")),
    ("я", ("ь", "й", "я")),
    ("у", ("", "а")),
    ("ю", ("ь", "й", "я")),
    ("е", ("е",)),
)
_RU_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ского", ("ское", "ский")),
    ("ском", ("ское", "ский", "ск")),
    ("ого", ("ое", "ий", "ый")),
    ("ому", ("ое", "ий", "ый")),
    ("ой", ("ая", "ой")),
    ("ую", ("ая",)),
    ("ым", ("ое", "ый", "")),  # под Ореховым -> Орехов
    ("им", ("ий", "и")),
    ("ом", ("", "о")),
    ("ем", ("ь", "е")),
    ("ью", ("ь",)),
    ("ье", ("ье",)),
    ("ья", ("ье",)),
    ("ах", ("ы", "и")),
    ("ях", ("и",)),
    ("ам", ("ы", "и", "а")),
    ("ов", ("ы",)),
    ("ке", ("ка",)),
    ("ой", ("а",)),
    ("е", ("", "а", "о", "е")),
    ("и", ("а", "ь", "и")),
    ("ы", ("а", "ы")),
    ("а", ("", "о")),
    ("я", ("ь", "й", "я")),
    ("у", ("", "а")),
    ("ю", ("ь", "я")),
)
_VOWELS = set("аеєиіїоуюяыэё")


def _revert_alternation(stem: str) -> str | None:
    """Харков -> Харків, Рог -> Ріг: the і of a closed last syllable that open forms turn into о/е."""
    if len(stem) < 3 or stem[-1].lower() in _VOWELS:
        return None
    for k in (2, 3):
        if (
            len(stem) > k
            and stem[-k].lower() in "ое"
            and all(c.lower() not in _VOWELS for c in stem[-k + 1 :])
        ):
            return stem[:-k] + ("і" if stem[-k].islower() else "І") + stem[-k + 1 :]
    return None


@functools.lru_cache(maxsize=1 << 16)
def _word_forms(word: str, lang: str) -> tuple[str, ...]:
    """Likely nominatives of one word, the most likely first (the word itself first)."""
    forms = [word]
    p = _parse(word, lang)
    forms += [_cased(lemma, word) for lemma in p.lemmas]
    forms += [_cased(f, word) for f in p.adj_forms]
    low = word.lower()
    rules_lang = "uk" if lang == "uk" or any(c in low for c in "іїєґ") else "ru"
    lang = rules_lang
    for ending, repls in _UK_RULES if lang == "uk" else _RU_RULES:
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            stem = word[: len(word) - len(ending)]
            for r in repls:
                forms.append(stem + r)
                if r == "" and lang == "uk":
                    alt = _revert_alternation(stem)
                    if alt:
                        forms.append(alt)
                if lang == "uk" and r == "ець" and stem.endswith("ц"):
                    forms.append(stem[:-1] + "ець")
            if lang == "uk" and stem.endswith("ц") and ending in ("я", "ю", "і", "ем"):
                forms.append(stem[:-1] + "ець")  # Кременця -> Кременець
            if lang == "ru" and stem.endswith("ц") and ending in ("а", "у", "е", "ом"):
                forms.append(stem[:-1] + "ец")
    if "-" in word:  # Ivano-Frankivsk: the last part declines; Kamianka-Dniprovska: both do
        head, _, tail = word.rpartition("-")
        tails = _word_forms(tail, lang)
        forms += [f"{head}-{f}" for f in tails[1:]]
        if "-" not in head:
            forms += [f"{h}-{f}" for h in _word_forms(head, lang)[1:4] for f in tails[1:4]]
    return tuple(dict.fromkeys(f for f in forms if len(f) >= 2))


def _cased(lemma: str, like: str) -> str:
    if like[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))
    return lemma


# --- lookups ---------------------------------------------------------------------------------------
def _latin(name: str, lang: str) -> tuple[str, ...]:
    if lang == "uk":
        return tuple(dict.fromkeys((ukrainian_to_latin(name), ukrainian_to_latin_y(name))))
    return tuple(dict.fromkeys((russian_to_latin(name), ukrainian_to_latin(name))))


def _best_score(g: Gazetteer, pairs: list[tuple[int, int]]) -> float:
    memo = memo_of(g)
    return max(memo.candidate(g, e, q).score for e, q in pairs)


@functools.lru_cache(maxsize=1 << 15)
def _resolve_words(words: tuple[str, ...], lang: str) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    """The combination of nominatives of the words that the gazetteer knows, with its entries: names in
    Cyrillic first, then transliterated, then loosely; among the forms that match at one stage, the one whose
    best entry scores highest (Василькові: Васильків the town over Василькове the village)."""
    g = get_gazetteer()
    memo = memo_of(g)
    per_word = [_word_forms(w, lang) for w in words]
    combos = [" ".join(c) for c in itertools.islice(itertools.product(*per_word), 200)]

    def usable(pairs: list[tuple[int, int]], loose: bool = False) -> list[tuple[int, int]]:
        # a loose match (a transliteration near a name) is trusted only where the spelling conventions are
        # known: in Ukraine and Russia (Одеську is not Ode in Nigeria)
        return [(e, q) for e, q in pairs if g.kind(e) != KIND_COUNTRY and (not loose or g.country(e) in HOME)]

    def russian(name: str) -> list[tuple[str, list[tuple[int, int]]]]:
        # a Russian name and its transliterations together: GeoNames attests the Russian name of a few of the
        # villages called Александровка, the generated Russian-style spellings reach the other hundred (a
        # Ukrainian name is the codifier's own, for every village: read alone first)
        found: dict[int, int] = {}
        for lat in (name, *_latin(name, lang)):
            for e, q in memo.lookup(g, lat, name_key(lat), False):
                found[e] = min(q, found.get(e, q))
        return [(name, list(found.items()))]

    stages = (
        (russian,)
        if lang == "ru"
        else (
            lambda name: [(name, memo.lookup(g, name, name_key(name), False))],
            lambda name: [(name, memo.lookup(g, lat, name_key(lat), False)) for lat in _latin(name, lang)],
        )
    ) + (lambda name: [(name, memo.lookup(g, lat, name_key(lat), True)) for lat in _latin(name, lang)],)
    loose_stage = len(stages) - 1
    for n, stage in enumerate(stages):
        best: tuple[float, str, list[tuple[int, int]]] | None = None
        for rank, name in enumerate(combos if n < loose_stage else combos[:3]):
            for form, pairs in stage(name):
                kept = usable(pairs, loose=n == loose_stage)
                if not kept:
                    continue
                score = _best_score(g, kept) - 0.05 * rank
                if best is None or score > best[0]:
                    best = (score, form, kept)
        if best is not None:
            return best[1], tuple(best[2])
    return None


# --- the text's words ------------------------------------------------------------------------------
_WORD_RX = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
_CYR = re.compile(r"^[\u0400-\u04ff'’ʼ-]+$")
_QUOTES_OPEN = '«“„"'
_QUOTES_CLOSE = '»”"'

# prepositions and phrases after which a capitalised word is a place
_PLACE_CUES = {
    "uk": frozenset(
        "у в під біля поблизу неподалік околицях район районі районах на до з із зі від через повз "
        "над за між поміж бл м с смт селі селища місті місто міста село селище м. с. поруч напрямку "
        "по".split()  # удар по Харкову, авіаудари по Малим Проходам
    ),
    "ru": frozenset(
        "в во под около возле вблизи близ у на до из от через над за между район районе окрестностях "
        "селе поселке поселка городе город города село поселок пгт г с направлении по".split()
    ),
}
# the head nouns of the names of armed forces and state bodies, capitalised in them (Сили оборони, Збройних Сил,
# Служба безпеки, Генеральний штаб, Верховна Рада): a village of the same name is no reading of them
_INSTITUTION_NOUNS = frozenset(
    "сила служба військо міністерство штаб управління командування гвардія флот армія поліція прокуратура "
    "рада уряд войско министерство управление командование гвардия армия полиция совет правительство".split()
)
_STRONG_CUES = frozenset(
    "у в під біля поблизу неподалік околицях районі в во под около возле вблизи близ".split()
)
_NEAR_CUES = {
    "uk": frozenset("під біля поблизу неподалік околицях районі поруч".split()),
    "ru": frozenset("под около возле вблизи близ окрестностях районе".split()),
}
_OBLAST = re.compile(
    r"^(област[ьіиеяю]|областях|областей|областям|областями|областью|обл|ова|ода|облради|облрада|облраді)$"
)
_KRAI = re.compile(r"^(?:край|краю|краї|краєм|краях|края|крае|краем)$")
_RAION = re.compile(r"^район(?:у|і|а|е|ом|ах|и|ів|ов)?$")
_UNIT_ADJECTIVE = re.compile(r"(?:ськ|цьк|зьк|ск|цк|зк)\w{1,3}$")
_AND_WORDS = frozenset({"і", "й", "та", "и"})


def _list_adjective(tok: _Tok) -> bool:
    """A capitalised Cyrillic adjective of place that can be an item of a list of units ("Курской")."""
    return tok.cap and tok.cyr and bool(_UNIT_ADJECTIVE.search(tok.low))


_HROMADA = re.compile(r"^(громад[аиіуою]|громадою|громадах|общин[аыеуой])$")
_SHCHYNA = re.compile(r"^(.{3,}?)(щин|ччин)(а|и|і|у|ою)$")
_COUNTRIES = {
    "україна": "UA",
    "украина": "UA",
    "росія": "RU",
    "россия": "RU",
    "рф": "RU",
    "білорусь": "BY",
    "беларусь": "BY",
    "білорусія": "BY",
    "белоруссия": "BY",
    "молдова": "MD",
    "польща": "PL",
    "польша": "PL",
}


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    low: str
    cyr: bool
    cap: bool
    caps: bool  # all capitals (an acronym)
    sent_start: bool
    quoted: bool


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    quoted = False
    last = 0
    for m in _WORD_RX.finditer(text):
        gap = text[last : m.start()]
        for ch in gap:
            if ch in "«“„":
                quoted = True
            elif ch in "»”":
                quoted = False
            elif ch == '"':
                quoted = not quoted
        stripped = gap.strip(" \t\"'«»“”„()—–-")
        sent_start = not out or (bool(re.search(r"[.!?…:\n]", gap)) and not stripped.endswith(","))
        if out and not sent_start and gap.strip() in ("", "«", '"', "“", "„"):
            sent_start = False
        w = m.group()
        cyr = bool(_CYR.match(w))
        out.append(
            _Tok(
                w,
                m.start(),
                m.end(),
                w.lower(),
                cyr,
                w[:1].isupper(),
                len(w) > 1 and w.isupper(),
                sent_start,
                quoted,
            )
        )
        last = m.end()
    return out


# --- mentions --------------------------------------------------------------------------------------
@dataclass
class _Mention:
    i: int  # first token
    j: int  # after the last token
    start: int
    end: int
    surface: str
    name: str
    kind: str
    pairs: list[tuple[int, int]]
    near: bool = False
    within: frozenset[str] = frozenset()  # oblasts the text names for it
    within_raion: str | None = None
    scores: dict[int, float] = field(default_factory=dict)
    winner: int | None = None
    fixed: Location | None = None
    district_of_town: bool = False  # an adjective of a town before "район" that names no raion


class Entity(Protocol):
    """A named entity of a model: character offsets and a type (PER, LOC, ORG)."""

    start: int
    end: int
    type: str


EntityReader = Callable[[str], Sequence[Entity] | None]


def find_places(
    text: str, lang: str, entities: EntityReader | None = None, on: date | None = None
) -> list[PlaceMention]:
    """The places a Ukrainian (``uk``) or Russian (``ru``) text names, in text order, resolved jointly: the
    oblasts it names constrain its settlements, and its places one another's namesakes; among namesakes in
    Ukraine and Russia, the one near the front line in force on ``on`` (the report's date), if given.

    ``entities`` reads the text's named entities (``None`` when its model is missing); it is called at most
    once, and only if a name needs confirming (see the module's doc)."""
    if lang not in LANGUAGES:
        raise UnsupportedLanguageError(
            f"Cyrillic place names are read in Ukrainian and Russian, not {lang!r}"
        )
    if not text or not re.search(r"[\u0400-\u04ff]", text):
        return []
    g = get_gazetteer()
    toks = _tokens(text)
    mentions = _Finder(text, toks, lang, g).find()
    if entities is not None:
        mentions = _confirmed(text, toks, lang, mentions, entities)
    _resolve(g, mentions, on)
    mentions = _drop_districts_of_far_towns(g, toks, mentions)
    out: list[PlaceMention] = []
    for m in mentions:
        loc = m.fixed
        if loc is None and m.winner is not None:
            loc = location_with_precision(g, m.winner, 2 if m.near and m.kind == "settlement" else None)
        if loc is not None:
            kind = m.kind if m.winner is None else _kind_of(g, m.winner)
            out.append(PlaceMention(m.start, m.end, m.surface, m.name, kind, loc))
    return out


class _Finder:
    def __init__(self, text: str, toks: list[_Tok], lang: str, g: Gazetteer) -> None:
        self.text = text
        self.toks = toks
        self.lang = lang
        self.g = g
        self.used = [False] * len(toks)
        self.mentions: list[_Mention] = []

    def _mention(self, i: int, j: int, name: str, kind: str, pairs: list[tuple[int, int]]) -> _Mention:
        start, end = self.toks[i].start, self.toks[j - 1].end
        m = _Mention(i, j, start, end, self.text[start:end], name, kind, pairs)
        prev = self.toks[i - 1].low if i > 0 else ""
        prev2 = self.toks[i - 2].low if i > 1 else ""
        m.near = prev in _NEAR_CUES[self.lang] or (prev in ("району", "района") and prev2 in ("в", "у"))
        for k in range(i, j):
            self.used[k] = True
        self.mentions.append(m)
        return m

    def find(self) -> list[_Mention]:
        self._admin_units()
        self._settlements()
        self.mentions.sort(key=lambda m: m.start)
        self._attach()
        return self.mentions

    # oblasts, raions, hromadas -----------------------------------------------------------------------
    def _admin_units(self) -> None:
        toks, g = self.toks, self.g
        for k, t in enumerate(toks):
            if not t.cyr or self.used[k]:
                continue
            nxt = toks[k + 1].low if k + 1 < len(toks) else ""
            # each adjective of a list names a unit: "Запорожской и Херсонской областях", "над Брянской, Курской
            # и Белгородской областями", "Нікопольську, Марганецьку та Покровську громади", "громади:
            # Білопільську, Краснопільську"
            listed = self._unit_noun_after_list(k) or self._unit_noun_before_list(k)
            if listed and (_OBLAST.match(listed) or _RAION.match(listed) or _HROMADA.match(listed)):
                nxt = listed
            if _OBLAST.match(nxt) or (nxt.startswith("обл") and len(nxt) <= 4):
                base = self._adjective(t.text, "femn")
                if base:
                    pairs = self._regions(base)
                    if pairs:
                        span = 2 if _OBLAST.match(toks[k + 1].low) else 1
                        self._mention(k, k + span, base, "oblast", pairs)
                        continue
            if _KRAI.match(nxt):  # "у Краснодарському краї", "в Ставропольском крае": a krai, not its city
                base = self._adjective(t.text, "masc")
                pairs = self._regions(base) if base else []
                if pairs:
                    self._mention(k, k + 2, base, "oblast", pairs)
                    continue
            if _RAION.match(nxt) or _HROMADA.match(nxt):
                raion = bool(_RAION.match(nxt))
                base = self._adjective(t.text, "masc" if raion else "femn")
                if base:
                    units = [
                        e
                        for latin in _latin(base, self.lang)
                        for e in g.admin_units(latin)
                        if (g.data.source[e] == SRC_RAION) == raion
                        and (raion or g.data.source[e] == SRC_HROMADA)
                    ]
                    if units:
                        noun_next = k + 1 < len(toks) and bool(
                            _RAION.match(toks[k + 1].low) or _HROMADA.match(toks[k + 1].low)
                        )
                        self._mention(
                            k,
                            k + 2 if noun_next else k + 1,
                            base,
                            "raion" if raion else "hromada",
                            [(e, 0) for e in dict.fromkeys(units)],
                        )
                        continue
            sh = _SHCHYNA.match(t.low) if self.lang == "uk" and t.cap else None
            if sh:
                stem = t.text[: len(sh.group(1))]
                adj = stem + ("цька" if sh.group(2) == "ччин" else "ська")
                pairs = self._regions(adj)
                if pairs:
                    self._mention(k, k + 1, adj, "oblast", pairs)

    def _unit_noun_after_list(self, k: int) -> str:
        """The noun after a list of adjectives that token k opens ("Білопільську, Краснопільську та Хотінську
        громади"), lower-cased; '' when token k opens no such list."""
        toks = self.toks
        if not _UNIT_ADJECTIVE.search(toks[k].low):
            return ""  # "у Києві, Київській ... областях": the city before the list is no member of it
        j, members = k + 1, 1
        while j < len(toks) and j - k <= 12:
            if not re.fullmatch(r"[\s,]*", self.text[toks[j - 1].end : toks[j].start]):
                return ""  # "в Луцке (Волынская область)": a town and its oblast, no list
            if toks[j].low in _AND_WORDS:
                j += 1
            elif _list_adjective(toks[j]):
                j, members = j + 1, members + 1
            else:
                break
        return toks[j].low if members > 1 and j < len(toks) else ""

    def _unit_noun_before_list(self, k: int) -> str:
        """The unit noun a list of adjectives follows ("громади: Білопільську, Краснопільську та Хотінську"),
        lower-cased, when token k is one of them; ''."""
        toks = self.toks
        if not _list_adjective(toks[k]):
            return ""
        j = k - 1
        while j >= 0 and k - j <= 12 and (toks[j].low in _AND_WORDS or _list_adjective(toks[j])):
            j -= 1
        if j < 0 or not (_RAION.match(toks[j].low) or _HROMADA.match(toks[j].low)):
            return ""
        gap = self.text[toks[j].end : toks[j + 1].start]
        return toks[j].low if ":" in gap or "—" in gap or "–" in gap else ""

    def _adjective(self, word: str, gender: str) -> str | None:
        """The nominative (of a gender) of an adjective: Харківської -> Харківська, Покровського -> Покровський."""
        low = word.lower()
        if not re.search(r"(ськ|цьк|зьк|ск|цк|зк|ов|ев|ин)", low):
            return None
        p = _parse(word, self.lang)
        for f in p.adj_forms:
            fl = f.lower()
            if gender == "femn" and fl.endswith(("а", "ая")):
                return _cased(f, word)
            if gender == "masc" and fl.endswith(("ий", "ый", "ой")):
                return _cased(f, word)
        m = re.match(r"^(.*?(?:ськ|цьк|зьк|ск|цк|зк))(\w*)$", word, re.I)
        if not m:
            return None
        stem = m.group(1)
        if gender == "femn":
            return stem + ("а" if self.lang == "uk" else "ая")
        return stem + "ий"

    def _regions(self, adjective: str) -> list[tuple[int, int]]:
        """The oblasts an adjective names (Харківська, Черниговская): by the gazetteer's region names, else
        as the region of the regional centre the adjective is made from (Чернигов, Львов)."""
        g = self.g
        for latin in _latin(adjective, self.lang):
            pairs = g.regions_by_base(latin)
            if pairs:
                return [(e, q) for e, q in pairs if g.kind(e) == KIND_REGION]
        out: list[tuple[int, int]] = []
        for town in _town_of_adjective(adjective, self.lang):
            found = _resolve_words((town,), self.lang)
            if found is None:
                continue
            for e, _ in found[1]:
                if g.rank(e) == RANK_REGION:
                    region = g.region_of(e)
                    if region is not None and (region, 0) not in out:
                        out.append((region, 0))
            if out:
                return out
        return out

    # settlements and countries ----------------------------------------------------------------------
    def _settlements(self) -> None:
        toks = self.toks
        n = len(toks)
        k = 0
        while k < n:
            t = toks[k]
            if self.used[k] or not t.cyr or not t.cap or t.quoted:
                k += 1
                continue
            if t.caps:
                code = _COUNTRIES.get(t.low)
                if code:
                    self._country(k, t.text, code)
                k += 1
                continue
            # the longest run of capitalised words (adjective names: Велика Новосілка, Кривий Ріг)
            e = k + 1
            while (
                e < n
                and e - k < MAX_RUN
                and toks[e].cyr
                and toks[e].cap
                and not toks[e].caps
                and not self.used[e]
                and not toks[e].sent_start
                and self.text[toks[e - 1].end : toks[e].start] in (" ", "-")
            ):
                e += 1
            done = False
            for j in range(e, k, -1):
                if self._try(k, j):
                    k = j
                    done = True
                    break
            if not done:
                k += 1

    def _country(self, k: int, word: str, code: str) -> None:
        g = self.g
        i = g.data.country_entry.get(code)
        if i is not None:
            m = self._mention(k, k + 1, word, "country", [(i, 0)])
            m.name = word

    def _try(self, i: int, j: int) -> bool:
        toks = self.toks
        words = tuple(t.text for t in toks[i:j])
        first = toks[i]
        p = _parse(first.text, self.lang)
        if j - i == 1:
            for lemma in (first.low, *p.lemmas):
                code = _COUNTRIES.get(lemma)
                if code:
                    self._country(i, first.text, code)
                    return True
        g = self.g
        if j < len(toks) and toks[j].low in _AXIS_NOUNS and self._other_places_follow(j):
            return (
                False  # "на Краматорському напрямку ... по Часів Яру": an axis; the event is at the village
            )
        noun = (
            self._noun_after(j)
            if j - i == 1 and p.adjective and _ADJECTIVE_OF_PLACE.match(first.low)
            else None
        )
        # "біля Кропивницького росіяни ...", "під Хмельницьким дрони ...": a town whose own name is an adjective,
        # after a preposition, in another case or number than the noun after it, is read as a name
        if noun is not None and not (
            self._cued(i) and not toks[noun].caps and not _agrees(first.text, toks[noun].text, self.lang)
        ):
            # an adjective of place before a noun: "на Бердянському аеродромі", "Кременчугского НПЗ"; of the towns
            # it can be made from, the largest ("Николаевский завод": Николаев, not Николаевск)
            best: tuple[int, str, list[tuple[int, int]]] | None = None
            for town in _town_of_adjective(first.text, self.lang):
                found = _resolve_words((town,), self.lang)
                if found is not None:
                    kept = [(e, q) for e, q in found[1] if _kind_of(g, e) == "settlement"]
                    if kept and _significant(g, kept):
                        size = max(g.population(e) or 0 for e, _ in kept)
                        if best is None or size > best[0]:
                            best = (size, found[0], kept)
            if best is not None:
                m = self._mention(i, j, best[1], "settlement", best[2])
                # "Київського району": a district named after a town (see _drop_districts_of_far_towns)
                m.district_of_town = bool(_RAION.match(toks[noun].low))
                return True
            return False
        like = self._place_like(i, j)
        if not like:
            return False
        found = _resolve_words(words, self.lang)
        if found is None:
            return False
        name, pairs = found
        kept = [(e, q) for e, q in pairs if g.kind(e) != KIND_COUNTRY]
        if not kept or (like == _IF_SIGNIFICANT and not _significant(g, kept)):
            return False
        if not self._cued(i):
            # a place abroad only after a preposition of place (у Варшаві): a capitalised word of these
            # reports that only a foreign gazetteer name matches is a name of something else (Божої Матері,
            # Південної Пальміри, Музею)
            kept = [(e, q) for e, q in kept if g.country(e) in HOME]
            if not kept:
                return False
        regions = [(e, q) for e, q in kept if g.kind(e) == KIND_REGION and q <= Q_ATTESTED]
        if regions:  # Крим, Донбас: the region, not a village of its name
            kept = regions
        self._mention(i, j, name, _kind_of(g, kept[0][0]), kept)
        return True

    def _other_places_follow(self, j: int) -> bool:
        """Does a capitalised word that may be a place follow token j in its sentence?"""
        for t in self.toks[j + 1 :]:
            if t.sent_start:
                return False
            if t.cyr and t.cap and not t.caps:
                return True
        return False

    def _noun_after(self, j: int) -> int | None:
        """The noun that follows word j - 1, maybe after lowercase adjectives ("Кременчуцький нафтопереробний
        завод"), as the thing an adjective of place may qualify (its index), else None."""
        for k in range(j, min(j + 3, len(self.toks))):
            t = self.toks[k]
            if not t.cyr or self.text[self.toks[k - 1].end : t.start] != " ":
                return None
            if t.caps:
                return k
            if t.cap:
                return None
            if t.low in _PREPOSITIONS[self.lang] or t.low in _FUNCTION_WORDS:
                return (
                    None  # "– Казанський про ...": the adjective is a name (pymorphy reads "про" as a noun)
                )
            p = _parse(t.text, self.lang)
            if p.first_pos == "NOUN":
                return k if not p.adjective or k > j else None
            if p.first_pos not in ("ADJF", "PRTF"):
                return None  # a verb, an adverb: the adjective is a name
        return None

    def _cued(self, i: int) -> bool:
        """Whether a preposition of place (or a word such as "city", "village") comes before word ``i``."""
        toks = self.toks
        return i > 0 and toks[i - 1].low in _PLACE_CUES[self.lang] and not toks[i].sent_start

    def _place_like(self, i: int, j: int) -> int:
        """Whether capitalised words can be a place: not a person, not a common word that starts a sentence,
        or said to be one by a preposition of place."""
        toks = self.toks
        lang = self.lang
        cue = self._cued(i)
        parses = [_parse(t.text, lang) for t in toks[i:j]]
        last = parses[-1]
        strong = cue and toks[i - 1].low in _STRONG_CUES
        if last.person and not strong:
            return False
        if j - i == 1:
            p = parses[0]
            if p.person and not strong:  # біля Василькова: the town, though Василькова is also a surname
                return False
            if p.first_normal in _NATION_ADJECTIVES:
                return False  # "Украинская армия": a nation's adjective (not Novoukrainskiy)
            if not strong and set(p.lemmas) & _INSTITUTION_NOUNS:
                return False  # Сили оборони, Збройних Сил, Служба безпеки: a body, not a village named Syla
            if p.adjective and not p.lemmas and not p.geox:
                # a lone adjective (Зеленський, Повітряні): a place only as a neuter/feminine name after a cue
                return cue and not toks[i].low.endswith(("ський", "ский", "цький", "цкий"))
            if toks[i].sent_start and p.common and not cue:
                # a known word starting a sentence: a place only if a town of note (Харків під атакою)
                return _IF_SIGNIFICANT
            if p.common and not cue and not p.geox:
                # a common noun written with a capital mid-sentence is a name; the gazetteer decides
                return not toks[i].sent_start
            return True
        # a run of several capitalised words: every word after the first is capitalised mid-sentence, and so is
        # the first away from a sentence's start (Часів Яр, Малі Проходи: both common words)
        return not all(p.common and not p.geox for p in parses) or cue or not toks[i].sent_start

    # the oblast or raion named for a settlement ------------------------------------------------------
    def _attach(self) -> None:
        ms = self.mentions
        for a, b in itertools.pairwise(ms):
            if a.kind not in ("settlement", "raion", "hromada") or b.kind not in ("oblast", "raion"):
                continue
            gap = self.text[a.end : b.start]
            if len(gap) > 4 or not re.fullmatch(r"[\s,(]*", gap):
                continue
            if b.kind == "oblast":
                a.within = frozenset(self.g.admin1_code(e) for e, _ in b.pairs)
            elif a.kind == "settlement":
                a.within_raion = self.g.name(b.pairs[0][0]) if len(b.pairs) == 1 else None
                a.within = frozenset(self.g.admin1_code(e) for e, _ in b.pairs)
        # a raion named with its oblast passes it on: "с. X Y-ського району Z-ської області"
        for a, b, c in zip(ms, ms[1:], ms[2:], strict=False):
            if a.kind == "settlement" and b.kind == "raion" and c.kind == "oblast" and b.within:
                a.within = b.within


# words pymorphy may take for nouns that are none (prepositions and particles beyond _PREPOSITIONS)
_FUNCTION_WORDS = frozenset("про для без крім після перед щодо також вже ще не кроме после уже ещё".split())
# the adjectives of nations and states, as pymorphy's normal forms: no town's adjectives
_NATION_ADJECTIVES = frozenset(
    "український російський руський білоруський радянський американський європейський британський "
    "французький німецький польський чеченський грузинський молдавський турецький "
    "украинский российский русский белорусский советский американский европейский британский "
    "французский немецкий польский чеченский грузинский молдавский турецкий".split()
)
# a front's axis, named after a city: "на Покровському напрямку", "на Купянском направлении"
_AXIS_NOUNS = frozenset(
    "напрямок напрямку напрямі напрямком направление направлении направлению направлением".split()
)
_ADJECTIVE_OF_PLACE = re.compile(
    r"^(.*?)(ськ|цьк|зьк|ск|цк|зк)(ий|ого|ому|им|ім|а|ої|ій|у|ою|е|і|их|ая|ой|ую|ое|ом|ые|ых|ым)$"
)
_IF_SIGNIFICANT = 2
SIGNIFICANT_POPULATION = 20_000


def _significant(g: Gazetteer, pairs: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> bool:
    """Whether some entry is a place of note in Ukraine or Russia: a region, a raion centre or above, a town
    of 20,000 people (Атака, a known word starting a sentence, is not Ataq in Yemen)."""
    for e, _ in pairs:
        if g.country(e) not in HOME:
            continue
        if (
            g.kind(e) == KIND_REGION
            or g.rank(e) >= RANK_RAION
            or (g.population(e) or 0) >= SIGNIFICANT_POPULATION
        ):
            return True
    return False


@functools.lru_cache(maxsize=1 << 14)
def _agrees(adjective: str, noun: str, lang: str) -> bool:
    """Can the adjective qualify the noun: some case and number of its adjective readings are the noun's?"""
    morph = _analyser(lang)

    def forms(word: str, pos: tuple[str, ...]) -> set[tuple[str | None, str]]:
        return {(p.tag.case, p.tag.number or "sing") for p in morph.parse(word) if p.tag.POS in pos}

    return bool(forms(adjective, ("ADJF", "PRTF")) & forms(noun, ("NOUN",)))


def _town_of_adjective(adjective: str, lang: str) -> list[str]:
    """The towns an adjective of place can be made from: Бердянському -> Бердянськ, Херсонській -> Херсон,
    Кременчуцького -> Кременчук, Одесского -> Одеса/Одесса, Львовская -> Львов, Донецкая -> Донецк."""
    m = re.match(
        r"^(.*?)(ськ|цьк|зьк|ск|цк|зк)(ий|ого|ому|им|ім|а|ої|ій|у|ою|е|і|их|ая|ой|ую|ое|ом|ые|ых|ым)$",
        adjective,
    )
    if not m or _parse(adjective, lang).first_normal in _NATION_ADJECTIVES:
        return []  # "Украинская армия", "Російські війська": a nation's adjective, not a town's
    stem, suffix = m.group(1), m.group(2)
    out = [stem + suffix, stem, stem + suffix + "ий"]  # a town whose name is the adjective: Хмельницький
    if suffix in ("цьк", "цк"):
        out += [stem + "к", stem + "цьк", stem + "цк", stem + "г"]
    if suffix in ("зьк", "зк"):
        out += [stem + "г", stem + "жжя", stem + "жье"]
    if suffix in ("ськ", "ск"):
        out += [stem + "а", stem + "са", stem + "ь", stem + "я"]
        if stem.endswith(("ов", "ев", "ів", "їв")):
            out.append(stem + "ка")  # Каховська ГЕС, Каховской плотине -> Каховка
    if lang == "ru" and suffix == "ск" and stem.endswith("ж"):
        out.append(stem + "ье")
    return [o for o in dict.fromkeys(out) if len(o) >= 3]


def _kind_of(g: Gazetteer, e: int) -> str:
    kind = g.kind(e)
    if kind == KIND_COUNTRY:
        return "country"
    if kind == KIND_REGION:
        src = g.data.source[e]
        if src == SRC_RAION:
            return "raion"
        if src == SRC_HROMADA:
            return "hromada"
        return "oblast"  # an ISO region or a named area (Donbas, Crimea)
    return "settlement"


# --- resolution ------------------------------------------------------------------------------------
CITY_OF_THE_NAME = 100_000
"""A city this large is what its name means in a report; the front prior tells only smaller namesakes apart."""


def _resolve(g: Gazetteer, mentions: list[_Mention], on: date | None = None) -> None:
    memo = memo_of(g)
    named_oblasts: set[str] = set()
    for m in mentions:
        if m.kind == "oblast":
            named_oblasts.update(c for c in (g.admin1_code(e) for e, _ in m.pairs) if c)
    for m in mentions:
        pairs = m.pairs
        if m.within:
            pairs = [(e, q) for e, q in pairs if g.admin1_code(e) in m.within]
            if m.within_raion:
                pairs = [(e, q) for e, q in pairs if g.admin2(e) == m.within_raion] or pairs
        m.pairs = pairs
        # among namesakes in Ukraine and Russia, the one at the front on the report's date ("ВСУ уничтожили склад
        # в Красной Горе": the Donetsk village, not the Russian namesake), never over a city of the name
        front = (
            front_bonuses(g, pairs, on, spare_cities=CITY_OF_THE_NAME)
            if on is not None and m.kind == "settlement"
            else {}
        )
        for e, q in pairs:
            s = memo.candidate(g, e, q).score + front.get(e, (0.0, 0.0))[0]
            if named_oblasts and g.admin1_code(e) in named_oblasts:
                s += W_NAMED_OBLAST
            if s > m.scores.get(e, -1e9):
                m.scores[e] = s
        m.winner = max(m.scores, key=m.scores.__getitem__) if m.scores else None
        if (
            m.winner is not None
            and m.kind == "settlement"
            and not m.within
            and len(named_oblasts) == 1
            and not any(g.admin1_code(e) in named_oblasts for e, _ in pairs)
            and not _significant(g, pairs)
        ):
            # "Губернатор Белгородской области: ВСУ обстреляли село Журавлевка": a village the one oblast the
            # text names lacks is a village of that oblast the gazetteer does not know, not a namesake in
            # another (the text's oblast stands for it)
            m.winner, m.scores = None, {}
    # namesakes near the text's other places
    for _ in range(2):
        anchors = [
            (m, g.point(m.winner)) for m in mentions if m.winner is not None and m.kind == "settlement"
        ]
        for m in mentions:
            if len(m.scores) < 2 or m.kind != "settlement":
                continue
            best, best_score = m.winner, -1e9
            for e, s in m.scores.items():
                pt = g.point(e)
                bonus = 0.0
                if pt:
                    for other, opt in anchors:
                        if other is m or opt is None:
                            continue
                        if haversine_km(pt[0], pt[1], opt[0], opt[1]) <= NEAR_KM:
                            bonus = W_NEAR_OTHER
                            break
                if s + bonus > best_score:
                    best, best_score = e, s + bonus
            m.winner = best


def _drop_districts_of_far_towns(g: Gazetteer, toks: list[_Tok], mentions: list[_Mention]) -> list[_Mention]:
    """ "В Донецке ... обстрела Киевского района": a district named after a town far from the city its sentence
    names is that city's district (Donetsk's Kyivskyi district), not the town; a district of a town near it
    ("Голосіївського району" of Kyiv, an old raion named after its town) stays that town."""

    if not any(m.district_of_town for m in mentions):
        return mentions
    sentence_of: list[int] = []
    n = 0
    for t in toks:
        n += t.sent_start
        sentence_of.append(n)
    kept = []
    for m in mentions:
        if m.district_of_town and m.winner is not None:
            here, pt = sentence_of[m.i], g.point(m.winner)
            cities = [
                g.point(o.winner)
                for o in mentions
                if o is not m and o.winner is not None and o.kind == "settlement" and sentence_of[o.i] == here
            ]
            if pt and any(c and haversine_km(pt[0], pt[1], c[0], c[1]) > NEAR_KM for c in cities):
                continue
        kept.append(m)
    return kept


# --- names confirmed by a named-entity model -------------------------------------------------------
_PREPOSITIONS = {
    "uk": frozenset("в у на по під біля до з із зі від через над за між к о об при коло".split()),
    "ru": frozenset(
        "в во на по под у около возле вблизи близ до из от через над за между к ко с со о об при".split()
    ),
}


def _after_preposition(toks: list[_Tok], m: _Mention, lang: str) -> bool:
    if m.i == 0 or toks[m.i].sent_start:
        return False
    prev = toks[m.i - 1].low
    return prev in _PLACE_CUES[lang] or prev in _PREPOSITIONS[lang]


def _word_before(text: str, at: int) -> str:
    m = re.search(r"([^\W\d_]+)[^\w.!?…:\n]*$", text[max(0, at - 40) : at])
    return m.group(1).lower() if m else ""


def _confirmed(
    text: str, toks: list[_Tok], lang: str, mentions: list[_Mention], reader: EntityReader
) -> list[_Mention]:
    """The mentions a named-entity model does not contradict: a settlement with no preposition of place
    before it must overlap some entity; a name inside a person's full name (two words or more) is dropped
    unless a preposition is before that name ("по Кривому Рогу", which the model may read as a person)."""
    doubtful = [m for m in mentions if not _after_preposition(toks, m, lang)]
    if not doubtful:
        return mentions
    found = reader(text)
    if found is None:
        return mentions
    drop: set[int] = set()
    for m in doubtful:
        over = [e for e in found if e.start < m.end and m.start < e.end]
        if m.kind == "settlement" and not over:
            drop.add(id(m))
            continue
        for e in over:
            if (
                e.type == "PER"
                and e.start <= m.start
                and m.end <= e.end
                and len(text[e.start : e.end].split()) >= 2
                and _word_before(text, e.start) not in _PREPOSITIONS[lang]
            ):
                drop.add(id(m))
                break
    if drop:
        log.debug("named entities: not places %s", [m.surface for m in mentions if id(m) in drop])
    return [m for m in mentions if id(m) not in drop]
