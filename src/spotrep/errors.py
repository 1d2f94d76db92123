"""Domain errors. Every failure the library reports is a SpotrepError subclass with a stable code.

The CLI maps them to messages and exit codes; the HTTP API maps them to status codes.
"""

from __future__ import annotations

from typing import Any


class SpotrepError(Exception):
    """Base class: a stable machine-readable ``code``, a human message, and the fields that explain it."""

    code = "spotrep_error"
    exit_code = 1
    http_status = 500

    def __init__(self, message: str, **fields: Any) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            **{k: v for k, v in self.fields.items() if v is not None},
        }

    def __str__(self) -> str:
        return self.message


class InputError(SpotrepError):
    """The input cannot be used (the user can fix it)."""

    code = "bad_input"
    exit_code = 2
    http_status = 400


class EmptyInputError(InputError):
    code = "empty_input"


class BinaryInputError(InputError):
    code = "binary_input"


class EncodingError(InputError):
    code = "not_utf8"


class InputTooLargeError(InputError):
    code = "input_too_large"
    http_status = 413


class MalformedRecordError(InputError):
    """One record of a batch (a JSON line, a CSV row) is malformed; ``line`` says which."""

    code = "malformed_record"


class NotEnglishError(InputError):
    code = "not_english"


class UnsupportedLanguageError(NotEnglishError):
    """A text in a language spotrep does not read (it reads English, Ukrainian and Russian)."""

    code = "unsupported_language"


class InvalidDateError(InputError):
    code = "invalid_date"


class ModelNotInstalledError(SpotrepError):
    code = "model_not_installed"
    exit_code = 3


class ConfigError(SpotrepError):
    code = "config_error"
    exit_code = 2


class NotFoundError(SpotrepError):
    code = "not_found"
    exit_code = 4
    http_status = 404


class StoreError(SpotrepError):
    code = "store_error"
    exit_code = 5


class DataNotInstalledError(ModelNotInstalledError):
    """A data package an optional feature needs (e.g. the map outlines) is not installed."""

    code = "data_not_installed"
    http_status = 503


class ShardError(SpotrepError):
    """A batch output directory (its manifest or a shard) is unreadable or does not match its checksums."""

    code = "bad_shard"
    exit_code = 2


class ClusterError(SpotrepError):
    """The Dask scheduler cannot be reached, or its workers cannot run spotrep."""

    code = "cluster_unavailable"
    exit_code = 6


class DaskNotInstalledError(ClusterError):
    """Running on a Dask cluster needs the dask extra, which is not installed."""

    code = "dask_not_installed"
    exit_code = 3


class FeedError(SpotrepError):
    """A feed or one of its articles cannot be had or read (``spotrep.feeds``); ``url`` says which."""

    code = "feed_error"
    exit_code = 2
    http_status = 502


class FetchError(FeedError):
    """An HTTP request failed: ``status`` (when the server answered) and whether trying again may help
    (``retryable``: 5xx, 408, 429, timeouts and network errors)."""

    code = "fetch_failed"

    @property
    def retryable(self) -> bool:
        return bool(self.fields.get("retryable"))


class FetchTimeoutError(FetchError):
    code = "fetch_timeout"


class TooManyRedirectsError(FetchError):
    code = "too_many_redirects"


class ResponseTooLargeError(FetchError):
    code = "response_too_large"


class NotHtmlError(FetchError):
    """An article page that is not HTML (a PDF, an image): the feed's own text is used instead."""

    code = "not_html"


class RobotsDisallowedError(FetchError):
    """An article page its host's robots.txt does not let spotrep fetch: the feed's own text is used instead."""

    code = "robots_disallowed"


class RobotsUnavailableError(FetchError):
    """An article page not fetched because its host's robots.txt could not be read (5xx, a network error): no
    page of that host is fetched in this round; tried again at a later one."""

    code = "robots_unavailable"


class MalformedFeedError(FeedError):
    code = "malformed_feed"


class LexiconError(SpotrepError):
    """A lexicon data file shipped with spotrep (or edited by a user) cannot be read."""

    code = "lexicon_error"
    exit_code = 2


class MimuDataError(SpotrepError):
    """Myanmar's MIMU place codes (the data file the ``mm-geo-coder`` package ships) are missing or do not have the
    shape the gazetteer build reads; ``path`` says which file, ``table``/``column``/``row`` what is wrong."""

    code = "mimu_data_error"
    exit_code = 2
