"""Reported speech in the genre's forms: settings and addressees before "that", promises
and demands, findings of documents, "called X Y", "as X pointed out", "it was reported",
subjects in relative clauses and asides, and where a content ends."""

from __future__ import annotations

import pytest
from tests.extract.quote_helpers import extract

from missionwatch.document import Quote


def summary(q: Quote) -> tuple[str, str, str]:
    return q.text, q.cue.text if q.cue else "", q.speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what may stand between the verb and "that"
        ("The ministry said in a statement on Monday that the strike was defensive.",
         ("the strike was defensive", "said", "The ministry")),
        ("Spokeswoman Ann Kirk said via email that the campaign would respond.",
         ("the campaign would respond", "said", "Ann Kirk")),
        ("Tom Reed warned voters that the vote would be close.",
         ("the vote would be close", "warned", "Tom Reed")),
        ("Several experts cautioned, as did the campaign itself, that the plan might change.",
         ("the plan might change", "cautioned", "Several experts")),
        ("Companies and individuals complain bitterly that taxes are too high.",
         ("taxes are too high", "complain", "Companies and individuals")),
        # commitments and demands
        ("Halvorsen vowed to bring the troops home before the winter.",
         ("to bring the troops home before the winter", "vowed", "Halvorsen")),
        ("The alliance called for an immediate ceasefire in the north.",
         ("an immediate ceasefire in the north", "called for", "The alliance")),
        ("Halvorsen called the strike a clear violation of the truce.",
         ("the strike a clear violation of the truce", "called", "Halvorsen")),
        ("Officials described the plan as “ambitious” in private.",
         ("the plan as “ambitious” in private", "described", "Officials")),
        ("Moscow accused the alliance of provoking the crisis.",
         ("the alliance of provoking the crisis", "accused", "Moscow")),
        # findings of documents and bodies
        ("A Pentagon report found that the base had been poorly defended.",
         ("the base had been poorly defended", "found", "A Pentagon report")),
        # "as X pointed out, …" and the impersonal passive
        ("As many experts have pointed out, the mission is free to expand.",
         ("the mission is free to expand", "pointed out", "many experts")),
        ("It was reported that the strike killed three soldiers.",
         ("the strike killed three soldiers", "reported", "")),
        # subjects read over relative clauses, asides and time adverbials
        ("McConnell, who in 2010 said the goal was to win, is silent now.",
         ("the goal was to win", "said", "McConnell")),
        ("Kall -- co-editor of a book on the debates -- said the candidate liked surprises.",
         ("the candidate liked surprises", "said", "Kall")),
        ("Sanders on Tuesday said he wants to close four loopholes.",
         ("he wants to close four loopholes", "said", "Sanders")),
        ("However, growth is being offset by faster improvements, the IMF said.",
         ("growth is being offset by faster improvements", "said", "IMF")),
        # a quote right after the verb
        ("Bush said, “I did not come away with any hope” that Iraq would withdraw.",
         ("“I did not come away with any hope” that Iraq would withdraw", "said", "Bush")),
    ],
)
def test_reported(text: str, expected: tuple[str, str, str]) -> None:
    found = extract(text)
    assert [summary(q) for q in found] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second report of the same speaker ends the first content
        ("Halvorsen said the troops would stay, but insisted, “The purpose is training.”",
         [("the troops would stay", "said", "Halvorsen"),
          ("The purpose is training.", "insisted", "Halvorsen")]),
        # ... and so does another speaker's report
        ("Halvorsen has vowed to keep the base, and Kirk is promising to close it.",
         [("to keep the base", "vowed", "Halvorsen"), ("to close it", "promising", "Kirk")]),
        # a content that is itself a report keeps it
        ("He notes that the commission announced that there was an issue with the sound.",
         [("the commission announced that there was an issue with the sound", "notes", ""),
          ("there was an issue with the sound", "announced", "the commission")]),
        # "federal and state law" is no second report
        ("It says the campaign violated federal and state law by using the images.",
         [("the campaign violated federal and state law by using the images", "says", "")]),
    ],
)
def test_where_a_content_ends(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [summary(q) for q in extract(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # an adjunct before ", X said" is no content
        "After a two-hour meeting with the king, Bush said nothing.",
        # "found" by a person is no report, "called" as a participle no cue
        "He found the keys in the car that the minister had parked outside.",
        "His nonprofit group, called the Legacy Fund, will still own the property.",
        "She called into the radio program when she was home sick with pneumonia.",
        "The groups appealed the case to the Sixth Circuit after the court ruled.",
    ],
)
def test_not_reports(text: str) -> None:
    assert extract(text) == []
