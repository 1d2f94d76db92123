"""Time expressions resolved against the publication date (spotrep.dates)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spotrep.dates import DateMention, TimeSpan, event_date, find_dates, resolve

WED = date(2024, 5, 15)  # a Wednesday
MON = date(2024, 1, 8)  # a Monday, early in the year
SUN = date(2023, 10, 1)  # a Sunday, first of the month
SAT = date(2022, 3, 5)  # a Saturday in a non-leap year
NEWYEAR = date(2024, 1, 1)  # a Monday, first day of the year


def d(s: str) -> date:
    return date.fromisoformat(s)


# (expression, published, expected start, expected end, expected precision)
RESOLVE_TABLE: list[tuple[str, date | None, str | None, str | None, int]] = [
    # weekdays: the most recent such day on or before publication
    ("on Wednesday", WED, "2024-05-15", "2024-05-15", 1),
    ("on Thursday", WED, "2024-05-09", "2024-05-09", 1),
    ("Wednesday night", WED, "2024-05-15", "2024-05-15", 1),
    ("late on Tuesday", WED, "2024-05-14", "2024-05-14", 1),
    ("early Saturday", WED, "2024-05-11", "2024-05-11", 1),
    ("last Friday", WED, "2024-05-10", "2024-05-10", 1),
    ("last Wednesday", WED, "2024-05-08", "2024-05-08", 1),
    ("on Monday morning", WED, "2024-05-13", "2024-05-13", 1),
    ("Sunday evening", WED, "2024-05-12", "2024-05-12", 1),
    ("in the early hours of Sunday", WED, "2024-05-12", "2024-05-12", 1),
    ("early on Thursday", WED, "2024-05-09", "2024-05-09", 1),
    ("overnight into Tuesday", WED, "2024-05-13", "2024-05-14", 1),
    ("Tuesday last week", WED, "2024-05-07", "2024-05-07", 1),
    ("on Friday of last week", WED, "2024-05-10", "2024-05-10", 1),
    ("on Monday, April 9", date(2018, 4, 12), "2018-04-09", "2018-04-09", 1),
    ("Monday, Nov. 16, 2016", WED, "2016-11-16", "2016-11-16", 1),
    ("on Monday", MON, "2024-01-08", "2024-01-08", 1),
    ("on Tuesday", MON, "2024-01-02", "2024-01-02", 1),
    ("on Saturday", SUN, "2023-09-30", "2023-09-30", 1),
    ("on Sunday", SUN, "2023-10-01", "2023-10-01", 1),
    ("last Sunday", SUN, "2023-09-24", "2023-09-24", 1),
    ("on Saturday", SAT, "2022-03-05", "2022-03-05", 1),
    ("on Friday", NEWYEAR, "2023-12-29", "2023-12-29", 1),
    # days around publication
    ("today", WED, "2024-05-15", "2024-05-15", 1),
    ("earlier today", WED, "2024-05-15", "2024-05-15", 1),
    ("yesterday", WED, "2024-05-14", "2024-05-14", 1),
    ("yesterday morning", WED, "2024-05-14", "2024-05-14", 1),
    ("yesterday", NEWYEAR, "2023-12-31", "2023-12-31", 1),
    ("the day before yesterday", WED, "2024-05-13", "2024-05-13", 1),
    ("tonight", WED, "2024-05-15", "2024-05-15", 1),
    ("this morning", WED, "2024-05-15", "2024-05-15", 1),
    ("early this morning", WED, "2024-05-15", "2024-05-15", 1),
    ("last night", WED, "2024-05-14", "2024-05-15", 1),
    ("overnight", WED, "2024-05-14", "2024-05-15", 1),
    ("overnight", NEWYEAR, "2023-12-31", "2024-01-01", 1),
    ("in the early hours", WED, "2024-05-15", "2024-05-15", 1),
    # durations counted back from publication
    ("over the last 24 hours", WED, "2024-05-14", "2024-05-15", 1),
    ("over the last 24 hours", SUN, "2023-09-30", "2023-10-01", 1),
    ("in the past 48 hours", WED, "2024-05-13", "2024-05-15", 2),
    ("in the past 48 hours", NEWYEAR, "2023-12-30", "2024-01-01", 2),
    ("over the past day", WED, "2024-05-14", "2024-05-15", 1),
    ("past 24 hours", WED, "2024-05-14", "2024-05-15", 1),
    ("during the past 24 hours", WED, "2024-05-14", "2024-05-15", 1),
    ("in the past week", WED, "2024-05-08", "2024-05-15", 2),
    ("over the past three days", WED, "2024-05-12", "2024-05-15", 2),
    ("in the past two weeks", WED, "2024-05-01", "2024-05-15", 3),
    ("over the past month", WED, "2024-04-15", "2024-05-15", 3),
    ("in recent days", WED, "2024-05-08", "2024-05-15", 2),
    # weeks and weekends
    ("last week", WED, "2024-05-06", "2024-05-12", 2),
    ("last week", MON, "2024-01-01", "2024-01-07", 2),
    ("last week", SUN, "2023-09-18", "2023-09-24", 2),
    ("last week", NEWYEAR, "2023-12-25", "2023-12-31", 2),
    ("this week", WED, "2024-05-13", "2024-05-15", 2),
    ("this week", MON, "2024-01-08", "2024-01-08", 2),
    ("this week", SUN, "2023-09-25", "2023-10-01", 2),
    ("earlier this week", WED, "2024-05-13", "2024-05-14", 2),
    ("earlier this week", MON, "2024-01-08", "2024-01-08", 2),
    ("at the weekend", WED, "2024-05-11", "2024-05-12", 2),
    ("over the weekend", WED, "2024-05-11", "2024-05-12", 2),
    ("at the weekend", MON, "2024-01-06", "2024-01-07", 2),
    ("at the weekend", SUN, "2023-09-30", "2023-10-01", 2),
    ("at the weekend", SAT, "2022-03-05", "2022-03-05", 2),
    ("last weekend", WED, "2024-05-11", "2024-05-12", 2),
    ("last weekend", MON, "2024-01-06", "2024-01-07", 2),
    ("last weekend", SUN, "2023-09-23", "2023-09-24", 2),
    # months
    ("last month", WED, "2024-04-01", "2024-04-30", 3),
    ("last month", MON, "2023-12-01", "2023-12-31", 3),
    ("last month", date(2024, 3, 10), "2024-02-01", "2024-02-29", 3),
    ("this month", WED, "2024-05-01", "2024-05-15", 3),
    ("this month", SUN, "2023-10-01", "2023-10-01", 3),
    ("earlier this month", WED, "2024-05-01", "2024-05-14", 3),
    ("earlier this month", SUN, "2023-10-01", "2023-10-01", 3),
    ("early last month", WED, "2024-04-01", "2024-04-10", 3),
    ("late last month", WED, "2024-04-21", "2024-04-30", 3),
    ("in May", WED, "2024-05-01", "2024-05-15", 3),
    ("in June", WED, "2023-06-01", "2023-06-30", 3),
    ("in December", MON, "2023-12-01", "2023-12-31", 3),
    ("in February", SAT, "2022-02-01", "2022-02-28", 3),
    ("in May 2024", WED, "2024-05-01", "2024-05-31", 3),
    ("in May 2024", None, "2024-05-01", "2024-05-31", 3),
    ("in mid-May", WED, "2024-05-11", "2024-05-15", 3),
    ("early May", WED, "2024-05-01", "2024-05-10", 3),
    ("late April", WED, "2024-04-21", "2024-04-30", 3),
    ("last May", WED, "2023-05-01", "2023-05-31", 3),
    ("last April", WED, "2024-04-01", "2024-04-30", 3),
    ("since March", WED, "2024-03-01", "2024-05-15", 3),
    ("in late March 2022", WED, "2022-03-21", "2022-03-31", 3),
    ("at the end of August 2023", WED, "2023-08-21", "2023-08-31", 3),
    # years
    ("last year", WED, "2023-01-01", "2023-12-31", 3),
    ("last year", NEWYEAR, "2023-01-01", "2023-12-31", 3),
    ("this year", WED, "2024-01-01", "2024-05-15", 3),
    ("this year", NEWYEAR, "2024-01-01", "2024-01-01", 3),
    ("earlier this year", WED, "2024-01-01", "2024-05-14", 3),
    ("late last year", WED, "2023-09-01", "2023-12-31", 3),
    ("in 2023", WED, "2023-01-01", "2023-12-31", 3),
    ("in 2023", None, "2023-01-01", "2023-12-31", 3),
    ("in early 2023", WED, "2023-01-01", "2023-04-30", 3),
    ("in late 2022", WED, "2022-09-01", "2022-12-31", 3),
    ("by mid-2023", WED, "2023-05-01", "2023-08-31", 3),
    ("was built in 1913", WED, "1913-01-01", "1913-12-31", 3),
    ("in 2022-2023", WED, "2022-01-01", "2023-12-31", 3),
    ("since 2014", WED, "2014-01-01", "2024-05-15", 3),
    ("in the 1990s", WED, "1990-01-01", "1999-12-31", 3),
    # seasons
    ("summer", WED, "2023-06-01", "2023-08-31", 3),
    ("last summer", WED, "2023-06-01", "2023-08-31", 3),
    ("last summer", SUN, "2023-06-01", "2023-08-31", 3),
    ("last summer", date(2023, 7, 20), "2022-06-01", "2022-08-31", 3),
    ("in the summer", date(2023, 7, 20), "2023-06-01", "2023-07-20", 3),
    ("in its summer counteroffensive last year", WED, "2023-06-01", "2023-08-31", 3),
    ("summer counteroffensive last year", SUN, "2022-06-01", "2022-08-31", 3),
    ("last year's summer offensive", WED, "2023-06-01", "2023-08-31", 3),
    ("the 2023 summer counteroffensive", WED, "2023-06-01", "2023-08-31", 3),
    ("in the summer of 2022", WED, "2022-06-01", "2022-08-31", 3),
    ("in the spring", WED, "2024-03-01", "2024-05-15", 3),
    ("last spring", WED, "2023-03-01", "2023-05-31", 3),
    ("in the autumn", WED, "2023-09-01", "2023-11-30", 3),
    ("in the fall", WED, "2023-09-01", "2023-11-30", 3),
    ("in late autumn", WED, "2023-11-01", "2023-11-30", 3),
    ("winter 2022", WED, "2022-12-01", "2023-02-28", 3),
    ("last winter", WED, "2023-12-01", "2024-02-29", 3),
    ("last winter", SAT, "2021-12-01", "2022-02-28", 3),
    ("this winter", MON, "2023-12-01", "2024-01-08", 3),
    ("this summer", date(2023, 7, 20), "2023-06-01", "2023-07-20", 3),
    ("this summer", WED, None, None, 3),
    ("the previous day", WED, None, None, 1),
    ("over the previous 24 hours", WED, "2024-05-14", "2024-05-15", 1),
    # ago
    ("two days ago", WED, "2024-05-13", "2024-05-13", 1),
    ("a day ago", WED, "2024-05-14", "2024-05-14", 1),
    ("three weeks ago", WED, "2024-04-22", "2024-04-28", 2),
    ("a week ago", WED, "2024-05-06", "2024-05-12", 2),
    ("a month ago", WED, "2024-04-01", "2024-04-30", 3),
    ("two months ago", WED, "2024-03-01", "2024-03-31", 3),
    ("a year ago", WED, "2023-01-01", "2023-12-31", 3),
    ("a few days ago", WED, "2024-05-11", "2024-05-13", 2),
    # explicit dates in the common news forms
    ("15 May 2024", WED, "2024-05-15", "2024-05-15", 1),
    ("May 15, 2024", WED, "2024-05-15", "2024-05-15", 1),
    ("May 15", WED, "2024-05-15", "2024-05-15", 1),
    ("15 May", WED, "2024-05-15", "2024-05-15", 1),
    ("20 May", WED, "2023-05-20", "2023-05-20", 1),
    ("25 December", MON, "2023-12-25", "2023-12-25", 1),
    ("15 December", NEWYEAR, "2023-12-15", "2023-12-15", 1),
    ("29 February", SAT, "2020-02-29", "2020-02-29", 1),
    ("Jan. 23, 2018", WED, "2018-01-23", "2018-01-23", 1),
    ("2024-05-15", WED, "2024-05-15", "2024-05-15", 1),
    ("15/05/2024", WED, "2024-05-15", "2024-05-15", 1),
    ("05/15/2024", WED, "2024-05-15", "2024-05-15", 1),
    ("15.05.2024", WED, "2024-05-15", "2024-05-15", 1),
    ("on 1 October", WED, "2023-10-01", "2023-10-01", 1),
    ("on the night of May 14", WED, "2024-05-14", "2024-05-14", 1),
    ("the night of 14-15 May", WED, "2024-05-14", "2024-05-15", 1),
    ("the night of 11/12 May", WED, "2024-05-11", "2024-05-12", 1),
    ("Overnight on 14-15 May 2024", WED, "2024-05-14", "2024-05-15", 1),
    ("Last night, 3 May,", WED, "2024-05-03", "2024-05-03", 1),
    ("on May 14-15", WED, "2024-05-14", "2024-05-15", 1),
    ("2020-09-01: Russian shelling", WED, "2020-09-01", "2020-09-01", 1),
    ("Thursday 15th January, 2015", WED, "2015-01-15", "2015-01-15", 1),
    ("February 26, 2016", WED, "2016-02-26", "2016-02-26", 1),
    ("15th May", WED, "2024-05-15", "2024-05-15", 1),
    ("the 3rd of May", WED, "2024-05-03", "2024-05-03", 1),
    ("May 3rd", WED, "2024-05-03", "2024-05-03", 1),
    ("Sept. 1, 2022", WED, "2022-09-01", "2022-09-01", 1),
    ("on the 10th", WED, "2024-05-10", "2024-05-10", 1),
    ("on the 20th", WED, "2024-04-20", "2024-04-20", 1),
    ("Wed, 15 May 2024", WED, "2024-05-15", "2024-05-15", 1),
    ("2024/05/15", WED, "2024-05-15", "2024-05-15", 1),
    ("on 24 February 2022", WED, "2022-02-24", "2022-02-24", 1),
    ("Feb 24", WED, "2024-02-24", "2024-02-24", 1),
    ("Monday 13 May", WED, "2024-05-13", "2024-05-13", 1),
    ("the first week of May", WED, "2024-05-01", "2024-05-07", 2),
    ("the last week of April 2024", WED, "2024-04-24", "2024-04-30", 2),
    # ranges and "since"
    ("from May 10 to May 12", WED, "2024-05-10", "2024-05-12", 2),
    ("between 10 and 12 May", WED, "2024-05-10", "2024-05-12", 2),
    ("between May 10 and May 12", WED, "2024-05-10", "2024-05-12", 2),
    ("May 10-12, 2024", WED, "2024-05-10", "2024-05-12", 2),
    ("between 28 April and 3 May", WED, "2024-04-28", "2024-05-03", 2),
    ("from 1 to 10 May", WED, "2024-05-01", "2024-05-10", 3),
    ("from 28 December to 2 January", MON, "2023-12-28", "2024-01-02", 2),
    ("since Friday", WED, "2024-05-10", "2024-05-15", 2),
    ("since yesterday", WED, "2024-05-14", "2024-05-15", 1),
    ("since 10 May", WED, "2024-05-10", "2024-05-15", 2),
    # without a publication date: explicit dates resolve, relative ones do not
    ("15 May 2024", None, "2024-05-15", "2024-05-15", 1),
    ("Monday, Nov. 16, 2016", None, "2016-11-16", "2016-11-16", 1),
    ("winter 2022", None, "2022-12-01", "2023-02-28", 3),
    ("yesterday", None, None, None, 1),
    ("on Wednesday", None, None, None, 1),
    ("overnight", None, None, None, 1),
    ("over the last 24 hours", None, None, None, 1),
    ("in the past 48 hours", None, None, None, 2),
    ("last week", None, None, None, 2),
    ("at the weekend", None, None, None, 2),
    ("last month", None, None, None, 3),
    ("last year", None, None, None, 3),
    ("in May", None, None, None, 3),
    ("15 May", None, None, None, 1),
    ("last summer", None, None, None, 3),
    ("two days ago", None, None, None, 1),
    # future and anaphoric expressions never resolve
    ("tomorrow", WED, None, None, 3),
    ("next week", WED, None, None, 2),
    ("days earlier", WED, None, None, 1),
    ("the next day", WED, None, None, 1),
    ("late May", WED, None, None, 3),
]


@pytest.mark.parametrize(("expression", "published", "start", "end", "precision"), RESOLVE_TABLE)
def test_resolve_gives_the_interval_and_precision_the_text_allows(
    expression: str, published: date | None, start: str | None, end: str | None, precision: int
) -> None:
    span = resolve(expression, published)
    assert span is not None, expression
    assert span.start == (d(start) if start else None)
    assert span.end == (d(end) if end else None)
    assert span.precision == precision
    assert span.resolved == (start is not None and end is not None)


NOT_DATES = [
    "Article 15 of the convention",
    "an F-16 was shot down",
    "along route 66 near the border",
    "at 5 p.m. local time",
    "20,000 people were evacuated",
    "the 77 th Great March of Return",
    "a seven-year-old insurgency",
    "a two-week-old son",
    "Su-34 bombers and S-300 systems",
    "the 7600 block of the street",
    "2000 troops crossed the river",
    "Theresa May said troops may march",
    "the fall of Avdiivka",
    "the Arab Spring",
    "the Sunday Times reported",
    "Kh-101 and Kh-555 missiles",
    "12.5 km from the front",
    "one of 3,000 soldiers",
    "the 47th Mechanised Brigade",
    "a 155mm shell hit building 12",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_numbers_names_and_words_are_not_dates(text: str) -> None:
    assert find_dates(text, WED) == []


# (sentence, published, expected mention texts, expected kinds)
SENTENCES = [
    (
        "Russian forces launched 17 drones overnight, the air force said on Wednesday.",
        WED,
        ["overnight", "on Wednesday"],
        ["relative", "relative"],
    ),
    (
        "On 14 May, a glide bomb hit Vovchansk, officials said on Thursday.",
        WED,
        ["14 May", "on Thursday"],
        ["explicit", "relative"],
    ),
    (
        "Ukraine had liberated the village in August 2023 during the summer counteroffensive last year.",
        WED,
        ["August 2023", "the summer counteroffensive last year"],
        ["month", "season"],
    ),
    (
        "The governor said three people were killed over the past 24 hours in the region.",
        WED,
        ["over the past 24 hours"],
        ["duration"],
    ),
    (
        "The bridge, which was built in 1913, was destroyed last week.",
        WED,
        ["1913", "last week"],
        ["year", "relative"],
    ),
    (
        "ISW assessed on May 14 that attacks may intensify in the coming weeks.",
        WED,
        ["May 14", "in the coming weeks"],
        ["explicit", "future"],
    ),
    (
        "Two months ago the brigade withdrew; since Friday it has been shelled daily.",
        WED,
        ["Two months ago", "since Friday"],
        ["relative", "relative"],
    ),
    (
        "Prime Minister Theresa May said in March that the ceasefire may hold.",
        WED,
        ["March"],
        ["month"],
    ),
    (
        "2020-09-01: Russian shelling hit Avdiivka at 5 p.m.",
        WED,
        ["2020-09-01"],
        ["explicit"],
    ),
    (
        "The night of 14-15 May saw 30 drones; the strike on Monday, April 9 was worse.",
        date(2018, 5, 16),
        ["14-15 May", "Monday, April 9"],
        ["range", "explicit"],
    ),
]


@pytest.mark.parametrize(("sentence", "published", "texts", "kinds"), SENTENCES)
def test_find_dates_finds_every_time_expression_in_text_order(
    sentence: str, published: date, texts: list[str], kinds: list[str]
) -> None:
    mentions = find_dates(sentence, published)
    assert [m.text for m in mentions] == texts
    assert [m.kind for m in mentions] == kinds
    for m in mentions:
        assert sentence[m.start : m.end] == m.text


# (expression, published, past_background)
BACKGROUND = [
    ("last year", WED, True),
    ("in 2022", WED, True),
    ("in its summer counteroffensive last year", WED, True),
    ("two months ago", WED, True),
    ("was built in 1913", WED, True),
    ("last month", WED, True),
    ("on Tuesday", WED, False),
    ("last week", WED, False),
    ("over the last 24 hours", WED, False),
    ("this year", WED, False),
    ("in 2024", WED, False),
    ("since 2014", WED, False),
    ("15 May 2024", WED, False),
    ("last year", None, True),
    ("three years ago", None, True),
    ("yesterday", None, False),
    ("15 May 2024", None, False),
]


@pytest.mark.parametrize(("expression", "published", "background"), BACKGROUND)
def test_past_background_marks_expressions_well_before_publication(
    expression: str, published: date | None, background: bool
) -> None:
    (mention,) = find_dates(expression, published)
    assert mention.past_background is background


def test_event_date_is_the_start_of_the_span() -> None:
    span = resolve("last week", WED)
    assert span is not None
    assert event_date(span) == date(2024, 5, 6)
    assert event_date(TimeSpan(None, None, 1)) is None


def test_resolve_returns_none_without_a_time_expression() -> None:
    assert resolve("Russian forces shelled the village", WED) is None


def test_mentions_are_frozen_dataclasses() -> None:
    (mention,) = find_dates("yesterday", WED)
    assert isinstance(mention, DateMention)
    with pytest.raises(AttributeError):
        mention.start = 3  # type: ignore[misc]


def test_lower_case_month_words_are_not_months() -> None:
    assert find_dates("troops may march in may", WED) == []


def test_explicit_date_with_weekday_keeps_the_written_date() -> None:
    (mention,) = find_dates("Thursday 15th January, 2015", None)
    assert mention.text == "Thursday 15th January, 2015"
    assert mention.span == TimeSpan(date(2015, 1, 15), date(2015, 1, 15), 1)


# ----------------------------------------------------------------------------- properties

MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]  # fmt: skip
MONTH_ABBR = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


EXPLICIT_FORMATS = [
    lambda x: f"{x.day} {MONTH_NAMES[x.month - 1]} {x.year}",
    lambda x: f"{MONTH_NAMES[x.month - 1]} {x.day}, {x.year}",
    lambda x: f"{MONTH_ABBR[x.month - 1]} {x.day}, {x.year}",
    lambda x: f"{x.isoformat()}",
    lambda x: f"{x.day:02d}/{x.month:02d}/{x.year}",
    lambda x: f"{x.day:02d}.{x.month:02d}.{x.year}",
    lambda x: f"{WEEKDAY_NAMES[x.weekday()]}, {x.day} {MONTH_NAMES[x.month - 1]} {x.year}",
    lambda x: f"{WEEKDAY_NAMES[x.weekday()]}, {MONTH_ABBR[x.month - 1]} {x.day}, {x.year}",
    lambda x: f"{WEEKDAY_NAMES[x.weekday()]} {ordinal(x.day)} {MONTH_NAMES[x.month - 1]}, {x.year}",
    lambda x: f"the {ordinal(x.day)} of {MONTH_NAMES[x.month - 1]} {x.year}",
]

dates_st = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))
published_st = st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))


@given(day=dates_st, fmt=st.sampled_from(EXPLICIT_FORMATS), published=published_st)
def test_explicit_dates_round_trip_in_every_supported_format(day: date, fmt, published: date | None) -> None:
    text = fmt(day)
    span = resolve(f"The strike took place on {text}.", published)
    assert span == TimeSpan(day, day, 1), text


@given(published=st.dates(min_value=date(2001, 1, 1), max_value=date(2040, 12, 31)), back=st.integers(0, 364))
def test_day_and_month_without_year_is_the_latest_such_day_up_to_publication(
    published: date, back: int
) -> None:
    day = published - timedelta(days=back)
    span = resolve(f"on {day.day} {MONTH_NAMES[day.month - 1]}", published)
    assert span == TimeSpan(day, day, 1)


@given(published=st.dates(min_value=date(2001, 1, 1), max_value=date(2040, 12, 31)), wd=st.integers(0, 6))
def test_bare_weekday_is_within_the_week_up_to_publication(published: date, wd: int) -> None:
    span = resolve(f"on {WEEKDAY_NAMES[wd]}", published)
    assert span is not None and span.start is not None
    assert span.start.weekday() == wd
    assert 0 <= (published - span.start).days <= 6


RELATIVE = [
    "today",
    "yesterday",
    "the day before yesterday",
    "tonight",
    "this morning",
    "last night",
    "overnight",
    "in the early hours",
    "over the last 24 hours",
    "in the past 48 hours",
    "over the past day",
    "past 24 hours",
    "last week",
    "this week",
    "earlier this week",
    "at the weekend",
    "last weekend",
    "last month",
    "this month",
    "earlier this month",
    "last year",
    "this year",
    "earlier this year",
    "in May",
    "in mid-May",
    "early May",
    "late May",
    "in December",
    "last May",
    "summer",
    "last summer",
    "this summer",
    "in the winter",
    "last winter",
    "summer counteroffensive last year",
    "two days ago",
    "three weeks ago",
    "a month ago",
    "a few days ago",
    "since Friday",
    "on Wednesday",
    "Thursday night",
    "last Friday",
    "early Saturday",
    "Tuesday last week",
    "overnight into Sunday",
    "on the 30th",
    "15 May",
    "31 December",
    "29 February",
    "in the past two weeks",
    "over the past month",
    "in recent days",
    "late last month",
    "late last year",
    "early this month",
    "tomorrow",
    "next week",
    "next Friday",
    "days earlier",
    "the following day",
    "in late autumn",
    "since March",
]


@given(
    published=st.dates(min_value=date(2001, 1, 1), max_value=date(2040, 12, 31)),
    expr=st.sampled_from(RELATIVE),
)
def test_relative_expressions_never_resolve_after_publication(published: date, expr: str) -> None:
    span = resolve(expr, published)
    assert span is not None, expr
    if span.resolved:
        assert span.start is not None and span.end is not None
        assert span.start <= span.end <= published, expr
    assert span.precision in (1, 2, 3)


@given(expr=st.sampled_from(RELATIVE))
def test_relative_expressions_stay_unresolved_without_a_publication_date(expr: str) -> None:
    span = resolve(expr, None)
    assert span is not None, expr
    assert span.end is None
    if not expr.startswith("since"):
        assert span.start is None


WORDS = [
    *RELATIVE, "15 May 2024", "May 15, 2024", "2024-05-15", "in 2023", "F-16", "route 66", "Article 15",
    "20,000 people", "killed", "drones", "the", "on", "in", ",", ".", "and", "May", "may", "March", "march",
    "12", "2022", "1999", "-", "to", "between", "from", "Monday,", "April 9", "the night of", "14-15 May",
    "ago", "week", "last", "summer", "year", "since", "Nov.", "16,", "2016",
]  # fmt: skip


@settings(max_examples=300)
@given(words=st.lists(st.sampled_from(WORDS), max_size=14), published=published_st)
def test_find_dates_on_any_text_gives_ordered_consistent_mentions(
    words: list[str], published: date | None
) -> None:
    text = " ".join(words)
    mentions = find_dates(text, published)
    last_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        span = m.span
        if span.start is not None and span.end is not None:
            assert span.start <= span.end
        assert span.precision in (1, 2, 3)
        if published is not None and m.kind not in ("explicit", "range", "month", "year", "season", "decade"):
            assert span.end is None or span.end <= published


# --- the rules' needs: a rule is tried only on texts that have what it needs (a speed-up that changes nothing)

NEEDS_TEXTS = [
    *(row[0] for row in RESOLVE_TABLE),
    *NOT_DATES,
    *(row[0] for row in SENTENCES),
    *(row[0] for row in BACKGROUND),
    *RELATIVE,
    "Between 10 May and 12 June 2024, the brigade lost two positions; on the 3rd it retreated.",
    "Mid-May 2023, the first week of June and the last week of April 2024 saw heavy fighting.",
    "In the early 2000s, then in winter 2022/23 and the 2023 summer offensive, the town changed hands.",
    "Three days later, the next morning, that night and the day before: all anaphoric.",
    "The attack in recent weeks, two hours ago, in the past 48 hrs, and 15/05/2024, 05/15/2024, 15.05.2024.",
    "The AUGUST 2023 report and the SEPT. 5 one; FRIDAY's attack; mid-last month; late last night.",
    "ſince 2014, and ſince May 2024: a letter that case-insensitive matching takes for an ASCII one.",
]


@pytest.mark.parametrize("text", NEEDS_TEXTS)
def test_every_rule_that_finds_something_has_its_needs_met(text: str) -> None:
    from spotrep.dates import _RULES, _features

    features = _features(text)
    for pattern, handler, needs in _RULES:
        for m in pattern.finditer(text):
            if m.end() > m.start() and handler(m, WED) is not None and features is not None:
                missing = [sorted(group) for group in needs if features.isdisjoint(group)]
                assert not missing, (handler.__name__, m.group(0), missing)


NEEDS_WORDS = [
    *WORDS, "May", "MAY", "mid-May", "Sept.", "2023/24", "the 1990s", "winter", "recent", "days", "hours",
    "next", "tomorrow", "coming", "later", "earlier", "that", "night", "Friday", "friday", "ſince", "Kyiv’s",
    "week of", "first", "past", "over", "24", "hrs", "on the", "3rd", "of", "weekend",
]  # fmt: skip


@settings(max_examples=300)
@given(words=st.lists(st.sampled_from(NEEDS_WORDS), max_size=14), published=published_st)
def test_rules_needs_never_change_what_is_found(words: list[str], published: date | None) -> None:
    from unittest import mock

    from spotrep import dates

    text = " ".join(words)
    gated = dates._candidates(text, published)
    with mock.patch.object(dates, "_features", lambda _text: None):
        every_rule = dates._candidates(text, published)
    assert gated == every_rule


def test_a_text_with_letters_beyond_ascii_in_a_word_is_tried_by_every_rule() -> None:
    from spotrep.dates import _features

    assert _features("ſince 2014") is None  # "ſ" matches "s" case-insensitively
    assert _features("Kyiv’s forces – since 2014") is not None  # punctuation beyond ASCII is no letter


@given(pub=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), weekday=st.integers(0, 6))
def test_a_bare_weekday_is_the_most_recent_such_day_on_or_before_publication_in_every_language(
    pub: date, weekday: int
) -> None:
    from spotrep.dates.days import recent_weekday

    day = recent_weekday(pub, weekday)
    assert day.weekday() == weekday
    assert 0 <= (pub - day).days < 7
