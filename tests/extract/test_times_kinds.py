"""Time expressions: ranges, durations, sets, vague references, clock times and refusals.

Rows are (text, [(expression as written, expected TIMEX3 value)]) against the document
date 2020-02-13.
"""

from __future__ import annotations

import pytest
from tests.extract.test_times import found, run

RANGES = [
    # TimeML tags each end, even of a one-token range ("August 6-8": TIDES 2001, 4.4.3);
    # the first carries the range's end as end_value
    ("The mission ran from 2018 to 2020.", [("2018", "2018", "2020"), ("2020", "2020", "")]),
    ("Talks were held between January and March 2019.",
     [("January", "2019-01", "2019-03"), ("March 2019", "2019-03", "")]),
    ("The exercise took place in 2018-2020.", [("2018", "2018", "2020"), ("2020", "2020", "")]),
    ("The summit runs January 8-10, 2021.",
     [("January 8", "2021-01-08", "2021-01-10"), ("10, 2021", "2021-01-10", "")]),
    ("The 2012-13 season ended.", [("2012", "2012", "2013"), ("13", "2013", "")]),
    ("They meet on 27-28 March.", [("27", "2020-03-27", "2020-03-28"),
                                   ("28 March", "2020-03-28", "")]),
    ("It lasted from March 2 to March 9, 2019.",
     [("March 2", "2019-03-02", "2019-03-09"), ("March 9, 2019", "2019-03-09", "")]),
]

DURATIONS = [
    ("Troops will stay for two years.", [("two years", "P2Y")]),
    ("It grew over the past five years.", [("the past five years", "P5Y")]),
    ("A two-year mission began.", [("two-year", "P2Y")]),
    ("The ceasefire held for six months.", [("six months", "P6M")]),
    ("They must leave within 90 days.", [("90 days", "P90D")]),
    ("The strike lasted 48 hours.", [("48 hours", "PT48H")]),
    ("The talks took several weeks.", [("several weeks", "PXW")]),
    ("NATO has been there for decades.", [("decades", "PXDE")]),
    ("It took two and a half years.", [("two and a half years", "P2Y6M")]),
    ("It has lasted more than three decades.", [("more than three decades", "P30Y")]),
    ("It has lasted the past decade.", [("the past decade", "P10Y")]),
    # "after the attack" anchors it to an event, not a date: a duration and a signal
    ("The inquiry began two days after the attack.", [("two days", "P2D")]),
]

SETS = [
    ("Patrols run every week.", [("every week", "P1W")]),
    ("The council meets daily.", [("daily", "P1D")]),
    ("Ministers meet twice a year.", [("twice a year", "P1Y")]),
    ("Convoys leave each Monday.", [("each Monday", "XXXX-WXX-1")]),
    ("The report is published annually.", [("annually", "P1Y")]),
    ("It costs $5 million a year.", [("a year", "P1Y")]),
]

REFERENCES = [
    ("NATO is now in Iraq.", [("now", "PRESENT_REF")]),
    ("Troops are currently deployed.", [("currently", "PRESENT_REF")]),
    ("Some of the current coalition training activities will move.", [("current", "PRESENT_REF")]),
    ("Nobody knows what the future holds.", [("the future", "FUTURE_REF")]),
    ("Training will resume as soon as possible.", [("as soon as possible", "FUTURE_REF")]),
    ("Attacks have recently increased.", [("recently", "PAST_REF")]),
    ("The base was formerly a palace.", [("formerly", "PAST_REF")]),
    ("Such raids happened in the past.", [("the past", "PAST_REF")]),
    ("In recent years the force shrank.", [("recent years", "PAST_REF")]),
]

CLOCK_TIMES = [
    ("The attack began at 5 p.m. on Tuesday.", [("5 p.m.", "2020-02-11T17:00"),
                                               ("Tuesday", "2020-02-11")]),
    ("The vote closes at 10:30 a.m. EST.", [("10:30 a.m. EST", "2020-02-13T10:30")]),
    ("Updated 0832 GMT.", [("0832 GMT", "2020-02-13T08:32")]),
    ("They met at noon.", [("noon", "2020-02-13T12:00")]),
]

# no time expression at all: modals, pronouns, verbs, names, counts, section numbers
REFUSALS = [
    "Officials may decide later.",
    "We will return.",
    "Protesters will march on the capital.",
    "Anne March said the plan failed.",
    "Theresa May met Angela Merkel.",
    "The NATO Mission in Iraq trains soldiers.",
    "After the fall of Kabul, troops left.",
    "To the extent that NATO can balance the US presence, over time we could bring home "
    "some forces.",
    "That has been my goal for some time.",
    "The unit has 1500 soldiers.",
    "The order relies on section 1701 of the act.",
    "The Arab Spring changed the region.",
    "He watched 60 Minutes.",
    "It paid a quarterly dividend.",
    "A 6-year-old boy was rescued.",
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_ranges(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.value, t.end_value) for t in run(text).times] == expected


@pytest.mark.parametrize(("text", "expected"), DURATIONS)
def test_durations(text: str, expected: list[tuple[str, str]]) -> None:
    doc = run(text)
    assert [(t.text, t.value) for t in doc.times] == expected
    assert all(t.type == "DURATION" for t in doc.times)


@pytest.mark.parametrize(("text", "expected"), SETS)
def test_sets(text: str, expected: list[tuple[str, str]]) -> None:
    doc = run(text)
    assert [(t.text, t.value) for t in doc.times] == expected
    assert all(t.type == "SET" for t in doc.times)


@pytest.mark.parametrize(("text", "expected"), REFERENCES)
def test_vague_references(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), CLOCK_TIMES)
def test_clock_times(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", REFUSALS)
def test_refusals(text: str) -> None:
    assert found(text) == []
