"""The paragraph an evidence span is in, so that a reader sees the sentence where it was said."""

from __future__ import annotations

from dataclasses import dataclass

MAX_PARAGRAPH = 1500  # characters shown around a span when its "paragraph" is longer (text without breaks)


@dataclass(frozen=True)
class InContext:
    paragraph: str
    paragraph_start: int  # offset of the paragraph in the document
    highlight_start: int  # offsets of the span in the paragraph
    highlight_end: int


def locate(text: str, span: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``span`` is in ``text``: at ``start``..``end`` when it is there, else its nearest occurrence."""
    if 0 <= start <= end <= len(text) and text[start:end] == span:
        return start, end
    if not span:
        return None
    hits = []
    i = text.find(span)
    while i != -1 and len(hits) < 50:
        hits.append(i)
        i = text.find(span, i + 1)
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(span)


def paragraph_of(text: str, start: int, end: int, *, max_chars: int = MAX_PARAGRAPH) -> InContext:
    """The line (paragraph) of ``text`` holding ``start``..``end`` (several when the span crosses line
    breaks), trimmed of surrounding blanks, cut to about ``max_chars`` around the span when longer."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    if para_end == -1:
        para_end = len(text)
    while para_start < start and text[para_start].isspace():
        para_start += 1
    while para_end > end and text[para_end - 1].isspace():
        para_end -= 1
    if para_end - para_start > max_chars:
        room = max(0, (max_chars - (end - start)) // 2)
        lo, hi = max(para_start, start - room), min(para_end, end + room)
        # start and end at word boundaries when possible
        if lo > para_start:
            space = text.find(" ", lo, start)
            lo = space + 1 if space != -1 else lo
        if hi < para_end:
            space = text.rfind(" ", end, hi)
            hi = space if space != -1 else hi
        para_start, para_end = lo, hi
    return InContext(
        paragraph=text[para_start:para_end],
        paragraph_start=para_start,
        highlight_start=start - para_start,
        highlight_end=end - para_start,
    )
