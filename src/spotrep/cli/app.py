"""The click group every command module attaches to, and the mapping of domain errors to exit codes.

Exit codes: 0 success; 1 unexpected failure; 2 bad input or usage; 3 a model or data package (or the dask
extra) is missing; 4 not found; 5 store error; 6 the Dask scheduler cannot be reached, or its workers cannot
run spotrep. A command that reads several inputs or records (extract, ingest) reports each one it cannot use on
stderr (the file, or ``<stdin>``, and the line of a record), goes on with the rest, and exits 2 at the end; so
does one whose standard input is closed or unreadable.
"""

from __future__ import annotations

import logging
import sys

import click

from ..errors import SpotrepError


class SpotrepGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SpotrepError as exc:
            click.echo(f"spotrep: error: {exc.message}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            # the reader went away (e.g. `| head`); not an error of ours
            sys.stderr.close()
            ctx.exit(0)


@click.group(cls=SpotrepGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="spotrep")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def cli(verbose: int, quiet: bool) -> None:
    """spotrep: structured conflict events, with their evidence, from war reporting."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="spotrep: %(levelname)s: %(message)s", stream=sys.stderr)


def note(message: str) -> None:
    """A note for the user on stderr (never mixed into the data on stdout)."""
    click.echo(f"spotrep: {message}", err=True)
