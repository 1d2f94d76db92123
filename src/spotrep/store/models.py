"""The store's typed inputs and outputs: filter, ingest report, event details, documents, places, stats."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import InputError
from ..model import Claim, Event, Evidence, Location
from ..taxonomy import CATEGORIES, EVENT_TYPES, SUB_EVENT_TYPES

DEFAULT_BATCH_SIZE = 32
"""Documents per transaction when ingesting."""

MAX_INTEGER = 2**63 - 1
"""The largest integer the databases hold or compare (SQLite's INTEGER, PostgreSQL's bigint): counts, limits
and offsets given to the store stay within it."""

CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
"""What search text cannot contain: control characters (SQLite's LIKE pattern would end at a NUL)."""

_TYPE_NAMES = {name.casefold(): name for name in (*EVENT_TYPES, *SUB_EVENT_TYPES)}


class Near(BaseModel):
    """A circle: events within ``km`` kilometres of (``lat``, ``lon``)."""

    model_config = ConfigDict(frozen=True)

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    km: float = Field(gt=0, le=20_000)

    @classmethod
    def parse(cls, value: str, *, name: str = "--near") -> Near:
        """From ``"LAT,LON,KM"`` (e.g. ``"50.0,36.23,25"``); ``name`` is the option named in errors."""
        parts = [p.strip() for p in value.split(",")]
        if len(parts) != 3:
            raise InputError(
                f"{name} wants LAT,LON,KM (e.g. 50.0,36.23,25), got {value!r}", field=name, value=value
            )
        try:
            lat, lon, km = (float(p) for p in parts)
            return cls(lat=lat, lon=lon, km=km)
        except ValueError:
            raise InputError(
                f"{name} wants LAT,LON,KM with -90<=LAT<=90, -180<=LON<=180, KM>0, got {value!r}",
                field=name,
                value=value,
            ) from None


class BBox(BaseModel):
    """A box of longitudes and latitudes (a map's view): events with ``west <= lon <= east`` and
    ``south <= lat <= north``."""

    model_config = ConfigDict(frozen=True)

    west: float = Field(ge=-180, le=180)
    south: float = Field(ge=-90, le=90)
    east: float = Field(ge=-180, le=180)
    north: float = Field(ge=-90, le=90)

    @model_validator(mode="after")
    def _ordered(self) -> BBox:
        if self.east < self.west or self.north < self.south:
            raise InputError(
                "a box wants WEST,SOUTH,EAST,NORTH with WEST <= EAST and SOUTH <= NORTH", value=str(self)
            )
        return self

    @classmethod
    def parse(cls, value: str, *, name: str = "--bbox") -> BBox:
        """From ``"WEST,SOUTH,EAST,NORTH"`` in degrees (e.g. ``"35.5,49.5,37,50.5"``); longitudes and
        latitudes beyond the world are clamped to it (a map's view may reach past the antimeridian)."""
        parts = [p.strip() for p in value.split(",")]
        try:
            w, s, e, n = (float(p) for p in parts)
            if any(x != x for x in (w, s, e, n)):
                raise ValueError
        except ValueError:
            raise InputError(
                f"{name} wants WEST,SOUTH,EAST,NORTH in degrees (e.g. 35.5,49.5,37,50.5), got {value!r}",
                field=name,
                value=value,
            ) from None

        def lon(x: float) -> float:
            return min(180.0, max(-180.0, x))

        def lat(x: float) -> float:
            return min(90.0, max(-90.0, x))

        try:
            return cls(west=lon(w), south=lat(s), east=lon(e), north=lat(n))
        except InputError as exc:
            raise InputError(f"{name}: {exc}", field=name, value=value) from None


def _as_tuple(value: Any) -> tuple:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


class EventFilter(BaseModel):
    """What to select. Several values of one filter are alternatives (OR); different filters all apply (AND).

    * ``since``/``until``: the event's best single date (``event_date``, else ``date_start``), inclusive.
    * ``types``: ACLED event types or sub-event types (case-insensitive, spelled as ACLED spells them).
    * ``categories``: project categories. ``countries``: ISO alpha-2 or alpha-3 codes or country names.
    * ``admin1``: region names ("Kharkiv", "Kharkiv Oblast") or ISO 3166-2 codes ("UA-63").
    * ``near``: a circle. ``bbox``: a box of longitudes and latitudes (a map's view).
    * ``sources``: source names of any document reporting the event (case-insensitive).
    * ``text``: a case-insensitive substring of the notes, place, actors or evidence.
    * ``min_sources``: at least this many documents report the event.
    * ``languages``: ISO 639-1 codes (``en``, ``uk``, ``ru``) of the event's language (its canonical report's).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    since: date | None = None
    until: date | None = None
    types: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    near: Near | None = None
    bbox: BBox | None = None
    sources: tuple[str, ...] = ()
    text: str | None = None
    min_sources: int | None = Field(default=None, ge=1, le=MAX_INTEGER)
    languages: tuple[str, ...] = ()

    @field_validator("types", "categories", "countries", "admin1", "sources", "languages", mode="before")
    @classmethod
    def _tuple(cls, v: Any) -> tuple:
        return tuple(x.strip() for x in _as_tuple(v) if x and x.strip())

    @field_validator("text")
    @classmethod
    def _searchable(cls, v: str | None) -> str | None:
        found = CONTROL_CHARS.search(v) if v else None
        if found:  # SQLite's LIKE would stop at a NUL and match everything
            raise InputError(
                f"the search text cannot contain control characters (U+{ord(found.group()):04X})",
                field="text",
            )
        return v

    @field_validator("types")
    @classmethod
    def _known_types(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for name in v:
            known = _TYPE_NAMES.get(name.casefold())
            if known is None:
                raise InputError(
                    f"unknown event type {name!r}; use an ACLED event type ({', '.join(EVENT_TYPES)})"
                    " or sub-event type (e.g. 'Air/drone strike')",
                    value=name,
                )
            out.append(known)
        return tuple(dict.fromkeys(out))

    @field_validator("categories")
    @classmethod
    def _known_categories(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for name in v:
            key = name.casefold().replace(" ", "_").replace("-", "_")
            if key not in CATEGORIES:
                raise InputError(f"unknown category {name!r}; known: {', '.join(CATEGORIES)}", value=name)
            out.append(key)
        return tuple(dict.fromkeys(out))

    @field_validator("countries")
    @classmethod
    def _countries(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(country_code(c) for c in v))

    @field_validator("languages")
    @classmethod
    def _languages(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for code in v:
            if not (len(code) == 2 and code.isascii() and code.isalpha()):
                raise InputError(
                    f"unknown language {code!r}; give an ISO 639-1 code (en, uk, ru)", value=code
                )
            out.append(code.lower())
        return tuple(dict.fromkeys(out))

    @field_validator("text")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        return v if v and v.strip() else None

    @model_validator(mode="after")
    def _range(self) -> EventFilter:
        if self.since and self.until and self.until < self.since:
            raise InputError(f"--until {self.until} is before --since {self.since}")
        return self

    @property
    def event_types(self) -> tuple[str, ...]:
        return tuple(t for t in self.types if t in EVENT_TYPES)

    @property
    def sub_event_types(self) -> tuple[str, ...]:
        return tuple(t for t in self.types if t in SUB_EVENT_TYPES)


SORT_KEYS = ("date", "type", "place", "fatalities", "sources")
"""What ``Store.query_rows`` can order events by (ties by date, then by arrival)."""


@dataclass(frozen=True)
class GridCell:
    """A cell of ``Store.grid``: how many matching events it holds, their mean point, and the event's id when
    there is one."""

    lat: float
    lon: float
    count: int
    event_id: str | None = None


FILTER_KEYS = (
    "since",
    "until",
    "types",
    "categories",
    "countries",
    "admin1",
    "near",
    "bbox",
    "sources",
    "text",
    "min_sources",
    "languages",
)
"""The filters, as ``parse_filter`` takes them (the CLI's options and the HTTP API's query parameters)."""


def parse_filter(
    *,
    since: str | date | None = None,
    until: str | date | None = None,
    types: Any = (),
    categories: Any = (),
    countries: Any = (),
    admin1: Any = (),
    near: str | None = None,
    bbox: str | None = None,
    sources: Any = (),
    text: str | None = None,
    min_sources: int | None = None,
    languages: Any = (),
    names: dict[str, str] | None = None,
) -> EventFilter:
    """An EventFilter from the filters as a user types them: dates as ``YYYY-MM-DD``, ``near`` as
    ``"LAT,LON,KM"``, names and codes as strings. ``names`` maps a filter to the name errors use for it
    (``{"since": "--since"}`` for the CLI; the filter's own name by default)."""
    from ..documents import parse_date

    def label(key: str) -> str:
        return (names or {}).get(key, key)

    return EventFilter(
        since=parse_date(since, field=label("since")),
        until=parse_date(until, field=label("until")),
        types=types,
        categories=categories,
        countries=countries,
        admin1=admin1,
        near=Near.parse(near, name=label("near")) if near else None,
        bbox=BBox.parse(bbox, name=label("bbox")) if bbox else None,
        sources=sources,
        text=text,
        min_sources=min_sources,
        languages=languages,
    )


def country_code(value: str) -> str:
    """ISO 3166-1 alpha-2 code for a code (alpha-2 or alpha-3) or a country name; InputError if unknown."""
    code = _country_names().get(value.strip().casefold())
    if code is None:
        raise InputError(f"unknown country {value!r}; give an ISO code (UA, UKR) or a name", value=value)
    return code


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import pycountry

    from ..acled import ACLED_COUNTRY_NAMES

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(value.casefold(), country.alpha_2)
    for code, name in ACLED_COUNTRY_NAMES.items():
        names.setdefault(name.casefold(), code)
    return names


@dataclass
class IngestReport:
    """What an ingest did: documents read, added, skipped as already stored, failed; events new and merged."""

    documents_read: int = 0
    documents_added: int = 0
    duplicates: int = 0
    empty: int = 0
    failed: int = 0
    events_extracted: int = 0
    events_new: int = 0
    events_merged: int = 0
    batches: int = 0
    extract_seconds: float = 0.0
    store_seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def store_share(self) -> float | None:
        """Time in the store as a share of the ingest time (store + extraction)."""
        total = self.extract_seconds + self.store_seconds
        return self.store_seconds / total if total > 0 else None

    def merge_from(self, other: IngestReport) -> None:
        for name in (
            "documents_read", "documents_added", "duplicates", "empty", "failed", "events_extracted",
            "events_new", "events_merged", "batches", "extract_seconds", "store_seconds",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents_read": self.documents_read,
            "documents_added": self.documents_added,
            "duplicates": self.duplicates,
            "empty": self.empty,
            "failed": self.failed,
            "events_extracted": self.events_extracted,
            "events_new": self.events_new,
            "events_merged": self.events_merged,
            "batches": self.batches,
            "extract_seconds": round(self.extract_seconds, 4),
            "store_seconds": round(self.store_seconds, 4),
            "store_share": None if self.store_share is None else round(self.store_share, 4),
            "errors": list(self.errors),
        }


@dataclass(frozen=True)
class AddResult:
    """What adding one document did."""

    document_id: str
    added: bool  # False: its content was already stored
    events_new: int = 0
    events_merged: int = 0
    duplicate_of: str | None = None


@dataclass
class EventSource:
    """One document's report of a stored event: its own figures, claim and evidence."""

    document_id: str
    report_event_id: str
    source: str | None
    url: str | None
    published: date | None
    claim: Claim
    fatalities: int | None
    injuries: int | None
    evidence: list[Evidence]
    event: Event  # the document's own version of the event


@dataclass
class EventDetail:
    """A stored event with everything the store knows about it."""

    number: int  # the store's integer id of the event (ACLED exports number events with it)
    event: Event
    sources: list[EventSource]
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    claims: list[Claim]
    created_at: str
    updated_at: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "event": self.event.to_json_dict(),
            "fatalities_low": self.fatalities_low,
            "fatalities_best": self.fatalities_best,
            "fatalities_high": self.fatalities_high,
            "claims": [c.model_dump(mode="json") for c in self.claims],
            "sources": [
                {
                    "document_id": s.document_id,
                    "report_event_id": s.report_event_id,
                    "source": s.source,
                    "url": s.url,
                    "published": s.published.isoformat() if s.published else None,
                    "claim": s.claim.model_dump(mode="json"),
                    "fatalities": s.fatalities,
                    "injuries": s.injuries,
                    "evidence": [e.model_dump(mode="json") for e in s.evidence],
                }
                for s in self.sources
            ],
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass
class EventRow:
    """A stored event with the columns exports need besides the record (no per-report detail)."""

    number: int
    event: Event
    sources: list[str]
    fatalities_low: int | None
    fatalities_high: int | None
    updated_at: str


@dataclass
class DocumentRecord:
    id: str
    content_hash: str
    published: date | None
    source: str | None
    url: str | None
    title: str | None
    n_chars: int
    n_events: int
    ingested_at: str
    text: str | None = None


@dataclass
class PlaceRecord:
    key: str
    location: Location
    events: int


@dataclass
class StoreStats:
    """Counts: totals, and events by day, by type and by region."""

    documents: int
    events: int
    reports: int
    places: int
    multi_source_events: int
    first_date: date | None
    last_date: date | None
    by_day: list[tuple[date | None, int]]
    by_type: list[tuple[str, str, int]]
    by_region: list[tuple[str | None, str | None, int]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "events": self.events,
            "reports": self.reports,
            "places": self.places,
            "multi_source_events": self.multi_source_events,
            "first_date": self.first_date.isoformat() if self.first_date else None,
            "last_date": self.last_date.isoformat() if self.last_date else None,
            "by_day": [{"date": d.isoformat() if d else None, "events": n} for d, n in self.by_day],
            "by_type": [{"event_type": t, "sub_event_type": s, "events": n} for t, s, n in self.by_type],
            "by_region": [{"country": c, "admin1": a, "events": n} for c, a, n in self.by_region],
        }
