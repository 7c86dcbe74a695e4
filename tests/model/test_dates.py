import datetime as dt

import pytest

from missionwatch.dates import PartialDate
from missionwatch.errors import InvalidDate


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2018", "year", dt.date(2018, 1, 1), dt.date(2018, 12, 31)),
        ("2020-01", "month", dt.date(2020, 1, 1), dt.date(2020, 1, 31)),
        ("2020-02", "month", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("2020-01-07", "day", dt.date(2020, 1, 7), dt.date(2020, 1, 7)),
    ],
)
def test_partial_date_keeps_precision(text, precision, earliest, latest):
    date = PartialDate.parse(text)
    assert date.precision == precision
    assert date.iso() == text
    assert date.earliest() == earliest
    assert date.latest() == latest


@pytest.mark.parametrize("text", ["", "20", "2020-13", "2020-02-30", "Feb 2020", "2020/01/07"])
def test_partial_date_refuses_non_dates(text):
    with pytest.raises(InvalidDate):
        PartialDate.parse(text)


def test_month_date_has_no_day():
    assert PartialDate.parse("2020-01").as_date() is None
