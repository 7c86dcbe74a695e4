"""Peak memory of extracting the corpus when it grows 10×: it must stay flat.

    python benchmarks/bench_memory.py [--docs 50] [--factors 1 10]

Takes ``--docs`` documents spread over the White House briefing-room corpus and writes them
``factor`` times over to a JSON Lines file (ids made unique), then extracts every record in
a fresh child process, in two ways:

* ``read``: as ``missionwatch ingest`` does — ``missionwatch.ingest.readers.read`` and
  ``missionwatch.api.extract_items`` (one process), nothing kept;
* ``stream``: the file read line by line by the benchmark itself, each record made a
  ``Document`` and given to ``missionwatch.api.pipeline()``, nothing kept — the pipeline's
  own memory, whatever the reader does.

Each is run twice per factor: once for the peak resident set size (``ru_maxrss``), once for
the peak of Python allocations (``tracemalloc``, slower). The child first loads the code
and the gazetteer; its RSS then is the idle baseline, and on Linux the peak-RSS mark is
reset there (``/proc/self/clear_refs``) so that the peak is the extraction's, not the
loading's (elsewhere ``ru_maxrss``, which includes loading, is used). A ratio
largest / smallest factor of about 1 means memory does not grow with the input.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchkit import Row, Section, load_corpus, words

from missionwatch.eval import MissingData

FLAT_TARGET = 1.2  # peak at 10× the input / peak at 1×
MODES = ("read", "stream")


def _status(field: str) -> int | None:
    """A kB figure of ``/proc/self/status`` (Linux), else None."""
    try:
        found = re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M)
    except OSError:
        return None
    return int(found[1]) if found else None


def reset_peak() -> bool:
    """Reset the peak-RSS mark (Linux ``clear_refs`` 5), so loading is not the peak."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return _status("VmHWM") is not None


def peak_kb(reset: bool) -> int:
    """Peak RSS since the reset (else since the start: ``ru_maxrss``)."""
    high = _status("VmHWM") if reset else None
    return high if high is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(path: Path, mode: str, trace: bool) -> dict[str, Any]:
    """Extract every record of ``path``; the peaks (run in a fresh process)."""
    import tracemalloc

    from benchkit import article_document

    from missionwatch.api import extract_items, pipeline
    from missionwatch.dates import PartialDate
    from missionwatch.document import Document
    from missionwatch.errors import InputError
    from missionwatch.ingest.readers import read

    run = pipeline()
    run(article_document())  # load the gazetteer, automata and rule tables
    reset = reset_peak()
    idle = _status("VmRSS") if reset else None
    idle = idle or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    documents = count = claims = 0
    if mode == "read":
        for done in extract_items(read([str(path)]), workers=1):
            if not isinstance(done, InputError):
                documents += 1
                count += words(done.document.text)
                claims += len(done.document.claims)
            del done  # so that two documents are never alive at once (a fair peak)
    else:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                doc = run(Document(id=record["id"], text=record["text"],
                                   published=PartialDate.parse(record["date"]),
                                   date_source="metadata"))
                documents += 1
                count += words(doc.text)
                claims += len(doc.claims)
                del doc, record
    seconds = time.perf_counter() - start
    python_peak = tracemalloc.get_traced_memory()[1] if trace else 0
    retained = 0
    if trace:
        gc.collect()
        retained = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
    return {"idle_kb": idle, "peak_kb": peak_kb(reset), "reset": reset,
            "python_peak": python_peak, "retained": retained, "documents": documents,
            "words": count, "claims": claims, "seconds": seconds}


def measure(path: Path, mode: str, trace: bool) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(path), mode, *(["--trace"] * trace)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"memory child failed ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _mib(kib: float) -> str:
    return f"{kib / 1024:,.1f} MiB"


def _rss(result: dict[str, Any]) -> str:
    return f"{_mib(result['peak_kb'])} (+{(result['peak_kb'] - result['idle_kb']) / 1024:,.1f})"


def run(docs: int, factors: list[int]) -> Section:
    section = Section("Memory while the corpus grows (child process per run)")
    try:
        corpus = load_corpus(docs)
    except MissingData as exc:
        section.notes.append(f"skipped — {exc}")
        return section
    results: dict[tuple[str, int], tuple[dict[str, Any], dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="mw-bench-memory-") as tmp:
        for factor in factors:
            path = corpus.write(Path(tmp) / f"x{factor}.jsonl", factor)
            for mode in MODES:
                results[mode, factor] = measure(path, mode, False), measure(path, mode, True)
            path.unlink()
    lo, hi = min(factors), max(factors)
    text = (f"WH {len(corpus)} docs × {lo} → × {hi} "
            f"({results['read', lo][0]['words']:,} → {results['read', hi][0]['words']:,} words)")
    for mode in MODES:
        (rss_lo, py_lo), (rss_hi, py_hi) = results[mode, lo], results[mode, hi]
        how = "read() + extract_items" if mode == "read" else "lines streamed + pipeline()"
        ratio = rss_hi["peak_kb"] / rss_lo["peak_kb"]
        section.rows.append(Row(
            f"Peak RSS, {how}", text, f"{_rss(rss_lo)} → {_rss(rss_hi)}",
            f"idle {_mib(rss_lo['idle_kb'])} (code, gazetteer)", f"×{ratio:.2f}",
            f"≤ ×{FLAT_TARGET}", ratio <= FLAT_TARGET))
        ratio = py_hi["python_peak"] / max(py_lo["python_peak"], 1)
        section.rows.append(Row(
            f"tracemalloc peak, {how}", text,
            f"{_mib(py_lo['python_peak'] / 1024)} → {_mib(py_hi['python_peak'] / 1024)}",
            f"retained after gc.collect(): {_mib(py_lo['retained'] / 1024)} → "
            f"{_mib(py_hi['retained'] / 1024)}", f"×{ratio:.2f}", f"≤ ×{FLAT_TARGET}",
            ratio <= FLAT_TARGET))
    section.notes.append(
        "`read` is the path `missionwatch ingest` takes; `stream` feeds the pipeline one line "
        "at a time, so a difference between the two is the reader's. RSS peaks include the "
        "interpreter, the code and the gazetteer (the idle figure). The Python peak is small, "
        "so bounded effects (interpreter free lists, step caches) show as a large ratio; "
        "what is still allocated after a full `gc.collect()` at the end shows whether "
        "anything accumulates"
        + ("" if results["read", lo][0].get("reset") else
           "; this system cannot reset the peak-RSS mark, so loading may be the peak") + ".")
    return section


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=50, help="documents in the 1× corpus")
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(Path(args.child[0]), args.child[1], args.trace)))
        return 0
    print(run(args.docs, args.factors).render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
