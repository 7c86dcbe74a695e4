"""How the text puts an event: asserted, planned, expected, conditional, negated, reported.

Cues come from ``data/events.yaml`` (``modality``): words just before the trigger in its
clause ("did not attack", "will meet", "could strike"), a denial verb ("denied attacking"),
a condition opening the clause ("if", "unless"), or a hedge anywhere in the sentence
("reportedly", "according to"). Negation wins over the others, then planned, expected,
conditional and reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.tokens import Token, Tokens, clause_bounds
from missionwatch.extract.events.trie import trie_pattern

WINDOW = 6  # words before the trigger searched for a cue


@dataclass(frozen=True)
class _Cues:
    """The modality cues compiled: a phrase list as one pattern over space-joined words."""

    before: re.Pattern[str]  # any of negated, planned, expected (most words have none)
    negated: re.Pattern[str]
    denial: frozenset[str]
    planned: re.Pattern[str]
    expected: re.Pattern[str]
    conditional_words: frozenset[str]
    conditional: re.Pattern[str]
    reported: re.Pattern[str]


def _phrases(phrases: Sequence[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``phrases`` as whole words in " w1 w2 … " (never
    matches when there are none)."""
    alts = {" ".join(p.lower().split()) for p in phrases}
    if "" in alts:  # an empty cue is found everywhere
        return re.compile("")
    return re.compile(f"(?<= )(?:{trie_pattern(alts)})(?= )")


@cache
def _cues() -> _Cues:
    cues = lexicon().modality
    neg = cues.get("negated", {})
    clause = cues.get("conditional", {}).get("clause", [])
    planned = cues.get("planned", {}).get("before", [])
    expected = cues.get("expected", {}).get("before", [])
    return _Cues(
        before=_phrases([*neg.get("before", []), *planned, *expected]),
        negated=_phrases(neg.get("before", [])),
        denial=frozenset(neg.get("verbs", [])),
        planned=_phrases(planned),
        expected=_phrases(expected),
        conditional_words=frozenset(clause),
        conditional=_phrases(clause),
        reported=_phrases(cues.get("reported", {}).get("anywhere", [])),
    )


def _joined(words: Iterable[str]) -> str:
    return " " + " ".join(words) + " "


def _before(tokens: Sequence[Token], start: int, anchor: int) -> list[str]:
    lo, _ = clause_bounds(tokens, anchor)
    first = max(lo, min(start, anchor) - WINDOW)
    return [t.lower for t in tokens[first : min(start, anchor)]]


def _after_condition(tokens: Sequence[Token], start: int, words: frozenset[str]) -> bool:
    """True for a trigger in the main clause after an opening condition ("If talks fail,
    the army will attack")."""
    if not tokens or tokens[0].lower not in words:
        return False
    comma = next((k for k in range(1, start) if tokens[k].text == ","), None)
    return comma is not None


def modality(tokens: Sequence[Token], start: int, end: int, anchor: int | None = None) -> str:
    """The modality of the trigger at tokens ``start``..``end`` (``anchor``: where the
    event's verb stands, a light verb before a noun trigger)."""
    cues = _cues()
    anchor = start if anchor is None else anchor
    before = _before(tokens, start, anchor)
    before_text = _joined(before)
    cued = cues.before.search(before_text) is not None
    # a trigger that is itself the denial verb is not negated by it
    if (cued and cues.negated.search(before_text)) or not cues.denial.isdisjoint(before):
        return "negated"
    if _after_condition(tokens, start, cues.conditional_words):
        return "conditional"  # "If talks fail, the army will attack the town."
    if cued and cues.planned.search(before_text):
        return "planned"
    if cued and cues.expected.search(before_text):
        return "expected"
    lo, hi = clause_bounds(tokens, start, end - 1)
    if lo > 0 and tokens[lo - 1].lower in cues.conditional_words:
        return "conditional"
    if cues.conditional.search(_joined(t.lower for t in tokens[lo : min(hi, lo + 3)])):
        return "conditional"
    sentence = tokens.joined() if isinstance(tokens, Tokens) else _joined(t.lower for t in tokens)
    if cues.reported.search(sentence):
        return "reported"
    return "asserted"
