"""The queries of the reader's story pages (flows/reader/story_pages.py), on its read-only SQLite connection.

A story's day is its article's publication date, else the day it was loaded. Its headline is its
first original article's title (copies never head a story), as in the digest.
"""

from __future__ import annotations

# Stories with the day each was last seen, the most recent first; the head is the first original.
RECENT_STORIES = """
WITH members AS (
    SELECT m.story_id, m.article_id, m.duplicate_of, m.placed_at, a.outlet, a.title_vi, a.title_en,
           coalesce(a.published_on, date(a.ingested_at)) AS seen
    FROM story_articles m JOIN articles a USING (article_id)
), heads AS (
    SELECT story_id, title_vi, title_en,
           row_number() OVER (
               PARTITION BY story_id ORDER BY duplicate_of IS NOT NULL, placed_at, article_id) AS rn
    FROM members
)
SELECT m.story_id, h.title_vi, h.title_en, count(*) AS articles,
       count(m.duplicate_of) AS copies, count(DISTINCT m.outlet) AS outlets,
       min(m.seen) AS first_seen, max(m.seen) AS last_seen
FROM members m JOIN heads h ON h.story_id = m.story_id AND h.rn = 1
GROUP BY m.story_id
ORDER BY last_seen DESC, articles DESC, m.story_id LIMIT :limit
"""
STORY = "SELECT story_id, merged_into FROM stories WHERE story_id = :story_id"
STORY_ARTICLES = """
SELECT m.article_id, m.duplicate_of, m.jaccard, m.similarity, m.placed_at,
       a.outlet, a.url, a.published_on, a.title_vi, a.title_en, a.status,
       coalesce(a.published_on, date(a.ingested_at)) AS seen
FROM story_articles m JOIN articles a USING (article_id)
WHERE m.story_id = :story_id
ORDER BY seen, m.placed_at, m.article_id
"""
# The first paragraph after the title of each original article of the story.
STORY_LEADS = """
SELECT s.article_id, s.text_vi, s.text_en
FROM segments s JOIN story_articles m USING (article_id)
WHERE m.story_id = :story_id AND m.duplicate_of IS NULL AND s.kind <> 'title'
  AND s.paragraph_no = (SELECT min(f.paragraph_no) FROM segments f
                        WHERE f.article_id = s.article_id AND f.kind <> 'title')
ORDER BY s.article_id, s.seq
"""
