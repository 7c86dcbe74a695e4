"""Time expressions (TIMEX3): recognition by trigger-anchored rules, resolution against
the document date, the last mentioned date and the clause tense (HeidelTime's design).

- :func:`recognise` — the expressions of a text with underspecified values;
- :func:`resolve_document` — their TIMEX3 values for one document;
- :func:`valid_time` — a value as (date, date_end, precision) for a claim.

Word lists are in ``lexicon.yaml`` and the rules in ``rules.yaml`` beside this module.
"""

from __future__ import annotations

from missionwatch.extract.timex.document import infer_reference, resolve_document
from missionwatch.extract.timex.recognise import recognise
from missionwatch.extract.timex.valid import valid_time

__all__ = ["infer_reference", "recognise", "resolve_document", "valid_time"]
