"""Alerts: saved event filters that deliver each new matching event, once, to a webhook or a command.

    >>> add_alert(store, "kharkiv-drones", parse_filter(types=["Air/drone strike"], admin1=["Kharkiv"]),
    ...           webhook="https://example.org/hook")
    >>> deliver_alerts(store)          # what `spotrep alerts deliver` and `spotrep watch` run

**What is new.** Every events row created or changed is numbered in the store's change log
(``spotrep.store.changes``; the numbers only grow). An alert keeps a cursor: the last change it has looked at,
the latest one when it was added (it delivers events stored after it, not the store's past). An event is
delivered to an alert **once, the first time it matches the alert's filter when it is created or changed**:
a new event that matches is delivered as soon as it is stored; an event that matches only later is delivered
then, e.g. when a second source raises its ``source_count`` to the alert's ``--min-sources`` (its figures and
sources as they are at that moment), and never again when further sources report it. One event is one row of
the events table from its creation: a later report that ranks first takes over the event and changes its
``event_id`` (the record delivered has the id it has then); it stays the event already delivered.

**Delivery.** ``queue_deliveries`` writes one delivery row per (alert, new matching event), holding the event
record as it matched, **in the same transaction that moves the alert's cursor past it**: a crash or restart
loses none and queues none twice. ``deliver_alerts`` then sends each alert's due deliveries as one batch:
a webhook gets a JSON ``POST`` of ``{"alert": NAME, "events": [Event records, each with its event_id]}`` and
must answer 2xx (redirects are not followed); a command gets the same JSON on its standard input and must exit
0. A delivery is marked delivered only after that; otherwise it is retried, with a backoff doubling from
``RETRY_BASE`` to at most ``RETRY_MAX`` seconds, until it succeeds. A batch being sent is claimed for its
timeout plus ``LEASE_MARGIN`` seconds, so that two deliverers never send the same batch at once, and one that
died is taken over. The one case that repeats a batch: a crash between the target's 2xx (or exit 0) and the
commit that records it; receivers can drop repeats by ``event_id``.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import logging
import os
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import delete, func, insert, select, update

from .errors import InputError, NotFoundError, SpotrepError
from .store import EventFilter, Store
from .store import schema as s
from .store.changes import changes_of, log_head
from .store.models import CONTROL_CHARS

log = logging.getLogger(__name__)

TargetKind = Literal["webhook", "command"]
TARGET_KINDS: tuple[TargetKind, ...] = ("webhook", "command")
DEFAULT_TIMEOUT = 10.0
"""Seconds an attempt may take: the webhook's connection and each read, or the command's whole run."""
MAX_TIMEOUT = 3600.0
RETRY_BASE = 5.0
"""Seconds before the first retry of a failed delivery; doubled at each further failure ..."""
RETRY_MAX = 3600.0
"""... up to this."""
LEASE_MARGIN = 30.0
"""A batch being sent is claimed for its alert's timeout plus this."""
BATCH_SIZE = 100
"""Events per delivery (one alert's due events are sent in batches of at most this many)."""
MAX_NAME = 200
PENDING, FAILED, DELIVERED = "pending", "failed", "delivered"
STATUSES = (PENDING, FAILED, DELIVERED)
_DUE = (PENDING, FAILED)


class AlertExistsError(InputError):
    """An alert of this name exists already."""

    code = "alert_exists"


class DeliveryError(SpotrepError):
    """A target did not take a delivery (a webhook's non-2xx answer or unreachable host, a command's non-zero
    exit or timeout). Deliveries catch it and retry later; it reaches callers of ``send_webhook`` and
    ``run_command`` only."""

    code = "delivery_failed"


@dataclass(frozen=True)
class Alert:
    """A saved filter, its target, how far it has looked (``cursor``: a change number), and how many of its
    deliveries are in each state."""

    name: str
    filter: EventFilter
    target_kind: TargetKind
    target: str
    timeout: float
    created_at: str
    cursor: int
    pending: int = 0
    failed: int = 0
    delivered: int = 0
    last_error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "filter": self.filter.model_dump(mode="json", exclude_defaults=True),
            "target_kind": self.target_kind,
            "target": self.target,
            "timeout": self.timeout,
            "created_at": self.created_at,
            "cursor": self.cursor,
            "pending": self.pending,
            "failed": self.failed,
            "delivered": self.delivered,
            "last_error": self.last_error,
        }


@dataclass
class DeliveryReport:
    """What one ``deliver_alerts`` call did: deliveries queued (new matching events), events delivered, events
    whose attempt failed (to be retried), batches sent, and each failure's message."""

    queued: int = 0
    delivered: int = 0
    failed: int = 0
    batches: int = 0
    errors: list[str] = field(default_factory=list)


Sender = Callable[[str, str, bytes, float], None]
"""Sends a payload: ``(target_kind, target, body, timeout)``; raises DeliveryError when not taken."""


# --- managing alerts ------------------------------------------------------------------------------------------


def add_alert(
    store: Store,
    name: str,
    flt: EventFilter | None = None,
    *,
    webhook: str | None = None,
    command: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Alert:
    """Save an alert: the events stored from now on that match ``flt`` go to ``webhook`` (an http(s) URL) or
    ``command`` (a shell command line), exactly one of them."""
    name = _check_name(name)
    if (webhook is None) == (command is None):
        raise InputError("an alert needs exactly one target: a webhook URL or a command", field="target")
    if not 0 < timeout <= MAX_TIMEOUT:
        raise InputError(f"the timeout is in seconds, above 0 and at most {MAX_TIMEOUT:g}", timeout=timeout)
    kind: TargetKind = "webhook" if webhook is not None else "command"
    target = _check_webhook(webhook) if webhook is not None else _check_command(command or "")
    flt = flt or EventFilter()
    a = s.alerts.c
    with store.writing() as conn:
        if conn.execute(select(a.pk).where(a.name == name)).first() is not None:
            raise AlertExistsError(f"there is an alert named {name!r} already", name=name)
        created = s.utcnow()
        cursor = log_head(conn)
        conn.execute(
            insert(s.alerts).values(
                name=name,
                filter=flt.model_dump_json(exclude_defaults=True),
                target_kind=kind,
                target=target,
                timeout=float(timeout),
                created_at=created,
                cursor=cursor,
            )
        )
    log.info("alert %s added (%s %s), from change %d on", name, kind, target, cursor)
    return Alert(name, flt, kind, target, float(timeout), created, cursor)


def list_alerts(store: Store) -> list[Alert]:
    """The alerts, by name, with the counts of their deliveries by state and their latest error."""
    a, d = s.alerts.c, s.alert_deliveries.c
    with store.reading() as conn:
        rows = conn.execute(select(s.alerts).order_by(a.name)).all()
        counts: dict[int, dict[str, int]] = {}
        for alert_pk, status, n in conn.execute(
            select(d.alert_pk, d.status, func.count()).group_by(d.alert_pk, d.status)
        ):
            counts.setdefault(alert_pk, {})[status] = n
        errors = dict(
            conn.execute(
                select(d.alert_pk, d.last_error)
                .where(d.status == FAILED, d.last_error.is_not(None))
                .order_by(d.alert_pk, d.pk)
            ).all()
        )  # the last row of each alert wins: its latest failed delivery's error
    return [
        Alert(
            name=row.name,
            filter=EventFilter.model_validate_json(row.filter),
            target_kind=row.target_kind,
            target=row.target,
            timeout=row.timeout,
            created_at=row.created_at,
            cursor=row.cursor,
            pending=counts.get(row.pk, {}).get(PENDING, 0),
            failed=counts.get(row.pk, {}).get(FAILED, 0),
            delivered=counts.get(row.pk, {}).get(DELIVERED, 0),
            last_error=errors.get(row.pk),
        )
        for row in rows
    ]


def remove_alert(store: Store, name: str) -> None:
    """Delete an alert and its deliveries (those not delivered yet are dropped)."""
    a, d = s.alerts.c, s.alert_deliveries.c
    with store.writing() as conn:
        pk = conn.execute(select(a.pk).where(a.name == name)).scalar()
        if pk is None:
            raise NotFoundError(f"no alert named {name!r}", name=name)
        conn.execute(delete(s.alert_deliveries).where(d.alert_pk == pk))
        conn.execute(delete(s.alerts).where(a.pk == pk))
    log.info("alert %s removed", name)


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME or CONTROL_CHARS.search(name):
        raise InputError(
            f"an alert's name is 1 to {MAX_NAME} printable characters, got {name!r}", field="name", value=name
        )
    return name


def _check_webhook(url: str) -> str:
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"a webhook is an http:// or https:// URL, got {url!r}", field="webhook", value=url)
    return url.strip()


def _check_command(command: str) -> str:
    if not command.strip():
        raise InputError("the command is empty", field="command")
    if "\x00" in command:
        raise InputError("the command cannot contain a NUL character", field="command")
    return command


# --- queueing: new matching events into deliveries --------------------------------------------------------


def queue_deliveries(store: Store, *, page: int = 500) -> int:
    """Queue a delivery for each event that matches an alert since its cursor and was not delivered to it
    before, moving the cursors to the latest change, all in one transaction; returns how many were queued."""
    a, d = s.alerts.c, s.alert_deliveries.c
    queued = 0
    with store.writing() as conn:
        head = log_head(conn)
        behind = conn.execute(select(a.pk, a.name, a.filter, a.cursor).where(a.cursor < head)).all()
        for alert_pk, name, stored_filter, cursor in behind:
            flt = EventFilter.model_validate_json(stored_filter)
            after, now = cursor, s.utcnow()
            while after < head:
                found = changes_of(store, conn, flt, after=after, head=head, limit=page)
                pks = [change.row.number for change in found.events]
                known = (
                    set(
                        conn.execute(
                            select(d.event_pk, d.born).where(d.alert_pk == alert_pk, d.event_pk.in_(pks))
                        ).all()
                    )
                    if pks
                    else set()
                )
                rows = [
                    {
                        "alert_pk": alert_pk,
                        "event_pk": change.row.number,
                        "born": change.born,
                        "event_id": change.row.event.event_id,
                        "seq": change.seq,
                        "record": change.row.event.model_dump_json(),
                        "status": PENDING,
                        "attempts": 0,
                        "next_try": 0.0,
                        "created_at": now,
                    }
                    for change in found.events
                    if (change.row.number, change.born) not in known
                ]
                if rows:
                    conn.execute(insert(s.alert_deliveries), rows)
                    queued += len(rows)
                    log.info("alert %s: %d new event(s) to deliver", name, len(rows))
                after = found.cursor
            conn.execute(update(s.alerts).where(a.pk == alert_pk).values(cursor=head))
    return queued


# --- delivering -------------------------------------------------------------------------------------------


@dataclass
class _Batch:
    alert_pk: int
    alert: str
    kind: str
    target: str
    timeout: float
    deliveries: list[tuple[int, int]]  # (pk, attempts after this one)
    records: list[str]


def deliver_alerts(
    store: Store,
    *,
    batch_size: int = BATCH_SIZE,
    send: Sender | None = None,
    clock: Callable[[], float] = time.time,
) -> DeliveryReport:
    """Queue the deliveries of new matching events, then send every alert's due deliveries (a batch per alert
    at a time) until none is due; returns what it did. Cheap when there is nothing to do (two small reads, no
    write): ``spotrep watch`` calls it after every poll."""
    report = DeliveryReport()
    behind, due = _work(store, clock())
    if not behind and not due:
        return report
    if behind:
        report.queued = queue_deliveries(store)
    sender = send or send_payload
    failed: set[int] = set()  # alerts whose batch failed in this call: retried on a later call
    while (batch := _claim(store, clock(), batch_size, skip=failed)) is not None:
        if not _send(store, batch, sender, clock, report):
            failed.add(batch.alert_pk)
    return report


def _work(store: Store, now: float) -> tuple[bool, bool]:
    """(whether an alert's cursor is behind the change log, whether a delivery is due now)."""
    a, d = s.alerts.c, s.alert_deliveries.c
    with store.reading() as conn:
        lowest = conn.execute(select(func.min(a.cursor))).scalar()
        if lowest is None:
            return False, False  # no alerts
        behind = lowest < log_head(conn)
        due = conn.execute(select(d.pk).where(d.status.in_(_DUE), d.next_try <= now).limit(1)).first()
    return behind, due is not None


def _claim(store: Store, now: float, batch_size: int, *, skip: set[int]) -> _Batch | None:
    """The oldest due deliveries (at most ``batch_size``) of the first alert (by name, not in ``skip``) that
    has any, claimed: their next try moved past the time sending may take, so that no other deliverer sends
    them meanwhile."""
    a, d = s.alerts.c, s.alert_deliveries.c
    with store.writing() as conn:
        found = conn.execute(
            select(a.pk, a.name, a.target_kind, a.target, a.timeout)
            .where(
                a.pk.in_(select(d.alert_pk).where(d.status.in_(_DUE), d.next_try <= now)),
                a.pk.not_in(sorted(skip)),
            )
            .order_by(a.name)
            .limit(1)
        ).first()
        if found is None:
            return None
        alert_pk, name, kind, target, timeout = found
        rows = conn.execute(
            select(d.pk, d.attempts, d.record)
            .where(d.alert_pk == alert_pk, d.status.in_(_DUE), d.next_try <= now)
            .order_by(d.pk)
            .limit(batch_size)
        ).all()
        conn.execute(
            update(s.alert_deliveries)
            .where(d.pk.in_([row.pk for row in rows]))
            .values(attempts=d.attempts + 1, next_try=now + timeout + LEASE_MARGIN)
        )
    return _Batch(
        alert_pk=alert_pk,
        alert=name,
        kind=kind,
        target=target,
        timeout=timeout,
        deliveries=[(row.pk, row.attempts + 1) for row in rows],
        records=[row.record for row in rows],
    )


def _send(
    store: Store, batch: _Batch, sender: Sender, clock: Callable[[], float], report: DeliveryReport
) -> bool:
    """Send a claimed batch and record the outcome; whether it was delivered."""
    d = s.alert_deliveries.c
    pks = [pk for pk, _attempts in batch.deliveries]
    body = payload(batch.alert, batch.records)
    report.batches += 1
    try:
        sender(batch.kind, batch.target, body, batch.timeout)
    except DeliveryError as exc:
        now = clock()
        message = exc.message[:2000]
        with store.writing() as conn:
            for pk, attempts in batch.deliveries:
                conn.execute(
                    update(s.alert_deliveries)
                    .where(d.pk == pk)
                    .values(status=FAILED, next_try=now + retry_delay(attempts), last_error=message)
                )
        report.failed += len(pks)
        report.errors.append(f"alert {batch.alert}: {message}")
        log.warning("alert %s: %d event(s) not delivered, retried later: %s", batch.alert, len(pks), message)
        return False
    with store.writing() as conn:
        conn.execute(
            update(s.alert_deliveries)
            .where(d.pk.in_(pks))
            .values(status=DELIVERED, delivered_at=s.utcnow(), last_error=None)
        )
    report.delivered += len(pks)
    log.info("alert %s: %d event(s) delivered to %s", batch.alert, len(pks), batch.target)
    return True


def retry_delay(attempts: int) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt: RETRY_BASE doubled each time, at most
    RETRY_MAX."""
    return min(RETRY_MAX, RETRY_BASE * 2 ** min(max(attempts - 1, 0), 30))


def payload(alert: str, records: list[str]) -> bytes:
    """The JSON a target gets: ``{"alert": NAME, "events": [Event records]}`` (records as stored, JSON)."""
    events = [json.loads(record) for record in records]
    return json.dumps({"alert": alert, "events": events}, ensure_ascii=False).encode("utf-8")


# --- the targets ------------------------------------------------------------------------------------------


def send_payload(kind: str, target: str, body: bytes, timeout: float) -> None:
    """Send to a webhook or a command (``Sender``)."""
    if kind == "webhook":
        send_webhook(target, body, timeout)
    elif kind == "command":
        run_command(target, body, timeout)
    else:
        raise DeliveryError(f"unknown target kind {kind!r}", kind=kind)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is not a delivery: it is reported as the 3xx it is (a POST is not replayed elsewhere)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def send_webhook(url: str, body: bytes, timeout: float) -> None:
    """POST ``body`` (JSON) to ``url``; returns when it answers 2xx, else raises DeliveryError."""
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": "spotrep-alerts"},
    )
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            status = response.status
            response.read(65536)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise DeliveryError(f"{url} answered HTTP {exc.code}", status=exc.code, url=url) from None
    except urllib.error.URLError as exc:
        raise DeliveryError(f"{url}: {exc.reason}", url=url) from None
    except (OSError, http.client.HTTPException) as exc:  # timeouts, resets, malformed answers
        raise DeliveryError(f"{url}: {type(exc).__name__}: {exc}", url=url) from None
    if not 200 <= status < 300:
        raise DeliveryError(f"{url} answered HTTP {status}", status=status, url=url)


def run_command(command: str, body: bytes, timeout: float) -> None:
    """Run ``command`` (a shell command line) with ``body`` on its standard input; returns when it exits 0
    within ``timeout`` seconds, else raises DeliveryError (a command that overruns is killed, with its
    children)."""
    try:
        proc = subprocess.Popen(
            command,
            shell=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group: killed whole on a timeout
        )
    except OSError as exc:
        raise DeliveryError(f"the command could not start: {exc}", command=command) from None
    try:
        _out, err = proc.communicate(body, timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise DeliveryError(f"the command did not finish within {timeout:g} s", command=command) from None
    if proc.returncode != 0:
        tail = (err or b"").decode("utf-8", "replace").strip()[-500:]
        raise DeliveryError(
            f"the command exited with status {proc.returncode}" + (f": {tail}" if tail else ""),
            command=command,
            status=proc.returncode,
        )
