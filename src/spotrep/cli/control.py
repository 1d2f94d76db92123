"""`spotrep control PLACE | --region R`: who holds a settlement according to whom, since when;
`spotrep control import FILE --date D`: import a DeepState map export; `spotrep control layers`;
`spotrep control disagreements`: the claims the imported maps contradict."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from ..documents import parse_date
from ..errors import InputError
from .app import cli, note
from .storeopts import db_option, open_store

if TYPE_CHECKING:
    from ..control.layers import MapReading
    from ..control.store import Comparison, ControlReport


class _ControlGroup(click.Group):
    """``spotrep control PLACE ...`` is ``spotrep control show PLACE ...``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = ["show", *args]
        return super().parse_args(ctx, args)


@cli.group("control", cls=_ControlGroup)
def control_group() -> None:
    """Territorial control: who holds each settlement, according to whom, since when.

    \b
    spotrep control Robotyne [--date 2024-05-15] [--format json]
    spotrep control --region UA-63 [--date D]
    spotrep control import 1715636924.geojson [--date 2024-05-13]
    spotrep control disagreements [--date D]
    """


def _as_of(value: str | None) -> date:
    return parse_date(value, field="--date") or date.today()


def _map_words(reading: MapReading | None) -> str:
    if reading is None:
        return "no map"
    held = reading.controller or "outside the map"
    area = f" ({reading.area})" if reading.area else ""
    front = ""
    if reading.front_km is not None:
        front = (
            f", {abs(reading.front_km):.1f} km inside the occupied/grey areas"
            if reading.front_km < 0
            else f", front {reading.front_km:.1f} km away"
        )
    return f"{held}{area}{front} [{reading.layer_date.isoformat()}]"


def _quote(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_report(report: ControlReport) -> None:
    from ..control.ledger import place_sentences

    st = report.status
    level = f" ({st.claim_status})" if st.claim_status else ""
    since = f" since {st.since.isoformat()}" if st.since else ""
    click.echo(f"{st.place.label()} as of {st.as_of.isoformat()}: {st.status}{level}{since}")
    click.echo(f"  why: {st.reason}")
    if report.reading is not None:
        approx = " (approximate point)" if report.approximate_point else ""
        click.echo(f"  map: {_map_words(report.reading)}: {report.verdict}{approx}")
    if not st.history:
        return
    by_entry = {id(c.entry): c for c in report.entries}
    click.echo("  history:")
    for entry in st.history:
        c = by_entry.get(id(entry))
        flags = " [background]" if entry.background else ""
        stated = f" (stated: {entry.stated_status})" if entry.stated_status != entry.status else ""
        click.echo(
            f"    {entry.date.isoformat()}  {entry.controller or '-':<10} {entry.status:<9} "
            f"{entry.who()}{flags}{stated}: {entry.reason}"
        )
        if c is not None and c.reading is not None:
            click.echo(f"        map: {_map_words(c.reading)}: {c.verdict}")
        for text in place_sentences(entry.evidence, st.place.name)[:2]:
            click.echo(f'        "{_quote(text)}"')


@control_group.command("show")
@click.argument("place", required=False)
@click.option("--region", metavar="CODE", help="A region (ISO 3166-2 code like UA-63, or a name).")
@click.option("--date", "as_of", metavar="YYYY-MM-DD", help="The status on this date (default: today).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def control_show(place: str | None, region: str | None, as_of: str | None, fmt: str, db: str | None) -> None:
    """Who holds PLACE (or each settlement of --region) on a date, why, and the history of claims."""
    from ..control.store import control_report, find_place, region_statuses

    when = _as_of(as_of)
    if not place and not region:
        raise InputError("give a PLACE or --region CODE (e.g. spotrep control Vovchansk)")
    with open_store(db) as store:
        if place:
            ref = find_place(store, place, region=region)
            report = control_report(store, ref, when)
            if fmt == "json":
                _dump(report.to_dict())
            else:
                _print_report(report)
            return
        statuses = region_statuses(store, region, when)
    if fmt == "json":
        _dump(
            {
                "region": region,
                "as_of": when.isoformat(),
                "settlements": [st.to_dict() for st in statuses],
            }
        )
        return
    if not statuses:
        note(f"no settlement of {region} has reports of captures, withdrawals, advances or fighting")
        return
    for st in statuses:
        level = f" ({st.claim_status})" if st.claim_status else ""
        since = f" since {st.since.isoformat()}" if st.since else ""
        click.echo(f"{st.place.label()}: {st.status}{level}{since}")
        click.echo(f"    {st.reason}")


@control_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--date", "layer_date", metavar="YYYY-MM-DD", help="The map's date (default: from a Unix-time file name)."
)
@click.option("--source", default="deepstate", show_default=True, help="Who made the map.")
@db_option
def control_import(file: str, layer_date: str | None, source: str, db: str | None) -> None:
    """Import a DeepState GeoJSON export (occupied, liberated, unknown-status polygons) as a date's map."""
    from ..control.store import import_layer

    when = parse_date(layer_date, field="--date")
    with open_store(db) as store:
        info = import_layer(store, file, layer_date=when, source=source)
    if info.created:
        note(f"imported {info.name} as the {info.source} map of {info.layer_date} ({info.n_areas} areas)")
    else:
        note(f"{info.name} is already imported as the map of {info.layer_date}; nothing changed")


@control_group.command("layers")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def control_layers(fmt: str, db: str | None) -> None:
    """The imported control maps."""
    from ..control.store import list_layers

    with open_store(db) as store:
        layers = list_layers(store)
    if fmt == "json":
        _dump([info.to_dict() for info in layers])
        return
    if not layers:
        note("no control map imported (spotrep control import FILE --date D)")
    for info in layers:
        click.echo(f"{info.layer_date}  {info.source:<10} {info.n_areas:>5} areas  {info.name}")


@control_group.command("disagreements")
@click.option("--date", "as_of", metavar="YYYY-MM-DD", help="Only claims up to this date.")
@click.option("--region", metavar="CODE", help="Only settlements of this region.")
@click.option("--all", "show_all", is_flag=True, help="Every claim beside the map, agreeing or not.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def control_disagreements(
    as_of: str | None, region: str | None, show_all: bool, fmt: str, db: str | None
) -> None:
    """The claims of control the imported map of their date contradicts or leaves uncertain."""
    from ..control.store import compare_with_layers, list_layers

    when = parse_date(as_of, field="--date")
    with open_store(db) as store:
        if not list_layers(store):
            raise InputError("no control map imported; first: spotrep control import FILE --date D")
        comparisons = compare_with_layers(store, as_of=when, region=region)
    if not show_all:
        comparisons = [c for c in comparisons if c.verdict in ("disagrees", "uncertain")]
    if fmt == "json":
        _dump([c.to_dict() for c in comparisons])
        return
    if not comparisons:
        note("no disagreement between the claims and the maps" if not show_all else "no claims to compare")
    for c in comparisons:
        _print_comparison(c)


def _print_comparison(c: Comparison) -> None:
    e = c.entry
    approx = " (approximate point)" if c.approximate_point else ""
    click.echo(
        f"{c.place.label()} {e.date.isoformat()}: {e.controller} {e.status} by {e.who()}"
        f" | map: {_map_words(c.reading)} | {c.verdict}{approx}"
    )


def _dump(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
