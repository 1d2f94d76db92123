"""What the HTTP API and the page can be configured with: the token, who may read, limits, tiles, CORS.

Every setting has an environment variable (``Settings.from_env``); ``spotrep serve`` options override them.

* ``SPOTREP_API_TOKEN``: the bearer token writes need. Without one every write is refused (403).
* ``SPOTREP_API_PRIVATE=1``: reads need the token too (they are open by default).
* ``SPOTREP_TILES``: none by default (offline first: the page draws its own basemap, the country and region
  outlines and the gazetteer's settlement names, all served by spotrep); ``osm`` for OpenStreetMap's tiles, or
  a tile URL template. When tiles fail to load, the page falls back to its own basemap.
* ``SPOTREP_TILES_ATTRIBUTION``: the attribution shown for the tiles.
* ``SPOTREP_CORS_ORIGINS``: comma-separated origins allowed to call the API from other sites (default:
  none).
* ``SPOTREP_MAX_BODY_BYTES``, ``SPOTREP_MAX_PAGE``: the request-size limit and the largest page of events.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from ..errors import ConfigError
from ..store.extract import Extractor

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_TILES = None  # offline first: the page's own basemap
TILE_ALIASES = {"osm": OSM_TILES, "openstreetmap": OSM_TILES}
DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors"
NO_TILES = ("", "none", "off", "offline")

_TRUE = ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Settings:
    api_token: str | None = None
    private: bool = False  # reads need the token too
    tiles: str | None = DEFAULT_TILES  # None: no tiles (the page's own basemap)
    tiles_attribution: str = DEFAULT_ATTRIBUTION
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 2 * 1024 * 1024
    max_document_chars: int = 1_000_000
    default_page: int = 100
    max_page: int = 10_000
    docs: bool = True  # OpenAPI docs at /docs and /openapi.json
    max_wait_seconds: float = 30.0  # the longest a POST may wait for its events (``?wait=``)
    cache_entries: int = 512  # read responses kept in memory (SQLite only; 0: none)
    extractor: Extractor | str | None = field(default=None, repr=False)  # default: the pipeline

    def __post_init__(self) -> None:
        if self.api_token is not None and not self.api_token.strip():
            object.__setattr__(self, "api_token", None)
        if self.private and not self.api_token:
            raise ConfigError("private reads need a token: set SPOTREP_API_TOKEN")
        if self.tiles is not None:
            tiles = self.tiles.strip()
            if tiles.lower() in TILE_ALIASES:
                object.__setattr__(self, "tiles", TILE_ALIASES[tiles.lower()])
            elif tiles.lower() in NO_TILES:
                object.__setattr__(self, "tiles", None)
            else:
                parts = urlsplit(tiles)
                if parts.scheme not in ("http", "https") or not parts.netloc or "{z}" not in tiles:
                    raise ConfigError(
                        f"the tile URL must be an http(s) template with {{z}}/{{x}}/{{y}}, or 'none';"
                        f" got {tiles!r}",
                        value=tiles,
                    )
        for name in ("max_body_bytes", "max_document_chars", "default_page", "max_page"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1", value=getattr(self, name))
        if self.default_page > self.max_page:
            raise ConfigError("the default page is larger than the largest page")

    @property
    def writes_enabled(self) -> bool:
        return self.api_token is not None

    @property
    def tile_origin(self) -> str | None:
        """scheme://host of the tile server with its subdomains as a CSP source (``{s}`` -> ``*``)."""
        if self.tiles is None:
            return None
        parts = urlsplit(self.tiles)
        return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``SPOTREP_*`` environment variables; keyword arguments that are not None win."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        if env.get("SPOTREP_API_TOKEN"):
            values["api_token"] = env["SPOTREP_API_TOKEN"]
        if env.get("SPOTREP_API_PRIVATE"):
            values["private"] = env["SPOTREP_API_PRIVATE"].strip().lower() in _TRUE
        if "SPOTREP_TILES" in env:
            values["tiles"] = env["SPOTREP_TILES"]
        if env.get("SPOTREP_TILES_ATTRIBUTION"):
            values["tiles_attribution"] = env["SPOTREP_TILES_ATTRIBUTION"]
        if env.get("SPOTREP_CORS_ORIGINS"):
            values["cors_origins"] = tuple(
                o.strip() for o in env["SPOTREP_CORS_ORIGINS"].split(",") if o.strip()
            )
        for name, var in (("max_body_bytes", "SPOTREP_MAX_BODY_BYTES"), ("max_page", "SPOTREP_MAX_PAGE")):
            if env.get(var):
                try:
                    values[name] = int(env[var])
                except ValueError:
                    raise ConfigError(f"{var} must be an integer, got {env[var]!r}", value=env[var]) from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]
