"""Who did it and to whom: the actor, recipient and target of a trigger.

The candidates are the noun phrases of :mod:`missionwatch.extract.events.phrases`.

* Active verb: the actor is the nearest phrase before it in its clause that is neither
  after a preposition nor the object of an earlier verb; the recipient and target follow.
* Passive verb ("was killed by"): the actor follows "by"; the recipient is the subject.
* Noun ("a U.S. missile attack on Baghdad airport"): the actor modifies it or follows
  "by"; the target follows "on", "against" or "at". After a light verb ("launched an
  attack") the noun is read like a verb standing at the light verb.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from missionwatch.document import Mention
from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.phrases import PREFER, Phrase
from missionwatch.extract.events.phrases import sector as sector  # (re-exported)
from missionwatch.extract.events.size import bound_at, joiner_at
from missionwatch.extract.events.tokens import (
    AUXILIARIES,
    CLAUSE_PUNCT,
    CLAUSE_WORDS,
    PREPOSITIONS,
    Token,
    clause_bounds,
)
from missionwatch.extract.events.tokens import words as lows
from missionwatch.extract.events.triggers import ADVERBS, Trigger, starts_trigger

SINGULAR_AUXILIARIES = frozenset({"was", "is", "has"})
TARGET_PREPOSITIONS = frozenset({"on", "against", "at", "upon", "targeting", "into"})
MAX_TARGET = 12  # words in a target phrase


def _after_preposition(tokens: Sequence[Token], p: Phrase) -> bool:
    return p.start > 0 and tokens[p.start - 1].lower in PREPOSITIONS


def _object_position(tokens: Sequence[Token], p: Phrase) -> bool:
    if p.start == 0:
        return False
    prev = tokens[p.start - 1]
    low = prev.lower
    if low in lexicon().light_verbs or starts_trigger(tokens, p.start - 1):
        return True
    return (
        prev.is_word
        and not prev.capitalised
        and low.endswith(("ed", "ing"))
        and low not in lexicon().np_modifiers
        and low not in {"during", "following"}
    )


def actor_before(
    tokens: Sequence[Token], pool: Sequence[Phrase], anchor: int, lo: int
) -> Phrase | None:
    """The nearest phrase before ``anchor`` (not before ``lo``) that can be a subject."""
    best: Phrase | None = None
    fallback: Phrase | None = None
    for p in pool:
        if p.end > anchor or p.start < lo:
            continue
        if _after_preposition(tokens, p) or _object_position(tokens, p):
            continue
        if p.is_place:
            fallback = p
            continue
        best = p
    return best or fallback


def agent_after(
    tokens: Sequence[Token], pool: Sequence[Phrase], end: int, hi: int
) -> Phrase | None:
    """The phrase after "by" following a passive verb."""
    for k in range(end, min(hi, end + 4)):
        if tokens[k].lower == "by":
            for p in pool:
                if p.start == k + 1:
                    return p
            return None
    return None


def modifier_before(tokens: Sequence[Token], pool: Sequence[Phrase], start: int) -> Phrase | None:
    """The phrase that modifies a noun trigger: "a U.S. missile attack", "Iran's strike"."""
    for p in pool:
        if p.end > start or start - p.end > 3:
            continue
        between = tokens[p.end : start]
        if (
            all(
                t.is_word
                and not t.capitalised
                and t.lower not in PREPOSITIONS
                and t.lower not in AUXILIARIES
                for t in between
            )
            and not p.is_place
        ):
            return p
    return None


#: words that may open a sentence before an inverted participle ("Also killed were …")
_BEFORE_INVERSION = frozenset({"also", "and", "among", "those"})


def inverted_subject(tokens: Sequence[Token], trig: Trigger, hi: int) -> int | None:
    """Where the people stand after a participle that opens its sentence and a "was" or
    "were" ("Also killed in the strike were more than a dozen insurgents", "Detained
    during the operation was a Taliban facilitator"), else None."""
    if trig.nominal or trig.passive or trig.form not in {"pp", "past"}:
        return None
    if any(t.lower not in _BEFORE_INVERSION for t in tokens[: trig.start]):
        return None
    for j in range(trig.end, min(hi, trig.end + 10) - 1):
        word = tokens[j].lower
        if word in {"was", "were"}:
            return j + 1
        if word in {",", ";", ".", "and", "that", "who", "which"}:
            return None
    return None


#: the most words an aside between commas may have ("…, known as Mahmood, was killed")
APPOSITIVE = 10


def subject_span(
    tokens: Sequence[Token], trig: Trigger, lo: int, pool: Sequence[Phrase] = ()
) -> tuple[int, int] | None:
    """The tokens of the subject noun phrase just before a (passive) verb."""
    k = trig.start - 1
    singular = False
    while k >= lo and (
        tokens[k].lower in AUXILIARIES
        or tokens[k].lower in ADVERBS
        or tokens[k].lower in {"not", "n't", "never", "been", "all", "both"}
        or (tokens[k].lower.endswith("ly") and len(tokens[k].text) > 4)
    ):
        singular = singular or tokens[k].lower in SINGULAR_AUXILIARIES
        k -= 1
    if k >= lo and tokens[k].lower == "and" and pool:
        # "several insurgents presented a threat ... and were killed": the clause's subject
        for p in pool:
            if p.start >= lo and not _after_preposition(tokens, p):
                return p.start, p.end
    aside_end = None
    if k > lo and tokens[k].text == ",":
        # "The insurgent, known as Mahmood, was killed": the noun phrase before the aside
        opening = [j for j in range(max(lo, k - APPOSITIVE), k) if tokens[j].text == ","]
        if opening:
            if joiner_at(lows(tokens), opening[-1] + 1) > 1:  # not a bare "and"
                aside_end = k  # "The leader, along with two associates, was": both count
            k = opening[-1] - 1
    end = k + 1 if aside_end is None else aside_end
    while (
        k >= lo
        and tokens[k].text not in CLAUSE_PUNCT
        and tokens[k].text != ","
        and tokens[k].lower not in CLAUSE_WORDS
        and (
            tokens[k].lower not in PREPOSITIONS
            or _partitive(tokens, k, lo)
            or bound_at(lows(tokens), k)  # "At least eight insurgents were killed"
        )
        and not starts_trigger(tokens, k)
    ):
        k -= 1
    start = k + 1
    if singular:  # "... by police officials and one person was detained": one conjunct
        ands = [j for j in range(start, end) if tokens[j].lower == "and"]
        start = ands[-1] + 1 if ands else start
    while start < end and tokens[start].lower in {"and", ",", "but", "or"}:
        start += 1
    return (start, end) if end > start else None


@cache
def _passive_joiners() -> list[list[str]]:
    joiners = lexicon().counts.get("passive_joiners", [])
    return sorted((str(j).split() for j in joiners), key=len, reverse=True)


def passive_joiner(tokens: Sequence[Token], end: int, hi: int) -> int | None:
    """Where the people after a passive verb's joiner start ("was detained along with
    three of his associates"), else None; the joiner may follow the verb at once or after
    its adverbs."""
    words = lows(tokens)
    k = end
    while k < hi and (tokens[k].lower in ADVERBS or tokens[k].text == ","):
        k += 1  # "was detained, along with two other suspects"
    for parts in _passive_joiners():
        if words[k : k + len(parts)] == parts and k + len(parts) < hi:
            return k + len(parts)
    return None


def _partitive(tokens: Sequence[Token], k: int, lo: int) -> bool:
    """True for an "of" inside a counted noun phrase: "one of Zalmi's associates",
    "one person of interest", "two members of the cell"."""
    if tokens[k].lower != "of" or k - 1 < lo:
        return False
    prev = tokens[k - 1].lower
    counts = lexicon().counts
    return prev in counts["exact"] or prev in counts["vague"] or prev in counts["people"]


def object_span(
    tokens: Sequence[Token], trig: Trigger, hi: int, blocked: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """The tokens after a trigger up to the end of its object phrase."""
    k = trig.end

    def bound_next(j: int) -> bool:  # "up to 16", "at least five": a count, not a particle
        return j + 1 < hi and tokens[j + 1].lower in {"to", "least", "most"}

    while (
        k < hi
        and tokens[k].lower in {"up", "down", "out", "off", "back", "that"}
        and not bound_next(k)
    ):
        k += 1
    if k < hi and tokens[k].lower in TARGET_PREPOSITIONS and not bound_next(k):
        k += 1
    start = k
    while k < hi and k - start < MAX_TARGET:
        tok = tokens[k]
        low = tok.lower
        if tok.text in CLAUSE_PUNCT or tok.text in {".", ";"}:
            break
        if (low in PREPOSITIONS and low != "of") or k in blocked:
            break
        if tok.text == "," and not _apposition(tokens, k, hi):
            break
        k += 1
    return start, k


def _apposition(tokens: Sequence[Token], comma: int, hi: int) -> bool:
    """True for ", Qassem Soleimani," : a name set off by commas after a noun."""
    k = comma + 1
    while k < hi and tokens[k].capitalised and tokens[k].is_word:
        k += 1
    return k > comma + 1 and (k >= hi or tokens[k].text in {",", "."})


def target_span(
    tokens: Sequence[Token], trig: Trigger, hi: int, blocked: frozenset[int] = frozenset()
) -> tuple[int, int] | None:
    """For an attack: the phrase after "on", "against", "at" within a few words."""
    for k in range(trig.end, min(hi, trig.end + 5)):
        if tokens[k].lower in TARGET_PREPOSITIONS:
            start = k + 1
            end = start
            while end < hi and end - start < MAX_TARGET:
                tok = tokens[end]
                if tok.text in CLAUSE_PUNCT or tok.text in {".", ",", ";"}:
                    break
                if tok.lower in PREPOSITIONS and tok.lower != "of":
                    break
                if starts_trigger(tokens, end) or end in blocked:
                    break
                end += 1
            return (start, end) if end > start else None
        if tokens[k].text in CLAUSE_PUNCT or tokens[k].text == ",":
            return None
    return None


def recipient_in(pool: Sequence[Phrase], span: tuple[int, int]) -> Mention | None:
    """The best entity mention inside ``span``: a person or organisation first."""
    mentions = [m for p in pool if span[0] <= p.start < span[1] for m in p.mentions]
    mentions = [m for m in mentions if m.type != "place"]
    if not mentions:
        return None
    return min(mentions, key=lambda m: (m.how == "demonym", PREFER.get(m.type, 4), m.start))


def clause_of(tokens: Sequence[Token], trig: Trigger) -> tuple[int, int]:
    return clause_bounds(tokens, min(trig.start, trig.anchor), trig.end - 1)
