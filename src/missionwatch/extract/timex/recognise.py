"""Recognition: triggers -> rule matches in their windows -> the longest non-overlapping
matches -> :class:`~missionwatch.document.Timex` objects with underspecified values.

Only the few characters around each trigger are ever matched against rules, so the cost
grows with the number of time words, not with the length of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from missionwatch.document import Timex
from missionwatch.extract.timex.checks import CHECKS, has_cue
from missionwatch.extract.timex.compose import compose
from missionwatch.extract.timex.lexicon import lexicon
from missionwatch.extract.timex.normalise import fill
from missionwatch.extract.timex.rules import Rule, rules_for
from missionwatch.extract.timex.triggers import Trigger, scan

LEFT = 50  # characters of left context a rule may need before its trigger
RIGHT = 60
GAP = 30  # triggers closer than this share one window


@dataclass
class Candidate:
    start: int
    end: int
    rule: Rule
    value: str
    end_value: str
    mod: str
    type: str


def _token_end(text: str, pos: int) -> int:
    """The end of the token at ``pos`` and of the next one: a pattern's look-ahead cannot
    see past the end of its window ("1299.59" is not the year 1299)."""
    size = len(text)
    for _ in range(2):
        while pos < size and not text[pos].isspace():
            pos += 1
        while pos < size and text[pos].isspace():
            pos += 1
    return pos


def _windows(text: str, triggers: list[Trigger]) -> list[tuple[int, int, frozenset[str]]]:
    windows: list[tuple[int, int, frozenset[str]]] = []
    size = len(text)
    i = 0
    while i < len(triggers):
        first = triggers[i]
        last_end = first.end
        kinds = {first.kind}
        i += 1
        while i < len(triggers) and triggers[i].start - last_end <= GAP:
            last_end = max(last_end, triggers[i].end)
            kinds.add(triggers[i].kind)
            i += 1
        hi = _token_end(text, min(size, last_end + RIGHT))
        windows.append((max(0, first.start - LEFT), hi, frozenset(kinds)))
    return windows


def _candidate(text: str, rule: Rule, match_groups: dict[str, str | None], start: int,
               end: int) -> Candidate | None:
    groups = {k: v for k, v in match_groups.items() if v is not None and k != rule.span}
    for name, word in groups.items():
        if name.startswith("month") and word.islower():
            return None  # "may", "march": a modal or a verb
    if rule.cue is not None and not has_cue(text, start, rule.cue):
        return None
    for check in rule.checks:
        if not CHECKS[check](text, start, end, groups):
            return None
    groups["_text"] = text[start:end]
    value = fill(rule.value, groups)
    if value is None:
        return None
    end_value = ""
    if rule.end:
        end_value = fill(rule.end, groups) or ""
        if not end_value:
            return None
    modifier = groups.get("mod") or groups.get("mod2")
    mod = lexicon().modifiers.get(modifier.lower(), "") if modifier else rule.mod
    kind = "TIME" if rule.type == "DATE" and groups.get("hour") else rule.type
    return Candidate(start, end, rule, value, end_value, mod, kind)


def candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for lo, hi, kinds in _windows(text, scan(text)):
        window = text[lo:hi].lower()
        for rule in rules_for(kinds):
            if rule.needs and not any(n in window for n in rule.needs):
                continue
            for match in rule.regex.finditer(text, lo, hi):
                if rule.span:
                    start, end = match.span(rule.span)
                else:
                    start, end = match.span()
                if end <= start:
                    continue
                candidate = _candidate(text, rule, match.groupdict(), start, end)
                if candidate is not None:
                    found.append(candidate)
    return found


def select(found: list[Candidate]) -> list[Candidate]:
    """The longest matches first (earlier rules win ties), without overlaps, in text order."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(found, key=lambda c: (c.start - c.end, c.rule.order, c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    chosen.sort(key=lambda c: c.start)
    return chosen


def recognise(text: str) -> list[Timex]:
    """The time expressions of ``text`` with their underspecified values (unresolved)."""
    timexes = [
        Timex(start=c.start, end=c.end, text=text[c.start:c.end], type=c.type,
              underspecified=c.value + ("/" + c.end_value if c.end_value else ""),
              rule=c.rule.name, mod=c.mod)
        for c in select(candidates(text))
    ]
    return compose(text, timexes)
