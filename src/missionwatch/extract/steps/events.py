"""Step ``events``: PLOVER-coded ``event`` claims (actor, recipient, place, date, size).

Runs after sentences, mentions, times (resolved) and quantities; appends ``event`` claims
to ``doc.claims``. See :mod:`missionwatch.extract.events` for how events are read.

A document whose date was not given (or was only inferred from the text) but that opens
with a dateline ("KABUL, Afghanistan (Sept. 1) -", the year from a release number such
as "2010-09-CA-005") is dated by its dateline first, and its time expressions are
resolved again against that date, so that "yesterday" is the day before the dateline.
A release with a release number ("2011-07-S-039") but no dated dateline is dated to the
month of that number (its "yesterday" is then only known to that month).
"""

from __future__ import annotations

import contextlib

from missionwatch.document import Document
from missionwatch.errors import PipelineError
from missionwatch.extract.events import VERSION, event_claims
from missionwatch.extract.events.timing import reference_date
from missionwatch.extract.pipeline import get_step, step


def anchor_to_dateline(doc: Document) -> bool:
    """Date ``doc`` by its dateline (or release number) when it has no given date; True
    when it did."""
    if doc.published is not None and doc.date_source not in {"none", "inferred"}:
        return False
    date = reference_date(doc.text)
    if date is None or date.precision == "year":
        return False
    doc.published, doc.date_source = date, "dateline"
    with contextlib.suppress(PipelineError):  # no resolver: the values stay as they were
        get_step("resolve").func(doc)
    return True


@step(
    "events",
    requires=("sentences", "mentions", "times", "quantities"),
    assigns=("claims.event",),
    version=VERSION,
)
def events(doc: Document) -> None:
    anchor_to_dateline(doc)
    doc.claims.extend(event_claims(doc))
