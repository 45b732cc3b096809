"""`make mutate`: break the code a change touches, one line at a time, and list the breaks no test catches.

For each module your branch changed (`git diff --name-only BASE`: Python under flows/, schemas/,
warehouse/, and the reader's templates), each changed line is mutated the ways a slip would break it:
a comparison or boolean operator turned round, a `not` dropped, a number moved by one, True for False,
a template's escaping switched off with `|safe`. Each mutant is written in place, the fast-tier tests
that import the module (its mirror in tests/unit/, or the whole fast tier when none does) run with
`-x`, and the file is restored. A mutant whose tests still pass is a survivor: a break no test sees.

    python -m tests.support.mutate                     # the lines this branch changed (since it left main)
    python -m tests.support.mutate --all-lines FILE…   # every line of these files
    python -m tests.support.mutate --list FILE         # show the mutants, run nothing

mutmut 3 does this for whole projects; it copies the tree into mutants/ and needs its own test run to
map lines to tests, which our suite (Prefect, CTranslate2 threads, forked processes) makes slow and
fragile. This stays small: plain text edits, the real tests, the real files, restored in `finally`.
"""

from __future__ import annotations

import argparse
import ast
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.support.tiers import FAST_TIER

PROJECT = Path(__file__).resolve().parents[2]
PACKAGES = ("flows/", "schemas/", "warehouse/")
TEST_TIMEOUT_S = 600
_SWAPS = {
    ast.Eq: "!=", ast.NotEq: "==", ast.Lt: "<=", ast.LtE: "<", ast.Gt: ">=", ast.GtE: ">",
    ast.In: "not in", ast.NotIn: "in", ast.Is: "is not", ast.IsNot: "is",
}  # fmt: skip
_OPERATOR_TEXT = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not",
}  # fmt: skip
_TEMPLATE_VALUE = re.compile(r"\{\{\s*([^{}|]+?)\s*\}\}")


@dataclass(frozen=True)
class Mutant:
    """One line of one file, written another way."""

    path: Path
    line: int  # 1-based
    original: str
    mutated: str

    def describe(self) -> str:
        """Return `path:line: before → after`."""
        where = f"{self.path.relative_to(PROJECT)}:{self.line}"
        return f"{where}: {self.original.strip()}  →  {self.mutated.strip()}"


def fork_point(base: str) -> str:
    """Return the commit this branch left base at: main moves on, and its changes are not ours."""
    return subprocess.run(
        ["git", "merge-base", base, "HEAD"], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout.strip()


def changed_files(base: str) -> list[Path]:
    """Return the modules and templates changed since base (committed or not)."""
    names = subprocess.run(
        ["git", "diff", "--name-only", base], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [
        PROJECT / name
        for name in names
        if name.startswith(PACKAGES) and name.endswith((".py", ".html")) and (PROJECT / name).exists()
    ]


def changed_lines(path: Path, base: str) -> set[int]:
    """Return the line numbers of path that differ from base."""
    diff = subprocess.run(
        ["git", "diff", "-U0", base, "--", str(path)], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout
    lines: set[int] = set()
    for start, count in re.findall(r"^@@ -\S+ \+(\d+)(?:,(\d+))? @@", diff, re.MULTILINE):
        lines.update(range(int(start), int(start) + int(count or 1)))
    return lines


def _replace_on_line(line: str, old: str, new: str, near: int) -> str | None:
    """Replace the occurrence of old nearest to column near on one line, or None if there is none."""
    spots = [m.start() for m in re.finditer(re.escape(old), line)]
    if not spots:
        return None
    spot = min(spots, key=lambda column: abs(column - near))
    return line[:spot] + new + line[spot + len(old) :]


def python_mutants(path: Path) -> Iterator[Mutant]:
    """Yield one-line mutants of a Python module: operators, `not`, numbers, booleans."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    for node in ast.walk(ast.parse(source)):
        if getattr(node, "lineno", None) is None or node.lineno != getattr(node, "end_lineno", None):
            continue
        line = lines[node.lineno - 1]
        for old, new in _node_edits(node, line):
            mutated = _replace_on_line(line, old, new, node.col_offset)
            if mutated is not None and mutated != line:
                yield Mutant(path, node.lineno, line, mutated)


def _node_edits(node: ast.AST, line: str) -> Iterator[tuple[str, str]]:
    """Yield (old text, new text) edits for one AST node on its line."""
    if isinstance(node, ast.Compare):
        for op in node.ops:
            if type(op) in _SWAPS:
                yield f" {_OPERATOR_TEXT[type(op)]} ", f" {_SWAPS[type(op)]} "
    elif isinstance(node, ast.BoolOp):
        yield (" and ", " or ") if isinstance(node.op, ast.And) else (" or ", " and ")
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield "not ", ""
    elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
        yield str(node.value), str(not node.value)
    elif isinstance(node, ast.Constant) and type(node.value) is int and node.value < 10**6:
        text = line[node.col_offset : node.end_col_offset] if node.end_col_offset else ""
        if text.isdigit():
            yield text, str(node.value + 1)


def template_mutants(path: Path) -> Iterator[Mutant]:
    """Yield one-line mutants of a Jinja template: each value printed without escaping."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(keepends=True), start=1):
        for match in _TEMPLATE_VALUE.finditer(line):
            mutated = line[: match.start()] + "{{ " + match.group(1) + "|safe }}" + line[match.end() :]
            yield Mutant(path, number, line, mutated)


def mutants_of(path: Path, lines: set[int] | None) -> list[Mutant]:
    """Return the mutants of one file, only on the given lines when lines is not None."""
    made = python_mutants(path) if path.suffix == ".py" else template_mutants(path)
    unique = {(m.line, m.mutated): m for m in made if lines is None or m.line in lines}
    return sorted(unique.values(), key=lambda m: (m.line, m.mutated))


def _dotted(path: Path) -> str:
    """Return a module's dotted name; a template's is its package's (flows.reader)."""
    relative = path.relative_to(PROJECT)
    if path.suffix != ".py":
        return ".".join(relative.parent.parent.parts)
    return ".".join(relative.with_suffix("").parts).removesuffix(".__init__")


def _imports(dotted: str) -> re.Pattern[str]:
    """Return a pattern that finds an import of the module (or of a module inside the package)."""
    parent, _, name = dotted.rpartition(".")
    module, package = re.escape(dotted), re.escape(parent)
    return re.compile(
        rf"^\s*(?:from|import) {module}(?:[.\s]|$)|^\s*from {package} import .*\b{name}\b", re.MULTILINE
    )


def tests_for(path: Path) -> list[str]:
    """Return the unit test files that import the module, or a module of ours that imports it.

    One step through our own modules finds the tests that reach it through another ("tintuc export"
    reaches flows.reader.export through flows.cli); none found means the whole fast tier.
    """
    target = _imports(_dotted(path))
    importers = [
        _imports(_dotted(module))
        for package in PACKAGES
        for module in sorted((PROJECT / package).rglob("*.py"))
        if module != path and target.search(module.read_text(encoding="utf-8"))
    ]
    found = []
    for test in sorted((PROJECT / "tests" / "unit").rglob("test_*.py")):
        source = test.read_text(encoding="utf-8")
        if any(pattern.search(source) for pattern in (target, *importers)):
            found.append(str(test.relative_to(PROJECT)))
    return found


def killed(mutant: Mutant, tests: list[str]) -> str:
    """Write the mutant, run the tests, restore the file; return "killed", "survived" or "timeout"."""
    original = mutant.path.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    lines[mutant.line - 1] = mutant.mutated
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-m", FAST_TIER, *tests]
    try:
        mutant.path.write_text("".join(lines), encoding="utf-8")
        result = subprocess.run(command, cwd=PROJECT, capture_output=True, timeout=TEST_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return "timeout"
    finally:
        mutant.path.write_text(original, encoding="utf-8")
    return "survived" if result.returncode in (0, 5) else "killed"


def main(argv: list[str] | None = None) -> int:
    """Mutate, test, and print the survivors; exit 1 when any survived."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, help="files to mutate (default: changed since BASE)")
    parser.add_argument("--base", default="main", help="the git ref a change is measured from (main)")
    parser.add_argument("--all-lines", action="store_true", help="mutate every line, not only changed ones")
    parser.add_argument("--list", action="store_true", help="list the mutants and run nothing")
    options = parser.parse_args(argv)
    # Stopped by Ctrl-C or SIGTERM (even as a background job, which ignores SIGINT), the file being
    # mutated is restored by killed()'s `finally` before the process ends.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    base = fork_point(options.base)
    files = [path.resolve() for path in options.files] or changed_files(base)
    if not files:
        print(f"no module under {', '.join(PACKAGES)} changed since {options.base}")
        return 0
    survivors, counts = [], {"killed": 0, "survived": 0, "timeout": 0}
    started = time.monotonic()
    for path in files:
        lines = None if options.all_lines or options.files else changed_lines(path, base)
        mutants = mutants_of(path, lines)
        tests = tests_for(path)
        chosen = " ".join(tests) or "the fast tier"
        print(f"{path.relative_to(PROJECT)}: {len(mutants)} mutants, tests: {chosen}")
        for mutant in mutants:
            if options.list:
                print("  ", mutant.describe())
                continue
            outcome = killed(mutant, tests)
            counts[outcome] += 1
            print(f"  {sum(counts.values())}/{len(mutants)}", end="\r", flush=True)
            if outcome != "killed":
                survivors.append(f"{outcome}: {mutant.describe()}")
                print(f"  {outcome}: {mutant.describe()}", flush=True)
    if not options.list:
        total = sum(counts.values())
        minutes = (time.monotonic() - started) / 60
        print(f"\n{total} mutants: {counts['killed']} killed, {counts['survived']} survived, "
              f"{counts['timeout']} timed out, in {minutes:.1f} min")  # fmt: skip
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
