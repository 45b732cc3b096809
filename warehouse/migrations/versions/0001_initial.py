"""The warehouse contract: articles, segments, entities, mentions, facts, removed, rejects, runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from warehouse.views import create_views, drop_views

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("article_id", sa.String(32), primary_key=True),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("source_format", sa.String(32), nullable=False),
        sa.Column("outlet", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("title_vi", sa.Text(), nullable=False),
        sa.Column("title_en", sa.Text()),
        sa.Column("published_on", sa.Date()),
        sa.Column("date_source", sa.Text(), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("run_id", sa.String(32), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_articles_content_sha256", "articles", ["content_sha256"])
    op.create_index("ix_articles_status", "articles", ["status"])
    op.create_table(
        "segments",
        sa.Column("article_id", sa.String(32), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("paragraph_no", sa.Integer(), nullable=False),
        sa.Column("sentence_no", sa.Integer(), nullable=False),
        sa.Column("text_vi", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text()),
        sa.Column("translation_model", sa.String(128)),
        sa.ForeignKeyConstraint(["article_id"], ["articles.article_id"], ondelete="CASCADE"),
    )
    op.create_table(
        "entities",
        sa.Column("entity_id", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name_vi", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text()),
        sa.UniqueConstraint("kind", "name_vi"),
    )
    op.create_table(
        "mentions",
        sa.Column("article_id", sa.String(32), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("entity_id", sa.String(32), primary_key=True),
        sa.Column("role_vi", sa.Text()),
        sa.Column("role_en", sa.Text()),
        sa.ForeignKeyConstraint(
            ["article_id", "seq"], ["segments.article_id", "segments.seq"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.entity_id"]),
    )
    op.create_index("ix_mentions_entity_id", "mentions", ["entity_id"])
    op.create_table(
        "facts",
        sa.Column("fact_id", sa.String(40), primary_key=True),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("parent_fact_id", sa.String(40)),
        sa.Column("label_vi", sa.Text(), nullable=False),
        sa.Column("label_en", sa.Text()),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.Text()),
        sa.Column("denominator", sa.Float()),
        sa.ForeignKeyConstraint(
            ["article_id", "seq"], ["segments.article_id", "segments.seq"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["parent_fact_id"], ["facts.fact_id"], ondelete="CASCADE"),
    )
    op.create_index("ix_facts_article_id", "facts", ["article_id"])
    op.create_table(
        "removed",
        sa.Column("article_id", sa.String(32), primary_key=True),
        sa.Column("line_no", sa.Integer(), primary_key=True),
        sa.Column("part_no", sa.Integer(), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.article_id"], ondelete="CASCADE"),
    )
    op.create_table(
        "rejects",
        sa.Column("reject_id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(32), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("table_name", sa.String(32), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("check_name", sa.Text(), nullable=False),
        sa.Column("failure", sa.Text(), nullable=False),
    )
    op.create_index("ix_rejects_run_id", "rejects", ["run_id"])
    op.create_table(
        "runs",
        sa.Column("run_id", sa.String(32), primary_key=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime()),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("files_seen", sa.Integer(), nullable=False),
        sa.Column("files_skipped", sa.Integer(), nullable=False),
        sa.Column("articles_loaded", sa.Integer(), nullable=False),
        sa.Column("segments_translated", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
    )
    op.create_table(
        "source_files",
        sa.Column("content_sha256", sa.String(64), primary_key=True),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("run_id", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
    )
    create_views(op.get_bind(), quality_flags=False)


def downgrade() -> None:
    drop_views(op.get_bind())
    for table in (
        "source_files",
        "runs",
        "rejects",
        "removed",
        "facts",
        "mentions",
        "entities",
        "segments",
        "articles",
    ):
        op.drop_table(table)
