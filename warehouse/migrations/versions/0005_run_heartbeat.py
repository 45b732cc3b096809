"""Runs across machines: the host and pid of each run, and its heartbeat.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_COLUMNS = ("host", "pid", "heartbeat_at")


def upgrade() -> None:
    # Plain ADD COLUMN, never a table rebuild. Runs recorded before this have no heartbeat: a
    # `running` one among them is judged by its start (warehouse/runs.py).
    op.add_column("runs", sa.Column("host", sa.String(255)))
    op.add_column("runs", sa.Column("pid", sa.Integer()))
    op.add_column("runs", sa.Column("heartbeat_at", sa.DateTime()))


def downgrade() -> None:
    for name in _COLUMNS:
        op.execute(f"ALTER TABLE runs DROP COLUMN {name}")
