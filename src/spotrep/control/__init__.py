"""Territorial control: a ledger per settlement of who holds it according to whom, since when, built from
events (captures, withdrawals, advances, fighting), and checked against imported control maps (DeepState).

* ``spotrep.control.ledger``: pure functions over ``Event`` records (``build_ledgers``, ``entry_from_event``,
  ``status_at``).
* ``spotrep.control.layers``: DeepState GeoJSON layers read with shapely (point in polygon, distance to the
  front) and the comparison of a claim with the map.
* ``spotrep.control.store``: the same over the event store, and the imported layers kept in it.

Names are imported lazily (shapely and SQLAlchemy load on first use).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "CONTROL_CATEGORIES": "ledger",
    "CONTESTED": "ledger",
    "UNKNOWN": "ledger",
    "ControlStatus": "ledger",
    "Ledger": "ledger",
    "LedgerEntry": "ledger",
    "PlaceRef": "ledger",
    "build_ledgers": "ledger",
    "entry_from_event": "ledger",
    "status_at": "ledger",
    "ControlLayer": "layers",
    "MapReading": "layers",
    "read_layer": "layers",
    "compare": "layers",
    "Comparison": "store",
    "ControlReport": "store",
    "LayerInfo": "store",
    "all_statuses": "store",
    "area_features": "store",
    "compare_with_layers": "store",
    "control_report": "store",
    "control_status": "store",
    "disagreements": "store",
    "find_place": "store",
    "import_layer": "store",
    "latest_claims_beside_map": "store",
    "layer_on": "store",
    "ledgers_from_store": "store",
    "list_layers": "store",
    "place_by_key": "store",
    "region_statuses": "store",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'spotrep.control' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
