"""Where the trigger patterns of the lexicon match: the patterns that may start at a token
(indexed by their first two words, so that "to" is not tried against every pattern that
begins with it), and whether one does."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from missionwatch.extract.events.lexicon import Pattern, lexicon
from missionwatch.extract.events.tokens import Token


def matches(tokens: Sequence[Token], i: int, pat: Pattern) -> bool:
    """True when the words of ``pat`` stand at tokens ``i``…"""
    words = pat.words
    n = len(words)
    if i + n > len(tokens):
        return False
    if tokens[i].lower != words[0]:
        return False
    return all(tokens[i + k].lower == words[k] for k in range(1, n))


_PatternIndex = dict[str, tuple[tuple[Pattern, ...], dict[str, tuple[Pattern, ...]]]]


@cache
def pattern_index() -> _PatternIndex:
    """First word -> (its one-word patterns, second word -> the patterns that may match
    before it), each in the lexicon's order (longest first)."""
    out: _PatternIndex = {}
    for first, pats in lexicon().patterns.items():
        seconds = {p.words[1] for p in pats if len(p.words) > 1}
        single = tuple(p for p in pats if len(p.words) == 1)
        out[first] = (
            single,
            {w: tuple(p for p in pats if len(p.words) == 1 or p.words[1] == w) for w in seconds},
        )
    return out


def patterns_at(tokens: Sequence[Token], i: int) -> tuple[Pattern, ...]:
    """The patterns that may match at ``i``: its word and the next are theirs."""
    entry = pattern_index().get(tokens[i].lower)
    if entry is None:
        return ()
    single, by_next = entry
    if i + 1 < len(tokens):
        return by_next.get(tokens[i + 1].lower, single)
    return single


def starts_trigger(tokens: Sequence[Token], k: int) -> bool:
    """True when a trigger pattern of the lexicon matches at token ``k``."""
    return any(matches(tokens, k, pat) for pat in patterns_at(tokens, k))
