"""Step 2, ``mentions``: entity recognition and linking against the reference gazetteer.

Countries, demonyms, organisations, national bodies ("the Iraqi parliament"), missions
(also by description: "NATO's training mission in Iraq"), officials and places; titled
persons the gazetteer lacks ("Gen. Kenneth McKenzie" -> ``person:kenneth-mckenzie``, kept in
``Document.entities``); surnames, pronouns and role nouns resolved to the person they refer
to. See :mod:`missionwatch.link.linker` for the order of the evidence.
"""

from __future__ import annotations

from missionwatch.document import Document
from missionwatch.extract.pipeline import step
from missionwatch.link.linker import find_mentions


@step("mentions", requires=("sentences",), assigns=("mentions",))
def mentions(doc: Document) -> None:
    doc.mentions = find_mentions(doc)
