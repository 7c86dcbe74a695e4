"""How the events of a paragraph join and share what they tell: two triggers of one clause
are one event (``merge``), an event without a place or time takes those of the event
before it by the same actor (``inherit``), and the place a force's event took sets the
scene for the paragraph's later unplaced events (``scenes``)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from missionwatch.extract.events.coding import GENERIC_MODES
from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.places import Place

if TYPE_CHECKING:
    from missionwatch.extract.events.extract import Event
    from missionwatch.extract.events.timing import EventTime


def merge(into: Event, other: Event) -> None:
    """Join ``other`` (a second trigger of the same clause, or an event pointing back to
    people counted before) into ``into``: what one lacks the other gives; counts of new
    people add up."""
    into.actor = into.actor or other.actor
    into.recipient = into.recipient or other.recipient
    into.target = into.target or other.target
    into.place = into.place or other.place
    into.time = into.time or other.time
    if into.mode in GENERIC_MODES and other.mode not in GENERIC_MODES:
        into.mode = other.mode
    for kind, count in other.sizes.items():
        if kind not in into.sizes:
            into.sizes[kind] = count
        elif new_people(into, other):
            # "arrested a weapons dealer and detained several suspected insurgents"
            into.sizes[kind] = into.sizes[kind] + count
    into.victims.extend(other.victims)
    into.pointing.extend(other.pointing)
    into.strength = max(into.strength, other.strength)


def new_people(into: Event, other: Event) -> bool:
    """True when ``other`` counts people ``into`` has not counted: its victims are
    elsewhere in the text and are not a pronoun ("captured a leader and detained him")."""
    fresh = [v for v in other.victims if v not in other.pointing]
    overlap = any(a < d and c < b for a, b in into.victims for c, d in fresh)
    return bool(fresh) and not overlap


def same_clause(a: Event, b: Event) -> bool:
    """True for two triggers of one clause that tell one event; "seized weapons and
    detained two men" tells two (COERCE's modes differ: seize, arrest)."""
    return (
        a.sentence is b.sentence
        and a.clause == b.clause
        and a.category == b.category
        and a.modality == b.modality
        and not (
            a.category in _distinct_modes()
            and a.mode != b.mode
            and a.mode not in GENERIC_MODES
            and b.mode not in GENERIC_MODES
        )
    )


@cache
def _distinct_modes() -> frozenset[str]:
    """Categories whose modes are separate acts (``distinct_modes`` in the data)."""
    return frozenset(str(c) for c in lexicon().raw.get("distinct_modes", []))


def scenes(places: list[Place], new: Sequence[Event]) -> list[Place]:
    """The places of a sentence, those its own events took (by someone not an armed group:
    "a patrol killed one insurgent in Helmand province") marked as setting a new scene for
    the paragraph's later unplaced events; a place told of an insurgent's deeds does not."""
    taken = {id(ev.place) for ev in new if ev.actor is not None and ev.actor_sector != "armed"}
    if not taken:
        return places
    return [replace(p, scene=True) if id(p) in taken else p for p in places]


def compatible(a: Event, b: Event) -> bool:
    if a.actor is None or b.actor is None:
        return True
    ma, mb = a.actor.mention, b.actor.mention
    if ma and mb:
        return ma.entity == mb.entity
    return a.actor.text == b.actor.text


def same_actor(a: Event, b: Event) -> bool:
    if a.actor is None or b.actor is None:
        return True
    ma, mb = a.actor.mention, b.actor.mention
    if ma is not None and mb is not None:
        return ma.entity == mb.entity
    return bool(a.actor.sector) and a.actor.sector == b.actor.sector


def inherit(events: list[Event]) -> None:
    """An event without a place or time in its sentence takes those of the event before it
    in the same paragraph by the same actor (press releases name them once)."""
    for prev, ev in itertools.pairwise(events):
        if ev.paragraph != prev.paragraph or not same_actor(prev, ev):
            continue
        if ev.place is None and prev.place is not None:
            ev.place = prev.place
        if (
            ev.time is None
            and prev.time is not None
            and not prev.clause_time
            and ev.modality == prev.modality
            and not ev.perfect
        ):
            ev.time = prev.time
            ev.inherited_time = True


#: a sentence that dates what was told before it: "The operation took place Tuesday."
_DATING = re.compile(
    r"^\W*(?:the|this|that)\s+(?:\w+\s+)?(?:operation|operations|raid|raids|attack|attacks|"
    r"strike|strikes|incident|ambush|clash|clashes|engagement|arrest|arrests|search)\s+"
    r"(?:took\s+place|occurred|happened|was\s+conducted|were\s+conducted|"
    r"was\s+carried\s+out|were\s+carried\s+out)\b",
    re.IGNORECASE,
)


def dates_earlier(text: str) -> bool:
    """True for a sentence whose time dates an operation told before it ("The operation
    took place Tuesday", "The raid was conducted overnight")."""
    return _DATING.match(text) is not None


def date_back(events: Sequence[Event], paragraph: int, time: EventTime) -> None:
    """Give ``time`` to the undated events asserted or reported before it in ``paragraph``,
    back to the first one that has a date of its own."""
    for ev in reversed(events):
        if ev.paragraph != paragraph or ev.time is not None:
            break
        if ev.modality in {"asserted", "reported"} and not ev.perfect:
            ev.time, ev.inherited_time = time, True
