"""The report's charts, drawn with matplotlib (Agg, offline) from the frames of ``data``:
R&D intensity against the lines the law draws, eligibility by district and by industry, and
a reform's gains and losses. Colour is never the only signal: bars carry hatching and their
numbers, lines their labels.

Every chart is checked for missing glyphs before it is saved (``fonts``); SVGs draw their text
as paths, so a report needs no font on the reader's machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from innoreg.batch.report.data import (
    BAND_BINS,
    ROUTE_LABELS,
    WORDS,
    Threshold,
    effects,
    eligibility,
    intensity_bands,
    thresholds,
)
from innoreg.batch.report.drawing import YUAN, amount, money_unit, save, style, thousands
from innoreg.batch.simulate import Simulation
from innoreg.batch.summary import ROUTES
from innoreg.batch.tables import Column
from innoreg.labels import Label, Language

if TYPE_CHECKING:
    from matplotlib.axes import Axes

COLOURS = {"high_tech": "#1b5e9b", "above_designated_size": "#e08a1e", "other": "#9aa5b1"}
HATCHES = {"high_tech": "", "above_designated_size": "//", "other": ".."}
BASELINE, REFORM, GAIN, LOSS = "#1b5e9b", "#c0392b", "#2e7d32", "#c0392b"
TITLES = {
    "intensity": Label(
        "R&D intensity of enterprises, and the lines for support", "企业研发投入强度与扶持标准线"
    ),
    "eligibility": Label("Enterprises eligible for municipal support", "符合市级扶持条件的企业"),
    "effects": Label("Who gains and who loses under the reform", "改革的受益与受损企业"),
    "enterprises": Label("Enterprises", "企业数"),
    "by_district": Label("by district or county", "按区县"),
    "by_section": Label("by industry section", "按行业门类"),
    "eligible_share": Label("eligible (% of enterprises)", "符合条件企业占比（%）"),
    "baseline": Label("law in force", "现行规定"),
    "reform_line": Label("reform", "改革方案"),
    "amounts": Label("change in amounts", "金额变化"),
    "yuan": YUAN,
    "lines": Label("ratios of the law in force", "现行法定比例"),
    "reform_lines": Label("ratio under the reform", "改革方案比例"),
}


@dataclass(frozen=True)
class Chart:
    """A chart, the table of its data, and its files."""

    name: str
    title: str
    description: str
    table: pl.DataFrame
    columns: list[Column]
    png: Path
    svg: Path


def charts(sim: Simulation, folder: Path, lang: Language) -> list[Chart]:
    """Every chart that fits the simulation, saved as PNG and SVG in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    if sim.histogram is not None:
        made.append(_intensity(sim, folder, lang))
        made.append(_eligibility(sim, folder, lang))
        if sim.scenario.reform is not None:
            made.append(_effects(sim, folder, lang))
    return made


def _intensity(sim: Simulation, folder: Path, lang: Language) -> Chart:
    import matplotlib.pyplot as plt

    table, columns = intensity_bands(sim, lang)
    bands = table.filter((pl.col("band") >= 0) & (pl.col("band") < 100))
    lines = thresholds(sim.plan, lang)
    if sim.reform_plan is not None:
        before = {t.rate for t in lines}
        lines += [t for t in thresholds(sim.reform_plan, lang, reform=True) if t.rate not in before]
    with style(lang):
        figure, axes = plt.subplots(figsize=(10, 5.2))
        left = [b / 10 for b in bands["band"].to_list()]
        bottom = [0.0] * bands.height
        width = BAND_BINS / 10
        for route in ROUTES:
            heights = [float(v) for v in bands[route].to_list()]
            axes.bar(
                left,
                heights,
                width=width,
                bottom=bottom,
                align="edge",
                color=COLOURS[route],
                hatch=HATCHES[route],
                edgecolor="white",
                linewidth=0.4,
                label=ROUTE_LABELS[route].in_(lang),
            )
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        _threshold_lines(axes, lines, max(bottom or [1.0]), lang)
        from matplotlib.lines import Line2D

        handles, names = axes.get_legend_handles_labels()
        handles.append(Line2D([], [], color="#333333"))
        names.append(TITLES["lines"].in_(lang))
        if any(t.reform for t in lines):
            handles.append(Line2D([], [], color=REFORM, linestyle="--"))
            names.append(TITLES["reform_lines"].in_(lang))
        axes.set_xlim(0, 8)
        axes.set_xlabel(f"{WORDS['band'].in_(lang)} (%)")
        axes.set_ylabel(TITLES["enterprises"].in_(lang))
        axes.yaxis.set_major_formatter(thousands())
        axes.set_title(TITLES["intensity"].in_(lang), loc="left", fontsize=12)
        axes.legend(handles, names, loc="upper right", frameon=False)
        png, svg = save(figure, folder, "rd-intensity")
    outside = table.filter(
        (pl.col("band") < 0) | (pl.col("band") >= 100) | pl.col("band").is_null()
    )
    note = ", ".join(f"{r['label']}: {r['total']:,}" for r in outside.iter_rows(named=True))
    description = {
        "en": f"Enterprises by R&D expense as a share of sales revenue, in bands of 0.2 %, by "
        f"route; vertical lines are the ratios the law draws. Not drawn: {note}.",
        "zh": f"按研发费用占销售收入比例（每0.2%一档）和企业类型统计的企业数；竖线为法定比例。"
        f"未画出：{note}。",
    }[lang]
    return Chart(
        "rd-intensity", TITLES["intensity"].in_(lang), description, table, columns, png, svg
    )


def _threshold_lines(axes: Axes, lines: list[Threshold], top: float, lang: Language) -> None:
    for index, line in enumerate(lines):
        x = line.rate * 100
        colour = REFORM if line.reform else "#333333"
        axes.axvline(x, color=colour, linestyle="--" if line.reform else "-", linewidth=1.2)
        tag = TITLES["reform_line"].in_(lang) + " " if line.reform else ""
        axes.annotate(
            f"{tag}{x:g} %",
            (x, top * (0.98 - 0.07 * (index % 2))),
            xytext=(3, 0),
            textcoords="offset points",
            color=colour,
            fontsize=9,
            va="top",
        )


def _eligibility(sim: Simulation, folder: Path, lang: Language) -> Chart:
    import matplotlib.pyplot as plt

    district, columns = eligibility(sim, "district", lang)
    section, _ = eligibility(sim, "industry_section", lang)
    reform = sim.scenario.reform is not None
    with style(lang):
        figure, (left, right) = plt.subplots(1, 2, figsize=(12, 6.4), width_ratios=(1, 1.25))
        for axes, frame, key, title in (
            (left, district, "district", "by_district"),
            (right, section, "industry_section", "by_section"),
        ):
            names = frame[key].to_list()
            rows = list(range(len(names)))[::-1]
            height = 0.4 if reform else 0.7
            shift = height / 2 if reform else 0.0
            base = [float(v) for v in frame["share"].to_list()]
            bars = axes.barh(
                [r + shift for r in rows],
                base,
                height=height,
                color=BASELINE,
                label=TITLES["baseline"].in_(lang),
            )
            axes.bar_label(bars, fmt="%.1f", fontsize=8, padding=2)
            if reform:
                after = [float(v) for v in frame["share_reform"].to_list()]
                bars = axes.barh(
                    [r - shift for r in rows],
                    after,
                    height=height,
                    color=REFORM,
                    hatch="//",
                    edgecolor="white",
                    label=TITLES["reform_line"].in_(lang),
                )
                axes.bar_label(bars, fmt="%.1f", fontsize=8, padding=2)
            axes.set_yticks(rows, names, fontsize=9)
            axes.set_xlabel(TITLES["eligible_share"].in_(lang))
            axes.set_title(TITLES[title].in_(lang), loc="left")
            axes.margins(x=0.15)
        figure.suptitle(TITLES["eligibility"].in_(lang), x=0.01, ha="left", fontsize=12)
        figure.legend(*left.get_legend_handles_labels(), loc="upper right", ncols=2, frameon=False)
        figure.tight_layout()
        png, svg = save(figure, folder, "eligibility")
    table = district.rename({"district": "group"})
    sections = section.rename({"industry_section": "group"})
    both = pl.concat([table, sections])
    shown = [
        Column("group", f"{columns[0].header} / {Label('Industry section', '行业门类').in_(lang)}"),
        *columns[1:],
    ]
    description = {
        "en": "Share of enterprises eligible for municipal S&T support (Luoyang art. 7), by "
        "district or county and by industry section"
        + (", under the law and the reform." if reform else "."),
        "zh": "符合市级科技扶持条件（《洛阳市科学技术进步条例》第七条）的企业占比，按区县和行业门类"
        + ("，现行规定与改革方案对比。" if reform else "。"),
    }[lang]
    return Chart("eligibility", TITLES["eligibility"].in_(lang), description, both, shown, png, svg)


def _effects(sim: Simulation, folder: Path, lang: Language) -> Chart:
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    table, columns = effects(sim, "district", lang)
    names = table["district"].to_list()
    rows = list(range(len(names)))[::-1]
    with style(lang):
        figure, (left, right) = plt.subplots(1, 2, figsize=(12, 6), sharey=True)
        gains = [float(v) for v in table["gains"].to_list()]
        losses = [-float(v) for v in table["loses"].to_list()]
        bars = left.barh(rows, gains, color=GAIN, label=WORDS["gains"].in_(lang))
        left.bar_label(
            bars, labels=[f"+{v:,.0f}" if v else "" for v in gains], fontsize=8, padding=2
        )
        bars = left.barh(
            rows, losses, color=LOSS, hatch="//", edgecolor="white", label=WORDS["loses"].in_(lang)
        )
        left.bar_label(
            bars, labels=[f"{v:,.0f}" if v else "" for v in losses], fontsize=8, padding=2
        )
        left.axvline(0, color="#333333", linewidth=0.8)
        left.set_yticks(rows, names, fontsize=9)
        left.set_xlabel(TITLES["enterprises"].in_(lang))
        left.xaxis.set_major_formatter(thousands(signed=True))
        left.legend(loc="lower left", frameon=False)
        left.margins(x=0.2)
        height = 0.4
        for key, colour, hatch, offset in (
            ("shortfall_change", "#6a4c93", "", height / 2),
            ("deduction_change", "#1b998b", "..", -height / 2),
        ):
            values = [amount(v, lang) for v in table[key].to_list()]
            right.barh(
                [r + offset for r in rows],
                values,
                height=height,
                color=colour,
                hatch=hatch,
                edgecolor="white",
                label=WORDS[key].in_(lang),
            )
        right.axvline(0, color="#333333", linewidth=0.8)
        right.set_xlabel(f"{TITLES['amounts'].in_(lang)} ({money_unit(lang)})")
        right.xaxis.set_major_formatter(thousands(signed=True))
        right.xaxis.set_major_locator(MaxNLocator(4))
        right.legend(loc="lower right", frameon=False)
        figure.suptitle(TITLES["effects"].in_(lang), x=0.01, ha="left", fontsize=12)
        figure.tight_layout()
        png, svg = save(figure, folder, "gains-and-losses")
    description = {
        "en": "Per district or county: enterprises better off (gain) and worse off (lose) under "
        "the reform than under the law in force, and the change in R&D shortfall and "
        "super-deduction.",
        "zh": "各区县在改革方案下比现行规定受益、受损的企业数，"
        "以及研发投入缺口和加计扣除额的变化。",
    }[lang]
    return Chart(
        "gains-and-losses", TITLES["effects"].in_(lang), description, table, columns, png, svg
    )
