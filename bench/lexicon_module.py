"""Write a generated word-list module of flows/steps/extract (or, with --check, compare it).

bench/extraction_lexicons.py and bench/latin_given_names.py derive their lists from data outside
the repository; the module they write holds only the words, one frozenset, so extraction never
reads that data.
"""

from __future__ import annotations

import sys
from pathlib import Path


def frozenset_module(docstring: str, name: str, words: list[str]) -> str:
    """Return a module's text: its docstring and `NAME = frozenset(...)` of the words, "|"-separated."""
    lines, line = [], ""
    for word in words:
        if len(line) + len(word) + 1 > 96:  # lines of about 100 characters
            lines.append(line)
            line = ""
        line += word + "|"
    lines.append(line)
    body = "\n    ".join(lines)
    return (
        f'"""{docstring}\n"""\n\n'
        f"{name} = frozenset(\n"
        '    """' + body.rstrip("|") + '""".replace("\\n    ", "").split("|")\n'
        ")\n"
    )


def write_or_check(target: Path, text: str, check: bool, what: str) -> None:
    """Write text to target and say how many words it holds; with check, exit 1 if target differs."""
    if check:
        sys.exit(0 if target.read_text(encoding="utf-8") == text else 1)
    target.write_text(text, encoding="utf-8")
    print(f"{target}: {text.count('|') + 1} {what}")
