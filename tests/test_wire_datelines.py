"""Datelines: where and when a report was filed is blanked before the analysis (offsets kept), so that the
filing city is never an event's place nor its subject. Every line here was written for these tests."""

from __future__ import annotations

import pytest

from spotrep.wire import dateline_spans, mask_datelines


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
