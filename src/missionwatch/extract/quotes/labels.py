"""Quotes labelled with their speaker, as press releases list reactions:

    Sen. Mike Crapo: “President Trump has had phenomenal successes …”
    National Mining Association President and CEO Rich Nolan:
    “We urge the House to quickly pass this bill …”

A paragraph (or list item) opening with a name and a colon, the quote right after it. The
name may run over a wrapped line and be marked up as a link or in bold, as text converted
from HTML often is (``[Sen. Mike Crapo](https://…):``, ``**Name:**``); the mark-up is
left out of the speaker.
"""

from __future__ import annotations

import re

from missionwatch.extract.quotes.context import Context
from missionwatch.extract.quotes.lexicon import Lexicon
from missionwatch.extract.quotes.speakers import NAME_LINKS, Phrase
from missionwatch.extract.quotes.tokens import Token, tokenize

_MAX_WORDS = 14
#: a link target right before the colon: ``](https://…)``
_LINK = re.compile(r"\]\([^()\s]*\)\s*$")
_MARKUP = frozenset("[]*_#>")
_BULLET = re.compile(r"[ \t]*(?:[-*•][ \t]+|\d+[.)][ \t]+)?")


def _label_start(text: str, colon: int) -> int:
    """The start of the paragraph or list item holding ``colon``."""
    para = text.rfind("\n\n", 0, colon)
    start = para + 2 if para >= 0 else 0
    item = max(text.rfind("\n-", start, colon), text.rfind("\n*", start, colon),
               text.rfind("\n•", start, colon))
    if item >= 0:
        start = item + 1
    m = _BULLET.match(text, start)
    return m.end() if m else start


def _name_token(tok: Token, lex: Lexicon) -> bool:
    return tok.is_word and (tok.is_cap or tok.low in NAME_LINKS or tok.low in lex.titles
                            or tok.text[0].isdigit())


def label_cue(ctx: Context, colon: int) -> tuple[tuple[int, int], Phrase] | None:
    """The speaker named before ``colon`` when it opens its paragraph as a label."""
    text, lex = ctx.text, ctx.lex
    start = _label_start(text, colon)
    end = colon
    link = _LINK.search(text, start, colon)
    if link is not None:
        end = link.start()  # "[Name](url):" -> "Name"
    toks = [t for t in tokenize(text, start, end) if t.text not in _MARKUP]
    words = [t for t in toks if t.is_word]
    if not words or len(words) > _MAX_WORDS or not words[0].is_cap:
        return None
    if words[0].low in lex.labels or not words[-1].is_cap:
        return None  # "Update: …", "Read more here: …"
    if any(not (_name_token(t, lex) or t.text in {".", ",", "’", "'", "&", "(", ")", "-"})
           for t in toks):
        return None  # a sentence, not a name
    if any(t.low in lex.verbs or t.low in lex.clause_markers for t in words if not t.is_cap):
        return None
    first, last = words[0], words[-1]
    phrase = Phrase(first.start, last.end, text[first.start:last.end], "name",
                    tuple(t.text for t in words), tuple(t.start for t in words))
    return (colon, colon + 1), phrase
