"""The examples in docs/law.md and in the package docstring run and print what they say."""

from __future__ import annotations

import doctest
from pathlib import Path

import innoreg.law

DOCS = Path(__file__).resolve().parents[2] / "docs" / "law.md"


def test_the_law_page_examples_run() -> None:
    result = doctest.testfile(str(DOCS), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 15
    assert result.failed == 0


def test_the_package_docstring_example_runs() -> None:
    result = doctest.testmod(innoreg.law)
    assert result.attempted >= 3
    assert result.failed == 0


def test_every_parse_error_in_the_table_is_one_the_parser_raises() -> None:
    source = (Path(innoreg.law.__file__).parent / "parse.py").read_text(encoding="utf-8")
    table = [
        line for line in DOCS.read_text(encoding="utf-8").splitlines() if line.startswith("| `")
    ]
    fixed = ["no articles found", "has no article", "has no text", "comes before any chapter"]
    for phrase in fixed:
        assert any(phrase in row for row in table)
        assert phrase in source
