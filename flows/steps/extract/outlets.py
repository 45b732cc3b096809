"""Name the outlet of an article from its URL, its dateline prefix or its source field."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from flows.steps.ingest.normalize import normalize_line

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
}
DATELINE = re.compile(r"^\(?(?P<prefix>[\w.]+(?: [\w.]+)?)\)?\s+[-–]\s+(?=\S)")


def dateline_prefix(text: str) -> str | None:
    """Return the outlet named by a lead's dateline prefix ("TPO - …"), if it is a known one."""
    match = DATELINE.match(text)
    if not match:
        return None
    return OUTLETS_BY_PREFIX.get(match.group("prefix"))


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


def trailing_outlet(text: str) -> tuple[str, str | None]:
    """Split a description's trailing " - VnExpress Kinh Doanh" site name off its text."""
    head, sep, tail = text.rpartition(" - ")
    if sep and any(tail.strip().lower().startswith(n.lower()) for n in OUTLETS_BY_DOMAIN.values()):
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
    for name in set(OUTLETS_BY_DOMAIN.values()) | set(OUTLETS_BY_PREFIX):
        lowered = name.lower()
        if bare == lowered:
            return OUTLETS_BY_PREFIX.get(name, name)
        # A section after the name ("VnExpress Kinh Doanh"), written as a name is: capitalised.
        section = text.split()[len(name.split()) :]
        if bare.startswith(lowered + " ") and section and all(w[:1].isupper() for w in section):
            return OUTLETS_BY_PREFIX.get(name, name)
    return outlet_from_domain(text) if "." in text and " " not in text else None


def title_outlet(title: str) -> tuple[str, str | None]:
    """Split a title's trailing site name ("… - VnExpress", "… | Tuổi Trẻ Online") off it.

    Returns the title without it and the suffix as written, or the title and None.
    """
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title, None
    last = separators[-1]
    suffix = title[last.end() :]
    if not known_outlet(suffix) or not title[: last.start()].strip():
        return title, None
    return title[: last.start()].rstrip(), suffix.strip()


def find_outlet(url: str | None, hint: str | None, lead: str | None) -> str | None:
    """Name the outlet from, in order of trust: the URL, the source field, the lead's prefix."""
    hint = normalize_line(hint) if hint else None
    return outlet_from_domain(url) or outlet_from_name(hint) or (dateline_prefix(lead) if lead else None)
