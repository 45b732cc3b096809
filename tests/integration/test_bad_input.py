"""A batch of bad files beside good ones, through the real flow: each bad file ends in `rejects`
with a reason naming the problem, each readable article loads once, and the good files still load."""

import codecs
import json
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

import flows.pipeline
import flows.steps.ingest.sources
from flows.pipeline import pipeline
from tests.integration.warehouse_reads import rows
from tests.support.encodings import to_windows_1258

pytestmark = pytest.mark.usefixtures("prefect_harness")
MAX_FILE_BYTES = 64 * 1024  # the seed is about 8 KB

ENGLISH = """Hanoi pilots a single leader for party and government
Hanoi's party committee decided on Wednesday that district leaders will hold both the party and the
government posts, a pilot that the city's secretary said would make decisions faster.
The committee also reviewed the discipline of members over the last five years and the results of
its anti-corruption campaign, which it called encouraging but not yet sufficient.
"""


def variant(seed_text: str, n: int) -> str:
    """Return the seed as another article: the same body under its own title."""
    title, rest = seed_text.split("\n", 1)
    return f"{title} (bản {n})\n{rest}"


def html_page(text: str) -> str:
    """Return an article as a news site's HTML page: navigation, scripts and footer around it."""
    title, *body = [line for line in text.splitlines() if line.strip()]
    paragraphs = "\n".join(f"<p>{line}</p>" for line in body)
    return f"""<!DOCTYPE html><html><head><title>{title} | Tiền Phong</title>
<meta property="og:title" content="{title}"><script>var menu = "<p>Trang chủ</p>";</script></head>
<body><nav><p>Thời sự · Kinh doanh · Thể thao</p></nav>
<article><h1>{title}</h1>{paragraphs}</article><footer><p>© Báo Tiền Phong</p></footer></body></html>"""


@pytest.fixture
def bad_batch(tmp_path: Path, seed_text: str) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    files: dict[str, bytes] = {
        "a-seed.txt": seed_text.encode("utf-8"),
        "b-seed-same-bytes.txt": seed_text.encode("utf-8"),
        "c-seed-bom-crlf.txt": codecs.BOM_UTF8 + seed_text.replace("\n", "\r\n").encode("utf-8"),
        "utf16-bom.txt": variant(seed_text, 1).encode("utf-16"),
        "utf16-no-bom.txt": variant(seed_text, 2).encode("utf-16-le"),
        "windows-1258.txt": to_windows_1258(variant(seed_text, 3)),
        "nfd.txt": unicodedata.normalize("NFD", variant(seed_text, 4)).encode("utf-8"),
        "page.html": html_page(variant(seed_text, 5)).encode("utf-8"),
        "empty.txt": b"",
        "blank.txt": b"  \n\t\r\n   \n",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20,
        "latin-1.txt": "Le président a rencontré les ministres.\nIls ont discuté.".encode("latin-1"),
        "truncated.json": json.dumps({"title": "Tin", "text": seed_text}, ensure_ascii=False)[:300].encode(),
        "unknown.json": json.dumps({"id": 7, "headline": "Tin", "body": seed_text}).encode(),
        "english.txt": ENGLISH.encode("utf-8"),
        "huge.txt": (seed_text * 20).encode("utf-8"),
        "vanishing.txt": variant(seed_text, 6).encode("utf-8"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture
def vanishing_after_listing(monkeypatch: pytest.MonkeyPatch, bad_batch: Path) -> Path:
    """Delete vanishing.txt right after the run lists the folder and before it reads the file."""
    listing = flows.steps.ingest.sources.iter_files  # the run lists files there (and WARC records)
    victim = bad_batch / "vanishing.txt"

    def list_then_delete(paths: list[Path]) -> Iterator[Path]:
        for found in listing(paths):
            if found == victim:
                victim.unlink()  # listed (and planned into its window), gone before it is read
            yield found

    monkeypatch.setattr(flows.steps.ingest.sources, "iter_files", list_then_delete)
    return victim


EXPECTED_REJECTS = {
    "c-seed-bom-crlf.txt": ("duplicate_article", "same text as"),
    "empty.txt": ("file_parses", "the file is empty (0 bytes)"),
    "blank.txt": ("file_parses", "only white space"),
    "image.txt": ("file_parses", "binary content"),
    "latin-1.txt": ("file_parses", "not valid UTF-8: byte 5"),
    "truncated.json": ("file_parses", "the file ends before the JSON does"),
    "unknown.json": ("file_parses", "JSON of unknown shape (keys: body, headline, id)"),
    "english.txt": ("article_is_vietnamese", "not a Vietnamese article"),
    "huge.txt": ("file_size", "the file is 123 KiB, over the 64 KiB limit"),
    "vanishing.txt": ("file_readable", "disappeared between listing and reading"),
}


def test_each_bad_file_is_rejected_saying_why_and_every_good_one_loads_once(
    settings, bad_batch, vanishing_after_listing, seed_text
):
    settings = settings.model_copy(update={"max_file_bytes": MAX_FILE_BYTES})
    summary = pipeline([bad_batch], settings)

    assert summary.status == "completed_with_rejects"
    assert (summary.files_seen, summary.files_skipped) == (17, 1)  # b-seed-same-bytes.txt: a-seed.txt's bytes
    rejects = rows(settings, "SELECT source_path, check_name, failure FROM rejects")
    got = {Path(r["source_path"]).name: (r["check_name"], r["failure"]) for r in rejects}
    assert got.keys() == EXPECTED_REJECTS.keys()
    for name, (check, reason) in EXPECTED_REJECTS.items():
        assert got[name][0] == check and reason in got[name][1], (name, got[name])
    assert "a-seed.txt" in got["c-seed-bom-crlf.txt"][1]

    articles = rows(settings, "SELECT source_path, source_format, title_vi FROM articles")
    loaded = {Path(a["source_path"]).name: a for a in articles}
    assert set(loaded) == {
        "a-seed.txt",
        "utf16-bom.txt",
        "utf16-no-bom.txt",
        "windows-1258.txt",
        "nfd.txt",
        "page.html",
    }
    seed_title = seed_text.split("\n", 1)[0]
    assert loaded["a-seed.txt"]["title_vi"] == seed_title
    for name, n in [("utf16-bom.txt", 1), ("utf16-no-bom.txt", 2), ("windows-1258.txt", 3), ("nfd.txt", 4)]:
        assert loaded[name]["title_vi"] == f"{seed_title} (bản {n})", name
    assert loaded["page.html"]["source_format"] == "html_page"
    [counts] = rows(settings, "SELECT count(DISTINCT article_id) AS articles FROM segments")
    assert counts["articles"] == 6
    html_segments = rows(
        settings,
        "SELECT text_vi FROM segments JOIN articles USING (article_id) WHERE source_format = 'html_page'",
    )
    assert not any("Trang chủ" in s["text_vi"] or "©" in s["text_vi"] for s in html_segments)


def test_a_file_that_cannot_be_read_is_rejected_and_the_others_load(settings, tmp_path, seed_text):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(seed_text, encoding="utf-8")
    locked = folder / "locked.txt"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # chmod 000 does not stop root; /proc/self/mem is a real file whose read fails (EIO).
        locked.symlink_to("/proc/self/mem")
        expected = "Input/output error"
    else:
        locked.write_text(variant(seed_text, 1), encoding="utf-8")
        locked.chmod(0)
        expected = "Permission denied"
    try:
        summary = pipeline([folder], settings)
    finally:
        if not locked.is_symlink():
            locked.chmod(0o644)
    assert (summary.articles_loaded, summary.rejected) == (1, 1)
    [reject] = rows(settings, "SELECT source_path, check_name, failure FROM rejects")
    assert reject["source_path"].endswith("locked.txt") and reject["check_name"] == "file_readable"
    assert expected in reject["failure"]
