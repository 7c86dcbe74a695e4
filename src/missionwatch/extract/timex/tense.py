"""A cheap clause-tense heuristic for year-less dates and weekdays (no POS tagger).

The nearest verbal cue before or after the expression decides:
"will", "would", "plans to", "expected to" -> FUTURE; "was", "said", an ``-ed`` verb
that is not a participle after an auxiliary -> PAST; "is", "says" -> PRESENT.
"would be discussed … on Friday" is FUTURE: "discussed" follows "be", so "would" decides.
"""

from __future__ import annotations

import re
from functools import cache

from missionwatch.extract.timex.lexicon import lexicon

FUTURE, PAST, PRESENT = "FUTURE", "PAST", "PRESENT"
#: past-tense cues that are adverbs, not verb forms (no participle reading)
_ADVERBS = frozenset({"ago", "last", "yesterday", "earlier", "previously", "since"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "his", "her", "their", "our",
                          "these", "those", "some", "any", "no"})
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|'ll|’ll|[;,]")
BACK, FORWARD = 14, 10


@cache
def _tables() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str],
                       frozenset[str], frozenset[str]]:
    tense = lexicon().tense
    future_pairs = frozenset(w for w in tense["future"] if " " in w)
    future_words = frozenset(w for w in tense["future"] if " " not in w)
    return (future_words, future_pairs, tense["past"], tense["present"], tense["not_past"],
            tense["auxiliaries"])


def _adverb(word: str) -> bool:
    return word.endswith("ly") or word in ("still", "so", "very", "much", "well", "just")


def _classify(tokens: list[str], i: int) -> str:
    """The tense cue of ``tokens[i]`` (with its neighbours), or ""."""
    future_words, future_pairs, past, present, not_past, aux = _tables()
    word = tokens[i].replace("’", "'")
    if i + 1 < len(tokens) and f"{word} {tokens[i + 1]}" in future_pairs:
        return FUTURE
    if i > 0 and f"{tokens[i - 1]} {word}" in future_pairs:
        return FUTURE
    if i > 1 and f"{tokens[i - 2]} {tokens[i - 1]} {word}" in future_pairs:
        return FUTURE
    if word in future_words:
        return FUTURE
    if i + 2 < len(tokens) and f"{tokens[i + 1]} {tokens[i + 2]}" in future_pairs:
        return FUTURE  # "were planning to", "is going to"
    participle = word not in aux and any(t in aux for t in tokens[max(0, i - 3):i])
    if word in _ADVERBS:
        return PAST
    if word in past:
        return "" if participle else PAST  # "is heard": the auxiliary decides
    if word in present:
        return PRESENT
    if len(word) > 4 and word.endswith("ed") and word not in not_past:
        if i > 0 and (tokens[i - 1] in _DETERMINERS or (
                i > 1 and tokens[i - 2] in _DETERMINERS and _adverb(tokens[i - 1]))):
            return ""  # "an unspecified date", "a still unspecified date": an adjective
        return "" if participle else PAST
    return ""


#: a preposition that fixes the reading whatever the verb: a deadline ("postponed until
#: Tuesday", "could leave as soon as Tuesday") lies ahead; "since Monday" lies behind
_SIGNALS = re.compile(r"(?:\b(until|till|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than)"
                      r"|\b(since))\s+$", re.IGNORECASE)


def tense(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """The tense of the clause around ``text[start:end]`` within ``text[lo:hi]``: the
    nearer of the first cue before it and the first cue after it (before wins ties),
    unless a deadline or "since" right before the expression decides."""
    signal = _SIGNALS.search(text, max(lo, start - 20), start)
    if signal and (signal.group(2) or text[lo:signal.start()].strip()):
        return FUTURE if signal.group(1) else PAST  # not a fronted "Until Thursday, they had…"
    before = [t.lower() for t in _TOKEN.findall(text, max(lo, start - 160), start)]
    found, distance = "", BACK + 1
    for i in range(len(before) - 1, max(-1, len(before) - 1 - BACK), -1):
        if before[i] == ";":
            break
        if before[i] == ",":
            continue
        cue = _classify(before, i)
        if cue:
            found, distance = cue, len(before) - i
            break
    after = [t.lower() for t in _TOKEN.findall(text, end, min(hi, end + 120))]
    clause_words = lexicon().tense["clause_openers"]  # another clause, another verb
    for i in range(min(len(after), FORWARD, distance - 1)):
        if after[i] == ";" or (after[i] == "," and i > 0) or after[i] in clause_words:
            break  # another clause
        cue = _classify(after, i)
        if cue and not (found and _guessed(after[i])):
            return cue  # a mere -ed form after it ("markets untouched by") yields to a word
    return found


def _guessed(word: str) -> bool:
    """A cue read off an -ed ending, not a word of the tense lists."""
    future_words, _, past, present, _, _ = _tables()
    return word not in past and word not in present and word not in future_words and \
        word not in _ADVERBS
