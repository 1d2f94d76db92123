"""Datelines: where and when a report was filed is blanked before the analysis (offsets kept), so that the
filing city is never an event's place nor its subject. Every line here was written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

import spotrep
from spotrep.documents import make_document
from spotrep.pipeline import dated_by_dateline
from spotrep.wire import dateline_spans, mask_datelines, read_dateline


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("KYIV, May 15 (Reuters) - Russia said its forces took a village.", "KYIV, May 15 (Reuters) - "),
        (
            "KHARKIV, Ukraine, May 22 (Reuters) - Russian forces struck.",
            "KHARKIV, Ukraine, May 22 (Reuters) - ",
        ),
        ("ODESA, Ukraine (AP) — A missile hit the port.", "ODESA, Ukraine (AP) — "),
        ("Kyiv (AFP) - Ukraine said on Sunday.", "Kyiv (AFP) - "),
        ("WASHINGTON, Sept. 3 (Reuters) -- The Pentagon said.", "WASHINGTON, Sept. 3 (Reuters) -- "),
        ("NEW YORK -- Police arrested two men.", "NEW YORK -- "),
        ("Headline\n\nZAPORIZHZHIA, Ukraine (AP) - Shelling hit a school.", "ZAPORIZHZHIA, Ukraine (AP) - "),
    ],
)
def test_a_dateline_opening_a_paragraph_is_found(text, dateline):
    (start, end), *_ = dateline_spans(text)
    assert text[start:end] == dateline


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv - the capital - was hit again overnight.",  # a city in ordinary case needs the agency's name
        "US - Russia talks ended without a deal.",  # two capitals are no city name
        "On 5 March 2022, Russian forces shelled Kharkiv.",
        "Russian missiles kill four in Kharkiv as Ukraine downs drones",
        "The town - KUPIANSK - was shelled (Reuters) - said the mayor.",  # not at the start of a paragraph
    ],
)
def test_ordinary_sentences_have_no_dateline(text):
    assert dateline_spans(text) == []


def test_masking_keeps_every_offset():
    text = "Title\n\nKYIV, May 15 (Reuters) - Russian drones hit Sumy."
    masked = mask_datelines(text)
    assert len(masked) == len(text)
    assert masked.index("Russian") == text.index("Russian")
    assert "KYIV" not in masked and "Reuters" not in masked


# --- what a dateline says: the publication date of a text given without one, and a place of last resort ---------


@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        # press releases of ISAF and the DoD: the date in brackets, or after a comma, with its year
        ("KABUL, Afghanistan (Jan. 25, 2013) — An Afghan and coalition force detained two suspects.", "Kabul",
         date(2013, 1, 25)),
        ("BAGRAM AIRFIELD, Afghanistan, Jan. 24, 2013 – Coalition forces detained a facilitator.",
         "Bagram Airfield", date(2013, 1, 24)),
        ("FORWARD OPERATING BASE SALERNO, Afghanistan (Sept. 3, 2012) — Soldiers found a cache.",
         "Forward Operating Base Salerno", date(2012, 9, 3)),
        ("KANDAHAR, Afghanistan (March 12) — Afghan forces cleared a village.", "Kandahar", None),
        # AP: the agency, no date
        ("KYIV, Ukraine (AP) — Russian drones struck the capital.", "Kyiv", None),
        # Reuters: month and day, no year
        ("MOSCOW, May 15 (Reuters) - Russia said its forces took a village.", "Moscow", None),
        ("LONDON, 15 May (Reuters) - Britain said it would send more shells.", "London", None),
        # AFP: the city in ordinary case with the agency; or in capitals with a full date
        ("Kabul (AFP) - A bomb exploded near a mosque.", "Kabul", None),
        ("KABUL, Jan 25, 2013 (AFP) - A bomb exploded near a mosque.", "Kabul", date(2013, 1, 25)),
        ("BAGHDAD, 25 January 2013 (AFP) - Gunmen attacked a checkpoint.", "Baghdad", date(2013, 1, 25)),
        # a US dateline: the city alone on its line, the date on the next
        ("WASHINGTON —\nJan. 25, 2013\nThe Pentagon said a drone strike killed a commander.", "Washington",
         date(2013, 1, 25)),
        # a release dated on a line of its own above its dateline
        ("Release date: 12 March 2014\n\nKABUL, Afghanistan — Afghan forces cleared a village.", "Kabul",
         date(2014, 3, 12)),
        # TASS
        ("MOSCOW, June 10. /TASS/. Russian air defences downed six drones.", "Moscow", None),
        # the date in brackets between the dashes, or in figures, day first unless it cannot be
        ("KABUL, Afghanistan – (May 4, 2016) – Afghan forces cleared two villages.", "Kabul", date(2016, 5, 4)),
        ("MAIDUGURI – (04/09/2020) – Troops repelled an attack on a base.", "Maiduguri", date(2020, 9, 4)),
        ("MAIDUGURI – 21.03.2022 – Troops repelled an attack on a base.", "Maiduguri", date(2022, 3, 21)),
        ("HOUSTON, 09/23/2019 – Police arrested two men.", "Houston", date(2019, 9, 23)),
        # the date in square brackets
        ("MARAWI CITY [March 3, 2021] — Troops clashed with militants.", "Marawi City", date(2021, 3, 3)),
        ("NAIROBI, Kenya [12 May 2020] – Police arrested four suspects.", "Nairobi", date(2020, 5, 12)),
        # the date closing the release's number or its title, or with an ordinal day, on a line of its own
        ("Release No. 19-044, Feb. 6, 2019\n\nTAMPA, Fla. — Coalition forces struck a depot.", "Tampa",
         date(2019, 2, 6)),
        ("Evening Operational Update, Oct. 2, 2010\n\nKABUL, Afghanistan – Afghan forces detained a man.",
         "Kabul", date(2010, 10, 2)),
        ("Troops rescue hostages\n\n22nd March 2021\n\nMAIDUGURI — Troops freed five hostages.", "Maiduguri",
         date(2021, 3, 22)),
        # the release's number in brackets after the date
        ("QUETTA, March 4, 2019 (Press Release No PR-88/2019-ISPR) – Troops cleared a hideout.", "Quetta",
         date(2019, 3, 4)),
        # a title closed by its date without a comma; a "Dated:" line under a release's number
        ("Morning Operational Update March 3, 2011\n\nKABUL, Afghanistan – Afghan forces detained a man.",
         "Kabul", date(2011, 3, 3)),
        ("PRESS RELEASE\nNo PR-101/2010\nDated: April 9, 2010\n\nRAWALPINDI – Troops cleared a ridge.",
         "Rawalpindi", date(2010, 4, 9)),
    ],
)  # fmt: skip
def test_a_dateline_gives_the_filing_place_and_the_day_when_it_has_a_year(text, place, day):
    dateline = read_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.day) == (place, day)


def test_a_dateline_without_a_year_borrows_it_from_a_full_date_of_the_days_before():
    text = "MOSCOW, May 15 (Reuters) - Talks that began on May 12, 2024 ended without a deal."
    assert read_dateline(text).day == date(2024, 5, 15)


def test_a_dateline_without_a_year_stays_undated_when_the_text_dates_nothing_near_it():
    text = "MOSCOW, May 15 (Reuters) - The treaty signed on March 3, 2014 was torn up yesterday."
    assert read_dateline(text).day is None


def test_a_text_without_a_dateline_says_nothing():
    assert read_dateline("Russian forces shelled Kharkiv on Monday, the governor said.") is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("KABUL, Afghanistan (Jan. 25, 2013) — Afghan forces killed two insurgents in Kandahar yesterday.",
         date(2013, 1, 24)),
        ("BAGRAM AIRFIELD, Afghanistan, Jan. 24, 2013 – Coalition aircraft struck insurgents in Kunar "
         "province on Tuesday.", date(2013, 1, 22)),
        ("BAGHDAD, 25 January 2013 (AFP) - Gunmen attacked a checkpoint in Mosul yesterday, killing three "
         "policemen.", date(2013, 1, 24)),
        ("WASHINGTON —\nJan. 25, 2013\nA US drone strike killed two militants in North Waziristan yesterday.",
         date(2013, 1, 24)),
    ],
)  # fmt: skip
def test_relative_dates_resolve_against_the_dateline_when_no_publication_date_is_given(text, day):
    events = spotrep.extract(text)
    assert events
    assert events[0].event_date == day


def test_a_given_publication_date_wins_over_the_dateline():
    text = "KABUL, Afghanistan (Jan. 25, 2013) — Afghan forces killed two insurgents in Kandahar yesterday."
    events = spotrep.extract(text, published="2013-02-10")
    assert events[0].event_date == date(2013, 2, 9)
    document = make_document(text, published="2013-02-10")
    assert dated_by_dateline(document) is document


def test_the_callers_document_keeps_no_publication_date():
    document = make_document("KABUL, Afghanistan (Jan. 25, 2013) — Afghan forces cleared a village.")
    read = dated_by_dateline(document)
    assert read.published == date(2013, 1, 25)
    assert document.published is None


def test_a_dateline_without_a_year_leaves_yesterday_unresolved():
    events = spotrep.extract(
        "MOSCOW, May 15 (Reuters) - Ukrainian drones struck a refinery in Ryazan yesterday."
    )
    assert events and events[0].event_date is None


def test_the_dateline_city_places_an_event_whose_text_names_no_place():
    events = spotrep.extract(
        "KABUL, Afghanistan (Jan. 25, 2013) — An Afghan and coalition security force detained two insurgents "
        "yesterday."
    )
    assert events
    assert events[0].location.name == "Kabul"
    assert events[0].geo_precision == 2


def test_the_dateline_city_never_replaces_the_events_own_place():
    events = spotrep.extract(
        "KABUL, Afghanistan (Jan. 25, 2013) — Afghan forces killed two insurgents in Kandahar yesterday."
    )
    assert events[0].location.name != "Kabul"
    assert events[0].location.country == "AF"


PRESS_RELEASE = """\
Afghan, coalition force detains Taliban leader in Kandahar

KABUL, Afghanistan (Feb. 14, 2013) — An Afghan and coalition security force detained a Taliban leader in \
Kandahar city yesterday.

The leader directed attacks against Afghan forces in the district, officials said.

On Tuesday, Afghan forces killed two insurgents during a clash in Kandahar city.
"""


def test_a_press_release_dated_only_by_its_dateline_gives_dated_events():
    events = spotrep.extract(PRESS_RELEASE)
    assert events
    lead = events[0]
    assert lead.sub_event_type == "Arrests"
    assert lead.event_date == date(2013, 2, 13)
    assert lead.location.country == "AF"
    assert lead.actor2 is not None and lead.actor2.name == "Taliban"
    clash = next(e for e in events if e.fatalities == 2)
    assert clash.sub_event_type == "Armed clash"
    assert clash.event_date == date(2013, 2, 12)
    assert clash.fatalities == 2
