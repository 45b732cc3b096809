"""Where a new article goes: into the story it is closest to, a new story, or two stories made one.

The closeness of an article to a story is average link: the mean, over the story's articles, of
the cosine of their term vectors (flows/steps/stories/terms.py); a near-copy counts with its
original's vector, so a report syndicated five times weighs as five articles, as it does for a reader.
Average link resists chaining, which single link (join whatever one member resembles) does not:
one broad article would otherwise glue unrelated stories together.

The two thresholds were chosen on half of ../shared/stories-dev's stories and checked on the
other half (bench/stories.py reports both); they are not fitted to every shared cluster. A run
loads that set cluster after cluster, while news arrives interleaved: bench/stories_replay.py
--orders replays shuffled orders too, and merges were what cost precision there (an early, broad
article pulls two stories together), hence a merge asks for more than a join.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# An article joins the closest story when its average similarity to it reaches this.
JOIN_SIMILARITY = 0.055
# A second story this close to the same article is merged into the first: the article showed
# that both report one thing (two stories that began apart, from different angles).
MERGE_SIMILARITY = 0.10


@dataclass(frozen=True)
class Placement:
    """The story to join (None: start a new one), how close it is, and the stories merged into it."""

    story_id: str | None
    similarity: float | None = None
    merged: list[str] = field(default_factory=list)


def average_link(sums: dict[str, float], sizes: dict[str, int]) -> dict[str, float]:
    """Return each story's mean similarity to the article: the sum over its members by their number."""
    return {story: total / sizes[story] for story, total in sums.items() if sizes.get(story)}


def place(similarities: dict[str, float]) -> Placement:
    """Decide where an article goes, given its similarity to each candidate story."""
    ranked = sorted(similarities.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < JOIN_SIMILARITY:
        return Placement(None)
    (best, similarity), others = ranked[0], ranked[1:]
    return Placement(best, similarity, [story for story, score in others if score >= MERGE_SIMILARITY])
