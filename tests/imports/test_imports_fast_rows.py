"""The importers' fast rows are the rows of the equivalent Claims, ids included."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from un_tables import CURRENT_HEADER, GENDER_HEADER, GEOPKO_HEADER, gender_row, write

from missionwatch.eval import MissingData, require
from missionwatch.imports import geopko, mission_starts, un_contributions
from missionwatch.imports.common import COLUMNS, FIXED, ImportReport
from missionwatch.imports.records import file_info
from missionwatch.imports.resolve import Resolver
from missionwatch.imports.writer import Claims, Op
from missionwatch.model import Claim, Source
from missionwatch.store.rows import CLAIM_COLUMNS, claim_row, fixed_items, row_layout

GENDER = [
    gender_row(1, "2013-12-31", "Albania", "ALB", "UNMISS", (1, 0), (0, 0), (0, 0), (0, 0)),
    gender_row(2, "2013-12-31", "Ghana", "GHA", "UNIFIL", (0, 0), (0, 0), (2, 1), (800, 70)),
    '"3",2014-01-31,"Cote d\'Ivoire","","UNOCI",0,0,0,0,0,0,0,0,0,150,5,155,150,5,155',
    # a cell with spaces and a leading zero (the general path), and a bad record
    '"4",2014-01-31,"Ghana","GHA","UNIFIL", 1 ,0,1,0,0,0,0,0,0,7,0,007,8,0,8',
    '"5",2014-01-31,"Ghana","GHA","UNIFIL",1,0,2,0,0,0,0,0,0,0,0,0,1,0,2',
]
CURRENT = [  # zero, not reported (NA) and blank cells
    "2014-03-31,Ghana,GHA,UNIFIL,Lebanon',0,NA,,NA,12,0,12",
    "2014-03-31,Nepal,NPL,UNIFIL,Lebanon,5,0,3,3,800,5,808",
]
GEO = ['UNIFIL,2012,Naqoura,33.11,35.12,2,"Italy (800), Korea (ROK) (size unknown)"',
       "UNIFIL,2012,Brache,18.52,-72.58,1,Multinational (185)"]
STARTS = ["mission,year,month,mission_country,iso3c,iso3n", "MINUSMA,2013,4,Mali,MLI,466"]


def _ops(importer: str, path: str) -> Iterable[Op]:
    info = file_info(path)
    report = ImportReport(path, importer)
    if importer == "un-contributions":
        return un_contributions.Importer(info, report, Resolver()).ops()
    if importer == "geopko":
        return geopko.Importer(info, report, Resolver()).ops()
    return mission_starts._ops(info, report, Resolver())


def _full_rows(ops: Iterable[Op]) -> list[tuple[Any, ...]]:
    out = []
    for op in ops:
        if isinstance(op, Claims):
            layout = row_layout(fixed_items(op.fixed))
            assert layout.columns == COLUMNS and set(op.fixed) == set(FIXED)
            out += [layout.full(row) for row in op.rows]
    return out


def _as_claim(row: tuple[Any, ...]) -> Claim:
    """The Claim a row says it stands for, built the slow way (its id from make_id)."""
    r = dict(zip(CLAIM_COLUMNS, row, strict=True))
    return Claim(kind=r["kind"], subject=r["subject"], value=json.loads(r["value"]),
                 source=Source(r["document"], r["src_start"], r["src_end"], r["src_text"],
                               r["extractor"], "1"),
                 qualifiers=json.loads(r["qualifiers"]), date=r["date"],
                 precision=r["precision"], modality="asserted", confidence=1.0,
                 status="candidate", recorded_at=r["recorded_at"],
                 subject_name=r["subject_name"])


def _check(rows: list[tuple[Any, ...]]) -> None:
    for row in rows:
        claim = _as_claim(row)
        assert claim.id == row[0]
        assert claim_row(claim) == row


@pytest.mark.parametrize(("importer", "header", "records", "claims"), [
    ("un-contributions", GENDER_HEADER, GENDER, 16),
    ("un-contributions", CURRENT_HEADER, CURRENT, 7),
    ("geopko", GEOPKO_HEADER, GEO, 3),
    ("mission-starts", STARTS[0], STARTS[1:], 1),
])
def test_rows_equal_claim_rows_of_the_same_claims(tmp_path: Path, importer: str, header: str,
                                                  records: list[str], claims: int) -> None:
    rows = _full_rows(_ops(importer, write(str(tmp_path / "t.csv"), header, *records)))
    assert len(rows) == claims
    _check(rows)


def test_the_general_path_keeps_the_verbatim_cell(tmp_path: Path) -> None:
    rows = _full_rows(_ops("un-contributions", write(str(tmp_path / "t.csv"), GENDER_HEADER,
                                                     GENDER[3])))
    values = {json.loads(r[CLAIM_COLUMNS.index("qualifiers")])["role"]:
              json.loads(r[CLAIM_COLUMNS.index("value")]) for r in rows}
    assert values["troops"] == {"verbatim": "007", "low": 7, "best": 7, "high": 7,
                                "approx": False}
    assert values["individual police"]["verbatim"] == "1"


@pytest.mark.shared
def test_rows_of_the_real_table_equal_claim_rows() -> None:
    try:
        path = require("un-pko-ipi-contributions") / "Gender.Full.csv"
    except MissingData as exc:
        pytest.skip(str(exc))
    rows = _full_rows(_ops("un-contributions", str(path)))
    assert len(rows) == 116460
    _check(rows[::97])  # 1,201 rows spread over the file and its three parts
