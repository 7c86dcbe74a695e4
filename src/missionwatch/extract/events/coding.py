"""The PLOVER mode and contexts of an event, from the lexicon's cue words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.tokens import Token
from missionwatch.extract.events.trie import trie_pattern
from missionwatch.extract.events.triggers import Trigger

#: modes that a cue word in the clause may refine ("killed" in "a drone strike killed")
GENERIC_MODES = frozenset({"", "other", "kill"})


#: per category, the first word of each cue -> (rank, mode, cue words); rank is the cue's
#: place in the data, which breaks ties between cues as near the trigger
_Cue = tuple[int, str, tuple[str, ...]]


@cache
def _mode_cues(category: str) -> dict[str, list[_Cue]]:
    out: dict[str, list[_Cue]] = {}
    rank = 0
    for cue_mode, cues in lexicon().mode_cues.get(category, []):
        for cue in cues:
            parts = tuple(cue.split())
            if parts:
                out.setdefault(parts[0], []).append((rank, cue_mode, parts))
            rank += 1
    return out


@cache
def _topic_matcher() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """A pattern finding, after each space, the longest cue word there; and for each cue
    the contexts of every cue it begins with (those are found there too)."""
    names: dict[str, set[str]] = {}
    for name, cues in lexicon().topic_cues.items():
        for cue in cues:
            names.setdefault(cue, set()).add(name)
    covers = {
        cue: frozenset(n for other in names if cue.startswith(other) for n in names[other])
        for cue in names
    }
    return re.compile(f" (?=({trie_pattern(names)}))"), covers


@lru_cache(maxsize=256)
def _topics_in(text: str) -> frozenset[str]:
    """The contexts whose cue words follow a space in `` text.lower() ``."""
    pattern, covers = _topic_matcher()
    found: set[str] = set()
    for match in pattern.finditer(f" {text.lower()} "):
        found.update(covers[match.group(1)])
    return frozenset(found)


def coded_mode(
    category: str, mode: str, tokens: Sequence[Token], trig: Trigger, lo: int, hi: int
) -> str:
    """The trigger's mode, or, for a generic one, the mode of the cue nearest to it (the
    cue listed first when two are as near)."""
    if mode not in GENERIC_MODES:
        return mode
    cues = _mode_cues(category)
    best: tuple[int, int, str] | None = None  # (distance, rank, mode)
    for k in range(lo, hi):
        for rank, cue_mode, parts in cues.get(tokens[k].lower, ()):
            n = len(parts)
            if k + n > hi or any(tokens[k + j].lower != parts[j] for j in range(1, n)):
                continue
            dist = k - trig.end if k >= trig.end else (trig.start - k) + 1
            if best is None or (dist, rank) < best[:2]:
                best = (dist, rank, cue_mode)
    return best[2] if best else (mode or "other")


def contexts(category: str, text: str) -> list[str]:
    """The category's own contexts and those whose cue words the text has."""
    lex = lexicon()
    out = list(lex.contexts.get(category, ()))
    found = _topics_in(text)
    for name in lex.topic_cues:
        if name not in out and name in found:
            out.append(name)
    return out
