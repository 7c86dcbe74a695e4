"""Write an importer's output to the store: claim rows in bulk, part documents, rejections.

An importer is a generator of *operations* (:class:`Claims` batches, closed
:class:`~missionwatch.imports.records.Part` documents, :class:`Rejected` records), applied
as they come, so memory holds one batch and one part document whatever the file's size.
The whole import is one transaction: it all goes in, or (on an error) none of it.

Measured and left out: running the importer in a second thread (no gain: the GIL is held
while rows are bound); dropping the secondary indexes for the load and rebuilding them
(~10% less CPU at 116k claims, but at 1M slower, and the index sort's memory grows with
the input); sorting each batch by the index keys, a larger SQLite page cache (no gain).

Claim rows go in through ``Store.add_claim_rows``: one ``executemany`` per batch (on
SQLite 16 rows per statement, see :class:`~missionwatch.store.dialects.BulkInserter`), the
columns fixed for the whole import written into the statement as literals, and the
store's derived tables. Same ids add nothing, so re-importing a file adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from missionwatch.imports.common import ImportReport, Row, RowProblem
from missionwatch.imports.records import Part
from missionwatch.model import Entity
from missionwatch.store import Store

BATCH = 5000  # claim rows per executemany


@dataclass
class Claims:
    """A batch of claim rows; ``position`` is how far into the file (characters) they reach.

    The rows leave out the ``fixed`` columns (the same in every row, see
    :class:`~missionwatch.imports.common.RowMaker`).
    """

    rows: list[Row]
    position: int
    fixed: Mapping[str, Any]


@dataclass(frozen=True)
class Rejected:
    problem: RowProblem


@dataclass(frozen=True)
class Entities:
    """Entities the gazetteer lacks, made by the importer."""

    entities: list[Entity]


Op = Claims | Part | Rejected | Entities


class Writer:
    """Applies operations to a store inside one transaction, counting into a report."""

    def __init__(self, store: Store, report: ImportReport,
                 on_progress: Callable[[int], None] | None = None) -> None:
        self.store = store
        self.report = report
        self.on_progress = on_progress

    def run(self, ops: Iterable[Op]) -> None:
        """Apply ``ops`` in one transaction."""
        store, report = self.store, self.report
        with store.transaction():
            for op in ops:
                if isinstance(op, Claims):
                    if op.rows:
                        report.added += store.add_claim_rows(op.rows, fixed=op.fixed)
                    if self.on_progress is not None:
                        self.on_progress(op.position)
                elif isinstance(op, Part):
                    report.documents += int(store.add_document(op.document, op.raw))
                elif isinstance(op, Rejected):
                    store.record_rejection(f"{report.source}:{op.problem.line}",
                                           op.problem.reason, "InvalidRecord")
                else:
                    store.add_entities(op.entities)
