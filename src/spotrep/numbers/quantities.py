"""Counted quantities ("17 drones", "10 ATACMS", "more than 30,000 troops"): what is counted, singularised, with its
qualifier."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .finding import (
    _Num,
    _qualifier_of,
    _scan_numbers,
)
from .words import (
    _DIGIT_NUM,
    _NOT_COUNT_HEADS,
    _RE_ACRONYM,
    _RE_ACRONYM_PLURAL,
    _RE_ACRONYM_PLURAL2,
    _RE_DIGIT,
    _RE_DIGIT_GROUPS,
    _RE_FOUR_DIGITS,
    _RE_HYPHEN_CAPITAL,
    _RE_HYPHEN_WORD_AFTER,
    _RE_LETTER,
    _RE_OR_MORE_AFTER,
    _RE_ORDINAL_AFTER,
    _RE_PERCENT_AFTER,
    _RE_QUAL_BEFORE,
    _RE_YEAR_PREPOSITION_BEFORE,
    _STOP,
    _WORD_NUM,
    _Lazy,
    parse_number,
    vague_count,
)

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
