"""Reading feeds (RSS 0.91/1.0/2.0, Atom, JSON Feed), lists of feeds (OPML, URL lists), intervals and
canonical URLs: no network, no store."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spotrep.errors import InputError, MalformedFeedError
from spotrep.feeds import canonical_url, format_interval, parse_feed, parse_feed_list, parse_interval

RSS_091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title>
<link>http://example.org/</link><description>d</description>
<item><title>Sumy shelled</title><link>http://example.org/a/1</link>
<description>Russian artillery shelled Sumy.</description></item></channel></rss>"""

RSS_10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://example.org/"><title>RDF Wire</title><link>http://example.org/</link>
<description>d</description></channel>
<item rdf:about="http://example.org/b/2"><title>Drone hits Odesa</title><link>http://example.org/b/2</link>
<description>A drone hit &lt;b&gt;Odesa&lt;/b&gt; port.</description><dc:date>2024-05-13T08:00:00Z</dc:date></item>
</rdf:RDF>"""

RSS_20 = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire &amp; Co</title>
<item><title>Kharkiv hit</title><link>/news/kharkiv</link><guid>tag:wire,1</guid>
<pubDate>Mon, 13 May 2024 23:30:00 +0000</pubDate>
<description>&lt;p&gt;A drone hit Kharkiv.&lt;/p&gt;&lt;p&gt;Two were killed.&lt;/p&gt;</description></item>
<item><title>No link, no guid</title><description>Fighting near Vovchansk.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<id>urn:x</id><updated>2024-05-14T00:00:00Z</updated>
<entry><title>Pokrovsk</title><link rel="alternate" href="https://example.org/p"/><id>urn:x:1</id>
<published>2024-05-12T10:00:00+03:00</published><updated>2024-05-14T10:00:00Z</updated>
<content type="html">&lt;p&gt;Glide bombs hit Pokrovsk.&lt;/p&gt;</content><summary>short</summary></entry></feed>"""


def test_rss_091_10_and_20_and_atom_give_title_items_links_dates_and_text():
    old = parse_feed(RSS_091, url="http://example.org/rss")
    assert old.kind == "rss091u" or old.kind.startswith("rss09")
    assert old.title == "Old Wire" and old.items[0].link == "http://example.org/a/1"
    assert old.items[0].guid == "http://example.org/a/1"  # no guid: the canonical link
    rdf = parse_feed(RSS_10)
    assert rdf.kind == "rss10" and rdf.items[0].published == date(2024, 5, 13)
    assert rdf.items[0].summary == "A drone hit Odesa port."
    rss = parse_feed(RSS_20, url="https://wire.example/feed.xml")
    assert rss.title == "Wire & Co"
    first, second = rss.items
    assert first.guid == "tag:wire,1" and first.link == "https://wire.example/news/kharkiv"
    assert (
        first.published == date(2024, 5, 13) and first.summary == "A drone hit Kharkiv.\n\nTwo were killed."
    )
    assert second.link is None and second.guid.startswith("sha1:")
    atom = parse_feed(ATOM)
    (entry,) = atom.items
    assert atom.kind == "atom10" and entry.guid == "urn:x:1" and entry.link == "https://example.org/p"
    assert entry.published == date(2024, 5, 12)  # published, not updated; in UTC
    assert entry.summary == "Glide bombs hit Pokrovsk."  # the content before the summary


def test_json_feed_items_take_url_text_and_date():
    feed = parse_feed(
        b'{"version": "https://jsonfeed.org/version/1", "title": "J", "items": ['
        b'{"id": 7, "url": "/a", "content_html": "<p>Drones hit <i>Sumy</i>.</p>",'
        b' "date_published": "2024-05-15T01:00:00Z"},'
        b'{"id": "x", "external_url": "https://o.example/b", "summary": "Shelling in Lyptsi."}, 3]}',
        url="https://j.example/feed.json",
    )
    assert feed.title == "J" and feed.kind == "json1"
    a, b = feed.items
    assert (a.guid, a.link, a.summary, a.published) == (
        "7",
        "https://j.example/a",
        "Drones hit Sumy.",
        date(2024, 5, 15),
    )
    assert (b.link, b.summary, b.published) == ("https://o.example/b", "Shelling in Lyptsi.", None)


@pytest.mark.parametrize(
    "data",
    [
        b"<?xml version='1.0'?><rss><channel><title>Bro",
        b"<html><body><p>Not a feed</p></body></html>",
        b"",
        b'{"version": "1", "items": []}',
        b'{"version": "https://jsonfeed.org/version/1.1", "items": {}}',
        b"{not json",
    ],
    ids=["truncated-rss", "html-page", "empty", "json-not-jsonfeed", "jsonfeed-without-list", "broken-json"],
)
def test_what_is_not_a_readable_feed_is_a_malformed_feed_error(data):
    with pytest.raises(MalformedFeedError) as caught:
        parse_feed(data, url="http://x.example/f")
    assert caught.value.code == "malformed_feed" and caught.value.fields["url"] == "http://x.example/f"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90", 90), ("90s", 90), ("10m", 600), ("10 min", 600), ("1h", 3600), ("1.5h", 5400), ("2d", 172800)],
)
def test_intervals_are_read_with_their_unit(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "10x", "m", "-5m", "0", "1e3", "400d"])
def test_intervals_that_cannot_be_used_are_input_errors(text):
    with pytest.raises(InputError):
        parse_interval(text)


def test_zero_is_an_interval_where_allowed():
    assert parse_interval("0", minimum=0) == 0 and parse_interval("0s", minimum=0) == 0


@given(st.integers(min_value=1, max_value=365 * 86400))
def test_a_formatted_interval_reads_back_as_the_same_seconds(seconds):
    assert parse_interval(format_interval(seconds)) == seconds


@given(st.integers(min_value=1, max_value=10_000), st.sampled_from(["s", "m", "h", "d"]))
def test_interval_units_multiply(n, unit):
    size = {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]
    if n * size > 366 * 86400:
        with pytest.raises(InputError):
            parse_interval(f"{n}{unit}")
    else:
        assert parse_interval(f"{n}{unit}") == n * size


def test_canonical_urls_drop_case_default_ports_fragments_and_tracking():
    assert (
        canonical_url("HTTPS://News.Example:443/a/B?id=3&utm_source=rss&fbclid=x#top")
        == "https://news.example/a/B?id=3"
    )
    assert canonical_url("http://news.example:8080") == "http://news.example:8080/"


@given(
    st.sampled_from(["http", "https", "HTTP"]),
    st.from_regex(r"[a-z]{1,8}\.[a-z]{2,3}", fullmatch=True),
    st.from_regex(r"(/[a-z0-9]{0,6}){0,3}", fullmatch=True),
    st.lists(
        st.tuples(
            st.from_regex(r"[a-z]{1,5}", fullmatch=True), st.from_regex(r"[a-z0-9]{0,4}", fullmatch=True)
        ),
        max_size=3,
    ),
)
def test_canonical_url_is_idempotent_and_ignores_tracking_parameters(scheme, host, path, params):
    query = "&".join(f"{k}={v}" for k, v in params)
    url = f"{scheme}://{host}{path}" + (f"?{query}" if query else "")
    once = canonical_url(url)
    assert canonical_url(once) == once
    tracked = url + ("&" if query else "?") + "utm_medium=feed"
    assert canonical_url(tracked) == once


def test_opml_lists_its_feeds_with_their_names():
    opml = """<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
    <outline text="Ukraine"><outline text="Steppe Wire" type="rss" xmlUrl="https://steppe.example/rss.xml"/>
    <outline title="Dispatch" text="d" type="rss" xmlUrl="https://dispatch.example/atom"/></outline>
    <outline text="no feed here"/></body></opml>"""
    entries = parse_feed_list(opml, name="subs.opml")
    assert [(e.url, e.name) for e in entries] == [
        ("https://steppe.example/rss.xml", "Steppe Wire"),
        ("https://dispatch.example/atom", "Dispatch"),
    ]


def test_a_plain_list_has_one_url_a_line_with_comments_and_bad_lines_named():
    entries = parse_feed_list("# mine\nhttps://a.example/rss\n\n  http://b.example/feed.json  \n")
    assert [e.url for e in entries] == ["https://a.example/rss", "http://b.example/feed.json"]
    with pytest.raises(InputError, match=r"feeds.txt:2: not an http\(s\) URL"):
        parse_feed_list("https://a.example/rss\nftp://b.example/x\n", name="feeds.txt")
    with pytest.raises(InputError, match="no feeds"):
        parse_feed_list("<opml><body></body></opml>", name="empty.opml")
