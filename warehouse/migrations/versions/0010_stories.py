"""Stories and near-copies: stories, story_articles, the term and MinHash indexes, view article_stories.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

Articles already in the warehouse are not placed here: a migration runs no text analysis. They
stay outside every story (story_id NULL in article_stories) until `tintuc stories rebuild` places
them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Every article, with its story and the first copy it repeats (both NULL while it is unplaced).
ARTICLE_STORIES = """
CREATE VIEW article_stories AS
SELECT a.article_id, s.story_id, s.duplicate_of
FROM articles a LEFT JOIN story_articles s ON s.article_id = a.article_id
"""


_TERM_KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("story_id", sa.String(16), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("merged_into", sa.String(16)),
    )
    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.String(32), primary_key=True),
        sa.Column("story_id", sa.String(16), nullable=False),
        sa.Column("duplicate_of", sa.String(32)),
        sa.Column("jaccard", sa.Float()),
        sa.Column("similarity", sa.Float()),
        sa.Column("placed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.article_id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["story_id"], ["stories.story_id"]),
    )
    op.create_index("ix_story_articles_story_id", "story_articles", ["story_id"])
    op.create_index("ix_story_articles_duplicate_of", "story_articles", ["duplicate_of"])
    op.create_table(
        "story_terms",
        sa.Column("term", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("article_id", sa.String(32), primary_key=True),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.article_id"], ondelete="CASCADE"),
    )
    op.create_index("ix_story_terms_article_id", "story_terms", ["article_id"])
    op.create_table(
        "story_term_counts",
        # INTEGER on SQLite: the key is then the table's rowid (one B-tree, not a table and an index).
        sa.Column("term", _TERM_KEY, primary_key=True, autoincrement=False),
        sa.Column("documents", sa.Integer(), nullable=False),
    )
    op.create_table(
        "copy_bands",
        sa.Column("band", sa.Integer(), primary_key=True),
        sa.Column("bucket", sa.BigInteger(), primary_key=True),
        sa.Column("article_id", sa.String(32), primary_key=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.article_id"], ondelete="CASCADE"),
    )
    op.create_index("ix_copy_bands_article_id", "copy_bands", ["article_id"])
    op.execute(ARTICLE_STORIES)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS article_stories")
    for table in ("copy_bands", "story_term_counts", "story_terms", "story_articles", "stories"):
        op.drop_table(table)
