"""The ``missionwatch`` command: a thin layer over the library.

Every command that prints data takes ``--json`` (lists as JSON Lines). Errors go to stderr
with a non-zero exit status and name the input and the problem.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, TypeVar

import click

from missionwatch import api, render
from missionwatch.errors import InputError, MissionwatchError

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = "missionwatch.sqlite"

db_option = click.option("--db", default=DEFAULT_DB, show_default=True, envvar="MISSIONWATCH_DB",
                         help="SQLite file or database URL (postgresql+psycopg://…).")
json_option = click.option("--json", "as_json", is_flag=True,
                           help="Print JSON (lists as JSON Lines).")


def emit(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, default=str))


def emit_lines(objs: Iterable[Any]) -> None:
    for obj in objs:
        emit(obj)


def handle_errors(func: F) -> F:
    """Map library errors to a message on stderr and exit status 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MissionwatchError as exc:
            click.echo(f"missionwatch: error: {exc}", err=True)
            sys.exit(1)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="missionwatch")
def main() -> None:
    """Source-cited, time-aware records of multinational military missions.

    \b
    missionwatch demo                       # the founding article, end to end
    missionwatch ingest news/ --db m.sqlite
    missionwatch mission "NATO Mission Iraq" --as-of 2020-02-14 --db m.sqlite
    """


@main.command()
@db_option
@click.option("--as-of", "as_of", default="2020-02-14", show_default=True)
@json_option
@handle_errors
def demo(db: str, as_of: str, as_json: bool) -> None:
    """Ingest the bundled founding article and print NATO Mission Iraq as of a date."""
    with api.open(db) as store:
        report = api.ingest_example(store)
        if not as_json:
            render.ingest_summary(report, db)
        state = api.mission_state(store, "NATO Mission Iraq", as_of)
        if as_json:
            emit(state.to_dict())
        else:
            render.mission_state(state.to_dict())


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date of the inputs (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes for extraction (the store is written by this one).")
@db_option
@json_option
@handle_errors
def ingest(paths: tuple[str, ...], published: str | None, workers: int, db: str,
           as_json: bool) -> None:
    """Read files, directories or globs (.txt, .html, .jsonl), extract claims and store them."""
    with api.open(db) as store:
        if as_json:
            report = api.ingest(store, paths, published, workers=workers)
        else:
            report = render.with_progress(
                lambda tick: api.ingest(store, paths, published, tick, workers), "Ingesting")
    for rejection in report.rejections:
        click.echo(f"missionwatch: rejected: {rejection.reason}", err=True)
    if as_json:
        emit(report.to_dict())
    else:
        render.ingest_summary(report, db)
    if report.rejections and not report.documents and not report.unchanged:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date of the inputs (YYYY, YYYY-MM or YYYY-MM-DD).")
@json_option
@handle_errors
def extract(paths: tuple[str, ...], published: str | None, as_json: bool) -> None:
    """Run the pipeline without storing; one JSON object per document (or record)."""
    failed = False
    for item in api.extract_paths(paths, published):
        if isinstance(item, InputError):
            click.echo(f"missionwatch: rejected: {item}", err=True)
            failed = True
        elif as_json:
            emit(item.to_dict())
        else:
            render.document(item)
    if failed:
        sys.exit(1)


@main.command()
@click.option("--mission", help="Mission (name, acronym or id).")
@click.option("--subject", help="Any entity (name or id).")
@click.option("--kind", help="Claim kind, e.g. mission.status.")
@click.option("--modality")
@click.option("--status", type=click.Choice(["candidate", "accepted", "rejected"]))
@click.option("--limit", type=int)
@db_option
@json_option
@handle_errors
def claims(mission: str | None, subject: str | None, kind: str | None, modality: str | None,
           status: str | None, limit: int | None, db: str, as_json: bool) -> None:
    """List stored claims with filters."""
    with api.open(db) as store:
        entity = mission or subject
        subject_id = api.resolve_entity(store, entity).id if entity else None
        found = store.claims(subject=subject_id, kind=kind, modality=modality, status=status,
                             limit=limit)
        if as_json:
            emit_lines(c.to_dict() for c in found)
        else:
            render.claims_table(list(found))


@main.command()
@click.argument("name")
@click.option("--as-of", "as_of", help="Date (YYYY, YYYY-MM or YYYY-MM-DD); default: today.")
@db_option
@json_option
@handle_errors
def mission(name: str, as_of: str | None, db: str, as_json: bool) -> None:
    """The state of a mission as of a date, each item with its source."""
    with api.open(db) as store:
        state = api.mission_state(store, name, as_of)
        if as_json:
            emit(state.to_dict())
        else:
            render.mission_state(state.to_dict())


@main.command()
@click.argument("name")
@db_option
@json_option
@handle_errors
def timeline(name: str, db: str, as_json: bool) -> None:
    """Every claim about a mission or entity in date order."""
    with api.open(db) as store:
        found = api.timeline(store, name)
        if as_json:
            emit_lines(c.to_dict() for c in found)
        else:
            render.claims_table(found, title=f"Timeline of {name}")


@main.command()
@click.option("--speaker", help="Speaker name or id (substring match on names).")
@db_option
@json_option
@handle_errors
def quotes(speaker: str | None, db: str, as_json: bool) -> None:
    """Who said what, and when."""
    with api.open(db) as store:
        found = api.quotes(store, speaker)
        if as_json:
            emit_lines(c.to_dict() for c in found)
        else:
            render.quotes_table(found)


@main.command()
@click.option("--type", "etype", type=click.Choice(
    ["country", "organisation", "mission", "person", "place"]))
@click.option("--stored", is_flag=True, help="Only entities that stored claims mention.")
@db_option
@json_option
@handle_errors
def entities(etype: str | None, stored: bool, db: str, as_json: bool) -> None:
    """List entities (the gazetteer and those found in documents)."""
    with api.open(db) as store:
        found = api.entities(store, etype, stored_only=stored)
        if as_json:
            emit_lines(e.to_dict() for e in found)
        else:
            render.entities_table(found)


@main.command()
@click.argument("claim_id")
@click.argument("decision", type=click.Choice(["accept", "reject", "reset"]))
@db_option
@json_option
@handle_errors
def review(claim_id: str, decision: str, db: str, as_json: bool) -> None:
    """Record a reviewer's decision on a claim (accepted, rejected, or back to candidate)."""
    status = {"accept": "accepted", "reject": "rejected", "reset": "candidate"}[decision]
    with api.open(db) as store:
        store.set_status(claim_id, status)  # type: ignore[arg-type]
        claim = store.get_claim(claim_id)
    if as_json:
        emit(claim.to_dict())
    else:
        click.echo(f"{claim.id}: {claim.status} ({claim.kind} {claim.subject} {claim.value})")


@main.command(name="pipeline")
@json_option
@handle_errors
def pipeline_cmd(as_json: bool) -> None:
    """The extraction steps in order, with what each requires and assigns."""
    steps = api.pipeline().describe()
    if as_json:
        emit_lines(steps)
    else:
        render.pipeline_table(steps)


# registered on `main` after it exists: evaluation and export, dataset imports and their queries
from missionwatch import cli_import, cli_more  # noqa: E402

__all__ = ["cli_import", "cli_more", "main"]
