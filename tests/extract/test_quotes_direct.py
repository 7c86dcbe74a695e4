"""Direct quotes: cue after or before the marks, interrupted, over paragraphs, unbalanced,
dashes and transcripts; scare quotes and titles are not statements."""

from __future__ import annotations

import pytest
from tests.extract.quote_helpers import extract

from missionwatch.document import Quote


def summary(q: Quote) -> tuple[str, bool, str, str]:
    return q.text, q.direct, q.cue.text if q.cue else "", q.speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cue after the quote, both word orders
        ("“The mission will continue,” the minister said.",
         ("The mission will continue", True, "said", "the minister")),
        ("“The mission will continue,” said Defence Minister Ben Wallace.",
         ("The mission will continue", True, "said", "Ben Wallace")),
        ('"We are not leaving," Gen. Kenneth McKenzie told reporters in Baghdad.',
         ("We are not leaving", True, "told", "Kenneth McKenzie")),
        ("“Are the trainers safe?” asked Senator Jane Doe.",
         ("Are the trainers safe?", True, "asked", "Jane Doe")),
        # an appositive between the speaker and the cue
        ("“The alliance stands united,” Jens Stoltenberg, the NATO Secretary General, said.",
         ("The alliance stands united", True, "said", "Jens Stoltenberg")),
        ("“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch "
         "McConnell, R-Ky., said Tuesday.",
         ("Our assumption is that the veto will be overridden", True, "said", "Mitch McConnell")),
        # cue before the quote
        ("The general said: “Training will resume next week.”",
         ("Training will resume next week.", True, "said", "The general")),
        ("In a statement, the ministry said that “all foreign forces must leave.”",
         ("all foreign forces must leave.", True, "said", "the ministry")),
        ("Halvorsen told reporters at the Pentagon, “We will bring some forces home.”",
         ("We will bring some forces home.", True, "told", "Halvorsen")),
        ("According to the spokesman, “no decision has been taken.”",
         ("no decision has been taken.", True, "According to", "the spokesman")),
        ("Said Ellis: “I don’t see any plan for the withdrawal.”",
         ("I don’t see any plan for the withdrawal.", True, "Said", "Ellis")),
        # a name after a dash, alone on its line
        ("“The deployment is a mistake.” ― Maria Lopez\n",
         ("The deployment is a mistake.", True, "―", "Maria Lopez")),
        # quoted words inside a reported clause: the clause is the content, not direct
        ("The move can only be done “with the consent of the Iraqis”, he added.",
         ("The move can only be done “with the consent of the Iraqis”", False, "added", "")),
    ],
)
def test_direct(text: str, expected: tuple[str, bool, str, str]) -> None:
    found = extract(text)
    assert len(found) == 1
    assert summary(found[0]) == expected


def test_odd_spacing_before_the_cue() -> None:
    found = extract("“We can do more in Iraq, ”said Halvorsen at a press conference.")
    assert summary(found[0]) == ("We can do more in Iraq", True, "said", "Halvorsen")


def test_interrupted_quote_shares_cue_and_speaker() -> None:
    found = extract("“We will stay,” she said. “And we will train the Iraqi army.”")
    assert [summary(q) for q in found] == [
        ("We will stay", True, "said", ""),
        ("And we will train the Iraqi army.", True, "said", ""),
    ]
    assert found[0].cue == found[1].cue
    assert found[0].speaker_span == found[1].speaker_span


def test_interrupted_with_comma_and_long_appositive() -> None:
    text = ("“These are strange days,” said Peter Morgan, a lawyer for the Sierra Club, who has "
            "followed the mission for years. “I am skeptical it can work.”")
    found = extract(text)
    assert [(q.text, q.speaker) for q in found] == [
        ("These are strange days", "Peter Morgan"),
        ("I am skeptical it can work.", "Peter Morgan"),
    ]


def test_quote_over_two_paragraphs() -> None:
    text = ("NATO defence ministers met in Brussels.\n\n"
            "“We will expand the training mission.\n\n"
            "“But only with the consent of the Iraqi government,” Halvorsen said.")
    found = extract(text)
    assert len(found) == 1
    assert found[0].text.startswith("We will expand the training mission.")
    assert found[0].text.endswith("consent of the Iraqi government")
    assert found[0].speaker == "Halvorsen"


def test_quote_paragraph_continues_the_previous_speaker() -> None:
    text = ("“The coalition will hand over the training,” Halvorsen said.\n\n"
            "“Several allies supported the decision to do more.”")
    found = extract(text)
    assert [q.speaker for q in found] == ["Halvorsen", "Halvorsen"]
    assert found[1].cue == found[0].cue


def test_unbalanced_mark_loses_only_its_own_paragraph() -> None:
    text = ("The minister said: “The trainers will stay.\n\n"
            "The parliament voted on Sunday.\n\n"
            "“We respect the vote,” the ambassador said.")
    found = extract(text)
    assert [summary(q) for q in found] == [
        ("The trainers will stay.", True, "said", "The minister"),
        ("We respect the vote", True, "said", "the ambassador"),
    ]


def test_line_separators_end_paragraphs() -> None:
    text = ("Troops cleared the valley.\u2028\u2028“The operation went well,” said Lt.Col. "
            "Ian Reed, the chief of operations.\u2028“We found no civilians.")
    found = extract(text)
    # the unclosed quote ends at its line separator and continues the speaker before it
    assert [(q.text, q.speaker) for q in found] == [("The operation went well", "Ian Reed"),
                                                    ("We found no civilians.", "Ian Reed")]


def test_colon_at_the_end_of_the_previous_paragraph() -> None:
    found = extract("The president said:\n\n“We have a situation where troops are needed.”")
    assert summary(found[0]) == ("We have a situation where troops are needed.", True, "said",
                                 "The president")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("SECRETARY AUSTIN: Good afternoon. We will keep our commitments to Iraq.",
         "AUSTIN", "Good afternoon. We will keep our commitments to Iraq."),
        ("Q: Mr. Secretary, will the troops leave this year?",
         "Q", "Mr. Secretary, will the troops leave this year?"),
    ],
)
def test_transcript_lines(text: str, speaker: str, content: str) -> None:
    found = extract(text)
    assert [(q.speaker_span.text if q.speaker_span else "", q.text) for q in found] == [
        (speaker, content)]
    assert found[0].cue is not None
    assert found[0].cue.text == ":"


@pytest.mark.parametrize(
    "text",
    [
        # scare quotes and short quoted phrases with no cue
        "The so-called “train and equip” programme was expanded last year.",
        "The plan was seen as “ambitious” in private.",
        # titles
        "He appeared on “Fox News Sunday” to discuss the mission.",
        "The report, “Iraq After the Coalition”, was published on Monday.",
        # labels are not speakers
        "Photo: Soldiers train at Camp Taji in Iraq.",
        "Editor’s note: This story was updated with the ministry's response.",
    ],
)
def test_not_statements(text: str) -> None:
    assert extract(text) == []
