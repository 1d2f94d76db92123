"""Reading inputs for commands: files, stdin, JSON-lines batches; progress bars on stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import click

from ..documents import BatchError, Document, decode
from ..errors import InputError
from ..lang import SUPPORTED
from ..readers import STDIN, read_path, read_stdin

T = TypeVar("T")


def read_text_file(path: str) -> tuple[str, str]:
    """(name, text) of a text file or '-' for stdin; raises InputError for binary or non-UTF-8 data."""
    if path == "-":
        return STDIN, decode(read_stdin(), name=STDIN)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file", name=path)
    if p.is_dir():
        raise InputError(f"{path}: is a directory (use `spotrep ingest` for directories)", name=path)
    return path, decode(p.read_bytes(), name=path)


def documents_from_jsonl(path: str) -> Iterator[Document | BatchError]:
    """The records of a JSON-lines batch ('-': stdin), a BatchError for each that cannot be used."""
    return read_path(path, fmt="jsonl")


@contextmanager
def progress(total: int | None = None, description: str = "documents"):
    """A progress bar on stderr, silent when stderr is not a terminal. Yields an ``advance(n=1)`` callable."""
    if not sys.stderr.isatty():
        yield lambda n=1: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, transient=True, console=_stderr_console()) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)


def _stderr_console():
    from rich.console import Console

    return Console(file=sys.stderr)


def default_format() -> str:
    return "table" if sys.stdout.isatty() else "jsonl"


def report_error(err: BatchError) -> None:
    """An input that cannot be used, on stderr (its message names the input, and the line of a record)."""
    click.echo(f"spotrep: error: {err.error.message}", err=True)


LANGUAGE_CHOICES = ("auto", *SUPPORTED)


def lang_option(function):
    """``--lang``: the language of documents that do not give one (default: detected per document)."""
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGE_CHOICES),
        default="auto",
        show_default=True,
        help="Language of the documents that do not give one (auto: detected per document).",
    )(function)


def with_language(documents, lang: str):
    """The documents, those without a language given ``lang`` (unless ``auto``)."""
    from ..documents import Document

    for item in documents:
        if lang != "auto" and isinstance(item, Document) and item.lang is None:
            item.lang = lang
        yield item
