"""Step 6, ``quotes``: direct quotes and reported speech, each with its cue and speaker.

Content spans exclude the quote marks; ``speaker_span`` is the words that name or refer to
the speaker ("he", "Stoltenberg"), ``speaker`` the resolved name and ``speaker_entity`` its
entity id when the mentions step (or the gazetteer) linked it; ``speaker_type`` says what
kind of source it is: ``person``, ``organisation``, ``document`` ("according to the National
Defense Strategy", "a Pentagon report found") or ``unnamed`` ("a senior official", an
unresolved "he", "it was reported that"). Captions, credits, bylines and datelines are never
statements. See :mod:`missionwatch.extract.quotes`.
"""

from __future__ import annotations

from missionwatch.document import Document
from missionwatch.extract.pipeline import step
from missionwatch.extract.quotes import extract_quotes


@step("quotes", requires=("sentences", "mentions"), assigns=("quotes",))
def quotes(doc: Document) -> None:
    doc.quotes = extract_quotes(doc)
