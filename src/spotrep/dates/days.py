"""Calendar arithmetic the rules share: month and weekday tables, the most recent weekday on or before a day, weeks,
month ends, years inferred for dates given without one."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# --------------------------------------------------------------------------------------------------
# Calendar helpers

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3,
    "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_SEASON_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# the words of the calendar: a capitalised word the tagger calls a date without being one of them (nor holding a
# digit) is a name ("Positioned in Svitlodarsk, the SMM heard ...": the tagger's DATE)
CALENDAR_WORDS = (
    frozenset(_MONTHS)
    | frozenset(_WEEKDAYS)
    | frozenset(_SEASON_MONTH)
    | frozenset(
        "day days week weeks month months year years night morning evening afternoon today yesterday tonight "
        "christmas easter ramadan eid new".split()
    )
)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, _last_day(year, month))


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not 1 <= month <= 12 or not 1 <= day <= _last_day(year, month):
        return None
    return date(year, month, day)


def _infer_year(month: int, day: int, pub: date) -> date | None:
    """The date (month, day) on or before ``pub``: this year, else the previous year(s) (for 29 February)."""
    for year in range(pub.year, pub.year - 8, -1):
        d = _safe_date(year, month, day)
        if d is not None and d <= pub:
            return d
    return None


def recent_weekday(pub: date, weekday: int) -> date:
    """The most recent given weekday (0 Monday .. 6 Sunday) on or before ``pub``, ``pub`` itself included: what
    a bare weekday in a report means in every language ("on Wednesday", "у середу", "в среду")."""
    return pub - timedelta(days=(pub.weekday() - weekday) % 7)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _season_span(season: str, year: int) -> tuple[date, date]:
    first = _SEASON_MONTH[season]
    start = date(year, first, 1)
    y2, m2 = _add_months(year, first, 2)
    return start, date(y2, m2, _last_day(y2, m2))


def _precision_of(start: date, end: date) -> int:
    days = (end - start).days
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    return 3


def _part(start: date, end: date, part: str | None) -> tuple[date, date]:
    """The early / middle / late third of a month, a season or a year."""
    if not part:
        return start, end
    part = part.lower()
    if part.startswith(("early", "beginning", "start")):
        which = 0
    elif part.startswith(("mid", "middle")):
        which = 1
    else:  # late, end
        which = 2
    if start.year == end.year and start.month == end.month:
        bounds = [(1, 10), (11, 20), (21, _last_day(start.year, start.month))]
        a, b = bounds[which]
        return start.replace(day=a), start.replace(day=b)
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 12 and start.month == 1:
        ranges = [(1, 4), (5, 8), (9, 12)]
        a, b = ranges[which]
        return date(start.year, a, 1), date(start.year, b, _last_day(start.year, b))
    # seasons (3 months): one month each
    y, m = _add_months(start.year, start.month, which * months // 3)
    return _month_span(y, m)


_YEAR = r"(?:1[89]|20)\d{2}"

# What a rule needs to find anything: each group of ``needs`` must share an element with the features of the text
# (its words in lower case, and the marks below). A text is read for its features once, and a rule whose needs
# are not met is not tried: a set test instead of a scan of the text by the rule's pattern. The words of a group
# are whole words in every match of the rule (the pattern puts a space, a hyphen or a word boundary around them).
DIGIT = "<digit>"  # a digit anywhere
YEAR = "<year>"  # four digits that can be a year (_YEAR)
MONTH = "<Month>"  # a capitalised month name: the handlers reject lower-case ones ("may", "march")
