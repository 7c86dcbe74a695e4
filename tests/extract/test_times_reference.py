"""The reference date: inferred when the document has none, never a day that was not
written when it is known only to the month; and a value as a claim's valid time."""

from __future__ import annotations

import pytest
from tests.extract.test_times import run

from missionwatch.dates import PartialDate
from missionwatch.extract.timex import valid_time

ARTICLE = ("BRUSSELS — NATO defence ministers met on February 12, 2020 and agreed to expand the "
           "training mission. Last month the mission was suspended. They will meet again on "
           "Friday.")


def test_reference_date_inferred_from_the_latest_full_date() -> None:
    doc = run(ARTICLE, dct=None)
    assert doc.published == PartialDate(2020, 2, 12)
    assert doc.date_source == "inferred"
    assert [(t.text, t.value, t.inferred) for t in doc.times] == [
        ("February 12, 2020", "2020-02-12", False),
        ("Last month", "2020-01", True),
        ("Friday", "2020-02-14", True),
    ]


def test_no_reference_date_leaves_relative_values_unknown() -> None:
    doc = run("Last month the mission was suspended. It was founded in 2018.", dct=None)
    assert doc.published is None
    assert [(t.text, t.value) for t in doc.times] == [("Last month", "XXXX-XX"),
                                                      ("2018", "2018")]


@pytest.mark.parametrize(("text", "expected"), [
    ("They arrived yesterday.", "XXXX-XX-XX"),  # the day is not known
    ("The mission was suspended last month.", "2020-01"),
    ("They met on Friday.", "XXXX-WXX-5"),
    ("They met last week.", "XXXX-WXX"),
    ("It resumes next year.", "2021"),
    ("It was launched in 2018.", "2018"),
])
def test_month_precision_reference_never_invents_a_day(text: str, expected: str) -> None:
    (timex,) = run(text, dct="2020-02").times
    assert timex.value == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The mission was suspended last month.", "XXXX-XX"),
    ("It resumes next year.", "2021"),
])
def test_year_precision_reference(text: str, expected: str) -> None:
    (timex,) = run(text, dct="2020").times
    assert timex.value == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2020-01", ("2020-01", None, "month")),
    ("2018", ("2018", None, "year")),
    ("2020-01-07", ("2020-01-07", None, "day")),
    ("2020-02-13TMO", ("2020-02-13", None, "day")),
    ("2020-W07", ("2020-02-10", "2020-02-16", "day")),
    ("2020-W07-WE", ("2020-02-15", "2020-02-16", "day")),
    ("2020-Q1", ("2020-01", "2020-03", "month")),
    ("2020-H2", ("2020-07", "2020-12", "month")),
    ("2019-SU", ("2019-06", "2019-08", "month")),
    ("2019-WI", ("2019-12", "2020-02", "month")),
    ("199", ("1990", "1999", "year")),
    ("19", ("1900", "1999", "year")),
    ("P2Y", (None, None, None)),
    ("PRESENT_REF", (None, None, None)),
    ("PAST_REF", (None, None, None)),
    ("XXXX-XX-XX", (None, None, None)),
    ("XXXX-WXX-5", (None, None, None)),
])
def test_valid_time(value: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert valid_time(value) == expected
