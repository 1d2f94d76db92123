"""Command-line interface: a thin shell over the library. Each command lives in its own module."""

from __future__ import annotations

import importlib

from .app import cli

# Command modules; each attaches its commands to ``cli`` when imported.
COMMAND_MODULES = (
    "extract",
    "evaluate",
    "ingest",
    "events",
    "export",
    "stats",
    "places",
    "bench",
    "serve",
    "control",
    "batch",
    "work",
    "feeds",
    "alerts",
)

for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")


def main() -> None:
    cli(prog_name="spotrep")


__all__ = ["cli", "main"]
