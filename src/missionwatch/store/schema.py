"""The store's tables, as SQLAlchemy Core metadata (one definition for SQLite and PostgreSQL).

Conventions that keep the layer dialect-neutral and fast:

* JSON values (``value``, ``qualifiers``, ``meta``, ``aliases``, ``attributes``) are stored
  as text in :func:`missionwatch.model.canonical_json` form (sorted keys, no spaces), so
  equal values give equal text on every backend and a qualifier can be matched with LIKE.
* Dates are partial ISO strings as written (``2020``, ``2020-01``, ``2020-01-07``).
  ``valid_from``/``valid_to`` are full ISO days derived from them (the earliest day of
  ``date`` and the latest day of ``date_end`` or else ``date``); ISO days sort as text,
  so range queries need no date type.
* ``contributor`` and ``role`` repeat the qualifiers of the same name ("" when absent,
  never NULL, so that group keys compare) for fast personnel queries.
* ``claims.document`` is not a foreign key: a claim may cite a dataset file and row that
  is not stored as a document (the structured importers).

This module describes the *current* schema. The database is created and changed only by
the Alembic migrations in ``store/migrations/versions/``; a test checks that the migrated
database matches this metadata.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("title", sa.Text, nullable=False, server_default=""),
    sa.Column("url", sa.Text, nullable=False, server_default=""),
    sa.Column("origin", sa.Text, nullable=False, server_default=""),
    sa.Column("published", sa.String, nullable=True),
    sa.Column("date_source", sa.String, nullable=False, server_default="none"),
    sa.Column("meta", sa.Text, nullable=False, server_default="{}"),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("raw", sa.LargeBinary, nullable=False),
    sa.Column("ingested_at", sa.String, nullable=False),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("subject", sa.String, nullable=False),
    sa.Column("subject_name", sa.Text, nullable=False, server_default=""),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("qualifiers", sa.Text, nullable=False, server_default="{}"),
    sa.Column("date", sa.String, nullable=True),
    sa.Column("date_end", sa.String, nullable=True),
    sa.Column("precision", sa.String, nullable=True),
    sa.Column("valid_from", sa.String, nullable=True),
    sa.Column("valid_to", sa.String, nullable=True),
    sa.Column("date_inferred", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("modality", sa.String, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("status", sa.String, nullable=False),
    sa.Column("recorded_at", sa.String, nullable=False),
    sa.Column("document", sa.String, nullable=False),
    sa.Column("src_start", sa.Integer, nullable=False),
    sa.Column("src_end", sa.Integer, nullable=False),
    sa.Column("src_text", sa.Text, nullable=False),
    sa.Column("extractor", sa.String, nullable=False),
    sa.Column("extractor_version", sa.String, nullable=False),
    sa.Column("contributor", sa.String, nullable=False, server_default=""),
    sa.Column("role", sa.String, nullable=False, server_default=""),
    # "state as of" and timelines: one subject's claims of one kind in valid-time order
    sa.Index("ix_claims_subject_kind_valid_from", "subject", "kind", "valid_from"),
    # personnel "as of": the newest figure per (contributor, role) is one index seek
    sa.Index(
        "ix_claims_kind_subject_contributor",
        "kind", "subject", "contributor", "role", "valid_from",
    ),
    # a document's claims, and its claims of one kind (the statements beside a record)
    sa.Index("ix_claims_document_kind", "document", "kind"),
    # plans and denials (few rows): found without reading a mission's figures
    sa.Index(
        "ix_claims_not_asserted",
        "modality", "subject", "kind",
        sqlite_where=sa.text("modality <> 'asserted'"),
        postgresql_where=sa.text("modality <> 'asserted'"),
    ),
)

#: every (kind, subject, contributor, role) that has a claim, kept by ``Store.add_claims``:
#: "the newest figure per contributor and role" reads these few rows and makes one index
#: seek into ``claims`` per group, instead of walking a mission's whole history
claim_groups = sa.Table(
    "claim_groups",
    metadata,
    sa.Column("kind", sa.String, primary_key=True),
    sa.Column("subject", sa.String, primary_key=True),
    sa.Column("contributor", sa.String, primary_key=True),
    sa.Column("role", sa.String, primary_key=True),
)

#: the entities a claim names in an entity-typed qualifier (a transfer's ``to``, a
#: statement's ``about``, an event's ``recipient``…; grouped kinds' qualifiers have their own
#: columns and are not repeated here), kept by ``Store.add_claims``: "claims naming X" is
#: an index range here instead of a text search through every claim
claim_refs = sa.Table(
    "claim_refs",
    metadata,
    sa.Column("entity", sa.String, primary_key=True),
    sa.Column("kind", sa.String, primary_key=True),
    sa.Column("qualifier", sa.String, primary_key=True),
    sa.Column("claim", sa.String, primary_key=True),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String, nullable=False),
    sa.Column("aliases", sa.Text, nullable=False, server_default="[]"),
    sa.Column("attributes", sa.Text, nullable=False, server_default="{}"),
    sa.Index("ix_entities_type", "type"),
)

rejections = sa.Table(
    "rejections",
    metadata,
    sa.Column("id", sa.String, primary_key=True),  # hash of source and reason
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("error_type", sa.String, nullable=False),
    sa.Column("recorded_at", sa.String, nullable=False),
)
