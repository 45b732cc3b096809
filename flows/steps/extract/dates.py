"""Find an article's publication date, and say how it was found.

In order of trust: the crawler's metadata, a date stamped in the URL, then the dateline in
the text ("Sáng 13/7"), whose year comes from the text itself ("năm 2022") when the dateline
has none. A date that cannot be found stays empty, with the reason, rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from schemas.articles import is_plausible_publication_date

_ISO = re.compile(r"(?P<y>(19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)")
_URL_STAMP = re.compile(r"[-/](?P<y>20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)\d{0,9}(?:\.\w+)?(?:$|[/?#.])")
_DATELINE = re.compile(
    r"^(?:\(?[\w.]+(?: [\w.]+)?\)?\s[-–]\s)?"
    r"(?P<phrase>(?:(?:Rạng |Sáng |Chiều |Tối |Trưa |Đêm |Hôm |Ngày )(?:sáng |nay |qua )?(?:ngày )?)"
    r"(?P<d>\d{1,2})[/-](?P<m>\d{1,2})(?:[/-](?P<y>(19|20)\d\d))?)",
    re.IGNORECASE,
)
_YEAR_IN_TEXT = re.compile(r"\bnăm (?P<y>(19|20)\d\d)\b")


@dataclass(frozen=True)
class FoundDate:
    """A publication date (or None) with a sentence saying where it came from."""

    value: date | None
    source: str


def _safe_date(year: int, month: int, day: int) -> date | None:
    """Return the date, or None when the numbers make no calendar date."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def from_metadata(published: str | None) -> date | None:
    """Read an ISO-like timestamp from crawler metadata ("2018-12-01 11:08:14")."""
    match = _ISO.search(published or "")
    if not match:
        return None
    return _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))


def from_url(url: str | None) -> date | None:
    """Read the yyyymmdd stamp that some outlets put in their article URLs."""
    match = _URL_STAMP.search(url or "")
    if not match:
        return None
    return _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))


def latest_year_mentioned(texts: list[str], today: date) -> int | None:
    """Return the latest "năm YYYY" in the text that is not in the future."""
    years = [int(m["y"]) for text in texts for m in _YEAR_IN_TEXT.finditer(text)]
    years = [year for year in years if year <= today.year]
    return max(years) if years else None


def _plausible(candidate: FoundDate, today: date) -> FoundDate:
    """Keep a found date only if a news article can have it; otherwise say why it was dropped."""
    value = candidate.value
    if value is None or is_plausible_publication_date(value, today):
        return candidate
    return FoundDate(None, f"not used: {candidate.source} gives {value}, not a plausible date")


def find_date(
    published: str | None,
    url: str | None,
    opening: list[str],
    full_text: list[str],
    today: date | None = None,
) -> FoundDate:
    """Find the publication date from metadata, URL, or the dateline in the opening sentences."""
    today = today or datetime.now().date()
    for candidate in (
        FoundDate(from_metadata(published), f"metadata '{published}'"),
        FoundDate(from_url(url), "date stamped in the URL"),
    ):
        if candidate.value is not None and (kept := _plausible(candidate, today)).value is not None:
            return kept
    for sentence in opening:
        match = _DATELINE.match(sentence)
        if match:
            return _plausible(_from_dateline(match, full_text, today), today)
    return FoundDate(None, "not found: no metadata, URL date or dateline")


def _from_dateline(match: re.Match[str], full_text: list[str], today: date) -> FoundDate:
    """Read a dateline ("Sáng 13/7"), taking its year from the text when it has none."""
    phrase, source = match["phrase"], f"dateline '{match['phrase']}'"
    year = int(match["y"]) if match["y"] else latest_year_mentioned(full_text, today)
    if year is None:
        return FoundDate(None, f"not found: dateline '{phrase}' gives no year")
    if not match["y"]:
        source += f" + year from text 'năm {year}'"
    value = _safe_date(year, int(match["m"]), int(match["d"]))
    if value is None:
        return FoundDate(None, f"not found: {source} is not a calendar date")
    return FoundDate(value, source)
