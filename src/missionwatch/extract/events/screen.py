"""A cheap first look at a sentence: may it hold an event trigger at all?

Most sentences hold none. :func:`may_trigger` answers from the raw text, before the
sentence is tokenized: it never says False where a trigger pattern could start (a word
that begins a pattern, followed by the pattern's second word when every pattern of that
word has more than one), so a sentence it turns down has no trigger. It may say True
where none is found; the trigger finder decides then.

Tokens start at the start of the text, after a space, or after a character that is not a
letter, except after an abbreviation run into a word ("U.S.Army") or "n't" run into one;
a text holding those (or a character whose lower case is context-dependent or an ASCII
letter) is always let through. A word token ends before a character that is not a letter,
a digit, an apostrophe or a hyphen (every word of the patterns is such a token).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from missionwatch.extract.events.lexicon import lexicon

#: texts where a token may start right after a letter, or lower() is not per character
_UNSAFE = re.compile(r"\.[A-Za-z][A-Za-z]|n't[A-Za-z]|[\u212a\u0130\u03a3]")
#: a word as the tokenizer reads one: it never ends before one of these characters
_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
_GAP = "\x00"  # stands for the space between two words in the trie
_Trie = dict[str, "_Trie"]


def _trie_pattern(strings: Iterable[str]) -> str:
    """One regular expression matching any of ``strings`` (a trie of alternatives, so it
    costs the length of a match, not the number of strings); ``_GAP`` matches any run of
    white space, or none."""
    trie: _Trie = {}
    for text in strings:
        node = trie
        for char in text:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        ends = "" in node
        branches = [
            (r"\s*" if char == _GAP else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return emit(trie)


@cache
def _starts() -> re.Pattern[str]:
    """Where a trigger pattern may start, in lower-case text ("’" read as "'")."""
    starts: set[str] = set()
    for first, pats in lexicon().patterns.items():
        if any(len(p.words) == 1 for p in pats):
            starts.add(first)
        else:
            starts.update(first + _GAP + p.words[1] for p in pats)
    body = _trie_pattern(starts) or "(?!)"
    if all(_WORD.fullmatch(w) for s in starts for w in s.split(_GAP)):
        # a word token ends before a character that could go on a word
        return re.compile(f"(?<![a-z])(?:{body})(?![a-z0-9'\\-])")
    return re.compile(f"(?<![a-z])(?:{body})")


def may_trigger(text: str) -> bool:
    """False only when no trigger pattern can start in ``text`` (see the module notes)."""
    if _UNSAFE.search(text):
        return True
    return _starts().search(text.lower().replace("’", "'")) is not None
