"""The English rules: regular-expression pieces and, per kind of time expression (absolute dates, fixed relative
phrases, weekdays, durations, "ago", relative to another event), a compiled pattern with its handler."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, timedelta

from ..numbers import parse_number
from .days import (
    _MONTHS,
    _WEEKDAYS,
    _YEAR,
    DIGIT,
    MONTH,
    YEAR,
    _add_months,
    _infer_year,
    _last_day,
    _monday,
    _month_span,
    _part,
    _safe_date,
    _season_span,
    recent_weekday,
)
from .spans import (
    TimeSpan,
    _explicit,
    _Hit,
    _rel,
    _unresolved,
)

# --------------------------------------------------------------------------------------------------
# Regular-expression pieces

_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WD_FULL = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WD_ANY = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])"
_NEWSPAPERS = r"(?!\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|Independent|People|Sport|World)\b)"


_MONTH_FULL_ALT = "|".join(
    k for k in sorted(_MONTHS, key=len, reverse=True) if len(k) > 4 or k in ("may", "june", "july")
)
_MONTH_ABBR_ALT = "|".join(
    k for k in sorted(_MONTHS, key=len, reverse=True) if len(k) <= 4 and k not in ("may", "june", "july")
)


def _month(g: str) -> str:
    """A month name; abbreviations keep their period in the match ("Nov.")."""
    return rf"(?P<{g}>(?:{_MONTH_FULL_ALT})\b|(?:{_MONTH_ABBR_ALT})(?:\.|\b))"


def _mnum(token: str) -> int:
    return _MONTHS[token.rstrip(".").lower()]


def _day(g: str, guard: bool = True) -> str:
    before = r"(?<![\d.,/:-])" if guard else ""
    return rf"{before}(?P<{g}>{_DAYNUM})(?!\d)(?:st|nd|rd|th)?\b"


def _year(g: str) -> str:
    return rf"(?<![\d.,/-])(?P<{g}>{_YEAR})(?!\d|[,.]\d)"


_WD_PREFIX = rf"(?:(?P<wd0>{_WD_ANY})\b\.?,?\s+)?"
_DASH = r"(?:\s*[-–—]\s*|\s+(?:to|and|until|till|through|thru)\s+)"
_N = (
    r"\d{1,3}|a\s+few|a\s+couple\s+of|couple\s+of|few|several|an?|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|hundred"
)


def _n_value(text: str | None) -> int | None:
    """The number of a relative expression; vague amounts give None."""
    if text is None:
        return None
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in ("a", "an"):
        return 1
    if t in ("a few", "few", "several", "a couple of", "couple of"):
        return None
    return parse_number(t)


def _vague_n(text: str | None) -> tuple[int, int]:
    """Low and high bounds of a vague amount ("a few" 2–4, "several" 3–7; missing 2–7)."""
    t = re.sub(r"\s+", " ", (text or "").strip().lower())
    if t in ("a couple of", "couple of"):
        return 2, 3
    if t in ("a few", "few"):
        return 2, 4
    if t == "several":
        return 3, 7
    return 2, 7


_ABBREVIATIONS = {k for k in _MONTHS if len(k) <= 4 and k not in ("may", "june", "july")}


def _month_ok(token: str) -> bool:
    """Month names must be capitalised ("May", "MAY"): lower-case "may" and "march" are words."""
    return token[:1].isupper()


# --------------------------------------------------------------------------------------------------
# Rules: each is a compiled pattern and a handler that returns a _Hit (or None to reject the match)

Handler = Callable[[re.Match[str], date | None], _Hit | None]
Needs = tuple[frozenset[str], ...]
_RULES: list[tuple[re.Pattern[str], Handler, Needs]] = []


def _rule(
    pattern: str, flags: int = re.I, *, needs: tuple[set[str] | frozenset[str], ...]
) -> Callable[[Handler], Handler]:
    # every time expression starts a word: anchoring there spares trying the optional prefixes everywhere
    if not pattern.startswith(("\\b", "(?<")):
        pattern = r"\b" + pattern

    def register(fn: Handler) -> Handler:
        _RULES.append((re.compile(pattern, flags), fn, tuple(frozenset(group) for group in needs)))
        return fn

    return register


def _ymd_or_infer(y: str | None, m: int, d: int, pub: date | None, kind: str = "explicit") -> _Hit | None:
    if y is not None:
        day = _safe_date(int(y), m, d)
        return _explicit(day, day, kind, 1) if day else None
    if _safe_date(2000, m, d) is None:  # 2000 is a leap year: rejects 31 April, 30 February
        return None
    if pub is None:
        return _unresolved(kind, 1)
    day = _infer_year(m, d, pub)
    return _explicit(day, day, kind, 1) if day else None


@_rule(
    rf"(?<![\d./-])(?P<y>{_YEAR})(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d]|[./-]\d)",
    needs=({YEAR},),
)
def _iso(m: re.Match[str], pub: date | None) -> _Hit | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _explicit(d, d, "explicit", 1) if d else None


@_rule(
    rf"(?<![\d./-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)(?P<y>{_YEAR})(?![\d])", needs=({YEAR},)
)
@_rule(rf"(?<![\d./-])(?P<a>[01]?\d)(?P<sep>/)(?P<b>[0-3]?\d)(?P=sep)(?P<y>{_YEAR})(?![\d])", needs=({YEAR},))
def _numeric(m: re.Match[str], pub: date | None) -> _Hit | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    d = _safe_date(y, b, a) if b <= 12 else _safe_date(y, a, b)
    return _explicit(d, d, "explicit", 1) if d else None


# "14-15 May", "between 10 and 12 May 2024", "the night of 14-15 May", "the night of 11/12 June"
@_rule(
    rf"(?:(?P<pre>between|from)\s+)?(?:the\s+)?{_day('d1')}(?:{_DASH}|/)"
    rf"(?:the\s+)?{_day('d2', guard=False)}\s+(?:of\s+)?"
    rf"{_month('m')}(?:,?\s+{_year('y')})?",
    needs=({DIGIT}, {MONTH}),
)
def _range_dm(m: re.Match[str], pub: date | None) -> _Hit | None:
    if not _month_ok(m["m"]):
        return None
    return _range(m["y"], _mnum(m["m"]), int(m["d1"]), _mnum(m["m"]), int(m["d2"]), pub)


# "May 14-15", "May 10 to 12, 2024"
@_rule(
    rf"(?:(?P<pre>between|from)\s+)?{_month('m')}\s+{_day('d1')}{_DASH}{_day('d2', guard=False)}"
    rf"(?!\s+(?:{_MONTH_ALT})\b)"
    rf"(?:,?\s+{_year('y')})?",
    needs=({DIGIT}, {MONTH}),
)
def _range_md(m: re.Match[str], pub: date | None) -> _Hit | None:
    if not _month_ok(m["m"]):
        return None
    month = _mnum(m["m"])
    return _range(m["y"], month, int(m["d1"]), month, int(m["d2"]), pub)


_DATE_A = rf"(?:{_day('da')}\s+(?:of\s+)?{_month('ma')}|{_month('mb')}\s+{_day('db')})(?:,?\s+{_year('ya')})?"
_DATE_B = (
    rf"(?:{_day('dc', guard=False)}\s+(?:of\s+)?{_month('mc')}|{_month('md')}\s+{_day('dd', guard=False)})"
    rf"(?:,?\s+{_year('yb')})?"
)


# "from May 10 to May 12", "between 10 May and 12 June 2024"
@_rule(rf"(?:from|between)\s+{_DATE_A}{_DASH}{_DATE_B}", needs=({"from", "between"}, {DIGIT}, {MONTH}))
def _range_full(m: re.Match[str], pub: date | None) -> _Hit | None:
    ma, mb = m["ma"] or m["mb"], m["mc"] or m["md"]
    if not (_month_ok(ma) and _month_ok(mb)):
        return None
    d1, d2 = int(m["da"] or m["db"]), int(m["dc"] or m["dd"])
    m1, m2 = _mnum(ma), _mnum(mb)
    if m["ya"] and m["yb"]:
        a, b = _safe_date(int(m["ya"]), m1, d1), _safe_date(int(m["yb"]), m2, d2)
        return _explicit(a, b, "range") if a and b and a <= b else None
    return _range(m["yb"] or m["ya"], m1, d1, m2, d2, pub)


def _range(y: str | None, m1: int, d1: int, m2: int, d2: int, pub: date | None) -> _Hit | None:
    if _safe_date(2000, m1, d1) is None or _safe_date(2000, m2, d2) is None:
        return None
    if (m1, d1) >= (m2, d2) and m1 == m2:
        return None
    if y is not None:
        end_year = int(y)
    elif pub is None:
        return _unresolved("range", 1 if m1 == m2 and d2 - d1 <= 1 else 2)
    else:
        end_day = _infer_year(m2, d2, pub)
        if end_day is None:
            return None
        end_year = end_day.year
    start_year = end_year if (m1, d1) <= (m2, d2) else end_year - 1
    a, b = _safe_date(start_year, m1, d1), _safe_date(end_year, m2, d2)
    if a is None or b is None:
        return None
    return _explicit(a, b, "range")


# "15 May 2024", "Thursday 15th January, 2015", "the 15th of May", "15 May"
@_rule(
    rf"{_WD_PREFIX}(?:the\s+)?{_day('d')}\s+(?:of\s+)?{_month('m')}(?:,?\s+{_year('y')})?",
    needs=({DIGIT}, {MONTH}),
)
def _dmy(m: re.Match[str], pub: date | None) -> _Hit | None:
    if not _month_ok(m["m"]):
        return None
    return _ymd_or_infer(m["y"], _mnum(m["m"]), int(m["d"]), pub)


# "May 15, 2024", "Jan. 23, 2018", "Monday, Nov. 16, 2016", "Monday, April 9", "May 15th"
@_rule(
    rf"{_WD_PREFIX}{_month('m')}\s+(?:the\s+)?{_day('d')}(?!\s*(?::|[.]\d|%|\s*(?:a\.?m|p\.?m)\b))"
    rf"(?:,?\s+{_year('y')})?",
    needs=({DIGIT}, {MONTH}),
)
def _mdy(m: re.Match[str], pub: date | None) -> _Hit | None:
    if not _month_ok(m["m"]):
        return None
    return _ymd_or_infer(m["y"], _mnum(m["m"]), int(m["d"]), pub)


# "on the 15th"
@_rule(
    rf"\bon\s+the\s+(?P<d>{_DAYNUM})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:{_MONTH_ALT})\b)",
    needs=({"on"}, {DIGIT}),
)
def _day_only(m: re.Match[str], pub: date | None) -> _Hit | None:
    if pub is None:
        return _unresolved("explicit", 1)
    d = int(m["d"])
    y, mo = pub.year, pub.month
    for _ in range(3):
        day = _safe_date(y, mo, d)
        if day is not None and day <= pub:
            return _explicit(day, day, "explicit", 1)
        y, mo = _add_months(y, mo, -1)
    return None


# "on 12th instant", "the 3rd inst.": a day of the month of writing (South Asian official style)
@_rule(
    rf"\b(?:the\s+)?(?P<d>{_DAYNUM})(?:st|nd|rd|th)?\s+(?:instant\b|inst\.)",
    needs=({"instant", "inst"}, {DIGIT}),
)
def _day_instant(m: re.Match[str], pub: date | None) -> _Hit | None:
    if pub is None:
        return _unresolved("explicit", 1)
    day = _safe_date(pub.year, pub.month, int(m["d"]))
    return _explicit(day, day, "explicit", 1) if day is not None else None


_PART = (
    r"early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|"
    r"beginning\s+of|start\s+of|middle\s+of"
)


_ORDINAL_WEEK = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1, "final": -1}


# "the first week of May", "the last week of April 2024"
@_rule(
    rf"(?:the\s+)?(?P<which>first|second|third|fourth|last|final)\s+week\s+of\s+{_month('m')}"
    rf"(?:,?\s+(?:of\s+)?{_year('y')})?",
    needs=({"week"}, {MONTH}),
)
def _week_of_month(m: re.Match[str], pub: date | None) -> _Hit | None:
    if not _month_ok(m["m"]):
        return None
    month = _mnum(m["m"])
    if m["y"]:
        year = int(m["y"])
    elif pub is None:
        return _unresolved("month", 2)
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    which = _ORDINAL_WEEK[m["which"].lower()]
    last = _last_day(year, month)
    first_day = last - 6 if which < 0 else 1 + 7 * which
    start, end = date(year, month, first_day), date(year, month, min(first_day + 6, last))
    if m["y"] is None and pub is not None:
        if start > pub:
            return _unresolved("future", 2)
        return _Hit(TimeSpan(start, min(end, pub), 2), "month")
    return _explicit(start, end, "month", 2)


# "May 2024", "early May 2024", "mid-May 2024"
@_rule(rf"(?:(?P<part>{_PART})[\s-]+)?{_month('m')},?\s+(?:of\s+)?{_year('y')}", needs=({YEAR}, {MONTH}))
def _month_year(m: re.Match[str], pub: date | None) -> _Hit | None:
    if not _month_ok(m["m"]):
        return None
    start, end = _part(*_month_span(int(m["y"]), _mnum(m["m"])), m["part"])
    return _explicit(start, end, "month", 3)


_MONTH_PRE = r"in|since|by|until|till|during|from|through|throughout|before|after|of|and|or|to|between"


# "in May", "last May", "in mid-May", "early May", "since March"
@_rule(
    rf"(?:(?P<pre>{_MONTH_PRE})\s+)?(?P<x>(?:(?P<rel>last|this|past|next|previous)\s+)?"
    rf"(?:(?P<part>{_PART})[\s-]+)?{_month('m')})(?![\w-]|\s*\d|\s+(?:of\s+)?{_YEAR})",
    needs=({MONTH},),
)
def _month_only(m: re.Match[str], pub: date | None) -> _Hit | None:
    if not _month_ok(m["m"]) or not (m["pre"] or m["rel"] or m["part"]):
        return None
    if m["m"].rstrip(".").lower() in _ABBREVIATIONS and not m["m"].endswith("."):
        return None  # a bare abbreviation without day or year ("in Mar") is rare in prose: require the period
    month = _mnum(m["m"])
    rel = (m["rel"] or "").lower()
    if rel == "next":
        return _unresolved("future", 3)
    if pub is None:
        return _unresolved("month", 3, past=rel in ("last", "past", "previous"))
    if rel in ("last", "past", "previous"):
        year = pub.year if month < pub.month else pub.year - 1
    elif rel == "this":
        year = pub.year
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    start, end = _part(*_month_span(year, month), m["part"])
    if start > pub:
        return _unresolved("future", 3)
    return _Hit(TimeSpan(start, min(end, pub), 3), "month")


_SEASON = r"spring|summer|autumn|fall|winter"
_SEASON_WORDS = frozenset(_SEASON.split("|"))
_SEASON_BEFORE_OK = r"the|its|their|his|her|our|a|this|that|last|past|previous|early|late|mid|in|during"
_SEASON_AFTER_OK = (
    r"offensive|counteroffensive|counter-offensive|campaign|operations?|assault|push|fighting|battles?|"
    r"months|season|of|in|and|,|\.|;|$"
)


# "last summer", "in the summer of 2023", "summer 2023", "summer counteroffensive last year", "winter 2022/23"
@_rule(
    rf"(?:(?P<pre>in|during|over|through|throughout|since|by|until|before|after)\s+)?"
    rf"(?P<x>(?:(?P<det>the|its|their|his|her|our|a|that)\s+)?"
    rf"(?:(?P<rel>last|this|past|previous|next|coming)\s+)?"
    rf"(?:(?P<part>early|late|mid)[\s-]+)?(?P<season>{_SEASON})\b(?:(?:\s+of)?\s+{_year('y')}"
    rf"(?:\s*[-/–]\s*(?P<y2>\d{{2}}|\d{{4}}))?)?"
    rf"(?P<tail>(?:\s+(?!(?:last|this)\b)[A-Za-z-]+){{0,3}}?\s+(?P<ly>last|this)\s+year\b)?)"
    rf"(?!\s+of\s+(?!(?:1[89]|20)\d\d))",
    needs=(_SEASON_WORDS,),
)
def _season(m: re.Match[str], pub: date | None) -> _Hit | None:
    season = m["season"].lower()
    rel = (m["rel"] or "").lower()
    qualified = bool(m["pre"] or m["det"] or rel or m["part"] or m["y"] or m["ly"])
    if season == "fall" and not qualified:
        return None
    if not qualified:
        after = m.string[m.end() : m.end() + 30]
        if not re.match(rf"\s*(?:{_SEASON_AFTER_OK})", after, re.I):
            return None
        before = m.string[max(0, m.start() - 20) : m.start()]
        if re.search(r"(?:\bto|\bwill|\bArab|[A-Z]\w*)\s*$", before):
            return None
    if m["y"]:
        start, end = _part(*_season_span(season, int(m["y"])), m["part"])
        return _explicit(start, end, "season", 3)
    if rel in ("next", "coming"):
        return _unresolved("future", 3)
    if m["ly"]:
        which = m["ly"].lower()
        if pub is None:
            return _unresolved("season", 3, past=which == "last")
        year = pub.year - 1 if which == "last" else pub.year
        start, end = _part(*_season_span(season, year), m["part"])
        if start > pub:
            return _unresolved("future", 3)
        return _Hit(TimeSpan(start, min(end, pub), 3), "season")
    past = rel in ("last", "past", "previous")
    if pub is None:
        return _unresolved("season", 3, past=past)
    if rel == "this":
        # the season of the publication year (the winter that contains January-February, or December)
        year = pub.year - 1 if season == "winter" and pub.month <= 2 else pub.year
        start, end = _season_span(season, year)
    else:
        year = pub.year + 1
        while True:
            start, end = _season_span(season, year)
            if (past and end < pub) or (not past and start <= pub):
                break
            year -= 1
    start, end = _part(start, end, m["part"])
    if start > pub:
        return _unresolved("future", 3)
    return _Hit(TimeSpan(start, min(end, pub), 3), "season")


# "the 2023 summer counteroffensive", "last year's summer offensive"
@_rule(rf"(?:{_year('y')}|(?P<ly>last|this)\s+year['’]s)\s+(?P<season>{_SEASON})\b", needs=(_SEASON_WORDS,))
def _year_season(m: re.Match[str], pub: date | None) -> _Hit | None:
    season = m["season"].lower()
    if m["y"]:
        return _explicit(*_season_span(season, int(m["y"])), "season", 3)
    if pub is None:
        return _unresolved("season", 3, past=m["ly"].lower() == "last")
    year = pub.year - 1 if m["ly"].lower() == "last" else pub.year
    start, end = _season_span(season, year)
    if start > pub:
        return _unresolved("future", 3)
    return _Hit(TimeSpan(start, min(end, pub), 3), "season")


_YEAR_PRE = (
    r"in|since|by|until|till|during|from|through|throughout|before|after|of|and|or|to|between|"
    r"early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|end\s+of|"
    r"start\s+of|beginning\s+of|middle\s+of"
)
_PLURAL_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:[a-z]{2,}(?<!ss)(?<!us)(?<!is)s|people|men|women|children|police|personnel|"
    r"aircraft)\b|\s*(?:%|per\s*cent|percent|km|kilomet|miles?|metres?|meters?|feet|kg|tonnes?|tons?|"
    r"hours?|days?|dollars?|euros?)\b"
)


# "in 2023", "since 2014", "early 2023", "the 2022 invasion", "2022-2023"
@_rule(
    rf"(?:(?P<pre>{_YEAR_PRE})[\s-]+)?(?P<x>(?:(?<=mid-)|(?<=Mid-)|(?<![\d.,/-]))(?P<y>{_YEAR})(?!\d|[,.]\d)"
    rf"(?:\s*[-–/]\s*(?P<y2>{_YEAR}|\d{{2}})(?![\d-]))?)"
    rf"(?!\s*[-–/.]\d|['’]?s\b)",
    needs=({YEAR},),
)
def _year_rule(m: re.Match[str], pub: date | None) -> _Hit | None:
    y = int(m["y"])
    pre = (m["pre"] or "").lower()
    if not pre:
        before = m.string[max(0, m.start() - 12) : m.start()]
        if re.search(r"(?:[$€£₴₽#№]|\b(?:No\.?|number|route|block|flight|model)\s*)$", before, re.I):
            return None
        if _PLURAL_AFTER.match(m.string, m.end()):
            return None  # "2000 troops", "1900 km"
    part = pre if pre and re.match(r"(?:early|mid|late|the|end|start|beginning|middle)", pre) else None
    if m["y2"]:
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y // 100) * 100 + int(m["y2"])
        if y2 <= y or y2 - y > 20:
            return None
        return _explicit(date(y, 1, 1), date(y2, 12, 31), "year", 3)
    start, end = _part(date(y, 1, 1), date(y, 12, 31), part)
    return _explicit(start, end, "year", 3)


# "the 1990s", "in the early 2000s"
@_rule(r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<dec>(?:1[89]|20)\d0)['’]?s\b", needs=({YEAR},))
def _decade(m: re.Match[str], pub: date | None) -> _Hit | None:
    y = int(m["dec"])
    start, end = date(y, 1, 1), date(y + 9, 12, 31)
    part = (m["part"] or "").lower()
    if part == "early":
        end = date(y + 3, 12, 31)
    elif part == "mid":
        start, end = date(y + 3, 1, 1), date(y + 6, 12, 31)
    elif part == "late":
        start = date(y + 6, 1, 1)
    return _explicit(start, end, "decade", 3)


# ---- fixed relative phrases


def _d(days: int) -> Callable[[date], tuple[date, date]]:
    return lambda p: (p - timedelta(days=days), p - timedelta(days=days))


def _weekend(p: date) -> tuple[date, date]:
    if p.weekday() == 5:
        return p, p
    if p.weekday() == 6:
        return p - timedelta(days=1), p
    sat = p - timedelta(days=p.weekday() + 2)
    return sat, sat + timedelta(days=1)


def _last_weekend(p: date) -> tuple[date, date]:
    mon = _monday(p)
    return mon - timedelta(days=2), mon - timedelta(days=1)


def _this_week(p: date) -> tuple[date, date]:
    return _monday(p), p


def _earlier_this_week(p: date) -> tuple[date, date]:
    mon = _monday(p)
    return mon, max(mon, p - timedelta(days=1))


def _last_week(p: date) -> tuple[date, date]:
    mon = _monday(p) - timedelta(days=7)
    return mon, mon + timedelta(days=6)


def _this_month(p: date) -> tuple[date, date]:
    return p.replace(day=1), p


def _earlier_this_month(p: date) -> tuple[date, date]:
    first = p.replace(day=1)
    return first, max(first, p - timedelta(days=1))


def _last_month(p: date) -> tuple[date, date]:
    return _month_span(*_add_months(p.year, p.month, -1))


def _this_year(p: date) -> tuple[date, date]:
    return date(p.year, 1, 1), p


def _earlier_this_year(p: date) -> tuple[date, date]:
    first = date(p.year, 1, 1)
    return first, max(first, p - timedelta(days=1))


def _last_year(p: date) -> tuple[date, date]:
    return date(p.year - 1, 1, 1), date(p.year - 1, 12, 31)


def _parted(
    fn: Callable[[date], tuple[date, date]], part: str, whole: str
) -> Callable[[date], tuple[date, date]]:
    def compute(p: date) -> tuple[date, date]:
        start, _ = fn(p)
        if whole == "week":
            days = [(0, 2), (2, 4), (3, 6)][["early", "mid", "late"].index(part)]
            mon = _monday(start)
            return mon + timedelta(days=days[0]), mon + timedelta(days=days[1])
        if whole == "month":
            full = _month_span(start.year, start.month)
        else:
            full = (date(start.year, 1, 1), date(start.year, 12, 31))
        return _part(*full, part)

    return compute


# phrase -> (compute, precision, past by wording)
_FIXED: dict[str, tuple[Callable[[date], tuple[date, date]], int, bool]] = {
    "today": (_d(0), 1, False),
    "tonight": (_d(0), 1, False),
    "this morning": (_d(0), 1, False),
    "this afternoon": (_d(0), 1, False),
    "this evening": (_d(0), 1, False),
    "earlier today": (_d(0), 1, False),
    "later today": (_d(0), 1, False),
    "earlier in the day": (_d(0), 1, False),
    "early this morning": (_d(0), 1, False),
    "early hours": (_d(0), 1, False),
    "in the early hours": (_d(0), 1, False),
    "in the early hours of the morning": (_d(0), 1, False),
    "in the early hours of today": (_d(0), 1, False),
    "in the early hours of this morning": (_d(0), 1, False),
    "in the early morning": (_d(0), 1, False),
    "the early hours": (_d(0), 1, False),
    "yesterday": (_d(1), 1, False),
    "yesterday morning": (_d(1), 1, False),
    "yesterday afternoon": (_d(1), 1, False),
    "yesterday evening": (_d(1), 1, False),
    "late yesterday": (_d(1), 1, False),
    "early yesterday": (_d(1), 1, False),
    "the day before yesterday": (_d(2), 1, False),
    "last night": (lambda p: (p - timedelta(days=1), p), 1, False),
    "late last night": (lambda p: (p - timedelta(days=1), p), 1, False),
    "overnight": (lambda p: (p - timedelta(days=1), p), 1, False),
    "during the night": (lambda p: (p - timedelta(days=1), p), 1, False),
    "this week": (_this_week, 2, False),
    "earlier this week": (_earlier_this_week, 2, False),
    "early this week": (_parted(_this_week, "early", "week"), 2, False),
    "last week": (_last_week, 2, False),
    "early last week": (_parted(_last_week, "early", "week"), 2, False),
    "late last week": (_parted(_last_week, "late", "week"), 2, False),
    "at the weekend": (_weekend, 2, False),
    "over the weekend": (_weekend, 2, False),
    "during the weekend": (_weekend, 2, False),
    "on the weekend": (_weekend, 2, False),
    "this weekend": (_weekend, 2, False),
    "this past weekend": (_weekend, 2, False),
    "last weekend": (_last_weekend, 2, False),
    "this month": (_this_month, 3, False),
    "earlier this month": (_earlier_this_month, 3, False),
    "early this month": (_parted(_this_month, "early", "month"), 3, False),
    "at the beginning of this month": (_parted(_this_month, "early", "month"), 3, False),
    "at the start of this month": (_parted(_this_month, "early", "month"), 3, False),
    "last month": (_last_month, 3, True),
    "earlier last month": (_last_month, 3, True),
    "early last month": (_parted(_last_month, "early", "month"), 3, True),
    "mid-last month": (_parted(_last_month, "mid", "month"), 3, True),
    "late last month": (_parted(_last_month, "late", "month"), 3, True),
    "at the end of last month": (_parted(_last_month, "late", "month"), 3, True),
    "at the beginning of last month": (_parted(_last_month, "early", "month"), 3, True),
    "at the start of last month": (_parted(_last_month, "early", "month"), 3, True),
    "this year": (_this_year, 3, False),
    "earlier this year": (_earlier_this_year, 3, False),
    "early this year": (_parted(_this_year, "early", "year"), 3, False),
    "at the beginning of this year": (_parted(_this_year, "early", "year"), 3, False),
    "at the start of this year": (_parted(_this_year, "early", "year"), 3, False),
    "at the start of the year": (_parted(_this_year, "early", "year"), 3, False),
    "at the beginning of the year": (_parted(_this_year, "early", "year"), 3, False),
    "last year": (_last_year, 3, True),
    "early last year": (_parted(_last_year, "early", "year"), 3, True),
    "mid-last year": (_parted(_last_year, "mid", "year"), 3, True),
    "late last year": (_parted(_last_year, "late", "year"), 3, True),
    "at the end of last year": (_parted(_last_year, "late", "year"), 3, True),
    "at the beginning of last year": (_parted(_last_year, "early", "year"), 3, True),
    "at the start of last year": (_parted(_last_year, "early", "year"), 3, True),
    "earlier last year": (_last_year, 3, True),
}
_FIXED_ALT = "|".join(
    re.escape(k).replace(r"\ ", r"\s+").replace(r"\-", r"[\s-]")
    for k in sorted(_FIXED, key=len, reverse=True)
)


# the last word of each phrase (words are written apart by spaces or hyphens)
_FIXED_LAST_WORDS = frozenset(re.split(r"[\s-]+", k)[-1] for k in _FIXED)


@_rule(rf"\b(?:{_FIXED_ALT})\b(?!['’]s\s+(?:{_SEASON})\b)(?!\s+(?:{_WD_FULL}))", needs=(_FIXED_LAST_WORDS,))
def _fixed(m: re.Match[str], pub: date | None) -> _Hit | None:
    key = re.sub(r"[\s-]+", " ", m.group(0).lower()).replace("mid last", "mid-last")
    compute, precision, past = _FIXED[key]
    return _rel(pub, compute, precision, past_by_wording=past)


# ---- weekdays

_WD_PRE = (
    r"early\s+on|late\s+on|early|late|on|last|this|past|previous|overnight\s+(?:on|into|to)|"
    r"in\s+the\s+early\s+hours\s+of|the\s+early\s+hours\s+of|early\s+hours\s+of|on\s+the\s+night\s+of|"
    r"the\s+night\s+of|night\s+of|next|this\s+coming|coming"
)


@_rule(
    rf"(?:(?P<pre>{_WD_PRE})\s+)?(?P<wd>{_WD_FULL})\b{_NEWSPAPERS}(?!['’]s\s+(?:Times|Telegraph))"
    rf"(?:\s+(?P<tod>morning|afternoon|evening|night|overnight))?"
    rf"(?:,?\s+(?P<wk>(?:of\s+)?(?:last|this|next)\s+week))?",
    needs=(frozenset(_WD_FULL.split("|")),),
)
def _weekday(m: re.Match[str], pub: date | None) -> _Hit | None:
    if not m["wd"][:1].isupper():
        return None
    wd = _WEEKDAYS[m["wd"].lower()]
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    wk = re.sub(r"\s+", " ", (m["wk"] or "").lower()).replace("of ", "")
    if pre in ("next", "this coming", "coming") or wk == "next week":
        return _unresolved("future", 1)
    if pub is None:
        return _unresolved("relative", 1, past=wk == "last week")
    if wk == "last week":
        day = _monday(pub) - timedelta(days=7) + timedelta(days=wd)
    elif wk == "this week" or pre == "this":
        day = _monday(pub) + timedelta(days=wd)
        if day > pub:
            return _unresolved("future", 1)
    elif pre in ("last", "past", "previous"):
        day = pub - timedelta(days=(pub.weekday() - wd - 1) % 7 + 1)
    else:
        day = recent_weekday(pub, wd)
    if pre.startswith("overnight"):
        return _Hit(TimeSpan(day - timedelta(days=1), day, 1), "relative")
    return _Hit(TimeSpan(day, day, 1), "relative")


# ---- durations: "over the last 24 hours", "in the past 48 hours", "past 24 hours", "over the past day"


@_rule(
    rf"(?:(?P<pre>over|in|during|within|for|throughout)\s+)?(?:(?P<the>the)\s+)?"
    rf"(?P<which>last|past|previous|preceding)"
    rf"\s+(?:(?P<n>{_N})\s+)?(?P<unit>hours?|hrs?|days?|nights?|weeks?|months?|years?)\b",
    needs=(
        {"last", "past", "previous", "preceding"},
        {"hour", "hours", "hr", "hrs", "day", "days", "night", "nights", "week", "weeks"}
        | {"month", "months", "year", "years"},
    ),
)
def _duration(m: re.Match[str], pub: date | None) -> _Hit | None:
    unit = m["unit"].lower().rstrip("s")
    if m["n"] is None and not m["the"]:
        if unit in ("day", "night", "hour", "hr") and m["pre"]:
            pass  # "over past day" (headline style) is still a duration
        else:
            return None  # "last week" / "last year" are calendar periods
    if m["n"] is not None and m["n"].lower() in ("a", "an"):
        return None
    if m["n"] is None and m["which"].lower() in ("previous", "preceding"):
        return None  # "the previous day" is relative to the event told, not to publication
    n = _n_value(m["n"]) if m["n"] else 1
    if m["n"] is not None and n is None:
        n = _vague_n(m["n"])[1]
    if n is None or n <= 0:
        return None
    if unit in ("hour", "hr"):
        days = max(1, math.ceil(n / 24))
    elif unit in ("day", "night"):
        days = n
    elif unit == "week":
        days = 7 * n
    elif unit == "month":
        days = 0
    else:
        days = -1
    if days in (0, -1) or days > 7:
        nominal = 3
    elif days <= 1:
        nominal = 1
    else:
        nominal = 2
    if pub is None:
        return _unresolved("duration", nominal)
    if days == 0:
        y, mo = _add_months(pub.year, pub.month, -n)
        start = date(y, mo, min(pub.day, _last_day(y, mo)))
    elif days == -1:
        start = _safe_date(pub.year - n, pub.month, pub.day) or date(pub.year - n, pub.month, 28)
    else:
        start = pub - timedelta(days=days)
    return _Hit(TimeSpan(start, pub, nominal), "duration")


@_rule(
    r"\b(?:in|over|during)\s+(?:the\s+)?recent\s+(?P<unit>days|weeks|months)\b"
    r"|\brecent\s+(?P<unit2>days|weeks)\b",
    needs=({"recent"},),
)
def _recent(m: re.Match[str], pub: date | None) -> _Hit | None:
    unit = (m["unit"] or m["unit2"]).lower()
    back = {"days": 7, "weeks": 28, "months": 180}[unit]
    precision = 2 if unit == "days" else 3
    if pub is None:
        return _unresolved("duration", precision)
    return _Hit(TimeSpan(pub - timedelta(days=back), pub, precision), "duration")


# ---- "two days ago", "three weeks ago", "a month ago", "days ago"


@_rule(
    rf"\b(?:(?P<n>{_N})\s+)?(?P<unit>minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+ago\b",
    needs=({"ago"},),
)
def _ago(m: re.Match[str], pub: date | None) -> _Hit | None:
    unit = m["unit"].lower().rstrip("s")
    n = _n_value(m["n"])
    vague = n is None
    if not vague and m["unit"].lower().endswith("s") and n == 1 and m["n"].lower() in ("a", "an"):
        return None  # "a days ago"
    past = unit in ("week", "month", "year", "decade")
    precision = {"minute": 1, "hour": 1, "day": 1 if not vague else 2, "week": 2}.get(unit, 3)
    if vague and unit == "week":
        precision = 3
    if pub is None:
        return _unresolved("relative", precision, past=past)
    lo, hi = _vague_n(m["n"]) if vague else (n, n)
    assert lo is not None and hi is not None
    if unit in ("minute", "hour"):
        days_hi = math.ceil(hi / 24) if unit == "hour" and hi >= 24 else 0
        start, end = pub - timedelta(days=days_hi), pub
        if unit == "hour" and hi >= 24 and not vague:
            start = end = pub - timedelta(days=math.ceil(hi / 24))
    elif unit == "day":
        start, end = pub - timedelta(days=hi), pub - timedelta(days=lo)
    elif unit == "week":
        if vague:
            start, end = pub - timedelta(days=7 * hi), pub - timedelta(days=7 * lo)
        else:
            day = pub - timedelta(days=7 * lo)
            start, end = _monday(day), min(_monday(day) + timedelta(days=6), pub)
    elif unit == "month":
        y1, m1 = _add_months(pub.year, pub.month, -hi)
        y2, m2 = _add_months(pub.year, pub.month, -lo)
        start, end = _month_span(y1, m1)[0], _month_span(y2, m2)[1]
    elif unit == "year":
        start, end = date(pub.year - hi, 1, 1), date(pub.year - lo, 12, 31)
    else:  # decade
        start, end = date(pub.year - 10 * hi, 1, 1), date(pub.year - 10 * lo, 12, 31)
    return _Hit(TimeSpan(start, min(end, pub), precision), "relative", past_by_wording=past)


# ---- relative to another event, and the future: recognised, never resolved


@_rule(
    rf"\b(?:(?P<n>{_N})\s+)?(?P<unit>hours?|days?|weeks?|months?|years?)\s+"
    rf"(?:earlier|later|before|after|afterwards|previously|prior)\b"
    r"|\bthe\s+(?:previous|following|next|preceding|same)\s+"
    r"(?P<unit2>day|night|morning|evening|week|month|year|weekend)\b"
    r"|\bthe\s+day\s+(?:before|after)\b(?!\s+(?:yesterday|tomorrow))"
    r"|\bthat\s+(?P<unit3>day|night|morning|evening|afternoon|week)\b",
    needs=(
        {"hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"}
        | {"night", "morning", "evening", "afternoon", "weekend"},
    ),
)
def _anaphoric(m: re.Match[str], pub: date | None) -> _Hit | None:
    unit = (m["unit"] or m["unit2"] or m["unit3"] or "day").lower().rstrip("s")
    precision = (
        1
        if unit in ("hour", "day", "night", "morning", "evening", "afternoon")
        else 2
        if unit in ("week", "weekend")
        else 3
    )
    return _unresolved("anaphoric", precision)


@_rule(
    r"\b(?:the\s+day\s+after\s+)?tomorrow\b|\bnext\s+(?P<unit>week|weekend|month|year)\b"
    r"|\blater\s+this\s+(?:week|month|year)\b|\bin\s+the\s+coming\s+(?:days|weeks|months|years)\b",
    needs=({"tomorrow", "next", "later", "coming"},),
)
def _future(m: re.Match[str], pub: date | None) -> _Hit | None:
    return _unresolved("future", 2 if (m["unit"] or "").lower().startswith("week") else 3)
