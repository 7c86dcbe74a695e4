"""Find the noun phrase that names the speaker next to a cue, in the raw text.

``np_before`` reads backwards from a cue ("Stoltenberg said", "he added", "Jens Stoltenberg,
the NATO Secretary General, said", "a senior U.S. official said", "the Pentagon said");
``np_after`` reads forwards after an inverted cue ("said Stoltenberg", "said a spokesman for
the ministry", "according to the National Defense Strategy"). Both return a
:class:`Phrase` with its kind (``name``, ``pronoun`` or ``role``); turning it into a
canonical speaker is :mod:`resolve`'s job.
"""

from __future__ import annotations

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
_MAX_NAME = 9
_CONTRACTION = re.compile(r"[’'](?:ve|d|ll)$")
_PARTY = re.compile(r"[A-Z]-[A-Z][A-Za-z]+$")  # "D-Calif", "R-Ariz"
_MAX_MODIFIERS = 4


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


def _phrase(tokens: list[Token], i: int, j: int, kind: str, source: str) -> Phrase:
    """The phrase of ``tokens[i..j]`` (inclusive)."""
    start, end = tokens[i].start, tokens[j].end
    part = tokens[i:j + 1]
    return Phrase(start, end, source[start:end], kind, tuple(t.text for t in part),
                  tuple(t.start for t in part))


def _is_name_word(tok: Token, lex: Lexicon) -> bool:
    return tok.is_word and tok.is_cap and not tok.text.isdigit()


def _name_backward(tokens: list[Token], j: int, lex: Lexicon, floor: int) -> int:
    """The first index of a capitalised name ending at ``tokens[j]``, or -1."""
    if j < floor or not _is_name_word(tokens[j], lex) or tokens[j].low in lex.not_names:
        return -1
    i = j
    while i - 1 >= floor and j - i < _MAX_NAME:
        prev = tokens[i - 1]
        if _is_name_word(prev, lex):
            i -= 1
        elif prev.low in NAME_LINKS and i - 2 >= floor and _is_name_word(tokens[i - 2], lex):
            i -= 2
        elif prev.low in NAME_LINKS and i - 3 >= floor and tokens[i - 2].low in NAME_LINKS and (
            _is_name_word(tokens[i - 3], lex)
        ):
            i -= 3  # "Mr. Morgan of the Sierra Club"
        elif prev.text == "." and i - 2 >= floor and (
            is_title(tokens[i - 2], lex) or len(tokens[i - 2].text) == 1
        ):
            i -= 2  # "Gen. Kenneth McKenzie", "Donald J. Trump"
        elif prev.low in lex.titles and prev.is_word and not prev.is_cap and i - 2 >= floor and (
            _is_name_word(tokens[i - 2], lex)
        ):
            i -= 1  # "White House press secretary Karine Jean-Pierre"
        else:
            break
    # drop leading function words ("But Trump", "The Pentagon") and links
    while i < j and (
        (tokens[i].low in lex.not_names and tokens[i].low not in lex.titles)
        or tokens[i].low in NAME_LINKS or tokens[i].text == "."
    ):
        i += 1
    if tokens[i].low in lex.not_names and tokens[i].low not in lex.titles:
        return -1
    return i


def _role_head(tok: Token, lex: Lexicon) -> bool:
    return tok.low in lex.role_nouns or (tok.low in lex.org_words and not tok.is_cap)


def _role_backward(tokens: list[Token], j: int, lex: Lexicon, floor: int) -> int:
    """The first index of a role phrase ("a senior official", "the bank") whose head is
    ``tokens[j]``."""
    if j < floor or not _role_head(tokens[j], lex):
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
        return _phrase(tokens, j, j, "pronoun", source)
    in_name = tok.is_cap and j - 1 >= floor and tokens[j - 1].is_cap
    head = -1 if in_name else _role_backward(tokens, j, lex, floor)  # "the Joint Command"
    if head >= 0:
        # "a spokesman for the ministry": extend over one "for/of/at X" link
        if head - 2 >= floor and tokens[head - 1].low in PREPOSITIONS:
            outer = _role_backward(tokens, head - 2, lex, floor)
            if outer >= 0:
                head = outer
        return _phrase(tokens, head, j, "role", source)
    i = _name_backward(tokens, j, lex, floor)
    if i >= 0:
        if i - 2 >= floor and tokens[i - 1].low in PREPOSITIONS:
            outer = _role_backward(tokens, i - 2, lex, floor)
            if outer >= 0:
                return _phrase(tokens, outer, j, "role", source)
        return _phrase(tokens, i, j, "name", source)
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
            return _phrase(tokens, i, j, "role", source)
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
    return _phrase(tokens, i, j, "role", source)


def skip_adverbs_backward(tokens: list[Token], j: int, lex: Lexicon, floor: int = 0) -> int:
    """Step back over "also", "later", "has", "would" … before a cue."""
    n = 0
    while j >= floor and n < 3 and tokens[j].is_word and (
        tokens[j].low in lex.adverbs or (tokens[j].low in lex.time_words
                                         and tokens[j].low not in PREPOSITIONS
                                         and tokens[j].low not in lex.role_determiners)
    ):
        j -= 1  # "also", "later", "today", "on Monday"'s "Monday"
        n += 1
    return j


def token_at(tokens: list[Token], offset: int) -> int:
    """The index of the token starting at ``offset``."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _skip_brackets(tokens: list[Token], j: int, floor: int) -> int:
    """Step back over "(D-Wis.)" ending at ``tokens[j]``."""
    if j >= floor and tokens[j].text == ")":
        k = j - 1
        while k >= floor and k > j - 8 and tokens[k].text != "(":
            k -= 1
        if k >= floor and tokens[k].text == "(":
            return k - 1
    return j


_APPOSITIVE_STOPS = frozenset({",", ";", ":", "“", '"', "”", "."})
_MAX_APPOSITIVE = 24
_MAX_APPOSITIVES = 4
_MAX_DET_NOUN = 2
_MAX_BARE = 4
_SUBJECT_REACH = 16
_MAX_OPENING_COMMAS = 2
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
    if tokens[j].low in {"who", "which"} and j - 1 >= floor:
        # "Smith, who said …", "the study -- which notes that …"
        jj = j - 1
        while jj > floor and tokens[jj].text in {",", "-", "—", "–", "("}:
            jj -= 1
        antecedent = np_backward(tokens, jj, lex, source, floor)
        if antecedent is None:
            return None
        rel = _phrase(tokens, j, j, "relative", source)
        return Phrase(rel.start, rel.end, rel.text, "relative", rel.tokens, rel.offsets,
                      antecedent)
    return np_backward(tokens, j, lex, source, floor)


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


def is_title(tok: Token, lex: Lexicon) -> bool:
    """A title word, also abbreviated and run together ("Gen", "Lt.Col")."""
    return tok.low in lex.titles or ("." in tok.low and all(
        part in lex.titles for part in tok.low.split(".") if part))


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
        return _phrase(tokens, i, i, "pronoun", source)
    # read forward over determiners, modifiers, titles and capitalised words
    j = i
    last_good = -1
    kind = "name"
    while j < n and j - i < _MAX_NAME + 3:
        t = tokens[j]
        if _role_head(t, lex) and not t.is_cap:
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
        _role_head(tokens[run - 1], lex) or tokens[run - 1].low in lex.titles
    ):
        return _phrase(tokens, run, last_good, "name", source)  # "9/11 widow | Terry Strada"
    return _phrase(tokens, start, last_good, kind, source)
