"""A warehouse in which every text a page can show is an attack, and a check that none got in.

tests/support/hostile_article.py attacks through what extraction keeps of an article. This goes
further: after the seed is loaded by the real code path (parse, extract, validate, load), every text
column a page or an export can show (titles, segments, names, aliases, roles, fact labels, removed
lines, quality flags, outlet, URL, authors, credits) gets markup that would run, or break out of the
element or the attribute it lands in, and the search index is rebuilt from them; HOSTILE_QUERY,
itself an attack, finds the article in both languages. A page renders it safely when
`injections(html)` is empty.

To check a new page (the digest, say): build the warehouse with `hostile_warehouse(folder)`, render
the page from it, and assert `injections(page) == []` and `shows_as_text(page)`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

from sqlalchemy import text

from flows.steps.extract.article import extract_article
from flows.steps.ingest.formats import parse_document
from flows.steps.validate import validate_records
from warehouse.engine import make_engine, upgrade_to_head
from warehouse.load import load_file
from warehouse.search_index import refresh_search_index

MARK = "pwned"  # every payload carries it: a script, handler or tag holding it got in
SCRIPT = f"<script>alert('{MARK}')</script>"
PAYLOADS = (
    SCRIPT,
    f'" onmouseover="alert(\'{MARK}\')" data-x="',  # out of a double-quoted attribute
    f"' onmouseover='alert(`{MARK}`)' data-x='",  # out of a single-quoted one
    f"</textarea><script>alert('{MARK}-textarea')</script>",
    f"</title><script>alert('{MARK}-title')</script>",
    f"\"><img src=x onerror=alert('{MARK}')>",
    f"<svg onload=alert('{MARK}')></svg>",
    f"<{MARK}-tag>markup</{MARK}-tag>",
    f"<a href=\"javascript:alert('{MARK}')\">đây</a>",
    "<i onclick=go()>no search word in it</i>",  # left unmarked in a search snippet
    "{{ 7 * 7 }} {% raw %}",  # template syntax stays text too
)
HOSTILE = " ".join(PAYLOADS)
HOSTILE_URL = f"javascript:alert('{MARK}')//tuoitre.vn/\"><script>alert('{MARK}-url')</script>"
HOSTILE_FLAG = "<i onclick=go()>a flag no check raises</i>"  # no ":" or ";": a flag's whole name
# Finds the article: every word of it is in the hostile texts, in both languages.
HOSTILE_QUERY = f"\"><script>alert('{MARK}')</script>"
# Finds nothing: the page says so, quoting it.
HOSTILE_QUERY_NOTHING = f"\"><script>alert('{MARK}-nothing')</script> zzzqqq"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_77085cdb11bdb593.txt"

_TEXT_COLUMNS = {
    "articles": ("title_vi", "title_en", "outlet", "date_source", "source_path"),
    "segments": ("text_vi", "text_en"),
    "entities": ("name_vi", "name_en"),
    "mentions": ("role_vi", "role_en"),
    "facts": ("label_vi", "label_en", "unit"),
    "removed": ("text", "reason"),
}


@dataclass(frozen=True)
class HostileWarehouse:
    """The hostile warehouse: its SQLite file, URL, article and entity ids."""

    database: Path
    url: str
    article_id: str
    entity_ids: list[str]


def hostile_warehouse(folder: Path) -> HostileWarehouse:
    """Load the seed into a SQLite warehouse in folder, then make every shown text hostile."""
    database = folder / "tintuc.sqlite"
    url = f"sqlite:///{database}"
    engine = make_engine(url)
    try:
        upgrade_to_head(engine)
        content = SEED.read_text(encoding="utf-8")
        [document] = parse_document("seeds/hostile.txt", content)
        records = [extract_article(document, "f" * 64, "run-hostile", date(2026, 11, 26))]
        accepted, _ = validate_records(records)
        [frames] = accepted.values()
        load_file(
            engine, content_sha256="f" * 64, source_path="seeds/hostile.txt", run_id="run-hostile",
            articles=[frames], rejects=[],
        )  # fmt: skip
        with engine.begin() as connection:
            _poison(connection)
            refresh_search_index(connection, [frames.article_id])
            entity_ids = [row[0] for row in connection.execute(text("SELECT entity_id FROM entities"))]
        return HostileWarehouse(database, url, frames.article_id, entity_ids)
    finally:
        engine.dispose()


def _poison(connection) -> None:  # type: ignore[no-untyped-def]
    """Write the payloads into every text column a reader can see."""
    hostile = {"hostile": f" {HOSTILE}"}
    for table, columns in _TEXT_COLUMNS.items():
        for column in columns:
            update = f"UPDATE {table} SET {column} = coalesce({column}, '') || :hostile"
            connection.execute(text(update), hostile)
    connection.execute(text("UPDATE articles SET url = :url"), {"url": HOSTILE_URL})
    # A byline's names and a caption's credit are shown as written, in every page and export.
    connection.execute(
        text("UPDATE articles SET authors = :names"), {"names": json.dumps([HOSTILE, HOSTILE])}
    )
    connection.execute(text("UPDATE segments SET credit = :credit"), {"credit": HOSTILE})
    connection.execute(text("UPDATE entities SET aliases_vi = :aliases"), {"aliases": json.dumps([HOSTILE])})
    connection.execute(
        text("UPDATE segments SET quality_flags = :flags WHERE seq = 1"),
        {"flags": f"name_missing: {HOSTILE}; repetition: {HOSTILE}; {HOSTILE_FLAG}: {HOSTILE}"},
    )
    connection.execute(
        text(
            "INSERT INTO runs (run_id, kind, started_at, status, files_seen, files_skipped, articles_loaded,"
            " segments_translated, rejected) VALUES (:run, :kind, :now, :status, 1, 0, 1, 0, 0)"
        ),
        {"run": HOSTILE_FLAG[:32], "kind": HOSTILE_FLAG, "now": datetime(2026, 11, 26, 8), "status": HOSTILE},
    )


_LINKS = frozenset({"href", "src", "action", "formaction"})


class _Elements(HTMLParser):
    """Every start tag with its attributes, the text of each script, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def _parsed(html: str) -> _Elements:
    page = _Elements()
    page.feed(html)
    page.close()
    return page


def injections(html: str) -> list[str]:
    """Return what the payloads got into the page as markup: tags, handlers, scripts, links."""
    page = _parsed(html)
    found = []
    for tag, attrs in page.tags:
        if MARK in tag:
            found.append(f"an injected <{tag}> element")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"an event handler {name}={value!r} on <{tag}>")
            if name in _LINKS and value.strip().lower().startswith("javascript:"):
                found.append(f"a javascript: {name} on <{tag}>")
            if MARK in value and tag in {"script", "img", "svg", "iframe", "object", "embed"}:
                found.append(f"<{tag} {name}={value!r}>")
            if name == "data-x":
                found.append(f"an attribute broken out of on <{tag}>")
    found += [f"a script running {script.strip()[:60]!r}" for script in page.scripts if MARK in script]
    return found


def shows_as_text(html: str, attack: str = SCRIPT) -> bool:
    """Tell whether the page shows the attack as the characters it is made of."""
    return attack in "".join(_parsed(html).text)
