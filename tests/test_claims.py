"""The claim of the right speaker: an event is attributed to the speaker whose statement contains it (its
sentence; "X said." closing its paragraph or quote; "According to X" opening its paragraph), a pronoun or an
unqualified body names the speaker told before, and a speaker quoted in a later, unrelated paragraph never
replaces it. Every text here was written for these tests."""

from __future__ import annotations

import pytest

import spotrep

from .conftest import requires_model

pytestmark = requires_model

PUBLISHER = "Test Wire"


def claims_of(text: str) -> list[tuple[str | None, str | None, str | None]]:
    events = spotrep.extract(text, published="2024-05-15", source=PUBLISHER)
    return [(e.location.name, e.claim.source, e.claim.source_country) for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Russian drones hit a school in Sumy overnight. Two teachers were wounded, the regional "
            "administration said.",
            [("Sumy", "regional administration", "UA")],
            id="said_closing_the_paragraph",
        ),
        pytest.param(
            "According to the governor, Russian forces shelled Nikopol twice overnight. A drone also hit a power "
            "line in Marhanets.",
            [("Nikopol", "governor", "UA"), ("Marhanets", "governor", "UA")],
            id="according_to_opening_the_paragraph",
        ),
        pytest.param(
            "Governor Serhiy Lysak wrote on Telegram. Russian forces shelled Nikopol overnight. A drone hit a power "
            "line in Marhanets.",
            [("Nikopol", "Governor Serhiy Lysak", "UA"), ("Marhanets", "Governor Serhiy Lysak", "UA")],
            id="a_bare_speech_act_opening_the_paragraph",
        ),
        pytest.param(
            "The regional governor said on Tuesday: Russian forces shelled Nikopol overnight. A drone hit a power "
            "line in Marhanets.",
            [("Nikopol", "regional governor", "UA"), ("Marhanets", "regional governor", "UA")],
            id="a_speech_act_closed_by_a_colon_covers_its_paragraph",
        ),
        pytest.param(
            "Governor Serhiy Lysak said Russian forces shelled Nikopol overnight.\n\nA drone hit a power line in "
            "Marhanets.",
            [("Nikopol", "Governor Serhiy Lysak", "UA"), ("Marhanets", PUBLISHER, None)],
            id="a_speaker_does_not_carry_into_the_next_paragraph",
        ),
        pytest.param(
            '"Our units repelled three attacks near Vovchansk. The enemy lost two tanks," military spokesman '
            "Vitaliy Sarantsev told Reuters.",
            [("Vovchansk", "military spokesman Vitaliy Sarantsev", "UA")],
            id="speaker_closing_a_quote_block",
        ),
        pytest.param(
            "Russian missiles hit Kharkiv on Monday, killing two people, Governor Oleh Syniehubov said.\n\n"
            "Hundreds of people rallied in Kyiv on Sunday to demand the return of prisoners of war.\n\n"
            "Russia's defence ministry said its forces had struck military targets in Kharkiv with missiles on "
            "Monday.",
            [("Kharkiv", "Governor Oleh Syniehubov", "UA"), ("Kyiv", PUBLISHER, None)],
            id="a_later_paragraph_quoting_the_other_side_does_not_replace_the_speaker",
        ),
        pytest.param(
            "Russian missiles struck Kharkiv on Monday, killing two people.\n\n"
            "The city's mayor called for more air defence systems.\n\n"
            "In Moscow, the defence ministry said its forces had struck Kharkiv with Iskander missiles on Monday.",
            [("Kharkiv", PUBLISHER, None)],
            id="the_reporters_own_statement_stands_against_a_later_paragraph",
        ),
        pytest.param(
            "Governor Ivan Fedorov said Russian forces had shelled Huliaipole overnight.\n\n"
            '"A drone hit a car in Orikhiv, wounding the driver," he said.',
            [("Huliaipole", "Governor Ivan Fedorov", "UA"), ("Orikhiv", "Governor Ivan Fedorov", "UA")],
            id="a_pronoun_speaker_is_the_person_quoted_before",
        ),
        pytest.param(
            "Moscow said its forces had advanced near Vovchansk.\n\n"
            "The defence ministry said air defence units had destroyed 12 drones over the Belgorod region.",
            [("Vovchansk", "Moscow", "RU"), ("Belgorod Oblast", "defence ministry", "RU")],
            id="an_unqualified_ministry_speaks_for_the_state_quoted_before",
        ),
        pytest.param(
            "Russian strike kills three in Kharkiv, governor says\n\n"
            "A Russian missile hit Kharkiv on Monday, killing three people, regional governor Oleh Syniehubov said.",
            [("Kharkiv", "regional governor Oleh Syniehubov", "UA")],
            id="the_body_names_the_speaker_its_headline_summarises",
        ),
    ],
)
def test_each_event_takes_its_own_speakers_claim(text, expected):
    assert claims_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces shelled Kupiansk on Monday. Three civilians were reported killed.",
         [("Kupiansk", PUBLISHER, None)]),
        ("Russian forces shelled Kupiansk on Monday. Two soldiers were feared dead.", [("Kupiansk", PUBLISHER, None)]),
        ("Russian forces shelled Kupiansk on Monday. Two people were confirmed killed by the regional governor.",
         [("Kupiansk", "regional governor", None)]),
        # a full stop after a mixed-case abbreviation ends its sentence: the denial that follows is its own
        ("US forces struck a Taliban compound near Lashkar Gah on Monday, killing six fighters, according to the "
         "MoD. The Taliban denied any casualties.", [("Lashkar Gāh", "MoD", None)]),
    ],
)  # fmt: skip
def test_the_subject_of_a_passive_speech_verb_is_what_is_said_not_who_says_it(text, expected):
    """ "Three civilians were reported killed": the civilians are the dead, no speaker; a passive's speaker is
    its "by" phrase."""
    assert [(p, s) for p, s, _c in claims_of(text)] == [(p, s) for p, s, _c in expected]


def test_an_interior_ministry_is_not_the_defence_ministry_named_before():
    text = (
        "Russia's defence ministry said its forces had taken the village of Ocheretyne in Donetsk region.\n\n"
        "The interior ministry said three civilians had been killed in Kharkiv region over the past day."
    )
    events = spotrep.extract(text, published="2024-05-15", source=PUBLISHER)
    killed = next(e for e in events if e.fatalities == 3)
    assert killed.claim.source_country == "UA"


def test_of_two_subjects_of_a_speech_verb_the_speaker_is_the_one_next_to_it() -> None:
    """A parse that makes the reported clause's subject a second subject of "said" ("militants carried out
    attacks ..., a security source said") must not make the militants the speaker and their attack the
    speaker's name."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from spotrep.attribution import _subject

    words = ["militants", "carried", "out", "attacks", ",", "a", "source", "said"]
    heads = [7, 0, 1, 1, 7, 6, 7, 7]
    deps = ["nsubj", "acl", "prt", "dobj", "punct", "det", "nsubj", "ROOT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    speaker = _subject(doc[7])
    assert speaker is not None and speaker.text == "source"


def test_a_speaker_named_again_by_name_alone_is_what_the_text_called_him_before() -> None:
    # "Syniehubov said" after "Kharkiv regional governor Oleh Syniehubov said": a governor telling of shelling on
    # his own ground, so the other side fired
    events = spotrep.extract(
        "Kharkiv regional governor Oleh Syniehubov said the city had a quiet night.\n\n"
        "Syniehubov said shelling on Tuesday morning had wounded three men in Kupiansk.",
        published="2024-05-14",
    )
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and shelling[0].actor1 is not None and shelling[0].actor1.country == "RU"


@pytest.mark.parametrize(
    ("text", "side", "other"),
    [
        (
            "Air defence means shot down 4 ATACMS missiles and 37 unmanned aerial vehicles over the past day, the "
            "Russian Defence Ministry said.",
            "RU",
            "UA",
        ),
        ("Ukraine's air force said it had shot down 22 of the 25 drones launched overnight.", "UA", "RU"),
    ],
)
def test_a_side_reports_its_own_interceptions_over_its_own_territory(text, side, other) -> None:
    """No interceptor named: the side whose ministry or air force reports the shootdowns made them, and with no
    place said, over its own country."""
    (event,) = spotrep.extract(text, published="2024-07-15")
    assert event.sub_event_type == "Disrupted weapons use"
    assert (event.actor1.country, event.actor2.country) == (side, other)
    assert event.location.country == side and event.location.geo_precision == 3
