"""`spotrep serve`: the HTTP API and the map-and-timeline page (FastAPI under uvicorn)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import click

from .app import cli, note
from .storeopts import db_option


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port.")
@click.option(
    "--tiles",
    metavar="none|osm|URL",
    envvar="SPOTREP_TILES",
    show_envvar=True,
    help="Map tiles: 'none' (default: the page's own offline basemap of outlines and place names), 'osm'"
    " for OpenStreetMap, or a tile URL template.",
)
@click.option(
    "--private",
    is_flag=True,
    default=None,
    help="Reads need the API token too (default: reads are open; writes always need the token).",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    metavar="ORIGIN",
    help="Let pages on this origin call the API (repeatable; default: none, no CORS headers).",
)
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True, help="Worker processes.")
@click.option(
    "--extract-workers",
    type=click.IntRange(0, 64),
    default=1,
    show_default=True,
    envvar="SPOTREP_EXTRACT_WORKERS",
    show_envvar=True,
    help="Processes extracting the posted documents (0: none here; run `spotrep work` beside it).",
)
@click.option("--log-level", default="info", show_default=True, help="uvicorn's log level.")
def serve(db, host, port, tiles, private, cors_origins, workers, extract_workers, log_level) -> None:
    """Serve the API (docs at /docs) and the page at / over the event database.

    Writes (POST /api/documents) need the token in SPOTREP_API_TOKEN as a bearer token; without a token
    they are refused. A posted document is stored and queued at once; --extract-workers processes extract
    it (the API's own processes never do).
    """
    try:
        import uvicorn  # noqa: F401 (checked here, before anything starts)

        from ..web import Settings
    except ImportError as exc:
        raise click.ClickException(
            f"spotrep serve needs the serve extra: pip install 'spotrep[serve]' ({exc})"
        ) from exc
    settings = Settings.from_env(
        tiles=tiles, private=True if private else None, cors_origins=tuple(cors_origins) or None
    )  # validates before anything starts
    if not settings.writes_enabled:
        note("no SPOTREP_API_TOKEN: writes (POST /api/documents) are refused")
    if host not in ("127.0.0.1", "localhost", "::1") and not settings.private:
        note(f"listening on {host}: reads are open to anyone who can reach it (--private to need the token)")
    with _extraction_workers(db, settings, extract_workers):
        _run(db, host, port, tiles, private, cors_origins, workers, log_level, settings)


@contextlib.contextmanager
def _extraction_workers(db, settings, n: int) -> Iterator[None]:
    if n == 0 or not settings.writes_enabled:
        if n == 0 and settings.writes_enabled:
            note("no extraction workers: posted documents wait in the queue for `spotrep work`")
        yield
        return
    from ..store import Store
    from ..store.extract import load_extractor
    from ..store.worker import WorkerPool

    extractor = settings.extractor
    if isinstance(extractor, str):
        extractor = load_extractor(extractor)
    with Store.open(db) as store, WorkerPool(store, n, extractor=extractor):
        note(f"{n} extraction worker(s) started")
        yield


SHUTDOWN_SECONDS = 5
"""On Ctrl-C, requests in progress get this long to finish: open event streams (``GET /api/stream``) never do,
and are cut then (their clients resume with Last-Event-ID)."""


def _run(db, host, port, tiles, private, cors_origins, workers, log_level, settings) -> None:
    import uvicorn

    from ..web import create_app

    if workers > 1:
        # each worker builds its own app from the environment
        if db:
            os.environ["SPOTREP_DB"] = db
        if tiles is not None:
            os.environ["SPOTREP_TILES"] = tiles
        if private:
            os.environ["SPOTREP_API_PRIVATE"] = "1"
        if cors_origins:
            os.environ["SPOTREP_CORS_ORIGINS"] = ",".join(cors_origins)
        uvicorn.run(
            "spotrep.web:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level=log_level,
            server_header=False,
            timeout_graceful_shutdown=SHUTDOWN_SECONDS,
        )
        return
    app = create_app(db, settings=settings)
    note(f"serving {app.state.store.url} on http://{host}:{port}/ (API docs: /docs)")
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        timeout_graceful_shutdown=SHUTDOWN_SECONDS,
    )
