"""Numbers, counted quantities and casualty figures in the language of war reporting.

Pure Python (regular expressions and word lists): no spaCy, nothing heavy at import time.

Public interface:

- :func:`parse_number` reads one number written in digits or words ("30,000", "1.5 million", "twenty-five",
  "one hundred and twenty", "a dozen").
- :func:`vague_count` turns a vague amount ("dozens", "several hundred") into a lower bound.
- :func:`find_quantities` finds counted things ("17 drones", "more than 30,000 Russian forces").
- :func:`find_casualties` reads the people killed and wounded in one sentence.

Documented choices
------------------
Vague amounts give the lower bound a reader can be sure of, with the qualifier ``at_least``: "a few" 2,
"several" / "a handful" 3, "dozens" 24, "scores" 40, "hundreds" 200, "thousands" 2,000, "tens of thousands"
20,000, "hundreds of thousands" 200,000, "millions" 2,000,000; "several hundred" 300, "a few dozen" 24.
"a couple (of)" is 2 ``approximately``. "many", "numerous", "a number of" and "some" carry no number (None).

Quantities: the unit is the head noun, singularised ("drones" -> "drone", "people" -> "person"), preceded by
the proper names and classifying words written before it ("10 ATACMS missiles" -> "ATACMS missile",
"59 Tomahawk cruise missiles" -> "Tomahawk cruise missile"); descriptive adjectives and nationality words are
dropped ("more than 30,000 Russian forces" -> "force"). A range ("10-15 drones", "between 10 and 15 drones")
gives its lower end with ``at_least``. "as many as" is read as ``at_most``. A part of a counted whole
("29 of 31 Shahed drones") gives two mentions: "29" (unit "Shahed drone") and "31 Shahed drones". Counts of
people are quantities too (unit "person", "civilian", "soldier"...): the pipeline decides what they mean.

Casualties (one sentence at a time; figures of separate phrases are added up):

- people named inside "including ...", "among them ...", "of whom ..." asides are not counted again ("six
  people, including two children, were killed" = 6);
- "killed or wounded 26", "26 people were killed or injured" and "26 casualties" have no known split: they go
  to ``killed_or_wounded`` and leave ``fatalities``/``injuries`` None;
- "no casualties", "no one was hurt", "without casualties" give 0 fatalities and 0 injuries; "no one was
  killed" 0 fatalities; "no one was injured" 0 injuries;
- a suicide bomber "killing himself" / "blowing himself up" counts as 1 fatality (ACLED counts perpetrators);
- "two were killed ... and another died in hospital" = 3: later deaths are added to the deaths reported;
  deaths among the wounded ("one of whom later died") are added to fatalities without being taken from the
  injuries (the text gives no better figure);
- a death toll ("the death toll rose to 12") is the total: fatalities = max(toll, sum of other figures);
- an apposition that spells out a figure is not added to it ("three civilians, a man and two women, were
  killed" = 3); a person named with an article or possessive counts 1 ("a woman was killed", "injured his
  12-year-old son"), and so does "him" or "her" ("killing him"); ages are never counts;
- known gap: elliptical second figures ("killed three in Kherson and two in Nikopol") give only the first;
- vague amounts give their lower bound with ``at_least`` ("dozens injured" -> 24, at_least);
- the qualifier of a sum is ``exact`` only if every part is exact; ``at_least`` if any part is (and none is
  ``at_most``); ``approximately`` otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

__all__ = [
    "Casualties",
    "QuantityMention",
    "find_casualties",
    "find_quantities",
    "parse_number",
    "vague_count",
]


class _Lazy:
    """A regular expression compiled on first use (the big casualty patterns take a while to compile).

    ``needs`` lists words (lower case; prefixes match) of which the text must contain one for the pattern to
    match at all: a cheap test that spares the costly search on most sentences, which mention no casualties.
    An item may also be a tuple of groups the text must all contain, each group a "|"-separated choice of words
    (("taken|rushed", "wound|injur"): a verb of taking to hospital and a word for a wound).
    """

    __slots__ = ("_compiled", "_flags", "_needs", "_pattern")

    def __init__(
        self, pattern: str, flags: int = 0, *, needs: tuple[str | tuple[str, ...], ...] = ()
    ) -> None:
        self._pattern = pattern
        self._flags = flags
        self._needs = tuple(
            need if isinstance(need, str) else tuple(tuple(group.split("|")) for group in need)
            for need in needs
        )
        self._compiled: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return self._compiled

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.rx.groupindex

    def _possible(self, text: str, low: str | None) -> bool:
        if not self._needs:
            return True
        low = text.lower() if low is None else low
        return any(
            need in low
            if isinstance(need, str)
            else all(any(word in low for word in group) for group in need)
            for need in self._needs
        )

    # ``low`` is the text in lower case when the caller has it (one text tried against many patterns)
    def finditer(self, text: str, pos: int = 0, *, low: str | None = None) -> Iterator[re.Match[str]]:
        if not self._possible(text, low):
            return iter(())
        return self.rx.finditer(text, pos)

    def search(self, text: str, pos: int = 0, *, low: str | None = None) -> re.Match[str] | None:
        return self.rx.search(text, pos) if self._possible(text, low) else None

    def match(self, text: str, pos: int = 0, *, low: str | None = None) -> re.Match[str] | None:
        return self.rx.match(text, pos) if self._possible(text, low) else None


# --------------------------------------------------------------------------------------------------
# Number words

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SHORT_SCALES = {
    "k": 1_000, "thousand": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "million": 1_000_000,
    "b": 1_000_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000, "hundred": 100,
}  # fmt: skip
_NUMBER_WORDS = set(_UNITS) | set(_TEENS) | set(_TENS) | set(_SCALES) | {"hundred", "dozen"}

_SPACES = "\u00a0\u202f\u2009 "
_RE_DIGITS = re.compile(rf"\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+|\d+")
_RE_DIGITS_SCALE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?)\s*(?P<scale>thousand|million|billion|hundred|mln|mn|bn|k|m|b)", re.I
)


def _parse_words(tokens: list[str]) -> int | None:
    """Read a sequence of number words ("one hundred and twenty"); None if it is not a well-formed number."""
    if not tokens:
        return None
    if tokens[:3] == ["half", "a", "dozen"] and len(tokens) == 3:
        return 6
    article = tokens[0] in ("a", "an")
    if article:
        tokens = tokens[1:]
        if not tokens or tokens[0] not in ("hundred", "thousand", "million", "billion", "dozen"):
            return None
    if tokens == ["zero"]:
        return 0
    total = 0
    current = 0
    last = "start" if not article else "a"
    last_scale = None
    for i, tok in enumerate(tokens):
        if tok == "and":
            if last not in ("hundred", "scale") or i == len(tokens) - 1:
                return None
            last = "and"
            continue
        if tok in _UNITS and tok != "zero":
            if last in ("unit", "teen"):
                return None
            if last == "tens" and current % 10 != 0:
                return None
            current += _UNITS[tok]
            last = "unit"
        elif tok in _TEENS:
            if last in ("unit", "teen", "tens"):
                return None
            current += _TEENS[tok]
            last = "teen"
        elif tok in _TENS:
            if last in ("unit", "teen", "tens"):
                return None
            current += _TENS[tok]
            last = "tens"
        elif tok == "hundred":
            if last == "a":
                current = 1
            elif last not in ("unit", "teen", "tens") or current >= 100:
                return None
            if current >= 100:
                return None
            current *= 100
            last = "hundred"
        elif tok in _SCALES:
            scale = _SCALES[tok]
            if last == "a":
                current = 1
            elif last not in ("unit", "teen", "tens", "hundred"):
                return None
            if last_scale is not None and scale >= last_scale:
                return None
            total += current * scale
            current = 0
            last_scale = scale
            last = "scale"
        elif tok == "dozen":
            if last == "a":
                current = 1
            elif last not in ("unit", "teen", "tens") or current >= 100:
                return None
            if i != len(tokens) - 1:
                return None
            current *= 12
            last = "dozen"
        else:
            return None
    if last in ("start", "a", "and"):
        return None
    return total + current


# patterns used in loops, compiled once
_RE_GROUP_SEPARATORS = re.compile(rf"[,{_SPACES}]")
_RE_WORD_SEPARATORS = re.compile(r"[\s\-\u2013]+")
_RE_SPACES = re.compile(r"\s+")
_RE_TRAILING_OF = re.compile(r"\s+of$")
_RE_ACRONYM_PLURAL = re.compile(r"[A-Z0-9\-]{2,}s")
_RE_ACRONYM = re.compile(r"[A-Z][A-Z0-9\-]+")
_RE_ACRONYM_PLURAL2 = re.compile(r"[A-Z][A-Z0-9\-]*[A-Z0-9]s")
_RE_DIGIT = re.compile(r"\d")
_RE_DIGIT_GROUPS = re.compile(r"\d[\d,]*")
_RE_LETTER = re.compile(r"[A-Za-z]")
_RE_FOUR_DIGITS = re.compile(r"\d{4}")
_RE_ORDINAL_AFTER = re.compile(r"\s?(?:st|nd|rd|th)\b", re.I)
_RE_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent)", re.I)
_RE_HYPHEN_WORD_AFTER = re.compile(r"[\-\u2010\u2011]\s*[A-Za-z]")
_RE_HYPHEN_CAPITAL = re.compile(r"[\-\u2010\u2011][A-Z]")
_RE_YEAR_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|by|of|during|until|from|before|after|through)\s*$", re.I
)
_RE_OR_MORE_AFTER = re.compile(r"\s*(?:or|and)\s+(?:more|so)\b", re.I)


def parse_number(text: str) -> int | None:
    """The integer a number expression stands for, or None if it is not a (whole) number.

    Digits ("17", "30,000", "1 000"), digits with a scale ("1.5 million", "2.5m", "10k", "30 thousand") and
    words ("three", "twenty-five", "one hundred and twenty", "a hundred", "two thousand", "a dozen",
    "half a dozen").
    Vague amounts ("dozens", "several") are None here: see :func:`vague_count`.
    """
    t = text.strip().replace("\u2011", "-").replace("\u2010", "-")
    if not t:
        return None
    if _RE_DIGITS.fullmatch(t):
        return int(_RE_GROUP_SEPARATORS.sub("", t))
    m = _RE_DIGITS_SCALE.fullmatch(t)
    if m:
        try:
            value = Decimal(m.group("num")) * _SHORT_SCALES[m.group("scale").lower()]
        except InvalidOperation:  # pragma: no cover - the regex only lets digits through
            return None
        return int(value) if value == value.to_integral_value() else None
    tokens = [tok for tok in _RE_WORD_SEPARATORS.split(t.lower()) if tok]
    # digits followed by scale words: "30 thousand", "2 hundred thousand"
    if tokens and _RE_DIGITS.fullmatch(tokens[0]) and len(tokens) > 1:
        rest = _parse_words(["a", *tokens[1:]])
        if rest is None or tokens[1] not in ("hundred", "thousand", "million", "billion", "dozen"):
            return None
        head = int(tokens[0].replace(",", ""))
        # "a thousand" read as 1 * 1000, scale by the leading digits
        return head * rest if len(tokens) == 2 else None
    return _parse_words(tokens)


_VAGUE_MULTIPLIERS = {"a few": 2, "few": 2, "several": 3, "a couple of": 2, "a couple": 2, "some": None}
_VAGUE_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000}
_VAGUE_PLURALS = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "tens of thousands": 20_000,
    "hundreds of thousands": 200_000, "millions": 2_000_000, "tens of millions": 20_000_000,
    "several": 3, "a few": 2, "a handful": 3, "handful": 3, "a couple of": 2, "a couple": 2,
    "dozens and dozens": 24, "several dozen": 36, "a few dozen": 24, "several hundred": 300,
    "a few hundred": 200, "several thousand": 3_000, "a few thousand": 2_000,
    "several hundred thousand": 300_000, "a few hundred thousand": 200_000,
    "several million": 3_000_000, "a few million": 2_000_000, "several tens of thousands": 30_000,
}  # fmt: skip


def vague_count(text: str) -> tuple[int, str] | None:
    """A vague amount as (lower bound, qualifier); None when words carry no number ("many", "a number of").

    See the module docstring for the table; "a couple (of)" is (2, "approximately"), the rest "at_least".
    """
    t = _RE_SPACES.sub(" ", text.strip().lower())
    t = _RE_TRAILING_OF.sub("", t) if not t.endswith("couple of") else t
    if t in ("a couple", "a couple of", "couple of", "a pair of", "a pair"):
        return (2, "approximately")
    value = _VAGUE_PLURALS.get(t)
    if value is None:
        return None
    return (value, "at_least")


# --------------------------------------------------------------------------------------------------
# Finding numbers in running text

_WORD_ALT = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_WORD_NUM = (
    rf"(?:(?:half\s+)?an?\s+)?(?:{_WORD_ALT})(?:(?:\s+and\s+|[\s\-\u2010\u2011]+)(?:{_WORD_ALT})){{0,9}}"
)
_VAGUE_ALT = "|".join(
    re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_VAGUE_PLURALS, key=len, reverse=True)
)
_DIGIT_NUM = (
    rf"\d+(?:\.\d+)?\s*(?:thousand|million|billion|mln|bn|k|m)(?![\w-])"
    rf"|\d+(?:\s+(?:thousand|million|billion))\b"
    rf"|\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?!\d)|\d+"
)
# one number: vague amounts first, then digits, then words (longest first)
_NUM = rf"(?:{_VAGUE_ALT}|{_DIGIT_NUM}|{_WORD_NUM})"
_RE_NUM = _Lazy(
    rf"(?<![\w$€£₴₽¥#:/.,\u2010\u2011-])(?P<num>{_NUM})(?![\w%]|[.,]\d|:\d|/\d)(?P<plus>\+)?",
    re.I,
)

_QUALIFIERS: dict[str, str] = {
    "more than": "at_least", "over": "at_least", "at least": "at_least", "upwards of": "at_least",
    "in excess of": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least", "well over": "at_least", "just over": "at_least",
    "well above": "at_least", "above": "at_least", "more then": "at_least",
    "up to": "at_most", "fewer than": "at_most", "less than": "at_most", "no more than": "at_most",
    "as many as": "at_most", "at most": "at_most", "a maximum of": "at_most", "not more than": "at_most",
    "under": "at_most", "just under": "at_most", "below": "at_most", "a maximum": "at_most",
    "about": "approximately", "around": "approximately", "some": "approximately",
    "nearly": "approximately", "almost": "approximately", "roughly": "approximately",
    "an estimated": "approximately", "estimated": "approximately", "approximately": "approximately",
    "approx.": "approximately", "approx": "approximately", "~": "approximately", "close to": "approximately",
    "circa": "approximately", "c.": "approximately", "an approximate": "approximately",
    "a total of": "exact", "exactly": "exact", "precisely": "exact", "a further": "exact",
    "another": "exact", "an additional": "exact",
}  # fmt: skip
_QUAL_ALT = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUALIFIERS, key=len, reverse=True))
_RE_QUAL_BEFORE = re.compile(rf"(?:(?<=\W)|^)(?P<qual>{_QUAL_ALT})\s*$", re.I)
_QUAL_KEYS = {re.sub(r"\s+", " ", k): v for k, v in _QUALIFIERS.items()}


def _qualifier_of(words: str) -> str:
    return _QUAL_KEYS.get(_RE_SPACES.sub(" ", words.strip().lower()), "exact")


@dataclass(frozen=True)
class _Num:
    start: int
    end: int
    value: int
    qualifier: str  # from a vague amount or a trailing "+"; "exact" otherwise
    text: str


def _value(num_text: str) -> tuple[int, str] | None:
    """Value and qualifier of a number token found by _RE_NUM."""
    t = _RE_SPACES.sub(" ", num_text.strip())
    vague = vague_count(t)
    if vague is not None:
        return vague
    value = parse_number(t)
    if value is None:
        return None
    return (value, "exact")


def _scan_numbers(text: str) -> list[_Num]:
    """All numbers in the text, longest well-formed reading first (word sequences shrink until they parse)."""
    out: list[_Num] = []
    pos = 0
    while True:
        m = _RE_NUM.search(text, pos)
        if m is None:
            break
        num_text = m.group("num")
        start = m.start("num")
        parsed = _value(num_text)
        end = m.end("num")
        if parsed is None:
            # a run of number words that is not one number ("one two"): shorten from the right
            words = list(re.finditer(r"[A-Za-z]+", num_text))
            found = None
            for k in range(len(words) - 1, 0, -1):
                cand = num_text[: words[k - 1].end()]
                v = _value(cand)
                if v is not None:
                    found = (cand, v)
                    break
            if found is None:
                pos = m.end("num")
                continue
            num_text, parsed = found
            end = start + len(num_text)
        value, qual = parsed
        if m.group("plus") and end == m.end("num"):
            end += 1
            qual = "at_least"
        out.append(_Num(start, end, value, qual, text[start:end]))
        pos = end
    return out


# --------------------------------------------------------------------------------------------------
# Quantities

_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
}  # fmt: skip
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

# heads that make a number a measure, a time, an amount of money or a rate, not a count of things
_NOT_COUNT_HEADS = {
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "h",
    "day", "days", "night", "nights", "week", "weeks", "month", "months", "year", "years", "yr", "yrs",
    "decade", "decades", "century", "centuries", "time", "times", "o'clock", "am", "pm", "a.m.", "p.m.",
    "gmt", "utc", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "metre",
    "metres", "meter", "meters", "m", "mm", "cm", "ft", "foot", "feet", "yard", "yards", "inch", "inches",
    "hectare", "hectares", "ha", "acre", "acres", "sq", "square", "kg", "kgs", "kilogram", "kilograms",
    "kilo", "kilos", "gram", "grams", "g", "tonne", "tonnes", "ton", "tons", "t", "lb", "lbs", "pound",
    "pounds", "litre", "litres", "liter", "liters", "gallon", "gallons", "barrel", "barrels", "degree",
    "degrees", "percent", "per", "pc", "percentage", "magnitude", "knot", "knots", "mph", "kph", "km/h",
    "calibre", "caliber", "dollar", "dollars", "euro", "euros", "hryvnia", "hryvnias", "hryvnas", "rouble",
    "roubles", "ruble", "rubles", "yuan", "yen", "rupee", "rupees", "shekel", "shekels", "dinar", "dinars",
    "cent", "cents", "usd", "eur", "uah", "rub", "gbp", "inhabitants", "population", "th", "st", "nd", "rd",
    "point", "points", "bps", "mw", "gw", "kw", "mwh", "gwh", "kv", "volts", "watts", "hz", "ghz", "mhz",
    "bpd", "mcm", "bcm", "block", "storey", "storeys", "floor", "magnitude-7",
} | _MONTHS | _WEEKDAYS  # fmt: skip

# words that end a noun phrase
_STOP = {
    "of", "in", "on", "at", "from", "to", "near", "into", "onto", "over", "across", "by", "with", "without",
    "for", "against", "toward", "towards", "during", "since", "after", "before", "per", "via", "through",
    "around", "about", "under", "above", "below", "behind", "beyond", "inside", "outside", "within", "amid",
    "among", "between", "and", "or", "but", "nor", "the", "a", "an", "this", "that", "these", "those",
    "which", "who", "whom", "whose", "what", "where", "when", "while", "as", "than", "was", "were", "is",
    "are", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "can", "may",
    "might", "must", "shall", "do", "does", "did", "it", "its", "their", "they", "them", "he", "she", "his",
    "her", "we", "our", "i", "you", "your", "not", "no", "also", "reportedly", "including", "each", "every",
    "all", "both", "said", "says", "say", "according", "then", "there", "here", "so", "if", "because",
    "although", "though", "yet", "only", "just", "even", "still", "ago", "earlier", "later", "apiece",
    "altogether", "overall", "total", "respectively", "alone", "themselves", "itself", "himself", "herself",
    "out", "up", "down", "off", "back", "away", "again", "too", "very", "now", "today", "yesterday",
    "tonight", "overnight", "allegedly", "reported", "reports", "reporting", "until", "unless", "whether",
    "upon", "plus", "minus", "versus", "vs", "like", "unlike",
    "such", "some", "any", "more", "most", "less", "least", "many", "much", "few", "several", "another",
} - {"more"}  # fmt: skip

# singular nouns that name people, for "a woman was killed" and for singular heads
_PERSON_SINGULAR = {
    "person", "man", "woman", "child", "boy", "girl", "baby", "infant", "toddler", "teenager", "teen",
    "youth", "civilian", "resident", "local", "villager", "soldier", "serviceman", "servicewoman",
    "servicemember", "officer", "policeman", "policewoman", "cop", "guard", "fighter", "militant",
    "insurgent", "rebel", "gunman", "attacker", "assailant", "bomber", "driver", "passenger", "worker",
    "employee", "farmer", "journalist", "reporter", "photographer", "cameraman", "volunteer", "medic",
    "doctor", "nurse", "paramedic", "rescuer", "firefighter", "fireman", "priest", "imam", "student",
    "pupil", "teacher", "pensioner", "retiree", "mother", "father", "son", "daughter", "wife", "husband",
    "brother", "sister", "grandmother", "grandfather", "grandson", "granddaughter", "relative", "member",
    "commander", "pilot", "sailor", "marine", "contractor", "demonstrator", "protester", "protestor",
    "victim", "pedestrian", "cyclist", "motorist", "shepherd", "herder", "official", "mayor", "deputy",
    "prisoner", "detainee", "hostage", "trooper", "paratrooper", "sniper", "conscript", "recruit",
    "mercenary", "operator", "crewman", "colonel", "general", "lieutenant", "sergeant", "captain",
    "citizen", "national", "foreigner", "refugee", "migrant", "evacuee", "occupant", "fisherman",
    "electrician", "engineer", "lineman", "deminer", "sapper", "postman", "courier", "shopkeeper",
    "vendor", "trader", "merchant", "businessman", "lawyer", "judge", "prosecutor", "politician",
    "lawmaker", "activist", "militiaman", "jihadist", "combatant", "partisan", "guerrilla", "infantryman",
    "gunner", "tanker", "scout", "spy", "informant", "collaborator", "settler", "worshipper", "pilgrim",
    "herdsman", "adolescent", "minor", "newborn", "elder", "individual",
    "inhabitant", "peacekeeper", "policemen", "aid worker",
}  # fmt: skip
_IRREGULAR_PLURALS = {
    "people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
    "police": "police", "personnel": "personnel", "aircraft": "aircraft", "militia": "militia",
    "infantry": "infantry", "staff": "staff", "crew": "crew", "cattle": "cattle", "sheep": "sheep",
    "livestock": "livestock", "spacecraft": "spacecraft", "watercraft": "watercraft", "hovercraft":
    "hovercraft", "policemen": "policeman", "policewomen": "policewoman", "servicemen": "serviceman",
    "servicewomen": "servicewoman", "gunmen": "gunman", "firemen": "fireman", "fishermen": "fisherman",
    "militiamen": "militiaman", "crewmen": "crewman", "infantrymen": "infantryman", "tribesmen": "tribesman",
    "herdsmen": "herdsman", "linemen": "lineman", "countrymen": "countryman", "businessmen": "businessman",
    "riflemen": "rifleman", "frogmen": "frogman", "seamen": "seaman", "airmen": "airman",
    "kinsmen": "kinsman", "clergymen": "clergyman", "chairmen": "chairman", "congressmen": "congressman",
    "salesmen": "salesman", "statesmen": "statesman", "spokesmen": "spokesman", "workmen": "workman",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "oxen": "ox",
    "ammunition": "ammunition", "munitions": "munition", "equipment": "equipment", "artillery": "artillery",
    "weaponry": "weaponry", "hardware": "hardware",
}  # fmt: skip
_NOT_PLURAL = {
    "its", "this", "was", "has", "does", "as", "is", "us", "yes", "plus", "less", "across", "perhaps",
    "always", "towards", "besides", "whereas", "thus", "sometimes", "afterwards", "nevertheless", "news",
    "his", "hers", "ours", "theirs", "yours", "whose", "various", "numerous", "previous", "serious",
    "dangerous", "famous", "anonymous", "enormous", "tremendous", "continuous", "gas", "bus", "chaos",
    "status", "campus", "census", "bonus", "virus", "focus", "canvas", "atlas", "alias", "basis", "crisis",
    "analysis", "thesis", "axis", "bias", "mass", "class", "glass", "grass", "process", "progress",
    "success", "access", "address", "business", "witness", "fortress", "congress", "express", "press",
    "physics", "politics", "economics", "tactics", "logistics", "statistics", "ballistics", "electronics",
    "mathematics", "lens", "means", "series", "species", "whereabouts", "headquarters", "barracks",
    "outskirts", "surroundings",
}  # fmt: skip
_SINGULAR_EXCEPTIONS = {
    "series": "series", "species": "species", "headquarters": "headquarters", "barracks": "barracks",
    "means": "means", "lives": "life", "knives": "knife", "wives": "wife", "thieves": "thief",
    "halves": "half", "shelves": "shelf", "wolves": "wolf", "leaves": "leaf", "loaves": "loaf",
    "buses": "bus", "gases": "gas", "crises": "crisis", "analyses": "analysis", "bases": "base",
    "cases": "case", "houses": "house", "warehouses": "warehouse", "caches": "cache", "niches": "niche",
    "avalanches": "avalanche", "missiles": "missile", "vehicles": "vehicle", "shoes": "shoe",
    "outskirts": "outskirts", "movies": "movie", "calories": "calorie", "cookies": "cookie",
    "zombies": "zombie", "rookies": "rookie", "hippies": "hippie", "lorries": "lorry",
    "courses": "course", "horses": "horse", "nurses": "nurse", "purses": "purse", "verses": "verse",
    "responses": "response", "licenses": "license", "expenses": "expense", "defenses": "defense",
    "defences": "defence", "licences": "licence", "pieces": "piece", "forces": "force", "devices": "device",
    "prices": "price", "offices": "office", "services": "service", "sources": "source",
}  # fmt: skip

_NATIONALITIES = {
    "russian", "ukrainian", "israeli", "palestinian", "american", "us", "u.s.", "usa", "uk", "u.k.",
    "british",
    "english", "iranian", "syrian", "iraqi", "afghan", "turkish", "chinese", "french", "german", "belarusian",
    "belarussian", "georgian", "polish", "sudanese", "somali", "yemeni", "lebanese", "kurdish", "saudi",
    "nigerian", "malian", "ethiopian", "eritrean", "congolese", "libyan", "egyptian", "pakistani", "indian",
    "korean", "north", "south", "chechen", "emirati", "omani", "qatari", "kuwaiti", "bahraini", "azerbaijani",
    "azeri", "armenian", "uzbek", "kazakh", "tajik", "kyrgyz", "chadian", "nigerien", "burkinabe", "ivorian",
    "rwandan", "ugandan", "kenyan", "tanzanian", "mozambican", "tunisian", "moroccan", "algerian",
    "jordanian", "moldovan", "czech", "slovak", "hungarian", "romanian", "bulgarian", "serbian", "croatian",
    "bosnian", "dutch", "belgian", "danish", "swedish", "finnish", "norwegian", "estonian", "latvian",
    "lithuanian", "italian", "spanish", "portuguese", "greek", "japanese", "western", "eastern", "southern",
    "northern", "foreign", "european", "african", "asian", "arab", "jewish", "muslim", "christian", "allied",
    "soviet", "iranian-made", "eu", "un", "nato", "thai", "burmese", "myanmar", "mexican", "colombian",
    "venezuelan", "brazilian", "canadian", "australian", "filipino", "indonesian", "bangladeshi", "nepali",
    "sri", "lankan", "cameroonian", "central", "sahrawi", "houthi", "druze", "alawite", "sunni", "shia",
    "shiite", "baloch", "pashtun", "tigrayan", "amhara", "oromo", "fulani", "tuareg", "haitian",
}  # fmt: skip

# adjectives (and adjectival nouns) dropped from units
_ADJECTIVES = {
    "new", "old", "more", "other", "others", "additional", "further", "large", "small", "big", "heavy",
    "light", "young", "elderly", "various", "many", "few", "total", "remaining", "different", "separate",
    "unidentified", "unknown", "local", "enemy", "hostile", "armed", "top", "senior", "junior", "high",
    "low", "long", "short", "modern", "older", "newer", "key", "main", "major", "minor", "own", "same",
    "first", "last", "next", "former", "current", "active", "suspected", "alleged", "so-called", "extra",
    "fresh", "spare", "single", "several", "assorted", "illegal", "illegally", "unarmed", "innocent",
    "separatist", "terrorist", "rebel", "militant", "pro-government", "government", "state",
    "advanced", "old-style", "modified", "upgraded", "captured", "seized", "destroyed", "damaged",
    "intercepted", "downed", "wounded", "injured", "dead", "killed", "missing", "civilian", "military",
    "combat-ready", "fully", "mostly", "largely", "also", "reportedly", "roughly", "approximately",
    "about", "around", "nearly", "almost", "some", "well", "just",
}  # fmt: skip
# classifying words kept in units even though they look like adjectives
_CLASSIFIERS = {
    "ballistic", "cruise", "aerial", "unmanned", "armoured", "armored", "guided", "hypersonic", "nuclear",
    "naval", "tactical", "strategic", "kamikaze", "loitering", "explosive", "improvised", "incendiary",
    "cluster", "multiple", "self-propelled", "rocket-propelled", "surface-to-air", "air-to-air",
    "air-to-surface", "anti-tank", "anti-aircraft", "anti-ship", "anti-personnel", "anti-radiation",
    "air-launched", "sea-launched", "ground-launched", "attack", "combat", "artillery", "mortar", "tank",
    "rocket", "drone", "air", "defence", "defense", "fighter", "bomber", "transport", "cargo", "patrol",
    "assault", "landing", "infantry", "reconnaissance", "surveillance", "sniper", "machine", "grenade",
    "howitzer", "missile", "suicide", "first-person-view", "fpv", "glide", "aerial-bomb", "fighting",
}  # fmt: skip
_ADJ_SUFFIX = re.compile(
    r"(?:al|ous|ive|ic|ical|ful|less|able|ible|ed|ing|ian|ean|ese|ish|ary|ern|-made|-built|-supplied|"
    r"-backed|-led|-owned|-based|-style|-old|-type|-controlled|-occupied|-held|-aligned|-linked|-produced|"
    r"-designed|-operated|-manufactured|-launched|-range|-class)$",
    re.I,
)
_PROPER_ADJ_SUFFIX = re.compile(r"(?:ian|ean|ese|ish)$")

# words right before a number that make it a name, a rank, an address or an age, not a count
_RE_NOT_COUNT_BEFORE = re.compile(
    r"(?:\b(?:route|road|highway|motorway|article|articles|resolution|flight|section|paragraph|chapter|page|"
    r"pages|line|bus|unit|building|house|apartment|flat|room|block|brigade|regiment|battalion|division|"
    r"corps|squadron|platoon|level|category|phase|stage|grade|version|model|type|class|no\.?|nos\.?|number|"
    r"aged|age|ages|ageing|population|population\s+of|home\s+to|city\s+of|town\s+of|village\s+of|"
    r"kilometre|kilometer|km|mile|exit|gate|platform|terminal|pier|dock|track|channel|frequency|code|"
    r"post|checkpoint|sector|zone|district|ward|precinct|camp|bay|hangar|gallery|hall|ward|bed|cell|"
    r"ranked|rank|rated|scored|score|tally|circa|vol|volume|issue|edition|episode|part|act|scene|clause|"
    r"annex|appendix|figure|fig\.?|table|item|step|point|stage|match|game|mid-|A\.D\.|B\.C\.|AD|BC)\s*$)"
    r"|(?:[A-Za-z][\-\u2010\u2011]\s*$)|(?:[$€£₴₽¥#№]\s*$)"
    r"|(?:\b(?:US\$|USD|UAH|EUR|GBP|RUB|Rs\.?)\s*$)",
    re.I,
)
# words before a number that make a *year-like* number a year (checked only for 1800..2100)
_RE_MONTH_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s*$"
)
_RE_TOKEN = re.compile(r"\s*(?P<tok>[A-Za-z][\w'’.\-\u2010\u2011/]*[\w]|[A-Za-z]|\d[\w\-\u2010\u2011]*|\S)")
_RE_RANGE_AFTER = _Lazy(rf"\s*(?:-|–|—|to|or|and)\s*(?P<num>{_DIGIT_NUM}|{_WORD_NUM})(?![\w%]|[.,]\d)", re.I)
_RE_PARTITIVE_NUMBER = _Lazy(
    rf"\s+of\s+(?:the\s+|these\s+|those\s+)?(?P<num>{_DIGIT_NUM}|{_WORD_NUM})(?![\w%]|[.,]\d)", re.I
)
_RE_RANGE_BETWEEN = re.compile(r"\b(?:between|from)\s*$", re.I)


@dataclass(frozen=True)
class QuantityMention:
    """A counted thing in the text: ``text[start:end]`` is the mention ("more than 30,000 Russian forces")."""

    start: int
    end: int
    text: str
    count: int
    unit: str
    qualifier: str  # exact | at_least | at_most | approximately


def singularize(word: str) -> str:
    """The singular of an English plural noun (the words of war reporting); acronyms keep their form."""
    low = word.lower()
    if low in _IRREGULAR_PLURALS:
        return _match_case(_IRREGULAR_PLURALS[low], word)
    if low in _SINGULAR_EXCEPTIONS:
        return _match_case(_SINGULAR_EXCEPTIONS[low], word)
    if word.isupper() or len(word) <= 3:
        return word
    if _RE_ACRONYM_PLURAL.fullmatch(word):  # IEDs, UAVs, APCs
        return word[:-1]
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return word[:-2]
    if low.endswith("oes") and len(low) > 4:
        return word[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _match_case(base: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return base.upper()
    if original[:1].isupper():
        return base[:1].upper() + base[1:]
    return base


def _is_acronym(tok: str) -> bool:
    return bool(_RE_ACRONYM.fullmatch(tok))


def _is_plural_noun(tok: str) -> bool:
    low = tok.lower()
    if low in _IRREGULAR_PLURALS:
        return True
    if low in _NOT_PLURAL or low in _STOP:
        return False
    if _RE_ACRONYM_PLURAL2.fullmatch(tok):  # IEDs, UAVs, F-16s
        return True
    if tok.isupper():
        return False
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s", "ous"))


def _is_adjective(tok: str) -> bool:
    low = tok.lower()
    if low in _CLASSIFIERS:
        return False
    if low in _ADJECTIVES or low in _NATIONALITIES:
        return True
    if low.startswith(("pro-", "anti-")) and low not in _CLASSIFIERS:
        return not low.startswith("anti-")
    if tok[:1].isupper():
        # proper names are kept unless they are nationality adjectives ("Russian", "Chechen")
        return bool(_PROPER_ADJ_SUFFIX.search(tok)) and not _is_acronym(tok)
    if _RE_DIGIT.match(tok):
        return True  # "155-mm", "30-strong"
    return bool(_ADJ_SUFFIX.search(low))


def _noun_phrase_after(text: str, pos: int, count: int, vague: bool = False) -> tuple[str, int] | None:
    """The unit of the noun phrase starting at ``pos`` and where the phrase ends; None if there is none."""
    tokens: list[tuple[str, int, int]] = []
    p = pos
    for _ in range(7):
        m = _RE_TOKEN.match(text, p)
        if m is None:
            break
        tokens.append((m.group("tok"), m.start("tok"), m.end("tok")))
        p = m.end()
    # partitive "17 of the drones" / "one of the 20 drones"
    i = 0
    if len(tokens) >= 2 and tokens[0][0].lower() == "of" and tokens[1][0].lower() in (
        "the", "these", "those", "its", "their", "our", "his", "her",
    ):  # fmt: skip
        i = 2
        if i < len(tokens) and _RE_DIGIT_GROUPS.fullmatch(tokens[i][0]):
            i += 1
    elif vague and tokens and tokens[0][0].lower() == "of":
        i = 1  # "dozens of drones"
    kept: list[str] = []
    head: str | None = None
    head_end = pos
    last_candidate: tuple[str, int] | None = None
    n_words = 0
    while i < len(tokens) and n_words < 5:
        tok, _s, e = tokens[i]
        low = tok.lower()
        i += 1
        if not _RE_LETTER.match(tok):
            # a model designation like "F-16" or a digit word ends the phrase unless it is a name
            break
        if low in _STOP:
            break
        n_words += 1
        if low in _NOT_COUNT_HEADS and n_words == 1:
            return None
        if low in _NOT_COUNT_HEADS:
            break
        if _is_plural_noun(tok) and not (tok[:1].isupper() and tok.lower() in _NATIONALITIES):
            following = tokens[i][0] if i < len(tokens) else ""
            if tok[:1].isupper() and following[:1].islower() and _is_plural_noun(following):
                kept.append(tok)  # a name that ends in s before the head: "31 Abrams tanks"
                continue
            head, head_end = tok, e
            break
        if count == 1 and not _is_adjective(tok) and not tok[:1].isupper() and low not in _CLASSIFIERS:
            head, head_end = tok, e
            break
        if count == 1 and low in _CLASSIFIERS and i < len(tokens) and tokens[i][0].lower() in _STOP:
            head, head_end = tok, e
            break
        if _is_adjective(tok):
            continue
        kept.append(tok)
        last_candidate = (tok, e)
    if head is None:
        # "10 HIMARS", "30 Shahed" before a verb: the last proper name is the head
        if last_candidate is not None and (last_candidate[0][:1].isupper() or count == 1):
            head, head_end = last_candidate
            kept.pop()
        else:
            return None
    if head.lower() in _NOT_COUNT_HEADS:
        return None
    unit_words = [*kept, singularize(head) if not _is_acronym(head) else head]
    return " ".join(unit_words), head_end


def _year_like(num: _Num) -> bool:
    return _RE_FOUR_DIGITS.fullmatch(num.text) is not None and 1800 <= num.value <= 2100


def find_quantities(text: str) -> list[QuantityMention]:
    """Counted things in ``text``, in text order.

    Measures, times, dates, ages, percentages, money, population figures, ordinals and designations
    ("F-16", "route 15") are not quantities; counts of people are.
    """
    out: list[QuantityMention] = []
    numbers = _scan_numbers(text)
    skip_until = -1
    for num in numbers:
        if num.start < skip_until:
            continue
        before = text[max(0, num.start - 40) : num.start]
        after = text[num.end : num.end + 3]
        if (
            _RE_NOT_COUNT_BEFORE.search(before)
            and not _qualifier_before(before)
            and not _RE_RANGE_BETWEEN.search(before)
        ):
            continue  # "route 15", "aged 20", "$500", "F-16"
        if _RE_MONTH_BEFORE.search(before):
            continue
        if _RE_ORDINAL_AFTER.match(after) or _RE_PERCENT_AFTER.match(after):
            continue
        if _RE_HYPHEN_WORD_AFTER.match(after) and not re.match(r"[\-\u2010\u2011](?:plus)\b", after):
            continue  # "seven-year-old", "155-mm", "30-strong"
        if _RE_HYPHEN_CAPITAL.match(text[num.end - 2 : num.end]):
            continue
        count, qualifier = num.value, num.qualifier
        start, end_num = num.start, num.end
        # a range: "10-15 drones", "between 10 and 15 drones"
        range_m = _RE_RANGE_AFTER.match(text, num.end)
        if range_m and parse_number(range_m.group("num")) is not None:
            second = parse_number(range_m.group("num"))
            if second is not None and second > count:
                np_ = _noun_phrase_after(text, range_m.end(), second)
                if np_ is not None:
                    between = _RE_RANGE_BETWEEN.search(before)
                    if between:
                        start = num.start - (len(before) - between.start())
                    unit, end = np_
                    out.append(QuantityMention(start, end, text[start:end], count, unit, "at_least"))
                    skip_until = end
                    continue
        if _year_like(num) and "," not in num.text and _RE_YEAR_PREPOSITION_BEFORE.search(before):
            continue  # "in 2022 Russian forces ..." is a year; "1900 troops" is a count
        partitive = _RE_PARTITIVE_NUMBER.match(text, num.end)
        if partitive is not None and parse_number(partitive.group("num")) is not None:
            # "29 of 31 Shahed drones": the part, with the unit of the whole (which is its own mention)
            whole = parse_number(partitive.group("num")) or 0
            np_ = _noun_phrase_after(text, partitive.end(), whole)
            if np_ is not None and whole >= count:
                qual_m = _qualifier_before(before)
                if qual_m is not None:
                    qualifier = _qualifier_of(qual_m.group("qual"))
                    start = num.start - (len(before) - qual_m.start("qual"))
                out.append(QuantityMention(start, num.end, text[start : num.end], count, np_[0], qualifier))
                continue
        is_vague = vague_count(num.text.rstrip("+")) is not None
        np_ = _noun_phrase_after(text, end_num, count, vague=is_vague)
        if np_ is None:
            continue
        unit, end = np_
        if count == 0:
            continue
        qual_m = _qualifier_before(before)
        if qual_m is not None:
            q = _qualifier_of(qual_m.group("qual"))
            if q != "exact" or qualifier == "exact":
                qualifier = q if qualifier == "exact" else qualifier
            start = num.start - (len(before) - qual_m.start("qual"))
        if _RE_OR_MORE_AFTER.match(text, end):
            qualifier = "at_least" if "more" in text[end : end + 12].lower() else "approximately"
        out.append(QuantityMention(start, end, text[start:end], count, unit, qualifier))
        skip_until = end
    return out


def _qualifier_before(before: str) -> re.Match[str] | None:
    return _RE_QUAL_BEFORE.search(before)


# --------------------------------------------------------------------------------------------------
# Casualties


@dataclass(frozen=True)
class Casualties:
    """People killed and wounded in one sentence; None when the text says nothing about them.

    ``killed_or_wounded`` holds figures whose split is unknown ("killed or wounded 26", "26 casualties").
    """

    fatalities: int | None
    injuries: int | None
    spans: tuple[tuple[int, int], ...]
    qualifier_fatalities: str = "exact"
    qualifier_injuries: str = "exact"
    killed_or_wounded: int | None = None
    qualifier_killed_or_wounded: str = "exact"


_PERSON_PLURAL_EXTRA = {"others", "more", "ones", "persons", "people", "victims", "bodies", "dead"}
_PERSON_SING_ALT = "|".join(sorted((w for w in _PERSON_SINGULAR if " " not in w), key=len, reverse=True))

_W = r"[A-Za-z][\w'’\-\u2010\u2011]*"  # a word
_FATAL_V = r"killed|dead|slain|murdered|executed|shot\s+dead|killed\s+outright|beheaded|massacred"
_INJURE_V = (
    r"wounded|injured|hurt|maimed|hospitali[sz]ed"
    # "was taken to hospital with shrapnel wounds", "had been admitted on 14 June with burns"
    r"|(?:taken|rushed|brought|evacuated|admitted)\s+(?:to\s+(?:a\s+|the\s+)?hospital\s+|(?:\w+\s+){0,4}?)"
    r"with\s+(?:[\w-]+\s+){0,6}?(?:injur(?:y|ies)|wounds?|burns|trauma|concussion)\b"
)
_AUX = (
    r"(?:(?:was|were|is|are|has|have|had|been|being|be|got|get|reportedly|reported|confirmed|also|later|"
    r"all|both|now|subsequently|allegedly|believed|thought|feared|to|left|found|said|initially|lightly|"
    r"seriously|severely|critically|gravely|badly|slightly|mildly|moderately|fatally|mortally|"
    r"tragically|immediately|instantly|each|again|then|already|just|likely|probably|apparently|"
    r"understood|known|presumed|officially|reported(?:ly)?)\s+)"
)
_ADV = r"(?:(?:\w+ly|also|later|then|again|all|both|each|reportedly|eventually|since)\s+)"
_AFTER_VERB_OBJECT = rf"(?!\s+(?:{_QUAL_ALT}\s+)?(?:{_NUM}|an?\s|the\s|his\s|her\s|their\s|himself|herself))"

# an amount: optional qualifier + a number (digits, words or vague amount)
_COUNT = rf"(?:(?:{_QUAL_ALT})\s+)?(?:{_NUM})(?![\w\u2010\u2011-]|[.,:]\d)\+?"
# a counted noun phrase: "at least 38 people", "two of the soldiers", "her two children", "a woman",
# "another", "a 55-year-old man", "himself"
_NP_STOP = "|".join(sorted(_STOP | {"killed", "wounded", "injured", "dead", "hurt", "died", "bodies"}))
_NP_MOD1 = rf"(?:\s+(?!(?:{_NP_STOP})\b){_W})"
_NP_MODS = rf"{_NP_MOD1}{{0,3}}"
_PERSON_SING = rf"(?:{_PERSON_SING_ALT})"
_COUNT_NP = (
    rf"(?:(?:(?:his|her|their|its|our)\s+)?{_COUNT}"
    rf"(?:\s+of\s+(?:them|those|whom)\b|\s+of(?:\s+(?:the|its|their|these))?(?={_NP_MOD1}))?{_NP_MODS}"
    rf"|another(?:\s+{_COUNT})?{_NP_MODS}"
    rf"|(?:a|an|the|his|her|their|its|our)\s+(?:(?!(?:{_NP_STOP})\b)[\w][\w'’\-]*\s+){{0,3}}?{_PERSON_SING}"
    rf"(?:\s+(?:of|from)\s+{_W})?"
    rf"|himself|herself"
    # a person told before, as the object of the casualty verb ("killing him", "wounding her.")
    rf"|\bhim\b|\bher\b(?=\s*(?:[.,;:)–—]|and\s|$)))"
)
_COUNT_NP_LIST = rf"{_COUNT_NP}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_COUNT_NP}){{0,5}}"

_RE_ITEM = _Lazy(_COUNT_NP, re.I)

# asides that name some of the people already counted: blanked out before reading figures
_RE_ASIDE = _Lazy(
    r"(?:,|\(|\s[–—-])\s*(?:including|among\s+(?:them|whom|those|the\s+\w+)|of\s+whom|most\s+of\s+them|"
    r"all\s+of\s+them|many\s+of\s+them|some\s+of\s+them|(?:" + _COUNT + r")\s+of\s+(?:them|whom|those))\b"
    r"(?P<body>[^,;.()–—]*?)(?=\s*(?:[,;.)–—]|\band\s+(?:\w+ing|\w+ed)\b|$))",
    re.I,
)
_RE_CASUALTY_WORD = re.compile(
    r"\b(?:killed|killing|dead|died|die|dies|death|wounded|wounding|injured|injuring|hurt|succumbed|"
    r"perished|lost\s+their\s+lives)\b",
    re.I,
)

_NO_REPORTS = r"\b(?:no|zero)\s+(?:immediate\s+)?(?:reports?\s+of\s+)?"
_NEG_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\b(?:no\s+one|nobody|no-one|none|no\s+(?:other\s+)?"
            r"(?:people|persons|person|civilians?|soldiers?|"
            r"residents?|one\s+else|casualties|lives|children|servicemen))(?:\s+\w+){0,2}?\s+"
            r"(?:was|were|has\s+been|have\s+been|had\s+been|is|are|got|being)\s+(?:\w+ly\s+)?"
            r"(?P<kind>killed|hurt|injured|wounded|harmed|lost)\b",
            re.I,
        ),
        "",
    ),
    (re.compile(rf"{_NO_REPORTS}(?P<kind>casualties|victims)\b", re.I), ""),
    (
        re.compile(
            r"\bwithout\s+(?:any\s+)?(?:causing\s+)?(?P<kind>casualties|injuries|victims|loss\s+of\s+life)\b",
            re.I,
        ),
        "",
    ),
    (re.compile(rf"{_NO_REPORTS}(?P<kind>injuries|deaths|fatalities|dead)\b", re.I), ""),
    (re.compile(r"\bno\s+(?:one|body)\s+(?:else\s+)?(?P<kind>died)\b", re.I), ""),
    (re.compile(r"\bno\s+(?P<kind>loss\s+of\s+life)\b", re.I), ""),
]  # fmt: skip
_NEG_KIND = {
    "killed": ("f",), "died": ("f",), "deaths": ("f",), "fatalities": ("f",), "dead": ("f",), "lost": ("f",),
    "loss of life": ("f",), "injured": ("i",), "wounded": ("i",), "injuries": ("i",), "hurt": ("f", "i"),
    "harmed": ("f", "i"), "casualties": ("f", "i"), "victims": ("f", "i"),
}  # fmt: skip

_RE_TOLL = _Lazy(
    rf"\b(?P<what>death|casualty|injury|civilian\s+death)?\s*toll\b[^.;]{{0,120}}?\b(?:to|at|of|reached|hit|"
    rf"topped|passed|exceeded|is|was)\s+(?P<np>{_COUNT})",
    re.I,
    needs=("toll",),
)
_RE_NUMBER_OF = _Lazy(
    rf"\bnumber\s+of\s+(?P<what>dead|deaths|fatalities|killed|victims|injured|wounded|injuries)\b"
    rf"[^.;]{{0,40}}?"
    rf"\b(?:to|at|reached|is|was|stands\s+at)\s+(?P<np>{_COUNT})",
    re.I,
    needs=("number",),
)
_RE_BODIES = _Lazy(
    rf"\bbod(?:y|ies)\s+of\s+(?P<np>{_COUNT_NP_LIST})|(?P<np2>{_COUNT}){_NP_MOD1}{{0,2}}\s+bodies\b",
    re.I,
    needs=("bodies", "body"),
)
_RE_KOW_ACTIVE = _Lazy(
    rf"\b(?:killed|killing|kills|kill)\s+(?:or|and)\s+(?:wounded|wounding|injured|injuring|wounds|injures)\s+"
    rf"(?P<np>{_COUNT_NP_LIST})",
    re.I,
    needs=("kill",),
)
_RE_KOW_PASSIVE = _Lazy(
    rf"(?P<np>{_COUNT_NP_LIST})\s*,?\s+{_AUX}*(?:killed|dead)\s+(?:or|and)\s+(?:wounded|injured|hurt)\b",
    re.I,
    needs=("killed", "dead"),
)
_RE_KOW_NOUN = _Lazy(
    rf"(?P<np>{_COUNT})(?:\s+(?:civilian|military|Russian|Ukrainian|\w+ian))?\s+casualties\b",
    re.I,
    needs=("casualties",),
)
_RE_SUICIDE = _Lazy(r"\b(?:killing|killed|kills)\s+(?P<np>himself|herself)\b"
                         r"|\bblew\s+(?P<np2>himself|herself)\s+up\b"
                         r"|\bblowing\s+(?P<np3>himself|herself)\s+up\b", re.I,
                         needs=("himself", "herself"))  # fmt: skip
_RE_FATAL_ACTIVE = _Lazy(
    rf"\b(?:fatally|mortally)\s+(?:wounding|wounded|injuring|injured|shooting|shot|stabbing|stabbed)\s+"
    rf"(?P<np>{_COUNT_NP_LIST})"
    rf"|\b(?:shot\s+dead|shooting\s+dead|shot\s+and\s+killed|gunned\s+down|claimed\s+the\s+lives\s+of|"
    rf"took\s+the\s+lives\s+of|killed|killing|kills|kill|slew|slaying|murdered|murdering|executed|executing|"
    rf"massacred|left\s+dead)\s+(?P<np2>{_COUNT_NP_LIST})",
    re.I,
    needs=(
        "fatally",
        "mortally",
        "shot",
        "shooting",
        "gunned",
        "lives",
        "kill",
        "slew",
        "slay",
        "murder",
        "execut",
        "massacr",
        "dead",
    ),
)
_RE_INJURE_ACTIVE = _Lazy(
    rf"\b(?:wounded|wounding|wounds|wound|injured|injuring|injures|injure|hurt|hurting|maimed|maiming)\s+"
    rf"(?P<np>{_COUNT_NP_LIST})",
    re.I,
    needs=("wound", "injur", "hurt", "maim"),
)
_RE_FATAL_PASSIVE = _Lazy(
    rf"(?P<np>{_COUNT_NP_LIST})\s*,?\s+{_AUX}*(?P<v>{_FATAL_V}|fatally\s+(?:wounded|injured|shot)|"
    rf"mortally\s+wounded|found\s+dead|confirmed\s+dead|killed\s+in\s+action)\b{_AFTER_VERB_OBJECT}",
    re.I,
    needs=("killed", "dead", "slain", "murdered", "executed", "beheaded", "massacred", "fatally", "mortally"),
)
_RE_INJURE_PASSIVE = _Lazy(
    rf"(?P<np>{_COUNT_NP_LIST})\s*,?\s+{_AUX}*(?P<v>{_INJURE_V})\b{_AFTER_VERB_OBJECT}",
    re.I,
    needs=(
        "wounded",
        "injured",
        "hurt",
        "maimed",
        "hospitali",
        ("taken|rushed|brought|evacuated|admitted", "injur|wound|burns|trauma|concussion"),
    ),
)
_RE_DIED = _Lazy(
    rf"(?P<np>{_COUNT_NP_LIST})\s*,?\s+(?:(?:have|has|had|later|reportedly|subsequently|also|then|since|"
    rf"eventually|both|all|each|\w+ly)\s+)*"
    rf"(?:died|die|dies|perished|succumbed|lost\s+(?:their|his|her)\s+lives?|"
    rf"were\s+left\s+dead|passed\s+away)\b",
    re.I,
    needs=("die", "perished", "succumbed", "lost", "dead", "passed away"),
)
_RE_SUSTAINED = _Lazy(
    rf"(?P<np>{_COUNT_NP_LIST})\s+(?:(?:have|has|had|also|reportedly)\s+)*(?:sustained|suffered|received)\s+"
    rf"(?:\w+\s+){{0,2}}(?:injuries|wounds|burns|trauma)\b",
    re.I,
    needs=("injuries", "wounds", "burns", "trauma"),
)
_RE_NOUN_DEATHS = _Lazy(
    rf"(?P<np>{_COUNT})(?:\s+(?:civilian|military|confirmed|reported|more|further|new))?\s+"
    rf"(?:deaths|fatalities|dead\b(?!\s+(?:or|and)\s+(?:wounded|injured)))",
    re.I,
    needs=("deaths", "fatalities", "dead"),
)
_RE_NOUN_INJURIES = _Lazy(
    rf"(?P<np>{_COUNT})(?:\s+(?:civilian|military|more|further|new|serious|minor|other))?\s+"
    rf"(?:injuries|injured|wounded)\b(?!\s+(?:{_NUM}))",
    re.I,
    needs=("injuries", "injured", "wounded"),
)

# heads that make a counted noun phrase a thing, a time or a measure, not people
_NOT_PEOPLE_HEADS = _NOT_COUNT_HEADS | {
    "attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "drone", "drones", "missile",
    "missiles", "rocket", "rockets", "shell", "shells", "bomb", "bombs", "explosion", "explosions", "blast",
    "blasts", "village", "villages", "town", "towns", "city", "cities", "house", "houses", "building",
    "buildings", "home", "homes", "vehicle", "vehicles", "car", "cars", "tank", "tanks", "incident",
    "incidents", "raid", "raids", "district", "districts", "region", "regions", "settlement",
    "settlements", "area", "areas", "location", "locations", "round", "rounds", "shot", "shots",
    "occasion", "occasions", "place", "places", "wave", "waves", "salvo", "salvos", "separate",
    "aircraft", "helicopter", "helicopters", "jet", "jets", "boat", "boats", "ship", "ships", "truck",
    "trucks", "bus", "buses", "train", "trains", "cases", "case", "episode", "episodes", "clash",
    "clashes", "shelling", "shellings", "bombings", "bombing", "hospital", "hospitals", "school",
    "schools", "apartment", "apartments", "floors", "floor", "storey", "storeys", "blocks",
}  # fmt: skip


def _combine_qualifiers(quals: list[str]) -> str:
    qs = set(quals)
    if not qs or qs == {"exact"}:
        return "exact"
    if qs <= {"exact", "at_least"}:
        return "at_least"
    if qs <= {"exact", "at_most"}:
        return "at_most"
    return "approximately"


@lru_cache(maxsize=1)
def _item_number_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?P<qual>{_QUAL_ALT})\s+)?(?P<num>{_NUM})(?![\w\u2010\u2011-]|[.,:]\d)(?P<plus>\+)?", re.I
    )


def _item_count(item: str) -> tuple[int, str] | None:
    """People in one counted noun phrase ("at least 38 people", "her two children", "a woman", "another")."""
    low = item.lower().strip()
    words = re.findall(r"[A-Za-z][\w'’\-]*", low)
    if not words and not re.search(r"\d", low):
        return None
    head = words[-1] if words else ""
    if head in _NOT_PEOPLE_HEADS:
        return None
    if any(w in _NOT_COUNT_HEADS for w in words[1:]) and not re.match(r"(?:his|her|their)\b", low):
        return None
    if low in ("himself", "herself", "him", "her"):
        return (1, "exact")
    if low.startswith("another"):
        nm = _item_number_re().match(item.strip()[len("another") :].lstrip())
        if nm is not None and nm.group("num"):
            return _value(nm.group("num"))
        return (1, "exact")
    nm = _item_number_re().search(item)
    if nm is not None and re.match(r"(?:(?:his|her|their|its|our)\s+)?$", item[: nm.start()], re.I):
        v = _value(nm.group("num"))
        if v is None:
            return None
        value, q = v
        if nm.group("qual") and q == "exact":
            q = _qualifier_of(nm.group("qual"))
        if nm.group("plus"):
            q = "at_least"
        return (value, q)
    if re.match(r"(?:a|an|the|his|her|their|its|our)\s", low) and re.search(
        rf"\b(?:{_PERSON_SING_ALT})\b", low
    ):
        return (1, "exact")  # a single person: "a woman", "her son", "the driver"
    return None


_RE_NOT_PEOPLE_BEFORE = re.compile(
    r"(?:\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?|[$€£₴₽¥#№]|\b(?:aged|route|No\.|number))\s*$"
)


def _count_items(text: str, start: int, end: int) -> tuple[int, str, int] | None:
    """Total people in a (possibly coordinated) noun phrase: "a woman and her two children" -> 3.

    The phrase is ``text[start:end]``. Returns (total, qualifier, offset of the first counted item in the
    phrase); None if nobody is counted.
    """
    segment = text[start:end]
    items: list[tuple[int, int, str]] = []  # (offset in segment, count, qualifier)
    for m in _RE_ITEM.finditer(segment):
        if _RE_NOT_PEOPLE_BEFORE.search(text[max(0, start + m.start() - 12) : start + m.start()]):
            continue  # "October 7, ..." is a date
        counted = _item_count(m.group(0))
        if counted is not None:
            items.append((m.start(), counted[0], counted[1]))
    if not items:
        return None
    if len(items) > 2 and items[0][1] == sum(c for _, c, _ in items[1:]):
        first_end = _RE_ITEM.match(segment, items[0][0])
        if first_end is not None and segment[first_end.end() :].lstrip().startswith(","):
            # an apposition that spells out the first figure: "three civilians, a man and two women, ..."
            return items[0][1], items[0][2], items[0][0]
    total = sum(c for _, c, _ in items)
    return total, _combine_qualifiers([q for _, _, q in items]), items[0][0]


def _condense(text: str) -> tuple[str, list[int]]:
    """The text without asides that re-count people ("including two children") and with runs of white space
    made single, plus the map from each position of the result to its position in ``text``.

    Asides that carry their own casualty verb ("one of whom later died") are kept.
    """
    removed = [
        (m.start(), m.end())
        for m in _RE_ASIDE.finditer(text)
        if not _RE_CASUALTY_WORD.search(m.group("body") or "")
    ]
    chars: list[str] = []
    mapping: list[int] = []
    i, r = 0, 0
    while i < len(text):
        if r < len(removed) and i == removed[r][0]:
            i = removed[r][1]
            r += 1
            continue
        ch = text[i]
        if ch.isspace():
            if chars and chars[-1] == " ":
                i += 1
                continue
            ch = " "
        chars.append(ch)
        mapping.append(i)
        i += 1
    mapping.append(len(text))
    return "".join(chars), mapping


# words of which a text must contain one to report casualties at all (the patterns' own words, and the negations')
_CASUALTY_CUES = (
    "kill", "dead", "death", "die", "slain", "slay", "slew", "murder", "execut", "behead", "massacr", "fatal",
    "mortally", "shot", "shooting", "gunned", "lives", "life", "perish", "succumb", "lost", "passed away",
    "wound", "injur", "hurt", "maim", "harm", "hospitali", "burns", "trauma", "casualt", "victim", "bodies",
    "body", "toll", "himself", "herself",
)  # fmt: skip


def find_casualties(text: str) -> Casualties:
    """People killed and wounded according to ``text`` (meant for one sentence); see the module docstring."""
    low = text.lower()
    if not any(cue in low for cue in _CASUALTY_CUES):
        return Casualties(None, None, ())
    work, mapping = _condense(text)
    work_low = work.lower()  # for the word test of each pattern

    taken: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    fat: list[tuple[int, str]] = []
    inj: list[tuple[int, str]] = []
    kow: list[tuple[int, str]] = []
    tolls: list[tuple[int, str]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    def take(s: int, e: int, span: tuple[int, int]) -> None:
        taken.append((s, e))
        spans.append(span)

    # 1. negations: "no one was hurt", "no casualties"
    for pattern, _ in _NEG_PATTERNS:
        for m in pattern.finditer(work):
            if not free(m.start(), m.end()):
                continue
            kind = re.sub(r"\s+", " ", m.group("kind").lower())
            for k in _NEG_KIND.get(kind, ()):
                (fat if k == "f" else inj).append((0, "exact"))
            take(m.start(), m.end(), (m.start(), m.end()))

    def add(pattern: _Lazy, target: list[tuple[int, str]], groups: tuple[str, ...] = ("np",)) -> None:
        for m in pattern.finditer(work, low=work_low):
            for g in groups:
                if g not in pattern.groupindex or m.group(g) is None:
                    continue
                s, e = m.start(g), m.end(g)
                if not free(s, e):
                    continue
                counted = _count_items(work, s, e)
                if counted is None:
                    continue
                target.append(counted[:2])
                span_start = m.start() if m.start() < s else s + counted[2]
                take(s, e, (span_start, m.end()))

    # 2. tolls and totals
    for total_pattern in (_RE_TOLL, _RE_NUMBER_OF):
        for m in total_pattern.finditer(work, low=work_low):
            s, e = m.start("np"), m.end("np")
            if not free(s, e):
                continue
            counted = _count_items(work, s, e)
            if counted is None:
                continue
            v = counted[:2]
            what = (m.group("what") or "death").lower()
            if what.startswith(("injur", "wound")):
                inj.append(v)
            elif what.startswith("casualty"):
                kow.append(v)
            else:
                tolls.append(v)
            take(s, e, (m.start(), m.end()))
    # 3. unknown split, suicide, bodies
    add(_RE_KOW_ACTIVE, kow)
    add(_RE_KOW_PASSIVE, kow)
    add(_RE_KOW_NOUN, kow)
    add(_RE_SUICIDE, fat, ("np", "np2", "np3"))
    add(_RE_BODIES, fat, ("np", "np2"))
    # 4. verbs with their objects and subjects
    add(_RE_FATAL_ACTIVE, fat, ("np", "np2"))
    add(_RE_INJURE_ACTIVE, inj)
    add(_RE_FATAL_PASSIVE, fat)
    add(_RE_INJURE_PASSIVE, inj)
    add(_RE_DIED, fat)
    add(_RE_SUSTAINED, inj)
    add(_RE_NOUN_DEATHS, fat)
    add(_RE_NOUN_INJURIES, inj)

    def total(items: list[tuple[int, str]]) -> tuple[int | None, str]:
        if not items:
            return None, "exact"
        return sum(v for v, _ in items), _combine_qualifiers([q for _, q in items])

    fatalities, q_f = total(fat)
    if tolls:
        toll_value, toll_q = max(tolls, key=lambda t: t[0])
        if fatalities is None or toll_value >= fatalities:
            fatalities, q_f = toll_value, toll_q
    injuries, q_i = total(inj)
    killed_or_wounded, q_k = total(kow)
    return Casualties(
        fatalities=fatalities,
        injuries=injuries,
        spans=tuple(sorted((mapping[a], mapping[b - 1] + 1) for a, b in spans)),
        qualifier_fatalities=q_f,
        qualifier_injuries=q_i,
        killed_or_wounded=killed_or_wounded,
        qualifier_killed_or_wounded=q_k,
    )
