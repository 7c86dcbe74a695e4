"""How a word of a trigger pattern is used where it stands: as a noun or a verb, a finite
verb or not, in the passive voice."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from itertools import islice

from missionwatch.extract.events.lexicon import Pattern, lexicon
from missionwatch.extract.events.phrases import sector
from missionwatch.extract.events.tokens import (
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_WORDS,
    DETERMINERS,
    PREPOSITIONS,
    Token,
)

ADVERBS = frozenset(lexicon().grammar["adverbs"])
#: words after which a trigger word is a noun ("a recent attack", "the joint raid")
NOMINAL_BEFORE = DETERMINERS | frozenset(lexicon().grammar["nominal_before"])
#: words after which a verb's base form is a verb ("to attack", "will withdraw")
BASE_BEFORE = frozenset(lexicon().grammar["base_before"])


def adverb(tok: Token) -> bool:
    low = tok.lower
    return (
        low in ADVERBS
        or low in {"not", "n't", "never", "all", "both"}
        or (low.endswith("ly") and len(low) > 4 and not tok.capitalised)
    )


def passive(tokens: Sequence[Token], i: int, form: str) -> bool:
    """ "was (reportedly) killed", and the reduced passive "14 insurgents killed and one
    wounded" (a participle after the people it acts on, with no object after it)."""
    if form not in {"pp", "past"}:
        return False
    k = i - 1
    while k >= 0 and adverb(tokens[k]):
        k -= 1
    if k >= 0 and tokens[k].lower in BE_FORMS | {"been"}:
        return True
    if k < 0 or k != i - 1:
        return False
    prev = tokens[k].lower
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    people = lexicon().counts["people"]
    no_object = nxt is None or nxt.lower in {
        "and",
        ",",
        ".",
        ";",
        "in",
        "during",
        "while",
        "after",
        "when",
        "by",
        "at",
        "on",
        "near",
    }
    return (prev in people or prev.isdigit()) and no_object


@cache
def cue_words() -> frozenset[str]:
    return frozenset(
        cue
        for modes in lexicon().mode_cues.values()
        for _, cues in modes
        for cue in cues
        if " " not in cue
    )


def nominal_context(tokens: Sequence[Token], i: int, end: int) -> bool:
    """True when the word at ``i`` is used as a noun ("the attack", "a U.S. attack")."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[end].lower if end < len(tokens) else ""
    if prev is None:
        return nxt in {"on", "against", "by", "of", "in", "at"}
    low = prev.lower
    if low in cue_words():  # "missile attack", "suicide bombing", "drone strike"
        return True
    k = i - 1
    while (
        k >= 0
        and i - k <= 4
        and (tokens[k].capitalised or tokens[k].lower in cue_words() or "-" in tokens[k].text)
    ):
        k -= 1
    if k >= 0 and k < i - 1 and tokens[k].lower in DETERMINERS:
        return True  # "a U.S. missile attack"
    if i >= 2 and tokens[i - 2].lower in DETERMINERS and not low.endswith("s") and sector([low]):
        return True  # "an insurgent attack", "the army raid" (not "the militants attack")
    if low in NOMINAL_BEFORE or low.endswith("'s") or prev.text in {"'s", "’s"}:
        return True
    if low in AUXILIARIES or low in {"to", "and", "or", "not", "n't"} or low in ADVERBS:
        return False
    if prev.text[0].isdigit():
        return True
    if prev.capitalised and i > 1:  # "U.S. attack", "Taliban attacks"
        return True
    return nxt in {"on", "against", "by", "of"} and low in PREPOSITIONS | {","}


def finite_base(tokens: Sequence[Token], i: int) -> bool:
    """True when a verb's base form is used as a verb: after "to", a modal, "did",
    a plural subject, or at the start ("Attack the base", a headline)."""
    if i == 0 or not tokens[i - 1].is_word:
        return True
    prev = tokens[i - 1].lower
    if prev in BE_FORMS:
        return False
    if prev in BASE_BEFORE or prev in ADVERBS:
        return True
    return (prev.endswith("s") and not prev.endswith(("ss", "'s"))) or prev in {
        "people",
        "police",
        "men",
        "women",
        "children",
    }


def plural_subject(tokens: Sequence[Token], i: int) -> bool:
    """True for a base form after a capitalised plural: "The Palestinians reject"."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    return prev.capitalised and prev.text.endswith("s") and not prev.text.endswith(("ss", "'s"))


def verb_form_fits(
    tokens: Sequence[Token], i: int, pat: Pattern, used_as_noun: Callable[[], bool]
) -> bool:
    """False for a verb form that is not used as a verb here."""
    if pat.entry.kind != "verb":
        return True
    if (
        pat.form in {"base", "s"}
        and used_as_noun()
        and not (pat.form == "base" and plural_subject(tokens, i))
        and not (pat.form == "s" and _object_follows(tokens, i + len(pat.words)))
    ):
        return False  # "a sign of", "the host nation": a noun the lexicon does not list
    if pat.form == "base" and not finite_base(tokens, i):
        return False  # "a roadside bomb factory", "as long as we are welcome"
    # "the detained men", "an annually recognized day", "for approved work": an adjective
    return not (pat.form in {"past", "pp"} and participle_adjective(tokens, i, i + len(pat.words)))


def participle_adjective(tokens: Sequence[Token], i: int, end: int) -> bool:
    """True for a past participle used as an adjective before its noun: after a determiner
    (and adverbs: "an annually recognized day"), or after a preposition with a noun next
    ("reimbursements for approved work"; not "by", where the verb has its agent)."""
    k = i - 1
    while k >= 0 and adverb(tokens[k]):
        k -= 1
    if k < 0:
        return False
    prev = tokens[k].lower
    if prev in DETERMINERS:
        return prev not in {"that", "which"}  # "a bomb that reportedly killed three"
    if prev not in PREPOSITIONS or prev in {"by", "to"} or end >= len(tokens):
        return False
    nxt = tokens[end]
    return (
        nxt.is_word
        and not nxt.capitalised
        and nxt.lower not in DETERMINERS
        and nxt.lower not in PREPOSITIONS
        and nxt.lower not in {"by", "and", "or", "as", "that", "him", "her", "them", "it"}
        and not nxt.text[0].isdigit()
    )


#: words that open an object after a verb: "Russia backs the rebels", "NATO supports Kyiv"
_OBJECT_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "him", "them", "it"})


def _object_follows(tokens: Sequence[Token], end: int) -> bool:
    """True when an object follows a word at ``end``: a determiner, a pronoun or a name
    ("The United States supports Ukraine": "supports" is a verb, not a plural noun)."""
    if end >= len(tokens) or not tokens[end].is_word:
        return False
    nxt = tokens[end]
    return nxt.lower in _OBJECT_OPENERS or (nxt.capitalised and nxt.text[:1].isalpha())


def in_name(tokens: Sequence[Token], i: int) -> bool:
    """True for a capitalised word inside a proper name of a prose sentence: "Executive
    Order 14028", "the Paris Agreement", "the UN Climate Change Conference" (a name, not
    an event). A headline in title case ("Taliban Attack Kills Three") is no prose."""
    if not tokens[i].capitalised or i < 2:
        return False
    prev = tokens[i - 1]
    if not (prev.capitalised and prev.is_word and prev.text[:1].isalpha()):
        return False
    # prose: lower-case words of content (a title-case headline has only "on", "of", "a")
    content = (
        t
        for t in tokens
        if t.is_word and not t.capitalised and len(t.text) > 3 and t.lower not in _FUNCTION_WORDS
    )
    return len(list(islice(content, PROSE_WORDS))) == PROSE_WORDS


#: lower-case content words that make a sentence prose rather than a title-case headline
PROSE_WORDS = 3
_FUNCTION_WORDS = PREPOSITIONS | DETERMINERS | CLAUSE_WORDS | {"amid", "than", "where"}
