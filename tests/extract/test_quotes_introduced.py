"""Direct quotes introduced without the usual "X said": a colon, a speaker label as press
releases list reactions, "quoted as saying", "as X put it", a quote after a sentence of
reported speech, and continuations a title or an unclosed mark used to break."""

from __future__ import annotations

import pytest
from tests.extract.quote_helpers import extract

from missionwatch.document import Quote


def summary(q: Quote) -> tuple[str, bool, str, str]:
    return q.text, q.direct, q.cue.text if q.cue else "", q.speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a colon after a clause whose subject is a speaker
        ("The minister was blunt: “We will not leave Iraq.”",
         [("We will not leave Iraq.", True, ":", "The minister")]),
        ("On July 6, 2015, Halvorsen made the following comment:\n\n"
         "“The unemployment rate is 33 percent.”",
         [("The unemployment rate is 33 percent.", True, ":", "Halvorsen")]),
        # a one-word answer after a speech verb is not a title
        ("Asked whether NATO would leave, Halvorsen replied: “No.”",
         [("No.", True, "replied", "Halvorsen")]),
        # a label naming the speaker, also as a link in converted HTML
        ("Sen. Mike Crapo: “The first 100 days were a success.”",
         [("The first 100 days were a success.", True, ":", "Mike Crapo")]),
        ("[National Mining Association President and CEO Rich\nNolan](https://nma.org/a):\n"
         "“We urge the House to pass this bill.”",
         [("We urge the House to pass this bill.", True, ":", "Rich Nolan")]),
        # "quoted as saying", "as X put it", "said of"
        ("“We have solved them all,” Yeltsin was quoted as saying by the news agency.",
         [("We have solved them all", True, "was quoted as saying", "Yeltsin")]),
        ("As one analyst put it, “This is a time bomb.”",
         [("This is a time bomb.", True, "put it", "one analyst")]),
        ("Halvorsen said of the museum, “I haven't seen it yet.”",
         [("I haven't seen it yet.", True, "said", "Halvorsen")]),
        # an inverted cue with a long appositive, then the colon
        ("Says Michael Hirsch, chief investment officer of Republic National Bank: "
         "“It's a time bomb.”",
         [("It's a time bomb.", True, "Says", "Michael Hirsch")]),
    ],
)
def test_introduced_quotes(text: str, expected: list[tuple[str, bool, str, str]]) -> None:
    assert [summary(q) for q in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the cue's subordinate clause or relative clause does not start a new report
        ("“That matter is under review,” Omar Haddad said when asked about it. “We will look "
         "at that.”", ["Omar Haddad", "Omar Haddad"]),
        ("“Saddam is finished,” says Ann Kirk, a scholar who has written about Iraq. “These "
         "guys do not retire.”", ["Ann Kirk", "Ann Kirk"]),
        # a title inside the attribution does not end the quote
        ("“This is child abuse,” Tom Reed said on CBS's “60 Minutes.” “The way they're "
         "abusing him is wrong.”", ["Tom Reed", "Tom Reed"]),
        # a second opener where a closer was missing
        ("Replied spokesman Richard Boucher, “We have not analyzed the statement. “We believe "
         "his words cannot distract the world.”", ["Richard Boucher", "Richard Boucher"]),
        # a quote right after a sentence of reported speech
        ("Mr. Price said restructuring would be a question of strategy. “We don't need the "
         "cash.”", ["Price", "Price"]),
        # “…” the clause runs on, said X.
        ("“It's high time” the boy was sent home, said Wayne Smith, a former adviser. “This "
         "was a simple custody case.”", ["Wayne Smith", "Wayne Smith"]),
    ],
)
def test_continuations(text: str, speakers: list[str]) -> None:
    assert [q.speaker for q in extract(text)] == speakers


@pytest.mark.parametrize(
    "text",
    [
        # a colon after a sentence whose subject is no speaker
        "The challenge of transparency is exemplified by this finding: “27 companies reported "
        "16,389 subsidiaries.”",
        "Partial transcript as follows:\n\n“Let's start with the news of the day.”",
        # a label is no speaker, nor is a sentence ending in a colon
        "Update: “The base is secure,” according to nobody in particular.\n\nRead more here:",
    ],
)
def test_colons_that_introduce_no_speaker(text: str) -> None:
    assert [q for q in extract(text) if q.cue and q.cue.text == ":"] == []
