"""Test helpers for the store: hand-built events and fake extractors (no spaCy).

``keyword_extract`` is a deliberately small rule-based stand-in for the pipeline: one event per (place, kind)
in a document, from a fixed table of places and a few keywords, with figures ("killing 12") and the claimant.
It lets the store's tests (and ``spotrep ingest`` in a subprocess, through ``SPOTREP_EXTRACTOR``) run on
real-looking reports without the language model.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from spotrep.documents import Document
from spotrep.model import Actor, Claim, Event, Evidence, Location

# name: (lat, lon, country, admin1, admin1_code, gazetteer_id)
PLACES: dict[str, tuple[float, float, str, str, str, str | None]] = {
    "Kharkiv": (49.9935, 36.2304, "UA", "Kharkiv Oblast", "UA-63", "gn:706483"),
    "Vovchansk": (50.2908, 36.9411, "UA", "Kharkiv Oblast", "UA-63", "gn:689558"),
    "Lyptsi": (50.1947, 36.4264, "UA", "Kharkiv Oblast", "UA-63", None),
    "Odesa": (46.4825, 30.7233, "UA", "Odesa Oblast", "UA-51", "gn:698740"),
    "Sumy": (50.9077, 34.7981, "UA", "Sumy Oblast", "UA-59", "gn:692194"),
    "Pokrovsk": (48.2826, 37.1758, "UA", "Donetsk Oblast", "UA-14", None),
    "Myrnohrad": (48.3022, 37.2614, "UA", "Donetsk Oblast", "UA-14", None),
    "Belgorod": (50.5977, 36.5858, "RU", "Belgorod Oblast", "RU-BEL", "gn:578072"),
}

# keyword: (event type, sub-event type, category)
KINDS: list[tuple[str, tuple[str, str, str]]] = [
    ("shot down", ("Strategic developments", "Disrupted weapons use", "interception")),
    ("intercepted", ("Strategic developments", "Disrupted weapons use", "interception")),
    ("drone", ("Explosions/Remote violence", "Air/drone strike", "drone_strike")),
    ("glide bomb", ("Explosions/Remote violence", "Air/drone strike", "air_strike")),
    ("guided bomb", ("Explosions/Remote violence", "Air/drone strike", "air_strike")),
    ("air strike", ("Explosions/Remote violence", "Air/drone strike", "air_strike")),
    ("missile", ("Explosions/Remote violence", "Shelling/artillery/missile attack", "missile_strike")),
    ("shelled", ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelling")),
    ("shelling", ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelling")),
    ("artillery", ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelling")),
    ("fighting", ("Battles", "Armed clash", "armed_clash")),
    ("clashes", ("Battles", "Armed clash", "armed_clash")),
]

_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
_NUM = r"(\d+|" + "|".join(_NUMBERS) + r")"
_KILLED = [
    re.compile(r"killing (?:at least )?" + _NUM, re.I),
    re.compile(_NUM + r" (?:\w+ ){0,2}(?:were |was )?(?:killed|dead)", re.I),
]
_WOUNDED = [
    re.compile(r"(?:wounding|injuring) (?:at least )?" + _NUM, re.I),
    re.compile(_NUM + r" (?:\w+ ){0,2}(?:were |was )?(?:wounded|injured)", re.I),
]
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def _number(text: str, patterns: list[re.Pattern[str]]) -> int | None:
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            word = m.group(1).lower()
            return int(word) if word.isdigit() else _NUMBERS[word]
    return None


def _claim(sentence: str) -> Claim:
    low = sentence.lower()
    status = "claimed" if "claimed" in low else "reported"
    if "russia's defence ministry" in low or "russian defence ministry" in low or "moscow said" in low:
        return Claim(source="Russian defence ministry", source_country="RU", status=status)
    if "governor" in low or "ukrainian officials" in low or "ukraine's" in low or "kyiv said" in low:
        return Claim(source="Ukrainian officials", source_country="UA", status=status)
    return Claim(status=status)


def _actor(sentence: str) -> Actor | None:
    if re.search(r"\bRussian\b|\bRussia's\b", sentence):
        return Actor(name="Russian forces", country="RU", kind="military")
    if re.search(r"\bUkrainian\b", sentence):
        return Actor(name="Ukrainian forces", country="UA", kind="military")
    return None


def keyword_events(doc: Document) -> list[Event]:
    """Events of one document found with the keyword tables (one per place and kind, in text order)."""
    events: dict[tuple[str, str], dict[str, Any]] = {}
    for m in _SENTENCE.finditer(doc.text):
        sentence = m.group(0)
        stripped = sentence.strip()
        if not stripped:
            continue
        start = m.start() + (len(sentence) - len(sentence.lstrip()))
        place = next((p for p in PLACES if p in sentence), None)
        kind = next((k for word, k in KINDS if word in sentence.lower()), None)
        if place is None or kind is None:
            continue
        day = doc.published
        if day is not None and "yesterday" in sentence.lower():
            day = day - timedelta(days=1)
        key = (place, kind[1])
        ev = events.setdefault(
            key,
            {
                "place": place,
                "kind": kind,
                "day": day,
                "evidence": [],
                "fatalities": None,
                "injuries": None,
                "actor1": None,
                "claim": Claim(),
            },
        )
        ev["evidence"].append(Evidence(text=stripped, start=start, end=start + len(stripped)))
        ev["fatalities"] = ev["fatalities"] if ev["fatalities"] is not None else _number(sentence, _KILLED)
        ev["injuries"] = ev["injuries"] if ev["injuries"] is not None else _number(sentence, _WOUNDED)
        ev["actor1"] = ev["actor1"] or _actor(sentence)
        claim = _claim(sentence)
        if ev["claim"].source_country is None and claim.source_country is not None:
            ev["claim"] = claim
    out = []
    for ev in events.values():
        lat, lon, country, admin1, code, gz = PLACES[ev["place"]]
        event_type, sub_event_type, category = ev["kind"]
        day: date | None = ev["day"]
        out.append(
            Event(
                document_id=doc.id,
                event_date=day,
                date_start=day,
                date_end=day,
                time_precision=1 if day else None,
                event_type=event_type,
                sub_event_type=sub_event_type,
                categories=[category],
                actor1=ev["actor1"],
                location=Location(
                    name=ev["place"],
                    country=country,
                    admin1=admin1,
                    admin1_code=code,
                    latitude=lat,
                    longitude=lon,
                    geo_precision=1,
                    gazetteer_id=gz,
                ),
                geo_precision=1,
                fatalities=ev["fatalities"],
                injuries=ev["injuries"],
                claim=ev["claim"],
                evidence=ev["evidence"],
                notes=f"{sub_event_type} in {ev['place']}",
                source=doc.source,
                url=doc.url,
            )
        )
    return out


def keyword_extract(docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
    """A fake ``extract_documents``: the keyword events of each document."""
    for doc in docs:
        if "EXPLODE" in doc.text:
            raise RuntimeError(f"the fake extractor was told to fail on {doc.id}")
        yield doc, keyword_events(doc)


def slow_extract(docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
    """``keyword_extract``, sleeping ``$SPOTREP_TEST_DELAY`` seconds (default 0.2) per document."""
    delay = float(os.environ.get("SPOTREP_TEST_DELAY", "0.2"))
    for doc in docs:
        time.sleep(delay)
        yield doc, keyword_events(doc)


def make_event(document_id: str = "doc-a", **changes: Any) -> Event:
    """A hand-built event: a Russian drone strike on Kharkiv on 2024-05-15, changed by keyword arguments.

    ``lat``/``lon``/``place``/``gazetteer_id``/``admin1_code``/``admin1``/``country`` change the location;
    ``day`` sets event_date, date_start and date_end; ``actor1_country`` changes actor1's country.
    """
    day = changes.pop("day", date(2024, 5, 15))
    location = {
        "name": changes.pop("place", "Kharkiv"),
        "country": changes.pop("country", "UA"),
        "admin1": changes.pop("admin1", "Kharkiv Oblast"),
        "admin1_code": changes.pop("admin1_code", "UA-63"),
        "latitude": changes.pop("lat", 49.9935),
        "longitude": changes.pop("lon", 36.2304),
        "geo_precision": changes.get("geo_precision", 1),
        "gazetteer_id": changes.pop("gazetteer_id", None),
    }
    actor_country = changes.pop("actor1_country", "RU")
    base: dict[str, Any] = {
        "document_id": document_id,
        "event_date": day,
        "date_start": day,
        "date_end": day,
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "categories": ["drone_strike"],
        "actor1": {"name": "Russian forces", "country": actor_country, "kind": "military"}
        if actor_country != "none"
        else None,
        "location": location,
        "geo_precision": 1,
        "claim": {"source": "regional governor", "source_country": "UA", "status": "reported"},
        "evidence": [{"text": "A drone hit Kharkiv.", "start": 0, "end": 20}],
        "notes": "Russian forces struck Kharkiv with drones.",
    }
    base.update(changes)
    return Event.model_validate(base)


def snapshot(path: str | os.PathLike[str]) -> dict[str, list[tuple]]:
    """What a store database holds, without timestamps or surrogate keys, in a stable order."""
    import sqlite3

    con = sqlite3.connect(os.fspath(path))
    try:
        events_cols = [
            r[1]
            for r in con.execute("PRAGMA table_info(events)")
            if r[1] not in ("pk", "created_at", "updated_at")
        ]
        out = {
            "documents": con.execute(
                "SELECT id, content_hash, published, source, url, title, n_chars, n_events, text"
                " FROM documents ORDER BY id"
            ).fetchall(),
            "events": con.execute(
                f"SELECT {', '.join(events_cols)} FROM events ORDER BY event_id"
            ).fetchall(),
            "reports": con.execute(
                "SELECT e.event_id, r.document_id, r.report_event_id, r.record FROM reports r"
                " JOIN events e ON e.pk = r.event_pk ORDER BY e.event_id, r.document_id"
            ).fetchall(),
            "evidence": con.execute(
                'SELECT e.event_id, v.document_id, v.ordinal, v.position, v.start, v."end", v.text'
                " FROM evidence v JOIN events e ON e.pk = v.event_pk"
                " ORDER BY e.event_id, v.document_id, v.ordinal"
            ).fetchall(),
            "categories": con.execute(
                "SELECT e.event_id, c.category FROM event_categories c JOIN events e ON e.pk = c.event_pk"
                " ORDER BY 1, 2"
            ).fetchall(),
            "places": con.execute("SELECT * FROM places ORDER BY key").fetchall(),
        }
        if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'events_rtree'").fetchone():
            out["rtree"] = con.execute(
                "SELECT e.event_id, r.min_day, r.max_day, r.min_lat, r.max_lat, r.min_lon, r.max_lon"
                " FROM events_rtree r JOIN events e ON e.pk = r.id ORDER BY e.event_id"
            ).fetchall()
        return out
    finally:
        con.close()


def write_corpus(directory: str | os.PathLike[str], n: int) -> list[str]:
    """Write ``n`` distinct short reports (one strike each) as text files; returns their paths."""
    from pathlib import Path

    places = list(PLACES)
    kinds = ["drone strike", "missile strike", "shelling", "glide bomb attack"]
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        place = places[i % len(places)]
        kind = kinds[(i // len(places)) % len(kinds)]
        text = (
            f"Report {i}: a Russian {kind} hit {place} on day {i}, killing {i % 5 + 1} people, the regional"
            f" governor said.\n\nEmergency crews worked at the site for hours (report number {i})."
        )
        path = root / f"report_{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths
