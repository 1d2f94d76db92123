"""English number words and amounts: ``parse_number`` ("two dozen", "1,200", "more than 30,000"), ``vague_count``
("dozens" -> 24), and a regular expression compiled on first use (``_Lazy``)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation


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
    "youth", "civilian", "resident", "local", "villager", "soldier", "sepoy", "serviceman", "servicewoman",
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
    "herdsman", "adolescent", "minor", "newborn", "elder", "individual", "vigilante", "terrorist", "bandit",
    "jawan", "gendarme", "constable", "extremist", "hunter", "expert", "specialist", "technician",
    "inhabitant", "peacekeeper", "policemen", "aid worker",
    # ranks and roles of press releases and briefings ("a Taliban leader was killed", "an IS facilitator")
    "leader", "chief", "facilitator", "operative", "suspect", "emir", "cleric", "smuggler", "kidnapper",
    "bodyguard", "governor", "headman", "chairman", "administrator", "spokesman", "sheikh", "bombmaker",
    "element",  # "8 takfiri elements", "hostile elements": armies' word for the men they fight
    # whom mobs and gunmen kill ("beat a suspected thief to death", "an alleged informant was shot")
    "thief", "robber", "burglar", "witch", "wizard", "informer", "councillor", "councilor",
}  # fmt: skip
PERSON_NOUNS = frozenset(_PERSON_SINGULAR)
"""Singular nouns that name people ("a woman", "three smugglers" once singular), for the other stages."""
