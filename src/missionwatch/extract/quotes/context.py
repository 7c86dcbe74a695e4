"""What the quote finders share: the document, its sentences, the lexicon, and the
:class:`Candidate` statements they propose before speakers are resolved."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from missionwatch.document import Document, Sentence
from missionwatch.extract.quotes.lexicon import Lexicon, Verb
from missionwatch.extract.quotes.phrases import token_at
from missionwatch.extract.quotes.resolve import Speaker
from missionwatch.extract.quotes.speakers import Phrase
from missionwatch.extract.quotes.tokens import Token

#: "BRUSSELS (Reuters) - ", "MIDWAY ATOLL - ": a dateline opening a paragraph
DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}(?:\([^()]{1,40}\))?\s*[-–—]+\s+")
_SPACE = re.compile(r"\s+")
#: a sentence end the sentence splitter may have missed (before ''…'' quotes)
_STOP = re.compile(r"[.!?]+(?:''|[\"”’'])*\s+(?=(?:''|``|[\"“‘'])*[A-Z])")
_WORD_BEFORE = re.compile(r"(\w+)\.$")
_NAMED_TYPES = frozenset({"person", "organisation", "organization", "country", "mission"})
_MAX_MENTION = 200


@dataclass
class Candidate:
    """A statement found in the text, before its speaker is resolved."""

    start: int
    end: int
    direct: bool
    cue: tuple[int, int] | None
    phrase: Phrase | None
    pattern: str
    inherit: Candidate | None = None
    speaker: Speaker | None = None

    @property
    def pos(self) -> int:
        """Where the attribution is made (its cue, else its content)."""
        return self.cue[0] if self.cue else self.start


class Context:
    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.sentences: list[Sentence] = doc.sentences
        self.starts = [s.start for s in self.sentences]
        self._mention_starts: list[int] | None = None
        self._mention_spans: list[tuple[int, int]] = []

    def names_entity(self, start: int, end: int) -> bool:
        """True when a person or organisation mention overlaps ``text[start:end]``."""
        if self._mention_starts is None:
            found = sorted((m.start, m.end) for m in self.doc.mentions
                           if m.type in _NAMED_TYPES and m.how != "pronoun")
            self._mention_starts = [a for a, _ in found]
            self._mention_spans = found
        i = bisect.bisect_left(self._mention_starts, start - _MAX_MENTION)
        return any(a < end and start < b for a, b in self._mention_spans[i:]
                   if a < end)

    def sentence(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``, else the one just after it (white space)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        if i + 1 < len(self.sentences):
            return self.sentences[i + 1]
        return None

    def is_body(self, offset: int) -> bool:
        sent = self.sentence(offset)
        return sent is None or sent.role == "body"

    def bounds(self, offset: int) -> tuple[int, int, Sentence] | None:
        """The sentence around ``offset``, narrowed at sentence ends the splitter missed."""
        sent = self.sentence(offset)
        if sent is None or offset < sent.start:
            return None
        start, end = sent.start, sent.end
        for m in _STOP.finditer(self.text, start, end):
            w = _WORD_BEFORE.search(self.text, max(start, m.start() - 12), m.start() + 1)
            if w and self.abbreviation(w.group(1)):
                continue  # "Mr.", "J."
            if m.end() <= offset:
                start = m.end()
            elif m.start() >= offset:
                end = m.start() + 1
                break
        return start, end, sent

    def abbreviation(self, word: str) -> bool:
        """True when a full stop after ``word`` does not end a sentence ("Mr.", "Gen.", "J.",
        "Jr.")."""
        low = word.lower()
        return low in self.lex.titles or low in self.lex.name_suffixes or len(word) == 1

    def cue_verb(self, start: int, end: int) -> Verb | None:
        return self.lex.verb(_SPACE.sub(" ", self.text[start:end]))

    def content_start(self, start: int, end: int) -> int:
        """Skip white space and a dateline at ``start``."""
        while start < end and self.text[start].isspace():
            start += 1
        m = DATELINE.match(self.text, start, end)
        return m.end() if m else start

    def trim(self, start: int, end: int, keep_stop: bool = False) -> tuple[int, int]:
        """Trim white space, and (unless ``keep_stop``) a final full stop and commas."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        strip = " \t\n\r,;:—–-" if keep_stop else " \t\n\r,;:—–-."
        while end > start and text[end - 1] in strip:
            end -= 1
        return start, end


_NOUN_BEFORE = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                          "these", "those", "this", "of", "<", "no", "any", "such"})
_PRONOUN_S = frozenset({"he's", "she's", "it's", "that's", "who's", "he’s", "she’s", "it’s",
                        "that’s", "who’s"})


def noun_use(tokens: list[Token], ci: int, lex: Lexicon) -> bool:
    """True when the cue word at ``tokens[ci]`` is a noun ("his remarks", "Obama's claims",
    "a report", "Initial reports indicate …"), not a verb."""
    if ci + 1 < len(tokens) and not tokens[ci + 1].is_cap and (
        tokens[ci + 1].low in lex.verbs or tokens[ci + 1].low in lex.clause_markers
    ):
        return True  # a verb follows: the cue word is its subject
    if ci <= 0:
        return False
    prev = tokens[ci - 1].low
    if prev in _NOUN_BEFORE:
        return True
    return prev.endswith(("'s", "’s", "s'", "s’")) and prev not in _PRONOUN_S


def has_letters(text: str, start: int, end: int) -> bool:
    return any(ch.isalpha() for ch in text[start:end])


def token_index(tokens: list[Token], offset: int) -> int:
    """The index of the first token starting at or after ``offset``."""
    return token_at(tokens, offset)
