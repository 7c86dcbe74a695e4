"""The quotes step over a bare text, shared by the quote test tables."""

from __future__ import annotations

from missionwatch.document import Document, Quote
from missionwatch.extract.steps.quotes import quotes
from missionwatch.extract.steps.sentences import sentences


def extract(text: str) -> list[Quote]:
    """Sentences then quotes; every span found must index the text exactly."""
    doc = Document(id="t", text=text)
    sentences(doc)
    quotes(doc)
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
        for span in (q.cue, q.speaker_span):
            assert span is None or doc.text[span.start:span.end] == span.text
    return doc.quotes
