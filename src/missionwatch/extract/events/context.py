"""What the event reader keeps while it walks a document's sentences.

Most sentences hold no event trigger; their noun phrases are never read, and their places
only matter when a later sentence of the same paragraph has an event with no place of its
own ("In Helmand province, … The force …"). So the places of a sentence are read when
first asked for, and the mentions of a span are found by bisection, not by a scan of the
whole document for each sentence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

from missionwatch.extract.events.places import Place


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


class SpanIndex(Generic[S]):
    """Items with character offsets, looked up by the span that holds them."""

    def __init__(self, items: Sequence[S]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda i: items[i].start)
        self._starts = [items[i].start for i in self._order]

    def within(self, start: int, end: int) -> list[S]:
        """The items with ``start <= item.start`` and ``item.end <= end``, in their order."""
        lo = bisect_left(self._starts, start)
        hi = bisect_right(self._starts, end)
        found = sorted(i for i in self._order[lo:hi] if self._items[i].end <= end)
        return [self._items[i] for i in found]


class LazyPlaces:
    """The places of one sentence, read on first use."""

    def __init__(self, read: Callable[[], list[Place]]) -> None:
        self._read: Callable[[], list[Place]] | None = read
        self._places: list[Place] = []

    @property
    def places(self) -> list[Place]:
        if self._read is not None:
            self._places, self._read = self._read(), None
        return self._places


class ParagraphPlaces:
    """The sentences read so far in each paragraph, for the last place named in it."""

    def __init__(self) -> None:
        self._sentences: dict[int, list[LazyPlaces]] = {}

    def add(self, paragraph: int, places: LazyPlaces) -> None:
        self._sentences.setdefault(paragraph, []).append(places)

    def last(self, paragraph: int) -> Place | None:
        """The last place named in ``paragraph`` so far (None when none is)."""
        for sentence in reversed(self._sentences.get(paragraph, [])):
            if sentence.places:
                return sentence.places[-1]
        return None
