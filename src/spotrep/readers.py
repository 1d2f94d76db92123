"""Reading documents from files, directories and stdin: text, Markdown, HTML, JSON lines and CSV.

Every reader yields ``Document``s and, for inputs that cannot be used, ``BatchError``s (the name of the file
and, for JSON lines and CSV, the line) so that one bad input is reported and skipped while the rest goes on.

* ``.txt`` (and any unknown suffix named explicitly): the text as it is.
* ``.md``/``.markdown``: Markdown reduced to plain text (headings, emphasis and link markup removed).
* ``.html``/``.htm``/``.xhtml``: the main text of the page, extracted by trafilatura (navigation, scripts and
  boilerplate dropped; nothing in the page is ever executed or fetched); title, date, site name and canonical
  URL from its metadata when not given.
* ``.jsonl``/``.ndjson``: the batch format ``{"id", "text", "published", "source", "url"}`` (see EVENTS.md).
* ``.csv``/``.tsv``: a ``text`` column, optional ``id``, ``published``, ``source``, ``url``, ``title``
  columns.
* directories: every file with one of these suffixes, recursively, in sorted order (hidden files skipped).
* ``-``: stdin, its format sniffed (HTML, JSON lines or text) unless given; a file with another suffix is
  sniffed the same way.

``published``, ``source`` and ``url`` given to the readers apply to documents that do not carry their own.
Every error names the input (its path, or ``<stdin>``) and, for JSON lines and CSV, the line.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .documents import (
    BatchError,
    Document,
    decode,
    document_from_record,
    document_origin,
    make_document,
    parse_date,
    read_jsonl,
)
from .errors import InputError, InputTooLargeError, MalformedRecordError

log = logging.getLogger(__name__)

INPUT_FORMATS = ("auto", "text", "markdown", "html", "jsonl", "csv", "tsv")

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
}

MAX_FILE_BYTES = 200_000_000
"""Files larger than this are refused (before reading them); so is more than this on stdin."""

STDIN = "<stdin>"
"""The name standard input goes by in documents' paths and in messages."""

_CSV_FIELD_LIMIT = 60_000_000


@dataclass(frozen=True)
class Defaults:
    """What applies to documents that do not say it themselves."""

    published: str | None = None
    source: str | None = None
    url: str | None = None


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    fmt: str = "auto",
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    doc_id: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | BatchError]:
    """Documents from files, directories (recursively) and ``-`` (stdin).

    ``doc_id`` is the id of the one document of the one input given (InputError when there are more).
    """
    if fmt not in INPUT_FORMATS:
        raise InputError(f"unknown input format {fmt!r}; one of {', '.join(INPUT_FORMATS)}", value=fmt)
    if published is not None:
        parse_date(published)  # a bad --published is a usage error, not a per-document one
    defaults = Defaults(published=published, source=source, url=url)
    paths = list(paths)
    if doc_id is not None:
        if len(paths) != 1:
            raise InputError("a document id names one document: give one input", value=doc_id)
        yield from _with_id(read_path(paths[0], fmt=fmt, defaults=defaults, stdin=stdin), doc_id)
        return
    for path in paths:
        yield from read_path(path, fmt=fmt, defaults=defaults, stdin=stdin)


def _with_id(items: Iterable[Document | BatchError], doc_id: str) -> Iterator[Document | BatchError]:
    seen = False
    for item in items:
        if isinstance(item, Document):
            if seen:
                raise InputError(
                    f"{document_origin(item)}: a document id names one document, but this input holds"
                    " several",
                    value=doc_id,
                )
            item.id = doc_id
            seen = True
        yield item


def read_stdin(stdin: BinaryIO | None = None) -> bytes:
    """All of ``stdin`` (default: the process's standard input), at most ``MAX_FILE_BYTES``.

    InputError when standard input is closed or cannot be read (e.g. ``spotrep ingest - <&-``), or holds more
    than the limit.
    """
    stream = stdin
    if stream is None:
        if sys.stdin is None:
            raise InputError(
                f"{STDIN}: standard input is closed; give a file, or pipe the input in", name=STDIN
            )
        stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is None:  # a text stream put in place of stdin (an embedding program's)
            data = sys.stdin.read(MAX_FILE_BYTES + 1).encode("utf-8")
        else:
            data = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:  # ValueError: a closed file
        reason = (exc.strerror if isinstance(exc, OSError) else None) or exc
        raise InputError(f"{STDIN}: cannot read standard input ({reason})", name=STDIN) from None
    if data is None:  # a non-blocking stream with nothing to read yet
        raise InputError(f"{STDIN}: standard input is not ready to be read", name=STDIN)
    if len(data) > MAX_FILE_BYTES:
        raise InputTooLargeError(
            f"{STDIN}: more than the limit of {MAX_FILE_BYTES:,} bytes",
            name=STDIN,
            limit=MAX_FILE_BYTES,
        )
    return data


def read_path(
    path: str | os.PathLike[str],
    *,
    fmt: str = "auto",
    defaults: Defaults = Defaults(),
    stdin: BinaryIO | None = None,
) -> Iterator[Document | BatchError]:
    name = os.fspath(path)
    if name == "-":
        try:
            data = read_stdin(stdin)
        except InputError as exc:
            yield BatchError(0, exc)
            return
        yield from read_bytes(data, name=STDIN, fmt=fmt, defaults=defaults)
        return
    p = Path(name)
    try:
        is_dir, exists = p.is_dir(), p.exists()
    except OSError as exc:  # e.g. a name too long
        yield BatchError(0, InputError(f"{name}: cannot be opened ({exc.strerror or exc})", name=name))
        return
    if is_dir:
        yield from _read_dir(p, fmt=fmt, defaults=defaults)
        return
    if not exists:
        yield BatchError(0, InputError(f"{name}: no such file or directory", name=name))
        return
    if fmt == "auto":
        fmt = SUFFIXES.get(p.suffix.lower(), "auto")
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputTooLargeError(
                f"{name}: {size:,} bytes is more than the limit of {MAX_FILE_BYTES:,}",
                name=name,
                size=size,
                limit=MAX_FILE_BYTES,
            )
        data = p.read_bytes()
    except InputError as exc:
        yield BatchError(0, exc)
        return
    except OSError as exc:
        yield BatchError(0, InputError(f"{name}: cannot read ({exc.strerror or exc})", name=name))
        return
    yield from read_bytes(data, name=name, fmt=fmt, defaults=defaults)


def walk(root: Path) -> Iterator[Path]:
    """The files below a directory, recursively, in a stable (sorted) order, hidden files and folders skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.startswith("."):
                yield Path(dirpath) / filename


def _read_dir(root: Path, *, fmt: str, defaults: Defaults) -> Iterator[Document | BatchError]:
    for path in walk(root):
        kind = SUFFIXES.get(path.suffix.lower())
        if kind is None:
            log.debug("skipping %s: not a known document type", path)
            continue
        yield from read_path(path, fmt=fmt if fmt != "auto" else kind, defaults=defaults)


def read_bytes(
    data: bytes,
    *,
    name: str,
    fmt: str = "auto",
    defaults: Defaults = Defaults(),
) -> Iterator[Document | BatchError]:
    """Documents from the bytes of one input of the given format (``auto``: sniffed)."""
    if fmt == "jsonl":
        yield from _with_defaults(read_jsonl(io.BytesIO(data), name=name), defaults)
        return
    try:
        text = decode(data, name=name)
    except InputError as exc:
        yield BatchError(0, exc)
        return
    if fmt == "auto":
        fmt = sniff(text)
        if fmt == "jsonl":  # read as a .jsonl file is: the same lines, records and errors
            yield from _with_defaults(read_jsonl(io.BytesIO(data), name=name), defaults)
            return
    try:
        if fmt in ("csv", "tsv"):
            yield from _with_defaults(
                read_csv(text, name=name, delimiter="\t" if fmt == "tsv" else ","), defaults
            )
        elif fmt == "html":
            yield html_document(text, name=name, defaults=defaults)
        elif fmt == "markdown":
            body, title = markdown_to_text(text)
            yield _text_document(body, name=name, defaults=defaults, title=title)
        else:
            yield _text_document(text, name=name, defaults=defaults)
    except InputError as exc:
        yield BatchError(0, exc)


SNIFF_LINES = 50
"""How many non-blank lines ``sniff`` looks at to tell JSON lines from text."""


def sniff(text: str) -> str:
    """Guess the format of an input without a telling suffix: ``html``, ``jsonl`` or ``text``.

    JSON lines: of the first ``SNIFF_LINES`` non-blank lines, more than half are JSON objects, or each starts
    with ``{`` and one at least is a JSON object (so a batch with a malformed line is still a batch, and its
    bad lines are reported as such instead of the whole being read as one text).
    """
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return "html"
    lines = [
        line.strip()
        for line in itertools.islice(io.StringIO(text, newline="\n"), SNIFF_LINES * 20)
        if line.strip()
    ][:SNIFF_LINES]
    objects = sum(map(_is_json_object, lines))
    if objects and (2 * objects > len(lines) or all(line.startswith("{") for line in lines)):
        return "jsonl"  # before looking for tags: the records' texts may be HTML pages
    if re.search(r"<(html|body|article|head)\b", head):
        return "html"
    return "text"


def _is_json_object(line: str) -> bool:
    if not (line.startswith("{") and line.endswith("}")):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):  # not JSON; nested deeper than the parser goes
        return False


def _text_document(text: str, *, name: str, defaults: Defaults, title: str | None = None) -> Document:
    doc = make_document(
        text, published=defaults.published, source=defaults.source, url=defaults.url, name=name
    )
    doc.title = title
    doc.meta["path"] = name
    return doc


def _with_defaults(
    items: Iterable[Document | BatchError], defaults: Defaults
) -> Iterator[Document | BatchError]:
    published = parse_date(defaults.published)
    for item in items:
        if isinstance(item, Document):
            if item.published is None and published is not None:
                item.published = published
            if item.source is None and defaults.source:
                item.source = defaults.source
        yield item


# --- HTML -------------------------------------------------------------------------------------------------


def html_document(html: str, *, name: str = "input", defaults: Defaults = Defaults()) -> Document:
    """A Document from an HTML page: its main text (trafilatura) and its metadata (date, site name, canonical
    URL); ``defaults`` fill what the page does not say, as for the records of a batch."""
    text, meta = html_main_text(html, name=name)
    doc = make_document(
        text,
        published=meta.get("date") or defaults.published,
        source=meta.get("sitename") or defaults.source,
        url=meta.get("url") or defaults.url,
        name=name,
    )
    doc.title = meta.get("title")
    doc.meta["path"] = name
    return doc


# what lxml, htmldate and trafilatura raise on pages they cannot take apart
_PARSER_ERRORS = (AssertionError, ValueError, TypeError, LookupError, AttributeError, RecursionError)


def html_main_text(html: str, *, name: str = "input") -> tuple[str, dict[str, str]]:
    """The main text of an HTML page, paragraphs separated by blank lines, and its metadata.

    trafilatura parses the page with lxml and drops scripts, styles, navigation and boilerplate; nothing in
    the
    page is executed and no link is followed.
    """
    import trafilatura

    def extract(with_metadata: bool) -> Any:
        return trafilatura.bare_extraction(
            html,
            with_metadata=with_metadata,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )

    # a hostile or broken page can trip an assertion deep in lxml's or htmldate's tree handling (an element
    # without a parent): the metadata readers are the fragile part, so the text is read again without them,
    # and a page neither reading survives is the input's error, named
    try:
        result = extract(True)
    except _PARSER_ERRORS as exc:
        log.warning("%s: the HTML page's metadata could not be read (%s); reading its text alone", name, exc)
        try:
            result = extract(False)
        except _PARSER_ERRORS as exc2:
            raise InputError(
                f"{name}: the HTML page could not be parsed ({exc2.__class__.__name__})", name=name
            ) from exc2
    body = getattr(result, "text", None) if result is not None else None
    if not body or not body.strip():
        raise InputError(f"{name}: no main text found in the HTML page", name=name)
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    meta: dict[str, str] = {}
    for key in ("title", "date", "sitename", "url"):
        value = getattr(result, key, None)
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    if "date" in meta:
        try:
            parse_date(meta["date"])
        except InputError:
            del meta["date"]
    return "\n\n".join(paragraphs), meta


# --- Markdown ---------------------------------------------------------------------------------------------

_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S.*$", re.MULTILINE)
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_MD_LIST = re.compile(r"^([ \t]*)(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_MD_HTML = re.compile(r"<[^>\n]+>")


def _md_inline(text: str) -> str:
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_HTML.sub("", text)
    for _ in range(2):  # nested emphasis
        text = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    return text


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Markdown as plain text for extraction, and its first heading as the title."""
    text = markdown.replace("\r\n", "\n")
    match = _MD_HEADING.search(text)
    title = _md_inline(match.group(1)).strip() if match else None
    text = _MD_REF_DEF.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_SETEXT.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_LIST.sub(r"\1", text)
    text = _md_inline(text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, title or None


# --- CSV --------------------------------------------------------------------------------------------------

CSV_COLUMNS = ("id", "text", "published", "source", "url", "title")


def read_csv(text: str, *, name: str = "input", delimiter: str = ",") -> Iterator[Document | BatchError]:
    """Documents from CSV with a ``text`` column (header names are case-insensitive); one per row."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)  # articles are longer than csv's default 128 KiB field limit
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield BatchError(1, MalformedRecordError(f"{name}:1: unreadable CSV header ({exc})", line=1))
        return
    columns = [h.strip().lower().lstrip("\ufeff") for h in header]
    if "text" not in columns:
        yield BatchError(
            1,
            MalformedRecordError(
                f"{name}: no 'text' column in the CSV header (columns: {', '.join(columns) or 'none'})",
                line=1,
            ),
        )
        return
    index = {col: columns.index(col) for col in CSV_COLUMNS if col in columns}
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = reader.line_num
            yield BatchError(line, MalformedRecordError(f"{name}:{line}: malformed CSV ({exc})", line=line))
            return
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(columns):
            row = row + [""] * (len(columns) - len(row))
        record = {col: (row[i] if row[i].strip() else None) for col, i in index.items()}
        if record.get("text") is None:
            record["text"] = ""
        try:
            yield document_from_record(record, line=line, name=name)
        except InputError as exc:
            yield BatchError(line, exc)
