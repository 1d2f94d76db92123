"""Reading documents for ingest: text, Markdown, HTML, JSON lines, CSV, directories, stdin; bad inputs."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spotrep.documents import BatchError, Document, content_id, document_origin
from spotrep.errors import BinaryInputError, EncodingError, InputError, InputTooLargeError, InvalidDateError
from spotrep.readers import html_main_text, markdown_to_text, read_bytes, read_csv, read_paths, sniff

DATA = Path(__file__).parent / "data" / "store_reports"


def split(items):
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, BatchError)]
    return docs, errors


def test_a_text_file_becomes_one_document_keyed_by_its_content(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Russian drones hit Odesa overnight, the governor said.\n", encoding="utf-8")
    (d,) = read_paths([path], published="2024-06-10", source="Black Sea Herald")
    assert d.id == content_id(d.text)
    assert (d.published, d.source) == (date(2024, 6, 10), "Black Sea Herald")


def test_markdown_is_read_as_plain_text_with_its_heading_as_title():
    text, title = markdown_to_text(
        "# Strike on **Kharkiv**\n\nA [Russian](https://example.invalid) glide bomb hit *Kharkiv*,"
        " killing `12`.\n\n- rescuers searched the rubble\n> quoted officials\n\n---\n"
    )
    assert title == "Strike on Kharkiv"
    assert text == (
        "Strike on Kharkiv\n\nA Russian glide bomb hit Kharkiv, killing 12.\n\nrescuers searched the rubble\n"
        "quoted officials"
    )


def test_markdown_keeps_underscores_inside_words():
    assert markdown_to_text("the snake_case_name stays")[0] == "the snake_case_name stays"


def test_html_gives_the_main_text_and_the_page_metadata():
    (d,) = read_paths([DATA / "odesa_port.html"])
    assert d.text.startswith(
        "Drones hit Odesa port overnight\n\nRussian drones hit port infrastructure in Odesa"
    )
    assert "Port operations resumed by midday" in d.text
    assert (d.title, d.source, d.published) == (
        "Drones hit Odesa port overnight",
        "Black Sea Herald",
        date(2024, 6, 10),
    )


def test_hostile_html_is_read_safely_without_its_scripts_or_navigation():
    (d,) = read_paths([DATA / "odesa_port.html"])
    for hostile in (
        "document.cookie",
        "alert",
        "onerror",
        "Injected paragraph",
        "<script",
        "Home |",
        "Copyright",
    ):
        assert hostile not in d.text


def test_the_page_metadata_wins_and_defaults_fill_what_the_page_does_not_say():
    (d,) = read_paths([DATA / "odesa_port.html"], published="2024-06-11", source="Wire copy")
    assert (d.published, d.source) == (date(2024, 6, 10), "Black Sea Herald")
    bare = (
        b"<html><body><article><p>Russian drones hit port infrastructure in Odesa overnight, injuring two"
        b" workers, Ukrainian officials said on Monday.</p></article></body></html>"
    )
    (b,) = read_bytes(bare, name="bare.html", fmt="html", defaults=_defaults("2024-06-11", "Wire copy"))
    assert (b.published, b.source) == (date(2024, 6, 11), "Wire copy")


def test_an_html_page_without_main_text_is_a_clear_error():
    (err,) = read_bytes(
        b"<html><body><script>var x = 1;</script></body></html>", name="empty.html", fmt="html"
    )
    assert isinstance(err, BatchError) and "no main text" in err.error.message


def test_a_jsonl_batch_reports_malformed_lines_with_their_number_and_reads_the_rest():
    docs, errors = split(list(read_paths([DATA / "wires" / "sumy.jsonl"], source="fallback")))
    assert [d.id for d in docs] == ["wire-0611-sumy", "wire-0612-sumy"]
    assert docs[0].url == "https://northern-dispatch.example/0611-sumy"
    assert [d.source for d in docs] == [
        "Northern Dispatch",
        "Kyiv Daily Monitor",
    ]  # their own, not the fallback
    (err,) = errors
    assert err.line == 3 and "sumy.jsonl:3" in err.error.message


def test_defaults_fill_what_batch_records_leave_out():
    data = b'{"id": "a", "text": "Shelling hit Sumy."}\n{"id": "b", "text": "x", "published": "2024-01-02"}\n'
    a, b = read_bytes(data, name="batch.jsonl", fmt="jsonl", defaults=_defaults("2024-06-11", "Desk"))
    assert (a.published, a.source, b.published, b.source) == (
        date(2024, 6, 11),
        "Desk",
        date(2024, 1, 2),
        "Desk",
    )


def _defaults(published, source):
    from spotrep.readers import Defaults

    return Defaults(published=published, source=source)


def test_csv_rows_become_documents_with_their_columns():
    docs, errors = split(list(read_paths([DATA / "wires" / "border.csv"])))
    assert not errors
    assert [(d.id, d.published, d.source) for d in docs] == [
        ("border-1", date(2024, 6, 13), "Eastern Front Wire"),
        ("border-2", date(2024, 6, 13), "Kyiv Daily Monitor"),
    ]
    assert docs[1].text.startswith("Fighting continued in Vovchansk, where")


def test_csv_without_a_text_column_is_one_clear_error():
    (err,) = read_csv("id,body\n1,Shelling hit Sumy\n", name="wrong.csv")
    assert "no 'text' column" in err.error.message and "body" in err.error.message


def test_csv_rows_with_bad_values_are_reported_with_their_line_and_the_rest_is_read():
    text = (
        'Text,Published\n"Shelling hit Sumy, officials said.",2024-06-11\n"Drones hit Odesa.",yesterday\n'
        '"Fighting in Vovchansk.",\n'
    )
    docs, errors = split(list(read_csv(text, name="rows.csv")))
    assert [d.text for d in docs] == ["Shelling hit Sumy, officials said.", "Fighting in Vovchansk."]
    (err,) = errors
    assert err.line == 3 and isinstance(err.error, InvalidDateError)


def test_csv_reads_articles_longer_than_the_csv_module_default_field_limit():
    long_text = "Shelling hit Sumy. " * 20_000  # ~380 KB in one field
    (d,) = read_csv(f'text\n"{long_text}"\n', name="long.csv")
    assert d.text == long_text


def test_tsv_is_read_with_tabs():
    (d,) = read_bytes(b"id\ttext\nt1\tShelling hit Sumy, officials said.\n", name="x.tsv", fmt="tsv")
    assert (d.id, d.text) == ("t1", "Shelling hit Sumy, officials said.")


def test_a_directory_is_read_recursively_in_order_skipping_unknown_and_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second report about Sumy.")
    (tmp_path / "a.md").write_text("# First\n\nFirst report about Odesa.")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 binary office file")
    (tmp_path / ".hidden.txt").write_text("Hidden report.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Git internals.")
    docs = list(read_paths([tmp_path]))
    assert [d.text for d in docs] == ["First\n\nFirst report about Odesa.", "Second report about Sumy."]


def test_the_test_corpus_directory_reads_every_kind_of_file():
    docs, errors = split(list(read_paths([DATA])))
    assert len(docs) == 7 and len(errors) == 1  # notes.rst skipped; one malformed JSON line


def test_stdin_is_sniffed_as_text_html_or_jsonl():
    (d,) = read_paths(["-"], stdin=io.BytesIO(b"Russian drones hit Odesa overnight."))
    assert d.text == "Russian drones hit Odesa overnight."
    html = (DATA / "odesa_port.html").read_bytes()
    (h,) = read_paths(["-"], stdin=io.BytesIO(html))
    assert h.title == "Drones hit Odesa port overnight"
    batch = b'{"id": "s1", "text": "Shelling hit Sumy."}\n{"id": "s2", "text": "Drones hit Odesa."}\n'
    assert [d.id for d in read_paths(["-"], stdin=io.BytesIO(batch))] == ["s1", "s2"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("  <html lang='en'><p>x</p></html>", "html"),
        ('{"id": "1", "text": "x"}\n{"id": "2", "text": "y"}', "jsonl"),
        ("Russian drones hit Odesa. {not json}", "text"),
        ("The <b>bold</b> claim was in plain text.", "text"),
    ],
)
def test_sniffing_tells_html_and_jsonl_from_text(text, kind):
    assert sniff(text) == kind


def test_binary_and_non_utf8_files_are_clear_per_file_errors_and_the_others_are_still_read(tmp_path):
    (tmp_path / "a_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "b_latin1.txt").write_bytes(
        "Le bombardement a touché Kharkiv, a déclaré le maire.".encode("latin-1")
    )
    (tmp_path / "c_good.txt").write_text("Russian drones hit Odesa overnight.")
    docs, errors = split(list(read_paths([tmp_path])))
    assert [d.text for d in docs] == ["Russian drones hit Odesa overnight."]
    binary, latin = errors
    assert isinstance(binary.error, BinaryInputError) and "a_image.txt" in binary.error.message
    assert isinstance(latin.error, EncodingError) and "b_latin1.txt" in latin.error.message
    assert "UTF-8" in latin.error.message


def test_a_missing_path_is_a_per_input_error(tmp_path):
    (err,) = read_paths([tmp_path / "nope.txt"])
    assert "no such file" in err.error.message


def test_a_bad_published_date_is_a_usage_error():
    with pytest.raises(InputError):
        list(read_paths(["-"], published="15/05/2024", stdin=io.BytesIO(b"x")))


def test_html_main_text_never_contains_markup():
    text, meta = html_main_text(
        "<html><head><title>T</title></head><body><article><p>Shelling hit <b>Sumy</b> on Tuesday,"
        " wounding three people, the regional governor said in a statement.</p><p>Officials said emergency"
        " crews worked through the night.</p></article></body></html>"
    )
    assert "<" not in text and "Sumy" in text and meta["title"] == "T"


@given(st.text(max_size=400))
def test_markdown_to_text_never_fails_and_never_grows_much(text):
    body, title = markdown_to_text(text)
    assert isinstance(body, str) and len(body) <= len(text) + 2
    assert title is None or isinstance(title, str)


# --- JSON lines on stdin and in files (issue 13) ------------------------------------------------------------

GOOD_1 = '{"id": "g1", "text": "Shelling hit Sumy, officials said."}'
GOOD_2 = '{"id": "g2", "text": "Drones hit Odesa overnight."}'


@pytest.mark.parametrize(
    "bad",
    [
        '{"id": "b", "text": "Ukrainian drones struck',  # cut short: does not end with }
        '{"id": "b", "text": "two lines"',
        "not JSON at all",
        '{"id": "b" "text": "no comma"}',
        "[" * 5000 + "]" * 5000,  # nested deeper than the parser goes
    ],
)
def test_stdin_json_lines_with_a_malformed_line_are_records_and_the_bad_line_is_named(bad):
    data = f"{GOOD_1}\n{GOOD_2}\n{bad}\n{GOOD_1.replace('g1', 'g4')}\n".encode()
    docs, errors = split(list(read_paths(["-"], stdin=io.BytesIO(data))))
    assert [d.id for d in docs] == ["g1", "g2", "g4"]
    (err,) = errors
    assert err.line == 3 and err.error.message.startswith("<stdin>:3: ")


@pytest.mark.parametrize("suffix", [".jsonl", ".txt.batch", ""])
def test_a_batch_file_and_the_same_batch_on_stdin_give_the_same_records_and_errors(tmp_path, suffix):
    data = (
        f"{GOOD_1}\n"
        '{"id": "cut", "text": "Ukrainian drones struck\n'
        '{"id": "sep", "text": "A line\\u2028separator: Russian drones hit Kharkiv.\u2028"}\r\n'
        '{"id": "late", "text": "Fighting near Vovchansk.", "published": "yesterday"}\n'
    ).encode()
    path = tmp_path / f"batch{suffix}"
    path.write_bytes(data)
    from_file = list(read_paths([path]))
    from_stdin = list(read_paths(["-"], stdin=io.BytesIO(data)))
    assert [(d.id, d.text) for d in split(from_file)[0]] == [(d.id, d.text) for d in split(from_stdin)[0]]
    assert [d.id for d in split(from_file)[0]] == ["g1", "sep"]
    file_errors = [(e.line, e.error.message.replace(str(path), "<stdin>")) for e in split(from_file)[1]]
    assert file_errors == [(e.line, e.error.message) for e in split(from_stdin)[1]]
    assert [line for line, _ in file_errors] == [2, 4]
    assert "<stdin>:4: published must be a date" in file_errors[1][1]  # the file and line, not only the field


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"{GOOD_1}\n{{broken\n{GOOD_2}", "jsonl"),
        (f"not json\n{GOOD_1}\n{GOOD_2}", "jsonl"),
        (f"{GOOD_1}\nThe rest is prose.\nMore prose here.", "text"),
        ("{not json}", "text"),
        ('{"id": "h", "text": "<html><body><p>A page as the text of a record</p></body></html>"}', "jsonl"),
        ("[1, 2, 3]", "text"),
    ],
)
def test_sniffing_finds_json_lines_with_bad_lines_among_them(text, kind):
    assert sniff(text) == kind


# --- stdin that cannot be read ------------------------------------------------------------------------------


class _Unreadable(io.RawIOBase):
    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        raise OSError(9, "Bad file descriptor")


def _closed() -> io.BytesIO:
    stream = io.BytesIO(b"text")
    stream.close()
    return stream


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (None, "<stdin>: standard input is closed"),
        (_Unreadable(), "<stdin>: cannot read standard input (Bad file descriptor"),
        (_closed(), "<stdin>: cannot read standard input (I/O operation on closed file"),
    ],
)
def test_stdin_that_is_closed_or_unreadable_is_one_clear_error(monkeypatch, stdin, message):
    monkeypatch.setattr("sys.stdin", None)
    (err,) = read_paths(["-"], stdin=stdin)
    assert isinstance(err, BatchError) and err.error.message.startswith(message)


def test_more_on_stdin_than_the_file_limit_is_refused(monkeypatch):
    monkeypatch.setattr("spotrep.readers.MAX_FILE_BYTES", 10)
    (err,) = read_paths(["-"], stdin=io.BytesIO(b"Shelling hit Sumy, officials said."))
    assert isinstance(err.error, InputTooLargeError) and err.error.message.startswith("<stdin>: ")


# --- where a document came from -----------------------------------------------------------------------------


def test_every_document_knows_the_file_and_line_it_came_from(tmp_path):
    (tmp_path / "a.txt").write_text("Shelling hit Sumy.")
    (tmp_path / "b.jsonl").write_text(f"\n{GOOD_1}\n")
    (tmp_path / "c.csv").write_text("text\nFirst row.\nSecond row.\n")
    (tmp_path / "d.html").write_bytes(
        b"<html><body><article><p>Russian drones hit port infrastructure in Odesa overnight, injuring two"
        b" workers, Ukrainian officials said on Monday.</p></article></body></html>"
    )
    origins = [document_origin(d) for d in read_paths([tmp_path])]
    names = ["a.txt", "b.jsonl:2: g1", "c.csv:2", "c.csv:3", "d.html"]
    assert origins == [f"{tmp_path}/{name}" for name in names]


def test_a_document_id_names_the_one_document_of_the_one_input(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Shelling hit Sumy.")
    (d,) = read_paths([path], doc_id="mine")
    assert d.id == "mine"
    with pytest.raises(InputError, match="one document"):
        list(read_paths([path, path], doc_id="mine"))
    batch = tmp_path / "b.jsonl"
    batch.write_text(f"{GOOD_1}\n{GOOD_2}\n")
    with pytest.raises(InputError, match=r"b\.jsonl:2: g2: a document id names one document"):
        list(read_paths([batch], doc_id="mine"))


# --- hostile HTML -------------------------------------------------------------------------------------------

ARTICLE = (
    "<p>Russian drones hit port infrastructure in Odesa overnight, injuring two workers, Ukrainian officials"
    " said on Monday.</p><p>Firefighters put out the blaze by morning, the regional governor said.</p>"
)


@pytest.mark.parametrize(
    "page",
    [
        f"<html><head><script>var leak = 'SCRIPTLEAK';</script><style>p {{ color: red }}</style></head>"
        f"<body><article>{ARTICLE}</article><script>alert('SCRIPTLEAK')</script></body></html>",
        f"<!doctype html><body><svg><script>SCRIPTLEAK()</script></svg>{ARTICLE}"
        '<iframe srcdoc="<script>SCRIPTLEAK()</script>"></iframe>',
        f'<html><body><p title="{"x" * 2_000_000}">A paragraph with a huge attribute.</p>{ARTICLE}</body></html>',
        f"<html><body>{'<div>' * 20_000}{ARTICLE}</body></html>",
        f"<html><body><p>Russian drones <b>hit <i>Odesa</b> overnight</p>{ARTICLE}<p>broken & < > </body",
        f'<?xml version="1.0" encoding="UTF-8"?><html><body>{ARTICLE}</body></html>',
        "<html><head><script>document.write('SCRIPTLEAK')</script></head><body></body></html>",
        "<html" * 2000,
        f"<html><body>&#0; &#xD800; &#99999999; &bogus; {ARTICLE}</body></html>",
    ],
)
def test_hostile_html_never_fails_and_never_yields_script_text(page, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page)
    for item in read_paths([path]):
        if isinstance(item, BatchError):
            assert "page.html" in item.error.message
        else:
            assert "SCRIPTLEAK" not in item.text and "<script" not in item.text


_PAGE = (
    "<html><body><article><p>"
    + "Russian forces shelled Kupiansk on Monday, the governor said. " * 4
    + "</p></article></body></html>"
)


def test_a_page_whose_metadata_trips_the_parser_is_read_for_its_text(monkeypatch) -> None:
    """lxml and htmldate can fail an assertion on a broken tree (an element without a parent) while reading a
    page's metadata: the text is read again without it, not lost."""
    import trafilatura

    real = trafilatura.bare_extraction

    def fragile(html, **kwargs):
        if kwargs.get("with_metadata"):
            raise AssertionError
        return real(html, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", fragile)
    text, meta = html_main_text(_PAGE, name="page.html")
    assert "Kupiansk" in text and "date" not in meta


def test_a_page_no_reading_survives_is_the_inputs_named_error(monkeypatch) -> None:
    import trafilatura

    def broken(html, **kwargs):
        raise AssertionError

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    with pytest.raises(InputError, match=r"page\.html"):
        html_main_text(_PAGE, name="page.html")
