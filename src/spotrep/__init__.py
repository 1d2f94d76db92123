"""spotrep: structured conflict events, with their evidence, from war reporting.

    >>> import spotrep
    >>> events = spotrep.extract(text, published="2024-05-15", source="AFP")

The heavy parts (spaCy, the gazetteer) load lazily, on first use, never at import time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import SpotrepError
from .model import Actor, Claim, Event, Evidence, Location, Quantity

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Claim",
    "Event",
    "Evidence",
    "Location",
    "Quantity",
    "SpotrepError",
    "__version__",
    "extract",
    "extract_document",
]

if TYPE_CHECKING:
    from .pipeline import extract, extract_document


def __getattr__(name: str) -> Any:
    if name in ("extract", "extract_document"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'spotrep' has no attribute {name!r}")
