"""The event store: SQLite (WAL) by default, embedded; PostgreSQL (``postgresql+psycopg://...``) for several
writers or servers.

    >>> from spotrep.store import Store, EventFilter
    >>> with Store.open() as store:            # --db / $SPOTREP_DB / ~/.local/share/spotrep/spotrep.db
    ...     store.ingest(documents)            # extraction + deduplication; a batch is a transaction
    ...     store.query(EventFilter(types=["Air/drone strike"], admin1=["Kharkiv"]))

Names are imported lazily (SQLAlchemy loads on first use of the store, not when the CLI starts).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "Store": "core",
    "default_path": "engine",
    "resolve_url": "engine",
    "Extractor": "extract",
    "resolve_extractor": "extract",
    "DEFAULT_BATCH_SIZE": "models",
    "AddResult": "models",
    "DocumentRecord": "models",
    "EventDetail": "models",
    "EventFilter": "models",
    "FILTER_KEYS": "models",
    "parse_filter": "models",
    "EventRow": "models",
    "EventSource": "models",
    "IngestReport": "models",
    "BBox": "models",
    "GridCell": "models",
    "SORT_KEYS": "models",
    "Near": "models",
    "PlaceRecord": "models",
    "StoreStats": "models",
    "country_code": "models",
}

__all__ = [  # noqa: RUF022 (the order of _EXPORTS)
    "Store",
    "default_path",
    "resolve_url",
    "Extractor",
    "resolve_extractor",
    "DEFAULT_BATCH_SIZE",
    "AddResult",
    "DocumentRecord",
    "EventDetail",
    "EventFilter",
    "FILTER_KEYS",
    "parse_filter",
    "EventRow",
    "EventSource",
    "IngestReport",
    "BBox",
    "GridCell",
    "SORT_KEYS",
    "Near",
    "PlaceRecord",
    "StoreStats",
    "country_code",
]

if TYPE_CHECKING:
    from .core import Store
    from .engine import default_path, resolve_url
    from .extract import Extractor, resolve_extractor
    from .models import (
        DEFAULT_BATCH_SIZE,
        FILTER_KEYS,
        SORT_KEYS,
        AddResult,
        BBox,
        DocumentRecord,
        EventDetail,
        EventFilter,
        EventRow,
        EventSource,
        GridCell,
        IngestReport,
        Near,
        PlaceRecord,
        StoreStats,
        country_code,
        parse_filter,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'spotrep.store' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
