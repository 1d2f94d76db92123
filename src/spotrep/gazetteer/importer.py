"""`spotrep gazetteer import FILE`: a GeoNames country dump as an overlay with exact coordinates."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import InputError
from .cache import _ensure_dir, build_cache, overlay_dir
from .geonames_dump import format_record, parse_dump

log = logging.getLogger(__name__)


def import_geonames_dump(path: str | Path) -> dict[str, Any]:
    """Validate a GeoNames dump, keep its populated places as an overlay in the cache and rebuild.

    Returns a summary: rows kept, countries, the overlay file, and how many KATOTTG villages now have exact
    coordinates. Raises InputError (GeoNamesDumpError) for a missing file or a malformed line.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file", path=str(path))
    try:
        with p.open(encoding="utf-8") as fh:
            records = list(parse_dump(fh, source=p.name))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason})", path=str(path)) from None
    if not records:
        raise InputError(f"{path}: no populated places (feature class P) in the file", path=str(path))
    countries = Counter(r.country for r in records)
    body = "\n".join(format_record(r) for r in records) + "\n"
    digest = hashlib.sha1(body.encode("utf-8")).hexdigest()[:12]
    label = "-".join(sorted(countries)) if len(countries) <= 3 else "multi"
    target_dir = overlay_dir()
    _ensure_dir(target_dir)
    target = target_dir / f"{label}-{digest}.txt"
    # one overlay per country set: a new import of the same countries replaces the old one
    for old in target_dir.glob(f"{label}-*.txt"):
        if old != target:
            old.unlink()
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(body)
    os.replace(tmp, target)
    cache = build_cache()
    from .cache import get_gazetteer

    data = get_gazetteer().data
    return {
        "file": str(p),
        "places": len(records),
        "countries": dict(countries),
        "overlay": str(target),
        "cache": str(cache),
        "entries": len(data.names),
        "approximated_villages_left": sum(data.info.get("approximated", {}).values()),
    }
