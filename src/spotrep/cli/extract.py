"""`spotrep extract`: events from files (text, Markdown, HTML, JSON lines, CSV) or stdin, printed as a table,
JSON lines, JSON or CSV."""

from __future__ import annotations

import itertools
import sys

import click

from ..documents import BatchError, Document, document_origin, ensure_not_empty, require_supported_language
from ..errors import EmptyInputError, InputError
from ..formats import FORMATS, write_events
from ..readers import INPUT_FORMATS, read_paths
from .app import cli, note
from .io import default_format, lang_option, progress, report_error, with_language


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--input",
    "inputs",
    multiple=True,
    metavar="JSONL",
    help="A batch: JSON lines {id, text, published, source, url}, one document a line ('-' for stdin).",
)
@click.option(
    "--published",
    metavar="YYYY-MM-DD",
    help="Publication date of documents that do not give one (anchors relative dates).",
)
@click.option("--source", help="Source name of documents that do not give one (e.g. AFP).")
@click.option("--url", help="URL of documents that do not give one.")
@click.option("--id", "doc_id", help="Id of the one document of FILE (default: a hash of the content).")
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="Format of FILES (auto: by file suffix; stdin and other suffixes are sniffed).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: table on a terminal, jsonl otherwise).",
)
@lang_option
def extract(files, inputs, published, source, url, doc_id, input_format, fmt, lang) -> None:
    """Extract events from FILES or from a JSON-lines batch (--input).

    FILES are text (.txt), Markdown (.md), HTML (.html: its main text, without markup or scripts), JSON-lines
    batches (.jsonl), CSV with a 'text' column (.csv), or '-' for stdin (its format sniffed: HTML, JSON lines
    or text). With neither FILES nor --input, reads stdin. Exit status: 0 when every input was read; 2 when
    an input or a batch line was unusable (it is reported on stderr with the file and line number, and the
    rest is still processed).
    """
    from ..pipeline import extract_documents

    fmt = fmt or default_format()
    if not files and not inputs:
        files = ("-",)
    if doc_id and len(files) > 1:
        raise InputError("--id names one document; give one file")
    sources = []
    if files:
        sources.append(
            read_paths(files, fmt=input_format, published=published, source=source, url=url, doc_id=doc_id)
        )
    sources += [read_paths([path], fmt="jsonl", published=published, source=source) for path in inputs]

    failures = 0
    stats = {"documents": 0, "events": 0, "empty": 0}

    def usable() -> itertools.chain:
        nonlocal failures
        for item in with_language(itertools.chain.from_iterable(sources), lang):
            if isinstance(item, BatchError):
                failures += 1
                report_error(item)
                continue
            if not _checked(item):
                continue
            yield item

    def _checked(doc: Document) -> bool:
        nonlocal failures
        where = document_origin(doc)
        try:
            ensure_not_empty(doc, name=where)
            require_supported_language(doc, name=where)
        except EmptyInputError:
            stats["empty"] += 1
            note(f"{where}: empty text, no events")
            return False
        except InputError as exc:
            failures += 1
            click.echo(f"spotrep: error: {exc.message}", err=True)
            return False
        return True

    def events():
        with progress(description="extracting") as advance:
            for _doc, doc_events in extract_documents(usable()):
                stats["documents"] += 1
                stats["events"] += len(doc_events)
                advance()
                yield from doc_events

    out = sys.stdout
    if fmt in ("jsonl", "csv"):
        write_events(events(), out, fmt)  # streams
    else:
        write_events(list(events()), out, fmt)
    out.flush()
    if stats["documents"] == 0 and not failures and stats["empty"]:
        return
    if stats["documents"] and stats["events"] == 0:
        note(f"no events found in {stats['documents']} document(s)")
    if failures:
        note(f"{failures} input(s) could not be read; the rest were processed")
        sys.exit(2)
