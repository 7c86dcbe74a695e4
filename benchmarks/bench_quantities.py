"""Speed of the ``quantities`` step against quantulum3, on the same text in the same run.

    python benchmarks/bench_quantities.py [--sample-words 40000] [--seed 0]

Reads the White House Briefing Room security corpus (``shared/data/
whitehouse-briefing-room-security``). Sentences are split before the clock starts: the
figure is the quantities step alone, in one process (one core). Ours runs on the whole
corpus and on a sample of whole documents; quantulum3 (about 1,000 words/s, so only the
sample) runs on that same sample. Words are whitespace-separated tokens.

quantulum3 is in the ``bench`` extra (``pip install -e '.[bench]'``); without it the
script prints our figure only and says so.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable

from missionwatch.eval import MissingData, require
from missionwatch.extract.steps.quantities import find_quantities
from missionwatch.extract.steps.sentences import split_sentences

CORPUS = "whitehouse-briefing-room-security"


def load() -> list[str]:
    folder = require(CORPUS)
    texts: list[str] = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    return texts


def sample(texts: list[str], words: int, seed: int) -> list[str]:
    order = list(range(len(texts)))
    random.Random(seed).shuffle(order)
    chosen: list[str] = []
    total = 0
    for i in order:
        if total >= words:
            break
        chosen.append(texts[i])
        total += len(texts[i].split())
    return chosen


def words_per_second(run: Callable[[], int], words: int, repeat: int = 3) -> tuple[float, int]:
    """Best of ``repeat`` runs; returns (words/s, items found)."""
    best = float("inf")
    found = 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = run()
        best = min(best, time.perf_counter() - start)
    return words / best, found


def ours(texts: list[str]) -> Callable[[], int]:
    split = [(text, split_sentences(text)) for text in texts]
    find_quantities(split[0][0], split[0][1])  # load the word lists before timing
    return lambda: sum(len(find_quantities(text, sents)) for text, sents in split)


def quantulum(texts: list[str]) -> Callable[[], int] | None:
    try:
        from quantulum3 import parser  # type: ignore[import-untyped]  # optional, untyped
    except ImportError:
        return None
    parser.parse("about 500 troops")  # load its tables before timing
    return lambda: sum(len(parser.parse(text)) for text in texts)


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    args.add_argument("--sample-words", type=int, default=40_000)
    args.add_argument("--seed", type=int, default=0)
    opts = args.parse_args(argv)
    try:
        texts = load()
    except MissingData as exc:
        print(f"skipped: {exc}")
        return 0
    all_words = sum(len(t.split()) for t in texts)
    wps, found = words_per_second(ours(texts), all_words)
    print(f"corpus: {len(texts)} documents, {all_words:,} words")
    print(f"ours, whole corpus:   {wps:>12,.0f} words/s  ({found:,} quantities)")

    chosen = sample(texts, opts.sample_words, opts.seed)
    words = sum(len(t.split()) for t in chosen)
    print(f"sample: {len(chosen)} documents, {words:,} words (seed {opts.seed})")
    ours_wps, ours_found = words_per_second(ours(chosen), words)
    print(f"ours, sample:         {ours_wps:>12,.0f} words/s  ({ours_found:,} quantities)")
    baseline = quantulum(chosen)
    if baseline is None:
        print("quantulum3 is not installed (pip install -e '.[bench]'): no baseline")
        return 0
    q_wps, q_found = words_per_second(baseline, words, repeat=1)
    print(f"quantulum3, sample:   {q_wps:>12,.0f} words/s  ({q_found:,} quantities)")
    print(f"ratio ours / quantulum3: {ours_wps / q_wps:,.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
