"""Alembic environment for the store: run on the connection the :class:`Store` hands over.

There is no ``alembic.ini`` on the user's side: :mod:`missionwatch.store.migrate` builds the
Alembic configuration in code and passes an open connection in
``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from missionwatch.errors import StoreError

connection = context.config.attributes.get("connection")
if connection is None:
    raise StoreError("store migrations run only through missionwatch.store.migrate")

context.configure(
    connection=connection,
    # SQLite cannot ALTER most things in place; batch mode copies the table instead
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
