"""Step 5, ``quantities``: numbers with their bounds and the noun they count.

A small grammar over the text, not a model (``../shared/research/nlp-anchors.md`` §4)::

    [bound words] NUMBER [range tail] [-strong | -member …] [postfix bound] [of] [modifiers] HEAD

* NUMBER is digits ("2,500", "1.2 million", "$500 million"), number words ("twenty-five",
  "a dozen", "a few hundred") or a vague plural ("hundreds", "tens of thousands");
  see :mod:`missionwatch.extract.numbers`.
* Bound words come from ``data/quantities.yaml``: "about" (approx), "nearly" (approx,
  at or below), "more than" (at-least), "up to" (at-most), "between … and …" (range),
  "or more" (at-least). "no additional/more/new … personnel" is a cap of zero
  (bound ``none-additional``, best 0).
* Normalisation: an exact number has low = best = high; "approximately 500" has best 500
  and low/high ± ``approx_margin`` (10 %); "nearly 1,000" is [900, 1000], "just over 300"
  [300, 330]; at-least keeps only ``low``, at-most only ``high``; a range keeps ``low`` and
  ``high`` with no ``best``; a vague quantity ("hundreds") has the interval of the YAML
  table, no ``best``, ``approx`` True and bound ``vague``.
* HEAD is the counted noun, found after at most four modifiers ("some 2,500 U.S. troops",
  "approximately 500-strong Global Coalition training force") or before the number through a
  linker ("a force of 12,000", "troops numbering 500"). Its list in the YAML gives the unit:
  ``personnel`` (troops, trainers, forces; a force noun with "-strong" or "a force of"),
  ``formations`` ("two battalions"), ``combatants``, ``people``, ``materiel``, ``money``,
  ``percent``, ``other``. Victim and arrest words around the number ("killed", "wounded",
  "detained") turn a count of people into ``killed``, ``injured``, ``casualties`` or
  ``detained``.
* The span (``text``) is the number phrase as written: bound words, the number, its range
  tail and suffixes, and the head only when it follows at once ("some 2,500 troops",
  "hundreds of trainers", but "approximately 500-strong" before "Global Coalition training
  force"; ``head`` always names the noun).
* Guard rails drop what is not a count: years and dates ("in 2018", "January 8", "2020-02-12"),
  times ("10:30", "3 p.m."), durations ("four years"), ordinals and unit names ("the 82nd
  Airborne"), references ("Resolution 2100", "Article 5", "Camp Taji 2"), phone numbers,
  list markers, version numbers and numbers inside URLs or model names ("F-35", "COVID-19").

* "from 5,200 to 3,000" is a change, not a range: two quantities. "by 2,049 troops" is kept
  as a plain count; telling a change from a total is the claims step's business.
* A number looks at its sentence, joined with the neighbours that a single line break split
  off without a full stop (hard-wrapped Markdown and wire text).

Modules: :mod:`~missionwatch.extract.numbers` (number values),
:mod:`~missionwatch.extract.quantity_lexicon` (the YAML word lists),
:mod:`~missionwatch.extract.quantity_grammar` (tokens, guard rails, bounds, ranges),
:mod:`~missionwatch.extract.quantity_heads` (heads, units, the last guard rails).

Speed: a single regular expression finds the candidates (digits, number words, "no
additional"); everything else looks at a few tokens around each one
(``benchmarks/bench_quantities.py``).
"""

from __future__ import annotations

import re

from missionwatch.document import Document, Quantity, Sentence
from missionwatch.extract.numbers import Number, parse_digits, parse_words
from missionwatch.extract.pipeline import step
from missionwatch.extract.quantity_grammar import (
    CURRENCY_START,
    Reading,
    after,
    before,
    context_ok,
    left_ok,
    read_prefix,
    read_range,
    read_suffixes,
    right_ok,
)
from missionwatch.extract.quantity_heads import (
    context_unit,
    forward_head,
    keep,
    read_head,
    share_heads,
)
from missionwatch.extract.quantity_lexicon import Lexicon, lexicon

_TERMINAL = frozenset(".!?;:\"”’)")


@step("quantities", requires=("sentences",), assigns=("quantities",))
def quantities(doc: Document) -> None:
    doc.quantities = find_quantities(doc.text, doc.sentences)


def find_quantities(text: str, sentences: list[Sentence]) -> list[Quantity]:
    """Every quantity in ``text``, sentence by sentence (sentences must be sorted)."""
    lex = lexicon()
    found: list[Reading] = []
    consumed = 0
    index = 0
    window = (0, 0)
    window_of = -1
    for match in lex.candidates.finditer(text):
        pos = match.start()
        if pos < consumed:
            continue
        while index < len(sentences) and sentences[index].end <= pos:
            index += 1
        if index == len(sentences):
            break
        if pos < sentences[index].start:
            continue
        if window_of != index:
            window, window_of = _window(text, sentences, index), index
        lo, hi = window
        if match.lastgroup == "n":
            item: Reading | int | None = _none_additional(text, match, hi, lex)
        else:
            item = _number_at(text, match, lo, hi, lex)
        if isinstance(item, Reading):
            found.append(item)
            consumed = item.end
        elif isinstance(item, int):
            consumed = item
    share_heads(text, found)
    return [
        Quantity(f.start, f.end, text[f.start:f.end], f.low, f.best, f.high, f.approx,
                 f.bound, f.head, f.unit)
        for f in found
    ]


def _window(text: str, sentences: list[Sentence], index: int) -> tuple[int, int]:
    """The stretch of text a number may look into: its sentence, joined with neighbours
    that a single line break split off without a full stop (hard-wrapped text)."""
    lo, hi = sentences[index].start, sentences[index].end
    before = after = index
    while (after + 1 < len(sentences) and after - index < 3
           and text[sentences[after].end - 1] not in _TERMINAL
           and _soft_gap(text, sentences[after].end, sentences[after + 1].start)):
        after += 1
        hi = sentences[after].end
    while (before > 0 and index - before < 3
           and text[sentences[before - 1].end - 1] not in _TERMINAL
           and _soft_gap(text, sentences[before - 1].end, sentences[before].start)):
        before -= 1
        lo = sentences[before].start
    return lo, hi


def _soft_gap(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return gap.count("\n") <= 1 and not gap.strip()


def _number_at(text: str, match: re.Match[str], lo: int, hi: int,
               lex: Lexicon) -> Reading | int | None:
    """The quantity at ``match``; else where to resume (past a rejected number) or None."""
    start = match.start()
    currency = ""
    cur = CURRENCY_START.match(text, start, hi)
    if cur:
        currency = lex.currency_signs[cur.group()]
    digit_at = cur.end() if cur else start
    if not left_ok(text, start, lo):
        return None
    if match.lastgroup == "d":
        number = parse_digits(text, digit_at, hi)
    else:
        number = parse_words(text, start, hi, lex.vague)
    if number is None:
        return None
    end, scale = right_ok(text, number, hi, bool(currency), lex)
    if end < 0:
        return number.end
    if scale != 1:
        v = number.low * scale
        number = Number(number.start, end, v, v, v, digits=number.digits)
    prev = before(text, lo, start)
    if prev and not context_ok(prev, number, lex):
        return number.end
    if prev and prev[0][2].lower() in lex.currency_codes and not currency:
        currency = lex.currency_codes[prev[0][2].lower()]
        start = prev[0][0]
        prev = prev[1:]
    item = Reading(start, end, number, number.low, number.best, number.high)
    used = read_prefix(item, prev, lex)
    if used < 0:
        return number.end
    if not read_range(text, item, hi, prev, lex):
        return None
    ahead_at = read_suffixes(text, item, hi, lex)
    if ahead_at < 0:
        return None
    if currency:
        item.head, item.unit = currency, "money"
        return item
    item.linked = any(t[2].lower() in lex.linkers for t in prev[:used])  # "a cap of"
    if not read_head(text, item, lo, hi, prev[used:], lex):
        return None
    return item if keep(item, prev[used:], lex) else None


def _none_additional(text: str, match: re.Match[str], hi: int, lex: Lexicon) -> Reading | None:
    """"No additional NATO personnel", "no more troops", "no new forces": a cap of zero."""
    toks = after(text, match.end(), hi, 6)
    head, kind, _adjacent, _loose = forward_head(toks, 0, lex)
    if head is None or kind not in ("personnel", "force"):
        return None
    number = Number(match.start(), match.end(), 0.0, 0.0, 0.0)
    item = Reading(match.start(), head[1], number, 0.0, 0.0, 0.0, bound="none-additional",
                  head=head[2], unit="personnel")
    if context_unit(text, item, hi, [], lex, None):
        return None  # "no more soldiers will die"
    return item
