"""Bring a database to the newest schema with Alembic, run in code (no ``alembic.ini``).

:func:`upgrade` is called by :class:`~missionwatch.store.database.Store` on every open.
It takes a lock first (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), so
two processes opening a fresh database at once migrate it once; on a database already at
the head revision it only reads the version table.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("migrations")
_PG_LOCK_KEY = 0x6D77_0001  # "mw" + 1: serialises concurrent migrations on PostgreSQL


def _config(connection: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head() -> str:
    """The newest revision shipped with the package."""
    heads = ScriptDirectory.from_config(_config()).get_heads()
    return heads[0] if len(heads) == 1 else ",".join(sorted(heads))


def current(connection: sa.Connection) -> str | None:
    """The revision the database is at (``None`` for an empty database)."""
    heads = MigrationContext.configure(connection).get_current_heads()
    return ",".join(sorted(heads)) if heads else None


def upgrade(connection: sa.Connection) -> bool:
    """Migrate to head inside the connection's open transaction; True if anything ran."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
    if current(connection) == head():
        return False
    command.upgrade(_config(connection), "head")
    return True
