"""Word tokens with document offsets, and the clause boundaries between them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress
from operator import attrgetter

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


_LOWER = attrgetter("lower")
_TEXT = attrgetter("text")
_START = attrgetter("start")


class Tokens(list[Token]):
    """The tokens of one text. What many rules ask of the whole list (the lower-case
    words, the clause bounds of each token) is computed once, when first asked for: the
    list must not change after that, nor the lists it hands out."""

    _lows: list[str] | None = None
    _texts: list[str] | None = None
    _starts: list[int] | None = None
    _bounds: tuple[list[int], list[int]] | None = None
    _joined: str | None = None

    def lows(self) -> list[str]:
        """The lower-case form of each token."""
        if self._lows is None:
            self._lows = list(map(_LOWER, self))
        return self._lows

    def texts(self) -> list[str]:
        """The text of each token."""
        if self._texts is None:
            self._texts = list(map(_TEXT, self))
        return self._texts

    def starts(self) -> list[int]:
        """The start offset of each token (ascending)."""
        if self._starts is None:
            self._starts = list(map(_START, self))
        return self._starts

    def joined(self) -> str:
        """The lower-case words, each between spaces: " the force killed two " ."""
        if self._joined is None:
            self._joined = " " + " ".join(self.lows()) + " "
        return self._joined

    def bounds(self) -> tuple[list[int], list[int]]:
        """(start of the clause of each token, first boundary at or after each index)."""
        if self._bounds is None:
            n = len(self)
            lows = self.lows()
            texts = self.texts()
            # the boundaries, among the tokens that may be one
            boundaries = [
                i
                for i in compress(range(n), map(_MAY_BOUND.__contains__, lows))
                if _boundary(texts[i], lows[i], lows[i + 1] if i + 1 < n else "")
            ]
            starts = [0] * n
            ends = [n] * (n + 1)
            opened = 0  # the tokens up to each boundary: their clause starts at ``opened``
            for b in boundaries:
                starts[opened : b + 1] = [opened] * (b + 1 - opened)
                ends[opened : b + 1] = [b] * (b + 1 - opened)
                opened = b + 1
            starts[opened:n] = [opened] * (n - opened)
            self._bounds = (starts, ends)
        return self._bounds


def tokenize(text: str, offset: int = 0) -> Tokens:
    """The tokens of ``text``; offsets are shifted by ``offset`` (the text's start).

    A word never takes a sentence's final stop ("attack." is "attack" and "."): only an
    abbreviation ("U.S.") ends in a stop."""
    out = Tokens()
    append = out.append
    for match in _TOKEN.finditer(text):
        word = match.group()
        start = match.start() + offset
        append(Token(word, start, start + len(word)))
    return out


#: words after which "that" does not open a clause ("that of", "that is")
_THAT_DETERMINER = frozenset({"of", "is", "was"})
#: the (lower-case) tokens that may be a clause boundary (see :func:`is_boundary`)
_MAY_BOUND = CLAUSE_PUNCT | CLAUSE_WORDS | {".", "and"}


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
        return nxt not in _THAT_DETERMINER
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
    """The lower-case form of each token (do not change the list: it may be shared)."""
    return tokens.lows() if isinstance(tokens, Tokens) else [t.lower for t in tokens]


def texts(tokens: Sequence[Token]) -> list[str]:
    """The text of each token (do not change the list: it may be shared)."""
    return tokens.texts() if isinstance(tokens, Tokens) else [t.text for t in tokens]


def starts(tokens: Sequence[Token]) -> list[int]:
    """The start offset of each token (do not change the list: it may be shared)."""
    return tokens.starts() if isinstance(tokens, Tokens) else [t.start for t in tokens]
