import pytest

from missionwatch.ingest.dateline import dateline_date, release_number_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KABUL, Afghanistan (Jan. 25, 2013)\nDuring a security operation…", "2013-01-25"),
        ("2012-06-S-026\n\nKABUL, Afghanistan (June 3)\nAn Afghan and coalition force…", "2012-06-03"),
        ("2013-01-S-004\n\nKABUL, Afghanistan (Dec. 31)\nA combined force…", "2012-12-31"),
        ("WASHINGTON, Feb. 13, 2020 — The Pentagon said…", "2020-02-13"),
        ("BRUSSELS, 12 February 2020 - NATO defence ministers agreed…", "2020-02-12"),
        ("KABUL, Afghanistan (June 3)\nno release number, so no year", None),
        ("NATO Secretary General Jens Stoltenberg said NATO was ready…", None),
        ("The mission began in March 2018 and…", None),
    ],
)
def test_dateline_date(text, expected):
    found = dateline_date(text)
    assert (found.iso() if found else None) == expected


def test_release_number_gives_year_and_month_only():
    found = release_number_date("2012-06-S-026\nKABUL")
    assert found is not None and found.iso() == "2012-06"
