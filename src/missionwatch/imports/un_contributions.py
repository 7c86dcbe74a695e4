"""Import UN uniformed personnel by contributor × mission × month (IPI tables).

Each record becomes one ``mission.personnel`` claim per personnel category (troops,
individual police, formed police units, experts on mission): subject the mission, value
the exact count (``low = best = high``, ``verbatim`` the cell as written), month precision,
qualifiers ``contributor`` (``country:XX``), ``role`` and, where the table splits by sex,
``male`` and ``female``; the source is the record in its part document. A cell of ``0``
gives a claim of 0; ``NA`` gives a claim whose best is null (not reported); a blank cell
gives no claim. A record whose cells do not parse or do not add up is rejected as a
whole, with its line number, and the rest goes in.

The column layout is recognised from the header (:mod:`missionwatch.imports.un_layout`:
``gender_full`` for Gender.Full.csv, ``current_month`` for current_month.csv).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from missionwatch.imports.common import (
    ImportReport,
    Row,
    RowMaker,
    RowProblem,
    count_json,
    js,
    now,
    tables,
)
from missionwatch.imports.records import DatasetReader, FileInfo, Part, Record, file_info
from missionwatch.imports.resolve import Resolver
from missionwatch.imports.un_layout import BadCellError, Figure, Layout, detect, month_of
from missionwatch.imports.writer import BATCH, Claims, Entities, Op, Rejected, Writer
from missionwatch.store import Store

KIND = "mission.personnel"
IMPORTER = "un-contributions"


@dataclass(slots=True)
class Parsed:
    """A record's figures, (role, total, verbatim, male, female) per category present."""

    month: str
    mission: str
    mission_name: str
    contributor: str
    figures: list[Figure]
    not_reported: int
    blank: int


class Importer:
    """Turns the records of one file into claim rows, rejections and part documents."""

    def __init__(self, info: FileInfo, report: ImportReport, resolver: Resolver) -> None:
        spec = tables()["un_contributions"]
        self.info = info
        self.report = report
        self.resolver = resolver
        self.census = spec["census"]
        self.rows = RowMaker(spec["extractor"], now())
        self.layout: Layout | None = None
        self.periods: set[str] = set()
        self.missions: set[str] = set()

    def ops(self) -> Iterator[Op]:
        reader = DatasetReader(self.info, IMPORTER)
        batch: list[Row] = []
        layout = self.layout
        for item in reader.records():
            if layout is None:
                layout = self.layout = detect(reader.header, str(self.info.path))
                self.report.format = layout.name
            if isinstance(item, Part):
                yield Claims(batch, item.document.meta["offset"] + len(item.document.text))
                batch = []
                self._close(item)
                yield item
                continue
            self.report.records += 1
            try:
                parsed = self.parse(item, layout)
            except BadCellError as exc:
                problem = RowProblem(item.line, str(exc))
                self.report.rejected.append(problem)
                yield Rejected(problem)
                continue
            self._rows(item, parsed, batch)
            if len(batch) >= BATCH:
                yield Claims(batch, item.end)
                batch = []
        if self.resolver.created:
            self.report.entities_added = sorted(self.resolver.created)
            yield Entities(list(self.resolver.created.values()))

    def parse(self, rec: Record, lay: Layout) -> Parsed:
        fields = rec.fields
        if len(fields) != lay.width:
            raise BadCellError(f"has {len(fields)} fields, the header has {lay.width}")
        month = month_of(fields[lay.date], lay.columns[lay.date])
        acronym = fields[lay.mission].strip()
        if not acronym:
            raise BadCellError(f"{lay.columns[lay.mission]} is empty")
        name = fields[lay.contributor]
        iso3 = fields[lay.iso3] if lay.iso3 is not None else ""
        contributor = self.resolver.country(name, iso3)
        if contributor is None:
            raise BadCellError(f"contributor {name!r} (ISO-3 {iso3!r}) is not a known country")
        mission, mission_name = self.resolver.mission(acronym)
        figures, not_reported, blank = lay.figures(fields)
        return Parsed(month, mission, mission_name, contributor, figures, not_reported, blank)

    def _rows(self, rec: Record, parsed: Parsed, batch: list[Row]) -> None:
        self.report.not_reported += parsed.not_reported
        self.report.blank += parsed.blank
        self.periods.add(parsed.month)
        self.missions.add(parsed.mission)
        contributor = parsed.contributor
        quoted = js(contributor)
        figures = []
        for role, total, verbatim, male, female in parsed.figures:
            sexes = (f'"female":{female},"male":{male},'
                     if male is not None and female is not None else "")
            figures.append((count_json(total, verbatim),
                            f'{{"contributor":{quoted},{sexes}"role":{js(role)}}}',
                            contributor, role))
        batch += self.rows.rows(
            kind=KIND, subject=parsed.mission, subject_name=parsed.mission_name,
            date=parsed.month, precision="month", document=rec.part, start=rec.start,
            end=rec.end, text=rec.text, figures=figures)
        self.report.claims += len(figures)

    def _close(self, part: Part) -> None:
        """Record in the part's metadata what it covers (read by "as of" queries)."""
        part.document.meta.update({
            "importer": IMPORTER, "format": self.report.format, "census": self.census,
            "periods": sorted(self.periods), "missions": sorted(self.missions),
        })
        self.periods, self.missions = set(), set()


def import_un_contributions(store: Store, path: str | Path, *,
                            on_progress: Callable[[int], None] | None = None) -> ImportReport:
    """Import an IPI-style UN contributions table into ``store``."""
    started = time.perf_counter()
    info = file_info(path)
    report = ImportReport(source=str(path), importer=IMPORTER, file=info.id)
    importer = Importer(info, report, Resolver(created_by=f"import.{IMPORTER}"))
    Writer(store, report, on_progress).run(importer.ops())
    report.seconds = time.perf_counter() - started
    return report
