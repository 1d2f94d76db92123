"""The FastAPI app factory: the store, the routers (``routes.ROUTE_MODULES``), the page's static files, the
offline API docs, and the middleware (request-size limit, security headers, gzip, CORS only when asked).

    >>> from spotrep.web import create_app, Settings
    >>> app = create_app("events.db", settings=Settings(api_token="s3cret"))
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib
import logging
import os
import re
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from ..store import Store
from . import errors
from .cache import ResponseCache
from .middleware import BodyLimit, SecurityHeaders
from .routes import ROUTE_MODULES
from .settings import Settings

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
CORE_SCRIPTS = (
    "vendor/leaflet/leaflet.js",
    "vendor/markercluster/leaflet.markercluster.js",
    "app.js",
)


def _vendor_dirs() -> dict[str, Path]:
    """Leaflet and its marker-cluster plugin from the xstatic packages; Swagger UI from fastapi-offline."""
    dirs: dict[str, Path] = {}
    try:
        import xstatic.pkg.leaflet as leaflet
        import xstatic.pkg.leaflet_markercluster as markercluster
    except ImportError as exc:
        from ..errors import DataNotInstalledError

        raise DataNotInstalledError(
            f"the page needs xstatic-leaflet and xstatic-leaflet-markercluster ({exc});"
            " install spotrep[serve]",
            package="spotrep[serve]",
        ) from exc
    dirs["leaflet"] = Path(leaflet.BASE_DIR)
    dirs["markercluster"] = Path(markercluster.BASE_DIR)
    try:
        import fastapi_offline
    except ImportError:
        log.warning("fastapi-offline is not installed: /docs is not served (it would need a CDN)")
    else:
        dirs["swagger"] = Path(fastapi_offline.__file__).parent / "static"
    return dirs


def _csp(settings: Settings, docs_script_hash: str | None):
    img = "'self' data:" + (f" {settings.tile_origin}" if settings.tile_origin else "")
    common = "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
    strict = (
        f"default-src 'none'; script-src 'self'; style-src 'self'; img-src {img}; connect-src 'self'; "
        f"font-src 'self'; {common}"
    )
    docs_script = f" '{docs_script_hash}'" if docs_script_hash else ""
    docs = (
        f"default-src 'none'; script-src 'self'{docs_script}; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data:; connect-src 'self'; {common}"
    )

    def policy(path: str) -> str:
        return docs if path == "/docs" else strict

    return policy


def create_app(
    store_path: str | os.PathLike[str] | Store | None = None, *, settings: Settings | None = None
) -> FastAPI:
    """The app over the store at ``store_path`` (a path or URL; else ``$SPOTREP_DB``, else the default
    database), or over an open ``Store`` (which the caller closes). ``settings`` default to the
    environment's (``Settings.from_env()``)."""
    settings = settings if settings is not None else Settings.from_env()
    vendor = _vendor_dirs()
    owned = not isinstance(store_path, Store)
    store = Store.open(store_path) if owned else store_path
    assert isinstance(store, Store)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.cache.close()
        if owned:
            store.close()

    docs = settings.docs and "swagger" in vendor
    app = FastAPI(
        title="spotrep",
        summary="Structured conflict events, with their evidence, from war reporting.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.docs else None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    if settings.private:
        private_reads_openapi(app)
    app.state.cache = ResponseCache(store.path, max_entries=settings.cache_entries)
    errors.install(app)

    scripts = list(CORE_SCRIPTS)
    for name in ROUTE_MODULES:
        module = importlib.import_module(f"{__package__}.routes.{name}")
        app.include_router(module.router)
        scripts += [s for s in getattr(module, "PAGE_SCRIPTS", ()) if s not in scripts]
    app.state.page_scripts = tuple(scripts)

    app.mount("/static/vendor/leaflet", StaticFiles(directory=vendor["leaflet"]), name="leaflet")
    app.mount("/static/vendor/markercluster", StaticFiles(directory=vendor["markercluster"]), name="cluster")
    docs_hash = None
    if docs:
        app.mount("/static/vendor/swagger", StaticFiles(directory=vendor["swagger"]), name="swagger")
        docs_page = get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="spotrep API",
            swagger_js_url="/static/vendor/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger/favicon.png",
        ).body.decode()
        inline = re.findall(r"<script>(.*?)</script>", docs_page, flags=re.S)
        if inline:
            digest = hashlib.sha256(inline[0].encode()).digest()
            docs_hash = "sha256-" + base64.b64encode(digest).decode()

        @app.get("/docs", include_in_schema=False)
        def api_docs() -> HTMLResponse:
            return HTMLResponse(docs_page)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=1)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders, csp=_csp(settings, docs_hash))
    return app


def private_reads_openapi(app: FastAPI) -> None:
    """On a private server the OpenAPI document says that every operation needs the token, as the writes
    do (the reads' dependency does not declare it: on other servers they are public)."""
    generate = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = generate()
            schemes = list(schema.get("components", {}).get("securitySchemes", {}))
            for operations in schema.get("paths", {}).values():
                for operation in operations.values():
                    if isinstance(operation, dict) and "security" not in operation and schemes:
                        operation["security"] = [{name: []} for name in schemes]
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spotrep")
    except PackageNotFoundError:
        return "0"


def app_from_env() -> FastAPI:
    """The app configured by the environment alone (``SPOTREP_DB``, ``SPOTREP_API_TOKEN``...): the factory
    uvicorn's workers import (``uvicorn --factory spotrep.web:app_from_env``)."""
    return create_app(None, settings=Settings.from_env())
