"""The mixed workload's busy neighbours (``INNOREG_BENCH_MIXED_BUSY``): one per CPU, each
spinning about the share of the time asked, and none for 0."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the benchmarks package lives at the project root
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_mixed import busy_neighbours  # noqa: E402


def _ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def test_busy_neighbours_spin_the_share_asked_and_stop() -> None:
    assert busy_neighbours(0) == []
    neighbours = busy_neighbours(0.5)
    try:
        assert len(neighbours) == (os.cpu_count() or 1)
        time.sleep(0.3)  # the interpreter starting
        before = [_ticks(n.pid) for n in neighbours]
        time.sleep(1.0)
        used = [
            (_ticks(n.pid) - b) / os.sysconf("SC_CLK_TCK")
            for n, b in zip(neighbours, before, strict=True)
        ]
    finally:
        for neighbour in neighbours:
            neighbour.kill()
            neighbour.wait()
    assert all(0.2 <= share <= 0.8 for share in used), used
    assert all(n.poll() is not None for n in neighbours)
