"""The SQLite engine: a real file (its folder created), WAL, ``synchronous=NORMAL``, foreign keys.

Python's ``sqlite3`` module opens transactions implicitly and lets DDL run outside them;
here the driver is put in autocommit mode and every SQLAlchemy transaction starts with an
explicit ``BEGIN`` (``BEGIN IMMEDIATE`` for writes, so that two writers queue on the lock
instead of failing half-way). This is the set-up the SQLAlchemy documentation recommends
for transactional SQLite.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from missionwatch.errors import StoreError

PRAGMAS = (
    "PRAGMA page_size=16384",  # new files only: bulk claim loads ran ~15% faster than 4 KiB
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=30000",  # ms a writer waits for another process's lock
    "PRAGMA cache_size=-65536",  # 64 MiB page cache: bulk inserts touch many index pages
    "PRAGMA temp_store=MEMORY",
    "PRAGMA threads=2",  # lets CREATE INDEX sort with a helper thread (bulk loads)
)


def sqlite_engine(path: str) -> sa.Engine:
    """An engine on the SQLite file ``path`` (``:memory:`` for a private in-memory store)."""
    if path == ":memory:":
        engine = sa.create_engine("sqlite://", poolclass=StaticPool)
    else:
        file = Path(path).expanduser()
        if file.is_dir():
            raise StoreError(f"{file}: is a folder; give a database file path")
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{file}: cannot create its folder ({exc})") from exc
        engine = sa.create_engine(sa.URL.create("sqlite", database=str(file)))

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # autocommit; we BEGIN ourselves
        cursor = dbapi_connection.cursor()
        for pragma in PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        write = connection.get_execution_options().get("write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
