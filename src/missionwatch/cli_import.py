"""CLI commands for structured imports and personnel queries (registered on ``missionwatch``).

    missionwatch import un-contributions Gender.Full.csv --db m.sqlite
    missionwatch contributors UNIFIL --as-of 2013-06 --json
    missionwatch deployments Ireland --as-of 2012-01
    missionwatch strength MINUSMA
    missionwatch top UNIFIL --as-of 2014-03 -n 10
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from missionwatch import api
from missionwatch.cli import db_option, emit, emit_lines, handle_errors, json_option, main
from missionwatch.errors import NotFound
from missionwatch.imports import (
    ImportReport,
    import_geopko,
    import_mission_starts,
    import_un_contributions,
)
from missionwatch.imports.common import tables
from missionwatch.model import Entity
from missionwatch.query.personnel import DEFAULT_DATASET, Figure, Personnel, Total
from missionwatch.store import Store

Importer = Callable[..., ImportReport]
as_of_option = click.option(
    "--as-of", "as_of", required=True,
    help="Date (YYYY, YYYY-MM or YYYY-MM-DD): the latest figures valid then.")
dataset_option = click.option(
    "--dataset", default=DEFAULT_DATASET, show_default=True,
    type=click.Choice(["un-contributions", "geopko"]),
    help="Census family: UN monthly contributions, or Geo-PKO yearly deployments by location.")


@main.group(name="import")
def import_group() -> None:
    """Import real personnel and mission tables as source-cited claims."""


def _run_import(importer: Importer, path: str, db: str, as_json: bool) -> None:
    file = Path(path)
    with api.open(db) as store:
        report = importer(store, file) if as_json else _with_progress(importer, store, file)
    for problem in report.rejected:
        click.echo(f"missionwatch: rejected: {path}:{problem.line}: {problem.reason}", err=True)
    if as_json:
        emit(report.to_dict())
    else:
        _summary(report, db)
    if report.rejected and report.claims == 0:
        sys.exit(1)


def _with_progress(importer: Importer, store: Store, file: Path) -> ImportReport:
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from missionwatch.render import err_console

    columns = (TextColumn(f"[bold]Importing {file.name}"), BarColumn(), DownloadColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task("import", total=file.stat().st_size)
        return importer(store, file, on_progress=lambda at: progress.update(task, completed=at))


def _summary(report: ImportReport, db: str) -> None:
    from missionwatch.render import console

    r = report
    console.print(f"[bold]Imported {Path(r.source).name}[/bold] ({r.importer}, {r.format}) "
                  f"into {db}")
    console.print(f"  records    {r.records:,} read, {len(r.rejected):,} rejected")
    console.print(f"  claims     {r.claims:,} ({r.added:,} new, {r.claims - r.added:,} "
                  "already stored)")
    console.print(f"  cells      {r.not_reported:,} not reported, {r.blank:,} blank (no claim)")
    console.print(f"  documents  {r.documents} part documents new (file {r.file})")
    console.print(f"  speed      {r.seconds:.2f} s, {r.rate:,.0f} claims/s")
    if r.entities_added:
        console.print(f"  entities the gazetteer lacks, added to the store: "
                      f"{', '.join(r.entities_added)}")


@import_group.command(name="un-contributions")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@db_option
@json_option
@handle_errors
def import_un_contributions_cmd(path: str, db: str, as_json: bool) -> None:
    """UN personnel by contributor × mission × month (IPI Gender.Full.csv, current_month.csv)."""
    _run_import(import_un_contributions, path, db, as_json)


@import_group.command(name="un-mission-starts")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@db_option
@json_option
@handle_errors
def import_mission_starts_cmd(path: str, db: str, as_json: bool) -> None:
    """Start months of UN missions (PKOC mission_start.csv) as "launched" claims."""
    _run_import(import_mission_starts, path, db, as_json)


@import_group.command(name="geopko")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@db_option
@json_option
@handle_errors
def import_geopko_cmd(path: str, db: str, as_json: bool) -> None:
    """Geo-PKO troop contributors by mission, year and location (TCCMap_v.2.3.csv)."""
    _run_import(import_geopko, path, db, as_json)


# -- queries ------------------------------------------------------------------------------

class Names:
    """Display names of entity ids (gazetteer, then store)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[str, Entity] = {}

    def __call__(self, entity_id: str) -> str:
        return self.entity(entity_id).name if entity_id else ""

    def short(self, entity_id: str) -> str:
        """The first acronym (UNIFIL) or the name."""
        entity = self.entity(entity_id)
        acronyms = entity.attributes.get("acronyms") or []
        return str(acronyms[0]) if acronyms else entity.name

    def entity(self, entity_id: str) -> Entity:
        if entity_id not in self.cache:
            try:
                self.cache[entity_id] = api.resolve_entity(self.store, entity_id)
            except NotFound:
                self.cache[entity_id] = Entity(entity_id, entity_id, "country")
        return self.cache[entity_id]


def _figure_dict(figure: Figure, names: Names) -> dict[str, Any]:
    return {**figure.to_dict(), "contributor_name": names(figure.contributor)}


def _figures_table(figures: list[Figure], names: Names, title: str, *,
                   by_mission: bool = False) -> None:
    """One row per (mission,) contributor (and place), one column per role."""
    from rich.table import Table

    from missionwatch.render import console

    roles = sorted({f.role for f in figures})
    rows: dict[tuple[str, str, str], dict[str, Figure]] = {}
    for f in figures:
        rows.setdefault((f.mission if by_mission else "", f.contributor, f.place), {})[f.role] = f
    places = any(place for _, _, place in rows)
    dates = {f.date for f in figures}
    if len(dates) == 1:
        title += f" (figures of {dates.pop()})"
    show = {"mission": by_mission, "contributor": not by_mission, "place": places,
            "date": len(dates) > 1}
    table = Table(title=title)
    heads = [h for h in ("mission", "contributor", "place", *roles, "total", "date", "source")
             if show.get(h, True)]
    short = tables()["short_roles"]
    for head in heads:
        number = head in (*roles, "total")
        label = short.get(head, head)
        table.add_column(label, justify="right" if number else "left", no_wrap=head != "place",
                         overflow="ellipsis", min_width=len(label) if number else None,
                         max_width=None if number or head == "date" else 22)
    for (mission, contributor, place), cells in rows.items():
        values = [c.value for c in cells.values() if c.value is not None]
        first = next(iter(cells.values()))
        where = f"…{first.source['document'][-6:]}@{first.source['start']}"
        row = {"mission": names.short(mission) if mission else "",
               "contributor": names(contributor) or "—", "place": place,
               **{role: _cell(cells.get(role)) for role in roles},
               "total": f"{sum(values):,g}" if values else "—", "date": first.date,
               "source": where}
        table.add_row(*(row[h] for h in heads))
    console.print(table)
    reported = [f.value for f in figures if f.value is not None]
    console.print(f"total: {sum(reported):,g} ({len(rows)} rows; {len(figures) - len(reported)} "
                  "figures not reported, shown as —; source: …end of document id@offset; "
                  "--json has the record)")


def _cell(figure: Figure | None) -> str:
    if figure is None or figure.value is None:
        return "—"
    return f"{'~' if figure.approx else ''}{figure.value:,g}"


@main.command()
@click.argument("mission")
@as_of_option
@dataset_option
@db_option
@json_option
@handle_errors
def contributors(mission: str, as_of: str, dataset: str, db: str, as_json: bool) -> None:
    """Each contributor's personnel in a mission by role, as of a date, with sources."""
    with api.open(db) as store:
        entity = api.resolve_entity(store, mission, "mission")
        names = Names(store)
        figures = Personnel(store, dataset).contributors(entity.id, as_of)
        if as_json:
            emit_lines(_figure_dict(f, names) for f in figures)
        else:
            _figures_table(figures, names, f"{entity.name} as of {as_of}")


@main.command()
@click.argument("country")
@as_of_option
@dataset_option
@db_option
@json_option
@handle_errors
def deployments(country: str, as_of: str, dataset: str, db: str, as_json: bool) -> None:
    """A country's personnel in every mission as of a date, with sources."""
    from missionwatch.link.gazetteer import gazetteer

    with api.open(db) as store:
        entity = api.resolve_entity(store, country, "country")
        names = Names(store)
        missions = {e.id for e in gazetteer().entities() if e.type == "mission"}
        missions |= {e.id for e in store.entities("mission")}
        figures = Personnel(store, dataset).deployments(entity.id, as_of, missions)
        if as_json:
            emit_lines(_figure_dict(f, names) for f in figures)
        else:
            _figures_table(figures, names, f"{entity.name}: deployments as of {as_of}",
                           by_mission=True)


def _total_dict(total: Total, **extra: Any) -> dict[str, Any]:
    data = total.to_dict()
    return {**extra, "total": data["total"], "by_role": data["by_role"], "date": data["date"],
            "not_reported": data["not_reported"]}


@main.command()
@click.argument("mission")
@dataset_option
@db_option
@json_option
@handle_errors
def strength(mission: str, dataset: str, db: str, as_json: bool) -> None:
    """A mission's total personnel per census period, by role (a time series)."""
    with api.open(db) as store:
        entity = api.resolve_entity(store, mission, "mission")
        points = Personnel(store, dataset).strength(entity.id)
    if as_json:
        emit_lines(_total_dict(p, mission=entity.id, contributors=p.count) for p in points)
        return
    from rich.table import Table

    from missionwatch.render import console

    roles = sorted({role for p in points for role in p.by_role})
    short = tables()["short_roles"]
    table = Table(title=f"{entity.name}: personnel by period ({dataset})")
    for column in ("date", "total", *roles, "contributors"):
        table.add_column(short.get(column, column),
                         justify="left" if column == "date" else "right")
    for p in points:
        table.add_row(p.date, f"{p.total:,g}", *(f"{p.by_role.get(r, 0):,g}" for r in roles),
                      str(p.count))
    console.print(table)


@main.command()
@click.argument("mission")
@as_of_option
@click.option("-n", "limit", default=10, show_default=True, help="How many contributors.")
@dataset_option
@db_option
@json_option
@handle_errors
def top(mission: str, as_of: str, limit: int, dataset: str, db: str, as_json: bool) -> None:
    """The largest contributors to a mission as of a date."""
    with api.open(db) as store:
        entity = api.resolve_entity(store, mission, "mission")
        names = Names(store)
        totals = Personnel(store, dataset).top(entity.id, as_of, limit)
        rows = [_total_dict(t, mission=entity.id, rank=i, contributor=t.key,
                            contributor_name=names(t.key))
                for i, t in enumerate(totals, start=1)]
    if as_json:
        emit_lines(rows)
        return
    from rich.table import Table

    from missionwatch.render import console

    table = Table(title=f"{entity.name}: top {limit} contributors as of {as_of}")
    for column in ("rank", "contributor", "total", "by role", "date"):
        table.add_column(column, justify="right" if column in ("rank", "total") else "left")
    for row in rows:
        by_role = ", ".join(f"{k} {v:,}" for k, v in row["by_role"].items() if v)
        table.add_row(str(row["rank"]), row["contributor_name"] or "—", f"{row['total']:,}",
                      by_role, row["date"])
    console.print(table)
