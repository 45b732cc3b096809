"""Name the outlet of an article from its URL, its dateline prefix or its source field."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from flows.steps.ingest.normalize import normalize_line
from flows.steps.text.transliterate import without_diacritics

# domain suffix → outlet name, as the outlet writes it.
OUTLETS_BY_DOMAIN = {
    "tienphong.vn": "Tiền Phong",
    "tuoitre.vn": "Tuổi Trẻ",
    "dantri.com.vn": "Dân trí",
    "vnexpress.net": "VnExpress",
    "zing.vn": "Zing News",
    "znews.vn": "Zing News",
    "thanhnien.vn": "Thanh Niên",
    "vietnamnet.vn": "VietNamNet",
    "laodong.vn": "Lao Động",
    "nld.com.vn": "Người Lao Động",
    "vov.vn": "VOV",
    "vtv.vn": "VTV",
    "baochinhphu.vn": "Báo Chính phủ",
    "nhandan.vn": "Nhân Dân",
    "qdnd.vn": "Quân đội nhân dân",
    "cand.com.vn": "Công an nhân dân",
    "plo.vn": "Pháp Luật TP.HCM",
    "kenh14.vn": "Kênh 14",
    "vietnamplus.vn": "VietnamPlus",
}
# Dateline prefixes that open a lead ("TPO - …", "(Dân trí) - …") → outlet name.
OUTLETS_BY_PREFIX = {
    "TPO": "Tiền Phong",
    "TTO": "Tuổi Trẻ",
    "Dân trí": "Dân trí",
    "NLĐO": "Người Lao Động",
    "VOV.VN": "VOV",
    "PLO": "Pháp Luật TP.HCM",
    "VTV.vn": "VTV",
    "TNO": "Thanh Niên",
    "VietNamNet": "VietNamNet",
    "ZING": "Zing News",
    "ANTD.VN": "An ninh Thủ đô",
    "CAND.VN": "Công an nhân dân",
    "NDO": "Nhân Dân",
    "NDĐT": "Nhân Dân",
    "HNM": "Hà Nội Mới",
    "GDVN": "Giáo dục Việt Nam",
    "GD&TĐ": "Giáo dục và Thời đại",
    "SGGPO": "Sài Gòn Giải Phóng",
    "QĐND": "Quân đội nhân dân",
    "VTC News": "VTC News",
    "Chinhphu.vn": "Báo Chính phủ",
    "ĐCSVN": "Đảng Cộng sản Việt Nam",
    "Infonet": "Infonet",
    "VietnamPlus": "VietnamPlus",
    "TTXVN": "Thông tấn xã Việt Nam",
    "Dân Việt": "Dân Việt",
    "Kiến Thức": "Kiến Thức",
    "ICTnews": "ICTnews",
    "Bnews": "Bnews",
    "Thể thao & Văn hóa": "Thể thao & Văn hóa",
}
# Every outlet's name as outlets write it, for credits and bylines that give one.
OUTLET_NAMES = frozenset(OUTLETS_BY_DOMAIN.values()) | frozenset(OUTLETS_BY_PREFIX.values())
DATELINE_REASON = "dateline"
# An outlet's dateline: its name in brackets, or one or two words shaped as a code, a site or a
# brand, then a dash ("(Dân trí) - ", "TTO - ", "ANTD.VN - ", "VTC News - ", "PLO- ").
DATELINE = re.compile(
    r"^(?:\((?P<bracketed>[^()\d]{2,30})\)\s*[-–]?"
    r"|(?P<prefix>[^\s()]{2,20}(?: [^\s()&]{2,12}| & [^\s()]{2,12})?)(?:\s+[-–]|[-–](?=\s)))\s*(?=\S)"
)
_OUTLET_CODE = re.compile(
    r"^(?:[A-ZĐ&]{2,8}O?|[A-ZĐ]{2,8}(?:\.[A-Za-z]{2,3})+|[A-Za-z]+\.(?:vn|net|com)|[A-Z][a-z]+[A-Z]\w*)$"
)


def dateline(text: str) -> tuple[int, str] | None:
    """Return where a lead's text starts after its outlet's dateline, and the outlet it names.

    "(Dân trí) - Khi …" → (12, "Dân trí"); "TTO - Đêm 28-4 …" → (6, "Tuổi Trẻ"); an unknown code
    keeps its own name ("ABC.VN"). A place's dateline ("Hà Nội - ", "Thừa Thiên - Huế",
    "HÀ NỘI - ") names no outlet: the place stays the lead's first words.
    """
    match = DATELINE.match(text)
    if not match:
        return None
    bracketed, prefix = match.group("bracketed"), match.group("prefix")
    if bracketed is not None:
        name = bracketed.strip()
        if not match.group(0).rstrip().endswith(("-", "–")) and name not in OUTLETS_BY_PREFIX:
            return None  # "(Ảnh) Khi …", "(TP HCM)": a bracket without a dash is an outlet only if known
    else:
        name = prefix
        if name not in OUTLETS_BY_PREFIX and not all(_OUTLET_CODE.match(word) for word in name.split()):
            return None
    outlet = OUTLETS_BY_PREFIX.get(name) or known_outlet(name)
    if outlet is None and _is_place_or_body(name):
        return None
    return match.end(), outlet or name


def _is_place_or_body(name: str) -> bool:
    """Tell whether a dateline's words name a place ("HÀ NỘI", "TP HCM") or a body ("UBND"), not an outlet."""
    from flows.steps.extract import orgnames
    from flows.steps.extract.gazetteer import PROVINCES

    titled = " ".join(word.capitalize() for word in name.split())
    first = name.split()[0].rstrip(".")
    return (
        name in PROVINCES
        or titled in PROVINCES
        or first in {"TP", "Q", "H", "Tp"}
        or first in orgnames.EXPANSIONS
        or name in orgnames.KNOWN_ORGS
        or name in orgnames.ORG_HEADS
    )


def dateline_prefix(text: str) -> str | None:
    """Return the outlet a lead's dateline names ("TPO - …" → "Tiền Phong"), if it has one."""
    found = dateline(text)
    return found[1] if found else None


def outlet_from_domain(url_or_domain: str | None) -> str | None:
    """Return the outlet whose domain the URL (or bare domain) belongs to."""
    if not url_or_domain:
        return None
    host = urlparse(url_or_domain).hostname if "//" in url_or_domain else url_or_domain
    host = (host or "").lower().removeprefix("www.")
    for domain, name in OUTLETS_BY_DOMAIN.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None


def outlet_from_name(source: str | None) -> str | None:
    """Return the outlet a free-text source names ("Báo điện tử Tiền Phong" → "Tiền Phong")."""
    if not source:
        return None
    lowered = source.lower()
    for name in set(OUTLETS_BY_DOMAIN.values()):
        if name.lower() in lowered:
            return name
    return outlet_from_domain(source) or source.strip()


# Sections an outlet publishes under a site name of their own (" - Sohoa" closes VnExpress's).
SECTION_SITES = {"Sohoa": "VnExpress", "Ngôi sao": "VnExpress"}


def trailing_outlet(text: str) -> tuple[str, str | None]:
    """Split a description's trailing " - VnExpress Kinh Doanh" (or " - Sohoa") site name off its text."""
    head, sep, tail = text.rpartition(" - ")
    names = [*OUTLETS_BY_DOMAIN.values(), *SECTION_SITES]
    if sep and any(tail.strip().lower().startswith(n.lower()) for n in names):
        return head.rstrip(), tail.strip()
    return text, None


_TITLE_SEPARATORS = re.compile(r"\s+[-–|]\s+")
_OUTLET_DECOR = re.compile(r"^(?:báo điện tử|báo)\s+|\s+online$|\.(?:vn|net|com(?:\.vn)?)$", re.IGNORECASE)


def known_outlet(text: str) -> str | None:
    """Return the outlet a site name names ("Tuổi Trẻ Online", "Báo Dân trí", "VnExpress.net")."""
    text = text.strip()
    if len(text.split()) > 5:
        return None
    bare = _OUTLET_DECOR.sub("", _OUTLET_DECOR.sub("", text)).strip().lower()
    for name in set(OUTLETS_BY_DOMAIN.values()) | set(OUTLETS_BY_PREFIX) | set(OUTLETS_BY_PREFIX.values()):
        lowered = name.lower()
        if bare == lowered:
            return OUTLETS_BY_PREFIX.get(name, name)
        # A section after the name ("VnExpress Kinh Doanh"), written as a name is: capitalised.
        section = text.split()[len(name.split()) :]
        if bare.startswith(lowered + " ") and section and all(w[:1].isupper() for w in section):
            return OUTLETS_BY_PREFIX.get(name, name)
    return outlet_from_domain(text) if "." in text and " " not in text else None


def title_outlet(title: str, url: str | None = None) -> tuple[str, str | None]:
    """Split a title's trailing site name ("… - VnExpress", "… | Tuổi Trẻ Online") off it.

    The site is one tintuc knows, or the one the page's own address names ("… - Cafe Bệt" on
    cafebet.org, "… - Ngoisao.net" on ngoisao.vnexpress.net: see `names_site`). Returns the title
    without it and the suffix as written, or the title and None.
    """
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title, None
    last = separators[-1]
    suffix = title[last.end() :]
    if not (known_outlet(suffix) or names_site(suffix, url)) or not title[: last.start()].strip():
        return title, None
    return title[: last.start()].rstrip(), suffix.strip()


def _folded(text: str) -> str:
    """Return text as a host name writes it: no tone marks or diacritics, no spaces, small letters."""
    return re.sub(r"[^a-z0-9]", "", without_diacritics(text).lower())


def page_host(url: str | None) -> str:
    """Return the host of a page's address ("" when there is no address, or it has no "//")."""
    return (urlparse(url).hostname or "") if url and "//" in url else ""


def names_site(suffix: str, url: str | None) -> bool:
    """Tell whether a title's suffix is the name of the site the page's address is on.

    A site signs its titles with its name as its host spells it, with the marks and spaces a
    name has: "Cafe Bệt" is cafebet.org, "Ngoisao.net" is ngoisao.vnexpress.net (its first label
    and top-level domain). A suffix of five letters or fewer ("- Tin") or of more than three
    words is no site's name; the title's own last words name no host ("- Dân trí đưa tin").
    """
    labels = page_host(url).lower().removeprefix("www.").split(".")
    folded = _folded(suffix)
    if len(labels) < 2 or len(folded) < 5 or not 1 <= len(suffix.split()) <= 3:
        return False
    return folded in {labels[0], labels[0] + labels[-1]}


def find_outlet(url: str | None, hint: str | None, lead: str | None) -> str | None:
    """Name the outlet from, in order of trust: the URL, the source field, the lead's prefix."""
    hint = normalize_line(hint) if hint else None
    return outlet_from_domain(url) or outlet_from_name(hint) or (dateline_prefix(lead) if lead else None)
