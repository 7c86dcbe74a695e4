"""What a trigger's clause says about it: whether it states an event at all (not an
infinitive of purpose), whether it shares the subject of the verb before it, whether it
tells a period's tally (the present perfect), whether a gerund hangs on a passive with no
agent ("weapons were seized in addition to detaining two"), and whether a time stands in a
relative clause (and so dates only that clause)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.phrases import Phrase
from missionwatch.extract.events.tokens import (
    BE_FORMS,
    DETERMINERS,
    PREPOSITIONS,
    Token,
    clause_bounds,
    is_boundary,
    starts,
)
from missionwatch.extract.events.triggers import ADVERBS, Trigger, starts_trigger

RELATIVE = frozenset({"who", "whom", "whose", "which"})
#: words before a gerund that tie it to the main clause ("in addition to detaining")
_GERUND_LINKS = PREPOSITIONS | {"to", "while", "when", "before", "after"}


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
    k = _skip_back(tokens, trig.anchor - 1)
    if k >= 0 and tokens[k].lower in _PERFECT:
        return _present(tokens, k)
    # a verb joined to a perfect one shares it: "have conducted operations and captured or
    # killed a large number of insurgents" (not across a comma: "The suspect, who has been
    # wanted since 2009, was located and detained")
    if k < 0 or tokens[k].lower not in {"and", "or"}:
        return False
    for j in range(k - 1, max(0, k - PERFECT_REACH) - 1, -1):
        if tokens[j].text in {".", ";", ","} or tokens[j].lower in RELATIVE:
            return False
        if tokens[j].lower in _PERFECT:
            nxt = _skip_forward(tokens, j + 1)
            participle = nxt < len(tokens) and tokens[nxt].lower.endswith(("ed", "en", "ne", "wn"))
            return participle and _present(tokens, j)
    return False


#: words before "have" that make it no present perfect: "could have allowed", "claimed
#: to have launched", "must have been"
_NOT_PRESENT = frozenset(
    {"to", "could", "would", "should", "might", "may", "must", "will", "shall", "can"}
)


def _present(tokens: Sequence[Token], have: int) -> bool:
    """True when the "has"/"have" at ``have`` makes a present perfect."""
    k = _skip_back(tokens, have - 1)
    while k >= 0 and tokens[k].lower in {"not", "n't", "never"}:
        k -= 1
    return not (k >= 0 and tokens[k].lower in _NOT_PRESENT)


_PERFECT = frozenset({"has", "have", "'ve"})
_PERFECT_ADVERBS = frozenset({"also", "now", "already", "so", "far", "recently"})
#: how far back a verb joined by "and" looks for the "have" it shares
PERFECT_REACH = 16


def _skip_back(tokens: Sequence[Token], k: int) -> int:
    while k >= 0 and tokens[k].lower in _PERFECT_ADVERBS:
        k -= 1
    return k


def _skip_forward(tokens: Sequence[Token], k: int) -> int:
    while k < len(tokens) and tokens[k].lower in _PERFECT_ADVERBS:
        k += 1
    return k


def keep(tokens: Sequence[Token], trig: Trigger, has_actor: bool, modality: str) -> bool:
    """Drop what is not an event statement: a weak noun with no actor and no light verb
    ("a press conference"), and a bare infinitive of purpose ("a coalition to fight IS")."""
    if trig.nominal and trig.entry.weak and not has_actor and trig.anchor == trig.start:
        return False
    if _after_purpose(tokens, trig.anchor):
        return False  # "operations aimed at capturing Taliban leadership"
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


def dangling_gerund(tokens: Sequence[Token], trig: Trigger, phrases: Sequence[Phrase]) -> bool:
    """True for a gerund after a preposition whose clause has a passive verb with no
    agent and a subject that names nobody ("Rifles and bomb making material were seized
    in addition to detaining three suspects"): the subject did not do it, and nobody in the
    sentence is said to have. "The insurgent was killed after attacking the patrol" keeps
    its subject (a man)."""
    if trig.nominal or trig.form != "ing" or trig.start == 0:
        return False
    if tokens[trig.start - 1].lower not in _GERUND_LINKS:
        return False
    lo, _ = clause_bounds(tokens, trig.start)
    for b in range(trig.start - 2, lo, -1):
        if tokens[b].lower not in BE_FORMS or not tokens[b + 1].lower.endswith(("ed", "en")):
            continue
        if any(t.lower == "by" for t in tokens[b + 2 : trig.start]):
            return False  # "were seized by the force while detaining": the agent did it
        # anyone named before the passive, in its clause or before it ("Mullah Omar was
        # killed after attacking …", "The force searched the compound, where weapons were
        # seized in addition to detaining two") may have done it
        named = any(m.type != "place" for p in phrases if p.start < b for m in p.mentions)
        return not named and not any(t.lower in _people() for t in tokens[:b])
    return False


@cache
def _people() -> frozenset[str]:
    """Nouns that name people, or forces of a state ("insurgents", "troops", "police")."""
    lex = lexicon()
    return frozenset(lex.counts["people"]) | frozenset(lex.actors.get("state", ()))


@cache
def _purpose_cues() -> tuple[tuple[str, ...], ...]:
    cues = lexicon().raw.get("purpose_cues", [])
    return tuple(sorted((tuple(str(c).lower().split()) for c in cues), key=len, reverse=True))


def _after_purpose(tokens: Sequence[Token], at: int) -> bool:
    """True when a purpose cue ends right before token ``at`` ("aimed at capturing")."""
    for cue in _purpose_cues():
        n = len(cue)
        if at >= n and tuple(t.lower for t in tokens[at - n : at]) == cue:
            return True
    return False
