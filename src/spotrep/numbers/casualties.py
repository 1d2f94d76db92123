"""Casualty figures: the killed and the wounded a sentence tells, with the conventions of the module's docstring."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon.triggers import NEUTRALISED_PEOPLE
from .finding import (
    _qualifier_of,
    _value,
)
from .words import (
    _NOT_COUNT_HEADS,
    _NUM,
    _PERSON_SINGULAR,
    _QUAL_ALT,
    _STOP,
    _Lazy,
)

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
    # the spans (among ``spans``) of the phrases that count the dead, not the wounded
    fatal_spans: tuple[tuple[int, int], ...] = ()


_PERSON_PLURAL_EXTRA = {"others", "more", "ones", "persons", "people", "victims", "bodies", "dead"}
_PERSON_SING_ALT = "|".join(sorted((w for w in _PERSON_SINGULAR if " " not in w), key=len, reverse=True))

_W = r"[A-Za-z][\w'’\-\u2010\u2011]*(?:/[A-Za-z][\w'’\-]*)?"  # a word ("Boko Haram/ISWAP" too)
_TO_DEATH = (
    r"(?:beat(?:en|ing)?|stabb(?:ed|ing)|ston(?:ed|ing)|burn(?:ed|t|ing)|clubb(?:ed|ing)|hack(?:ed|ing)|"
    r"batter(?:ed|ing)|trampl(?:ed|ing)|crush(?:ed|ing)|tortur(?:ed|ing)|starv(?:ed|ing))\s+to\s+death"
)
_FATAL_V = (
    r"killed|dead|slain|murdered|assassinated|executed|shot\s+dead|killed\s+outright|beheaded|massacred|martyred|"
    r"lynched|" + _TO_DEATH
)
_INJURE_V = (
    r"wounded|injured|hurt|maimed|hospitali[sz]ed"
    # "was taken to hospital with shrapnel wounds", "had been admitted on 14 June with burns"
    r"|(?:taken|rushed|brought|evacuated|admitted)\s+(?:to\s+(?:a\s+|the\s+)?hospital\s+|(?:\w+\s+){0,4}?)"
    r"with\s+(?:[\w-]+\s+){0,6}?(?:injur(?:y|ies)|wounds?|burns|trauma|concussion)\b"
)
_AUX = (
    r"(?:(?:was|were|is|are|has|have|had|been|being|be|got|get|reportedly|reported|confirmed|also|later|"
    r"all|both|now|subsequently|allegedly|believed|thought|feared|to|left|found|said|initially|lightly|"
    r"seriously|severely|critically|gravely|badly|heavily|slightly|mildly|moderately|fatally|mortally|"
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
# (an abbreviation with full stops is a word too: "two U.S. service members")
# (and a name's part in brackets: "two CPI (Maoist) cadres")
_NP_MOD1 = rf"(?:\s+(?!(?:{_NP_STOP})\b)(?:(?-i:[A-Z]\.){{2,}}|{_W}|\((?-i:[A-Z][\w\-]*)\)))"
_NP_MODS = rf"{_NP_MOD1}{{0,6}}"
_PERSON_SING = rf"(?:{_PERSON_SING_ALT})"
# the group the counted people belong to, named in capitals: "five members of the Bangsamoro Islamic Freedom
# Fighters", "two commanders of Lashkar-e-Taiba"
_NAME_WORD = r"(?-i:[A-Z][\w'’\-]*|(?:al|el|ad|ar|as|ash|ul)-[A-Z][\w'’\-]*)"  # "Hayat Tahrir al-Sham"
# (an ordinal of a unit too: "two soldiers of the National Army's 29th Brigade")
_GROUP_WORD = rf"(?:{_NAME_WORD}|\d+(?:st|nd|rd|th))"
# (with a word or two saying what the group is, and its acronym in brackets: "two terrorists of the proscribed
# outfit Hizbul Mujahideen", "five members of the Bangsamoro Islamic Freedom Fighters (BIFF)")
# (or by what it is, unnamed: "three members of the armed group", "two members of a criminal gang")
_GROUP_NOUNS = (
    r"group|gang|militia|cell|faction|organi[sz]ation|outfit|network|band|cartel|unit|battalion|structure|front|"
    r"column|bloc|clan|syndicate|police|army|forces?|guard|contingent|company|platoon|brigade|regiment|"
    r"division|squad|detachment|corps"
)
_GROUP_TAIL = (
    # (or where they come from: "two peacekeepers from the Chadian contingent", "three civilians from Mora")
    rf"(?:\s+(?:of|from)\s+(?:the\s+)?(?:(?-i:[a-z]+)\s+){{0,2}}?{_GROUP_WORD}"
    # ("two members of the Defence and Security Forces", "of the Armed Forces for the Defence of Mozambique")
    rf"(?:\s+(?:(?:and|of|for|the)\s+){{0,2}}{_GROUP_WORD}){{0,5}}"
    rf"(?:\s*\((?-i:[A-Z][\w\-]*)\))?"
    rf"|\s+(?:of|from)\s+(?:the|an?|that|this)\s+(?:(?:{_W}|\d+(?:st|nd|rd|th))\s+){{0,2}}?"
    rf"(?-i:{_GROUP_NOUNS})s?\b"
    # "three brave sons of soil" (Pakistan's army: its soldiers)
    r"|\s+of\s+(?:the\s+)?soil\b)"
)
_RE_GROUP_TAIL = re.compile(rf"{_GROUP_TAIL}$")
_RANKS = (
    "Private|Pvt|Pfc|Specialist|Spc|Corporal|Cpl|Sergeant|Sgt|Staff|Master|First|Class|Lieutenant|Lt|Captain|"
    "Capt|Major|Maj|Colonel|Col|Brigadier|General|Gen|Sepoy|Lance|Naik|Havildar|Subedar|Constable|Inspector|"
    "Warrant|Officer|Petty|Seaman|Airman|Marine|Commander|Cmdr|Ensign|Trooper|Gunner|Rifleman|Sapper|"
    # (Colombia's and Latin America's ranks in English: "Professional Soldier Juan Pérez", "Patrolman X")
    "Professional|Soldier|Patrolman|Agent"
)
# a rank, then a name in capitals (case-sensitive: the words of a rank are ordinary words in lower case)
# (names in any Latin script: "Mehmet Yıldırım", "Łukasz", "Đorđe"; Latin Extended-A mixes both cases)
_RANKED = rf"(?:{_RANKS})\.?(?:\s+(?:{_RANKS})\.?)*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ](?:[a-zß-öø-ÿĀ-ſ'’\-])+){{1,4}}"
_RANKED_NAME = rf"(?-i:{_RANKED})"
_RE_RANKED_NAME = re.compile(_RANKED)
_UNCOUNTED = r"an?\s+(?:unknown|undetermined|unspecified|unconfirmed|undisclosed)\s+number\s+of"
_RE_UNCOUNTED = re.compile(_UNCOUNTED, re.I)
_COUNT_NP = (
    rf"(?:(?:(?:his|her|their|its|our)\s+)?{_COUNT}"
    rf"(?:\s+of\s+(?:them|those|whom)\b|\s+of(?:\s+(?:the|its|their|these|his|her|our))?(?={_NP_MOD1}))?{_NP_MODS}"
    rf"{_GROUP_TAIL}?"
    # "15 militants from both sides", "30 fighters on each side"
    rf"(?:\s+(?:from|on|of)\s+(?:both|either|each|all)\s+sides?)?"
    rf"|another(?:\s+{_COUNT})?{_NP_MODS}"
    # "both suicide bombers died", "both soldiers were killed": two
    # (not "both soldiers and civilians": both kinds of people)
    rf"|\bboth(?!(?:\s+(?!(?:{_NP_STOP})\b)[\w\-]+){{1,3}}\s+and\b)(?={_NP_MOD1}){_NP_MODS}"
    rf"|(?:a|an|the|his|her|their|its|our)\s+(?:(?!(?:{_NP_STOP})\b)(?:(?-i:[A-Z]\.){{2,}}|[\w][\w'’\-]*)\s+){{0,5}}?"
    rf"{_PERSON_SING}(?![\w\-])"
    # "a soldier of the Army's Twenty-Ninth Brigade", "a member of the Civilian JTF", "a police officer from Bannu"
    rf"(?:{_GROUP_TAIL}|\s+(?:of|from)\s+{_W})?"
    rf"|himself|herself"
    # a soldier or an officer named with his rank: "Sergeant John Smith", "Lance Naik Sher Khan"
    rf"|{_RANKED_NAME}{_GROUP_TAIL}?"
    # the people just told, counted again: "abducted the head of the village with her husband and son, and
    # later killed all three"
    rf"|\ball\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{{1,3}})\b(?!\s+(?:of|days?|weeks?|years?)\b)"
    # a side whose dead are not counted, beside one whose are: "3 VDP and an unknown number of militants"
    rf"|{_UNCOUNTED}(?:\s+{_W}){{1,3}}?(?=\s+(?:were|was|have|had|killed|dead|died)\b)"
    # one more of the people just counted: "killed two fighters and wounded a third"
    rf"|\ba\s+(?:second|third|fourth|fifth|sixth)\b"
    rf"(?!\s+(?:of|time|times|day|days|week|month|year|round|wave|attempt|party|country|term)\b|-)"
    # a person told before, as the object of the casualty verb ("killing him", "wounding her.")
    rf"|\bhim\b|\bher\b(?=\s*(?:[.,;:)–—]|and\s|$)))"
)
# (people added to a list are counted, those told before too: "killed four civilians in addition to the two
# suicide bombers", "as well as three soldiers")
_COUNT_NP_LIST = (
    rf"{_COUNT_NP}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+(?:in\s+addition\s+to|as\s+well\s+as|plus)\s+)"
    rf"(?:the\s+(?=(?:{_NUM})\s))?{_COUNT_NP}){{0,5}}"
)

_RE_ITEM = _Lazy(_COUNT_NP, re.I)

# asides that name some of the people already counted: blanked out before reading figures
_RE_ASIDE = _Lazy(
    r"(?:,|\(|\s[–—-])\s*(?:including|among\s+(?:them|whom|those|the\s+\w+)|of\s+whom|most\s+of\s+them|"
    r"all\s+of\s+them|many\s+of\s+them|some\s+of\s+them|(?:" + _COUNT + r")\s+of\s+(?:them|whom|those)|"
    # "26 people, mostly civilians, were killed"; "the driver, a 54-year-old man, was killed": the same people
    r"mostly|mainly|largely|predominantly|primarily|chiefly|all|both|"
    r"an?\s+(?:\d+|\w+)-year-old|"
    # "Captain X and Lance Naik Y, having fought gallantly, embraced shahadat"
    r"having\s+\w+|"
    # "Naik X, age 31 years, resident of Kalat, and Sepoy Y ... embraced shahadat": who each of them was
    r"aged?\s+\d+|resident\s+of|r/o)\b"
    r"(?P<body>[^,;.()–—]*?)(?=\s*(?:[,;.)–—]|\band\s+(?:\w+ing|\w+ed)\b|$))",
    re.I,
)
# an aside with no comma before it, up to the verb of the clause: "six terrorists including a commander of a
# proscribed organisation were killed"
_RE_BARE_ASIDE = _Lazy(
    r"(?<=\w)\s+including(?P<body>\s+[^,;.()–—]{1,80}?)(?=\s+(?:were|was|have|has|had|got)\s)",
    re.I,
    needs=("including",),
)
# who a named soldier was, in brackets after his name: "Naik Abdul Ghaffar (age 31 years, resident of Ghizer)"
_RE_PERSONAL_ASIDE = _Lazy(
    r"\s*\((?P<body>\s*(?:aged?|age:|resident|r/o|son\s+of|s/o|from|born)\b[^()]{0,80})\)",
    re.I,
    needs=("(",),
)
# who a named person was, between commas: "Sergeant X, a native of Pasto, Nariño, lost his life", "Sepoy Y,
# resident of Chakwal, embraced shahadat"
_RE_ORIGIN_ASIDE = _Lazy(
    # ("a resident of X", "an inhabitant of X" count one person themselves: "Ali Musa, a resident of Y, was killed")
    r"(?<=[\w)])\s*,\s*(?P<body>(?:(?:a\s+)?native|resident|inhabitant|son|daughter)\s+of\s+[^,;.()]{1,40}?"
    r"(?:,\s*(?-i:[A-Z])[^,;.()]{1,30}?)?)(?=\s*,)",
    re.I,
    needs=("native of", "resident of", "inhabitant of", "son of", "daughter of"),
)
# a person's age after the name, in commas or brackets: "Constable John Okafor, 35, was killed", "Ali (24)"
_RE_AGE_ASIDE = _Lazy(
    # (or "Muhammad Riaz, 58 years old, resident of ...", "X, aged 35,")
    r"\b(?-i:[A-Z])[\w'’\-]*(?P<aside>,\s*(?:aged\s+)?(?P<body>\d{1,2}|1[01]\d)(?:\s*(?:years?|yrs?)(?:[\s-]*old)?)?(?=\s*,)"
    r"|\s*\((?P<body2>\d{1,2}|1[01]\d)\))",
    re.I,
)
# a number spelt out, then in figures in brackets: "nine (9) of them", "seven (7) suspects" (Nigerian and East
# African house style): the figures gloss the word
_RE_NUMBER_GLOSS = _Lazy(r"\b(?-i:[a-z])[a-z]+(?:-[a-z]+)?(?P<aside>\s*\(\s*(?P<body>\d[\d,]*)\s*\))", re.I)
# a range of figures: ACLED records the lowest ("between 12 and 15 people were killed", "12 to 15 fatalities")
_RE_RANGE = _Lazy(
    # (each figure may be glossed: "between twenty (20) and thirty (30) terrorists")
    rf"\bbetween\s+(?:{_NUM})(?:\s*\(\d[\d,]*\))?(?P<aside>\s+and\s+(?P<body>{_NUM})(?:\s*\(\d[\d,]*\))?)(?=\s)"
    rf"|\b(?:{_NUM})(?P<aside2>\s+to\s+(?:{_NUM}))(?=\s+[a-z])"
    # (in figures only: "twenty-five" is one number)
    r"|\b\d[\d,]*(?P<aside3>\s*[-–]\s*\d[\d,]*)(?=\s+[a-z])",
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
    rf"\bnumber\s+of\s+(?:(?:people|persons|civilians|those)\s+)?"
    rf"(?P<what>dead|deaths|fatalities|killed|victims|injured|wounded|injuries)\b"
    rf"[^.;]{{0,80}}?"
    rf"\b(?:to|at|reached|is|was|stands\s+at)\s+(?P<np>{_COUNT})",
    re.I,
    needs=("number",),
)
# ACLED's coder states the figure it settled on where reports differ or give none: "Fatalities coded as 10"
_RE_CODED = _Lazy(
    rf"\bfatalit(?:y|ies)\s+(?:(?:were|was|are|is|have\s+been|has\s+been)\s+)?coded\s+(?:as\s+|at\s+)?"
    rf"(?P<np>{_COUNT})",
    re.I,
    needs=("coded",),
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
# bombers who died in their own blast, counted ("Both bombers detonated their devices, killing themselves and
# one member of the Civilian JTF", "two suicide bombers blew themselves up"): ACLED counts the perpetrators
_RE_SUICIDES = _Lazy(
    r"\b(?P<np>(?:both|two|three|four|five|six|\d{1,2})\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:bombers|attackers|assailants|militants|terrorists))\b[^.;]{0,150}?"
    rf"\b(?:killing|killed|kill|blew|blowing)\s+themselves\b(?:\s+up\b)?(?:\s+and\s+(?P<np2>{_COUNT_NP_LIST}))?",
    re.I,
    needs=("themselves",),
)
_RE_FATAL_ACTIVE = _Lazy(
    rf"\b(?:fatally|mortally)\s+(?:wounding|wounded|injuring|injured|shooting|shot|stabbing|stabbed)\s+"
    rf"(?P<np>{_COUNT_NP_LIST})"
    rf"|\b(?:shot\s+dead|shooting\s+dead|shot\s+and\s+killed|gunned\s+down|claimed\s+the\s+lives\s+of|"
    rf"took\s+the\s+lives\s+of|killed|killing|kills|kill|slew|slaying|murdered|murdering|assassinated|"
    rf"assassinating|executed|executing|"
    rf"massacred|massacring|beheaded|beheading|{_TO_DEATH}|lynched|lynching|"
    # "martyring 14 soldiers": how the press releases of Pakistan's army (and others) say soldiers were killed
    rf"martyred|martyring|left\s+dead)\s+(?P<np2>{_COUNT_NP_LIST})"
    # "villagers beat a suspected thief to death"
    rf"|\b(?:beat|beating|stabbed|stabbing|stoned|stoning|hacked|hacking|clubbed|clubbing|battered|battering|"
    rf"burned|burnt|burning|tortured|torturing)\s+(?P<np3>{_COUNT_NP_LIST})"
    rf"(?:\s+(?:accused|suspected)\s+of\s+[^,.;]{{1,40}}?)?\s+to\s+death",
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
        "assassinat",
        "execut",
        "massacr",
        "behead",
        "hacked",
        "hacking",
        "lynch",
        "martyr",
        "dead",
        "death",
    ),
)
# "five PKK terrorists who were detected in the Hakurk region were neutralized": a relative clause between
# (or the mark of the gap the clause left in an event's words: "Five PKK terrorists; were neutralized")
# ("two women accused of witchcraft were stoned to death": a reduced relative clause of suspicion too)
_RELATIVE = (
    r"(?:\s*,?\s+(?:who|that)\s+(?:were|had|have|was)\s+[^,.;]{1,80}?,?|;"
    r"|\s*,?\s+(?:accused|suspected)\s+of\s+[^,.;]{1,60}?,?)?"
)
# (his role before or after his name: "killed senior ISIS financier Abu Ayman al-Jubouri and two of his
# associates", "killed a Taliban senior leader, Mullah Abdul Qayyum, and one other armed insurgent", "killed
# Abdirahman Warsame, a senior commander responsible for attacks in Bosaso, and one of his bodyguards")
_RE_NAMED_AND_OTHERS = _Lazy(
    rf"\b(?:killed|killing|kills|shot\s+dead|shooting\s+dead)\s+(?:[A-Za-z][\w'’\-]*,?\s+){{0,7}}"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
    rf"(?:\s*,\s*(?:an?|the)\s+[^,;.()]{{1,160}}?\s*(?=,))?"
    rf"\s*,?\s+(?:and|along\s+with|together\s+with)\s+(?P<np>{_COUNT}\s+(?:others?(?:\s+{_W})?|other\s+(?:{_W}\s+){{0,2}}{_W}"
    rf"|of\s+(?:his|her|their)\s+{_W}))",
    re.I,
    needs=("kill", "dead"),
)
# "troops neutralised 12 Boko Haram terrorists": how military press releases (Nigeria's, the Sahel's, Russia's
# ministry in English) say killed; only people count ("neutralised two drones" is an interception)
# (the people the trigger lexicon reads "neutralised" of, in the plural, and words with no singular there)
_NEUTRALISED_PEOPLE = "|".join(
    sorted(
        {w[:-3] + "men" if w.endswith("man") else w + "s" for w in NEUTRALISED_PEOPLE}
        | {"troops", "personnel", "members"}
        | {w for w in NEUTRALISED_PEOPLE if w.endswith("j")}  # (plurals of their own: "khwarij", "khawarij")
    )
)
# (and "eliminated": "Five infiltrators were eliminated", "eliminating three terrorists"; "neutralising five of
# them")
_RE_NEUTRALISED = _Lazy(
    rf"\b(?:neutrali[sz]|eliminat)(?:ed|ing|es|e)\s+(?P<np>{_COUNT}(?:\s+(?:{_W}|\((?-i:[A-Z][\w\-]*)\))){{0,6}}?"
    rf"\s+(?:{_NEUTRALISED_PEOPLE})"
    rf"|{_COUNT}\s+of\s+them)\b",
    re.I,
    needs=("neutrali", "eliminat"),
)
# "the counter-offensive put 19 terrorists out of action": how francophone armies' communiqués say killed
# (and "sent seven terrorists to hell", as Pakistan's army says it)
_RE_OUT_OF_ACTION = _Lazy(
    rf"\b(?:put(?:ting|s)?|sen(?:t|ding|ds))\s+(?P<np>{_COUNT}(?:\s+{_W}){{0,3}}?\s+(?:{_NEUTRALISED_PEOPLE}))\s+"
    r"(?:out\s+of\s+action|to\s+hell)\b",
    re.I,
    needs=("out of action", "to hell"),
)
# "10 terrorists were neutralised", "about 20 militants have been neutralized"
_RE_NEUTRALISED_PASSIVE = _Lazy(
    rf"(?P<np>{_COUNT}(?:\s+{_W}){{0,3}}?\s+(?:{_NEUTRALISED_PEOPLE})){_RELATIVE}\s*,?\s+{_AUX}*"
    rf"(?:(?:neutrali[sz]|eliminat)ed|put\s+out\s+of\s+action|sent\s+to\s+hell)\b",
    re.I,
    needs=("neutrali", "eliminat", "out of action", "to hell"),
)
# "resulted in the deaths of four insurgents", "caused the death of a policeman"
# "the deaths of five soldiers", "resulted in the killing of 8 militants", "the murder of two farmers"
_RE_DEATHS_OF = _Lazy(
    rf"\b(?:deaths?|killings?|murders?|assassinations?|executions?|elimination|neutrali[sz]ation|martyrdom)\s+"
    rf"of\s+(?P<np>{_COUNT_NP_LIST})",
    re.I,
    needs=(
        "death",
        "killing",
        "murder",
        "assassination",
        "execution",
        "elimination",
        "neutrali",
        "martyrdom",
    ),
)
# "resulted in the martyrdom of three soldiers and the wounding of two others"
_RE_WOUNDING_OF = _Lazy(
    rf"\b(?:wounding|injuring|injury|injuries)\s+of\s+(?P<np>{_COUNT_NP_LIST})",
    re.I,
    needs=("wounding", "injuring", "injur"),
)
_RE_INJURE_ACTIVE = _Lazy(
    rf"\b(?:wounded|wounding|wounds|wound|injured|injuring|injures|injure|hurt|hurting|maimed|maiming)\s+"
    rf"(?P<np>{_COUNT_NP_LIST})",
    re.I,
    needs=("wound", "injur", "hurt", "maim"),
)
_RE_FATAL_PASSIVE = _Lazy(
    # (one person told in the clause before: "shot the attacker, who was killed at the scene")
    rf"(?P<np>{_COUNT_NP_LIST}|(?:(?<=,\s)|^)who(?=\s+was\s)){_RELATIVE}\s*,?\s+{_AUX}*(?P<v>{_FATAL_V}|fatally\s+(?:wounded|injured|shot)|"
    rf"mortally\s+wounded|found\s+dead|confirmed\s+dead|killed\s+in\s+action)\b{_AFTER_VERB_OBJECT}",
    re.I,
    needs=(
        "killed",
        "dead",
        "slain",
        "murdered",
        "assassinated",
        "executed",
        "beheaded",
        "massacred",
        "martyred",
        "lynched",
        "death",
        "fatally",
        "mortally",
    ),
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
# the ways of saying that someone died without a verb of killing (the dying verb itself aside): also read by the
# pipeline's sentences that tell only the dead of an event told before (pipeline.scene)
DEATH_IDIOMS = (
    r"perished|succumbed|passed\s+away|(?:lost|sacrificed|gave)\s+(?:their|his|her)\s+li(?:fe|ves)|"
    # "two gallant soldiers paid the supreme price": how Nigeria's army (and others) say soldiers fell
    r"paid\s+the\s+(?:supreme|ultimate)\s+(?:price|sacrifice)|made\s+the\s+(?:supreme|ultimate)\s+sacrifice|"
    # "one soldier fell on the field of honour": how francophone armies' communiqués say a soldier was killed
    # (a toll's list: "six (6) soldiers fallen on the field of honour;")
    r"(?:fell|fallen)\s+on\s+the\s+field\s+of\s+hono(?:u)?r|"
    r"(?:fell|fallen)\s+(?:with\s+)?(?:their|his|her|)\s*arms\s+in\s+(?:hand|their\s+hands)|"
    r"(?:fell|fallen)\s+in\s+(?:battle|combat|action)|"
    # "one soldier embraced shahadat": how Pakistan's army says a soldier was killed
    r"embraced\s+(?:shahadat|shahadah|shahada|martyrdom)|"
    # "Private X received a fatal gunshot wound" (a death told by its wound)
    r"(?:received|suffered|sustained)\s+(?:a\s+)?fatal\s+(?:gunshot\s+|shrapnel\s+|bullet\s+)?(?:wounds?|injur(?:y|ies))|"
    # "eight of our heroes ascended as martyrs" (Sudan's RSF, Yemen's forces)
    r"ascended\s+(?:as\s+)?(?:a\s+)?martyrs?"
)
# people wounded who then died, told in one clause: "Sergeant X was heavily wounded and, despite all medical
# interventions, was martyred", "two soldiers were injured and later died in hospital": the dead, not the wounded
_RE_WOUNDED_THEN_DIED = _Lazy(
    rf"(?P<np>{_COUNT_NP_LIST})\s*,?\s+(?:was|were)\s+(?:\w+ly\s+)?(?:wounded|injured|shot|hurt)\s+"
    rf"(?:[\w-]+\s+){{0,4}}?and\s*,?\s*(?:[^,.;]{{1,60}},\s*)?"
    rf"(?:(?:later|subsequently|eventually|then|\w+ly)\s+)*"
    rf"(?:died|(?:was|were)\s+martyred|{DEATH_IDIOMS})\b",
    re.I,
    needs=(("wound|injur|shot|hurt", "die|martyr|succumb|perish|lost|passed|paid|fell|embraced"),),
)
_RE_DIED = _Lazy(
    # (a wounded person told before, dying in a relative clause: "was evacuated to the hospital, where he
    # succumbed to his injuries")
    rf"(?P<np>{_COUNT_NP_LIST}|(?<=,\swhere\s)(?:he|she))\s*,?\s+"
    # (the wounds first: "Constable X sustained gunshot injuries and died on the way to hospital")
    rf"(?:(?:sustained|suffered|received)\s+(?:[\w-]+\s+){{0,3}}?(?:injuries|wounds)\s+(?:[\w-]+\s+){{0,3}}?and\s+)?"
    rf"(?:(?:have|has|had|later|reportedly|subsequently|also|then|since|"
    rf"eventually|both|all|each|\w+ly)\s+)*"
    rf"(?:died|die|dies|were\s+left\s+dead|{DEATH_IDIOMS})\b",
    re.I,
    needs=(
        "die",
        "perished",
        "succumbed",
        "lost",
        "dead",
        "passed away",
        "embraced",
        "supreme",
        "ultimate",
        "honou",
        "fell",
        "fallen",
        "fatal",
        "sacrificed",
        "gave",
        "ascended",
    ),
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
    if re.match(r"both\s+[a-z]", low) and not low.endswith(("side", "sides")):
        return (2, "exact")  # "both bombers": two
    words = re.findall(r"[A-Za-z][\w'’\-]*", _RE_GROUP_TAIL.sub("", item.strip()).lower())
    if not words and not re.search(r"\d", low):
        return None
    head = words[-1] if words else ""
    if head in _NOT_PEOPLE_HEADS:
        return None
    if any(w in _NOT_COUNT_HEADS for w in words[1:]) and not re.match(r"(?:his|her|their)\b", low):
        return None
    if _RE_UNCOUNTED.match(low):
        return (0, "at_least")
    if _RE_RANKED_NAME.fullmatch(_RE_GROUP_TAIL.sub("", item.strip())):
        return (1, "exact")  # "Lance Naik Sher Khan": one soldier
    if low in ("himself", "herself", "him", "her") or re.fullmatch(
        r"a (?:second|third|fourth|fifth|sixth)", low
    ):
        return (1, "exact")
    if low.startswith("another"):
        nm = _item_number_re().match(item.strip()[len("another") :].lstrip())
        if nm is not None and nm.group("num"):
            return _value(nm.group("num"))
        return (1, "exact")
    nm = _item_number_re().search(item)
    if nm is not None and re.match(r"(?:(?:his|her|their|its|our|all)\s+)?$", item[: nm.start()], re.I):
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
    if segment.lower() in ("he", "she", "who"):
        # "..., where he succumbed to his injuries" (see _RE_DIED), "..., who was killed at the scene"
        return 1, "exact", 0
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


def _aside_span(m: re.Match[str]) -> tuple[int, int]:
    """The span an aside pattern blanks: its "aside" group (of either alternative), else the whole match."""
    for group in ("aside", "aside2", "aside3"):
        if group in m.re.groupindex and m.group(group) is not None:
            return m.span(group)
    return m.span()


def _condense(text: str) -> tuple[str, list[int]]:
    """The text without asides that re-count people ("including two children") and with runs of white space
    made single, plus the map from each position of the result to its position in ``text``.

    Asides that carry their own casualty verb ("one of whom later died") are kept.
    """
    removed = sorted(
        _aside_span(m)
        for regex in (
            _RE_ASIDE,
            _RE_BARE_ASIDE,
            _RE_PERSONAL_ASIDE,
            _RE_AGE_ASIDE,
            _RE_ORIGIN_ASIDE,
            _RE_NUMBER_GLOSS,
            _RE_RANGE,
        )
        for m in regex.finditer(text)
        if not _RE_CASUALTY_WORD.search(m.groupdict().get("body") or "")
    )
    kept: list[tuple[int, int]] = []
    for r in removed:  # (an aside inside one already removed is gone with it)
        if not kept or r[0] >= kept[-1][1]:
            kept.append(r)
    removed = kept
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
    "body", "toll", "himself", "herself", "themselves", "neutrali", "lynch", "hacked to death", "hacking to death",
    "martyr", "assassinat", "embraced", "supreme", "ultimate", "eliminat", "out of action", "honou", "to hell",
    "arms in hand", "fell in", "fallen in", "sacrificed", "ascended",
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
    dead: list[tuple[int, int]] = []  # the spans that count the dead
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
                if target is fat:
                    dead.append((span_start, m.end()))

    # 2. tolls and totals
    for total_pattern in (_RE_TOLL, _RE_NUMBER_OF, _RE_CODED):
        for m in total_pattern.finditer(work, low=work_low):
            s, e = m.start("np"), m.end("np")
            if not free(s, e):
                continue
            counted = _count_items(work, s, e)
            if counted is None:
                continue
            v = counted[:2]
            what = (m.groupdict().get("what") or "death").lower()
            if what.startswith(("injur", "wound")):
                inj.append(v)
            elif what.startswith("casualty"):
                kow.append(v)
            else:
                tolls.append(v)
                dead.append((m.start(), m.end()))
            take(s, e, (m.start(), m.end()))
    # 3. unknown split, suicide, bodies
    add(_RE_KOW_ACTIVE, kow)
    add(_RE_KOW_PASSIVE, kow)
    add(_RE_KOW_NOUN, kow)
    add(_RE_SUICIDE, fat, ("np", "np2", "np3"))
    add(_RE_SUICIDES, fat, ("np", "np2"))
    add(_RE_BODIES, fat, ("np", "np2"))
    # 4. verbs with their objects and subjects
    add(_RE_WOUNDED_THEN_DIED, fat)
    add(_RE_FATAL_ACTIVE, fat, ("np", "np2", "np3"))
    add(_RE_NEUTRALISED, fat)
    add(_RE_OUT_OF_ACTION, fat)
    add(_RE_NEUTRALISED_PASSIVE, fat)
    add(_RE_DEATHS_OF, fat)
    add(_RE_WOUNDING_OF, inj)
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
    others = _RE_NAMED_AND_OTHERS.search(work)
    if others is not None and (
        fatalities is None
        # ("killed a Taliban senior leader, Mullah X, and one other insurgent": the leader was counted alone)
        or (fatalities == 1 and any(others.start() <= a < others.end() for a, _ in spans))
    ):
        # "killed Taliban leader Qari Nasrullah and two other insurgents": a named person and a count of others
        counted = _item_count(others.group("np"))
        if counted is not None:
            fatalities, q_f = counted[0] + 1, counted[1]
            spans.append((others.start(), others.end()))
            dead.append((others.start(), others.end()))
    if tolls:
        toll_value, toll_q = max(tolls, key=lambda t: t[0])
        if fatalities is None or toll_value >= fatalities:
            fatalities, q_f = toll_value, toll_q
    injuries, q_i = total(inj)
    killed_or_wounded, q_k = total(kow)

    def mapped(found: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
        return tuple(sorted((mapping[a], mapping[b - 1] + 1) for a, b in found))

    return Casualties(
        fatalities=fatalities,
        injuries=injuries,
        spans=mapped(spans),
        fatal_spans=mapped(dead),
        qualifier_fatalities=q_f,
        qualifier_injuries=q_i,
        killed_or_wounded=killed_or_wounded,
        qualifier_killed_or_wounded=q_k,
    )
