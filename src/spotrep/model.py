"""The event record: the one contract between pipeline stages, the store, the API and the exports.

Field names and meanings follow ``spec/EVENTS.md``; extra fields (``event_id``, ``source``, ``url``,
``source_count``, ``lang``...) are additions the spec allows.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .taxonomy import CATEGORIES, SUB_EVENT_TYPES

ActorKind = Literal["military", "police", "government", "civilians", "armed_group", "protesters", "other"]
Qualifier = Literal["exact", "at_least", "at_most", "approximately"]
ClaimStatus = Literal["reported", "claimed", "denied", "assessed", "confirmed"]
Precision = Literal[1, 2, 3]

CountryCode = str  # ISO 3166-1 alpha-2, upper case


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().upper()
    if len(value) != 2 or not value.isalpha():
        raise ValueError(f"country must be an ISO 3166-1 alpha-2 code, got {value!r}")
    return value


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Actor(_Record):
    name: str
    country: CountryCode | None = None
    kind: ActorKind = "other"

    @field_validator("country")
    @classmethod
    def _check_country(cls, v: str | None) -> str | None:
        return _country(v)


class Location(_Record):
    name: str | None = None
    country: CountryCode | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    admin2: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    geo_precision: Precision | None = None
    gazetteer_id: str | None = None

    @field_validator("country")
    @classmethod
    def _check_country(cls, v: str | None) -> str | None:
        return _country(v)


class Quantity(_Record):
    count: int = Field(ge=0)
    unit: str
    qualifier: Qualifier = "exact"


class Claim(_Record):
    source: str | None = None
    source_country: CountryCode | None = None
    status: ClaimStatus = "reported"

    @field_validator("source_country")
    @classmethod
    def _check_country(cls, v: str | None) -> str | None:
        return _country(v)


class Evidence(_Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    document_id: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError("evidence end must not be before start")
        return self


class Event(_Record):
    """One thing that happened (or is claimed to have happened) at one place on one day or period."""

    event_id: str = ""
    document_id: str
    event_date: date | None = None
    date_start: date | None = None
    date_end: date | None = None
    time_precision: Precision | None = None
    event_type: str
    sub_event_type: str
    categories: list[str] = Field(default_factory=list)
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location = Field(default_factory=Location)
    geo_precision: Precision | None = None
    fatalities: int | None = Field(default=None, ge=0)
    injuries: int | None = Field(default=None, ge=0)
    quantities: list[Quantity] = Field(default_factory=list)
    weapons: list[str] = Field(default_factory=list)
    claim: Claim = Field(default_factory=Claim)
    evidence: list[Evidence] = Field(default_factory=list)
    notes: str = ""
    source: str | None = None
    url: str | None = None
    source_count: int = Field(default=1, ge=1)
    # ISO 639-1 code of the language of the report the record was read from. An event merged from reports in
    # several languages has the language of its canonical report (the one whose ``document_id`` it carries,
    # and whose sentence comes first in ``evidence``). Records stored before languages existed read as "en".
    lang: str = Field(default="en", pattern=r"^[a-z]{2}$")

    @field_validator("sub_event_type")
    @classmethod
    def _known_sub_event_type(cls, v: str) -> str:
        if v not in SUB_EVENT_TYPES:
            raise ValueError(f"unknown ACLED sub-event type {v!r}")
        return v

    @field_validator("categories")
    @classmethod
    def _known_categories(cls, v: list[str]) -> list[str]:
        unknown = [c for c in v if c not in CATEGORIES]
        if unknown:
            raise ValueError(f"unknown categories {unknown}")
        return list(dict.fromkeys(v))

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if SUB_EVENT_TYPES[self.sub_event_type] != self.event_type:
            raise ValueError(
                f"sub-event type {self.sub_event_type!r} belongs to {SUB_EVENT_TYPES[self.sub_event_type]!r},"
                f" not {self.event_type!r}"
            )
        if self.date_start and self.date_end and self.date_end < self.date_start:
            raise ValueError("date_end is before date_start")
        if not self.event_id:
            self.event_id = self.compute_id()
        return self

    def compute_id(self) -> str:
        """A stable id from what identifies the event within its document."""
        key = "|".join(
            str(x)
            for x in (
                self.document_id,
                self.sub_event_type,
                self.location.gazetteer_id or self.location.name,
                self.date_start,
                self.actor1.country if self.actor1 else None,
                self.evidence[0].start if self.evidence else None,
            )
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_json_dict(self) -> dict:
        """The record as plain JSON-ready data (dates as ISO strings)."""
        return self.model_dump(mode="json")
