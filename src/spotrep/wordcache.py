"""Word-level caches for the hot per-token helpers of the trigger, attribution and factuality stages.

Reading a string attribute of a spaCy token (``lemma_``, ``lower_``) decodes it from the string store on every
access, and these stages ask for the same few thousand words hundreds of thousands of times. The caches here
are keyed on the integer string ids (``token.lemma``, ``token.lower``): a string id is a hash of the string
itself, the same in every document and vocabulary, so an entry can never go stale. (Never key a cache on a
Token or a Doc: they are rebuilt on every access and ``id()`` values are reused.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# a bound on each cache, so that a long-running process reading unusual text cannot grow it without limit
MAX_ENTRIES = 200_000

_LEMMA_LOWER: dict[int, str] = {}


def lemma_lower(token: Token) -> str:
    """``token.lemma_.lower()``, cached on the lemma's string id."""
    key = token.lemma
    value = _LEMMA_LOWER.get(key)
    if value is None:
        if len(_LEMMA_LOWER) >= MAX_ENTRIES:
            _LEMMA_LOWER.clear()
        value = _LEMMA_LOWER[key] = token.lemma_.lower()
    return value
