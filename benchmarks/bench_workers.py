"""Extraction spread over processes, and a whole ``missionwatch ingest`` run.

    python benchmarks/bench_workers.py [--limit N] [--workers 2] [--ingest-workers 1]

Reads the White House briefing-room corpus (``--limit`` documents spread over it, written
to a temporary JSON Lines file; default: the corpus file itself) with
``missionwatch.ingest.readers.read`` and runs ``missionwatch.api.extract_items`` over it with
``workers=1`` and then ``workers=--workers``, timing the wall clock (reading included), and
reports words/s and the speed-up. Then runs ``missionwatch ingest <file> --db <tmp> --json``
as a subprocess and reports documents, claims per kind and wall time. The machine may be
shared: the load average before each run is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchkit import Row, Section, article_document, load_corpus, words

from missionwatch.api import extract_items, pipeline
from missionwatch.errors import InputError
from missionwatch.eval import MissingData
from missionwatch.ingest.readers import read

SPEEDUP_TARGET = 1.5  # with 2 processes on the 2-core machine


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"


@dataclass(frozen=True)
class Run:
    workers: int
    documents: int
    words: int
    wall: float
    cpu: float  # this process and its finished children (the worker processes)
    load: str

    @property
    def rate(self) -> float:
        return self.words / self.wall


def extraction(path: Path, workers: int) -> Run:
    """Read and extract every record of ``path`` in ``workers`` processes (wall clock)."""
    before = load()
    documents = count = 0
    start, cpu = time.perf_counter(), _cpu()
    for done in extract_items(read([str(path)]), workers=workers):
        if isinstance(done, InputError):
            continue
        documents += 1
        count += words(done.document.text)
    return Run(workers, documents, count, time.perf_counter() - start, _cpu() - cpu, before)


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended."""
    own = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own + children.ru_utime + children.ru_stime


def _missionwatch() -> list[str]:
    script = Path(sys.executable).with_name("missionwatch")
    if script.exists():
        return [str(script)]
    found = shutil.which("missionwatch")
    if found:
        return [found]
    return [sys.executable, "-c", "from missionwatch.cli import main; main()"]


def ingest(path: Path, db: Path, workers: int) -> tuple[dict[str, Any], float, str]:
    """Run the CLI's ingest; its JSON report, wall seconds and the load before."""
    before = load()
    command = [*_missionwatch(), "ingest", str(path), "--db", str(db), "--json"]
    if workers > 1:
        command += ["--workers", str(workers)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report, took, before


def run(limit: int | None, workers: int, ingest_workers: int) -> Section:
    section = Section("Workers and a whole ingest (wall clock)")
    try:
        corpus = load_corpus(limit)
    except MissingData as exc:
        section.notes.append(f"skipped — {exc}")
        return section
    label = f"WH corpus, {len(corpus):,} docs, {corpus.words:,} words"
    pipeline()(article_document())  # load the gazetteer and rules before any clock starts
    with tempfile.TemporaryDirectory(prefix="mw-bench-workers-") as tmp:
        path = corpus.path or corpus.write(Path(tmp) / "sample.jsonl")
        one = extraction(path, 1)
        many = extraction(path, workers)
        report, took, before = ingest(path, Path(tmp) / "bench.sqlite", ingest_workers)
    speedup = many.rate / one.rate
    section.rows += [
        Row("extract_items, workers=1", label, f"{one.rate:,.0f} words/s ({one.wall:.1f} s)"),
        Row(f"extract_items, workers={workers}", label,
            f"{many.rate:,.0f} words/s ({many.wall:.1f} s)",
            f"workers=1: {one.rate:,.0f} words/s", f"{speedup:.2f}× speed-up",
            f"≥ {SPEEDUP_TARGET}× on {workers} cores", speedup >= SPEEDUP_TARGET),
        Row(f"CPU cost of workers={workers} (parent + workers)", label,
            f"{many.cpu:.1f} CPU s", f"workers=1: {one.cpu:.1f} CPU s",
            f"×{many.cpu / one.cpu:.2f} the work"),
    ]
    flag = f" --workers {ingest_workers}" if ingest_workers > 1 else ""
    section.rows.append(Row(f"`missionwatch ingest --json{flag}` (subprocess)", label,
                            f"{took:.1f} s wall ({one.words / took:,.0f} words/s)"))
    section.notes.append(f"Load average before each run: workers=1 {one.load}, "
                         f"workers={workers} {many.load}, ingest {before}.")
    kinds = report.get("claims_by_kind", {})
    section.extra.append("\n".join(
        ["| Ingest | Count |", "|---|---:|",
         f"| documents stored | {report.get('documents', 0):,} |",
         f"| rejected inputs | {len(report.get('rejections', [])):,} |",
         f"| claims stored | {report.get('claims', 0):,} |"]
        + [f"| claims `{kind}` | {count:,} |" for kind, count in sorted(kinds.items())]))
    section.notes.append("The CPU row is independent of other load: near ×1 means handing "
                         "documents to the worker processes and back costs little, so the "
                         "speed-up is bounded by the cores free at the time.")
    section.notes.append("Wall-clock times include reading the JSON Lines file; the ingest also "
                         "starts the interpreter and writes the SQLite store. Other processes "
                         "on a shared machine slow these down (see the load average).")
    return section


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, help="documents of the corpus (default: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ingest-workers", type=int, default=1)
    args = parser.parse_args(argv)
    print(run(args.limit, args.workers, args.ingest_workers).render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
