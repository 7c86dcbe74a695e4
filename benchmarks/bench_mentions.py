"""Speed of the ``mentions`` step on the White House briefing-room corpus.

    python benchmarks/bench_mentions.py [--limit N] [--repeat R]

Reads ``shared/data/whitehouse-briefing-room-security/*.jsonl`` (field ``text``, ``date``),
splits sentences first (not timed), then times the ``mentions`` step alone and, on the same
texts in the same run, a baseline of plain ``str.split()`` tokenisation. Prints words per
second for both and their ratio. The target for this scanning step is >= 200k words/s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from missionwatch.dates import PartialDate
from missionwatch.document import Document
from missionwatch.eval import MissingData, require
from missionwatch.extract.pipeline import get_step
from missionwatch.link.gazetteer import gazetteer
from missionwatch.link.linker import find_mentions

TARGET = 200_000


def load(folder: Path, limit: int) -> list[Document]:
    docs = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                record = json.loads(line)
                date = record.get("date")
                docs.append(Document(id=f"{path.name}:{number}", text=record["text"],
                                     published=PartialDate.parse(date) if date else None))
                if len(docs) >= limit:
                    return docs
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000, help="documents to read")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (best is kept)")
    args = parser.parse_args()
    try:
        folder = require("whitehouse-briefing-room-security")
    except MissingData as exc:
        print(f"skipped: {exc}")
        return 0
    docs = load(folder, args.limit)
    words = sum(len(d.text.split()) for d in docs)
    started = time.perf_counter()
    gazetteer.matcher()
    print(f"gazetteer and automata built in {time.perf_counter() - started:.2f}s (not timed)")
    sentences = get_step("sentences").func
    for doc in docs:
        sentences(doc)

    best_step = best_base = float("inf")
    mentions = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        count = 0
        for doc in docs:
            count += len(doc.text.split())
        best_base = min(best_base, time.perf_counter() - started)
        started = time.perf_counter()
        mentions = 0
        for doc in docs:
            doc.entities.clear()
            mentions += len(find_mentions(doc))
        best_step = min(best_step, time.perf_counter() - started)
    step_rate = words / best_step
    base_rate = words / best_base
    print(f"{len(docs)} documents, {words:,} words, {mentions:,} mentions")
    print(f"mentions step: {best_step:.2f}s  {step_rate:,.0f} words/s "
          f"(target {TARGET:,}: {'met' if step_rate >= TARGET else 'NOT met'})")
    print(f"baseline str.split(): {best_base:.3f}s  {base_rate:,.0f} words/s")
    print(f"ratio step/baseline: {step_rate / base_rate:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
