"""Entity aliases: the other forms articles write a person, organisation or place in.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch copy would drop `entities`, which `mentions` points at.
    op.add_column("entities", sa.Column("aliases_vi", sa.Text()))


def downgrade() -> None:
    op.drop_column("entities", "aliases_vi")
