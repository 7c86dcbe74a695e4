"""Post-processing of recognised expressions: clock time + day ("5 p.m. Friday"),
modifiers on the left ("early 2020", "more than two years", "the end of March"), "or so"
and "or later" on the right, vague units joined by "or" ("weeks or months"), and ranges
("from January to March", "between 2018 and 2020").

A range keeps the TimeML convention of one expression per end (TIDES: "August 6-8" is
"August 6" and "8"); the first is marked ``rule="…+range"`` and the resolver gives it the
second's value as ``end_value``. A year written at one end only is copied to the other
here ("from January to March 2020").
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from missionwatch.document import Timex
from missionwatch.extract.timex.lexicon import lexicon

_DAY_LIKE = re.compile(r"^(?:WD\d|(?:LAST|NEXT|THIS)-WD\d|XXXX-\d\d-\d\d|\d{4}-\d\d-\d\d|"
                       r"(?:DCT|REF)[+-]\d+D)$")
_BETWEEN_TIME_DAY = re.compile(r"\s*,?\s*$", re.I)
_RANGE_SEP = re.compile(r"\s*(?:(-|–|—)|to|through|thru|until|till|and|or)\s*$", re.I)
_RANGE_START = re.compile(r"(?:from|between)\s+$", re.I)
_OR_SO = re.compile(r"\s+or\s+so(?![\w])", re.I)
#: "1994 or later", "1990 and beyond": an open end (not "or later this week")
_OPEN_END = re.compile(r"\s+(?:or|and)\s+(later|earlier|beyond)(?=\s*(?:[.,;:!?)\"”]|$|\n))",
                       re.I)
_OPEN_MOD = {"later": "ON_OR_AFTER", "beyond": "ON_OR_AFTER", "earlier": "ON_OR_BEFORE"}
#: "weeks or months", "recent weeks and months": one vague span
_VAGUE_JOIN = re.compile(r"\s+(?:or|and)\s+", re.I)
_VAGUE_UNIT = re.compile(r"^P(?:T)?X[A-Z]+$")
#: the dash or slash between the two ends of a one-token date range ("March 27-28")
_RANGE_DASH = re.compile(r"\s*[-–/]\s*")
_THE = re.compile(r"(?<![\w-])the\s+$", re.I)
_SEASON_OR_PART = re.compile(r"-(?:SP|SU|FA|WI)$|T(?:MO|AF|EV|NI|MI)$")
_SENTENCE_END = re.compile(r"\s*(?:$|\n|[\"”’']?\s+[A-Z])")
_YEARLESS = re.compile(r"^XXXX-(\d\d)(-\d\d)?$")
_WITH_YEAR = re.compile(r"^(\d{4})-(\d\d)(-\d\d)?$")
_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_PLACE = frozenset({"START", "MID", "END"})
_PREPOSITIONS = frozenset({"around", "some"})
_RELATIVE_ONLY = frozenset({"earlier", "later"})


@cache
def _modifier_regex() -> re.Pattern[str]:
    words = sorted(lexicon().modifiers, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(r"(?<![\w-])(" + alternation + r")(?:\s+|-\s*)$", re.I)


def _merge_clock_day(text: str, timexes: list[Timex]) -> list[Timex]:
    out: list[Timex] = []
    for timex in timexes:
        prev = out[-1] if out else None
        clock = prev.underspecified.removeprefix("REF+0D") if prev is not None else ""
        if (prev is not None and clock.startswith("T")
                and _DAY_LIKE.match(timex.underspecified)
                and _BETWEEN_TIME_DAY.fullmatch(text, prev.end, timex.start)):
            # "5 p.m. Friday", "mid-afternoon yesterday": one time on that day
            out[-1] = Timex(prev.start, timex.end, text[prev.start:timex.end], "TIME",
                            underspecified=timex.underspecified + clock,
                            rule=prev.rule + "+" + timex.rule, mod=prev.mod or timex.mod)
            continue
        out.append(timex)
    return out


def _modifier_allowed(word: str, mod: str, timex: Timex) -> bool:
    under = timex.underspecified
    if under in _REFS:
        return False
    if word in _PREPOSITIONS and timex.text.lower().startswith("the "):
        return False  # "over the past two years": a preposition
    if mod in _PLACE:
        if timex.type not in ("DATE", "TIME"):
            return False
        if word in _RELATIVE_ONLY:
            return not under[:1].isdigit() and not under.startswith("XXXX")
        return True
    if word in ("some", "about") and timex.rule.endswith("-direction"):
        return True  # "about two years ago", "some 20 years ago" (as in TimeBank)
    if word == "about":
        return False  # mostly outside the expression in TimeBank ("for about five hours")
    if word == "some":
        return timex.type == "DURATION"
    if under.startswith(("WD", "LAST-WD", "NEXT-WD", "THIS-WD")) and timex.type == "DATE":
        return False  # "get around Wednesday's ruling"
    return timex.type in ("DURATION", "DATE", "TIME")


def _extend(text: str, timex: Timex) -> Timex:
    match = _modifier_regex().search(text, max(0, timex.start - 30), timex.start)
    if match:
        word = " ".join(match.group(1).lower().split())
        mod = lexicon().modifiers[word]
        if _modifier_allowed(word, mod, timex):
            timex.start = match.start(1)
            timex.mod = timex.mod or mod
            the = _THE.search(text, max(0, timex.start - 5), timex.start)
            if the and word in ("early", "mid", "late") and _SEASON_OR_PART.search(
                    timex.underspecified):
                timex.start = the.start()  # "the early summer": the article goes with it
    so = _OR_SO.match(text, timex.end)
    if so and timex.type in ("DATE", "DURATION"):
        timex.end = so.end()
        timex.mod = timex.mod or "APPROX"
    opened = _OPEN_END.match(text, timex.end)
    if opened and timex.type == "DATE" and timex.underspecified[:1].isdigit():
        timex.end = opened.end()
        timex.mod = timex.mod or _OPEN_MOD[opened.group(1).lower()]
    if _SENTENCE_END.match(text, timex.end) and text[timex.start:timex.end].endswith("m."):
        timex.end -= 1  # "at 6 a.m. He left": the stop ends the sentence too
    timex.text = text[timex.start:timex.end]
    return timex


def _share_year(first: Timex, second: Timex) -> None:
    a, b = _YEARLESS.match(first.underspecified), _WITH_YEAR.match(second.underspecified)
    if a and b:
        year = int(b.group(1)) - (1 if a.group(1) > b.group(2) else 0)
        first.underspecified = f"{year:04d}-{a.group(1)}{a.group(2) or ''}"
        return
    a2, b2 = _WITH_YEAR.match(first.underspecified), _YEARLESS.match(second.underspecified)
    if a2 and b2:
        year = int(a2.group(1)) + (1 if b2.group(1) < a2.group(2) else 0)
        second.underspecified = f"{year:04d}-{b2.group(1)}{b2.group(2) or ''}"


def _link_ranges(text: str, timexes: list[Timex]) -> None:
    for first, second in pairwise(timexes):
        if first.type != "DATE" or second.type != "DATE" or "+range" in first.rule:
            continue
        sep = _RANGE_SEP.fullmatch(text, first.end, second.start)
        if not sep:
            continue
        opened = _RANGE_START.search(text, max(0, first.start - 10), first.start)
        if not (opened or sep.group(1)):
            continue
        if sep.group(0).strip().lower() in ("and", "or") and not (
                opened and opened.group(0).lower().startswith("between")):
            continue
        first.rule += "+range"
        _share_year(first, second)


def _join_vague(text: str, timexes: list[Timex]) -> list[Timex]:
    """"weeks or months": a vague unit joined to the one before it is one expression."""
    out: list[Timex] = []
    for timex in timexes:
        prev = out[-1] if out else None
        if (prev is not None and timex.type == "DURATION" and prev.type in ("DURATION", "DATE")
                and _VAGUE_UNIT.match(timex.underspecified)
                and " " not in timex.text.strip()
                and _VAGUE_JOIN.fullmatch(text, prev.end, timex.start)
                and (_VAGUE_UNIT.match(prev.underspecified) or prev.underspecified == "PAST_REF")):
            prev.end = timex.end
            prev.text = text[prev.start:prev.end]
            continue
        out.append(timex)
    return out


def _split_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """"March 27-28", "2012-13": one expression per end, as TimeML (TIDES) tags them."""
    out: list[Timex] = []
    for timex in timexes:
        first_value, _, second_value = timex.underspecified.partition("/")
        dash = _RANGE_DASH.search(text, timex.start, timex.end)
        if timex.type != "DATE" or not second_value or dash is None:
            out.append(timex)
            continue
        out.append(Timex(timex.start, dash.start(), text[timex.start:dash.start()], "DATE",
                         underspecified=first_value, rule=timex.rule + "+range", mod=timex.mod))
        out.append(Timex(dash.end(), timex.end, text[dash.end():timex.end], "DATE",
                         underspecified=second_value, rule=timex.rule))
    return out


def compose(text: str, timexes: list[Timex]) -> list[Timex]:
    merged = _split_ranges(text, _join_vague(text, _merge_clock_day(text, timexes)))
    extended = [_extend(text, t) for t in merged]
    _link_ranges(text, extended)
    return extended
