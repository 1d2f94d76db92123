"""Test helpers for the store: hand-built events and fake extractors (no spaCy).

``keyword_extract`` is a deliberately small rule-based stand-in for the pipeline: one event per (place, kind)
in a document, from a fixed table of places and a few keywords, with figures ("killing 12") and the claimant.
It lets the store's tests (and ``spotrep ingest`` in a subprocess, through ``SPOTREP_EXTRACTOR``) run on
real-looking reports without the language model.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
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
    """``keyword_extract`` (which fails on EXPLODE), sleeping ``$SPOTREP_TEST_DELAY`` seconds (default 0.2)
    per document."""
    delay = float(os.environ.get("SPOTREP_TEST_DELAY", "0.2"))
    for doc in docs:
        time.sleep(delay)
        yield from keyword_extract([doc])


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


def snapshot(where: Any, *, rtree: bool = True) -> dict[str, list[tuple]]:
    """What a store holds, without timestamps or surrogate keys, in a stable order: the same on SQLite and
    PostgreSQL. ``where``: a Store, or a database path or URL. ``rtree``: include SQLite's R*tree (by event
    id), when there is one."""
    from sqlalchemy import create_engine, select

    from spotrep.store import schema as s
    from spotrep.store.engine import resolve_url

    url = where.url if hasattr(where, "url") else resolve_url(where)
    engine = create_engine(url)
    e, r, v, c, d = s.events.c, s.reports.c, s.evidence.c, s.event_categories.c, s.documents.c
    try:
        with engine.connect() as con:

            def rows(query) -> list[tuple]:
                return sorted((tuple(row) for row in con.execute(query)), key=repr)

            event_cols = [
                col for col in s.events.columns if col.name not in ("pk", "created_at", "updated_at")
            ]
            out = {
                "documents": rows(
                    select(
                        d.id,
                        d.content_hash,
                        d.published,
                        d.source,
                        d.url,
                        d.title,
                        d.n_chars,
                        d.n_events,
                        d.text,
                    )
                ),
                "events": rows(select(*event_cols)),
                "reports": rows(
                    select(e.event_id, r.document_id, r.report_event_id, r.record).join(
                        s.events, e.pk == r.event_pk
                    )
                ),
                "evidence": rows(
                    select(e.event_id, v.document_id, v.ordinal, v.position, v.start, v.end, v.text).join(
                        s.events, e.pk == v.event_pk
                    )
                ),
                "categories": rows(select(e.event_id, c.category).join(s.events, e.pk == c.event_pk)),
                "places": rows(select(s.places)),
            }
            if rtree and con.dialect.name == "sqlite" and s.has_rtree(con):
                t = s.events_rtree.c
                out["rtree"] = rows(
                    select(e.event_id, t.min_day, t.max_day, t.min_lat, t.max_lat, t.min_lon, t.max_lon).join(
                        s.events, e.pk == t.id
                    )
                )
            return out
    finally:
        engine.dispose()


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


OUTLETS = [
    "Kyiv Daily Monitor",
    "Black Sea Herald",
    "Eastern Front Wire",
    "Northern Dispatch",
    "Donbas Courier",
]


def overlapping_corpus(n: int, *, seed: int = 1) -> list[Document]:
    """``n`` short reports of strikes on a few nearby places over a few days, told by several outlets (some a
    day late, "yesterday"): many reports of one strike, and chains of strikes a day apart that merging must
    cut the same way whatever the order. For ``keyword_extract``."""
    import random

    from spotrep.documents import make_document

    rng = random.Random(seed)
    places = ["Pokrovsk", "Myrnohrad", "Kharkiv", "Kharkiv", "Lyptsi", "Odesa"]
    kinds = ["drone", "missile", "shelling", "drone"]
    docs = []
    for i in range(n):
        published = date(2024, 6, 1) + timedelta(days=rng.randrange(5))
        sentences = []
        for _ in range(rng.randrange(1, 4)):
            place, kind = rng.choice(places), rng.choice(kinds)
            when = rng.choice(["on Monday", "yesterday", "overnight"])
            killed = rng.choice(["", f", killing {rng.randrange(1, 9)}"])
            who = rng.choice(
                ["the regional governor said", "Russia's defence ministry claimed", "officials said"]
            )
            subject = {
                "drone": "A Russian drone",
                "missile": "A Russian missile",
                "shelling": "Russian shelling",
            }
            sentences.append(f"{subject[kind]} hit {place} {when}{killed}, {who}.")
        text = " ".join(sentences) + f" (Report {i} of {seed}.)"
        docs.append(make_document(text, published=published.isoformat(), source=rng.choice(OUTLETS)))
    return docs


@contextlib.contextmanager
def extraction_worker(path_or_url: Any, *, extractor: Any = None, poll: float = 0.02) -> Iterator[Any]:
    """An extraction worker (``spotrep.store.worker.run_worker``) in a thread over the store at
    ``path_or_url``, with the keyword extractor by default; stopped (and checked) on exit."""
    from spotrep.store import Store
    from spotrep.store.worker import run_worker

    stop = threading.Event()
    failures: list[BaseException] = []
    store = Store.open(path_or_url)

    def loop() -> None:
        try:
            run_worker(
                store, extractor=extractor or keyword_extract, stop=stop, poll=poll, name="test-worker"
            )
        except BaseException as exc:  # reported to the test below
            failures.append(exc)

    thread = threading.Thread(target=loop, name="extraction-worker", daemon=True)
    thread.start()
    try:
        yield store
    finally:
        stop.set()
        thread.join(30)
        store.close()
    assert not thread.is_alive(), "the extraction worker did not stop"
    assert not failures, failures
