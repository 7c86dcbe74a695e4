"""The text as the matcher reads it, with offsets that map back to the original.

Matching runs on two views of a document's text, built once:

* ``squeezed``: every run of white space (a line break inside a hard-wrapped name, a
  double space, a non-breaking space) becomes one space; case and letters are kept.
* ``plain``: ``squeezed`` with curly apostrophes and dashes as ASCII ("NATO’s" -> "NATO's").
* ``folded``: ``plain`` in lower case with accents folded to ASCII, one character for one
  character ("Côte d’Ivoire" -> "cote d'ivoire").

All have the same length, so a match in ``folded`` is checked for case in ``plain``;
:meth:`View.to_original` maps its offsets back to the text as given.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import cache

# white space that must change: runs of two or more, or a single non-space blank
_SQUEEZE = re.compile(r"\s{2,}|[^\S ]")
_RUN = re.compile(r"\s{2,}")  # the runs that shorten the text
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SLUG = re.compile(r"[^a-z0-9]+")

_APOSTROPHES = "’‘ʼʻ`´′"
_DASHES = "‐‑‒–—―−"


#: curly apostrophes and dashes -> ASCII (case kept)
_PUNCTUATION_CHARS = {**dict.fromkeys(_APOSTROPHES, "'"), **dict.fromkeys(_DASHES, "-")}
PUNCTUATION = str.maketrans(_PUNCTUATION_CHARS)


@cache
def _accent_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0].lower()
        if base.isascii() and base.isalpha():
            table[code] = base
    for char, ascii_char in (("ø", "o"), ("Ø", "o"), ("đ", "d"), ("Đ", "d"), ("ł", "l"),
                             ("Ł", "l"), ("ı", "i"), ("ħ", "h")):
        table[ord(char)] = ascii_char
    return table


def _punctuation(match: re.Match[str]) -> str:
    char = match.group()
    return _PUNCTUATION_CHARS.get(char, char)


def _accent(match: re.Match[str]) -> str:
    char = match.group()
    return _accent_table().get(ord(char), char)


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ".lower() is two characters: fold one by one
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered


def fold(text: str) -> str:
    """Lower case, accents and punctuation variants folded; always the same length as ``text``."""
    return _lower(text.translate(PUNCTUATION)).translate(_accent_table())


def squeeze(text: str) -> str:
    """White-space runs as single spaces, ends stripped: the form aliases are keyed by."""
    return " ".join(text.split())


def key(text: str) -> str:
    """The lookup key of a name: squeezed and folded."""
    return fold(squeeze(text))


def slug(text: str) -> str:
    """``"Jens Stoltenberg"`` -> ``"jens-stoltenberg"``; accents folded, never empty."""
    folded = _SLUG.sub("-", unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
                       .decode("ascii").lower()).strip("-")
    return folded or _SLUG.sub("-", fold(text)).strip("-") or "x"


class View:
    """One text in its squeezed and folded forms, with the offset map back."""

    __slots__ = ("_positions", "_shifts", "folded", "plain", "squeezed", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        positions: list[int] = []
        shifts: list[int] = []
        removed = 0
        for match in _RUN.finditer(text):
            positions.append(match.start() - removed)
            removed += match.end() - match.start() - 1
            shifts.append(removed)
        self._positions = positions
        self._shifts = shifts
        self.squeezed = _SQUEEZE.sub(" ", text)
        if self.squeezed.isascii():
            self.plain = self.squeezed
            self.folded = self.squeezed.lower()
        else:
            self.plain = _NON_ASCII.sub(_punctuation, self.squeezed)
            self.folded = _NON_ASCII.sub(_accent, _lower(self.plain))

    def _offset(self, pos: int) -> int:
        index = bisect_left(self._positions, pos)
        return pos + (self._shifts[index - 1] if index else 0)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of the squeezed text to the original text."""
        if not self._positions:
            return start, end
        return self._offset(start), self._offset(end - 1) + 1
