"""A text is read by spaCy piece by piece (``pipeline.pieces``): a sentence after a line break or a masked
dateline is parsed from its first word, not after a token of white space. The pieces put back together are
the text itself: offsets, sentences and entities are those of the whole text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import spotrep
from spotrep.pipeline import pieces

from .conftest import requires_model


@given(st.text(alphabet=st.sampled_from(list("ab .\n\t  ")), max_size=80))
def test_the_pieces_put_end_to_end_are_the_text(text):
    cut = pieces(text)
    assert "".join(cut) == text
    assert all(p and not p[0].isspace() for p in cut[1:])  # each piece after the first opens with a word


def test_a_blank_line_and_a_long_run_of_blanks_end_a_piece():
    assert pieces("Headline\n\nBody one.\nBody two.") == ["Headline\n\n", "Body one.\n", "Body two."]
    assert pieces("x" + " " * 12 + "y") == ["x" + " " * 12, "y"]
    assert pieces("one  two") == ["one  two"]  # a double space is no break


@requires_model
def test_a_lead_after_a_headline_and_a_dateline_is_parsed_as_on_its_own():
    lead = (
        "A suicide bomber driving a car laden with explosives attacked a police convoy in Kandahar city this "
        "morning, killing four policemen."
    )
    alone = spotrep.extract(lead, published="2012-03-14")
    under = spotrep.extract(
        "Police Convoy Attacked in Kandahar\n\nKANDAHAR, Afghanistan (March 14, 2012) – " + lead,
        published="2012-03-14",
    )
    assert [(e.sub_event_type, e.fatalities) for e in under] == [
        (e.sub_event_type, e.fatalities) for e in alone
    ]
    assert under[0].sub_event_type == "Suicide bomb" and under[0].fatalities == 4
