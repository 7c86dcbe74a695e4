"""Word lists compiled into one regular expression shaped as a trie.

Python's ``re`` tries the alternatives of ``a|b|c`` one after the other at each position;
with a few hundred cue words that is most of the cost of a search. A trie (``att(?:ack
(?:s)?|empt)``) costs the length of a match instead. The pattern matches exactly the
strings an alternation of them would, and a greedy match is the longest of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]
_END = ""  # the key that marks the end of a string in a trie node


def trie_pattern(strings: Iterable[str], gap: str = "", gap_pattern: str = "") -> str:
    """A regular expression (no groups) matching any of ``strings``; it never matches
    when there are none. With ``gap``, that character of the strings stands for
    ``gap_pattern`` (say, any run of white space)."""
    trie: _Trie = {}
    for text in strings:
        node = trie
        for char in text:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not trie:
        return "(?!)"

    def emit(node: _Trie) -> str:
        branches = [
            (gap_pattern if gap and char == gap else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char != _END
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if _END in node else body

    return emit(trie)
