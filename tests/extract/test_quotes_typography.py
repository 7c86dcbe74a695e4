"""Typography of real copy: newswire ``…'' marks, nested and single quotes, names with
suffixes, party tags, decomposed or mis-decoded accents."""

from __future__ import annotations

import pytest
from tests.extract.quote_helpers import extract

from missionwatch.extract.quotes.marks import pair_marks


def contents(text: str) -> list[str]:
    return [text[p.start:p.end] for p in pair_marks(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two grave accents open, two apostrophes close (newswire, Penn Treebank)
        ("``We will stay,'' he said. ``We will train.''", ["We will stay", "We will train."]),
        # a curly quote inside a curly quote is part of it
        ("“I’d rather live in what he calls “hell” than here,” she said.",
         ["I’d rather live in what he calls “hell” than here"]),
        # two openers with one closer: the first quote was never closed
        ("“We will stay. “Training will resume,” he said.",
         ["We will stay.", "Training will resume"]),
        # straight single quotes when the text has no double marks
        ("'We will stay,' he said. 'We will train.'", ["We will stay", "We will train."]),
        # ... but an apostrophe is no quote mark
        ("In the '90s the troops' base grew, and it's bigger now.", []),
    ],
)
def test_marks(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("``We will not leave Iraq,'' Halvorsen said on Thursday.",
         ("We will not leave Iraq", "Halvorsen")),
        # a name suffix's full stop does not end the sentence
        ("“We will not leave,” Donald Trump Jr. said.", ("We will not leave", "Donald Trump Jr")),
        # an AP party tag between commas
        ("“We will not leave,” Rep. Adam Schiff, D-Calif., said Tuesday.",
         ("We will not leave", "Adam Schiff")),
        # decomposed accents and mis-decoded letters stay inside the name
        ("“Europe must defend itself,” French President Fran\u00c3\x83\u00c2\u00a7ois Hollande "
         "said Friday as he entered the talks.",
         ("Europe must defend itself", "Fran\u00c3\x83\u00c2\u00a7ois Hollande")),
        ("“We will vote,” said Azucena Gonza\u0300lez.", ("We will vote", "Azucena Gonza\u0300lez")),
        # a particle opening a surname is kept
        ("De Blasio said the explosion was an intentional act.",
         ("the explosion was an intentional act", "De Blasio")),
    ],
)
def test_speakers_in_real_typography(text: str, expected: tuple[str, str]) -> None:
    found = extract(text)
    assert [(q.text, q.speaker) for q in found] == [expected]
