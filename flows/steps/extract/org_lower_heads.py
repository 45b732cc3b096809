"""Organisations named after their noun in small letters: "công ty Hoàng Long", "bệnh viện Bạch Mai".

The noun is not part of the official name, so `orgnames`' capitalised heads miss them; the name
after it is grown as a capitalised head's is (`org_growth`). A school's "trường" is not one when it
ends another word ("thị trường", "quảng trường"), and "bộ" names a ministry only in a list after one.
"""

from __future__ import annotations

import re

from flows.steps.extract import gazetteer
from flows.steps.extract.org_fields import _is_capitalised, _overlaps
from flows.steps.extract.org_growth import _generic, _org_end
from flows.steps.extract.people import WORD

Span = tuple[int, int, str]

# A firm, a bank or a hospital named after its noun in small letters ("công ty Hoàng Long",
# "bệnh viện Bạch Mai"); a place after it is where they are ("các bệnh viện Hà Nội").
# A school too ("trường Nguyễn Du", "đại học Bách khoa"), but not a word that ends in "trường"
# ("thị trường Mỹ", "quảng trường Ba Đình", "chiến trường Campuchia", a school's "điểm trường").
_TRUONG_WORDS = frozenset(
    {"thị", "quảng", "chiến", "môi", "hiện", "lập", "công", "phi", "thương", "ngư", "nông", "đấu"}
    | {"pháp", "sân", "đường", "trại", "kịch", "sở", "điểm"}
)
_LOWER_HEAD = re.compile(
    r"(?<!\w)(?P<noun>tổng công ty|công ty|tập đoàn|ngân hàng|bệnh viện|đại học|trường|bộ)"
    r" (?=[A-ZĐ]|TNHH|cổ phần)"
)


def _listed_after_ministry(text: str, start: int, taken: list[tuple[int, int]]) -> bool:
    """Tell whether "bộ" at `start` is a list's next ministry: "Bộ Y tế, bộ Lao động và …".

    In small letters "bộ" is a set or a part ("bộ Hồ sơ", "bộ phận"); it names a ministry only
    right after a ministry found in capitals, a comma or "và" between them.
    """
    return any(
        text.startswith(("Bộ ", "bộ "), begin) and text[end:start] in {", ", " và ", ", và "}
        for begin, end in taken
    )


def _lower_headed(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return bodies named after their noun in small letters, grown as their capitalised head is."""
    spans: list[Span] = []
    words = list(WORD.finditer(text))
    for match in _LOWER_HEAD.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()].split()[-1:]
        if match["noun"] == "trường" and before and before[0].lower() in _TRUONG_WORDS:
            continue
        if match["noun"] == "bộ" and not _listed_after_ministry(text, match.start(), taken):
            continue
        head = match["noun"][:1].upper() + match["noun"][1:]
        first = next((i for i, w in enumerate(words) if w.start() >= match.end("noun")), len(words))
        end = _org_end(text, words, first, match.end("noun"), taken, head)
        rest = text[match.end("noun") : end].split()
        if (
            not any(_is_capitalised(w) for w in rest)
            or _generic(head, rest)
            or _overlaps(match.start(), end, taken)
        ):
            continue
        if " ".join(rest) in gazetteer.PROVINCES or all(w.isascii() for w in rest):
            continue  # "bệnh viện Hà Nội": the city's hospitals; "công ty Bluesky": a brand, found as such
        spans.append((match.start(), end, text[match.start() : end]))
        taken.append((match.start(), end))
    return spans
