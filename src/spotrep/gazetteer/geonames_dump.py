"""Reading GeoNames country dumps (``UA.txt`` from the GeoNames export): the standard tab-separated format,
19 columns, no header: geonameid, name, asciiname, alternatenames (comma-separated), latitude,
longitude, feature class, feature code, country code, cc2, admin1 code, admin2 code, admin3 code,
admin4 code, population, elevation, dem, timezone, modification date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import InputError

COLUMNS = 19


class GeoNamesDumpError(InputError):
    """A line of a GeoNames dump is malformed."""

    code = "bad_geonames_dump"


@dataclass(frozen=True)
class DumpRecord:
    geonameid: int
    name: str
    asciiname: str
    alternates: tuple[str, ...]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    population: int


def parse_line(line: str, *, lineno: int = 0, source: str = "") -> DumpRecord | None:
    """One record, or None for a blank or comment line. Raises GeoNamesDumpError for a malformed line."""
    line = line.rstrip("\r\n")
    if not line.strip() or line.startswith("#"):
        return None
    cols = line.split("\t")
    if len(cols) < 15:
        raise GeoNamesDumpError(
            f"{source or 'dump'}: line {lineno}: expected {COLUMNS} tab-separated columns, got {len(cols)}",
            line=lineno,
        )
    try:
        lat, lon = float(cols[4]), float(cols[5])
        gid = int(cols[0])
        pop = int(cols[14] or 0)
    except ValueError as exc:
        raise GeoNamesDumpError(f"{source or 'dump'}: line {lineno}: {exc}", line=lineno) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GeoNamesDumpError(f"{source or 'dump'}: line {lineno}: coordinates out of range", line=lineno)
    country = cols[8].strip().upper()
    if len(country) != 2:
        raise GeoNamesDumpError(
            f"{source or 'dump'}: line {lineno}: bad country code {cols[8]!r}", line=lineno
        )
    return DumpRecord(
        geonameid=gid,
        name=cols[1].strip(),
        asciiname=cols[2].strip(),
        alternates=tuple(a.strip() for a in cols[3].split(",") if a.strip()),
        latitude=lat,
        longitude=lon,
        feature_class=cols[6].strip(),
        feature_code=cols[7].strip(),
        country=country,
        admin1=cols[10].strip(),
        population=max(pop, 0),
    )


def parse_dump(
    lines: Iterable[str], *, source: str = "", populated_only: bool = True
) -> Iterator[DumpRecord]:
    """The records of a dump; by default only populated places (feature class P)."""
    for n, line in enumerate(lines, 1):
        rec = parse_line(line, lineno=n, source=source)
        if rec is None:
            continue
        if populated_only and rec.feature_class != "P":
            continue
        yield rec


def format_record(rec: DumpRecord) -> str:
    """A record back in the dump format (the columns the overlay keeps; the rest left empty)."""
    cols = [""] * COLUMNS
    cols[0] = str(rec.geonameid)
    cols[1] = rec.name
    cols[2] = rec.asciiname
    cols[3] = ",".join(rec.alternates)
    cols[4] = repr(rec.latitude)
    cols[5] = repr(rec.longitude)
    cols[6] = rec.feature_class
    cols[7] = rec.feature_code
    cols[8] = rec.country
    cols[10] = rec.admin1
    cols[14] = str(rec.population)
    return "\t".join(cols)
