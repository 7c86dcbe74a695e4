"""The evaluation gate: the founding-article acceptance list and the pinned floors."""

import pytest
import yaml

from missionwatch.errors import MissionwatchError
from missionwatch.eval import Metric, acceptance, gate


def test_founding_article_acceptance():
    must, violations = acceptance.check(acceptance.run_article())
    missing = [o.id for o in must if not o.found]
    assert not missing, f"acceptance claims not found: {missing}"
    assert not violations, f"forbidden claims found: {[(o.id, o.claim) for o in violations]}"


def test_every_evaluation_meets_its_floor():
    report = gate.run()
    for message in report.skipped:
        print("skipped:", message)
    assert not report.problems, report.problems
    below = [(r.metric.name, r.metric.value, r.floor) for r in report.results if not r.ok]
    assert not below, f"metrics below their pinned floors: {below}"
    unpinned = [r.metric.name for r in report.results if r.floor is None and not r.informational]
    assert not unpinned, f"metrics without a pinned floor (run missionwatch eval --pin): {unpinned}"


@pytest.fixture
def floors(tmp_path):
    path = tmp_path / "floors.yaml"
    path.write_text(yaml.safe_dump({"metrics": {"x.y.f1": {"floor": 0.8}}, "gold": {}}))
    return path


def _report(value):
    return gate.Report([gate.Result(Metric("x.y.f1", value), 0.8, "")], [], [])


def test_a_metric_below_its_floor_fails_the_gate():
    assert not _report(0.79).ok
    assert _report(0.8).ok


def test_pin_raises_floors(floors):
    changes = gate.pin(_report(0.85), floors_path=floors)
    assert changes == ["x.y.f1: 0.8 -> 0.85"]
    assert gate.load_floors(floors)["metrics"]["x.y.f1"]["floor"] == 0.85


def test_lowering_a_floor_needs_the_flag_and_a_changelog_entry(floors, tmp_path):
    with pytest.raises(MissionwatchError, match="allow-lower"):
        gate.pin(_report(0.7), floors_path=floors)
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("## Unreleased\n- nothing about it\n")
    with pytest.raises(MissionwatchError, match="CHANGELOG"):
        gate.pin(_report(0.7), allow_lower=True, changelog=changelog, floors_path=floors)
    changelog.write_text("## Unreleased\n- x.y.f1 lowered: the gold set was corrected\n")
    gate.pin(_report(0.7), allow_lower=True, changelog=changelog, floors_path=floors)
    assert gate.load_floors(floors)["metrics"]["x.y.f1"]["floor"] == 0.7
