"""Quote-mark pairing: straight, curly, over paragraphs, unbalanced, odd spacing."""

from __future__ import annotations

import pytest

from missionwatch.extract.quotes.marks import pair_marks


def contents(text: str) -> list[str]:
    return [text[p.start:p.end] for p in pair_marks(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # straight and curly marks; the content has no marks and no trailing comma
        ('"We are ready," he said.', ["We are ready"]),
        ("“We are ready,” he said.", ["We are ready"]),
        ("„Wir sind bereit“, sagte er.", ["Wir sind bereit"]),
        ("«Nous sommes prêts», a-t-il dit.", ["Nous sommes prêts"]),
        # two apostrophes used as quote marks (newspaper archives)
        ("''We are ready,'' he said.", ["We are ready"]),
        # odd spacing from real copy: the closer has a space before and none after
        ("“This will take over the training, ”said Stoltenberg.", ["This will take over the training"]),
        ("“We stay as long as we are welcome, ”he said.", ["We stay as long as we are welcome"]),
        # a quote over several sentences
        ("“We will stay. We will train. We will leave,” he said.",
         ["We will stay. We will train. We will leave"]),
        # interrupted quote: two pairs
        ("“First,” he said, “we train.”", ["First", "we train."]),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_quote_continues_into_the_next_paragraph_that_opens_with_a_mark() -> None:
    text = "“We will stay in Iraq.\n\n“And we will train its army,” he said."
    pairs = pair_marks(text)
    assert len(pairs) == 1
    assert text[pairs[0].start:pairs[0].end] == (
        "We will stay in Iraq.\n\n“And we will train its army")
    assert pairs[0].paragraphs == 2


def test_unclosed_quote_is_closed_at_its_paragraph_end_and_the_rest_is_kept() -> None:
    text = ("He said: “We will stay in Iraq.\n\nThe ministers met on Friday.\n\n"
            "“Training will resume,” Stoltenberg said.")
    pairs = pair_marks(text)
    assert [text[p.start:p.end] for p in pairs] == ["We will stay in Iraq.", "Training will resume"]
    assert pairs[0].recovered
    assert not pairs[1].recovered


def test_a_second_opener_closes_the_first_quote() -> None:
    text = "“We will stay. “Training will resume,” he said."
    assert contents(text) == ["We will stay.", "Training will resume"]


def test_a_stray_closer_costs_nothing_else() -> None:
    text = "The vote was 12 to 3.” Then: “We will stay,” he said."
    assert contents(text) == ["We will stay"]


def test_straight_and_curly_paragraphs_do_not_continue_each_other() -> None:
    text = '"Kevin was snoring.\n\n“Here he is,” she said.'
    assert contents(text) == ["Kevin was snoring.", "Here he is"]


def test_british_single_quotes_when_no_double_marks() -> None:
    text = "‘NATO’s mission will go on,’ the minister said. ‘We don’t leave.’"
    assert contents(text) == ["NATO’s mission will go on", "We don’t leave."]


def test_hard_wrapped_lines_are_one_paragraph() -> None:
    text = "“We will stay in Iraq for as long as the government wants us\nthere,” he said."
    assert contents(text) == ["We will stay in Iraq for as long as the government wants us\nthere"]


def test_skip_leaves_marks_out() -> None:
    text = "Caption “A”.\n\n“We will stay,” he said."
    pairs = pair_marks(text, skip=lambda i: i < 12)
    assert [text[p.start:p.end] for p in pairs] == ["We will stay"]
