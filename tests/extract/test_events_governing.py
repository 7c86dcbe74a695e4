"""Governing triggers and the act they govern: a verb of commitment takes its category
from that act, and a weak verb keeps an event noun that is its object."""

from __future__ import annotations

import pytest
from test_events_support import first


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The two leaders vowed to cooperate against drug trafficking.", "AGREE"),
        ("The donors pledged to provide food aid to the region.", "AGREE"),
        ("The general pledged to crush the rebellion.", "THREATEN"),
        ("The rebels swore to continue fighting until the army left.", "THREATEN"),
        ("The militia vowed to attack the capital.", "THREATEN"),
        # nothing governed: the verb keeps its own category
        ("The president promised sweeping reforms.", "AGREE"),
        ("The rebels vowed revenge.", "THREATEN"),
    ],
)
def test_commitment_takes_the_category_of_its_act(text: str, category: str) -> None:
    assert first(text).value == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a weak governing verb keeps the event noun that is its object
        ("The party opposed the deployment of foreign troops.", "REJECT"),
        ("The European Union welcomed the ceasefire between the two sides.", "SUPPORT"),
        # a strong trigger elsewhere in the clause still wins over a weak verb
        ("Police backed by soldiers arrested forty protesters.", "COERCE"),
    ],
)
def test_weak_verb_keeps_its_object_noun(text: str, category: str) -> None:
    assert first(text).value == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # "must" states a demand and governs the act demanded, whatever that act is
        ("The bishops said the government must release the detainees.", "REQUEST"),
        ("Washington said the militia must disarm before the vote.", "REQUEST"),
        ("The council said both armies must pull back from the border.", "REQUEST"),
    ],
)
def test_must_is_a_demand_governing_its_act(text: str, category: str) -> None:
    assert first(text).value == category


@pytest.mark.parametrize(
    ("text", "category", "modality", "killed"),
    [
        ("Iran must withdraw its forces from the border.", "REQUEST", "asserted", None),
        # "must have" guesses at what happened: no demand, and no fact either
        ("He must have been killed in the blast.", "ASSAULT", "expected", 1),
        ("Two soldiers must also have been killed in the blast.", "ASSAULT", "expected", 2),
    ],
)
def test_must_demands_but_must_have_guesses(
    text: str, category: str, modality: str, killed: int | None
) -> None:
    claim = first(text)
    assert (claim.value, claim.modality, claim.qualifiers.get("killed")) == (
        category,
        modality,
        killed,
    )
