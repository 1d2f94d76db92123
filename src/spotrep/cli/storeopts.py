"""Options shared by the store commands (ingest, events, export, stats): the database and the event
filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from ..store.models import MAX_INTEGER

if TYPE_CHECKING:
    from ..store import EventFilter, Store

db_option = click.option(
    "--db",
    metavar="FILE|URL",
    envvar="SPOTREP_DB",
    show_envvar=True,
    help="The event database: a file (SQLite) or a database URL. Default: ~/.local/share/spotrep/spotrep.db.",
)


keep_changes_option = click.option(
    "--keep-changes",
    metavar="DURATION",
    envvar="SPOTREP_KEEP_CHANGES",
    show_envvar=True,
    default="7d",
    show_default=True,
    help="How long the store's change log (what alerts and /api/stream read) keeps the changes every alert"
    " has read: 1h, 7d, 30d; 'off' keeps them all. Pruned at most once an hour.",
)


def keep_changes(value: str | None) -> int | None:
    """Seconds of ``--keep-changes`` (None: ``off``, never prune)."""
    if value is None or value.strip().lower() in ("off", "never", "none"):
        return None
    from ..feeds.parse import parse_interval

    return parse_interval(value, minimum=60, name="--keep-changes")


def open_store(db: str | None) -> Store:
    from ..store import Store

    return Store.open(db)


_FILTERS: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
    click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this date."),
    click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this date."),
    click.option(
        "--type",
        "types",
        multiple=True,
        metavar="TYPE",
        help="ACLED event type or sub-event type, e.g. 'Battles' or 'Air/drone strike' (repeatable).",
    ),
    click.option(
        "--category", "categories", multiple=True, metavar="CAT", help="Project category (repeatable)."
    ),
    click.option(
        "--country",
        "countries",
        multiple=True,
        metavar="CC",
        help="Country: UA, UKR or Ukraine (repeatable).",
    ),
    click.option(
        "--admin1",
        multiple=True,
        metavar="REGION",
        help="Region: 'Kharkiv', 'Kharkiv Oblast' or UA-63 (repeatable).",
    ),
    click.option("--near", metavar="LAT,LON,KM", help="Events within KM kilometres of a point."),
    click.option("--bbox", metavar="W,S,E,N", help="Events in a box of longitudes and latitudes."),
    click.option(
        "--source", "sources", multiple=True, metavar="NAME", help="Reported by this source (repeatable)."
    ),
    click.option(
        "--text", metavar="TEXT", help="Text in the notes, place, actors or evidence (case-insensitive)."
    ),
    click.option(
        "--min-sources", type=click.IntRange(1, MAX_INTEGER), help="Reported by at least this many documents."
    ),
    click.option(
        "--lang",
        "languages",
        multiple=True,
        metavar="CODE",
        help="Events in this language (its canonical report's): en, uk or ru (repeatable).",
    ),
]


def filter_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_FILTERS):
        function = option(function)
    return function


def build_filter(**values: Any) -> EventFilter:
    """The EventFilter of the filter options (parsed by the library's ``parse_filter``; errors name the
    options)."""
    from ..store import FILTER_KEYS, parse_filter

    return parse_filter(**values, names={key: _OPTION_NAMES.get(key, key) for key in FILTER_KEYS})


_OPTION_NAMES = {
    "since": "--since",
    "until": "--until",
    "types": "--type",
    "categories": "--category",
    "countries": "--country",
    "admin1": "--admin1",
    "near": "--near",
    "bbox": "--bbox",
    "sources": "--source",
    "text": "--text",
    "min_sources": "--min-sources",
    "languages": "--lang",
}


def pop_filter(kwargs: dict[str, Any]) -> EventFilter:
    """Build the EventFilter from a command's keyword arguments, removing the filter options from them."""
    from ..store import FILTER_KEYS

    return build_filter(**{key: kwargs.pop(key) for key in FILTER_KEYS})
