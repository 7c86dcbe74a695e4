"""A cheap first look at a sentence: is it about sport or history (discarded), and may it
hold an event trigger at all?

Most sentences hold none. :func:`may_trigger` answers from the raw text, before the
sentence is tokenized: it never says False where the words of a trigger pattern stand
(with the word a pattern asks for before it, "air" in "air strike"), so a sentence it
turns down has no trigger. It may say True where none is found (a verb without the object
it asks for, a noun where a verb is wanted): the trigger finder decides then.

Tokens start at the start of the text, after a space, or after a character that is not a
letter, except after an abbreviation run into a word ("U.S.Army") or "n't" run into one;
a text holding those (or a character whose lower case is context-dependent or an ASCII
letter) is always let through. A word token ends before a character that is not a letter,
a digit, an apostrophe or a hyphen (every word of the patterns is such a token).
"""

from __future__ import annotations

import re
from functools import cache

from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.trie import trie_pattern

#: texts where a token may start right after a letter ("U.S.Army", "n'tx"), or where
#: lower() is not a character-by-character map (or maps to an ASCII letter)
_RUN_ON = re.compile(r"\.[A-Za-z]{2}")
_NOT_RUN_ON = re.compile(r"n't[A-Za-z]")
_CASE = re.compile("[\u212a\u0130\u03a3]")
#: a word as the tokenizer reads one: it never ends before one of these characters
_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
_GAP = "\x00"  # stands for the space between two words in the trie


@cache
def _trigger_pattern() -> str:
    """Where a trigger pattern may start, in lower-case text ("’" read as "'")."""
    starts: set[str] = set()
    for pats in lexicon().patterns.values():
        for pat in pats:
            words = _GAP.join(pat.words)
            before = pat.entry.before
            if before and all(_WORD.fullmatch(w) for w in before):
                starts.update(w + _GAP + words for w in before)  # "air strike"
            else:
                starts.add(words)
    body = trie_pattern(starts, _GAP, r"\s*")  # white space, or none
    if all(_WORD.fullmatch(w) for s in starts for w in s.split(_GAP)):
        # a word token ends before a character that could go on a word
        return f"(?<![a-z])(?:{body})(?![a-z0-9'\\-])"
    return f"(?<![a-z])(?:{body})"


@cache
def _trigger() -> re.Pattern[str]:
    return re.compile(_trigger_pattern())


@cache
def _discard() -> tuple[re.Pattern[str] | None, bool]:
    """A word of the discard list after a space (None when the list is empty), and whether
    it may be looked for in the text the triggers are (no discard word has an apostrophe,
    so reading "’" as "'" changes nothing)."""
    words = lexicon().discard
    if not words:
        return None, True
    return re.compile(f" (?:{trie_pattern(words)})"), not any("'" in w or "’" in w for w in words)


def _unusual(text: str) -> bool:
    """True for a text where the trigger pattern may miss a token (see the module notes)."""
    return bool(
        _RUN_ON.search(text) or ("n't" in text and _NOT_RUN_ON.search(text)) or _CASE.search(text)
    )


def may_trigger(text: str) -> bool:
    """False only when no trigger pattern can start in ``text`` (see the module notes)."""
    return bool(_trigger().search(text.lower().replace("’", "'"))) or _unusual(text)


def discarded(text: str) -> bool:
    """True when a word of the discard list (sport, history) begins a word of ``text``."""
    pattern, _ = _discard()
    return pattern is not None and pattern.search(f" {text.lower()} ") is not None


def look(text: str) -> tuple[bool, bool]:
    """(:func:`discarded`, :func:`may_trigger`), reading the lower-case text once; when
    the text is discarded the second is not read (True)."""
    pattern, same_text = _discard()
    if not same_text:
        return (True, True) if discarded(text) else (False, may_trigger(text))
    low = text.lower().replace("’", "'")
    if pattern is not None and pattern.search(" " + low + " "):
        return True, True
    return False, bool(_trigger().search(low)) or _unusual(text)
