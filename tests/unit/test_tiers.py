"""The slow list that keeps tests out of `make check` names tests that exist: a moved file falls back in."""

import ast
from pathlib import Path

from tests.support.tiers import SLOW

PROJECT = Path(__file__).resolve().parents[2]


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def test_every_slow_test_named_is_a_test_of_the_file_named():
    missing = [
        f"{file}::{name}"
        for file, tests in SLOW.items()
        for name in tests
        if not (PROJECT / file).is_file() or name not in _test_names(PROJECT / file)
    ]
    assert missing == []
