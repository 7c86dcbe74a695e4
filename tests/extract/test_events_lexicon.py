"""The wider trigger lexicon (general verbs of each PLOVER category, from the PLOVER
manual's definitions and the CAMEO-to-PLOVER table) and the rules that decide whether a
matched word states an event."""

from __future__ import annotations

import pytest
from test_events_support import events, first


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Police dispersed the demonstrators with tear gas.", "ASSAULT"),
        ("The navy sank two fishing boats.", "ASSAULT"),
        ("Militants shot down a helicopter near the border.", "ASSAULT"),
        ("The army rounded up dozens of opposition activists.", "COERCE"),
        ("The junta dissolved the parliament.", "COERCE"),
        ("Troops were put on alert along the frontier.", "MOBILIZE"),
        ("The rebels vacated their positions in the north.", "RETREAT"),
        ("The rebels freed two British hostages.", "RETREAT"),
        ("Japan extended a loan to Indonesia.", "AID"),
        ("Germany sent peacekeepers to Kosovo.", "AID"),
        ("The minister resigned on Friday.", "RETREAT"),
        ("The government bowed to pressure from the unions.", "CONCEDE"),
        ("The opposition lashed out at the president.", "ACCUSE"),
        ("The general was found guilty of treason.", "ACCUSE"),
        ("The rebels defied the order.", "REJECT"),
        ("The Palestinians reject the proposal.", "REJECT"),
        ("Thousands chanted slogans outside the embassy.", "PROTEST"),
        ("Soldiers mutinied in the northern garrison.", "PROTEST"),
        ("The president received the Chinese delegation.", "CONSULT"),
        ("The foreign minister left for Moscow on Monday.", "CONSULT"),
        ("Egypt called off the talks with Israel.", "SANCTION"),
        ("The leaders expressed hope for a settlement.", "AGREE"),
        ("The president expressed condolences to the families.", "SUPPORT"),
        ("The two agencies joined forces against smuggling.", "COOPERATE"),
        ("The rebels issued an ultimatum to the government.", "THREATEN"),
    ],
)
def test_category(text: str, category: str) -> None:
    assert first(text).value == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a verb that asks for the infinitive after it: the infinitive is the event
        ("The government ordered the newspaper to suspend publication.", "COERCE"),
        ("North Korea has tried to hack into the army's computers.", "COERCE"),
    ],
)
def test_infinitive_after_a_control_verb_is_an_event(text: str, category: str) -> None:
    assert [c.value for c in events(text)] == [category]


def test_infinitive_of_purpose_after_a_noun_is_not() -> None:
    text = "The security force conducted an operation to detain a Taliban leader."
    assert not [c for c in events(text) if c.value == "COERCE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nothing else matched: a verb is taken without the object its entry asks for
        ("The attacker stabbed a policeman.", ["ASSAULT"]),
        # ... but not a verb that counts people, nor a very general one
        ("The force took them.", []),
        ("The minister told reporters about it.", []),
    ],
)
def test_backoff(text: str, expected: list[str]) -> None:
    assert [c.value for c in events(text)] == expected


def test_backoff_only_where_nothing_else_matched() -> None:
    claims = events("The attacker stabbed a policeman and the police arrested the man.")
    assert [c.value for c in claims] == ["COERCE"]


def test_a_phrase_listed_twice_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from missionwatch.errors import VocabularyError
    from missionwatch.extract.events import lexicon as module

    data = module._load()
    data["categories"]["ASSAULT"]["triggers"].append({"phrases": ["opened fire"], "mode": "kill"})
    monkeypatch.setattr(module, "_load", lambda: data)
    with pytest.raises(VocabularyError, match="'opened fire' is listed twice"):
        module.lexicon.__wrapped__()
