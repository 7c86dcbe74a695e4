"""Actor, recipient and target of an event: subjects, passives, nouns, coordination."""

from __future__ import annotations

import pytest
from test_events_support import events, first


@pytest.mark.parametrize(
    ("text", "category", "actor", "recipient"),
    [
        (
            "President Donald Trump urged NATO on Wednesday to do more.",
            "REQUEST",
            "person:donald-trump",
            "org:nato",
        ),
        (
            "The Iraqi parliament demanded the departure of foreign troops.",
            "REQUEST",
            "org:iq-parliament",
            None,
        ),
        (
            "Iran fired rockets at Iraqi bases the day before.",
            "ASSAULT",
            "country:IR",
            "country:IQ",
        ),
        (
            "A U.S. missile attack on Baghdad airport killed Qassem Soleimani.",
            "ASSAULT",
            "country:US",
            "person:qassem-soleimani",
        ),
        (
            "Qassem Soleimani was killed by a U.S. drone.",
            "ASSAULT",
            "country:US",
            "person:qassem-soleimani",
        ),
        ("Russia accused Ukraine of shelling the plant.", "ACCUSE", "country:RU", "country:UA"),
        (
            "In Kandahar province, the Taliban attacked an Afghan police post.",
            "ASSAULT",
            "org:taliban",
            "country:AF",
        ),
        ("Israel's attack on Lebanon drew criticism.", "ASSAULT", "country:IL", "country:LB"),
    ],
)
def test_actor_and_recipient(text: str, category: str, actor: str, recipient: str | None) -> None:
    claim = next(c for c in events(text) if c.value == category)
    assert claim.subject == actor
    assert claim.qualifiers.get("recipient") == recipient


@pytest.mark.parametrize(
    ("text", "subject_name"),
    [
        # no entity: the actor phrase is kept as the subject's name
        ("The security force detained two suspected insurgents.", "The security force"),
        (
            "During the operation, the security force returned fire, killing two insurgents.",
            "the security force",
        ),
        ("Several armed insurgents attacked the patrol.", "Several armed insurgents"),
    ],
)
def test_unlinked_actor_phrase(text: str, subject_name: str) -> None:
    claim = first(text)
    assert claim.subject == ""
    assert claim.subject_name == subject_name


def test_coordinated_verbs_share_the_actor() -> None:
    claims = events(
        "The security force killed two insurgents and detained one suspected insurgent."
    )
    assert [(c.value, c.subject_name) for c in claims] == [
        ("ASSAULT", "The security force"),
        ("COERCE", "The security force"),
    ]


def test_object_of_an_earlier_verb_is_not_the_actor() -> None:
    claim = next(
        c
        for c in events(
            "Coalition forces targeted a senior Taliban leader in the district, killing several insurgents."
        )
        if c.value == "ASSAULT"
    )
    assert claim.subject_name == "Coalition forces"


def test_passive_without_agent_has_no_actor() -> None:
    claim = first("Two soldiers were wounded in the blast.")
    assert claim.value == "ASSAULT"
    assert claim.subject == ""
    assert claim.qualifiers["injured"] == 2


def test_target_text_stops_at_a_time_expression() -> None:
    claim = first(
        "Iran fired rockets at Iraqi bases the day before.", {"the day before": "2020-01-07"}
    )
    assert claim.qualifiers["target"] == "Iraqi bases"


def test_trigger_and_recipient_as_written() -> None:
    claim = first("Iran fired rockets at Iraqi bases.")
    assert claim.qualifiers["trigger"] == "fired"
    assert (claim.qualifiers["recipient"], claim.qualifiers["recipient_name"]) == (
        "country:IQ",
        "Iraqi",
    )


def test_a_count_after_a_noun_starts_a_new_phrase() -> None:
    from missionwatch.extract.events.phrases import phrases
    from missionwatch.extract.events.tokens import tokenize

    tokens = tokenize("During the operation several insurgents presented a threat to the force.")
    texts = [p.text for p in phrases(tokens, [])]
    assert "several insurgents" in texts
    assert not any("operation several" in t for t in texts)
    # a count after "the", "than" or "and" stays in its phrase
    tokens = tokenize("The force killed more than 10 insurgents and the two men.")
    assert [p.text for p in phrases(tokens, [])] == ["The force", "10 insurgents and the two men"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # parties named by a common noun act too
        ("The two sides reaffirmed their commitment to cooperate.", "The two sides"),
        ("Both parties agreed to a ceasefire.", "Both parties"),
        ("The two delegations discussed trade.", "The two delegations"),
        # a plural of an actor term ("armies": army)
        ("Both armies must pull back from the border.", "Both armies"),
        # not an -s verb ("bombs", "patrols"): its subject stays the actor
        ("Israel bombs Hamas targets in Gaza.", "Israel"),
        ("The navy patrols the Strait of Hormuz.", "The navy"),
        # not a party set off by a comma after the actor, nor an indefinite one
        ("Hezbollah, a party backed by Iran, fired rockets at Israel.", "Hezbollah"),
        ("Iran and Iraq, the two countries at odds, agreed to hold talks.", "Iraq"),
    ],
)
def test_actors_named_by_common_nouns(text: str, actor: str) -> None:
    assert events(text)[0].subject_name == actor
