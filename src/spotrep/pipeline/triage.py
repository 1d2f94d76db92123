"""The cheap first pass: which lines of a text can carry an event, read without spaCy.

The English pipeline spends most of its time in spaCy's tagger, parser and entity recogniser, yet most sentences of
a real article report no event (background, quotes, politics, boilerplate). This pass reads the raw text with
lexicon lookups only and marks the lines (a line break always ends a sentence, see ``rulers``) that can tell one:

- a word that can be a trigger or start one: any lemma ``event_types.find_triggers`` keys on (verb and noun
  triggers, constructions, special kinds, crowd verbs), matched on the word or a regular inflection of it;
- a label line ("Looting:") and the line after it, which the label types;
- the headline and the lead (the first two lines with text), which the titles and the dateline read.

Every other line is blanked in the text spaCy analyses: its characters become spaces (offsets are kept, so evidence
spans are exact in the original text) and a single full stop stands for the sentence, so that the sentence order
the later stages read (the sentence before, the paragraph breaks) is unchanged. What the document-wide context
reads from the blanked lines (the nationalities and countries a text names, whose official voice it is written in)
comes from this pass's word list (``Triage.skipped_words``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache

log = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")
_PARTICLES = frozenset("into onto from with over down upon away back than".split())
_WHOLE = "whole"
PLACEHOLDER = "."
"""What a blanked line keeps, at its first character: a sentence of its own, that tells nothing."""


@dataclass
class Triage:
    """The text spaCy reads (same length as the original) and what the blanked lines say."""

    text: str
    lines: int = 0  # lines with text
    kept: int = 0  # of which analysed (whole or in part)
    sentences: int = 0  # sentences with text (as this pass cuts them: ``_SENTENCE_END``)
    sentences_kept: int = 0  # of which analysed
    skipped_words: list[str] = field(default_factory=list)  # the blanked lines' tokens, as written

    @property
    def sentence_share(self) -> float:
        """The share of the sentences with text that spaCy analyses."""
        return self.sentences_kept / self.sentences if self.sentences else 1.0

    @property
    def share(self) -> float:
        """The share of the lines with text that spaCy analyses."""
        return self.kept / self.lines if self.lines else 1.0


@cache
def trigger_lemmas() -> frozenset[str]:
    """Every lemma (and listed irregular form) a trigger can be read from."""
    from .. import codebook
    from ..event_types import trigger_words
    from ..lexicon import triggers as lx

    words: set[str] = set()
    words |= set(lx.VERB_TRIGGERS) | set(lx.NOUN_TRIGGERS) | set(lx.VERB_OBJECTS)
    words |= set(lx.FORMS) | set(lx.FORMS.values())
    words |= trigger_words()
    words |= set(lx.PROTEST_WORDS) | set(lx.PROTESTER_NOUNS) | set(lx.RIOT_WORDS) | set(lx.RIOT_VERBS)
    words |= set(lx.SEIZURE_VERBS) | set(codebook.DEBRIS_VERBS) | {"sit", "fire", "gunfire"}
    out: set[str] = set()
    for w in words:
        w = w.lower()
        out.add(w)
        # "sit-in", "break-up", "car_bomb": their content words (particles and short words would mark every line)
        out.update(
            p for p in w.replace("_", " ").replace("-", " ").split() if len(p) > 3 and p not in _PARTICLES
        )
    out.discard("")
    return frozenset(out)


@cache
def _irregular_forms() -> dict[str, frozenset[str]]:
    """Irregular inflections (form -> lemmas) from the spaCy lemmatizer's exception tables, when loaded."""
    try:
        from ..entities import get_nlp

        lookups = get_nlp().get_pipe("lemmatizer").lookups
        table = lookups.get_table("lemma_exc")
    except (KeyError, ValueError, ImportError) as exc:
        log.debug("no lemma exceptions for the triage (%s)", exc)
        return {}
    out: dict[str, set[str]] = {}
    for pos in ("verb", "noun"):
        for form, lemmas in (table.get(pos) or {}).items():
            out.setdefault(form.lower(), set()).update(lemma.lower() for lemma in lemmas)
    return {k: frozenset(v) for k, v in out.items()}


def _lemma_guesses(word: str) -> list[str]:
    """The word and the lemmas a regular English inflection of it could have."""
    w = word
    out = [w]
    for suffix in ("ing", "ed", "es", "s", "d", "er", "ers"):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)]
            out.append(stem)
            out.append(stem + "e")
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "shelled" -> "shell" also, "stabbed" -> "stab"
            if stem.endswith("i"):
                out.append(stem[:-1] + "y")  # "occupied" -> "occupy"
    return out


def can_trigger(word: str) -> bool:
    """Could this word (any case) be read as a trigger or start one?"""
    low = word.lower().replace("’", "'")
    lemmas = trigger_lemmas()
    if low in lemmas:
        return True
    parts = [p for p in re.split(r"[-']", low) if len(p) > 3]
    for part in (low, *parts):
        if any(g in lemmas for g in _lemma_guesses(part)):
            return True
        if _irregular_forms().get(part, frozenset()) & lemmas:
            return True
    return False


@cache
def _dying_words() -> re.Pattern[str]:
    """The words of a sentence that tells the dead and wounded of the event told before it (``scene``)."""
    from .scene import _DYING_WORDS

    return _DYING_WORDS


def _label_line(line: str) -> bool:
    from .common import _LABEL

    return bool(_LABEL.match(line))


def line_can_tell(line: str) -> bool:
    """Does a line hold a word that can make a trigger?"""
    return any(can_trigger(m.group()) for m in _WORD.finditer(line))


_SENTENCE_END = re.compile(r"(?<=[a-z0-9]{2}[.!?])[\"”’)]?( +)(?=[A-Z\"“])")
"""Where a sentence ends inside a line, read cheaply: a full stop (or ! ?) after a lower-case word or a number of
two characters or more, maybe a closing quote, spaces, then a capital or an opening quote. Abbreviations ("Lt.
Col.", "U.S.", "a.m.") end no sentence here, so a sentence is never cut inside."""


def _trailing_start(line: str) -> int | None:
    """Where the sentences of a kept line that follow its last sentence able to tell an event start (None when
    the line ends with such a sentence). Those sentences tell nothing to the event before them that a blanked
    line would not: their words still count for the document's voice and nationalities (``skipped_words``)."""
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(line)]
    if len(starts) < 2:
        return None
    body = line.rstrip("\r\n")
    for k in range(len(starts) - 1, -1, -1):
        piece = body[starts[k] : starts[k + 1] if k + 1 < len(starts) else len(body)]
        if line_can_tell(piece) or _dying_words().search(piece) or _speaks(piece):
            return starts[k + 1] if k + 1 < len(starts) else None
    return None


@cache
def _speech_lemmas() -> frozenset[str]:
    from ..lexicon.triggers import SPEECH_VERBS

    return frozenset(SPEECH_VERBS | {"according", "said", "told", "wrote"})


def _speaks(sentence: str) -> bool:
    """Does a sentence hold a speech verb? Its speaker can be the paragraph's (a closing "..., the governor
    said.") or the one a later "he said" stands for (``attribution.resolve_speaker``): such a sentence is kept."""
    lemmas = _speech_lemmas()
    return any(any(g in lemmas for g in _lemma_guesses(m.group().lower())) for m in _WORD.finditer(sentence))


def _sentence_count(line: str) -> int:
    return 1 + sum(1 for _ in _SENTENCE_END.finditer(line.rstrip()))


def _blank(piece: str) -> str:
    """A blanked stretch: its first character a full stop (a sentence of its own), the rest spaces; line breaks
    kept."""
    body = piece.rstrip("\r\n")
    ending = piece[len(body) :]
    lead = len(body) - len(body.lstrip())
    return " " * lead + PLACEHOLDER + " " * (len(body) - lead - 1) + ending


def triage(text: str, analysed: str | None = None, *, head: bool = True, keep_all: bool = False) -> Triage:
    """The text to analyse for ``text``: ``analysed`` (the text as spaCy would read it, e.g. with its datelines
    masked; ``text`` by default) with the lines that can tell no event blanked. ``head``: the text starts a
    document (its first two lines are the headline and the lead)."""
    analysed = text if analysed is None else analysed
    lines = _LINE.findall(text)  # a line break ends a sentence (``rulers``); other separators do not
    keep: list[object] = []  # _WHOLE, True (its trailing sentences that can tell nothing blanked) or False
    with_text = 0
    for n, line in enumerate(lines):
        if not line.strip():
            keep.append(_WHOLE)
            continue
        with_text += 1
        context = (head and with_text <= 2) or _label_line(line) or (n > 0 and _label_line(lines[n - 1]))
        if keep_all or context:
            keep.append(_WHOLE)
        else:
            keep.append(line_can_tell(line) or bool(_dying_words().search(line)))
    out: list[str] = []
    result = Triage(text="", lines=with_text)
    pos = 0
    for line, kept in zip(lines, keep, strict=True):
        piece = analysed[pos : pos + len(line)]
        pos += len(line)
        sentences = _sentence_count(line) if line.strip() else 0
        result.sentences += sentences
        if kept is _WHOLE:
            out.append(piece)
            if line.strip():
                result.kept += 1
                result.sentences_kept += sentences
            continue
        if kept:
            cut = _trailing_start(line)
            if cut is not None:
                out.append(piece[:cut] + _blank(piece[cut:]))
                result.skipped_words.extend(_TOKEN.findall(line[cut:]))
                result.sentences_kept += _sentence_count(line[:cut])
            else:
                out.append(piece)
                result.sentences_kept += sentences
            result.kept += 1
            continue
        result.skipped_words.extend(_TOKEN.findall(line))
        out.append(_blank(piece))
    result.text = "".join(out)
    return result
