"""One article that breaks extraction is rejected with the error; the others go on."""

from __future__ import annotations

import json

import pytest

import flows.steps.window as window
from flows.steps.ingest.files import SourceFile
from flows.steps.window import EXTRACT_FAILED, SeenThisRun, extract_window


def news_file(number: int) -> SourceFile:
    record = {
        "title": f"Tin {number}",
        "text": f"Sáng 13/7/2022, {number} người họp.",
        "url": f"https://x.vn/{number}",
    }
    return SourceFile(f"in/{number}.json", json.dumps(record, ensure_ascii=False).encode("utf-8"))


def test_an_article_whose_extraction_raises_is_rejected_and_the_others_are_extracted(monkeypatch):
    extract = window.extract_article

    def breaks_on_the_second(document, *args):
        if document.source_path == "in/2.json":
            raise KeyError("a bug met on this article")
        return extract(document, *args)

    monkeypatch.setattr(window, "extract_article", breaks_on_the_second)
    result = extract_window([news_file(1), news_file(2), news_file(3)], "run1", SeenThisRun())
    assert [r.article["source_path"] for r in result.records] == ["in/1.json", "in/3.json"]
    [reject] = result.rejects
    assert (reject.source_path, reject.check_name) == ("in/2.json", EXTRACT_FAILED)
    assert "KeyError" in reject.failure and "a bug met on this article" in reject.failure


def test_a_file_whose_parsing_raises_is_rejected_as_unparsable_and_the_others_are_extracted(monkeypatch):
    parse = window.parse_source

    def breaks_on_the_second(source):
        if source.source_path == "in/2.json":
            raise IndexError("a bug met in a reader")
        return parse(source)

    monkeypatch.setattr(window, "parse_source", breaks_on_the_second)
    result = extract_window([news_file(1), news_file(2), news_file(3)], "run1", SeenThisRun())
    assert [r.article["source_path"] for r in result.records] == ["in/1.json", "in/3.json"]
    [reject] = result.rejects
    assert (reject.source_path, reject.check_name) == ("in/2.json", "file_parses")
    assert "IndexError" in reject.failure and "a bug met in a reader" in reject.failure


@pytest.mark.parametrize("stop", [KeyboardInterrupt(), SystemExit(1), MemoryError()])
def test_stopping_the_run_or_running_out_of_memory_still_ends_the_run(monkeypatch, stop):
    def stops(_source):
        raise stop

    monkeypatch.setattr(window, "parse_source", stops)
    with pytest.raises(type(stop)):
        extract_window([news_file(1)], "run1", SeenThisRun())
