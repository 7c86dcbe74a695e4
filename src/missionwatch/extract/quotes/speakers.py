"""Find the noun phrase that names the speaker before a cue, reading the raw text
backwards: "Stoltenberg said", "he added", "Jens Stoltenberg, the NATO Secretary General,
said", "a senior U.S. official said", "the Pentagon said", "Smith, who said". Reading
forwards ("said Stoltenberg") is :mod:`forward`'s. Both give a :class:`Phrase` with its kind
(``name``, ``pronoun``, ``role`` or ``relative``); turning it into a canonical speaker is
:mod:`resolve`'s job.
"""

from __future__ import annotations

import re

from missionwatch.extract.quotes.forward import np_after, sentence_subject
from missionwatch.extract.quotes.lexicon import Lexicon
from missionwatch.extract.quotes.phrases import (
    NAME_LINKS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    Phrase,
    document_like,
    is_name_word,
    is_title,
    make_phrase,
    pronoun_form,
    role_head,
    token_at,
)
from missionwatch.extract.quotes.tokens import Token

__all__ = ["NAME_LINKS", "OBJECT_PRONOUNS", "PREPOSITIONS", "Phrase", "document_like",
           "np_after", "np_backward", "np_before", "pronoun_form", "sentence_subject",
           "skip_adverbs_backward"]

_MAX_NAME = 9
_WORDS = frozenset({"the", "and", "of", "for", "on"})  # links that are never name particles
_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "during", "last", "this", "since", "by"})
_YEAR = re.compile(r"(?:1[89]|20)\d\d$")
_MAX_ADVERBS = 4
_PARTY = re.compile(r"[A-Z]-[A-Z][A-Za-z]+$")  # "D-Calif", "R-Ariz"
_MAX_MODIFIERS = 4


def _name_backward(tokens: list[Token], j: int, lex: Lexicon, floor: int) -> int:
    """The first index of a capitalised name ending at ``tokens[j]``, or -1."""
    if j < floor or not is_name_word(tokens[j], lex) or tokens[j].low in lex.not_names:
        return -1
    i = j
    while i - 1 >= floor and j - i < _MAX_NAME:
        prev = tokens[i - 1]
        if is_name_word(prev, lex):
            i -= 1
        elif prev.low in NAME_LINKS and i - 2 >= floor and is_name_word(tokens[i - 2], lex):
            i -= 2
        elif prev.low in NAME_LINKS and i - 3 >= floor and tokens[i - 2].low in NAME_LINKS and (
            is_name_word(tokens[i - 3], lex)
        ):
            i -= 3  # "Mr. Morgan of the Sierra Club"
        elif prev.text == "." and i - 2 >= floor and (
            is_title(tokens[i - 2], lex) or len(tokens[i - 2].text) == 1
        ):
            i -= 2  # "Gen. Kenneth McKenzie", "Donald J. Trump"
        elif prev.low in lex.titles and prev.is_word and not prev.is_cap and i - 2 >= floor and (
            is_name_word(tokens[i - 2], lex)
        ):
            i -= 1  # "White House press secretary Karine Jean-Pierre"
        else:
            break
    # drop leading function words ("But Trump", "The Pentagon") and links
    while i < j and (
        (tokens[i].low in lex.not_names and tokens[i].low not in lex.titles)
        or (tokens[i].low in NAME_LINKS and (not tokens[i].is_cap or tokens[i].low in _WORDS))
        or tokens[i].text == "."
    ):
        i += 1  # but "De Blasio", "Van Orden", "Al Sharpton" keep their particle
    if tokens[i].low in lex.not_names and tokens[i].low not in lex.titles:
        return -1
    return i


def _role_backward(tokens: list[Token], j: int, lex: Lexicon, floor: int) -> int:
    """The first index of a role phrase ("a senior official", "the bank") whose head is
    ``tokens[j]``."""
    if j < floor or not role_head(tokens[j], lex):
        return -1
    i = j
    steps = 0
    while i - 1 >= floor and steps < _MAX_MODIFIERS:
        prev = tokens[i - 1]
        if prev.low in lex.role_determiners:
            i -= 1
            break
        if prev.is_word and (prev.is_cap or prev.low in lex.titles or prev.low in lex.role_nouns
                             or prev.low.endswith(("’s", "'s"))):
            i -= 1
        elif prev.is_word and prev.text.isalpha() and prev.low not in lex.verbs and (
            prev.low not in lex.clause_markers and prev.low not in lex.not_names
            and prev.low not in PREPOSITIONS
        ):
            i -= 1  # an adjective: "a senior military official"
        else:
            break
        steps += 1
    return i


def np_backward(tokens: list[Token], j: int, lex: Lexicon, source: str,
                floor: int = 0) -> Phrase | None:
    """The speaker phrase ending at ``tokens[j]`` (no adverbs, no appositive)."""
    if j < floor:
        return None
    tok = tokens[j]
    low = pronoun_form(tok.text)  # "I've suggested", "they'd said"
    if low in lex.pronouns and (low != "i" or tok.text[0] == "I"):
        return make_phrase(tokens, j, j, "pronoun", source)
    in_name = tok.is_cap and j - 1 >= floor and tokens[j - 1].is_cap
    head = -1 if in_name else _role_backward(tokens, j, lex, floor)  # "the Joint Command"
    if head >= 0:
        # "a spokesman for the ministry": extend over one "for/of/at X" link
        if head - 2 >= floor and tokens[head - 1].low in PREPOSITIONS:
            outer = _role_backward(tokens, head - 2, lex, floor)
            if outer >= 0:
                head = outer
        return make_phrase(tokens, head, j, "role", source)
    i = _name_backward(tokens, j, lex, floor)
    if i >= 0:
        if i - 2 >= floor and tokens[i - 1].low in PREPOSITIONS:
            outer = _role_backward(tokens, i - 2, lex, floor)
            if outer >= 0:
                return make_phrase(tokens, outer, j, "role", source)
        return make_phrase(tokens, i, j, "name", source)
    return _det_noun(tokens, j, lex, source, floor)


def _det_noun(tokens: list[Token], j: int, lex: Lexicon, source: str,
              floor: int) -> Phrase | None:
    """Any noun after a determiner ("one slide", "its defenders", "the brief")."""
    tok = tokens[j]
    if not tok.is_word or not tok.text.isalpha() or tok.is_cap or tok.low in lex.not_names or (
        tok.low in lex.verbs or tok.low in lex.clause_markers or tok.low in PREPOSITIONS
        or tok.low in lex.adverbs or tok.low.endswith(("ly", "ing"))
    ):
        return None
    for i in range(j - 1, max(floor, j - _MAX_DET_NOUN) - 1, -1):
        t = tokens[i]
        if t.low in lex.role_determiners or t.low.endswith(("’s", "'s")):
            return make_phrase(tokens, i, j, "role", source)
        if not t.is_word or t.low in lex.verbs or t.low in lex.clause_markers or (
            t.low in PREPOSITIONS or t.low in lex.not_names
        ):
            break
    return _bare_plural(tokens, j, lex, source, floor)


def _bare_plural(tokens: list[Token], j: int, lex: Lexicon, source: str,
                 floor: int) -> Phrase | None:
    """A plural noun phrase with no determiner opening the sentence ("Companies and
    individuals complain …", "Many economists say …")."""
    if not tokens[j].low.endswith("s") or tokens[j].low.endswith(("ss", "us", "is")):
        return None
    i = j
    while i > floor and j - i < _MAX_BARE:
        t = tokens[i - 1]
        if not t.is_word or not t.text.replace("-", "").isalpha() or (
            t.low in lex.verbs or t.low in lex.clause_markers or t.low in PREPOSITIONS
        ) or (t.low in lex.not_names and t.low not in {"and", "many", "most", "some"}):
            return None
        i -= 1
    if i != floor or not tokens[i].is_cap or tokens[i].low in {"and", "or"}:
        return None
    return make_phrase(tokens, i, j, "role", source)


def skip_adverbs_backward(tokens: list[Token], j: int, lex: Lexicon, floor: int = 0) -> int:
    """Step back over "also", "later", "has", "would" … before a cue."""
    n = 0
    while j >= floor and n < _MAX_ADVERBS and tokens[j].is_word and (
        tokens[j].low in lex.adverbs or (tokens[j].low in lex.time_words
                                         and tokens[j].low not in PREPOSITIONS
                                         and tokens[j].low not in lex.role_determiners)
        or _YEAR.match(tokens[j].text) is not None
    ):
        j -= 1  # "also", "later", "today", "on Monday"'s "Monday", "in 2010"'s "2010"
        n += 1
        if j >= floor and tokens[j].low in _TIME_PREPOSITIONS:
            j -= 1  # "Sanders on Tuesday said", "who in 2010 said"
            n += 1
    return j


def _skip_brackets(tokens: list[Token], j: int, floor: int) -> int:
    """Step back over "(D-Wis.)" ending at ``tokens[j]``."""
    if j >= floor and tokens[j].text == ")":
        k = j - 1
        while k >= floor and k > j - 8 and tokens[k].text != "(":
            k -= 1
        if k >= floor and tokens[k].text == "(":
            return k - 1
    return j


_DASHES = frozenset({"-", "—", "–"})
_APPOSITIVE_STOPS = frozenset({",", ";", ":", "“", '"', "”", "."})
_MAX_APPOSITIVE = 24
_MAX_APPOSITIVES = 4
_MAX_DET_NOUN = 2
_MAX_BARE = 4
_ABBREVIATION = 5
_RELATIVES = frozenset({"who", "which", "whose", "whom", "that", "where"})


def _abbreviation_stop(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """The full stop of "R-Ky." or "Md." inside an appositive."""
    if tokens[k].text != "." or k == 0:
        return False
    prev = tokens[k - 1]
    return prev.is_cap and (len(prev.text) <= _ABBREVIATION or prev.low in lex.titles
                            or _PARTY.match(prev.text) is not None)  # "D-Calif."


def _appositive_start(tokens: list[Token], j: int, lex: Lexicon, floor: int) -> int:
    """With ``tokens[j]`` a comma closing an appositive ("…, the NATO Secretary General,"),
    the index of the comma opening it, or -1."""
    k = j - 1
    while k >= floor and k > j - _MAX_APPOSITIVE and (
        tokens[k].text not in _APPOSITIVE_STOPS or _abbreviation_stop(tokens, k, lex)
    ):
        k -= 1
    if k < floor or tokens[k].text != "," or k + 1 >= j:
        return -1
    relative = False
    for n in range(k + 1, j):
        t = tokens[n]
        if t.low in lex.verbs and not t.is_cap and tokens[n - 1].low not in lex.role_determiners:
            return -1  # a clause with its own cue, not an appositive ("the states" is a noun)
        if t.low in _RELATIVES:
            relative = True
        elif not relative and (t.low in lex.clause_markers or (
            t.low.endswith("ed") and n > k + 1 and tokens[n - 1].low not in lex.role_determiners
            and not t.is_cap
        )):
            return -1  # "…, and the meeting deteriorated from there, said X"
    return k


def np_before(tokens: list[Token], j: int, lex: Lexicon, source: str,
              floor: int = 0) -> Phrase | None:
    """The subject of a cue whose previous token is ``tokens[j]``, over adverbs, a party in
    brackets and up to two appositives ("Jens Stoltenberg, NATO's secretary general,
    said"), or over a coordinated verb ("I laughed and said")."""
    j = skip_adverbs_backward(tokens, j, lex, floor)
    j = _skip_brackets(tokens, j, floor)
    if j - 1 >= floor and tokens[j].text == "." and tokens[j - 1].low in lex.name_suffixes:
        j -= 1  # "Donald Trump Jr. said"
    if j < floor:
        return None
    if tokens[j].low == "and" and j - 2 >= floor and tokens[j - 1].is_word and (
        tokens[j - 1].low.endswith("ed") or tokens[j - 1].low in lex.verbs
    ):
        return np_before(tokens, j - 2, lex, source, floor)
    if tokens[j].low in {"and", "but"}:
        # "Democrats described the showdown as ominous, and said …": the clause's subject
        return sentence_subject(tokens[floor:j], lex, source)
    if tokens[j].text == ",":
        found: Phrase | None = None
        # "The minister of the economy, Mr. Guajardo Villarreal, argues": a name making the
        # whole appositive is the speaker when nothing before it is
        inner = np_backward(tokens, _skip_brackets(tokens, j - 1, floor), lex, source, floor)
        if inner is not None and inner.kind == "name":
            at = token_at(tokens, inner.start)
            if not (at - 1 >= floor and tokens[at - 1].text == ","):
                inner = None
        for _ in range(_MAX_APPOSITIVES):
            k = _appositive_start(tokens, j, lex, floor)
            if k < 0:
                if found is not None:
                    # "Scott Pruitt, the attorney general of Oklahoma, …, said": the name
                    # opening the sentence before the appositives
                    head = np_backward(tokens, _skip_brackets(tokens, j - 1, floor), lex,
                                       source, floor)
                    at = token_at(tokens, head.start) if head is not None else 0
                    if head is not None and head.kind == "name" and found.kind == "role" and (
                        at <= floor or tokens[at - 1].low not in PREPOSITIONS
                    ):
                        found = head
                break
            j = k
            subject = np_backward(tokens, _skip_brackets(tokens, k - 1, floor), lex, source,
                                  floor)
            if subject is None or subject.kind == "pronoun":
                continue
            first = token_at(tokens, subject.start)
            before = tokens[first - 1] if first - 1 >= floor else None
            if before is not None and (before.low in PREPOSITIONS or before.low in NAME_LINKS):
                continue  # "…general of Oklahoma, one of the states, said": not the subject
            found = subject
            if before is None or before.text != ",":
                break
            j = first - 1  # the phrase may itself be an appositive: look further back
        if inner is not None and found is None:
            return inner
        if inner is not None and found is not None and found.kind == "role" and (
                found.end <= inner.start):
            # "Clinton's campaign manager, Robby Mook, told reporters": the whole phrase,
            # named by the name
            return Phrase(found.start, inner.end, source[found.start:inner.end], "name",
                          inner.tokens, inner.offsets)
        return found
    if tokens[j].text in _DASHES:
        # "Kall -- co-editor of a book on Trump's debates -- said": the name before the aside
        k = j
        while k >= floor and tokens[k].text in _DASHES:
            k -= 1
        opener = k
        while opener >= floor and j - opener < _MAX_APPOSITIVE and tokens[opener].text not in (
                _DASHES | {".", ";"}):
            opener -= 1
        if opener >= floor and tokens[opener].text in _DASHES:
            while opener >= floor and tokens[opener].text in _DASHES:
                opener -= 1
            return np_before(tokens, opener, lex, source, floor)
        return None
    if tokens[j].low in {"who", "which"} and j - 1 >= floor:
        # "Smith, who said …", "the study -- which notes that …"
        jj = j - 1
        while jj > floor and tokens[jj].text in {",", "-", "—", "–", "("}:
            jj -= 1
        antecedent = np_backward(tokens, jj, lex, source, floor)
        rel = make_phrase(tokens, j, j, "relative", source)
        return Phrase(rel.start, rel.end, rel.text, "relative", rel.tokens, rel.offsets,
                      antecedent)
    return np_backward(tokens, j, lex, source, floor)
