"""The summary tables people read (printed, in the report, in the workbook): a few headline
columns of the cube per group, named in English or Chinese, baseline and reform side by side.

Money stays exact (polars decimals) in the tables; it is formatted only where shown: with
thousands separators in yuan, or in 万元 for Chinese readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import polars as pl

from innoreg import display
from innoreg.batch.places import group_label
from innoreg.batch.scenario import REFORM_SUFFIX, Scenario
from innoreg.batch.summary import EFFECTS, ROWS, summary
from innoreg.labels import Label, Language

HEADLINES: dict[str, dict[str, Label]] = {
    "enterprise": {
        "support_eligible": Label("Eligible", "符合扶持条件"),
        "rd_shortfall": Label("R&D shortfall", "研发投入缺口"),
        "rd_super_deduction": Label("R&D super-deduction", "研发费用加计扣除"),
    },
}
"""The results a summary leads with, per entity kind, with short headers (other kinds: every
counted result, under its rule's label)."""
NOT = Label("Not eligible", "不符合")

GROUP_LABELS = {
    "district": Label("District or county", "区县"),
    "industry_section": Label("Industry section", "行业门类"),
    "size_class": Label("Size class", "企业规模"),
    None: Label("All", "合计"),
}
COLUMN_LABELS = {
    ROWS: Label("Entities", "数量"),
    "enterprises": Label("Enterprises", "企业数"),
    "gains": Label("Gain", "受益"),
    "loses": Label("Lose", "受损"),
    "mixed": Label("Mixed", "有增有减"),
    "changed": Label("Changed", "有变化"),
    "change": Label("change", "变化"),
    "reform": Label("reform", "改革后"),
}


@dataclass(frozen=True)
class Column:
    """A column of a summary table: its key in the frame and its header."""

    key: str
    header: str
    money: bool = False


def headline(
    cube: pl.DataFrame,
    scenario: Scenario,
    by: str | None,
    lang: Language = "en",
    *,
    compact: bool = False,
) -> tuple[pl.DataFrame, list[Column]]:
    """The summary by ``by`` with the headline columns, and how to show each. ``compact``
    (for a terminal) shows a reform's amounts as their change only."""
    frame = summary(cube, by)
    labels = _headlines(scenario, frame.columns)
    count_label = COLUMN_LABELS["enterprises" if scenario.entity == "enterprise" else ROWS]
    columns = [Column(ROWS, count_label.in_(lang))]
    if by is not None:
        shown = [group_label(by, v, lang) for v in frame[by].to_list()]
        frame = frame.with_columns(pl.Series(by, shown))
        columns.insert(0, Column(by, GROUP_LABELS[by].in_(lang)))
    reform = COLUMN_LABELS["reform"].in_(lang)
    change = COLUMN_LABELS["change"].in_(lang)
    for name, label in labels.items():
        money = isinstance(frame.schema[name], pl.Decimal)
        header = label.in_(lang)
        if scenario.reform is None:
            columns.append(Column(name, header, money))
            if name == "support_eligible":
                frame = frame.with_columns((pl.col(ROWS) - pl.col(name)).alias("not_eligible"))
                columns.append(Column("not_eligible", NOT.in_(lang)))
            continue
        if money:
            delta = pl.col(name + REFORM_SUFFIX) - pl.col(name)
            frame = frame.with_columns(delta.alias(name + "_change"))
        if not (compact and money):
            columns.append(Column(name, header, money))
            columns.append(Column(name + REFORM_SUFFIX, f"{header} ({reform})", money))
        if money:
            columns.append(Column(name + "_change", f"{header} ({change})", money))
    if scenario.reform is not None:
        for effect in ("gains", "loses", "mixed", "changed"):
            if frame[effect].sum():
                columns.append(Column(effect, COLUMN_LABELS[effect].in_(lang)))
    return frame.select(c.key for c in columns), columns


def totals(cube: pl.DataFrame, scenario: Scenario, lang: Language = "en") -> list[list[str]]:
    """All rows' totals, one measure a line: [measure, baseline, reform, change] (the last two
    only with a reform), formatted."""
    frame, columns = headline(cube, scenario, None, lang)
    row = frame.row(0, named=True)
    lines = []
    for column in columns:
        if column.key.endswith((REFORM_SUFFIX, "_change")):
            continue
        if column.key in EFFECTS:  # a reform's effect: a change, not a value before and after
            lines.append([column.header, "", "", cell(row[column.key], column, lang)])
            continue
        line = [column.header, cell(row[column.key], column, lang)]
        if scenario.reform is not None and column.key == ROWS:
            line += ["", ""]
        elif scenario.reform is not None and column.key + REFORM_SUFFIX in row:
            after = row[column.key + REFORM_SUFFIX]
            before = row[column.key]
            delta = after - before if after is not None and before is not None else None
            line += [cell(after, column, lang), _signed(cell(delta, column, lang), delta)]
        lines.append(line)
    return lines


def _signed(text: str, value: object) -> str:
    return f"+{text}" if isinstance(value, int | Decimal) and value > 0 else text


def _headlines(scenario: Scenario, columns: list[str]) -> dict[str, Label]:
    return HEADLINES.get(scenario.entity) or {
        v.spec.name: v.spec.label
        for v in scenario.entity_plan().variables
        if v.spec.name in columns
    }


def yuan(value: Decimal | int | None) -> str:
    """1234567.5 -> "1,234,567.50" (yuan, exact)."""
    if value is None:
        return "—"
    return f"{Decimal(value).quantize(Decimal('0.01'), ROUND_HALF_UP):,}"


def money(value: Decimal | int | None, lang: Language) -> str:
    """Yuan with separators; 万元 for Chinese readers (``innoreg.display``)."""
    return display.wan_yuan(value) if lang == "zh" else yuan(value)


def cell(value: object, column: Column, lang: Language) -> str:
    """A table cell as shown: counts with separators, money as yuan or 万元."""
    if value is None:
        return "—"
    if column.money:
        assert isinstance(value, Decimal | int)
        return money(value, lang)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)
