"""The main event of a sentence that tells several: the one its main clause states.

An event whose trigger stands in a relative clause ("the leader, who was arrested last
year, called for talks") or in a subordinate clause or phrase put before the main clause
("After the bombing, the army imposed a curfew"; "With the signing of the accord, the two
sides agreed…") is background to the main clause. The main event is the first event
that is not background; when all are, the first one.
"""

from __future__ import annotations

from collections.abc import Sequence

from missionwatch.extract.events.extract import Event
from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.tokens import Token, clause_bounds, tokenize

#: words that open a relative clause
RELATIVE = frozenset({"who", "whom", "whose", "which"})


def _subordinators() -> frozenset[str]:
    return frozenset(lexicon().grammar["subordinators"])


def background(tokens: Sequence[Token], index: int) -> bool:
    """True when token ``index`` stands in a relative clause, in an adverbial clause
    ("after", "when", "because"…), or in a phrase that opens the sentence with a
    preposition and ends at a comma before the main clause."""
    lo, _ = clause_bounds(tokens, index)
    if lo > 0 and tokens[lo - 1].lower in RELATIVE | _subordinators():
        if lo == 1 or tokens[lo - 2].text == ",":
            # set off by a comma, it ends at the next one: "the leader, who was arrested
            # last year, called for talks"; "After the bombing, the army imposed ..."
            return _before_comma(tokens, lo, index, True)
        return True
    if not tokens or tokens[0].lower not in lexicon().grammar["fronting"] | _subordinators():
        return False
    return _before_comma(tokens, 0, index, False)


def _before_comma(tokens: Sequence[Token], start: int, index: int, no_comma: bool) -> bool:
    """True when ``index`` stands before the first comma after ``start`` (``no_comma``
    when there is none)."""
    comma = next((k for k in range(start, len(tokens)) if tokens[k].text == ","), -1)
    return no_comma if comma < 0 else index < comma


def backgrounded(events: Sequence[Event], text: str) -> set[int]:
    """The positions in ``events`` (those of one sentence, in text order) of the events
    told in the background; none when every event is (the first is then the main one)."""
    if len(events) < 2:
        return set()
    start, end = events[0].span
    tokens = events[0].tokens or tokenize(text[start:end], start)
    out = set()
    for k, ev in enumerate(events):
        at = next((j for j, t in enumerate(tokens) if t.start >= ev.trigger[0]), -1)
        if at >= 0 and background(tokens, at):
            out.add(k)
    return set() if len(out) == len(events) else out


def main_event(events: Sequence[Event], text: str) -> Event | None:
    """The main event among ``events`` (those of one sentence, in text order); ``text``
    is the document text their offsets point into."""
    if len(events) < 2:
        return events[0] if events else None
    start, end = events[0].span
    tokens = tokenize(text[start:end], start)
    for ev in events:
        at = next((k for k, t in enumerate(tokens) if t.start >= ev.trigger[0]), -1)
        if at < 0 or not background(tokens, at):
            return ev
    return events[0]
