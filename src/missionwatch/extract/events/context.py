"""What the event reader keeps while it walks a document's sentences.

Most sentences hold no event trigger; their noun phrases are never read, and their places
only matter when a later sentence of the same paragraph has an event with no place of its
own ("In Helmand province, … The force …"). So the places of a sentence are read when
first asked for, and the mentions of a span are found by bisection, not by a scan of the
whole document for each sentence; a sentence's times told (not in a relative clause) are
read only when an undated event asks for them. Little is kept from one sentence to the
next (tokens only while their paragraph is being read), so that the garbage collector
has few long-lived objects to go over.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

from missionwatch.document import Document, Mention, Sentence
from missionwatch.extract.events.clauses import relative_clause
from missionwatch.extract.events.phrases import Phrase, phrases
from missionwatch.extract.events.places import Place, sentence_places
from missionwatch.extract.events.timing import EventTime, report_verb_at
from missionwatch.extract.events.tokens import Token, tokenize


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
        if lo == hi:
            return []
        found = sorted(i for i in self._order[lo:hi] if self._items[i].end <= end)
        return [self._items[i] for i in found]


class ParagraphPlaces:
    """The sentences read so far in each paragraph, for the last place named in it.

    A sentence is added with its places when they were read, else with its span; the
    places of a span are read (by ``read``, from its tokens when they are known) only when
    asked for. Only small values are kept (spans, lists of places); the tokens of a
    sentence only while its paragraph is the one being read."""

    def __init__(
        self, read: Callable[[tuple[int, int], Sequence[Token] | None], list[Place]]
    ) -> None:
        self._read = read
        self._sentences: dict[int, list[tuple[int, int] | list[Place]]] = {}
        self._paragraph: int | None = None
        self._tokens: dict[tuple[int, int], Sequence[Token]] = {}

    def add(
        self,
        paragraph: int,
        sentence: tuple[int, int] | list[Place],
        tokens: Sequence[Token] | None = None,
    ) -> None:
        """Add a sentence of ``paragraph``: its span (and its tokens, when read), or its
        places when read already."""
        if paragraph != self._paragraph:
            self._paragraph = paragraph
            self._tokens.clear()
        if tokens is not None and isinstance(sentence, tuple):
            self._tokens[sentence] = tokens
        self._sentences.setdefault(paragraph, []).append(sentence)

    def last(self, paragraph: int) -> Place | None:
        """The place of ``paragraph`` so far for an event that names none: the last one
        that set a scene ("In Zharay district, Kandahar province, forces …"), else the
        last one named (None when none is)."""
        sentences = self._sentences.get(paragraph, [])
        last: Place | None = None
        for k in range(len(sentences) - 1, -1, -1):
            entry = sentences[k]
            if isinstance(entry, tuple):
                entry = sentences[k] = self._read(entry, self._tokens.get(entry))
            scenes = [p for p in entry if p.scene]
            if scenes:
                return scenes[-1]
            last = last or (entry[-1] if entry else None)
        return last


_Times = tuple[tuple[int, int], Sequence[EventTime]]  # a sentence's span and times


class ParagraphTimes:
    """The dated times told in each paragraph (not those in a relative clause), for the
    time an undated event takes. A sentence that was not tokenized is added with its span
    and times; which of them are told is read (by ``told``) only when asked for."""

    def __init__(
        self, told: Callable[[tuple[int, int], Sequence[EventTime]], list[EventTime]]
    ) -> None:
        self._told = told
        self._sentences: dict[int, list[_Times | list[EventTime]]] = {}

    def add(self, paragraph: int, sentence: tuple[int, int], times: Sequence[EventTime]) -> None:
        """Add a sentence of ``paragraph`` with its (dated) ``times``, not read yet."""
        self._sentences.setdefault(paragraph, []).append((sentence, times))

    def add_told(self, paragraph: int, told: list[EventTime]) -> None:
        """Add the times told in a sentence of ``paragraph``."""
        if told:
            self._sentences.setdefault(paragraph, []).append(told)

    def before(self, paragraph: int, paragraphs: int) -> EventTime | None:
        """The time an undated event of ``paragraph`` takes: the last told in it, else the
        last day told in the ``paragraphs`` paragraphs before it."""
        time = self.last(paragraph)
        if time is not None:
            return time
        for p in range(paragraph - 1, paragraph - paragraphs - 1, -1):
            time = self.last(p)
            if time is not None and time.date.precision == "day":
                return time
        return None

    def last(self, paragraph: int) -> EventTime | None:
        """The last time told in ``paragraph`` so far (None when none is)."""
        sentences = self._sentences.get(paragraph, [])
        for k in range(len(sentences) - 1, -1, -1):
            entry = sentences[k]
            if isinstance(entry, tuple):
                entry = sentences[k] = self._told(*entry)
            if entry:
                return entry[-1]
        return None


def read_places(
    doc: Document,
    index: SpanIndex[Mention],
    countries: list[str],
    span: tuple[int, int],
    tokens: Sequence[Token] | None,
) -> list[Place]:
    """The places of the sentence at ``span`` (``tokens``: its tokens, if known)."""
    if tokens is None:
        tokens = tokenize(doc.text[span[0] : span[1]], span[0])
    if not tokens:
        return []  # a sentence without tokens names no place
    return sentence_places(doc, tokens, index.within(*span), countries)


def told_times(doc: Document, span: tuple[int, int], times: Sequence[EventTime]) -> list[EventTime]:
    """The times of the sentence at ``span`` that a later undated event may take."""
    tokens = tokenize(doc.text[span[0] : span[1]], span[0])
    return told(doc.text, tokens, times) if tokens else []


def told(text: str, tokens: Sequence[Token], times: Sequence[EventTime]) -> list[EventTime]:
    """The times of a sentence (``tokens``) that a later undated event may take: not those
    in a relative clause, nor those of a report ("forces confirmed Monday the arrest")."""
    return [
        t
        for t in times
        if not relative_clause(tokens, t.timex.start) and report_verb_at(text, t) is None
    ]


class SentenceReading:
    """A sentence with triggers, as the event reader reads it. Its mentions, noun
    phrases, places and the tokens inside time expressions are read when first asked for:
    a sentence whose triggers are all dropped never needs most of them."""

    def __init__(
        self,
        doc: Document,
        sentence: Sentence,
        tokens: Sequence[Token],
        span: tuple[int, int],
        times: list[EventTime],
        mention_index: SpanIndex[Mention],
        countries: list[str],
    ) -> None:
        self.doc = doc
        self.sentence = sentence
        self.tokens = tokens
        self.span = span
        self.times = times
        self.clauses: list[tuple[int, int]] = []  # every trigger's clause
        self._mention_index = mention_index
        self._countries = countries
        self._mentions: list[Mention] | None = None
        self._phrases: list[Phrase] | None = None
        self._places: list[Place] | None = None
        self._blocked: frozenset[int] | None = None

    @property
    def mentions(self) -> list[Mention]:
        if self._mentions is None:
            self._mentions = self._mention_index.within(*self.span)
        return self._mentions

    @property
    def phrases(self) -> list[Phrase]:
        if self._phrases is None:
            self._phrases = phrases(self.tokens, self.mentions)
        return self._phrases

    @property
    def places(self) -> list[Place]:
        if self._places is None:
            self._places = sentence_places(self.doc, self.tokens, self.mentions, self._countries)
        return self._places

    @property
    def blocked(self) -> frozenset[int]:
        """The tokens inside time expressions."""
        if self._blocked is None:
            self._blocked = frozenset(
                k
                for time in self.times
                for k, t in enumerate(self.tokens)
                if time.timex.start <= t.start and t.end <= time.timex.end
            )
        return self._blocked

    def places_read(self) -> list[Place] | None:
        """The places, if they were read."""
        return self._places

    def other_clauses(self, lo: int, hi: int) -> list[tuple[int, int]]:
        return [c for c in self.clauses if c != (lo, hi)]
