"""Exports of stored events: ACLED CSV, GeoJSON, JSON lines and Parquet. All of them stream.

* ``acled-csv``: ACLED's own column names in ACLED's order (``ACLED_COLUMNS``), so scripts written for ACLED
  data read it. ``event_date`` is ISO ``YYYY-MM-DD`` by default, as ACLED's API and its current exports give
  it (``date_style="long"`` writes the older "15 May 2024" style); ``iso`` is the numeric ISO 3166-1 code;
  ``region`` is ACLED's world region; ``event_id_cnty`` is the ISO alpha-3 code and the store's event number
  (``UKR1234``); ``source`` lists every source that reported the event, separated by "; "; ``fatalities`` is
  the most conservative (lowest) figure, 0 when none was reported, as ACLED codes it; ``tags`` carries the
  project's categories; ``timestamp`` is the Unix time of the event's last update.
* ``geojson``: an RFC 7946 FeatureCollection; Point geometry ``[longitude, latitude]`` (null when unlocated);
  flat properties (QGIS reads it as a layer), ``lang`` among them.
* ``jsonl``: the event records (``Event`` JSON), one a line: the same records ``extract`` prints.
* ``parquet``: one row per event with a typed schema (``parquet_schema()``): dates as date32, figures as
  integers, lists as lists, evidence and quantities as lists of structs, and the event's ``lang``.
  ``read_parquet_events`` reads it back (files without ``lang`` read as English). The ACLED CSV has no column
  for the language and gets none.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import IO, Any, BinaryIO, TextIO

from . import acled
from .errors import InputError
from .formats import flat_row
from .model import Event

EXPORT_FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
BINARY_FORMATS = ("parquet",)

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


class ExportItem:
    """What an export writes for one event: the record, the store's number for it, its sources and figures."""

    __slots__ = ("event", "fatalities_high", "fatalities_low", "number", "sources", "updated_at")

    def __init__(
        self,
        event: Event,
        *,
        number: int | None = None,
        sources: list[str] | None = None,
        fatalities_low: int | None = None,
        fatalities_high: int | None = None,
        updated_at: str | None = None,
    ) -> None:
        self.event = event
        self.number = number
        self.sources = sources if sources is not None else ([event.source] if event.source else [])
        self.fatalities_low = fatalities_low if fatalities_low is not None else event.fatalities
        self.fatalities_high = fatalities_high if fatalities_high is not None else event.fatalities
        self.updated_at = updated_at


def export_items(items: Iterable[Any]) -> Iterator[ExportItem]:
    """ExportItems from Events, store ``EventRow``s or ExportItems (numbered 1, 2, ... when they have no
    number)."""
    for i, item in enumerate(items, start=1):
        if isinstance(item, ExportItem):
            if item.number is None:
                item.number = i
            yield item
        elif isinstance(item, Event):
            yield ExportItem(item, number=i)
        else:  # a store EventRow (or anything with the same attributes)
            yield ExportItem(
                item.event,
                number=item.number,
                sources=item.sources,
                fatalities_low=item.fatalities_low,
                fatalities_high=item.fatalities_high,
                updated_at=item.updated_at,
            )


# --- ACLED CSV --------------------------------------------------------------------------------------------


def _timestamp(updated_at: str | None) -> int:
    if updated_at:
        try:
            return int(datetime.fromisoformat(updated_at).timestamp())
        except ValueError:
            pass
    return int(datetime.now(UTC).timestamp())


def _acled_date(d: date | None, style: str) -> str:
    if d is None:
        return ""
    return d.isoformat() if style == "iso" else f"{d.day} {d.strftime('%B')} {d.year}"


def acled_row(item: ExportItem, *, date_style: str = "iso") -> dict[str, Any]:
    """One event as an ACLED row (keys: ``ACLED_COLUMNS``)."""
    ev = item.event
    loc = ev.location
    country = loc.country
    inter1 = acled.inter_code(ev.actor1, country)
    inter2 = acled.inter_code(ev.actor2, country)
    day = ev.event_date or ev.date_start or ev.date_end
    iso = acled.iso_numeric(country)
    return {
        "event_id_cnty": f"{acled.iso_alpha3(country) or 'XXX'}{item.number}",
        "event_date": _acled_date(day, date_style),
        "year": day.year if day else "",
        "time_precision": ev.time_precision or "",
        "disorder_type": acled.disorder_type(ev),
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor1.name if ev.actor1 else "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": ev.actor2.name if ev.actor2 else "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": acled.interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if ev.actor2 and ev.actor2.kind == "civilians" else "",
        "iso": "" if iso is None else iso,
        "region": acled.region(country),
        "country": acled.country_name(country),
        "admin1": loc.admin1 or "",
        "admin2": loc.admin2 or "",
        "admin3": "",
        "location": loc.name or loc.admin1 or "",
        "latitude": "" if loc.latitude is None else f"{loc.latitude:.4f}",
        "longitude": "" if loc.longitude is None else f"{loc.longitude:.4f}",
        "geo_precision": ev.geo_precision or loc.geo_precision or "",
        "source": "; ".join(item.sources),
        "source_scale": "",
        "notes": ev.notes,
        "fatalities": ev.fatalities if ev.fatalities is not None else 0,
        "tags": "; ".join(ev.categories),
        "timestamp": _timestamp(item.updated_at),
    }


def write_acled_csv(items: Iterable[Any], out: TextIO, *, date_style: str = "iso") -> int:
    if date_style not in ("iso", "long"):
        raise InputError(f"ACLED date style must be 'iso' or 'long', got {date_style!r}")
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for item in export_items(items):
        writer.writerow(acled_row(item, date_style=date_style))
        n += 1
    return n


# --- GeoJSON ----------------------------------------------------------------------------------------------


def geojson_feature(item: ExportItem) -> dict[str, Any]:
    """An RFC 7946 Feature: Point [longitude, latitude] (6 decimals), flat properties."""
    ev = item.event
    loc = ev.location
    geometry = None
    if loc.latitude is not None and loc.longitude is not None:
        geometry = {"type": "Point", "coordinates": [round(loc.longitude, 6), round(loc.latitude, 6)]}
    props: dict[str, Any] = {}
    for key, value in flat_row(ev).items():
        props[key] = None if value == "" else value
    props["number"] = item.number
    props["gazetteer_id"] = loc.gazetteer_id
    props["fatalities_low"] = item.fatalities_low
    props["fatalities_high"] = item.fatalities_high
    props["sources"] = "; ".join(item.sources) or None
    props["url"] = ev.url
    props["lang"] = ev.lang
    return {"type": "Feature", "id": ev.event_id, "geometry": geometry, "properties": props}


def write_geojson(items: Iterable[Any], out: TextIO) -> int:
    """A FeatureCollection, written feature by feature (any number of events)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for item in export_items(items):
        if n:
            out.write(",\n")
        out.write(json.dumps(geojson_feature(item), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


# --- JSON lines -------------------------------------------------------------------------------------------


def write_jsonl(items: Iterable[Any], out: TextIO) -> int:
    n = 0
    for item in export_items(items):
        out.write(json.dumps(item.event.to_json_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


# --- Parquet ----------------------------------------------------------------------------------------------


def parquet_schema():
    import pyarrow as pa

    actor_cols = []
    for n in (1, 2):
        actor_cols += [
            pa.field(f"actor{n}_name", pa.string()),
            pa.field(f"actor{n}_country", pa.string()),
            pa.field(f"actor{n}_kind", pa.string()),
        ]
    return pa.schema(
        [
            pa.field("event_id", pa.string(), nullable=False),
            pa.field("number", pa.int64()),
            pa.field("document_id", pa.string(), nullable=False),
            pa.field("event_date", pa.date32()),
            pa.field("date_start", pa.date32()),
            pa.field("date_end", pa.date32()),
            pa.field("time_precision", pa.int8()),
            pa.field("event_type", pa.string(), nullable=False),
            pa.field("sub_event_type", pa.string(), nullable=False),
            pa.field("categories", pa.list_(pa.string())),
            *actor_cols,
            pa.field("location_name", pa.string()),
            pa.field("country", pa.string()),
            pa.field("admin1", pa.string()),
            pa.field("admin1_code", pa.string()),
            pa.field("admin2", pa.string()),
            pa.field("latitude", pa.float64()),
            pa.field("longitude", pa.float64()),
            pa.field("location_precision", pa.int8()),
            pa.field("gazetteer_id", pa.string()),
            pa.field("geo_precision", pa.int8()),
            pa.field("fatalities", pa.int32()),
            pa.field("fatalities_low", pa.int32()),
            pa.field("fatalities_high", pa.int32()),
            pa.field("injuries", pa.int32()),
            pa.field(
                "quantities",
                pa.list_(
                    pa.struct(
                        [
                            pa.field("count", pa.int64()),
                            pa.field("unit", pa.string()),
                            pa.field("qualifier", pa.string()),
                        ]
                    )
                ),
            ),
            pa.field("weapons", pa.list_(pa.string())),
            pa.field("claim_source", pa.string()),
            pa.field("claim_source_country", pa.string()),
            pa.field("claim_status", pa.string()),
            pa.field(
                "evidence",
                pa.list_(
                    pa.struct(
                        [
                            pa.field("text", pa.string()),
                            pa.field("start", pa.int64()),
                            pa.field("end", pa.int64()),
                            pa.field("document_id", pa.string()),
                        ]
                    )
                ),
            ),
            pa.field("notes", pa.string()),
            pa.field("source", pa.string()),
            pa.field("url", pa.string()),
            pa.field("source_count", pa.int32()),
            pa.field("sources", pa.list_(pa.string())),
            pa.field("lang", pa.string()),
        ]
    )


def parquet_record(item: ExportItem) -> dict[str, Any]:
    ev = item.event
    loc = ev.location
    record: dict[str, Any] = {
        "event_id": ev.event_id,
        "number": item.number,
        "document_id": ev.document_id,
        "event_date": ev.event_date,
        "date_start": ev.date_start,
        "date_end": ev.date_end,
        "time_precision": ev.time_precision,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "categories": list(ev.categories),
    }
    for n, actor in ((1, ev.actor1), (2, ev.actor2)):
        record[f"actor{n}_name"] = actor.name if actor else None
        record[f"actor{n}_country"] = actor.country if actor else None
        record[f"actor{n}_kind"] = actor.kind if actor else None
    record.update(
        {
            "location_name": loc.name,
            "country": loc.country,
            "admin1": loc.admin1,
            "admin1_code": loc.admin1_code,
            "admin2": loc.admin2,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
            "location_precision": loc.geo_precision,
            "gazetteer_id": loc.gazetteer_id,
            "geo_precision": ev.geo_precision,
            "fatalities": ev.fatalities,
            "fatalities_low": item.fatalities_low,
            "fatalities_high": item.fatalities_high,
            "injuries": ev.injuries,
            "quantities": [q.model_dump() for q in ev.quantities],
            "weapons": list(ev.weapons),
            "claim_source": ev.claim.source,
            "claim_source_country": ev.claim.source_country,
            "claim_status": ev.claim.status,
            "evidence": [e.model_dump() for e in ev.evidence],
            "notes": ev.notes,
            "source": ev.source,
            "url": ev.url,
            "source_count": ev.source_count,
            "sources": list(item.sources),
            "lang": ev.lang,
        }
    )
    return record


def write_parquet(items: Iterable[Any], out: str | BinaryIO, *, row_group_size: int = 50_000) -> int:
    """Write a Parquet file (a path or a binary stream), ``row_group_size`` events per row group."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        chunk: list[dict[str, Any]] = []
        for item in export_items(items):
            chunk.append(parquet_record(item))
            if len(chunk) >= row_group_size:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    return n


def read_parquet_events(source: str | BinaryIO) -> list[Event]:
    """The events of a Parquet export, as Events (validated)."""
    import pyarrow.parquet as pq

    out = []
    for rec in pq.read_table(source).to_pylist():
        actors = {}
        for n in (1, 2):
            kind = rec[f"actor{n}_kind"]
            actors[f"actor{n}"] = (
                {"name": rec[f"actor{n}_name"], "country": rec[f"actor{n}_country"], "kind": kind}
                if kind
                else None
            )
        out.append(
            Event.model_validate(
                {
                    "event_id": rec["event_id"],
                    "document_id": rec["document_id"],
                    "event_date": rec["event_date"],
                    "date_start": rec["date_start"],
                    "date_end": rec["date_end"],
                    "time_precision": rec["time_precision"],
                    "event_type": rec["event_type"],
                    "sub_event_type": rec["sub_event_type"],
                    "categories": rec["categories"] or [],
                    **actors,
                    "location": {
                        "name": rec["location_name"],
                        "country": rec["country"],
                        "admin1": rec["admin1"],
                        "admin1_code": rec["admin1_code"],
                        "admin2": rec["admin2"],
                        "latitude": rec["latitude"],
                        "longitude": rec["longitude"],
                        "geo_precision": rec["location_precision"],
                        "gazetteer_id": rec["gazetteer_id"],
                    },
                    "geo_precision": rec["geo_precision"],
                    "fatalities": rec["fatalities"],
                    "injuries": rec["injuries"],
                    "quantities": rec["quantities"] or [],
                    "weapons": rec["weapons"] or [],
                    "claim": {
                        "source": rec["claim_source"],
                        "source_country": rec["claim_source_country"],
                        "status": rec["claim_status"],
                    },
                    "evidence": rec["evidence"] or [],
                    "notes": rec["notes"] or "",
                    "source": rec["source"],
                    "url": rec["url"],
                    "source_count": rec["source_count"],
                    "lang": rec.get("lang") or "en",  # exports written before events had a language
                }
            )
        )
    return out


def write_export(items: Iterable[Any], out: IO, fmt: str, *, date_style: str = "iso") -> int:
    """Write events (Events, store rows or ExportItems) in one of EXPORT_FORMATS; returns how many.

    ``out`` is a text stream, except for parquet: a binary stream or a path.
    """
    if fmt == "acled-csv":
        return write_acled_csv(items, out, date_style=date_style)
    if fmt == "geojson":
        return write_geojson(items, out)
    if fmt == "jsonl":
        return write_jsonl(items, out)
    if fmt == "parquet":
        return write_parquet(items, out)
    raise InputError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}", value=fmt)
