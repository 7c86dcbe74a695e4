"""Time expressions: recognition + resolution, one table per rule family.

Each row is (text, document date, [(expression as written, expected TIMEX3 value)]).
The document date 2020-02-13 is a Thursday (the founding article's date).
"""

from __future__ import annotations

import pytest

from missionwatch.dates import PartialDate
from missionwatch.document import Document
from missionwatch.extract.steps.sentences import sentences
from missionwatch.extract.steps.times import resolve, times

DCT = "2020-02-13"


def run(text: str, dct: str | None = DCT) -> Document:
    doc = Document(id="t", text=text, published=PartialDate.parse(dct) if dct else None,
                   date_source="argument" if dct else "none")
    sentences(doc)
    times(doc)
    resolve(doc)
    return doc


def found(text: str, dct: str | None = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in run(text, dct).times]


ABSOLUTE = [
    ("The mission was launched in 2018.", [("2018", "2018")]),
    ("On February 7, 2020, members met.", [("February 7, 2020", "2020-02-07")]),
    ("It was signed on 8 January 2020.", [("8 January 2020", "2020-01-08")]),
    ("Filed on 2020-01-08 in Brussels.", [("2020-01-08", "2020-01-08")]),
    ("Dated 1/8/2020.", [("1/8/2020", "2020-01-08")]),
    ("It ended in January 2020.", [("January 2020", "2020-01")]),
    ("Friday, Feb. 14, 2020 was cold.", [("Friday, Feb. 14, 2020", "2020-02-14")]),
    ("Troops left in the 1990s.", [("the 1990s", "199")]),
    ("the worst war of the 20th century", [("the 20th century", "19")]),
    ("Sales fell in the fourth quarter of 2019.", [("the fourth quarter of 2019", "2019-Q4")]),
    ("The base opened in summer 2019.", [("summer 2019", "2019-SU")]),
    ("They met at Christmas 2019.", [("Christmas 2019", "2019-12-25")]),
    ("The budget for fiscal 2021 grew.", [("fiscal 2021", "2021")]),
    ("Founded in 1949, NATO grew.", [("1949", "1949")]),
    ("The 1991 Gulf War ended quickly.", [("1991", "1991")]),
]

DEICTIC = [
    ("It was suspended last month.", [("last month", "2020-01")]),
    ("It resumes next year.", [("next year", "2021")]),
    ("They met this week.", [("this week", "2020-W07")]),
    ("They met last week.", [("last week", "2020-W06")]),
    ("They arrived yesterday.", [("yesterday", "2020-02-12")]),
    ("They leave tomorrow.", [("tomorrow", "2020-02-14")]),
    ("Officials said today.", [("today", "2020-02-13")]),
    ("Two weeks ago, officials met.", [("Two weeks ago", "2020-W05")]),
    ("It happened three years ago.", [("three years ago", "2017")]),
    ("It began a decade ago.", [("a decade ago", "2010")]),
    ("Troops left last summer.", [("last summer", "2019-SU")]),
    ("They met last March.", [("last March", "2019-03")]),
    ("They meet next January.", [("next January", "2021-01")]),
    ("He spoke this morning.", [("this morning", "2020-02-13TMO")]),
    ("Rockets hit the base last night.", [("last night", "2020-02-12TNI")]),
    ("It was agreed earlier this year.", [("earlier this year", "2020")]),
    ("Troops leave by the end of the year.", [("the end of the year", "2020")]),
    ("Sales rose in the first half of this year.", [("the first half of this year", "2020-H1")]),
    ("Troops left in July last year.", [("July last year", "2019-07")]),
]

ANAPHORIC = [
    ("Trump urged NATO on January 8 to step up after Iran fired rockets at Iraqi bases "
     "the day before, where US troops were stationed.",
     [("January 8", "2020-01-08"), ("the day before", "2020-01-07")]),
    ("The talks began on March 3, 2019. The following day, the delegates left.",
     [("March 3, 2019", "2019-03-03"), ("The following day", "2019-03-04")]),
    ("The mission began in 2015 and two years later it ended.",
     [("2015", "2015"), ("two years later", "2017")]),
    ("The vote was held on May 4, 2019, and the result came three days later.",
     [("May 4, 2019", "2019-05-04"), ("three days later", "2019-05-07")]),
    ("The base was attacked on June 2, 2019. That same day, troops left.",
     [("June 2, 2019", "2019-06-02"), ("That same day", "2019-06-02")]),
    ("In 2016 the mission was extended; the previous year it had been cut.",
     [("2016", "2016"), ("the previous year", "2015")]),
]

# 2020-02-13 is a Thursday: the tense of the clause picks the week
WEEKDAYS_AND_YEARLESS = [
    ("He added that these details would be discussed with the Global Coalition in Munich, "
     "Germany. on Friday.", [("Friday", "2020-02-14")]),
    ("Ministers met on Monday in Brussels.", [("Monday", "2020-02-10")]),
    ("The minister said on Friday that troops would stay.", [("Friday", "2020-02-07")]),
    ("Ministers will meet on Tuesday.", [("Tuesday", "2020-02-18")]),
    ("NATO said on Thursday that it would expand the mission.", [("Thursday", "2020-02-13")]),
    ("They met last Friday.", [("last Friday", "2020-02-07")]),
    ("They will meet next Monday.", [("next Monday", "2020-02-17")]),
    ("Trump urged NATO on January 8 to step up.", [("January 8", "2020-01-08")]),
    ("The ministers meeting in Brussels on February 12 agreed.", [("February 12", "2020-02-12")]),
    ("The alliance said it would resume operations in March.", [("March", "2020-03")]),
    ("The mission was suspended in November.", [("November", "2019-11")]),
    ("The minister will visit Baghdad in November.", [("November", "2020-11")]),
    ("The base was attacked on Dec. 27.", [("Dec. 27", "2019-12-27")]),
    ("Talks are scheduled for March 3.", [("March 3", "2020-03-03")]),
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
def test_absolute_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), DEICTIC)
def test_relative_to_the_document_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), ANAPHORIC)
def test_relative_to_the_last_date_mentioned(text: str,
                                             expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), WEEKDAYS_AND_YEARLESS)
def test_weekdays_and_yearless_dates_follow_the_tense(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "mod"), [
    ("in early 2020", "START"),
    ("in mid-2018", "MID"),
    ("by late March", "END"),
    ("at the end of 2019", "END"),
    ("for more than three decades", "MORE_THAN"),
    ("for nearly two years", "APPROX"),
])
def test_modifiers(text: str, mod: str) -> None:
    (timex,) = run(text).times
    assert timex.mod == mod
    assert text.endswith(timex.text)


def test_offsets_index_the_text() -> None:
    doc = run("On January 8, 2020, NATO met. Two weeks ago the minister said on Friday "
              "that troops would stay for two years; the day before, rockets hit.")
    assert len(doc.times) == 5
    for timex in doc.times:
        assert doc.text[timex.start:timex.end] == timex.text


def test_types() -> None:
    doc = run("Yesterday at 5 p.m. the council, which meets every week, agreed to stay "
              "for two years.")
    assert [(t.text, t.type) for t in doc.times] == [
        ("Yesterday", "DATE"), ("5 p.m.", "TIME"), ("every week", "SET"),
        ("two years", "DURATION")]
