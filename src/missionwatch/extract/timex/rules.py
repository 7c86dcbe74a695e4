"""The recognition rules of ``rules.yaml``, compiled once.

A :class:`Rule` is a regular expression with its trigger kinds, TIMEX3 type and value
template (see the header of ``rules.yaml``). Rules are only ever run in a small window
around a trigger word, never over a whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from missionwatch.extract.timex.checks import CHECKS
from missionwatch.extract.timex.lexicon import expand, lexicon

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Rule:
    name: str
    order: int
    on: frozenset[str]
    regex: re.Pattern[str]
    type: str
    value: str
    end: str = ""
    #: the words one of which must come just before the match; ``None``: no cue needed
    cue: frozenset[str] | None = None
    span: str = ""  # the group that is the expression, when the pattern has left context
    checks: tuple[str, ...] = ()
    mod: str = ""  # a TimeML mod the rule always gives ("year-end": END)
    #: lower-case strings one of which the window must contain for the rule to be tried
    needs: tuple[str, ...] = ()


def _cue(spec: Any) -> frozenset[str] | None:
    if spec is True:
        return lexicon().cues
    if isinstance(spec, list):
        return frozenset(str(w).lower() for w in spec)
    return None


def _compile(order: int, spec: dict[str, Any]) -> Rule:
    pattern = expand(str(spec["pattern"]))
    rule_type = str(spec.get("type", "DATE"))
    if rule_type not in TYPES:
        raise ValueError(f"rule {spec['name']}: unknown type {rule_type}")
    unknown = [c for c in spec.get("check", ()) if c not in CHECKS]
    if unknown:
        raise ValueError(f"rule {spec['name']}: unknown checks {unknown}")
    # a match starts at a word boundary, unless the rule says otherwise
    if spec.get("boundary", True):
        pattern = r"(?<!\w)(?:" + pattern + ")"
    regex = re.compile(pattern, re.IGNORECASE)
    return Rule(
        name=str(spec["name"]),
        order=order,
        on=frozenset(spec["trigger"]),
        regex=regex,
        type=rule_type,
        value=str(spec["value"]),
        end=str(spec.get("end", "")),
        cue=_cue(spec.get("cue")),
        span=str(spec.get("span", "")),
        checks=tuple(spec.get("check", ())),
        mod=str(spec.get("mod", "")),
        needs=tuple(str(n) for n in spec.get("needs", ())),
    )


@cache
def rules() -> tuple[Rule, ...]:
    text = resources.files("missionwatch.extract.timex").joinpath("rules.yaml").read_text(
        encoding="utf-8")
    return tuple(_compile(i, spec) for i, spec in enumerate(yaml.safe_load(text)))


@cache
def rules_for(kinds: frozenset[str]) -> tuple[Rule, ...]:
    """The rules triggered by any of ``kinds``, in file order."""
    return tuple(rule for rule in rules() if rule.on & kinds)
