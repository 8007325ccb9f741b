"""The shared worked examples are the public contract: our copy stays verbatim, and the command
line decides them as ``check_examples.py`` does (a JSON case file in, the results out)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

try:  # tests/rules is a plain folder of test modules...
    from contract_deviations import DEVIATIONS
    from test_cases import RuleCase, read_case_file, same
except ImportError:  # ...or a package
    from .contract_deviations import DEVIATIONS
    from .test_cases import RuleCase, read_case_file, same

CASES = Path(__file__).parent / "cases"
COPY = CASES / "examples.yaml"
SHARED = Path("/work/shared/cases/examples.yaml")


def test_our_copy_of_the_examples_is_the_shared_file_verbatim() -> None:
    if not SHARED.exists():
        pytest.skip("the shared contract is not present on this machine")
    header, _, body = COPY.read_text(encoding="utf-8").partition("\n")
    assert header.startswith("#") and "copy" in header
    assert body == SHARED.read_text(encoding="utf-8")


def test_the_examples_are_a_stream_of_cases_with_names_and_expected_results() -> None:
    documents = list(yaml.safe_load_all(COPY.read_text(encoding="utf-8")))
    assert len(documents) >= 5
    assert all({"name", "case", "expected_results"} <= set(d) for d in documents)


EXAMPLES = read_case_file(COPY)


@pytest.mark.parametrize(
    "example",
    [
        pytest.param(
            e,
            id=e.name,
            marks=[pytest.mark.xfail(reason=DEVIATIONS[e.name], strict=True)]
            if e.name in DEVIATIONS
            else [],
        )
        for e in EXAMPLES
    ],
)
def test_the_command_line_decides_each_example_as_the_contract_says(
    example: RuleCase, tmp_path: Path
) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(example.case), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "innoreg", "evaluate", str(case_file), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    results: dict[str, Any] = json.loads(run.stdout)["results"]
    for entity_id, expected in example.expected_results.items():
        for variable, want in expected.items():
            got = results.get(entity_id, {}).get(variable, "<missing>")
            assert same(want, got), f"{entity_id}.{variable}: expected {want!r}, got {got!r}"
