"""CLI commands for evaluation and export (registered on the ``missionwatch`` group)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from missionwatch import api
from missionwatch.cli import db_option, emit, handle_errors, json_option, main
from missionwatch.eval import gate


@main.command(name="eval")
@click.argument("names", nargs=-1)
@click.option("--pin", is_flag=True, help="Write the measured values as the new floors.")
@click.option("--allow-lower", is_flag=True,
              help="With --pin: allow lowering a floor (needs a CHANGELOG.md entry naming it).")
@json_option
@handle_errors
def eval_cmd(names: tuple[str, ...], pin: bool, allow_lower: bool, as_json: bool) -> None:
    """Run the evaluations (all, or those named) and check each metric against its floor.

    \b
    Evaluations: acceptance, time, quotes, events, plover, imports.
    Those that need ../shared/data are skipped, with a message, when it is absent.
    """
    report = gate.run(names or None)
    for message in report.skipped + report.problems:
        click.echo(f"missionwatch eval: {message}", err=True)
    if as_json:
        for result in report.results:
            emit(result.to_dict())
    else:
        from rich.table import Table

        from missionwatch.render import console

        table = Table(title="Evaluation gate")
        for column in ("metric", "value", "floor", "anchor", "ok"):
            table.add_column(column)
        for r in report.results:
            table.add_row(r.metric.name, f"{r.metric.value:.4f}",
                          "—" if r.floor is None else f"{r.floor:.4f}", r.anchor,
                          "[green]ok[/green]" if r.ok else "[red]BELOW FLOOR[/red]")
        console.print(table)
    if pin:
        for change in gate.pin(report, allow_lower=allow_lower, changelog=Path("CHANGELOG.md")):
            click.echo(f"pinned {change}", err=True)
    elif not report.ok:
        sys.exit(1)


@main.group()
def export() -> None:
    """Write stored claims in other formats."""


@export.command(name="jsonl")
@click.option("--kind")
@db_option
@handle_errors
def export_jsonl(kind: str | None, db: str) -> None:
    """Every stored claim as JSON Lines."""
    with api.open(db) as store:
        for claim in store.claims(kind=kind):
            emit(claim.to_dict())


@export.command(name="csv")
@click.option("--kind")
@db_option
@handle_errors
def export_csv(kind: str | None, db: str) -> None:
    """Stored claims as CSV for spreadsheets (value and qualifiers as JSON cells)."""
    columns = ["id", "kind", "subject", "subject_name", "value", "date", "date_end", "precision",
               "modality", "qualifiers", "confidence", "status", "document", "start", "end",
               "source_text"]
    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    with api.open(db) as store:
        for c in store.claims(kind=kind):
            value = c.value if isinstance(c.value, str) else json.dumps(c.value, ensure_ascii=False)
            writer.writerow([c.id, c.kind, c.subject, c.subject_name, value, c.date or "",
                             c.date_end or "", c.precision or "", c.modality,
                             json.dumps(c.qualifiers, ensure_ascii=False), c.confidence,
                             c.status, c.source.document, c.source.start, c.source.end,
                             c.source.text])


@export.command(name="plover")
@db_option
@handle_errors
def export_plover(db: str) -> None:
    """Event claims as PLOVER-style JSON Lines (id, date, actor, recipient, event, mode,
    context, event_loc, text_info with character offsets, cite_info)."""
    from missionwatch.errors import NotFound
    from missionwatch.export.plover import to_plover

    with api.open(db) as store:
        events = list(store.claims(kind="event"))
        headers = {}
        for doc_id in {c.source.document for c in events}:
            try:
                headers[doc_id] = store.document(doc_id).header()
            except NotFound:
                continue
        for record in to_plover(events, headers):
            emit(record)
