"""Speed of ``import un-contributions`` on Gender.Full.csv, against a plain executemany.

    python benchmarks/bench_import.py [--repeat 3]

Reads ``shared/data/un-pko-ipi-contributions/Gender.Full.csv`` (29,115 records, 116,460
claims). Each round imports the file into a fresh SQLite store and, in the same run, the
baseline inserts *the same rows* (collected from the importer beforehand, so parsing and
hashing are not in its time) into another fresh store with one ``executemany`` of
``INSERT OR IGNORE`` in one transaction, indexes as the schema has them. Prints claims per
second for both (best of ``--repeat``: wall time, and CPU time, which other processes on
a shared machine disturb less), their ratios, and the re-import (nothing new) rate. The
gazetteer is loaded before the clock starts (a once-per-process cost, printed apart).
The target is >= 100,000 claims/s (wall) for the import.

:func:`replicate` (used by the other import benchmarks) writes the file's records several
times with dates shifted back by whole months, so the copies are new claims.
"""

from __future__ import annotations

import argparse
import calendar
import os
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from missionwatch.eval import MissingData, require
from missionwatch.imports import import_un_contributions
from missionwatch.imports.common import ImportReport, Row
from missionwatch.imports.records import file_info
from missionwatch.imports.resolve import Resolver
from missionwatch.imports.un_contributions import Importer
from missionwatch.imports.writer import Claims
from missionwatch.link.gazetteer import gazetteer
from missionwatch.store import Store
from missionwatch.store.rows import CLAIM_COLUMNS, fixed_items, refs_of_row, row_layout

TARGET = 100_000
_DATE = re.compile(r'^("[^"]*",)(\d{4})-(\d{2})-\d{2},')


def replicate(source: Path, target: Path, copies: int, shift_months: int = 60) -> Path:
    """``copies`` copies of a Gender.Full.csv's records, copy k shifted back k·shift months."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    with target.open("w", encoding="utf-8", newline="") as out:
        out.write(lines[0])
        for k in range(copies):
            def shift(match: re.Match[str], months: int = k * shift_months) -> str:
                return _shifted(match, months)

            for line in lines[1:]:
                out.write(_DATE.sub(shift, line, count=1))
    return target


def _shifted(match: re.Match[str], months: int) -> str:
    index = int(match[2]) * 12 + int(match[3]) - 1 - months
    year, month = divmod(index, 12)
    day = calendar.monthrange(year, month + 1)[1]
    return f"{match[1]}{year:04d}-{month + 1:02d}-{day:02d},"


def fresh_store(folder: Path, name: str) -> Path:
    path = folder / name
    Store(path).close()  # create and migrate
    return path


def collect_rows(path: Path) -> list[Row]:
    """The claim rows the importer makes of ``path`` (no store involved), whole: in
    CLAIM_COLUMNS order, the columns the importer fixes per import put back."""
    report = ImportReport(str(path), "un-contributions")
    ops = Importer(file_info(path), report, Resolver()).ops()
    return [row_layout(fixed_items(op.fixed)).full(row)
            for op in ops if isinstance(op, Claims) for row in op.rows]


def baseline(db: Path, rows: list[Row], refs: bool = False) -> tuple[float, float]:
    """Seconds (wall, CPU) for one plain executemany of ``rows`` into the claims table
    (and, with ``refs``, one of their ``claim_refs`` rows, which the store also keeps)."""
    sql = (f"INSERT OR IGNORE INTO claims ({', '.join(CLAIM_COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(CLAIM_COLUMNS))})")
    ref_rows = [ref for row in rows for ref in refs_of_row(row)] if refs else []
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in ("PRAGMA synchronous=NORMAL", "PRAGMA cache_size=-65536"):
        conn.execute(pragma)
    start, cpu = time.perf_counter(), time.process_time()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(sql, rows)
    if ref_rows:
        conn.executemany("INSERT OR IGNORE INTO claim_refs (entity, kind, qualifier, claim) "
                         "VALUES (?, ?, ?, ?)", ref_rows)
    conn.execute("COMMIT")
    took = (time.perf_counter() - start, time.process_time() - cpu)
    conn.close()
    return took


def timed_import(store: Store, source: Path) -> tuple[ImportReport, float]:
    """An import's report (its ``seconds`` are wall time) and the CPU seconds it used."""
    cpu = time.process_time()
    report = import_un_contributions(store, source)
    return report, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    try:
        source = require("un-pko-ipi-contributions") / "Gender.Full.csv"
    except MissingData as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 0
    start = time.perf_counter()
    gazetteer().find("UNIFIL")
    print(f"gazetteer loaded in {time.perf_counter() - start:.2f} s (not timed below); "
          f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())} on "
          f"{os.cpu_count()} cores")
    rows = collect_rows(source)
    n = len(rows)
    ours: list[tuple[ImportReport, float]] = []
    again: list[tuple[ImportReport, float]] = []
    base: list[tuple[float, float]] = []
    base_refs: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory(prefix="mw-bench-import-") as tmp:
        folder = Path(tmp)
        for round_ in range(args.repeat):
            with Store(fresh_store(folder, f"ours{round_}.sqlite")) as store:
                ours.append(timed_import(store, source))
                again.append(timed_import(store, source))
            base.append(baseline(fresh_store(folder, f"base{round_}.sqlite"), rows))
            base_refs.append(baseline(fresh_store(folder, f"refs{round_}.sqlite"), rows, True))
            for name in ("ours", "base", "refs"):  # keep the disk use to one round's
                for file in folder.glob(f"{name}{round_}.sqlite*"):
                    file.unlink()
    best = max(r.rate for r, _ in ours)
    best_cpu = n / min(cpu for _, cpu in ours)
    base_rate, base_cpu = n / min(w for w, _ in base), n / min(c for _, c in base)
    refs_rate = n / min(w for w, _ in base_refs)
    print(f"import:      {n:,} claims in {n / best:.2f} s = {best:,.0f} claims/s wall, "
          f"{best_cpu:,.0f} claims/CPU-s (best of {args.repeat}; all wall: "
          f"{', '.join(f'{r.rate:,.0f}' for r, _ in ours)})")
    print(f"executemany: {n:,} rows in {n / base_rate:.2f} s = {base_rate:,.0f} rows/s wall, "
          f"{base_cpu:,.0f} rows/CPU-s (same rows, plain INSERT OR IGNORE, indexes in place)")
    print(f"executemany + claim_refs: {refs_rate:,.0f} claims/s (also the rows the store keeps "
          "per entity qualifier)")
    print(f"ratio import / executemany: {best / base_rate:.2f} wall, {best_cpu / base_cpu:.2f} "
          f"CPU; import / (executemany + claim_refs): {best / refs_rate:.2f} wall")
    print(f"re-import (0 new of {again[0][0].claims:,}): "
          f"{max(r.rate for r, _ in again):,.0f} claims/s wall, "
          f"{n / min(cpu for _, cpu in again):,.0f} claims/CPU-s")
    print(f"target >= {TARGET:,} claims/s: {'met' if best >= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
