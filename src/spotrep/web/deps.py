"""Dependencies the routes share: the store, the settings, the token checks and the event filter."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator

from ..store import EventFilter, Store, parse_filter
from ..store.models import CONTROL_CHARS, MAX_INTEGER
from .errors import ApiError
from .settings import Settings

SEARCH_TEXT = r"^[^\x00-\x1f\x7f]*$"
"""Search text is printable (``CONTROL_CHARS``), as the OpenAPI document says."""


def printable(value: str | None) -> str | None:
    """Search text without control characters: a 422 with a clear message (the library refuses them too)."""
    found = CONTROL_CHARS.search(value) if value else None
    if found:
        raise ValueError(f"the search text cannot contain control characters (U+{ord(found.group()):04X})")
    return value


bearer = HTTPBearer(auto_error=False, description="The token set in SPOTREP_API_TOKEN.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    return request.app.state.store


def cached(request: Request, compute) -> Response:
    """The response to this GET from the cache when the database has not changed since; else ``compute()``
    (a Response), kept for next time."""
    cache = request.app.state.cache
    version = cache.version()
    if version is None:
        return compute()
    key = (request.url.path, request.url.query, version)
    found = cache.get(key)
    if found is not None:
        body, media_type = found
        return Response(body, media_type=media_type)
    response = compute()
    if response.status_code == 200:
        cache.put(key, bytes(response.body), response.media_type or "application/json")
    return response


def token_matches(given: str, expected: str) -> bool:
    """Whether the token given is the expected one, compared in constant time."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _check_token(settings: Settings, credentials: HTTPAuthorizationCredentials | None) -> None:
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None or not credentials.credentials:
        raise ApiError(
            401, "missing_token", "this needs the API token as a bearer token (Authorization: Bearer TOKEN)",
            headers=challenge,
        )  # fmt: skip
    assert settings.api_token is not None
    if credentials.scheme.lower() != "bearer" or not token_matches(
        credentials.credentials, settings.api_token
    ):
        raise ApiError(401, "invalid_token", "the bearer token is not the API token", headers=challenge)


async def require_reader(request: Request) -> None:
    """Reads are open unless the server is private; then they need the token.

    The token is read here, not declared as a dependency: the OpenAPI document gives reads no security
    requirement (they are public), except on a private server (``app.private_reads_openapi``).
    """
    settings = get_settings(request)
    if settings.private:
        _check_token(settings, await bearer(request))


def require_writer(request: Request, credentials: Credentials) -> None:
    """Writes need the token; without a configured token every write is refused."""
    settings = get_settings(request)
    if not settings.writes_enabled:
        raise ApiError(
            403, "writes_disabled", "writes are disabled: the server has no API token (set SPOTREP_API_TOKEN)"
        )
    _check_token(settings, credentials)


def event_filter(
    since: Annotated[str | None, Query(description="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Events on or before this date (YYYY-MM-DD).")] = None,
    type: Annotated[
        list[str],
        Query(
            description="ACLED event type or sub-event type, e.g. `Battles`, `Air/drone strike` (repeatable)."
        ),
    ] = [],  # noqa: B006 (FastAPI copies query defaults)
    category: Annotated[list[str], Query(description="Project category (repeatable).")] = [],  # noqa: B006
    country: Annotated[list[str], Query(description="Country: UA, UKR or Ukraine (repeatable).")] = [],  # noqa: B006
    admin1: Annotated[
        list[str], Query(description="Region: `Kharkiv`, `Kharkiv Oblast` or `UA-63` (repeatable).")
    ] = [],  # noqa: B006
    near: Annotated[str | None, Query(description="LAT,LON,KM: events within KM km of a point.")] = None,
    bbox: Annotated[
        str | None,
        Query(
            max_length=120, description="WEST,SOUTH,EAST,NORTH: events in a box of degrees (a map's view)."
        ),
    ] = None,
    source: Annotated[list[str], Query(description="Reported by this source (repeatable).")] = [],  # noqa: B006
    text: Annotated[
        str | None,
        AfterValidator(printable),
        Query(
            max_length=200,
            json_schema_extra={"pattern": SEARCH_TEXT},
            description="Text in the notes, place, actors or evidence (case-insensitive; `%` and `_` are"
            " literal characters; control characters are refused).",
        ),
    ] = None,
    min_sources: Annotated[
        int | None, Query(ge=1, le=MAX_INTEGER, description="Reported by at least this many documents.")
    ] = None,
    lang: Annotated[
        list[str],
        Query(
            description="Language (ISO 639-1) of the event's canonical report: `en`, `uk`, `ru` (repeatable)."
        ),
    ] = [],  # noqa: B006
) -> EventFilter:
    """The CLI's filters as query parameters (parsed by the same library function)."""
    return parse_filter(
        since=since,
        until=until,
        types=type,
        categories=category,
        countries=country,
        admin1=admin1,
        near=near,
        bbox=bbox,
        sources=source,
        text=text,
        min_sources=min_sources,
        languages=lang,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]
StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
