"""The stored unit: a source-cited :class:`Claim`, and the :class:`Entity` it is about.

A claim's id is a hash of what it says and where it was said (document, offsets, kind,
subject, value, qualifiers, valid time, modality), so the same document read twice yields
the same ids and re-ingesting adds nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "planned", "expected", "conditional", "negated", "reported"]
ReviewStatus = Literal["candidate", "accepted", "rejected"]
EntityType = Literal["country", "organisation", "mission", "person", "place"]


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: the form hashed into ids and stored.
    (One shared encoder: ``json.dumps`` with options builds a new one on every call.)"""
    return _CANONICAL.encode(value)


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Entity:
    """A country, organisation, mission, person or place with a stable id."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Source:
    """Where a claim comes from: a document and the exact span that supports it."""

    document: str
    start: int
    end: int
    text: str
    extractor: str = "missionwatch"
    extractor_version: str = "0"

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end,
                "text": self.text, "extractor": self.extractor,
                "extractor_version": self.extractor_version}


@dataclass
class Claim:
    """One source-cited statement about an entity, valid at a (partial) time.

    ``date`` and ``date_end`` are partial ISO dates (``2020``, ``2020-01``, ``2020-01-07``);
    ``precision`` is that of ``date``. ``date_inferred`` is true when the date was resolved
    against a reference date that was itself inferred from the text.
    """

    kind: str
    subject: str
    value: Any
    source: Source
    qualifiers: dict[str, Any] = field(default_factory=dict)
    date: str | None = None
    date_end: str | None = None
    precision: str | None = None
    date_inferred: bool = False
    modality: Modality = "asserted"
    confidence: float = 0.5
    status: ReviewStatus = "candidate"
    recorded_at: str = ""
    subject_name: str = ""
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = self.make_id()
        if not self.recorded_at:
            self.recorded_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")

    def make_id(self) -> str:
        key = canonical_json([
            self.source.document, self.source.start, self.source.end, self.kind,
            self.subject, self.value, self.qualifiers, self.date, self.date_end, self.modality,
        ])
        return "c-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]

    def to_dict(self) -> dict[str, Any]:
        """The claim as the CLI prints it (``claims --json``)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "subject": self.subject,
            "subject_name": self.subject_name,
            "value": self.value,
            "date": self.date,
            "date_end": self.date_end,
            "precision": self.precision,
            "date_inferred": self.date_inferred,
            "modality": self.modality,
            "qualifiers": self.qualifiers,
            "source": self.source.to_dict(),
            "confidence": self.confidence,
            "status": self.status,
            "recorded_at": self.recorded_at,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(
            kind=data["kind"], subject=data["subject"], value=data["value"],
            source=Source(**data["source"]), qualifiers=dict(data.get("qualifiers") or {}),
            date=data.get("date"), date_end=data.get("date_end"),
            precision=data.get("precision"), date_inferred=bool(data.get("date_inferred")),
            modality=data.get("modality", "asserted"),
            confidence=float(data.get("confidence", 0.5)),
            status=data.get("status", "candidate"), recorded_at=data.get("recorded_at", ""),
            subject_name=data.get("subject_name", ""), id=data.get("id", ""),
        )
