"""A structured article record (title, lead, body lines) as news-please JSON gives one."""

from flows.steps.ingest.formats import SourceDocument, SourceLine


def news_record(*body: str, description: str | None = "Tóm tắt bài.") -> SourceDocument:
    """Return a record titled "Tin" with an optional lead and the given body lines, numbered from 3."""
    lines = [SourceLine(1, "Tin", "title")]
    if description:
        lines.append(SourceLine(2, description, "lead"))
    lines += [SourceLine(n, text, "body") for n, text in enumerate(body, start=3)]
    return SourceDocument("r.json", "news_please_json", lines)
