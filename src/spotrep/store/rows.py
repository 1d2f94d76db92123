"""Reading stored events back: rows of the events table into Events, fast (thousands per query)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Select, String, select, type_coerce

from ..model import Actor, Claim, Event, Evidence, Location, Quantity
from . import schema as s

_set = object.__setattr__
_FIELDS = {cls: frozenset(cls.model_fields) for cls in (Actor, Location, Claim, Evidence, Quantity, Event)}


def _trusted(cls: type[Any], values: dict[str, Any]) -> Any:
    """A model instance from complete, already valid values: ``model_construct`` without its per-field
    default and alias handling (rows are read by the thousand)."""
    m = cls.__new__(cls)
    _set(m, "__dict__", values)
    _set(m, "__pydantic_fields_set__", set(_FIELDS[cls]))
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m


def stored_list(text: str) -> list[Any]:
    """A stored JSON list (fast paths for the common empty list and single plain string)."""
    if text == "[]":
        return []
    if text.startswith('["') and text.endswith('"]') and text.count('"') == 2 and "\\" not in text:
        return [text[2:-2]]
    return json.loads(text)


def evidence_of(text: str, start: int, end: int, document_id: str) -> Evidence:
    return _trusted(Evidence, {"text": text, "start": start, "end": end, "document_id": document_id})


_ROW_COLUMNS = tuple(
    """pk event_id document_id day event_date date_start date_end time_precision event_type sub_event_type
    categories actor1_name actor1_country actor1_kind actor2_name actor2_country actor2_kind place_key
    location_name country admin1 admin1_code admin1_key admin2 latitude longitude location_precision
    gazetteer_id geo_precision fatalities fatalities_low fatalities_high injuries quantities weapons
    claim_source claim_source_country claim_status notes source url source_count sources created_at
    updated_at lang""".split()
)
if tuple(c.name for c in s.events.columns) != _ROW_COLUMNS:  # pragma: no cover (a schema change)
    raise ImportError("event_from_row must unpack the columns of the events table in their order")

_DATE_COLUMNS = ("event_date", "date_start", "date_end")
EVENT_COLUMNS = [
    type_coerce(c, String).label(c.name) if c.name in _DATE_COLUMNS else c for c in s.events.columns
]  # dates read as text and parsed by _date (much faster than the generic date type processing)


def select_events() -> Select:
    return select(*EVENT_COLUMNS)


def _date(value: Any) -> date | None:
    if value is None or type(value) is date:
        return value
    return date.fromisoformat(value)


def event_from_row(row: Any, evidence: list[Evidence]) -> Event:
    """An Event from a stored row (validated when it was written; built here without validating it again).

    The row is unpacked by position (``_ROW_COLUMNS``): thousands of rows are read per query.
    """
    (
        _pk, event_id, document_id, _day, event_date, date_start, date_end, time_precision, event_type,
        sub_event_type, categories, actor1_name, actor1_country, actor1_kind, actor2_name, actor2_country,
        actor2_kind, _place_key, location_name, country, admin1, admin1_code, _admin1_key, admin2, latitude,
        longitude, location_precision, gazetteer_id, geo_precision, fatalities, _low, _high, injuries,
        quantities, weapons, claim_source, claim_source_country, claim_status, notes, source, url,
        source_count, _sources, _created, _updated, lang,
    ) = row  # fmt: skip
    a1 = (
        _trusted(Actor, {"name": actor1_name, "country": actor1_country, "kind": actor1_kind})
        if actor1_kind is not None
        else None
    )
    a2 = (
        _trusted(Actor, {"name": actor2_name, "country": actor2_country, "kind": actor2_kind})
        if actor2_kind is not None
        else None
    )
    location = _trusted(
        Location,
        {
            "name": location_name,
            "country": country,
            "admin1": admin1,
            "admin1_code": admin1_code,
            "admin2": admin2,
            "latitude": latitude,
            "longitude": longitude,
            "geo_precision": location_precision,
            "gazetteer_id": gazetteer_id,
        },
    )
    claim = _trusted(
        Claim, {"source": claim_source, "source_country": claim_source_country, "status": claim_status}
    )
    return _trusted(
        Event,
        {
            "event_id": event_id,
            "document_id": document_id,
            "event_date": _date(event_date),
            "date_start": _date(date_start),
            "date_end": _date(date_end),
            "time_precision": time_precision,
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "categories": stored_list(categories),
            "actor1": a1,
            "actor2": a2,
            "location": location,
            "geo_precision": geo_precision,
            "fatalities": fatalities,
            "injuries": injuries,
            "quantities": [_trusted(Quantity, q) for q in stored_list(quantities)],
            "weapons": stored_list(weapons),
            "claim": claim,
            "evidence": evidence,
            "notes": notes,
            "source": source,
            "url": url,
            "source_count": source_count,
            "lang": lang,
        },
    )
