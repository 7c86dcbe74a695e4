"""A proposed mention, before overlaps are resolved."""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass


@dataclass(slots=True)
class Candidate:
    """``start``/``end`` index the squeezed view of the text (see :class:`View`)."""

    start: int
    end: int
    entity: str
    how: str = "alias"
    rank: int = 0  # lower wins between candidates of the same span


class Spans:
    """Non-overlapping spans taken so far, for quick overlap tests."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        pos = bisect_left(self._spans, (start, end))
        if pos and self._spans[pos - 1][1] > start:
            return False
        return not (pos < len(self._spans) and self._spans[pos][0] < end)

    def take(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))

    def release(self, start: int, end: int) -> None:
        self._spans.remove((start, end))


def select(candidates: list[Candidate], taken: Spans | None = None) -> list[Candidate]:
    """Longest first, then earliest, then lowest rank; no overlaps (with ``taken`` either)."""
    spans = taken if taken is not None else Spans()
    chosen = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start, c.rank)):
        if spans.free(cand.start, cand.end):
            spans.take(cand.start, cand.end)
            chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen
