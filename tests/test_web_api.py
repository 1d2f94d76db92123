"""The HTTP API with FastAPI's test client: filters, pages, GeoJSON, event details, writes and their token,
limits, errors as JSON with codes, escaping of hostile text, CORS and security headers."""

from __future__ import annotations

import hmac
import json
import warnings
from collections.abc import Iterator
from datetime import date

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")
pytest.importorskip("xstatic.pkg.leaflet", reason="the serve extra is not installed")

with warnings.catch_warnings():  # starlette's notice about httpx
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from spotrep.documents import make_document
from spotrep.errors import ConfigError
from spotrep.store import Store, parse_filter
from spotrep.web import Settings, create_app

from .store_fakes import extraction_worker, keyword_extract

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TOKEN = "correct horse battery staple"

# Reports written for these tests (the fake extractor finds the places and kinds by keyword).
REPORTS = [
    (
        "A Russian drone hit an apartment block in Kharkiv on Monday, killing two people, the regional"
        " governor said.\nRescue teams were still searching the rubble.\n\nFighting continued near Vovchansk,"
        " the general staff said.",
        "2024-05-13",
        "Kyiv Daily Monitor",
        "https://example.org/kharkiv-drone",
    ),
    (
        "Russian artillery shelled the outskirts of Sumy overnight, wounding three people, Ukrainian"
        " officials said.\n\nAir defence shot down 12 drones over the Odesa region, the air force said.",
        "2024-05-14",
        "Black Sea Herald",
        None,
    ),
    (
        "A Russian missile struck the port of Odesa on Wednesday, killing four civilians, the regional"
        " governor said. Clashes continued near Pokrovsk, Ukraine's general staff said.",
        "2024-05-15",
        "Kyiv Daily Monitor",
        None,
    ),
    (
        "Russia's defence ministry said its forces shelled Ukrainian positions near Myrnohrad. Moscow said a"
        " Ukrainian drone hit Belgorod overnight.",
        "2024-05-16",
        "Steppe Wire",
        None,
    ),
]

HOSTILE = (
    "A Russian drone hit a school in Kharkiv on Friday <script>window.__pwned = 1</script> killing one"
    ' person <img src=x onerror="window.__pwned = 2">, the regional governor said.'
)


@pytest.fixture
def db(store_url) -> Iterator[str]:
    path = store_url  # a SQLite file, then a PostgreSQL database
    with Store.open(path) as store:
        docs = [make_document(t, published=p, source=s, url=u) for t, p, s, u in REPORTS]
        report = store.ingest(docs, extractor=keyword_extract)
        assert report.documents_added == len(REPORTS) and report.failed == 0
    yield path


def make_client(db: str, **settings) -> TestClient:
    settings.setdefault("tiles", None)
    settings.setdefault("extractor", keyword_extract)
    app = create_app(db, settings=Settings(**settings))
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(db) -> Iterator[TestClient]:
    with make_client(db) as c:
        yield c


@pytest.fixture
def writer(db) -> Iterator[TestClient]:
    """A client that may write, with an extraction worker (in a thread) doing the queued documents."""
    with make_client(db, api_token=TOKEN) as c, extraction_worker(db):
        yield c


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}, body
    assert {"code", "message"} <= set(body["error"]), body
    return body["error"]


# --- reading events ---------------------------------------------------------------------------------------


def test_events_lists_every_stored_event_with_its_total(client, db):
    with Store.open(db) as store:
        expected = [e.event_id for e in store.query()]
    body = client.get("/api/events").json()
    assert body["total"] == len(expected) > 5
    assert [e["event_id"] for e in body["events"]] == expected
    assert body["next_offset"] is None


def test_events_pages_with_limit_and_offset_cover_every_event_once(client):
    everything = [e["event_id"] for e in client.get("/api/events").json()["events"]]
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/events", params={"limit": 3, "offset": offset}).json()
        assert len(page["events"]) <= 3 and page["total"] == len(everything)
        seen += [e["event_id"] for e in page["events"]]
        offset = page["next_offset"]
    assert seen == everything


def test_events_newest_first_reverses_the_date_order(client):
    asc = [e["event_date"] for e in client.get("/api/events").json()["events"]]
    desc = [e["event_date"] for e in client.get("/api/events", params={"order": "desc"}).json()["events"]]
    assert desc == sorted(asc, reverse=True)


FILTERS = [
    ({"type": "Air/drone strike"}, {"types": ["Air/drone strike"]}),
    ({"type": ["Battles", "Disrupted weapons use"]}, {"types": ["Battles", "Disrupted weapons use"]}),
    ({"admin1": "Kharkiv"}, {"admin1": ["Kharkiv"]}),
    ({"admin1": "UA-51"}, {"admin1": ["UA-51"]}),
    ({"country": "RU"}, {"countries": ["RU"]}),
    ({"since": "2024-05-14", "until": "2024-05-15"}, {"since": "2024-05-14", "until": "2024-05-15"}),
    ({"source": "kyiv daily monitor"}, {"sources": ["kyiv daily monitor"]}),
    ({"text": "governor"}, {"text": "governor"}),
    ({"near": "50.0,36.23,30"}, {"near": "50.0,36.23,30"}),
    ({"category": "drone_strike"}, {"categories": ["drone_strike"]}),
]


@pytest.mark.parametrize(("query", "library"), FILTERS)
def test_events_filters_select_what_the_library_filter_selects(client, db, query, library):
    with Store.open(db) as store:
        expected = [e.event_id for e in store.query(parse_filter(**library))]
    body = client.get("/api/events", params=query).json()
    assert expected, "the filter should select something in the test data"
    assert [e["event_id"] for e in body["events"]] == expected
    assert body["total"] == len(expected)


def test_events_as_geojson_are_point_features_at_longitude_latitude(client):
    response = client.get("/api/events", params={"format": "geojson", "admin1": "Odesa"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection" and body["total"] == len(body["features"]) > 0
    for feature in body["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert (round(lat, 2), round(lon, 2)) == (46.48, 30.72)
        assert feature["properties"]["admin1"] == "Odesa Oblast"
        assert feature["id"]


def test_event_detail_has_sources_claims_figures_and_the_evidence_in_its_paragraph(client):
    events = client.get("/api/events", params={"admin1": "Kharkiv", "type": "Air/drone strike"}).json()[
        "events"
    ]
    assert len(events) == 1
    detail = client.get(f"/api/events/{events[0]['event_id']}").json()
    assert detail["event"]["event_id"] == events[0]["event_id"]
    assert detail["fatalities_best"] == 2
    (source,) = detail["sources"]
    assert source["source"] == "Kyiv Daily Monitor" and source["url"] == "https://example.org/kharkiv-drone"
    assert source["claim"]["source_country"] == "UA"
    (evidence,) = source["evidence"]
    assert evidence["text"].startswith("A Russian drone hit an apartment block in Kharkiv")
    paragraph = evidence["paragraph"]
    assert paragraph[evidence["highlight_start"] : evidence["highlight_end"]] == evidence["text"]
    assert paragraph.endswith("the regional governor said.")  # the line, not the next paragraph
    assert "Vovchansk" not in paragraph


def test_answers_follow_writes_made_by_other_processes(client, db):
    before = client.get("/api/events", params={"admin1": "Kharkiv"}).json()
    assert client.get("/api/events", params={"admin1": "Kharkiv"}).json() == before  # (from the cache)
    with Store.open(db) as store:  # as `spotrep ingest` would, beside the server
        doc = make_document("Russian drones hit Lyptsi on Sunday, officials said.", published="2024-05-19")
        assert store.ingest([doc], extractor=keyword_extract).events_new == 1
    after = client.get("/api/events", params={"admin1": "Kharkiv"}).json()
    assert after["total"] == before["total"] + 1
    assert "Lyptsi" in {e["location"]["name"] for e in after["events"]}
    assert client.get("/api/stats").json()["documents"] == len(REPORTS) + 1


def test_an_unknown_event_is_404_with_a_code(client):
    response = client.get("/api/events/no-such-event")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ({"since": "2024-13-45"}, "invalid_date"),
        ({"type": "Pillow fight"}, "bad_input"),
        ({"near": "50.0,36.2"}, "bad_input"),
        ({"country": "Atlantis"}, "bad_input"),
        ({"since": "2024-05-16", "until": "2024-05-01"}, "bad_input"),
    ],
)
def test_filter_values_that_cannot_be_used_are_400_with_a_code(client, query, code):
    response = client.get("/api/events", params=query)
    assert response.status_code == 400
    assert error_of(response)["code"] == code


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ({"limit": "many"}, "invalid_request"),
        ({"limit": -1}, "invalid_request"),
        ({"order": "sideways"}, "invalid_request"),
        ({"format": "kml"}, "invalid_request"),
        ({"min_sources": 0}, "invalid_request"),
        ({"limit": 10_001}, "limit_too_large"),
    ],
)
def test_parameters_of_the_wrong_kind_are_422_with_a_code(client, query, code):
    response = client.get("/api/events", params=query)
    assert response.status_code == 422
    assert error_of(response)["code"] == code


def test_unknown_paths_and_methods_answer_json_errors(client):
    assert error_of(client.get("/api/nothing-here"))["code"] == "not_found"
    response = client.delete("/api/events")
    assert response.status_code == 405 and error_of(response)["code"] == "method_not_allowed"


def test_an_unexpected_failure_is_500_internal_error_without_a_traceback(db):
    with make_client(db) as c:

        def broken(*args, **kwargs):
            raise RuntimeError("secret internals")

        c.app.state.store.count = broken
        response = c.get("/api/events")
    assert response.status_code == 500
    assert error_of(response)["code"] == "internal_error"
    assert "secret internals" not in response.text and "Traceback" not in response.text


# --- places, stats, page ----------------------------------------------------------------------------------


def test_places_list_each_place_with_its_event_count(client, db):
    places = {p["location"]["name"]: p["events"] for p in client.get("/api/places").json()}
    with Store.open(db) as store:
        events = store.query()
    for name in ("Kharkiv", "Odesa", "Sumy"):
        assert places[name] == sum(1 for e in events if e.location.name == name) > 0


def test_stats_count_the_filtered_events_by_day_type_and_region(client):
    everything = client.get("/api/stats").json()
    assert sum(d["events"] for d in everything["by_day"]) == everything["events"]
    drones = client.get("/api/stats", params={"type": "Air/drone strike"}).json()
    assert 0 < drones["events"] < everything["events"]
    assert {t["sub_event_type"] for t in drones["by_type"]} == {"Air/drone strike"}
    assert everything["documents"] == len(REPORTS)


def test_the_page_config_offers_types_regions_sources_and_the_registered_layers(client):
    config = client.get("/api/page").json()
    assert config["tiles"] is None and config["writes_enabled"] is False
    assert [t["name"] for t in config["event_types"]][:2] == ["Battles", "Explosions/Remote violence"]
    assert all(t["colour"].startswith("#") for t in config["event_types"])
    assert {"Kharkiv Oblast", "Odesa Oblast"} <= {r["admin1"] for r in config["regions"]}
    assert config["sources"][0] == {"source": "Kyiv Daily Monitor", "documents": 2}
    assert "app.js" in config["layers"] and "layers/outlines.js" in config["layers"]


def test_the_page_is_a_static_shell_that_loads_leaflet_from_this_server(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script defer src="/static/vendor/leaflet/leaflet.js">' in page.text
    assert '<script defer src="/static/layers/outlines.js">' in page.text
    assert "http" not in page.text.split("<body>")[0].replace("http-equiv", "")  # nothing from elsewhere
    for path in (
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/leaflet.css",
        "/static/vendor/markercluster/leaflet.markercluster.js",
        "/static/app.js",
        "/static/app.css",
    ):
        assert client.get(path).status_code == 200, path


def test_the_tile_url_is_configurable_and_allowed_by_the_content_security_policy(db):
    with make_client(db, tiles="https://tiles.example.org/{z}/{x}/{y}.png") as c:
        assert c.get("/api/page").json()["tiles"] == "https://tiles.example.org/{z}/{x}/{y}.png"
        assert (
            "img-src 'self' data: https://tiles.example.org" in c.get("/").headers["content-security-policy"]
        )
    with make_client(db, tiles="none") as c:
        assert c.get("/api/page").json()["tiles"] is None


def test_openapi_docs_are_served_without_a_cdn(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/static/vendor/swagger/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    assert client.get("/static/vendor/swagger/swagger-ui-bundle.js").status_code == 200
    assert "'sha256-" in docs.headers["content-security-policy"]  # the one inline script, by its hash
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/documents", "/api/places", "/api/stats"} <= set(
        spec["paths"]
    )


# --- writes -------------------------------------------------------------------------------------------------


def document(text: str = REPORTS[0][0].replace("Kharkiv", "Sumy"), **fields) -> dict:
    return {"text": text, "published": "2024-05-20", "source": "Test Wire", **fields}


def test_writes_are_refused_when_the_server_has_no_token(client):
    for headers in ({}, auth(), auth("")):
        response = client.post("/api/documents", json=document(), headers=headers)
        assert response.status_code == 403
        assert error_of(response)["code"] == "writes_disabled"


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "missing_token"),
        ({"Authorization": "Bearer wrong"}, "invalid_token"),
        ({"Authorization": f"Bearer {TOKEN}x"}, "invalid_token"),
        ({"Authorization": f"Basic {TOKEN}"}, "missing_token"),
        ({"Authorization": "Bearer"}, "missing_token"),
    ],
)
def test_writes_without_the_right_bearer_token_are_401(writer, headers, code):
    response = writer.post("/api/documents", json=document(), headers=headers)
    assert response.status_code == 401
    assert error_of(response)["code"] == code
    assert response.headers["www-authenticate"] == "Bearer"


def test_a_document_posted_with_the_token_is_ingested_and_its_events_returned(writer):
    before = writer.get("/api/events").json()["total"]
    response = writer.post("/api/documents", json=document(), headers=auth(), params={"wait": 20})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "done"
    assert body["added"] is True and body["events_new"] + body["events_merged"] == len(body["events"]) > 0
    assert {e["location"]["name"] for e in body["events"]} >= {"Sumy"}
    assert writer.get("/api/events").json()["total"] == before + body["events_new"]
    again = writer.post("/api/documents", json=document(), headers=auth())
    assert again.status_code == 200
    assert again.json()["added"] is False and again.json()["duplicate_of"] == body["document_id"]
    assert [e["event_id"] for e in again.json()["events"]] == [e["event_id"] for e in body["events"]]


def test_the_token_is_compared_in_constant_time(writer, monkeypatch):
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    writer.post("/api/documents", json=document(), headers=auth("guess"))
    assert calls == [(b"guess", TOKEN.encode())]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (document(text="   \n  "), 400, "empty_input"),
        (document(text="Der Angriff auf Sumy dauerte die ganze Nacht, sagte der Gouverneur am Montag in einer"
                            " Erklärung an die Presse und die Bevölkerung der Stadt."), 400,
         "unsupported_language"),
        (document(published="15/05/2024"), 422, "invalid_request"),
        ({**document(), "colour": "red"}, 422, "invalid_request"),
        ({"published": "2024-05-01"}, 422, "invalid_request"),
    ],
)  # fmt: skip
def test_documents_that_cannot_be_used_are_refused_with_a_code(writer, body, status, code):
    response = writer.post("/api/documents", json=body, headers=auth())
    assert response.status_code == status, response.text
    assert error_of(response)["code"] == code


def test_a_request_larger_than_the_limit_is_413(db):
    with make_client(db, api_token=TOKEN, max_body_bytes=2000) as c:
        big = document(text="A Russian drone hit Sumy. " * 200)
        response = c.post("/api/documents", json=big, headers=auth())
        assert response.status_code == 413 and error_of(response)["code"] == "request_too_large"

        def chunks():  # no Content-Length: the limit is enforced while reading
            data = json.dumps(big).encode()
            for i in range(0, len(data), 500):
                yield data[i : i + 500]

        headers = {**auth(), "Content-Type": "application/json"}
        response = c.post("/api/documents", content=chunks(), headers=headers)
        assert response.status_code == 413 and error_of(response)["code"] == "request_too_large"
        assert c.post("/api/documents", json=document(), headers=auth()).status_code == 202


def test_a_text_longer_than_the_document_limit_is_413(db):
    with make_client(db, api_token=TOKEN, max_document_chars=100) as c:
        response = c.post("/api/documents", json=document(), headers=auth())
    assert response.status_code == 413 and error_of(response)["code"] == "input_too_large"


# --- hostile text, CORS, private reads -------------------------------------------------------------------


def test_hostile_document_text_comes_back_only_as_json_data(writer):
    response = writer.post(
        "/api/documents",
        json=document(text=HOSTILE, source="<b>Wire</b>"),
        headers=auth(),
        params={"wait": 20},
    )
    assert response.status_code == 201
    (event,) = response.json()["events"]
    detail = writer.get(f"/api/events/{event['event_id']}")
    assert detail.headers["content-type"] == "application/json"
    assert detail.headers["x-content-type-options"] == "nosniff"
    evidence = detail.json()["sources"][0]["evidence"][0]
    assert "<script>window.__pwned = 1</script>" in evidence["paragraph"]  # the data, unchanged
    page = writer.get("/")
    assert "__pwned" not in page.text and "<b>Wire</b>" not in page.text  # the page carries no document text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp.split("style-src")[0]


def test_the_page_script_inserts_document_text_as_text_only():
    from spotrep.web.app import STATIC

    for script in [STATIC / "app.js", *sorted((STATIC / "layers").glob("*.js"))]:
        source = script.read_text()
        for sink in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ):
            assert sink not in source, f"{script.name} uses {sink}"


def test_no_cors_headers_by_default(client):
    origin = {"Origin": "https://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/api/events", headers=origin).headers
    preflight = client.options("/api/documents", headers={**origin, "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_is_allowed_only_for_the_configured_origins(db):
    with make_client(db, cors_origins=("https://analysts.example",)) as c:
        ok = c.get("/api/events", headers={"Origin": "https://analysts.example"})
        other = c.get("/api/events", headers={"Origin": "https://elsewhere.example"})
    assert ok.headers["access-control-allow-origin"] == "https://analysts.example"
    assert "access-control-allow-origin" not in other.headers


def test_private_reads_need_the_token_but_the_page_shell_does_not(db):
    with make_client(db, api_token=TOKEN, private=True) as c:
        assert error_of(c.get("/api/events"))["code"] == "missing_token"
        assert c.get("/api/stats", headers=auth("nope")).status_code == 401
        assert c.get("/api/events", headers=auth()).status_code == 200
        assert c.get("/").status_code == 200


def test_security_headers_are_on_every_response(client):
    for path in ("/", "/api/events", "/api/nothing", "/static/app.js"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]


# --- settings -----------------------------------------------------------------------------------------------


def test_settings_come_from_the_environment_and_options_win():
    env = {
        "SPOTREP_API_TOKEN": "t",
        "SPOTREP_API_PRIVATE": "yes",
        "SPOTREP_TILES": "none",
        "SPOTREP_CORS_ORIGINS": "https://a.example, https://b.example",
        "SPOTREP_MAX_BODY_BYTES": "1000",
    }
    settings = Settings.from_env(env)
    assert settings.api_token == "t" and settings.private and settings.tiles is None
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.max_body_bytes == 1000
    assert Settings.from_env(env, tiles="https://t.example/{z}/{x}/{y}.png").tiles.startswith("https://t.")
    assert Settings.from_env({}).tiles is None  # offline first: the page's own basemap
    assert Settings(tiles="osm").tiles.startswith("https://tile.openstreetmap.org/")
    assert Settings.from_env({"SPOTREP_API_TOKEN": "  "}).writes_enabled is False


@pytest.mark.parametrize(
    "bad",
    [
        {"tiles": "ftp://tiles.example/{z}/{x}/{y}.png"},
        {"tiles": "https://tiles.example/tile.png"},
        {"private": True},  # private reads without a token
        {"max_body_bytes": 0},
    ],
)
def test_unusable_settings_are_config_errors(bad):
    with pytest.raises(ConfigError):
        Settings(**bad)


def test_dates_in_the_api_are_iso_strings(client):
    event = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    assert date.fromisoformat(event["event_date"])


# --- bounds, search text, the OpenAPI document (issue 13) ---------------------------------------------------

TOO_BIG = str(2**63)  # one more than SQLite's (and PostgreSQL's bigint) largest integer


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/events", "offset"),
        ("/api/events", "limit"),
        ("/api/events", "min_sources"),
        ("/api/stats", "min_sources"),
        ("/api/documents", "offset"),
        ("/api/documents", "limit"),
    ],
)
@pytest.mark.parametrize("value", [TOO_BIG, "1" + "0" * 40, "-" + TOO_BIG])
def test_integers_beyond_the_database_are_422_naming_the_parameter(client, path, parameter, value):
    response = client.get(path, params={parameter: value})
    assert response.status_code == 422
    error = error_of(response)
    assert error["code"] == "invalid_request" and f"query.{parameter}" in error["message"]


@pytest.mark.parametrize(("path", "parameter"), [("/api/events", "offset"), ("/api/documents", "offset")])
def test_the_largest_offset_the_database_holds_is_an_empty_page(client, path, parameter):
    response = client.get(path, params={parameter: str(2**63 - 1)})
    assert response.status_code == 200
    assert response.json()[path.rsplit("/", 1)[1]] == []


@pytest.mark.parametrize("text", ["\x00", "Kharkiv\x00", "\x01", "\x1b[31m", "line\nbreak", "\x7f"])
def test_control_characters_in_the_search_text_are_422(client, text):
    response = client.get("/api/events", params={"text": text})
    assert response.status_code == 422
    assert "control characters" in error_of(response)["message"]


@pytest.mark.parametrize(("text", "matches"), [("Kharkiv", True), ("%", False), ("_", False),
                                                ("Kh%kiv", False), ("Kharki_", False), ("\\", False)])  # fmt: skip
def test_like_wildcards_in_the_search_text_are_literal_characters(client, text, matches):
    total = client.get("/api/events", params={"text": text}).json()["total"]
    assert (total > 0) is matches


def _security(spec: dict) -> dict[str, object]:
    return {
        f"{method.upper()} {path}": operation.get("security")
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
    }


def test_the_openapi_document_asks_for_the_token_on_writes_only(writer):
    security = _security(writer.get("/openapi.json").json())
    assert security.pop("POST /api/documents") == [{"HTTPBearer": []}]
    assert security and set(security.values()) == {None}  # every read is public
    assert writer.get("/api/events").status_code == 200  # as it says


def test_on_a_private_server_the_openapi_document_asks_for_the_token_everywhere(db):
    with make_client(db, api_token=TOKEN, private=True) as c:
        security = _security(c.get("/openapi.json").json())
    assert "GET /api/events" in security
    assert all(value == [{"HTTPBearer": []}] for value in security.values())


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", "/api/documents", "GET, POST"),
        ("OPTIONS", "/api/documents", "GET, POST"),
        ("DELETE", "/api/events", "GET"),
        ("POST", "/api/events/some-id", "GET"),
    ],
)
def test_a_method_not_allowed_names_every_method_the_path_answers(client, method, path, allow):
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allow


@pytest.mark.parametrize("published", [0, 1_715_000_000, 2024.5, True, ["2024-05-20"]])
def test_a_publication_date_that_is_not_a_string_is_422(writer, published):
    response = writer.post("/api/documents", json=document(published=published), headers=auth())
    assert response.status_code == 422
    assert error_of(response)["code"] == "invalid_request"
