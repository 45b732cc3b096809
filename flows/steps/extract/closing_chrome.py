"""Chrome a page prints around its story, told by shape and place alone, never by an outlet's words.

Issue 18's seventh round read what stays in the text of the articles of ../shared outside every
gold, grouped by shape. Four shapes recur across outlets and hold no word learnt from the
corpora (the only words here are the page's own address, and link and contact labels written by hand):

- **Labels glued into one run**: a widget lists its labels without spaces between them ("Nhà
  báoCựu tuyển thủ …Giảng viên cao cấp…Luật sưTiến sĩ …"): four or more Vietnamese words run
  into the next label's capital, with no sentence stop in the run. A flattened page glues a
  dateline or a caption to the next sentence once ("Thừa Thiên - HuếTài xế …"), never four times.
- **The site's own tags closing the page**: the last piece, no closing stop, opening with two
  or more of the site's own brands as its address spells them ("VOV VOVworld VOV5 …" on
  vovworld.vn) and going on in tags. One brand alone ("VnExpress Marathon …") may be a caption.
- **A link's label left last**: two or three Latin words naming a link ("Source link"), no stop.
- **The outlet's contact block over its footer**: a block opening with an address's heading
  ("TRỤ SỞ HÀ NỘI", "Địa chỉ:") and giving two kinds of contact ("Điện thoại: (84-24) …",
  "Fax: …") runs into the footer, and goes with it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from flows.steps.extract.furniture import SENTENCE_END
from flows.steps.extract.outlets import page_host

GLUED_LABELS = 4  # glued joins that make a run of labels, not a flattened sentence
TAGS_MAX_WORDS = 15
_SENTENCE_STOP = re.compile(r"[.!?…][\"”’)]*(?:\s|$)")  # a stop inside a closing quote counts
_HOST_LABELS_LEFT_OUT = frozenset({"www", "m", "com", "vn", "net", "org", "info", "edu", "gov", "tv"})
# Link words written here by hand (not mined from any corpus): a label such as "Source link".
_LINK_LABEL = re.compile(r"^(?=.*\b(?:link|source)\b)[A-Za-z]+(?: [A-Za-z]+){1,2}$", re.IGNORECASE)


CONTACT_REACH = 700  # how far before the footer an outlet's contact block may begin
# Contact labels, written here by hand: an address's heading as a block prints it (in capitals, or
# with its colon: "TRỤ SỞ HÀ NỘI", "Địa chỉ:"; a story's "trụ sở Công an tỉnh" has neither), then
# the kinds of contact the block gives.
_CONTACT_HEADING = re.compile(r"(?:ĐỊA CHỈ|TRỤ SỞ|TÒA SOẠN)\b|(?:Địa chỉ|Trụ sở|Tòa soạn)\s*:")
_CONTACT_FIELD = re.compile(r"\b(điện thoại|fax|hotline|e-?mail)\s*:?\s*(?=[(+]?\d|[\w.-]+@)", re.IGNORECASE)


def contact_block_start(text: str, footer: int) -> int | None:
    """Return where the outlet's contact block run into a footer starting at `footer` begins, or None.

    The block opens with an address's heading and gives two kinds of contact or more before the
    footer; a story's sentence giving one hotline, or an address in its prose, does not.
    """
    starts = [
        match.start() for match in _CONTACT_HEADING.finditer(text, max(0, footer - CONTACT_REACH), footer)
    ]
    for start, end in pairwise([*starts, footer]):
        # Only up to the next heading: a story's own "Địa chỉ:" above the block is no part of it.
        block = text[start:end]
        kinds = {match.group(1).lower().replace("-", "") for match in _CONTACT_FIELD.finditer(block)}
        if len(kinds) >= 2:
            return start
    return None


def glued_joins(text: str) -> int:
    """Count the places a word in small letters runs into a capital, inside Vietnamese words.

    A join inside a Latin brand ("VnExpress", "OpenAI") is no glue: only a token holding a
    letter outside ASCII ("giaGiảng", "sưTiến") counts.
    """
    joins = 0
    for token in text.split():
        if token.isascii():
            continue
        joins += sum(1 for a, b in pairwise(token) if a.islower() and b.isupper())
    return joins


def is_glued_labels(text: str) -> bool:
    """Tell whether a piece is a widget's labels glued into one run, not a sentence."""
    return glued_joins(text) >= GLUED_LABELS and not _SENTENCE_STOP.search(text)


def _site_words(url: str | None) -> set[str]:
    """Return the words of a page's host that can name the site ("vovworld" of vovworld.vn)."""
    labels = page_host(url).lower().split(".")
    return {label for label in labels if len(label) >= 3 and label not in _HOST_LABELS_LEFT_OUT}


def _names_site(word: str, site: str) -> bool:
    """Tell whether a word is the site's name or a brand of it: "VOV", "VOVworld", "VOV5" of vovworld."""
    word = re.sub(r"\W", "", word).lower()
    if len(word) < 3 or word[:3] != site[:3]:
        return False
    # The whole host word, or a brand that grows from it ("VOVworld", "VOV5"); never a word the host
    # merely opens with ("Thanh" of thanhnien, "Kinh" of kinhtedothi: a byline's, a sentence's).
    return word.startswith(site) or word.rstrip("0123456789") in {site, site[:3]}


def is_own_site_tags(text: str, url: str | None) -> bool:
    """Tell whether a page's last piece is its own tags: two of the site's brands first, no stop."""
    words = text.split()
    if not words or len(words) > TAGS_MAX_WORDS or text.rstrip().endswith(SENTENCE_END):
        return False
    sites = _site_words(url)
    return sum(any(_names_site(word, site) for site in sites) for word in words[:3]) >= 2


def is_link_label(text: str) -> bool:
    """Tell whether a page's last piece is a link's label in Latin words ("Source link")."""
    return bool(_LINK_LABEL.match(text.strip()))
