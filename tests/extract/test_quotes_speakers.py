"""Speakers: names with titles, inversion, appositives, pronouns and role nouns resolved to
the person named before, organisations; the text-only fallback (no mentions step)."""

from __future__ import annotations

import pytest

from missionwatch.document import Document, Mention, Quote
from missionwatch.extract.steps.quotes import quotes
from missionwatch.extract.steps.sentences import sentences


def extract(text: str, mentions: list[Mention] | None = None) -> list[Quote]:
    doc = Document(id="t", text=text)
    sentences(doc)
    doc.mentions = mentions or []
    quotes(doc)
    return doc.quotes


def speakers(text: str) -> list[tuple[str, str]]:
    """(speaker, speaker_span text) of each statement, in text order."""
    return [(q.speaker, q.speaker_span.text if q.speaker_span else "") for q in extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # title + name: the name is the speaker
        ("Alliance Secretary General Ola Berg said the mission would grow.",
         [("Ola Berg", "Ola Berg")]),
        ("Secretary of Defense Mark Lund said the troops would come home.",
         [("Mark Lund", "Mark Lund")]),
        ("“We stay,” Rep. Ann Kirk (D-Md.) said.", [("Ann Kirk", "Ann Kirk")]),
        ("“We stay,” said Rep. Ann Kirk of Maryland, the panel's top Democrat.",
         [("Ann Kirk", "Ann Kirk")]),
        # a surname after the full name takes the full name
        ("Ola Berg said the mission would grow. “It is necessary,” said Berg.",
         [("Ola Berg", "Ola Berg"), ("Ola Berg", "Berg")]),
        # organisations speak
        ("The ministry said the convoy had been attacked.", [("The ministry", "The ministry")]),
        ("“The base is secure,” the Joint Command said in a statement.",
         [("Joint Command", "Joint Command")]),
        # unnamed sources stay as they are written
        ("A senior official said the talks had failed.",
         [("A senior official", "A senior official")]),
        ("“Nothing was decided,” two diplomats said.", [("two diplomats", "two diplomats")]),
    ],
)
def test_speaker(text: str, expected: list[tuple[str, str]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun takes the nearest person named as a speaker before it
        ("Ola Berg said the mission would grow. He added that no new troops would deploy.",
         [("Ola Berg", "Ola Berg"), ("Ola Berg", "He")]),
        ("“We stay,” said Ola Berg. “We train,” he said.",
         [("Ola Berg", "Ola Berg"), ("Ola Berg", "he")]),
        # ... or a titled person named in the text just before
        ("Gen. Omar Haddad visited the base on Monday. “The training works,” he said.",
         [("Omar Haddad", "he")]),
        # gender from titles picks the right person
        ("Mrs. Ann Kirk met Mr. Tom Reed. “We agree,” he said. “We do,” she said.",
         [("Tom Reed", "he"), ("Ann Kirk", "she")]),
        # "it" refers to an organisation
        ("The ministry said the base was secure. It added that the convoy had left.",
         [("The ministry", "The ministry"), ("The ministry", "It")]),
        # a definite role noun takes the person who held that title
        ("Secretary General Ola Berg arrived in Baghdad. The secretary general said the mission "
         "would grow.",
         [("Ola Berg", "The secretary general")]),
    ],
)
def test_pronouns_and_roles(text: str, expected: list[tuple[str, str]]) -> None:
    assert speakers(text) == expected


def test_unresolved_pronoun_keeps_its_span() -> None:
    found = extract("“We will stay,” he said.")
    assert found[0].speaker == ""
    assert found[0].speaker_span is not None
    assert found[0].speaker_span.text == "he"


def test_mentions_win_when_present() -> None:
    text = "“We will stay,” he said."
    he = text.index("he said")
    mention = Mention(he, he + 2, "he", "person:ola-berg", "person", "Ola Berg", "pronoun")
    found = extract(text, [mention])
    assert (found[0].speaker, found[0].speaker_entity) == ("Ola Berg", "person:ola-berg")
    assert found[0].speaker_span is not None
    assert found[0].speaker_span.text == "he"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the kind of source, for claims to skip documents and unnamed sources
        ("Ola Berg said the strike was defensive.", ["person"]),
        ("Ola Berg said the strike was over. He added that NATO would stay.",
         ["person", "person"]),
        ("“The base is secure,” the Joint Command said.", ["organisation"]),
        ("The ministry said the convoy had been attacked.", ["organisation"]),
        ("According to the National Defense Strategy, China is the pacing threat.",
         ["document"]),
        ("A Pentagon report found that the base had been poorly defended.", ["document"]),
        ("“The strike was defensive,” the statement said.", ["document"]),
        ("A senior official said the talks had failed.", ["unnamed"]),
        ("Officials said the strike was defensive.", ["unnamed"]),
        ("“We will stay,” he said.", ["unnamed"]),  # a pronoun with no one to refer to
        ("It was reported that the strike killed three soldiers.", ["unnamed"]),
    ],
)
def test_speaker_type(text: str, expected: list[str]) -> None:
    found = extract(text)
    assert [q.speaker_type for q in found] == expected
    assert [q.to_dict()["speaker_type"] for q in found] == expected


def test_relative_pronoun_is_the_span_and_its_antecedent_the_speaker() -> None:
    found = extract("Rep. Ann Kirk, who chairs the panel, said the base was secure. Ola Berg, "
                    "who visited it, said the base was secure.")
    assert [(q.speaker, q.speaker_span.text if q.speaker_span else "") for q in found] == [
        ("Ann Kirk", "Ann Kirk"), ("Ola Berg", "Ola Berg")]
    found = extract("The talks failed, said Tom Reed, who then said the troops would leave.")
    assert [(q.speaker, q.speaker_span.text if q.speaker_span else "") for q in found] == [
        ("Tom Reed", "Tom Reed"), ("Tom Reed", "who")]


def test_a_role_before_a_name_in_commas_takes_the_name() -> None:
    found = extract("“We will stay,” Clinton's campaign manager, Robby Mook, told reporters.")
    assert [(q.text, q.speaker) for q in found] == [("We will stay", "Robby Mook")]
