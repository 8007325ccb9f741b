"""The project's docs stand on their own (issue 6 section 3): README, CHANGELOG, docs/, the
test cases' guide and the package's own texts never send a reader to a file outside the
repository (the team's shared design notes or style guide, a sibling folder)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTSIDE = re.compile(r"\.\./shared|/work/shared|\bDESIGN\b|\bDESIGN\.md\b|\bSTYLE\.md\b")


def documents() -> list[Path]:
    found = [ROOT / "README.md", ROOT / "CHANGELOG.md", ROOT / "tests/rules/cases/README.md"]
    found += sorted((ROOT / "docs").rglob("*.md"))
    found += sorted(p for p in (ROOT / "src").rglob("*") if p.suffix in (".py", ".md", ".yaml"))
    found += sorted((ROOT / "benchmarks").glob("*.py"))
    return [p for p in found if p.is_file() and ".egg-info" not in str(p)]


def test_no_reference_outside_the_repository() -> None:
    found = []
    for path in documents():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "say what the thing is instead:\n" + "\n".join(found)


def test_the_pattern_catches_the_references_it_is_for() -> None:
    for text in (
        "see ../shared/DESIGN.md",
        "/work/shared/cases/x.yaml",
        "DESIGN section 5",
        "STYLE.md",
        "DESIGN's public vocabulary",
    ):
        assert OUTSIDE.search(text), text
    assert not OUTSIDE.search("DESIGNATED_SIZE_LINE = 20_000_000")
    assert {"README.md", "docs/rules.md"} <= {str(p.relative_to(ROOT)) for p in documents()}
