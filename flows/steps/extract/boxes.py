"""Recognise the boxes a page sets around an article's text, by their shape and place.

A columnist's page prints the author's descriptor above the text ("Cư sĩ", "Tiến sĩ kinh tế")
and the author's own page opens with their profile; a news page embeds a related article or a
video as its headline run straight into its teaser; a page's last photo credit may run into
the byline. None of them is the article, and a scraper glues each onto text that is.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from flows.steps.extract import titles
from flows.steps.extract.furniture import SENTENCE_END, is_byline
from flows.steps.extract.paragraphs import is_syllable
from flows.steps.extract.roles import OFFICE_WORD as TITLE_WORD

AUTHOR_BOX = "author descriptor or profile box"
RELATED_BOX = "related article or video box"

_PUNCTUATION = re.compile(r"[,;:!?()\"“”]|\.(?:\s|$)")
_HEADLINE_END = re.compile(r"[,;.!?…]")
_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?…]+[”\"')]*(?=\s+[^\W_]|\s*$)")
# Words that open a sentence and never stand inside one with a capital: where a box's
# headline runs into its teaser, the teaser starts with one ("… ngân hàng Sau vụ cướp, …").
# Words that are also names, numbers or the heads of names ("Năm", "Ba", "Thủ", "Cơ") are left out.
_HONORIFIC_OPENERS = frozenset({"Ông", "Bà", "Chị"})
TEASER_OPENERS = frozenset(
    {
        "Sau", "Theo", "Trong", "Khi", "Tại", "Ngoài", "Tuy", "Trước", "Từ", "Để", "Nếu", "Do", "Vì",
        "Đây", "Đó", "Đến", "Vào", "Lúc", "Với", "Cùng", "Dù", "Nhưng", "Các", "Những", "Nhiều", "Một",
        "Ngày", "Sáng", "Trưa", "Chiều", "Tối", "Đêm", "Hôm", "Tuần", "Tháng", "Khoảng", "Gần",
    }
)  # fmt: skip
_OPENER_INSIDE = re.compile(
    r" (?:" + "|".join(sorted(TEASER_OPENERS | _HONORIFIC_OPENERS | {"Người"})) + r") (?=[^\W\d_])"
)
# Last words of the nouns after which a capitalised word is a name or a work's title, not a new
# sentence ("ông Năm", "tỉnh Khánh Hòa", "cuốn sách Khi hơi thở hóa thinh không", "đề án Một …").
_NAMING_WORDS = titles.HONORIFICS | frozenset(
    {
        "sách", "cuốn", "phim", "bài", "hát", "khúc", "trình", "phẩm", "vở", "thuyết", "tập", "album",
        "án", "mục", "thi", "giải", "báo", "chí", "kênh", "đường", "phố", "hẻm", "làng", "xã", "phường",
        "quận", "huyện", "tỉnh", "thôn", "ấp", "chùa", "đền", "đình", "trường", "đội", "tuyển", "nước",
        "tiếng", "người", "tộc", "sông", "núi", "hồ",
    }
)  # fmt: skip


# A sentence opening with a span of time, which no name does: "Mười năm trước, …", "Tuần cuối năm
# 2022, …", "Cuối năm ngoái, …" (after a descriptor: "Cư sĩ Mười năm trước, tôi …").
_TIME_OPENING = re.compile(
    r"(?:Mười|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Vài|Mấy|Nhiều) (?:năm|tháng|tuần|ngày|hôm)\b|"
    r"(?:Tuần|Năm|Tháng|Cuối|Đầu|Giữa) (?:này|nay|qua|trước|sau|cuối|đầu|ngoái|năm|tuần|tháng)\b"
)


def descriptor_end(text: str) -> int:
    """Return where an author's descriptor glued before a columnist's first sentence ends, or 0.

    "Cư sĩ Đến bây giờ, …": a title ("cư sĩ", "nhà báo", "tiến sĩ") opens at most six words
    without punctuation, then a word that opens sentences but is never part of a name, then a
    small letter. A sentence that names a person after the title ("Luật sư Trần An cho biết")
    has a name there instead. Only a page that closes with the columnist's byline has one
    (the caller checks): elsewhere the same shape is a subheading glued to its paragraph.
    """
    title = TITLE_WORD.match(text)
    if not title or not text[:1].isupper():
        return 0
    words = list(re.finditer(r"\S+", text[title.end() : title.end() + 120]))
    for index, word in enumerate(words[:7]):
        if _PUNCTUATION.search(word.group()) or any(ch.isdigit() for ch in word.group()):
            return 0
        following = words[index + 1].group() if index + 1 < len(words) else ""
        if word.group() in titles.NOT_NAME_WORDS and following[:1].islower():
            return title.end() + word.start()
        if _TIME_OPENING.match(text, title.end() + word.start()):
            return title.end() + word.start()
    return 0


def profile_end(title: str, description: str, text: str) -> int:
    """Return where the profile opening an author's own page ends, or 0 if the page is no author's.

    An author's page is titled with their bare name, its text opens with their descriptor and
    that name ("Cư sĩ Lưu Đình Long là …", "Tiến sĩ … TS. Trần Thị Thủy hiện …"), and its
    description is taken from the profile: the box runs to the end of the sentence where the
    description's text ends.
    """
    if not _is_bare_name(title):
        return 0
    place = text.find(title, 0, 120)
    opening = text[:place]
    if place <= 0 or not TITLE_WORD.match(opening) or re.search(r"[,;:!?]", opening):
        return 0
    tail = description.strip().rstrip(".…").strip()[-40:].strip()
    found = text.find(tail, place) if len(tail) >= 20 else -1
    if found < 0:
        return 0
    stop = _SENTENCE_END.search(text, found + len(tail) - 1)
    return stop.end() if stop else len(text)


def _is_bare_name(text: str) -> bool:
    """Tell whether a title is nothing but a Vietnamese name ("Lưu Đình Long")."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(
        word[:1].isupper() and word[1:].islower() and is_syllable(word) for word in words
    )


def _opening_again(text: str, end: int) -> int | None:
    """Return where a teaser that opens with its headline's first three words starts, or None.

    "Ba thanh niên hành hung nữ nhân viên ở sân bay Ba thanh niên hành hung nhân viên …": a video
    box's headline, then its caption retelling it. The headline holds four to twenty-five words
    and no comma (`end` is the first comma or stop); a sentence that says its first words again
    says them after one.
    """
    words = list(islice(_WORD.finditer(text, 0, end), 30))
    opening = [word.group() for word in words[:3]]
    for index in range(4, min(len(words) - 2, 26)):
        if [word.group() for word in words[index : index + 3]] == opening:
            return words[index].start()
    return None


def box_teaser_start(text: str) -> int | None:
    """Return where a box's teaser starts after its headline on the same line, or None.

    The headline (four to twenty-five words, no comma, no stop) runs into the teaser's first
    word, a sentence opener with a capital between two small words ("… vụ cướp ngân hàng Sau
    vụ cướp, …"); the teaser is a sentence of its own, ending with a stop.
    """
    if not text[:1].isupper() or not text.rstrip().endswith(SENTENCE_END):
        return None
    first_stop = _HEADLINE_END.search(text)
    end = first_stop.start() if first_stop else len(text)
    again = _opening_again(text, end)
    if again is not None:
        return again
    if not _OPENER_INSIDE.search(text, 0, end):  # most lines: no opener inside, no words to list
        return None
    head = _WORD.finditer(text, 0, end)
    words = [(match.group(), match.start()) for match in islice(head, 27)]
    for index in range(4, len(words) - 1):
        (before, _), (word, start), (after, _) = words[index - 1 : index + 2]
        opens = (word in TEASER_OPENERS or word == "Người") and after[:1].islower()
        # An honorific capitalised inside a line opens a sentence: "… quốc gia Chị Minh tâm sự".
        opens = opens or (word in _HONORIFIC_OPENERS and after[:1].isupper() and after.isalpha())
        if (
            opens
            and before[:1].islower()
            and before.lower() not in _NAMING_WORDS
            and text.count(" ", start) >= 5
        ):
            return start
    return None


def _credit_names(text: str) -> set[str]:
    """Return the names the page's photo credits give ("Ảnh: Anh Túc Lễ hội …" → "Anh Túc")."""
    names = set()
    for credit in re.finditer(r"Ảnh\s*:\s*", text):
        run: list[str] = []
        for word in text[credit.end() : credit.end() + 80].split():
            if not word[:1].isupper():
                run = run[:-1]  # the last capital before a small word opens the next sentence
                break
            run.append(word)
            if word.endswith((".", ")", ",")):
                break
        if run:
            names.add(" ".join(run).rstrip(".),"))
    return names


def split_credit_byline(piece: str, page: str, authors: set[str]) -> list[str]:
    """Cut a page's closing photo credit off the byline it runs into ("Ảnh: Anh Túc Viết Tuân").

    The credit is a name the page's other credits give, or the byline the page's author, or it
    stands before a byline of several names joined by dashes whose first is as long as the rest
    ("Đồ họa: Đăng Hiếu Võ Hải - Gia Chính - Phạm Chiểu").
    """
    credit = _CLOSING_CREDIT.match(piece)
    if not credit:
        return [piece]
    words = piece[credit.end() :].split()
    if len(words) < 3 or not all(word[:1].isupper() or word in {"-", "–"} for word in words):
        return [piece]
    known = _credit_names(page)
    for cut in range(1, len(words) - 1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if {words[cut - 1], words[cut]} & {"-", "–"} or not is_byline(tail):
            continue
        if head in known or tail in authors or (cut >= 2 and _names_alike(tail)):
            return [piece[: credit.end()] + head, tail]
    return [piece]


_CLOSING_CREDIT = re.compile(r"\(?(?:Ảnh|Đồ họa|Infographic|Thực hiện)\s*:\s*")


def _names_alike(byline: str) -> bool:
    """Tell whether a byline holds two or more names joined by dashes, the first as long as the others."""
    names = [name.split() for name in re.split(r"\s[-–]\s", byline)]
    if len(names) < 2 or any(not 2 <= len(name) <= 3 for name in names):
        return False
    return len(names[0]) == max(len(name) for name in names[1:])


TITLE_WORDS = 6  # a shorter title is too common a phrase to tell a box by
# Numbers a headline writes in figures and its box in words, or the other way round.
_NUMBER_WORDS = {
    "một": "1",
    "hai": "2",
    "ba": "3",
    "bốn": "4",
    "năm": "5",
    "sáu": "6",
    "bảy": "7",
    "tám": "8",
}


def _headline_words(text: str) -> list[str]:
    """Return a headline's words in small letters, numbers as figures."""
    return [_NUMBER_WORDS.get(word, word) for word in re.findall(r"\w+", text.lower())]


def mark_repeated_headlines(labels: list[tuple[Any, str]], related: str) -> None:
    """Relabel a line that opens with a related headline the page showed before: that article's box.

    A news page lists a related article's headline near the top and embeds its video further
    down, the same headline run into the video's caption ("3 người … bị sát hại" above, "Ba
    người … bị sát hại Cảnh sát khám nghiệm …" below). Only a headline of six words or more, and
    only a line that goes on after it: a paragraph that merely repeats a phrase is no box.
    """
    headlines = [
        _headline_words(part)
        for unit, label in labels
        if label == related
        for part in unit.text.split(" / ")
        if len(part.split()) >= TITLE_WORDS
    ]
    for index, (unit, label) in enumerate(labels):
        if label not in {"paragraph", "caption"} or not headlines:
            continue
        if any(_opens_with(unit.text, head) for head in headlines):
            labels[index] = (unit, RELATED_BOX)


def _opens_with(text: str, headline: list[str]) -> bool:
    """Tell whether text opens with a headline's words, then a new sentence (a capital after a space)."""
    tokens = list(re.finditer(r"\w+", text))
    if len(tokens) <= len(headline) + 2 or _headline_words(text)[: len(headline)] != headline:
        return False
    after = tokens[len(headline)]
    gap = text[tokens[len(headline) - 1].end() : after.start()]
    return gap == " " and after.group()[:1].isupper()


def repeats_title(line: str, title: str) -> bool:
    """Tell whether a body line opens with the article's whole title: the page's box of its video.

    "Xả súng tại nhà thờ Mỹ, ít nhất 25 người thiệt mạng Hiện trường nhìn từ trên cao." under
    the title "Xả súng tại nhà thờ Mỹ, ít nhất 26 người thiệt mạng": the headline of the video
    the page embeds (its figures may differ), run into its caption. A caption that only begins
    like the title ("Máy bay Vietjet gặp sự cố vừa được …") is no box, nor the title's alt text.
    """
    title_words = [w for w in re.findall(r"\w+", title.lower()) if not w.isdigit()]
    line_words = [w for w in re.findall(r"\w+", line.lower()) if not w.isdigit()]
    teaser = len(line_words) - len(title_words) > 2  # not the title's alt text ("… ảnh 1")
    return len(title_words) >= TITLE_WORDS and teaser and line_words[: len(title_words)] == title_words
