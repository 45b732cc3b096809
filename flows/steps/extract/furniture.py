"""Recognise page furniture: the lines a scraper keeps that are not the article.

Each rule returns the reason a person reads in the `removed` table. The rules are deliberately
about shapes (a media timestamp, an image's alt text, a footer's licence line), not about one
outlet's wording, so they carry over to outlets tintuc has not seen.
"""

from __future__ import annotations

import re

MEDIA_PLAYER = "media player widget"
BANNER = "section banner"
IMAGE_ALT_TEXT = "image alt text"
RELATED_LINK = "related-link teaser"
SITE_FOOTER = "site footer"
COMMENT_WIDGET = "comment or login widget"
BYLINE = "byline"

_MEDIA = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?(\s*/\s*\d{1,2}:\d{2}(:\d{2})?)?$")
_BANNERS = frozenset({"MỚI - NÓNG", "MỚI NHẤT", "TIN LIÊN QUAN", "ĐỌC NHIỀU", "XEM THÊM", "VIDEO"})
# "… ảnh 1", "… - Ảnh 2.", and the unaccented "… hinh anh 1" of older pages.
_ALT_TEXT = re.compile(r"(?:\bảnh|\bhinh anh|\bhình ảnh)\s+\d+\.?$", re.IGNORECASE)
_RELATED = re.compile(r"^(xem thêm|đọc thêm|tin liên quan|>>|»)", re.IGNORECASE)
_FOOTER = re.compile(
    r"©|bản quyền thuộc|tổng biên tập\s*:|giấy phép hoạt động báo|giấy phép số \d+/GP|"
    r"cơ quan chủ quản\s*:|cấm sao chép|all rights reserved|hotline\s*:|tòa soạn\s*:",
    re.IGNORECASE,
)
_WIDGET = re.compile(
    r"tặng sao|nạp thêm sao|số sao|bình luận|vui lòng nhập|mã xác nhận|mật khẩu|"
    r"đăng nhập|có lỗi (phát sinh|xảy ra)|tối đa\s*:\s*\d+ ký tự|đăng ký email|"
    r"thông tin của bạn|ý kiến của bạn",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")


def _is_banner(text: str) -> bool:
    """Tell whether a line is a short all-capitals section banner such as "MỚI - NÓNG"."""
    if text in _BANNERS:
        return True
    words = [word for word in text.split() if word != "-"]
    return (
        0 < len(words) <= 4
        and text.isupper()
        and not any(ch.isdigit() for ch in text)
        and not text.endswith((".", ":", "?", "!"))
    )


def footer_start(text: str) -> int | None:
    """Return where a site footer begins inside a flattened page's text, if it does."""
    match = _FOOTER.search(text)
    return match.start() if match else None


def line_furniture(text: str, *, indented: bool = False) -> str | None:
    """Return why a whole line is page furniture, or None for article text."""
    if _MEDIA.match(text):
        return MEDIA_PLAYER
    if _is_banner(text):
        return BANNER
    if _ALT_TEXT.search(text):
        return IMAGE_ALT_TEXT
    if _RELATED.match(text) or (indented and not text.endswith((".", "!", "?", "…", '"', "”"))):
        return RELATED_LINK
    if _FOOTER.search(text):
        return SITE_FOOTER
    if _WIDGET.search(text):
        return COMMENT_WIDGET
    return None


def is_byline(text: str) -> bool:
    """Tell whether a closing line is an author's byline: two to four capitalised words."""
    words = text.replace(" và ", " ").split()
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(word) and word[0].isupper() for word in words)


def is_caption_credit(text: str) -> bool:
    """Tell whether a line carries a photo credit ("Ảnh: D.H.", "(Ảnh: Đoàn Bắc)")."""
    return bool(re.search(r"(^|[\s(\-–])Ảnh\s*:\s*\S", text))
