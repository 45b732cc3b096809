"""Typed SQLAlchemy models: the single source of the warehouse's tables.

This is the contract users query; later versions add columns but never rename them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of every warehouse table."""


class Article(Base):
    """An article, its provenance and translation status (`translated`/`pending_translation`)."""

    __tablename__ = "articles"

    article_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    source_path: Mapped[str] = mapped_column(Text)
    source_format: Mapped[str] = mapped_column(String(32))
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title_vi: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str | None] = mapped_column(Text)
    published_on: Mapped[date | None] = mapped_column(Date)
    date_source: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(32), index=True)
    run_id: Mapped[str] = mapped_column(String(32))
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    authors: Mapped[str | None] = mapped_column(Text)  # JSON list of the closing byline's names


class Segment(Base):
    """One sentence of an article in reading order, in Vietnamese and English."""

    __tablename__ = "segments"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    paragraph_no: Mapped[int] = mapped_column(Integer)
    sentence_no: Mapped[int] = mapped_column(Integer)
    text_vi: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str | None] = mapped_column(Text)
    translation_model: Mapped[str | None] = mapped_column(String(128))
    # "" when the English passed every check; "flag: detail; …" otherwise (flows/steps/translate/quality.py).
    quality_flags: Mapped[str | None] = mapped_column(Text)
    # A caption's photo credit as written ("Ảnh: Nguyễn Đông"): out of the text, never translated.
    credit: Mapped[str | None] = mapped_column(Text)


class Entity(Base):
    """A person, organisation or place, shared by every article that names it."""

    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("kind", "name_vi"),)

    entity_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name_vi: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str | None] = mapped_column(Text)
    aliases_vi: Mapped[str | None] = mapped_column(Text)  # JSON list of the other forms written


class Mention(Base):
    """An entity named in a segment, with the role the text gives a person there."""

    __tablename__ = "mentions"
    __table_args__ = (
        ForeignKeyConstraint(
            ["article_id", "seq"], ["segments.article_id", "segments.seq"], ondelete="CASCADE"
        ),
        Index("ix_mentions_entity_id", "entity_id"),
    )

    article_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.entity_id"), primary_key=True)
    role_vi: Mapped[str | None] = mapped_column(Text)
    role_en: Mapped[str | None] = mapped_column(Text)


class Fact(Base):
    """A number an article states; the parts of a breakdown point to their total."""

    __tablename__ = "facts"
    __table_args__ = (
        ForeignKeyConstraint(
            ["article_id", "seq"], ["segments.article_id", "segments.seq"], ondelete="CASCADE"
        ),
    )

    fact_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    article_id: Mapped[str] = mapped_column(String(32), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    parent_fact_id: Mapped[str | None] = mapped_column(ForeignKey("facts.fact_id", ondelete="CASCADE"))
    label_vi: Mapped[str] = mapped_column(Text)
    label_en: Mapped[str | None] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(Text)
    denominator: Mapped[float | None] = mapped_column(Float)


class Removed(Base):
    """Page furniture removed from an article, with the reason."""

    __tablename__ = "removed"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True
    )
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    part_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)


class RejectRow(Base):
    """A record, or a whole file, that failed a check, and why."""

    __tablename__ = "rejects"

    reject_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(String(32), index=True)
    source_path: Mapped[str] = mapped_column(Text)
    table_name: Mapped[str] = mapped_column(String(32))
    record: Mapped[str] = mapped_column(Text)
    check_name: Mapped[str] = mapped_column(Text)
    failure: Mapped[str] = mapped_column(Text)


class Run(Base):
    """One run of the pipeline and what it did."""

    __tablename__ = "runs"

    run_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # "pipeline" (tintuc run, tintuc serve) or "translate" (tintuc translate).
    kind: Mapped[str] = mapped_column(String(16), default="pipeline", server_default="pipeline")
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(32))
    files_seen: Mapped[int] = mapped_column(Integer, default=0)
    files_skipped: Mapped[int] = mapped_column(Integer, default=0)
    articles_loaded: Mapped[int] = mapped_column(Integer, default=0)
    segments_translated: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    memory_hits: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    memory_misses: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    segments_flagged: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Where the run's process lives, and when it last said it was alive (the database's clock, UTC).
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime)


class SourceFileRow(Base):
    """A file content tintuc has processed: the same bytes are not processed again."""

    __tablename__ = "source_files"

    content_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    source_path: Mapped[str] = mapped_column(Text)
    run_id: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16))


class MemoryEntry(Base):
    """A remembered translation: one source sentence, for one package and decoding.

    The key is the SHA-256 of the sentence with its whitespace collapsed, so a sentence is
    translated once however many articles and runs repeat it.
    """

    __tablename__ = "translation_memory"

    source_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    package: Mapped[str] = mapped_column(String(128), primary_key=True)
    decoding: Mapped[str] = mapped_column(String(255), primary_key=True)
    text_vi: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class TranslationFailure(Base):
    """A text whose decode raised with one package: the last error and how many times it failed.

    Keyed like the translation memory by the SHA-256 of the text (whitespace collapsed); a text
    that failed twice with the same package is not tried again unless asked (`--retry-failed`).
    """

    __tablename__ = "translation_failures"

    source_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    package: Mapped[str] = mapped_column(String(128), primary_key=True)
    text_vi: Mapped[str] = mapped_column(Text)
    last_error: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer)
    last_run_id: Mapped[str | None] = mapped_column(String(32))
    failed_at: Mapped[datetime] = mapped_column(DateTime)


class FetchedUrl(Base):
    """A URL the fetcher fetched, in canonical form: pages are fetched once, feeds asked conditionally.

    A page's row points to the archived response (WARC file and offset) it was extracted from.
    """

    __tablename__ = "fetched_urls"

    canonical_url: Mapped[str] = mapped_column(Text, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "page", "feed" or "sitemap"
    status: Mapped[int] = mapped_column(Integer)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(DateTime)
    warc_path: Mapped[str | None] = mapped_column(Text)
    warc_offset: Mapped[int | None] = mapped_column(BigInteger)
    run_id: Mapped[str | None] = mapped_column(String(32))


class Story(Base):
    """A story: the articles, across outlets and days, that report one thing (warehouse/stories.py).

    A story merged into another keeps its row with `merged_into` set, so its old links still lead
    somewhere; its articles belong to the story it was merged into.
    """

    __tablename__ = "stories"

    story_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    merged_into: Mapped[str | None] = mapped_column(String(16))


class StoryArticle(Base):
    """An article's place in a story, and the article it is a near-copy of, if any.

    `duplicate_of` names the first copy (its original) when the article's body shares at least half
    its word 5-grams with it (`jaccard`); `similarity` is how close the article was to the story it
    joined (None for the article that started it, and for copies). `placed_at` orders the articles
    as they were placed: the first copy is the earliest.
    """

    __tablename__ = "story_articles"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True
    )
    story_id: Mapped[str] = mapped_column(ForeignKey("stories.story_id"), index=True)
    duplicate_of: Mapped[str | None] = mapped_column(String(32), index=True)
    jaccard: Mapped[float | None] = mapped_column(Float)
    similarity: Mapped[float | None] = mapped_column(Float)
    placed_at: Mapped[datetime] = mapped_column(DateTime)


class StoryTerm(Base):
    """One of the weightiest terms of an original article (not a copy): the index stories are found by.

    A term is kept as its 64-bit hash (flows/steps/stories/terms.py, term_id): the index is read and
    written for every article loaded, and integers are compared and stored faster than words.
    """

    __tablename__ = "story_terms"

    term: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True, index=True
    )
    weight: Mapped[float] = mapped_column(Float)


class StoryTermCount(Base):
    """In how many original articles a term (its hash) occurs; the row of term 0 counts the articles."""

    __tablename__ = "story_term_counts"

    # INTEGER on SQLite, so that the key is the table's rowid: one B-tree, not a table and an index.
    term: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    documents: Mapped[int] = mapped_column(Integer)


class CopyBand(Base):
    """One band of an article's MinHash signature: articles sharing a band are checked as near-copies."""

    __tablename__ = "copy_bands"

    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    bucket: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True, index=True
    )
