"""The English rule both a run (pandas) and `tintuc translate` (SQL) apply: schemas/english.py."""

import math

from schemas.english import TRANSLATED_FIELDS, article_status, english_title
from warehouse.models import Base


def test_an_english_title_is_its_title_segments_joined_once_every_one_has_english():
    assert english_title(["Hanoi pilots", "a new rule"]) == "Hanoi pilots a new rule"
    assert english_title(["Hanoi pilots", None]) is None
    assert english_title(["Hanoi pilots", math.nan]) is None  # a frame's missing value


def test_an_article_is_translated_only_when_every_segment_has_english():
    assert article_status(True) == "translated"
    assert article_status(False) == "pending_translation"


def test_every_translated_field_is_a_vietnamese_column_with_an_english_twin_in_the_warehouse():
    for table, source, target in TRANSLATED_FIELDS:
        columns = Base.metadata.tables[table].columns
        assert source in columns and target in columns, (table, source, target)
        assert source.endswith("_vi") and target == source.removesuffix("_vi") + "_en"
