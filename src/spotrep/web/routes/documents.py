"""``POST /api/documents`` (ingest one document: needs the token) and reading stored documents."""

from __future__ import annotations

import time
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ...documents import ensure_not_empty, make_document, require_supported_language
from ...errors import InputTooLargeError
from ...store import Store
from ...store.models import MAX_INTEGER
from ..deps import SettingsDep, StoreDep, require_reader, require_writer
from ..schemas import DocumentIn, DocumentIngested, DocumentLinks, DocumentOut, DocumentPage, ErrorOut

router = APIRouter(prefix="/api", tags=["documents"])

WRITE_ERRORS = {
    400: {"model": ErrorOut, "description": "Unusable text (empty, binary, not English) or a clashing id."},
    401: {"model": ErrorOut, "description": "No bearer token, or not the API token."},
    403: {"model": ErrorOut, "description": "Writes are disabled (the server has no API token)."},
    413: {"model": ErrorOut, "description": "The request or the text is larger than the limit."},
    422: {"model": ErrorOut},
}


MAX_WAIT_SECONDS = 30.0


def _links(document_id: str) -> DocumentLinks:
    base = f"/api/documents/{quote(document_id, safe=':')}"
    return DocumentLinks(document=base, events=f"{base}/events")


def _status_of(
    store: Store, document_id: str, *, added: bool, duplicate_of: str | None
) -> tuple[int, DocumentIngested]:
    """The document's extraction as the API reports it, with its HTTP status: 202 while it is queued or
    running, 200 when done (or failed: ``error`` says why)."""
    job = store.jobs.find(document_id)
    if job is None or job.status == "done":
        store.document(document_id)  # NotFoundError (404) when it is neither queued nor stored
        result = DocumentIngested(
            document_id=document_id,
            status="done",
            added=added,
            duplicate_of=duplicate_of or (job.duplicate_of if job else None),
            events_new=job.events_new if job else None,
            events_merged=job.events_merged if job else None,
            events=store.document_events(document_id),
            links=_links(document_id),
        )
        return 200, result
    result = DocumentIngested(
        document_id=document_id,
        status=job.status,  # type: ignore[arg-type]
        added=added,
        duplicate_of=duplicate_of,
        events=[],
        error=job.error,
        links=_links(document_id),
    )
    return (200 if job.status == "failed" else 202), result


def _respond(status: int, result: DocumentIngested) -> Response:
    headers = {"Location": result.links.events} if status == 202 else None
    return Response(
        result.model_dump_json(), status_code=status, media_type="application/json", headers=headers
    )


@router.post(
    "/documents",
    response_model=DocumentIngested,
    status_code=202,
    dependencies=[Depends(require_writer)],
    responses={
        **WRITE_ERRORS,
        200: {"model": DocumentIngested, "description": "Already stored (nothing added), or failed."},
        201: {"model": DocumentIngested, "description": "Stored and extracted within `wait` seconds."},
        202: {
            "model": DocumentIngested,
            "description": "Stored and queued: its events come at `links.events`.",
        },
    },
)
def ingest_document(
    request: Request,
    body: DocumentIn,
    store: StoreDep,
    settings: SettingsDep,
    wait: Annotated[
        float, Query(ge=0, le=MAX_WAIT_SECONDS, description="Wait up to this many seconds for the events.")
    ] = 0,
) -> Response:
    """Store one document and queue it for extraction; answers at once with 202 and the links to the
    document and to its events (202 until they are ready), or, with ``wait``, when its events are stored
    (201) if that takes at most ``wait`` seconds. The same text posted again is not added: 200 with the stored
    document's events (or 202 while the first copy is still queued)."""
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
    if existing is None:
        require_supported_language(doc, name="document")
    queued = store.jobs.enqueue(doc)
    duplicate_of = None if queued.added else queued.document_id
    status, result = _status_of(store, queued.document_id, added=queued.added, duplicate_of=duplicate_of)
    deadline = time.monotonic() + min(wait, settings.max_wait_seconds)
    pause = 0.02
    while status == 202 and time.monotonic() < deadline:
        time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
        pause = min(pause * 1.5, 0.25)
        status, result = _status_of(store, queued.document_id, added=queued.added, duplicate_of=duplicate_of)
    if status == 200 and result.status == "done" and queued.added:
        status = 201  # added by this request and extracted while it waited
        request.app.state.cache.clear()
    return _respond(status, result)


@router.get(
    "/documents/{document_id}/events",
    response_model=DocumentIngested,
    dependencies=[Depends(require_reader)],
    responses={
        202: {"model": DocumentIngested, "description": "Still queued or running: ask again later."},
        404: {"model": ErrorOut},
    },
)
def document_events(document_id: Annotated[str, Path(max_length=200)], store: StoreDep) -> Response:
    """The events of one document: 200 with them when its extraction is done (or with ``error`` when it
    failed), 202 while it is queued or running."""
    job = store.jobs.find(document_id)
    added = True if job is None else job.duplicate_of is None
    duplicate_of = None if job is None else job.duplicate_of
    return _respond(*_status_of(store, document_id, added=added, duplicate_of=duplicate_of))


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
    """One stored document with its text (or one still being extracted: ``status`` says so)."""
    job = store.jobs.find(document_id)
    if job is not None and job.status != "done":
        job = store.jobs.get(document_id, with_document=True)
        assert job.document is not None
        doc = job.document
        out = DocumentOut(
            id=doc.id,
            published=doc.published,
            source=doc.source,
            url=doc.url,
            title=doc.title,
            n_chars=len(doc.text),
            n_events=0,
            ingested_at=job.created_at,
            status=job.status,  # type: ignore[arg-type]
            text=doc.text,
        )
    else:
        out = DocumentOut(**vars(store.document(document_id)))
    return Response(out.model_dump_json(), media_type="application/json")
