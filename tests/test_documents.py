"""Document intake: ids, decoding, validation and batch reading."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spotrep.documents import (
    BatchError,
    Document,
    check_text,
    content_id,
    decode,
    looks_english,
    make_document,
    parse_date,
    read_jsonl,
)
from spotrep.errors import BinaryInputError, EncodingError, InputTooLargeError, InvalidDateError


def test_content_id_is_stable_and_ignores_whitespace_layout():
    a = content_id("Russian forces shelled Kharkiv.\n\nTwo people were wounded.")
    b = content_id("Russian forces shelled   Kharkiv.\nTwo people were wounded.  ")
    assert a == b
    assert a.startswith("sha1:")
    assert a != content_id("Russian forces shelled Kherson.")


@given(st.text(min_size=1, max_size=200))
def test_content_id_depends_only_on_words(text):
    assert content_id(text) == content_id("  " + text.replace(" ", "  ") + "\n")


def test_make_document_defaults_id_to_content_hash_and_parses_date():
    doc = make_document("Shelling hit Kherson.", published="2024-05-15", source="AFP")
    assert doc.id == content_id("Shelling hit Kherson.")
    assert doc.published == date(2024, 5, 15)
    assert doc.source == "AFP"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-05-15", date(2024, 5, 15)),
        ("2024-05-15T08:30:00Z", date(2024, 5, 15)),
        (None, None),
        ("", None),
        (date(2023, 1, 2), date(2023, 1, 2)),
    ],
)
def test_parse_date_accepts_iso_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["15 May 2024", "2024-13-01", "yesterday"])
def test_parse_date_refuses_other_forms_with_a_clear_error(value):
    with pytest.raises(InvalidDateError) as err:
        parse_date(value)
    assert err.value.code == "invalid_date"
    assert value in err.value.message


def test_decode_refuses_binary_data():
    with pytest.raises(BinaryInputError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="image.png")


def test_decode_refuses_non_utf8_and_says_where():
    with pytest.raises(EncodingError) as err:
        decode("Київ".encode("cp1251"), name="report.txt")
    assert "report.txt" in err.value.message
    assert err.value.fields["offset"] == 0


def test_decode_strips_byte_order_mark():
    assert decode("\ufeffKyiv".encode()) == "Kyiv"


def test_check_text_refuses_control_character_soup():
    with pytest.raises(BinaryInputError):
        check_text("".join(chr(i % 31 + 1) for i in range(2000)))


def test_check_text_refuses_huge_text(monkeypatch):
    import spotrep.documents as documents

    monkeypatch.setattr(documents, "MAX_TEXT_CHARS", 100)
    with pytest.raises(InputTooLargeError) as err:
        documents.check_text("x" * 101, name="big.txt")
    assert err.value.fields["limit"] == 100


def test_check_text_normalises_line_endings():
    assert check_text("a\r\nb\rc") == "a\nb\nc"


@pytest.mark.parametrize(
    "text, english",
    [
        (
            "Russian forces shelled the town of Vovchansk on Wednesday, the regional governor said, and two were hurt.",
            True,
        ),
        (
            "Російські війська обстріляли місто Вовчанськ у середу, повідомив губернатор області, двоє людей поранені.",
            False,
        ),
        (
            "Las fuerzas rusas bombardearon la ciudad el miércoles, dijo el gobernador, y hubo dos heridos hoy.",
            False,
        ),
        ("Short text.", True),
    ],
)
def test_looks_english(text, english):
    assert looks_english(text) is english


def test_read_jsonl_reports_malformed_lines_with_numbers_and_carries_on():
    lines = [
        '{"id": "a", "text": "Shelling hit Kherson.", "published": "2024-05-15"}',
        "{not json",
        "",
        '{"id": "c"}',
        '["a list"]',
        '{"id": "d", "text": "Drones struck Odesa.", "published": "May 15"}',
        '{"id": "e", "text": "Drones struck Odesa.", "published": null, "source": "Reuters", "url": "https://x"}',
    ]
    out = list(read_jsonl(lines, name="batch.jsonl"))
    docs = [x for x in out if isinstance(x, Document)]
    errors = [x for x in out if isinstance(x, BatchError)]
    assert [d.id for d in docs] == ["a", "e"]
    assert [e.line for e in errors] == [2, 4, 5, 6]
    assert "batch.jsonl:2" in str(errors[0])
    assert docs[1].source == "Reuters"


def test_read_jsonl_reports_undecodable_bytes_per_line():
    out = list(read_jsonl([b'{"id": "a", "text": "ok"}', '{"text": "Київ"}'.encode("cp1251")]))
    assert isinstance(out[0], Document)
    assert isinstance(out[1], BatchError) and out[1].line == 2
