"""Prometheus metrics in the text exposition format, labelled by route template.

Each worker process counts its own requests (the ``worker`` label is its process id), so a
scrape of one worker never mixes in another's partial counts.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections import defaultdict

BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


class Metrics:
    def __init__(self) -> None:
        self.requests: dict[tuple[str, str, str], int] = defaultdict(int)
        self.buckets: dict[tuple[str, str], list[int]] = {}
        self.sums: dict[tuple[str, str], float] = defaultdict(float)
        self.evaluated_entities = 0

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests[(method, route, str(status))] += 1
        key = (method, route)
        counts = self.buckets.get(key)
        if counts is None:
            counts = self.buckets[key] = [0] * (len(BUCKETS) + 1)
        counts[bisect_left(BUCKETS, seconds)] += 1
        self.sums[key] += seconds

    def render(self) -> str:
        worker = str(os.getpid())
        lines = [
            "# HELP innoreg_http_requests_total HTTP requests by method, route template, status.",
            "# TYPE innoreg_http_requests_total counter",
        ]
        for (method, route, status), count in sorted(self.requests.items()):
            lines.append(
                f'innoreg_http_requests_total{{method="{method}",route="{_escape(route)}",'
                f'status="{status}",worker="{worker}"}} {count}'
            )
        lines += [
            "# HELP innoreg_http_request_duration_seconds Time to answer, by route template.",
            "# TYPE innoreg_http_request_duration_seconds histogram",
        ]
        for (method, route), counts in sorted(self.buckets.items()):
            labels = f'method="{method}",route="{_escape(route)}",worker="{worker}"'
            cumulative = 0
            for bound, count in zip((*BUCKETS, None), counts, strict=True):
                cumulative += count
                le = "+Inf" if bound is None else f"{bound:g}"
                lines.append(
                    f'innoreg_http_request_duration_seconds_bucket{{{labels},le="{le}"}} '
                    f"{cumulative}"
                )
            total = self.sums[(method, route)]
            lines.append(f"innoreg_http_request_duration_seconds_sum{{{labels}}} {total}")
            lines.append(f"innoreg_http_request_duration_seconds_count{{{labels}}} {cumulative}")
        lines += [
            "# HELP innoreg_evaluated_entities_total Entities decided through POST /v1/evaluate.",
            "# TYPE innoreg_evaluated_entities_total counter",
            f'innoreg_evaluated_entities_total{{worker="{worker}"}} {self.evaluated_entities}',
        ]
        return "\n".join(lines) + "\n"
