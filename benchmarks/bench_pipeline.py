"""Pipeline throughput, whole and per step, against baselines run on the same text.

    python benchmarks/bench_pipeline.py [--limit N] [--sample-words 20000] [--repeat 60]

Runs ``missionwatch.api.pipeline()`` (the default steps) over the founding article
(``--repeat`` times, fresh documents) and over the White House briefing-room corpus
(``../shared/data/whitehouse-briefing-room-security``, 1,251 documents; ``--limit`` takes
that many spread over it), timing each ``Step.func`` in order as the pipeline runs it. In the
same run, on the same texts: spaCy's blank English tokenizer (whole corpus); and, on a
random sample of whole documents of about ``--sample-words`` words, dateparser's
``search_dates`` (against our times + resolve steps on that sample), quantulum3 (against our
quantities step) and spaCy's ``en_core_web_sm`` if installed (against our whole pipeline).
Figures are words per CPU second of this one process. Without the shared data only the
article is measured.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import baselines
from benchkit import (
    Corpus,
    Row,
    Section,
    article_document,
    load_corpus,
    rate,
    words,
)

from missionwatch.api import pipeline
from missionwatch.document import Document
from missionwatch.eval import MissingData

FULL_TARGET = 50_000  # words/s per process (issue 7)
TOKENIZER_COST_TARGET = 30.0  # at most this many times the blank tokenizer's cost
SM_TARGET = 15.0  # more than this many times en_core_web_sm's speed
#: per-step floors: the scanning stages (research note §6, bench_mentions) and the quotes
#: step (bench_quotes); the other steps have none of their own
STEP_TARGETS = {"mentions": 200_000, "times": 200_000, "quantities": 200_000, "quotes": 100_000}


@dataclass
class Profile:
    """CPU seconds of each step on each document, as the pipeline ran them."""

    steps: list[str]
    per_doc: list[list[float]] = field(default_factory=list)  # [doc][step]
    totals: list[float] = field(default_factory=list)  # per doc, the whole pipeline
    doc_words: list[int] = field(default_factory=list)
    wall: float = 0.0
    claims: Counter[str] = field(default_factory=Counter)

    @property
    def words(self) -> int:
        return sum(self.doc_words)

    @property
    def cpu(self) -> float:
        return sum(self.totals)

    def step_cpu(self, name: str, docs: Iterable[int] | None = None) -> float:
        k = self.steps.index(name)
        rows = self.per_doc if docs is None else [self.per_doc[i] for i in docs]
        return sum(row[k] for row in rows)

    def subset(self, docs: Sequence[int]) -> tuple[int, float]:
        """(words, pipeline CPU seconds) of some of the documents."""
        return sum(self.doc_words[i] for i in docs), sum(self.totals[i] for i in docs)


def profile(docs: Iterable[Document]) -> Profile:
    """Run the default pipeline over ``docs``, timing every step of every document."""
    run = pipeline()
    found = Profile([s.name for s in run.steps])
    clock = time.process_time
    for doc in docs:
        wall = time.perf_counter()
        times = []
        begin = last = clock()
        for s in run.steps:
            s.func(doc)
            doc.done.append(s.name)
            now = clock()
            times.append(now - last)
            last = now
        found.totals.append(last - begin)
        found.wall += time.perf_counter() - wall
        found.per_doc.append(times)
        found.doc_words.append(words(doc.text))
        found.claims.update(c.kind for c in doc.claims)
    return found


def warm_up() -> None:
    """Load the gazetteer, automata and rule tables before any clock starts."""
    pipeline()(article_document())


def _cost(ours: float, base: float) -> str:
    cost = base / ours
    return f"cost {cost:.1f}× the tokenizer's" if cost >= 1 else f"cost {cost:.2f}×"


def article_rows(repeat: int) -> tuple[Profile, list[Row]]:
    found = profile(article_document() for _ in range(repeat))
    text = f"founding article ({found.doc_words[0]:,} words) × {repeat}"
    ours = found.words / found.cpu
    rows = [Row("Full pipeline, words/s per process", text, rate(found.words, found.cpu),
                target=f"≥ {FULL_TARGET:,}", met=ours >= FULL_TARGET)]
    try:
        tok = baselines.blank_tokenizer([article_document().text] * repeat)
    except baselines.Unavailable:
        return found, rows
    rows.append(Row("Full pipeline vs blank tokenizer", text, rate(found.words, found.cpu),
                    f"{tok.rate:,.0f} words/s", _cost(ours, tok.rate),
                    f"≤ {TOKENIZER_COST_TARGET:.0f}×", tok.rate / ours <= TOKENIZER_COST_TARGET))
    return found, rows


def _compare(section: Section, what: str, label: str, ours: tuple[int, float],
             run: Callable[[], baselines.Timing], target: float | None = None) -> None:
    try:
        theirs = run()
    except baselines.Unavailable as exc:
        section.notes.append(f"{what}: baseline skipped — {exc}")
        return
    mine = ours[0] / ours[1]
    ratio = mine / theirs.rate
    section.rows.append(Row(what, label, rate(*ours), f"{theirs.name}: {theirs.rate:,.0f} words/s",
                            f"{ratio:,.1f}× faster",
                            f"> {target:.0f}×" if target else "—",
                            ratio > target if target else None))


def corpus_rows(corpus: Corpus, sample_words: int, section: Section) -> Profile:
    found = profile(corpus.documents())
    text = f"WH corpus, {len(corpus):,} docs, {found.words:,} words"
    ours = found.words / found.cpu
    section.rows.append(Row("Full pipeline, words/s per process", text,
                            rate(found.words, found.cpu), target=f"≥ {FULL_TARGET:,}",
                            met=ours >= FULL_TARGET))
    texts = corpus.texts()
    tok: baselines.Timing | None = None
    try:
        tok = baselines.blank_tokenizer(texts)
    except baselines.Unavailable as exc:
        section.notes.append(f"blank tokenizer baseline skipped — {exc}")
    if tok is not None:
        section.rows.append(Row("Full pipeline vs blank tokenizer", text,
                                rate(found.words, found.cpu), f"{tok.rate:,.0f} words/s",
                                _cost(ours, tok.rate), f"≤ {TOKENIZER_COST_TARGET:.0f}×",
                                tok.rate / ours <= TOKENIZER_COST_TARGET))
    sample = corpus.sample_words(sample_words)
    s_texts = [texts[i] for i in sample]
    s_dates = [str(corpus.records[i]["date"]) for i in sample]
    label = f"WH sample, {len(sample)} docs, {sum(corpus.word_counts[i] for i in sample):,} words"
    _compare(section, "Full pipeline vs en_core_web_sm", label, found.subset(sample),
             lambda: baselines.en_core_web_sm(s_texts), SM_TARGET)
    s_words = found.subset(sample)[0]
    _compare(section, "times + resolve vs dateparser", label,
             (s_words, found.step_cpu("times", sample) + found.step_cpu("resolve", sample)),
             lambda: baselines.search_dates(s_texts, s_dates))
    _compare(section, "quantities vs quantulum3", label,
             (s_words, found.step_cpu("quantities", sample)),
             lambda: baselines.quantulum(s_texts))
    for name in found.steps:
        seconds = found.step_cpu(name)
        target = STEP_TARGETS.get(name)
        section.rows.append(Row(
            f"step `{name}`", text, rate(found.words, seconds),
            f"{tok.rate:,.0f} words/s" if tok else "—",
            _cost(found.words / seconds, tok.rate) if tok else "—",
            f"≥ {target:,}" if target else "—",
            found.words / seconds >= target if target else None))
    return found


def step_table(article: Profile, corpus: Profile | None) -> str:
    """Per-step words/s on both texts and each step's share of the corpus time."""
    lines = ["| Step | Article words/s | WH corpus words/s | Share of pipeline time |",
             "|---|---:|---:|---:|"]
    for name in article.steps:
        a = rate(article.words, article.step_cpu(name))
        c = rate(corpus.words, corpus.step_cpu(name)) if corpus else "—"
        share = f"{corpus.step_cpu(name) / corpus.cpu:.0%}" if corpus else "—"
        lines.append(f"| `{name}` | {a} | {c} | {share} |")
    a_all = rate(article.words, article.cpu)
    c_all = rate(corpus.words, corpus.cpu) if corpus else "—"
    lines.append(f"| **whole pipeline** | {a_all} | {c_all} | 100% |")
    return "\n".join(lines)


def run(limit: int | None, sample_words: int, repeat: int) -> Section:
    section = Section("Pipeline throughput (one process, CPU time)")
    warm_up()
    article, rows = article_rows(repeat)
    section.rows += rows
    found: Profile | None = None
    try:
        corpus = load_corpus(limit)
    except MissingData as exc:
        section.notes.append(f"WH corpus rows skipped — {exc}")
    else:
        found = corpus_rows(corpus, sample_words, section)
        kinds = ", ".join(f"{k} {n:,}" for k, n in sorted(found.claims.items()))
        section.notes.append(f"Claims extracted from the corpus: {kinds or 'none'}. "
                             f"Wall time of the corpus pass: {found.wall:.1f} s "
                             f"(CPU {found.cpu:.1f} s).")
    section.extra.append(step_table(article, found))
    section.notes.append("Words are whitespace-separated tokens for every tool. Figures are "
                         "words per CPU second of the benchmark process, so other load on the "
                         "machine does not count; per-step time is measured around each "
                         "`Step.func` call as the pipeline runs.")
    return section


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, help="documents of the corpus (default: all)")
    parser.add_argument("--sample-words", type=int, default=20_000,
                        help="words given to the slow baselines (default 20000)")
    parser.add_argument("--repeat", type=int, default=60, help="runs over the founding article")
    args = parser.parse_args(argv)
    section = run(args.limit, args.sample_words, args.repeat)
    print(section.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
