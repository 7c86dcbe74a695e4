"""The founding-article acceptance check: claims the article must and must not yield.

The expectations are data (``acceptance.yaml``); this module matches them against the
pipeline's claims. It needs no shared data: the article ships with the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from missionwatch.eval import Metric
from missionwatch.model import Claim

NEEDS: str | None = None


@dataclass
class Outcome:
    id: str
    found: bool
    claim: Claim | None


def expectations() -> dict[str, Any]:
    text = resources.files("missionwatch.eval").joinpath("acceptance.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _ids(name: str) -> set[str]:
    """Every id a name can denote: itself, and the gazetteer's entity for it."""
    from missionwatch.link.gazetteer import gazetteer

    ids = {name}
    found = gazetteer().find(name)
    if found is not None:
        ids.add(found.id)
    return ids


def _text_match(expected: Any, actual: Any, names: dict[str, str]) -> bool:
    if isinstance(expected, dict) and "contains" in expected:
        return str(expected["contains"]).lower() in str(actual or "").lower()
    if isinstance(actual, str) and actual in names:
        return actual in _ids(str(expected)) or names[actual] == expected
    return bool(actual == expected or (isinstance(actual, str) and actual in _ids(str(expected))))


def matches(spec: dict[str, Any], claim: Claim, names: dict[str, str]) -> bool:
    if claim.kind != spec["kind"]:
        return False
    if "subject" in spec and claim.subject not in _ids(spec["subject"]) \
            and claim.subject_name != spec["subject"]:
        return False
    if "subject_contains" in spec and spec["subject_contains"].lower() not in (
            claim.subject_name or claim.subject).lower():
        return False
    if "value" in spec and not _text_match(spec["value"], claim.value, names):
        return False
    if "value_contains" in spec and str(spec["value_contains"]).lower() not in str(
            claim.value).lower():
        return False
    for key in ("date", "precision", "modality"):
        if key in spec and getattr(claim, key) != spec[key]:
            return False
    for key, expected in (spec.get("qualifiers") or {}).items():
        if not _text_match(expected, claim.qualifiers.get(key), names):
            return False
    value = claim.value if isinstance(claim.value, dict) else {}
    return all(value.get(k) == v for k, v in (spec.get("qualifiers_value") or {}).items())


def check(claims: list[Claim]) -> tuple[list[Outcome], list[Outcome]]:
    """Match the expectations; returns (must outcomes, must-not violations)."""
    spec = expectations()
    names = {c.subject: c.subject_name for c in claims}
    must = []
    for item in spec["must"]:
        hit = next((c for c in claims if matches(item, c, names)), None)
        must.append(Outcome(item["id"], hit is not None, hit))
    violations = []
    for item in spec["must_not"]:
        hit = next((c for c in claims if matches(item, c, names)), None)
        if hit is not None:
            violations.append(Outcome(item["id"], True, hit))
    return must, violations


def run_article() -> list[Claim]:
    from missionwatch.api import example_text, extract

    return extract(example_text(), expectations()["published"]).claims


def evaluate(data_dir: Path | None = None) -> list[Metric]:
    must, violations = check(run_article())
    found = sum(o.found for o in must)
    forbidden = len(expectations()["must_not"])
    return [
        Metric("acceptance.seed.recall", found / len(must), "issue 2 §5: all required",
               len(must)),
        Metric("acceptance.seed.clean", 1 - len(violations) / max(1, forbidden),
               "no statement by a photographer", forbidden),
    ]
