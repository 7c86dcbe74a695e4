"""Event triggers: the words of a sentence that signal a PLOVER event.

A trigger is found by the lexicon (a verb in any inflection, a noun, or a fixed phrase),
then checked against its context: a required object ("fired ... rockets"), a required
word before it ("air strike"), verbal or nominal use ("Iran attacked" / "the attack"),
and voice ("was killed by"). Weak triggers give way to strong ones in the same clause, and
a governing trigger ("urged", "agreed", "threatened") absorbs the events of the clause it
governs ("urged NATO to step up its engagement").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress

from missionwatch.extract.events.lexicon import Entry, Pattern, lexicon, word_list
from missionwatch.extract.events.patterns import matches, pattern_index, patterns_at
from missionwatch.extract.events.patterns import starts_trigger as starts_trigger  # (re-exported)
from missionwatch.extract.events.tokens import (
    CLAUSE_PUNCT,
    CLAUSE_WORDS,
    DETERMINERS,
    PREPOSITIONS,
    Token,
    clause_bounds,
    is_boundary,
    words,
)
from missionwatch.extract.events.usage import ADVERBS as ADVERBS  # (re-exported)
from missionwatch.extract.events.usage import (
    adverb,
    in_name,
    nominal_context,
    passive,
    verb_form_fits,
)
from missionwatch.vocab import vocabulary

OBJECT_WINDOW = 7  # words after a trigger in which its required object may stand


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


def _object_stop(tokens: Sequence[Token], end: int, window: int = 0) -> int:
    """Where the search for the object of a trigger ending at ``end`` stops: the window's
    end, or its clause's (at least one word on)."""
    _, clause_end = clause_bounds(tokens, max(end - 1, 0))
    return min(len(tokens), end + (window or OBJECT_WINDOW), max(clause_end, end + 1))


def _object_at(tokens: Sequence[Token], end: int, objects: frozenset[str], window: int = 0) -> int:
    """Where the first of ``objects`` follows the trigger ending at ``end``, within the
    window and its clause (not past a clause mark after the first word); -1 when none
    does."""
    for k in range(end, _object_stop(tokens, end, window)):
        if tokens[k].lower in objects:
            return k
        if k > end and tokens[k].text in CLAUSE_PUNCT:
            return -1
    return -1


def _object_present(
    tokens: Sequence[Token], end: int, objects: frozenset[str], window: int = 0
) -> bool:
    """True when one of ``objects`` follows the trigger ending at ``end`` (see
    :func:`_object_at`)."""
    return _object_at(tokens, end, objects, window) >= 0


#: how far after a trigger a word of its ``not_object`` list rules it out
NOT_OBJECT_WINDOW = 4


def _not_object(tokens: Sequence[Token], end: int, words: frozenset[str]) -> bool:
    """True when the noun phrase right after the trigger (up to a preposition, "to" or a
    punctuation mark, at most four words) holds one of ``words``: "meet the costs of",
    not "met to discuss the needs"."""
    for k in range(end, min(len(tokens), end + NOT_OBJECT_WINDOW)):
        tok = tokens[k]
        if tok.lower in words:
            return True  # "signed into law"
        if not tok.is_word or tok.lower in PREPOSITIONS or tok.lower == "to":
            return False
    return False


def _name_after(tokens: Sequence[Token], end: int, window: int = 0) -> bool:
    """True when a name (a capitalised word) stands in the object's place after the
    trigger ending at ``end``: "backed Ukraine", "supports the Iraqi government"."""
    for k in range(end, _object_stop(tokens, end, window)):
        tok = tokens[k]
        if tok.text in CLAUSE_PUNCT or tok.lower in PREPOSITIONS:
            return False
        if tok.capitalised and tok.is_word:
            return True
    return False


def _of_object_fits(tokens: Sequence[Token], end: int, entry: Entry) -> bool:
    """False for an event noun followed by "of" and none of the entry's ``of_object``
    words in the phrase after it ("the deployment of nuclear energy", not "the
    deployment of 3,000 troops")."""
    if end >= len(tokens) or tokens[end].lower != "of":
        return True
    return _object_present(tokens, end + 1, entry.of_object, entry.window or 5)


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
        prev = tokens[i - 1].lower if i > 0 else ""
        if entry.before and prev not in entry.before:
            continue
        if entry.not_before and prev in entry.not_before:
            continue  # "multilateral engagements", "EV charging"
        if entry.not_after and _next_word(tokens, i + len(pat.words)) in entry.not_after:
            continue  # "must (also) have been killed": a guess, not a demand
        end = i + len(pat.words)
        if entry.of_object and not _of_object_fits(tokens, end, entry):
            continue  # "the deployment of nuclear energy"
        if entry.not_object and _not_object(tokens, end, entry.not_object):
            continue  # "meet the costs", "host a tax site"
        if (
            entry.objects
            and not _object_present(tokens, end, entry.objects, entry.window)
            and not (entry.names and _name_after(tokens, end, entry.window))
            and not _object_as_subject(tokens, i, pat)
        ):
            general = tokens[i].lower in lexicon().no_backoff
            if entry.kind != "verb" or entry.size or general:
                continue
            if not backoff:
                held = True
                continue
        out.append(pat)
    return out, held


def _object_as_subject(tokens: Sequence[Token], i: int, pat: Pattern) -> bool:
    """True for a verb in the passive whose object stands as its subject, in its clause
    before it: "thousands of troops were deployed", "the talks were suspended"."""
    if pat.form not in {"pp", "past"} or not passive(tokens, i, "pp"):
        return False
    lo, _ = clause_bounds(tokens, i)
    return any(tokens[k].lower in pat.entry.objects for k in range(max(lo, i - OBJECT_WINDOW), i))


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

    def _reach(pat: Pattern) -> int:
        """How far after the trigger its object stands (0: it asks for none; a large
        number: it is not there, in a backoff pass)."""
        if not pat.entry.objects:
            return 0
        at = _object_at(tokens, end, pat.entry.objects, pat.entry.window)
        return at - end if at >= 0 else len(tokens)

    def used_as_noun() -> bool:
        nonlocal nominal_use
        if nominal_use is None:
            nominal_use = nominal_context(tokens, i, end)
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
    if pool is nouns and in_name(tokens, i):
        return None  # "the Paris Agreement", "Executive Order 14028": a name
    after = tokens[end].lower if end < len(tokens) else ""
    heads, compounds = word_list("modified_heads"), word_list("compound_heads")
    if pool is nouns and verbs and (after in heads or after in compounds):
        # "Police raid labs", "drones attack factories": not a noun modifying the word
        # after it but a verb and its object, when the verb form fits there
        pool, nominal_use = verbs, False
    # an entry whose object (or word before) is there beats a general one, the nearer
    # object the farther one ("evacuated civilians from the area"); strong beats weak
    pool.sort(key=lambda p: (not (p.entry.objects or p.entry.before), _reach(p), p.entry.weak))
    for pat in pool:  # "cut" is a base form and a past one: the first form that fits
        if pat.entry.kind == "noun" and after in heads:
            return None  # "the assault force", "attack helicopters": a modifier, not an event
        base = pat.entry.kind == "verb" and pat.form in {"base", "s"}
        if (
            (pat.entry.kind == "noun" and after in compounds)
            or (base and after in word_list("verb_compound_heads"))
        ):
            return None  # "attack facilitators", "bomb making material"
        if verb_form_fits(tokens, i, pat, used_as_noun):
            return _trigger(tokens, i, end, pat, used_as_noun)
    return None


def _next_word(tokens: Sequence[Token], k: int) -> str:
    """The lower-case word at ``k`` or after the adverbs there ("must also have")."""
    while k < len(tokens) and adverb(tokens[k]):
        k += 1
    return tokens[k].lower if k < len(tokens) else ""


def _trigger(
    tokens: Sequence[Token], i: int, end: int, pat: Pattern, used_as_noun: Callable[[], bool]
) -> Trigger | None:
    nominal = pat.entry.kind == "noun" or (
        pat.form == "ing" and used_as_noun() and tokens[i - 1].lower in DETERMINERS
    )
    form = pat.form
    if pat.entry.kind == "phrase" and pat.words[0].endswith(("ed", "en")):
        form = "pp"  # "taken into custody", "put under investigation"
    # "two soldiers died": the subject is the one it happens to, as in a passive
    in_passive = not nominal and (pat.entry.undergoer or passive(tokens, i, form))
    if pat.entry.passive and not in_passive:
        return None
    return Trigger(
        pat.entry.category, pat.entry, i, end, pat.form, nominal, in_passive, pat.entry.mode
    )


def _light_verb_anchor(tokens: Sequence[Token], trig: Trigger) -> int:
    """For "launched an attack", the light verb's index; else the trigger's own."""
    light, partitives = lexicon().light_verbs, word_list("light_partitives")
    k = trig.start - 1
    steps = reach = 0
    while k >= 0 and steps < 4 + reach:
        low = tokens[k].lower
        if low in light:
            return k
        if k > 0 and f"{tokens[k - 1].lower} {low}" in light:
            return k - 1  # "resulted in the detention of", "carried out an attack"
        if low == "of" and k > 0 and tokens[k - 1].lower in partitives and not reach:
            reach = 3  # "held a second day of negotiations"
        elif is_boundary(tokens, k) or low in PREPOSITIONS:
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
    """Weak triggers where a strong one shares the clause, unless the strong one is an
    event noun a weak governing verb takes as its object ("opposed the deployment")."""
    keep = []
    for trig in found:
        if trig.entry.weak:
            lo, hi = clause_bounds(tokens, trig.start, trig.end - 1)
            if any(
                not o.entry.weak and lo <= o.start < hi and not _noun_object(tokens, trig, o)
                for o in found
                if o is not trig
            ):
                continue
        keep.append(trig)
    return keep


def _noun_object(tokens: Sequence[Token], verb: Trigger, noun: Trigger) -> bool:
    """True when ``noun`` is an event noun standing as the object of the governing verb
    ``verb``: after it, with at most three words between and none of them a preposition,
    a clause word or a punctuation mark ("backed the new ceasefire")."""
    if verb.nominal or not noun.nominal or verb.category not in lexicon().governing:
        return False
    if not 0 <= noun.start - verb.end <= 3:
        return False
    return all(
        tokens[k].is_word and tokens[k].lower not in PREPOSITIONS | CLAUSE_WORDS
        for k in range(verb.end, noun.start)
    )


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
            _commit(tokens, trig)
        out.append(trig)
    return out


def _commit(tokens: Sequence[Token], trig: Trigger) -> None:
    """A verb of commitment takes its category from the act it governs: "vowed to
    cooperate" is AGREE, "vowed to retaliate" THREATEN (see ``commitment`` in the data)."""
    lex = lexicon()
    if not trig.absorbed or tokens[trig.start].lower not in lex.commitment_verbs:
        return
    inner = trig.absorbed[0].category
    quad = str(vocabulary().plover.get(inner, {}).get("quad", ""))
    if quad not in lex.commitment or lex.commitment[quad][0] == trig.category:
        return
    trig.category, mode = lex.commitment[quad]
    trig.mode = lex.complement_modes.get(trig.category, {}).get(inner, mode)
