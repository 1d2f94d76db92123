"""A small in-process cache of read responses, keyed by the request and the database's version.

Many readers ask the same thing (the newest page, a region's first pages); answering them from memory keeps
the API fast under load. The cache is only used for SQLite files. The database's version is SQLite's
``PRAGMA data_version`` read on a connection of the cache's own that never writes: it changes whenever any
other connection (this server's store, ``spotrep ingest``, anything) commits. Other databases are never
cached.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict

MAX_ENTRIES = 512
MAX_ENTRY_BYTES = 2 * 1024 * 1024


class ResponseCache:
    def __init__(self, db_path: str | None, *, max_entries: int = MAX_ENTRIES) -> None:
        self.db_path = db_path
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self.hits = self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.db_path is not None and self.max_entries > 0

    def version(self) -> int | None:
        """What changes whenever the database does (None: unknown, do not cache)."""
        if not self.enabled:
            return None
        with self._lock:
            try:
                if self._conn is None:
                    self._conn = sqlite3.connect(
                        f"file:{self.db_path}?mode=ro",
                        uri=True,
                        check_same_thread=False,
                        isolation_level=None,
                    )
                return self._conn.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error:
                self._conn = None
                return None

    def get(self, key: tuple) -> tuple[bytes, str] | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: tuple, body: bytes, media_type: str) -> None:
        if len(body) > MAX_ENTRY_BYTES:
            return
        with self._lock:
            self._entries[key] = (body, media_type)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
