"""Which lexicon entry a matched word takes: a verb whose base and past forms are one word,
the entry whose object stands nearest, an entry whose required word stands before it."""

from __future__ import annotations

import pytest
from test_events_support import events, first


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # "cut", "shut", "hit" are base and past forms: the past one is tried too
        ("Britain cut its aid to Kenya.", "SANCTION"),
        ("The regime shut down the independent radio station.", "COERCE"),
        ("Rebel gunners hit the airport with rockets.", "ASSAULT"),
    ],
)
def test_base_and_past_forms_alike(text: str, category: str) -> None:
    assert first(text).value == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # two entries whose objects both stand after the verb: the nearer object decides
        ("The army evacuated thousands of civilians from the flooded area.", "AID"),
        ("The rebels evacuated the town after a week.", "RETREAT"),
    ],
)
def test_nearest_object_decides(text: str, category: str) -> None:
    assert first(text).value == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # irregular verbs of the lexicon inflect by the data file's table
        ("The minister told the rebels to lay down their weapons.", "REQUEST"),
        ("The opposition leader forgave his former rivals.", "SUPPORT"),
        ("The World Bank lent the country $300 million.", "AID"),
        ("The United States froze the assets of the regime.", "SANCTION"),
    ],
)
def test_irregular_forms(text: str, category: str) -> None:
    assert first(text).value == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # in the passive, the object a verb asks for stands before it, as its subject
        ("Thousands of troops were deployed along the border after the clashes.", "MOBILIZE"),
        ("All flights to the capital were suspended.", "SANCTION"),
        ("Two diplomats were expelled on Monday.", "SANCTION"),
    ],
)
def test_object_of_a_passive_verb_is_its_subject(text: str, category: str) -> None:
    assert first(text).value == category


def test_passive_subject_must_be_an_object_of_the_entry() -> None:
    # "deployed" asks for troops, ships...: "the plan was deployed" states no deployment
    assert [c.value for c in events("The new plan was deployed quickly.")] == []
