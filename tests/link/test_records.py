"""Checks on the gazetteer's data: bad entries fail loudly, naming the entry."""

from __future__ import annotations

import pytest

from missionwatch.errors import VocabularyError
from missionwatch.link.records import AliasSpec, alias_specs, check_date, expand, strings


@pytest.mark.parametrize(("text", "expected"), [
    ("Coalition to {verb} {group}", ["Coalition to Defeat ISIS", "Coalition to Defeat Daesh",
                                     "Coalition to Fight ISIS", "Coalition to Fight Daesh"]),
    ("{group} fighters", ["ISIS fighters", "Daesh fighters"]),
    ("no slot here", ["no slot here"]),
])
def test_expand(text: str, expected: list[str]) -> None:
    slots = {"verb": ["Defeat", "Fight"], "group": ["ISIS", "Daesh"]}
    assert expand(text, slots, "test") == expected


def test_unknown_slot_names_the_entry() -> None:
    with pytest.raises(VocabularyError, match=r"org:x: unknown slot\(s\) \['nope'\]"):
        expand("{nope} coalition", {}, "org:x")


@pytest.mark.parametrize("value", ["2020-13", "20-01-01", "yesterday", "2020-02-30"])
def test_bad_dates_are_refused(value: str) -> None:
    with pytest.raises(VocabularyError, match="mission:x"):
        check_date(value, "mission:x")


@pytest.mark.parametrize(("value", "expected"), [(None, None), ("", None), ("2018", "2018"),
                                                  ("2018-07", "2018-07")])
def test_partial_dates_are_kept_as_written(value: str | None, expected: str | None) -> None:
    assert check_date(value, "x") == expected


def test_aliases_with_a_validity_window() -> None:
    specs = alias_specs(["NATO", {"text": "the {x} mission", "from": "2018", "until": "2020-06"}],
                        "mission:y", {"x": ["NATO", "Nato"]}, "test")
    assert specs == [AliasSpec("NATO", "mission:y"),
                     AliasSpec("the NATO mission", "mission:y", "alias", False, "2018", "2020-06"),
                     AliasSpec("the Nato mission", "mission:y", "alias", False, "2018", "2020-06")]


@pytest.mark.parametrize("raw", [[1, 2], "x", [{"from": "2018"}]])
def test_bad_alias_lists_are_refused(raw: object) -> None:
    with pytest.raises(VocabularyError, match="where"):
        alias_specs(raw, "org:x", {}, "where")


def test_strings_refuses_non_strings() -> None:
    # YAML 1.1 reads a bare On/No as a boolean: the loader must say so, not link "True"
    with pytest.raises(VocabularyError, match="blocklist"):
        strings(["In", True], "blocklist")
