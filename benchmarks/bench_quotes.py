"""Speed of the ``quotes`` step on the White House briefing-room corpus.

Measures words per second on one core for the sentences step alone (the baseline, run in
the same process) and for the quotes step on the already-split documents, and prints
their ratio. The target is >= 100k words/s for the quotes step.

    python benchmarks/bench_quotes.py [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from missionwatch.document import Document
from missionwatch.eval import MissingData, require
from missionwatch.extract.quotes import extract_quotes
from missionwatch.extract.steps.sentences import sentences

TARGET = 100_000


def _load(folder: Path, limit: int) -> list[str]:
    texts: list[str] = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("text"):
                    texts.append(record["text"])
                if limit and len(texts) >= limit:
                    return texts
    return texts


def _time(func: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="documents to read (0: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is kept")
    args = parser.parse_args(argv)
    try:
        folder = require("whitehouse-briefing-room-security")
    except MissingData as exc:
        print(f"skipped: {exc}")
        return 0
    texts = _load(folder, args.limit)
    words = sum(len(t.split()) for t in texts)
    docs = [Document(id=str(n), text=t) for n, t in enumerate(texts)]

    def split_all() -> None:
        for doc in docs:
            sentences(doc)

    split_time = _time(split_all, args.repeat)  # leaves every document split

    def quote_all() -> None:
        for doc in docs:
            doc.quotes = extract_quotes(doc)

    quote_time = _time(quote_all, args.repeat)
    found = sum(len(d.quotes) for d in docs)
    split_rate, quote_rate = words / split_time, words / quote_time
    print(f"documents {len(docs)}, words {words:,}, statements found {found:,}")
    print(f"sentences (baseline) {split_rate:12,.0f} words/s")
    print(f"quotes               {quote_rate:12,.0f} words/s  "
          f"(x{quote_rate / split_rate:.2f} of the baseline's speed, "
          f"x{quote_rate / TARGET:.2f} of the {TARGET:,} words/s target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
