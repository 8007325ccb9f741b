"""A text alternative for each dashboard chart: what it shows, its totals and its largest group,
in a sentence or two a screen reader can say; every figure is in the table under the chart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from innoreg import display
from innoreg.batch.report.dashboard_tables import STATES, FigureTable
from innoreg.batch.tables import GROUP_LABELS, yuan
from innoreg.labels import Language
from innoreg.records.reports import Dashboard, Group


def alternative(
    name: str, figures: Dashboard, table: FigureTable, by: Group, lang: Language
) -> str:
    """The chart ``name``'s text alternative."""
    said = Said(
        figures,
        GROUP_LABELS[by].in_(lang),
        display.date(figures.as_of, lang),
        _largest(table, _measure(name), lang),
        lang,
    )
    return SENTENCES[name](said)


@dataclass(frozen=True)
class Said:
    figures: Dashboard
    group: str
    day: str
    largest: str
    lang: Language


def _eligibility(s: Said) -> str:
    t, year = s.figures.filings.total, s.figures.fiscal_year
    if s.lang == "zh":
        return (
            f"按{s.group}统计的{year}年度填报企业条形图：共{t.filings:,}家，"
            f"符合市级扶持条件{t.eligible:,}家，不符合{t.not_eligible:,}家，"
            f"尚未判定{t.undecided:,}家。{s.largest}各项数字见下表。"
        )
    return (
        f"Bar chart of the {t.filings:,} filings for fiscal year {year} by "
        f"{s.group.lower()}: {t.eligible:,} eligible for municipal support, "
        f"{t.not_eligible:,} not eligible, {t.undecided:,} not yet decided. {s.largest}"
        "Every figure is in the table below."
    )


def _amounts(s: Said) -> str:
    t, year = s.figures.filings.total, s.figures.fiscal_year
    short, deduction = _money(t.rd_shortfall, s.lang), _money(t.rd_super_deduction, s.lang)
    if s.lang == "zh":
        return (
            f"按{s.group}统计的{year}年度研发投入缺口与研发费用加计扣除额条形图："
            f"缺口合计{short}，加计扣除合计{deduction}。{s.largest}各项数字见下表。"
        )
    return (
        f"Bar charts of the R&D shortfall and the R&D super-deduction for fiscal year "
        f"{year} by {s.group.lower()}: shortfall {short} in all, super-deduction "
        f"{deduction}. {s.largest}Every figure is in the table below."
    )


def _transfers(s: Said) -> str:
    t, year = s.figures.transfers.total, s.figures.fiscal_year
    income, given = _money(t.net_income, s.lang), _money(t.rewards_given, s.lang)
    owed = _money(t.minimum_owed, s.lang)
    if s.lang == "zh":
        return (
            f"按{s.group}统计的{year}年度（截至{s.day}）科技成果转化条形图：{t.transfers:,}项，"
            f"净收入{income}，已定奖励{given}，法定最低奖励{owed}，"
            f"低于最低标准{t.non_compliant:,}项。{s.largest}各项数字见下表。"
        )
    return (
        f"Bar chart of the {t.transfers:,} transfers concluded in {year} up to {s.day}, by "
        f"{s.group.lower()}: net income {income}, rewards given {given}, minimum owed "
        f"{owed}; {t.non_compliant:,} below the minimum. {s.largest}"
        "Every figure is in the table below."
    )


def _overdue(s: Said) -> str:
    t = s.figures.overdue_ip.total
    if s.lang == "zh":
        return (
            f"按{s.group}统计、截至{s.day}政府可以实施的知识产权条形图：{t.assets:,}项，"
            f"已发通知{t.noticed:,}项。{s.largest}各项数字见下表。"
        )
    return (
        f"Bar chart of the {t.assets:,} IP assets the government may implement on {s.day} "
        f"(Luoyang art. 14), by {s.group.lower()}: {t.noticed:,} with a notice issued. "
        f"{s.largest}Every figure is in the table below."
    )


def _applications(s: Said) -> str:
    t, year = s.figures.applications.total, s.figures.fiscal_year
    counts = [(STATES[state].in_(s.lang), getattr(t, state)) for state in STATES]
    if s.lang == "zh":
        listed = "，".join(f"{state}{n:,}项" for state, n in counts)
        return f"{year}年度填报的市级扶持申请截至{s.day}的状态条形图：{listed}。"
    listed = ", ".join(f"{state.lower()} {n:,}" for state, n in counts)
    return (
        f"Bar chart of applications on fiscal year {year}'s filings by state on {s.day}: {listed}."
    )


SENTENCES: dict[str, Callable[[Said], str]] = {
    "eligibility": _eligibility,
    "amounts": _amounts,
    "transfers": _transfers,
    "overdue-ip": _overdue,
    "applications": _applications,
}


def _measure(name: str) -> str:
    return {
        "eligibility": "eligible",
        "amounts": "rd_shortfall",
        "transfers": "net_income",
        "overdue-ip": "assets",
    }.get(name, "applications")


def _largest(table: FigureTable, key: str, lang: Language) -> str:
    """ "Most <measure>: <group> (<value>). " for the group with the largest ``key``."""
    if not table.frame.height or key not in table.frame.columns:
        return ""
    row = max(table.frame.iter_rows(named=True), key=lambda r: r[key] or 0)
    column = next(c for c in table.columns if c.key == key)
    value = row[key]
    shown = _money(int(value * 100), lang) if column.money else f"{value:,}"
    group = row[table.columns[0].key]
    if lang == "zh":
        return f"{column.header}最多的是{group}（{shown}）。"
    header = column.header
    measure = header if header[:2].isupper() else header[0].lower() + header[1:]
    return f"Most {measure}: {group} ({shown}). "


def _money(fen: int, lang: Language) -> str:
    value = Decimal(fen) / 100
    return display.wan_yuan(value) if lang == "zh" else f"{yuan(value)} yuan"
