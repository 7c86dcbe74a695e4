"""Import Geo-PKO deployments: troop contributors by mission, year and location.

Geo-PKO v2.3 ``TCCMap`` rows read ``mission,year,location,latitude,longitude,No.TCC,
year.overview`` where the overview lists the contributors at that location,
``"Bangladesh (300), Korea (ROK) (size unknown)"``. Each entry becomes a
``mission.personnel`` claim: subject the mission, qualifiers ``contributor``
(``country:XX``; left out for "Multinational" and the like), ``role`` troops and ``place``
(the location), year precision. Geo-PKO estimates troop numbers from the unit types on
UN deployment maps, so the value is marked ``approx``; "size unknown" is a figure not
reported (best null). ``verbatim`` is the entry as written. A row whose entries do not
parse, or do not number ``No.TCC``, is rejected with its line.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from missionwatch.errors import InputError
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
from missionwatch.imports.resolve import Resolver, fold
from missionwatch.imports.writer import BATCH, Claims, Entities, Op, Rejected, Writer
from missionwatch.store import Store

IMPORTER = "geopko"
KIND = "mission.personnel"


class BadRecordError(ValueError):
    """A record that does not parse; the message says why."""


@dataclass(frozen=True)
class Columns:
    mission: int
    year: int
    location: int
    count: int
    overview: int
    width: int


def _columns(header: list[str], spec: dict[str, Any], source: str) -> Columns:
    names = [spec[key] for key in ("mission", "year", "location", "count", "overview")]
    missing = [name for name in names if name not in header]
    if missing:
        raise InputError(source, f"no column {', '.join(missing)} (expected the Geo-PKO "
                                 f"TCCMap columns {', '.join(names)})")
    mission, year, location, count, overview = (header.index(name) for name in names)
    return Columns(mission, year, location, count, overview, len(header))


class Entries:
    """Splits an overview cell into ``(entry text, name, size text)`` triples."""

    def __init__(self, markers: list[str]) -> None:
        sizes = "|".join([r"\d+", *map(re.escape, markers)])
        self._entry = re.compile(rf"(.+?) \(({sizes})\)(?:, |$)")

    def split(self, cell: str) -> list[tuple[str, str, str]]:
        text = cell.strip()
        out, pos = [], 0
        while pos < len(text):
            match = self._entry.match(text, pos)
            if match is None:
                raise BadRecordError(f"cannot read the contributors from {text[pos:]!r} "
                                f"(expected 'Country (N), …')")
            out.append((match.group(0).removesuffix(", "), match[1], match[2]))
            pos = match.end()
        return out


class Importer:
    def __init__(self, info: FileInfo, report: ImportReport, resolver: Resolver) -> None:
        self.spec = tables()["geopko"]
        self.info, self.report, self.resolver = info, report, resolver
        self.rows = RowMaker(KIND, "year", self.spec["extractor"], now())
        self.entries = Entries(self.spec["not_reported"])
        self.not_countries = {fold(name) for name in self.spec["not_countries"]}
        self.role = js(self.spec["role"])
        self.periods: set[str] = set()
        self.missions: set[str] = set()

    def ops(self) -> Iterator[Op]:
        reader = DatasetReader(self.info, IMPORTER)
        cols: Columns | None = None
        batch: list[Row] = []
        for item in reader.records():
            if cols is None:
                cols = _columns(reader.header, self.spec, self.report.source)
            if isinstance(item, Part):
                yield Claims(batch, item.document.meta["offset"] + len(item.document.text),
                             self.rows.fixed)
                batch = []
                item.document.meta.update({
                    "importer": IMPORTER, "census": self.spec["census"],
                    "periods": sorted(self.periods), "missions": sorted(self.missions)})
                self.periods, self.missions = set(), set()
                yield item
                continue
            self.report.records += 1
            try:
                batch += self.record(item, cols)
            except BadRecordError as exc:
                problem = RowProblem(item.line, str(exc))
                self.report.rejected.append(problem)
                yield Rejected(problem)
            if len(batch) >= BATCH:
                yield Claims(batch, item.end, self.rows.fixed)
                batch = []
        if self.resolver.created:
            self.report.entities_added = sorted(self.resolver.created)
            yield Entities(list(self.resolver.created.values()))

    def record(self, rec: Record, cols: Columns) -> list[Row]:
        fields = rec.fields
        if len(fields) != cols.width:
            raise BadRecordError(f"has {len(fields)} fields, the header has {cols.width}")
        acronym, year = fields[cols.mission].strip(), fields[cols.year].strip()
        location = fields[cols.location].strip()
        if not acronym:
            raise BadRecordError("the mission is empty")
        if not (year.isdecimal() and len(year) == 4):
            raise BadRecordError(f"year {year!r} is not a four-digit year")
        if not location:
            raise BadRecordError("the location is empty")
        entries = self.entries.split(fields[cols.overview])
        stated = fields[cols.count].strip()
        if stated != str(len(entries)):
            raise BadRecordError(f"{len(entries)} contributors listed, but the count column "
                            f"says {stated!r}")
        figures = [self._figure(entry, name, size, location) for entry, name, size in entries]
        mission, mission_name = self.resolver.mission(acronym)
        self.periods.add(year)
        self.missions.add(mission)
        self.report.claims += len(figures)
        return self.rows.rows(subject=mission, subject_name=mission_name, date=year,
                              document=rec.part, start=rec.start, end=rec.end, text=rec.text,
                              figures=figures)

    def _figure(self, entry: str, name: str, size: str,
                location: str) -> tuple[str, str, str, str]:
        contributor = ""
        if fold(name) not in self.not_countries:
            found = self.resolver.country(name)
            if found is None:
                raise BadRecordError(f"contributor {name!r} is not a known country")
            contributor = found
        count = int(size) if size.isdecimal() else None
        self.report.not_reported += count is None
        value = count_json(count, entry, approx=count is not None and self.spec["approx"])
        who = f'"contributor":{js(contributor)},' if contributor else ""
        quals = f'{{{who}"place":{js(location)},"role":{self.role}}}'
        return value, quals, contributor, self.spec["role"]


def import_geopko(store: Store, path: str | Path, *,
                  on_progress: Callable[[int], None] | None = None) -> ImportReport:
    """Import a Geo-PKO TCCMap table into ``store``."""
    started = time.perf_counter()
    info = file_info(path)
    report = ImportReport(source=str(path), importer=IMPORTER, file=info.id, format="tccmap")
    importer = Importer(info, report, Resolver(created_by=f"import.{IMPORTER}"))
    Writer(store, report, on_progress).run(importer.ops())
    report.seconds = time.perf_counter() - started
    return report
