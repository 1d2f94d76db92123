"""The cheap first pass (``pipeline.triage``): only the lines that can tell an event are analysed by spaCy, and the
events, their evidence and the document's context are those of the full analysis."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from spotrep.documents import make_document
from spotrep.pipeline import extract_documents
from spotrep.pipeline.triage import PLACEHOLDER, can_trigger, triage

ARTICLE = (
    "\n\n".join(
        [
            "Russian strikes kill three in Kharkiv as talks stall",
            "Russian missiles struck a residential district of Kharkiv on Sunday, killing three civilians "
            "and wounding 11 others, the regional governor said.",
            "The city had a population of about 1.4 million before the war.",
            '"We are tired, but we are not going anywhere," said Olena, a teacher who asked that her '
            "surname be withheld.",
            "Many residents spend their nights in basements and metro stations.",
            "Ukraine's air force said it had shot down 22 of 25 Shahed drones launched overnight over the "
            "Mykolaiv region.",
            "The International Monetary Fund approved the next tranche of its loan programme for Kyiv.",
            "Police in Zaporizhzhia region said a landmine explosion wounded two farmers working a field "
            "near Orikhiv. One of them died in hospital.",
            "Reuters could not independently verify the reports from the battlefield.",
        ]
    )
    + "\n"
)


def _events(text: str, *, parse_all: bool = False, timings: Counter | None = None):
    doc = make_document(text, id="article", published="2024-05-15", source="test")
    ((_, events),) = list(extract_documents([doc], parse_all=parse_all, timings=timings))
    return events


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)  # the texts here have no line separator but \n


def test_a_line_without_a_trigger_is_not_analysed():
    marked = triage(ARTICLE)
    kept = dict(zip(_lines(ARTICLE), _lines(marked.text), strict=True))
    quiet = "The city had a population of about 1.4 million before the war.\n"
    assert kept[quiet].strip() == PLACEHOLDER and len(kept[quiet]) == len(quiet)
    reuters = "Reuters could not independently verify the reports from the battlefield.\n"
    assert kept[reuters].strip() == PLACEHOLDER
    assert marked.kept < marked.lines
    assert "population" in marked.skipped_words and "Reuters" in marked.skipped_words


def test_lines_that_can_tell_an_event_are_analysed_as_written():
    marked = triage(ARTICLE)
    for original, analysed in zip(_lines(ARTICLE), _lines(marked.text), strict=True):
        if any(word in original for word in ("struck", "shot down", "landmine", "died in hospital")):
            assert analysed == original


def test_the_headline_the_lead_and_a_labelled_line_are_always_analysed():
    text = "Quiet day in the capital\n\nThe mayor opened a new library.\n\nLooting:\nShops were emptied.\n"
    marked = triage(text)
    assert marked.text.startswith("Quiet day in the capital\n\nThe mayor opened a new library.\n")
    assert marked.text.endswith("Looting:\nShops were emptied.\n")


def test_a_line_telling_the_dead_of_the_event_before_is_analysed():
    text = "Headline\n\nLead line.\n\nA drone hit a car in Kozinka.\n\nThe driver passed away at the scene.\n"
    assert triage(text).text == text


@pytest.mark.parametrize("word", ["shelled", "Shelling", "retook", "fought", "occupied", "strikes", "sit-in"])
def test_inflected_trigger_words_are_recognised(word):
    assert can_trigger(word)


@pytest.mark.parametrize("word", ["teacher", "basements", "population", "Reuters", "library"])
def test_ordinary_words_are_no_triggers(word):
    assert not can_trigger(word)


def test_the_analysed_text_keeps_every_offset():
    marked = triage(ARTICLE)
    assert len(marked.text) == len(ARTICLE)
    assert [i for i, c in enumerate(marked.text) if c == "\n"] == [
        i for i, c in enumerate(ARTICLE) if c == "\n"
    ]


def test_evidence_offsets_are_exact_in_the_original_text():
    timings: Counter = Counter()
    events = _events(ARTICLE, timings=timings)
    assert events
    assert timings["lines_parsed"] < timings["lines"]
    for event in events:
        for ev in event.evidence:
            assert ARTICLE[ev.start : ev.end] == ev.text


def test_the_same_events_as_the_full_analysis_on_a_written_article():
    def key(events):
        return [
            (
                e.sub_event_type,
                e.location.name,
                e.event_date,
                e.fatalities,
                e.injuries,
                e.claim.status,
                [(x.start, x.end) for x in e.evidence],
            )
            for e in events
        ]

    assert key(_events(ARTICLE)) == key(_events(ARTICLE, parse_all=True))


def test_the_founding_article_gives_the_same_events_as_the_full_analysis():
    text = (Path(__file__).resolve().parents[1] / "examples" / "kharkiv_report.txt").read_text(
        encoding="utf-8"
    )
    full = [e.model_dump() for e in _events(text, parse_all=True)]
    assert [e.model_dump() for e in _events(text)] == full


def test_nationalities_named_only_in_blanked_lines_still_count():
    from spotrep.entities import get_nlp
    from spotrep.pipeline.extractor import DocumentExtractor

    text = "Headline\n\nLead line.\n\nThe Ukrainian and Russian delegations met again. Ukrainian officials spoke.\n"
    marked = triage(text)
    assert "Ukrainian" in marked.skipped_words
    doc = make_document(text, id="n", published="2024-05-15")
    extractor = DocumentExtractor(doc, get_nlp()(marked.text), skipped=marked.skipped_words)
    extractor.run()
    assert extractor.context is not None and "UA" in extractor.context.belligerents


def test_the_table_attribute_ruler_gives_spacys_attributes():
    from spotrep.entities import get_nlp, reference_nlp

    text = (
        ARTICLE + "I'm gonna say it: there's nothin' we can't do, y'all. It gets done; he got it. Let's go.\n"
    )
    fast, ref = get_nlp()(text), reference_nlp()(text)
    attrs = [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in fast]
    assert attrs == [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in ref]
    assert "attribute_ruler" not in get_nlp().pipe_names


def test_numpys_blas_gives_the_analyses_of_thincs_blis():
    from spotrep.entities import get_nlp, one_blas_thread, reference_nlp

    with one_blas_thread():
        fast = get_nlp()(ARTICLE)
    ref = reference_nlp()(ARTICLE)  # the model as shipped: thinc's BLIS

    def analysis(doc):
        return [(t.tag_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_, t.is_sent_start) for t in doc]

    assert analysis(fast) == analysis(ref)
    ops = {type(node.ops).__name__ for node in get_nlp().get_pipe("ner").model.walk()}
    assert ops == {"NumpyOps"} and not get_nlp().get_pipe("ner").model.ops.use_blis


def test_a_long_document_is_triaged_section_by_section_with_exact_offsets():
    from spotrep.pipeline import _is_long

    text = ARTICLE * 30
    assert _is_long(text)
    timings: Counter = Counter()
    events = _events(text, timings=timings)
    assert events and timings["lines_parsed"] < timings["lines"]
    for event in events:
        for ev in event.evidence:
            assert text[ev.start : ev.end] == ev.text


# ------------------------------------------------------------------------------------------- sentence triage

_EVENT = "Russian forces shelled Kupiansk on Monday, killing two civilians, the regional governor said."


@pytest.mark.parametrize(
    "tail",
    [
        "The town had about 27,000 residents before the war.",
        "Electricity was restored in the evening.",
        "Grain exports from the port resumed last month.",
        "The city council met on Tuesday to discuss repairs to the heating network.",
        "Kyiv has asked its allies for more air defence systems.",
        "The mayor thanked volunteers for their help.",
    ],
)
def test_a_quiet_sentence_after_the_last_event_of_a_line_is_blanked(tail):
    line = f"{_EVENT} {tail}\n"
    marked = triage(f"Headline\n\nLead.\n\n{line}")
    analysed = marked.text.splitlines(keepends=True)[-1]
    assert len(analysed) == len(line)
    assert analysed.startswith(_EVENT + " " + PLACEHOLDER)
    assert analysed[len(_EVENT) + 2 :].strip() == ""
    assert marked.sentences_kept < marked.sentences
    assert tail.split()[1] in marked.skipped_words


@pytest.mark.parametrize(
    "tail",
    [
        "One of the wounded died in hospital.",  # the dead of the event before
        "Two more drones were shot down near Kharkiv.",  # a trigger
        "Russian troops later captured the village.",  # a trigger
        '"We are not leaving," said Olena, a teacher.',  # the paragraph's closing speaker
        "He told reporters the strike hit a school.",  # a speaker a later 'he said' stands for
        "According to the governor, rescuers are still at work.",  # a speaker
        "Police detained a man suspected of spotting for Russian artillery.",  # an arrest
        "Hundreds of people protested in the city centre.",  # a protest
        "The reports could not be independently verified.",  # 'reports' can be the verb 'report': kept
    ],
)
def test_a_sentence_that_can_tell_or_say_something_is_kept(tail):
    line = f"{_EVENT} {tail}\n"
    marked = triage(f"Headline\n\nLead.\n\n{line}")
    assert marked.text.endswith(line)


@pytest.mark.parametrize(
    "line",
    [
        # an abbreviation ends no sentence: the speaker is never cut off its sentence
        "Troops attacked the village, Lt. Col. Ivanov said in a statement.\n",
        "Explosions were heard in the U.S. Embassy district at 5 a.m. Ukrainian time.\n",
        # a quiet sentence before the event stays: it opens the paragraph
        "The town had about 27,000 residents. Russian forces shelled it on Monday.\n",
    ],
)
def test_sentences_before_or_inside_an_event_are_kept(line):
    marked = triage(f"Headline\n\nLead.\n\n{line}")
    assert marked.text.endswith(line)


def test_a_blanked_sentence_is_a_sentence_of_its_own_and_the_events_are_the_same():
    text = (
        "Russian strikes hit Kupiansk\n\nLead of the story about Kupiansk.\n\n"
        f"{_EVENT} The town had about 27,000 residents before the war. Electricity was restored later.\n\n"
        "Ukrainian forces repelled an assault near Synkivka on Tuesday, the General Staff said.\n"
    )
    full = _events(text, parse_all=True)
    timings: Counter = Counter()
    triaged = _events(text, timings=timings)
    assert timings["sentences_parsed"] < timings["sentences"]
    assert [e.model_dump() for e in triaged] == [e.model_dump() for e in full]
    assert all("residents" not in x.text for e in triaged for x in e.evidence)


def test_the_loaded_pipeline_is_kept_out_of_garbage_collections():
    import gc

    from spotrep.entities import get_nlp
    from spotrep.longlived import freeze_loaded

    get_nlp()
    before = gc.get_freeze_count()
    assert before > 0  # the pipeline's tables were frozen when it was loaded
    table = {str(i): [i] for i in range(1000)}  # a long-lived table just loaded
    freeze_loaded("a table")
    assert gc.get_freeze_count() >= before + len(table)
