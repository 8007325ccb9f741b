"""The bureau's dashboard as charts: server-side SVG drawn with matplotlib in the report's style
(``drawing``), each with a text alternative and the table of its data (``dashboard_tables``), in
English or Chinese (money in 万元). Bars carry patterns and their numbers: colour is never the
only signal.

    figures = dashboard(session, scope=BUREAU, fiscal_year=2023, as_of=dt.date(2024, 6, 30))
    for chart in dashboard_charts(figures, by="district", lang="zh"):
        chart.svg, chart.alt, chart.headers, chart.rows

Charts are cached on the figures they draw (a ``Dashboard`` is immutable), so a page shown again
with unchanged records is not drawn again.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from innoreg.batch.report import dashboard_tables as tables
from innoreg.batch.report.dashboard_alt import alternative
from innoreg.batch.report.dashboard_tables import WORDS, FigureTable
from innoreg.batch.report.drawing import rendered, style, thousands
from innoreg.batch.tables import GROUP_LABELS
from innoreg.labels import Label, Language
from innoreg.records.reports import Dashboard, Group

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

CHARTS = ("eligibility", "amounts", "transfers", "overdue-ip", "applications")
TITLES = {
    "eligibility": Label("Enterprises eligible for municipal support", "符合市级扶持条件的企业"),
    "amounts": Label("R&D shortfall and super-deduction", "研发投入缺口与研发费用加计扣除"),
    "transfers": Label("Transfers of achievements and their rewards", "科技成果转化及奖励"),
    "overdue-ip": Label(
        "IP the government may implement (Luoyang art. 14)", "政府可以实施的知识产权（第十四条）"
    ),
    "applications": Label("Applications for municipal support", "市级扶持申请"),
    "none": Label("Nothing to show in this scope", "本范围内无记录"),
    "count": Label("number", "数量"),
}
MONEY_UNITS = {
    "en": ((1_000_000, Label("million yuan", "")), (1, Label("yuan", ""))),
    "zh": ((10_000, Label("", "万元")), (1, Label("", "元"))),
}
"""Money as drawn: millions of yuan in English, 万元 in Chinese — or plain yuan when every
amount is smaller than one of those (tables keep exact yuan)."""
SOLID, HATCHED, DOTTED = ("#1b5e9b", ""), ("#e08a1e", "//"), ("#9aa5b1", "..")
"""Colour and pattern of a series: the pattern tells the series apart without colour."""


@dataclass(frozen=True)
class DashboardChart:
    """A chart as a page shows it: the SVG, its title, a text alternative, and its data."""

    name: str
    title: str
    alt: str
    svg: str
    table: FigureTable
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    png: bytes | None = None


def dashboard_charts(
    figures: Dashboard, *, by: Group = "district", lang: Language = "en", png: bool = False
) -> list[DashboardChart]:
    """Every dashboard chart, grouped ``by`` (applications: by state)."""
    return [dashboard_chart(figures, name, by=by, lang=lang, png=png) for name in CHARTS]


@functools.lru_cache(maxsize=64)
def dashboard_chart(
    figures: Dashboard,
    name: str,
    *,
    by: Group = "district",
    lang: Language = "en",
    png: bool = False,
) -> DashboardChart:
    """One chart of ``CHARTS``."""
    text = chart_text(figures, name, by=by, lang=lang)
    with style(lang):
        figure = DRAW[name](text.table, lang) if text.table.frame.height else _empty(lang)
        figure.suptitle(text.title, x=0.01, ha="left", fontsize=12)
        figure.tight_layout()
        svg, image = rendered(figure, png=png)
    return dataclasses.replace(text, svg=svg, png=image)


@functools.lru_cache(maxsize=64)
def chart_text(
    figures: Dashboard, name: str, *, by: Group = "district", lang: Language = "en"
) -> DashboardChart:
    """One chart's title, text alternative and table, without drawing it (``svg`` empty): a
    page lists these and loads each drawing apart, so it never waits for matplotlib."""
    table = _table(figures, name, by, lang)
    return DashboardChart(
        name=f"{name}-by-{by.replace('_', '-')}" if name != "applications" else name,
        title=f"{TITLES[name].in_(lang)}{'' if name == 'applications' else _by(by, lang)}",
        alt=alternative(name, figures, table, by, lang),
        svg="",
        table=table,
        headers=tuple(table.headers()),
        rows=tuple(tuple(r) for r in table.rows(lang)),
    )


def write_dashboard_charts(
    figures: Dashboard, folder: Path | str, *, by: Group = "district", lang: Language = "en"
) -> list[Path]:
    """Each chart as ``<name>.svg`` and ``.png`` in ``folder``."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for chart in dashboard_charts(figures, by=by, lang=lang, png=True):
        assert chart.png is not None
        (target / f"{chart.name}.svg").write_text(chart.svg, encoding="utf-8")
        (target / f"{chart.name}.png").write_bytes(chart.png)
        written += [target / f"{chart.name}.svg", target / f"{chart.name}.png"]
    return written


def _table(figures: Dashboard, name: str, by: Group, lang: Language) -> FigureTable:
    if name == "applications":
        return tables.applications(figures, lang)
    make = {
        "eligibility": tables.eligibility,
        "amounts": tables.amounts,
        "transfers": tables.transfers,
        "overdue-ip": tables.overdue_ip,
    }[name]
    return make(figures, by, lang)


def _by(by: Group, lang: Language) -> str:
    label = GROUP_LABELS[by].in_(lang)
    return f"（按{label}）" if lang == "zh" else f", by {label[0].lower()}{label[1:]}"


def _figure(rows: int, panels: int = 1) -> tuple[Figure, list[Axes]]:
    import matplotlib.pyplot as plt

    height = max(2.6, 0.42 * rows + 1.4)
    figure, axes = plt.subplots(1, panels, figsize=(5.2 * panels + 2, height), sharey=True)
    return figure, list(axes) if panels > 1 else [axes]


def _names(table: FigureTable) -> list[str]:
    return [str(v) for v in table.frame[table.columns[0].key].to_list()]


def _series(
    axes: Axes, rows: list[float], values: list[float], look: tuple[str, str], **kw: object
) -> object:
    colour, hatch = look
    return axes.barh(rows, values, color=colour, hatch=hatch, edgecolor="white", **kw)  # type: ignore[arg-type]


def _eligibility(table: FigureTable, lang: Language) -> Figure:
    frame = table.frame
    names = _names(table)
    rows = [float(r) for r in range(len(names))][::-1]
    figure, (axes,) = _figure(len(names))
    left = [0.0] * len(names)
    for key, look in (("eligible", SOLID), ("not_eligible", HATCHED), ("undecided", DOTTED)):
        values = [float(v) for v in frame[key].to_list()]
        _series(axes, rows, values, look, left=left, label=WORDS[key].in_(lang), height=0.7)
        left = [a + b for a, b in zip(left, values, strict=True)]
    for row, total, eligible, share in zip(
        rows, left, frame["eligible"].to_list(), frame["share"].to_list(), strict=True
    ):
        shown = f"{eligible:,} / {total:,.0f}" + (f" ({share:.1f}%)" if share is not None else "")
        axes.annotate(
            shown, (total, row), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8
        )
    _finish(axes, rows, names, WORDS["filings"].in_(lang), legend=True)
    return figure


def _amounts(table: FigureTable, lang: Language) -> Figure:
    names = _names(table)
    rows = [float(r) for r in range(len(names))][::-1]
    figure, panels = _figure(len(names), panels=2)
    keys = ("rd_shortfall", "rd_super_deduction")
    scale = _Money(table, keys, lang)
    for axes, key, look in zip(panels, keys, (HATCHED, SOLID), strict=True):
        values = scale.drawn(table.frame[key].to_list())
        bars = _series(axes, rows, values, look, height=0.7)
        axes.bar_label(bars, labels=scale.labels(values), fontsize=8, padding=2)  # type: ignore[arg-type]
        axes.set_title(WORDS[key].in_(lang), loc="left", fontsize=10)
        _finish(axes, rows, names, scale.unit, money=True)
    return figure


def _transfers(table: FigureTable, lang: Language) -> Figure:
    frame = table.frame
    names = [
        f"{n}\n({c:,} {WORDS['non_compliant'].in_(lang).lower()})" if c else n
        for n, c in zip(_names(table), frame["non_compliant"].to_list(), strict=True)
    ]
    rows = [3.0 * r for r in range(len(names))][::-1]
    figure, (axes,) = _figure(len(names) * 2)
    series = (("net_income", SOLID), ("rewards_given", HATCHED), ("minimum_owed", DOTTED))
    scale = _Money(table, tuple(key for key, _ in series), lang)
    for offset, (key, look) in zip((0.8, 0.0, -0.8), series, strict=True):
        values = scale.drawn(frame[key].to_list())
        at = [r + offset for r in rows]
        bars = _series(axes, at, values, look, height=0.8, label=WORDS[key].in_(lang))
        axes.bar_label(bars, labels=scale.labels(values), fontsize=7, padding=2)  # type: ignore[arg-type]
    _finish(axes, rows, names, scale.unit, legend=True, money=True)
    return figure


def _overdue(table: FigureTable, lang: Language) -> Figure:
    frame = table.frame
    names = _names(table)
    rows = [float(r) for r in range(len(names))][::-1]
    figure, (axes,) = _figure(len(names))
    noticed = [float(v) for v in frame["noticed"].to_list()]
    waiting = [float(v) for v in frame["not_noticed"].to_list()]
    _series(axes, rows, noticed, SOLID, height=0.7, label=WORDS["noticed"].in_(lang))
    _series(
        axes, rows, waiting, HATCHED, height=0.7, left=noticed, label=WORDS["not_noticed"].in_(lang)
    )
    for row, total in zip(rows, frame["assets"].to_list(), strict=True):
        axes.annotate(
            f"{total:,}",
            (total, row),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    _finish(axes, rows, names, WORDS["assets"].in_(lang), legend=True)
    return figure


def _applications(table: FigureTable, lang: Language) -> Figure:
    import matplotlib.pyplot as plt

    names = _names(table)
    counts = [float(v) for v in table.frame["applications"].to_list()]
    figure, axes = plt.subplots(figsize=(8, 3.6))
    bars = axes.bar(range(len(names)), counts, color=SOLID[0], width=0.6)
    axes.bar_label(bars, labels=[f"{v:,.0f}" for v in counts], fontsize=9, padding=2)
    axes.set_xticks(range(len(names)), names, fontsize=9)
    axes.set_ylabel(WORDS["applications"].in_(lang))
    axes.yaxis.set_major_formatter(thousands())
    axes.margins(y=0.15)
    return figure


class _Money:
    """How a chart's amounts (exact yuan, in ``keys`` of ``table``) are drawn: in the
    language's large unit, or in yuan when all are smaller than one of it."""

    def __init__(self, table: FigureTable, keys: tuple[str, ...], lang: Language) -> None:
        largest = max((abs(v or 0) for k in keys for v in table.frame[k].to_list()), default=0)
        (big, big_unit), (_, small_unit) = MONEY_UNITS[lang]
        self.per, label = (big, big_unit) if largest >= big else (1, small_unit)
        self.unit = label.in_(lang)
        self.places = 1 if self.per == 1_000_000 else 0 if self.per == 10_000 else 2

    def drawn(self, values: list[Decimal | None]) -> list[float]:
        return [float(v or 0) / self.per for v in values]

    def labels(self, values: list[float]) -> list[str]:
        return [f"{v:,.{self.places}f}" for v in values]


def _finish(
    axes: Axes,
    rows: list[float],
    names: list[str],
    unit: str,
    *,
    legend: bool = False,
    money: bool = False,
) -> None:
    """Group names on the left, the unit below; counts tick in whole numbers."""
    from matplotlib.ticker import MaxNLocator

    axes.set_yticks(rows, names, fontsize=9)
    axes.set_xlabel(unit)
    axes.xaxis.set_major_formatter(thousands(fractions=money))
    axes.xaxis.set_major_locator(MaxNLocator(5, integer=not money))
    axes.margins(x=0.22)
    if legend:
        axes.legend(loc="lower right", frameon=False, fontsize=8)


def _empty(lang: Language) -> Figure:
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(6, 1.6))
    axes.axis("off")
    axes.text(0.5, 0.4, TITLES["none"].in_(lang), ha="center", va="center")
    return figure


DRAW = {
    "eligibility": _eligibility,
    "amounts": _amounts,
    "transfers": _transfers,
    "overdue-ip": _overdue,
    "applications": _applications,
}
