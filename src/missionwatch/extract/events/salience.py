"""The main event of a sentence that tells several: the one its main clause states.

An event whose trigger stands in a relative clause ("the leader, who was arrested last
year, called for talks") or in a subordinate clause or phrase put before the main clause
("After the bombing, the army imposed a curfew"; "With the signing of the accord, the two
sides agreed…") is background to the main clause. A fronted phrase holds no finite verb:
"On the same day a strike killed five, and troops detained two" tells two main events.
The main event is the first event that is not background; when all are, the first one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from missionwatch.extract.events.clauses import RELATIVE
from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.size import bound_at
from missionwatch.extract.events.tokens import Token, clause_bounds, starts, tokenize
from missionwatch.extract.events.tokens import words as lows

if TYPE_CHECKING:
    from missionwatch.extract.events.extract import Event


#: words after a comma that join a second clause to a first, not a main clause to a phrase
COORDINATORS = frozenset({"and", "but", "or", "yet", "so", "while", "whereas"})


@cache
def _openers() -> tuple[frozenset[str], frozenset[str]]:
    """(words that open a relative or subordinate clause, words that open a fronted
    clause or phrase)."""
    grammar = lexicon().grammar
    subordinators = frozenset(grammar["subordinators"])
    return RELATIVE | subordinators, frozenset(grammar["fronting"]) | subordinators


def background(tokens: Sequence[Token], index: int) -> bool:
    """True when token ``index`` stands in a relative clause, in an adverbial clause
    ("after", "when", "because"…), or in a phrase that opens the sentence with a
    preposition and ends at a comma before the main clause."""
    clause_openers, fronting = _openers()
    lo, _ = clause_bounds(tokens, index)
    if lo > 0 and tokens[lo - 1].lower in clause_openers:
        if lo == 1 or tokens[lo - 2].text == ",":
            # set off by a comma, it ends at the next one: "the leader, who was arrested
            # last year, called for talks"; "After the bombing, the army imposed ..."
            return _before_comma(tokens, lo, index, True)
        return True
    if not tokens or tokens[0].lower not in fronting or bound_at(lows(tokens), 0):
        return False  # "At least 12 people were killed": a count, not a fronted phrase
    comma = next((k for k in range(len(tokens)) if tokens[k].text == ","), -1)
    if 0 <= comma < len(tokens) - 1 and tokens[comma + 1].lower in COORDINATORS:
        return False  # "On the same day a strike killed five, and troops …": a clause
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
    token_starts = starts(tokens)
    out = set()
    for k, ev in enumerate(events):
        at = bisect_left(token_starts, ev.trigger[0])
        if at < len(tokens) and background(tokens, at):
            out.add(k)
    return set() if len(out) == len(events) else out


def main_event(events: Sequence[Event], text: str) -> Event | None:
    """The main event among ``events`` (those of one sentence, in text order); ``text``
    is the document text their offsets point into."""
    behind = backgrounded(events, text)
    return next((ev for k, ev in enumerate(events) if k not in behind), None)
