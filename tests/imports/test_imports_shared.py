"""The real UN contributions tables (../shared/data): totals, cross-table check, re-import."""

from __future__ import annotations

import csv
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from missionwatch.eval import MissingData, require
from missionwatch.eval.imports import GENDER_FULL, cross_table, source_sums
from missionwatch.imports import import_un_contributions
from missionwatch.query.personnel import Personnel
from missionwatch.store import Store

pytestmark = pytest.mark.shared

# ten mission-months across the table: big and small missions, first and last months,
# a mission's last month (UNMIS 2011-07, MONUC 2010-06) and a short one (UNSMIS)
PAIRS = [
    ("UNIFIL", "mission:unifil", "2013-06"),
    ("MINUSMA", "mission:minusma", "2014-02"),
    ("MONUSCO", "mission:monusco", "2012-11"),
    ("UNMISS", "mission:unmiss", "2011-08"),
    ("UNAMID", "mission:unamid", "2010-03"),
    ("UNMIS", "mission:unmis", "2011-07"),
    ("MONUC", "mission:monuc", "2010-06"),
    ("UNSMIS", "mission:unsmis", "2012-06"),
    ("UNTSO", "mission:untso", "2009-11"),
    ("MINUSTAH", "mission:minustah", "2010-05"),
]


@pytest.fixture(scope="module")
def data() -> Path:
    try:
        return require("un-pko-ipi-contributions")
    except MissingData as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def store(data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("un") / "un.sqlite") as store:
        report = import_un_contributions(store, data / "Gender.Full.csv")
        assert (report.records, report.claims, report.rejected) == (29115, 116460, [])
        yield store


def _month_rows(path: Path, acronym: str, month: str) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle)
                if r["Mission"] == acronym and r["Date"].startswith(month)]


@pytest.mark.parametrize(("acronym", "mission", "month"), PAIRS)
def test_totals_equal_the_sums_of_the_source_rows(data: Path, store: Store, acronym: str,
                                                  mission: str, month: str) -> None:
    rows = _month_rows(data / "Gender.Full.csv", acronym, month)
    assert rows, f"{acronym} {month} is not in the table"
    expected = Counter({role: sum(int(r[col]) for r in rows) for role, col in GENDER_FULL.items()})
    figures = Personnel(store).contributors(mission, month)
    got = Counter[str]()
    for figure in figures:
        got[figure.role] += int(figure.value or 0)
        assert figure.date == month
    assert got == expected
    assert sum(got.values()) == sum(int(r["Total Total"]) for r in rows)
    assert len({f.contributor for f in figures}) == len({r["Contributor ISO-3"] for r in rows})
    # a contributor's categories sum to its row's total
    by_contributor = Counter[str]()
    for figure in figures:
        by_contributor[figure.contributor] += int(figure.value or 0)
    assert sorted(by_contributor.values()) == sorted(int(r["Total Total"]) for r in rows)


def test_cross_check_with_data_mission_reports_disagreements(data: Path) -> None:
    sums = source_sums(data / "Gender.Full.csv", GENDER_FULL)
    compared, disagreements = cross_table(data / "Data.Mission.csv", sums)
    assert compared == 927
    if disagreements:  # reported, not hidden: one warning in the summary lists them all
        warnings.warn(f"Gender.Full.csv and Data.Mission.csv disagree on {len(disagreements)} "
                      f"of {compared} mission-month totals: "
                      + "; ".join(map(str, disagreements)), stacklevel=1)
    # the two IPI tables come from the same UN reports and agree on most mission-months;
    # where they differ (UNMIS/UNMISS in 2009-2011 above all) the warning names each one
    assert len(disagreements) / compared < 0.05
    assert all(item.ours != item.theirs for item in disagreements)


def test_reimporting_the_real_file_adds_nothing(data: Path, store: Store) -> None:
    before = store.counts()
    report = import_un_contributions(store, data / "Gender.Full.csv")
    assert (report.claims, report.added, report.documents) == (116460, 0, 0)
    assert store.counts() == before
