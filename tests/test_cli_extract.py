"""`spotrep extract` on good and bad input: exit codes, messages, formats, batches."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from spotrep.cli import cli

from .conftest import requires_model

pytestmark = requires_model

REPORT = (
    "Russian forces shelled the town of Vovchansk in Kharkiv region on Tuesday, killing two civilians, "
    "the regional governor said.\n"
)


@pytest.fixture
def runner():
    return CliRunner()


def test_empty_text_gives_no_events_exit_zero_and_a_note(runner, tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("   \n")
    result = runner.invoke(cli, ["extract", str(f), "--format", "jsonl"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "empty" in result.stderr


def test_binary_file_is_refused_with_exit_two(runner, tmp_path):
    f = tmp_path / "photo.jpg"
    f.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" * 50)
    result = runner.invoke(cli, ["extract", str(f)])
    assert result.exit_code == 2
    assert "binary" in result.stderr


def test_non_utf8_file_is_refused_with_exit_two(runner, tmp_path):
    f = tmp_path / "report.txt"
    f.write_bytes("Російські війська обстріляли Харків.".encode("cp1251"))
    result = runner.invoke(cli, ["extract", str(f)])
    assert result.exit_code == 2
    assert "UTF-8" in result.stderr


def test_text_in_a_language_spotrep_does_not_read_is_refused_with_its_name(runner, tmp_path):
    f = tmp_path / "de.txt"
    f.write_text(
        "Russische Truppen haben Wowtschansk am Dienstag beschossen und zwei Zivilisten getötet, teilte der"
        " Leiter der regionalen Militärverwaltung mit. Die Retter arbeiten am Ort des Angriffs."
    )
    result = runner.invoke(cli, ["extract", str(f)])
    assert result.exit_code == 2
    assert "looks like German; spotrep reads English, Russian and Ukrainian" in result.stderr


def test_ukrainian_text_is_read_and_its_events_given(runner, tmp_path):
    f = tmp_path / "uk.txt"
    f.write_text(
        "Російські війська обстріляли Вовчанськ у вівторок, загинули двоє цивільних, повідомив "
        "голова обласної військової адміністрації. Рятувальники працюють на місці удару."
    )
    result = runner.invoke(cli, ["extract", str(f), "--published", "2024-05-15", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and events[0]["fatalities"] == 2 and events[0]["date_start"] == "2024-05-14"


def test_missing_file_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_bad_published_date_is_a_usage_error(runner, tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(REPORT)
    result = runner.invoke(cli, ["extract", str(f), "--published", "15/05/2024"])
    assert result.exit_code == 2
    assert "2024-05-15" in result.stderr


def test_malformed_json_lines_are_reported_with_line_numbers_and_the_rest_processed(runner, tmp_path):
    batch = tmp_path / "docs.jsonl"
    batch.write_text(
        "\n".join(
            [
                json.dumps({"id": "one", "text": REPORT, "published": "2024-05-15"}),
                "{broken",
                json.dumps(
                    {
                        "id": "three",
                        "text": "Ukrainian drones attacked an oil depot in Russia's Belgorod region "
                        "overnight, the governor said.",
                        "published": "2024-05-15",
                    }
                ),
                json.dumps({"id": "four"}),
            ]
        )
        + "\n"
    )
    result = runner.invoke(cli, ["extract", "--input", str(batch), "--format", "jsonl"])
    assert result.exit_code == 2
    assert "docs.jsonl:2" in result.stderr
    assert "docs.jsonl:4" in result.stderr
    ids = {json.loads(line)["document_id"] for line in result.stdout.splitlines()}
    assert ids == {"one", "three"}


def test_jsonl_output_is_one_valid_event_per_line(runner, tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(REPORT)
    result = runner.invoke(cli, ["extract", str(f), "--published", "2024-05-15", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events
    assert events[0]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert events[0]["fatalities"] == 2
    assert events[0]["event_date"] == "2024-05-14"


def test_json_and_csv_formats(runner, tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(REPORT)
    out = runner.invoke(cli, ["extract", str(f), "--published", "2024-05-15", "--format", "json"])
    data = json.loads(out.stdout)
    assert isinstance(data, list) and data[0]["document_id"]
    out = runner.invoke(cli, ["extract", str(f), "--published", "2024-05-15", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows[0]["sub_event_type"] == data[0]["sub_event_type"]
    assert rows[0]["fatalities"] == "2"


def test_table_format_shows_the_event(runner, tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(REPORT)
    out = runner.invoke(cli, ["extract", str(f), "--published", "2024-05-15", "--format", "table"])
    assert out.exit_code == 0
    assert "Shelling" in out.stdout and "Vovchansk" in out.stdout


def test_stdin_text_is_read_when_no_file_is_given(runner):
    out = runner.invoke(cli, ["extract", "--format", "jsonl", "--published", "2024-05-15"], input=REPORT)
    assert out.exit_code == 0
    assert json.loads(out.stdout.splitlines()[0])["sub_event_type"].startswith("Shelling")


def test_hostile_html_is_treated_as_text_and_never_echoed_unescaped_in_json(runner):
    text = "<script>alert(1)</script> Russian drones struck Odesa on Monday, wounding three people."
    out = runner.invoke(cli, ["extract", "--format", "jsonl", "--published", "2024-05-15"], input=text)
    assert out.exit_code == 0
    for line in out.stdout.splitlines():
        json.loads(line)  # valid JSON: the text is data, quoted


@pytest.mark.slow
def test_a_5_mb_text_completes(runner, tmp_path):
    paragraph = (
        "Russian forces shelled the village of Lukyantsi in Kharkiv region on Tuesday, the governor said. "
        "Ukrainian air defence shot down 12 drones over Odesa overnight, the air force said. "
        "Residents of the town rallied to demand more shelters.\n\n"
    )
    text = paragraph * (5_000_000 // len(paragraph) + 1)
    f = tmp_path / "big.txt"
    f.write_text(text)
    assert f.stat().st_size >= 5_000_000
    out = runner.invoke(cli, ["extract", str(f), "--published", "2024-05-15", "--format", "jsonl"])
    assert out.exit_code == 0, out.stderr
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert events
    assert max(e["evidence"][-1]["end"] for e in events) > 4_900_000


# --- inputs of every kind, and errors that name them (issue 13) ---------------------------------------------

DRONES = "Ukrainian drones attacked an oil depot in Russia's Belgorod region overnight, the governor said."

BATCH_WITH_BAD_LINES = (
    json.dumps({"id": "one", "text": REPORT, "published": "2024-05-15"})
    + "\n"
    + '{"id": "two", "text": "Ukrainian drones struck\n'
    + json.dumps({"id": "three", "text": DRONES, "published": "2024-05-15"})
    + "\n"
    + json.dumps({"id": "four", "text": DRONES, "published": "last week"})
    + "\n"
)


@pytest.mark.parametrize("args", [["-"], [], ["--input", "-"]], ids=["dash", "no-file", "input-dash"])
def test_json_lines_on_stdin_are_records_and_each_bad_line_is_named_with_exit_2(runner, args):
    result = runner.invoke(cli, ["extract", *args, "--format", "jsonl"], input=BATCH_WITH_BAD_LINES)
    assert result.exit_code == 2
    assert "<stdin>:2: invalid JSON" in result.stderr
    assert "<stdin>:4: published must be a date" in result.stderr
    ids = {json.loads(line)["document_id"] for line in result.stdout.splitlines()}
    assert ids == {"one", "three"}


def test_a_batch_file_named_as_a_file_is_read_as_records_like_stdin(runner, tmp_path):
    batch = tmp_path / "docs.jsonl"
    batch.write_text(BATCH_WITH_BAD_LINES)
    result = runner.invoke(cli, ["extract", str(batch), "--format", "jsonl"])
    assert result.exit_code == 2
    assert f"{batch}:2: invalid JSON" in result.stderr and f"{batch}:4: published" in result.stderr
    assert {json.loads(line)["document_id"] for line in result.stdout.splitlines()} == {"one", "three"}


PAGE = (
    "<!doctype html><html><head><title>Strike on Odesa</title><style>p {{ color: red }}</style>"
    "<script>var stolen = document.cookie; alert('pwned');</script></head><body><nav>Home | News</nav>"
    "<article><h1>Strike on Odesa</h1><p>Russian drones hit port infrastructure in Odesa overnight, injuring"
    " two workers, Ukrainian officials said on Monday.</p><p onclick=\"alert('pwned')\">Firefighters put out"
    " the blaze by morning, the regional governor said.</p></article><footer>Copyright</footer></body></html>"
)


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page"])
def test_html_is_read_as_its_main_text_without_tags_or_scripts(runner, tmp_path, name):
    page = tmp_path / name
    page.write_text(PAGE)
    result = runner.invoke(cli, ["extract", str(page), "--published", "2024-06-10", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and events[0]["location"]["name"] == "Odesa"
    for hostile in ("<", "pwned", "cookie", "color: red", "Home |"):
        assert hostile not in result.stdout


def test_an_id_given_for_a_file_is_its_documents_id(runner, tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(REPORT)
    result = runner.invoke(cli, ["extract", str(f), "--id", "mine", "--format", "jsonl"])
    assert {json.loads(line)["document_id"] for line in result.stdout.splitlines()} == {"mine"}


def test_messages_name_the_file_not_the_content_hash(runner, tmp_path):
    de = tmp_path / "de.txt"
    de.write_text(
        "Russische Truppen haben Wowtschansk am Dienstag beschossen und zwei Zivilisten getötet, teilte der"
        " Leiter der regionalen Militärverwaltung mit. Die Retter arbeiten am Ort des Angriffs."
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    result = runner.invoke(cli, ["extract", str(de), str(empty), "--format", "jsonl"])
    assert result.exit_code == 2
    assert f"{de}: the text looks like German" in result.stderr
    assert f"{empty}: empty text" in result.stderr
    assert "sha1:" not in result.stderr
