"""Pair double quotation marks into quoted stretches, robustly.

* Straight (``"``), curly (“ ”), low-9 („) and guillemet (« ») marks. A curly mark's
  direction is trusted unless its spacing says the opposite and the pairing needs it
  (``, ”said Stoltenberg`` closes; ``”Hello`` with nothing open opens).
* A quote may run over several sentences. At a paragraph break an open quote continues
  only when the next paragraph opens with a quote mark (the wire convention for quotes
  over several paragraphs); otherwise it is closed at the paragraph end (recovered).
* Two openers in a row close the first before the second (recovered). A closer with
  nothing open is ignored. So an odd number of marks never costs more than one quote.
* Two apostrophes (``''…''``, as some archives write quote marks) count as a straight
  double mark, and two grave accents (````…''``, the newswire and Penn Treebank style)
  as an opening one.
* A curly quote inside a curly quote (“… what he calls “hell” than …”) is nested when the
  next two marks of the paragraph both close: the inner pair is part of the content.
* Single quotes (‘…’ or '…', the British style) are paired only in a text with no double
  marks at all; a ’ or ' between two letters is an apostrophe (don’t), and an unclosed
  straight single quote is dropped (it is far more often an apostrophe: the '90s).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_MARK = re.compile(r"''|``|[\"“”„«»‟]")
_SINGLE = re.compile(r"[‘’']")
_OPENERS = frozenset("“„«‟‘`")
_CLOSERS = frozenset("”»’")
_OPEN_BEFORE = frozenset("([{—–-/:")
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-…'’")
_NEWLINE = re.compile(r"[\n\u2028\u2029]")
#: line and paragraph separators (U+2028/U+2029 always end a paragraph)
LINE_ENDS = "\n\u2028\u2029"
_SOFT_END = re.compile(r"[\w,;(\-]")


@dataclass(frozen=True)
class Pair:
    """One quoted stretch: ``open``/``close`` are the marks' offsets (``close`` is -1
    when the quote was recovered without a closing mark); ``start``/``end`` the content."""

    open: int
    close: int
    start: int
    end: int
    paragraphs: int = 1
    close_len: int = 1

    @property
    def recovered(self) -> bool:
        return self.close < 0

    @property
    def after(self) -> int:
        """The offset just after the closing mark (the content's end when recovered)."""
        return self.close + self.close_len if self.close >= 0 else self.end


def _len(text: str, i: int) -> int:
    return 2 if text.startswith(("''", "``"), i) else 1


def _context_open(text: str, i: int) -> bool:
    j = i + _len(text, i)
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    return (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()


def _context_close(text: str, i: int) -> bool:
    j = i + _len(text, i)
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    return (after.isspace() or after in _CLOSE_AFTER) and not before.isspace()


def _straight(text: str, i: int) -> bool:
    return text[i] in "\"'"


def _kind(text: str, i: int) -> str:
    """``open``, ``close`` or ``either`` for the mark at ``i``."""
    char = text[i]
    if char in _OPENERS:
        return "open"
    if char in _CLOSERS:
        return "close"
    opens, closes = _context_open(text, i), _context_close(text, i)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def paragraph_break(text: str, start: int, end: int) -> int:
    """The offset of the first paragraph break in ``text[start:end]``, or -1.

    A blank line always breaks; a single newline breaks unless it only wraps a line (the
    line before ends inside a sentence and is not short, or the next line starts in
    lower case)."""
    for match in _NEWLINE.finditer(text, start, end):
        i = match.start()
        if text[i] != "\n":
            return i
        j = i + 1
        while j < len(text) and text[j] in " \t":
            j += 1
        if j >= len(text) or text[j] == "\n":
            return i
        k = i
        while k > start and text[k - 1] in " \t\r":
            k -= 1
        line_start = text.rfind("\n", 0, k) + 1
        soft = text[j].islower() or (
            k > 0 and _SOFT_END.match(text, k - 1) is not None and k - line_start >= 40
        )
        if not soft:
            return i
    return -1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _opens_paragraph(text: str, brk: int, mark: int) -> bool:
    """True when the mark at ``mark`` is the first thing after the break at ``brk``."""
    return not text[brk:mark].strip()


def _apostrophe(text: str, i: int) -> bool:
    """A ’ or ' inside a word (don’t, NATO’s) rather than a closing single quote."""
    if text[i] == "'" and i + 1 < len(text) and text[i + 1].isdigit():
        return True  # the '90s
    return text[i] in "’'" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and (
        text[i + 1].isalnum())


def _line_start(text: str, i: int) -> bool:
    """True when only spaces stand between the mark at ``i`` and the start of its line."""
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in LINE_ENDS


def _nested(text: str, marks: list[int], k: int) -> bool:
    """True when the curly opener ``marks[k]`` (a quote being open) opens a quote inside
    it: the next two marks both close, in the same paragraph."""
    if k + 2 >= len(marks) or text[marks[k]] not in _OPENERS or text[marks[k]] == "`":
        return False
    inner, outer = marks[k + 1], marks[k + 2]
    return all(_kind(text, m) == "close" or (
        _context_close(text, m) and not _context_open(text, m)) for m in (inner, outer)) and (
        paragraph_break(text, marks[k], outer) < 0)


def pair_marks(text: str, skip: Callable[[int], bool] | None = None) -> list[Pair]:
    """Every quoted stretch of ``text``; marks for which ``skip(offset)`` is true (in a
    caption or byline) are left out."""
    marks = [m.start() for m in _MARK.finditer(text)]
    single = not marks and ("‘" in text or "'" in text)
    if single:
        marks = [m.start() for m in _SINGLE.finditer(text) if not _apostrophe(text, m.start())]
    if skip is not None:
        marks = [m for m in marks if not skip(m)]
    pairs: list[Pair] = []
    pending = -1  # the opening mark of the quote now open
    paras = 1
    depth = 0  # quotes open inside the one now open

    def close_at(end: int, close: int) -> None:
        if close < 0 and text[pending] == "'":
            return  # an unclosed straight single mark is an apostrophe
        start, stop = _trim(text, pending + _len(text, pending), end)
        if stop > start:
            close_len = _len(text, close) if close >= 0 else 1
            pairs.append(Pair(pending, close, start, stop, paras, close_len))

    last = -1
    for k, mark in enumerate(marks):
        if pending >= 0:
            brk = paragraph_break(text, last + _len(text, last), mark)
            if brk >= 0:
                # the quote is open at a paragraph break: continue or recover
                depth = 0
                if brk_is_continuation(text, brk, mark, pending):
                    paras += 1
                    last = mark
                    continue
                close_at(brk, -1)
                pending = -1
        kind = _kind(text, mark)
        if pending < 0:
            if kind != "close" or _context_open(text, mark) or _line_start(text, mark):
                pending, paras = mark, 1
        elif depth > 0 and kind != "open":
            depth -= 1  # the close of a quote inside the quote
        elif kind != "open" or _context_close(text, mark):
            close_at(mark, mark)
            pending = -1
        elif _nested(text, marks, k):
            depth += 1
        else:
            close_at(mark, -1)  # a second opener: the first was never closed
            pending, paras = mark, 1
        last = mark
    if pending >= 0:
        brk = paragraph_break(text, pending + _len(text, pending), len(text))
        close_at(brk if brk >= 0 else len(text), -1)
    return pairs


def brk_is_continuation(text: str, brk: int, mark: int, opener: int) -> bool:
    """True when the paragraph after the break at ``brk`` opens with the mark at ``mark``,
    of the same family (straight or curly) as the quote's ``opener``."""
    same = _straight(text, mark) == _straight(text, opener)
    return same and _opens_paragraph(text, brk, mark) and _kind(text, mark) != "close"
