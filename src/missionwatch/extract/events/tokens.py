"""Word tokens with document offsets, and the clause boundaries between them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offset in the document
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``; offsets are shifted by ``offset`` (the text's start)."""
    tokens = [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]
    # "attack." at the end of a sentence: keep the stop apart from the word
    out: list[Token] = []
    for tok in tokens:
        if len(tok.text) > 1 and tok.text.endswith(".") and tok.text.count(".") == 1:
            out.append(Token(tok.text[:-1], tok.start, tok.end - 1))
            out.append(Token(".", tok.end - 1, tok.end))
        else:
            out.append(tok)
    return out


def is_boundary(tokens: Sequence[Token], i: int) -> bool:
    """True when token ``i`` opens a new clause (or is punctuation between clauses)."""
    tok = tokens[i]
    if tok.text in CLAUSE_PUNCT or tok.text == ".":
        return True
    low = tok.lower
    if low == "and" and i + 1 < len(tokens) and tokens[i + 1].lower in CLAUSE_WORDS:
        return True
    if low == "that":
        # "that" after a noun or verb opens a clause; "that attack" is a determiner
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        return nxt not in {"of", "is", "was"}
    return low in CLAUSE_WORDS


def clause_bounds(tokens: Sequence[Token], i: int, j: int | None = None) -> tuple[int, int]:
    """The clause around tokens ``i``..``j``: [start, end) token indices."""
    j = i if j is None else j
    start = i
    while start > 0 and not is_boundary(tokens, start - 1):
        start -= 1
    end = j + 1
    while end < len(tokens) and not is_boundary(tokens, end):
        end += 1
    return start, end


def words(tokens: Sequence[Token]) -> list[str]:
    return [t.lower for t in tokens]
