"""Time the path from file to validated rows, stage by stage, with no model.

    .venv/bin/python bench/extract_speed.py [--articles N] [--profile] [--baseline REF] [--json PATH]

Articles are the seed, ../shared/corpus and ../shared/corpus-dev (whichever are present),
copied until there are about N of them; each copy's long lines carry a copy number, so no
two copies are the same text. Stages, each timed over every article: read (the bytes),
parse (decode, normalise, parse the shape), extract (segments, language, entities, facts,
dates) and validate (the pandera schemas, once over the whole set, as a window would).

`--baseline REF` runs the same measurement on the code of a git ref (e.g. `main`) in a child
process over the same files and prints the ratio, so before and after are measured side by
side on a machine whose load changes. `--profile` prints cProfile's top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
SUFFIXES = {".txt", ".json"}
STAGES = ("read", "parse", "extract", "validate")
_HEADER = re.compile(r"^\s*[\w ]{1,20}:")  # "Title:", "Published Date:": keep headers intact


def source_files(shared: Path = SHARED) -> tuple[list[Path], list[str]]:
    """Return the article files to copy, and a note for each source folder that is missing."""
    files, notes = [], []
    for folder in [PROJECT / "seeds", shared / "corpus", shared / "corpus-dev"]:
        if not folder.is_dir():
            notes.append(f"{folder} absent: its articles are not measured")
            continue
        files += sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES)
    return files, notes


def _numbered_line(line: str, copy: int) -> str:
    """Append the copy number to a long text line (not to a header line)."""
    if len(line) < 60 or _HEADER.match(line):
        return line
    return f"{line} ({copy})"


def _numbered_json(value: Any, copy: int) -> Any:
    """Number every long line of every string of a JSON value; make URLs distinct."""
    if isinstance(value, dict):
        return {key: _numbered_field(key, item, copy) for key, item in value.items()}
    if isinstance(value, list):
        return [_numbered_json(item, copy) for item in value]
    if isinstance(value, str):
        return "\n".join(_numbered_line(line, copy) for line in value.split("\n"))
    return value


def _numbered_field(key: str, value: Any, copy: int) -> Any:
    """Give a URL field a copy query (the article id follows it); number any other field."""
    if key == "url" and isinstance(value, str) and value:
        return f"{value}?copy={copy}"
    return _numbered_json(value, copy)


def numbered_copy(path: Path, copy: int) -> bytes:
    """Return the file's content with the copy number added to its text."""
    raw = path.read_bytes()
    if path.suffix == ".json":
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return raw
        return json.dumps(_numbered_json(data, copy), ensure_ascii=False).encode("utf-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw
    link = re.compile(r"^(Link:\s*\S+)", re.M)
    text = link.sub(lambda m: f"{m.group(1)}?copy={copy}", text)
    return "\n".join(_numbered_line(line, copy) for line in text.split("\n")).encode("utf-8")


def write_articles(folder: Path, files: list[Path], count: int) -> list[Path]:
    """Write about `count` numbered copies of the files into folder; return their paths."""
    paths = []
    copy = 0
    while len(paths) < count:
        for source in files[: count - len(paths)]:
            target = folder / f"{copy:03d}-{source.name}"
            target.write_bytes(source.read_bytes() if copy == 0 else numbered_copy(source, copy))
            paths.append(target)
        copy += 1
    return paths


class StageClock:
    """Add up each stage's wall-clock and CPU seconds (CPU time is what other load leaves alone)."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.cpu: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.restart()

    def restart(self) -> None:
        """Start timing the next stage from now."""
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def lap(self, stage: str) -> None:
        """Charge the time since the last lap to a stage."""
        wall, cpu = time.perf_counter(), time.process_time()
        self.wall[stage] += wall - self._wall
        self.cpu[stage] += cpu - self._cpu
        self._wall, self._cpu = wall, cpu


def measure(paths: list[Path], window: int = 0) -> dict[str, Any]:
    """Run read → parse → extract → validate over the files; return seconds per stage.

    Validation runs once over all articles, or once per `window` articles when given.
    """
    from underthesea import ner

    from flows.steps.extract.article import extract_article
    from flows.steps.ingest.files import UnreadableSource, parse_source, read_source
    from flows.steps.ingest.formats import SourceDocument
    from flows.steps.records import ArticleRecords
    from flows.steps.validate import validate_records

    # Imports, model loading and first-call setup are paid once per process, not per article.
    ner("Đoàn công tác đến Phong Điền.")
    extract_article(*_warm_up_document(), "bench")
    clock = StageClock()
    records: list[ArticleRecords] = []
    documents = 0
    for path in paths:
        clock.restart()
        source = read_source(path, 8 << 20)
        clock.lap("read")
        try:
            parsed = parse_source(source)
        except UnreadableSource:
            parsed = []
        clock.lap("parse")
        for document in parsed:
            if isinstance(document, SourceDocument):
                documents += 1
                result = extract_article(document, source.content_sha256, "bench")
                if isinstance(result, ArticleRecords):
                    records.append(result)
        clock.lap("extract")
    valid = 0
    size = window or len(records) or 1
    clock.restart()
    for first in range(0, len(records), size):
        valid += len(validate_records(records[first : first + size])[0])
    clock.lap("validate")
    return {
        "files": len(paths),
        "documents": documents,
        "articles_extracted": len(records),
        "articles_valid": valid,
        "seconds": clock.wall,
        "cpu_seconds": clock.cpu,
    }


def _warm_up_document() -> tuple[Any, str]:
    """Return the seed as a parsed document, to pay import costs before timing."""
    from flows.steps.ingest.formats import parse_document

    seed = next((PROJECT / "seeds").glob("*.txt"))
    [document] = parse_document(str(seed), seed.read_text(encoding="utf-8"))
    return document, "0" * 64


def rates(result: dict[str, Any], key: str = "seconds") -> dict[str, float]:
    """Return articles (documents read) per second for each stage and overall."""
    count = result["documents"]
    per_stage = {stage: count / max(s, 1e-9) for stage, s in result[key].items()}
    per_stage["overall"] = count / max(sum(result[key].values()), 1e-9)
    return per_stage


def baseline(ref: str, paths_file: Path, window: int) -> dict[str, Any]:
    """Measure the same files with the code of a git ref, in a child process."""
    from bench.git_ref import ref_tree

    with ref_tree(ref, ("flows", "schemas", "seeds"), Path(__file__)) as tree:
        out = subprocess.run(
            [
                sys.executable,
                str(Path(tree) / "bench" / "extract_speed.py"),
                f"--paths-from={paths_file}",
                f"--window={window}",
            ],
            check=True,
            capture_output=True,
            text=True,
            env={"PYTHONPATH": tree, "PATH": "/usr/bin:/bin"},
        ).stdout
    return dict(json.loads(out.splitlines()[-1]))


def report(label: str, result: dict[str, Any]) -> None:
    """Print one measurement's rates, by the wall clock and by CPU time."""
    print(
        f"{label}: {result['files']} files, {result['documents']} articles, "
        f"{result['articles_extracted']} extracted, {result['articles_valid']} valid"
    )
    for key, name in (("seconds", "wall"), ("cpu_seconds", "CPU")):
        stages = "  ".join(f"{stage} {rate:,.1f}" for stage, rate in rates(result, key).items())
        print(f"  articles/s ({name}): {stages}")


def compare(ref: str, paths: list[Path], folder: Path, window: int, ours: dict[str, Any]) -> dict[str, Any]:
    """Measure a git ref's code on the same files; print and return both and the speed-up."""
    paths_file = folder / "paths.txt"
    paths_file.write_text("\n".join(map(str, paths)))
    before = baseline(ref, paths_file, window)
    report(ref, before)
    wall = rates(ours)["overall"] / rates(before)["overall"]
    cpu = rates(ours, "cpu_seconds")["overall"] / rates(before, "cpu_seconds")["overall"]
    print(f"overall speed-up over {ref}: {wall:.1f}× by the wall clock, {cpu:.1f}× in CPU time")
    from bench.git_ref import short_commit

    commit = short_commit(ref)
    return {"baseline": {"ref": ref, "commit": commit, **before}, "speedup_wall": wall, "speedup_cpu": cpu}


def main() -> None:
    """Build the numbered articles, time each stage, and compare with a baseline if asked."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--window", type=int, default=0, help="validate this many articles at a time")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top 25 functions")
    parser.add_argument("--baseline", metavar="REF", help="also measure this git ref's code (e.g. main)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the folder holding corpus/, corpus-dev/")
    parser.add_argument("--paths-from", type=Path, help=argparse.SUPPRESS)  # the baseline child's input
    args = parser.parse_args()
    sys.path.insert(0, str(PROJECT))
    if args.paths_from:  # child: measure the given files, print JSON only
        paths = [Path(p) for p in args.paths_from.read_text().split("\n") if p]
        print(json.dumps(measure(paths, args.window)))
        return
    files, notes = source_files(args.shared)
    for note in notes:
        print(note)
    profiler = cProfile.Profile() if args.profile else None
    with tempfile.TemporaryDirectory(prefix="extract-speed-") as folder:
        paths = write_articles(Path(folder), files, args.articles)
        if profiler:
            measure(paths[:3])  # imports outside the profile: a run pays them once
        result = profiler.runcall(measure, paths, args.window) if profiler else measure(paths, args.window)
        report("this tree", result)
        figures: dict[str, Any] = {"this_tree": result}
        if args.baseline:
            figures |= compare(args.baseline, paths, Path(folder), args.window, result)
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str))


if __name__ == "__main__":
    main()
