"""What the fetcher fetched: one row per canonical URL, with the feed's validators and the archived response.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fetched_urls",
        sa.Column("canonical_url", sa.Text(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("etag", sa.Text()),
        sa.Column("last_modified", sa.Text()),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("warc_path", sa.Text()),
        sa.Column("warc_offset", sa.BigInteger()),
        sa.Column("run_id", sa.String(32)),
    )


def downgrade() -> None:
    op.drop_table("fetched_urls")
