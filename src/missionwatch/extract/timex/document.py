"""Time expressions over a whole :class:`~missionwatch.document.Document`: resolution in
text order (tense from the sentence, anaphora from the dates already resolved, ranges),
and a reference date inferred from the text when the document has none.
"""

from __future__ import annotations

import re
from itertools import pairwise

from missionwatch.dates import PartialDate
from missionwatch.document import Document, Timex
from missionwatch.errors import InvalidDate
from missionwatch.extract.timex.resolve import Anchor, Resolver, needs_tense
from missionwatch.extract.timex.tense import tense

_ABSOLUTE = re.compile(r"^(\d{4})-(\d\d)(?:-(\d\d))?$")
_CLOCK = re.compile(r"^T\d")
_ON = re.compile(r"\s*(?:,\s*)?(?:on\s+)?$")
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")


def infer_reference(timexes: list[Timex]) -> PartialDate | None:
    """The latest absolute date written in full (to the day; else to the month)."""
    days: list[PartialDate] = []
    months: list[PartialDate] = []
    for timex in timexes:
        for under in timex.underspecified.split("/"):
            match = _ABSOLUTE.match(under)
            if not match:
                continue
            try:
                date = PartialDate.parse(under)
            except InvalidDate:
                continue
            (days if match.group(3) else months).append(date)
    if days:
        return max(days)
    return max(months) if months else None


def _sentence_bounds(doc: Document, offset: int) -> tuple[int, int]:
    sentence = doc.sentence_at(offset)
    if sentence is None:
        return 0, len(doc.text)
    return sentence.start, sentence.end


def _following_day(doc: Document, index: int, resolver: Resolver) -> str:
    """The day a clock time is on when the day follows it ("3:30 p.m. on Wednesday")."""
    if index + 1 >= len(doc.times):
        return ""
    clock, following = doc.times[index], doc.times[index + 1]
    if not _ON.fullmatch(doc.text, clock.end, following.start):
        return ""
    lo, hi = _sentence_bounds(doc, following.start)
    tense_now = tense(doc.text, following.start, following.end, lo, hi)
    value = resolver.resolve(following.underspecified, tense_now)
    return value if _DAY_VALUE.match(value) else ""


def resolve_document(doc: Document) -> None:
    """Fill ``value`` (and ``end_value`` of ranges) of every expression in ``doc.times``."""
    if doc.published is None:
        inferred = infer_reference(doc.times)
        if inferred is not None:
            doc.published = inferred
            doc.date_source = "inferred"
    inferred_dct = doc.date_source == "inferred"
    resolver = Resolver(Anchor.of(doc.published) if doc.published else None)
    for i, timex in enumerate(doc.times):
        parts = timex.underspecified.split("/")
        if _CLOCK.match(timex.underspecified):
            day = _following_day(doc, i, resolver)
            if day:
                parts = [day + timex.underspecified]
        clause = ""
        if any(needs_tense(p) for p in parts):
            lo, hi = _sentence_bounds(doc, timex.start)
            clause = tense(doc.text, timex.start, timex.end, lo, hi)
        resolver.used_dct = False
        # a set ("each July", "every winter") has no year to resolve
        values = parts if timex.type == "SET" else [resolver.resolve(p, clause) for p in parts]
        timex.value = values[0]
        if len(values) > 1:
            timex.end_value = values[1]
        timex.inferred = inferred_dct and resolver.used_dct
        if timex.type in ("DATE", "TIME"):
            for value in values:
                resolver.mention(value)
    for first, second in pairwise(doc.times):
        if first.rule.endswith("+range") and not first.end_value:
            first.end_value = second.value
