"""Property tests of the readers: any bytes in any input format give documents and per-input errors (domain
errors that name the input), never another exception; valid records and texts come back as they were."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spotrep.documents import BatchError, Document, content_id
from spotrep.errors import SpotrepError
from spotrep.readers import INPUT_FORMATS, read_bytes, read_paths

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- arbitrary input ----------------------------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_records = st.fixed_dictionaries(
    {},
    optional={
        "id": _json_values,
        "text": st.text(max_size=200) | _json_values,
        "published": st.sampled_from(["2024-05-15", "yesterday", "", "2024-13-45"]) | _json_values,
        "source": st.text(max_size=20) | _json_values,
        "url": st.text(max_size=20) | _json_values,
        "title": st.text(max_size=20) | _json_values,
    },
)
_json_lines = st.lists(
    _records.map(json.dumps) | _json_values.map(json.dumps) | st.text(max_size=60), max_size=8
).map("\n".join)
_html = st.lists(
    st.sampled_from(
        [
            "<html>",
            "<!doctype html>",
            "<body>",
            "<article>",
            "<p>",
            "</p>",
            "<script>alert(1)</script>",
            "<style>p{}</style>",
            '<img src=x onerror="x()">',
            "<div",
            "&amp;",
            "&#0;",
            "<![CDATA[",
            "Russian drones hit Odesa overnight, injuring two workers, officials said. ",
        ]
    )
    | st.text(max_size=30),
    max_size=30,
).map("".join)
_csv = st.lists(
    st.lists(
        st.text(max_size=20) | st.sampled_from(['"', '""', ",", "\t", "\n", "text", "2024-05-15"]), max_size=6
    ),
    max_size=6,
).map(lambda rows: "text,id,published\n" + "\n".join(",".join(row) for row in rows))

ANY_INPUT = (
    st.binary(max_size=2000)
    | st.text(max_size=1000).map(str.encode)
    | _json_lines.map(str.encode)
    | _html.map(str.encode)
    | _csv.map(str.encode)
)


def _check(items: list) -> None:
    for item in items:
        assert isinstance(item, Document | BatchError), item
        if isinstance(item, BatchError):
            assert isinstance(item.error, SpotrepError)
            assert item.error.message.startswith(("fuzz", "<stdin>")), item.error.message


@pytest.mark.parametrize("fmt", INPUT_FORMATS)
@FUZZ
@given(data=ANY_INPUT)
def test_any_bytes_in_any_format_give_documents_or_errors_that_name_the_input(fmt, data):
    try:
        items = list(read_bytes(data, name="fuzz", fmt=fmt))
    except SpotrepError:
        return
    _check(items)


@FUZZ
@given(data=ANY_INPUT)
def test_any_bytes_on_stdin_give_documents_or_errors_that_name_stdin(data):
    _check(list(read_paths(["-"], stdin=io.BytesIO(data))))


# --- valid input comes back as it was -----------------------------------------------------------------------

_chars = st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufeff")
_texts = st.text(st.one_of(_chars, st.just("\n")), min_size=1, max_size=300).filter(str.strip)
_words = st.text(_chars, min_size=1, max_size=30).filter(str.strip)
_valid_records = st.fixed_dictionaries(
    {"id": _words, "text": _texts},
    optional={
        "published": st.dates(date(1990, 1, 1), date(2030, 12, 31)).map(date.isoformat),
        "source": _words,
        "url": _words,
        "title": _words,
    },
)


def _fields(doc: Document) -> dict:
    out = {"id": doc.id, "text": doc.text}
    for key in ("published", "source", "url", "title"):
        value = getattr(doc, key)
        if value is not None:
            out[key] = value.isoformat() if isinstance(value, date) else value
    return out


@pytest.mark.parametrize("fmt", ["jsonl", "auto"])
@FUZZ
@given(records=st.lists(_valid_records, min_size=1, max_size=5))
def test_valid_json_lines_come_back_as_the_records_they_are(fmt, records):
    data = "".join(json.dumps(r, ensure_ascii=fmt == "auto") + "\n" for r in records).encode()
    docs = list(read_bytes(data, name="fuzz.jsonl", fmt=fmt))
    assert [_fields(d) for d in docs] == records


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
@FUZZ
@given(records=st.lists(_valid_records, min_size=1, max_size=5))
def test_valid_csv_rows_come_back_as_the_records_they_are(fmt, delimiter, records):
    buf = io.StringIO()
    columns = ["id", "text", "published", "source", "url", "title"]
    writer = csv.DictWriter(buf, fieldnames=columns, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(records)
    docs = list(read_bytes(buf.getvalue().encode(), name=f"fuzz.{fmt}", fmt=fmt))
    assert [_fields(d) for d in docs] == records


@FUZZ
@given(text=_texts)
def test_a_valid_text_comes_back_as_it_was_keyed_by_its_content(text):
    (doc,) = read_bytes(text.encode(), name="fuzz.txt", fmt="text")
    assert (doc.id, doc.text, doc.meta["path"]) == (content_id(text), text, "fuzz.txt")
