"""docs/populations.md: its Python example runs, its reform validates, its charts exist."""

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from innoreg.batch import Reform

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "populations.md").read_text(encoding="utf-8")


def test_the_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (block,) = [b for b in re.findall(r"```python\n(.*?)```", PAGE, re.S) if "synthesise" in b]
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(block.replace("100_000", "3_000"), "populations.md", "exec"), {})
    assert (tmp_path / "results.parquet").is_file()
    assert (tmp_path / "report" / "report.html").is_file()


def test_the_reform_shown_is_the_example_file_and_validates() -> None:
    (block,) = re.findall(r"```yaml\n(.*?)```", PAGE, re.S)
    shown = yaml.safe_load(block)
    shipped = yaml.safe_load((ROOT / "examples/reforms/luoyang-threshold-1.5.yaml").read_text())
    assert shown == {k: v for k, v in shipped.items() if k != "description"}
    assert Reform.from_mapping(shown).interpretations == {"luoyang.art7.dual_route": "no"}


def test_every_chart_the_page_shows_is_committed() -> None:
    for name in re.findall(r"\]\((populations/[^)]+\.png)\)", PAGE):
        assert (ROOT / "docs" / name).is_file(), name
    assert os.path.getsize(ROOT / "docs/populations/rd-intensity.png") > 10_000


def test_the_shipped_reforms_are_the_examples() -> None:
    """The what-if page picks from the package's reforms; the docs run the examples' files."""
    from innoreg.batch.reforms import FOLDER

    packaged = {p.name: p.read_bytes() for p in FOLDER.glob("*.yaml")}
    examples = {p.name: p.read_bytes() for p in (ROOT / "examples/reforms").glob("*.yaml")}
    assert packaged == examples and packaged
