"""Event triggers: the words of a sentence that signal a PLOVER event.

A trigger is found by the lexicon (a verb in any inflection, a noun, or a fixed phrase),
then checked against its context: a required object ("fired ... rockets"), a required
word before it ("air strike"), verbal or nominal use ("Iran attacked" / "the attack"),
and voice ("was killed by"). Weak triggers give way to strong ones in the same clause, and
a governing trigger ("urged", "agreed", "threatened") absorbs the events of the clause it
governs ("urged NATO to step up its engagement").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import compress

from missionwatch.extract.events.lexicon import Entry, Pattern, lexicon
from missionwatch.extract.events.patterns import matches, pattern_index, patterns_at
from missionwatch.extract.events.patterns import starts_trigger as starts_trigger  # (re-exported)
from missionwatch.extract.events.tokens import (
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_PUNCT,
    CLAUSE_WORDS,
    DETERMINERS,
    PREPOSITIONS,
    Token,
    clause_bounds,
    is_boundary,
    words,
)

OBJECT_WINDOW = 7  # words after a trigger in which its required object may stand
ADVERBS = frozenset(lexicon().grammar["adverbs"])
#: words after which a trigger word is a noun ("a recent attack", "the joint raid")
NOMINAL_BEFORE = DETERMINERS | frozenset(lexicon().grammar["nominal_before"])
#: words after which a verb's base form is a verb ("to attack", "will withdraw")
BASE_BEFORE = frozenset(lexicon().grammar["base_before"])


@dataclass
class Trigger:
    category: str
    entry: Entry
    start: int  # token index
    end: int  # token index, exclusive
    form: str
    nominal: bool
    passive: bool
    mode: str
    anchor: int = -1  # where the actor is looked for (a light verb before a noun)
    absorbed: list[Trigger] = field(default_factory=list)
    merged: list[Trigger] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.anchor < 0:
            self.anchor = self.start


def _object_present(
    tokens: Sequence[Token], end: int, objects: frozenset[str], window: int = 0
) -> bool:
    """True when one of ``objects`` follows the trigger ending at ``end``, within the
    window and its clause (not past a clause mark after the first word)."""
    _, clause_end = clause_bounds(tokens, max(end - 1, 0))
    stop = min(len(tokens), end + (window or OBJECT_WINDOW), max(clause_end, end + 1))
    for k in range(end, stop):
        if tokens[k].lower in objects:
            return True
        if k > end and tokens[k].text in CLAUSE_PUNCT:
            return False
    return False


def _adverb(tok: Token) -> bool:
    low = tok.lower
    return (
        low in ADVERBS
        or low in {"not", "n't", "never", "all", "both"}
        or (low.endswith("ly") and len(low) > 4 and not tok.capitalised)
    )


def _passive(tokens: Sequence[Token], i: int, form: str) -> bool:
    """ "was (reportedly) killed", and the reduced passive "14 insurgents killed and one
    wounded" (a participle after the people it acts on, with no object after it)."""
    if form not in {"pp", "past"}:
        return False
    k = i - 1
    while k >= 0 and _adverb(tokens[k]):
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
def _cue_words() -> frozenset[str]:
    return frozenset(
        cue
        for modes in lexicon().mode_cues.values()
        for _, cues in modes
        for cue in cues
        if " " not in cue
    )


@cache
def _unit_heads() -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon().raw.get("modified_heads", []))


def _nominal_context(tokens: Sequence[Token], i: int, end: int) -> bool:
    """True when the word at ``i`` is used as a noun ("the attack", "a U.S. attack")."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[end].lower if end < len(tokens) else ""
    if prev is None:
        return nxt in {"on", "against", "by", "of", "in", "at"}
    low = prev.lower
    if low in _cue_words():  # "missile attack", "suicide bombing", "drone strike"
        return True
    k = i - 1
    while (
        k >= 0
        and i - k <= 4
        and (tokens[k].capitalised or tokens[k].lower in _cue_words() or "-" in tokens[k].text)
    ):
        k -= 1
    if k >= 0 and k < i - 1 and tokens[k].lower in DETERMINERS:
        return True  # "a U.S. missile attack"
    if low in NOMINAL_BEFORE or low.endswith("'s") or prev.text in {"'s", "’s"}:
        return True
    if low in AUXILIARIES or low in {"to", "and", "or", "not", "n't"} or low in ADVERBS:
        return False
    if prev.text[0].isdigit():
        return True
    if prev.capitalised and i > 1:  # "U.S. attack", "Taliban attacks"
        return True
    return nxt in {"on", "against", "by", "of"} and low in PREPOSITIONS | {","}


def _finite_base(tokens: Sequence[Token], i: int) -> bool:
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


def _candidates(
    tokens: Sequence[Token],
    i: int,
    backoff: bool = False,
    patterns: Sequence[Pattern] | None = None,
) -> tuple[list[Pattern], bool]:
    """The patterns that match at ``i``. With ``backoff`` (a sentence where nothing
    matched), a verb that asks for an object ("seize" property) matches without it,
    unless it counts people or is too general a verb ("give", "tell"). The flag is True
    when such a verb was held back (so a backoff pass could find more). ``patterns``: those
    of :func:`patterns_at`, when known."""
    out = []
    held = False
    for pat in patterns_at(tokens, i) if patterns is None else patterns:
        if not matches(tokens, i, pat):
            continue
        entry = pat.entry
        if entry.before:
            prev = tokens[i - 1].lower if i > 0 else ""
            if prev not in entry.before:
                continue
        if entry.objects and not _object_present(
            tokens, i + len(pat.words), entry.objects, entry.window
        ):
            general = tokens[i].lower in lexicon().no_backoff
            if entry.kind != "verb" or entry.size or general:
                continue
            if not backoff:
                held = True
                continue
        out.append(pat)
    return out, held


def _choose(tokens: Sequence[Token], i: int, cands: list[Pattern]) -> Trigger | None:
    if not cands:
        return None
    if len(cands) > 1:
        longest = max(len(p.words) for p in cands)
        cands = [p for p in cands if len(p.words) == longest]
    else:
        longest = len(cands[0].words)
    end = i + longest
    nominal_use: bool | None = None  # _nominal_context, read when first needed

    def used_as_noun() -> bool:
        nonlocal nominal_use
        if nominal_use is None:
            nominal_use = _nominal_context(tokens, i, end)
        return nominal_use

    verbs = [p for p in cands if p.entry.kind == "verb"]
    nouns = [p for p in cands if p.entry.kind == "noun"]
    phrases = [p for p in cands if p.entry.kind == "phrase"]
    pool: list[Pattern]
    if phrases:
        pool = phrases
    elif verbs and nouns:
        pool = nouns if used_as_noun() else verbs
    else:
        pool = verbs or nouns
    # an entry whose object is there beats a general one; strong beats weak
    pool.sort(key=lambda p: (not p.entry.objects, p.entry.weak))
    pat = pool[0]
    if pat.entry.kind == "noun" and end < len(tokens) and tokens[end].lower in _unit_heads():
        return None  # "the assault force", "attack helicopters": a modifier, not an event
    nominal = pat.entry.kind == "noun" or (
        pat.form == "ing" and used_as_noun() and tokens[i - 1].lower in DETERMINERS
    )
    if (
        pat.entry.kind == "verb"
        and pat.form in {"base", "s"}
        and used_as_noun()
        and not (pat.form == "base" and _plural_subject(tokens, i))
    ):
        return None  # "a sign of", "the host nation": a noun the lexicon does not list
    if pat.entry.kind == "verb" and pat.form == "base" and not _finite_base(tokens, i):
        return None  # "a roadside bomb factory", "as long as we are welcome"
    if (
        pat.entry.kind == "verb"
        and pat.form in {"past", "pp"}
        and i > 0
        and tokens[i - 1].lower in DETERMINERS
    ):
        return None  # "the detained men": an adjective
    form = pat.form
    if pat.entry.kind == "phrase" and pat.words[0].endswith(("ed", "en")):
        form = "pp"  # "taken into custody", "put under investigation"
    passive = not nominal and _passive(tokens, i, form)
    if pat.entry.passive and not passive:
        return None
    return Trigger(
        pat.entry.category, pat.entry, i, end, pat.form, nominal, passive, pat.entry.mode
    )


def _plural_subject(tokens: Sequence[Token], i: int) -> bool:
    """True for a base form after a capitalised plural: "The Palestinians reject"."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    return prev.capitalised and prev.text.endswith("s") and not prev.text.endswith(("ss", "'s"))


def _light_verb_anchor(tokens: Sequence[Token], trig: Trigger) -> int:
    """For "launched an attack", the light verb's index; else the trigger's own."""
    light = lexicon().light_verbs
    k = trig.start - 1
    steps = 0
    while k >= 0 and steps < 4:
        low = tokens[k].lower
        if low in light:
            return k
        if k > 0 and f"{tokens[k - 1].lower} {low}" in light:
            return k - 1  # "resulted in the detention of", "carried out an attack"
        if is_boundary(tokens, k) or low in PREPOSITIONS:
            break
        k -= 1
        steps += 1
    return trig.start


def find_triggers(tokens: Sequence[Token], backoff: bool = False) -> list[Trigger]:
    """Every trigger of a sentence, weak ones dropped where a strong one shares the clause,
    and the triggers governed by another absorbed into it (``backoff``: see
    :func:`_candidates`)."""
    found, _ = _scan(tokens, backoff)
    return _absorb(tokens, _drop_weak(tokens, found))


def sentence_triggers(tokens: Sequence[Token]) -> list[Trigger]:
    """The triggers of a sentence; where none is found, those found with ``backoff`` (a
    second pass that is only run when a verb was held back for want of its object)."""
    found, held = _scan(tokens, False)
    if not found and held:
        found, _ = _scan(tokens, True)
    return _absorb(tokens, _drop_weak(tokens, found))


def _scan(tokens: Sequence[Token], backoff: bool) -> tuple[list[Trigger], bool]:
    """The triggers from left to right (the words of one are not read again), and whether
    a verb was held back for want of its object."""
    found: list[Trigger] = []
    held = False
    index = pattern_index()
    lows = words(tokens)
    last = len(lows) - 1
    after = 0  # the first token not inside a trigger found
    for i in compress(range(len(lows)), map(index.__contains__, lows)):
        if i < after:
            continue
        single, by_next = index[lows[i]]  # :func:`patterns_at`, written out
        patterns = by_next.get(lows[i + 1], single) if i < last else single
        if not patterns:
            continue  # no pattern starts with these words
        cands, held_here = _candidates(tokens, i, backoff, patterns)
        held = held or held_here
        trig = _choose(tokens, i, cands)
        if trig is None:
            continue
        if trig.nominal:
            trig.anchor = _light_verb_anchor(tokens, trig)
        found.append(trig)
        after = trig.end
    return found, held


def _drop_weak(tokens: Sequence[Token], found: list[Trigger]) -> list[Trigger]:
    keep = []
    for trig in found:
        if trig.entry.weak:
            lo, hi = clause_bounds(tokens, trig.start, trig.end - 1)
            if any(not o.entry.weak and lo <= o.start < hi for o in found if o is not trig):
                continue
        keep.append(trig)
    return keep


def _governs(tokens: Sequence[Token], gov: Trigger, other: Trigger) -> bool:
    """True when ``other`` stands in the clause that ``gov`` governs (not after a comma
    that opens a participle clause: "called for an airstrike, killing two")."""
    if other.start < gov.end:
        return False
    if other.start > 0 and tokens[other.start - 1].text == ",":
        return False
    for k in range(gov.end, other.start):
        tok = tokens[k]
        if tok.text in CLAUSE_PUNCT or tok.text == ".":
            return False
        if tok.lower in CLAUSE_WORDS and tok.lower != "that":
            return False
    return other.start - gov.end <= 14


def _absorb(tokens: Sequence[Token], found: list[Trigger]) -> list[Trigger]:
    governing = lexicon().governing
    modes = lexicon().complement_modes
    out: list[Trigger] = []
    absorbed: set[int] = set()
    for idx, trig in enumerate(found):
        if idx in absorbed:
            continue
        if trig.category in governing:
            for jdx in range(idx + 1, len(found)):
                other = found[jdx]
                if jdx in absorbed or not _governs(tokens, trig, other):
                    continue
                absorbed.add(jdx)
                trig.absorbed.append(other)
                inner = modes.get(trig.category, {}).get(other.category)
                if inner and trig.mode in {"", "other"}:
                    trig.mode = inner
        out.append(trig)
    return out
