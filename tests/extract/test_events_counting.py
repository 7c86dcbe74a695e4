"""Counting people in press-release sentences: coordinated verbs, partitives, agreement,
coordinated heads, pronouns, and verbs that stop a list."""

from __future__ import annotations

from typing import Any

import pytest
from test_events_support import events, mentions_for

SEVERAL = {"low": 3, "best": None, "high": 9}


def _count(text: str, kind: str) -> Any:
    found = [c.qualifiers[kind] for c in events(text) if kind in c.qualifiers]
    assert found, f"no {kind} count in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        # a verb after "and" ends the list of people: it is not one more of them
        ("Coalition forces killed one insurgent and wounded three others.", "killed", 1),
        (
            "The air weapons team engaged the position killing one insurgent and forcing "
            "the others to flee.",
            "killed",
            1,
        ),
        # two verbs of one category in one clause count their people together
        (
            "The force arrested a Taliban weapons dealer and detained several suspected "
            "insurgents.",
            "detained",
            {"low": 4, "best": None, "high": 10},
        ),
        (
            "A Haqqani cell leader was captured and multiple suspected insurgents were detained "
            "by the force.",
            "detained",
            {"low": 4, "best": None, "high": 10},
        ),
        # "one of", "person of interest": the count before "of"
        ("Following the engagement, one of Zalmi's associates was detained.", "detained", 1),
        (
            "The shipment was confiscated by police officials and one person of interest was "
            "detained.",
            "detained",
            1,
        ),
        # two nouns for one man
        (
            "The force detained a Taliban explosives manufacturer and facilitator.",
            "detained",
            1,
        ),
        # a definite with a number says how many
        (
            "Security forces took the two occupants of the vehicle into custody.",
            "detained",
            2,
        ),
        # the detention noun after a light verb
        (
            "The operation resulted in the detention of several suspected insurgents.",
            "detained",
            SEVERAL,
        ),
        ("The force confirmed the arrest of an insurgent financial coordinator.", "detained", 1),
        # a gerund after "in addition to" is an event, not a purpose
        (
            "Five rifles were seized in addition to detaining multiple suspected insurgents.",
            "detained",
            SEVERAL,
        ),
        # "them" counts the people named before, and "one other" adds to them
        (
            "A ground force discovered three additional wounded insurgents at the scene. "
            "The security force detained them along with one other insurgent.",
            "detained",
            4,
        ),
    ],
)
def test_count(text: str, kind: str, count: Any) -> None:
    assert _count(text, kind) == count


def test_pronoun_for_one_man_counts_one() -> None:
    assert _count("He was killed with aimed shots.", "killed") == 1


def test_verb_after_and_shares_the_subject() -> None:
    text = "The security force seized weapons, bomb making materials and detained two insurgents."
    claim = next(c for c in events(text) if "detained" in c.qualifiers)
    assert claim.subject_name == "The security force"


def test_target_spans_all_the_people_counted() -> None:
    claim = events("The force detained a Taliban facilitator along with one suspected insurgent.")[
        0
    ]
    assert claim.qualifiers["target"] == "a Taliban facilitator along with one suspected insurgent"


@pytest.mark.parametrize(
    "text",
    [
        "The assault force did not fire their weapons.",
        "The attack helicopters flew over the valley.",
        # an event word before a compound head ("making", "facilitator", "factory")
        "Rifles and bomb making material were seized.",
        "The leader is a known attack facilitator.",
        "Police found a bomb factory near the market.",
    ],
)
def test_event_noun_modifying_a_unit_is_no_event(text: str) -> None:
    assert not [c for c in events(text) if c.value == "ASSAULT"]


def test_seizing_and_detaining_are_two_acts() -> None:
    # COERCE's modes are separate acts: the detainees are the arrest's, not the seizure's
    text = "The security force seized weapons, bomb making materials and detained two insurgents."
    found = [c for c in events(text) if c.value == "COERCE"]
    assert [c.qualifiers["mode"] for c in found] == ["seize", "arrest"]
    assert "detained" not in found[0].qualifiers
    assert found[1].qualifiers["detained"] == 2
    assert found[1].qualifiers["target"] == "two insurgents"


def test_an_attack_told_with_its_means_stays_one_event() -> None:
    # ASSAULT's modes are means of one attack: "returned fire, killing" is one event
    found = events("The patrol returned fire and killed two insurgents.")
    assert [c.value for c in found] == ["ASSAULT"]
    assert found[0].qualifiers["killed"] == 2


def test_gerund_on_a_passive_with_no_agent_has_no_actor() -> None:
    # the rifles did not detain anyone; the release names nobody who did
    text = (
        "Five AK-47 assault rifles and bomb making material were seized in addition to "
        "detaining multiple suspected insurgents."
    )
    claim = next(c for c in events(text) if "detained" in c.qualifiers)
    assert claim.subject_name == ""
    assert claim.qualifiers["detained"] == SEVERAL


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the passive's subject is a man: he did it
        ("The insurgent was killed after attacking the patrol.", "The insurgent"),
        # the passive has an agent: the agent did it
        (
            "Weapons were seized by the security force while detaining two suspects.",
            "the security force",
        ),
    ],
)
def test_gerund_keeps_a_subject_or_agent_that_can_act(text: str, actor: str) -> None:
    claim = next(c for c in events(text) if c.qualifiers.get("trigger", "").endswith("ing"))
    assert claim.subject_name == actor


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        # an article before "additional", "estimated" does not count one person
        ("An additional 14 suspected insurgents were detained.", "detained", 14),
        ("An estimated 20 fighters were killed.", "killed", {"low": 18, "best": 20, "high": 22}),
        # people joined to a passive verb's subject after the verb
        ("The leader was detained along with three of his associates.", "detained", 4),
        ("The leader was detained with two other suspects.", "detained", 3),
        # ... but not things
        ("The insurgent was detained with his car.", "detained", 1),
        # "all four" points back and says how many
        ("The force attacked the insurgents, killing all four.", "killed", 4),
        ("The strike killed all three insurgents and two civilians.", "killed", 5),
        # a joiner after a comma; a phrase that is no count of people adds none
        ("The leader was detained, along with two other suspects.", "detained", 3),
        ("The leader was detained with the help of three local villagers.", "detained", 1),
        (
            "The leader was detained along with evidence implicating four other insurgents.",
            "detained",
            1,
        ),
    ],
)
def test_counts_around_articles_and_passive_joiners(text: str, kind: str, count: Any) -> None:
    assert _count(text, kind) == count


@pytest.mark.parametrize(
    ("text", "dangling"),
    [
        ("Rifles were seized in addition to detaining two suspects.", True),
        # an agent after "by" did it
        ("Rifles were seized by the patrol in addition to detaining two suspects.", False),
        # a named actor before the passive may have done it
        ("Jens Stoltenberg was seen there in addition to detaining two men.", False),
        # so may one named before the clause
        ("The patrol searched a house, where rifles were seized after detaining two men.", False),
    ],
)
def test_dangling_gerund(text: str, dangling: bool) -> None:
    from missionwatch.extract.events.clauses import dangling_gerund
    from missionwatch.extract.events.phrases import phrases as noun_phrases
    from missionwatch.extract.events.tokens import tokenize
    from missionwatch.extract.events.triggers import find_triggers

    tokens = tokenize(text)
    gerund = next(t for t in find_triggers(tokens) if t.form == "ing")
    phrases = noun_phrases(tokens, mentions_for(text))
    assert dangling_gerund(tokens, gerund, phrases) is dangling


def test_an_article_before_a_coordination_reaches_both_conjuncts() -> None:
    # "The facilitators and suspected insurgents": both point back, neither counts anew
    claims = events("The facilitators and suspected insurgents were detained.")
    assert claims and all("detained" not in c.qualifiers for c in claims)
