"""English names for organisations and places at extraction: the glossary first, then known places.

What neither knows is left empty for the translation model (see flows/steps/translate/bilingual.py).
"""

from __future__ import annotations

from functools import lru_cache

from flows.steps.extract import gazetteer
from flows.steps.extract.places import without_head
from flows.steps.text.glossary import load_glossary
from flows.steps.text.transliterate import without_diacritics

# Places the English-language press names otherwise than by dropping diacritics.
ENGLISH_PLACES = {
    "Việt Nam": "Vietnam",
    "Hà Nội": "Hanoi",
    "TP.HCM": "Ho Chi Minh City",
    "TPHCM": "Ho Chi Minh City",
    "TP HCM": "Ho Chi Minh City",
    "Hồ Chí Minh": "Ho Chi Minh City",
    "Sài Gòn": "Saigon",
    "Huế": "Hue",
    "Thừa Thiên Huế": "Thua Thien Hue",
    "Trung Quốc": "China",
    "Mỹ": "the US",
    "Nhật Bản": "Japan",
    "Nhật": "Japan",
    "Hàn Quốc": "South Korea",
    "Triều Tiên": "North Korea",
    "Nga": "Russia",
    "Pháp": "France",
    "Đức": "Germany",
    "Anh": "the UK",
    "Ý": "Italy",
    "Úc": "Australia",
    "Ấn Độ": "India",
    "Thái Lan": "Thailand",
    "Lào": "Laos",
    "Campuchia": "Cambodia",
    "Đài Loan": "Taiwan",
    "Ai Cập": "Egypt",
    "Thổ Nhĩ Kỳ": "Turkey",
    "Thụy Điển": "Sweden",
    "Phần Lan": "Finland",
    "Na Uy": "Norway",
    "Ba Lan": "Poland",
    "Tây Ban Nha": "Spain",
    "Bồ Đào Nha": "Portugal",
    "Hà Lan": "the Netherlands",
    "Bỉ": "Belgium",
    "Thụy Sĩ": "Switzerland",
    "Áo": "Austria",
    "Séc": "Czechia",
    "Nam Phi": "South Africa",
    "Ả Rập Saudi": "Saudi Arabia",
    "Dải Gaza": "the Gaza Strip",
    "Nam Sudan": "South Sudan",
    "Moskva": "Moscow",
    "Bắc Kinh": "Beijing",
    "Thượng Hải": "Shanghai",
    "châu Á": "Asia",
    "châu Âu": "Europe",
    "châu Phi": "Africa",
    "châu Mỹ": "the Americas",
    "Đông Nam Á": "Southeast Asia",
    "miền Tây": "the Mekong Delta",
    "Đồng bằng sông Cửu Long": "the Mekong Delta",
    "Tây Nguyên": "the Central Highlands",
    "miền Trung": "central Vietnam",
    "miền Bắc": "northern Vietnam",
    "miền Nam": "southern Vietnam",
}


@lru_cache(maxsize=1)
def _glossary() -> dict[str, str]:
    """Return the shipped glossary's first English for each Vietnamese term."""
    return {term: entry.english[0] for term, entry in load_glossary().terms.items()}


def english_name(kind: str, name: str, aliases: list[str]) -> str | None:
    """Return the English name of an organisation or a place, if the glossary or the gazetteer knows it."""
    for form in [name, *aliases]:
        if form in _glossary():
            return _glossary()[form]
    if kind == "location":
        # A place written with its head ("tỉnh Khánh Hòa", "TP Huế") is known by its name.
        forms = [form for written in [name, *aliases] for form in (written, without_head(written))]
        for form in forms:
            if form in ENGLISH_PLACES:
                return ENGLISH_PLACES[form]
            if form in gazetteer.PROVINCES:
                return without_diacritics(form)
    return None
