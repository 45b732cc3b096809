"""Find where the article starts and ends on a flattened page.

A page flattened onto one line keeps its head (section menus, the date stamp, share buttons)
glued to the first sentence, and its closing footer, prompts and widgets glued to the last.
"""

from __future__ import annotations

import re

from flows.steps.extract import closing_chrome, furniture

TAGS_INSIDE = re.compile(r"\b(tags|từ khóa)\s*:")
# A page's closing lists and widgets, named as pages name them: "CÓ THỂ BẠN QUAN TÂM", "Chủ đề:",
# a comment box's unfilled template ("{name} - {time} Trả lời"). Searched near the end only.
CLOSING_BOXES = re.compile(
    r"CÓ THỂ BẠN QUAN TÂM|TIN CÙNG CHUYÊN MỤC|TIN LIÊN QUAN|BÀI VIẾT LIÊN QUAN|XEM THÊM\b|ĐỌC NHIỀU|"
    r"\{name\}|\{time\}|(?:Chủ đề|Tags|Từ khóa)\s*:(?=[^.!?]{0,200}$)"
)
TAIL_REACH = 1500  # widgets and prompts close a page: only its last characters are searched
# A box's label over a capitalised headline: "Tin liên quan Cháu bé 7 tuổi …" (a story's "Tin liên
# quan đến vụ việc …" goes on in small letters).
_BOX_LABEL = re.compile(r"Tin liên quan\s+(?=\S)")


def _closing_box(text: str, start: int, end: int) -> int | None:
    """Return where the first closing box's label between `start` and `end` stands, or None."""
    found = [match.start() for match in [CLOSING_BOXES.search(text, start, end)] if match]
    labels = _BOX_LABEL.finditer(text, start, end)
    found += [m.start() for m in labels if text[m.end() : m.end() + 1].isupper()]
    return min(found) if found else None


def footer_start(text: str) -> int | None:
    """Return where a site footer, or the widgets and prompts that close a page, begin."""
    small = furniture.lowered(text)
    starts = [match.start() for match in [furniture.FOOTER.search(small)] if match]
    near_end = max(0, len(text) - TAIL_REACH)
    tail_patterns = (
        furniture.WEAK_FOOTER,
        furniture.COPYRIGHT_NOTICE,
        furniture.PROMPT_WORDS,
        furniture.DONATION_WORDS,
        TAGS_INSIDE,
    )
    for pattern in tail_patterns:
        match = pattern.search(small, near_end)
        if match:
            starts.append(match.start())
    closing = _closing_box(text, near_end, len(text))  # capitals count: searched in the text as written
    if closing is not None:
        starts.append(closing)
    cased = furniture.cased_footer_start(text, near_end)
    if cased is not None:
        starts.append(cased)
    masthead = _masthead_start(text, near_end)
    if masthead is not None:
        starts.append(masthead)
    if not starts:
        return None
    # A long footer pushes the related-article boxes above it out of the tail searched: a box's
    # label in reach of where the footer starts opens the page's closing chrome too.
    before = _closing_box(text, max(0, min(starts) - TAIL_REACH), min(starts))
    start = before if before is not None else min(starts)
    contact = closing_chrome.contact_block_start(text, start)  # "TRỤ SỞ …  Điện thoại: … Fax: …"
    return contact if contact is not None else start


# "Số giấy phép: …", or a short label right before the licence's number: "GP: 354/GP-TTĐT", "GP số
# 354/GP-…", "Giấy phép: 354/GP-…" (FOOTER finds the number; the label before it goes too, not left
# last in the text; "Giấy phép số 354/GP" is FOOTER's own mark).
_LICENCE_LABEL = re.compile(r"số giấy phép\s*:|\bgiấy phép\s*:(?=\s*\d+/gp)|\bgp(?: số)?\s*:?(?=\s*\d+/gp)")
MASTHEAD_CHARS = 60


def _masthead_start(text: str, near_end: int) -> int | None:
    """Return where the site's masthead line before its licence label begins, if one stands there.

    "… năm 2020. Chuyên trang giải trí của VnExpress Số giấy phép: 70/GP-…": the words between the
    last sentence and the label name the site, in small letters somewhere ("của"); names alone
    there are the byline ("Anh Thùy Số giấy phép: …"), which stays the authors'.
    """
    label = _LICENCE_LABEL.search(furniture.lowered(text), near_end)
    if not label:
        return None
    before = text[max(0, label.start() - MASTHEAD_CHARS) : label.start()]
    stops = list(re.finditer(r"[.!?…”\"]\s", before))
    if not stops and label.start() > MASTHEAD_CHARS:
        return None
    run = before[stops[-1].end() :] if stops else before
    words = run.split()
    if not words or furniture.is_byline(run.strip()) or not any(word.islower() for word in words):
        return label.start()
    return label.start() - len(run.lstrip())


# A notice widget's label, an author's name and a clip's label, or a comment widget's label and its
# member badge, glued to the first sentence ("Thông báo Chiều 18/2, …", "Quang Thành XEM CLIP:
# Chiều nay …", "Bình luận Thành viên gắn bó “Để anh tính thêm” …"). A story that opens on its
# own comment goes on in small letters ("Bình luận về vụ việc, …") and keeps it.
_NOTICE_HEAD = re.compile(
    r"^(?:Thông báo\s+|(?:[A-ZĐ][^\W\d_]+ ){1,3}(?:XEM CLIP|XEM VIDEO|VIDEO|CLIP)\s*:\s*"
    r"|Bình luận(?:\s+\(\d+\))?\s+(?:Thành viên(?: [a-zà-ỹđ]+){0,3}\s+)?)(?=[A-ZĐ\d“\"])"
)


# A site's language menu opening the page: four or more languages named in a row.
_LANGUAGES = (
    "English|Vietnamese|Chinese|French|German|Indonesian|Japanese|Khmer|Korean|Laotian|Lao|"
    "Russian|Spanish|Thai|Arabic|Portuguese|Italian|Tiếng Việt|Tiếng Anh|Français|Deutsch|Español"
)
_LANGUAGE_MENU = re.compile(rf"^(?:(?:{_LANGUAGES})\s+){{4,}}(?=[A-ZĐÀ-Ỹ\d“\"(])")


# A browser-notification widget's steps opening the page: "1. Nhấn icon ổ khóa … 3. Tải lại trang".
_PERMISSION_STEPS = re.compile(
    r"^1\. Nhấn (?:vào )?(?:icon|biểu tượng) ổ khóa.{0,160}?\b3\. Tải lại trang\s+"
)


# A text-to-speech player's notices opening the page, up to its rating prompt: "Nội dung sử dụng định
# dạng âm thanh, … Nội dung được đọc tự động bằng máy tính, … Đánh giá và góp ý cho tính năng".
_SPEECH_PLAYER = re.compile(
    r"^Nội dung (?:sử dụng định dạng âm thanh|được đọc tự động)[^\n]{0,400}?(?:góp ý cho tính năng|"
    r"có thể không chính xác\.(?:\s+Đánh giá và góp ý cho tính năng)?)\s+(?=[A-ZĐÀ-Ỹ\d“\"])"
)


def _spaces(text: str, start: int) -> int:
    """Return how many spaces stand at `start`."""
    return len(text[start:]) - len(text[start:].lstrip(" "))


def head_end(text: str) -> int:
    """Return where the article starts on a flattened page whose head (menus, date, share) is glued on.

    The head ends with the page's date stamp, found in the first 300 characters before any
    sentence has ended and not followed by a comma (a story's "Thứ Sáu, 16/2/2024, ông…"), and
    runs on over the share buttons after it; a page may also open with share buttons alone.
    """
    notice = (
        _NOTICE_HEAD.match(text)
        or _LANGUAGE_MENU.match(text)
        or _PERMISSION_STEPS.match(text)
        or _SPEECH_PLAYER.match(text)
    )
    if notice:
        return notice.end()
    stamp = furniture.DATE_STAMP.search(text, 0, 300)
    end = 0
    if stamp and not re.search(r"[.!?…]\s", text[: stamp.start()]):
        after = text[stamp.end() :].lstrip()
        end = stamp.end() if not after.startswith(",") else 0
    share = furniture.share_run(text, end)
    if end or re.search(r"chia sẻ|facebook|zalo", text[:share], re.IGNORECASE):
        end = share
    while end and (again := furniture.DATE_STAMP.match(text, end + _spaces(text, end))):
        end = furniture.share_run(text, again.end())  # a list's stamps: "Cập nhật: 17:48 | 18/02/2024 …"
    # After a page's head the article opens a sentence: a capital, a digit, a quote or a bracket.
    opening = text[end:].lstrip()[:1]
    return end if opening.isupper() or opening.isdigit() or opening in "\"“'‘([" else 0


TITLE_REACH = 300  # a page's head (weather, menus, breadcrumbs) is short: the title is repeated early


def title_end(text: str, title: str) -> int:
    """Return where a flattened page's head ends when it closes with the page's title repeated.

    "Hà Nội 27°C Tin tức <title> Khoảng 10h ngày 18/2, …": a weather widget and a breadcrumb, then
    the headline, glued to the first sentence. Only when what stands before the title looks like
    chrome (no sentence ended, no comma, no "Ngày 5/3", no run of small-letter prose) and a new
    sentence opens right after it: "Ngày 5/3, tại …, Tổng Bí thư … tiếp Đại sứ Hoa Kỳ Marc Knapper."
    is a lead restating the headline, and a lead that merely begins with the title's words keeps them.
    """
    title = title.strip().rstrip(".")
    at = text.find(title, 1, TITLE_REACH + len(title)) if len(title.split()) >= 4 else -1
    if at <= 0 or not _looks_like_chrome(text[:at]):
        return 0
    end = at + len(title)
    opening = text[end:].lstrip()[:1]
    opens_sentence = opening.isupper() or opening.isdigit() or opening in '"“'
    return end if text[end : end + 1] == " " and opens_sentence and _is_new_sentence(text, end) else 0


_DATE_PHRASE = re.compile(r"\b(?:ngày|sáng|chiều|tối|trưa|đêm|hôm)\s+\d{1,2}/\d{1,2}", re.IGNORECASE)


def _looks_like_chrome(head: str) -> bool:
    """Tell whether the words before a repeated title are a page's head, not a sentence's start."""
    if re.search(r"[.!?…]\s|,", head) or _DATE_PHRASE.search(head):
        return False
    # three words in a row that open in small letters are running prose ("tại trụ sở …"); a
    # breadcrumb's words open with capitals ("Tin tức", "Thời sự Chính trị")
    words = head.split()
    return not any(all(w[:1].islower() for w in words[n : n + 3]) for n in range(len(words) - 2))


def _is_new_sentence(text: str, end: int) -> bool:
    """Tell whether a sentence opens after the title: its run to the next stop holds small letters.

    A title followed by "Marc Knapper." continues its own clause with a name, which is no sentence.
    """
    run = re.match(r"[^.!?…]*", text[end:])
    words = run.group().split() if run else []
    return any(word[:1].islower() for word in words)
