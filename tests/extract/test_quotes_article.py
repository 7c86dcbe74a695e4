"""The founding article (Feb 2020, NATO Mission Iraq): who said what.

Run twice: on the text alone (sentences + quotes) and, when the mentions step exists, with
the mentions it finds (pronouns and surnames arrive linked)."""

from __future__ import annotations

from importlib import resources

import pytest

from missionwatch.document import Document, Quote
from missionwatch.errors import PipelineError
from missionwatch.extract.pipeline import get_step
from missionwatch.extract.steps.quotes import quotes
from missionwatch.extract.steps.sentences import sentences

TEXT = resources.files("missionwatch").joinpath("example/article.txt").read_text("utf-8")
STOLTENBERG, ESPER = "Jens Stoltenberg", "Mark Esper"

#: (words in the content, direct, cue, speaker, speaker span)
EXPECTED = [
    ("take over some of the current coalition training activities", True, "said", STOLTENBERG,
     "Stoltenberg"),
    ("all NATO activities would be closely coordinated with the Iraqi government", False, "said",
     STOLTENBERG, "Stoltenberg"),
    ("we will only stay in Iraq for as long as we are welcome", True, "said", STOLTENBERG, "he"),
    ("with the consent of the Iraqis", False, "added", STOLTENBERG, "he"),
    ("training activities in Iraq will resume as soon as possible", False, "said", STOLTENBERG,
     "Stoltenberg"),
    ("these details would be discussed with the Global Coalition", False, "added", STOLTENBERG,
     "He"),
    ("Several allies or allies actually supported the decision to do more", True, "said",
     STOLTENBERG, "Stoltenberg"),
    ("The Department of Defense expects NATO’s presence in Iraq to increase", False, "said",
     ESPER, "Mark Esper"),
    ("To the extent that NATO can balance the US presence", True, "told", ESPER, "Esper"),
    ("A reduction in the U.S. armed forces in Iraq would allow", False, "added", ESPER, "he"),
]


def _doc(with_mentions: bool) -> Document:
    doc = Document(id="article", text=TEXT)
    sentences(doc)
    if with_mentions:
        try:
            get_step("mentions").func(doc)
        except (PipelineError, ImportError) as exc:
            pytest.skip(f"the mentions step is not available: {exc}")
    quotes(doc)
    return doc


@pytest.fixture(params=[False, True], ids=["text-only", "with-mentions"], scope="module")
def found(request: pytest.FixtureRequest) -> list[Quote]:
    return _doc(bool(request.param)).quotes


def _find(found: list[Quote], words: str, cue: str) -> Quote:
    hits = [q for q in found if words in q.text and q.cue is not None and q.cue.text == cue]
    assert hits, f"no statement with {words!r} and cue {cue!r}"
    return hits[0]


@pytest.mark.parametrize(("words", "direct", "cue", "speaker", "span"), EXPECTED)
def test_statement(found: list[Quote], words: str, direct: bool, cue: str, speaker: str,
                   span: str) -> None:
    quote = _find(found, words, cue)
    assert quote.direct is direct
    assert quote.speaker == speaker
    assert quote.speaker_span is not None
    assert quote.speaker_span.text == span
    assert TEXT[quote.start:quote.end] == quote.text


def test_direct_content_has_no_marks(found: list[Quote]) -> None:
    for quote in found:
        if quote.direct:
            assert quote.text[0] not in "“”\"", quote.text
            assert quote.text[-1] not in "“”\",", quote.text


def test_nothing_from_captions_or_credits(found: list[Quote]) -> None:
    assert not any("Lenoir" in q.speaker or "Schofer" in q.speaker for q in found)
    for marker in ("(Francois Lenoir / Reuters)", "Taji X Quick Reaction Force",
                   "contributed to this report"):
        at = TEXT.index(marker)
        assert not any(q.start <= at < q.end for q in found), marker


def test_every_statement_has_a_speaker(found: list[Quote]) -> None:
    assert all(q.speaker for q in found), [q.text for q in found if not q.speaker]


def test_linked_speakers_with_mentions() -> None:
    doc = _doc(with_mentions=True)
    entities = {q.speaker_entity for q in doc.quotes if q.speaker in (STOLTENBERG, ESPER)}
    assert {"person:jens-stoltenberg", "person:mark-esper"} <= entities
