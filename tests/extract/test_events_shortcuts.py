"""The shortcuts that make the event reader fast must not change what it reads.

* the sentence screen never turns down a sentence where a trigger pattern matches;
* a trie-shaped pattern matches exactly what the alternation of its strings matches;
* the clause bounds computed once per token list equal those found by scanning;
* the span index finds exactly the items a scan of the whole document finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missionwatch.extract.events.context import SpanIndex
from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.patterns import matches, patterns_at
from missionwatch.extract.events.screen import discarded, look, may_trigger
from missionwatch.extract.events.tokens import Token, clause_bounds, is_boundary, tokenize
from missionwatch.extract.events.trie import trie_pattern
from missionwatch.extract.events.triggers import find_triggers, sentence_triggers


def _pattern_matches(tokens: list[Token]) -> bool:
    """True when a trigger pattern (with the word it asks for before it) matches."""
    for i in range(len(tokens)):
        for pat in patterns_at(tokens, i):
            before = pat.entry.before
            if matches(tokens, i, pat) and (
                not before or (i > 0 and tokens[i - 1].lower in before)
            ):
                return True
    return False


@pytest.mark.parametrize(
    ("text", "possible"),
    [
        ("Insurgents attacked a police checkpoint in the city.", True),
        ("A U.S. air strike hit the compound.", True),
        ("The weather was fine and the markets were calm.", False),
        ("Read the full text here.", False),
        ("The U.S.Army said nothing.", True),  # a word run into an abbreviation
        ("We didn'tattack anyone.", True),  # "n't" run into a word
    ],
)
def test_screen(text: str, possible: bool) -> None:
    assert may_trigger(text) is possible
    assert look(text) == (False, possible)


@pytest.mark.parametrize(
    ("text", "discard"),
    [
        ("The football match ended in a draw.", True),
        ("They played in the World Cup final.", True),
        ("The force killed two insurgents.", False),
        ("The Olympics opened today.", True),
    ],
)
def test_discarded(text: str, discard: bool) -> None:
    assert discarded(text) is discard
    assert look(text)[0] is discard


def _lexicon_words() -> list[str]:
    words = sorted({w for pats in lexicon().patterns.values() for p in pats for w in p.words})
    befores = sorted(
        {w for pats in lexicon().patterns.values() for p in pats for w in p.entry.before}
    )
    return words + befores


_PIECES = st.sampled_from(
    [
        *_lexicon_words(),
        "the",
        "a",
        "U.S.",
        "U.S",
        "Army",
        "1.5",
        "1,200",
        "n't",
        "didn't",
        "’s",
        "'s",
        "-",
        "/",
        ",",
        ".",
        "(",
        ")",
        "“",
        "”",
        "—",
        "Attack",
        "KILLED",
        "al-Qaeda",
        "İstanbul",
        "ΣΑΣ",
        "\u212aelvin",
        "café",
        "x",
        "",
    ]
)
_GLUE = st.sampled_from([" ", " ", " ", "", "\n", "  ", "-", "’", "."])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_PIECES, _GLUE), min_size=1, max_size=12))
def test_screen_never_misses_a_trigger(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + glue for word, glue in pieces)
    tokens = tokenize(text)
    if _pattern_matches(tokens) or sentence_triggers(tokens):
        assert may_trigger(text), text
        assert look(text)[1] or look(text)[0], text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PIECES, _GLUE), min_size=1, max_size=12))
def test_sentence_triggers_is_the_backoff_rule(pieces: list[tuple[str, str]]) -> None:
    tokens = tokenize("".join(word + glue for word, glue in pieces))
    expected = find_triggers(tokens) or find_triggers(tokens, backoff=True)
    found = sentence_triggers(tokens)
    assert [(t.category, t.start, t.end) for t in found] == [
        (t.category, t.start, t.end) for t in expected
    ]


@pytest.mark.parametrize(
    "strings",
    [
        ["attack", "attacks", "attacked", "at", "a"],
        ["air strike", "air", "airstrike"],
        ["x.y", "a+b", "(c)"],
        [""],
        [],
    ],
)
def test_trie_matches_what_the_alternation_matches(strings: list[str]) -> None:
    trie = re.compile(f"(?:{trie_pattern(strings)})$")
    alternation = re.compile(
        "(?:" + "|".join(map(re.escape, strings)) + ")$" if strings else "(?!)"
    )
    probes = {s + t for s in [*strings, "", "x"] for t in ["", "s", " strike", "ed"]}
    for probe in sorted(probes):
        assert bool(trie.match(probe)) == bool(alternation.match(probe)), probe


def test_trie_match_is_the_longest() -> None:
    trie = re.compile(f"({trie_pattern(['air', 'air strike', 'airs'])})")
    match = trie.match("air strikes")
    assert match is not None and match.group(1) == "air strike"


@pytest.mark.parametrize(
    "text",
    [
        "The force, which arrived yesterday, killed two insurgents; the others fled.",
        "He said that the attack was over and that of the men, two were wounded.",
        "(Kabul) Officials - and police - met when the talks ended.",
        "",
        "Attack",
    ],
)
def test_clause_bounds_equal_the_scan(text: str) -> None:
    tokens = tokenize(text)
    plain = list(tokens)  # a plain list is scanned, the token list uses its table
    for i in range(len(tokens)):
        for j in range(i, len(tokens)):
            assert clause_bounds(tokens, i, j) == clause_bounds(plain, i, j)
    for i in range(len(tokens)):
        start = i
        while start > 0 and not is_boundary(tokens, start - 1):
            start -= 1
        assert clause_bounds(tokens, i)[0] == start


@dataclass(frozen=True)
class _Item:
    start: int
    end: int


@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(0, 10)), max_size=30),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_span_index_finds_what_a_scan_finds(
    spans: list[tuple[int, int]], start: int, end: int
) -> None:
    items = [_Item(a, a + n) for a, n in spans]
    expected = [m for m in items if start <= m.start and m.end <= end]
    assert SpanIndex(items).within(start, end) == expected
