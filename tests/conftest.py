"""Tiny shared fixtures.

* ``tmp_store`` — a :class:`~missionwatch.store.Store` on a real SQLite file in ``tmp_path``;
* ``pg_store`` — the same on the local PostgreSQL server (``MISSIONWATCH_TEST_PG``, default
  ``postgresql+psycopg://postgres@127.0.0.1:5432/test``), in a schema of its own that is
  dropped afterwards, so parallel runs never collide; skipped when the server is down.
  Tests that use it are marked ``postgres``;
* ``store`` — runs a test once on each of the two (``-m "not postgres"`` keeps SQLite only);
* ``make_claim`` — builds a :class:`~missionwatch.model.Claim` with sensible defaults.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from missionwatch.model import Claim, Source
from missionwatch.store import Store

PG_URL = os.environ.get("MISSIONWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def tmp_store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store" / "missionwatch.db") as store:
        yield store


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A database URL whose ``search_path`` is a fresh schema (dropped afterwards)."""
    schema = f"mw_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = sa.create_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # driver missing or server down: skip, saying why
        pytest.skip(f"PostgreSQL not available at {PG_URL}: {exc}")
    url = sa.make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def pg_store(pg_schema_url: str) -> Iterator[Store]:
    with Store(pg_schema_url) as store:
        yield store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest) -> Store:
    name = "tmp_store" if request.param == "sqlite" else "pg_store"
    found: Store = request.getfixturevalue(name)
    return found


@pytest.fixture
def make_claim() -> Callable[..., Claim]:
    def build(kind: str = "mission.status", subject: str = "mission:nmi",
              value: Any = "launched", *, document: str = "d1", start: int = 0,
              text: str = "", **fields: Any) -> Claim:
        source = Source(document, start, start + len(text or "x"), text or "x", "test", "1")
        fields.setdefault("recorded_at", "2024-01-01T00:00:00+00:00")
        return Claim(kind=kind, subject=subject, value=value, source=source, **fields)

    return build
