"""Peak memory of ``import un-contributions`` when the input grows 10×: it must stay flat.

    python benchmarks/bench_import_memory.py [--factors 1 10]

For each factor, Gender.Full.csv's records are written that many times with dates shifted
(``bench_import.replicate``) and imported into a fresh SQLite store in a child process,
twice: once measuring the peak resident set size (``ru_maxrss``), once the peak of Python
allocations (``tracemalloc``, slower). The baseline is the same child's RSS after loading
the code and the gazetteer, before importing. Prints both peaks per factor and the ratio
largest / smallest factor: ~1 means the import streams. (SQLite's page cache is bounded
by the store's ``cache_size``; one part document, about 1 MiB, is held at a time.)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_import import fresh_store, replicate

from missionwatch.eval import MissingData, require


def child(path: Path, db: Path, trace: bool) -> None:
    """Import ``path`` into ``db`` and print the peaks as JSON (run in a subprocess)."""
    import tracemalloc

    from missionwatch.imports import import_un_contributions
    from missionwatch.link.gazetteer import gazetteer
    from missionwatch.store import Store

    gazetteer().find("UNIFIL")
    idle = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:
        tracemalloc.start()
    with Store(db) as store:
        report = import_un_contributions(store, path)
    peak_py = tracemalloc.get_traced_memory()[1] if trace else 0
    print(json.dumps({"idle_kb": idle, "peak_kb": resource.getrusage(
        resource.RUSAGE_SELF).ru_maxrss, "python_peak": peak_py, "claims": report.claims,
        "seconds": report.seconds}))


def measure(path: Path, folder: Path, trace: bool) -> dict[str, float]:
    db = fresh_store(folder, f"m{time.monotonic_ns()}.sqlite")
    done = subprocess.run([sys.executable, __file__, "--child", str(path), str(db)]
                          + (["--trace"] if trace else []),
                          check=True, capture_output=True, text=True)
    db.unlink()
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.trace)
        return 0
    try:
        source = require("un-pko-ipi-contributions") / "Gender.Full.csv"
    except MissingData as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="mw-bench-mem-") as tmp:
        folder = Path(tmp)
        for factor in args.factors:
            path = replicate(source, folder / f"x{factor}.csv", factor)
            rss, py = measure(path, folder, False), measure(path, folder, True)
            rows.append((factor, path.stat().st_size, rss, py))
            print(f"{factor:>3}x  {path.stat().st_size / 2**20:6.1f} MiB  "
                  f"{rss['claims']:>10,.0f} claims in {rss['seconds']:5.1f} s   "
                  f"RSS idle {rss['idle_kb'] / 1024:6.1f} MiB, peak {rss['peak_kb'] / 1024:6.1f} "
                  f"MiB   Python peak {py['python_peak'] / 2**20:6.1f} MiB")
            path.unlink()
    (_, _, rss_lo, py_lo), (_, _, rss_hi, py_hi) = rows[0], rows[-1]
    grown = (rss_hi["peak_kb"] - rss_hi["idle_kb"]) / max(rss_lo["peak_kb"] - rss_lo["idle_kb"], 1)
    ratio = rss_hi["peak_kb"] / rss_lo["peak_kb"]
    print(f"input x{rows[-1][0] // rows[0][0]}: peak RSS x{ratio:.2f} (the import's own share "
          f"x{grown:.2f}), Python peak x{py_hi['python_peak'] / py_lo['python_peak']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
