"""Photo credits and bylines are data: where a credit sits in a caption, and whose names a byline gives.

A caption closes with its photo's credit ("… tắm. Ảnh: Cắt từ clip.", "… sân tập - Ảnh: N.K.",
"… (Ảnh: Đoàn Bắc)"), or, on a page flattened onto one line, the credit opens the next piece of
text and runs into the sentence after it ("Ảnh: Võ Thạnh Việt Nam đang miễn thị thực …"). The
credit goes to the caption's `credit` column and out of the text; the article's closing byline
("Ngọc Tài - Tiến Tầm", "Chi Lê (Theo Reuters)") goes to its authors. Neither is prose to
translate.

Where a credit runs into a sentence, its names end where the sentence's opening begins. In
order of trust: a phrase that ends credits ("Nhân vật cung cấp", "Tư liệu"); a word that opens
sentences and never ends a credit ("Theo", "Khoảng", "Ông", a title such as "Thượng tướng"); the
head of an organisation's name ("Cục Cải huấn …"); else the last capitalised word before the
first small one, moved back over a place or a full name the sentence opens with ("… Việt Nam
đang", "… Nguyễn Văn An cho biết").
"""

from __future__ import annotations

import re

from flows.steps.extract import gazetteer, orgnames, titles
from flows.steps.extract.boxes import TEASER_OPENERS
from flows.steps.extract.furniture import without_outlet
from flows.steps.extract.outlets import OUTLET_NAMES, known_outlet
from flows.steps.extract.paragraphs import OPENERS, is_syllable
from flows.steps.extract.roles import OFFICE_WORD as TITLE_WORD

PHOTO_CREDIT = "photo credit"
# Labels of the credits a caption carries (a video's credit makes its caption furniture instead).
PHOTO_LABELS = ("Ảnh chụp màn hình", "Ảnh minh họa", "Ảnh", "Đồ họa", "Thực hiện", "Photo", "Infographic")
LABEL = re.compile(r"(?:" + "|".join(PHOTO_LABELS) + r"|Video|Clip|Nguồn)\s*:\s*")
# Closing a caption also: a photo and a video credited together ("Ảnh, video: …"), a label in
# small letters inside a bracket ("(ảnh: Nguyễn Nam)"), a graphic's source ("Nguồn: Reuters").
_PHOTO_LABEL = re.compile(r"(?:Ảnh,? (?:và )?video|(?<=\()ảnh|Nguồn|" + "|".join(PHOTO_LABELS) + r")\s*:\s*")
# Phrases a credit ends with: the photo's source rather than a name ("Nhân vật cung cấp").
_CREDIT_ENDINGS = (
    "cung cấp",
    "tư liệu",
    "minh họa",
    "chụp màn hình",
    "cắt từ clip",
    "cắt từ video",
    "internet",
)
_CONNECTORS = frozenset({"-", "–", "/", "&", "và"})
_INITIALS = re.compile(r"^(?:[A-ZĐ]\.)+[A-ZĐ]?\.?$")
_HONORIFIC_OPENERS = frozenset(word.capitalize() for word in titles.HONORIFICS - {"tên"})
_SENTENCE_OPENERS = OPENERS | TEASER_OPENERS | _HONORIFIC_OPENERS
_BODY_HEADS = orgnames.ORG_HEAD_NAMES | {"Báo", "Đài", "Tạp chí", "Cổng thông tin", "Kênh"}
MAX_NAME_WORDS = 6  # a credit of names: "Võ Thạnh - Huy Mạnh", "Instagram Rosie Huntington-Whiteley"
MAX_BODY_WORDS = 16  # a credit naming a body: "Ban Quản lý dự án đầu tư xây dựng hạ tầng đô thị TP HCM"
MAX_TRAILING_CHARS = 90
_BEFORE_TRAILING = re.compile(r"(?:[.!?…”\"’)]|\s[-–])\s*\(?\s*$|\(\s*$")


# A credit that names no one, how the picture was taken: "… của Apple. Ảnh chụp màn hình", "… tại
# sảnh ga đi. Ảnh cắt từ video."
_NAMELESS = r"Ảnh (?:chụp màn hình|cắt từ (?:video|clip))"
_SCREENSHOT = re.compile(rf"(?<=[.!?…”\"])\s+{_NAMELESS}\.?$")
# "Bị can Lê Thị Hoa (ảnh CACC)": a caption's source in brackets, without a colon, of names or codes
# only; "(ảnh trên)", "(ảnh minh họa)" and "… như trong (ảnh 2)" point at a photo and stay.
_BRACKETED = re.compile(r"(?<=\S)\s*\([Ảả]nh\s+(?:[A-ZĐ][\w.&-]*\s?){1,4}\)\.?$")


def trailing_credit(text: str) -> int | None:
    """Return where a photo credit closing a caption line starts (its dash or bracket included), or None.

    "… ba người chết. Ảnh: Nguyễn Đông." → the index of "Ảnh"; "… sân tập - Ảnh: N.K." → of "-".
    The credit runs to the end of the line, holds no sentence of its own and follows a full stop,
    a dash or a bracket; a line that is only a credit gives 0.
    """
    screenshot = _SCREENSHOT.search(text) or _BRACKETED.search(text)
    if screenshot:
        return screenshot.start()
    matches = list(_PHOTO_LABEL.finditer(text))
    if not matches:
        return None
    label = matches[-1]
    rest = text[label.end() :]
    if not rest.strip(" .)") or len(rest) > MAX_TRAILING_CHARS or re.search(r"[!?]|\.\s+[^\W\d_]{2}", rest):
        return None
    before = text[: label.start()]
    if before.strip() and not _BEFORE_TRAILING.search(before):
        return None
    start = len(before.rstrip())
    while start > 0 and text[start - 1] in "-–( " and len(before.strip()) > 0:
        start -= 1
    return start if before.strip() else 0


# A credit a site's template left unfilled, in brackets, once or more: "[Link nguồn]Nguồn: [Link nguồn]".
_PLACEHOLDERS = re.compile(r"\[[^\[\]]{1,30}\](?:\s*(?:Nguồn|Ảnh|Video)\s*:\s*\[[^\[\]]{1,30}\])*\s*")


def leading_credit_end(sentence: str) -> int | None:
    """Return where the text after a credit opening a sentence starts, or None if it cannot be told.

    "Ảnh: Võ Thạnh Việt Nam đang miễn …" → the index of "Việt"; a sentence that is only a
    credit ("Ảnh: Reuters", "- Ảnh: N.K.", "Ảnh: Nhân vật cung cấp") → its length.
    """
    label = LABEL.match(sentence, len(sentence) - len(sentence.lstrip("-–( ")))
    if not label:
        return None
    placeholder = _PLACEHOLDERS.match(sentence, label.end())
    if placeholder:  # "Nguồn: [Link nguồn]Nguồn: [Link nguồn] Tại hiện trường …": a template's slot
        return placeholder.end()
    glued = _glued_end(sentence[label.end() : label.end() + MAX_TRAILING_CHARS])
    if glued is not None:
        return label.end() + glued
    words = sentence[label.end() :].rstrip(")").split(" ")
    outlet = _outlet_words(words)
    if outlet and outlet == len(words):
        return len(sentence)  # "- Ảnh: Nhân dân": an outlet's name in small letters is a credit still
    if outlet and words[outlet][:1].isupper():
        # "Ảnh: Nhân dân Toàn cảnh hiện trường …": an outlet's name is the whole credit
        return label.end() + len(" ".join(words[:outlet])) + 1
    start = _text_start(words)
    if start is None:
        return len(sentence) if _all_credit(words) else None
    return label.end() + len(" ".join(words[:start])) + 1


# A flattened page glues the credit to the next sentence without a space ("Ảnh: Nhân vật cung
# cấpNhư Ý cho biết", "Ảnh: AFPSominsai là", "Ảnh: Báo Quân đội nhân dânTheo Bộ …"). The glue is
# a small letter, or a run of capitals, right before a capitalised word, where the credit before
# it ends as credits do or the word after it opens sentences; a camel-case name ("VnExpress",
# "realDonaldTrump") is glued the same way and is left alone.
# A handle's digits glue the same way ("Video: X/onenews31Ông Thaksin, 74 tuổi").
_GLUE = re.compile(r"(?<=[a-zà-ỹđ\d])(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])|(?<=[A-ZĐ]{2})(?=[A-ZĐ][a-zà-ỹđ])")
_AGENCIES = frozenset({"AFP", "AP", "Reuters", "Xinhua", "TTXVN", "EPA", "Getty", "Images", "Shutterstock"})


def _glued_end(credit: str) -> int | None:
    """Return where the sentence glued to a credit starts (its offset in `credit`), or None."""
    for glue in _GLUE.finditer(credit):
        left, right = credit[: glue.start()], credit[glue.start() :].split(" ", 1)[0]
        if "." in left or len(left.split()) > MAX_BODY_WORDS:
            return None
        word = re.match(r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]+", right)
        opener = word is not None and (
            word.group() in _SENTENCE_OPENERS or word.group() in titles.NOT_NAME_WORDS
        )
        ends = left.endswith(_CREDIT_ENDINGS) or left.split()[-1] in _AGENCIES | orgnames.KNOWN_ORGS
        # a source in Latin letters run into a Vietnamese word: "Ảnh: PinterestQuần suông …"
        # (`str.isupper`: the class À-Ỹ above holds small letters too, "Nh|ân" is no glue)
        switch = (
            left.split()[-1].isascii()
            and not right.isascii()
            and right[:1].isupper()
            and len(left.split()) <= 2
        )
        if opener or ends or switch or left.endswith(("nhân dân", "Nhân dân")):
            return glue.start()
    return None


_INNER = re.compile(
    r"\s[-–]\s(?=(?:" + "|".join(PHOTO_LABELS) + r")\s*:)|\((?=(?:" + "|".join(PHOTO_LABELS) + r")\s*:)"
)


def credit_pieces(sentence: str) -> list[str]:
    """Cut a sentence of a flattened page at its credit: the caption before it, the credit, the text after.

    "… sân tập - Ảnh: N.K. Sau 10 năm …" → the caption, "- Ảnh: N.K.", "Sau 10 năm …"; a
    sentence holding no credit, or one whose end cannot be told, stays whole. A gallery flattened
    into one sentence holds several captions, each with its credit: the text after a credit is cut
    the same way.
    """
    inner = _INNER.search(sentence)
    before, rest = (
        (sentence[: inner.start()].strip(), sentence[inner.start() :].strip()) if inner else ("", sentence)
    )
    end = leading_credit_end(rest)
    if end is None:
        return [sentence]
    after = rest[end:].strip()
    pieces = [before, rest[:end].strip(), *(credit_pieces(after) if after and end > 0 else [after])]
    return [piece for piece in pieces if piece]


def credit_value(piece: str) -> str:
    """Return a credit as the `credit` column keeps it: label and names, no dash, bracket or full stop."""
    value = piece.strip().lstrip("-–( ")
    if value.endswith(").") or value.endswith(")"):
        value = value.rstrip(".").rstrip(")")
    value = value.strip()
    return value[:-1].rstrip() if value.endswith(".") and not _INITIALS.match(value.split()[-1]) else value


def is_photo_credit(text: str) -> bool:
    """Tell whether a piece of text is a photo credit and nothing else ("Ảnh: Reuters", "- Ảnh: N.K.")."""
    stripped = text.strip()
    if re.fullmatch(_NAMELESS, stripped.rstrip(".")):
        return True
    return bool(_PHOTO_LABEL.match(stripped.lstrip("-–( "))) and leading_credit_end(stripped) == len(stripped)


def opens_with_photo_label(piece: str) -> bool:
    """Tell whether a piece of text opens with a photo's label ("Ảnh:", "Đồ họa:"), not a video's."""
    return bool(_PHOTO_LABEL.match(piece.lstrip("-–( ")))


def _body_head_at(words: list[str], index: int) -> bool:
    """Tell whether a body's head ("Cục", "Ban Quản lý", "Báo") starts at word `index`."""
    return any(" ".join(words[index : index + size]) in _BODY_HEADS for size in (1, 2, 3))


def _credit_word(word: str, body: bool) -> bool:
    """Tell whether a word can belong to a credit; `body`: the credit names a body."""
    bare = word.strip(",.")
    if not bare or bare in _CONNECTORS or _INITIALS.match(word) or bare[:1].isupper() or bare[:1].isdigit():
        return True
    return body  # a body's name carries small words ("Báo Quân đội nhân dân")


def _all_credit(words: list[str]) -> bool:
    """Tell whether every word after the label belongs to the credit."""
    body = _body_head_at(words, 0)
    limit = MAX_BODY_WORDS if body else MAX_NAME_WORDS
    ending = " ".join(words).lower().rstrip(". ").endswith(_CREDIT_ENDINGS)
    return ending or (len(words) <= limit and all(_credit_word(w, body) for w in words))


def _text_start(words: list[str]) -> int | None:
    """Return the index of the word the text after a credit starts at (None: no text, or unclear)."""
    if not words or not words[0]:
        return None
    lowered = [word.lower().strip(".,") for word in words]
    for index in range(1, min(len(words), MAX_NAME_WORDS + 1)):
        if " ".join(lowered[:index]).endswith(_CREDIT_ENDINGS):
            return index
    body = _body_head_at(words, 0)
    limit = MAX_BODY_WORDS if body else MAX_NAME_WORDS
    # Inside a body's name another head goes on with it ("Báo Quân đội nhân dân").
    for opens in (_opens_sentence,) if body else (_opens_sentence, _opens_body):
        for index in range(1, min(len(words), limit + 1)):
            if not _credit_word(words[index - 1], body):
                break
            if opens(words, index):
                return _name_before_comma(words, index) or _name_before_dash(words, index)
    start = _body_name_end(words) if body else _before_first_small(words)
    return (_name_before_comma(words, start) or start) if start is not None else None


_OUTLET_NAMES = frozenset(name.lower() for name in OUTLET_NAMES)


def _outlet_words(words: list[str]) -> int:
    """Return how many of a credit's first words spell an outlet's name ("Nhân dân", "VOV"), or 0."""
    for size in range(1, 6):
        if " ".join(words[:size]).lower() in _OUTLET_NAMES:
            return size
    return 0


def _name_before_comma(words: list[str], index: int) -> int | None:
    """Return where a name set off before a title starts ("… Kitco News Frank Lee, Trưởng bộ phận …").

    A credit never ends on a comma: the capitalised words before the comma are the name the title
    describes, two of them, three after a Vietnamese surname; the credit keeps a word at least.
    """
    if index < 3 or not words[index - 1].endswith(",") or not words[index - 1][:1].isupper():
        return None
    if not words[index - 2][:1].isupper():
        return None
    start = index - 3 if index >= 4 and words[index - 3] in gazetteer.SURNAMES else index - 2
    return start


def _name_before_dash(words: list[str], index: int) -> int:
    """Move a sentence's start back over the name a title follows after a dash ("John Lee - Giám đốc")."""
    if index < 3 or words[index - 1] not in _CONNECTORS or not words[index - 2][:1].isupper():
        return index
    name_start = index - 3 if index - 3 >= 1 and words[index - 3][:1].isupper() else index - 2
    return name_start


def _body_name_end(words: list[str]) -> int | None:
    """Return where a body's name given as a credit ends: at a capitalised word that opens a phrase.

    "Bộ Quốc phòng Lễ phục K08 …" → "Lễ": a capitalised word between two small ones, which
    make no two-syllable word of an official name together ("… đô thị TP HCM", "Quản lý" go on).
    """
    for index in range(2, min(len(words) - 1, MAX_BODY_WORDS + 1)):
        before, word, after = words[index - 1], words[index], words[index + 1]
        opens = before[:1].islower() and word[:1].isupper() and after[:1].islower()
        if opens and (word.lower(), after) not in orgnames.NAME_PAIRS:
            return index
    return None


def _opens_sentence(words: list[str], index: int) -> bool:
    """Tell whether the word at `index` opens a sentence: an opener, an honorific, a title, a quote."""
    word = words[index]
    if word[:1] in '“"«':
        return True
    if word.strip(",") in _SENTENCE_OPENERS and not (word == "Anh" and _name_may_end_here(words, index)):
        return True
    return word[:1].isupper() and bool(TITLE_WORD.match(" ".join(words[index : index + 4])))


def _name_may_end_here(words: list[str], index: int) -> bool:
    """Tell whether "Anh" at `index` may end the credit's name ("Lan Anh", "Bệnh viện Tâm Anh").

    "Anh" opens "Anh Thành cho biết" but is the last syllable of many names: it opens the
    sentence only after a credit of two words or more, or of an acronym, that is no body's name.
    """
    return (index < 2 and not words[0].isupper()) or _body_head_at(words, 0)


def _opens_body(words: list[str], index: int) -> bool:
    """Tell whether a body's name opens the sentence at `index` ("Cục Cải huấn Thái Lan …")."""
    return _body_head_at(words, index) and index + 1 < len(words)


_PLACES = gazetteer.PROVINCES


def _places_before(words: list[str], end: int) -> int | None:
    """Return where the places joined by "và" that end at `end` start (None: no place ends there).

    A credit never ends on "và": "Ảnh: AFP Phần Lan và Thụy Điển nộp …" credits AFP alone.
    """
    found = None
    while True:
        size = next((n for n in (3, 2, 1) if end > n and " ".join(words[end - n : end]) in _PLACES), 0)
        if not size:
            return found
        found = end - size
        if found < 2 or words[found - 1] != "và":
            return found
        end = found - 1


def _before_first_small(words: list[str]) -> int | None:
    """Return the last capitalised word before the first small one, moved back over a place or a name."""
    small = next((i for i, w in enumerate(words) if not _credit_word(w, False)), None)
    if small is None or small < 2:
        return None
    start = small - 1
    place = _places_before(words, start + 1)
    if place is not None:  # the sentence opens with places: "… Việt Nam đang", "… Phần Lan và Thụy Điển nộp"
        return place
    # "… Nguyễn Văn An cho biết": the sentence opens with a full name, after a credit of two
    # words or an acronym ("Thái Hà Sự cố …" is a credit "Thái Hà", not a name "Hà Sự").
    first = 1 if words[0].isupper() and len(words[0]) > 1 else 2
    surname = next((i for i in range(first, start + 1) if words[i] in gazetteer.SURNAMES), None)
    if surname is not None and 1 <= start - surname <= 3:
        return surname
    foreign = words[start - 1].isascii() and words[start - 1].isalpha() and not is_syllable(words[start - 1])
    if start >= 2 and foreign and words[start].isascii():
        start -= 1  # "… Gorunway Michael Kors cũng": a foreign name of two words opens the sentence
    return start if start <= MAX_NAME_WORDS else None


_SOURCE = re.compile(r"\s*\((?:theo|nguồn)\b[^()]*\)\.?$|\s+[-–]\s+\S+\.(?:vn|net|com)\b.*$", re.IGNORECASE)
_AUTHOR_SEPARATORS = re.compile(r"\s+[-–&/]\s+|\s*,\s*|\s+và\s+")
_AUTHOR_PREFIXES = ("Độc giả ", "Bài và ảnh: ", "Bài: ", "Nhóm phóng viên ", "PV ", "Theo ")


def byline_authors(byline: str) -> list[str]:
    """Return the names a closing byline gives ("Ngọc Tài - Tiến Tầm" → both), sources left out.

    "(Theo Reuters)", "Theo VnExpress", a trailing "Nguồn" and an outlet's site after a dash
    ("– Vnexpress.net") name where the article came from, not its authors; "Độc giả" is a reader's
    label, not a name. An author's note ("*Tác giả là …") gives no names.
    """
    text = byline.strip()
    if text.startswith("*"):
        return []
    text = _SOURCE.sub("", re.sub(r"\s+(?:Nguồn|\(ghi\))\.?$", "", text)).strip(" .")
    text = without_outlet(text)  # "Lê Hiếu/VOV-Miền Trung": the agency is no author
    for prefix in _AUTHOR_PREFIXES:
        text = text.removeprefix(prefix)
    names = [name.strip(" .") for name in _AUTHOR_SEPARATORS.split(text) if name.strip(" .")]
    return [name for name in names if not known_outlet(name)]  # "Theo VnExpress" names a source
