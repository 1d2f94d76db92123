"""Time expressions in war reporting, resolved against the publication date.

Pure Python (regular expressions and calendar arithmetic): no spaCy, nothing heavy at import time. The records
(``spans``) and the calendar arithmetic (``days``) are language-neutral; the English rules are in ``english``.

Public interface:

- :class:`TimeSpan` — an interval ``start``..``end`` (inclusive) with ACLED's ``time_precision`` (1 the day is
  known, 2 within a week, 3 within a month or vaguer).
- :class:`DateMention` — one time expression found in a text, with its offsets, kind and span.
- :func:`find_dates` — all time expressions of a text, in text order.
- :func:`resolve` — the span of one expression.
- :func:`event_date` — the single best date of a span (its start).

Documented choices
------------------
- A bare weekday ("on Wednesday", "Wednesday night", "early Saturday") is the most recent such day on or
  before publication (the publication day itself included); "last Friday" is the most recent one strictly
  before it; "Tuesday last week" is the Tuesday of the previous Monday–Sunday week.
- "overnight" and "last night" are the day before publication to the publication day (precision 1); "overnight
  into Tuesday" is Monday–Tuesday; "the early hours" is the publication day.
- "over the last 24 hours" / "past 24 hours" / "over the past day" are the day before publication to the
  publication day; N hours cover ceil(N/24) days back; "the past N days/weeks/months" count back from
  publication.
- "last week" is the previous Monday–Sunday (2); "this week" Monday of the publication week to publication
  (2); "at the weekend" the most recent Saturday–Sunday (2); "last weekend" the weekend of the previous week
  (2).
- "last month"/"last year" are the previous calendar month/year (3); "this month"/"this year" run from its
  first day to publication (3).
- A month without a year ("in May") is the most recent May on or before publication; in the publication month
  it ends at publication. "last May" is the most recent May that has ended. "early/mid/late" split a month
  into 1–10, 11–20, 21–end and a year into Jan–Apr, May–Aug, Sep–Dec.
- A day without a year ("15 May") takes the publication year, or the previous year if that would fall after
  publication. Without a publication date it stays unresolved (precision 1).
- Numeric dates: ISO ``2024-05-15``; ``15/05/2024`` and ``15.05.2024`` are read day first unless the second
  field cannot be a month (``05/15/2024`` is then May 15).
- Seasons are meteorological: spring Mar–May, summer Jun–Aug, autumn/fall Sep–Nov, winter Dec–Feb. "winter
  2022" (and "winter ... last year" in 2023) is the winter that begins in December of that year. A bare season
  is the most recent one that has begun by publication; "last summer" the most recent one that has ended.
- "N days ago" is that day (1); "N weeks ago" the Monday–Sunday week containing that day (2); "N months ago"
  that calendar month (3); "N years ago" that calendar year (3).
- Expressions relative to another event ("two days earlier", "the next day") have kind ``anaphoric`` and
  future expressions ("tomorrow", "next week", "next Friday") kind ``future``: both stay unresolved, so that
  nothing relative ever resolves after publication.
- "since Friday" / "since May 10" / "since 2014" run from that day (or period start) to publication; without a
  publication date the end stays None.
- Ranges (explicit, kind ``range``) get their precision from their length: two consecutive days ("the night
  of 14-15 May") 1, up to a week 2, longer 3.
- ``past_background`` is True when the span ends more than 7 days before publication ("last year", "in 2022",
  "two months ago"); without a publication date it is True only for expressions that are in the past by their
  wording ("last year", "last month", "last summer", "weeks/months/years ago").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .days import (
    _MONTHS,
    _YEAR,
    DIGIT,
    MONTH,
    YEAR,
    _precision_of,
)
from .english import (
    _RULES,
)
from .spans import (
    DateMention,
    TimeSpan,
    _Hit,
    event_date,
)

__all__ = ["DateMention", "TimeSpan", "event_date", "find_dates", "resolve"]


# --------------------------------------------------------------------------------------------------
# Finding and selecting

_RE_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)


_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_YEAR_DIGITS = re.compile(_YEAR)
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")


def _features(text: str) -> set[str] | None:
    """The words of a text in lower case and its marks (DIGIT, YEAR, MONTH), for the rules' ``needs``; None when
    a word has a letter outside ASCII (case-insensitive matching may take "ſ" for "s": every rule is tried)."""
    if not text.isascii() and _NON_ASCII_WORD.search(text):
        return None
    words = _WORD.findall(text)
    features = {w.lower() for w in words}
    if _DIGIT.search(text):
        features.add(DIGIT)
        if _YEAR_DIGITS.search(text):
            features.add(YEAR)
    if not features.isdisjoint(_MONTHS) and any(w[0].isupper() and w.lower() in _MONTHS for w in words):
        features.add(MONTH)
    return features


@lru_cache(maxsize=1)
def _needs_index() -> tuple[dict[str, list[tuple[int, int]]], list[int], tuple[int, ...]]:
    """The rules' needs turned round: for each feature, the (rule, group) pairs it satisfies; the number of
    groups of each rule; the rules that need nothing."""
    index: dict[str, list[tuple[int, int]]] = {}
    for r, (_, _, needs) in enumerate(_RULES):
        for g, group in enumerate(needs):
            for feature in group:
                index.setdefault(feature, []).append((r, g))
    sizes = [len(needs) for _, _, needs in _RULES]
    return index, sizes, tuple(r for r, n in enumerate(sizes) if n == 0)


def _possible_rules(features: set[str] | None) -> list[int]:
    """The rules (by position, in order) whose needs the features meet: every rule when features is None."""
    if features is None:
        return list(range(len(_RULES)))
    index, sizes, free = _needs_index()
    met: dict[int, set[int]] = {}
    for feature in features:
        for r, g in index.get(feature, ()):
            met.setdefault(r, set()).add(g)
    return sorted([r for r, groups in met.items() if len(groups) == sizes[r]] + list(free))


def _candidates(text: str, published: date | None) -> list[tuple[int, int, _Hit]]:
    out: list[tuple[int, int, _Hit]] = []
    for r in _possible_rules(_features(text)):  # the rules that cannot match the text are not tried
        pattern, handler, _ = _RULES[r]
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            hit = handler(m, published)
            if hit is None:
                continue
            start, end = (m.start("x"), m.end("x")) if "x" in pattern.groupindex and m["x"] else m.span()
            out.append((start, end, hit))
    return out


def _background(hit: _Hit, published: date | None) -> bool:
    if published is not None and hit.span.end is not None:
        return hit.span.end < published - timedelta(days=7)
    return hit.past_by_wording


_RE_DATED_BY_NEXT = re.compile(r"\s*(?:,\s*)?(?:on|of|into|(?:on\s+)?the\s+night\s+of)?\s*(?:the\s+)?", re.I)


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """All time expressions in ``text``, in text order, resolved against ``published`` when it is given."""
    cands = _candidates(text, published)
    # longest first, then leftmost; keep the ones that do not overlap a longer one
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, _Hit]] = []
    for c in cands:
        if all(c[1] <= s or c[0] >= e for s, e, _ in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    # "overnight on 14-15 May", "last night, 3 March": a relative word the explicit date right after it dates
    chosen = [
        c
        for n, c in enumerate(chosen)
        if not (
            c[2].relative
            and n + 1 < len(chosen)
            and chosen[n + 1][2].kind in ("explicit", "range")
            and _RE_DATED_BY_NEXT.fullmatch(text, c[1], chosen[n + 1][0])
        )
    ]
    out: list[DateMention] = []
    for start, end, hit in chosen:
        since = _RE_SINCE.search(text, max(0, start - 12), start)
        if since and hit.kind not in ("future", "anaphoric", "duration"):
            start = since.start()
            hit = _since(hit, published)
        out.append(DateMention(start, end, text[start:end], hit.span, hit.kind, _background(hit, published)))
    return out


def _since(hit: _Hit, published: date | None) -> _Hit:
    """ "since X": from the start of X to publication."""
    begin = hit.span.start
    if begin is None:
        return _Hit(
            TimeSpan(None, None, max(hit.span.precision, 2)), hit.kind, hit.past_by_wording, hit.relative
        )
    if published is None:
        return _Hit(TimeSpan(begin, None, 3), hit.kind, False, hit.relative)
    end = max(begin, published)
    return _Hit(TimeSpan(begin, end, _precision_of(begin, end)), hit.kind, False, hit.relative)


def resolve(expression: str, published: date | None) -> TimeSpan | None:
    """The span of one time expression (the longest one found in ``expression``); None if there is none."""
    mentions = find_dates(expression, published)
    if not mentions:
        return None
    best = max(mentions, key=lambda mm: (mm.end - mm.start, -mm.start))
    return best.span
