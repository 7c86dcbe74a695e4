"""Steps 3 and 4, ``times`` and ``resolve``: time expressions (TIMEX3).

``times`` recognises the expressions with underspecified values (``XXXX-01-08``,
``DCT-1M``, ``REF-1D``, ``WD5``); ``resolve`` turns them into TIMEX3 values against the
document date, the last mentioned date and the clause tense, and infers a reference date
from the text when the document has none (``date_source = "inferred"``).
See :mod:`missionwatch.extract.timex`.
"""

from __future__ import annotations

from missionwatch.document import Document
from missionwatch.extract.pipeline import step
from missionwatch.extract.timex import recognise, resolve_document


@step("times", requires=("sentences",), assigns=("times",))
def times(doc: Document) -> None:
    doc.times = recognise(doc.text)


@step("resolve", requires=("times",), assigns=("times.values",))
def resolve(doc: Document) -> None:
    resolve_document(doc)
