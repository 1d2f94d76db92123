"""Options shared by the store commands (ingest, events, export, stats): the database and the event
filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from ..documents import parse_date

if TYPE_CHECKING:
    from ..store import EventFilter, Store

db_option = click.option(
    "--db",
    metavar="FILE|URL",
    envvar="SPOTREP_DB",
    show_envvar=True,
    help="The event database: a file (SQLite) or a database URL. Default: ~/.local/share/spotrep/spotrep.db.",
)


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
    click.option(
        "--source", "sources", multiple=True, metavar="NAME", help="Reported by this source (repeatable)."
    ),
    click.option(
        "--text", metavar="TEXT", help="Text in the notes, place, actors or evidence (case-insensitive)."
    ),
    click.option("--min-sources", type=click.IntRange(1), help="Reported by at least this many documents."),
]


def filter_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_FILTERS):
        function = option(function)
    return function


def build_filter(
    *,
    since: str | None,
    until: str | None,
    types: tuple[str, ...],
    categories: tuple[str, ...],
    countries: tuple[str, ...],
    admin1: tuple[str, ...],
    near: str | None,
    sources: tuple[str, ...],
    text: str | None,
    min_sources: int | None,
) -> EventFilter:
    from ..store import EventFilter, Near

    return EventFilter(
        since=parse_date(since, field="--since"),
        until=parse_date(until, field="--until"),
        types=types,
        categories=categories,
        countries=countries,
        admin1=admin1,
        near=Near.parse(near) if near else None,
        sources=sources,
        text=text,
        min_sources=min_sources,
    )


FILTER_KEYS = (
    "since",
    "until",
    "types",
    "categories",
    "countries",
    "admin1",
    "near",
    "sources",
    "text",
    "min_sources",
)


def pop_filter(kwargs: dict[str, Any]) -> EventFilter:
    """Build the EventFilter from a command's keyword arguments, removing the filter options from them."""
    return build_filter(**{key: kwargs.pop(key) for key in FILTER_KEYS})
