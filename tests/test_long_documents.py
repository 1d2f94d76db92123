"""Long documents: read in bounded sections (memory stays flat), with offsets and the document's context kept."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spotrep import pipeline
from spotrep.documents import Document
from spotrep.pipeline import _analyse, _is_long, _sections

TOKENISH = re.compile(r"\w+|[^\w\s]")

PARAGRAPH = (
    "Russian forces shelled the outskirts of the town overnight, the regional governor said on Telegram. "
    "Two houses and a school were damaged; nobody was hurt.\n\n"
)


def _tokens(text: str) -> int:
    return len(TOKENISH.findall(text))


def _check(text: str, pieces: list[tuple[int, str]]) -> None:
    assert "".join(p for _, p in pieces) == text
    for offset, piece in pieces:
        assert piece
        assert text[offset : offset + len(piece)] == piece


def test_a_news_article_is_one_section():
    text = PARAGRAPH * 20  # about 4,000 characters
    assert not _is_long(text)
    assert _sections(text) == [(0, text)]


def test_a_long_report_is_cut_at_paragraph_breaks_within_the_character_bound():
    text = PARAGRAPH * 2_000  # about 420,000 characters
    pieces = _sections(text)
    _check(text, pieces)
    assert len(pieces) > 1
    assert all(len(p) <= pipeline.CHUNK_CHARS for _, p in pieces)
    assert all(p.endswith("\n") for _, p in pieces[:-1])


def test_a_text_dense_in_tokens_is_cut_by_its_tokens():
    text = " ".join(["1", ",", "2", "-", "(", "x", ")"] * 20_000)  # a token every two characters
    assert _is_long(text)
    pieces = _sections(text)
    _check(text, pieces)
    assert all(_tokens(p) <= pipeline.CHUNK_TOKENS for _, p in pieces)
    assert all(len(p) <= pipeline.CHUNK_CHARS for _, p in pieces)


def test_a_text_without_breaks_or_spaces_is_cut_at_the_bound():
    text = "x" * (3 * pipeline.CHUNK_CHARS + 7)
    pieces = _sections(text)
    _check(text, pieces)
    assert [len(p) for _, p in pieces] == [pipeline.CHUNK_CHARS] * 3 + [7]


def test_a_section_without_paragraph_breaks_ends_at_a_sentence():
    sentence = "Fighting went on near the village through the night and into the morning. "
    text = sentence * 1_000
    pieces = _sections(text)
    _check(text, pieces)
    assert all(p.endswith(". ") for _, p in pieces[:-1])


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab ,.\n\t1?")), min_size=0, max_size=400),
    st.integers(min_value=8, max_value=60),
    st.integers(min_value=3, max_value=30),
)
def test_sections_put_end_to_end_are_the_text(text, chars, tokens):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "CHUNK_CHARS", chars)
        mp.setattr(pipeline, "CHUNK_TOKENS", tokens)
        pieces = _sections(text)
        if text:
            _check(text, pieces)
            assert all(len(p) <= chars for _, p in pieces)
            assert all(_tokens(p) <= tokens for _, p in pieces)


class _RecordingNlp:
    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def pipe(self, texts, batch_size):
        texts = list(texts)
        assert batch_size == len(texts)
        self.batches.append(texts)
        return iter(texts)


def test_texts_are_analysed_in_batches_bounded_by_characters():
    nlp = _RecordingNlp()
    texts = ["a" * 20_000, "b" * 20_000, "c" * 20_000, "d" * 100, "e" * 60_000, "f"]
    assert list(_analyse(nlp, texts)) == texts  # order kept
    assert [len(b) for b in nlp.batches] == [2, 2, 1, 1]
    for batch in nlp.batches:
        assert len(batch) == 1 or sum(map(len, batch)) <= pipeline.BATCH_CHARS


def test_short_texts_are_analysed_together():
    nlp = _RecordingNlp()
    texts = ["A report of a few hundred characters."] * 16
    list(_analyse(nlp, texts))
    assert len(nlp.batches) == 1


# --- whole documents (spaCy model) -----------------------------------------------------------------------

FILLER = (
    "The council met on Monday to discuss the budget for the coming year and the repair of the bridge. "
    "Members agreed to meet again next month.\n\n"
)


@pytest.mark.model
def test_evidence_of_a_later_section_points_into_the_whole_document(nlp):
    lead = (
        "Russian forces shelled Kupiansk in Ukraine's Kharkiv region on Tuesday, killing two civilians.\n\n"
    )
    later = "On Wednesday a drone hit a house in Balakliia, the regional governor said.\n\n"
    text = lead + FILLER * 300 + later + FILLER * 10
    assert _is_long(text)
    doc = Document(id="long", text=text, published=date(2024, 5, 15))
    events = pipeline.extract_document(doc)
    places = {e.location.name for e in events}
    assert {"Kupiansk", "Balakliia"} <= places
    for event in events:
        for ev in event.evidence:
            assert text[ev.start : ev.end] == ev.text


@pytest.mark.model
def test_a_section_naming_no_place_goes_on_with_the_story_of_the_sections_before(nlp):
    lead = (
        "Russian forces shelled Kupiansk in Ukraine's Kharkiv region on Tuesday, killing two civilians.\n\n"
    )
    later = "On Wednesday Russian troops shelled a school, killing a teacher, Ukraine's military said.\n\n"
    text = lead + FILLER * 300 + later
    doc = Document(id="long", text=text, published=date(2024, 5, 15))
    events = pipeline.extract_document(doc)
    school = [e for e in events if e.evidence[0].start > len(lead)]
    assert school, "the later section's shelling was not found"
    assert all(e.location.country == "UA" for e in school)
