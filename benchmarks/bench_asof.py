"""Latency of "contributors as of" on a store of >= 1M personnel claims, against a naive
scan-and-fold, on the same queries in the same run.

    python benchmarks/bench_asof.py [--db PATH] [--copies 9] [--queries 500] [--baseline 20]

The store is grown from the real ``Gender.Full.csv``: its records written ``--copies``
times with dates shifted back 60 months per copy (``bench_import.replicate``), imported
once (9 copies: 1,048,140 claims). ``--db`` keeps the store for later runs. Queries are
real (mission, month) pairs of the grown table, drawn at random; each is answered by
``Personnel.contributors`` (census read once, as a long-running process would) and timed.
The baseline reads every claim of the mission through ``Store.claims`` and folds them in
Python (latest period at or before the day, its figures); both answers are compared.
Prints p50/p99 for both and the ratio. Targets: p50 <= 5 ms, p99 <= 20 ms.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_import import fresh_store, replicate

from missionwatch.dates import PartialDate
from missionwatch.eval import MissingData, require
from missionwatch.imports import import_un_contributions
from missionwatch.imports.resolve import Resolver
from missionwatch.link.gazetteer import gazetteer
from missionwatch.query.personnel import KIND, Personnel, contributors, day_of
from missionwatch.store import Store

SHIFT = 60  # months between copies


def build(db: Path, source: Path, copies: int, folder: Path) -> None:
    with Store(db) as store:
        have = store.counts()["claims"].get(KIND, 0)
        if have >= copies * 116_460:
            print(f"store {db}: {have:,} personnel claims (reused)")
            return
        grown = replicate(source, folder / "grown.csv", copies, SHIFT)
        report = import_un_contributions(store, grown)
        print(f"store {db}: imported {report.claims:,} claims in {report.seconds:.1f} s "
              f"({report.rate:,.0f} claims/s)")


def query_pairs(source: Path, copies: int, n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` random (mission id, YYYY-MM) pairs that have records in the grown table."""
    resolver = Resolver()
    with source.open(encoding="utf-8", newline="") as handle:
        pairs = {(r["Mission"], r["Date"][:7]) for r in csv.DictReader(handle)}
    grown = []
    for acronym, month in sorted(pairs):
        year, mon = int(month[:4]), int(month[5:])
        for k in range(copies):
            index = year * 12 + mon - 1 - k * SHIFT
            grown.append((resolver.mission(acronym)[0], f"{index // 12:04d}-{index % 12 + 1:02d}"))
    rng = random.Random(seed)
    return [rng.choice(grown) for _ in range(n)]


def naive(store: Store, mission: str, as_of: str) -> set[str]:
    """Scan every claim of the mission and fold: the figures of the latest date <= the day."""
    day = day_of(as_of)
    by_date: dict[str, set[str]] = {}
    for claim in store.claims(mission=mission, kind=KIND):
        if claim.date and PartialDate.parse(claim.date).earliest().isoformat() <= day:
            by_date.setdefault(claim.date, set()).add(claim.id)
    return by_date[max(by_date)] if by_date else set()


def timed(call: object, *args: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = call(*args)  # type: ignore[operator]  # any callable under test
    return time.perf_counter() - start, result


def report(name: str, times: list[float]) -> float:
    times = sorted(times)
    p50 = statistics.median(times) * 1000
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000
    print(f"{name}: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {times[-1] * 1000:.2f} ms "
          f"({len(times)} queries)")
    return p50


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="keep the grown store here (reused if full)")
    parser.add_argument("--copies", type=int, default=9)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--baseline", type=int, default=20, help="queries for the baseline")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    try:
        source = require("un-pko-ipi-contributions") / "Gender.Full.csv"
    except MissingData as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 0
    gazetteer().find("UNIFIL")
    with tempfile.TemporaryDirectory(prefix="mw-bench-asof-") as tmp:
        folder = Path(tmp)
        db = args.db or fresh_store(folder, "grown.sqlite")
        build(db, source, args.copies, folder)
        pairs = query_pairs(source, args.copies, args.queries, args.seed)
        with Store(db) as store:
            total = sum(store.counts()["claims"].values())
            start = time.perf_counter()
            personnel = Personnel(store, text=True)
            print(f"{total:,} claims; census read in {(time.perf_counter() - start) * 1000:.1f} ms")
            fast = [timed(personnel.contributors, m, d) for m, d in pairs]
            sizes = [len(r) for _, r in fast]  # type: ignore[arg-type]  # lists of figures
            print(f"answers: {statistics.mean(sizes):.0f} figures on average "
                  f"(max {max(sizes)})")
            p50 = report("contributors as of (Personnel, census cached)", [t for t, _ in fast])
            report("contributors as of (one-shot function, census read each time)",
                   [timed(contributors, store, m, d)[0] for m, d in pairs[:50]])
            slow = [timed(naive, store, m, d) for m, d in pairs[:args.baseline]]
            base50 = report("naive scan-and-fold baseline", [t for t, _ in slow])
            differ = sum({f.claim for f in r} != s  # type: ignore[attr-defined]
                         for (_, r), (_, s) in zip(fast, slow, strict=False))
            print(f"answers that differ from the baseline: {differ} of {len(slow)}")
            print(f"ratio baseline p50 / ours p50: {base50 / p50:.0f}x")
            times = sorted(t for t, _ in fast)
            p99 = times[min(len(times) - 1, int(len(times) * 0.99))] * 1000
            print(f"targets p50 <= 5 ms, p99 <= 20 ms: "
                  f"{'met' if p50 <= 5 and p99 <= 20 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
