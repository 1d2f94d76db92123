"""`spotrep places TEXT`: the toponyms of a text, their candidates and why one won;
`spotrep gazetteer build|info|import FILE`: the gazetteer cache."""

from __future__ import annotations

import json
import sys

import click

from ..errors import EmptyInputError
from .app import cli, note


@cli.command("places")
@click.argument("text", required=False)
@click.option(
    "--file", "path", type=click.Path(allow_dash=True), help="Read the text from a file ('-' for stdin)."
)
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
@click.option("--focus", metavar="CC", help="The document's focus country (ISO alpha-2); default: inferred.")
@click.option(
    "--published",
    metavar="YYYY-MM-DD",
    help="The document's publication date: among namesakes, the one near the front line that day wins.",
)
def places_command(
    text: str | None, path: str | None, fmt: str, focus: str | None, published: str | None
) -> None:
    """Show each toponym of TEXT, the gazetteer candidates and why one won."""
    from ..documents import parse_date
    from ..entities import get_nlp
    from ..places import find_places
    from .io import read_text_file

    if path:
        _name, text = read_text_file(path)
    elif text is None or text == "-":
        text = sys.stdin.read()
    if not text or not text.strip():
        raise EmptyInputError("no text given")
    on = parse_date(published)
    mentions = find_places(get_nlp()(text), focus_country=focus, on=on)
    if fmt == "json":
        click.echo(json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, indent=2))
        return
    if not mentions:
        note("no places found")
        return
    for m in mentions:
        loc = m.location
        flags = "".join(
            f" [{f}]"
            for f, on in (
                ("anaphoric", m.anaphoric),
                ("metonymy: the government", m.metonymy and not m.affiliation),
                ("affiliation: whose the armed group is, not where", m.affiliation),
                ("near: close to it, not in it", m.near),
                ("qualifier: the region of the place before", m.qualifier),
            )
            if on
        )
        if loc is None:
            target = "unresolved"
        else:
            where = ", ".join(x for x in (loc.name, loc.admin2, loc.admin1_code, loc.country) if x)
            point = f" ({loc.latitude}, {loc.longitude})" if loc.latitude is not None else ""
            target = f"{where}{point} precision {loc.geo_precision} {loc.gazetteer_id}"
        click.echo(f"{m.text!r} [{m.kind}] @{m.start}-{m.end} sentence {m.sentence_index}{flags}")
        click.echo(f"    -> {target}")
        if m.reason:
            click.echo(f"    why: {m.reason}")
        for c in m.candidates[1:4] if len(m.candidates) > 1 else []:
            cl = c.location
            click.echo(
                f"    also {c.score:6.2f}  {cl.name} ({c.kind}, {cl.admin1_code or cl.country}): "
                + "; ".join(c.why[:4])
            )


@cli.group("gazetteer")
def gazetteer_group() -> None:
    """The gazetteer cache: build it, show it, import a GeoNames country dump."""


@gazetteer_group.command("build")
@click.option("--force", is_flag=True, help="Rebuild even when the cache is up to date.")
def gazetteer_build(force: bool) -> None:
    """Build the gazetteer cache (done automatically on first use)."""
    from ..gazetteer import build_cache, gazetteer_stats

    path = build_cache(force=force)
    stats = gazetteer_stats()
    click.echo(f"gazetteer: {path} ({stats['entries']:,} entries, loads in {stats['load_seconds']} s)")


@gazetteer_group.command("info")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def gazetteer_info(fmt: str) -> None:
    """Where the cache is, what it was built from, and its load time and memory."""
    from ..gazetteer import cache_dir, cache_path, gazetteer_stats, get_gazetteer

    path = cache_path()
    built = path.is_file()
    info: dict = {"cache_dir": str(cache_dir()), "cache": str(path), "built": built}
    if built:
        info["stats"] = gazetteer_stats()
        info["build"] = get_gazetteer().data.info
    if fmt == "json":
        click.echo(json.dumps(info, indent=2, ensure_ascii=False))
        return
    click.echo(f"cache directory: {info['cache_dir']}")
    click.echo(
        f"cache file:      {info['cache']} "
        + ("(built)" if built else "(not built yet: run `spotrep gazetteer build`)")
    )
    if built:
        for k, v in info["stats"].items():
            click.echo(f"  {k}: {v}")
        for k, v in info["build"].items():
            click.echo(f"  {k}: {v}")


@gazetteer_group.command("import")
@click.argument("file", type=click.Path())
def gazetteer_import(file: str) -> None:
    """Import a GeoNames country dump (e.g. UA.txt, tab-separated) as an overlay with exact coordinates."""
    from ..gazetteer import import_geonames_dump

    summary = import_geonames_dump(file)
    countries = ", ".join(f"{c}: {n}" for c, n in sorted(summary["countries"].items()))
    click.echo(f"imported {summary['places']:,} populated places ({countries}) from {summary['file']}")
    click.echo(f"overlay: {summary['overlay']}; gazetteer rebuilt: {summary['cache']}")
    click.echo(f"villages still at approximate coordinates: {summary['approximated_villages_left']:,}")
