"""The records API's benchmark stays runnable: at a tiny size on SQLite it builds its city,
walks every list it measures through the app (each answer checked 200) and times each
request."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the benchmarks package lives at the project root
    sys.path.insert(0, str(ROOT))

from benchmarks import bench_records_api  # noqa: E402


def test_the_benchmark_runs_at_a_tiny_size_and_times_every_request() -> None:
    runs = dict(bench_records_api.run("sqlite", 0.005))
    assert len(runs) == len(bench_records_api.SCENARIOS) + 1
    walked = next(v for k, v in runs.items() if k.startswith("bureau_admin: every filing"))
    assert len(walked.wall) == len(walked.cpu) == 200 and all(s > 0 for s in walked.wall)
    assert "baseline: SELECT count(*) FROM filings" in runs
    assert bench_records_api.percentile([1.0, 2.0, 3.0, 4.0], 0.95) == 4.0
