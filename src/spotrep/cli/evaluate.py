"""`spotrep eval`: the project's own accuracy report on a user's gold events."""

from __future__ import annotations

import json
import sys

import click

from ..documents import BatchError
from ..evaluation import evaluate, read_gold
from ..model import Event
from .app import cli, note
from .io import documents_from_jsonl, progress, report_error


@cli.command("eval")
@click.option("--gold", required=True, metavar="GOLD.jsonl", help="Gold events (see `spotrep.evaluation`).")
@click.option(
    "--input", "input_path", metavar="DOCS.jsonl", help="The documents to extract from (batch format)."
)
@click.option("--pred", metavar="EVENTS.jsonl", help="Score already-extracted events instead of extracting.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
def eval_command(gold, input_path, pred, as_json) -> None:
    """Score extraction against gold events: event precision/recall/F1 and per-field accuracy."""
    if bool(input_path) == bool(pred):
        raise click.UsageError("give either --input DOCS.jsonl or --pred EVENTS.jsonl")
    gold_events = read_gold(gold)
    events: list[Event] = []
    failures = 0
    if pred:
        with open(pred, encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if line.strip():
                    try:
                        events.append(Event.model_validate_json(line))
                    except ValueError as exc:
                        failures += 1
                        note(f"error: {pred}:{number}: not an event record ({str(exc).splitlines()[0]})")
    else:
        from ..pipeline import extract_documents

        docs = []
        for item in documents_from_jsonl(input_path):
            if isinstance(item, BatchError):
                failures += 1
                report_error(item)
            else:
                docs.append(item)
        with progress(total=len(docs), description="extracting") as advance:
            for _doc, doc_events in extract_documents(docs):
                events.extend(doc_events)
                advance()
    report = evaluate(gold_events, events).to_dict()
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
    else:
        for key, value in report.items():
            click.echo(f"{key}: {value}")
    if failures:
        sys.exit(2)
