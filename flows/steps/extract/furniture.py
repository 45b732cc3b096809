"""Recognise page furniture: the lines a scraper keeps that are not the article.

Each rule returns the reason a person reads in the `removed` table. The rules are deliberately
about shapes (a media timestamp, an image's alt text, a footer's licence line), not about one
outlet's wording, so they carry over to outlets tintuc has not seen.
"""

from __future__ import annotations

import re

from flows.steps.extract import gazetteer
from flows.steps.extract.orgnames import NAME_PAIRS
from flows.steps.extract.outlets import page_host

MEDIA_PLAYER = "media player widget"
BANNER = "section banner"
IMAGE_ALT_TEXT = "image alt text"
RELATED_LINK = "related-link teaser"
SITE_FOOTER = "site footer"
COMMENT_WIDGET = "comment or login widget"
BYLINE = "byline"
VIDEO = "video caption or credit"
SOURCE_CREDIT = "source credit"
DONATION = "donation appeal"
NOTICE = "notice box"
TAGS = "tags"
PROMPT = "subscription or contribution prompt"
DATE_SHARE = "date, menu or share widget"
CLOSING_LIST = "menu or list of links"
# How a sentence ends, its closing quote included: a line ending otherwise is a label or a headline.
SENTENCE_END = (".", "!", "?", "…", '"', "”")

_MEDIA = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?(\s*/\s*\d{1,2}:\d{2}(:\d{2})?)?$")
_BANNERS = frozenset({"MỚI - NÓNG", "MỚI NHẤT", "TIN LIÊN QUAN", "ĐỌC NHIỀU", "XEM THÊM", "VIDEO"})
# "… ảnh 1", "… - Ảnh 2.", and the unaccented "… hinh anh 1" of older pages.
_ALT_TEXT = re.compile(r"(?:\bảnh|\bhinh anh|\bhình ảnh)\s+\d+\.?$", re.IGNORECASE)
# A box's label; "Tin liên quan đến vụ việc …" opens a story's sentence instead.
_RELATED = re.compile(r"^(xem thêm|đọc thêm|tin liên quan(?!\s+(?:đến|tới)\b)|>>|»|>(?=\s))", re.IGNORECASE)
# A related article's headline stamped with its date and time, as link lists print them:
# "Phụ huynh bức xúc vì … [04/12 - 15:59]". A sentence that ends on a stop before it is text.
_STAMPED_HEADLINE = re.compile(
    r"^[^\W\d_][^.!?…]{10,160}?\s[\[(]\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*[-–,]?\s*\d{1,2}[:h]\d{2}[\])]$"
)
# The word patterns below are written in small letters and searched in the lowercased text
# (`lowered`): a case-blind search of long alternations cost more than the rest of a line's rules.
# Strong footer marks end the article wherever they stand; weak ones ("Hotline:", which a
# story may print for its readers) only near the end of a flattened page.
FOOTER = re.compile(
    r"©|bản quyền thuộc|giấy phép hoạt động báo|giấy phép số \d+/gp|\b\d+/gp-|"
    r"cơ quan chủ quản\s*:|cấm sao chép|all rights reserved"
)
# A copyright line by its English word and year, or standing last ("Copyright 1997 VnExpress",
# "… Soha News Copyright"), and a site's registered mark before its notice ("® VnExpress giữ bản
# quyền nội dung …"). Weaker than FOOTER: a story may cite "Đạo luật Copyright 1976", so these
# close a flattened page only near its end, and are a line's furniture only on a short line that
# opens or ends with one.
COPYRIGHT_NOTICE = re.compile(
    r"\bcopyright\s*(?:©\s*)?(?:(?:19|20)\d\d\b|$)|®\s*(?:\S+\s+){1,3}giữ bản quyền"
)
# A comment counter ("Bình luận (0)"), an advertising contact and a hotline's number close pages too.
WEAK_FOOTER = re.compile(
    r"tổng biên tập\s*:|hotline\s*:|tòa soạn\s*:|email\s*:\s*\S+@|bình luận \(\d+\)|"
    r"liên hệ quảng cáo\s*:?\s*\d|hotline\s+\d{3,4}[\s.]?\d{3}|"
    # a hotline by its Vietnamese name and a colon, a login prompt, a comment counter, a readers'
    # box, a view counter, a social link, "back to top": each as a page prints it, not as a story
    # could ("gọi đường dây nóng 1900 …", "theo dõi anh trên Facebook" stay)
    r"(?:bạn )?(?:cần |vui lòng )?đăng nhập để bình luận|"
    r"ý kiến bạn đọc\s+\S+@|lượt xem\s*:\s*[\d.]+\s*$|theo dõi chúng tôi trên (?:facebook|zalo|youtube)|"
    r"quay (?:lại|về) đầu trang|"
    # a share button's toast ("link copied"), printed where the page was flattened: a story says
    # "đã sao chép liên kết" of what someone did, never "… thành công" on its own
    r"(?:copy|sao chép) (?:link|liên kết) thành công"
)
# Chrome in words a story also writes, told by its capitals and by what follows it (searched as
# written): a site's slogan over its links ("Tin tức cập nhật liên tục, nhanh chóng Nhận định …"),
# a hotline label and its digits ("Đường dây nóng: 0987 654 321"), a comment counter ("3 bình luận
# Chia sẻ"). "… theo dõi tin tức cập nhật liên tục từ …", "gọi đường dây nóng: 1900 1234 của …" and
# "hơn 500 bình luận chia sẻ câu chuyện" run on as prose and stay.
_SLOGAN = re.compile(r"(?<!\S)Tin tức cập nhật liên tục(?=\s*(?:$|,|[^\W\d_]))")
_HOTLINE = re.compile(r"(?<!\S)Đường dây nóng\s*:\s*\d[\d .]{5,}")
_COUNTER = re.compile(r"(?<!\S)\d+ bình luận(?=\s*$|\s+Chia sẻ\b)")
# what may follow a hotline's digits on a page: the end, or the next label ("Email:", "Tòa soạn:")
_NEXT_LABEL = re.compile(r"\s*(?:$|[^\W\d_][\w ]{0,30}:)")


def cased_footer_start(text: str, start: int = 0) -> int | None:
    """Return where a slogan, hotline label or comment counter printed as chrome begins, or None."""
    found = [match.start() for match in _COUNTER.finditer(text, start)]
    found += [m.start() for m in _SLOGAN.finditer(text, start) if _runs_on_as_chrome(text, m.end())]
    for match in _HOTLINE.finditer(text, start):
        rest = text[match.end() :].lstrip(" .")
        if _NEXT_LABEL.match(rest) and (not rest or rest[0].isupper()):
            found.append(match.start())
    return min(found) if found else None


def _runs_on_as_chrome(text: str, end: int) -> bool:
    """Tell whether what follows a slogan is the end, its own comma clause or a capitalised link."""
    rest = text[end:].lstrip()
    return not rest or rest.startswith(",") or rest[0].isupper()


# Widget phrases, each as the widget words it (not as a story could: "bình luận", "mật khẩu").
_WIDGET = re.compile(
    r"tặng sao|nạp thêm sao|số sao không đủ|(chưa có|viết|gửi|xem thêm) bình luận|"
    r"vui lòng nhập|mã xác nhận không đúng|nhập mã xác nhận|mật khẩu (không đúng|phải có)|"
    r"xác nhận mật khẩu|thông tin đăng nhập|có lỗi (phát sinh|xảy ra)|tối đa\s*:\s*\d+ ký tự|"
    r"đăng ký email|ý kiến của bạn sẽ"
)
PROMPT_WORDS = re.compile(
    r">>\s*bài viết không nhất thiết|bài viết không nhất thiết|không nhất thiết (trùng|phản ánh)|"
    r"gửi bài (tại đây|viết)|bạn đã được chuyển sang|để không bỏ lỡ (các|những) bài viết|"
    r"hủy đăng ký bất cứ|\bsubscribe\b|theo dõi .{1,40} trên google news|đăng ký nhận (tin|bản tin)|"
    r"(?:độc giả|bạn đọc) gọi (?:vào|tới|đến) số|"
    # a reader's prompt to send a video or to call the desk: "Độc giả chia sẻ Video đến video@…",
    # "Gọi điện cho biên tập viên theo số …, để đăng tải chia sẻ của bạn"
    r"(?:độc giả|bạn đọc) chia sẻ video đến \S+@|gọi điện cho biên tập viên theo số"
)
DONATION_WORDS = re.compile(
    r"thưa quý (độc giả|bạn đọc)|số tài khoản\s*:?\s*\d|chủ tài khoản\s*:|"
    r"nội dung chuyển khoản|mọi (sự )?(đóng góp|ủng hộ),? xin (gửi|chuyển)"
)
_TAGS = re.compile(r"^(tags?|từ khóa|chủ đề|thẻ)\s*:", re.IGNORECASE)
_NOTICE = re.compile(r"^(thông báo\s*:?\s*)+$", re.IGNORECASE)
# A line that ends with a video's credit ("… quận 7. Video: Phạm Duy.") is the video's caption.
_VIDEO_CREDIT = re.compile(r"(?:^|[\s(])(?:Video|Clip)\s*:\s*[^.!?:]{1,60}[.)]?$")
# A video box on a line of its own: the video's headline, no stop in it, then its label and what it
# shows, with no sentence of its own ("… sắp hoàn thành Video: Công nhân hoàn tất các hạng mục").
_VIDEO_BOX = re.compile(r"^[A-ZĐÀ-Ỹ\d][^.!?…:]{14,120}[^\W\d_] (?:Video|Clip): [^.!?…:]{1,160}\.?$")
# A video's label before its caption, a sentence of its own ("Video: Xe con vượt ẩu, gây tai nạn …
# làm 3 mẹ con chết."): three words in small letters follow its first, where a credit names a
# name or a body ("Video: Quốc phòng Việt Nam Nước Cộng hòa …" is a credit run into a sentence).
_VIDEO_FIRST = re.compile(
    r"^(?:Video|Clip)\s*:\s*[A-ZĐÀ-Ỹ][^\s.!?]*(?:\s[a-zà-ỹđ][^\s.!?]*){3}[^.!?]{0,200}[.!]?$"
)
_SOURCE_AFTER_CLIP = re.compile(r"\((?:nguồn|video|clip)\s*:[^()]{1,60}\)\.?$", re.IGNORECASE)
_CLIP_WORD = re.compile(r"\b(clip|video)\b", re.IGNORECASE)
# "(Theo Reuters)", "(nguồn: VTV)", "Nguồn: Bộ Y tế" standing alone.
_BARE_SOURCE = re.compile(
    r"^(?:\((?:nguồn|theo)\s*:?\s*[^()]{1,50}\)|nguồn\s*:\s*[^.!?]{1,50})\.?(?:\s*Nguồn)?$|^Nguồn$",
    re.IGNORECASE,
)  # a reposting site's closing link label "Nguồn" may follow, or stand alone
_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|t[2-7]|cn)"
_DAY = r"(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}-\d{1,2}-\d{4})"
_TIME = r"\d{1,2}[:h]\d{2}(?:\s*(?:am|pm|sa|ch))?"
_GMT = r"(?:\s*\(?\s*GMT\s*[+-]\s*\d{1,2}(?::\d{2})?\s*\)?)"
_SEP = r"\s*(?:[-,|]|ngày)?\s*"  # "17:48 | 18/02/2024", "10:56ngày17/02/2024"
# A page's date stamp, as pages print it (a story's own dates carry no weekday with a time):
# "Chủ nhật, 18/2/2024, 19:00 (GMT+7)", "Thứ Sáu, 11:19, 16/02/2024", "16-02-2024 - 11:19 AM".
DATE_STAMP = re.compile(
    rf"(?:{_WEEKDAY}{_SEP}(?:{_TIME}{_SEP})?{_DAY}(?:{_SEP}{_TIME})?|{_DAY}{_SEP}{_TIME}|{_TIME}{_SEP}{_DAY}){_GMT}?",
    re.IGNORECASE,
)
# Share buttons and page tools as pages print them beside the date ("Chia sẻ Facebook Zalo").
_SHARE_TOKEN = re.compile(
    r"[|/•·\-–]|chia sẻ|facebook|zalo|twitter|e-?mail|copy link|sao chép( liên kết)?|"
    r"lưu( bài( viết)?)?|in bài|nghe( bài( viết)?)?|bình luận|theo dõi .{1,40}? trên google news|"
    r"google news|link|cập nhật( lúc)?\s*:?|\d+ (phút|giờ) trước|cỡ chữ|a\s?[+-]|aa",
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


def lowered(text: str) -> str:
    """Return text in small letters at the same positions (the word patterns search this)."""
    small = text.lower()
    return small if len(small) == len(text) else text  # "İ" lowercases to two characters


def line_furniture(text: str, *, indented: bool = False) -> str | None:
    """Return why a whole line is page furniture, or None for article text."""
    if _MEDIA.match(text):
        return MEDIA_PLAYER
    if _NOTICE.match(text):
        return NOTICE
    if _is_banner(text):
        return BANNER
    if text.rstrip(".")[-1:].isdigit() and _ALT_TEXT.search(text):
        return IMAGE_ALT_TEXT
    small = lowered(text)
    if PROMPT_WORDS.search(small):
        return PROMPT
    if (
        _RELATED.match(text)
        or _STAMPED_HEADLINE.match(text)
        or (indented and not text.endswith(SENTENCE_END))
    ):
        return RELATED_LINK
    weak = WEAK_FOOTER.match(small) or _is_copyright_line(small) or cased_footer_start(text) == 0
    if FOOTER.search(small) or (weak and len(text) <= 120):
        return SITE_FOOTER
    return _shaped_furniture(text, small)


def _is_copyright_line(small: str) -> bool:
    """Tell whether a line opens or ends on a copyright notice; a sentence citing one has it inside."""
    notice = COPYRIGHT_NOTICE.search(small)
    return notice is not None and (notice.start() == 0 or notice.end() >= len(small.rstrip()))


def _shaped_furniture(text: str, small: str) -> str | None:
    """Return the reason for the furniture that words or shapes give away, or None."""
    # "… chưa có bình luận." in a story ("has not commented") is no widget: that phrase alone needs
    # a short line or to open it; any other widget phrase is enough anywhere.
    for widget in _WIDGET.finditer(small):
        if not widget.group().startswith("chưa có") or widget.start() == 0 or len(text) <= 80:
            return COMMENT_WIDGET
    if DONATION_WORDS.search(small):
        return DONATION
    if _TAGS.match(text):
        return TAGS
    if is_video_caption(text):
        return VIDEO
    if _BARE_SOURCE.match(text):
        return SOURCE_CREDIT
    if len(text) <= 160 and is_date_or_share(text):  # a date and buttons make a short line
        return DATE_SHARE
    return None


def is_video_caption(text: str) -> bool:
    """Tell whether a line is a video's caption or credit ("… Video: Phạm Duy.", "(nguồn: VTV)")."""
    if ("Video" in text or "Clip" in text) and (
        _VIDEO_CREDIT.search(text) or _VIDEO_BOX.match(text) or _VIDEO_FIRST.match(text)
    ):
        return True
    return bool(text.endswith((")", ").")) and _SOURCE_AFTER_CLIP.search(text) and _CLIP_WORD.search(text))


def is_date_or_share(text: str) -> bool:
    """Tell whether a line holds only a date stamp and share buttons."""
    rest = DATE_STAMP.sub(" ", text)
    end = share_run(rest, 0)
    return (rest != text or end > 0) and not any(ch.isalnum() for ch in rest[end:])


def share_run(text: str, start: int) -> int:
    """Return where a run of share buttons starting at `start` ends (`start` if there is none).

    A button word followed by a small letter is the story's ("Nghe tin…", "Lưu ý…"), not a button.
    """
    end = start
    while True:
        position = len(text[end:]) - len(text[end:].lstrip()) + end
        token = _SHARE_TOKEN.match(text, position)
        if not token or token.end() == position:
            return end
        following = text[token.end() :].lstrip()[:1]
        if following.islower() or (following.isalpha() and not text[token.end() :][:1].isspace()):
            return end
        end = token.end()


def is_byline(text: str) -> bool:
    """Tell whether a closing line is a byline: names ("Ngọc Tài - Hoàng Nam", "Chi Lê (Theo X)").

    Two to six words, all capitalised but perhaps one ("Ban Thời sự"), joined by dashes or
    "và"; or an author's note opening with an asterisk ("*Tác giả là …").
    """
    if text.startswith("*") and len(text) <= 250:
        return True
    if _INITIALS_NAME.match(text) or _THEO_NAME.match(text):
        return True
    text = without_outlet(_SOURCE_AFTER_NAME.sub("", text))
    words = [word.strip(",") for word in text.split() if word not in _NAME_JOINERS]
    if not 2 <= len(words) <= 6 or not all(_NAME_WORD.match(word) for word in words):
        return False
    capitals = sum(word[0].isupper() for word in words)
    return words[0][0].isupper() and capitals >= len(words) - (1 if len(words) >= 3 else 0)


# "H.Long", "K.Đ", "N.T.": a byline of initials; "Theo Lê Ánh", "Theo VnExpress": a source credit.
# "N. Hà" and "Theo M.T" as well: an initial may stand apart from the name, or run into the next.
_INITIALS_NAME = re.compile(r"^(?:[A-ZĐ]\.\s?){1,3}(?:[A-ZĐ][^\W\d_]*)?\.?$")
_THEO_NAME = re.compile(r"^Theo (?:[A-ZĐ]\.\s?){0,3}(?:[A-ZĐ][^\W\d_]*\.?)(?: [A-ZĐ][^\W\d_]*){0,3}\.?$")
# After the names, the source or what the writer did: "(Theo BBC)", "(tổng hợp)", "(t/h)", "(lược dịch)".
_SOURCE_AFTER_NAME = re.compile(
    r"\s*\((?:theo|nguồn|tổng hợp|t/h|lược dịch|biên dịch|dịch|ghi)\b[^()]*\)$", re.IGNORECASE
)
_NAME_JOINERS = frozenset({"-", "–", "và", "&", "/"})
# After the names, the outlet they wrote for: an agency's acronym after a slash, perhaps with its
# desk ("Lê Hiếu/VOV-Miền Trung", "Minh Anh/TTXVN"), or its site after a dash, perhaps with a
# "Nguồn" label left over from the page ("Huy Minh – Vnexpress.net Nguồn").
_OUTLET_AFTER_NAME = re.compile(
    r"(?<=[^\W\d_])\s*/\s*[A-ZĐ]{2,}[\w.]*(?:\s*[-–]\s*[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2})?$"
    r"|\s+[-–]\s+[\w-]+\.(?:vn|net|com)(?:\.vn)?\b(?:\s+Nguồn)?$"
)


def without_outlet(byline: str) -> str:
    """Return a byline without the outlet after its names; a name ends in small letters, not a code.

    "Lê Hiếu/VOV-Miền Trung" → "Lê Hiếu"; "Tỷ giá USD/VND" is a rate and "Hà Nội/TTXVN" a
    dateline: both stay whole.
    """
    match = _OUTLET_AFTER_NAME.search(byline)
    if not match or (match.group().lstrip().startswith("/") and not byline[match.start() - 1].islower()):
        return byline
    if byline[: match.start()].strip() in gazetteer.PROVINCES:
        return byline  # "Hà Nội/TTXVN", "Đà Nẵng - Vnexpress.net": a dateline's place, no author
    return byline[: match.start()]


def is_closing_list(text: str) -> bool:
    """Tell whether a page's last piece is a run of capitalised links or titles, not a sentence."""
    if len(text) < 80 or text.endswith((".", "!", "?", "…", '"', "”", ")")):
        return False
    words = text.split()
    return sum(word[0].isupper() for word in words) >= 0.3 * len(words) and text.count(",") <= 3


def is_headline(text: str) -> bool:
    """Tell whether a line reads as one or more headlines ("A / B"): no closing stop, short."""
    if text.endswith((".", "!", "?", "…", ":", '"', "”", ")")) or is_caption_credit(text):
        return False
    parts = text.split(" / ")
    # a headline may open with a figure ("3 người trong gia đình … bị sát hại")
    return all(
        len(part) <= 100 and len(part.split()) >= 3 and (part[:1].isupper() or part[:1].isdigit())
        for part in parts
    )


# Words that open a story's sentence and never go on a name: after a headline that ends on a
# name ("> Xem video đi chợ Viềng Theo thông lệ …") they open the text the teaser ran into.
_RESUMING = frozenset({"Theo", "Trong", "Tại", "Khi", "Hiện"})


# A related headline in quotes after the marker, then (checked by the caller) a capitalised word.
_QUOTED_HEADLINE = re.compile(r"\s*(?:'[^']{5,200}'|\"[^\"]{5,200}\"|“[^”]{5,200}”|‘[^’]{5,200}’)\s+")


def related_end(text: str) -> int | None:
    """Return where article text resumes after a "tin liên quan …" teaser run into it, if it does.

    The teaser's headline ends before an opening quote, or before a capitalised word standing
    between two small ones ("… bơ vơ Đau đớn hơn"): a headline capitalises only names. After a
    name, a word that opens sentences and names nothing ("Theo", "Trong") resumes the text.
    """
    marker = _RELATED.match(text)
    if not marker:
        return None
    quoted = _QUOTED_HEADLINE.match(text, marker.end())
    if quoted and text[quoted.end() : quoted.end() + 1].isupper():  # ">> 'Lì xì …' Tôi nghĩ khác."
        return quoted.end()
    words = list(re.finditer(r"\S+", text[marker.end() :]))
    for index in range(3, len(words) - 1):
        word, before, after = (words[i].group() for i in (index, index - 1, index + 1))
        if word[0] in "“«" or (
            word[0].isupper()
            and word[1:].islower()
            and (before[0].islower() or before[0].isdigit() or word in _RESUMING)  # "… ngày 27/2 Vụ cháy …"
            and before[-1].isalnum()
            and after[0].islower()
            and (word.lower(), after) not in NAME_PAIRS  # "… Lãnh đạo Bệnh viện Chợ Rẫy": a name goes on
        ):
            return marker.end() + words[index].start()
    return None


def is_caption_credit(text: str) -> bool:
    """Tell whether a line carries a photo credit ("Ảnh: D.H.", "(Ảnh: Đoàn Bắc)")."""
    return bool(re.search(r"(^|[\s(\-–])Ảnh\s*:\s*\S", text))


# A source credit closing a page's last sentence: "… năm 2008. (theo Reuters) Nguồn".
_SOURCE_TAIL = re.compile(
    r"\s\((?:theo|nguồn)\b[^()]{1,50}\)\.?(?:\s*Nguồn)?$|(?<=[.!?…”])\s+Nguồn$", re.IGNORECASE
)


def split_source_tail(sentence: str) -> list[str]:
    """Cut a source credit off the page's last sentence, when it closes it."""
    tail = _SOURCE_TAIL.search(sentence)
    if not tail or not sentence[: tail.start()].strip() or is_byline(sentence):  # "Minh Hà (Theo Reuters)"
        return [sentence]
    return [sentence[: tail.start()].strip(), sentence[tail.start() :].strip()]


_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
PROMPT_MAX_WORDS = 40


def gives_own_address(text: str, url: str | None) -> bool:
    """Tell whether a short line gives the outlet's own e-mail address: the outlet speaking to readers.

    "Độc giả liên hệ qua email henho@vnexpress.net hoặc số … để được hỗ trợ" on vnexpress.net; an
    address of anyone else ("kẻ gian dùng email abc@gmail.com …") is the story's.
    """
    host = page_host(url)
    site = ".".join(host.lower().split(".")[-3 if host.endswith((".com.vn", ".net.vn", ".org.vn")) else -2 :])
    if not site or "@" not in text or len(text.split()) > PROMPT_MAX_WORDS:
        return False
    return any(match.group(1).lower().rstrip(".").endswith(site) for match in _EMAIL.finditer(text))
