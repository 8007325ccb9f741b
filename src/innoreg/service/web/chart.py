"""A parameter's values over time as an SVG step chart: drawn on the server, so it needs no
script, and paired on the page with a table holding the same numbers (the accessible form)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

WIDTH, HEIGHT, PAD = 640, 240, 48


def step_chart(values: list[dict[str, Any]], title: str, unit: str, today: dt.date) -> str | None:
    """``values``: ``{"since": ISO or None, "number": float or None}``; None if nothing to plot."""
    points = [
        (dt.date.fromisoformat(v["since"]), float(v["number"]))
        for v in values
        if v.get("since") and v.get("number") is not None
    ]
    if not points:
        return None
    start = min(p[0] for p in points)
    end = max(today, max(p[0] for p in points)) + dt.timedelta(days=365)
    top = max(p[1] for p in points) * 1.15 or 1.0
    span = (end - start).days or 1

    def x(day: dt.date) -> float:
        return PAD + (WIDTH - 2 * PAD) * (day - start).days / span

    def y(value: float) -> float:
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * value / top

    path, labels = [], []
    previous: tuple[dt.date, float] | None = None
    for index, (day, value) in enumerate(points):
        following = points[index + 1][0] if index + 1 < len(points) else end
        path.append(f"M{x(day):.1f},{y(value):.1f} H{x(following):.1f}")
        if index + 1 < len(points):
            path.append(f"V{y(points[index + 1][1]):.1f}")
        labels.append(f'<circle cx="{x(day):.1f}" cy="{y(value):.1f}" r="4" fill="#1d70b8"/>')
        if previous is None or previous[1] != value:  # the same value is not labelled twice
            labels.append(
                f'<text x="{x(day):.1f}" y="{y(value) - 8:.1f}" font-size="12" fill="#0b0c0c">'
                f"{value:g}{escape(unit)}</text>"
            )
        if previous is None or previous[0].year != day.year:
            labels.append(
                f'<text x="{x(day):.1f}" y="{HEIGHT - PAD + 18}" font-size="11" '
                f'fill="#484949">{day.year}</text>'
            )
        previous = (day, value)
    return (
        f'<svg class="innoreg-chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" '
        f'stroke="#0b0c0c"/>'
        f'<path d="{" ".join(path)}" fill="none" stroke="#1d70b8" stroke-width="3"/>'
        f"{''.join(labels)}</svg>"
    )
