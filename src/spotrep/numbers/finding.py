"""Numbers in running text: where a figure stands and what qualifies it (at least, at most, about)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .words import (
    _NUM,
    _QUALIFIERS,
    _RE_SPACES,
    _Lazy,
    parse_number,
    vague_count,
)

_RE_NUM = _Lazy(
    rf"(?<![\w$€£₴₽¥#:/.,\u2010\u2011-])(?P<num>{_NUM})(?![\w%]|[.,]\d|:\d|/\d)(?P<plus>\+)?",
    re.I,
)
_QUAL_KEYS = {re.sub(r"\s+", " ", k): v for k, v in _QUALIFIERS.items()}


def _qualifier_of(words: str) -> str:
    return _QUAL_KEYS.get(_RE_SPACES.sub(" ", words.strip().lower()), "exact")


@dataclass(frozen=True)
class _Num:
    start: int
    end: int
    value: int
    qualifier: str  # from a vague amount or a trailing "+"; "exact" otherwise
    text: str


def _value(num_text: str) -> tuple[int, str] | None:
    """Value and qualifier of a number token found by _RE_NUM."""
    t = _RE_SPACES.sub(" ", num_text.strip())
    vague = vague_count(t)
    if vague is not None:
        return vague
    value = parse_number(t)
    if value is None:
        return None
    return (value, "exact")


def _scan_numbers(text: str) -> list[_Num]:
    """All numbers in the text, longest well-formed reading first (word sequences shrink until they parse)."""
    out: list[_Num] = []
    pos = 0
    while True:
        m = _RE_NUM.search(text, pos)
        if m is None:
            break
        num_text = m.group("num")
        start = m.start("num")
        parsed = _value(num_text)
        end = m.end("num")
        if parsed is None:
            # a run of number words that is not one number ("one two"): shorten from the right
            words = list(re.finditer(r"[A-Za-z]+", num_text))
            found = None
            for k in range(len(words) - 1, 0, -1):
                cand = num_text[: words[k - 1].end()]
                v = _value(cand)
                if v is not None:
                    found = (cand, v)
                    break
            if found is None:
                pos = m.end("num")
                continue
            num_text, parsed = found
            end = start + len(num_text)
        value, qual = parsed
        if m.group("plus") and end == m.end("num"):
            end += 1
            qual = "at_least"
        out.append(_Num(start, end, value, qual, text[start:end]))
        pos = end
    return out
