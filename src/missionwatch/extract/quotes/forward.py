"""Read a speaker phrase forwards: after an inverted cue ("said Stoltenberg", "said a
spokesman for the ministry", "according to the National Defense Strategy") and at the start
of a sentence (its subject: "He then defended …", "During a speech, Trump attacked …")."""

from __future__ import annotations

from missionwatch.extract.quotes.lexicon import Lexicon
from missionwatch.extract.quotes.phrases import (
    NAME_LINKS,
    PREPOSITIONS,
    Phrase,
    is_title,
    make_phrase,
    role_head,
)
from missionwatch.extract.quotes.tokens import Token

_MAX_NAME = 9
_SUBJECT_REACH = 16
_MAX_OPENING_COMMAS = 2


def sentence_subject(tokens: list[Token], lex: Lexicon, source: str) -> Phrase | None:
    """The subject opening a sentence ("He then defended…", "During a speech, Trump
    attacked…"): a pronoun or name at its start or right after an opening phrase."""
    skip = 0
    while skip < len(tokens) and (not tokens[skip].is_word
                                  or tokens[skip].low in lex.conjunctions):
        skip += 1  # a stray quote mark, "And", "But"
    tokens = tokens[skip:]
    starts = [0]
    if tokens and (tokens[0].low in lex.adjunct_openers or tokens[0].low.endswith("ing")):
        starts = []  # "During a speech, Trump attacked …": the subject follows the comma
    commas = 1 if starts else _MAX_OPENING_COMMAS  # "On July 6, 2015, Sanders made …"
    for k, t in enumerate(tokens[:_SUBJECT_REACH]):
        if t.text == "," and len(starts) < commas + (1 if starts and starts[0] == 0 else 0):
            starts.append(k + 1)
    for i in starts:
        if i < len(tokens) and tokens[i].low in lex.pronouns:
            return np_after(tokens, i, lex, source) or Phrase(
                tokens[i].start, tokens[i].end, tokens[i].text, "pronoun", (tokens[i].text,),
                (tokens[i].start,))
        phrase = np_after(tokens, i, lex, source)
        if phrase is not None:
            return phrase
    return None


def _initial(tokens: list[Token], j: int) -> bool:
    """A single capital followed by a full stop: the "A." of "Julie A. Diaz"."""
    t = tokens[j]
    return len(t.text) == 1 and t.is_cap and j + 1 < len(tokens) and tokens[j + 1].text == "."


def _continues_name(tokens: list[Token], j: int, i: int, last_good: int, lex: Lexicon) -> bool:
    """True when ``tokens[j]`` may sit inside a name read forwards without being its last
    word: the stop of "Gen." or "J.", "of"/"the" before a capital, a lower-case title."""
    t, n = tokens[j], len(tokens)
    if t.text == ".":
        return j > i and (is_title(tokens[j - 1], lex) or len(tokens[j - 1].text) == 1)
    if t.low in NAME_LINKS:
        return last_good == j - 1 and j + 1 < n and (
            tokens[j + 1].is_cap or tokens[j + 1].low in lex.role_determiners)
    return t.is_word and t.low in lex.titles and j + 1 < n


def np_after(tokens: list[Token], i: int, lex: Lexicon, source: str) -> Phrase | None:
    """The speaker phrase starting at ``tokens[i]`` ("said Stoltenberg at …",
    "said a spokesman for the ministry", "according to the National Defense Strategy")."""
    n = len(tokens)
    if i >= n or not tokens[i].is_word:
        return None
    tok = tokens[i]
    if tok.low in lex.pronouns and tok.low not in {"i", "it", "we"}:
        return make_phrase(tokens, i, i, "pronoun", source)
    # read forward over determiners, modifiers, titles and capitalised words
    j = i
    last_good = -1
    kind = "name"
    while j < n and j - i < _MAX_NAME + 3:
        t = tokens[j]
        if role_head(t, lex) and not t.is_cap:
            last_good, kind = j, "role"
        elif t.is_word and t.is_cap and (
            t.low not in lex.not_names or t.low in lex.titles or _initial(tokens, j)
        ):
            last_good = j
        elif t.low in lex.role_determiners and (j == i or tokens[j - 1].low == "of"):
            kind = "role"
        elif t.low == "of" and j == i + 1 and tokens[i].low in lex.role_determiners:
            pass  # "one of the protesters", "some of the officials"
        elif _continues_name(tokens, j, i, last_good, lex):
            pass
        elif last_good < 0 and (t.text.isdigit() or (
            t.text == "/" and j > i and tokens[j - 1].text.isdigit())):
            kind = "role"  # "said 9/11 widow Terry Strada"
        elif t.is_word and t.text.replace("-", "").isalpha() and not t.is_cap and (
            t.low not in lex.not_names and t.low not in lex.verbs and t.low not in PREPOSITIONS
            and t.low not in lex.clause_markers and last_good < 0
        ):
            kind = "role"  # a modifier before the head: "a senior military official"
        else:
            break
        j += 1
    if last_good < 0:
        return None
    first = tokens[i]
    if first.low in lex.not_names and first.low not in lex.role_determiners and (
        first.low not in lex.titles
    ):
        return None
    start = i + 1 if first.low == "the" and kind == "name" else i
    if start > last_good:
        return None
    run = last_good
    while run - 1 >= start and (tokens[run - 1].is_cap or tokens[run - 1].text == "."):
        run -= 1
    if kind == "role" and tokens[last_good].is_cap and run > start and (
        role_head(tokens[run - 1], lex) or tokens[run - 1].low in lex.titles
    ):
        return make_phrase(tokens, run, last_good, "name", source)  # "9/11 widow | Terry Strada"
    return make_phrase(tokens, start, last_good, kind, source)
