"""The grammar of the ``quantities`` step around one number: the tokens on either side,
the guard rails that say a number is no count (dates, references, codes), and the bound
words, ranges and suffixes that set its interval.

The word lists are in ``data/quantities.yaml`` (see :mod:`missionwatch.extract.quantity_lexicon`);
the heads and units are in :mod:`missionwatch.extract.quantity_heads`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from missionwatch.extract.numbers import Number, parse_digits, parse_words
from missionwatch.extract.quantity_lexicon import Lexicon

_TOKEN = re.compile(r"[A-Za-z]+(?:[.'’-][A-Za-z]+)*|\d[\d,.]*\d|\d|[^\sA-Za-z\d]")
_WORD = re.compile(r"[A-Za-z]+")
_PHONE = re.compile(r"\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b|\d{3}[-.]\d{4}\b")
_RANGE_SEP = re.compile(r"\s*(?:([-–—‐‑])|(to|and|or)\s)\s*")
_HYPHEN_WORD = re.compile(r"[-‐‑]([A-Za-z]+)")
_SPACE_STRONG = re.compile(r"\s+strong\b")
CURRENCY_START = re.compile(r"(?:US\$|[$€£])(?=\d)")

#: a token: (start, end, text)
Tok = tuple[int, int, str]


@dataclass
class Reading:
    """What the grammar read around one number; ``low``/``best``/``high`` are the
    normalised interval (see the step's docstring)."""

    start: int
    end: int
    number: Number
    low: float | None
    best: float | None
    high: float | None
    approx: bool = False
    bound: str = ""
    head: str = ""
    unit: str = ""
    strength: bool = False  # "-strong", "-member", "a force of"
    compound: str = ""  # the word of a hyphen compound: "10-point", "two-star"
    loose: bool = False  # lower-case words other than modifiers stand before the head
    linked: bool = False  # the bound words end in a linker: "a cap of", "a ceiling of"


# --- tokens around a number ---------------------------------------------------------------


def before(text: str, lo: int, pos: int, count: int = 6) -> list[Tok]:
    """Up to ``count`` tokens before ``pos`` (not before ``lo``), nearest first; full stops
    are dropped so that "U.S." and "No." read as words."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, max(lo, pos - 90), pos)]
    return [t for t in reversed(toks) if t[2] != "."][:count]


def after(text: str, pos: int, hi: int, count: int = 8) -> list[Tok]:
    """Up to ``count`` tokens after ``pos``; a full stop right after an abbreviation
    ("U.S.") is dropped, any other one ends the list."""
    out: list[Tok] = []
    for m in _TOKEN.finditer(text, pos, hi):
        tok = m.group()
        if tok == ".":
            if out and ("." in out[-1][2] or len(out[-1][2]) == 1):
                continue
            break
        out.append((m.start(), m.end(), tok))
        if len(out) >= count:
            break
    return out


def match_back(toks: list[Tok], at: int, phrases: dict[tuple[str, ...], str],
                longest: int) -> tuple[int, str]:
    """The longest phrase ending at ``toks[at]`` (nearest-first list): (length, label)."""
    for size in range(min(longest, len(toks) - at), 0, -1):
        key = tuple(t[2].lower() for t in reversed(toks[at:at + size]))
        label = phrases.get(key)
        if label is not None:
            return size, label
    return 0, ""


def match_ahead(toks: list[Tok], at: int, phrases: dict[tuple[str, ...], str],
                 longest: int) -> tuple[int, str]:
    for size in range(min(longest, len(toks) - at), 0, -1):
        label = phrases.get(tuple(t[2].lower() for t in toks[at:at + size]))
        if label is not None:
            return size, label
    return 0, ""


def is_capitalised(tok: str) -> bool:
    return tok[:1].isupper()


# --- guard rails ---------------------------------------------------------------------------


def left_ok(text: str, start: int, lo: int) -> bool:
    """False when the characters before the number make it part of a word, code or URL."""
    if start <= lo:
        return True
    c = text[start - 1]
    if c.isalnum() or c in "/#@=_\\&+^|:":
        return False
    if c in "-–—‐‑.,'’" and start - 2 >= 0 and text[start - 2].isalnum():
        return False
    if c in "\"'" and start - 2 >= 0 and text[start - 2] == "=":
        return False  # an HTML attribute: width="3000"
    line = text.rfind("\n", 0, start) + 1
    return not (c == "'" and line == start - 1)


def right_ok(text: str, number: Number, hi: int, money: bool, lex: Lexicon) -> tuple[int, int]:
    """(end, scale) after the number's right-hand guard rails, or (-1, 1) to drop it."""
    end = number.end
    if number.digits:
        digits = number.digits
        if (digits[0] == "0" and len(digits) > 1) or (len(digits) >= 7 and "," not in digits):
            return -1, 1
        if _PHONE.match(text, number.start, hi):
            return -1, 1
    r = text[end] if end < len(text) else ""
    nxt = text[end + 1] if end + 1 < len(text) else ""
    if r.isalpha() and number.digits:
        word = _WORD.match(text, end)
        suffix = word.group().lower() if word else ""
        if money and suffix in lex.short_scales and word is not None:
            return word.end(), lex.short_scales[suffix]
        return -1, 1  # "82nd", "1990s", "5G", "10km"
    if (r in ":/.," and nxt.isdigit()) or (r in "'’" and nxt == "s") or r == "(":
        return -1, 1  # "10:30", "9/11", "1.2.3", "1,2", "1990’s", "4.3(b)"
    if r in ".)" and (not nxt or nxt.isspace()) and number.digits:
        line = text.rfind("\n", 0, number.start) + 1
        if not text[line:number.start].strip(" \t-*#>("):
            return -1, 1  # a list marker: "1." or "2)" at the start of a line
    if r == ")" and number.start > 0 and text[number.start - 1] == "(":
        return -1, 1  # "(1)"
    return end, 1


def context_ok(prev: list[Tok], number: Number, lex: Lexicon) -> bool:
    """False for dates and references: "January 8", "Resolution 2100", "Camp Taji 2"."""
    tok = prev[0][2]
    low = tok.lower()
    if low in lex.months and is_capitalised(tok):
        return False
    if low in lex.identifiers:
        return False
    if not is_capitalised(tok) or not tok[0].isalpha():
        return True
    if low in lex.capitalised_ok or low in lex.prefix_last or low in lex.currency_codes:
        return True
    return low in lex.multiplier_last and number.bare_scale


# --- bounds, ranges and suffixes -------------------------------------------------------------


def read_prefix(item: Reading, prev: list[Tok], lex: Lexicon) -> int:
    """Read vague multipliers, articles and bound words before the number; return how many
    of ``prev`` they used."""
    used = 0
    number = item.number
    if number.bare_scale and prev:
        size, label = match_back(prev, 0, lex.multipliers_by_phrase, lex.longest_multiplier)
        if size:
            low, high = lex.multipliers[label]
            item.low, item.best, item.high = low * number.low, None, high * number.high
            item.bound, item.approx = "vague", True
            item.start = prev[size - 1][0]
            used = size
        elif prev[0][2].lower() in ("a", "an"):
            item.start = prev[0][0]
            used = 1
            if len(prev) > 1 and prev[1][2].lower() == "half":  # "half a dozen"
                item.low = item.best = item.high = number.low / 2
                item.start = prev[1][0]
                used = 2
    if number.bare_scale and not used:
        return -1  # "billion" with no count or article before it
    if number.vague:
        item.bound, item.approx, item.best = "vague", True, None
    if number.plus:
        apply_bound(item, "at-least", lex.margin)
    for _ in range(2):
        size, label = match_back(prev, used, lex.prefix, lex.longest_prefix)
        if not size:
            break
        item.start = prev[used + size - 1][0]
        used += size
        apply_bound(item, label, lex.margin)
    return used


def apply_bound(item: Reading, label: str, margin: float) -> None:
    if item.bound == "vague" or (item.best is None and item.bound):
        item.approx = item.approx or label.startswith("approx")
        return
    value = item.number.best if item.number.best is not None else item.number.low
    if label in ("at-least", "at-most"):
        if not item.bound:
            item.bound = label
            item.low, item.best, item.high = (
                (value, None, None) if label == "at-least" else (None, None, value))
        return
    item.approx = True
    if item.bound:
        return
    below = value * (1 - margin) if label != "approx_above" else value
    above = value * (1 + margin) if label != "approx_below" else value
    item.low, item.best, item.high = _round(below), value, _round(above)


def _round(value: float) -> float:
    return round(value, 6)


def read_range(text: str, item: Reading, hi: int, prev: list[Tok], lex: Lexicon) -> bool:
    """Read "300-400", "between 300 and 400", "two or three"; False drops the candidate
    ("5-4 vote", "2020-02-12")."""
    number = item.number
    sep = _RANGE_SEP.match(text, number.end, hi)
    if not sep or number.vague:
        return True
    dash, word = sep.group(1), sep.group(2)
    after = sep.end()
    attached = dash is not None and sep.start() == sep.start(1)
    between = bool(prev) and prev[0][2].lower() == "between"
    if word == "and" and not between:
        return True
    if word == "to" and prev and prev[0][2].lower() == "from":
        return True  # "from 5,200 to 3,000" is a change, not a range
    cur = CURRENCY_START.match(text, after, hi)
    second_at = cur.end() if cur else after
    if second_at < hi and text[second_at].isdigit():
        second = parse_digits(text, second_at, hi)
        if second is not None and second.digits and text[second.end:second.end + 1] in "-–:/":
            return not attached  # "2020-02-12", "202-456-1111"
    else:
        second = parse_words(text, second_at, hi, lex.vague)
    if second is None or second.vague or second.best is None or number.best is None:
        return not (attached and second_at < hi and text[second_at].isdigit())
    first, last = number.best, second.best
    if last >= 1000 and first < last / 1000 and not number.words and second.end > second.start:
        scale = _scale_of(second)
        first = first * scale if scale > 1 and first * scale < last else first
    if last <= first or (number.year_like and second.year_like):
        return not attached
    item.end = second.end
    item.low, item.best, item.high = first, None, last
    item.bound = "range"
    if between:
        item.start = prev[0][0]
    return True


def _scale_of(number: Number) -> float:
    """The scale word a number ends with ("4 million" -> 1e6), else 1."""
    base = float(number.digits.replace(",", "")) if number.digits else 0.0
    return number.best / base if base and number.best else 1.0


def read_suffixes(text: str, item: Reading, hi: int, lex: Lexicon) -> int:
    """Read "-strong"/"-member", hyphen compounds ("10-point") and postfix bounds ("or so",
    "or more", "+"); return where the head search starts, -1 to drop the candidate."""
    end = item.end
    hyphen = _HYPHEN_WORD.match(text, end, hi)
    if hyphen:
        word = hyphen.group(1).lower()
        if word in lex.excluded:
            return -1  # "25-year-old", "two-thirds", "three-day"
        item.end = end = hyphen.end()
        if word in lex.strength:
            item.strength = True
        elif word in lex.postfix_words:
            apply_bound(item, lex.postfix[(word,)], lex.margin)
        else:
            item.compound = hyphen.group(1)
            return item.end
    else:
        strong = _SPACE_STRONG.match(text, end, hi)
        if strong:
            item.strength = True
            item.end = end = strong.end()
    if end < hi and text[end] == "+" and not text[end + 1:end + 2].isdigit():
        item.end = end = end + 1
        apply_bound(item, "at-least", lex.margin)
        return end
    toks = after(text, end, hi, lex.longest_postfix)
    size, label = match_ahead(toks, 0, lex.postfix, lex.longest_postfix)
    if size:
        item.end = toks[size - 1][1]
        apply_bound(item, label, lex.margin)
    return item.end
