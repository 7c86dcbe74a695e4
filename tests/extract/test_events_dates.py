"""Event dates: the nearest time in the clause, datelines, release numbers."""

from __future__ import annotations

import pytest
from test_events_support import events, first, make_doc

from missionwatch.dates import PartialDate
from missionwatch.document import Timex
from missionwatch.extract.events import event_claims
from missionwatch.extract.events.timing import (
    find_dateline,
    heading_date,
    parse_value,
    release_date,
)
from missionwatch.extract.steps.events import anchor_to_dateline


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("KABUL, Afghanistan (Jan. 25, 2013)\nDuring an operation", PartialDate(2013, 1, 25)),
        (
            "2010-09-CA-005 For Immediate Release\nDownload PDF  KABUL, Afghanistan (Sept. 1) - An Afghan force",
            PartialDate(2010, 9, 1),
        ),
        ("2012-06-S-026\n\nKABUL, Afghanistan (June 3)\nThe force", PartialDate(2012, 6, 3)),
        (
            "NEWS RELEASE 2009-12-CA–080\nKABUL, Afghanistan (Dec. 24) – An",
            PartialDate(2009, 12, 24),
        ),
        ("2013-01-S-004\nKABUL, Afghanistan (Dec. 31) – The force", PartialDate(2012, 12, 31)),
        ("BRUSSELS, 12 February 2020 - NATO ministers", PartialDate(2020, 2, 12)),
        ("KABUL, Afghanistan (Feb. 05)\nIn Karjan district", None),  # no year anywhere
    ],
)
def test_dateline(text: str, date: PartialDate | None) -> None:
    dateline = find_dateline(text)
    assert dateline is not None
    assert dateline.date == date


def test_no_dateline_in_ordinary_prose() -> None:
    assert find_dateline("NATO Secretary General Jens Stoltenberg said NATO was ready.") is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "July 4: Afghan-ISAF Operations\nISAF Joint Command 2010-07-CA-015",
            PartialDate(2010, 7, 4),
        ),
        ("ISAF Joint Command Operational Update, Jan. 10, 2011\nISAF", PartialDate(2011, 1, 10)),
        ("Afghan Forces Detain Insurgents\nISAF", None),
    ],
)
def test_heading_date(text: str, date: PartialDate | None) -> None:
    assert heading_date(text) == date


def test_release_number() -> None:
    assert release_date("ISAF Joint Command - Afghanistan 2011-01-S-115 For") == PartialDate(
        2011, 1
    )
    assert release_date("no number here") is None


@pytest.mark.parametrize(
    ("value", "date", "end"),
    [
        ("2020-01-07", "2020-01-07", None),
        ("2020-01", "2020-01", None),
        ("2018", "2018", None),
        ("2020-W07", "2020-02-10", "2020-02-16"),
        ("P2Y", None, None),
        ("PRESENT_REF", None, None),
    ],
)
def test_parse_value(value: str, date: str | None, end: str | None) -> None:
    got = parse_value(value)
    assert (got[0].iso() if got[0] else None, got[1].iso() if got[1] else None) == (date, end)


def test_date_is_the_nearest_time_in_the_clause() -> None:
    text = (
        "The mission was launched in 2018, but was suspended last month after a U.S. "
        "missile attack on Baghdad airport killed Qassem Soleimani."
    )
    claim = first(text, {"in 2018": "2018", "last month": "2020-01"})
    assert (claim.date, claim.precision) == ("2020-01", "month")


def test_no_time_no_date() -> None:
    claim = first("Iran attacked the tanker.")
    assert claim.date is None
    assert claim.precision is None


@pytest.mark.parametrize(
    ("text", "times", "date"),
    [
        # the time beside "confirmed" dates the confirmation; the arrest has its own
        (
            "Coalition forces today confirmed the arrest of a facilitator in Kandahar "
            "province Sept. 19.",
            {"today": "2012-09-24", "Sept. 19": "2012-09-19"},
            "2012-09-19",
        ),
        # "said Tuesday that …": the day of the statement, not of the killing
        (
            "Officials said Tuesday that the force killed two insurgents.",
            {"Tuesday": "2020-02-11"},
            None,
        ),
        ("Officials said on Tuesday the force killed two men.", {"Tuesday": "2020-02-11"}, None),
        # a time of the event's own clause stays
        (
            "The force killed two insurgents Tuesday, officials said.",
            {"Tuesday": "2020-02-11"},
            "2020-02-11",
        ),
        # a verb that does what it says is no report: the time is the event's
        ("The rebels on Monday declared a ceasefire.", {"Monday": "2020-02-10"}, "2020-02-10"),
        # the time of the event noun, not of the report
        (
            "Officials said Tuesday's attack killed five soldiers.",
            {"Tuesday": "2020-02-11"},
            "2020-02-11",
        ),
        (
            "Witnesses reported overnight clashes in the city.",
            {"overnight": "2020-02-12TNI"},
            "2020-02-12",
        ),
    ],
)
def test_time_of_the_report_is_not_the_event_date(
    text: str, times: dict[str, str], date: str | None
) -> None:
    assert first(text, times).date == date


@pytest.mark.parametrize(
    ("later", "date"),
    [
        ("The operation took place Tuesday.", "2020-02-11"),
        ("The joint raid was conducted Tuesday.", "2020-02-11"),
        # a sentence that does not speak of the operation dates nothing before it
        ("The leader had been seen Tuesday.", None),
    ],
)
def test_a_later_sentence_dates_the_operation(later: str, date: str | None) -> None:
    text = f"A security force detained two suspected insurgents in Helmand province. {later}"
    claim = next(c for c in events(text, {"Tuesday": "2020-02-11"}) if "detained" in c.qualifiers)
    assert claim.date == date


def test_dating_back_stays_in_its_paragraph_and_stops_at_a_dated_event() -> None:
    text = (
        "Insurgents attacked a checkpoint in Kandahar province, killing two policemen.\n\n"
        "A security force detained three suspects in Helmand province. "
        "The arrest took place Tuesday."
    )
    claims = events(text, {"Tuesday": "2020-02-11"})
    dates = {c.value: c.date for c in claims}
    assert dates == {"ASSAULT": None, "COERCE": "2020-02-11"}


def test_report_time_is_not_passed_on() -> None:
    text = (
        "Coalition forces confirmed Monday the arrest of a facilitator in Kandahar province. "
        "The security force also detained two suspected insurgents."
    )
    claim = next(c for c in events(text, {"Monday": "2020-02-10"}) if "detained" in c.qualifiers)
    assert claim.date is None


def test_dateline_time_is_not_the_event_date() -> None:
    text = "KABUL, Afghanistan (Jan. 25, 2013) – The force killed two insurgents yesterday."
    claim = first(text, {"Jan. 25, 2013": "2013-01-25", "yesterday": "2013-01-24"})
    assert claim.date == "2013-01-24"


def test_headline_before_the_dateline_is_not_an_event() -> None:
    text = (
        "Seventeen Killed, One Detained During Security Operation in Kunar\n"
        "KABUL, Afghanistan (April 20, 2011) – Afghan forces killed seventeen insurgents."
    )
    claims = events(text)
    assert len(claims) == 1
    assert claims[0].qualifiers["killed"] == 17


def test_undated_document_is_dated_by_its_dateline() -> None:
    doc = make_doc(
        "2010-09-CA-005\nKABUL, Afghanistan (Sept. 1) - The force detained two men.", published=None
    )
    assert anchor_to_dateline(doc)
    assert doc.published == PartialDate(2010, 9, 1)
    assert doc.date_source == "dateline"


def test_given_date_is_kept() -> None:
    doc = make_doc(
        "KABUL, Afghanistan (Sept. 1, 2010) - The force detained two men.", published="2010-09-02"
    )
    assert not anchor_to_dateline(doc)
    assert doc.published == PartialDate(2010, 9, 2)


def test_release_number_dates_an_undated_release_to_its_month() -> None:
    doc = make_doc(
        "ISAF Joint Command\n2011-07-S-039\nFor Immediate Release\n"
        "A combined force detained two suspected insurgents yesterday.",
        published=None,
    )
    assert anchor_to_dateline(doc)
    assert doc.published == PartialDate(2011, 7)


def test_yesterday_of_a_month_dated_release_is_that_month_inferred() -> None:
    text = "2011-07-S-039\nFor Immediate Release\nA force detained two insurgents yesterday."
    doc = make_doc(text, published="2011-07")
    start = text.index("yesterday")
    doc.times = [
        Timex(start, start + 9, "yesterday", "DATE", "XXXX-XX-XX", underspecified="DCT-1D")
    ]
    claim = event_claims(doc)[0]
    assert (claim.date, claim.precision, claim.date_inferred) == ("2011-07", "month", True)


def test_time_in_a_heading_before_the_dateline_is_not_the_event_date() -> None:
    text = (
        "Morning Operational Update April 15, 2011\n"
        "KABUL, Afghanistan (April 15, 2011) – A force killed one armed individual in "
        "Paktika province, April 13."
    )
    claim = first(text, {"April 15, 2011\n": "2011-04-15", "April 13": "2011-04-13"})
    assert claim.date == "2011-04-13"


def test_time_of_a_relative_clause_is_not_passed_on() -> None:
    text = (
        "He was the chief of staff for a commander who was killed in an air strike last week. "
        "After questioning, the security force detained three suspected insurgents."
    )
    claims = events(text, {"last week": "2010-08-09"})
    detained = next(c for c in claims if "detained" in c.qualifiers)
    assert detained.date is None


def test_background_month_of_an_earlier_paragraph_is_not_inherited() -> None:
    text = (
        "He led an attack against a school ceremony in June 2011.\n\n"
        "During the operation, the security force killed Rostum and his associate."
    )
    claims = events(text, {"June 2011": "2011-06"})
    killed = next(c for c in claims if "killed" in c.qualifiers)
    assert killed.date is None


def test_dateline_standing_alone_is_no_event() -> None:
    text = "KABUL, Afghanistan (March 24, 2011)\n\nThe force detained two men."
    assert [c.value for c in events(text)] == ["COERCE"]
