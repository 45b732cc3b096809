"""Credits and bylines as data: a caption's photo credit, an article's authors.

A caption's credit ("Ảnh: Nguyễn Đông") leaves the caption's text for `segments.credit`; the
closing byline's names go to `articles.authors` (a JSON list). Neither is translated.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, never a table rebuild (which would cascade to mentions and facts).
    op.add_column("segments", sa.Column("credit", sa.Text()))
    op.add_column("articles", sa.Column("authors", sa.Text()))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+, PostgreSQL), not batch mode: rebuilding `segments` would
    # cascade its foreign keys and delete every mention and fact.
    op.execute("ALTER TABLE articles DROP COLUMN authors")
    op.execute("ALTER TABLE segments DROP COLUMN credit")
