"""The main event of a sentence: not one told in a relative clause or in a subordinate
clause or phrase put before the main clause."""

from __future__ import annotations

import pytest
from test_events_support import make_doc

from missionwatch.extract.events import event_claims, find_events
from missionwatch.extract.events.salience import main_event


def _main(text: str) -> str | None:
    """The main event's category, as the claims mark it (and as ``main_event`` picks it)."""
    doc = make_doc(text)
    ev = main_event(find_events(doc), doc.text)
    claims = event_claims(make_doc(text))
    first = claims[0].source.start if claims else -1
    main = [c for c in claims if c.source.start == first and not c.qualifiers.get("background")]
    assert (main[0].value if main else None) == (ev.category if ev is not None else None)
    return ev.category if ev is not None else None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a relative clause set off by commas
        ("The rebel leader, who was arrested in May, called for new elections.", "REQUEST"),
        # a fronted adverbial clause or phrase
        ("After the bombing of the embassy, the government imposed a curfew.", "COERCE"),
        ("Following clashes in the north, the army withdrew from the town.", "RETREAT"),
        ("With the signing of the accord, the two sides agreed to exchange prisoners.", "AGREE"),
        # a clause after the main one: the first event is the main one anyway
        ("The army imposed a curfew after protesters attacked a police station.", "COERCE"),
        # a clause before ", and" is no fronted phrase; a count is no preposition
        ("On the same day an air strike killed five insurgents, and troops left.", "ASSAULT"),
        ("At least 12 people were killed, and police arrested 20 protesters.", "ASSAULT"),
        # every event in the background: the first one
        ("After the attack, which killed four, nothing was said.", "ASSAULT"),
    ],
)
def test_main_event(text: str, category: str) -> None:
    assert _main(text) == category


def test_no_event() -> None:
    assert _main("The weather was fine.") is None


def test_claims_mark_the_background() -> None:
    claims = event_claims(make_doc("After the bombing of the embassy, the government imposed a curfew."))
    marks = [(c.value, bool(c.qualifiers.get("background"))) for c in claims]
    assert ("COERCE", False) in marks
    assert all(background for value, background in marks if value != "COERCE")
    assert any(background for _, background in marks)
    # one event alone is never background
    (alone,) = event_claims(make_doc("The government imposed a curfew."))
    assert "background" not in alone.qualifiers
