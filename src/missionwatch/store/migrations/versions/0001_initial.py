"""The first schema: documents, claims (with their groups and references), entities and
rejections.

Revision ID: 0001
Revises: (none)

Frozen: later schema changes go in new revisions, never here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

_NOT_ASSERTED = sa.text("modality <> 'asserted'")


def upgrade() -> None:
    op.create_table(
        "documents",
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
    op.create_table(
        "claims",
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
    )
    op.create_index("ix_claims_subject_kind_valid_from", "claims",
                    ["subject", "kind", "valid_from"])
    op.create_index("ix_claims_kind_subject_contributor", "claims",
                    ["kind", "subject", "contributor", "role", "valid_from"])
    op.create_index("ix_claims_document_kind", "claims", ["document", "kind"])
    op.create_index("ix_claims_not_asserted", "claims", ["modality", "subject", "kind"],
                    sqlite_where=_NOT_ASSERTED, postgresql_where=_NOT_ASSERTED)
    op.create_table(
        "claim_groups",
        sa.Column("kind", sa.String, primary_key=True),
        sa.Column("subject", sa.String, primary_key=True),
        sa.Column("contributor", sa.String, primary_key=True),
        sa.Column("role", sa.String, primary_key=True),
    )
    op.create_table(
        "claim_refs",
        sa.Column("entity", sa.String, primary_key=True),
        sa.Column("kind", sa.String, primary_key=True),
        sa.Column("qualifier", sa.String, primary_key=True),
        sa.Column("claim", sa.String, primary_key=True),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("aliases", sa.Text, nullable=False, server_default="[]"),
        sa.Column("attributes", sa.Text, nullable=False, server_default="{}"),
    )
    op.create_index("ix_entities_type", "entities", ["type"])
    op.create_table(
        "rejections",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("error_type", sa.String, nullable=False),
        sa.Column("recorded_at", sa.String, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("rejections")
    op.drop_index("ix_entities_type", table_name="entities")
    op.drop_table("entities")
    op.drop_table("claim_refs")
    op.drop_table("claim_groups")
    for name in ("ix_claims_not_asserted", "ix_claims_document_kind",
                 "ix_claims_kind_subject_contributor", "ix_claims_subject_kind_valid_from"):
        op.drop_index(name, table_name="claims")
    op.drop_table("claims")
    op.drop_table("documents")
