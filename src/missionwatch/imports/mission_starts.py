"""Import the start month of UN missions as ``mission.status`` = ``launched`` claims.

The table (PKOC ``mission_start.csv``: ``mission,year,month,…``) gives the first month
covered by the Secretary-General's reports on each mission: month precision, one claim
per record, the record in its part document as the source.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

from missionwatch.errors import InputError
from missionwatch.imports.common import ImportReport, Row, RowMaker, RowProblem, js, now, tables
from missionwatch.imports.records import DatasetReader, FileInfo, Part, Record, file_info
from missionwatch.imports.resolve import Resolver
from missionwatch.imports.writer import Claims, Entities, Op, Rejected, Writer
from missionwatch.store import Store

IMPORTER = "un-mission-starts"
KIND = "mission.status"


class BadRecordError(ValueError):
    """A record that does not parse; the message says why."""


def _columns(header: list[str], spec: dict[str, str], source: str) -> tuple[int, int, int]:
    wanted = (spec["mission"], spec["year"], spec["month"])
    missing = [col for col in wanted if col not in header]
    if missing:
        raise InputError(source, f"no column {', '.join(missing)} (expected "
                                 f"{', '.join(wanted)}, as in PKOC mission_start.csv)")
    mission, year, month = (header.index(col) for col in wanted)
    return mission, year, month


def _month(year: str, month: str) -> str:
    if not (year.strip().isdecimal() and len(year.strip()) == 4):
        raise BadRecordError(f"year {year!r} is not a four-digit year")
    if not (month.strip().isdecimal() and 1 <= int(month) <= 12):
        raise BadRecordError(f"month {month!r} is not 1-12")
    return f"{year.strip()}-{int(month):02d}"


def _ops(info: FileInfo, report: ImportReport, resolver: Resolver) -> Iterator[Op]:
    spec = tables()["un_mission_starts"]
    maker = RowMaker(KIND, "month", spec["extractor"], now())
    value = js(spec["value"])
    reader = DatasetReader(info, IMPORTER)
    cols: tuple[int, int, int] | None = None
    rows: list[Row] = []
    for item in reader.records():
        if cols is None:
            cols = _columns(reader.header, spec, report.source)
        if isinstance(item, Part):
            item.document.meta["importer"] = IMPORTER
            yield Claims(rows, item.document.meta["offset"] + len(item.document.text),
                         maker.fixed)
            rows = []
            yield item
            continue
        report.records += 1
        try:
            rows += _record(item, cols, len(reader.header), resolver, maker, value)
        except BadRecordError as exc:
            problem = RowProblem(item.line, str(exc))
            report.rejected.append(problem)
            yield Rejected(problem)
    report.claims = report.records - len(report.rejected)
    if resolver.created:
        report.entities_added = sorted(resolver.created)
        yield Entities(list(resolver.created.values()))


def _record(rec: Record, cols: tuple[int, int, int], width: int, resolver: Resolver,
            maker: RowMaker, value: str) -> list[Row]:
    if len(rec.fields) != width:
        raise BadRecordError(f"has {len(rec.fields)} fields, the header has {width}")
    acronym = rec.fields[cols[0]].strip()
    if not acronym:
        raise BadRecordError("the mission is empty")
    month = _month(rec.fields[cols[1]], rec.fields[cols[2]])
    mission, name = resolver.mission(acronym)
    return maker.rows(subject=mission, subject_name=name, date=month, document=rec.part,
                      start=rec.start, end=rec.end, text=rec.text,
                      figures=[(value, "{}", "", "")])


def import_mission_starts(store: Store, path: str | Path, *,
                          on_progress: Callable[[int], None] | None = None) -> ImportReport:
    """Import a mission start table into ``store``."""
    started = time.perf_counter()
    info = file_info(path)
    report = ImportReport(source=str(path), importer=IMPORTER, file=info.id, format="pkoc")
    ops = _ops(info, report, Resolver(created_by=f"import.{IMPORTER}"))
    Writer(store, report, on_progress).run(ops)
    report.seconds = time.perf_counter() - started
    return report
