"""The ISAF and PLOVER-GSR event evaluations: the summary rules on hand-made releases,
and the measured figures on the shared data with pinned floors."""

from __future__ import annotations

from typing import Any

import pytest

from missionwatch.eval import MissingData, require
from missionwatch.eval import events as isaf
from missionwatch.eval import plover as gsr
from missionwatch.model import Claim, Source

# floors pinned at what the evaluations reached (held-out halves), a little below
ISAF_FLOORS = {
    "date_acc": 0.66,  # measured 0.685 (gold dates are often a day before the text's)
    "province_acc": 0.92,  # 0.939
    "killed_acc": 0.86,  # 0.884
    "captured_acc": 0.73,  # 0.757
    "type_acc": 0.90,  # 0.934
}
GSR_FLOOR = 0.63  # measured 0.658


def _claim(value: str, text: str, subject_name: str = "The security force", **quals: Any) -> Claim:
    return Claim(
        kind="event",
        subject="",
        subject_name=subject_name,
        value=value,
        source=Source("r", 0, len(text), text, "events", "1"),
        qualifiers=quals,
        date=quals.pop("date", None),
    )


def test_lead_then_additional_people_add_up() -> None:
    claims = [
        _claim("COERCE", "The force captured a facilitator.", detained=1, target="a facilitator"),
        _claim(
            "COERCE",
            "The force detained one additional suspected insurgent.",
            detained=1,
            target="one additional suspected insurgent",
        ),
    ]
    assert isaf.summarise(claims, "").captured == 2


def test_summary_then_details_count_once() -> None:
    claims = [
        _claim(
            "ASSAULT",
            "The force killed several insurgents.",
            killed={"low": 3, "best": None, "high": 9},
        ),
        _claim("ASSAULT", "The force killed the individual.", killed=1, target="the individual"),
        _claim(
            "ASSAULT",
            "The force returned fire, killing all individuals.",
            killed={"low": 3, "best": None, "high": 9},
            target="all individuals",
        ),
    ]
    assert isaf.summarise(claims, "").killed == 4


def test_insurgent_attacks_and_own_losses_are_not_counted() -> None:
    claims = [
        _claim("ASSAULT", "Insurgents killed two civilians.", subject_name="Insurgents", killed=2),
        _claim(
            "ASSAULT",
            "An IED attack killed four US soldiers.",
            subject_name="",
            killed=4,
            target="four US soldiers",
        ),
        _claim("COERCE", "The force detained three men.", detained=3, target="three men"),
    ]
    summary = isaf.summarise(claims, "")
    assert (summary.killed, summary.captured) == (0, 3)
    assert summary.categories == frozenset({"COERCE"})


def test_gold_types_map_to_plover() -> None:
    assert isaf.gold_types({"event_type": ["captureandkill"]}) == (
        frozenset({"ASSAULT", "COERCE"}),
        False,
    )
    assert isaf.gold_types({"event_type": ["airstrike;detention"]}) == (
        frozenset({"ASSAULT", "COERCE"}),
        True,
    )


def test_split_is_deterministic_and_disjoint() -> None:
    records = [{"idx": i} for i in range(10)]
    tune, held = isaf.split(records)
    assert [r["idx"] for r in tune] == [0, 2, 4, 6, 8]
    assert [r["idx"] for r in held] == [1, 3, 5, 7, 9]


def test_gsr_categories_are_folded() -> None:
    assert gsr.gold_category({"event": "DEMAND"}) == "REQUEST"
    assert gsr.gold_category({"event": "FIGHT"}) == "ASSAULT"
    assert gsr.gold_category({"event": "AGREE"}) == "AGREE"


def _data(name: str) -> Any:
    try:
        return require(name)
    except MissingData as exc:
        pytest.skip(str(exc))


@pytest.mark.shared
def test_isaf_figures() -> None:
    metrics = {m.name: m for m in isaf.evaluate(_data(isaf.NEEDS))}
    for name, floor in ISAF_FLOORS.items():
        metric = metrics[f"events.isaf.{name}"]
        assert metric.value >= floor, f"{metric.name} = {metric.value} < {floor}"
        assert metric.count == 181


@pytest.mark.shared
def test_plover_gsr_figure() -> None:
    metrics = {m.name: m for m in gsr.evaluate(_data(gsr.NEEDS))}
    metric = metrics["events.plover_gsr.category_acc"]
    assert metric.value >= GSR_FLOOR, f"{metric.name} = {metric.value} < {GSR_FLOOR}"
    assert metric.count == 161
