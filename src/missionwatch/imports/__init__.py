"""Structured importers: real personnel and mission tables as source-cited claims.

    from missionwatch.imports import import_un_contributions
    report = import_un_contributions(store, "Gender.Full.csv")

Each importer streams its file, cites every figure to the record it came from (the file is
stored as part documents, see :mod:`missionwatch.imports.records`), rejects records that
do not parse with their line number, and adds nothing when a file is imported again.
"""

from missionwatch.imports.common import ImportReport, RowProblem
from missionwatch.imports.geopko import import_geopko
from missionwatch.imports.mission_starts import import_mission_starts
from missionwatch.imports.un_contributions import import_un_contributions

__all__ = [
    "ImportReport",
    "RowProblem",
    "import_geopko",
    "import_mission_starts",
    "import_un_contributions",
]
