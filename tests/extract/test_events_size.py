"""How many were killed, injured or detained: exact, bounded, vague and anaphoric counts."""

from __future__ import annotations

from typing import Any

import pytest
from test_events_support import events, first

SEVERAL = {"low": 3, "best": None, "high": 9}


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        ("The force killed two insurgents.", "killed", 2),
        ("The force killed an insurgent.", "killed", 1),
        ("The force killed 17 insurgents.", "killed", 17),
        ("The force killed seventeen insurgents including foreign fighters.", "killed", 17),
        ("The force detained several suspected insurgents.", "detained", SEVERAL),
        ("The force detained a Taliban leader and one other insurgent.", "detained", 2),
        ("The force detained the facilitator along with two other insurgents.", "detained", 3),
        (
            "The force detained numerous suspected insurgents.",
            "detained",
            {"low": 4, "best": None, "high": None},
        ),
        (
            "The force killed more than 15 armed insurgents.",
            "killed",
            {"low": 16, "best": None, "high": None},
        ),
        (
            "The force killed more than a dozen insurgents.",
            "killed",
            {"low": 13, "best": None, "high": None},
        ),
        ("The force killed two dozen insurgents.", "killed", 24),
        ("The force detained a pair of suspected insurgents.", "detained", 2),
        ("The patrol killed a total of six insurgents.", "killed", 6),
        # a passive verb's people: every conjunct, and a bound before them
        ("A Taliban leader and two associates were arrested.", "detained", 3),
        ("The leader, along with two of his associates, was detained.", "detained", 3),
        (
            "At least eight insurgents were killed during the operation.",
            "killed",
            {"low": 8, "best": None, "high": None},
        ),
        # "one of whom" is some of those counted, not one more
        ("The force detained two insurgents, one of whom was a leader.", "detained", 2),
        # the people of a passive verb stand before an aside between commas
        ("The insurgent, known as Abdul, was killed in an airstrike.", "killed", 1),
        # a participle opening its sentence, its people after "was"/"were"
        ("Also killed in the strike were two armed insurgents.", "killed", 2),
        ("Detained during the search was a weapons facilitator.", "detained", 1),
        (
            "The force killed at least five militants.",
            "killed",
            {"low": 5, "best": None, "high": None},
        ),
        (
            "Police killed between three and six insurgents.",
            "killed",
            {"low": 3, "best": None, "high": 6},
        ),
        ("The raid killed the Taliban leader, Alaudin.", "killed", 1),
        ("Three insurgents have been killed.", "killed", 3),
        ("The engagement resulted in 14 insurgents killed and one wounded.", "killed", 14),
        ("The engagement resulted in 14 insurgents killed and one wounded.", "injured", 1),
        ("Coalition forces killed one insurgent and wounded three others.", "injured", 3),
        (
            "The security force detained other suspected militants.",
            "detained",
            {"low": 2, "best": None, "high": None},
        ),
        (
            "Gunmen kidnapped up to 16 Russian advisers.",
            "detained",
            {"low": 0, "best": None, "high": 16},
        ),
    ],
)
def test_size(text: str, kind: str, count: Any) -> None:
    claim = next(c for c in events(text) if kind in c.qualifiers)
    assert claim.qualifiers[kind] == count


def test_no_size_for_things() -> None:
    claim = first("The force seized five AK-47 rifles and detained two men.")
    assert "killed" not in claim.qualifiers
    assert (
        next(
            c
            for c in events("The force seized five AK-47 rifles and detained two men.")
            if c.value == "COERCE"
        ).qualifiers.get("detained")
        == 2
    )


def test_pronoun_counts_the_people_named_before() -> None:
    text = (
        "Later, several armed insurgents engaged the force. "
        "The security force returned fire, killing all of them."
    )
    claim = next(c for c in events(text) if c.subject_name == "The security force")
    assert claim.qualifiers["killed"] == SEVERAL


def test_same_people_counted_twice_is_one_event() -> None:
    text = (
        "Two insurgents were killed after firing at the security force; "
        "the security force returned fire killing both armed individuals."
    )
    kills = [c for c in events(text) if "killed" in c.qualifiers]
    assert len(kills) == 1
    assert kills[0].qualifiers["killed"] == 2
    assert kills[0].subject_name == "the security force"


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # those who died are counted where an attack is told
        ("Two soldiers died in the attack on the base.", 2),
        ("Two insurgents died in the exchange of fire.", 2),
        ("Three peacekeepers lost their lives when their convoy was ambushed.", 3),
        # "an insurgent attack": the actor's word before the noun keeps it a noun
        ("Two soldiers died following an insurgent attack in Helmand province.", 2),
    ],
)
def test_the_dead_of_an_attack(text: str, killed: int) -> None:
    assert first(text).qualifiers["killed"] == killed


@pytest.mark.parametrize(
    "text",
    [
        "The peace process died last year.",  # no people
        "He died of natural causes.",  # a pronoun, no attack
        "Two soldiers died in a traffic accident.",  # no attack
    ],
)
def test_a_death_alone_is_no_event(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He died in the attack.",  # a pronoun names no people
        "The talks died after the attack.",  # no people
        "Two soldiers died in a traffic accident a day after an attack on their base.",
        "Two soldiers died of natural causes after an attack on the base.",
    ],
)
def test_a_death_beside_an_attack_it_did_not_come_in_counts_none(text: str) -> None:
    assert all("killed" not in c.qualifiers for c in events(text))
