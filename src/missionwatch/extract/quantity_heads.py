"""Heads and units of the ``quantities`` step: the noun a number counts ("troops",
"force", "rockets"), the unit its list gives (personnel, formations, combatants, people,
materiel, money, percent, other), the victim and arrest words that make a count of people
"killed", "injured", "casualties" or "detained", and the last guard rails once the head is
known (years, "one of", "the two met").
"""

from __future__ import annotations

import re
from itertools import pairwise

from missionwatch.extract.quantity_grammar import (
    Reading,
    Tok,
    after,
    is_capitalised,
    match_ahead,
)
from missionwatch.extract.quantity_lexicon import Lexicon

_OF = re.compile(r"\s+of\b")
#: heads that can be victims or detainees ("12 soldiers were killed"); the context units
#: themselves ("12 dead") are heads too
_PERSON_KINDS = frozenset({"personnel", "people", "combatants", "killed", "injured",
                           "casualties", "detained"})


def read_head(text: str, item: Reading, lo: int, hi: int, prev: list[Tok], lex: Lexicon) -> bool:
    """Find the counted noun and the unit; False when it says the number is no count."""
    toks = after(text, item.end, hi)
    at = 0
    if item.bound == "vague" and _OF.match(text, item.end, hi):
        item.end = toks[0][1]
        at = 1
    size, _label = match_ahead(toks, at, lex.percent, lex.longest_percent)
    if size:
        item.end, item.head, item.unit = toks[at + size - 1][1], "percent", "percent"
        return True
    if item.compound:
        kind = lex.heads.get(item.compound.lower(), "other")
        item.head, item.unit = item.compound, "personnel" if kind == "personnel" else "other"
        return kind != "excluded"
    head, kind, adjacent, item.loose = forward_head(toks, at, lex)
    if kind == "excluded" or (toks[at:] and toks[at][2].lower() in lex.months
                              and is_capitalised(toks[at][2])):
        return False
    if kind == "money" and head is not None:
        item.end, item.head, item.unit = head[1], head[2].lower(), "money"
        return True
    if head is not None and adjacent:
        item.end = head[1]
    if head is None and not item.number.vague and not item.number.year_like and (
            item.number.digits or (item.number.best or 0) >= 10):
        head, kind = _backward_head(prev, lo, lex, item.linked)
        if head is not None:
            item.strength = True
    item.head = head[2] if head is not None else ""
    item.unit = _unit(kind, item.strength)
    if kind in _PERSON_KINDS or head is None or (kind == "other" and head[2][0].isupper()):
        ctx = context_unit(text, item, hi, prev, lex, head)
        if ctx:
            item.unit = ctx
    return True


def forward_head(toks: list[Tok], at: int,
                  lex: Lexicon) -> tuple[Tok | None, str, bool, bool]:
    """(head token, its list, adjacent?, loose?) from the tokens after the number; loose
    when lower-case words that are not plain modifiers stand before the head."""
    unknown: Tok | None = None
    modifiers = 0
    i = at
    while i < len(toks) and modifiers <= 4:
        tok = toks[i]
        low = tok[2].lower()
        pair = f"{low} {toks[i + 1][2].lower()}" if i + 1 < len(toks) else ""
        kind = lex.heads.get(pair) if pair else None
        if kind is not None:
            return (tok[0], toks[i + 1][1], pair), kind, i == at, unknown is not None
        kind = lex.heads.get(low)
        if kind is not None and is_capitalised(tok[2]) and i + 1 < len(toks) \
                and is_capitalised(toks[i + 1][2]) and toks[i + 1][2][0].isalpha():
            kind = None  # inside a name: "Portland Police Bureau", "Marine Corps League"
        if kind is not None:
            if i + 1 < len(toks) and lex.heads.get(toks[i + 1][2].lower()) in lex.noun_kinds:
                nxt = toks[i + 1]
                return nxt, lex.heads[nxt[2].lower()], False, unknown is not None
            return tok, kind, i == at, unknown is not None
        if not tok[2][0].isalpha() or (low in lex.function_words and not is_capitalised(tok[2])):
            break
        if tok[2].islower() and low not in lex.modifier_only:
            if low.endswith("ed") and (unknown is not None or i == at):
                break  # a verb: "the three arrived", "10,000 teachers certified in"
            unknown = tok
        modifiers += 1
        i += 1
    if unknown is not None:
        return unknown, "other", len(toks) > at and unknown is toks[at], False
    return None, "", False, False


def _backward_head(prev: list[Tok], lo: int, lex: Lexicon,
                   linked: bool) -> tuple[Tok | None, str]:
    """"a force of 12,000", "troops numbering 500", "troop levels of 5,200". The head is
    lower case (or opens the sentence): "the Marine Corps from 2003" is a name."""
    if not prev or not (linked or prev[0][2].lower() in lex.linkers):
        return None, ""
    for tok in prev[:5]:
        low = tok[2].lower()
        kind = lex.heads.get(low)
        if kind in ("personnel", "force") and (tok[2].islower() or tok[0] == lo):
            return tok, kind
        if low in lex.linkers or is_capitalised(tok[2]) or low in lex.modifier_only:
            continue
        break
    return None, ""


def _unit(kind: str, strength: bool) -> str:
    if kind == "force":
        return "personnel" if strength else "formations"
    if kind in ("", "other") and strength:
        return "personnel" if not kind else "other"
    return kind or "other"


def context_unit(text: str, item: Reading, hi: int, prev: list[Tok], lex: Lexicon,
                  head: Tok | None) -> str:
    """"killed", "injured", "casualties" or "detained" when the words around say so."""
    if head is not None and head[2].lower() in lex.context_units:
        return lex.context_units[head[2].lower()]
    for tok in prev[:3]:
        low = tok[2].lower()
        if not tok[2][0].isalpha() or low in lex.clause_breaks:
            break  # "… were killed and 12 were wounded": the cue belongs to the other clause
        unit = lex.context_units.get(low)
        if unit:
            return unit
    head_end = head[1] if head is not None else item.end
    past = 0  # tokens read past the head: at most four ("…troops were later killed")
    for tok in after(text, item.end, hi, 12):
        if not tok[2][0].isalpha() or tok[2].lower() in lex.forward_breaks:
            break
        if tok[0] >= head_end:
            past += 1
            if past > 4:
                break
        unit = lex.context_units.get(tok[2].lower())
        if unit:
            return unit
    return ""


def keep(item: Reading, prev: list[Tok], lex: Lexicon) -> bool:
    """The last guard rails, once the head is known."""
    number = item.number
    known_head = bool(item.head) and item.unit not in ("other", "")
    if number.year_like and item.bound != "range":
        if not known_head:
            return False  # "in 2018", "the 2020 election", "January 8, 2020"
        if prev and prev[0][2].lower() in lex.year_prepositions and not item.bound:
            return False  # "in 2020 troops were…"
    if number.words and not number.vague and item.bound != "vague":
        if (number.best or 0) <= 1 and (not known_head or item.loose):
            return False  # "one of", "no one", "one day", "zero emission vehicles"
        if (number.best or 0) < 10 and not item.head and not number.bare_scale:
            return False  # "the two met"
    return True


def share_heads(text: str, found: list[Reading]) -> None:
    """"500 U.S. and 300 British troops", "from 5,200 troops to 3,000": a quantity with no
    head takes its neighbour's when only "and", "or", "to" and names stand between."""
    for one, two in pairwise(found):
        gap = text[one.end:two.start]
        if len(gap) > 40 or any(c in gap for c in ";:!?"):
            continue
        words = [w for w in gap.replace(",", " ").split() if w]
        if not words or not any(w in ("and", "or", "to") for w in words):
            continue
        if not all(w in ("and", "or", "to", "from") or w[0].isupper() for w in words):
            continue
        for src, dst in ((two, one), (one, two)):
            if src.head and not dst.head and dst.unit in ("other", "") and src.unit != "money":
                dst.head, dst.unit = src.head, src.unit
