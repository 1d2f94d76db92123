"""The store's schema (SQLAlchemy Core) and its numbered migrations.

Tables:

* ``documents``: one row per ingested document (id, content hash, metadata, text).
* ``events``: one row per (possibly merged) event: the canonical record in columns, plus the figures across
  sources (``fatalities_low``/``fatalities``/``fatalities_high``), ``source_count`` and the source names.
* ``reports``: the link between an event and each document that reports it, with that document's own version
  of the event (its record as JSON, its figures and its claim), so that conflicting figures and the claims of
  each side are kept and the canonical record can be recomputed; and its canonical rank and where and when it
  places the event, which grouping reports into events looks reports up by (``dedup``, ``writer``).
* ``evidence``: the evidence spans (character offsets into the document) of each report.
* ``event_categories``: the categories of each event, for filtering.
* ``places``: every place events were located at (settlements, and regions for region-level events).
* ``control_layers`` and ``control_areas``: imported maps of territorial control (e.g. DeepState exports):
  one row per map and date, and its areas (status, label, bounding box, GeoJSON geometry); see
  ``spotrep.control``.
* ``extraction_jobs``: the queue of documents posted to the API, which extraction workers take in turn
  (``spotrep.store.queue``).
* ``feeds`` and ``feed_items``: the feeds ``spotrep watch`` polls (conditional-GET validators, the last poll's
  status, counters) and every item seen in them (by GUID, canonical URL and content hash; stored, failed and
  waiting for a retry, given up, or skipped as a duplicate), so that nothing is fetched or stored twice across
  restarts (``spotrep.feeds``).
* ``event_log``: one row per event row created or changed, in commit order (written by triggers on
  ``events``, migration 9; with the time of each, migration 10): what "new events" means to alerts and to
  ``GET /api/stream`` (``spotrep.store.changes``, which prunes the rows every alert has read once old).
* ``alerts`` and ``alert_deliveries``: saved filters with a target (a webhook or a command), and each event
  each of them is to deliver, with its state (``spotrep.alerts``).
* ``schema_migrations``: the numbered migrations applied to this database.

Free text is ``Text`` (no length limit: SQLite never enforced one, and PostgreSQL then stores what SQLite
stores). On SQLite an R*tree (``events_rtree``: day interval x latitude x longitude) indexes events for proximity
queries (``--near``); other databases use the B-tree indexes on the same columns. Grouping looks reports up by
one B-tree index (``ix_reports_near``) on every database.

Migrations: ``MIGRATIONS`` is an ordered list of ``(version, name, function)``; each runs once, in its own
transaction, and is recorded in ``schema_migrations``. Numbers may have gaps (a migration developed on another
branch keeps its number); each migration is applied when its number is missing, whatever the others, so those
of parallel branches must not depend on each other. The table objects below describe the current schema; a
change to it goes into a new numbered migration (ALTER/CREATE statements), never into an old one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    Connection,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    func,
    select,
    text,
)

from ..errors import StoreError

log = logging.getLogger(__name__)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("id", Text, nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("published", Date),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("n_chars", Integer, nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(40), nullable=False),
)
Index("ix_documents_source", func.lower(documents.c.source))
Index("ix_documents_published", documents.c.published)

places = Table(
    "places",
    metadata,
    Column("key", Text, primary_key=True),
    Column("gazetteer_id", Text),
    Column("name", Text),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("admin1_code", Text),
    Column("admin1_key", Text),
    Column("admin2", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", SmallInteger),
)
Index("ix_places_admin1_key", places.c.admin1_key)
Index("ix_places_gazetteer_id", places.c.gazetteer_id)

events = Table(
    "events",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("event_id", Text, nullable=False, unique=True),
    Column("document_id", Text, nullable=False),  # the document of the canonical report
    Column("day", Integer, nullable=False),  # ordinal of event_date (or date_start/date_end); 0 when unknown
    Column("event_date", Date),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("time_precision", SmallInteger),
    Column("event_type", String(60), nullable=False),
    Column("sub_event_type", String(60), nullable=False),
    Column("categories", Text, nullable=False),  # JSON list
    Column("actor1_name", Text),
    Column("actor1_country", String(2)),
    Column("actor1_kind", String(20)),
    Column("actor2_name", Text),
    Column("actor2_country", String(2)),
    Column("actor2_kind", String(20)),
    Column("place_key", Text, ForeignKey("places.key")),
    Column("location_name", Text),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("admin1_code", Text),
    Column("admin1_key", Text),  # admin1_code, else admin1: what --admin1 filters on
    Column("admin2", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("location_precision", SmallInteger),  # Location.geo_precision
    Column("gazetteer_id", Text),
    Column("geo_precision", SmallInteger),  # Event.geo_precision
    Column("fatalities", Integer),  # best: the lowest figure reported (ACLED's conservative choice)
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("injuries", Integer),
    Column("quantities", Text, nullable=False),  # JSON list
    Column("weapons", Text, nullable=False),  # JSON list
    Column("claim_source", Text),
    Column("claim_source_country", String(2)),
    Column("claim_status", String(20), nullable=False),
    Column("notes", Text, nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("source_count", Integer, nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of the distinct source names
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    # added by migration 10: the language (ISO 639-1) of the canonical report; last, where ALTER TABLE puts it
    Column("lang", String(8), nullable=False, server_default="en"),
)
Index("ix_events_day", events.c.day)
Index("ix_events_region_type_day", events.c.admin1_key, events.c.event_type, events.c.day)
# a region's events in date order, without a sort (paging through a region, newest first); added by migration 4
IX_EVENTS_REGION_DAY = Index("ix_events_region_day", events.c.admin1_key, events.c.day, events.c.pk)
Index("ix_events_type_day", events.c.event_type, events.c.day)
Index("ix_events_subtype_day", events.c.sub_event_type, events.c.day)
Index("ix_events_country_day", events.c.country, events.c.day)
Index("ix_events_place_day", events.c.place_key, events.c.day)
Index("ix_events_lat_lon", events.c.latitude, events.c.longitude)

event_categories = Table(
    "event_categories",
    metadata,
    Column("event_pk", Integer, ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True),
    Column("category", String(40), primary_key=True),
)
Index("ix_event_categories_category", event_categories.c.category, event_categories.c.event_pk)

reports = Table(
    "reports",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("event_pk", Integer, ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
    Column("document_id", Text, ForeignKey("documents.id"), nullable=False),
    Column("report_event_id", Text, nullable=False),  # the event id the extraction gave it
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("claim_source", Text),
    Column("claim_source_country", String(2)),
    Column("claim_status", String(20), nullable=False),
    Column("record", Text, nullable=False),  # this document's Event as JSON, without its evidence
    # added by migration 6: the report's canonical rank, and where and when it places its event (for grouping)
    *(
        Column("rank", Text),  # dedup.report_rank
        Column("event_type", String(60)),
        Column("day_lo", Integer),  # ordinals of the report's date interval; NULL when undated
        Column("day_hi", Integer),
        Column("latitude", Float),
        Column("longitude", Float),
        Column("gazetteer_id", Text),
        Column("name_key", Text),  # the place's name, stripped and case-folded
        Column("geo_precision", SmallInteger),  # dedup.precision
    ),
)
# one report per document and event: grouping keeps to it (a unique index would refuse the moment within a
# regrouping when a document's two reports trade events); migration 6 replaced the unique index by this one
IX_REPORTS_EVENT_DOCUMENT = Index("ix_reports_event_document", reports.c.event_pk, reports.c.document_id)
Index("ix_reports_document", reports.c.document_id)
Index("ix_reports_report_event_id", reports.c.report_event_id)
# what grouping looks reports up by (migration 6): the place columns too, so that the index alone filters
IX_REPORTS_NEAR = Index(
    "ix_reports_near",
    *(reports.c[name] for name in ("event_type", "day_lo", "latitude", "longitude", "geo_precision")),
    *(reports.c[name] for name in ("gazetteer_id", "name_key")),
)
REPORT_GROUPING_COLUMNS = (
    "rank", "event_type", "day_lo", "day_hi", "latitude", "longitude", "gazetteer_id", "name_key",
    "geo_precision",
)  # fmt: skip

evidence = Table(
    "evidence",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("event_pk", Integer, ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
    Column("report_pk", Integer, ForeignKey("reports.pk", ondelete="CASCADE"), nullable=False),
    Column("document_id", Text, nullable=False),
    Column("ordinal", Integer, nullable=False),  # order within its report
    Column(
        "position", Integer, nullable=False
    ),  # order of its report within the event (the base report first)
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
Index("ix_evidence_event", evidence.c.event_pk, evidence.c.position, evidence.c.ordinal)

control_layers = Table(
    "control_layers",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("name", String(300), nullable=False),
    Column("source", String(100), nullable=False),
    Column("layer_date", Date, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("n_areas", Integer, nullable=False),
    Column("imported_at", String(40), nullable=False),
)
Index("ux_control_layers_hash_date", control_layers.c.content_hash, control_layers.c.layer_date, unique=True)
Index("ix_control_layers_date", control_layers.c.layer_date)

control_areas = Table(
    "control_areas",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("layer_pk", Integer, ForeignKey("control_layers.pk", ondelete="CASCADE"), nullable=False),
    Column("status", String(20), nullable=False),  # occupied | liberated | unknown
    Column("label", Text, nullable=False),
    Column("min_lat", Float, nullable=False),
    Column("max_lat", Float, nullable=False),
    Column("min_lon", Float, nullable=False),
    Column("max_lon", Float, nullable=False),
    Column("geometry", Text, nullable=False),  # GeoJSON
)
Index("ix_control_areas_layer", control_areas.c.layer_pk)

# The extraction queue: documents posted to the API, stored at once and extracted by workers
# (``spotrep.store.queue``). ``document`` holds the document (JSON) until its events are stored, then is
# cleared (the text is in ``documents`` from then on).
extraction_jobs = Table(
    "extraction_jobs",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("document_id", Text, nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("document", Text),
    Column("n_chars", Integer, nullable=False),
    Column("status", String(20), nullable=False),  # queued | running | done | failed
    Column("attempts", Integer, nullable=False),
    Column("worker", Text),
    Column("created_at", String(40), nullable=False),
    Column("started_at", String(40)),
    Column("lease_until", String(40)),
    Column("finished_at", String(40)),
    Column("error", Text),
    Column("events_new", Integer),
    Column("events_merged", Integer),
    Column("duplicate_of", Text),
)
IX_JOBS_STATUS = Index("ix_extraction_jobs_status", extraction_jobs.c.status, extraction_jobs.c.pk)

# Feeds (``spotrep.feeds``): the feeds polled by ``spotrep watch``, and the items seen in them. Times are ISO
# 8601 UTC strings like the other tables'; ``interval`` is in seconds.
feeds = Table(
    "feeds",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("name", Text),  # given by the user; the source of its documents (else the feed's title)
    Column("title", Text),  # the feed's own title
    Column("interval", Integer, nullable=False),
    Column("added_at", String(40), nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled", String(40)),
    Column("last_status", Text),  # ok | not_modified | http 500 | malformed feed | timeout | ...
    Column("items_seen", Integer, nullable=False, default=0),
    Column("documents_added", Integer, nullable=False, default=0),
    Column("errors", Integer, nullable=False, default=0),
    Column("last_error", Text),
)

feed_items = Table(
    "feed_items",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("feed_pk", Integer, ForeignKey("feeds.pk", ondelete="CASCADE"), nullable=False),
    Column("guid", Text, nullable=False),
    Column("url", Text),  # canonical
    Column("link", Text),  # as the feed gives it
    Column("content_hash", String(64)),  # of the text stored (documents.content_hash)
    Column("status", String(20), nullable=False),  # stored | failed | given_up | skipped
    Column("attempts", Integer, nullable=False),
    Column("next_try", String(40)),  # when a failed item is tried again
    Column("first_seen", String(40), nullable=False),
    Column("last_tried", String(40)),
    Column("document_id", Text),
    Column("error", Text),
    # what the feed says of the item, kept for retries (which do not wait for the feed to change)
    Column("title", Text),
    Column("published", Date),
    Column("summary", Text),
)
UX_FEED_ITEMS_GUID = Index("ux_feed_items_feed_guid", feed_items.c.feed_pk, feed_items.c.guid, unique=True)
IX_FEED_ITEMS_URL = Index("ix_feed_items_url", feed_items.c.url)
IX_FEED_ITEMS_HASH = Index("ix_feed_items_content_hash", feed_items.c.content_hash)
IX_FEED_ITEMS_STATUS = Index("ix_feed_items_status", feed_items.c.status, feed_items.c.next_try)
FEED_TABLES = (feeds, feed_items)
FEED_INDEXES = (UX_FEED_ITEMS_GUID, IX_FEED_ITEMS_URL, IX_FEED_ITEMS_HASH, IX_FEED_ITEMS_STATUS)
# What "new events" means (migration 9): every event row created or changed gets a row here, written by
# triggers on ``events`` in the writer's transaction. ``seq`` only grows (AUTOINCREMENT on SQLite, a sequence
# on PostgreSQL: never reused, even where an events row number is) and, since writers take turns, rows become
# visible in ``seq`` order: a reader that has seen up to ``seq`` N never sees a row below N appear later.
event_log = Table(
    "event_log",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("event_pk", Integer, nullable=False),  # no foreign key: the event may be deleted since
    Column("change", String(10), nullable=False),  # insert | update
    Column("at", Float),  # when (seconds since the epoch, the database's clock; migration 10): for pruning
    sqlite_autoincrement=True,
)
IX_EVENT_LOG_EVENT = Index("ix_event_log_event", event_log.c.event_pk, event_log.c.change, event_log.c.seq)

# Alerts (``spotrep.alerts``): a saved filter, a target, and how far through ``event_log`` it has looked.
alerts = Table(
    "alerts",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("filter", Text, nullable=False),  # the EventFilter as JSON
    Column("target_kind", String(20), nullable=False),  # webhook | command
    Column("target", Text, nullable=False),  # the URL, or the command line
    Column("timeout", Float, nullable=False),  # seconds, per attempt
    Column("created_at", String(40), nullable=False),
    Column("cursor", Integer, nullable=False),  # the last event_log.seq considered
)

# One row per (alert, event) to deliver: written in the transaction that moves the alert's cursor past it
alert_deliveries = Table(
    "alert_deliveries",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("alert_pk", Integer, ForeignKey("alerts.pk", ondelete="CASCADE"), nullable=False),
    Column("event_pk", Integer, nullable=False),
    Column("born", Integer, nullable=False),  # with event_pk, the event (``store.changes.Change``)
    Column("event_id", Text, nullable=False),  # its id when it matched
    Column("seq", Integer, nullable=False),  # the event_log row it matched at
    Column("record", Text, nullable=False),  # the event as it matched (JSON): what is delivered
    Column("status", String(20), nullable=False),  # pending | failed (retried) | delivered
    Column("attempts", Integer, nullable=False),
    Column("next_try", Float, nullable=False),  # seconds since the epoch; a claim's lease while sending
    Column("last_error", Text),
    Column("created_at", String(40), nullable=False),
    Column("delivered_at", String(40)),
)
UX_DELIVERIES_EVENT = Index(
    "ux_alert_deliveries_event",
    alert_deliveries.c.alert_pk,
    alert_deliveries.c.event_pk,
    alert_deliveries.c.born,
    unique=True,
)
IX_DELIVERIES_DUE = Index(
    "ix_alert_deliveries_due", alert_deliveries.c.status, alert_deliveries.c.next_try, alert_deliveries.c.pk
)
ALERT_TABLES = (event_log, alerts, alert_deliveries)

# The SQLite R*tree; not part of ``metadata`` (it is a virtual table created by a migration on SQLite only).
rtree_metadata = MetaData()
events_rtree = Table(
    "events_rtree",
    rtree_metadata,
    Column("id", Integer, primary_key=True),
    Column("min_day", Float),
    Column("max_day", Float),
    Column("min_lat", Float),
    Column("max_lat", Float),
    Column("min_lon", Float),
    Column("max_lon", Float),
)

JULIAN_OFFSET = 1721424.5  # julianday(d) - JULIAN_OFFSET == date.toordinal(d)
UNKNOWN_DAY_MAX = 10_000_000  # an undated event spans every day in the R*tree

CORE_TABLES = (schema_migrations, documents, places, events, event_categories, reports, evidence)
CONTROL_TABLES = (control_layers, control_areas)


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def has_rtree(conn: Connection) -> bool:
    """Whether this database keeps the R*tree (SQLite with the rtree module, and migration 2 applied)."""
    if conn.dialect.name != "sqlite":
        return False
    row = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events_rtree'"
    ).first()
    return row is not None


# --- migrations -------------------------------------------------------------------------------------------


def _m1_core_tables(conn: Connection) -> None:
    for table in CORE_TABLES:
        if table is schema_migrations:
            continue
        table.create(conn, checkfirst=True)


def _m2_rtree(conn: Connection) -> None:
    if conn.dialect.name != "sqlite":
        log.info("not SQLite: proximity lookups use the B-tree indexes on latitude/longitude")
        return
    try:
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS events_rtree USING rtree("
            "id, min_day, max_day, min_lat, max_lat, min_lon, max_lon)"
        )
    except Exception as exc:  # the rtree module is compiled into nearly every SQLite; say so when it is not
        log.warning("SQLite has no R*tree module (%s); proximity lookups use B-tree indexes", exc)
        return
    conn.execute(
        text(
            "INSERT INTO events_rtree (id, min_day, max_day, min_lat, max_lat, min_lon, max_lon) "
            "SELECT pk, "
            f"CASE WHEN day = 0 THEN 0 "
            f"ELSE COALESCE(julianday(date_start) - {JULIAN_OFFSET}, day) END, "
            f"CASE WHEN day = 0 THEN {UNKNOWN_DAY_MAX} "
            f"ELSE COALESCE(julianday(date_end) - {JULIAN_OFFSET}, day) END, "
            "latitude, latitude, longitude, longitude FROM events "
            "WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
        )
    )


def _m3_control_layers(conn: Connection) -> None:
    for table in CONTROL_TABLES:
        table.create(conn, checkfirst=True)


def _m4_region_day_index(conn: Connection) -> None:
    IX_EVENTS_REGION_DAY.create(conn, checkfirst=True)


_M5_TEXT_COLUMNS = {  # the columns of free text that were VARCHAR(n) up to schema version 4
    "documents": ("id", "source"),
    "places": ("key", "gazetteer_id", "name", "admin1", "admin1_code", "admin1_key", "admin2"),
    "events": (
        "event_id", "document_id", "actor1_name", "actor2_name", "place_key", "location_name", "admin1",
        "admin1_code", "admin1_key", "admin2", "gazetteer_id", "claim_source", "source",
    ),
    "reports": ("document_id", "report_event_id", "claim_source"),
    "evidence": ("document_id",),
}  # fmt: skip


def _m5_unlimited_text(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return  # SQLite never enforced a length; other databases get Text from the table definitions
    for table, columns in _M5_TEXT_COLUMNS.items():
        for column in columns:
            conn.exec_driver_sql(f'ALTER TABLE {table} ALTER COLUMN "{column}" TYPE TEXT')


def _m7_extraction_jobs(conn: Connection) -> None:
    extraction_jobs.create(conn, checkfirst=True)
    IX_JOBS_STATUS.create(conn, checkfirst=True)


def _m8_feeds(conn: Connection) -> None:
    for table in FEED_TABLES:
        table.create(conn, checkfirst=True)
    for index in FEED_INDEXES:
        index.create(conn, checkfirst=True)


def _m6_report_grouping(conn: Connection) -> None:
    from sqlalchemy import inspect

    present = {c["name"] for c in inspect(conn).get_columns("reports")}
    for name in REPORT_GROUPING_COLUMNS:
        if name not in present:
            column = reports.c[name]
            kind = column.type.compile(dialect=conn.dialect)
            conn.exec_driver_sql(f'ALTER TABLE reports ADD COLUMN "{name}" {kind}')
    IX_REPORTS_NEAR.create(conn, checkfirst=True)
    conn.exec_driver_sql("DROP INDEX IF EXISTS ux_reports_event_document")
    IX_REPORTS_EVENT_DOCUMENT.create(conn, checkfirst=True)
    from .regroup import regroup_all  # the write path fills the columns and groups the stored reports anew

    regroup_all(conn)


_M9_SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS events_log_insert AFTER INSERT ON events BEGIN"
    " INSERT INTO event_log (event_pk, change) VALUES (NEW.pk, 'insert'); END",
    "CREATE TRIGGER IF NOT EXISTS events_log_update AFTER UPDATE ON events BEGIN"
    " INSERT INTO event_log (event_pk, change) VALUES (NEW.pk, 'update'); END",
)
_M9_POSTGRESQL_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION spotrep_event_log() RETURNS trigger LANGUAGE plpgsql AS $$"
    " BEGIN INSERT INTO event_log (event_pk, change) VALUES (NEW.pk, lower(TG_OP)); RETURN NULL; END $$",
    "DROP TRIGGER IF EXISTS events_log ON events",
    "CREATE TRIGGER events_log AFTER INSERT OR UPDATE ON events FOR EACH ROW EXECUTE FUNCTION spotrep_event_log()",
)


def _m9_alerts(conn: Connection) -> None:
    for table in ALERT_TABLES:
        table.create(conn, checkfirst=True)
    IX_EVENT_LOG_EVENT.create(conn, checkfirst=True)
    UX_DELIVERIES_EVENT.create(conn, checkfirst=True)
    IX_DELIVERIES_DUE.create(conn, checkfirst=True)
    statements = {"sqlite": _M9_SQLITE_TRIGGERS, "postgresql": _M9_POSTGRESQL_TRIGGERS}.get(conn.dialect.name)
    if statements is None:
        log.warning(
            "%s: no triggers on events; alerts and the event stream see no new events", conn.dialect.name
        )
        return
    for statement in statements:
        conn.exec_driver_sql(statement)


# Migration 10: each change's time, so that ``store.changes.prune_log`` can drop the old ones.
_M10_SQLITE_NOW = "(julianday('now') - 2440587.5) * 86400.0"
_M10_SQLITE_TRIGGERS = (
    "DROP TRIGGER IF EXISTS events_log_insert",
    "DROP TRIGGER IF EXISTS events_log_update",
    "CREATE TRIGGER events_log_insert AFTER INSERT ON events BEGIN"
    f" INSERT INTO event_log (event_pk, change, at) VALUES (NEW.pk, 'insert', {_M10_SQLITE_NOW}); END",
    "CREATE TRIGGER events_log_update AFTER UPDATE ON events BEGIN"
    f" INSERT INTO event_log (event_pk, change, at) VALUES (NEW.pk, 'update', {_M10_SQLITE_NOW}); END",
)
_M10_POSTGRESQL_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION spotrep_event_log() RETURNS trigger LANGUAGE plpgsql AS $$"
    " BEGIN INSERT INTO event_log (event_pk, change, at)"
    " VALUES (NEW.pk, lower(TG_OP), extract(epoch FROM clock_timestamp())::double precision); RETURN NULL; END $$",
)


def _m10_event_log_time(conn: Connection) -> None:
    from sqlalchemy import inspect

    if "at" not in {c["name"] for c in inspect(conn).get_columns("event_log")}:
        kind = event_log.c.at.type.compile(dialect=conn.dialect)
        conn.exec_driver_sql(f'ALTER TABLE event_log ADD COLUMN "at" {kind}')
    statements = {"sqlite": _M10_SQLITE_TRIGGERS, "postgresql": _M10_POSTGRESQL_TRIGGERS}.get(
        conn.dialect.name
    )
    for statement in statements or ():
        conn.exec_driver_sql(statement)


def _m11_event_language(conn: Connection) -> None:
    from sqlalchemy import inspect

    if "lang" not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.exec_driver_sql("ALTER TABLE events ADD COLUMN lang VARCHAR(8) DEFAULT 'en' NOT NULL")
    _backfill_languages(conn)


def _backfill_languages(conn: Connection) -> None:
    """Events and reports stored before events had a language read as English; those of documents in
    Ukrainian or Russian (read by ``spotrep.lang`` since) get their document's language, in their column and
    in each report's record (which merging reads the canonical record from)."""
    from ..lang.detect import SAMPLE, detect_language, is_cyrillic
    from ..lang.extract import LANGUAGES
    from ..model import Event

    d, r, e = documents.c, reports.c, events.c
    last, found = 0, 0
    while True:
        batch = conn.execute(
            select(d.pk, d.id, func.substr(d.text, 1, SAMPLE)).where(d.pk > last).order_by(d.pk).limit(500)
        ).all()
        if not batch:
            break
        last = batch[-1][0]
        for _pk, document_id, sample in batch:
            if not any(is_cyrillic(c) for c in sample):
                continue  # Latin script: read by the English pipeline, as the default says
            lang = detect_language(sample)
            if lang not in LANGUAGES:
                continue
            found += 1
            conn.execute(events.update().where(e.document_id == document_id).values(lang=lang))
            for report_pk, record in conn.execute(
                select(r.pk, r.record).where(r.document_id == document_id)
            ).all():
                ev = Event.model_validate_json(record).model_copy(update={"lang": lang})
                conn.execute(
                    reports.update()
                    .where(r.pk == report_pk)
                    .values(record=ev.model_dump_json(exclude={"evidence"}))
                )
    if found:
        log.info(
            "migration 11: %d stored documents in Ukrainian or Russian; their events and reports say so",
            found,
        )


Migration = tuple[int, str, Callable[[Connection], None]]

MIGRATIONS: list[Migration] = [
    (1, "core tables: documents, places, events, event_categories, reports, evidence", _m1_core_tables),
    (2, "SQLite R*tree over events (day interval, latitude, longitude)", _m2_rtree),
    (3, "control layers: imported maps of territorial control and their areas", _m3_control_layers),
    (4, "index of events by region and date (region pages without a sort)", _m4_region_day_index),
    (5, "PostgreSQL: text columns without a length limit (as on SQLite)", _m5_unlimited_text),
    (
        6,
        "reports: canonical rank, place and dates; events regrouped independently of arrival order",
        _m6_report_grouping,
    ),
    (7, "extraction jobs: the queue of posted documents that workers extract", _m7_extraction_jobs),
    (8, "feeds and feed items: the feeds spotrep watch polls and the items seen in them", _m8_feeds),
    (9, "event log (triggers on events), alerts and their deliveries", _m9_alerts),
    (10, "event log: the time of each change (old changes are pruned)", _m10_event_log_time),
    (11, "events: the language of the canonical report (lang)", _m11_event_language),
]

SCHEMA_VERSION = max(version for version, _name, _function in MIGRATIONS)


def applied_versions(conn: Connection) -> list[int]:
    schema_migrations.create(conn, checkfirst=True)
    return [
        row[0]
        for row in conn.execute(select(schema_migrations.c.version).order_by(schema_migrations.c.version))
    ]


def migrate(conn: Connection) -> list[int]:
    """Apply the migrations this database lacks (in the caller's transaction); returns the versions
    applied."""
    done = set(applied_versions(conn))
    if done and max(done) > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {max(done)}, newer than this spotrep supports"
            f" ({SCHEMA_VERSION}); upgrade spotrep",
            version=max(done),
            supported=SCHEMA_VERSION,
        )
    applied = []
    for version, name, function in MIGRATIONS:
        if version in done:
            continue
        log.info("applying store migration %d: %s", version, name)
        function(conn)
        conn.execute(schema_migrations.insert().values(version=version, name=name, applied_at=utcnow()))
        applied.append(version)
    return applied
