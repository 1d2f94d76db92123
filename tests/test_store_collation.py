"""Rows of text are listed in the same order on every store: the places, and the ties of counts in the stats
and the sources, sort by code point with NULL first, on SQLite (binary collation) as on a PostgreSQL database
whose collation sorts otherwise (en-US: case and punctuation ignored at first, NULL last)."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from spotrep.documents import make_document
from spotrep.store import Store

from .store_fakes import make_event

# code point order: 'Ab' < 'B' < 'a-b' < 'ab'; en-US order: 'a-b' < 'ab' < 'Ab' < 'B'
NAMES = ["ab", "B", "a-b", "Ab"]


def _code_point_order(values: list[str | None]) -> list[str | None]:
    return sorted(values, key=lambda v: (v is not None, v or ""))


def _fill(store: Store) -> None:
    # one event per name, far apart (none merges), in a region of that name, from a source of that name; one
    # event with no region, from a document with no source; and two in one region, which comes first by count
    spots = [*NAMES, None, "zz", "zz"]
    for i, name in enumerate(spots):
        doc = make_document(f"Report {i} on {name}.", published="2024-05-15", source=name)
        event = make_event(
            doc.id,
            event_id=f"e{i}",
            place=name or "Nowhere",
            admin1=name,
            admin1_code=None,
            gazetteer_id=f"gz:{i}",
            lat=45.0 + i,
            lon=30.0 + i,
        )
        store.add(doc, [event])


def test_ties_and_names_are_listed_by_code_point_on_every_store(collated_store_url):
    with Store.open(collated_store_url) as store:
        if store.dialect == "postgresql":  # the database does sort the names otherwise
            engine = create_engine(store.url)
            try:
                with engine.connect() as conn:
                    values = ", ".join(f"('{n}')" for n in NAMES)
                    by_database = list(
                        conn.execute(text(f"SELECT x FROM (VALUES {values}) v(x) ORDER BY x")).scalars()
                    )
            finally:
                engine.dispose()
            assert by_database != _code_point_order(NAMES)
        _fill(store)

        stats = store.stats()
        assert stats.by_region[0] == ("UA", "zz", 2)
        assert [a for _, a, _ in stats.by_region[1:]] == _code_point_order([*NAMES, None])
        sources = store.sources()
        assert sources[0] == ("zz", 2)
        assert [s for s, _ in sources[1:]] == _code_point_order([*NAMES, None])
        places = [p.location.name for p in store.places()]
        assert places == ["Nowhere", *_code_point_order(NAMES), "zz", "zz"]  # by region, then name
