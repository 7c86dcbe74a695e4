"""Word tokens with document offsets, and the clause boundaries between them."""

from __future__ import annotations

import re
from collections.abc import Sequence

# words (with inner apostrophes, hyphens and dots: "U.S.", "al-Qaeda", "Qal'ah"), numbers
# ("1,200", "3.5"), "n't", and single punctuation marks
_TOKEN = re.compile(
    r"n't|[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z0-9][A-Za-z0-9'’\-]*(?:[.,]\d+)*|[^\sA-Za-z0-9]"
)

#: words that open a new clause
CLAUSE_WORDS = frozenset(
    [
        "after",
        "before",
        "when",
        "whenever",
        "while",
        "whereas",
        "although",
        "though",
        "because",
        "since",
        "until",
        "unless",
        "where",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "if",
        "but",
        "so",
    ]
)
CLAUSE_PUNCT = frozenset(';:—–()[]"“”')
PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "on",
        "near",
        "of",
        "from",
        "to",
        "by",
        "with",
        "without",
        "for",
        "into",
        "onto",
        "against",
        "toward",
        "towards",
        "across",
        "throughout",
        "inside",
        "outside",
        "within",
        "among",
        "between",
        "over",
        "under",
        "about",
        "around",
        "through",
        "during",
        "following",
        "despite",
        "via",
        "upon",
        "per",
        "as",
    ]
)
DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "some",
        "any",
        "each",
        "every",
        "another",
        "other",
        "both",
        "all",
        "no",
    ]
)
AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "'s",
    ]
)
BE_FORMS = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "am", "get", "got", "gets", "getting"]
)


class Token:
    """A word or punctuation mark with its document offsets. Its lower-case form (with
    "’" as "'"), whether it is a word and whether it is capitalised are computed once:
    every rule of the events code asks for them many times."""

    __slots__ = ("capitalised", "end", "is_word", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start  # offset in the document
        self.end = end
        self.lower = text.lower().replace("’", "'")
        first = text[0]
        self.is_word = first.isalnum()
        self.capitalised = first.isupper()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, start={self.start!r}, end={self.end!r})"


class Tokens(list[Token]):
    """The tokens of one text; the clause bounds of each token are computed once, when
    first asked for (the list must not change after that)."""

    _bounds: tuple[list[int], list[int]] | None = None

    def bounds(self) -> tuple[list[int], list[int]]:
        """(start of the clause of each token, first boundary at or after each index)."""
        if self._bounds is None:
            n = len(self)
            lows = [t.lower for t in self] + [""]
            flags = [_boundary(t.text, lows[i], lows[i + 1]) for i, t in enumerate(self)]
            starts = [0] * n
            opened = 0
            for i in range(n):
                starts[i] = opened
                if flags[i]:
                    opened = i + 1
            ends = [n] * (n + 1)
            for i in range(n - 1, -1, -1):
                ends[i] = i if flags[i] else ends[i + 1]
            self._bounds = (starts, ends)
        return self._bounds


def tokenize(text: str, offset: int = 0) -> Tokens:
    """The tokens of ``text``; offsets are shifted by ``offset`` (the text's start)."""
    out = Tokens()
    append = out.append
    for match in _TOKEN.finditer(text):
        word = match.group()
        start = match.start() + offset
        end = start + len(word)
        # "attack." at the end of a sentence: keep the stop apart from the word
        if len(word) > 1 and word[-1] == "." and word.count(".") == 1:
            append(Token(word[:-1], start, end - 1))
            append(Token(".", end - 1, end))
        else:
            append(Token(word, start, end))
    return out


def is_boundary(tokens: Sequence[Token], i: int) -> bool:
    """True when token ``i`` opens a new clause (or is punctuation between clauses)."""
    tok = tokens[i]
    return _boundary(tok.text, tok.lower, tokens[i + 1].lower if i + 1 < len(tokens) else "")


def _boundary(text: str, low: str, nxt: str) -> bool:
    """:func:`is_boundary` of a token (``text``, ``low``) before the word ``nxt``."""
    if text in CLAUSE_PUNCT or text == ".":
        return True
    if low == "and":
        return nxt in CLAUSE_WORDS
    if low == "that":
        # "that" after a noun or verb opens a clause; "that attack" is a determiner
        return nxt not in {"of", "is", "was"}
    return low in CLAUSE_WORDS


def clause_bounds(tokens: Sequence[Token], i: int, j: int | None = None) -> tuple[int, int]:
    """The clause around tokens ``i``..``j``: [start, end) token indices."""
    j = i if j is None else j
    if isinstance(tokens, Tokens) and 0 <= i < len(tokens) and 0 <= j < len(tokens):
        starts, ends = tokens.bounds()
        return starts[i], ends[j + 1]
    start = i
    while start > 0 and not is_boundary(tokens, start - 1):
        start -= 1
    end = j + 1
    while end < len(tokens) and not is_boundary(tokens, end):
        end += 1
    return start, end


def words(tokens: Sequence[Token]) -> list[str]:
    return [t.lower for t in tokens]
