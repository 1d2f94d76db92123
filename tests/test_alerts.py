"""Alerts (``spotrep.alerts``, ``spotrep alerts``): saved filters whose new matching events go to a webhook
(a local HTTP server started here) or a command, each event once per alert, retried until taken, neither lost
nor repeated across restarts; on SQLite and PostgreSQL."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from spotrep.alerts import (
    RETRY_BASE,
    AlertExistsError,
    add_alert,
    deliver_alerts,
    list_alerts,
    queue_deliveries,
    remove_alert,
)
from spotrep.cli import cli
from spotrep.documents import make_document
from spotrep.errors import InputError, NotFoundError
from spotrep.store import Store, parse_filter

from .store_fakes import PLACES, make_event

REPO = Path(__file__).resolve().parents[1]


class Hook:
    """A local webhook: answers each POST with the next status of ``statuses`` (then 200), keeps the bodies."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.statuses = list(statuses or [])
        self.bodies: list[dict] = []
        self.answered: list[int] = []
        hook = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                hook.bodies.append(json.loads(body))
                status = hook.statuses.pop(0) if hook.statuses else 200
                hook.answered.append(status)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def event_ids(self) -> list[str]:
        return [e["event_id"] for body in self.bodies for e in body["events"]]


@pytest.fixture
def hook() -> Iterator[Hook]:
    h = Hook()
    h.thread.start()
    yield h
    h.server.shutdown()
    h.server.server_close()


def report(store: Store, text: str, source: str = "Wire A", **event) -> str:
    """Store a one-event document; returns the stored event's id."""
    doc = make_document(text, published="2024-05-15", source=source)
    store.add(doc, [make_event(doc.id, **event)])
    (stored,) = store.document_events(doc.id)
    return stored.event_id


class Clock:
    def __init__(self) -> None:
        import time

        self.now = time.time()

    def __call__(self) -> float:
        return self.now


# --- managing alerts ------------------------------------------------------------------------------------


def test_alerts_are_added_listed_with_their_filter_and_removed_from_the_cli(store_url, hook):
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(cli, [*args, "--db", store_url], catch_exceptions=False)

    added = run(
        "alerts", "add", "drones", "--type", "Air/drone strike", "--near", "50,36.2,30", "--webhook", hook.url
    )
    assert added.exit_code == 0, added.output
    assert run("alerts", "add", "shell", "--command", "cat >/dev/null", "--min-sources", "2").exit_code == 0
    listed = json.loads(run("alerts", "list", "--format", "json").stdout)
    assert [a["name"] for a in listed] == ["drones", "shell"]
    assert listed[0]["filter"] == {
        "types": ["Air/drone strike"],
        "near": {"lat": 50.0, "lon": 36.2, "km": 30.0},
    }
    assert listed[0]["target_kind"] == "webhook" and listed[0]["target"] == hook.url
    assert listed[1]["filter"] == {"min_sources": 2} and listed[1]["target_kind"] == "command"
    assert "drones  webhook " + hook.url in run("alerts", "list").stdout

    again = run("alerts", "add", "drones", "--webhook", hook.url)
    assert again.exit_code == 2 and "already" in again.stderr
    assert run("alerts", "add", "x", "--webhook", hook.url, "--command", "true").exit_code == 2
    assert run("alerts", "add", "x").exit_code == 2
    bad = run("alerts", "add", "x", "--webhook", "file:///etc/passwd")
    assert bad.exit_code == 2 and "http" in bad.stderr
    assert run("alerts", "add", "x", "--type", "Nonsense", "--webhook", hook.url).exit_code == 2

    assert run("alerts", "remove", "drones").exit_code == 0
    assert [a["name"] for a in json.loads(run("alerts", "list", "--format", "json").stdout)] == ["shell"]
    gone = run("alerts", "remove", "drones")
    assert gone.exit_code == 4 and "no alert named 'drones'" in gone.stderr


def test_the_library_refuses_a_second_alert_of_a_name_and_a_blank_name(store_url, hook):
    with Store.open(store_url) as store:
        add_alert(store, "a", webhook=hook.url)
        with pytest.raises(AlertExistsError) as found:
            add_alert(store, "a", command="true")
        assert found.value.code == "alert_exists"
        with pytest.raises(InputError):
            add_alert(store, "  ", webhook=hook.url)
        with pytest.raises(NotFoundError):
            remove_alert(store, "b")


# --- delivering -----------------------------------------------------------------------------------------


def test_a_webhook_that_fails_once_gets_each_new_event_once_and_nothing_again_after_a_restart(
    store_url, hook
):
    hook.statuses = [500]
    clock = Clock()
    with Store.open(store_url) as store:
        report(store, "Old news: a drone hit Kharkiv.")  # before the alert: not delivered
        add_alert(store, "all", webhook=hook.url)
        first = report(store, "A drone hit Vovchansk.", place="Vovchansk", lat=50.2908, lon=36.9411)
        failed = deliver_alerts(store, clock=clock)
        assert (failed.queued, failed.delivered, failed.failed) == (1, 0, 1)
        assert hook.answered == [500] and hook.event_ids() == [first]
        assert "HTTP 500" in failed.errors[0]
        (alert,) = list_alerts(store)
        assert (alert.pending, alert.failed, alert.delivered) == (0, 1, 0) and "HTTP 500" in alert.last_error

        assert deliver_alerts(store, clock=clock).batches == 0  # not yet: the retry waits
        assert len(hook.bodies) == 1

    clock.now += RETRY_BASE + 1
    with Store.open(store_url) as store:  # a restart: the failed delivery is still there
        done = deliver_alerts(store, clock=clock)
        assert (done.queued, done.delivered, done.failed) == (0, 1, 0)
        assert hook.answered == [500, 200] and hook.event_ids() == [first, first]
        assert hook.bodies[1] == {"alert": "all", "events": hook.bodies[1]["events"]}
        event = hook.bodies[1]["events"][0]
        assert event["location"]["name"] == "Vovchansk" and event["sub_event_type"] == "Air/drone strike"

    clock.now += 3600
    with Store.open(store_url) as store:
        assert deliver_alerts(store, clock=clock).batches == 0  # delivered: never again
        second = report(store, "A drone hit Sumy.", place="Sumy", lat=50.9077, lon=34.7981)
        assert deliver_alerts(store, clock=clock).delivered == 1
        assert deliver_alerts(store, clock=clock).batches == 0
        (alert,) = list_alerts(store)
        assert (alert.pending, alert.failed, alert.delivered, alert.last_error) == (0, 0, 2, None)
    assert hook.event_ids() == [first, first, second]


def test_spotrep_alerts_deliver_in_new_processes_delivers_each_event_once(store_url, hook):
    with Store.open(store_url) as store:
        add_alert(store, "all", webhook=hook.url)
        ids = [
            report(store, f"A drone hit {place}.", place=place, lat=PLACES[place][0], lon=PLACES[place][1])
            for place in ("Lyptsi", "Odesa")
        ]
        assert len(set(ids)) == 2
    environ = dict(os.environ)
    environ["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), str(REPO), environ.get("PYTHONPATH", "")])

    def deliver() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-c", "from spotrep.cli import main; main()", "alerts", "deliver", "--once"],
            env={**environ, "SPOTREP_DB": store_url},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    first = deliver()
    assert first.returncode == 0, first.stderr
    assert "2 event(s) delivered in 1 batch(es), 0 failed" in first.stderr
    assert deliver().returncode == 0
    assert sorted(hook.event_ids()) == sorted(ids) and len(hook.bodies) == 1


def test_deliveries_queued_before_a_crash_are_sent_after_it_and_a_claimed_batch_after_its_lease(
    store_url, hook
):
    clock = Clock()
    with Store.open(store_url) as store:
        add_alert(store, "all", webhook=hook.url, timeout=2)
        event_id = report(store, "A drone hit Kharkiv.")
        assert queue_deliveries(store) == 1  # the cursor moved past the event, its delivery queued ...
        assert queue_deliveries(store) == 0

    def crash(kind, target, body, timeout):  # ... then the deliverer dies while sending
        raise KeyboardInterrupt

    with Store.open(store_url) as store, pytest.raises(KeyboardInterrupt):
        deliver_alerts(store, send=crash, clock=clock)
    with Store.open(store_url) as store:
        assert deliver_alerts(store, clock=clock).batches == 0  # claimed: no one else sends it meanwhile
        clock.now += 2 + 30 + 1  # the claim's lease (timeout + margin) is over
        assert deliver_alerts(store, clock=clock).delivered == 1
    assert hook.event_ids() == [event_id]


def test_a_command_gets_the_events_as_json_on_stdin_and_a_failing_or_slow_one_is_retried(store_url, tmp_path):
    out = tmp_path / "got.json"
    clock = Clock()
    with Store.open(store_url) as store:
        add_alert(store, "to-file", command=f"cat > '{out}'")
        add_alert(store, "broken", command="echo 'no disk' >&2; exit 3")
        add_alert(store, "slow", command="sleep 20", timeout=0.5)
        event_id = report(store, "A drone hit Kharkiv.")
        result = deliver_alerts(store, clock=clock)
        assert (result.delivered, result.failed) == (1, 2)
        got = json.loads(out.read_text())
        assert got["alert"] == "to-file" and [e["event_id"] for e in got["events"]] == [event_id]
        errors = {a.name: a.last_error for a in list_alerts(store)}
        assert errors["broken"] == "the command exited with status 3: no disk"
        assert errors["slow"] == "the command did not finish within 0.5 s" and errors["to-file"] is None
        out.unlink()
        clock.now += RETRY_BASE + 1
        again = deliver_alerts(store, clock=clock)
        assert (again.delivered, again.failed) == (0, 2) and not out.exists()  # retried; to-file is done


# --- which events match ---------------------------------------------------------------------------------


def test_an_alert_delivers_only_the_events_its_type_and_near_filters_match(store_url, hook):
    with Store.open(store_url) as store:
        add_alert(
            store,
            "drones-near-kharkiv",
            parse_filter(types=["Air/drone strike"], near="50.0,36.23,40"),
            webhook=hook.url,
        )
        add_alert(
            store, "shelling", parse_filter(types=["Shelling/artillery/missile attack"]), webhook=hook.url
        )
        near = report(store, "A drone hit Kharkiv.")
        report(store, "A drone hit Odesa.", place="Odesa", lat=46.4825, lon=30.7233)  # a drone, far away
        shelled = report(
            store,
            "Shelling hit Lyptsi.",
            place="Lyptsi",
            lat=50.1947,
            lon=36.4264,
            sub_event_type="Shelling/artillery/missile attack",
            categories=["shelling"],
        )
        assert deliver_alerts(store).delivered == 2
    by_alert = {body["alert"]: [e["event_id"] for e in body["events"]] for body in hook.bodies}
    assert by_alert == {"drones-near-kharkiv": [near], "shelling": [shelled]}


def test_a_min_sources_alert_delivers_an_event_once_when_a_second_source_reports_it(store_url, hook):
    with Store.open(store_url) as store:
        add_alert(store, "confirmed", parse_filter(min_sources=2), webhook=hook.url)
        add_alert(store, "any", webhook=hook.url)
        first = report(store, "A drone hit Kharkiv, officials said.", source="Wire A")
        assert deliver_alerts(store).delivered == 1  # to "any"; one source: not yet to "confirmed"
        second = report(store, "Kharkiv was hit by a drone, the governor said.", source="Wire B")
        assert store.count() == 1  # the same event, told by two sources (its id may change with the seed)
        assert deliver_alerts(store).delivered == 1  # to "confirmed" now; "any" had it already
        report(store, "A third outlet: a drone struck Kharkiv.", source="Wire C")
        assert deliver_alerts(store).batches == 0  # already delivered to both: not again for a third source
    by_alert = {body["alert"]: body["events"] for body in hook.bodies}
    assert [e["event_id"] for e in by_alert["any"]] == [first]
    ((event,),) = [by_alert["confirmed"]]
    assert event["event_id"] == second and event["source_count"] == 2
    assert event["event_date"] == date(2024, 5, 15).isoformat()


def test_deliver_alerts_with_nothing_new_takes_no_write_lock(store_url, hook):
    with Store.open(store_url) as store, Store.open(store_url) as other:
        report(store, "A drone hit Kharkiv.")
        add_alert(store, "all", webhook=hook.url)
        with other.writing():  # another writer holds the write lock: a write would wait for it (30 s)
            assert deliver_alerts(store).batches == 0
        report(store, "A drone hit Sumy.", place="Sumy", lat=50.9077, lon=34.7981)
        assert deliver_alerts(store).delivered == 1
    assert len(hook.bodies) == 1


def test_alerts_deliver_once_exits_2_when_a_delivery_failed_and_keeps_it_for_a_retry(store_url, hook):
    hook.statuses = [503]
    with Store.open(store_url) as store:
        add_alert(store, "all", webhook=hook.url)
        report(store, "A drone hit Kharkiv.")
    result = CliRunner().invoke(cli, ["alerts", "deliver", "--once", "--db", store_url])
    assert result.exit_code == 2
    assert "HTTP 503" in result.stderr and "0 event(s) delivered in 1 batch(es), 1 failed" in result.stderr
    with Store.open(store_url) as store:
        (alert,) = list_alerts(store)
    assert (alert.failed, alert.delivered) == (1, 0)
