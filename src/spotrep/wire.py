"""Wire-copy structure the sentence stages do not see: datelines.

A dateline ("KYIV, May 15 (Reuters) -", "ODESA, Ukraine (AP) —", "Kyiv (AFP) -", "MOSCOW, June 10. /TASS/.")
names where and when the report was filed, not where or when anything happened. Left in the text, its city
becomes the place of the lead's event (it is the first place of the sentence), its date the event's date, and its
words the subject of the lead's verb. ``mask_datelines`` blanks it with spaces of the same length before the
language analysis, so that every offset into the document still holds and the evidence starts with the lead's
own words.
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPS_PLACE = r"[A-Z][A-Z'’.\-]{2,}(?:[ ][A-Z][A-Z'’.\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’.\-]+(?:[ ][A-Z][a-z'’.\-]+){0,2}"
_QUALIFIER = r"(?:,[ ][A-Z][A-Za-z.'’\-]+(?:[ ][A-Z][A-Za-z.'’\-]+){0,2})?"  # ", Ukraine", ", Calif."
_DAY = rf"(?:,?[ ]{_MONTH}[ ]\d{{1,2}})?"
_OUTLET = r"\([A-Za-z][\w .&/\-]{0,30}\)"
_DASH = r"[ ]*(?:-{1,2}|–|—)[ ]+"
_SLASHED = r"\.?[ ]*/[A-Za-z][A-Za-z\-]{1,20}/\.?[ ]+"  # Russian agencies: "MOSCOW, June 10. /TASS/. "

# an all-capitals city needs only the dash ("KYIV -"); a city in ordinary case needs the agency's name too
# ("Kyiv (AFP) -"), so that no sentence that starts "Kyiv - ..." is taken for one
_DATELINE = re.compile(
    rf"^[ \t]*(?:(?:{_CAPS_PLACE}{_QUALIFIER}{_DAY}(?:[ ]*{_OUTLET})?"
    rf"|{_TITLE_PLACE}{_QUALIFIER}{_DAY}[ ]*{_OUTLET}){_DASH}|{_CAPS_PLACE}{_DAY}{_SLASHED})",
    re.MULTILINE,
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the datelines that open the paragraphs of a text."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)]


def mask_datelines(text: str) -> str:
    """The text with each dateline replaced by as many spaces (offsets are kept)."""
    spans = dateline_spans(text)
    if not spans:
        return text
    out: list[str] = []
    last = 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(" " * (end - start))
        last = end
    out.append(text[last:])
    return "".join(out)
