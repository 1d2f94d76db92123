"""The feeds and the items seen in them, kept in the store (tables ``feeds`` and ``feed_items``, migration 8).

An item's life: ``pending`` when a poll first sees it (so that a feed answered 304 later cannot hide an item a
stopped round did not get to), then ``stored`` (its document is in the store), ``skipped`` (the same article,
by canonical URL or by content, is stored already), ``failed`` (tried ``attempts`` times; tried again from
``next_try``) or ``given_up``. Items are recognised by GUID within their feed, and by canonical URL and content
hash across feeds.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, func, or_, select, update

from ..errors import NotFoundError
from ..store import schema as s
from .http import host_of
from .parse import FeedItem, check_feed_url

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger(__name__)

PENDING, STORED, FAILED, GIVEN_UP, SKIPPED = "pending", "stored", "failed", "given_up", "skipped"
ITEM_STATUSES = (PENDING, STORED, FAILED, GIVEN_UP, SKIPPED)
DEFAULT_INTERVAL = 600


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass
class Feed:
    """A feed as stored, with what its polls found."""

    pk: int
    url: str
    name: str | None
    title: str | None
    interval: int
    added_at: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: str | None = None
    last_status: str | None = None
    items_seen: int = 0
    documents_added: int = 0
    errors: int = 0
    last_error: str | None = None

    @property
    def source(self) -> str:
        """The source its documents are stored under: its name, else its title, else its host."""
        return self.name or self.title or host_of(self.url)

    def due(self, now: datetime, interval: int | None = None) -> bool:
        last = parse_iso(self.last_polled)
        return last is None or (now - last).total_seconds() >= (
            self.interval if interval is None else interval
        )

    def to_dict(self) -> dict[str, Any]:
        """The public record (``feeds list --format json``, ``GET /api/feeds``)."""
        return {
            "url": self.url,
            "name": self.name,
            "title": self.title,
            "interval": self.interval,
            "last_polled": self.last_polled,
            "last_status": self.last_status,
            "items": self.items_seen,
            "documents": self.documents_added,
            "errors": self.errors,
            "last_error": self.last_error,
        }


@dataclass
class ItemRecord:
    """An item of a feed as stored."""

    pk: int
    feed_pk: int
    guid: str
    url: str | None
    link: str | None
    content_hash: str | None
    status: str
    attempts: int
    next_try: str | None
    first_seen: str
    last_tried: str | None
    document_id: str | None
    error: str | None
    title: str | None
    published: date | None
    summary: str | None

    def to_dict(self) -> dict[str, Any]:
        out = {
            f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("pk", "feed_pk", "summary")
        }
        out["published"] = self.published.isoformat() if self.published else None
        return out


_FEED_COLUMNS = [f.name for f in fields(Feed)]
_ITEM_COLUMNS = [f.name for f in fields(ItemRecord)]


def _feed(row: Any) -> Feed:
    return Feed(**{name: row._mapping[name] for name in _FEED_COLUMNS})


def _item(row: Any) -> ItemRecord:
    return ItemRecord(**{name: row._mapping[name] for name in _ITEM_COLUMNS})


class FeedRegistry:
    """The feeds of a store: ``store.feeds`` is not a thing, so ``FeedRegistry(store)``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- feeds --------------------------------------------------------------------------------------------

    def add(self, url: str, *, name: str | None = None, interval: int | None = None) -> tuple[Feed, bool]:
        """Subscribe to a feed (returns it and whether it is new); for a known feed, a name or interval given
        replaces the stored one."""
        url = check_feed_url(url)
        f = s.feeds.c
        with self.store.writing() as conn:
            row = conn.execute(select(s.feeds).where(f.url == url)).first()
            if row is None:
                conn.execute(
                    s.feeds.insert().values(
                        url=url,
                        name=name,
                        interval=interval or DEFAULT_INTERVAL,
                        added_at=s.utcnow(),
                        items_seen=0,
                        documents_added=0,
                        errors=0,
                    )
                )
                added = True
            else:
                changes = {k: v for k, v in (("name", name), ("interval", interval)) if v is not None}
                if changes:
                    conn.execute(update(s.feeds).where(f.url == url).values(**changes))
                added = False
            return _feed(conn.execute(select(s.feeds).where(f.url == url)).one()), added

    def remove(self, url: str) -> None:
        """Unsubscribe (its items' records go too; the documents stay)."""
        with self.store.writing() as conn:
            pk = conn.execute(select(s.feeds.c.pk).where(s.feeds.c.url == url.strip())).scalar()
            if pk is None:
                raise NotFoundError(f"no feed {url!r} (see spotrep feeds list)", url=url)
            conn.execute(delete(s.feed_items).where(s.feed_items.c.feed_pk == pk))
            conn.execute(delete(s.feeds).where(s.feeds.c.pk == pk))

    def get(self, url: str) -> Feed:
        with self.store.reading() as conn:
            row = conn.execute(select(s.feeds).where(s.feeds.c.url == url.strip())).first()
        if row is None:
            raise NotFoundError(f"no feed {url!r} (see spotrep feeds list)", url=url)
        return _feed(row)

    def list(self) -> list[Feed]:
        with self.store.reading() as conn:
            return [_feed(r) for r in conn.execute(select(s.feeds).order_by(s.feeds.c.pk))]

    def due(
        self, now: datetime, *, interval: int | None = None, urls: Iterable[str] | None = None
    ) -> list[Feed]:
        """The feeds to poll now (``interval`` overrides each feed's own); only those of ``urls`` if given."""
        wanted = set(urls) if urls is not None else None
        return [
            feed for feed in self.list() if (wanted is None or feed.url in wanted) and feed.due(now, interval)
        ]

    def record_poll(
        self,
        feed: Feed,
        *,
        polled_at: datetime,
        status: str,
        error: str | None = None,
        title: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """What a poll of ``feed`` found: ``status`` (``ok``, ``not_modified``, ``http 500``...), its error, and
        for an ``ok`` the feed's title and its validators for the next conditional GET."""
        values: dict[str, Any] = {"last_polled": iso(polled_at), "last_status": status}
        if error is not None:
            values.update(errors=s.feeds.c.errors + 1, last_error=error)
        if status == "ok":
            values.update(etag=etag, last_modified=last_modified)
            if title:
                values["title"] = title
        with self.store.writing() as conn:
            conn.execute(update(s.feeds).where(s.feeds.c.pk == feed.pk).values(**values))

    # --- items --------------------------------------------------------------------------------------------

    def add_items(
        self, feed: Feed, items: Sequence[tuple[FeedItem, str | None]], *, now: datetime
    ) -> list[ItemRecord]:
        """Record the items a poll saw that this feed has not listed before (``items``: each with its canonical
        URL), as ``pending``; or ``skipped`` when their canonical URL is already stored from any feed. Returns
        the new records."""
        f, i = s.feeds.c, s.feed_items.c
        stamp = iso(now)
        out: list[ItemRecord] = []
        with self.store.writing() as conn:
            guids = [item.guid for item, _ in items]
            known: set[str] = set()
            for chunk in _chunks(guids):
                known.update(
                    conn.execute(select(i.guid).where(i.feed_pk == feed.pk, i.guid.in_(chunk))).scalars()
                )
            fresh = []
            seen_now: set[str] = set()
            for item, url in items:
                if item.guid in known or item.guid in seen_now:
                    continue
                seen_now.add(item.guid)
                fresh.append((item, url))
            if not fresh:
                return []
            stored_urls: dict[str, str | None] = {}
            urls = sorted({url for _, url in fresh if url})
            for chunk in _chunks(urls):
                rows = conn.execute(
                    select(i.url, i.document_id).where(
                        i.url.in_(chunk), i.status.in_((STORED, SKIPPED)), i.document_id.is_not(None)
                    )
                )
                stored_urls.update({url: doc for url, doc in rows})
            for item, url in fresh:
                duplicate = url is not None and url in stored_urls
                values = {
                    "feed_pk": feed.pk,
                    "guid": item.guid,
                    "url": url,
                    "link": item.link,
                    "status": SKIPPED if duplicate else PENDING,
                    "attempts": 0,
                    "next_try": None if duplicate else stamp,
                    "first_seen": stamp,
                    "document_id": stored_urls.get(url) if duplicate and url else None,
                    "error": "the same URL is stored already" if duplicate else None,
                    "title": item.title,
                    "published": item.published,
                    "summary": item.summary,
                }
                pk = conn.execute(s.feed_items.insert().values(**values)).inserted_primary_key[0]
                out.append(ItemRecord(pk=pk, last_tried=None, content_hash=None, **values))
            conn.execute(update(s.feeds).where(f.pk == feed.pk).values(items_seen=f.items_seen + len(out)))
        return out

    def to_try(self, now: datetime, *, feed_pks: Iterable[int] | None = None) -> list[ItemRecord]:
        """The items to fetch now: pending ones, and failed ones whose ``next_try`` has come."""
        i = s.feed_items.c
        query = select(s.feed_items).where(
            or_(i.status == PENDING, and_(i.status == FAILED, i.next_try <= iso(now)))
        )
        if feed_pks is not None:
            query = query.where(i.feed_pk.in_(list(feed_pks)))
        with self.store.reading() as conn:
            return [_item(r) for r in conn.execute(query.order_by(i.pk))]

    def next_try(self) -> datetime | None:
        """When the earliest failed or pending item is to be tried (None when there is none)."""
        i = s.feed_items.c
        with self.store.reading() as conn:
            value = conn.execute(select(func.min(i.next_try)).where(i.status.in_((PENDING, FAILED)))).scalar()
        return parse_iso(value)

    def settle(
        self,
        item: ItemRecord,
        *,
        status: str,
        now: datetime,
        attempts: int,
        error: str | None = None,
        next_try: datetime | None = None,
        document_id: str | None = None,
        content_hash: str | None = None,
    ) -> None:
        """What became of an item's try; the feed's counters follow (a new document, an error)."""
        i, f = s.feed_items.c, s.feeds.c
        with self.store.writing() as conn:
            conn.execute(
                update(s.feed_items)
                .where(i.pk == item.pk)
                .values(
                    status=status,
                    attempts=attempts,
                    last_tried=iso(now),
                    next_try=iso(next_try) if next_try else None,
                    error=error,
                    document_id=document_id,
                    content_hash=content_hash,
                )
            )
            counters: dict[str, Any] = {}
            if status == STORED:
                counters["documents_added"] = f.documents_added + 1
            if status in (FAILED, GIVEN_UP) or (error and status == STORED):
                counters.update(errors=f.errors + 1, last_error=error)
            if counters:
                conn.execute(update(s.feeds).where(f.pk == item.feed_pk).values(**counters))

    def stored_document(self, content_hash: str) -> str | None:
        """The document an item of any feed stored with this content hash."""
        i = s.feed_items.c
        with self.store.reading() as conn:
            return conn.execute(
                select(i.document_id)
                .where(i.content_hash == content_hash, i.document_id.is_not(None))
                .limit(1)
            ).scalar()

    def items(
        self, *, url: str | None = None, status: str | None = None, limit: int | None = None
    ) -> list[tuple[str, ItemRecord]]:
        """Items (newest first) with their feed's URL: of one feed, in one state."""
        i, f = s.feed_items.c, s.feeds.c
        query = select(f.url.label("feed_url"), s.feed_items).join(s.feeds, f.pk == i.feed_pk)
        if url is not None:
            self.get(url)
            query = query.where(f.url == url.strip())
        if status is not None:
            query = query.where(i.status == status)
        query = query.order_by(i.pk.desc())
        if limit is not None:
            query = query.limit(limit)
        with self.store.reading() as conn:
            return [(r.feed_url, _item(r)) for r in conn.execute(query)]

    def item_counts(self) -> dict[str, int]:
        i = s.feed_items.c
        with self.store.reading() as conn:
            found = dict(conn.execute(select(i.status, func.count()).group_by(i.status)).all())
        return {status: found.get(status, 0) for status in ITEM_STATUSES}


def _chunks(values: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
