"""What differs by language: detection (``detect``), and per language (``uk/``, ``ru/``) the lexicons and
rules of reports written in it. English is the pipeline's own language (``spotrep.pipeline``).

A language the lexicon reader (``spotrep.lang.extract``) reads is a folder here named by its ISO 639-1 code whose
``__init__`` defines a ``LEXICON``: adding a folder adds the language (to detection, to the languages accepted and
to the reader), with no edit elsewhere. Its places are read by the Cyrillic place finder (``lang.places``) when
pymorphy3 has its dictionary, else its events take the document's place.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lexicon import Lexicon


@functools.cache
def lexicon_languages() -> tuple[str, ...]:
    """The languages of the folders here (read without spaCy, by their lexicon), found once."""
    return tuple(
        sorted(
            m.name
            for m in pkgutil.iter_modules(__path__)
            if m.ispkg and len(m.name) == 2 and m.name.isalpha()
        )
    )


def supported() -> tuple[str, ...]:
    """Every language spotrep reads: English (the spaCy pipeline) and the lexicon languages."""
    return ("en", *lexicon_languages())


LEXICON_LANGUAGES: tuple[str, ...] = lexicon_languages()
SUPPORTED: tuple[str, ...] = supported()
"""As found on import (the choices of ``--lang``)."""


@functools.cache
def lexicon_of(code: str) -> Lexicon:
    """The lexicon of a language (``spotrep.lang.<code>.LEXICON``), imported on first use."""
    return importlib.import_module(f"{__name__}.{code}").LEXICON


def script_of(code: str) -> str:
    """The script a lexicon language is written in ("Cyrillic" or "Latin"), by the letters of its own words."""
    from .detect import is_cyrillic

    words = "".join(lexicon_of(code).months)
    return "Cyrillic" if any(is_cyrillic(c) for c in words) else "Latin"
