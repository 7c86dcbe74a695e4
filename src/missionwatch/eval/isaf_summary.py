"""One gold-like record per ISAF press release, summed up from its event claims.

The gold of the ISAF evaluation gives, per release, the operation's date, province,
type and the *minimum* numbers killed and captured. A release tells its operation in a
lead sentence ("killed a Taliban leader and detained two suspected insurgents") and then
in details, which may repeat the lead ("the security force detained the two") or add to
it ("the force also detained one suspected insurgent"). The rules that sum the event
claims up (the word lists are data: ``eval/events.yaml``):

* only the security force's operation events count: ASSAULT and COERCE claims, asserted
  or reported, whose actor is not an armed group; kills of its own people do not count;
* tallies of a period ("have detained 35 since June") and events dated apart from the
  operation (a recalled earlier operation, "the July 2 attack") do not count;
* a lead that sums up several operations ("during four operations", "over the past 24
  hours") stands for operations the release goes on to tell only one of (the dataset's
  records were cut so): when details count people, they are the counts;
* a lead told in the release's first sentence is a summary: later counts add to it only
  when they count other people ("additional", "also", or leaders after rank-and-file and
  back), or replace it when together they count more; details that add up to an exact
  lead break it down; a release whose first counted event comes later tells a story,
  and its counts add up;
* the date is that of the first dated operation event; when the text dates no event, it
  is the release's own day, the date ``missionwatch export plover`` gives such an event
  (event data sets such as ICEWS and POLECAT date an undated event by its story).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from missionwatch.dates import PartialDate
from missionwatch.errors import InvalidDate
from missionwatch.eval import MissingData
from missionwatch.extract.events.arguments import sector
from missionwatch.extract.events.places import region_places
from missionwatch.extract.events.timing import body_start, find_dateline
from missionwatch.extract.events.tokens import tokenize
from missionwatch.link import regions
from missionwatch.model import Claim

OPERATION = frozenset({"ASSAULT", "COERCE"})
COUNTED_MODALITIES = frozenset({"asserted", "reported"})
#: an event dated to end this many days before the release is a recalled, earlier one
RECENT_DAYS = 7


@cache
def mapping() -> dict[str, Any]:
    text = resources.files("missionwatch.eval").joinpath("events.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise MissingData("eval/events.yaml is not a mapping")
    return data


@dataclass
class Summary:
    date: str | None
    region: str | None  # ISO 3166-2 code
    killed: int
    captured: int
    categories: frozenset[str]
    aerial: bool
    from_text: bool = True  # the date is one the text gives (not the release's own day)


def _low(value: Any) -> int:
    if isinstance(value, int):
        return value
    if isinstance(value, dict):
        return int(value.get("low") or 0)
    return 0


def _target(claim: Claim) -> list[str]:
    return str(claim.qualifiers.get("target", "")).lower().split()


def _additional(claim: Claim) -> bool:
    """True when the people counted are all new: "one additional suspected insurgent",
    "the force also detained two"."""
    words = set(mapping()["isaf_additional"])
    head = _target(claim)[:4]
    if any(w in words and head[i + 1 : i + 2] != ["than"] for i, w in enumerate(head[:3])):
        return True  # "two more insurgents", not "more than 10"
    text = claim.source.text.lower()
    target = str(claim.qualifiers.get("target", "")).lower()
    at = text.find(target) if target else -1
    before = text[:at] if at > 0 else ""
    adverbs = "|".join(re.escape(str(w)) for w in mapping()["isaf_also"])
    if re.match(r"\W*also\s+\w+(?:ed|en)\b", text):
        return True  # "Also killed in the strike were …": the inverted sentence adds
    return bool(re.search(rf"\b(?:{adverbs})\b(?:\s+\w+){{0,3}}\s*$", before))


def _kinds(claim: Claim) -> frozenset[str]:
    """Who a count is of: "role" (a leader, a facilitator, a named man), "member" (the
    rank-and-file: suspected insurgents, individuals), or both."""
    roles = set(mapping()["isaf_roles"])
    words = [w.strip(",.") for w in _target(claim)]
    out = set()
    if any(w in roles for w in words):
        out.add("role")
    if any(w in set(mapping()["isaf_members"]) for w in words):
        out.add("member")
    return frozenset(out)


def _operation(claim: Claim) -> bool:
    if claim.value not in OPERATION or claim.modality not in COUNTED_MODALITIES:
        return False
    return sector(claim.subject_name.lower().split()) != "armed"


def _victims_ok(claim: Claim) -> bool:
    """Kills of the security force's own people are not the operation's."""
    return sector(_target(claim)) != "state"


_TALLY = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:detained|captured|killed|arrested)\b", re.I)


def _day(text: str | None) -> PartialDate | None:
    try:
        return PartialDate.parse(text) if text else None
    except InvalidDate:
        return None


def _apart(claim: Claim, lead: PartialDate | None, published: PartialDate | None) -> bool:
    """True for an event dated apart from the operation: another day than the lead's, or
    ending well before the release was issued ("In June, ... killing more than 30")."""
    date = _day(claim.date)
    if date is None:
        return False
    if lead is not None and lead.precision == "day" and date.precision == "day":
        return date != lead
    if published is None:
        return False
    return date.latest() < published.earliest() - dt.timedelta(days=RECENT_DAYS)


@cache
def _several_pattern() -> re.Pattern[str]:
    return re.compile("|".join(mapping()["isaf_several_operations"]), re.I)


def _several_operations(text: str) -> bool:
    """True for a sentence that sums up several operations ("during four operations")."""
    return _several_pattern().search(text) is not None


def _count(
    claims: Sequence[Claim],
    kind: str,
    first_sentence: int,
    published: PartialDate | None,
    details_told: bool = False,
    sentence_ends: Sequence[int] = (),
) -> int:
    """The release's count of people killed or detained (see the module's rules);
    ``details_told``: some operation event after the lead counts people."""
    candidates = [
        c
        for c in claims
        if kind in c.qualifiers and _not_tally(c) and (kind != "killed" or _victims_ok(c))
    ]  # the operation's counts: not a tally, not the force's own dead ("that killed one
    # coalition service member" neither counts nor dates the operation)
    lead_date = _day(next((c.date for c in candidates if c.date), None))
    counted = [c for c in candidates if not _apart(c, lead_date, published)]
    if not counted:
        return 0
    if counted[0].source.start >= first_sentence:
        return sum(_low(c.qualifiers[kind]) for c in counted)  # a story: it adds up
    lead = counted[0]
    if _several_operations(lead.source.text) and details_told:
        # the lead sums up operations the release tells one of: its details count
        end = _sentence_end(lead.source.end, sentence_ends)
        return sum(_low(c.qualifiers[kind]) for c in counted if c.source.start >= end)
    rest = [
        (_low(c.qualifiers[kind]), _adds(lead, c, kind))
        for k, c in enumerate(counted[1:], start=1)
        if not _repeats(c, counted[:k], kind)
    ]
    details = sum(n for n, _ in rest)
    exact_lead = isinstance(lead.qualifiers[kind], int)
    if exact_lead and len(rest) > 1 and details == _low(lead.qualifiers[kind]):
        return details  # the details break the lead down ("15 … nine … six more")
    added = sum(n for n, extra in rest if extra)
    return max(_low(lead.qualifiers[kind]) + added, details)


def _repeats(later: Claim, before: Sequence[Claim], kind: str) -> bool:
    """True for an exact count that an earlier one already gave ("detaining more than 10
    suspected insurgents ... The security team detained 11 suspected insurgents")."""
    value = later.qualifiers[kind]
    if not isinstance(value, int) or _additional(later):
        return False
    return any(_same(c.qualifiers[kind], value) and _alike(c, later, kind) for c in before)


def _alike(a: Claim, b: Claim, kind: str) -> bool:
    """False when one count of the dead is of civilians and the other is not ("killed a
    Taliban leader … One local national child was killed": two people, not one told
    twice). Detainees are not told apart so ("detained two men" may be the suspects)."""
    if kind != "killed":
        return True
    return (sector(_target(a)) == "civilian") == (sector(_target(b)) == "civilian")


def _same(earlier: Any, value: int) -> bool:
    """``value`` is what ``earlier`` said: the same number, or the least a lower bound
    allows ("more than 10" and 11), not a vague word's least ("several" and 3)."""
    if isinstance(earlier, int):
        return earlier == value
    return isinstance(earlier, dict) and earlier.get("high") is None and earlier.get("low") == value


def _adds(lead: Claim, later: Claim, kind: str) -> bool:
    """True when a later count counts people the lead did not: it says so ("additional",
    "also"), it counts civilians beside fighters or the other way round, or it counts the
    other kind of people and does not point back ("the commander", "both men")."""
    if _additional(later) or not _alike(lead, later, kind):
        return True
    target = _target(later)
    if not target or target[0] in set(mapping()["isaf_pointing"]):
        return False
    kinds, lead_kinds = _kinds(later), _kinds(lead)
    return len(kinds) == 1 and len(lead_kinds) == 1 and not kinds & lead_kinds


def summarise(
    claims: Iterable[Claim],
    text: str,
    first_sentence: int | None = None,
    published: PartialDate | None = None,
    sentence_ends: Sequence[int] = (),
) -> Summary:
    """One gold-like record for a release from its event claims; ``first_sentence`` is
    where the release's second sentence starts (by default: the first event sentence is
    the lead), ``published`` the release's date."""
    events = [c for c in claims if c.kind == "event"]
    if first_sentence is None:
        first_sentence = min((c.source.end for c in events), default=0)
    ops = [c for c in events if _operation(c)]
    counted = [c for c in ops if any(k in c.qualifiers for k in ("killed", "detained"))]
    dated = [
        c
        for group in (counted, ops, events)
        for c in group
        if c.date and not _apart(c, None, published)
    ]
    region = _region(ops, text) or _region(events, "") or _region([], text, whole=True)
    told = [c for c in counted if _not_tally(c) and not _apart(c, None, published)]
    sentence_ends = sorted(sentence_ends)
    # details: counts told after the sentence of the first count (the lead)
    lead_end = _sentence_end(told[0].source.end, sentence_ends) if told else 0
    lead_date = _day(told[0].date) if told else None
    details = any(
        c.source.start >= lead_end and not _apart(c, lead_date, published) for c in told[1:]
    )  # dated apart from the lead, as _count leaves it out
    killed = _count(ops, "killed", first_sentence, published, details, sentence_ends)
    captured = _count(ops, "detained", first_sentence, published, details, sentence_ends)
    aerial = any(
        c.value == "ASSAULT" and c.qualifiers.get("mode") in {"aerial", "drone"} for c in ops
    )
    categories = set()
    if killed or aerial:
        categories.add("ASSAULT")
    if captured:
        categories.add("COERCE")
    if dated:  # a span ("earlier this week": May 9-15) names no single day
        date = dated[0].date if not dated[0].date_end else None
    else:  # the report's day, as the PLOVER export dates an event the text leaves undated
        date = published.iso() if published is not None and published.precision == "day" else None
    return Summary(date, region, killed, captured, frozenset(categories), aerial, bool(dated))


def _sentence_end(offset: int, sentence_ends: Sequence[int]) -> int:
    """The end of the sentence holding ``offset`` (``sentence_ends`` in order; the offset
    itself without sentences)."""
    at = bisect_left(sentence_ends, offset)
    return sentence_ends[at] if at < len(sentence_ends) else offset


def _not_tally(claim: Claim) -> bool:
    """False for a count of a period, not of the operation: a present perfect ("have
    detained more than 35 leaders since June")."""
    return not claim.qualifiers.get("perfect") and not _TALLY.search(claim.source.text)


def _region(claims: Sequence[Claim], text: str, whole: bool = False) -> str | None:
    """The first-level region of the first claim placed in one, else the first Afghan
    region named in the story (after the dateline); with ``whole``, the first one named
    anywhere (the title included), else the one the dateline names ("PAKTIA, Afghanistan")."""
    for claim in claims:
        place = claim.qualifiers.get("place")
        if isinstance(place, dict) and place.get("region_code"):
            return str(place["region_code"])
    if not text:
        return None
    dateline = find_dateline(text)
    start = 0 if whole else (dateline.end if dateline else body_start(text, None))
    places = region_places(tokenize(text[start:]), ["AF"])
    if places and places[0].region:
        return places[0].region.code
    found = regions.find(dateline.place, ["AF"]) if whole and dateline else None
    return found.code if found else None
