"""Checks that refuse a rule's match from its context ("May" the surname, "2018 troops",
"the fall of Baghdad", "the day before the vote").

Each check takes the text, the match span and its groups, and says whether the match may
stand. Rules name their checks in ``rules.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from missionwatch.extract.timex.lexicon import lexicon
from missionwatch.extract.timex.tense import FUTURE, PRESENT, tense

Check = Callable[[str, int, int, dict[str, str]], bool]

_NEXT_WORD = re.compile(r"\s*([$€£%#]|[\w.'’-]+)")
_PREV_WORD = re.compile(r"([$€£#]|[\w.'’-]+)[\s(]*$")
_NEWSPAPERS = frozenset({"times", "telegraph", "express", "mirror", "herald", "post", "star",
                         "sport", "observer", "independent", "morning", "night"})
#: words that may follow "the day before" when "before" ends the phrase (an adverb)
_AFTER_ADVERB = frozenset({"and", "but", "or", "when", "while", "as", "in", "at", "on", "with",
                           "by", "from", "during", "amid", "after", "before", "because", "where",
                           "so", "then", "than"})
_NAME_BEFORE_YEAR = frozenset({"in", "since", "by", "until", "from", "of", "for", "after",
                               "before", "during", "through", "to", "and", "or", "between",
                               "the", "fiscal", "early", "late", "mid", "summer", "spring",
                               "fall", "autumn", "winter", "year", "circa", "around", "as"})
_FALL_CUES = frozenset({"in", "during", "by", "until", "till", "since", "early", "late", "mid",
                        "this", "last", "next", "that", "the", "through", "throughout"})
#: words that make "two … quarters of" a run of periods, not a fraction ("two consecutive
#: quarters of growth" against "three quarters of the troops")
_RUN_WORDS = frozenset({"consecutive", "straight", "successive", "more", "full", "additional"})
_NOT_AFTER_THE_UNIT = frozenset({"of", "before", "after", "in", "when", "that", "which", "ahead",
                                 "earlier", "later", "prior", "since"})


def next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    return match.group(1) if match else ""


def prev_word(text: str, start: int) -> str:
    match = _PREV_WORD.search(text, max(0, start - 40), start)
    return match.group(1) if match else ""


def starts_sentence(text: str, start: int) -> bool:
    """Nothing but an opening quote or bracket between ``start`` and the last full stop."""
    before = text[max(0, start - 4):start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;"


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
#: words a headline in title case may leave in lower case
_MINOR = frozenset({"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by",
                    "as", "from", "with", "over", "into", "vs", "per", "nor", "up", "off", "is"})


def in_headline(text: str, pos: int) -> bool:
    """``pos`` is on a short line written in title case or capitals ("Cyprus Talks Resume
    Next Week"), where capitals say nothing about names."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    hi = len(text) if hi < 0 else hi
    if hi - lo > 160:
        return False
    words = [w for w in _WORD.findall(text, lo, hi) if w.lower() not in _MINOR]
    capitals = sum(w[0].isupper() for w in words)
    return len(words) >= 3 and capitals >= len(words) - 1 and text[lo:hi].rstrip()[-1:] != "."


def capitalised_name_before(text: str, start: int) -> bool:
    """The word before ``start`` is a capitalised word in mid-sentence ("Orion 1980",
    "Vision 2030"), not a sentence-initial word or a possessive ("Obama's 2013 budget")."""
    match = _PREV_WORD.search(text, max(0, start - 40), start)
    if not match or text[start - 1:start] != " ":
        return False
    word = match.group(1)
    if not word[:1].isupper() or word.endswith(("'s", "’s")):
        return False
    return not starts_sentence(text, match.start(1))


def has_cue(text: str, start: int, cues: frozenset[str]) -> bool:
    """The word just before ``start`` is a cue ("in March"), or ``mid-``, ``early-``…"""
    word = prev_word(text, start).lower().rstrip(".,")
    if word.endswith("-"):
        return word[:-1] in ("mid", "early", "late")
    return word in cues


def year(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    lex = lexicon()
    follower = next_word(text, end).lower()
    if follower in lex.not_year_after or follower.rstrip(".,;:") in lex.not_year_after:
        return False
    previous = prev_word(text, start).lower()
    if previous in lex.not_year_before or previous.rstrip(",") in lex.not_year_before:
        return False
    if start > 0 and text[start - 1] in "$€£#":
        return False
    if previous not in _NAME_BEFORE_YEAR and capitalised_name_before(text, start) and not \
            in_headline(text, start):
        return False  # "Orion 1980", "Vision 2030": names
    value = int(groups["year"])
    return value >= 1900 or has_cue(text, start, lex.cues)


def not_count(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    return next_word(text, end).lower().rstrip("'’.,;:!?") not in lexicon().not_year_after


def no_object(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    """"the day before," is a date; "the day before the vote" is not (a preposition)."""
    direction = groups.get("dir", "").lower()
    if direction not in ("before", "after", "prior", "on"):
        return True
    follower = next_word(text, end)
    if not follower or not follower[0].isalnum():
        return True
    return direction not in ("on", "prior") and follower.lower() in _AFTER_ADVERB


def weekday(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    return next_word(text, end).lower() not in _NEWSPAPERS or not next_word(
        text, end)[:1].isupper()


def season(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    word = groups.get("season", "").lower()
    matched = text[start:end]
    if matched[:1].isupper() and prev_word(text, start)[:1].isupper():
        return False  # "the Arab Spring", "Prague Spring"
    if word in ("fall", "spring"):
        follower = next_word(text, end).lower()
        if follower == "of" or follower == "in":
            return False  # "the fall of Kabul", "a fall in prices"
        if not matched.lower().startswith("the") and prev_word(text, start).lower() not in \
                _FALL_CUES:
            return False
    return True


def capital(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    """A holiday is written with a capital, and is not part of a name ("Easter Island") or
    a thing ("Christmas trees")."""
    name = groups.get("holiday", "")
    follower = next_word(text, end)
    if follower[:1].isupper() and text[end:end + 1] == " " and not in_headline(text, start):
        return False
    thing = follower.lower().rstrip(".,;:!?")
    return name[:1].isupper() and thing not in lexicon().not_after_holiday


def upper_q(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    return text[start:start + 1] == "Q"


def frequency(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    """"daily" is a SET as an adverb ("meets daily") or a noun ("the party daily Granma"),
    not as an adjective before a noun ("quarterly dividend", "daily flights"), but for "on a
    daily basis", which is the adverb again."""
    follower = next_word(text, end)
    if not follower or not follower[0].isalpha() or text[end:end + 1] != " ":
        return True
    return follower[0].isupper() or follower.lower() in _AFTER_ADVERB or \
        follower.lower().rstrip(".,;:") == "basis"


def current(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    return next_word(text, end).lower() not in ("account", "accounts", "affairs", "events",
                                                 "flows", "flow", "prices", "dollars")


def the_unit(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    return next_word(text, end).lower() not in _NOT_AFTER_THE_UNIT


def every(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    unit = groups.get("unit", "").lower()
    return not (unit in ("second", "seconds") and "num" not in groups)


def not_title(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    """"60 Minutes", ABC's "This Week", "High Noon": a title, not a time."""
    words = text[start:end].split()
    if not words[-1][:1].isupper() or in_headline(text, start):
        return True
    before = text[max(0, start - 3):start].strip()
    return start == 0 or before[-1:] in (".", "!", "?", "") or text[start - 1] == "\n"


def calendar_unit(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    """"an hour later" is a duration and a signal, not a date."""
    return groups.get("unit", "").lower().rstrip("s") not in ("hour", "minute", "second", "hr",
                                                                "min")


def duration(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    num = groups.get("num", "").lower()
    if next_word(text, end).lower() == "old":
        return False  # ages ("52 years old") are not time expressions in TimeBank
    if len(num) == 4 and num.isdigit() and num[:2] in ("19", "20"):
        return False  # "the 1988 quarter": a year
    unit = groups.get("unit", "").lower()
    if unit in ("second", "seconds", "quarter", "quarters") and num in ("a", "an", "one"):
        return False  # "a second term", "a quarter of the troops"
    if unit in ("quarter", "quarters") and next_word(text, end).lower() == "of" and \
            lexicon().number(num) != "X" and not _RUN_WORDS & set(text[start:end].lower().split()):
        return False  # "three quarters of the troops"; not "several quarters of losses"
    return not (num in ("some", "many") and unit.endswith("s") is False)


def bare_month(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    """A month name alone: after a cue ("in March"), or any month but May and March
    ("the coldest January") when no capitalised name is next to it ("June Carter")."""
    if has_cue(text, start, lexicon().cues):
        return True
    if groups["month"].lower() in ("may", "march"):
        return False
    before, after = prev_word(text, start), next_word(text, end)
    if after[:1].isupper() or after[:1].isdigit():
        return False
    sentence_start = not before or text[max(0, start - 3):start].strip()[-1:] in (".", "!", "?")
    return sentence_start or not before[:1].isupper()


_NOT_DECADE_BEFORE = frozenset({"temperatures", "temperature", "highs", "lows", "degrees",
                                "mph", "speeds", "winds"})


def decade_bare(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    """"the 70s" without an apostrophe: a decade, unless the context speaks of a
    temperature or a speed ("highs in the 70s")."""
    before = text[max(0, start - 40):start].lower().replace(",", " ").split()
    return not any(word in _NOT_DECADE_BEFORE for word in before[-4:])


def tz_case(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    """Zone abbreviations are written in capitals ("ET", not "et")."""
    zone = groups.get("tz", "")
    return zone.isupper() or " " in zone


def not_generic(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    """"today's youth", "the people of tomorrow": an age, not a day."""
    if text[end:end + 2] in ("'s", "’s"):
        return next_word(text, end + 2).lower() not in lexicon().generic_after_today
    follower = text[end:end + 1]
    return not (prev_word(text, start).lower() == "of" and follower in (",", ".", ";", "?", "!")
                and text[start:end].lower() in ("today", "tomorrow"))


def past(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    """The clause is not told in the future or present ("killed 30 insurgents overnight",
    "during an overnight operation, forces detained"): a night already over, not "will stay
    overnight" or "overnight stays are allowed"."""
    lo = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    ends = [i for i in (text.find(mark, end) for mark in ".!?\n") if i >= 0]
    return tense(text, start, end, lo, min(ends, default=len(text))) not in {FUTURE, PRESENT}


def the(text: str, start: int, end: int, groups: dict[str, str]) -> bool:
    return text[start:start + 4].lower() == "the "


CHECKS: dict[str, Check] = {
    "year": year, "not_count": not_count, "no_object": no_object, "weekday": weekday,
    "season": season, "capital": capital, "upper_q": upper_q, "frequency": frequency,
    "current": current, "the_unit": the_unit, "every": every, "duration": duration,
    "the": the, "not_title": not_title, "calendar_unit": calendar_unit,
    "bare_month": bare_month, "tz_case": tz_case, "not_generic": not_generic,
    "decade_bare": decade_bare, "past": past,
}
