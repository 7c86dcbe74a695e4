"""How the text puts an event: asserted, planned, expected, conditional, negated, reported.

Cues come from ``data/events.yaml`` (``modality``): words just before the trigger in its
clause ("did not attack", "will meet", "could strike"), a denial verb ("denied attacking"),
a condition opening the clause ("if", "unless"), or a hedge anywhere in the sentence
("reportedly", "according to"). Negation wins over the others, then planned, expected,
conditional and reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.tokens import Token, clause_bounds

WINDOW = 6  # words before the trigger searched for a cue


def _has_phrase(words: Sequence[str], phrase: str) -> bool:
    parts = phrase.lower().split()
    n = len(parts)
    return any(list(words[k : k + n]) == parts for k in range(len(words) - n + 1))


def _before(tokens: Sequence[Token], start: int, anchor: int) -> list[str]:
    lo, _ = clause_bounds(tokens, anchor)
    first = max(lo, min(start, anchor) - WINDOW)
    return [t.lower for t in tokens[first : min(start, anchor)]]


def modality(tokens: Sequence[Token], start: int, end: int, anchor: int | None = None) -> str:
    """The modality of the trigger at tokens ``start``..``end`` (``anchor``: where the
    event's verb stands, a light verb before a noun trigger)."""
    cues = lexicon().modality
    anchor = start if anchor is None else anchor
    before = _before(tokens, start, anchor)
    lo, hi = clause_bounds(tokens, start, end - 1)
    clause = [t.lower for t in tokens[lo:hi]]
    sentence = [t.lower for t in tokens]
    # a trigger that is itself the denial verb is not negated by it
    neg = cues.get("negated", {})
    if any(_has_phrase(before, p) for p in neg.get("before", [])):
        return "negated"
    if any(w in neg.get("verbs", []) for w in before):
        return "negated"
    if any(_has_phrase(before, p) for p in cues.get("planned", {}).get("before", [])):
        return "planned"
    if any(_has_phrase(before, p) for p in cues.get("expected", {}).get("before", [])):
        return "expected"
    if lo > 0 and tokens[lo - 1].lower in cues.get("conditional", {}).get("clause", []):
        return "conditional"
    if any(_has_phrase(clause[:3], p) for p in cues.get("conditional", {}).get("clause", [])):
        return "conditional"
    if any(_has_phrase(sentence, p) for p in cues.get("reported", {}).get("anywhere", [])):
        return "reported"
    return "asserted"
