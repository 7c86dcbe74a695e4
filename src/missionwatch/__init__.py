"""missionwatch: source-cited, time-aware records of multinational military missions.

The public API::

    store = missionwatch.open("missions.sqlite")     # SQLite file or database URL
    missionwatch.ingest(store, ["news/"], published=None)
    missionwatch.mission_state(store, "NATO Mission Iraq", "2020-02-14")
    missionwatch.extract(text, published="2020-02-13")  # -> Document, nothing stored
"""

from missionwatch.api import (
    IngestReport,
    entities,
    example_text,
    extract,
    ingest,
    mission_state,
    open,
    quotes,
    timeline,
)
from missionwatch.dates import PartialDate
from missionwatch.document import Document
from missionwatch.errors import MissionwatchError
from missionwatch.model import Claim, Entity, Source
from missionwatch.store import Store

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Document",
    "Entity",
    "IngestReport",
    "MissionwatchError",
    "PartialDate",
    "Source",
    "Store",
    "__version__",
    "entities",
    "example_text",
    "extract",
    "ingest",
    "mission_state",
    "open",
    "quotes",
    "timeline",
]
