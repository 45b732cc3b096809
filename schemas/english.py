"""The English side of the tables: which fields are translated, and when an article's English is whole.

One rule, whether a run fills the English in memory (flows/steps/translate/bilingual.py) or
`tintuc translate` fills it in the warehouse (warehouse/translations.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from schemas.articles import ARTICLE_STATUSES
from schemas.entities import EntitiesSchema, MentionsSchema
from schemas.facts import FactsSchema
from schemas.segments import SegmentsSchema

# (table, Vietnamese column, English column) of every translated field; segments first.
TRANSLATED_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("segments", SegmentsSchema.text_vi, SegmentsSchema.text_en),
    ("mentions", MentionsSchema.role_vi, MentionsSchema.role_en),
    ("facts", FactsSchema.label_vi, FactsSchema.label_en),
    ("entities", EntitiesSchema.name_vi, EntitiesSchema.name_en),
)
TRANSLATED, PENDING_TRANSLATION = ARTICLE_STATUSES


def english_title(title_segments: Sequence[object]) -> str | None:
    """Return an article's English title: its title segments' English joined, once every one has it."""
    if not all(isinstance(text, str) for text in title_segments):  # None, or a frame's NaN
        return None
    return " ".join(str(text) for text in title_segments) or None


def article_status(every_segment_translated: bool) -> str:
    """Return an article's status: translated once every segment has its English, else pending."""
    return TRANSLATED if every_segment_translated else PENDING_TRANSLATION
