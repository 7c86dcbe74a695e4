"""Photo captions, credits, bylines, "contributed to this report" lines and datelines are
never statements."""

from __future__ import annotations

import pytest
from tests.extract.quote_helpers import extract

BODY = "“We will stay in Iraq,” the minister said."




@pytest.mark.parametrize(
    "paragraph",
    [
        # photo captions ending in a credit, and credit lines
        "Soldiers said “goodbye” to the base as NATO leaders said the mission would grow. "
        "(Jane Roe / Reuters)",
        "Photo: The minister said the training would resume, officials said.",
        "Credit: “Training day,” said the photographer.",
        # bylines and contributor lines
        "By John Smith",
        "The Associated Press said it contributed to this report.",
        "Reuters reporter Ann Lee said she contributed reporting to this story.",
    ],
)
def test_captions_credits_and_bylines_are_not_statements(paragraph: str) -> None:
    found = extract(paragraph + "\n\n" + BODY)
    assert [q.text for q in found] == ["We will stay in Iraq"]


def test_dateline_is_not_part_of_the_content() -> None:
    found = extract("BAGHDAD (Reuters) - The mission will resume next week, the ministry said.")
    assert [q.text for q in found] == ["The mission will resume next week"]


def test_dateline_alone_is_not_a_statement() -> None:
    assert extract("BRUSSELS, Feb 12 (Reuters) -\n\nNATO ministers met on Wednesday.") == []
