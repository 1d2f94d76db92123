"""Store benchmarks: a filtered query on a generated database of N events; the store's share of ingest time.

    >>> from spotrep.store import bench
    >>> bench.run(n_events=1_000_000)          # what `make bench` reports
    {"query": {...}, "ingest": {...}}

``query``: a database of ``n_events`` synthetic events (three years, weighted towards the front-line regions
and the common event types, one evidence span each) is bulk-generated; then the filtered query the issue names
(one month + one region + one event type) runs several times and the median is reported, for counting, for the
first page of 100 events and for all matching events as Events. The generated database has no documents or
reports (the filtered query does not read them) and is deleted afterwards unless ``keep`` is set.

``ingest``: a generated corpus of news-like reports is ingested into a fresh store; the time spent in the
store (content-hash checks and the write transactions) is compared to the time spent extracting. With the real
pipeline (``spotrep.pipeline``) that is the figure that matters; without it, spaCy's parse of the same
documents stands in for extraction (a lower bound of the pipeline's time, so the share it gives is an upper
bound).
"""

from __future__ import annotations

import json
import logging
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.schema import CreateIndex

from ..documents import Document, make_document
from ..model import Location
from . import schema as s
from .core import Store
from .dedup import admin1_key, place_key
from .extract import Extractor
from .models import EventFilter

log = logging.getLogger(__name__)

# (ISO 3166-2 code, region name, representative latitude, longitude, weight)
REGIONS: list[tuple[str, str, float, float, float]] = [
    ("UA-14", "Donetsk Oblast", 48.0, 37.8, 30),
    ("UA-63", "Kharkiv Oblast", 49.6, 36.5, 12),
    ("UA-23", "Zaporizhzhia Oblast", 47.5, 35.5, 10),
    ("UA-65", "Kherson Oblast", 46.7, 33.5, 10),
    ("UA-09", "Luhansk Oblast", 48.9, 39.0, 6),
    ("UA-12", "Dnipropetrovsk Oblast", 48.4, 35.0, 5),
    ("UA-59", "Sumy Oblast", 50.9, 34.8, 5),
    ("UA-74", "Chernihiv Oblast", 51.5, 31.9, 3),
    ("UA-51", "Odesa Oblast", 46.5, 30.7, 3),
    ("UA-48", "Mykolaiv Oblast", 47.0, 32.0, 3),
    ("UA-30", "Kyiv", 50.45, 30.52, 2),
    ("UA-32", "Kyiv Oblast", 50.3, 30.5, 1),
    ("UA-53", "Poltava Oblast", 49.6, 34.5, 1),
    ("UA-46", "Lviv Oblast", 49.8, 24.0, 0.5),
    ("UA-18", "Zhytomyr Oblast", 50.25, 28.66, 0.5),
    ("UA-05", "Vinnytsia Oblast", 49.23, 28.47, 0.5),
    ("UA-71", "Cherkasy Oblast", 49.44, 32.06, 0.5),
    ("UA-35", "Kirovohrad Oblast", 48.5, 32.26, 0.5),
    ("UA-56", "Rivne Oblast", 50.62, 26.25, 0.3),
    ("UA-68", "Khmelnytskyi Oblast", 49.42, 26.98, 0.3),
    ("UA-61", "Ternopil Oblast", 49.55, 25.59, 0.2),
    ("UA-07", "Volyn Oblast", 50.75, 25.33, 0.2),
    ("UA-26", "Ivano-Frankivsk Oblast", 48.92, 24.71, 0.2),
    ("UA-21", "Zakarpattia Oblast", 48.62, 22.29, 0.1),
    ("UA-77", "Chernivtsi Oblast", 48.29, 25.94, 0.1),
    ("UA-43", "Crimea", 45.0, 34.1, 2),
    ("RU-BEL", "Belgorod Oblast", 50.6, 36.6, 3),
    ("RU-KRS", "Kursk Oblast", 51.73, 36.19, 2),
    ("RU-BRY", "Bryansk Oblast", 53.25, 34.37, 1),
]

# (event type, sub-event type, category, weight)
KINDS: list[tuple[str, str, str, float]] = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelling", 40),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "missile_strike", 5),
    ("Explosions/Remote violence", "Air/drone strike", "drone_strike", 12),
    ("Explosions/Remote violence", "Air/drone strike", "air_strike", 8),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "mine_ied", 1),
    ("Battles", "Armed clash", "armed_clash", 20),
    ("Battles", "Government regains territory", "territory_captured", 0.5),
    ("Battles", "Non-state actor overtakes territory", "territory_captured", 0.5),
    ("Strategic developments", "Disrupted weapons use", "interception", 6),
    ("Strategic developments", "Non-violent transfer of territory", "withdrawal", 0.5),
    ("Strategic developments", "Arrests", "arrest", 1),
    ("Violence against civilians", "Attack", "attack_on_civilians", 3),
    ("Protests", "Peaceful protest", "protest", 1),
]

START = date(2022, 2, 24)
DAYS = 3 * 365

QUERY_REGION = "Kharkiv"
QUERY_TYPE = "Explosions/Remote violence"
QUERY_SINCE = date(2024, 5, 1)
QUERY_UNTIL = date(2024, 5, 31)


def _settlements(rng: random.Random, per_region: int = 40) -> list[list[tuple[str, float, float]]]:
    """Synthetic settlements around each region's representative point."""
    out = []
    for code, _name, lat, lon, _w in REGIONS:
        out.append(
            [
                (f"{code} settlement {i}", lat + rng.uniform(-0.9, 0.9), lon + rng.uniform(-1.3, 1.3))
                for i in range(per_region)
            ]
        )
    return out


def generate(store: Store, n_events: int, *, seed: int = 7, chunk: int = 50_000) -> float:
    """Bulk-insert ``n_events`` synthetic events into an empty SQLite store; returns the seconds it took."""
    if store.dialect != "sqlite":
        raise ValueError("the generator writes SQLite directly")
    t0 = time.perf_counter()
    rng = random.Random(seed)
    settlements = _settlements(rng)
    region_weights = [r[4] for r in REGIONS]
    kind_weights = [k[3] for k in KINDS]
    now = s.utcnow()
    indexes = [ix for table in (s.events, s.evidence, s.event_categories) for ix in table.indexes]
    engine = store._engine
    dbapi = engine.raw_connection()
    raw = dbapi.driver_connection
    raw.execute("PRAGMA foreign_keys=OFF")  # evidence without reports: only what the filtered query reads
    raw.execute("BEGIN IMMEDIATE")
    try:
        for ix in indexes:
            raw.execute(f"DROP INDEX IF EXISTS {ix.name}")  # built once at the end: faster than row by row
        place_rows, keys = {}, {}
        for region_index, region in enumerate(REGIONS):
            code, name, *_ = region
            for sname, lat, lon in settlements[region_index]:
                loc = Location(
                    name=sname, country=code[:2], admin1=name, admin1_code=code, latitude=lat, longitude=lon
                )
                key = keys[sname] = place_key(loc, 1)
                place_rows[key] = (key, None, sname, code[:2], name, code, admin1_key(loc), None, lat, lon, 1)
        raw.executemany(f"INSERT INTO places VALUES ({','.join('?' * 11)})", list(place_rows.values()))
        event_cols = [c.name for c in s.events.columns]
        insert_events = (
            f"INSERT INTO events ({','.join(event_cols)}) VALUES ({','.join('?' * len(event_cols))})"
        )
        # reports arrive in time order, so a store's rows are roughly in date order: generate them that way
        days = sorted(rng.randrange(DAYS) for _ in range(n_events))
        pk = 0
        while pk < n_events:
            size = min(chunk, n_events - pk)
            regions = rng.choices(range(len(REGIONS)), weights=region_weights, k=size)
            kinds = rng.choices(range(len(KINDS)), weights=kind_weights, k=size)
            events, evidence, categories, rtree = [], [], [], []
            for region_index, kind_index in zip(regions, kinds, strict=True):
                pk += 1
                code, name, *_ = REGIONS[region_index]
                sname, lat, lon = settlements[region_index][rng.randrange(len(settlements[region_index]))]
                event_type, sub_event_type, category, _w = KINDS[kind_index]
                day = START + timedelta(days=days[pk - 1])
                fatalities = rng.choice((None, None, None, 0, 1, 2, 3, 5))
                text = (
                    f"Russian forces: {category.replace('_', ' ')} reported in {sname} on {day.isoformat()}."
                )
                row = {
                    "pk": pk,
                    "event_id": f"bench{pk:010d}",
                    "document_id": f"bench-doc-{pk // 4}",
                    "day": day.toordinal(),
                    "event_date": day.isoformat(),
                    "date_start": day.isoformat(),
                    "date_end": day.isoformat(),
                    "time_precision": 1,
                    "event_type": event_type,
                    "sub_event_type": sub_event_type,
                    "categories": json.dumps([category]),
                    "actor1_name": "Russian forces",
                    "actor1_country": "RU",
                    "actor1_kind": "military",
                    "actor2_name": None,
                    "actor2_country": None,
                    "actor2_kind": None,
                    "place_key": keys[sname],
                    "location_name": sname,
                    "country": code[:2],
                    "admin1": name,
                    "admin1_code": code,
                    "admin1_key": code,
                    "admin2": None,
                    "latitude": lat,
                    "longitude": lon,
                    "location_precision": 1,
                    "gazetteer_id": None,
                    "geo_precision": 1,
                    "fatalities": fatalities,
                    "fatalities_low": fatalities,
                    "fatalities_high": fatalities,
                    "injuries": None,
                    "quantities": "[]",
                    "weapons": "[]",
                    "claim_source": "regional governor",
                    "claim_source_country": "UA",
                    "claim_status": "reported",
                    "notes": text,
                    "source": "Generated Wire",
                    "url": None,
                    "source_count": 1,
                    "sources": '["Generated Wire"]',
                    "created_at": now,
                    "updated_at": now,
                    "lang": "en",
                }
                events.append(tuple(row[c] for c in event_cols))
                evidence.append((pk, pk, pk, row["document_id"], 0, 0, 0, len(text), text))
                categories.append((pk, category))
                d = day.toordinal()
                rtree.append((pk, d, d, lat, lat, lon, lon))
            raw.executemany(insert_events, events)
            raw.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", evidence)
            raw.executemany("INSERT INTO event_categories VALUES (?, ?)", categories)
            if store._rtree:
                raw.executemany("INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?, ?, ?)", rtree)
        for ix in indexes:
            raw.execute(str(CreateIndex(ix).compile(dialect=engine.dialect)))
        raw.execute("COMMIT")
    except BaseException:
        raw.execute("ROLLBACK")
        raise
    finally:
        raw.execute("PRAGMA foreign_keys=ON")
        dbapi.close()
    with store._write() as conn:
        conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - t0


def query_filter() -> EventFilter:
    return EventFilter(since=QUERY_SINCE, until=QUERY_UNTIL, admin1=[QUERY_REGION], types=[QUERY_TYPE])


def time_query(store: Store, *, runs: int = 7) -> dict[str, Any]:
    """Median wall times (ms) of the filtered query: count, first page of 100, all matching events."""
    flt = query_filter()

    def median_ms(function) -> tuple[float, Any]:
        times, result = [], None
        for _ in range(runs):
            t = time.perf_counter()
            result = function()
            times.append((time.perf_counter() - t) * 1000)
        return round(statistics.median(times), 2), result

    count_ms, count = median_ms(lambda: store.count(flt))
    page_ms, _ = median_ms(lambda: store.query(flt, limit=100))
    all_ms, events = median_ms(lambda: store.query(flt))
    return {
        "filter": f"{QUERY_SINCE}..{QUERY_UNTIL}, admin1={QUERY_REGION}, type={QUERY_TYPE}",
        "matching_events": count,
        "returned_events": len(events),
        "count_ms": count_ms,
        "first_100_ms": page_ms,
        "all_matching_ms": all_ms,
        "runs": runs,
    }


# --- ingest overhead ----------------------------------------------------------------------------------------

_PLACES = [
    ("Kharkiv", "the regional governor"), ("Sumy", "regional officials"), ("Odesa", "the city's mayor"),
    ("Zaporizhzhia", "the regional administration"), ("Kherson", "local authorities"),
    ("Dnipro", "the regional governor"), ("Pokrovsk", "the town's military administration"),
    ("Kramatorsk", "the city council"), ("Kupiansk", "local officials"), ("Nikopol", "the district head"),
]  # fmt: skip
_ATTACKS = [
    "A Russian missile struck a residential building in {place}",
    "Russian drones hit energy infrastructure in {place}",
    "Russian artillery shelled the outskirts of {place}",
    "A Russian glide bomb hit an industrial site in {place}",
]


def sample_corpus(n: int = 40, *, seed: int = 3) -> list[Document]:
    """``n`` generated news-like reports (a few paragraphs each) with publication dates and sources."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        place, official = _PLACES[i % len(_PLACES)]
        killed, wounded = rng.randint(1, 9), rng.randint(2, 20)
        day = date(2024, 5, 1) + timedelta(days=i % 30)
        attack = _ATTACKS[rng.randrange(len(_ATTACKS))].format(place=place)
        other, _ = _PLACES[(i + 3) % len(_PLACES)]
        text = (
            f"{attack} on {day.strftime('%A')}, killing {killed} people and wounding {wounded},"
            f" {official} said.\n\n"
            f"Rescue teams worked through the night to clear the rubble, and {official} said the number of"
            f" victims could rise as the search continued.\n\n"
            f"Ukraine's air force said air defence units shot down {rng.randint(5, 30)} drones over the"
            f" {other} region overnight, while fighting continued near {other}, the general staff said.\n\n"
            f"Moscow did not comment on the strike. Russia's defence ministry said its forces had hit"
            f" military targets in the area (report {i})."
        )
        docs.append(make_document(text, published=day, source=f"Wire {i % 4}"))
    return docs


def measure_ingest(
    docs: list[Document] | None = None, *, extractor: Extractor | None = None, path: str | None = None
) -> dict[str, Any]:
    """Ingest a corpus into a fresh store; the store's share of the ingest time (store / (store +
    extraction)).
    """
    docs = docs if docs is not None else sample_corpus()
    name = "custom"
    if extractor is None:
        from ..pipeline import extract_documents

        extractor, name = extract_documents, "spotrep.pipeline"
        list(extractor(docs[:1]))  # warm up: loading the model is not part of ingesting a batch
    with tempfile.TemporaryDirectory() as tmp, Store.open(path or Path(tmp) / "ingest.db") as store:
        report = store.ingest(docs, extractor=extractor)
        events = store.count()
    return {
        "extractor": name,
        "documents": report.documents_added,
        "events_extracted": report.events_extracted,
        "events_stored": events,
        "extract_seconds": round(report.extract_seconds, 3),
        "store_seconds": round(report.store_seconds, 3),
        "store_share": None if report.store_share is None else round(report.store_share, 4),
    }


def run(
    n_events: int = 1_000_000,
    *,
    path: str | None = None,
    runs: int = 7,
    keep: bool = False,
    ingest: bool = True,
    extractor: Extractor | None = None,
) -> dict[str, Any]:
    """Both benchmarks; a dict of figures (see the module docstring)."""
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(path) if path else Path(tmp) / "bench.db"
        if db.exists() and not keep:
            raise FileExistsError(f"{db} exists; the benchmark generates a fresh database")
        with Store.open(db) as store:
            seconds = generate(store, n_events)
            query = time_query(store, runs=runs)
        size = db.stat().st_size
        result["query"] = {
            "events": n_events,
            "generate_seconds": round(seconds, 1),
            "database_mb": round(size / 1e6, 1),
            **query,
        }
        if keep and not path:
            log.warning("keep is only meaningful with a path; the temporary database is deleted")
    if ingest:
        result["ingest"] = measure_ingest(extractor=extractor)
    return result
