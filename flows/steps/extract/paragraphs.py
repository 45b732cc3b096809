"""Give a flattened page its paragraphs back (credits are cut off the text they run into by `credits`).

A scraper that flattens a page onto one line joins its paragraphs with a space or with nothing.
Where nothing was left the break still shows: a sentence's stop followed at once by a capital
("…đã kết thúc.Sau đó…"), or a word run into the next ("Thừa Thiên - HuếTại hiện trường",
"Ảnh: TTXVNNgười dân"). Abbreviations, decimals, domains and initials ("TP.HCM", "3.5",
"vnexpress.net", "T.Ư", "Tp.Hồ Chí Minh") have no capital-then-small letter after their stop or
are known abbreviations; brand names in camel case ("VnExpress", "McQueen", "TikTok", "SaiGon")
are not two Vietnamese syllables one of which is marked as only Vietnamese is.
"""

from __future__ import annotations

import re
import unicodedata

from flows.steps.extract.sentences import ABBREVIATIONS

# Words that open a Vietnamese sentence far more often than they end a name: where a credit
# ("Ảnh: Võ Thạnh") runs into the next sentence, the sentence starts at the first of them.
_OPENER_WORDS = (
    "Sau Theo Trong Khi Tại Ông Bà Chị Các Những Một Nhiều Ngày Sáng Trưa Chiều Tối Đêm Hôm "
    "Hiện Đây Đó Ngoài Tuy Với Từ Trước Cùng Khoảng Lúc Vào Để Nếu Do Vì Bên Thủ Tổng Người "
    "Cơ Lực Xe Đến Hai Ba Tuần Tháng Năm Giá Dù Riêng Đặc Mới Thế Nhưng Còn"
)
OPENERS = frozenset(_OPENER_WORDS.split())
_STOP = re.compile(r"[.!?…]+[”’»)]*(?=[“«]?[^\W\d_])")
_UPPER = "".join(chr(code) for code in range(0x41, 0x2000) if chr(code).isupper() and chr(code).isalpha())
_LOWER = "".join(chr(code) for code in range(0x61, 0x2000) if chr(code).islower() and chr(code).isalpha())
# A capital followed by a small letter right after a letter: where two words may have run together.
_INNER_CAPITAL = re.compile(f"(?<=[^\\W\\d_])(?=[{_UPPER}][{_LOWER}])")
_LETTER = re.compile(r"[^\W\d_]")
_LETTERS = re.compile(r"[^\W\d_]+")
_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnrstvx])?"
    r"(?:iêu|yêu|oai|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|ai|ao|au|âu|ay|ây|eo|êu|ia|iê|iu|oa|oă|oe|"
    r"oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|[aăâeêioôơuưy])"
    r"(?:ch|nh|ng|[cmnpt])?"
)
_NOTE = re.compile(r"(?<=[.!?…”] )\*(?=[^\W\d_])")


def _bare(word: str) -> str:
    """Return a word lowercased without its tone marks (vowel marks kept)."""
    decomposed = unicodedata.normalize("NFD", word.lower()).translate(_TONES)
    return unicodedata.normalize("NFC", decomposed)


def is_syllable(word: str) -> bool:
    """Tell whether a word is spelt as one Vietnamese syllable ("Huế", "Sau"; not "Queen")."""
    return bool(_SYLLABLE.fullmatch(_bare(word)))


def _two_syllables(word: str) -> bool:
    """Tell whether a word is spelt as two Vietnamese syllables run together ("Ôtô")."""
    return any(is_syllable(word[:cut]) and is_syllable(word[cut:]) for cut in range(1, len(word)))


def _vietnamese_only(word: str) -> bool:
    """Tell whether a word carries a letter or mark English spelling never has."""
    return any(not ch.isascii() for ch in word)


def _glued_words(text: str) -> list[int]:
    """Return where a word runs into the next with no space ("HuếTại", "TTXVNNgười")."""
    cuts = []
    for match in _INNER_CAPITAL.finditer(text):
        index = match.start()
        start = index
        while start > 0 and _LETTER.match(text, start - 1):
            start -= 1
        right = _LETTERS.match(text, index)
        if right and _is_seam(text[start:index], right.group()):
            cuts.append(index)
    return cuts


def _is_seam(left: str, right: str) -> bool:
    """Tell whether two letter runs are two words that lost the space between them."""
    if right[0].isupper() and not right[1:].islower():
        return False
    right_ok = (is_syllable(right) or _two_syllables(right)) and (_vietnamese_only(right) or right in OPENERS)
    if left.isupper() and len(left) >= 2:  # an acronym: "TTXVN" + "Người", "HCM" + "Sau"
        return right_ok
    if not (left[0].isupper() and is_syllable(left)):
        return False
    return right_ok or (is_syllable(right) and _vietnamese_only(left))


def _glued_stops(text: str) -> list[int]:
    """Return where a sentence's stop is followed at once by the next sentence's capital."""
    cuts = []
    for match in _STOP.finditer(text):
        end = match.end()
        if match.start() == 0 or text[match.start() - 1].isspace():
            continue
        capital = end + (text[end] in "“«")
        if not (text[capital].isupper() and capital + 1 < len(text) and text[capital + 1].islower()):
            continue
        if match.group()[0] == "." and _before_is_abbreviation(text, match.start()):
            continue
        cuts.append(end)
    return cuts


def _before_is_abbreviation(text: str, stop: int) -> bool:
    """Tell whether the word before a full stop is an abbreviation or an initial ("Tp", "H")."""
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:stop].lstrip("(\"“'").split(".")[-1]
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()) or not word


def split_paragraphs(text: str) -> list[str]:
    """Cut a flattened page's text where its paragraph breaks left no space, and before a note.

    A note ("*Tác giả là …") after a sentence's stop is the author's, in a paragraph of its own.
    """
    notes = [match.start() for match in _NOTE.finditer(text)]
    cuts = sorted(set(_glued_stops(text)) | set(_glued_words(text)) | set(notes))
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(text[start:cut].strip())
        start = cut
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]
