"""Find the article in a saved HTML page, with the standard library's HTML parser.

The title is the page's `og:title`, else its first `<h1>`, else its `<title>`; the lead its
`og:description` or `description`; the body the `<p>` paragraphs inside `<article>` when the
page has one, else every `<p>` of the page. Text inside scripts, styles, navigation, forms,
asides and footers is never read. URL, outlet and date come from `og:url` (or the canonical
link), `og:site_name` and `article:published_time`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements whose text is never article text.
_SKIPPED = frozenset({"script", "style", "noscript", "template", "nav", "footer", "aside", "form", "svg"})
# Elements whose text is captured, each as one piece.
_CAPTURED = frozenset({"title", "h1", "p"})
# A paragraph left open ends where another block starts or ends (HTML lets `</p>` be omitted).
_BLOCKS = frozenset({"p", "div", "section", "article", "ul", "ol", "li", "table", "h1", "h2", "h3", "h4"})


@dataclass
class HtmlArticle:
    """What a page says about its article."""

    title: str | None
    lead: str | None
    paragraphs: list[str]
    url: str | None
    outlet: str | None
    published: str | None


@dataclass
class _Piece:
    """A captured element's text, and whether it sat inside `<article>`."""

    tag: str
    in_article: bool
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Return the element's text with white space collapsed."""
        return " ".join("".join(self.parts).split())


class _PageParser(HTMLParser):
    """Collect meta tags, the canonical link and the text of titles, headings and paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.pieces: list[_Piece] = []
        self._open: _Piece | None = None
        self._skip_depth = 0
        self._article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"])
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href") or None
        if tag in _BLOCKS or tag in _CAPTURED:
            self._close()
        if tag in _SKIPPED:
            self._skip_depth += 1
        elif tag == "article":
            self._article_depth += 1
        elif tag in _CAPTURED and not self._skip_depth:
            self._open = _Piece(tag, self._article_depth > 0)
        elif tag == "br" and self._open:
            self._open.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS or tag in _CAPTURED:
            self._close()
        if tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "article":
            self._article_depth = max(0, self._article_depth - 1)

    def handle_data(self, data: str) -> None:
        if self._open is not None and not self._skip_depth:
            self._open.parts.append(data)

    def close(self) -> None:
        """Finish parsing; a page cut off inside its last paragraph still gives that paragraph."""
        super().close()
        self._close()

    def _close(self) -> None:
        """End the piece being captured, keeping it if it has text."""
        if self._open is not None and self._open.text:
            self.pieces.append(self._open)
        self._open = None


def looks_like_html(text: str) -> bool:
    """Tell whether text is an HTML page rather than an article written as text."""
    opening = text.lstrip()[:1024].lower()
    return opening.startswith(("<!doctype html", "<html")) or (
        opening.startswith("<") and ("<head" in opening or "<body" in opening)
    )


def read_html(text: str) -> HtmlArticle:
    """Return the title, lead, paragraphs and metadata of the article in an HTML page."""
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    first = {tag: next((p.text for p in parser.pieces if p.tag == tag), None) for tag in _CAPTURED}
    paragraphs = [p for p in parser.pieces if p.tag == "p"]
    if any(p.in_article for p in paragraphs):
        paragraphs = [p for p in paragraphs if p.in_article]
    meta = parser.meta
    texts = [p.text for p in paragraphs]
    lead = meta.get("og:description") or meta.get("description")
    return HtmlArticle(
        title=meta.get("og:title") or first["h1"] or first["title"],
        lead=None if lead in texts else lead,  # many pages repeat their first paragraph as description
        paragraphs=texts,
        url=meta.get("og:url") or parser.canonical,
        outlet=meta.get("og:site_name"),
        published=meta.get("article:published_time") or meta.get("pubdate"),
    )
