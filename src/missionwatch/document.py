"""The :class:`Document` that flows through the extraction pipeline, and its annotations.

Every annotation holds character offsets into ``Document.text`` (the text as given:
``document.text[a.start:a.end] == a.text``). Steps fill the lists in pipeline order:
sentences → mentions → times → quantities → quotes → claims (see ``extract/pipeline.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from missionwatch.dates import PartialDate
from missionwatch.model import Claim, Entity, Span

DateSource = Literal["argument", "metadata", "dateline", "html", "inferred", "none"]


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0
    #: "body", "caption" (photo caption or credit), "byline", "dateline" or "credit"
    role: str = "body"


@dataclass
class Mention:
    """A place in the text that names or refers to an entity."""

    start: int
    end: int
    text: str
    entity: str  # entity id
    type: str  # entity type
    name: str = ""  # the entity's canonical name
    how: str = "alias"  # alias | title | propagated | pronoun | role | demonym

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "entity": self.entity, "name": self.name, "type": self.type, "how": self.how}


@dataclass
class Timex:
    """A TIMEX3-style time expression.

    ``value`` is the normalised TIMEX3 value at the precision the text supports
    (``2018``, ``2020-01``, ``2020-01-07``, ``2020-W07``, ``2020-Q1``, ``P2Y``,
    ``PRESENT_REF``…); ``underspecified`` is what recognition emitted before resolution
    (``XXXX-01-08``, ``DCT-1M``, ``REF-1D``, ``WD-FRI``).
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str = ""
    mod: str = ""  # EARLY | MID | LATE | APPROX | START | END | BEFORE | AFTER …
    underspecified: str = ""
    rule: str = ""
    inferred: bool = False  # resolved against an inferred reference date
    end_value: str = ""  # for ranges ("from January to March"): the end's value

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text,
                                "type": self.type, "value": self.value}
        if self.mod:
            data["mod"] = self.mod
        if self.end_value:
            data["end_value"] = self.end_value
        if self.inferred:
            data["inferred"] = True
        return data


@dataclass
class Quantity:
    """A number as written, with its normalised bounds."""

    start: int
    end: int
    text: str
    low: float | None
    best: float | None
    high: float | None
    approx: bool = False
    bound: str = ""  # "" | "at-least" | "at-most" | "range" | "vague" | "none-additional"
    head: str = ""  # the noun it counts: trainers, troops, force…
    unit: str = ""  # "personnel" when the head is a kind of people in uniform

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "low": self.low,
                "best": self.best, "high": self.high, "approx": self.approx,
                "bound": self.bound, "head": self.head, "unit": self.unit}

    def as_value(self) -> dict[str, Any]:
        """The claim value of a ``mission.personnel`` or ``mission.cap`` claim."""
        return {"verbatim": self.text, "low": self.low, "best": self.best,
                "high": self.high, "approx": self.approx}


@dataclass
class Quote:
    """A direct or reported statement with its cue and speaker."""

    start: int
    end: int
    text: str
    direct: bool
    cue: Span | None = None
    speaker: str = ""  # resolved canonical name
    speaker_entity: str = ""  # entity id when linked
    speaker_span: Span | None = None
    #: person | organisation | unnamed ("a senior official", no speaker) | document ("the
    #: National Defense Strategy", "a Pentagon report")
    speaker_type: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text, "direct": self.direct,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker or None,
            "speaker_entity": self.speaker_entity or None,
            "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
            "speaker_type": self.speaker_type or None,
        }


@dataclass
class Document:
    """One input document and everything the pipeline found in it."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    origin: str = ""  # the file (and line, for JSON Lines) it came from
    published: PartialDate | None = None
    date_source: DateSource = "none"
    meta: dict[str, Any] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[Timex] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    #: entities first met in this document (persons, bodies) that the gazetteer lacks
    entities: dict[str, Entity] = field(default_factory=dict)
    #: the steps that have run, in order
    done: list[str] = field(default_factory=list)

    @property
    def reference_inferred(self) -> bool:
        return self.date_source == "inferred"

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains ``offset`` (binary search over sorted sentences)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            sent = self.sentences[mid]
            if offset < sent.start:
                hi = mid - 1
            elif offset >= sent.end:
                lo = mid + 1
            else:
                return sent
        return None

    def header(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title or None, "url": self.url or None,
                "origin": self.origin or None,
                "published": self.published.iso() if self.published else None,
                "date_source": self.date_source}

    def to_dict(self) -> dict[str, Any]:
        """The ``extract --json`` view of the document."""
        return {
            "document": self.header(),
            "sentences": len(self.sentences),
            "times": [t.to_dict() for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
            "mentions": [m.to_dict() for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
        }
