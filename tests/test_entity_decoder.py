"""The entity recogniser's decoding with array operations (``entity_decoder``) gives spaCy's entities."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE

from spotrep.entities import get_nlp, one_blas_thread
from spotrep.entity_decoder import EntityDecoder, UnsupportedRecognizer

from .test_triage import ARTICLE

FOUNDING = (Path(__file__).resolve().parents[1] / "examples" / "kharkiv_report.txt").read_text(
    encoding="utf-8"
)

TEXTS = [
    ARTICLE,
    FOUNDING,
    "",
    " ",
    "\n\n",
    "Kyiv",
    "Barack Obama\n\nvisited New York City on Monday, 5 May 2024. Then Paris!",
    "The United Nations said 1,200 people fled Bakhmut.  \n  The World Health Organization \n agreed.",
    "KHARKIV, Ukraine (AP) — Russian forces shelled Kupiansk and Vovchansk, Oleh Synehubov said on Telegram.",
]


def _entities(doc):
    return doc.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID]).tolist()


def _analysed(texts):
    """The texts analysed up to the entity recogniser."""
    with one_blas_thread():
        return list(get_nlp().pipe(texts, disable=["ner", "spotrep_ruler"]))


def test_the_pipeline_decodes_entities_with_array_operations():
    ner = get_nlp().get_pipe("ner")
    assert isinstance(ner, EntityDecoder)
    assert get_nlp().pipe_names.index("ner") == get_nlp().pipe_names.index("lemmatizer") + 1


@pytest.mark.parametrize("batch_size", [1, 3, 16])
def test_the_decoder_finds_spacys_entities(batch_size):
    decoder = get_nlp().get_pipe("ner")
    docs = _analysed(TEXTS * 2)
    with one_blas_thread():
        theirs = list(decoder.ner.pipe([d.copy() for d in docs], batch_size=batch_size))
        ours = list(decoder.pipe([d.copy() for d in docs], batch_size=batch_size))
    assert [_entities(d) for d in ours] == [_entities(d) for d in theirs]
    assert any(len(d.ents) for d in ours)


def test_one_doc_at_a_time_too():
    decoder = get_nlp().get_pipe("ner")
    for doc in _analysed(TEXTS):
        with one_blas_thread():
            assert _entities(decoder(doc.copy())) == _entities(decoder.ner(doc.copy()))


def test_preset_entities_are_left_to_spacys_recogniser():
    from spacy.tokens import Span

    decoder = get_nlp().get_pipe("ner")
    (doc,) = _analysed([ARTICLE])
    doc.set_ents([Span(doc, 0, 1, label="ORG")], default="unmodified")  # "Russian" preset as an ORG
    with one_blas_thread():
        ours, theirs = decoder(doc.copy()), decoder.ner(doc.copy())
    assert ours.ents[0].label_ == "ORG" and _entities(ours) == _entities(theirs)


def test_an_unsupported_recogniser_is_refused():
    from types import SimpleNamespace

    beam = SimpleNamespace(cfg={"beam_width": 4}, model=get_nlp().get_pipe("ner").model)
    with pytest.raises(UnsupportedRecognizer):
        EntityDecoder(beam)
