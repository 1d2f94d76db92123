"""Rulers for the vocabulary of war reporting, written to ``doc.spans[SPAN_KEY]``.

They do not overwrite spaCy's named entities. Labels:
- WEAPON: named weapon systems (ATACMS, Shahed, Kh-101, glide bombs...); the span id is the canonical name.
- INSTITUTION: bodies that speak for a state (defence ministry, General Staff, interior ministry...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon.weapons import WEAPON_SYSTEMS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPAN_KEY = "spotrep"

INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "defence ministry": (
        "defence ministry",
        "defense ministry",
        "ministry of defence",
        "ministry of defense",
        "defence minister",
        "defense minister",
        "mod",
    ),
    "general staff": ("general staff",),
    "interior ministry": (
        "interior ministry",
        "ministry of internal affairs",
        "ministry of the interior",
        "interior minister",
        "home ministry",
        "home office",
    ),
    "foreign ministry": (
        "foreign ministry",
        "ministry of foreign affairs",
        "foreign minister",
        "state department",
    ),
    "emergency service": (
        "emergency service",
        "emergency services",
        "state emergency service",
        "emergencies ministry",
    ),
    "air force": ("air force", "air forces"),
    "air defence": (
        "air defence",
        "air defense",
        "air defences",
        "air defenses",
        "aerial defence",
        "aerial defense",
        "air defence systems",
        "air defense systems",
        "aerial defense systems",
        "aerial defence systems",
        "air-defence",
        "air-defense",
        "anti-aircraft",
    ),
    "military administration": (
        "military administration",
        "regional military administration",
        "regional administration",
    ),
    "border guard": ("border guard", "border guards", "border service", "state border guard service"),
    "national guard": ("national guard",),
    "national police": ("national police",),
    "prosecutor general": ("prosecutor general", "prosecutor general's office", "prosecutor's office"),
}


def _patterns(nlp: Language) -> list[dict]:
    patterns: list[dict] = []
    for canonical, (_kind, forms) in WEAPON_SYSTEMS.items():
        for form in forms:
            patterns.append({"label": "WEAPON", "pattern": form, "id": canonical})
    for canonical, forms in INSTITUTIONS.items():
        for form in forms:
            patterns.append({"label": "INSTITUTION", "pattern": form, "id": canonical})
    return patterns


def _paragraph_breaks(doc):
    """A line break ends a sentence: headlines, headings and datelines are not run into the next sentence."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
        elif (
            token.text in (".", "!", "?")
            and token.whitespace_
            and token.i > 0
            and doc[token.i - 1].is_alpha
            and token.i + 2 < len(doc)
            and doc[token.i + 1].text[:1].isdigit()
            and doc[token.i + 1].like_num
            and doc[token.i + 2].is_alpha
        ):
            # "... shelled Orikhiv, Zaporizhzhia. 1 civilian was killed.": a sentence may open with its figure
            # (the parser runs the two together)
            doc[token.i + 1].is_sent_start = True
            doc[token.i + 2].is_sent_start = False
        elif token.text == "." and token.i > 0 and doc[token.i + 1].is_space and token.whitespace_:
            before = doc[token.i - 1]
            if before.whitespace_ and before.text in _SENTENCE_ENDS:
                # the stand-in of a sentence the triage blanked ("... war. .      "): a sentence of its own
                token.is_sent_start = True
    return doc


_SENTENCE_ENDS = frozenset('.!?"”’)')


def _trim_entities(doc: Doc) -> Doc:
    """Entities without the whitespace tokens at their edges: a headline's last word and the blank line and
    spaces after it (where a dateline was blanked) are tagged as one name ("Baghlan\n\n   ", an ORG), which no
    gazetteer knows; trimmed, the name is read as it is written. A name that runs into an opening bracket ends
    before it."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    if not any(
        doc[e.start].is_space or doc[e.end - 1].is_space or any(t.text in "()" for t in e) for e in ents
    ):
        return doc
    kept = []
    for e in ents:
        start, end = e.start, e.end
        # "Barani (Barani department)" tagged "Barani (Barani": a name does not run into a bracket
        opening = next((t.i for t in e if t.text == "(" and ")" not in e[t.i - e.start :].text), None)
        if opening is not None and opening > start:
            end = opening
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            kept.append(Span(doc, start, end, label=e.label_, kb_id=e.kb_id_))
    doc.set_ents(kept, default="outside")
    return doc


def add_rulers(nlp: Language) -> None:
    """Add spotrep's components to a loaded pipeline (idempotent): paragraph-aware sentence breaks before the
    parser, and the span ruler for military vocabulary at the end."""
    from spacy.language import Language as _Language

    if "spotrep_ruler" in nlp.pipe_names:
        return
    if "spotrep_paragraphs" not in _Language.factories:
        _Language.component("spotrep_paragraphs", func=_paragraph_breaks)
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("spotrep_paragraphs", before=before) if before else nlp.add_pipe(
        "spotrep_paragraphs", first=True
    )
    if "ner" in nlp.pipe_names:
        if "spotrep_trim_entities" not in _Language.factories:
            _Language.component("spotrep_trim_entities", func=_trim_entities)
        nlp.add_pipe("spotrep_trim_entities", after="ner")
    ruler = nlp.add_pipe(
        "span_ruler",
        name="spotrep_ruler",
        config={"spans_key": SPAN_KEY, "phrase_matcher_attr": "LOWER", "overwrite": False},
    )
    ruler.add_patterns(_patterns(nlp))
