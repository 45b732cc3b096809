"""Extraction meets text nobody wrote by hand: it never crashes, and what it makes is valid.

The only rejects allowed are the ones about what the text itself says (a breakdown that does
not add up, a share larger than its whole): an empty, non-NFC or out-of-order row would be
tintuc's own bug.
"""

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.steps.extract.article import extract_article
from flows.steps.ingest.formats import RecordProblem, UnknownShape, parse_document
from flows.steps.records import ArticleRecords, Reject
from flows.steps.validate import validate_records

vietnamese = st.text(
    alphabet=st.sampled_from(
        list(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
            "AĂÂĐÊÔƠƯHNT0123456789 .,;:()/-–“”\"'!?…%\n©"
        )
    ),
    max_size=400,
)
any_text = st.one_of(vietnamese, st.text(max_size=300))


TEXT_SAYS_SO = {
    "breakdown_sums_to_total",
    "breakdown_complete",
    "share_within_whole",
    "article_has_body",
    "article_has_title",
    "article_is_vietnamese",
}


def assert_only_rejects_about_the_text(results: list[ArticleRecords | Reject]) -> None:
    _, rejects = validate_records([r for r in results if isinstance(r, ArticleRecords)])
    rejects += [r for r in results if isinstance(r, Reject)]
    assert {r.check_name for r in rejects} <= TEXT_SAYS_SO, [(r.check_name, r.failure) for r in rejects]


def extract_all(path: str, text: str) -> list[ArticleRecords | Reject]:
    try:
        documents = parse_document(path, text)
    except UnknownShape:
        return []
    return [
        extract_article(d, "0" * 64, "run", date(2026, 11, 26))
        for d in documents
        if not isinstance(d, RecordProblem)
    ]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text_file_extracts_and_validates_without_crashing(text):
    assert_only_rejects_about_the_text(extract_all("gen.txt", text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["title", "text", "content", "description", "url", "date_publish"]),
        st.one_of(vietnamese, st.none(), st.integers(), st.lists(vietnamese, max_size=3)),
    )
)
def test_any_json_record_extracts_and_validates_without_crashing(record):
    assert_only_rejects_about_the_text(extract_all("gen.json", json.dumps(record, ensure_ascii=False)))
