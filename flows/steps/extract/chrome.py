"""Pages that are only the site's chrome: a video list, app links, contact lines, a reader-video prompt.

A crawler that follows a site's links also saves its video hubs, tag pages and author pages whose
whole text, once the footer is gone, is the site's own apparatus ("Video nổi bật 01:27 01:07 …
Tải ứng dụng Liên hệ …", "Lê Bình Độc giả chia sẻ Video đến video@vnexpress.net …"). Such pages
share most of their words with each other across unrelated stories, so they are rejected as having
no article body, with the chrome named, instead of being loaded and grouped.

The rule: some chrome is on the page, and once it is taken out no sentence is left: nothing of six
words or more that ends as a sentence ends, nor any run of twenty words. A page without any chrome
is never rejected by it, however short.
"""

from __future__ import annotations

import re

# name shown in the reject → what it matches. Outlets' own wording, as their pages print it.
CHROME = {
    "video durations": r"(?:\b\d{1,2}:\d{2}\b\s*){1,}",
    "Video nổi bật": r"Video nổi bật",
    "Tải ứng dụng": r"Tải ứng dụng",
    "contact lines": r"Liên hệ(?: quảng cáo)?:?|Hotline:?|Điện thoại \((?:Hà Nội|TP\. ?Hồ Chí Minh)\)"
    r"|\((?:Hà Nội|TP\. ?Hồ Chí Minh)\)",
    "the outlet's masthead": r"Báo điện tử|Báo tiếng Việt nhiều người xem nhất"
    r"|Thuộc Bộ [\w ]+?(?=Số giấy phép|$)|Số giấy phép:?",
    "reader-video prompt": r"Độc giả chia sẻ [Vv]ideo đến \S+ hoặc gửi thông tin, câu hỏi tại đây\.?",
    "podcast prompt": r"Nội dung chính|Bấm để chuyển tới nội dung bạn muốn nghe",
    "bookmarklet prompt": r"Bạn hoàn toàn có thể gửi tin và ảnh lên \S+ bằng cách kéo và thả các bookmarklet"
    r" sau lên trình duyệt của bạn\.?|Xem hướng dẫn|Copyright",
    "phone numbers": r"(?<![\w.,])\d[\d .]{7,}\d(?![\w,])",
    "e-mail addresses": r"\S+@\S+\.\w+",
    "source credit": r"\b[\w-]+\.(?:net|com|vn)(?:\.vn)?\b|\bNguồn\b:?",
}
_PATTERNS = {name: re.compile(pattern) for name, pattern in CHROME.items()}
_SENTENCE_END = re.compile(r"[.!?…:;\"”'’)]\s*$")
SENTENCE_WORDS = 6
RUN_WORDS = 20


def chrome_only(body: list[str]) -> str | None:
    """Return why the body is only the site's chrome, or None when it holds article text (or no chrome).

    body: the article's segments after the title, in order.
    """
    found: list[str] = []
    for text in body:
        rest = text
        for name, pattern in _PATTERNS.items():
            rest, count = pattern.subn(" ", rest)
            if count and name not in found:
                found.append(name)
        if _is_sentence(rest):
            return None
    if not found:
        return None
    return (
        "no article body: the page holds only the site's chrome (" + ", ".join(found) + ") and no "
        "sentence of an article"
    )


def _is_sentence(text: str) -> bool:
    """Tell whether what is left of a segment reads as article text."""
    count = len(text.split())
    return count >= RUN_WORDS or (count >= SENTENCE_WORDS and bool(_SENTENCE_END.search(text)))
