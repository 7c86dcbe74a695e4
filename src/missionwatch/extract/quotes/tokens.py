"""A small tokenizer for the few words around a cue: words (with inner apostrophes, hyphens
and dots, so "NATO’s", "Jean-Pierre" and "U.S." stay whole) and single punctuation marks."""

from __future__ import annotations

import re
from typing import NamedTuple

#: inside a word: an apostrophe, ampersand, dot or hyphen, combining accents (decomposed
#: "Gonzàlez") or the symbols of mis-decoded accented letters ("FranÃÂ§ois", U+0080-U+00BF
#: except the no-break space and guillemets)
_WORD = r"\w[\w\u0300-\u036f]*"
_JOIN = r"(?:[’'&.-]|[\u0080-\u009f\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf\u0300-\u036f])+"
_TOKEN = re.compile(rf"(?:[A-Z]\.){{2,}}|{_WORD}(?:{_JOIN}{_WORD})*|[^\w\s]")


class Token(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` with offsets into ``text``."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def word_count(text: str, start: int, end: int) -> int:
    return sum(1 for m in _TOKEN.finditer(text, start, end) if m.group()[0].isalnum())
