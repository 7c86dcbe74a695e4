"""The ISAF and PLOVER-GSR event evaluations: the summary rules on hand-made releases,
and the measured figures on the shared data with pinned floors."""

from __future__ import annotations

from typing import Any

import pytest

from missionwatch.dates import PartialDate
from missionwatch.eval import MissingData, require
from missionwatch.eval import events as isaf
from missionwatch.eval import plover as gsr
from missionwatch.eval.gate import load_floors
from missionwatch.model import Claim, Source

#: the issue's targets that the held-out halves meet, asserted as targets; every figure is
#: also held to its pinned floor (``eval/floors.yaml``, the gate's one source of floors).
#: The exact-day date target (0.95) is not met: the gold dates some releases a day before
#: their text does (see :mod:`missionwatch.eval.events`), so only its floor holds it.
ISAF_TARGETS_MET = ("province_acc", "killed_acc", "captured_acc")


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


def test_leader_then_rank_and_file_add_up() -> None:
    claims = [
        _claim(
            "COERCE",
            "The force arrested a Taliban facilitator.",
            detained=1,
            target="a Taliban facilitator",
        ),
        _claim(
            "COERCE",
            "During the operation, the force detained two suspected insurgents.",
            detained=2,
            target="two suspected insurgents",
        ),
    ]
    assert isaf.summarise(claims, "").captured == 3


def test_civilian_dead_are_not_the_fighters_told_again() -> None:
    claims = [
        _claim("ASSAULT", "The patrol killed a Taliban leader.", killed=1, target="a Taliban leader"),
        _claim(
            "ASSAULT",
            "One local national child was killed during the operation.",
            subject_name="",
            killed=1,
            target="One local national child",
        ),
    ]
    assert isaf.summarise(claims, "").killed == 2
    # the same count of fighters told again is one count
    again = [claims[0], _claim("ASSAULT", "The leader was killed.", killed=1, target="The leader")]
    assert isaf.summarise(again, "").killed == 1


def test_details_that_add_up_to_the_lead_break_it_down() -> None:
    def detained(text: str, n: int, target: str) -> Claim:
        return _claim("COERCE", text, detained=n, target=target)

    lead = detained("The force detained 15 suspected insurgents.", 15, "15 suspected insurgents")
    day1 = detained("On the first day, the force detained nine.", 9, "nine suspected insurgents")
    day2 = detained("On the second day, the force detained six more.", 6, "six more")
    assert isaf.summarise([lead, day1, day2], "", first_sentence=50).captured == 15
    # one further count that says it adds is not a breakdown
    one = _claim("COERCE", "The force captured a leader.", detained=1, target="a leader")
    also = detained("The force also detained one suspected insurgent.", 1, "one suspected insurgent")
    assert isaf.summarise([one, also], "", first_sentence=40).captured == 2


def test_inverted_also_sentence_adds_to_the_lead() -> None:
    claims = [
        _claim("ASSAULT", "The insurgent was killed in a strike.", killed=1, target="The insurgent"),
        _claim(
            "ASSAULT",
            "Also killed in the strike were two armed insurgents.",
            subject_name="",
            killed=2,
            target="two armed insurgents",
        ),
    ]
    assert isaf.summarise(claims, "").killed == 3


def test_count_pointing_back_repeats_the_lead() -> None:
    claims = [
        _claim(
            "COERCE", "The force captured a Taliban leader.", detained=1, target="a Taliban leader"
        ),
        _claim(
            "COERCE",
            "The force detained the targeted individual along with three of his associates.",
            detained=4,
            target="the targeted individual along with three of his associates",
        ),
    ]
    assert isaf.summarise(claims, "").captured == 4


def test_also_adds_and_an_exact_repeat_does_not() -> None:
    also = [
        _claim(
            "COERCE", "The force arrested a Taliban forger.", detained=1, target="a Taliban forger"
        ),
        _claim(
            "COERCE",
            "The security force also detained one suspected insurgent.",
            detained=1,
            target="one suspected insurgent",
        ),
    ]
    assert isaf.summarise(also, "").captured == 2
    repeat = [
        _claim(
            "COERCE",
            "The force detained more than 10 suspected insurgents.",
            detained={"low": 11, "best": None, "high": None},
            target="more than 10 suspected insurgents",
        ),
        _claim(
            "COERCE",
            "In Khost, the force detained more than 10 suspected insurgents.",
            detained={"low": 11, "best": None, "high": None},
            target="more than 10 suspected insurgents",
        ),
        _claim(
            "COERCE",
            "The team detained 11 suspected insurgents.",
            detained=11,
            target="11 suspected insurgents",
        ),
    ]
    assert isaf.summarise(repeat, "").captured == 11


def test_counts_of_a_story_add_up() -> None:
    lead = _claim("ASSAULT", "The force targeted a Taliban leader.")
    lead.source = Source("r", 0, 40, "The force targeted a Taliban leader.", "events", "1")
    first = _claim(
        "ASSAULT",
        "The force returned fire, killing four insurgents.",
        killed=4,
        target="four insurgents",
    )
    first.source = Source("r", 100, 150, first.source.text, "events", "1")
    second = _claim(
        "ASSAULT",
        "Air support engaged, killing all 11 insurgents.",
        killed=11,
        target="all 11 insurgents",
    )
    second.source = Source("r", 200, 250, second.source.text, "events", "1")
    assert isaf.summarise([lead, first, second], "", first_sentence=40).killed == 15


def _at(claim: Claim, start: int) -> Claim:
    claim.source = Source("r", start, start + len(claim.source.text), claim.source.text, "e", "1")
    return claim


def test_a_lead_summing_up_several_operations_counts_the_one_told() -> None:
    lead = _claim(
        "COERCE",
        "Forces detained more than 10 suspected insurgents during four operations Friday.",
        detained={"low": 11, "best": None, "high": None},
        target="more than 10 suspected insurgents",
    )
    told = _at(
        _claim(
            "COERCE",
            "A separate security force in Zabul detained two suspected insurgents.",
            detained=2,
            target="two suspected insurgents",
        ),
        100,
    )
    summary = isaf.summarise([lead, told], "", first_sentence=90)
    assert (summary.captured, summary.killed) == (2, 0)
    # the same lead without "four operations" is a summary the details add to or repeat
    one_op = _claim(
        "COERCE",
        "Forces detained more than 10 suspected insurgents Friday.",
        detained={"low": 11, "best": None, "high": None},
        target="more than 10 suspected insurgents",
    )
    assert isaf.summarise([one_op, told], "", first_sentence=90).captured == 11


def test_a_lead_of_several_operations_with_no_details_keeps_its_count() -> None:
    lead = _claim(
        "ASSAULT",
        "Several insurgents were killed during separate clearing operations today.",
        killed={"low": 3, "best": None, "high": 9},
        target="Several insurgents",
    )
    assert isaf.summarise([lead], "", first_sentence=90).killed == 3


def test_perfect_events_are_a_tally_not_the_operation() -> None:
    claims = [
        _claim("COERCE", "The force detained a suspected insurgent.", detained=1),
        _at(
            _claim(
                "ASSAULT",
                "Forces have conducted operations recently and killed a large number.",
                killed={"low": 5, "best": None, "high": None},
                perfect=True,
            ),
            100,
        ),
    ]
    assert isaf.summarise(claims, "", first_sentence=50).killed == 0


def test_events_dated_apart_from_the_operation_are_left_out() -> None:
    claims = [
        _claim(
            "COERCE",
            "The force detained several suspected insurgents.",
            detained={"low": 3, "best": None, "high": 9},
            target="several suspected insurgents",
        ),
        _claim(
            "ASSAULT",
            "In June, the force killed more than 30 insurgents.",
            killed={"low": 31, "best": None, "high": None},
            target="more than 30 insurgents",
            date="2010-06",
        ),
    ]
    summary = isaf.summarise(claims, "", published=PartialDate(2010, 7, 31))
    # the June kill is left out, and its month does not date the operation: the release does
    assert (summary.killed, summary.captured, summary.date) == (0, 3, "2010-07-31")


def test_a_span_names_no_day() -> None:
    claim = _claim("COERCE", "The force detained two men earlier this week.", detained=2)
    claim = Claim(**{**claim.__dict__, "date": "2011-05-09", "date_end": "2011-05-15"})
    assert isaf.summarise([claim], "", published=PartialDate(2011, 5, 12)).date is None


def test_undated_release_is_dated_by_its_day() -> None:
    claims = [_claim("COERCE", "The force detained two men.", detained=2, target="two men")]
    by_day = isaf.summarise(claims, "", published=PartialDate(2010, 8, 14))
    assert by_day.date == "2010-08-14"
    # a release dated only by the month of its number gives no day
    assert isaf.summarise(claims, "", published=PartialDate(2011, 7)).date is None
    # the text's own date wins
    dated = [_claim("COERCE", "The force detained two men.", detained=2, date="2010-08-13")]
    assert isaf.summarise(dated, "", published=PartialDate(2010, 8, 14)).date == "2010-08-13"


@pytest.mark.parametrize(
    ("found", "gold", "ok"),
    [
        ("2011-07-12", "2011-07-12", True),
        ("2011-07", "2011-07-12", True),
        ("2011-07-11", "2011-07-12", False),
        ("2011-06", "2011-07-12", False),
        (None, "2011-07-12", False),
    ],
)
def test_date_within_precision(found: str | None, gold: str, ok: bool) -> None:
    summary = isaf.Summary(found, None, 0, 0, frozenset(), False)
    assert isaf.score(summary, {"start_date": gold})["date_acc_within_precision"] is ok
    assert isaf.score(summary, {"start_date": gold})["date_acc"] is (found == gold)


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


def _floor(name: str) -> float:
    return float(load_floors()["metrics"][name]["floor"])


@pytest.mark.shared
def test_isaf_figures() -> None:
    metrics = {m.name: m for m in isaf.evaluate(_data(isaf.NEEDS))}
    for metric in metrics.values():
        assert metric.value >= _floor(metric.name), f"{metric.name} = {metric.value}"
    for name in ISAF_TARGETS_MET:
        metric = metrics[f"events.isaf.{name}"]
        assert metric.value >= isaf.TARGETS[name], f"{metric.name} = {metric.value}"
        assert metric.count == 181


@pytest.mark.shared
def test_plover_gsr_figure() -> None:
    metrics = {m.name: m for m in gsr.evaluate(_data(gsr.NEEDS))}
    metric = metrics["events.plover_gsr.category_acc"]
    assert metric.value >= max(0.70, _floor(metric.name)), f"{metric.name} = {metric.value}"
    assert metric.count == 161
