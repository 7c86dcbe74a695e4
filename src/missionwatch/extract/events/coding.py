"""The PLOVER mode and contexts of an event, from the lexicon's cue words."""

from __future__ import annotations

from collections.abc import Sequence

from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.tokens import Token
from missionwatch.extract.events.triggers import Trigger

#: modes that a cue word in the clause may refine ("killed" in "a drone strike killed")
GENERIC_MODES = frozenset({"", "other", "kill"})


def coded_mode(
    category: str, mode: str, tokens: Sequence[Token], trig: Trigger, lo: int, hi: int
) -> str:
    """The trigger's mode, or, for a generic one, the mode of the cue nearest to it."""
    if mode not in GENERIC_MODES:
        return mode
    words = [t.lower for t in tokens]
    best: tuple[int, str] | None = None
    for cue_mode, cues in lexicon().mode_cues.get(category, []):
        for cue in cues:
            parts = cue.split()
            for k in range(lo, hi - len(parts) + 1):
                if words[k : k + len(parts)] == parts:
                    dist = k - trig.end if k >= trig.end else (trig.start - k) + 1
                    if best is None or dist < best[0]:
                        best = (dist, cue_mode)
    return best[1] if best else (mode or "other")


def contexts(category: str, text: str) -> list[str]:
    """The category's own contexts and those whose cue words the text has."""
    lex = lexicon()
    low = f" {text.lower()} "
    out = list(lex.contexts.get(category, ()))
    for name, cues in lex.topic_cues.items():
        if name not in out and any(f" {c}" in low for c in cues):
            out.append(name)
    return out
