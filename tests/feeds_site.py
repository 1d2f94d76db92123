"""A local news site for the feed tests, with its faults: an RSS 2.0 feed and an Atom feed of short wire
reports on strikes on Ukrainian cities, a malformed feed, a feed that is not there (404), one that fails (500),
an article that fails until told to work, a slow article, a redirect loop, a huge page, a PDF, an article gone
without a summary; a JSON Feed; a robots.txt when told to serve one (else 404). Served by ``http.server`` on
127.0.0.1 (a free port) in a thread.

Feeds answer conditional requests (ETag, Last-Modified) with 304 when unchanged; every request's path and
headers are recorded (``Site.requests``).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Story:
    slug: str
    title: str
    day: str  # YYYY-MM-DD
    paragraphs: list[str]
    summary: str | None = None


STORIES = {
    s.slug: s
    for s in [
        Story(
            "kharkiv-drone-strike",
            "Russian drones hit apartment block in Kharkiv",
            "2024-05-13",
            [
                "KHARKIV, Ukraine (Steppe Wire) — A Russian drone hit an apartment block in Kharkiv overnight,"
                " killing two people and wounding nine, the regional governor said on Monday.",
                "Firefighters worked through the night to put out a blaze on the upper floors of the nine-storey"
                " building in the city's Saltivka district, emergency services said.",
                "Air raid sirens sounded across the region for more than three hours before the attack.",
            ],
        ),
        Story(
            "odesa-missile-port",
            "Missile strike damages port infrastructure in Odesa",
            "2024-05-13",
            [
                "ODESA, Ukraine (Steppe Wire) — A Russian missile struck port infrastructure in Odesa on"
                " Monday, killing one worker, the regional administration said.",
                "Grain silos and a warehouse were damaged, and two vessels moored nearby were slightly"
                " damaged, port officials said in a statement.",
            ],
        ),
        Story(
            "sumy-shelling",
            "Shelling of Sumy border villages leaves three wounded",
            "2024-05-12",
            [
                "SUMY, Ukraine (Steppe Wire) — Russian artillery shelled Sumy and nearby border villages on"
                " Sunday, wounding three civilians, Ukrainian officials said.",
                "The regional military administration counted 41 explosions across six communities during the"
                " day.",
            ],
        ),
        Story(
            "pokrovsk-glide-bombs",
            "Glide bombs strike Pokrovsk as front nears",
            "2024-05-12",
            [
                "POKROVSK, Ukraine (Steppe Wire) — Russian aircraft dropped guided bombs on Pokrovsk on Sunday,"
                " killing four people, the governor said.",
                "The town, a logistics hub for Ukrainian forces in Donetsk region, has come under growing"
                " attack as Russian troops advance from the east.",
            ],
        ),
        Story(
            "vovchansk-fighting",
            "Fighting continues in Vovchansk, general staff says",
            "2024-05-14",
            [
                "VOVCHANSK, Ukraine (Steppe Wire) — Fighting continued in the streets of Vovchansk on Tuesday,"
                " Ukraine's general staff said, as Russian forces pressed their offensive in the north.",
                "Police said they had evacuated more than 200 residents from the town over the past day.",
            ],
        ),
        Story(
            "lyptsi-air-strike",
            "Air strike on Lyptsi kills one",
            "2024-05-15",
            [
                "LYPTSI, Ukraine (Steppe Wire) — A Russian air strike hit Lyptsi north of Kharkiv on Wednesday,"
                " killing one man, the regional governor said.",
                "Several houses and a shop were destroyed in the village, which lies a few kilometres from the"
                " Russian border.",
            ],
        ),
        Story(
            "myrnohrad-shelling",
            "Myrnohrad shelled overnight",
            "2024-05-15",
            [
                "MYRNOHRAD, Ukraine (Steppe Wire) — Russian shelling hit Myrnohrad overnight, injuring two"
                " people, local authorities said on Wednesday.",
                "A school and a power substation were damaged, leaving part of the town without electricity.",
            ],
        ),
        Story(
            "sumy-drones-intercepted",
            "Drones shot down over Sumy region",
            "2024-05-15",
            [
                "SUMY, Ukraine (Steppe Wire) — Ukrainian air defences shot down nine Russian drones over Sumy"
                " region overnight, the air force said on Wednesday.",
                "Debris fell on a farm outside the city, causing a small fire but no casualties.",
            ],
        ),
        Story(
            "belgorod-claims",
            "Belgorod says Ukrainian drone hit substation",
            "2024-05-14",
            [
                "BELGOROD, Russia (Steppe Wire) — A Ukrainian drone hit an electrical substation in Belgorod on"
                " Tuesday, the regional governor claimed.",
                "Russia's defence ministry said it had intercepted 15 drones over the region.",
            ],
        ),
        Story(
            "kharkiv-second-strike",
            "Kharkiv hit again by guided bombs",
            "2024-05-14",
            [
                "KHARKIV, Ukraine (Steppe Wire) — Russian guided bombs struck an industrial area of Kharkiv on"
                " Tuesday, wounding seven people, the regional governor said.",
                "It was the third attack on the city in as many days.",
            ],
        ),
        # the faulty ones: the page cannot be had, the feed's summary can
        Story(
            "flaky-report",
            "Odesa drone attack damages port warehouses",
            "2024-05-14",
            [
                "ODESA, Ukraine (Steppe Wire) — Russian drones struck warehouses at the port of Odesa on"
                " Tuesday, wounding two security guards, the regional governor said.",
                "Firefighters brought the fires under control by morning, emergency services said.",
            ],
        ),
        Story(
            "slow-report",
            "Shelling reported near Pokrovsk",
            "2024-05-14",
            ["POKROVSK, Ukraine (Steppe Wire) — Russian shelling hit the outskirts of Pokrovsk on Tuesday."],
            summary="Russian artillery shelled the outskirts of Pokrovsk on Tuesday, Ukrainian officials said.",
        ),
        Story(
            "huge-report",
            "Missile strike on Kharkiv's outskirts",
            "2024-05-13",
            [],
            summary="A Russian missile hit the outskirts of Kharkiv on Monday, wounding five people, the"
            " regional governor said.",
        ),
        Story(
            "pdf-report",
            "Daily bulletin: shelling of Sumy",
            "2024-05-13",
            [],
            summary="Russian artillery shelled Sumy on Monday, killing one civilian, Ukrainian officials said.",
        ),
        Story(
            "loop-report",
            "Drone strike on Myrnohrad",
            "2024-05-13",
            [],
            summary="A Russian drone hit a bus station in Myrnohrad on Monday, injuring three people, the"
            " governor said.",
        ),
        Story("gone-report", "A report taken down", "2024-05-13", []),
    ]
}

RSS_FIRST = ["kharkiv-drone-strike", "odesa-missile-port", "sumy-shelling", "slow-report", "huge-report",
             "pdf-report", "loop-report"]  # fmt: skip
RSS_NEW = ["lyptsi-air-strike", "myrnohrad-shelling", "kharkiv-second-strike"]
ATOM = ["pokrovsk-glide-bombs", "vovchansk-fighting", "flaky-report", "gone-report"]
JSON_FEED = ["sumy-drones-intercepted", "belgorod-claims"]
GOOD_PAGES = {"kharkiv-drone-strike", "odesa-missile-port", "sumy-shelling", "pokrovsk-glide-bombs",
              "vovchansk-fighting", "lyptsi-air-strike", "myrnohrad-shelling", "kharkiv-second-strike",
              "sumy-drones-intercepted", "belgorod-claims", "flaky-report"}  # fmt: skip
FROM_SUMMARY = {"huge-report", "pdf-report", "loop-report"}

HUGE_BYTES = 6 * 1024 * 1024


def article_html(story: Story) -> str:
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(story.title)} | Steppe Wire</title>
<meta property="og:site_name" content="Steppe Wire">
<meta property="article:published_time" content="{story.day}T09:30:00+00:00"></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/ukraine">Ukraine</a>
<a href="/subscribe">Subscribe</a></nav>
<article><h1>{escape(story.title)}</h1>
<p class="byline">By Steppe Wire staff, {story.day}</p>
{paragraphs}
</article>
<footer>© Steppe Wire. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def _rfc822(day: str) -> str:
    return format_datetime(datetime.fromisoformat(day).replace(hour=9, minute=30, tzinfo=UTC))


@dataclass
class Site:
    """The site's state: which items its feeds list, whether the flaky article works yet; and what it saw."""

    base: str = ""
    rss_items: list[str] = field(default_factory=lambda: list(RSS_FIRST))
    flaky_works: bool = False
    flaky_summary: bool = True  # whether the Atom feed gives the flaky article's summary
    slow_seconds: float = 3.0
    robots: str | None = None  # the text of /robots.txt (None: 404)
    robots_status: int = 200  # its status when there is one (e.g. 503: it cannot be read)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    holding: int = 0  # requests to /hold being answered now
    most_holding: int = 0  # the most at once
    hold_starts: list[float] = field(default_factory=list)

    def hits(self) -> Counter:
        with self.lock:
            return Counter(path for path, _ in self.requests)

    def headers_of(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return [headers for p, headers in self.requests if p == path]

    def link(self, slug: str) -> str:
        special = {"huge-report": "/huge", "pdf-report": "/bulletin.pdf", "loop-report": "/loop-a",
                   "gone-report": "/gone", "flaky-report": "/flaky", "slow-report": "/slow"}  # fmt: skip
        return self.base + special.get(slug, f"/news/{slug}")

    def rss(self) -> bytes:
        items = []
        for slug in self.rss_items:
            story = STORIES[slug]
            summary = story.summary or story.paragraphs[0]
            items.append(
                f"<item><title>{escape(story.title)}</title><link>{self.link(slug)}?utm_source=rss</link>"
                f'<guid isPermaLink="false">steppe-{slug}</guid><pubDate>{_rfc822(story.day)}</pubDate>'
                f"<description>{escape('<p>' + summary + '</p>')}</description></item>"
            )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Steppe Wire: Ukraine'
            f"</title><link>{self.base}/</link><description>Wire reports</description>{''.join(items)}"
            "</channel></rss>"
        ).encode()

    def atom(self) -> bytes:
        entries = []
        for slug in ATOM:
            story = STORIES[slug]
            summary = (
                ""
                if slug == "gone-report" or (slug == "flaky-report" and not self.flaky_summary)
                else f"<summary>{escape(story.summary or story.paragraphs[0])}</summary>"
            )
            entries.append(
                f'<entry><title>{escape(story.title)}</title><link href="{self.link(slug)}"/>'
                f"<id>urn:steppe:{slug}</id><updated>{story.day}T09:30:00Z</updated>{summary}</entry>"
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Front Line Dispatch</title><id>urn:steppe:atom</id><updated>2024-05-14T09:30:00Z</updated>"
            f"{''.join(entries)}</feed>"
        ).encode()

    def json_feed(self) -> bytes:
        items = [
            {
                "id": f"json-{slug}",
                "url": self.link(slug),
                "title": STORIES[slug].title,
                "content_text": STORIES[slug].paragraphs[0],
                "date_published": f"{STORIES[slug].day}T09:30:00Z",
            }
            for slug in JSON_FEED
        ]
        feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Border Monitor", "items": items}
        return json.dumps(feed).encode()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def _send(
            self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **extra: str
        ):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            gz = "gzip" in self.headers.get("Accept-Encoding", "") and extra.pop("gzip", "") == "yes"
            if gz:
                body = gzip.compress(body)
                self.send_header("Content-Encoding", "gzip")
            for key, value in extra.items():
                self.send_header(key.replace("_", "-"), value)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client stopped reading
                self.wfile.write(body)

        def _feed(self, body: bytes, ctype: str) -> None:
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            modified = format_datetime(datetime(2024, 5, 14, 10, 0, tzinfo=UTC), usegmt=True)
            if self.headers.get("If-None-Match") == etag:
                self._send(304, ETag=etag)
                return
            self._send(200, body, ctype, ETag=etag, Last_Modified=modified, gzip="yes")

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            with site.lock:
                site.requests.append((path, dict(self.headers.items())))
            if path == "/robots.txt":
                if site.robots is None:
                    return self._send(404, b"not found", "text/plain")
                return self._send(site.robots_status, site.robots.encode(), "text/plain; charset=utf-8")
            if path == "/rss.xml":
                return self._feed(site.rss(), "application/rss+xml")
            if path == "/atom.xml":
                return self._feed(site.atom(), "application/atom+xml")
            if path == "/feed.json":
                return self._feed(site.json_feed(), "application/feed+json")
            if path == "/broken.xml":
                return self._send(
                    200, b"<?xml version='1.0'?><rss><channel><title>Bro", "application/rss+xml"
                )
            if path == "/missing.xml":
                return self._send(404, b"not here", "text/plain")
            if path == "/error.xml":
                return self._send(500, b"internal error", "text/plain")
            if path.startswith("/news/"):
                story = STORIES.get(path.removeprefix("/news/"))
                if story is None:
                    return self._send(404, b"no such story", "text/plain")
                return self._send(200, article_html(story).encode(), gzip="yes")
            if path == "/flaky":
                if not site.flaky_works:
                    return self._send(503, b"try later", "text/plain")
                return self._send(200, article_html(STORIES["flaky-report"]).encode())
            if path == "/slow":
                time.sleep(site.slow_seconds)
                return self._send(200, article_html(STORIES["slow-report"]).encode())
            if path == "/huge":
                filler = b"<p>" + b"Shelling was reported again. " * 40 + b"</p>\n"
                body = (
                    b"<html><body><article>"
                    + filler * (HUGE_BYTES // len(filler) + 1)
                    + b"</article></body></html>"
                )
                return self._send(200, body)
            if path == "/bulletin.pdf":
                return self._send(
                    200,
                    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
                    "application/pdf",
                )
            if path == "/loop-a":
                return self._send(302, b"", "text/plain", Location="/loop-b")
            if path == "/loop-b":
                return self._send(302, b"", "text/plain", Location=site.base + "/loop-a")
            if path == "/hold":  # for the fetcher's per-host limits
                with site.lock:
                    site.holding += 1
                    site.most_holding = max(site.most_holding, site.holding)
                    site.hold_starts.append(time.monotonic())
                time.sleep(0.2)
                with site.lock:
                    site.holding -= 1
                return self._send(200, b"<html><body>held</body></html>")
            if path == "/stream-huge":  # no Content-Length: the end is the end of the connection
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    for _ in range(HUGE_BYTES // 65536 + 2):
                        self.wfile.write(b"x" * 65536)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True
                return None
            if path == "/gzip-bomb":
                return self._send(200, b"<p>" + b"0" * HUGE_BYTES * 3, gzip="yes")
            if path == "/gzipped":
                return self._send(200, article_html(STORIES["odesa-missile-port"]).encode(), gzip="yes")
            if path == "/moved":
                return self._send(301, b"", "text/plain", Location="/news/sumy-shelling")
            if path == "/gone":
                return self._send(404, b"gone", "text/plain")
            return self._send(404, b"not found", "text/plain")

    return Handler


class SiteServer:
    """The site on 127.0.0.1 (a free port) in a thread; a context manager."""

    def __init__(self, site: Site | None = None) -> None:
        self.site = site or Site()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.site))
        self.server.daemon_threads = True
        self.site.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.site.base + path

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
