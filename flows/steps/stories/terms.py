"""An article's story terms: its words and word pairs, the title's counted more, weighted by rarity.

Vietnamese writes one syllable per word of text, and most of its words are two syllables
("tai nạn", "cao tốc"), so pairs of neighbouring syllables stand in for words without a word
segmenter (underthesea's costs about as much as the whole extraction). A term is weighted by
TF-IDF: (1 + ln tf) · ln((N + 1) / (df + 0.5)), N the original articles in the warehouse and df
those holding the term, kept in story_term_counts as articles load. An article is compared by its
TOP_TERMS weightiest terms, the vector normalised to length 1.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter
from itertools import pairwise

from flows.steps.stories.text import words

# The title says what the story is: its terms count as if written this many times.
TITLE_WEIGHT = 5
TOP_TERMS = 120
MAX_WORD_CHARS = 40  # longer "words" are runs of digits or junk
# "… - Tin tức mới nhất 24h qua", "… - Ngôi sao", "… | Cafe Bệt": a title's last dash part, when this
# short, is most often the site's or the section's name, which says nothing of the story.
_TITLE_TAIL = re.compile(r"\s+[-–|]\s+(?P<tail>[^-–|]+)$")
TAIL_WORDS = 6


def headline(title: str) -> str:
    """Return the title without a short trailing " - site or section" part (kept when it is long)."""
    tail = _TITLE_TAIL.search(title)
    if tail and len(tail.group("tail").split()) <= TAIL_WORDS:
        return title[: tail.start()]
    return title


def story_terms(title: str, body_words: list[str]) -> Counter[str]:
    """Count the syllables and syllable pairs of the title (its headline, TITLE_WEIGHT times) and body.

    body_words: the body's words in order (flows/steps/stories/text.py, text_words), as one run.
    """
    counts: Counter[str] = Counter()
    for sequence, weight in ((words(headline(title)), TITLE_WEIGHT), (body_words, 1)):
        kept = [word for word in sequence if len(word) <= MAX_WORD_CHARS]
        for term in kept + [f"{a}_{b}" for a, b in pairwise(kept)]:
            counts[term] += weight
    return counts


def weighted(counts: Counter[str], documents: dict[str, int], total: int) -> dict[str, float]:
    """Return the TOP_TERMS weightiest terms with TF-IDF weights, as a vector of length 1.

    documents holds each term's document frequency (an unseen term counts as in none), total
    the number of documents.
    """
    scores = {
        term: (1 + math.log(count)) * math.log((total + 1) / (documents.get(term, 0) + 0.5))
        for term, count in counts.items()
    }
    top = heapq.nsmallest(TOP_TERMS, scores.items(), key=lambda item: (-item[1], item[0]))
    norm = math.sqrt(sum(weight * weight for _, weight in top))
    return {term: weight / norm for term, weight in top if weight > 0} if norm else {}


def term_id(term: str) -> int:
    """Return a term's stable signed 64-bit id (never 0, which stands for every document)."""
    value = int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little", signed=True)
    return value or 1
