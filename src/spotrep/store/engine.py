"""Opening the database: where it lives (``--db``, ``SPOTREP_DB``, the user data path) and the engine setup.

SQLite is the embedded default (WAL journal, foreign keys on, a busy timeout, explicit ``BEGIN IMMEDIATE`` for
writers so that a batch is one atomic transaction). PostgreSQL (``postgresql+psycopg://...``, the ``postgres``
extra) is the store for several writers or servers: a write transaction first takes a transaction-scoped
advisory lock, so that writers take turns as SQLite's do (migrations included), waiting at most
``LOCK_TIMEOUT_MS`` as SQLite waits at most its busy timeout. The server checks every
``CLIENT_CHECK_MS`` that a session's client is still there while it runs a statement (PostgreSQL 14 and
later): a writer killed while its statement waits on a lock then has its transaction rolled back and the write
lock released at once, instead of blocking every other writer until the wait ends. Other SQLAlchemy URLs are
accepted but untested; SQLite-specific speed-ups (the R*tree) are skipped elsewhere.
"""

from __future__ import annotations

import logging
import math
import os
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Engine, Float, create_engine, event, func
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql.functions import FunctionElement

from ..errors import ConfigError
from .dedup import EARTH_RADIUS_KM, distance_km

log = logging.getLogger(__name__)

ENV_VAR = "SPOTREP_DB"
DB_FILENAME = "spotrep.db"

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",  # with WAL: a crash of the process never loses a commit or corrupts the file
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=30000",  # LOCK_TIMEOUT_MS
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cache_size=-65536",  # 64 MiB page cache
    "PRAGMA mmap_size=268435456",
)


LOCK_TIMEOUT_MS = 30_000
WRITE_LOCK = 0x5370_6F74_5265_7001  # the advisory lock PostgreSQL writers take ("SpotRep", 1)
CLIENT_CHECK_MS = 1000  # PostgreSQL's client_connection_check_interval


def default_path() -> Path:
    """The default database: ``spotrep.db`` in the user data directory (``~/.local/share/spotrep`` on
    Linux)."""
    from platformdirs import user_data_path

    return user_data_path("spotrep", appauthor=False) / DB_FILENAME


def resolve_url(path_or_url: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL for a path or URL given, else ``$SPOTREP_DB``, else the default path."""
    value = os.fspath(path_or_url) if path_or_url is not None else None
    if not value:
        value = os.environ.get(ENV_VAR) or None
    if not value:
        value = os.fspath(default_path())
    if value == ":memory:":
        return "sqlite://"
    if "://" in value:
        try:
            make_url(value)
        except ArgumentError as exc:
            raise ConfigError(f"not a database URL: {value!r} ({exc})", url=value) from None
        return value
    path = Path(value).expanduser()
    if path.is_dir():
        raise ConfigError(
            f"{value}: is a directory; give a database file (e.g. {path / DB_FILENAME})", path=value
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.resolve()}"


def _sqlite_km(
    lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None
) -> float | None:
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    return distance_km(lat1, lon1, lat2, lon2)


class distance_sql(FunctionElement):
    """Great-circle distance in km between two (lat, lon) points, in SQL."""

    type = Float()
    inherit_cache = True
    name = "spotrep_km"


@compiles(distance_sql, "sqlite")
def _distance_sqlite(element: distance_sql, compiler, **kw) -> str:
    return f"spotrep_km({compiler.process(element.clauses, **kw)})"


@compiles(distance_sql)
def _distance_generic(element: distance_sql, compiler, **kw) -> str:
    lat1, lon1, lat2, lon2 = list(element.clauses)
    half_dlat = func.radians(lat2 - lat1) / 2
    half_dlon = func.radians(lon2 - lon1) / 2
    h = func.power(func.sin(half_dlat), 2) + func.cos(func.radians(lat1)) * func.cos(
        func.radians(lat2)
    ) * func.power(func.sin(half_dlon), 2)
    # as distance_km: rounding can take sqrt(h) a hair above 1, where asin is undefined
    return compiler.process(2 * EARTH_RADIUS_KM * func.asin(func.least(func.sqrt(h), 1.0)), **kw)


def make_engine(url: str, *, echo: bool = False) -> Engine:
    if url.startswith("postgresql"):
        return _postgresql_engine(url, echo=echo)
    if not url.startswith("sqlite"):
        return create_engine(url, echo=echo, pool_pre_ping=True)
    if url in ("sqlite://", "sqlite:///:memory:"):
        engine = create_engine(
            "sqlite://", echo=echo, poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        engine = create_engine(url, echo=echo, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # take over transaction control from pysqlite, so that BEGIN (IMMEDIATE) and SAVEPOINT work as written
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()
        dbapi_conn.create_function("spotrep_km", 4, _sqlite_km, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        write = conn.get_execution_options().get("spotrep_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _postgresql_engine(url: str, *, echo: bool) -> Engine:
    try:
        engine = create_engine(url, echo=echo, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise ConfigError(
            f"{url}: the PostgreSQL driver is not installed ({exc.name}); pip install 'spotrep[postgres]'",
            url=url,
        ) from None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # a session whose client died (kill -9, a crash) ends within a second even in a statement that waits
        # on a lock, which it would otherwise hold, the write lock included, until the wait is over
        if getattr(getattr(dbapi_conn, "info", None), "server_version", 0) >= 140000:
            with dbapi_conn.cursor() as cursor:
                cursor.execute(f"SET client_connection_check_interval = {int(CLIENT_CHECK_MS)}")
            dbapi_conn.commit()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        if conn.get_execution_options().get("spotrep_write", False):
            # writers take turns (one write transaction at a time), as on SQLite
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(LOCK_TIMEOUT_MS)}")
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

    return engine


def bytewise(column: ColumnElement[Any], dialect: str) -> ColumnElement[Any]:
    """``column`` as an ORDER BY term that sorts text the same on every store: by code point (bytes of UTF-8),
    NULL first. SQLite does so already (its binary collation; NULL sorts first); PostgreSQL's database
    collation may not (en_US ignores case and punctuation at first) and it puts NULL last, so there the column
    is compared in the "C" collation, NULL first. Used wherever rows of text are listed in an order users see
    (ties of counts included), so that both stores list them alike."""
    if dialect == "postgresql":
        return column.collate("C").asc().nulls_first()
    return column


def km_to_lat(km: float) -> float:
    return km / (math.pi * EARTH_RADIUS_KM / 180)


def km_to_lon(km: float, lat: float) -> float:
    return km / (math.pi * EARTH_RADIUS_KM / 180 * max(math.cos(math.radians(lat)), 0.01))
