"""PLOVER-coded events read from text: triggers, arguments, size, modality, place, time.

:func:`event_claims` turns a document (with sentences, mentions, times and quantities)
into ``event`` claims; the ``events`` pipeline step (``extract/steps/events.py``) appends
them to ``doc.claims``. The word lists are data: ``data/events.yaml`` (triggers per PLOVER
category, modes, modality cues, counting words, discard list) and ``data/regions.yaml``.
"""

from __future__ import annotations

import itertools
from typing import Any

from missionwatch.document import Document
from missionwatch.extract.events.extract import Event, find_events
from missionwatch.extract.events.salience import backgrounded
from missionwatch.model import Claim, Source
from missionwatch.vocab import vocabulary

EXTRACTOR = "events"
VERSION = "1"

__all__ = ["EXTRACTOR", "VERSION", "Event", "event_claims", "find_events", "to_claim"]


def qualifiers(ev: Event, text: str = "") -> dict[str, Any]:
    """The claim qualifiers of an event (only names ``vocab/claims.yaml`` allows);
    ``text`` is the document's text, for the trigger words as written."""
    out: dict[str, Any] = {}
    if text and ev.trigger[1] > ev.trigger[0]:
        out["trigger"] = " ".join(text[ev.trigger[0] : ev.trigger[1]].split())
    if ev.recipient is not None:
        out["recipient"] = ev.recipient.entity
        name = ev.recipient.text or ev.recipient.name
        if name:
            out["recipient_name"] = name
    if ev.target:
        out["target"] = ev.target
    if ev.place is not None:
        place = ev.place.to_qualifier()
        if place:
            out["place"] = place
    out["mode"] = ev.mode or "other"
    if ev.contexts:
        out["context"] = ev.contexts
    for kind in ("killed", "injured", "detained"):
        if kind in ev.sizes:
            out[kind] = ev.sizes[kind].to_qualifier()
    if ev.perfect:
        out["perfect"] = True
    return out


def _confidence(ev: Event) -> float:
    score = ev.strength
    if ev.actor is not None and ev.actor.mention is not None:
        score += 0.1
    elif ev.actor is None:
        score -= 0.1
    if ev.time is not None and ev.inherited_time:
        score -= 0.05
    return round(min(0.9, max(0.2, score)), 2)


def to_claim(doc: Document, ev: Event, background: bool = False) -> Claim:
    """The ``event`` claim of one event (checked against the vocabulary); ``background``
    when its sentence tells it as background to another."""
    start, end = ev.span if ev.span[1] > ev.span[0] else (ev.sentence.start, ev.sentence.end)
    subject, name = "", ""
    if ev.actor is not None:
        mention = ev.actor.mention
        if mention is not None:
            subject, name = mention.entity, mention.name or mention.text
        else:
            name = ev.actor.text
    quals = qualifiers(ev, doc.text)
    if background:
        quals["background"] = True
    vocabulary().check("event", ev.category, quals, ev.modality)
    date = date_end = precision = None
    inferred = False
    if ev.time is not None:
        date = ev.time.date.iso()
        precision = ev.time.date.precision
        date_end = ev.time.end.iso() if ev.time.end else None
        inferred = ev.time.inferred or doc.reference_inferred
    return Claim(
        kind="event",
        subject=subject,
        subject_name=name,
        value=ev.category,
        source=Source(doc.id, start, end, doc.text[start:end], EXTRACTOR, VERSION),
        qualifiers=quals,
        date=date,
        date_end=date_end,
        precision=precision,
        date_inferred=inferred,
        modality=ev.modality,  # type: ignore[arg-type]
        confidence=_confidence(ev),
    )


def event_claims(doc: Document) -> list[Claim]:
    """Every event claim of ``doc``, in text order, without duplicates. An event told in
    the background of its sentence (a relative clause, a fronted "After the bombing,")
    has the qualifier ``background``."""
    seen: set[str] = set()
    out: list[Claim] = []
    events = find_events(doc)
    for _, group in itertools.groupby(events, key=lambda ev: id(ev.sentence)):
        sentence = list(group)
        behind = backgrounded(sentence, doc.text)
        for k, ev in enumerate(sentence):
            claim = to_claim(doc, ev, background=k in behind)
            if claim.id not in seen:
                seen.add(claim.id)
                out.append(claim)
    return out
