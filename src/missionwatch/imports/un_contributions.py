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
from hashlib import sha1
from pathlib import Path

from missionwatch.imports.common import (
    ImportReport,
    Row,
    RowMaker,
    RowProblem,
    count_json,
    dated,
    js,
    now,
    tables,
)
from missionwatch.imports.records import DatasetReader, FileInfo, Part, Record, file_info
from missionwatch.imports.resolve import Resolver
from missionwatch.imports.un_layout import BadCellError, Layout, detect, month_of
from missionwatch.imports.writer import BATCH, Claims, Entities, Op, Rejected, Writer
from missionwatch.store import Store

KIND = "mission.personnel"
IMPORTER = "un-contributions"


class Importer:
    """Turns the records of one file into claim rows, rejections and part documents."""

    def __init__(self, info: FileInfo, report: ImportReport, resolver: Resolver) -> None:
        spec = tables()["un_contributions"]
        self.info = info
        self.report = report
        self.resolver = resolver
        self.census = spec["census"]
        self.rows = RowMaker(KIND, "month", spec["extractor"], now())
        self.layout: Layout | None = None
        self.periods: set[str] = set()
        self.missions: set[str] = set()
        # per-file caches of the JSON texts most records repeat
        self._missions: dict[str, tuple[str, str, str]] = {}  # acronym -> id, name, id JSON
        self._countries: dict[tuple[str, str], tuple[str, str]] = {}  # -> id, qualifier head
        self._roles: dict[str, str] = {}  # role -> the qualifiers' end
        self._values: dict[str, str] = {}  # verbatim count -> value JSON
        self._kind = js(KIND)

    def ops(self) -> Iterator[Op]:
        reader = DatasetReader(self.info, IMPORTER)
        fixed = self.rows.fixed
        batch: list[Row] = []
        layout = self.layout
        for item in reader.records():
            if layout is None:
                layout = self.layout = detect(reader.header, str(self.info.path))
                self.report.format = layout.name
            if isinstance(item, Part):
                yield Claims(batch, item.document.meta["offset"] + len(item.document.text),
                             fixed)
                batch = []
                self._close(item)
                yield item
                continue
            self.report.records += 1
            try:
                self.record(item, layout, batch)
            except BadCellError as exc:
                problem = RowProblem(item.line, str(exc))
                self.report.rejected.append(problem)
                yield Rejected(problem)
                continue
            if len(batch) >= BATCH:
                yield Claims(batch, item.end, fixed)
                batch = []
        if self.resolver.created:
            self.report.entities_added = sorted(self.resolver.created)
            yield Entities(list(self.resolver.created.values()))

    def record(self, rec: Record, lay: Layout, batch: list[Row]) -> None:
        """Append the claim rows of one record to ``batch`` (:class:`BadCellError` when it
        does not parse: then nothing is appended or counted)."""
        fields = rec.fields
        if len(fields) != lay.width:
            raise BadCellError(f"has {len(fields)} fields, the header has {lay.width}")
        month = month_of(fields[lay.date], lay.columns[lay.date])
        cell = fields[lay.mission]
        known = self._missions.get(cell)
        if known is None and not cell.strip():
            raise BadCellError(f"{lay.columns[lay.mission]} is empty")
        contributor, quals_head = self._contributor(
            fields[lay.contributor], fields[lay.iso3] if lay.iso3 is not None else "")
        mission, mission_name, mission_js = known or self._mission(cell)
        figures, not_reported, blank = lay.figures(fields)
        report = self.report
        report.not_reported += not_reported
        report.blank += blank
        report.claims += len(figures)
        self.periods.add(month)
        self.missions.add(mission)
        document, start, end, text = rec.part, rec.start, rec.end, rec.text
        # the id key is canonical_json([document, start, end, kind, subject, value,
        # qualifiers, date, date_end, modality]) (Claim.make_id), written out directly
        head = f"[{js(document)},{start},{end},{self._kind},{mission_js},"
        tail, valid_from, valid_to = dated(month)
        values, roles = self._values, self._roles
        append = batch.append
        for role, total, verbatim, male, female in figures:
            value = values.get(verbatim)  # the count follows from the verbatim cell
            if value is None:
                value = values[verbatim] = count_json(total, verbatim)
            quals_tail = roles.get(role) or self._role(role)
            if male is not None and female is not None:
                quals = f'{quals_head}"female":{female},"male":{male},{quals_tail}'
            else:
                quals = quals_head + quals_tail
            key = f"{head}{value},{quals}{tail}".encode()
            append(("c-" + sha1(key).digest()[:10].hex(), mission, mission_name, value, quals,
                    month, valid_from, valid_to, document, start, end, text, contributor,
                    role))

    def _mission(self, cell: str) -> tuple[str, str, str]:
        mission, name = self.resolver.mission(cell.strip())
        self._missions[cell] = found = (mission, name, js(mission))
        return found

    def _contributor(self, name: str, iso3: str) -> tuple[str, str]:
        found = self._countries.get((name, iso3))
        if found is None:
            contributor = self.resolver.country(name, iso3)
            if contributor is None:
                raise BadCellError(f"contributor {name!r} (ISO-3 {iso3!r}) is not a known "
                                   "country")
            found = self._countries[name, iso3] = (contributor,
                                                   f'{{"contributor":{js(contributor)},')
        return found

    def _role(self, role: str) -> str:
        self._roles[role] = found = f'"role":{js(role)}}}'
        return found

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
