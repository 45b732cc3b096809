"""Checks shared by the table schemas, registered so any field can ask for them.

Use them as field options: `pa.Field(nfc=(), not_blank=())`. Missing values are not checked
here; nullability is the field's own `nullable` setting.
"""

from __future__ import annotations

import unicodedata

import pandas as pd
from pandera import extensions


@extensions.register_check_method()
def nfc(pandas_obj: pd.Series) -> pd.Series:
    """Pass where the text is in Unicode NFC."""
    return pandas_obj.map(lambda value: unicodedata.is_normalized("NFC", value))


@extensions.register_check_method()
def not_blank(pandas_obj: pd.Series) -> pd.Series:
    """Pass where the text has something besides white space."""
    return pandas_obj.map(lambda value: bool(str(value).strip()))
