"""The back office's benchmark stays runnable: at a tiny size on SQLite it builds its city,
checks the dashboard against the city it wrote (its own assertions), and measures every figure
it reports."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the benchmarks package lives at the project root
    sys.path.insert(0, str(ROOT))

from benchmarks import bench_dashboard  # noqa: E402


def test_the_benchmark_runs_at_a_tiny_size_and_reports_each_figure() -> None:
    figures = list(bench_dashboard.run("sqlite", 0.002))
    names = [name for name, _, _ in figures]
    assert any(n.startswith("dashboard over 200 filings") for n in names)
    assert "baseline: the same group-by without the figures" in names
    assert any(n.startswith("what-if over the demo city (100 filings") for n in names)
    targets = [target for _, _, target in figures if target is not None]
    assert targets == [0.3, 3.0]
    assert all(seconds >= 0 for _, seconds, _ in figures)
