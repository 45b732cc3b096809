"""The order of window steps: the first window alone, then each read while the one before translates."""

import pytest

from flows.steps.translate.bilingual import TranslatedWindow
from flows.steps.window import ExtractedWindow, ReadWindow
from flows.window_work import Ready, Window, WindowSteps, overlapped_windows
from warehouse.load import WindowLoad


def recording_steps(events: list[str]) -> WindowSteps:
    """Steps that do nothing but note, in order, which step of which window ran."""

    def read(window):
        events.append(f"read {window.number}")
        return ReadWindow(sources=[object()], files_seen=1)  # one file to work on

    def extract(window, files):
        events.append(f"extract {window.number}")
        return ExtractedWindow()

    def validate(window, records):
        events.append(f"validate {window.number}")
        return {}, []

    def translate(window, articles):
        events.append(f"translate {window.number}")
        return Ready(TranslatedWindow({}))

    def load(window, files, articles, rejects):
        events.append(f"load {window.number}")
        return WindowLoad()

    return WindowSteps(read, extract, validate, translate, load)


def windows(count: int) -> list[Window]:
    """Return count windows numbered from 1, with nothing the recording steps need."""
    return [Window(number, [], "run", settings=None, engine=None) for number in range(1, count + 1)]


def test_the_first_window_is_loaded_before_the_second_is_read():
    events: list[str] = []
    done = list(overlapped_windows(windows(4), recording_steps(events)))
    assert len(done) == 4
    assert events.index("load 1") < events.index("read 2")  # the first article waits for nothing else


def test_later_windows_are_read_while_the_one_before_translates():
    events: list[str] = []
    list(overlapped_windows(windows(4), recording_steps(events)))
    assert events.index("translate 3") < events.index("load 2")
    assert events.index("translate 4") < events.index("load 3")
    assert [event for event in events if event.startswith("load")] == ["load 1", "load 2", "load 3", "load 4"]


def test_a_window_that_fails_to_start_still_lets_the_one_before_load():
    events: list[str] = []
    steps = recording_steps(events)

    def failing_read(window):
        if window.number == 3:
            raise OSError("disk gone")
        return steps.read(window)

    broken = WindowSteps(failing_read, steps.extract, steps.validate, steps.translate, steps.load)
    done = []
    with pytest.raises(OSError, match="disk gone"):
        for finished in overlapped_windows(windows(4), broken):
            done.append(finished)
    assert "load 2" in events and "load 3" not in events and len(done) == 2
