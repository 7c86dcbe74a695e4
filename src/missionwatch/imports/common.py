"""What every importer shares: the table descriptions, the report, and fast claim rows.

Importers write claims as table rows built here without going through
:class:`~missionwatch.model.Claim` objects: at 100k+ claims a second, building and hashing
a dataclass per figure is the bottleneck. A row holds the :data:`COLUMNS`; the
:data:`FIXED` columns, the same for a whole import, are given to the store once
(``Store.add_claim_rows(rows, fixed=...)``), which writes them into the insert statement
instead of binding them per row. Put back together, the rows are exactly what
:func:`missionwatch.store.rows.claim_row` makes of the equivalent claim, ids included
(tests rebuild the claims of an import the slow way and compare).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from hashlib import sha1
from importlib import resources
from typing import Any

import yaml

from missionwatch.store.rows import valid_span

Row = tuple[Any, ...]
EXTRACTOR_VERSION = "1"


@cache
def tables() -> dict[str, Any]:
    """``data/un_imports.yaml``: columns, markers and naming quirks of the imported tables."""
    text = resources.files("missionwatch.data").joinpath("un_imports.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class RowProblem:
    """A record that was not imported: its line in the file and why."""

    line: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "reason": self.reason}


@dataclass
class ImportReport:
    """What one import did. ``claims`` were made, ``added`` of them were new."""

    source: str
    importer: str
    file: str = ""  # the dataset file's id
    format: str = ""
    records: int = 0
    claims: int = 0
    added: int = 0
    documents: int = 0  # part documents newly stored
    not_reported: int = 0  # cells with a "no figure" marker (stored as claims with best null)
    blank: int = 0  # empty cells (no claim)
    rejected: list[RowProblem] = field(default_factory=list)
    entities_added: list[str] = field(default_factory=list)  # ids the gazetteer lacked
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.claims / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "importer": self.importer, "file": self.file,
            "format": self.format, "records": self.records, "claims": self.claims,
            "added": self.added, "documents": self.documents,
            "not_reported": self.not_reported, "blank": self.blank,
            "rejected": [r.to_dict() for r in self.rejected],
            "entities_added": sorted(self.entities_added),
            "seconds": round(self.seconds, 3), "claims_per_second": round(self.rate),
        }


@lru_cache(maxsize=65536)
def js(text: str) -> str:
    """A string as canonical JSON (``ensure_ascii=False``, as :func:`canonical_json`)."""
    return json.dumps(text, ensure_ascii=False)


@lru_cache(maxsize=65536)
def count_json(count: int | None, verbatim: str, *, approx: bool = False) -> str:
    """The canonical JSON of an exact (or, with ``approx``, estimated) count's value.

    ``count=None`` is a figure the source marks as not reported.
    """
    n = "null" if count is None else str(count)
    flag = "true" if approx else "false"
    return f'{{"approx":{flag},"best":{n},"high":{n},"low":{n},"verbatim":{js(verbatim)}}}'


#: the claim columns an importer gives once per load (``Store.add_claim_rows(fixed=…)``)
FIXED = ("kind", "date_end", "precision", "date_inferred", "modality", "confidence", "status",
         "recorded_at", "extractor", "extractor_version")
#: the columns of an importer's rows, in this order (the claim columns but :data:`FIXED`)
COLUMNS = ("id", "subject", "subject_name", "value", "qualifiers", "date", "valid_from",
           "valid_to", "document", "src_start", "src_end", "src_text", "contributor", "role")


def claim_id(key: str) -> str:
    """:meth:`Claim.make_id` of a claim whose canonical id key is ``key``."""
    return "c-" + sha1(key.encode("utf-8")).digest()[:10].hex()


@dataclass(frozen=True)
class RowMaker:
    """Claim rows of one kind for one importer: fixed extractor, recorded time, confidence.

    Rows hold the :data:`COLUMNS`; the other claim columns, the same in every row, are
    :attr:`fixed` (given to the store once per batch).
    """

    kind: str
    precision: str
    extractor: str
    recorded_at: str
    confidence: float = 1.0

    @property
    def fixed(self) -> dict[str, Any]:
        return {"kind": self.kind, "date_end": None, "precision": self.precision,
                "date_inferred": False, "modality": "asserted",
                "confidence": self.confidence, "status": "candidate",
                "recorded_at": self.recorded_at, "extractor": self.extractor,
                "extractor_version": EXTRACTOR_VERSION}

    def head(self, document: str, start: int, end: int, subject: str) -> str:
        """The start of the id key of a claim about ``subject`` from a record."""
        return f"[{js(document)},{start},{end},{js(self.kind)},{js(subject)},"

    def rows(self, *, subject: str, subject_name: str, date: str, document: str, start: int,
             end: int, text: str, figures: list[tuple[str, str, str, str]]) -> list[Row]:
        """Claim rows (:data:`COLUMNS`), one per figure of one source record.

        Each figure is ``(value_json, qualifiers_json, contributor, role)``: canonical JSON
        texts, and the ``contributor``/``role`` qualifiers repeated ("" when absent).
        """
        head = self.head(document, start, end, subject)
        tail = dated(date)
        return [(claim_id(f"{head}{value_json},{qualifiers_json}{tail[0]}"), subject,
                 subject_name, value_json, qualifiers_json, date, tail[1], tail[2], document,
                 start, end, text, contributor, role)
                for value_json, qualifiers_json, contributor, role in figures]


@lru_cache(maxsize=4096)
def dated(date: str) -> tuple[str, str | None, str | None]:
    """The end of the id key of an asserted claim dated ``date`` (no end date), and the
    first and last day it can refer to."""
    valid_from, valid_to = valid_span(date, None)
    return f",{js(date)},null,\"asserted\"]", valid_from, valid_to
