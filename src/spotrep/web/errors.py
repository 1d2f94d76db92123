"""Errors as JSON: every 4xx/5xx answer is ``{"error": {"code": ..., "message": ..., ...}}``.

``SpotrepError``s keep their code and fields and get their ``http_status``; FastAPI's validation errors
become 422 ``invalid_request`` with the offending parameters; Starlette's HTTP errors (unknown path, wrong
method) get a code of their own; anything unexpected is logged and answered with 500 ``internal_error``
(no traceback leaks to the client).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount

from ..errors import SpotrepError

log = logging.getLogger(__name__)


class ApiError(SpotrepError):
    """An error of the HTTP layer (authentication, permission, limits) with its own code and status."""

    def __init__(
        self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None, **fields: Any
    ) -> None:
        super().__init__(message, **fields)
        self.code = code
        self.http_status = status
        self.headers = headers or {}


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "request_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
}


def error_body(code: str, message: str, **fields: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **{k: v for k, v in fields.items() if v is not None}}}


def error_response(
    status: int, code: str, message: str, *, headers: dict[str, str] | None = None, **fields: Any
):
    return JSONResponse(error_body(code, message, **fields), status_code=status, headers=headers)


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


async def _spotrep_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SpotrepError)
    status = exc.http_status
    if status >= 500:
        log.error("%s %s: %s", request.method, request.url.path, exc.message)
    body = {"error": _jsonable(exc.to_dict())}
    headers = getattr(exc, "headers", None)
    return JSONResponse(body, status_code=status, headers=headers or None)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ())]
        details.append({"location": ".".join(loc), "message": err.get("msg", "invalid")})
    where = ", ".join(d["location"] for d in details[:5])
    message = f"invalid request ({where}): {details[0]['message']}" if details else "invalid request"
    return error_response(422, "invalid_request", message, details=details)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such path: {request.url.path}"
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
        if "Allow" in headers:  # the router names the methods of the first route of the path only
            headers["Allow"] = ", ".join(allowed_methods(request)) or headers["Allow"]
    return error_response(exc.status_code, code, message, headers=headers or None)


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(request: Request) -> list[str]:
    """The methods some route of the app answers on the request's path (the ``Allow`` of a 405)."""
    routes = [r for r in request.app.routes if not isinstance(r, Mount)]
    return [
        method
        for method in _METHODS
        if any(r.matches({**request.scope, "method": method})[0] is Match.FULL for r in routes)
    ]


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("%s %s failed", request.method, request.url.path)
    return error_response(500, "internal_error", "internal error (see the server log)")


def install(app: FastAPI) -> None:
    app.add_exception_handler(SpotrepError, _spotrep_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
