"""The dashboard's charts: SVG in both languages whose every character has a glyph, a text
alternative that states the totals, the table of exactly the data drawn (money in yuan, 万元 in
Chinese), patterns beside colours, and a chart for a scope with nothing in it."""

from __future__ import annotations

import datetime as dt
import re
import struct
from decimal import Decimal
from pathlib import Path

import pytest

from innoreg.batch import places
from innoreg.batch.report import dashboard_charts as charts
from innoreg.batch.report.dashboard_charts import (
    CHARTS,
    dashboard_chart,
    dashboard_charts,
    write_dashboard_charts,
)
from innoreg.batch.report.fonts import MissingGlyphsError
from innoreg.records.reports import (
    ApplicationFigures,
    Dashboard,
    FilingFigures,
    OverdueFigures,
    TransferFigures,
)
from innoreg.records.reports.groups import breakdown

CELLS = [
    (("涧西区", "C", "medium"), 0),
    (("洛龙区", "I", "small"), 1),
    (("洛龙区", "C", "large"), 2),
    (("栾川县", "B", None), 3),
]


def figures(scale: int = 1) -> Dashboard:
    """A dashboard of four cells, each with different counts and amounts (fen with pennies)."""

    def cube(width: int, base: int) -> list[tuple[tuple[str | None, ...], list[int]]]:
        return [(key, [scale * (base + 7 * i + j) for j in range(width)]) for key, i in CELLS]

    def filing(group: str | None, count: int, yes: int, no: int, a: int, b: int) -> FilingFigures:
        return FilingFigures(group, count * 10, yes, no, count * 10 - yes - no, a * 1001, b * 2003)

    return Dashboard(
        fiscal_year=2023,
        as_of=dt.date(2024, 6, 30),
        filings=breakdown(cube(5, 3), filing, 5),  # type: ignore[arg-type]
        transfers=breakdown(cube(7, 1), TransferFigures, 7),  # type: ignore[arg-type]
        overdue_ip=breakdown(
            [(k, [scale * (5 + i), scale * i]) for k, i in CELLS],  # type: ignore[misc]
            OverdueFigures,
            2,
        ),
        applications=breakdown(cube(6, 2), ApplicationFigures, 6),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_chart_is_an_svg_with_its_alternative_and_table(lang: str) -> None:
    shown = figures()
    made = dashboard_charts(shown, by="district", lang=lang)  # type: ignore[arg-type]
    assert [c.name for c in made] == [
        "eligibility-by-district",
        "amounts-by-district",
        "transfers-by-district",
        "overdue-ip-by-district",
        "applications",
    ]
    for chart in made:
        assert chart.svg.lstrip().startswith("<?xml") and "<svg" in chart.svg
        assert "<text" not in chart.svg  # text drawn as paths: no font needed to read it
        assert len(chart.alt) > 60 and chart.title
        assert len(chart.headers) == len(chart.table.columns)
        assert all(len(row) == len(chart.headers) for row in chart.rows)
    eligibility = made[0]
    total = shown.filings.total
    assert f"{total.filings:,}" in eligibility.alt and f"{total.eligible:,}" in eligibility.alt
    districts = [row[0] for row in eligibility.rows]
    names = ["涧西区", "洛龙区", "栾川县"]
    assert districts == [places.DISTRICTS[n].in_(lang) for n in names]  # customary order
    assert sum(int(r[1].replace(",", "")) for r in eligibility.rows) == total.filings


def test_money_is_exact_yuan_in_english_and_wan_yuan_in_chinese() -> None:
    shown = figures()
    english = dashboard_chart(shown, "amounts", by="size_class", lang="en")
    chinese = dashboard_chart(shown, "amounts", by="size_class", lang="zh")
    medium = next(r for r in shown.filings.size_class if r.group == "medium")
    yuan = Decimal(medium.rd_shortfall) / 100
    assert english.rows[1][2] == f"{yuan:,.2f}"
    assert chinese.rows[1][2] == f"{(yuan / 10_000).quantize(Decimal('0.01')):,}万元"
    assert english.rows[-1][0] == "not given" and chinese.rows[-1][0] == "未填报"
    assert "万元" in chinese.alt and "yuan" in english.alt
    assert english.table.frame["rd_shortfall"].dtype.is_decimal()


def test_charts_are_drawn_once_for_the_same_figures() -> None:
    shown = figures(scale=3)
    first = dashboard_chart(shown, "transfers", by="industry_section", lang="zh")
    again = dashboard_chart(figures(scale=3), "transfers", by="industry_section", lang="zh")
    assert again is first
    other = dashboard_chart(figures(scale=4), "transfers", by="industry_section", lang="zh")
    assert other is not first and other.rows != first.rows


def test_series_carry_patterns_not_colour_alone() -> None:
    svg = dashboard_chart(figures(scale=5), "eligibility", by="district", lang="en").svg
    assert len(set(re.findall(r'<pattern id="(\w+)"', svg))) >= 2  # hatched and dotted series
    assert "fill: url(#" in svg


def test_a_scope_with_nothing_in_it_is_a_chart_saying_so() -> None:
    empty = breakdown([], lambda g, *v: FilingFigures(g, *v, 0), 5)
    shown = Dashboard(
        2023,
        dt.date(2024, 6, 30),
        empty,
        breakdown([], TransferFigures, 7),
        breakdown([], OverdueFigures, 2),
        breakdown([], ApplicationFigures, 6),
    )
    for lang in ("en", "zh"):
        chart = dashboard_chart(shown, "transfers", by="district", lang=lang)  # type: ignore[arg-type]
        assert chart.rows == () and chart.headers[0]
        assert ("0 transfers" in chart.alt) if lang == "en" else ("0项" in chart.alt)


def test_a_chinese_label_the_fonts_cannot_draw_is_an_error_not_a_chart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(places.DISTRICTS, "洛龙区", places.Label("x", "洛龙\U00017000"))
    with pytest.raises(MissingGlyphsError, match="cannot draw"):
        dashboard_chart(figures(scale=7), "overdue-ip", by="district", lang="zh")


def test_the_charts_are_written_as_svg_and_png(tmp_path: Path) -> None:
    written = write_dashboard_charts(figures(scale=2), tmp_path, by="size_class", lang="zh")
    assert len(written) == 2 * len(CHARTS)
    for path in written:
        if path.suffix == ".png":
            width, height = struct.unpack(">II", path.read_bytes()[16:24])
            assert width > 600 and height > 200
    assert charts.TITLES["none"].zh


def test_amounts_are_drawn_in_million_yuan_or_wan_yuan_unless_all_are_small() -> None:
    from innoreg.batch.report.dashboard_charts import _Money

    table = dashboard_chart(figures(), "amounts", by="district", lang="en").table
    keys = ("rd_shortfall", "rd_super_deduction")
    small = _Money(table, keys, "en")  # the figures' amounts are a few yuan
    assert (small.unit, small.labels(small.drawn([Decimal("1.5")]))) == ("yuan", ["1.50"])
    big = figures(scale=10**7)
    large = _Money(dashboard_chart(big, "amounts", by="district", lang="en").table, keys, "en")
    wan = _Money(dashboard_chart(big, "amounts", by="district", lang="zh").table, keys, "zh")
    assert (large.unit, large.labels(large.drawn([Decimal("2500000")]))) == (
        "million yuan",
        ["2.5"],
    )
    assert (wan.unit, wan.labels(wan.drawn([Decimal("2500000")]))) == ("万元", ["250"])
