"""Translation memory, quality flags on segments, kind and memory and flag counts on runs.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warehouse.views import create_views, drop_views

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_RUN_COUNTS = ("memory_hits", "memory_misses", "segments_flagged")


def upgrade() -> None:
    op.create_table(
        "translation_memory",
        sa.Column("source_sha256", sa.String(64), primary_key=True),
        sa.Column("package", sa.String(128), primary_key=True),
        sa.Column("decoding", sa.String(255), primary_key=True),
        sa.Column("text_vi", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    # Plain ADD COLUMN, never a table rebuild (which would cascade to mentions and facts).
    drop_views(op.get_bind())
    op.add_column("segments", sa.Column("quality_flags", sa.Text()))
    op.add_column("runs", sa.Column("kind", sa.String(16), nullable=False, server_default="pipeline"))
    for name in _RUN_COUNTS:
        op.add_column("runs", sa.Column(name, sa.Integer(), nullable=False, server_default="0"))
    create_views(op.get_bind())


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+, PostgreSQL), not batch mode: rebuilding `segments` would
    # cascade its foreign keys and delete every mention and fact.
    drop_views(op.get_bind())
    for name in ("kind", *_RUN_COUNTS):
        op.execute(f"ALTER TABLE runs DROP COLUMN {name}")
    op.execute("ALTER TABLE segments DROP COLUMN quality_flags")
    create_views(op.get_bind(), quality_flags=False)
    op.drop_table("translation_memory")
