"""Wire-copy structure the sentence stages do not see: datelines.

A dateline ("KYIV, May 15 (Reuters) -", "ODESA, Ukraine (AP) —", "Kyiv (AFP) -", "MOSCOW, June 10. /TASS/.")
names where and when the report was filed, not where or when anything happened. Left in the text, its city
becomes the place of the lead's event (it is the first place of the sentence), its date the event's date, and its
words the subject of the lead's verb. ``mask_datelines`` blanks it with spaces of the same length before the
language analysis, so that every offset into the document still holds and the evidence starts with the lead's
own words.

What the dateline says is still worth having when the input says nothing else (``read_dateline``): its date is
the publication date of a text given without one, so that "yesterday" and "on Tuesday" resolve; its city is the
place of last resort for an event whose own sentences and story name none. A press release may instead carry its
date on a line of its own at its head ("Jan. 25, 2013", "Release date: 25 January 2013").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

log = logging.getLogger(__name__)

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_UPPER = "A-ZÀ-ÖØ-Þ"  # capitals with their accents: "BOGOTÁ", "CÚCUTA"
_LOWER = "a-zß-öø-ÿ"
_CAPS_PLACE = rf"[{_UPPER}][{_UPPER}'’.\-]{{2,}}(?:[ ][{_UPPER}][{_UPPER}'’.\-]+){{0,3}}"
_TITLE_PLACE = rf"[{_UPPER}][{_LOWER}'’.\-]+(?:[ ][{_UPPER}][{_LOWER}'’.\-]+){{0,2}}"
_QUALIFIER_WORD = rf"[{_UPPER}][{_UPPER}{_LOWER}.'’\-]+"
_QUALIFIER = rf"(?:,[ ]{_QUALIFIER_WORD}(?:[ ]{_QUALIFIER_WORD}){{0,2}})?"  # ", Ukraine", ", Calif."
_YEARNUM = r"(?:19|20)\d{2}"
_WEEKDAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WEEKDAY = rf"(?:{_WEEKDAY_NAME},?[ ])?"  # "Friday, 17 September 2021"
_ORD = r"(?:st|nd|rd|th)?"  # "13th January 2020"
_MONTH_DAY = (
    rf"(?:{_MONTH}[ ]\d{{1,2}}{_ORD}(?:,?[ ]{_YEARNUM})?|\d{{1,2}}{_ORD}[ ]{_MONTH}(?:,?[ ]{_YEARNUM})?)"
)
# a day in figures, day first as most of the world writes it ("12/08/2021", "12.08.2021"; 2-digit years too)
_NUMERIC_DAY = r"\d{1,2}[./]\d{1,2}[./](?:(?:19|20)\d{2}|\d{2}(?!\d))"
_FULL_DAY = (
    rf"{_WEEKDAY}(?:{_MONTH}[ ]\d{{1,2}}{_ORD},?[ ]{_YEARNUM}|\d{{1,2}}{_ORD}[ ]{_MONTH},?[ ]{_YEARNUM}"
    rf"|{_NUMERIC_DAY})"
)
# the full date may stand in brackets between the dashes: "KABUL, Afghanistan – (June 3, 2018) –",
# "ABUJA – (12/08/2021) –"
# (or in square brackets: "ZAMBOANGA CITY [Feb. 14, 2022] —")
_LATE_FULL_DAY = rf"(?:{_FULL_DAY}|\({_FULL_DAY}\)|\[{_FULL_DAY}\])"
# ", Jan. 24, 2013", " (Jan. 25, 2013)", ", 15 May", " [Feb. 14, 2022]"
_DAY = rf"(?:,?[ ]{_WEEKDAY}{_MONTH_DAY}|[ ]*\({_MONTH_DAY}\)|[ ]*\[{_MONTH_DAY}\])?"
_OUTLET = r"\([A-Za-z][\w .&/\-]{0,30}\)"
_DASH = r"[ ]*(?:-{1,2}|–|—)(?:[ ]+|[ ]*(?=\n))"  # "WASHINGTON —" may end its line
_SLASHED = r"\.?[ ]*/[A-Za-z][A-Za-z\-]{1,20}/\.?[ ]+"  # Russian agencies: "MOSCOW, June 10. /TASS/. "
# after a full date, a release's dateline may also end with a colon or a full stop ("ISLAMABAD, 12 March 2021:",
# "KYIV, 3 March 2023. The ...")
_DATED_END = rf"(?:{_DASH}|[ ]*:(?:[ ]+|[ ]*(?=\n))|\.[ ]+(?=[{_UPPER}])|\.[ ]*(?=\n))"
# a full date given after the outlet or after a dash: "MOGADISHU, Somalia (AFRICOM) Feb. 3, 2019 —",
# "KABUL, Afghanistan – Feb. 14, 2017 –", "MAIDUGURI – 3 June 2022:"
_LATE_DAY = rf"(?:,?[ ]|[ ]*{_OUTLET}[ ]*|{_DASH})"
# the release's number in brackets after its date: "RAWALPINDI, January 26, 2022 (Press Release No
# PR-14/2022-ISPR) –"
_RELEASE_NUMBER = r"(?:[ ]*\([^()\n]{1,60}\))"
# the words of a release's title, which a title closed by its date opens with ("Evening Operational Update, Oct. 2,
# 2010", "Press Statement, 3 May 2021"): no city
_TITLE_WORDS = (
    r"[^,\n]*\b(?i:update|release|statement|report|bulletin|communiqu[eé]|news|briefing|summary|operational|"
    r"morning|evening|daily|weekly|press|note|notice)\b"
)
_NO_WORD = (
    r"(?!(?:On|In|At|By|From|Since|Until|Before|After|Between|During|As)\b)"  # "On Monday, 5 May 2014:"
)

# an all-capitals city needs only the dash ("KYIV -"); a city in ordinary case needs the agency's name too
# ("Kyiv (AFP) -"), or a full date with its year ("Kabul, 7 May 2019:"), so that no sentence that starts
# "Kyiv - ..." is taken for one
_DATELINE = re.compile(
    # (up to three qualifiers: "CAMP SIONGCO, Awang, Datu Odin Sinsuat, Maguindanao – (August 6, 2015) –")
    rf"^[ \t]*(?:(?:{_CAPS_PLACE}|{_NO_WORD}{_TITLE_PLACE}){_QUALIFIER}{_QUALIFIER}{_QUALIFIER}{_LATE_DAY}"
    rf"{_LATE_FULL_DAY}"
    rf"{_RELEASE_NUMBER}?{_DATED_END}"
    # a city, a comma and the full date alone on their line: "Addis Ababa, 5 May 2022", "Lahore, 14 July 2023
    # (Friday)" (not a title closed by a date: "Morning Operational Update March 3, 2011")
    rf"|(?!{_TITLE_WORDS})(?:{_CAPS_PLACE}|{_NO_WORD}{_TITLE_PLACE}){_QUALIFIER},[ ]{_LATE_FULL_DAY}"
    rf"{_RELEASE_NUMBER}?[ ]*(?=\n)"
    rf"|(?:{_CAPS_PLACE}{_QUALIFIER}{_DAY}(?:[ ]*{_OUTLET})?"
    rf"|{_TITLE_PLACE}{_QUALIFIER}{_DAY}[ ]*{_OUTLET}){_DASH}"
    rf"|{_CAPS_PLACE}{_DAY}{_SLASHED}"
    # a day without its year, then a colon: "RAWALPINDI, March 3:", "Srinagar, 19 Aug:"
    rf"|(?:{_CAPS_PLACE}|{_NO_WORD}(?!{_WEEKDAY_NAME}|{_MONTH}\b|Note\b){_TITLE_PLACE}),[ ]{_WEEKDAY}{_MONTH_DAY}[ ]*:"
    r"(?:[ ]+|[ ]*(?=\n)))",
    re.MULTILINE,
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the datelines that open the paragraphs of a text."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)]


def mask_datelines(text: str) -> str:
    """The text with each dateline replaced by as many spaces (offsets are kept)."""
    spans = dateline_spans(text)
    if not spans:
        return text
    out: list[str] = []
    last = 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(" " * (end - start))
        last = end
    out.append(text[last:])
    return "".join(out)


# --- what a dateline says ----------------------------------------------------------------------------------------

HEAD_CHARS = 1500
"""A document's dateline (or its date line) lies in its head: its headline, byline and first paragraph."""

_DATE_IN = re.compile(rf"{_MONTH_DAY}|{_NUMERIC_DAY}")
_PLACE_PART = re.compile(
    rf"^[ \t]*(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?:,[ ](?P<qualifier>[^,(]+?))?(?=[ ]*[,(\[\-–—/])"
)
# a press release's date on a line of its own: "Jan. 25, 2013", "Friday, 25 January 2013",
# "Release date: Jan. 25, 2013", "Posted: January 25, 2013 10:30 a.m.", "Dated: May 27, 2009", "13th January
# 2020"; or closing its title or its number's line: "ISAF Joint Command Operational Update, Sept. 24, 2011",
# "ISAF Joint Command Morning Operational Update March 3, 2011", "Release No. 23-071, April 17, 2023"
_DATE_LINE = re.compile(
    rf"^[ \t]*(?:(?:[^\n.!?:]{{1,100}}?,[ ]+)?(?:Release[ ]date|Released|Date|Dated|Posted|Published|Updated|Issued)"
    rf"(?:[ ]on)?[ ]*:?[ ]*"
    rf"|[^\n.!?:]{{1,100}}?,?[ ]+|(?:Press[ ])?Release[ ]No\.?[ ]*[\w./\-]+,[ ]+)?"
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ ])?"
    # (in brackets after a date in another calendar: "23 Hamal 1402 (12 April 2023)")
    r"\(?"
    rf"(?P<date>{_MONTH}[ ]\d{{1,2}}{_ORD},?[ ]{_YEARNUM}|\d{{1,2}}{_ORD}[ ]{_MONTH},?[ ]{_YEARNUM}"
    # ("Date: 09/11/2019", "Issued: 3.1.2016")
    rf"|{_NUMERIC_DAY})\)?"
    # (a time after it: "14 March 2016 | 17:55", "June 3, 2018, 10:40 a.m.")
    r"[ \t]*(?:[,\-–—|][ \t]*)?(?:\d{1,2}[:.]\d{2}[ \t]*(?:[ap]\.?m\.?|[A-Z]{2,4})?[ \t]*)?$",
    re.MULTILINE | re.IGNORECASE,
)
_FULL_DATE = re.compile(
    rf"\b{_MONTH}[ ]\d{{1,2}}{_ORD},?[ ]{_YEARNUM}\b|\b\d{{1,2}}{_ORD}[ ]{_MONTH},?[ ]{_YEARNUM}\b"
)
_RELEASE_YEAR = re.compile(
    r"\b(?:No|Number|Release|PR)\b\.?[^\n]{0,20}?[/-](?P<year>(?:19|20)\d{2})\b(?![/.\-]\d)", re.IGNORECASE
)
YEAR_WINDOW_DAYS = 31
"""A dateline without its year ("MOSCOW, May 15 (Reuters) -") takes the year of a full date the text gives for
the days just before it ("the talks that began on May 12, 2024"); else it stays without a date."""


@dataclass(frozen=True)
class Dateline:
    """What a document's head says of where and when it was filed."""

    place: str | None  # "Kabul", "Bagram Airfield": the city as a gazetteer knows it (not in capitals)
    qualifier: str | None  # "Afghanistan", "Calif.": the country or state after the city
    day: date | None  # the filing day, when the head gives it with its year (or the text lends the year)
    start: int = 0
    end: int = 0


def read_dateline(text: str) -> Dateline | None:
    """The place and day a document's head gives: its first dateline and, failing a dated one, a date line
    standing alone in the head. None when the head gives neither."""
    head = text[:HEAD_CHARS]
    found = list(_DATELINE.finditer(head))
    # (the first that gives a day: an issuer's name in capitals before a dash, "COMBINED JOINT TASK FORCE –
    # OPERATION INHERENT RESOLVE", reads like a dateline without one)
    m = next((d for d in found if _DATE_IN.search(d.group(0))), found[0] if found else None)
    place = qualifier = None
    day: date | None = None
    start = end = 0
    if m is not None:
        start, end = m.start(), m.end()
        line = head[start:end]
        parts = _PLACE_PART.match(line)
        if parts is not None:
            place = _ordinary_case(parts.group("place"))
            qualifier = (parts.group("qualifier") or "").strip() or None
            if qualifier and (
                _DATE_IN.match(qualifier) or qualifier[:1].isdigit()
            ):  # "MOSCOW, June 10. /TASS/.": a date, no qualifier
                qualifier = None
        said = _DATE_IN.search(line, parts.end("place") if parts is not None else 0)
        if said is not None:
            day = _day_of(said.group(0), text)
    if day is None:
        alone = _DATE_LINE.search(head)
        if alone is not None:
            day = _day_of(alone.group("date"), text)
    if place is None and day is None:
        return None
    return Dateline(place, qualifier, day, start, end)


def _ordinary_case(name: str) -> str:
    """'BAGRAM AIRFIELD' -> 'Bagram Airfield' (a city in ordinary case stays as it is)."""
    if not name.isupper():
        return name
    return " ".join(w[:1] + w[1:].lower() for w in name.split())


def _day_of(said: str, text: str) -> date | None:
    """The day a dateline's date names; without a year, the year a full date of the text lends it."""
    from .dates import find_dates

    if re.fullmatch(_NUMERIC_DAY, said):
        return _numeric_day(said)
    mentions = find_dates(said, None)
    if not mentions:
        return None
    span = mentions[0].span
    if span.start is not None and span.start == span.end:
        return span.start
    month_day = _month_day(said)
    if month_day is None:
        return None
    return _lent_year(*month_day, text)


def _numeric_day(said: str) -> date | None:
    """'12/08/2021' -> 12 August 2021: day first, unless the first number cannot be a month's day and the second
    can ('08/25/2021', the American order)."""
    first, second, year = (int(x) for x in re.split(r"[./]", said))
    if year < 100:
        year += 2000
    day, month = (second, first) if second > 12 >= first else (first, second)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(said: str) -> tuple[int, int] | None:
    from .dates.days import _MONTHS

    m = re.match(r"\s*([A-Za-z]+)\.?\s+(\d{1,2})\b|\s*(\d{1,2})\s+([A-Za-z]+)", said)
    if m is None:
        return None
    word, number = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    month = _MONTHS.get(word.lower())
    return (month, int(number)) if month else None


def _lent_year(month: int, day: int, text: str) -> date | None:
    """The (month, day) in the one year in which it falls within YEAR_WINDOW_DAYS after a full date of the text."""
    from .dates import find_dates

    found: set[date] = set()
    for m in _FULL_DATE.finditer(text):
        for mention in find_dates(m.group(0), None):
            told = mention.span.start
            if told is None:
                continue
            for year in (told.year, told.year + 1):
                try:
                    filed = date(year, month, day)
                except ValueError:
                    continue
                if 0 <= (filed - told).days <= YEAR_WINDOW_DAYS:
                    found.add(filed)
    if len(found) == 1:
        return found.pop()
    if found:
        log.debug("dateline %d/%d: the text's dates lend it several years; left without one", month, day)
        return None
    # the year of the release's number ("No PR-79/2023-ISPR", "Press Release No. 045/2022")
    numbered = _RELEASE_YEAR.search(text[:HEAD_CHARS])
    if numbered is not None:
        try:
            return date(int(numbered.group("year")), month, day)
        except ValueError:
            return None
    return None
