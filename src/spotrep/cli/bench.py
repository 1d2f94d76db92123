"""`spotrep bench`: the performance figures (what `make bench` prints)."""

from __future__ import annotations

import json

import click

from .app import cli


@cli.command()
@click.option("--section", "sections", multiple=True, help="Run only these sections (repeatable).")
@click.option(
    "--docs", "n_docs", type=int, default=200, show_default=True, help="Generated documents to time."
)
@click.option(
    "--events",
    "n_events",
    type=int,
    default=1_000_000,
    show_default=True,
    help="Size of the generated database the store section queries.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def bench(sections, n_docs, n_events, as_json) -> None:
    """Measure speed and memory on a generated corpus (no timing is ever asserted in tests)."""
    from ..benchmark import run

    results = run(list(sections) or None, n_docs=n_docs, n_events=n_events)
    if as_json:
        click.echo(json.dumps(results, indent=2))
        return
    for name, figures in results.items():
        click.echo(f"[{name}]")
        for key, value in figures.items():
            click.echo(f"  {key}: {value}")
