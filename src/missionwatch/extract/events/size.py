"""How many people an event killed, injured or detained.

The people are the object of an active trigger ("killed two insurgents") or the subject
of a passive one ("three insurgents have been killed"). A noun phrase list is split into
conjuncts and each is counted: a number ("two", "17"), an article or a name (one), a
vague word ("several" = at least 3, at most 9), a bound ("at least five", "more than
15"), or a pronoun that points back to people counted before ("killing all of them").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.tokens import CLAUSE_PUNCT, Token, is_boundary
from missionwatch.extract.events.tokens import words as lows
from missionwatch.extract.events.triggers import starts_trigger

MAX_CONJUNCT = 8  # words in one counted noun phrase
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")


@dataclass(frozen=True)
class Count:
    low: int
    best: int | None
    high: int | None

    @property
    def exact(self) -> bool:
        return self.best is not None and self.low == self.best == self.high

    def __add__(self, other: Count) -> Count:
        best = self.best + other.best if self.best is not None and other.best is not None else None
        high = self.high + other.high if self.high is not None and other.high is not None else None
        return Count(self.low + other.low, best, high)

    def to_qualifier(self) -> int | dict[str, Any]:
        """An int when exact, else ``{"low", "best", "high"}`` (unknown ends are null)."""
        if self.exact:
            return self.low
        return {"low": self.low, "best": self.best, "high": self.high}


@dataclass(frozen=True)
class Counted:
    count: Count
    start: int  # token index of the counted phrase
    end: int
    anaphoric: bool = False  # "them", "both", "all individuals"
    additional: bool = False  # "one additional insurgent", "two others"


DEFINITE = frozenset(["the", "this", "that", "his", "her", "their", "its"])
NUMBER_WORDS = frozenset(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
)
SINGULAR_S = frozenset(["his", "its", "this", "bus", "gas", "boss", "chess"])


def _plural(word: str) -> bool:
    if word in {
        "people",
        "men",
        "women",
        "children",
        "troops",
        "police",
        "militiamen",
        "gunmen",
        "policemen",
        "others",
        "both",
    }:
        return True
    return word.endswith("s") and not word.endswith("ss") and word not in SINGULAR_S


def exact(n: int) -> Count:
    return Count(n, n, n)


def _longest_first(phrases: Iterable[Any]) -> list[list[str]]:
    """The words of each phrase, longest phrase first (else in their order)."""
    return [str(p).split() for p in sorted(phrases, key=lambda p: -len(str(p).split()))]


@cache
def _vague_table() -> list[tuple[list[str], dict[str, Any]]]:
    table = lexicon().counts["vague"]
    return [
        (str(phrase).split(), spec)
        for phrase, spec in sorted(table.items(), key=lambda kv: -len(str(kv[0]).split()))
    ]


@cache
def _bound_table() -> list[tuple[str, list[list[str]]]]:
    return [(str(kind), _longest_first(p)) for kind, p in lexicon().counts["bounds"].items()]


@cache
def _anaphoric() -> list[list[str]]:
    return _longest_first(lexicon().counts["anaphoric"])


@cache
def _transparent() -> list[list[str]]:
    return _longest_first(lexicon().counts.get("transparent", []))


@cache
def _joiners() -> list[list[str]]:
    return _longest_first(lexicon().counts["joiners"])


@cache
def _people() -> frozenset[str]:
    return frozenset(lexicon().counts["people"])


def _vague(words: Sequence[str], i: int) -> tuple[Count, int] | None:
    for parts, spec in _vague_table():
        if list(words[i : i + len(parts)]) == parts:
            low = int(spec["low"])
            high = spec.get("high")
            return Count(low, None, int(high) if high is not None else None), len(parts)
    return None


def _number(word: str) -> int | None:
    table = lexicon().counts["exact"]
    if word in table:
        return int(table[word])
    if _NUMBER.match(word):
        return int(word.replace(",", ""))
    return None


def _bound(words: Sequence[str], i: int) -> tuple[str, int]:
    for kind, phrases in _bound_table():
        for parts in phrases:
            if list(words[i : i + len(parts)]) == parts:
                return kind, len(parts)
    return "", 0


def bound_at(words: Sequence[str], i: int) -> bool:
    """True when a bound ("at least", "more than", "up to") starts at ``words[i]``."""
    return _bound(words, i)[1] > 0


def _bounded(kind: str, n: int) -> Count:
    if kind == "at-least":
        return Count(n, None, None)
    if kind == "more-than":
        return Count(n + 1, None, None)
    if kind == "at-most":
        return Count(0, None, n)
    if kind == "approx":
        return Count(n, n, None) if n <= 1 else Count(max(1, n - n // 10), n, n + n // 10)
    return exact(n)


def _stop(tokens: Sequence[Token], k: int) -> bool:
    tok = tokens[k]
    low = tok.lower
    if tok.text in CLAUSE_PUNCT or tok.text in {".", ",", "!", "?"}:
        return True
    if low in lexicon().counts["stop"]:
        return True
    if (
        low.endswith(("ed", "ing"))
        and low not in lexicon().counts["people"]
        and low not in lexicon().np_modifiers
        and starts_trigger(tokens, k)
    ):
        return True  # another event verb: "killed one insurgent and wounded three"
    return is_boundary(tokens, k)


def _conjunct(
    tokens: Sequence[Token], i: int, limit: int, first: bool = True
) -> tuple[Counted | None, int]:
    """Count the noun phrase starting at ``i``; return it and the index after it. A bare
    singular noun after the first conjunct is the same person ("a weapons manufacturer
    and facilitator"), not one more."""
    words = lows(tokens)
    counts = lexicon().counts
    people = _people()
    if words[i] in counts["singular_pronouns"] and (i + 1 >= limit or _stop(tokens, i + 1)):
        return Counted(exact(1), i, i + 1, anaphoric=True), i + 1
    if words[i] == "all" and i + 1 < limit and _number(words[i + 1]) is not None:
        # "killing all four", "all three insurgents": points back and says how many
        counted, end = _conjunct(tokens, i + 1, limit, first)
        if counted is not None:
            counted = replace(counted, start=i, anaphoric=True)
        return counted, end
    for parts in _anaphoric():
        if words[i : i + len(parts)] == parts:
            end = i + len(parts)
            if parts == ["both"] or parts[:1] == ["both"]:
                return Counted(exact(2), i, end, anaphoric=True), end
            return Counted(Count(0, None, None), i, end, anaphoric=True), end
    for parts in _transparent():
        if words[i : i + len(parts)] == parts and i + len(parts) < limit:
            counted, end = _conjunct(tokens, i + len(parts), limit, first)
            if counted is not None:
                counted = replace(counted, start=i)
            return counted, end
    if words[i] == "between" and i + 3 < limit and words[i + 2] in {"and", "to"}:
        low, high = _number(words[i + 1]), _number(words[i + 3])
        if low is not None and high is not None and low < high:  # "between three and six"
            k = i + 4
            while k < limit and k - i < MAX_CONJUNCT and not _stop(tokens, k):
                k += 1
            return Counted(Count(low, None, high), i, k), k
    kind, skip = _bound(words, i)
    k = i + skip
    if k >= limit:
        return None, i
    count: Count | None = None
    numbered = False
    if (
        words[k] in DEFINITE
        and k + 1 < limit
        and (_NUMBER.match(words[k + 1]) or words[k + 1] in NUMBER_WORDS)
    ):
        k += 1  # "the two occupants", "the 17 insurgents"
        numbered = True
    elif (
        words[k] in {"a", "an"}
        and k + 2 < limit
        and words[k + 1] in counts["after_article"]
        and (_NUMBER.match(words[k + 2]) or words[k + 2] in NUMBER_WORDS)
    ):
        kind = kind or str(counts["after_article"][words[k + 1]] or "")
        k += 2  # "an additional 14 suspected insurgents", "an estimated 20 fighters"
    vague = _vague(words, k)
    if vague is not None:
        count, used = vague
        k += used
    else:
        number = _number(words[k])
        if number is not None:
            count = _bounded(kind, number) if kind else exact(number)
            k += 1
            multiples = lexicon().counts["multiples"]
            if k < limit and words[k] in multiples and number > 0:
                total = number * int(multiples[words[k]])
                count = _bounded(kind, total) if kind else exact(total)  # "more than a dozen"
                k += 1
                if words[k - 1] == "pair" and k < limit and words[k] == "of":
                    k += 1  # "a pair of suspected insurgents"
    start_np = k
    while k < limit and k - i < MAX_CONJUNCT and not _stop(tokens, k):
        k += 1
    np_words = words[start_np:k]
    additional = any(w in {"additional", "other", "others", "another", "more"} for w in words[i:k])
    if words[i] == "another":
        additional = True
    if k < limit and words[k] == "of" and count is not None and not np_words:
        # "several of them", "two of the insurgents"
        j = k + 1
        while j < limit and not _stop(tokens, j) and j - k < MAX_CONJUNCT:
            j += 1
        return Counted(count, i, j, anaphoric=True), j
    # the head is the noun before "of": "the two occupants of the vehicle"
    head_words = np_words[: np_words.index("of")] if "of" in np_words else np_words
    head = head_words[-1] if head_words else ""
    if words[i] in DEFINITE and count is not None and head and _plural(head):
        # "the network leaders": a definite plural points back, it does not count one;
        # "the two occupants" points back too but says how many
        return Counted(count if numbered else Count(0, None, None), i, k, anaphoric=True), k
    if count is None:
        name = tokens[start_np:k]
        if name and all(t.capitalised for t in name) and head not in people:
            count = exact(1)  # a name: "Qassem Soleimani", "Alaudin"
        elif head in people and _plural(head) and words[i] not in DEFINITE:
            bare = counts["bare_plural"]
            count = Count(int(bare["low"]), None, None)  # "other militants"
        elif head in people and words[i] not in DEFINITE and first:
            count = exact(1)  # "killed al-Qaeda associated Taliban leader, Wali"
        else:
            return None, max(k, i + 1)
    elif np_words and head in set(counts["things"]):
        return None, k  # "five AK-47 rifles": not people
    return Counted(count, i, k, additional=additional), k


def _verb_after(tokens: Sequence[Token], k: int) -> bool:
    tok = tokens[k]
    if not tok.is_word or tok.capitalised:
        return False
    low = tok.lower
    return low in {"was", "were", "is", "are", "has", "have", "had", "will", "would"} or (
        low.endswith("ed") and low not in lexicon().np_modifiers
    )


def count_people(tokens: Sequence[Token], start: int, limit: int) -> list[Counted]:
    """The counted conjuncts of the noun phrase list at ``start`` (up to ``limit``)."""
    out: list[Counted] = []
    k = start
    words = lows(tokens)
    while k < limit:
        counted, nxt = _conjunct(tokens, k, limit, first=not out)
        if counted is None:
            break
        if out and nxt < limit and _verb_after(tokens, nxt):
            break  # ", and the Iraqi parliament demanded": the subject of a new clause
        if out and words[k + 1 : k + 3] in (["of", "whom"], ["of", "them"], ["of", "which"]):
            break  # "two insurgents, one of whom was a leader": some of those counted
        apposition = (
            out
            and counted.count.exact
            and counted.count.low == 1
            and k > 0
            and words[k - 1] == ","
            and tokens[k].capitalised
            and out[-1].count.exact
            and out[-1].count.low == 1
            and not counted.additional
        )
        if (
            out
            and out[0].anaphoric
            and words[out[0].start] in DEFINITE
            and not counted.anaphoric
            and _bare(words, counted.start)
        ):
            # "The facilitators and suspected insurgents were detained": the article
            # reaches over both, so both point back
            counted = replace(counted, count=Count(0, None, None), anaphoric=True)
        if not apposition:
            out.append(counted)
        k = nxt
        # go on over "and", ", and", "along with", "," to the next conjunct
        if k < limit and words[k] == ",":
            k += 1
        joined = joiner_at(words, k)
        if joined:
            k += joined
        elif k > 0 and words[k - 1] != ",":
            break
        if k < limit and _verb_next(tokens, k):
            break  # "killed one insurgent and wounded three others", "and forcing the others"
    return out


def _bare(words: Sequence[str], k: int) -> bool:
    """True for a noun phrase at ``k`` with no count word or article of its own."""
    counts = lexicon().counts
    word = words[k]
    return not (
        word in counts["exact"]
        or word in counts["vague"]
        or _NUMBER.match(word)
        or bound_at(words, k)
        or word in {"another", "other", "others", "more", "additional"}
    )


def _verb_next(tokens: Sequence[Token], k: int) -> bool:
    """True when a verb, not a noun phrase, follows a joiner: a participle that is not a
    modifier ("forcing", "wounded three")."""
    tok = tokens[k]
    low = tok.lower
    if not tok.is_word or tok.capitalised or low in lexicon().counts["people"]:
        return False
    if low.endswith("ing") and low not in lexicon().np_modifiers:
        return True
    if low.endswith("ed") and k + 1 < len(tokens):
        nxt = tokens[k + 1].lower
        return (
            nxt in DEFINITE
            or nxt in {"a", "an"}
            or _number(nxt) is not None
            or (_vague(lows(tokens), k + 1) is not None)
        )
    return False


def joiner_at(words: Sequence[str], k: int) -> int:
    for parts in _joiners():
        if list(words[k : k + len(parts)]) == parts:
            return len(parts)
    return 0


def total(counted: Sequence[Counted]) -> Count | None:
    result: Count | None = None
    for c in counted:
        if c.anaphoric and c.count.low == 0 and c.count.high is None:
            continue  # unresolved pronoun
        result = c.count if result is None else result + c.count
    return result


def antecedent(tokens: Sequence[Token], before: int) -> Counted | None:
    """The last counted group of people before token ``before`` ("several armed insurgents
    engaged the force. The security force returned fire, killing all individuals")."""
    people = _people()
    best: Counted | None = None
    for k in range(before):
        word = tokens[k].lower
        if _number(word) is None and _vague(lows(tokens), k) is None:
            continue
        if word in {"the", "this", "that", "his", "her", "their", "a", "an"}:
            continue  # articles count a single thing; an antecedent needs a number
        counted, end = _conjunct(tokens, k, before)
        if counted is None or counted.anaphoric or end <= k:
            continue
        if any(tokens[j].lower in people for j in range(k, end)):
            best = counted
    return best
