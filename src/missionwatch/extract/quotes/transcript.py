"""Transcript lines: a paragraph opening with a speaker's name and a colon.

    SECRETARY AUSTIN: Good afternoon. We will …
    Q: Mr. Secretary, …
    Pence: Gennifer Flowers won't be at the debate.

The name (at most a few capitalised words, not a label such as "Photo" or "Editor's note")
is the speaker, the colon the cue, and the rest of the paragraph what was said.
"""

from __future__ import annotations

import re

from missionwatch.extract.quotes.context import Candidate, Context
from missionwatch.extract.quotes.speakers import Phrase
from missionwatch.extract.quotes.tokens import tokenize, word_count

#: a paragraph start, then a short name and a colon
_LINE = re.compile(
    r"(?m)^[ \t]*(?:[\"“]|'')?([A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,4})[ \t]*:[ \t]+(?=\S)")
_MIN_WORDS = 3
_OPENERS = "“\"«"
_CLOSERS = "”\"»"
_PARAGRAPH_END = re.compile(r"[\n\u2028\u2029]")


def find_transcript(ctx: Context, quoted: list[tuple[int, int]]) -> list[Candidate]:
    """The statements of transcript lines (outside the ``quoted`` stretches, or opening
    one: an article quoting a transcript, ``"WALLACE: …``)."""
    text, lex = ctx.text, ctx.lex
    out: list[Candidate] = []
    for m in _LINE.finditer(text):
        words = m.group(1).split()
        lows = [w.lower().rstrip(".") for w in words]
        if lows[0] in lex.labels or any(w in lex.not_names and w not in lex.titles
                                        for w in lows[:1]):
            continue
        if (any(w in lex.labels for w in lows[1:2]) and lows[0] == "the") or any(
                w in lex.not_names and w not in lex.titles for w in lows[1:]):
            continue  # "The Latest: …", a headline "Stealth Over Health: …"
        if not ctx.is_body(m.start(1)) or (m.start(1) == m.start() and any(
                a <= m.start(1) < b for a, b in quoted)):
            continue  # a name inside a quote is a transcript line only when it opens it
        colon = text.index(":", m.end(1))
        brk = _PARAGRAPH_END.search(text, m.end())
        end = brk.start() if brk else len(text)
        start, end = ctx.trim(m.end(), end, keep_stop=True)
        if end - start > 2 and text[start] in _OPENERS and text[end - 1] in _CLOSERS and (
                m.start(1) == m.start() or text[m.start()] not in _OPENERS):
            start, end = start + 1, end - 1  # Obama: “It's that simple.”
        if word_count(text, start, end) < _MIN_WORDS:
            continue
        toks = tokenize(text, m.start(1), m.end(1))
        phrase = Phrase(m.start(1), m.end(1), m.group(1), "name", tuple(t.text for t in toks),
                        tuple(t.start for t in toks))
        out.append(Candidate(start, end, True, (colon, colon + 1), phrase, "transcript"))
    return out
