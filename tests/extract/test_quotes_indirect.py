"""Reported (indirect) speech: that-clauses, bare clauses, "according to", "told
reporters", reporting clauses after the content, parentheticals and participles."""

from __future__ import annotations

import pytest
from tests.extract.quote_helpers import extract as extract_quotes

from missionwatch.document import Quote


def extract(text: str) -> list[Quote]:
    found = extract_quotes(text)
    for q in found:
        assert not q.direct
    return found


def summary(q: Quote) -> tuple[str, str, str]:
    return q.text, q.cue.text if q.cue else "", q.speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # speech verb + that-clause (the content leaves "that" out)
        ("Halvorsen said that all coalition activities would be coordinated with Baghdad.",
         ("all coalition activities would be coordinated with Baghdad", "said", "Halvorsen")),
        ("The minister added that the details would be discussed in Munich on Friday.",
         ("the details would be discussed in Munich on Friday", "added", "The minister")),
        ("The defence ministry announced that 500 troops would deploy to Kuwait.",
         ("500 troops would deploy to Kuwait", "announced", "The defence ministry")),
        # a bare clause after "say"-type verbs
        ("Halvorsen said training activities in Iraq will resume as soon as possible.",
         ("training activities in Iraq will resume as soon as possible", "said", "Halvorsen")),
        ("Officials said the base came under rocket fire overnight.",
         ("the base came under rocket fire overnight", "said", "Officials")),
        # adverbials between cue and content
        ("The spokesman said on Thursday that the convoy had reached Erbil.",
         ("the convoy had reached Erbil", "said", "The spokesman")),
        ("The ministry said in a statement that the talks would continue.",
         ("the talks would continue", "said", "The ministry")),
        # tell + addressee
        ("Halvorsen told reporters that the mission would not grow.",
         ("the mission would not grow", "told", "Halvorsen")),
        ("Halvorsen told reporters the mission would not grow.",
         ("the mission would not grow", "told", "Halvorsen")),
        ("The commander told co-host Ann Lee that the drills had ended.",
         ("the drills had ended", "told", "The commander")),
        # urge + addressee + to-infinitive
        ("The president urged NATO on Monday to step up its engagement in the region.",
         ("to step up its engagement in the region", "urged", "The president")),
        # the reporting clause after the content
        ("The Department of Defense expects the NATO presence to grow, Secretary of Defense "
         "Mark Lund said.",
         ("The Department of Defense expects the NATO presence to grow", "said", "Mark Lund")),
        ("The convoy was attacked near Basra, the ministry said in a statement.",
         ("The convoy was attacked near Basra", "said", "the ministry")),
        ("The talks did not go well and the meeting ended early, said one official in the room.",
         ("The talks did not go well and the meeting ended early", "said", "one official")),
        # "according to", after and before the content
        ("Some 500 trainers will join the mission, according to the defence ministry.",
         ("Some 500 trainers will join the mission", "according to", "the defence ministry")),
        ("According to the spokesman, no decision has been taken on the drawdown.",
         ("no decision has been taken on the drawdown", "According to", "the spokesman")),
        ("About 4,000 troops remain in the country, according to federal statistics.",
         ("About 4,000 troops remain in the country", "according to", "federal statistics")),
        # a participle takes the sentence's subject
        ("The minister defended the decision, saying the trainers were needed in Baghdad.",
         ("the trainers were needed in Baghdad", "saying", "The minister")),
        # a progressive form
        ("The White House is saying that the drawdown will start in May.",
         ("the drawdown will start in May", "saying", "White House")),
    ],
)
def test_indirect(text: str, expected: tuple[str, str, str]) -> None:
    found = extract(text)
    assert [summary(q) for q in found] == [expected]


def test_parenthetical_cue_splits_the_content_in_two() -> None:
    found = extract("The museum, the minister said, would open to visitors in May.")
    assert [q.text for q in found] == ["The museum", "would open to visitors in May"]
    assert found[0].cue == found[1].cue
    assert found[0].speaker == "the minister"


def test_opening_adjunct_is_not_content() -> None:
    found = extract("During his years in office, the general said, the army grew stronger.")
    assert [q.text for q in found] == ["the army grew stronger"]


def test_report_inside_a_report_keeps_both() -> None:
    found = extract("A reduction of forces would allow a shift to Asia, according to the "
                    "National Defense Strategy, he added.")
    assert {(q.cue.text if q.cue else "", q.text) for q in found} == {
        ("according to", "A reduction of forces would allow a shift to Asia"),
        ("added", "A reduction of forces would allow a shift to Asia, according to the "
                  "National Defense Strategy"),
    }


def test_content_ends_before_a_closing_reporting_clause() -> None:
    found = extract("Clinton had told police that she did not want the escort, the source added.")
    by_cue = {q.cue.text if q.cue else "": q.text for q in found}
    assert by_cue["added"] == "Clinton had told police that she did not want the escort"
    assert by_cue["told"] == "she did not want the escort"


@pytest.mark.parametrize(
    "text",
    [
        # a noun-phrase object is an event, not a statement
        "NATO announced the deployment of a new training team.",
        "The minister explained the mission to the committee.",
        "He mentioned the convoy.",
        # nouns that look like speech verbs
        "The reports were published on Monday and the claims were denied.",
        "His remarks drew criticism from the opposition.",
        # passive and questions
        "The soldiers were told to stay on the base.",
        "It is not clear what the minister said.",
        # nothing reported
        "The minister said nothing.",
        # a speech noun as the subject of a verb; a set phrase with a noun object
        "Initial reports indicate three insurgents were killed.",
        "He openly claimed responsibility for the attack on the convoy which killed two guards.",
    ],
)
def test_not_statements(text: str) -> None:
    assert extract(text) == []
