"""PLOVER category accuracy on the PLOVER gold standard records.

The records (openeventdata/PLOVER ``PLOVER_GSR_CAMEO.txt``) are news sentences from the
CAMEO manual, each coded with one PLOVER category (of the older draft: DEMAND, DISAPPROVE,
INVESTIGATE and FIGHT are folded into the current categories by ``eval/events.yaml``).
Each sentence runs through the pipeline; the predicted category is the PLOVER category
(:func:`missionwatch.export.plover.plover_category`, auxiliary modes folded in) of its
main event (the first event claim of its first sentence that is not marked ``background``:
not in a relative or a fronted subordinate clause, see
:mod:`missionwatch.extract.events.salience`), and a sentence with no event counts as wrong.

The file has no split; it is cut into a tuning half (even positions) and a held-out half
(odd positions). The held-out figure is the headline (``events.plover_gsr.category_acc``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from missionwatch.dates import PartialDate
from missionwatch.document import Document
from missionwatch.eval import Metric, MissingData
from missionwatch.eval.events import mapping, run_steps
from missionwatch.export.plover import plover_category

NEEDS = "plover-gsr"
FILE = "PLOVER_GSR_CAMEO.txt"
ANCHOR = "NGEC macro-F1 ~0.52; target >= 0.70"
#: the records' own placeholder date, so relative dates resolve somewhere
REFERENCE = PartialDate(2000, 1, 1)


def gold_category(record: dict[str, Any]) -> str:
    event = str(record["event"])
    return str(mapping()["plover_gsr_categories"].get(event, event))


def load(data_dir: Path) -> list[dict[str, Any]]:
    path = data_dir / FILE
    if not path.is_file():
        raise MissingData(f"{path} is absent: skipping the PLOVER category evaluation")
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def split(records: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(tuning half, held-out half): even and odd positions in the file."""
    return list(records[0::2]), list(records[1::2])


def predict(text: str, ident: str = "gsr") -> str | None:
    """The PLOVER category of the main event in ``text`` (None when there is none)."""
    doc = Document(
        id=ident, text=text.strip().strip("{}"), published=REFERENCE, date_source="argument"
    )
    run_steps(doc)
    events = sorted((c for c in doc.claims if c.kind == "event"), key=lambda c: c.source.start)
    first = [c for c in events if c.source.start == events[0].source.start]
    main = next((c for c in first if not c.qualifiers.get("background")), None)
    return plover_category(main) if main is not None else None


def accuracy(records: Iterable[dict[str, Any]]) -> tuple[float, int]:
    hits = n = 0
    for record in records:
        n += 1
        hits += predict(str(record["text"]), str(record["id"])) == gold_category(record)
    return (hits / n if n else 0.0), n


def evaluate(data_dir: Path) -> list[Metric]:
    tune, held = split(load(data_dir))
    held_acc, held_n = accuracy(held)
    tune_acc, tune_n = accuracy(tune)
    return [
        Metric("events.plover_gsr.category_acc", round(held_acc, 4), ANCHOR, held_n),
        Metric("events.plover_gsr.tune.category_acc", round(tune_acc, 4), ANCHOR, tune_n),
    ]
