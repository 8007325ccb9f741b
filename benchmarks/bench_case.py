"""One case: innoreg's ``evaluate_case`` (warm, with and without the explanation) against
OpenFisca's one-case path, and the whole ``innoreg evaluate CASE.json`` process.

    .venv/bin/python -m benchmarks.bench_case
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchmarks import compare, openfisca_model
from benchmarks.common import (
    PYTHON,
    ROOT,
    EngineMismatch,
    Report,
    median_time,
    ms,
    status,
)

PERIOD = "2024-06-30"
ENTERPRISE: dict[str, Any] = {
    "sales_revenue": "80000000.00",
    "rd_expense": "500000.00",
    "above_designated_size": True,
    "high_tech": True,
    "innovative_enterprise": False,
    "integrated_circuit_or_machine_tool": False,
    "technology_based_sme": True,
    "industry": "C39",
    "led_national_standards": 1,
}
CASE: dict[str, Any] = {
    "jurisdiction": "cn-ha-luoyang",
    "date": PERIOD,
    "enterprises": [{"id": "e1", **ENTERPRISE}],
}
CLI = Path(PYTHON).parent / "innoreg"
CLI_TARGET = 0.3
MONEY = ("rd_super_deduction", "rd_shortfall")
RATES = ("hightech_rd_intensity_required", "rd_super_deduction_rate", "rd_intensity_required")


def openfisca_inputs() -> dict[str, Any]:
    """The case's enterprise in OpenFisca's units: money as integer fen."""
    return {
        name: int(Decimal(value) * 100) if name in ("sales_revenue", "rd_expense") else value
        for name, value in ENTERPRISE.items()
    }


def openfisca_public(results: dict[str, Any]) -> dict[str, Any]:
    """OpenFisca's one-case arrays in the public vocabulary (for the comparison only)."""
    public: dict[str, Any] = {}
    for name in openfisca_model.OUTPUTS:
        valid = compare.openfisca_valid(name, results)
        value = results[name][0].item()
        if valid is not None and not valid[0]:
            value = None
        elif name in MONEY:
            value = f"{Decimal(value) / 100:.2f}"
        elif name in RATES:
            value = value / 1_000_000
        public[name] = value
    return public


COLD = """
import json, sys, time
start = time.perf_counter()
from innoreg.engine import evaluate_case
imported = time.perf_counter()
evaluate_case(json.loads(sys.argv[1]))
done = time.perf_counter()
print(json.dumps({"import": imported - start, "first": done - imported}))
"""


def cold() -> dict[str, float]:
    """In a fresh interpreter: importing innoreg.engine, then the first (cold) call."""
    completed = subprocess.run(
        [PYTHON, "-c", COLD, json.dumps(CASE)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    figures: dict[str, float] = json.loads(completed.stdout)
    return figures


def _check(expected: dict[str, Any], got: dict[str, Any], engine: str) -> None:
    differs = {k: (v, got.get(k)) for k, v in expected.items() if got.get(k) != v}
    if differs or set(got) != set(expected):
        raise EngineMismatch(f"one case: innoreg and {engine} disagree: {differs}")


def import_breakdown(args: list[str], top: int = 8) -> list[str]:
    """The packages whose imports cost most (self time summed per top-level package)."""
    completed = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", "from innoreg.cli.entry import main; main()", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    by_package: dict[str, int] = defaultdict(int)
    total = 0
    for line in completed.stderr.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+\d+ \|(\s*)(\S+)", line)
        if found:
            by_package[found.group(3).split(".")[0]] += int(found.group(1))
            total += int(found.group(1))
    ranked = sorted(by_package.items(), key=lambda item: -item[1])[:top]
    return [f"imports total {total / 1e6:.3f} s"] + [f"{p} {us / 1e6:.3f} s" for p, us in ranked]


def run_cli(report: Report, expected: dict[str, Any], runs: int) -> None:
    probe = subprocess.run([str(CLI), "evaluate", "--help"], capture_output=True, check=False)
    if probe.returncode != 0:
        report.add("innoreg evaluate CASE.json (whole process)", "skipped: no evaluate command")
        return
    with tempfile.TemporaryDirectory(prefix="innoreg-case-") as folder:
        path = Path(folder) / "case.json"
        path.write_text(json.dumps(CASE), encoding="utf-8")
        args = ["evaluate", str(path), "--format", "json"]
        times = []
        for run in range(runs + 1):  # the first run only warms the disk cache
            start = time.perf_counter()
            completed = subprocess.run(
                [str(CLI), *args], capture_output=True, text=True, check=False, cwd=ROOT
            )
            if run:
                times.append(time.perf_counter() - start)
        if completed.returncode != 0:
            report.note(f"innoreg evaluate failed: {completed.stderr.strip()[-300:]}")
            return
        _check(expected, json.loads(completed.stdout)["results"]["e1"], "the CLI")
        median = sorted(times)[len(times) // 2]
        report.add(
            "innoreg evaluate CASE.json (whole process)",
            f"{median:.3f} s median of {runs}",
            f"<= {CLI_TARGET} s",
            status(median <= CLI_TARGET),
        )
        if median > CLI_TARGET:
            report.note("import costs of `innoreg evaluate`: " + "; ".join(import_breakdown(args)))


def main(quick: bool = False) -> Report:
    from innoreg.engine import evaluate_case

    report = Report()
    print("one case")
    first = cold()
    report.add(
        "one case: cold (fresh process)",
        f"import innoreg.engine {ms(first['import'])}, first call {ms(first['first'])}"
        " (builds the plan)",
    )
    expected = evaluate_case(CASE)["results"]["e1"]
    inputs = openfisca_inputs()
    _check(expected, openfisca_public(openfisca_model.one_case(inputs, PERIOD)), "OpenFisca")
    runs = 400 if quick else 2000
    warm = median_time(lambda: evaluate_case(CASE), runs)
    explained = median_time(lambda: evaluate_case(CASE, explain=True), runs // 4)
    openfisca = median_time(lambda: openfisca_model.one_case(inputs, PERIOD), runs // 4)
    report.add("one case: innoreg evaluate_case (warm)", f"{ms(warm)} median of {runs}")
    report.add("one case: innoreg explain=True", f"{ms(explained)} median of {runs // 4}")
    report.add("one case: OpenFisca (build from dict + calculate)", f"{ms(openfisca)}")
    report.add(
        "one case: innoreg / OpenFisca",
        f"{warm / openfisca:.3f}x",
        "<= 1.0x (aim 0.5x)",
        status(warm <= openfisca),
    )
    report.add(
        "one case: innoreg explain=True / OpenFisca",
        f"{explained / openfisca:.3f}x",
        "<= 3x",
        status(explained <= 3 * openfisca),
    )
    run_cli(report, expected, 3 if quick else 7)
    return report


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(main())
