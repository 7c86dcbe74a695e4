"""Time expressions: the extent of an expression (TimeML 1.2.1, which follows the TIDES
extent rules) and the rules added for word shapes the other tables do not cover.

Rows are (text, [(expression as written, expected TIMEX3 value)]) against the document
date 2020-02-13 (a Thursday).
"""

from __future__ import annotations

import pytest
from tests.extract.test_times import found, run

# what goes inside the expression: "this" of "this coming", "the" of "the early summer",
# an approximator before "… ago", an open end ("or later"), vague units joined by "or"
EXTENT = [
    ("The vote is this coming Sunday.", [("this coming Sunday", "2020-02-16")]),
    ("Costs were high this past spring.", [("this past spring", "2019-SP")]),
    ("Levels fell from the low levels of the early summer.", [("the early summer", "2019-SU")]),
    ("They met in the late afternoon.", [("the late afternoon", "2020-02-13TAF")]),
    ("Actually, about two years ago, the paper said so.", [("about two years ago", "2018")]),
    ("The war ended some 20 years ago.", [("some 20 years ago", "2000")]),
    ("He spoke for about two hours.", [("two hours", "PT2H")]),
    ("It would not be profitable until 1994 or later.", [("1994 or later", "1994")]),
    ("Forecasts cover 2021 and beyond.", [("2021 and beyond", "2021")]),
    ("He will come on Monday or later this week.",
     [("Monday", "2020-02-17"), ("later this week", "2020-W07")]),
    ("He probably died within weeks or months of his capture.", [("weeks or months", "PXW")]),
    ("Funds in recent weeks and months sold bonds.", [("recent weeks and months", "PXW")]),
    ("It lasted two years and three months.", [("two years", "P2Y"), ("three months", "P3M")]),
]

# word shapes: halves, -long words, decades without an apostrophe, years with one, weeks of
# a month, the last quarter of a year, "the near term" after a preposition
SHAPES = [
    ("It took a minute and a half.", [("a minute and a half", "PT1M30S")]),
    ("It took half a minute.", [("half a minute", "PT30S")]),
    ("The war took a decade and a half.", [("a decade and a half", "P15Y")]),
    ("A yearlong inquiry followed a weeklong visit.", [("yearlong", "P1Y"), ("weeklong", "P1W")]),
    ("An hourlong speech and a daylong meeting.", [("hourlong", "PT1H"), ("daylong", "P1D")]),
    ("The boom of the '90s ended.", [("the '90s", "199")]),
    ("The boxy cars of the 70s and 80s are gone.", [("the 70s", "197"), ("80s", "198")]),
    ("Prices peaked in the mid-90s.", [("the mid-90s", "199")]),
    ("The index is at its lowest level since '82.", [("'82", "1982")]),
    ("Sales rebounded in the last week of March.", [("the last week of March", "2020-W13")]),
    ("Orders rose in the first week of April 2019.", [("the first week of April 2019", "2019-W14")]),
    ("GM lost money in the final quarter of 2009.", [("the final quarter of 2009", "2009-Q4")]),
    ("Growth in the near term appears good.", [("the near term", "FUTURE_REF")]),
    ("Japan posted two consecutive quarters of negative growth.",
     [("two consecutive quarters", "P2Q")]),
]

# not time expressions: ages, temperatures, a title, an index level, a fraction
REFUSALS = [
    "He married in his 30s.",
    "Highs will be in the 80s.",
    "He said so on '60 Minutes'.",
    "The Nasdaq Composite lost 54.15 points, or 4%, to 1299.59, while bonds rose.",
    "Three quarters of the troops left.",
    "The quarter-century low was hit.",
]


@pytest.mark.parametrize(("text", "expected"), EXTENT + SHAPES)
def test_extent_and_shapes(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", REFUSALS)
def test_refusals(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "mod"), [
    ("until 1994 or later", "ON_OR_AFTER"),
    ("about two years ago", "APPROX"),
    ("in the early summer", "START"),
])
def test_modifiers(text: str, mod: str) -> None:
    (timex,) = run(text).times
    assert timex.mod == mod
    assert text.endswith(timex.text)
