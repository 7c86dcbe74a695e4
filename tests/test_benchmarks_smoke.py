"""The benchmarks import and run their smallest configuration on a few hundred words.

Nothing here asserts a timing: benchmarks are run on demand (``benchmarks/run_all.py``);
these tests only check that each one still runs and counts what it was given.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from missionwatch.api import example_text
from missionwatch.extract.pipeline import DEFAULT_STEPS

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
MODULES = ["benchkit", "baselines", "bench_pipeline", "bench_workers", "bench_memory", "run_all",
           "bench_times", "bench_quotes", "bench_quantities", "bench_mentions", "bench_import",
           "bench_asof", "bench_import_memory"]
#: about 300 words of the founding article, in three records with their dates
TEXT = " ".join(example_text().split()[:300])
RECORDS = [{"id": f"r{n}", "date": f"2020-02-1{n}", "text": TEXT[n * 600:(n + 1) * 600]}
           for n in range(3)]


def bench(name: str) -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module(name)


def words(text: str) -> int:
    return len(text.split())


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", MODULES)
def test_module_imports(name: str) -> None:
    assert bench(name).__doc__


def test_corpus_samples_and_replicates(tmp_path: Path) -> None:
    kit = bench("benchkit")
    corpus = kit.Corpus([json.dumps(r) for r in RECORDS])
    assert corpus.words == sum(words(r["text"]) for r in RECORDS)
    assert len(corpus.sample(2)) == 2
    assert corpus.sample(10) is corpus
    assert corpus.sample_words(1) and len(corpus.sample_words(10**6)) == 3
    lines = corpus.write(tmp_path / "x3.jsonl", 3).read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert len(ids) == 9 and len(set(ids)) == 9
    docs = list(corpus.documents())
    assert [d.date_source for d in docs] == ["metadata"] * 3
    assert str(docs[0].published) == "2020-02-10"


def test_pipeline_profile_times_every_step() -> None:
    pipe = bench("bench_pipeline")
    doc = bench("benchkit").article_document()
    doc.text = TEXT
    found = pipe.profile([doc])
    assert tuple(found.steps) == DEFAULT_STEPS
    assert len(found.per_doc) == 1 and len(found.per_doc[0]) == len(DEFAULT_STEPS)
    assert found.words == words(TEXT)
    assert doc.done == list(DEFAULT_STEPS)
    table = pipe.step_table(found, None)
    assert table.count("\n") == len(DEFAULT_STEPS) + 2


def test_article_rows_have_targets() -> None:
    rows = bench("bench_pipeline").article_rows(1)[1]
    assert rows[0].target == "≥ 50,000" and rows[0].met is not None
    assert all("words/s" in r.figure for r in rows)


@pytest.mark.parametrize(("baseline", "arguments"), [
    ("blank_tokenizer", ([TEXT],)),
    ("search_dates", ([TEXT], ["2020-02-13"])),
    ("quantulum", ([TEXT],)),
    ("en_core_web_sm", ([TEXT],)),
])
def test_baselines_count_the_words_they_get(baseline: str, arguments: tuple[object, ...]) -> None:
    module = bench("baselines")
    try:
        timing = getattr(module, baseline)(*arguments)
    except module.Unavailable as exc:
        pytest.skip(str(exc))
    assert timing.words == words(TEXT)
    assert timing.cpu >= 0 and timing.name


@pytest.mark.parametrize("workers", [1, 2])
def test_extraction_in_processes(jsonl: Path, workers: int) -> None:
    run = bench("bench_workers").extraction(jsonl, workers)
    assert (run.documents, run.words) == (3, sum(words(r["text"]) for r in RECORDS))
    assert run.cpu > 0


def test_memory_child_reports_peaks(jsonl: Path) -> None:
    result = bench("bench_memory").measure(jsonl, "read", True)
    assert result["documents"] == 3
    assert result["peak_kb"] > 0 and result["python_peak"] >= result["retained"] > 0


def test_memory_stream_mode_in_process(jsonl: Path) -> None:
    result = bench("bench_memory").child(jsonl, "stream", False)
    assert result["documents"] == 3 and result["python_peak"] == 0


def test_summary_counts_targets() -> None:
    kit, run_all = bench("benchkit"), bench("run_all")
    section = kit.Section("s", [kit.Row("a", "t", "1", target="≥ 1", met=True),
                                kit.Row("b", "t", "0", target="≥ 1", met=False),
                                kit.Row("c", "t", "2")])
    text = run_all.document([section], "python benchmarks/run_all.py", 1.0)
    assert "Targets met: 1 of 2" in text and "not met: b" in text
    assert "- CPU:" in text and "| c | t | 2 |" in text


def test_times_benchmark_runs_on_the_article() -> None:
    doc = bench("benchkit").article_document()
    seconds, found = bench("bench_times").run_ours([doc])
    assert found == len(doc.times) and seconds >= 0


def test_quantities_benchmark_runs_on_a_few_words() -> None:
    assert bench("bench_quantities").ours([TEXT])() >= 0


def test_import_replicate_shifts_dates(tmp_path: Path) -> None:
    source = tmp_path / "g.csv"
    source.write_text('Contributor,Date,x\n"Italy",2020-03-31,1\n', encoding="utf-8")
    lines = bench("bench_import").replicate(source, tmp_path / "out.csv", 2).read_text(
        encoding="utf-8").splitlines()
    assert lines[1:] == ['"Italy",2020-03-31,1', '"Italy",2015-03-31,1']


@pytest.mark.shared
@pytest.mark.parametrize("name", ["bench_quotes", "bench_mentions"])
def test_corpus_step_benchmarks_run_on_two_documents(
        name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(BENCH.parent)
    monkeypatch.setattr(sys, "argv", [name, "--limit", "2", "--repeat", "1"])
    assert bench(name).main() == 0
    out = capsys.readouterr().out
    assert "words/s" in out or "skipped" in out
