"""Rulers for military vocabulary: weapon systems, forces and institutions, written to ``doc.spans``.

They do not overwrite spaCy's named entities; they add spans under SPAN_KEY with labels
WEAPON, FORCE and INSTITUTION. Filled in by the pipeline work; kept here so the model loader has one hook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

SPAN_KEY = "spotrep"


def add_rulers(nlp: Language) -> None:
    if "spotrep_ruler" in nlp.pipe_names:
        return
    ruler = nlp.add_pipe("span_ruler", name="spotrep_ruler", config={"spans_key": SPAN_KEY, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns([])
