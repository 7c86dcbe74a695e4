"""Noun phrases that can be arguments of an event, and the kind of actor they name.

The phrases are the entity mentions of the ``mentions`` step and the actor phrases of the
lexicon ("an Afghan and coalition security force", "several armed insurgents"), chunked
over determiners, numbers, capitalised words and modifiers. Each token is classed once
from its text (remembered across sentences), and the runs of phrase words are found by a
regular expression over one code per token.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import cast

from missionwatch.document import Mention
from missionwatch.extract.events.lexicon import lexicon, word_list
from missionwatch.extract.events.tokens import (
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    PREPOSITIONS,
    Token,
    starts,
    texts,
    words,
)
from missionwatch.extract.events.trie import trie_pattern

PREFER = {"person": 0, "organisation": 1, "mission": 2, "country": 3, "place": 5}


@dataclass
class Phrase:
    start: int  # token indices
    end: int
    text: str
    mentions: list[Mention] = field(default_factory=list)
    sector: str = ""  # state | armed | civilian | ""

    @property
    def mention(self) -> Mention | None:
        """The mention that names the phrase: a person or organisation before a demonym."""
        if not self.mentions:
            return None
        return min(
            self.mentions, key=lambda m: (m.how == "demonym", PREFER.get(m.type, 4), -m.start)
        )

    @property
    def is_place(self) -> bool:
        m = self.mention
        return m is not None and m.type == "place" and not self.sector


@dataclass(frozen=True)
class _Tables:
    """The lexicon's word lists as the noun-phrase chunker asks for them."""

    stop: frozenset[str]  # never in a phrase: prepositions, clause words, auxiliaries
    words: frozenset[str]  # always in one: determiners, numbers, counting and actor words
    patterns: frozenset[str]  # the first words of trigger patterns
    light_verbs: frozenset[str]
    prefixes: frozenset[str]  # every prefix of a (multi-word) actor term
    pair_firsts: frozenset[str]  # the first words of multi-word actor terms
    sectors: tuple[tuple[str, re.Pattern[str]], ...]  # armed, state, civilian


@cache
def _tables() -> _Tables:
    lex = lexicon()
    counts = lex.counts
    terms = frozenset(t for ts in lex.actors.values() for t in ts)
    sectors = tuple(
        (name, re.compile(f"(?<= )(?:{trie_pattern(terms_of)})(?= )"))
        for name in ("armed", "state", "civilian")
        if (terms_of := lex.actors.get(name))
    )
    return _Tables(
        stop=PREPOSITIONS | CLAUSE_WORDS | AUXILIARIES,
        words=DETERMINERS
        | frozenset(counts["exact"])
        | frozenset(counts["vague"])
        | lex.np_modifiers
        | frozenset(counts["people"])
        | word_list("actor_nouns")
        | terms,
        patterns=frozenset(lex.patterns),
        light_verbs=lex.light_verbs,
        prefixes=frozenset(t[:k] for t in terms for k in range(1, len(t) + 1)),
        pair_firsts=frozenset(t.split(" ", 1)[0] for t in terms if " " in t),
        sectors=sectors,
    )


def sector(words: Sequence[str]) -> str:
    """The kind of actor a phrase names: armed, state, civilian or "" (a term of the
    lexicon's actors, the words also read with a plural "s" taken off)."""
    return _sector(tuple(words))


@lru_cache(maxsize=4096)
def _sector(words: tuple[str, ...]) -> str:
    singular = [_singular(w) for w in words]
    text = " " + " ".join(words) + " " + " ".join(singular) + " "
    for name, pattern in _tables().sectors:
        if pattern.search(text):
            return name
    return ""


def _singular(word: str) -> str:
    """"armies" -> "army", "militants" -> "militant" (a word of four letters or fewer,
    or one in "ss", is left as it is)."""
    if len(word) <= 4 or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


_JOINING = frozenset({"'s", "’s", "-", "/"})


def _party(tokens: Sequence[Token], lows: Sequence[str], start: int, end: int) -> bool:
    """True for a phrase headed by a noun for a party ("the two sides", "both parties"),
    not an indefinite one or one set off by a comma after another phrase ("Hezbollah, a
    party backed by Iran", "Israel and Hamas, the two sides in the conflict")."""
    if end <= start or lows[end - 1] not in word_list("actor_nouns") or lows[start] in {"a", "an"}:
        return False
    return not (start > 0 and tokens[start - 1].text == ",")


def _np_word(tok: Token, nxt: Token | None) -> bool:
    """True when ``tok`` (before ``nxt``) can stand in an argument noun phrase."""
    tables = _tables()
    low = tok.lower
    if low in tables.stop:
        return False
    if tok.text in _JOINING:
        return True
    if not tok.is_word:
        return False
    if low in tables.words or tok.text[0].isdigit():
        return True
    if low not in tables.patterns and _singular(low) in tables.words:
        return True  # "armies" as "army", not "bombs" (a verb: "Israel bombs Hamas targets")
    if tok.capitalised:
        if low not in tables.patterns:
            return True
        if low not in tables.light_verbs:
            return not low.endswith(("ed", "ing"))
    # the first word of a multi-word actor term ("security force", "air weapons team")
    return nxt is not None and f"{low} {nxt.lower}" in tables.prefixes


_NP_CLASSES: dict[str, int] = {}  # token text -> _np_class (cleared when it grows large)
_NP_CLASSES_MAX = 1 << 17


def _np_classes(texts: Sequence[str]) -> list[int]:
    """:func:`_np_class` of each token text (remembered)."""
    known = list(map(_NP_CLASSES.get, texts))
    if None not in known:
        return cast(list[int], known)  # no None in it
    if len(_NP_CLASSES) > _NP_CLASSES_MAX:
        _NP_CLASSES.clear()
    return [_remember(text) if cls is None else cls for text, cls in zip(texts, known, strict=True)]


def _remember(text: str) -> int:
    cls = _NP_CLASSES[text] = _np_class(text)
    return cls


def _np_class(text: str) -> int:
    """What :func:`_np_word` says of a token from its text alone: 0 (never in a phrase),
    1 (always), 2 (when it and the next word begin a multi-word actor term)."""
    tables = _tables()
    low = text.lower().replace("’", "'")
    first = text[0]
    if low in tables.stop:
        return 0
    if text in _JOINING:
        return 1
    if not first.isalnum():
        return 0
    if low in tables.words or first.isdigit():
        return 1
    if low not in tables.patterns and _singular(low) in tables.words:
        return 1  # "armies" as "army", not "bombs" (a verb: "Israel bombs Hamas targets")
    if first.isupper():
        if low not in tables.patterns:
            return 1
        if low not in tables.light_verbs:
            return 0 if low.endswith(("ed", "ing")) else 1
    return 2 if low in tables.pair_firsts else 0


#: codes of :func:`_np_codes`: a token outside any phrase, inside one, an "and" outside
_OUT, _IN, _AND = 0, 1, 2
#: a run of phrase tokens, over "and" when a phrase token follows it
_RUN = re.compile(b"\x01(?:\x01|\x02(?=\x01))*")


def _np_codes(
    tokens: Sequence[Token], lows: Sequence[str], covered: dict[int, Mention]
) -> bytearray:
    """For each token: _IN when it is inside a mention or :func:`_np_word` says so (by
    :func:`_np_class`: this runs on every token of every sentence with an event), else
    _AND for "and", else _OUT."""
    codes = bytearray(_np_classes(texts(tokens)))  # 0, 1, or 2: ask the next word
    pending = codes.find(2)
    if pending >= 0:  # a word that may begin a multi-word actor term
        prefixes = _tables().prefixes
        last = len(codes) - 1
        while pending >= 0:
            pair = pending < last and f"{lows[pending]} {lows[pending + 1]}" in prefixes
            codes[pending] = _IN if pair else _OUT
            pending = codes.find(2, pending + 1)
    for k in covered:
        codes[k] = _IN
    if "and" in lows:
        k = lows.index("and")
        while True:
            if codes[k] == _OUT:
                codes[k] = _AND
            try:
                k = lows.index("and", k + 1)
            except ValueError:
                break
    return codes


@cache
def _count_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words that open a counted noun phrase: "two", "several"; words after which they
    stay in the phrase: "the two", "more than ten", "a few")."""
    counts = lexicon().counts
    determiners = {"the", "this", "that", "his", "her", "their", "a", "an", "another"}
    numbers = {str(w) for w in counts["exact"]} - determiners
    vague = {str(w) for w in counts["vague"] if " " not in str(w)}
    inside = determiners | numbers | {"and", "of", "than", "least", "more", "over", "some"}
    return frozenset(numbers | vague), frozenset(inside)


def _count_break(lows: Sequence[str], start: int, end: int) -> int:
    """Where a run of phrase words ends early: at a count word that follows a noun (an
    opening phrase with no comma, "During the operation several insurgents were …")."""
    opens, inside = _count_words()
    for j in range(start + 1, end):
        count = lows[j] in opens or lows[j].isdigit()
        if count and lows[j - 1] not in inside and not lows[j - 1].isdigit():
            return j
    return end


def phrases(tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[Phrase]:
    """The argument phrases of a sentence, in order."""
    n = len(tokens)
    offsets = starts(tokens)
    covered: dict[int, Mention] = {}
    for mention in mentions:
        # every token starting inside the mention ("Israel's" is one token)
        for k in range(bisect_left(offsets, mention.start), bisect_left(offsets, mention.end)):
            covered[k] = mention
    lows = words(tokens)
    codes = _np_codes(tokens, lows, covered)
    out: list[Phrase] = []
    k = 0
    while k < n:
        # the next run of phrase words from k on (with "and" between two of them)
        run = _RUN.search(codes, k)
        if run is None:
            break
        start, k = run.span()
        k = _count_break(lows, start, k)  # "During the operation several insurgents …"
        while k > start and lows[k - 1] in {"and", "-", "/"}:
            k -= 1
        while start < k and tokens[start].text in _JOINING:
            start += 1
        found: list[Mention] = []
        if covered:
            for j in range(start, k):
                if j in covered and all(covered[j] is not m for m in found):
                    found.append(covered[j])
        sec = _sector(tuple(lows[start:k]))
        if found or sec or _party(tokens, lows, start, k):
            text = " ".join(t.text for t in tokens[start:k])
            out.append(Phrase(start, k, text, found, sec))
        k = max(k, start + 1)
    return out
