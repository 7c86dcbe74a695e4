"""The evaluation gate: run every evaluation, compare each metric with its pinned floor.

Floors live in ``eval/floors.yaml`` beside the hash of each gold set they were measured on.
A metric below its floor fails the gate; a changed gold set fails it too (its floors were
measured on other data). ``pin`` raises floors to the measured values; lowering a floor
needs ``allow_lower`` *and* a line in ``CHANGELOG.md`` naming the metric.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import import_module, resources
from pathlib import Path
from typing import Any

import yaml

from missionwatch.errors import MissionwatchError
from missionwatch.eval import Metric, MissingData, require

#: evaluation name -> module (each has NEEDS and evaluate(data_dir))
EVALUATIONS: dict[str, str] = {
    "acceptance": "missionwatch.eval.acceptance",
    "time": "missionwatch.eval.time",
    "quotes": "missionwatch.eval.quotes",
    "events": "missionwatch.eval.events",
    "plover": "missionwatch.eval.plover",
    "imports": "missionwatch.eval.imports",
}
EPSILON = 1e-9
FLOORS_FILE = Path(str(resources.files("missionwatch.eval").joinpath("floors.yaml")))


@dataclass
class Result:
    metric: Metric
    floor: float | None
    anchor: str

    informational: str = ""  # why this metric is reported but never pinned

    @property
    def ok(self) -> bool:
        if self.informational:
            return True
        return self.floor is None or self.metric.value + EPSILON >= self.floor

    def to_dict(self) -> dict[str, Any]:
        return {"metric": self.metric.name, "value": round(self.metric.value, 4),
                "floor": self.floor, "anchor": self.anchor or None, "ok": self.ok,
                "count": self.metric.count}


@dataclass
class Report:
    results: list[Result]
    skipped: list[str]
    problems: list[str]
    #: the gold folders measured, with their sha256 (what ``pin`` records)
    gold: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems and all(r.ok for r in self.results)


def load_floors(path: Path = FLOORS_FILE) -> dict[str, Any]:
    if not path.exists():
        return {"metrics": {}, "gold": {}, "informational": {}}
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    for key in ("metrics", "gold", "informational"):
        data.setdefault(key, {})
    return data


def gold_hash(folder: Path) -> str:
    """SHA-256 over the names and bytes of every file in a gold folder."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def run(names: Iterable[str] | None = None, floors_path: Path = FLOORS_FILE) -> Report:
    floors = load_floors(floors_path)
    report = Report([], [], [])
    for name in names or EVALUATIONS:
        if name not in EVALUATIONS:
            raise MissionwatchError(
                f"unknown evaluation {name!r}; available: {', '.join(EVALUATIONS)}")
        try:
            module = import_module(EVALUATIONS[name])
        except ModuleNotFoundError as exc:
            if exc.name != EVALUATIONS[name]:
                raise
            report.skipped.append(f"{name}: not available in this version")
            continue
        needs: str | None = getattr(module, "NEEDS", None)
        try:
            data_dir = require(needs) if needs else Path(".")
        except MissingData as exc:
            report.skipped.append(f"{name}: {exc}")
            continue
        if needs:
            pinned = floors["gold"].get(needs)
            actual = report.gold[needs] = gold_hash(data_dir)
            if pinned and pinned != actual:
                report.problems.append(
                    f"{name}: the gold set {needs}/ changed (sha256 {actual[:12]}…, floors were "
                    f"pinned on {pinned[:12]}…); re-measure and pin deliberately")
        for metric in module.evaluate(data_dir):
            spec = floors["metrics"].get(metric.name, {})
            report.results.append(Result(metric, spec.get("floor"), metric.anchor or
                                         spec.get("anchor", ""),
                                         floors["informational"].get(metric.name, "")))
    return report


def pin(report: Report, *, allow_lower: bool = False, changelog: Path | None = None,
        floors_path: Path = FLOORS_FILE) -> list[str]:
    """Set floors to the measured values; returns what changed. Lowering needs both
    ``allow_lower`` and a CHANGELOG.md line naming the metric."""
    floors = load_floors(floors_path)
    log = changelog.read_text("utf-8") if changelog and changelog.exists() else ""
    changes = []
    for result in report.results:
        if result.informational:
            continue
        # rounded down, so that the value measured is never below its own floor
        name, value = result.metric.name, math.floor(result.metric.value * 1e4) / 1e4
        spec = floors["metrics"].setdefault(name, {})
        old = spec.get("floor")
        if old is not None and value < old:
            if not allow_lower:
                raise MissionwatchError(
                    f"{name}: {value} is below its floor {old}; lowering needs --allow-lower")
            if name not in log:
                raise MissionwatchError(
                    f"{name}: lowering its floor needs a CHANGELOG.md entry naming it")
        if old != value:
            changes.append(f"{name}: {old} -> {value}")
        spec["floor"] = value
        if result.anchor:
            spec["anchor"] = result.anchor
    floors["gold"].update(report.gold)
    header = ("# Pinned floors of the evaluation gate (missionwatch eval --pin writes this).\n"
              "# Lowering a floor needs --allow-lower and a CHANGELOG.md entry naming it.\n")
    floors_path.write_text(header + yaml.safe_dump(floors, sort_keys=True, allow_unicode=True),
                           "utf-8")
    return changes
