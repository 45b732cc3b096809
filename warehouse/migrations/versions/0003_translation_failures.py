"""Translation failures: texts whose decode raised, with the last error and the attempts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "translation_failures",
        sa.Column("source_sha256", sa.String(64), primary_key=True),
        sa.Column("package", sa.String(128), primary_key=True),
        sa.Column("text_vi", sa.Text(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_run_id", sa.String(32)),
        sa.Column("failed_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("translation_failures")
