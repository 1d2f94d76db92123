"""The store's change log (``spotrep.store.changes``, migration 9): events created or changed, in the order
they were stored, read on from a cursor without skipping or repeating one; old changes every alert has read
pruned, each event's birth kept; on SQLite and PostgreSQL."""

from __future__ import annotations

import time

from spotrep.alerts import add_alert, queue_deliveries
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


def log_rows(store: Store) -> list[tuple[int, int, str]]:
    with store.reading() as conn:
        return [
            tuple(r) for r in conn.exec_driver_sql("SELECT seq, event_pk, change FROM event_log ORDER BY seq")
        ]


def births(rows: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The latest insert row of each row number."""
    latest = {pk: (seq, pk, change) for seq, pk, change in rows if change == "insert"}
    return sorted(latest.values())


def test_pruning_drops_old_changes_every_alert_has_read_but_keeps_each_events_birth_and_the_head(store_url):
    with Store.open(store_url) as store:
        _report(store, "A drone hit Kharkiv.")
        _report(store, "Kharkiv was hit by a drone.", source="Wire B")  # Kharkiv changes
        _report(store, "A drone hit Sumy.", place="Sumy")
        born = {c.row.number: c.born for c in store.changes(0).events}
        alert = add_alert(store, "all", parse_filter(), command="true")  # it has read up to here
        _report(store, "A drone hit Odesa.", place="Odesa")
        _report(store, "Sumy was hit by a drone.", place="Sumy", source="Wire B")  # Sumy changes
        rows = log_rows(store)
        assert any(change == "update" and seq <= alert.cursor for seq, _, change in rows)

        assert store.prune_changes() == 0  # nothing is a week old
        pruned = store.prune_changes(now=time.time() + 8 * 86400)
        kept = log_rows(store)
        read = [row for row in rows if row[0] <= alert.cursor]
        assert [row for row in kept if row[0] <= alert.cursor] == births(read)  # the births of Kharkiv, Sumy
        assert [row for row in kept if row[0] > alert.cursor] == [
            row for row in rows if row[0] > alert.cursor
        ]
        assert pruned == len(read) - 2
        # each event still comes once, with the same birth; Kharkiv at its birth now (its change is gone)
        assert {c.row.number: c.born for c in store.changes(0).events if c.row.number in born} == born
        assert [c.row.event.location.name for c in store.changes(0).events] == ["Kharkiv", "Odesa", "Sumy"]

        queue_deliveries(store)  # the alert reads on: the rest may go too, but the births and the head
        store.prune_changes(now=time.time() + 8 * 86400)
        assert log_rows(store) == sorted({*births(rows), rows[-1]})
        assert store.change_head() == rows[-1][0]


def test_an_event_delivered_before_its_changes_were_pruned_is_not_delivered_again_when_it_changes(store_url):
    with Store.open(store_url) as store:
        add_alert(store, "all", parse_filter(), command="true")
        _report(store, "A drone hit Kharkiv.")
        _report(store, "A drone hit Sumy.", place="Sumy")
        assert queue_deliveries(store) == 2
        assert store.prune_changes(keep_seconds=0, now=time.time() + 1) == 0  # only births below the head
        _report(store, "Kharkiv was hit by a drone.", source="Wire B")
        _report(store, "A drone hit Odesa.", place="Odesa")
        store.prune_changes(keep_seconds=0, now=time.time() + 1)
        _report(store, "Kharkiv was hit by a drone again.", source="Wire C")  # Kharkiv changes again
        assert queue_deliveries(store) == 1  # Odesa only: Kharkiv is still the event delivered


def test_changes_from_before_the_times_were_recorded_count_as_old(store_url):
    with Store.open(store_url) as store:
        _report(store, "A drone hit Kharkiv.")
        _report(store, "Kharkiv was hit by a drone.", source="Wire B")
        _report(store, "A drone hit Sumy.", place="Sumy")
        with store.writing() as conn:  # as rows written before migration 10
            conn.exec_driver_sql("UPDATE event_log SET at = NULL")
        updates = [row for row in log_rows(store) if row[2] == "update"]
        assert updates and store.prune_changes() == len(updates)


def test_a_store_of_schema_9_gets_the_times_of_its_new_changes_after_the_upgrade(store_url):
    from spotrep.store.schema import _M9_POSTGRESQL_TRIGGERS, _M9_SQLITE_TRIGGERS

    with Store.open(store_url) as store:
        with store.writing() as conn:  # back to schema 9: no times, the triggers of migration 9
            if store.dialect == "sqlite":
                conn.exec_driver_sql("DROP TRIGGER events_log_insert")
                conn.exec_driver_sql("DROP TRIGGER events_log_update")
            for statement in _M9_SQLITE_TRIGGERS if store.dialect == "sqlite" else _M9_POSTGRESQL_TRIGGERS:
                conn.exec_driver_sql(statement)
            conn.exec_driver_sql("ALTER TABLE event_log DROP COLUMN at")
            conn.exec_driver_sql("DELETE FROM schema_migrations WHERE version = 10")
        _report(store, "A drone hit Kharkiv.")
    with Store.open(store_url) as store:
        _report(store, "A drone hit Sumy.", place="Sumy")
        with store.reading() as conn:
            times = [r[0] for r in conn.exec_driver_sql("SELECT at FROM event_log ORDER BY seq")]
        assert times[0] is None and abs(times[1] - time.time()) < 60
