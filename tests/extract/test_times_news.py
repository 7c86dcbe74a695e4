"""Time expressions of news and financial reports: one table per rule family added from
the TimeBank + AQUAINT errors and the TimeML conventions.

Rows are (text, [(expression as written, expected TIMEX3 value)]) against the document
date 2020-02-13 (a Thursday) unless a row gives its own.
"""

from __future__ import annotations

import pytest
from tests.extract.test_times import found, run

# years read out in broadcast transcripts
SPOKEN_YEARS = [
    ("Atlanta, nineteen ninety-six. A bomb blast shocks the Olympics.",
     [("nineteen ninety-six", "1996")]),
    ("January nineteen ninety-seven. Atlanta again.", [("January nineteen ninety-seven", "1997-01")]),
    ("Prices fell in the winter of nineteen ninety-four.",
     [("the winter of nineteen ninety-four", "1994-WI")]),
    ("The promise to halve unemployment by the year two thousand was dropped.",
     [("the year two thousand", "2000")]),
    ("In two thousand and one, the towers fell.", [("two thousand and one", "2001")]),
    ("It was built in nineteen oh five.", [("nineteen oh five", "1905")]),
]

# a count is not a year
SPOKEN_REFUSALS = [
    "Nineteen people died.",
    "The army sent two thousand soldiers.",
]

# financial reports: fiscal years, the latest period, the same period a year earlier
PERIODS = [
    ("Sales rose in the latest period.", "2020-02-13", [("the latest period", "2019-Q4")]),
    ("Sales rose in the latest fiscal year.", "2020-02-13", [("the latest fiscal year", "2019")]),
    ("It expects lower sales in the current fiscal year.", "2020-02-13",
     [("the current fiscal year", "2020")]),
    ("Net fell in the third quarter. In the 1988 quarter, it earned $3 million.", "1989-11-02",
     [("the third quarter", "1989-Q3"), ("the 1988 quarter", "1988-Q3")]),
    ("In the 1988 period, the company earned $2 million.", "1989-11-02",
     [("the 1988 period", "1988")]),
    ("Net rose in the third quarter. In the year-ago third quarter it earned $22 million.",
     "1989-11-02", [("the third quarter", "1989-Q3"), ("the year-ago third quarter", "1988-Q3")]),
    ("Net for the year-earlier nine months included a gain.", "1989-11-02",
     [("the year-earlier nine months", "P9M")]),
    ("Results for the fiscal first quarter improved.", "1989-11-02",
     [("the fiscal first quarter", "1989-Q1")]),
    ("Revenue for the corresponding period a year earlier was $5 million.", "2020-02-13",
     [("the corresponding period a year earlier", "2019")]),
    ("Earnings for the last half of 1989 fell.", "1989-11-02", [("the last half of 1989", "1989-H2")]),
]

# a quarter's results are news in the weeks after it ends: "expects to report a
# third-quarter loss" in November is this year's third quarter, and so is "the quarter"
REPORTED_QUARTERS = [
    ("The company said it expects to report a third-quarter loss.", "1989-11-02",
     [("third-quarter", "1989-Q3")]),
    ("It expects first-quarter sales to rise.", "1989-11-02", [("first-quarter", "1990-Q1")]),
    ("Revenue inched up 3.7% in the quarter.", "1989-10-30", [("the quarter", "1989-Q3")]),
    ("Revenue inched up 3.7% in the quarter.", "1989-12-20", [("the quarter", "1989-Q4")]),
]

# vague stretches of time next to an event, and "over the years"
VAGUE_UNITS = [
    ("His car was seen in the weeks before the shooting.", [("weeks", "PXW")]),
    ("In the years that followed, the guerrillas won.", [("years", "PXY")]),
    ("She crossed the border days after the killing.", [("days", "PXD")]),
    ("Months later, the idea was dropped.", [("Months", "PXM")]),
    ("Over the years, the company grew.", [("the years", "PXY")]),
    ("In the early years, it struggled.", [("the early years", "PXY")]),
    ("The ship sank within minutes.", [("minutes", "PTXM")]),
]

# durations: "a three-year period" with its noun, vague quantities, fractions of a month
DURATIONS = [
    ("He was convicted over a three-year period.", [("a three-year period", "P3Y")]),
    ("The loan may be extended during its one-year term.", [("one-year term", "P1Y")]),
    ("He followed a several-year tenure as editor.", [("several-year", "PXY")]),
    ("It signed a multi-year deal.", [("multi-year", "PXY")]),
    ("The talks took 2 1/2 months.", [("2 1/2 months", "P2.5M")]),
    ("It would take a computer thousands of years.", [("thousands of years", "PXY")]),
    ("It made a profit after several quarters of losses.", [("several quarters", "PXQ")]),
]

VAGUE_REFUSALS = [
    "The bombs went off only minutes apart.",
    "The minutes of the meeting were published.",
    "The days of cheap oil are over.",
    "In the years of plenty, they saved.",
]

# anaphoric weekdays, weekdays with a part of the day, holidays
DAYS = [
    ("The index closed at 2,082.1 on Friday, Oct. 27, 1989, down 4.5% from the previous Friday.",
     [("Friday, Oct. 27, 1989", "1989-10-27"), ("the previous Friday", "1989-10-20")]),
    ("Talks began on Monday, March 4, 2019. The following Thursday, they ended.",
     [("Monday, March 4, 2019", "2019-03-04"), ("The following Thursday", "2019-03-07")]),
    ("The attack happened last Friday morning.", [("last Friday morning", "2020-02-07TMO")]),
    ("He will arrive next Tuesday evening.", [("next Tuesday evening", "2020-02-18TEV")]),
    ("He appeared before a judge at midday.", [("midday", "2020-02-13T12:00")]),
    ("The pope will celebrate Mass on Palm Sunday.", [("Palm Sunday", "2020-04-05")]),
    ("Crowds will gather on St. Patrick's Day.", [("St. Patrick's Day", "2020-03-17")]),
    ("Voters went to the polls on Election Day 2016.", [("Election Day 2016", "2016-11-08")]),
]

HOLIDAY_REFUSALS = [
    "Easter Island is remote.",
    "Protesters attacked Christmas trees.",
]

# sets keep their unknown year; "on a daily basis" is the adverb
SETS = [
    ("Smog returns every winter.", [("every winter", "XXXX-WI")]),
    ("Orangemen march each July.", [("each July", "XXXX-07")]),
    ("We investigate leads on a daily basis.", [("daily", "P1D")]),
    ("The show airs Tuesday nights.", [("Tuesday nights", "XXXX-WXX-2TNI")]),
]

# parts of days with a modifier, and a clock time after "about"
PARTS_OF_DAYS = [
    ("By mid afternoon, officials said the town had fallen.", [("mid afternoon", "2020-02-13TAF")]),
    ("Shares were up at mid-afternoon yesterday.", [("mid-afternoon yesterday", "2020-02-12TAF")]),
    ("The meeting started at about 18:00 on Sunday.",
     [("18:00", "2020-02-09T18:00"), ("Sunday", "2020-02-09")]),
]

# "overnight" told of the past is the night before the day last named (the document's
# day when none is); told of the future or the present it is no date
OVERNIGHT = [
    ("Rockets hit the base overnight.", [("overnight", "2020-02-12TNI")]),
    ("Forces detained two men during an overnight raid.", [("overnight", "2020-02-12TNI")]),
    ("Markets fell on Friday after overnight losses in Asia.",
     [("Friday", "2020-02-07"), ("overnight", "2020-02-06TNI")]),
    ("The minister will stay overnight in Kabul.", []),
    ("Overnight stays are allowed at the base.", []),
]

# "today" for an age, not a day, is not tagged (TimeBank leaves it out)
GENERIC_TODAY = [
    ("The case is for today's youth what the revolution was for their parents.", []),
    ("If I were choosing the people of tomorrow, I would choose them.", []),
    ("Shareholders responded coolly to today's announcement.", [("today", "2020-02-13")]),
    ("Tomorrow's vote has international implications.", [("Tomorrow", "2020-02-14")]),
    ("Islam will one day be the second largest religion.", [("one day", "FUTURE_REF")]),
]

# a deadline lies ahead whatever the verb; "since" looks back; another clause's verb
# ("unless a deal was reached") says nothing of the expression's tense
TENSE_SIGNALS = [
    ("Officials postponed until Tuesday any action on the permit.", [("Tuesday", "2020-02-18")]),
    ("The group would be ready to leave as soon as Tuesday, he said.", [("Tuesday", "2020-02-18")]),
    ("The government has until Monday to raise the money.", [("Monday", "2020-02-17")]),
    ("Until Tuesday, they had not called him a suspect.", [("Tuesday", "2020-02-11")]),
    ("The bank has been closed since Saturday.", [("Saturday", "2020-02-08")]),
    ("The bank said it would cut off funding on Monday unless a deal was reached.",
     [("Monday", "2020-02-17")]),
    ("The government must raise the money by Monday.", [("Monday", "2020-02-17")]),
    # an -ed adjective after the date ("markets untouched by") does not outvote "will"
    ("Qantas will double its flights by August in search of markets untouched by the crisis.",
     [("August", "2020-08")]),
]

# headlines in title case: capitals say nothing about names there
HEADLINES = [
    ("Minister Questioned Over 2007 Arms Deal\nMADRID — The former minister...",
     [("2007", "2007")]),
    ("Region's Drought Worst In 30 Years\nNAIROBI — Rains...", [("30 Years", "P30Y")]),
    ("President To Visit Brussels Next Week\nWASHINGTON — The president...",
     [("Next Week", "2020-W08")]),
]

# numeric dates: a first number above 12 is a day
NUMERIC = [
    ("The order was signed on 21/03/2013 in Nicosia.", [("21/03/2013", "2013-03-21")]),
    ("It was dated 3/21/2013.", [("3/21/2013", "2013-03-21")]),
]

# "almost" goes with "nearly" inside the expression; "about" and "over" stay outside
MODIFIERS = [
    ("The war ended almost four years ago.", [("almost four years ago", "2016")]),
    ("He spoke for about two hours.", [("two hours", "PT2H")]),
    ("The money can be used over three years.", [("three years", "P3Y")]),
]


@pytest.mark.parametrize(("text", "expected"), SPOKEN_YEARS)
def test_spoken_years(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", SPOKEN_REFUSALS)
def test_spoken_counts_are_not_years(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "dct", "expected"), PERIODS + REPORTED_QUARTERS)
def test_financial_periods(text: str, dct: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, dct) == expected


@pytest.mark.parametrize(("text", "expected"), VAGUE_UNITS + DURATIONS)
def test_vague_units(text: str, expected: list[tuple[str, str]]) -> None:
    doc = run(text)
    assert [(t.text, t.value) for t in doc.times] == expected
    assert all(t.type == "DURATION" for t in doc.times)


@pytest.mark.parametrize("text", VAGUE_REFUSALS + HOLIDAY_REFUSALS)
def test_refusals(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"),
                         DAYS + PARTS_OF_DAYS + OVERNIGHT + GENERIC_TODAY + MODIFIERS + NUMERIC)
def test_days_and_modifiers(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), TENSE_SIGNALS)
def test_tense_signals(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), SETS)
def test_sets(text: str, expected: list[tuple[str, str]]) -> None:
    doc = run(text)
    assert [(t.text, t.value) for t in doc.times] == expected
    assert all(t.type == "SET" for t in doc.times)


@pytest.mark.parametrize(("text", "expected"), HEADLINES)
def test_headlines_in_title_case(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
