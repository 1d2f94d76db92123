"""Hand-built events for the control-ledger tests: reports written for these tests, as the pipeline would
record them (categories, actors, place, claim, evidence), so the ledger is tested without the model."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from spotrep.model import Actor, Claim, Event, Evidence, Location

# name: (lat, lon, admin1, admin1_code, gazetteer_id)
SETTLEMENTS: dict[str, tuple[float, float, str, str, str]] = {
    "Ocheretyne": (48.2219, 37.6073, "Donetsk Oblast", "UA-14", "geonames:698759"),
    "Staromaiorske": (47.7333, 36.8333, "Donetsk Oblast", "UA-14", "geonames:692812"),
    "Vovchansk": (50.29078, 36.94108, "Kharkiv Oblast", "UA-63", "geonames:689304"),
    "Lyptsi": (50.1947, 36.4264, "Kharkiv Oblast", "UA-63", "geonames:703520"),
    "Krynky": (46.7300, 33.0900, "Kherson Oblast", "UA-65", "geonames:704500"),
}

SUB_TYPES = {
    "territory_captured": ("Battles", "Non-state actor overtakes territory"),
    "withdrawal": ("Strategic developments", "Non-violent transfer of territory"),
    "armed_clash": ("Battles", "Armed clash"),
    "advance": ("Battles", "Armed clash"),
}

MILITARY = {"UA": "Military Forces of Ukraine", "RU": "Military Forces of Russia"}


def settlement(name: str, precision: int = 1) -> Location:
    lat, lon, admin1, code, gid = SETTLEMENTS[name]
    return Location(
        name=name,
        country="UA",
        admin1=admin1,
        admin1_code=code,
        latitude=lat,
        longitude=lon,
        geo_precision=precision,
        gazetteer_id=gid,
    )


def report(
    text: str,
    *,
    category: str,
    place: str,
    day: date,
    actor1: str | None = None,
    actor2: str | None = None,
    source: str | None = None,
    source_country: str | None = None,
    status: str = "reported",
    precision: int = 1,
    document_id: str | None = None,
    publisher: str | None = "Test Wire",
    start: date | None = None,
    location: Location | None = None,
) -> Event:
    """One event as the pipeline records it from ``text`` (one sentence, the evidence)."""
    event_type, sub = SUB_TYPES[category]
    if category == "territory_captured" and actor1 == "UA":
        sub = "Government regains territory"
    return Event(
        document_id=document_id or f"{place}-{day.isoformat()}-{source}",
        event_date=day,
        date_start=start or day,
        date_end=day,
        event_type=event_type,
        sub_event_type=sub,
        categories=[category],
        actor1=Actor(name=MILITARY[actor1], country=actor1, kind="military") if actor1 else None,
        actor2=Actor(name=MILITARY[actor2], country=actor2, kind="military") if actor2 else None,
        location=location or settlement(place, precision),
        geo_precision=precision,
        claim=Claim(source=source, source_country=source_country, status=status),
        evidence=[Evidence(text=text, start=0, end=len(text))],
        source=publisher,
    )


D = date(2024, 5, 6)


def days(n: int) -> date:
    return D + timedelta(days=n)


# --- hand-built control maps (DeepState-style GeoJSON) -----------------------------------------------------

AREA_KEYS = {
    "occupied": "Окуповано /// Occupied /// geoJSON.status.occupied",
    "liberated": "Звільнено /// Liberated /// geoJSON.status.dismissed",
    "unknown": "Статус невідомий /// Unknown status /// geoJSON.status.unknown",
    "crimea": "Окупований Крим /// Occupied Crimea /// geoJSON.territories.crimea",
}


def square(west: float, south: float, east: float, north: float) -> list[list[list[float]]]:
    return [[[west, south], [east, south], [east, north], [west, north], [west, south]]]


def wiggly(
    west: float, south: float, east: float, north: float, *, steps: int = 120
) -> list[list[list[float]]]:
    """A box whose west edge zig-zags by 0.002 degrees (``steps`` vertices): what simplification removes."""
    edge = [[west + (0.002 if i % 2 else 0.0), north - (north - south) * i / steps] for i in range(steps + 1)]
    ring = [[east, south], [east, north], *edge, [east, south]]
    return [ring]


def front_map(front_lon: float) -> dict:
    """A map of the Donetsk front with the front line at ``front_lon``: occupied east of it (with a zig-zag
    edge), a grey strip of 0.05 degrees west of it, liberated west of that; and occupied Crimea."""
    areas = [
        ("occupied", wiggly(front_lon, 47.5, 38.8, 48.8)),
        ("unknown", square(front_lon - 0.05, 47.5, front_lon, 48.8)),
        ("liberated", square(37.0, 47.5, front_lon - 0.05, 48.8)),
        ("crimea", square(33.0, 44.5, 35.0, 46.0)),
    ]
    features = [
        {
            "type": "Feature",
            "properties": {"name": AREA_KEYS[kind]},
            "geometry": {"type": "Polygon", "coordinates": coords},
        }
        for kind, coords in areas
    ]
    features.append(  # not an area
        {
            "type": "Feature",
            "properties": {"name": "Напрямок /// Attack /// geoJSON.status.attack_direction"},
            "geometry": {"type": "Point", "coordinates": [37.6, 48.0]},
        }
    )
    return {"type": "FeatureCollection", "features": features}


MAP_BEFORE = ("2024-05-01", 37.70)  # Ocheretyne (37.61 E) in the liberated area
MAP_AFTER = ("2024-05-10", 37.50)  # Ocheretyne in the occupied area


def write_front_maps(directory) -> list[tuple]:
    """The two maps as files in ``directory``: [(path, date), ...]."""
    import json

    out = []
    for day, front in (MAP_BEFORE, MAP_AFTER):
        path = Path(directory) / f"front-{day}.geojson"
        path.write_text(json.dumps(front_map(front), ensure_ascii=False), encoding="utf-8")
        out.append((path, date.fromisoformat(day)))
    return out


def ocheretyne_claim(document_id: str | None = "wire-a") -> Event:
    """Moscow's claim to Ocheretyne on 6 May 2024, between the two maps (liberated there on 1 May, occupied on
    10 May)."""
    return report(
        "Russia's defence ministry said its forces had taken full control of Ocheretyne.",
        category="territory_captured",
        place="Ocheretyne",
        day=days(0),
        actor1="RU",
        source="Russian defence ministry",
        source_country="RU",
        status="claimed",
        document_id=document_id,
    )


def store_with_front_maps(directory) -> Path:
    """A store in ``directory`` holding the claim (``ocheretyne_claim``) and the two front maps imported."""
    from spotrep.control.store import import_layer
    from spotrep.documents import Document
    from spotrep.store import Store

    claim = ocheretyne_claim()
    path = Path(directory) / "events.db"
    with Store.open(path) as store:
        store.add(
            Document(id="wire-a", text=claim.evidence[0].text, published=days(0), source="Wire"), [claim]
        )
        for file, day in write_front_maps(directory):
            import_layer(store, file, layer_date=day)
    return path
