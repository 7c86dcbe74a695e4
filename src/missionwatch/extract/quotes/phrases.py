"""The speaker phrase and what reading one needs in both directions: word classes
(name links, prepositions, object pronouns) and small tests on tokens."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from missionwatch.extract.quotes.lexicon import Lexicon
from missionwatch.extract.quotes.tokens import Token

#: lower-case words allowed inside a name ("Secretary of Defense", "Abu Bakr al-Baghdadi")
NAME_LINKS = frozenset({"of", "for", "de", "del", "al", "bin", "ibn", "van", "von", "der",
                        "la", "le", "du", "da", "and", "the", "on"})
PREPOSITIONS = frozenset({"for", "of", "at", "with", "from", "in", "to", "on", "during",
                          "after", "before", "via", "by"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "it"})
_CONTRACTION = re.compile(r"[’'](?:ve|d|ll)$")


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase: ``start``/``end`` offsets, the tokens' text and its kind."""

    start: int
    end: int
    text: str
    kind: str  # name | pronoun | role | relative
    tokens: tuple[str, ...] = ()
    offsets: tuple[int, ...] = ()  # where each token starts
    antecedent: Phrase | None = None  # of a relative pronoun: "Smith" of "Smith, who said"


def document_like(phrase: Phrase, lex: Lexicon) -> bool:
    """A document or body: "a Bloomberg poll", "the Government Accountability Office"."""
    lows = [t.lower() for t in phrase.tokens]
    return bool(lows) and (lows[-1] in lex.document_nouns or lows[-1] in lex.org_words or (
        phrase.kind == "name" and any(w in lex.org_words for w in lows)))


def pronoun_form(word: str) -> str:
    """``word`` in lower case without a contracted auxiliary ("I've" → "i")."""
    return _CONTRACTION.sub("", word.lower())


def make_phrase(tokens: list[Token], i: int, j: int, kind: str, source: str) -> Phrase:
    """The phrase of ``tokens[i..j]`` (inclusive)."""
    start, end = tokens[i].start, tokens[j].end
    part = tokens[i:j + 1]
    return Phrase(start, end, source[start:end], kind, tuple(t.text for t in part),
                  tuple(t.start for t in part))


def is_title(tok: Token, lex: Lexicon) -> bool:
    """A title word, also abbreviated and run together ("Gen", "Lt.Col")."""
    return tok.low in lex.titles or ("." in tok.low and all(
        part in lex.titles for part in tok.low.split(".") if part))


def token_at(tokens: list[Token], offset: int) -> int:
    """The index of the token starting at ``offset`` (the first at or after it)."""
    return bisect.bisect_left(tokens, offset, key=_start)


def _start(tok: Token) -> int:
    return tok.start


def is_name_word(tok: Token, lex: Lexicon) -> bool:
    return tok.is_word and tok.is_cap and not tok.text.isdigit()


def role_head(tok: Token, lex: Lexicon) -> bool:
    return tok.low in lex.role_nouns or (tok.low in lex.org_words and not tok.is_cap)
