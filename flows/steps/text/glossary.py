"""The glossary: Vietnamese terms whose English must come through a translation intact.

The file is plain tab-separated text (see flows/glossary/vi_en.tsv): a Vietnamese term, the
English tintuc writes when the model gets the term wrong, then any other English accepted as
right. A user's own file adds to the shipped one and wins on the same term.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flows.steps.ingest.normalize import normalize_text

SHIPPED_GLOSSARY = Path(__file__).resolve().parents[2] / "glossary" / "vi_en.tsv"


class GlossaryError(ValueError):
    """A glossary file that cannot be used as written."""


@dataclass(frozen=True)
class Term:
    """One glossary entry: the English to insert first, then other accepted English."""

    vietnamese: str
    english: tuple[str, ...]


@dataclass(frozen=True)
class Glossary:
    """The terms by their Vietnamese text."""

    terms: dict[str, Term]


def parse_glossary(text: str, origin: str) -> dict[str, Term]:
    """Parse glossary text; raise GlossaryError naming origin and line for a malformed entry."""
    terms: dict[str, Term] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) < 2 or not all(fields):
            raise GlossaryError(
                f"{origin}, line {number}: expected 'Vietnamese<TAB>English[<TAB>more English…]', "
                f"got {line!r}"
            )
        vietnamese = normalize_text(fields[0])
        terms[vietnamese] = Term(vietnamese, tuple(fields[1:]))
    return terms


def load_glossary(extra: Path | None = None, shipped: Path = SHIPPED_GLOSSARY) -> Glossary:
    """Read the shipped glossary plus the user's own file (which wins on the same term)."""
    terms = parse_glossary(shipped.read_text(encoding="utf-8"), str(shipped))
    if extra is not None:
        try:
            text = extra.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise GlossaryError(f"{extra}: cannot read the glossary ({error})") from error
        terms.update(parse_glossary(text, str(extra)))
    return Glossary(terms)
