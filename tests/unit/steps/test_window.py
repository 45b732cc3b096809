"""Windows are planned lazily from names and sizes, in listing order, within their limits."""

from __future__ import annotations

import itertools
from pathlib import Path

from flows.steps.ingest.files import iter_files
from flows.steps.window import WindowLimits, plan_windows


def sized(folder: Path, sizes: dict[str, int]) -> list[Path]:
    """Write files of the given sizes; return their paths in name order."""
    for name, size in sizes.items():
        (folder / name).write_bytes(b"x" * size)
    return sorted(folder / name for name in sizes)


def names(windows) -> list[list[str]]:
    return [[path.name for path in window] for window in windows]


def test_windows_start_small_and_double_up_to_their_file_limit(tmp_path):
    files = sized(tmp_path, {f"{n:02d}.txt": 10 for n in range(40)})
    windows = list(plan_windows(files, WindowLimits(max_files=50, max_bytes=10_000)))
    assert [len(window) for window in windows] == [1, 2, 4, 8, 16, 9]
    assert [path for window in windows for path in window] == files  # in order, none lost or repeated


def test_a_window_of_one_file_at_most_stays_one_file(tmp_path):
    files = sized(tmp_path, {f"{n}.txt": 10 for n in range(3)})
    windows = plan_windows(files, WindowLimits(max_files=1, max_bytes=1000))
    assert names(windows) == [["0.txt"], ["1.txt"], ["2.txt"]]


def test_a_window_closes_before_its_byte_limit_and_a_big_file_stands_alone(tmp_path):
    files = sized(tmp_path, {"a.txt": 40, "b.txt": 40, "c.txt": 500, "d.txt": 10})
    windows = plan_windows(files, WindowLimits(max_files=100, max_bytes=100))  # the first window may hold 2
    assert names(windows) == [["a.txt", "b.txt"], ["c.txt"], ["d.txt"]]


def test_a_vanished_file_still_gets_a_window_so_reading_it_can_say_why(tmp_path):
    windows = plan_windows([tmp_path / "gone.txt"], WindowLimits(max_files=1, max_bytes=1))
    assert names(windows) == [["gone.txt"]]


def test_planning_is_lazy_so_an_endless_listing_still_gives_its_first_window(tmp_path):
    [file] = sized(tmp_path, {"a.txt": 1})
    endless = itertools.repeat(file)
    first = next(plan_windows(endless, WindowLimits(max_files=75, max_bytes=100)))
    assert len(first) == 2


def test_files_are_listed_in_name_order_depth_first_with_hidden_and_other_files_skipped(tmp_path):
    for relative in ["b.txt", "a/z.json", "a/b/c.html", "a.txt", ".hidden/x.txt", "a/.y.txt", "notes.md"]:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    listed = [path.relative_to(tmp_path).as_posix() for path in iter_files([tmp_path])]
    assert listed == ["a/b/c.html", "a/z.json", "a.txt", "b.txt"]


def test_a_file_named_twice_is_listed_once(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    assert list(iter_files([tmp_path, tmp_path / "a.txt"])) == [tmp_path / "a.txt"]


def test_a_linked_folder_that_loops_back_is_not_walked_forever(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert list(iter_files([tmp_path])) == [tmp_path / "a.txt"]
