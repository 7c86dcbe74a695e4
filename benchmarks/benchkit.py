"""Shared pieces of the benchmarks that ``run_all.py`` drives: the corpus, timing, the table.

* :class:`Corpus` — the White House briefing-room records (``text``, ``date``) or a sample
  of them, with whitespace word counts (the unit of every words/s figure here);
* :class:`Row` and :func:`markdown` — one line of the results table and its rendering;
* :func:`machine` — the description printed above the table (cores, CPU, Python, date).

Words are whitespace-separated tokens (``len(text.split())``) for us and every baseline,
so ratios compare the same amount of text.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from missionwatch.dates import PartialDate
from missionwatch.document import Document
from missionwatch.eval import MissingData, require

CORPUS = "whitehouse-briefing-room-security"
CORPUS_FILE = "wh_briefing_room_security.jsonl"
ARTICLE_DATE = "2020-02-13"


def words(text: str) -> int:
    return len(text.split())


@dataclass
class Corpus:
    """JSON Lines records kept as raw lines (so samples can be written back as files)."""

    lines: list[str]
    path: Path | None = None  # the file they all came from (None for a sample)
    records: list[dict[str, Any]] = field(init=False)
    word_counts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.records = [json.loads(line) for line in self.lines]
        self.word_counts = [words(r["text"]) for r in self.records]

    @property
    def words(self) -> int:
        return sum(self.word_counts)

    def __len__(self) -> int:
        return len(self.lines)

    def texts(self) -> list[str]:
        return [r["text"] for r in self.records]

    def documents(self) -> Iterator[Document]:
        """Fresh documents, built as an ingest of the JSON Lines file builds them."""
        for record in self.records:
            yield Document(id=str(record.get("id") or ""), text=record["text"],
                           published=PartialDate.parse(record["date"]),
                           date_source="metadata")

    def sample(self, count: int) -> Corpus:
        """``count`` documents spread evenly over the corpus (the whole corpus if fewer)."""
        if count >= len(self.lines):
            return self
        step = len(self.lines) / count
        return Corpus([self.lines[int(i * step)] for i in range(count)])

    def sample_words(self, budget: int, seed: int = 0) -> list[int]:
        """Indexes of whole documents drawn at random until ``budget`` words are reached."""
        order = list(range(len(self.lines)))
        random.Random(seed).shuffle(order)
        chosen: list[int] = []
        total = 0
        for index in order:
            if total >= budget:
                break
            chosen.append(index)
            total += self.word_counts[index]
        return sorted(chosen)

    def write(self, path: Path, copies: int = 1) -> Path:
        """The records as a JSON Lines file, ``copies`` times over (ids made unique)."""
        with path.open("w", encoding="utf-8") as out:
            for copy in range(copies):
                for record in self.records:
                    if copies > 1:
                        record = {**record, "id": f"{record.get('id', '')}#{copy}"}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return path


def corpus_file() -> Path:
    """The corpus file, or :class:`MissingData` (no ``../shared/data``)."""
    path = require(CORPUS, start=Path(__file__).resolve().parent) / CORPUS_FILE
    if not path.is_file():
        raise MissingData(f"{path} is absent: skipping the benchmarks that need it")
    return path


def load_corpus(limit: int | None = None) -> Corpus:
    """The whole corpus, or ``limit`` documents spread over it."""
    path = corpus_file()
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip()]
    corpus = Corpus(lines, path)
    return corpus.sample(limit) if limit else corpus


def article_document() -> Document:
    from missionwatch.api import example_text

    return Document(id="article", text=example_text(), published=PartialDate.parse(ARTICLE_DATE),
                    date_source="argument")


@dataclass
class Row:
    """One line of the results table. ``met`` is None when there is no target."""

    what: str
    text: str
    figure: str
    baseline: str = "—"
    ratio: str = "—"
    target: str = "—"
    met: bool | None = None


def rate(count: float, seconds: float) -> str:
    return f"{count / seconds:,.0f} words/s" if seconds > 0 else "n/a"


def verdict(met: bool | None) -> str:
    return "—" if met is None else ("yes" if met else "**no**")


def markdown(rows: list[Row]) -> str:
    head = "| What | Text | Figure | Baseline (same run) | Ratio | Target | Met? |"
    lines = [head, "|---|---|---:|---|---:|---|---|"]
    lines += [f"| {r.what} | {r.text} | {r.figure} | {r.baseline} | {r.ratio} | {r.target} | "
              f"{verdict(r.met)} |" for r in rows]
    return "\n".join(lines)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _commit() -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True, cwd=Path(__file__).parent)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True,
                               cwd=Path(__file__).parent).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip() + (" (with uncommitted changes)" if dirty else "")


def machine() -> list[str]:
    """Lines describing where and when the figures were measured."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        f"- Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- CPU: {_cpu_model()}; {os.cpu_count()} logical cores ({usable} usable); "
        f"load average at start {load}",
        f"- Python {platform.python_version()} ({sys.implementation.name}) on "
        f"{platform.system()} {platform.release()}",
        f"- missionwatch {_version('missionwatch')} at commit {_commit()}",
        f"- Baselines: spacy {_version('spacy')}, dateparser {_version('dateparser')}, "
        f"quantulum3 {_version('quantulum3')}",
    ]


@dataclass
class Section:
    """What one benchmark adds to the results: table rows, extra Markdown and notes."""

    title: str
    rows: list[Row] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # Markdown blocks shown after the table
    notes: list[str] = field(default_factory=list)  # skipped baselines, caveats

    def render(self) -> str:
        parts = [f"### {self.title}", ""]
        if self.rows:
            parts += [markdown(self.rows), ""]
        for block in self.extra:
            parts += [block, ""]
        parts += [f"- {note}" for note in self.notes]
        return "\n".join(parts).rstrip() + "\n"
