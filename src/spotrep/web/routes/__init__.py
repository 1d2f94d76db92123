"""The API's routers, one module each, included by the app factory in this order.

A module here defines ``router`` (a FastAPI ``APIRouter``) and may define ``PAGE_SCRIPTS``: scripts under
``/static/`` that the page loads after its own (a map layer registers itself with ``Spotrep.layers.register``;
see ``static/app.js``). A new feature adds a module and its name to ``ROUTE_MODULES``.
"""

from __future__ import annotations

ROUTE_MODULES = ("events", "stream", "documents", "places", "stats", "outlines", "control", "feeds", "page")
