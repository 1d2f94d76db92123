"""``GET /api/events`` (filters, pages, JSON or GeoJSON) and ``GET /api/events/{id}`` (evidence, sources)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ...errors import NotFoundError
from ...exports import export_items, geojson_feature
from ...store.models import MAX_INTEGER
from ..context import locate, paragraph_of
from ..deps import Filter, SettingsDep, StoreDep, cached, require_reader
from ..errors import ApiError
from ..jsonfast import dumps_json
from ..schemas import (
    ErrorOut,
    EventDetailOut,
    EventPage,
    EvidenceInContext,
    GeoJSONCollection,
    GridCellOut,
    GridOut,
    SourceOut,
)

router = APIRouter(prefix="/api", tags=["events"], dependencies=[Depends(require_reader)])

ERRORS = {400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 422: {"model": ErrorOut}}


@router.get(
    "/events",
    response_model=EventPage,
    responses={
        **ERRORS,
        200: {
            "description": "A page of events (`EventPage`), or a FeatureCollection with `format=geojson`",
            "content": {"application/geo+json": {"schema": GeoJSONCollection.model_json_schema()}},
        },
    },
)
def list_events(
    request: Request,
    flt: Filter,
    store: StoreDep,
    settings: SettingsDep,
    limit: Annotated[
        int | None, Query(ge=0, le=MAX_INTEGER, description="Events per page (default 100).")
    ] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_INTEGER, description="Skip this many events first.")] = 0,
    order: Annotated[
        Literal["asc", "desc"], Query(description="Ascending (oldest first) or descending.")
    ] = "asc",
    sort: Annotated[
        Literal["date", "type", "place", "fatalities", "sources"],
        Query(description="What to order by (ties by date, then by arrival)."),
    ] = "date",
    format: Annotated[
        Literal["json", "geojson"], Query(description="`json` (events) or `geojson`.")
    ] = "json",
) -> Response:
    """The stored events that match the filters (the CLI's `spotrep events` filters), a page at a time."""
    if limit is None:
        limit = settings.default_page
    if limit > settings.max_page:
        raise ApiError(
            422,
            "limit_too_large",
            f"limit is at most {settings.max_page}",
            limit=limit,
            max=settings.max_page,
        )

    def compute() -> Response:
        total = store.count(flt)
        rows = (
            store.query_rows(flt, limit=limit, offset=offset, descending=order == "desc", sort=sort)
            if limit
            else []
        )
        if format == "geojson":
            body = {
                "type": "FeatureCollection",
                "features": [geojson_feature(item) for item in export_items(rows)],
                "total": total,
                "limit": limit,
                "offset": offset,
            }
            return Response(dumps_json(body), media_type="application/geo+json")
        next_offset = offset + len(rows) if offset + len(rows) < total and rows else None
        page = EventPage(
            total=total,
            limit=limit,
            offset=offset,
            next_offset=next_offset,
            events=[row.event for row in rows],
        )
        return Response(page.model_dump_json(), media_type="application/json")

    return cached(request, compute)


@router.get("/events/grid", response_model=GridOut, responses=ERRORS)
def events_grid(
    request: Request,
    flt: Filter,
    store: StoreDep,
    cell: Annotated[float, Query(gt=0.0001, le=90, description="The cells' size in degrees.")] = 1.0,
    cells: Annotated[bool, Query(description="`false`: the totals and the bounds only (no cells).")] = True,
) -> Response:
    """The located events that match, counted by cells of `cell` degrees (the map's clusters at any number of
    events): each cell's count and mean point, and its event's id when it holds one."""

    def compute() -> Response:
        found = store.grid(flt, cell=cell) if cells else []
        total = store.count(flt)
        located = sum(c.count for c in found) if cells else store.count_located(flt)
        out = GridOut(
            cell=cell,
            total=total,
            located=located,
            bounds=store.bounds(flt) if flt.bbox is None else None,  # where to fit the map: without a view
            cells=[GridCellOut(lat=c.lat, lon=c.lon, count=c.count, event_id=c.event_id) for c in found],
        )
        return Response(out.model_dump_json(), media_type="application/json")

    return cached(request, compute)


@router.get(
    "/export",
    responses={
        **ERRORS,
        200: {
            "description": "Every matching event as ACLED-style CSV (`format=csv`) or GeoJSON (`format=geojson`)",
            "content": {"text/csv": {}, "application/geo+json": {}},
        },
    },
)
def export_events(
    flt: Filter,
    store: StoreDep,
    format: Annotated[
        Literal["csv", "geojson"], Query(description="`csv` (ACLED columns) or `geojson`.")
    ] = "csv",
) -> Response:
    """Every event that matches the filters (the page's "export this view"), written by the library's
    exporters (`spotrep export`): ACLED's columns as CSV, or a GeoJSON FeatureCollection."""
    import io

    from ...exports import write_export

    out = io.StringIO()
    write_export(store.iter_rows(flt), out, "acled-csv" if format == "csv" else format)
    media = "text/csv; charset=utf-8" if format == "csv" else "application/geo+json"
    name = "spotrep-events." + format
    return Response(
        out.getvalue(), media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.get(
    "/events/{event_id}", response_model=EventDetailOut, responses={**ERRORS, 404: {"model": ErrorOut}}
)
def get_event(
    store: StoreDep,
    event_id: Annotated[str, Path(max_length=200, description="The event's id (or a report's id).")],
) -> Response:
    """One event with every source's report: who says so and how firmly, the figures, and each evidence
    sentence in its paragraph."""
    detail = store.get(event_id)
    texts: dict[str, str | None] = {}
    titles: dict[str, str | None] = {}
    for document_id in {src.document_id for src in detail.sources}:
        try:
            record = store.document(document_id)
        except NotFoundError:
            texts[document_id] = titles[document_id] = None
            continue
        texts[document_id], titles[document_id] = record.text, record.title
    sources = []
    for src in detail.sources:
        evidence = []
        text = texts.get(src.document_id)
        for ev in src.evidence:
            item = EvidenceInContext(**ev.model_dump())
            where = locate(text, ev.text, ev.start, ev.end) if text else None
            if where is not None:
                ctx = paragraph_of(text, *where)  # type: ignore[arg-type]
                item.paragraph = ctx.paragraph
                item.paragraph_start = ctx.paragraph_start
                item.highlight_start = ctx.highlight_start
                item.highlight_end = ctx.highlight_end
            evidence.append(item)
        sources.append(
            SourceOut(
                document_id=src.document_id,
                report_event_id=src.report_event_id,
                source=src.source,
                url=src.url,
                title=titles.get(src.document_id),
                published=src.published,
                claim=src.claim,
                fatalities=src.fatalities,
                injuries=src.injuries,
                evidence=evidence,
            )
        )
    out = EventDetailOut(
        number=detail.number,
        event=detail.event,
        fatalities_low=detail.fatalities_low,
        fatalities_best=detail.fatalities_best,
        fatalities_high=detail.fatalities_high,
        claims=detail.claims,
        sources=sources,
        created_at=detail.created_at,
        updated_at=detail.updated_at,
    )
    return Response(out.model_dump_json(), media_type="application/json")
