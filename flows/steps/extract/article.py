"""Turn a parsed document into the rows of every table, or a reject saying why not."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from flows.steps.extract.chrome import chrome_only
from flows.steps.extract.dates import find_date
from flows.steps.extract.english_names import english_name
from flows.steps.extract.entities import ORGANIZATION, PERSON, Mention, find_mentions
from flows.steps.extract.facts import find_facts
from flows.steps.extract.org_groups import expand
from flows.steps.extract.outlets import find_outlet
from flows.steps.extract.segments import ArticleText, Segment, build_segments
from flows.steps.ingest.formats import SourceDocument
from flows.steps.ingest.language import vietnamese_score
from flows.steps.records import ArticleRecords, Reject, Row, short_id
from flows.steps.text.transliterate import without_diacritics

NO_BODY = "article_has_body"
NO_TITLE = "article_has_title"
NOT_VIETNAMESE = "article_is_vietnamese"


def article_id_for(document: SourceDocument, text: ArticleText) -> str:
    """Return the article's id: from its URL when known, else from what it says.

    Never from where the file lies: the same article run from another folder, or arriving
    again in other bytes (another encoding, other line ends), is the same article. What it
    says is its normalised title and body, page furniture left out.
    """
    if document.url:
        return short_id("url", document.url)
    return short_id("text", *(segment.text for segment in text.segments))


def extract_article(
    document: SourceDocument, content_sha256: str, run_id: str, today: date | None = None
) -> ArticleRecords | Reject:
    """Extract the article, segments, mentions, facts and removed lines of one document."""
    text = build_segments(document)
    if text.body_units == 0:
        return Reject.of_file(document.source_path, NO_BODY, _no_body_reason(text))
    chrome = chrome_only([segment.text for segment in text.segments if segment.kind != "title"])
    if chrome is not None:
        return Reject.of_file(document.source_path, NO_BODY, chrome)
    if not any(segment.kind == "title" for segment in text.segments):
        return Reject.of_file(document.source_path, NO_TITLE, "no title: the record's title is empty")
    # Judged on the article's own text, after page furniture (often English boilerplate) is gone.
    language = vietnamese_score("\n".join(segment.text for segment in text.segments))
    if not language.is_vietnamese:
        return Reject.of_file(
            document.source_path, NOT_VIETNAMESE, f"not a Vietnamese article: {language.describe()}"
        )
    article_id = article_id_for(document, text)
    records = ArticleRecords(_article_row(document, text, article_id, content_sha256, run_id, today))
    records.segments = [_segment_row(article_id, seq, s) for seq, s in enumerate(text.segments, 1)]
    records.removed = [
        {
            "article_id": article_id,
            "line_no": r.line_no,
            "part_no": r.part_no,
            "text": r.text,
            "reason": r.reason,
        }
        for r in text.removed
    ]
    sentences = [(seq, s.text) for seq, s in enumerate(text.segments, 1)]
    records.entities, records.mentions = _mention_rows(article_id, find_mentions(sentences))
    records.facts = _fact_rows(article_id, sentences)
    return records


def _no_body_reason(text: ArticleText) -> str:
    """Say in words why an article has no body."""
    if text.furniture_units:
        return (
            f"no article body: all {text.furniture_units} parts of its content are page "
            "furniture (widgets, footer, alt text)"
        )
    return "no article body: the content is empty (only a title or description)"


def _article_row(
    document: SourceDocument,
    text: ArticleText,
    article_id: str,
    sha: str,
    run_id: str,
    today: date | None,
) -> Row:
    """Build the `articles` row."""
    opening = [s.text for s in text.segments if s.kind != "title"][:4]
    found = find_date(document.published_hint, document.url, opening, [s.text for s in text.segments], today)
    return {
        "article_id": article_id,
        "source_path": document.source_path,
        "source_format": document.source_format,
        "outlet": find_outlet(document.url, document.outlet_hint or text.title_outlet, None)
        or text.dateline_outlet,
        "url": document.url,
        "title_vi": " ".join(s.text for s in text.segments if s.kind == "title"),
        "title_en": None,
        "published_on": found.value,
        "date_source": found.source,
        "content_sha256": sha,
        "status": "pending_translation",
        "run_id": run_id,
        "ingested_at": datetime.now(UTC).replace(tzinfo=None),
        "authors": json.dumps(list(text.authors), ensure_ascii=False) if text.authors else None,
    }


def _segment_row(article_id: str, seq: int, segment: Segment) -> Row:
    """Build a `segments` row."""
    return {
        "article_id": article_id,
        "seq": seq,
        "kind": segment.kind,
        "paragraph_no": segment.paragraph_no,
        "sentence_no": segment.sentence_no,
        "text_vi": segment.text,
        "text_en": None,
        "translation_model": None,
        "quality_flags": None,
        "credit": segment.credit,
    }


def entity_id_for(kind: str, name: str) -> str:
    """Return an entity's id from its kind and Vietnamese name."""
    return short_id(kind, name)


def _entity_name(mention: Mention) -> str:
    """Return the name of the entity a mention belongs to (an organisation's abbreviations written out)."""
    name = mention.entity or mention.name
    return expand(name) if mention.kind == ORGANIZATION else name


def _mention_rows(article_id: str, mentions: list[Mention]) -> tuple[list[Row], list[Row]]:
    """Build `entities` and `mentions` rows; one mention per entity per segment.

    An entity keeps the other forms the article writes it in as `aliases_vi` ("UBND TP.HCM"
    beside "Ủy ban nhân dân thành phố Hồ Chí Minh", "Dũng" beside "Đinh Tiến Dũng").
    """
    entities: dict[str, Row] = {}
    aliases: dict[str, list[str]] = {}
    by_key: dict[tuple[int, str], Row] = {}
    for mention in mentions:
        name = _entity_name(mention)
        entity_id = entity_id_for(mention.kind, name)
        entities.setdefault(entity_id, {"entity_id": entity_id, "kind": mention.kind, "name_vi": name})
        written = mention.written or mention.name
        if written != name and written not in aliases.setdefault(entity_id, []):
            aliases[entity_id].append(written)
        row = by_key.setdefault(
            (mention.seq, entity_id),
            {
                "article_id": article_id,
                "seq": mention.seq,
                "entity_id": entity_id,
                "role_vi": None,
                "role_en": None,
            },
        )
        if mention.role and mention.role != row["role_vi"]:
            row["role_vi"] = "; ".join(filter(None, [row["role_vi"], mention.role]))
    for entity_id, row in entities.items():
        forms = sorted(aliases.get(entity_id, []))
        row["aliases_vi"] = json.dumps(forms, ensure_ascii=False) if forms else None
        # People follow English-press style, without diacritics ("Dinh Tien Dung").
        is_person = row["kind"] == PERSON
        row["name_en"] = (
            without_diacritics(row["name_vi"])
            if is_person
            else english_name(row["kind"], row["name_vi"], forms)
        )
    return list(entities.values()), list(by_key.values())


def _fact_rows(article_id: str, sentences: list[tuple[int, str]]) -> list[Row]:
    """Build `facts` rows with article-wide ids; a breakdown's parts point to their total."""
    rows: list[Row] = []
    for seq, text in sentences:
        first = len(rows) + 1
        for fact in find_facts(text, first_key=first):
            rows.append(
                {
                    "fact_id": f"{article_id}-{fact.key:03d}",
                    "article_id": article_id,
                    "seq": seq,
                    "parent_fact_id": f"{article_id}-{fact.parent_key:03d}" if fact.parent_key else None,
                    "label_vi": fact.label,
                    "label_en": None,
                    "value": fact.value,
                    "unit": fact.unit,
                    "denominator": fact.denominator,
                }
            )
    return rows
