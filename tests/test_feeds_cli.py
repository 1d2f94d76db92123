"""spotrep feeds add/list/remove/import/items and the exit codes of feeds and watch; GET /api/feeds gives the
records of `feeds list --format json`. In process (click's runner) where no signal or network is involved."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from spotrep.cli import cli
from spotrep.feeds import FeedRegistry
from spotrep.store import Store

from .feeds_site import SiteServer
from .test_feeds_watch import run_cli

FIELDS = {
    "url",
    "name",
    "title",
    "interval",
    "last_polled",
    "last_status",
    "items",
    "documents",
    "errors",
    "last_error",
}


def invoke(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def listed(db) -> list[dict]:
    result = invoke("feeds", "list", "--format", "json", "--db", db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_feeds_add_list_and_remove(store_url):
    db = store_url
    added = invoke(
        "feeds",
        "add",
        "https://steppe.example/rss.xml",
        "--name",
        "Steppe Wire",
        "--interval",
        "15m",
        "--db",
        db,
    )
    assert added.exit_code == 0
    assert (
        invoke("feeds", "add", "https://a.example/atom", "http://b.example/feed.json", "--db", db).exit_code
        == 0
    )
    feeds = listed(db)
    assert [f["url"] for f in feeds] == [
        "https://steppe.example/rss.xml",
        "https://a.example/atom",
        "http://b.example/feed.json",
    ]
    assert all(set(f) == FIELDS for f in feeds)
    assert (feeds[0]["name"], feeds[0]["interval"], feeds[1]["interval"]) == ("Steppe Wire", 900, 600)
    assert (feeds[0]["last_polled"], feeds[0]["items"], feeds[0]["errors"]) == (None, 0, 0)
    again = invoke("feeds", "add", "https://a.example/atom", "--interval", "1h", "--db", db)
    assert again.exit_code == 0 and "updated" in again.stderr
    assert [f["interval"] for f in listed(db)] == [900, 3600, 600]
    table = invoke("feeds", "list", "--db", db)
    assert "Steppe Wire" in table.stdout and "never" in table.stdout
    assert invoke("feeds", "remove", "https://a.example/atom", "--db", db).exit_code == 0
    assert [f["url"] for f in listed(db)] == ["https://steppe.example/rss.xml", "http://b.example/feed.json"]


def test_feeds_import_reads_opml_and_url_lists_and_skips_known_feeds(tmp_path, store_url):
    db = store_url
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="1.0"><body>'
        '<outline text="Steppe Wire" xmlUrl="https://steppe.example/rss.xml"/>'
        '<outline text="Dispatch" xmlUrl="https://dispatch.example/atom"/></body></opml>'
    )
    plain = tmp_path / "feeds.txt"
    plain.write_text("# more\nhttps://steppe.example/rss.xml\nhttps://border.example/feed.json\n")
    first = invoke("feeds", "import", opml, "--interval", "5m", "--db", db)
    assert first.exit_code == 0 and "2 feed(s) added" in first.stderr
    second = invoke("feeds", "import", plain, "--db", db)
    assert second.exit_code == 0 and "1 feed(s) added, 1 already there" in second.stderr
    assert [(f["url"], f["name"], f["interval"]) for f in listed(db)] == [
        ("https://steppe.example/rss.xml", "Steppe Wire", 300),
        ("https://dispatch.example/atom", "Dispatch", 300),
        ("https://border.example/feed.json", None, 600),
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("feeds", "add", "ftp://x.example/feed"), 2, "not an http(s) URL"),
        (("feeds", "add", "https://x.example/feed", "--interval", "often"), 2, "--interval must look like"),
        (("feeds", "remove", "https://nowhere.example/feed"), 4, "no feed"),
        (("feeds", "import", "missing.opml"), 2, "no such file"),
        (("feeds", "items", "https://nowhere.example/feed"), 4, "no feed"),
        (("watch", "--once"), 2, "no feeds to watch"),
        (("watch", "--once", "https://x.example/f", "--interval", "-1"), 2, "--interval"),
        (("watch", "--once", "https://x.example/f", "--user-agent", "spotrep\tx"), 2, "--user-agent must be"),
    ],
)
def test_feeds_and_watch_exit_codes(tmp_path, monkeypatch, args, code, message):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "f.db")])
    assert result.exit_code == code, result.output
    assert message in result.stderr


def test_watch_once_exits_0_when_every_feed_failed_and_items_lists_given_up_articles(tmp_path):
    db = tmp_path / "f.db"
    with SiteServer() as server:
        result = run_cli("watch", server.url("/error.xml"), server.url("/atom.xml"), "--db", db, "--once",
                         "--host-delay", "0", "--retries", "0")  # fmt: skip
        assert result.returncode == 0, result.stderr
        lines = [json.loads(line) for line in result.stderr.splitlines()]
        kinds = {(r["event"], r.get("status")) for r in lines}
        assert {("feed", "ok"), ("error", "http 500"), ("article", "stored"), ("error", "given_up")} <= kinds
    items = invoke("feeds", "items", "--status", "given_up", "--format", "json", "--db", db)
    body = json.loads(items.stdout)
    assert [i["link"].rsplit("/", 1)[-1] for i in body["items"]] == ["gone"]
    assert body["items"][0]["error"].endswith("HTTP 404") and body["counts"]["given_up"] == 1


def test_watch_sends_the_user_agent_of_spotrep_user_agent_or_of_the_option_which_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("SPOTREP_USER_AGENT", "spotrep/1.0 (+mailto:env@example.org)")
    with SiteServer() as server:
        site = server.site
        site.rss_items = ["sumy-shelling"]
        by_env = run_cli(
            "watch", server.url("/rss.xml"), "--db", tmp_path / "a.db", "--once", "--host-delay", "0"
        )
        assert by_env.returncode == 0, by_env.stderr
        agents = {headers["User-Agent"] for _, headers in site.requests}
        assert agents == {"spotrep/1.0 (+mailto:env@example.org)"}  # the feed, robots.txt and the page
        assert {path for path, _ in site.requests} == {"/rss.xml", "/robots.txt", "/news/sumy-shelling"}
        site.requests.clear()
        by_option = run_cli("watch", server.url("/rss.xml"), "--db", tmp_path / "b.db", "--once", "--host-delay",
                            "0", "--user-agent", "spotrep/1.0 (+https://desk.example.org/contact)")  # fmt: skip
        assert by_option.returncode == 0, by_option.stderr
        assert {headers["User-Agent"] for _, headers in site.requests} == {
            "spotrep/1.0 (+https://desk.example.org/contact)"
        }


def test_api_feeds_gives_the_records_of_feeds_list_json(tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from spotrep.web import Settings, create_app

    db = tmp_path / "f.db"
    with Store.open(db) as store:
        registry = FeedRegistry(store)
        feed, _ = registry.add("https://steppe.example/rss.xml", name="Steppe Wire")
        from datetime import UTC, datetime

        registry.record_poll(
            feed, polled_at=datetime(2026, 12, 5, 12, tzinfo=UTC), status="http 500", error="HTTP 500"
        )
        registry.add("https://dispatch.example/atom")
    with TestClient(create_app(str(db), settings=Settings(tiles=None))) as client:
        response = client.get("/api/feeds")
    assert response.status_code == 200
    assert response.json() == listed(db)
    first = response.json()[0]
    assert (first["last_status"], first["errors"], first["last_polled"]) == (
        "http 500",
        1,
        "2026-12-05T12:00:00+00:00",
    )


def test_watch_off_a_terminal_writes_only_json_lines_on_stderr_one_per_feed_article_robots_page_and_round(
    tmp_path,
):
    from .test_feeds_robots import ITEMS, ROBOTS

    with SiteServer() as server:
        server.site.robots, server.site.rss_items = ROBOTS, list(ITEMS)
        result = run_cli(
            "watch", server.url("/rss.xml"), "--db", tmp_path / "f.db", "--once", "--host-delay", "0"
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and "\x1b[" not in result.stderr  # no live view, no summary, no colours
    lines = [json.loads(line) for line in result.stderr.splitlines()]  # every line is a JSON object
    assert all({"time", "event"} <= set(line) for line in lines)
    assert (lines[0]["event"], lines[0]["phase"], lines[0]["feeds_due"]) == ("round", "start", 1)
    end = lines[-1]
    assert (end["event"], end["phase"], end["documents_added"], end["robots_disallowed"]) == (
        "round",
        "end",
        3,
        1,
    )
    assert {"events_new", "changes_pruned", "robots_unreachable", "seconds"} <= set(end)
    kinds = [line["event"] for line in lines[1:-1]]
    assert kinds.count("feed") == 1 and kinds.count("article") == 3 and kinds.count("robots") == 1
    (robots,) = [line for line in lines if line["event"] == "robots"]
    assert robots["status"] == "disallowed" and robots["url"].split("?")[0].endswith("/news/sumy-shelling")


def test_the_live_view_counts_the_rounds_feeds_items_documents_events_robots_pages_and_errors(monkeypatch):
    import io

    from rich.console import Console

    from spotrep.cli.feeds import _LiveView

    monkeypatch.setattr("sys.stderr", io.StringIO())
    view = _LiveView()
    for record in [
        {"event": "round", "phase": "start", "feeds_due": 2, "retries": 1},
        {"event": "feed", "url": "https://a.example/rss", "status": "ok", "new_items": 3},
        {
            "event": "error",
            "feed": "https://b.example/atom",
            "url": "https://b.example/atom",
            "error": "HTTP 500",
        },
        {"event": "article", "status": "stored", "events": 2},
        {"event": "robots", "status": "disallowed", "url": "https://a.example/x"},
        {"event": "article", "status": "stored", "events": 1},
    ]:
        view(record)
    console = Console(record=True, width=120, file=io.StringIO())
    console.print(view._render())
    text = console.export_text()
    for expected in ("round 1", "2 of 2 polled", "1 failed", "3 new, 1 retried", "2 stored", "robots.txt",
                     "1 page(s) disallowed", "HTTP 500"):  # fmt: skip
        assert expected in text, (expected, text)
    assert any(line.split()[:2] == ["events", "3"] for line in text.splitlines())
