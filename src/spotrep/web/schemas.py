"""The API's request and response models. Events are ``spotrep.model.Event`` records, as everywhere else."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from ..model import Claim, Event, Location


class ErrorInfo(BaseModel):
    model_config = ConfigDict(extra="allow")

    code: str = Field(description="A stable machine-readable code, e.g. `not_found`, `invalid_token`.")
    message: str


class ErrorOut(BaseModel):
    error: ErrorInfo


class EventPage(BaseModel):
    """One page of the events that match: ``total`` of them, ``limit`` from ``offset``."""

    total: int
    limit: int
    offset: int
    next_offset: int | None = Field(description="The offset of the next page; null on the last page.")
    events: list[Event]


class GeoJSONCollection(BaseModel):
    """An RFC 7946 FeatureCollection (Point features, flat properties) with the paging members."""

    model_config = ConfigDict(extra="allow")

    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class EvidenceInContext(BaseModel):
    """An evidence span, with the paragraph of the document it is in (``paragraph`` is null when the
    document's text is not stored). ``highlight_start``/``highlight_end`` are offsets into ``paragraph``."""

    text: str
    start: int
    end: int
    document_id: str | None = None
    paragraph: str | None = None
    paragraph_start: int | None = None
    highlight_start: int | None = None
    highlight_end: int | None = None


class SourceOut(BaseModel):
    """One document's report of the event: who says so and how firmly (``claim``), figures, evidence."""

    document_id: str
    report_event_id: str
    source: str | None
    url: str | None
    title: str | None = None
    published: date | None
    claim: Claim
    fatalities: int | None
    injuries: int | None
    evidence: list[EvidenceInContext]


class EventDetailOut(BaseModel):
    number: int = Field(description="The store's integer id of the event.")
    event: Event
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    claims: list[Claim] = Field(description="Every distinct claim about the event, firmest first.")
    sources: list[SourceOut]
    created_at: str
    updated_at: str


def _date_text(value: Any) -> Any:
    """A date in JSON is a string: a number is refused (pydantic would read it as seconds since 1970)."""
    if value is not None and not isinstance(value, str | date):
        raise ValueError("a date is a string like 2024-05-15")
    return value


class DocumentIn(BaseModel):
    """A document to ingest (the batch format's fields)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    id: str | None = Field(default=None, max_length=200)
    published: Annotated[date | None, BeforeValidator(_date_text)] = None
    source: str | None = Field(default=None, max_length=300)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)


JobStatus = Literal["queued", "running", "done", "failed"]


class DocumentLinks(BaseModel):
    document: str = Field(description="The document (its text and metadata).")
    events: str = Field(description="Its events when they are ready (202 until then).")


class DocumentIngested(BaseModel):
    """A posted document and its extraction: ``queued`` or ``running`` (no events yet: poll
    ``links.events``), ``done`` (its stored events) or ``failed`` (``error`` says why)."""

    document_id: str
    status: JobStatus = Field(description="Where its extraction is.")
    added: bool = Field(description="False when the same text was already stored or queued (nothing added).")
    duplicate_of: str | None = None
    events_new: int | None = Field(None, description="Events no other document reported (when done).")
    events_merged: int | None = Field(None, description="Events merged with other documents' (when done).")
    events: list[Event] = Field(description="The stored events this document reports (empty until done).")
    error: str | None = Field(None, description="Why the extraction failed.")
    links: DocumentLinks


class DocumentOut(BaseModel):
    id: str
    published: date | None
    source: str | None
    url: str | None
    title: str | None
    n_chars: int
    n_events: int
    ingested_at: str
    status: JobStatus = Field("done", description="`queued`/`running` while its events are being extracted.")
    text: str | None = None


class DocumentPage(BaseModel):
    limit: int
    offset: int
    documents: list[DocumentOut]


class PlaceOut(BaseModel):
    key: str
    location: Location
    events: int


class DayCount(BaseModel):
    date: date | None
    events: int


class TypeCount(BaseModel):
    event_type: str
    sub_event_type: str
    events: int


class RegionCount(BaseModel):
    country: str | None
    admin1: str | None
    events: int


class SourceCount(BaseModel):
    source: str | None
    documents: int


class StatsOut(BaseModel):
    documents: int
    events: int
    reports: int
    places: int
    multi_source_events: int
    first_date: date | None
    last_date: date | None
    by_day: list[DayCount]
    by_type: list[TypeCount]
    by_region: list[RegionCount]


class EventTypeStyle(BaseModel):
    name: str
    colour: str
    shape: str = "circle"  # the marker's shape: circle, triangle, star, square, triangle-down, hexagon


class PageConfig(BaseModel):
    """Everything the page needs besides the data: tiles, colours, the choices its filters offer."""

    title: str
    tiles: str | None = Field(description="Tile URL template; null: no tiles (outlines only).")
    tiles_attribution: str | None
    private: bool = Field(description="Reads need the bearer token.")
    writes_enabled: bool
    max_page: int
    event_types: list[EventTypeStyle]
    regions: list[RegionCount]
    sources: list[SourceCount]
    first_date: date | None
    last_date: date | None
    events: int
    layers: list[str] = Field(description="The map layers' scripts the page loads (their registry).")
    feeds: bool = Field(
        default=False,
        description="The store has watched feeds: the page shows their health (`GET /api/feeds`).",
    )


class GridCellOut(BaseModel):
    lat: float
    lon: float
    count: int
    event_id: str | None = None


class GridOut(BaseModel):
    """The matching events counted by cells (``GET /api/events/grid``)."""

    cell: float
    total: int  # every matching event
    located: int  # those with a point (the sum of the cells' counts)
    bounds: tuple[float, float, float, float] | None = None  # west, south, east, north of the located ones
    cells: list[GridCellOut]


class LabelOut(BaseModel):
    """A settlement's name and point."""

    name: str
    lat: float
    lon: float
    population: int | None = None
    kind: str
    country: str | None = None


class LabelsOut(BaseModel):
    """Settlement names for a map without tiles (``GET /api/labels``), largest first."""

    zoom: int
    labels: list[LabelOut]
