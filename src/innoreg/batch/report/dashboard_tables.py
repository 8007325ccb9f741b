"""The data of each dashboard chart as the table printed under it: group labels in English or
Chinese in their customary order, counts, and money as exact yuan (shown with separators, or in
万元 for Chinese readers). A chart draws its table's frame and nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

from innoreg.batch.places import group_label, order_of
from innoreg.batch.tables import GROUP_LABELS, Column, cell
from innoreg.labels import Label, Language
from innoreg.records.models.applications import APPLICATION_STATES
from innoreg.records.reports import Breakdown, Dashboard, Group

WORDS = {
    "filings": Label("Filings", "填报企业数"),
    "eligible": Label("Eligible", "符合扶持条件"),
    "not_eligible": Label("Not eligible", "不符合"),
    "undecided": Label("Not yet decided", "尚未判定"),
    "share": Label("Eligible (%)", "符合比例（%）"),
    "rd_shortfall": Label("R&D shortfall", "研发投入缺口"),
    "rd_super_deduction": Label("R&D super-deduction", "研发费用加计扣除额"),
    "transfers": Label("Transfers", "转化项目数"),
    "final": Label("Final", "已确定"),
    "net_income": Label("Net income", "净收入"),
    "rewards_given": Label("Rewards given", "已定奖励"),
    "minimum_owed": Label("Minimum owed", "法定最低奖励"),
    "non_compliant": Label("Below the minimum", "低于最低标准"),
    "assets": Label("Assets", "知识产权数"),
    "noticed": Label("Notice issued", "已发通知"),
    "not_noticed": Label("No notice yet", "尚未通知"),
    "state": Label("State", "状态"),
    "applications": Label("Applications", "申请数"),
}
STATES = {
    "draft": Label("Draft", "草稿"),
    "submitted": Label("Submitted", "已提交"),
    "returned": Label("Returned for changes", "退回修改"),
    "under_review": Label("Under review", "审核中"),
    "approved": Label("Approved", "已批准"),
    "rejected": Label("Rejected", "未获批准"),
}
assert tuple(STATES) == APPLICATION_STATES
MONEY = ("rd_shortfall", "rd_super_deduction", "net_income", "rewards_given", "minimum_owed")
"""Fields held in fen by the records, shown as yuan."""


@dataclass(frozen=True)
class FigureTable:
    """A chart's data: the frame (money as exact yuan) and how each column is shown."""

    frame: pl.DataFrame
    columns: tuple[Column, ...]

    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def rows(self, lang: Language) -> list[list[str]]:
        """Each row as shown: counts with separators, money in yuan or 万元."""
        return [
            [cell(row[c.key], c, lang) for c in self.columns]
            for row in self.frame.iter_rows(named=True)
        ]


def grouped(
    figures: Breakdown[Any], by: Group, fields: tuple[str, ...], lang: Language
) -> FigureTable:
    """The rows of ``figures`` by ``by``: the group's label first, then ``fields``."""
    frame = figures.frame(by)
    if not frame.height:
        frame = pl.DataFrame(schema={"group": pl.String, **dict.fromkeys(fields, pl.Int64)})
    frame = frame.rename({"group": by}).with_columns(pl.col(by).cast(pl.String))
    frame = frame.sort(order_of(by), nulls_last=True)
    frame = frame.with_columns(
        pl.Series(by, [group_label(by, v, lang) for v in frame[by].to_list()], pl.String),
        *(pl.col(f).cast(pl.Decimal(38, 2)) / 100 for f in fields if f in MONEY),
    )
    columns = [Column(by, GROUP_LABELS[by].in_(lang))]
    columns += [Column(f, WORDS[f].in_(lang), money=f in MONEY) for f in fields]
    return FigureTable(frame.select(c.key for c in columns), tuple(columns))


def eligibility(figures: Dashboard, by: Group, lang: Language) -> FigureTable:
    fields = ("filings", "eligible", "not_eligible", "undecided")
    table = grouped(figures.filings, by, fields, lang)
    share = (pl.col("eligible") / pl.col("filings") * 100).round(1)
    frame = table.frame.with_columns(share.alias("share"))
    return FigureTable(frame, (*table.columns, Column("share", WORDS["share"].in_(lang))))


def amounts(figures: Dashboard, by: Group, lang: Language) -> FigureTable:
    fields = ("filings", "rd_shortfall", "rd_super_deduction")
    return grouped(figures.filings, by, fields, lang)


def transfers(figures: Dashboard, by: Group, lang: Language) -> FigureTable:
    fields = ("transfers", "final", "net_income", "rewards_given", "minimum_owed")
    return grouped(figures.transfers, by, (*fields, "non_compliant", "undecided"), lang)


def overdue_ip(figures: Dashboard, by: Group, lang: Language) -> FigureTable:
    table = grouped(figures.overdue_ip, by, ("assets", "noticed"), lang)
    frame = table.frame.with_columns((pl.col("assets") - pl.col("noticed")).alias("not_noticed"))
    return FigureTable(
        frame, (*table.columns, Column("not_noticed", WORDS["not_noticed"].in_(lang)))
    )


def applications(figures: Dashboard, lang: Language) -> FigureTable:
    """Applications in scope by state on the day (all groups together)."""
    total = figures.applications.total
    frame = pl.DataFrame(
        {
            "state": [STATES[s].in_(lang) for s in APPLICATION_STATES],
            "applications": [getattr(total, s) for s in APPLICATION_STATES],
        }
    )
    columns = (
        Column("state", WORDS["state"].in_(lang)),
        Column("applications", WORDS["applications"].in_(lang)),
    )
    return FigureTable(frame, columns)
