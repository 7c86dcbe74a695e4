"""The trigger lexicons of ``data/claim_rules.yaml``, compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from missionwatch.errors import VocabularyError


def alternation(patterns: list[str], *, boundary: bool = True) -> re.Pattern[str]:
    """One case-insensitive pattern for a short list of phrases (not for big gazetteers)."""
    body = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
    if boundary:
        body = rf"(?<![\w-])(?:{body})(?![\w])"
    return re.compile(body, re.IGNORECASE)


@dataclass(frozen=True)
class Rules:
    raw: dict[str, Any]
    negation: re.Pattern[str]
    planned: re.Pattern[str]
    expected: re.Pattern[str]
    conditional: re.Pattern[str]
    conditional_after: re.Pattern[str]
    clause_break: re.Pattern[str]
    status: dict[str, re.Pattern[str]]
    cause: re.Pattern[str]
    consent: dict[str, re.Pattern[str]]
    consent_by: dict[str, re.Pattern[str]]
    mandate: dict[str, re.Pattern[str]]
    #: one pattern for all values of status, consent and mandate: a sentence none of whose
    #: words is a trigger of a family is not read value by value
    screens: dict[str, re.Pattern[str]]
    mandate_negatable: frozenset[str]
    cap_words: re.Pattern[str]
    transfer_verbs: re.Pattern[str]
    transfer_objects: re.Pattern[str]
    meeting: re.Pattern[str]
    outcome: re.Pattern[str]
    bodies: re.Pattern[str]
    membership: re.Pattern[str]
    mission_nouns: re.Pattern[str]
    meeting_not_after: re.Pattern[str]


def _group(raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise VocabularyError(f"data/claim_rules.yaml: section {key!r} missing or not a mapping")
    return value


@cache
def rules() -> Rules:
    text = resources.files("missionwatch.data").joinpath("claim_rules.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    mod = _group(raw, "modality")
    status = dict(_group(raw, "status"))
    causes = status.pop("cause_markers")
    consent = dict(_group(raw, "consent"))
    by = consent.pop("by")
    mandate = dict(_group(raw, "mandate"))
    negatable = mandate.pop("negatable")
    meeting = _group(raw, "meeting")
    return Rules(
        raw=raw,
        negation=alternation(mod["negation"]),
        planned=alternation(mod["planned"]),
        expected=alternation(mod["expected"]),
        conditional=alternation(mod["conditional"]),
        conditional_after=alternation(mod["conditional_after"]),
        clause_break=re.compile("|".join(re.escape(b) for b in mod["clause_break"]), re.I),
        status={k: alternation(v) for k, v in status.items()},
        cause=alternation(causes),
        consent={k: alternation(v) for k, v in consent.items()},
        consent_by={k: alternation(v) for k, v in by.items()},
        mandate={k: alternation(v) for k, v in mandate.items()},
        screens={
            name: alternation([p for values in group.values() for p in values])
            for name, group in (("status", status), ("consent", consent), ("mandate", mandate))
        },
        mandate_negatable=frozenset(negatable),
        cap_words=alternation(_group(raw, "cap")["words"]),
        transfer_verbs=alternation(_group(raw, "transfer")["verbs"]),
        transfer_objects=alternation(_group(raw, "transfer")["objects"]),
        meeting=alternation(meeting["triggers"]),
        outcome=alternation(meeting["outcome_markers"]),
        bodies=re.compile(r"\s*(?:'s\s+|’s\s+)?(" + "|".join(meeting["bodies"]) + r")\b", re.I),
        membership=alternation(_group(raw, "membership")["patterns"]),
        mission_nouns=alternation(_group(raw, "focus")["mission_nouns"]),
        meeting_not_after=re.compile(r"\s*(?:" + "|".join(meeting["not_after"]) + r")\b", re.I),
    )
