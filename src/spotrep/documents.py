"""Document intake: text, optional publication date, source and URL; validation; batch reading.

A document's default id is a hash of its content, so the same text always gets the same id.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    InvalidDateError,
    MalformedRecordError,
    UnsupportedLanguageError,
)

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 50_000_000
"""Texts longer than this are refused (a 5 MB article is fine; the pipeline processes it in chunks)."""

_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v"}

_ENGLISH_FUNCTION_WORDS = frozenset(
    "the a an of in on at to and or but is are was were has have had been be by for with from that this "
    "as it its their his her they he she we said says will would not after over near into than".split()
)


class Document(BaseModel):
    """One input document."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    lang: str | None = None  # ISO 639-1 (en, uk, ru); None: detected when it is read
    meta: dict[str, Any] = Field(default_factory=dict)


def content_id(text: str) -> str:
    """The default document id: a hash of the normalised text."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return "sha1:" + hashlib.sha1(normal.encode("utf-8")).hexdigest()[:20]


def parse_date(value: str | date | datetime | None, *, field: str = "published") -> date | None:
    """Parse a publication date given as YYYY-MM-DD (a full ISO timestamp is accepted too)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InvalidDateError(
            f"{field} must be a date like 2024-05-15, got {text!r}", field=field, value=text
        ) from None


def decode(data: bytes, *, name: str = "input") -> str:
    """Decode bytes as UTF-8 text, refusing binary data with a clear error."""
    if b"\x00" in data[:65536]:
        raise BinaryInputError(f"{name}: looks like binary data (NUL bytes), not text", name=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"{name}: not valid UTF-8 (byte {exc.start}); convert it first, e.g. with iconv -t UTF-8",
            name=name,
            offset=exc.start,
        ) from None
    return text


def check_text(text: str, *, name: str = "input") -> str:
    """Validate text for extraction; returns it with line endings normalised. Empty text is allowed (no events)."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputTooLargeError(
            f"{name}: {len(text):,} characters is more than the limit of {MAX_TEXT_CHARS:,}",
            name=name,
            size=len(text),
            limit=MAX_TEXT_CHARS,
        )
    sample = text[:20000]
    if sample:
        controls = sum(ch in _CONTROL for ch in sample)
        if controls > max(8, len(sample) // 100):
            raise BinaryInputError(
                f"{name}: looks like binary data (control characters), not text", name=name
            )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_english(text: str) -> bool:
    """A cheap check that a text is English: enough English function words among its words.

    Short texts (fewer than 12 words) are given the benefit of the doubt.
    """
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if len(words) < 12:
        return True
    latin = sum(w.isascii() for w in words)
    if latin / len(words) < 0.5:
        return False
    return english_share(words) >= 0.06


def english_share(words: list[str]) -> float:
    """The share of English function words among lower-cased words (0.0 for none)."""
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def make_document(
    text: str,
    *,
    id: str | None = None,
    published: str | date | None = None,
    source: str | None = None,
    url: str | None = None,
    name: str = "input",
) -> Document:
    """Build a validated Document; the id defaults to the content hash. ``name`` says where the text came
    from (a file, ``<stdin>``, ``file:line``) in the errors."""
    text = check_text(text, name=name)
    try:
        day = parse_date(published)
    except InvalidDateError as exc:
        raise InvalidDateError(f"{name}: {exc.message}", **{**exc.fields, "name": name}) from None
    return Document(
        id=id or content_id(text),
        text=text,
        published=day,
        source=source,
        url=url,
    )


def document_origin(doc: Document) -> str:
    """Where a document came from, for messages: ``file:line: id`` for a record of a batch (JSON lines, CSV;
    without the id when it is the content hash), the file's name (or ``<stdin>``) for a whole file, else its
    id."""
    path = doc.meta.get("path")
    if not path:
        return doc.id
    line = doc.meta.get("line")
    if not line:
        return str(path)
    return f"{path}:{line}" if doc.id.startswith("sha1:") else f"{path}:{line}: {doc.id}"


def _names(codes: tuple[str, ...], name_of) -> str:
    names = [name_of(c) for c in codes]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def require_supported_language(doc: Document, *, name: str = "input") -> None:
    """Set the document's language (detected unless given) and refuse it when spotrep does not read it."""
    from .lang import supported
    from .lang.detect import detect_language, language_name

    if doc.lang is None:
        doc.lang = detect_language(doc.text)
    if doc.lang not in supported():
        language = language_name(doc.lang)
        looks = f"looks like {language}" if doc.lang != "xx" else "is in a language it does not know"
        raise UnsupportedLanguageError(
            f"{name}: the text {looks}; spotrep reads {_names(supported(), language_name)}",
            name=name,
            lang=doc.lang,
        )


def ensure_not_empty(doc: Document, *, name: str = "input") -> None:
    if not doc.text.strip():
        raise EmptyInputError(f"{name}: the text is empty", name=name)


@dataclass(frozen=True)
class BatchError:
    """A record of a batch that could not be read; the rest of the batch goes on."""

    line: int
    error: InputError

    def __str__(self) -> str:
        return f"line {self.line}: {self.error.message}"


def document_from_record(record: Any, *, line: int, name: str = "input") -> Document:
    """A Document from one batch record (``{"id", "text", "published", "source", "url"}``)."""
    where = f"{name}:{line}"
    if not isinstance(record, dict):
        raise MalformedRecordError(f"{where}: expected a JSON object, got {type(record).__name__}", line=line)
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedRecordError(f"{where}: missing or non-string 'text'", line=line)
    doc_id = record.get("id")
    if doc_id is not None and not isinstance(doc_id, str | int):
        raise MalformedRecordError(f"{where}: 'id' must be a string", line=line)
    for key in ("source", "url", "title"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise MalformedRecordError(f"{where}: {key!r} must be a string or null", line=line)
    try:
        doc = make_document(
            text,
            id=str(doc_id) if doc_id is not None else None,
            published=record.get("published"),
            source=record.get("source"),
            url=record.get("url"),
            name=where,
        )
    except InputError as exc:
        exc.fields.setdefault("line", line)
        raise
    if record.get("title"):
        doc.title = record["title"]
    if record.get("lang"):
        doc.lang = str(record["lang"]).strip().lower() or None
    doc.meta.update(path=name, line=line)
    return doc


def read_jsonl(
    lines: Iterable[str | bytes], *, name: str = "input", first_line: int = 1
) -> Iterator[Document | BatchError]:
    """Read batch documents from JSON lines. Malformed lines yield a BatchError with the line number
    (``first_line`` is the number of the first line given: a slice of a file keeps the file's numbering)."""
    for number, raw in enumerate(lines, start=first_line):
        try:
            line = decode(raw, name=f"{name}:{number}") if isinstance(raw, bytes) else raw
        except InputError as exc:
            exc.fields.setdefault("line", number)
            yield BatchError(number, exc)
            continue
        line = line.rstrip("\r\n")  # a file's lines and a text's lines give the same records and errors
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BatchError(
                number, MalformedRecordError(f"{name}:{number}: invalid JSON ({exc.msg})", line=number)
            )
            continue
        except RecursionError:
            yield BatchError(
                number,
                MalformedRecordError(f"{name}:{number}: invalid JSON (nested too deeply)", line=number),
            )
            continue
        try:
            yield document_from_record(record, line=number, name=name)
        except InputError as exc:
            yield BatchError(number, exc)
