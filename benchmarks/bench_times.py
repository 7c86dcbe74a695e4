"""Speed of the time-expression steps (``times`` + ``resolve``) against dateparser.

Runs, in the same process and on the same text, our steps over the White House
briefing-room corpus (../shared/data/whitehouse-briefing-room-security) and the founding
article, and dateparser's ``search_dates`` over a sample of the same documents (it is about
a hundred times slower, so the whole corpus would take many minutes). Prints words per
second for both and the ratio (CPU time of this process, so that other work on the machine
does not count). dateparser is the optional "bench" extra.

    python benchmarks/bench_times.py [--sample-words 30000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from importlib import resources
from pathlib import Path

from missionwatch.dates import PartialDate
from missionwatch.document import Document
from missionwatch.eval import MissingData, require
from missionwatch.extract.steps.sentences import sentences
from missionwatch.extract.steps.times import resolve, times

CORPUS = "whitehouse-briefing-room-security"


def load_documents() -> list[Document]:
    article = resources.files("missionwatch.example").joinpath("article.txt").read_text(
        encoding="utf-8")
    docs = [Document(id="article", text=article, published=PartialDate.parse("2020-02-13"),
                     date_source="argument")]
    folder = require(CORPUS)
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                docs.append(Document(id=record["id"], text=record["text"],
                                     published=PartialDate.parse(record["date"]),
                                     date_source="metadata"))
    return docs


def run_ours(docs: list[Document]) -> tuple[float, int]:
    for doc in docs:
        sentences(doc)  # a prerequisite step, not timed
    start = time.process_time()
    found = 0
    for doc in docs:
        times(doc)
        resolve(doc)
        found += len(doc.times)
    return time.process_time() - start, found


def run_dateparser(docs: list[Document], budget_words: int) -> tuple[float, int, int]:
    try:
        from dateparser.search import search_dates
    except ImportError:
        sys.exit("dateparser is not installed: pip install 'missionwatch[bench]'")
    warnings.filterwarnings("ignore")
    sample: list[Document] = []
    words = 0
    for doc in docs:
        if words >= budget_words:
            break
        sample.append(doc)
        words += len(doc.text.split())
    search_dates("warm up on Friday", languages=["en"])
    start = time.process_time()
    found = 0
    for doc in sample:
        base = doc.published.earliest() if doc.published else None
        settings = {"RELATIVE_BASE": __import__("datetime").datetime(
            base.year, base.month, base.day)} if base else {}
        found += len(search_dates(doc.text, languages=["en"], settings=settings) or [])
    return time.process_time() - start, found, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample-words", type=int, default=30_000,
                        help="words of the same corpus given to dateparser (default 30000)")
    args = parser.parse_args()
    try:
        docs = load_documents()
    except MissingData as missing:
        sys.exit(str(missing))
    words = sum(len(doc.text.split()) for doc in docs)
    seconds, found = run_ours(docs)
    ours = words / seconds
    print(f"corpus: {len(docs)} documents, {words:,} words ({Path(CORPUS).name} + article)")
    print(f"missionwatch times+resolve: {seconds:.2f} s, {ours:,.0f} words/s, "
          f"{found:,} expressions")
    dp_seconds, dp_found, dp_words = run_dateparser(docs, args.sample_words)
    theirs = dp_words / dp_seconds
    print(f"dateparser search_dates:    {dp_seconds:.2f} s on the first {dp_words:,} words, "
          f"{theirs:,.0f} words/s, {dp_found:,} expressions")
    print(f"ratio: {ours / theirs:,.0f}x faster")


if __name__ == "__main__":
    main()
