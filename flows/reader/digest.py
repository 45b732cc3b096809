"""The digest: a period's stories in English, most covered first (`tintuc digest`).

For each story: its headline, first and last day seen, how many articles and which outlets carried
it in the period, the people and organisations they name, the lead, and a link to each article with
its near-copies folded under it. The headline and lead are those of the story's first original
article of the period (in the order they were placed). English not yet translated is shown as
pending, with the Vietnamese beside it: never a machine guess of our own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from warehouse.engine import Warehouse
from warehouse.story_reads import Period, covered_stories, leads, named, period_articles, story_spans

MAX_NAMES = 6  # people, and organisations, shown per story: the most often named
_DURATION = re.compile(r"^\s*(\d+)\s*([hd])\s*$")


@dataclass(frozen=True)
class Bilingual:
    """A text and its English, None while the translation is pending."""

    vi: str
    en: str | None


@dataclass(frozen=True)
class Link:
    """An article as the digest lists it: where to read it, and the near-copies of it folded under it."""

    article_id: str
    title: Bilingual
    outlet: str | None
    url: str | None
    published_on: date | None
    copies: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class DigestStory:
    """One story of the period."""

    story_id: str
    headline: Bilingual
    lead: Bilingual | None
    first_seen: date | None
    last_seen: date | None
    coverage: int  # the period's articles of the story, copies included
    outlets: list[str]
    people: list[Bilingual]
    organisations: list[Bilingual]
    articles: list[Link]


@dataclass(frozen=True)
class Digest:
    """The period and its stories, most covered first."""

    heading: str
    period: Period
    stories: list[DigestStory]


def last(duration: str, now: datetime) -> tuple[Period, str]:
    """Return the period of the last "24h" or "7d" before now (naive UTC), and its heading."""
    found = _DURATION.match(duration)
    if not found or int(found[1]) == 0:
        raise ValueError(f"{duration!r}: give hours or days, such as 24h or 7d")
    span = timedelta(hours=int(found[1])) if found[2] == "h" else timedelta(days=int(found[1]))
    count, unit = int(found[1]), {"h": "hour", "d": "day"}[found[2]]
    heading = f"the {count} {unit}{'s' if count != 1 else ''} to {now:%Y-%m-%d %H:%M} UTC"
    return Period(now - span, now), heading


def on(day: date) -> tuple[Period, str]:
    """Return the period of one day (UTC), and its heading."""
    start = datetime(day.year, day.month, day.day)
    return Period(start, start + timedelta(days=1)), f"{day:%Y-%m-%d}"


def period_for(since: str | None, day: str | None, now: datetime) -> tuple[Period, str]:
    """Return the period `tintuc digest` asks for: --since (default 24h) or --date, not both."""
    if since is not None and day is not None:
        raise ValueError("give --since or --date, not both")
    if day is None:
        return last(since or "24h", now)
    try:
        return on(date.fromisoformat(day))
    except ValueError as error:
        raise ValueError(f"{day!r}: give the date as YYYY-MM-DD") from error


def read_digest(engine: Warehouse, period: Period, heading: str, limit: int = 20) -> Digest:
    """Read the period's stories, at most limit of them, from the warehouse."""
    with engine.connect() as connection:
        stories = covered_stories(connection, period, limit)
        rows = period_articles(connection, period, stories)
        spans = story_spans(connection, stories) if stories else {}
        by_story: dict[str, list[dict[str, Any]]] = {story: [] for story in stories}
        for row in rows:
            by_story[row["story_id"]].append(row)
        heads = {story: _headline_row(members)["article_id"] for story, members in by_story.items()}
        first_paragraphs = leads(connection, list(heads.values())) if heads else {}
        names = named(connection, [row["article_id"] for row in rows]) if rows else []
    built = [
        digest_story(
            story,
            by_story[story],
            spans.get(story, (None, None)),
            first_paragraphs.get(heads[story], []),
            names,
        )
        for story in stories
    ]
    return Digest(heading, period, built)


def digest_story(
    story_id: str,
    members: list[dict[str, Any]],
    span: tuple[date | None, date | None],
    lead: list[dict[str, Any]],
    names: list[dict[str, Any]],
) -> DigestStory:
    """Make one story of the digest from its period's articles (in placing order) and what they name."""
    head = _headline_row(members)
    ids = {row["article_id"] for row in members}
    return DigestStory(
        story_id=story_id,
        headline=Bilingual(head["title_vi"], head["title_en"]),
        lead=_lead(lead),
        first_seen=span[0],
        last_seen=span[1],
        coverage=len(members),
        outlets=[outlet for outlet, _ in Counter(r["outlet"] for r in members if r["outlet"]).most_common()],
        people=_most_named(names, ids, "person"),
        organisations=_most_named(names, ids, "organization"),
        articles=_links(members),
    )


def _headline_row(members: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the first original article of the period (a copy only when the period holds no original)."""
    return next((row for row in members if row["duplicate_of"] is None), members[0])


def _lead(sentences: list[dict[str, Any]]) -> Bilingual | None:
    """Return the lead paragraph; its English only when every sentence of it has English."""
    if not sentences:
        return None
    english = [row["text_en"] for row in sentences]
    vietnamese = " ".join(row["text_vi"] for row in sentences)
    return Bilingual(vietnamese, None if None in english else " ".join(english))


def _most_named(names: list[dict[str, Any]], ids: set[str], kind: str) -> list[Bilingual]:
    """Return the entities of a kind named by the most of these articles, most first."""
    counts = Counter(
        (row["name_vi"], row["name_en"]) for row in names if row["kind"] == kind and row["article_id"] in ids
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))[:MAX_NAMES]
    return [Bilingual(vi, en) for (vi, en), _ in ranked]


def _links(members: list[dict[str, Any]]) -> list[Link]:
    """Return the period's articles, each near-copy folded under its original when that is listed too."""
    links: dict[str, Link] = {}
    for row in members:
        link = Link(
            row["article_id"],
            Bilingual(row["title_vi"], row["title_en"]),
            row["outlet"],
            row["url"],
            row["published_on"],
        )
        original = links.get(row["duplicate_of"] or "")
        if original is not None:
            original.copies.append(link)
        else:
            links[row["article_id"]] = link
    return list(links.values())
