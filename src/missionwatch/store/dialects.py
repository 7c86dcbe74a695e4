"""Everything that differs between SQLite and PostgreSQL, chosen by dialect name here only.

* :func:`insert_ignore` — ``INSERT … ON CONFLICT DO NOTHING`` (idempotent adds);
* :func:`upsert` — ``INSERT … ON CONFLICT (id) DO UPDATE`` when something changed;
* :class:`BulkInserter` — the claims fast path: the compiled statement runs on the
  driver's cursor with plain tuples (no per-row dictionaries or SQLAlchemy processing);
  columns whose value is the same in every row can be *fixed*: written into the statement
  once as literals instead of bound per row (binding is a large part of an insert's cost);
* :func:`without_indexes` — for a bulk load on SQLite, drop the secondary indexes and
  rebuild them at the end *inside the same transaction* (SQLite DDL is transactional, so
  a failed load rolls the indexes back too, and readers keep their snapshot). On
  PostgreSQL dropping an index locks out readers, so it is not done there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain, islice
from operator import itemgetter
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


#: rows per INSERT statement in SQLite bulk loads (one multi-row VALUES): a statement's
#: fixed cost (step, reset, the driver's loop) is paid once per this many rows; kept
#: under SQLite's historical limit of 999 bound variables
ROWS_PER_STATEMENT = 16
_MAX_VARIABLES = 999


class BulkInserter:
    """Insert rows given as tuples in ``columns`` order, skipping existing ids.

    The statement is compiled once, with positional parameters, and run with the driver's
    own ``executemany`` (``sqlite3`` loops in C; ``psycopg`` pipelines a prepared
    statement). Both report the number of rows written in ``rowcount``. ``fixed`` columns
    (``(column, value)`` pairs, the same in every row) are written into the statement as
    literals and left out of the rows.

    On SQLite, rows go :data:`ROWS_PER_STATEMENT` at a time into one multi-row ``VALUES``
    (their parameters flattened in C), the remainder one by one. That statement says
    ``INSERT OR IGNORE``: SQLite runs a multi-row ``ON CONFLICT DO NOTHING`` through a
    temporary table, slower than one row at a time. ``OR IGNORE`` would also skip, silently,
    a row with a NULL in a NOT NULL column, which ``ON CONFLICT DO NOTHING`` refuses; so
    when fewer rows were written than given, the rows are checked for such NULLs and, if
    there is one, run again through the one-row statement, which raises as before.
    """

    def __init__(self, table: sa.Table, columns: Sequence[str], engine: sa.Engine,
                 fixed: Iterable[tuple[str, Any]] = ()) -> None:
        self.columns = tuple(columns)
        fixed = tuple(fixed)
        name = engine.dialect.name
        dialect_class: Any = type(engine.dialect)  # DefaultDialect takes paramstyle=
        literals = {column: _literal(table.c[column], value, dialect_class(paramstyle="qmark"))
                    for column, value in fixed}
        dialect = dialect_class(paramstyle=_POSITIONAL[name])
        self.sql = self._compile(table, insert_ignore(table, name), dialect, literals, 1)
        self.per_statement = 1
        if name == "sqlite" and not any(value is None and not table.c[column].nullable
                                        for column, value in fixed):
            self.per_statement = min(ROWS_PER_STATEMENT,
                                     _MAX_VARIABLES // max(len(self.columns), 1))
        self.sql_many = self.sql
        if self.per_statement > 1:
            self.sql_many = self._compile(table, sa.insert(table).prefix_with("OR IGNORE"),
                                          dialect, literals, self.per_statement)
        not_null = [i for i, column in enumerate(self.columns) if not table.c[column].nullable]
        self._not_null = itemgetter(*not_null) if len(not_null) > 1 else None

    def _compile(self, table: sa.Table, insert: Any, dialect: Any, literals: dict[str, Any],
                 count: int) -> str:
        """``insert`` of ``count`` rows, its parameters in row then column order."""
        names = [self.columns] if count == 1 else [
            tuple(f"{column}_{i}" for column in self.columns) for i in range(count)]
        rows = [{**dict(zip(self.columns, map(sa.bindparam, row), strict=True)), **literals}
                for row in names]
        compiled = insert.values(rows[0] if count == 1 else rows).compile(dialect=dialect)
        if tuple(compiled.positiontup or ()) != tuple(n for row in names for n in row):
            raise StoreError(f"{table.name} insert: compiled parameter order differs from columns")
        return str(compiled)

    def __call__(self, conn: sa.Connection, rows: list[tuple[Any, ...]]) -> int:
        """Insert ``rows`` in the connection's transaction; return how many were new."""
        cursor: Any = conn.connection.cursor()  # the driver's: it takes any iterable
        try:
            many = self.per_statement
            whole = len(rows) - len(rows) % many
            # flattening needs every row to be complete (else the driver says which is not)
            if many == 1 or not whole or set(map(len, rows)) != {len(self.columns)}:
                cursor.executemany(self.sql, rows)
                return int(cursor.rowcount)
            values = chain.from_iterable(islice(rows, whole))
            groups = zip(*[values] * (many * len(self.columns)), strict=False)  # exact
            cursor.executemany(self.sql_many, groups)
            written = int(cursor.rowcount)
            if written < whole and self._has_null(rows[:whole]):
                cursor.executemany(self.sql, rows[:whole])  # raises where the NULL is
            if whole < len(rows):
                cursor.executemany(self.sql, rows[whole:])
                written += int(cursor.rowcount)
            return written
        finally:
            cursor.close()

    def _has_null(self, rows: list[tuple[Any, ...]]) -> bool:
        """Whether a row has None in a NOT NULL column."""
        get = self._not_null
        if get is None:  # at most one NOT NULL column: check the rows whole
            return any(None in row for row in rows)
        return any(None in get(row) for row in rows)


def _literal(column: sa.Column[Any], value: Any, dialect: sa.Dialect) -> Any:
    """``value`` as an SQL literal of ``column``'s type, quoted by SQLAlchemy for ``dialect``
    (the statement's compiler then escapes it for its own parameter style)."""
    text = sa.literal(value, column.type).compile(dialect=dialect,
                                                  compile_kwargs={"literal_binds": True})
    return sa.literal_column(str(text))


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
