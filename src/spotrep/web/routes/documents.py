"""``POST /api/documents`` (ingest one document: needs the token) and reading stored documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ...documents import ensure_not_empty, make_document, require_english
from ...errors import InputTooLargeError
from ...store.extract import load_extractor, resolve_extractor
from ...store.models import MAX_INTEGER
from ..deps import SettingsDep, StoreDep, require_reader, require_writer
from ..schemas import DocumentIn, DocumentIngested, DocumentOut, DocumentPage, ErrorOut

router = APIRouter(prefix="/api", tags=["documents"])

WRITE_ERRORS = {
    400: {"model": ErrorOut, "description": "Unusable text (empty, binary, not English) or a clashing id."},
    401: {"model": ErrorOut, "description": "No bearer token, or not the API token."},
    403: {"model": ErrorOut, "description": "Writes are disabled (the server has no API token)."},
    413: {"model": ErrorOut, "description": "The request or the text is larger than the limit."},
    422: {"model": ErrorOut},
}


@router.post(
    "/documents",
    response_model=DocumentIngested,
    status_code=201,
    dependencies=[Depends(require_writer)],
    responses={
        **WRITE_ERRORS,
        200: {"model": DocumentIngested, "description": "Already stored: nothing added."},
    },
)
def ingest_document(request: Request, body: DocumentIn, store: StoreDep, settings: SettingsDep) -> Response:
    """Extract the events of one document and store them (merged with events other documents reported).
    Returns the stored events the document reports; 201 when it was added, 200 when its text was already
    stored."""
    if len(body.text) > settings.max_document_chars:
        raise InputTooLargeError(
            f"the text has {len(body.text):,} characters; the limit is {settings.max_document_chars:,}",
            size=len(body.text),
            limit=settings.max_document_chars,
        )
    doc = make_document(
        body.text, id=body.id, published=body.published, source=body.source, url=body.url, name="document"
    )
    if body.title:
        doc.title = body.title
    ensure_not_empty(doc, name="document")
    existing = store.find_document(doc.text)
    if existing is not None:
        result = DocumentIngested(
            document_id=existing,
            added=False,
            duplicate_of=existing,
            events_new=0,
            events_merged=0,
            events=store.document_events(existing),
        )
        return Response(result.model_dump_json(), status_code=200, media_type="application/json")
    require_english(doc, name="document")
    extractor = settings.extractor
    if isinstance(extractor, str):
        extractor = load_extractor(extractor)
    extract = extractor or resolve_extractor()
    events = [ev for _doc, evs in extract([doc]) for ev in evs]
    added = store.add(doc, events)
    request.app.state.cache.clear()
    document_id = added.duplicate_of or added.document_id
    result = DocumentIngested(
        document_id=document_id,
        added=added.added,
        duplicate_of=added.duplicate_of,
        events_new=added.events_new,
        events_merged=added.events_merged,
        events=store.document_events(document_id),
    )
    return Response(
        result.model_dump_json(), status_code=201 if added.added else 200, media_type="application/json"
    )


@router.get("/documents", response_model=DocumentPage, dependencies=[Depends(require_reader)])
def list_documents(
    store: StoreDep,
    limit: Annotated[int, Query(ge=0, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_INTEGER)] = 0,
) -> Response:
    """The stored documents, in the order they were ingested (without their text)."""
    docs = [DocumentOut(**vars(d)) for d in store.documents(limit=limit, offset=offset)]
    page = DocumentPage(limit=limit, offset=offset, documents=docs)
    return Response(page.model_dump_json(), media_type="application/json")


@router.get(
    "/documents/{document_id}",
    response_model=DocumentOut,
    dependencies=[Depends(require_reader)],
    responses={404: {"model": ErrorOut}},
)
def get_document(document_id: Annotated[str, Path(max_length=200)], store: StoreDep) -> Response:
    """One stored document with its text."""
    out = DocumentOut(**vars(store.document(document_id)))
    return Response(out.model_dump_json(), media_type="application/json")
