"""What a trigger's clause says about it: whether it states an event at all (not an
infinitive of purpose), whether it shares the subject of the verb before it, whether it
tells a period's tally (the present perfect), and whether a time stands in a relative
clause (and so dates only that clause)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.tokens import (
    DETERMINERS,
    Token,
    clause_bounds,
    is_boundary,
    starts,
)
from missionwatch.extract.events.triggers import ADVERBS, Trigger, starts_trigger

RELATIVE = frozenset({"who", "whom", "whose", "which"})


def coordinated(tokens: Sequence[Token], trig: Trigger) -> bool:
    """True for a verb joined by "and" to the verb before it, sharing its subject:
    "arrested a leader and (also) detained two", not "... and the force detained two"."""
    k = trig.start - 1
    while k >= 0 and tokens[k].lower in ADVERBS:
        k -= 1
    return k >= 0 and tokens[k].lower in {"and", "then"} and not trig.passive


def relative_clause(tokens: Sequence[Token], start: int) -> bool:
    """True for a time inside a relative clause ("a commander who was killed in an air
    strike last week"): it dates that clause, not what the next sentences tell."""
    at = bisect_left(starts(tokens), start)  # the first token from ``start`` on
    if at == len(tokens):
        return False
    lo, _ = clause_bounds(tokens, at)
    return lo > 0 and tokens[lo - 1].lower in RELATIVE


def perfect(tokens: Sequence[Token], trig: Trigger) -> bool:
    """True for a present perfect ("have detained more than 35 leaders"): a period's tally,
    not an act at the time the story tells of."""
    k = trig.anchor - 1
    while k >= 0 and tokens[k].lower in {"also", "now", "already", "so", "far", "recently"}:
        k -= 1
    return k >= 0 and tokens[k].lower in {"has", "have", "'ve"}


def keep(tokens: Sequence[Token], trig: Trigger, has_actor: bool, modality: str) -> bool:
    """Drop what is not an event statement: a weak noun with no actor and no light verb
    ("a press conference"), and a bare infinitive of purpose ("a coalition to fight IS")."""
    if trig.nominal and trig.entry.weak and not has_actor and trig.anchor == trig.start:
        return False
    if trig.nominal or modality != "asserted" or trig.form == "ing":
        return True  # "in addition to detaining": a gerund, not an infinitive of purpose
    k = trig.start - 1
    while k >= 0 and (tokens[k].lower in {"and", "or", ","} or starts_trigger(tokens, k)):
        k -= 1
    return not (k >= 0 and tokens[k].lower == "to") or complement(tokens, k)


def complement(tokens: Sequence[Token], to: int) -> bool:
    """True for an infinitive a verb before it asks for ("ordered the paper to suspend
    publication", "decided to allow"), not one of purpose after a noun."""
    for j in range(to - 1, max(-1, to - 8), -1):
        if is_boundary(tokens, j) or tokens[j].text == ",":
            return False
        if tokens[j].lower in lexicon().control_verbs:
            return j == 0 or tokens[j - 1].lower not in DETERMINERS  # not "an order to"
    return False
