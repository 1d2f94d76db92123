"""The store's change log (``spotrep.store.changes``, migration 9): events created or changed, in the order
they were stored, read on from a cursor without skipping or repeating one; on SQLite and PostgreSQL."""

from __future__ import annotations

from spotrep.documents import make_document
from spotrep.store import Store, parse_filter
from spotrep.store.schema import MIGRATIONS

from .store_fakes import PLACES, make_event


def _report(store: Store, text: str, place: str = "Kharkiv", source: str = "Wire A", **event) -> str:
    doc = make_document(text, published="2024-05-15", source=source)
    lat, lon = PLACES[place][:2]
    store.add(doc, [make_event(doc.id, place=place, lat=lat, lon=lon, **event)])
    (stored,) = store.document_events(doc.id)
    return stored.event_id


def test_new_events_come_in_the_order_stored_and_a_changed_one_comes_again_later(store_url):
    with Store.open(store_url) as store:
        assert store.change_head() == 0 and store.changes(0).events == []
        kharkiv = _report(store, "A drone hit Kharkiv.")
        sumy = _report(store, "A drone hit Sumy.", place="Sumy")
        page = store.changes(0)
        assert [c.row.event.event_id for c in page.events] == [kharkiv, sumy]
        assert page.cursor == store.change_head() and all(c.created_after(0) for c in page.events)
        assert store.changes(page.cursor).events == []

        _report(store, "Kharkiv was hit by a drone.", source="Wire B")  # a second source: the event changes
        later = store.changes(page.cursor)
        ((change,),) = [later.events]
        assert change.row.event.source_count == 2 and change.row.number == page.events[0].row.number
        assert not change.created_after(page.cursor)  # it existed: a change, not a new event
        assert change.born == page.events[0].born
        # read from the start, each event comes once, at its latest change
        assert [c.row.event.location.name for c in store.changes(0).events] == ["Sumy", "Kharkiv"]


def test_pages_of_changes_read_on_from_their_cursor_give_each_matching_event_once(store_url):
    with Store.open(store_url) as store:
        places = ["Kharkiv", "Vovchansk", "Lyptsi", "Odesa", "Sumy", "Pokrovsk", "Belgorod"]
        ids = [_report(store, f"A drone hit {place}.", place=place) for place in places]
        seen, cursor = [], 0
        while True:
            page = store.changes(cursor, limit=2)
            seen += [c.row.event.event_id for c in page.events]
            if page.cursor == cursor:
                break
            cursor = page.cursor
        assert seen == ids
        near = store.changes(0, parse_filter(near="50.0,36.23,40"))
        assert [c.row.event.location.name for c in near.events] == ["Kharkiv", "Lyptsi"]


def test_an_event_given_the_row_number_of_a_deleted_one_is_a_new_event(store_url):
    with Store.open(store_url) as store:
        _report(store, "A drone hit Kharkiv.")
        (old,) = store.changes(0).events
        with store.writing() as conn:  # the last event goes (as when its reports join another event)
            if store.dialect == "sqlite":
                conn.exec_driver_sql(f"DELETE FROM events_rtree WHERE id = {old.row.number}")
            conn.exec_driver_sql(f"DELETE FROM events WHERE pk = {old.row.number}")
        _report(store, "A drone hit Odesa.", place="Odesa")
        (new,) = store.changes(old.seq).events
        assert new.row.event.location.name == "Odesa"
        assert new.born > old.born and new.created_after(
            old.seq
        )  # whatever its row number (SQLite reuses it)


def test_the_migrations_may_skip_a_number_and_each_is_recorded(store_url):
    versions = [version for version, _name, _function in MIGRATIONS]
    assert versions == sorted(set(versions))
    with Store.open(store_url) as store, store.reading() as conn:
        assert [
            r[0] for r in conn.exec_driver_sql("SELECT version FROM schema_migrations ORDER BY 1")
        ] == versions
