"""One line per entity saying what the law decided, in English or Chinese, e.g.
「不符合：尚需增加研发投入130,000.00元（13.00万元；销售收入×1%）」. Built from the public values
of a decision, so the CLI, the pages and the PDF say the same thing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from innoreg import display
from innoreg.labels import Language

Values = Mapping[str, Any]


def verdict_line(
    kind: str, values: Values, lang: Language = "en", *, on: dt.date | None = None
) -> str:
    """The verdict for an entity of ``kind`` (enterprise, transfer, ip_asset, …); ``on`` is the
    case's date (an IP period that ended before it is over, not "not yet")."""
    build = _BY_KIND.get(kind)
    line = build(values, lang, on) if build else None
    return line or _t(lang, "No decision to summarise", "无可概括的结论")


def _t(lang: Language, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def _enterprise(values: Values, lang: Language, on: dt.date | None) -> str | None:
    parts = []
    if "support_eligible" in values:
        parts.append(_support(values, lang))
    if values.get("rd_obligation_met") is not None or "rd_obligation_met" in values:
        obligation = _obligation(values, lang)
        if obligation:
            parts.append(obligation)
    deduction = values.get("rd_super_deduction")
    if deduction is not None:
        amount = display.money(deduction, lang, wan=lang == "zh")
        parts.append(_t(lang, f"R&D super-deduction {amount}", f"研发费用加计扣除{amount}"))
    elif "rd_super_deduction" in values and values.get("rd_super_deduction_rate") is None:
        parts.append(_t(lang, "super-deduction not decided", "加计扣除无法计算"))
    return _t(lang, "; ", "；").join(p for p in parts if p) or None


def _support(values: Values, lang: Language) -> str:
    required = values.get("rd_intensity_required")
    intensity = values.get("rd_intensity_for_support", values.get("rd_intensity"))
    if values.get("support_eligible"):
        shown = display.rate(intensity, lang) if intensity is not None else "—"
        need = display.rate(required, lang)
        return _t(
            lang,
            f"Eligible for municipal support: R&D intensity {shown} reaches {need}",
            f"符合：研发投入比例{shown}，达到{need}，可承担市级计划项目并享受扶持政策",
        )
    if required is None:
        return _t(
            lang,
            "Not eligible: neither above designated size nor high-tech, so no ratio applies",
            "不符合：既非规模以上企业也非高新技术企业，无适用的研发投入比例",
        )
    shortfall = values.get("rd_shortfall")
    if shortfall is None:
        return _t(
            lang,
            "Not eligible: without sales revenue there is no R&D ratio",
            "不符合：无销售收入，无法计算研发投入比例",
        )
    need = display.rate(required, lang)
    return _t(
        lang,
        f"Not eligible: {display.money(shortfall, lang)} more R&D needed (sales revenue × {need})",
        f"不符合：尚需增加研发投入{display.money(shortfall, lang)}"
        f"（{display.wan_yuan(shortfall)}；销售收入×{need}）",
    )


def _obligation(values: Values, lang: Language) -> str | None:
    met = values.get("rd_obligation_met")
    if met is None:
        return None
    if met:
        return _t(lang, "R&D obligation met", "研发投入达到规定比例")
    return _t(lang, "R&D obligation not met", "研发投入未达到规定比例")


def _transfer(values: Values, lang: Language, on: dt.date | None) -> str:
    basis = values.get("transfer_reward_basis")
    if basis == "facts_missing":
        return _t(
            lang,
            "Not decided: the holder's kind or the mode of transformation is not given",
            "无法判断：未提供成果完成单位类型或转化方式",
        )
    if basis == "unit_rules_govern":
        return _t(
            lang,
            "No statutory floor applies: the unit's own reward rules or agreement govern",
            "法定最低标准不适用：依单位规定或者与科技人员的约定",
        )
    equity = values.get("transfer_equity_reward_minimum") is not None
    unit = values.get("transfer_equity_unit")
    if equity:
        minimum = display.quantity(values["transfer_equity_reward_minimum"], unit, lang)
        short = display.quantity(values.get("transfer_equity_reward_shortfall"), unit, lang)
    else:
        minimum = display.money(values.get("transfer_reward_minimum"), lang, wan=lang == "zh")
        short = display.money(values.get("transfer_reward_shortfall"), lang, wan=lang == "zh")
    if values.get("transfer_reward_compliant"):
        return _t(
            lang,
            f"Compliant: the reward reaches the statutory minimum of {minimum}",
            f"符合：奖励不低于法定最低标准{minimum}",
        )
    return _t(
        lang,
        f"Not compliant: {short} more reward owed (minimum {minimum})",
        f"不符合：尚需增加奖励{short}（法定最低{minimum}）",
    )


def _ip_asset(values: Values, lang: Language, on: dt.date | None) -> str:
    may = values.get("government_may_implement", values.get("state_may_implement_unused"))
    deadline = values.get("implementation_deadline")
    shown = display.date(deadline, lang) if deadline else None
    if may:
        return _t(
            lang,
            f"The government may implement it or license others (the period ended {shown})",
            f"政府可以无偿实施或者许可他人实施（实施期限已于{shown}届满）",
        )
    if may is None:
        return _t(
            lang,
            "Not decided: a fact the answer depends on is missing (see the warnings)",
            "无法判断：缺少所需事实（见提示）",
        )
    ended = deadline is not None and on is not None and str(deadline) < on.isoformat()
    if shown and not ended:
        return _t(
            lang,
            f"Not yet within the government's power; last day to implement {shown}",
            f"政府尚不可实施；实施期限至{shown}",
        )
    if shown:
        return _t(
            lang,
            f"Outside the government's power: the period ended {shown} without the conditions "
            "for it (implemented in time, excused, not funded, or unable to implement)",
            f"不属于政府可以实施的情形：实施期限已于{shown}届满，但不具备相应条件"
            "（已按期实施、有正当理由、非财政资金项目或不具备实施条件）",
        )
    return _t(lang, "Outside the government's power", "不属于政府可以实施的情形")


def _technology_import(values: Values, lang: Language, on: dt.date | None) -> str:
    if values.get("technology_import_prohibited"):
        return _t(lang, "Import prohibited", "禁止引进")
    if values.get("technology_import_restricted"):
        return _t(lang, "Import restricted", "限制引进")
    return _t(lang, "Neither prohibited nor restricted", "不属于禁止或限制引进")


_BY_KIND: dict[str, Callable[[Values, Language, dt.date | None], str | None]] = {
    "enterprise": _enterprise,
    "transfer": _transfer,
    "ip_asset": _ip_asset,
    "technology_import": _technology_import,
}
