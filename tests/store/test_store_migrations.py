from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from missionwatch.store import Store, migrate
from missionwatch.store.schema import metadata

TABLES = {"alembic_version", "claims", "claim_groups", "claim_refs", "documents", "entities",
          "rejections"}


def test_a_fresh_database_is_migrated_to_head(store: Store):
    assert store.migrated is True
    with store._engine.connect() as conn:
        assert migrate.current(conn) == migrate.head() == "0001"
        assert set(sa.inspect(conn).get_table_names()) == TABLES


def test_opening_a_migrated_database_changes_nothing(tmp_path: Path):
    path = tmp_path / "mw.db"
    Store(path).close()
    with Store(path) as again:
        assert again.migrated is False


@pytest.mark.postgres
def test_opening_a_migrated_postgres_database_changes_nothing(pg_schema_url: str):
    Store(pg_schema_url).close()
    with Store(pg_schema_url) as again:
        assert again.migrated is False


def test_migrations_match_the_schema_module(store: Store):
    with store._engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_downgrade_to_base_and_back(tmp_path: Path):
    path = tmp_path / "mw.db"
    with Store(path) as store, store._engine.begin() as conn:
        command.downgrade(migrate._config(conn), "base")
        assert set(sa.inspect(conn).get_table_names()) == {"alembic_version"}
        assert migrate.upgrade(conn) is True
        assert set(sa.inspect(conn).get_table_names()) == TABLES


def _open(url: str) -> bool:
    with Store(url) as store:
        return store.migrated


def _open_concurrently(url: str) -> list[bool]:
    with ProcessPoolExecutor(3) as pool:
        return list(pool.map(_open, [url] * 3))


def test_concurrent_opens_migrate_a_fresh_sqlite_file_once(tmp_path: Path):
    assert sorted(_open_concurrently(str(tmp_path / "c.db"))) == [False, False, True]


@pytest.mark.postgres
def test_concurrent_opens_migrate_a_fresh_postgres_schema_once(pg_schema_url: str):
    assert sorted(_open_concurrently(pg_schema_url)) == [False, False, True]


@pytest.mark.postgres
def test_a_plain_postgresql_url_uses_psycopg(pg_schema_url: str):
    with Store(pg_schema_url.replace("postgresql+psycopg://", "postgresql://")) as store:
        assert store.dialect == "postgresql"
        assert store._engine.driver == "psycopg"
