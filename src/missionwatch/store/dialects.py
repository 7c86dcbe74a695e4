"""Everything that differs between SQLite and PostgreSQL, chosen by dialect name here only.

* :func:`insert_ignore` — ``INSERT … ON CONFLICT DO NOTHING`` (idempotent adds);
* :func:`upsert` — ``INSERT … ON CONFLICT (id) DO UPDATE`` when something changed;
* :class:`BulkInserter` — the claims fast path: the compiled statement runs on the
  driver's cursor with plain tuples (no per-row dictionaries or SQLAlchemy processing);
* :func:`without_indexes` — for a bulk load on SQLite, drop the secondary indexes and
  rebuild them at the end *inside the same transaction* (SQLite DDL is transactional, so
  a failed load rolls the indexes back too, and readers keep their snapshot). On
  PostgreSQL dropping an index locks out readers, so it is not done there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from missionwatch.errors import StoreError

SUPPORTED = ("sqlite", "postgresql")


def _module(dialect: str) -> Any:
    if dialect == "sqlite":
        return sqlite
    if dialect == "postgresql":
        return postgresql
    raise StoreError(
        f"unsupported database dialect {dialect!r}: use SQLite or PostgreSQL"
    )


def insert_ignore(table: sa.Table, dialect: str) -> Any:
    """``INSERT … ON CONFLICT DO NOTHING`` for ``dialect``."""
    return _module(dialect).insert(table).on_conflict_do_nothing()


def upsert(table: sa.Table, dialect: str, columns: Iterable[str]) -> Any:
    """``INSERT … ON CONFLICT (id) DO UPDATE SET columns`` where any of them changed."""
    stmt = _module(dialect).insert(table)
    names = list(columns)
    changed = sa.or_(*(table.c[n] != stmt.excluded[n] for n in names))
    return stmt.on_conflict_do_update(
        index_elements=[table.c.id], set_={n: stmt.excluded[n] for n in names}, where=changed
    )


def count_written(conn: sa.Connection, statement: Any, params: list[dict[str, Any]]) -> int:
    """Run an ``ON CONFLICT`` insert over many rows; return how many rows it wrote.

    ``rowcount`` after ``executemany`` is the total on SQLite but -1 on PostgreSQL
    (SQLAlchemy batches the rows), so there the written rows are counted by ``RETURNING``.
    """
    if not params:
        return 0
    if conn.dialect.name == "sqlite":
        return int(conn.execute(statement, params).rowcount)
    key = next(iter(statement.table.primary_key.columns))
    return len(conn.execute(statement.returning(key), params).all())


#: the positional parameter style each driver takes (tuples bind without dictionaries)
_POSITIONAL = {"sqlite": "qmark", "postgresql": "format"}


class BulkInserter:
    """Insert rows given as tuples in ``columns`` order, skipping existing ids.

    The statement is compiled once, with positional parameters, and run with the driver's
    own ``executemany`` (``sqlite3`` loops in C; ``psycopg`` pipelines a prepared
    statement). Both report the number of rows written in ``rowcount``.
    """

    def __init__(self, table: sa.Table, columns: Sequence[str], engine: sa.Engine) -> None:
        self.columns = tuple(columns)
        name = engine.dialect.name
        statement = insert_ignore(table, name).values(
            {column: sa.bindparam(column) for column in self.columns}
        )
        dialect_class: Any = type(engine.dialect)  # DefaultDialect takes paramstyle=
        dialect = dialect_class(paramstyle=_POSITIONAL[name])
        compiled = statement.compile(dialect=dialect)
        if tuple(compiled.positiontup or ()) != self.columns:
            raise StoreError(f"{table.name} insert: compiled parameter order differs from columns")
        self.sql = str(compiled)

    def __call__(self, conn: sa.Connection, rows: list[tuple[Any, ...]]) -> int:
        """Insert ``rows`` in the connection's transaction; return how many were new."""
        cursor = conn.connection.cursor()
        try:
            cursor.executemany(self.sql, rows)
            return int(cursor.rowcount)
        finally:
            cursor.close()


@contextmanager
def without_indexes(conn: sa.Connection, table: sa.Table, enabled: bool) -> Iterator[None]:
    """Drop ``table``'s secondary indexes for the block and rebuild them after (SQLite)."""
    if not enabled or conn.dialect.name != "sqlite":
        yield
        return
    indexes = sorted(table.indexes, key=lambda ix: str(ix.name))
    for index in indexes:
        index.drop(conn, checkfirst=True)
    yield
    for index in indexes:
        index.create(conn)
