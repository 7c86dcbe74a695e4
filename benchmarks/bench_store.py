"""Synthetic UN-style personnel claims for throughput and latency measurements.

``python benchmarks/bench_store.py DB N [--bulk]`` fills ``DB`` with ``N`` claims (missions ×
contributors × roles × months, like the UN contribution tables) and prints the
``add_claims`` throughput and the "state as of" latency (p50/p99).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Iterator

from missionwatch.model import Claim, Source

ROLES = ("troops", "individual police", "formed police units", "experts on mission")


def personnel_claims(n: int, *, missions: int = 40, contributors: int = 120,
                     seed: int = 7) -> Iterator[Claim]:
    """``n`` distinct ``mission.personnel`` claims, month precision, from 1990 onwards."""
    rng = random.Random(seed)
    per_month = missions * 30  # (mission, contributor) pairs active each month
    produced = 0
    month = 0
    while produced < n:
        year, mon = 1990 + month // 12, month % 12 + 1
        date = f"{year:04d}-{mon:02d}"
        for pair in range(per_month):
            mission = pair % missions
            contributor = (pair * 7 + month // 24) % contributors
            for role in ROLES:
                if produced >= n:
                    return
                count = rng.randint(0, 900)
                female = count // 10
                line = month * per_month * 4 + produced
                yield Claim(
                    kind="mission.personnel", subject=f"mission:m{mission}",
                    value={"verbatim": str(count), "low": count, "best": count,
                           "high": count, "approx": False},
                    qualifiers={"contributor": f"country:c{contributor}", "role": role,
                                "female": female, "male": count - female},
                    date=date, precision="month", confidence=1.0,
                    source=Source("synthetic.csv", line, line + 1, f"row {line}",
                                  "import.synthetic", "1"),
                    recorded_at="2024-01-01T00:00:00+00:00",
                )
                produced += 1
        month += 1


def main(path: str, n: int, bulk: bool) -> None:
    from missionwatch.query.state import state_as_of
    from missionwatch.store import Store

    claims = list(personnel_claims(n))
    with Store(path) as store:
        start = time.perf_counter()
        added = store.add_claims(claims, bulk=bulk)
        took = time.perf_counter() - start
        rate = n / took
        print(f"add_claims(bulk={bulk}): {added} new of {n} in {took:.2f} s = {rate:,.0f} claims/s")
        start = time.perf_counter()
        again = store.add_claims(claims)
        took = time.perf_counter() - start
        print(f"re-add: {again} new in {took:.2f} s = {n / took:,.0f} claims/s")
        last_year = 1990 + (n // (40 * 30 * 4)) // 12
        timings = []
        rng = random.Random(1)
        for _ in range(200):
            mission = f"mission:m{rng.randrange(40)}"
            as_of = f"{rng.randint(1990, last_year)}-{rng.randint(1, 12):02d}"
            start = time.perf_counter()
            state = state_as_of(store, mission, as_of)
            timings.append(time.perf_counter() - start)
        timings.sort()
        print(f"state_as_of ({len(state.personnel)} personnel groups in the last): "
              f"p50 {statistics.median(timings) * 1000:.2f} ms, "
              f"p99 {timings[int(len(timings) * 0.99) - 1] * 1000:.2f} ms")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), "--bulk" in sys.argv[3:])
