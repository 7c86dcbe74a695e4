"""From a rule's matched groups to its underspecified value.

Each named group of a rule is normalised by its name ("month" -> ``"01"``, "num" ->
``"2"``, "unit" -> ``"W"``…); the rule's value template is then filled in. A normaliser
returns ``None`` when the text cannot be what the group stands for ("31 February"),
which rejects the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from missionwatch.extract.timex.lexicon import Lexicon, lexicon

Groups = dict[str, str]

_SIGNS = {-1: "-1", 0: "+0", 1: "+1"}
_WHICH = {-1: "LAST", 0: "THIS", 1: "NEXT"}
_DEICTIC_DAY = {"today": "DCT+0D", "this": "DCT+0D", "yesterday": "DCT-1D",
                "tomorrow": "DCT+1D"}
_DECADE_WORDS = {"twenties": "192", "thirties": "193", "forties": "194", "fifties": "195",
                 "sixties": "196", "seventies": "197", "eighties": "198", "nineties": "199"}
_WEEK_DAY = {"first": "04", "second": "11", "third": "18", "fourth": "25", "last": "25",
             "final": "25"}
_PLACEHOLDER = re.compile(r"\{(-?)([a-z_0-9]+)(?:\|([^}]*))?\}")


def _word(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _year(text: str, groups: Groups) -> str | None:
    digits = text.strip("'’")
    if len(digits) == 4 and digits.isdigit():
        return digits
    if len(digits) == 2 and digits.isdigit():
        return ("20" if int(digits) <= 40 else "19") + digits
    return lexicon().spoken_year(digits) if digits[:1].isalpha() else None


def _month(text: str, lex: Lexicon) -> str | None:
    word = _word(text).rstrip(".")
    if word.isdigit():
        month = int(word)
    elif word in lex.months:
        month = lex.months[word]
    else:
        return None
    return f"{month:02d}" if 1 <= month <= 12 else None


def _day(text: str) -> str | None:
    digits = re.sub(r"(?i)(st|nd|rd|th)$", "", text.strip())
    if not digits.isdigit() or not 1 <= int(digits) <= 31:
        return None
    return f"{int(digits):02d}"


def _ordinal(text: str, lex: Lexicon) -> int | None:
    return lex.ordinals.get(_word(text).replace(" ", "-"))


def normalise_group(name: str, text: str, groups: Groups, lex: Lexicon) -> str | None:
    """The normal form of one group, by the group's name (trailing digits ignored)."""
    base = name.rstrip("0123456789")
    word = _word(text)
    result: str | None
    if base == "year":
        result = _year(text, groups)
        if result and name == "year2" and len(text.strip("'’")) == 2 and "year" in groups:
            result = groups["year"][:2] + text.strip("'’")
    elif base == "month":
        result = _month(text, lex)
    elif base == "day":
        result = _day(text)
    elif base == "wd":
        number = lex.weekdays.get(word.rstrip("."))
        result = str(number) if number else None
    elif base == "season":
        result = lex.seasons.get(word)
    elif base == "part":
        result = lex.parts_of_day.get(word)
    elif base == "num":
        result = "2" if word == "other" else lex.number(word)
    elif base == "unit":
        result = lex.units.get(word)
    elif base in ("ord", "q", "half"):
        number = int(word) if word.isdigit() else _ordinal(word, lex)
        if base == "half" and word in ("last", "latter"):
            number = 2  # "the last half of 1989"
        if base == "q" and word in ("last", "final"):
            number = 4  # "the final quarter of 2009"
        limit = {"q": 4, "half": 2}.get(base, 99)
        result = str(number) if number and number <= limit else None
    elif base == "wk":  # "the last week of March": a day in that week
        result = _WEEK_DAY.get(word)
    elif base == "sign":
        offset = lex.relative.get(word.split()[-1], -1 if word == "a" else None)
        result = _SIGNS.get(offset) if offset is not None else None
    elif base == "which":
        offset = lex.relative.get(word)
        result = _WHICH.get(offset) if offset is not None else None
    elif base == "dir":
        result = lex.directions.get(word)
    elif base == "dd":
        result = _DEICTIC_DAY.get(word)
    elif base == "decade":
        result = text[:3]
    elif base == "decs":
        result = ("20" if text[0] in "01" else "19") + text[0]
    elif base == "decw":
        result = _DECADE_WORDS.get(word)
    elif base == "holiday":
        result = lex.holidays.get(word)
    elif base == "freq":
        result = lex.frequencies.get(word)
    elif base == "mod":
        result = lex.modifiers.get(word)
    else:
        result = text
    return result


def duration(num: str, unit: str, half: bool = False) -> str | None:
    """``("2", "Y")`` -> ``P2Y``; decades and centuries count in years, hours in ``PT``."""
    if num == "X":
        return {"DE": "PXDE", "CE": "PXCE", "H": "PTXH", "MIN": "PTXM", "S": "PTXS",
                "FN": "PXW"}.get(unit, f"PX{unit}")
    value = float(num) + (0.5 if half else 0.0)
    scale = {"DE": (10, "Y"), "CE": (100, "Y"), "FN": (2, "W")}.get(unit, (1, unit))
    value *= scale[0]
    unit = scale[1]
    if value != int(value):
        smaller = {"Y": (12, "M"), "M": None, "D": (24, "TH"), "H": (60, "TM"),
                   "MIN": (60, "TS"), "W": (7, "D"), "Q": (3, "M")}.get(unit)
        if smaller is None:
            return f"P{value:g}{unit}" if unit == "M" else None  # "2 1/2 months": P2.5M
        whole, part = int(value), round((value - int(value)) * smaller[0])
        if unit in ("H",):
            return f"PT{whole}H{part}M" if whole else f"PT{part}M"
        if unit == "MIN":
            return f"PT{whole}M{part}S" if whole else f"PT{part}S"
        if smaller[1] == "TH":
            return f"P{whole}DT{part}H" if whole else f"PT{part}H"
        return f"P{whole}{unit}{part}{smaller[1]}" if whole else f"P{part}{smaller[1]}"
    count = int(value)
    if unit in ("H", "MIN", "S"):
        return f"PT{count}{'M' if unit == 'MIN' else unit}"
    return f"P{count}{unit}"


def clock(groups: Groups) -> str | None:
    """``T17:00`` from the hour, minute and a.m./p.m. groups (noon and midnight too)."""
    hour_text = groups.get("hour", "").lower()
    if hour_text in ("noon", "midday"):
        return "T12:00"
    if hour_text == "midnight":
        return "T24:00"
    if not hour_text:
        return ""
    lex = lexicon()
    hour_value = int(hour_text) if hour_text.isdigit() else lex.numbers.get(_word(hour_text))
    if hour_value is None:
        return None
    minute = int(groups.get("min") or 0)
    ampm = groups.get("ampm", "").lower()
    if ampm.startswith("p") and hour_value < 12:
        hour_value += 12
    elif ampm.startswith("a") and hour_value == 12:
        hour_value = 0
    if hour_value > 24 or minute > 59:
        return None
    return f"T{hour_value:02d}:{minute:02d}"


def _years(groups: Groups) -> str | None:
    """A count of decades or centuries in years ("four decades" -> ``40``)."""
    num, unit = groups.get("num", ""), groups.get("unit", "")
    if not num.replace(".", "").isdigit() or unit not in ("DE", "CE"):
        return None
    return str(int(float(num) * (10 if unit == "DE" else 100)))


def _century(groups: Groups) -> str | None:
    ordinal = groups.get("ord")
    return f"{int(ordinal) - 1:02d}" if ordinal and ordinal.isdigit() else None


def _computed(raw: Groups, norm: Groups) -> dict[str, Callable[[], str | None]]:
    text = raw.get("_text", "").lower()
    half = "half" in text
    base = "0" if text.startswith(("half", "a half")) else "1"
    unit = norm.get("unit") or norm.get("unit2", "")
    return {
        "dur": lambda: duration(norm.get("num", base), unit, half) if unit else None,
        "dur2": lambda: duration(norm.get("num2", "1"), norm.get("unit", "")),
        "vdur": lambda: duration(
            "X" if (raw.get("unit") or raw.get("unit2", "")).lower().endswith("s") else "1",
            unit) if unit else None,
        "years": lambda: _years(norm),
        "time": lambda: clock(raw),
        "century": lambda: _century(norm),
    }


def fill(template: str, raw: Groups, lex: Lexicon | None = None) -> str | None:
    """Fill ``template`` from the raw matched groups; ``None`` if any part is invalid."""
    lex = lex or lexicon()
    norm: Groups = {}
    for name, text in raw.items():
        if name.startswith("_"):
            continue
        value = normalise_group(name, text, raw, lex)
        if value is None:
            return None
        norm[name] = value
    computed = _computed(raw, norm)
    failed = False

    def substitute(match: re.Match[str]) -> str:
        nonlocal failed
        dash, name, default = match.group(1), match.group(2), match.group(3)
        value = computed[name]() if name in computed and name not in norm else norm.get(name)
        if value is None or (value == "" and name not in ("time",)):
            if dash:
                return ""
            if default is not None:
                return default
            failed = True
            return ""
        return ("-" if dash else "") + value

    result = _PLACEHOLDER.sub(substitute, template)
    return None if failed else result
