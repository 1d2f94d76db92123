"""The extraction queue, kept in the store: documents are stored at once and extracted later by workers.

``POST /api/documents`` puts a document in the queue (``JobQueue.enqueue``) and answers at once; extraction
workers (``spotrep work``, or the ones ``spotrep serve`` starts; see ``spotrep.store.worker``) take jobs in
the order they came (``claim``), extract their events and store them in the same transaction that marks the
job done (``finish``). The queue lives in the ``extraction_jobs`` table, so a restart loses nothing:

* a worker holds a job for a lease (proportional to the text's length); when the worker dies (kill -9, a
  machine lost), the lease runs out and another worker takes the job again;
* a job whose worker died ``MAX_ATTEMPTS`` times is marked failed (a text that kills its worker is not retried
  for ever); so is a job whose extraction raised, with the error;
* the same text is queued once: posting it again answers with the job (or the stored document) there is.

    >>> store.jobs.enqueue(document)  # doctest: +SKIP
    Job(document_id='sha1:...', status='queued', ...)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, or_, select, update

from ..documents import Document, content_id
from ..errors import InputError, NotFoundError
from ..model import Event
from . import schema as s

if TYPE_CHECKING:
    from .core import Store

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
STATUSES = (QUEUED, RUNNING, DONE, FAILED)
MAX_ATTEMPTS = 3
LEASE_BASE_SECONDS = 120.0
LEASE_SECONDS_PER_CHAR = 1 / 2000  # ~12 times the pipeline's slowest measured pace


def lease_seconds(n_chars: int) -> float:
    """How long a worker may hold a job of ``n_chars`` characters before it counts as lost."""
    return LEASE_BASE_SECONDS + n_chars * LEASE_SECONDS_PER_CHAR


@dataclass
class Job:
    """One queued document and what became of it."""

    pk: int
    document_id: str
    content_hash: str
    n_chars: int
    status: str
    attempts: int
    created_at: str
    worker: str | None = None
    started_at: str | None = None
    finished_at: str | None = None
    error: str | None = None
    events_new: int | None = None
    events_merged: int | None = None
    duplicate_of: str | None = None
    document: Document | None = None  # loaded when a worker claims the job, or on request

    @property
    def pending(self) -> bool:
        return self.status in (QUEUED, RUNNING)


@dataclass
class Enqueued:
    """What posting a document did: ``job`` is None when the text was already stored (``stored_as``)."""

    document_id: str
    added: bool  # a new job was queued for this text
    job: Job | None = None
    stored_as: str | None = None


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


_JOB_COLUMNS = [c for c in s.extraction_jobs.c if c.name not in ("document", "lease_until")]


def _job(row: Any, document: str | None = None) -> Job:
    fields = {c.name: row._mapping[c.name] for c in _JOB_COLUMNS}
    job = Job(**fields)
    if document is not None:
        job.document = Document.model_validate_json(document)
    return job


class JobQueue:
    """The extraction queue of one store (``store.jobs``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- posting ---------------------------------------------------------------------------------------------

    def enqueue(self, doc: Document) -> Enqueued:
        """Queue a document for extraction; nothing new when its text is already stored or queued (a failed job
        of the same text is queued again). Raises ``InputError`` when another text has this document's id."""
        j, d = s.extraction_jobs.c, s.documents.c
        digest = content_id(doc.text)
        with self.store._errors("queueing a document"), self.store._write() as conn:
            found = conn.execute(
                select(d.id, d.content_hash).where((d.content_hash == digest) | (d.id == doc.id))
            ).all()
            for doc_id, stored_hash in found:
                if stored_hash == digest:
                    return Enqueued(document_id=doc_id, added=False, stored_as=doc_id)
            if found:
                raise InputError(
                    f"{doc.id}: a different document with this id is already stored; give this one another id",
                    document_id=doc.id,
                )
            rows = conn.execute(
                select(*_JOB_COLUMNS).where((j.content_hash == digest) | (j.document_id == doc.id))
            ).all()
            for row in rows:
                job = _job(row)
                if job.content_hash != digest:
                    continue
                if job.status == FAILED:  # posted again: try again
                    conn.execute(
                        update(s.extraction_jobs)
                        .where(j.pk == job.pk)
                        .values(status=QUEUED, attempts=0, error=None, worker=None, finished_at=None)
                    )
                    job.status, job.attempts, job.error = QUEUED, 0, None
                    return Enqueued(document_id=job.document_id, added=True, job=job)
                return Enqueued(document_id=job.document_id, added=False, job=job)
            if rows:
                raise InputError(
                    f"{doc.id}: a different document with this id is already queued; give this one another id",
                    document_id=doc.id,
                )
            if "\x00" in doc.text:
                raise InputError(f"{doc.id}: the text contains NUL characters", document_id=doc.id)
            values = {
                "document_id": doc.id,
                "content_hash": digest,
                "document": doc.model_dump_json(),
                "n_chars": len(doc.text),
                "status": QUEUED,
                "attempts": 0,
                "created_at": _iso(_now()),
            }
            pk = conn.execute(s.extraction_jobs.insert().values(**values).returning(j.pk)).scalar_one()
        job = Job(pk=pk, **{k: v for k, v in values.items() if k != "document"})
        log.debug("queued %s (%d characters)", doc.id, len(doc.text))
        return Enqueued(document_id=doc.id, added=True, job=job)

    # --- reading ---------------------------------------------------------------------------------------------

    def get(self, document_id: str, *, with_document: bool = False) -> Job:
        """The job of a posted document (``NotFoundError`` when none was queued under this id)."""
        j = s.extraction_jobs.c
        with self.store._read() as conn:
            row = conn.execute(select(*_JOB_COLUMNS, j.document).where(j.document_id == document_id)).first()
        if row is None:
            raise NotFoundError(f"no queued document {document_id!r}", document_id=document_id)
        return _job(row, row.document if with_document else None)

    def find(self, document_id: str) -> Job | None:
        try:
            return self.get(document_id)
        except NotFoundError:
            return None

    def counts(self) -> dict[str, int]:
        """How many jobs are in each state."""
        j = s.extraction_jobs.c
        with self.store._read() as conn:
            found = dict(conn.execute(select(j.status, func.count()).group_by(j.status)).all())
        return {status: int(found.get(status, 0)) for status in STATUSES}

    def list(self, *, status: str | None = None, limit: int = 100) -> list[Job]:
        """The jobs (newest first), of one state if ``status`` is given."""
        j = s.extraction_jobs.c
        query = select(*_JOB_COLUMNS).order_by(j.pk.desc()).limit(limit)
        if status is not None:
            query = query.where(j.status == status)
        with self.store._read() as conn:
            return [_job(row) for row in conn.execute(query)]

    def claimable(self) -> bool:
        """Whether a worker would find a job now (a cheap read, before taking the write lock)."""
        j = s.extraction_jobs.c
        now = _iso(_now())
        with self.store._read() as conn:
            row = conn.execute(
                select(j.pk)
                .where(or_(j.status == QUEUED, and_(j.status == RUNNING, j.lease_until < now)))
                .limit(1)
            ).first()
        return row is not None

    # --- working ---------------------------------------------------------------------------------------------

    def claim(self, worker: str) -> Job | None:
        """Take the oldest queued job (or one whose worker's lease ran out) for ``worker``, with its
        document; None when there is none."""
        j = s.extraction_jobs.c
        with self.store._errors("taking a job"), self.store._write() as conn:
            while True:
                now = _now()
                row = conn.execute(
                    select(*_JOB_COLUMNS, j.document)
                    .where(or_(j.status == QUEUED, and_(j.status == RUNNING, j.lease_until < _iso(now))))
                    .order_by(j.pk)
                    .limit(1)
                ).first()
                if row is None:
                    return None
                job = _job(row, row.document)
                if job.status == RUNNING and job.attempts >= MAX_ATTEMPTS:
                    error = (
                        f"its worker stopped {job.attempts} times while extracting it (last: {job.worker})"
                    )
                    log.warning("job %s failed: %s", job.document_id, error)
                    conn.execute(
                        update(s.extraction_jobs)
                        .where(j.pk == job.pk)
                        .values(status=FAILED, error=error, finished_at=_iso(now), lease_until=None)
                    )
                    continue
                if job.status == RUNNING:
                    log.warning("job %s: worker %s lost its lease; taken again", job.document_id, job.worker)
                lease = now + timedelta(seconds=lease_seconds(job.n_chars))
                conn.execute(
                    update(s.extraction_jobs)
                    .where(j.pk == job.pk)
                    .values(
                        status=RUNNING,
                        attempts=job.attempts + 1,
                        worker=worker,
                        started_at=_iso(now),
                        lease_until=_iso(lease),
                    )
                )
                job.status, job.attempts, job.worker, job.started_at = (
                    RUNNING,
                    job.attempts + 1,
                    worker,
                    _iso(now),
                )
                return job

    def finish(self, job: Job, events: Sequence[Event]) -> Job:
        """Store the job's document and its events and mark the job done, in one transaction."""
        assert job.document is not None, "finish() needs the job as claim() returned it"
        j = s.extraction_jobs.c
        with self.store._errors("storing a job's events"), self.store._write() as conn:
            added = self.store._writer(conn).write_document(job.document, events, job.content_hash)
            values = {
                "status": DONE,
                "finished_at": _iso(_now()),
                "lease_until": None,
                "document": None,
                "error": None,
                "events_new": added.events_new,
                "events_merged": added.events_merged,
                "duplicate_of": None if added.added else added.duplicate_of,
            }
            conn.execute(update(s.extraction_jobs).where(j.pk == job.pk).values(**values))
        for key, value in values.items():
            if hasattr(job, key):
                setattr(job, key, value)
        return job

    def fail(self, job: Job, error: str) -> None:
        """Mark a job failed with ``error`` (its extraction or its storing raised)."""
        j = s.extraction_jobs.c
        with self.store._errors("marking a job failed"), self.store._write() as conn:
            conn.execute(
                update(s.extraction_jobs)
                .where(j.pk == job.pk)
                .values(status=FAILED, error=error[:2000], finished_at=_iso(_now()), lease_until=None)
            )
        job.status, job.error = FAILED, error

    def release(self, workers: Iterable[str]) -> int:
        """Put the jobs the given workers hold back in the queue (they were stopped, not failed); returns how
        many."""
        names = list(workers)
        if not names:
            return 0
        j = s.extraction_jobs.c
        with self.store._errors("releasing jobs"), self.store._write() as conn:
            result = conn.execute(
                update(s.extraction_jobs)
                .where(j.status == RUNNING, j.worker.in_(names))
                .values(status=QUEUED, worker=None, lease_until=None, attempts=func.max(j.attempts - 1, 0))
                if conn.dialect.name == "sqlite"
                else update(s.extraction_jobs)
                .where(j.status == RUNNING, j.worker.in_(names))
                .values(
                    status=QUEUED, worker=None, lease_until=None, attempts=func.greatest(j.attempts - 1, 0)
                )
            )
            return int(result.rowcount or 0)
