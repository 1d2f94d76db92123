"""The HTTP API and the map-and-timeline page (``spotrep serve``; needs the ``serve`` extra).

    >>> from spotrep.web import create_app, Settings
    >>> app = create_app("events.db", settings=Settings(api_token="s3cret", tiles=None))

Routes live in ``spotrep.web.routes`` (one module each, listed in ``ROUTE_MODULES``); the page's own script
is ``static/app.js``, with a registry of map layers that other modules' scripts add to.
"""

from __future__ import annotations

from .app import app_from_env, create_app
from .settings import Settings

__all__ = ["Settings", "app_from_env", "create_app"]
