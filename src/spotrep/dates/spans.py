"""What the dates stage gives (``TimeSpan``, ``DateMention``, ``event_date``) and what a rule returns (``_Hit``):
language-neutral records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .days import (
    _precision_of,
)


@dataclass(frozen=True)
class TimeSpan:
    """An inclusive interval of days with ACLED's time precision (1 day, 2 week, 3 month or vaguer)."""

    start: date | None  # None when unresolved (relative expression, no publication date)
    end: date | None
    precision: int

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None


@dataclass(frozen=True)
class DateMention:
    """A time expression: ``text`` is ``source[start:end]``."""

    start: int
    end: int
    text: str
    span: TimeSpan
    kind: str  # explicit | range | relative | duration | season | year | month | decade | anaphoric | future
    past_background: bool


def event_date(span: TimeSpan) -> date | None:
    """The single best date for the record: the start of the span."""
    return span.start


# --------------------------------------------------------------------------------------------------
# Results of rules


@dataclass(frozen=True)
class _Hit:
    span: TimeSpan
    kind: str
    past_by_wording: bool = False  # background even without a publication date ("last year")
    relative: bool = True  # computed from the publication date (capped at it)


def _rel(
    pub: date | None,
    compute: Callable[[date], tuple[date, date]],
    precision: int,
    past_by_wording: bool = False,
) -> _Hit:
    """A span computed from the publication date (capped at it); unresolved without one; future after it."""
    if pub is None:
        return _Hit(TimeSpan(None, None, precision), "relative", past_by_wording=past_by_wording)
    start, end = compute(pub)
    if start > pub:
        return _Hit(TimeSpan(None, None, precision), "future")
    return _Hit(TimeSpan(start, min(end, pub), precision), "relative", past_by_wording=past_by_wording)


def _explicit(start: date, end: date, kind: str, precision: int | None = None) -> _Hit:
    if end < start:
        start, end = end, start
    return _Hit(
        TimeSpan(start, end, precision if precision is not None else _precision_of(start, end)),
        kind,
        relative=False,
    )


def _unresolved(kind: str, precision: int, past: bool = False) -> _Hit:
    return _Hit(TimeSpan(None, None, precision), kind, past_by_wording=past)
