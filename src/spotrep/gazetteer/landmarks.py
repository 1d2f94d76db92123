"""Landmarks reports name instead of a settlement: islands, spits, bridges, dams, power plants, air bases,
airports, works, camps, hospitals and border crossings (``landmarks.tsv``, a data file that is easy to extend).

"Shelling near the Zaporizhzhia nuclear power plant" is about Enerhodar, 50 km from Zaporizhzhia city; "a drone
hit the Crimean Bridge" is in the Kerch Strait, not at a village called Bridge in Kent. The gazetteer keeps each
landmark as an entry of its own at its own coordinates, and the place finder reads its names as phrases.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources

from ..errors import SpotrepError

DATA_FILE = "landmarks.tsv"
COLUMNS = ("id", "name", "aliases", "country", "admin1", "admin2", "latitude", "longitude", "what")


class LandmarkDataError(SpotrepError):
    """A line of the landmarks file is malformed."""

    code = "bad_landmark_data"


@dataclass(frozen=True)
class Landmark:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    admin1: str
    admin2: str | None
    lat: float
    lon: float
    what: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *(a for a in self.aliases if a != self.name))


def parse_landmarks(text: str, *, source: str = DATA_FILE) -> list[Landmark]:
    """The landmarks of a file's text; raises LandmarkDataError (with the line number) for a malformed line."""
    found: list[Landmark] = []
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise LandmarkDataError(
                f"{source}:{lineno}: expected {len(COLUMNS)} tab-separated columns, found {len(cells)}",
                line=lineno,
                source=source,
            )
        lid, name, aliases, country, admin1, admin2, lat, lon, what = (c.strip() for c in cells)
        try:
            latitude, longitude = float(lat), float(lon)
        except ValueError:
            raise LandmarkDataError(
                f"{source}:{lineno}: latitude and longitude must be numbers, not {lat!r} and {lon!r}",
                line=lineno,
                source=source,
            ) from None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180) or math.isnan(latitude + longitude):
            raise LandmarkDataError(
                f"{source}:{lineno}: coordinates out of range", line=lineno, source=source
            )
        if not lid or not name or lid in seen:
            raise LandmarkDataError(f"{source}:{lineno}: a landmark needs a new id and a name", line=lineno)
        if len(country) != 2 or not admin1.startswith(country + "-"):
            raise LandmarkDataError(
                f"{source}:{lineno}: {admin1!r} is no ISO 3166-2 region of {country!r}",
                line=lineno,
                source=source,
            )
        seen.add(lid)
        found.append(
            Landmark(
                id=lid,
                name=name,
                aliases=tuple(a.strip() for a in aliases.split("|") if a.strip()),
                country=country,
                admin1=admin1,
                admin2=admin2 or None,
                lat=latitude,
                lon=longitude,
                what=what,
            )
        )
    return found


def load_landmarks() -> list[Landmark]:
    """The landmarks shipped with spotrep."""
    text = resources.files(__package__).joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_landmarks(text)
