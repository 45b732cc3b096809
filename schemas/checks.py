"""Checks shared by several table schemas."""

from __future__ import annotations

import unicodedata

import pandas as pd


def is_nfc(series: pd.Series) -> pd.Series:
    """Return True where the text is in Unicode NFC (missing values pass)."""
    return series.map(lambda text: text is None or unicodedata.is_normalized("NFC", text))


def has_text(series: pd.Series) -> pd.Series:
    """Return True where the text has something besides white space (missing values pass)."""
    return series.map(lambda text: text is None or bool(str(text).strip()))
