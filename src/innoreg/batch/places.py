"""The names a population is grouped by: Luoyang's districts and counties, the sections of the
national industry classification (GB/T 4754-2017) and enterprise size classes, each with its
English and Chinese label."""

from __future__ import annotations

import polars as pl

from innoreg.labels import Label, Language

DISTRICTS: dict[str, Label] = {
    "涧西区": Label("Jianxi District", "涧西区"),
    "西工区": Label("Xigong District", "西工区"),
    "老城区": Label("Laocheng District", "老城区"),
    "瀍河回族区": Label("Chanhe Hui District", "瀍河回族区"),
    "洛龙区": Label("Luolong District", "洛龙区"),
    "偃师区": Label("Yanshi District", "偃师区"),
    "孟津区": Label("Mengjin District", "孟津区"),
    "吉利区": Label("Jili District", "吉利区"),
    "新安县": Label("Xin'an County", "新安县"),
    "宜阳县": Label("Yiyang County", "宜阳县"),
    "洛宁县": Label("Luoning County", "洛宁县"),
    "伊川县": Label("Yichuan County", "伊川县"),
    "嵩县": Label("Song County", "嵩县"),
    "栾川县": Label("Luanchuan County", "栾川县"),
    "汝阳县": Label("Ruyang County", "汝阳县"),
}
"""Keyed by the Chinese name, which is how a bureau's register writes them."""

SECTIONS: dict[str, Label] = {
    "A": Label("Agriculture, forestry, animal husbandry and fishery", "农、林、牧、渔业"),
    "B": Label("Mining", "采矿业"),
    "C": Label("Manufacturing", "制造业"),
    "D": Label("Electricity, heat, gas and water", "电力、热力、燃气及水生产和供应业"),
    "E": Label("Construction", "建筑业"),
    "F": Label("Wholesale and retail", "批发和零售业"),
    "G": Label("Transport, storage and post", "交通运输、仓储和邮政业"),
    "H": Label("Accommodation and catering", "住宿和餐饮业"),
    "I": Label(
        "Information transmission, software and IT services", "信息传输、软件和信息技术服务业"
    ),
    "J": Label("Finance", "金融业"),
    "K": Label("Real estate", "房地产业"),
    "L": Label("Leasing and business services", "租赁和商务服务业"),
    "M": Label("Scientific research and technical services", "科学研究和技术服务业"),
    "N": Label("Water, environment and public facilities", "水利、环境和公共设施管理业"),
    "O": Label("Resident and other services", "居民服务、修理和其他服务业"),
    "P": Label("Education", "教育"),
    "Q": Label("Health and social work", "卫生和社会工作"),
    "R": Label("Culture, sports and entertainment", "文化、体育和娱乐业"),
    "S": Label("Public administration and social organisations", "公共管理、社会保障和社会组织"),
    "T": Label("International organisations", "国际组织"),
}
UNKNOWN = Label("not given", "未填报")

SIZE_CLASSES: dict[str, Label] = {
    "large": Label("large", "大型"),
    "medium": Label("medium", "中型"),
    "small": Label("small", "小型"),
    "micro": Label("micro", "微型"),
}


def group_label(key: str, value: str | None, lang: Language) -> str:
    """How a group's value is shown: districts by name, sections by letter and name."""
    if value is None:
        return UNKNOWN.in_(lang)
    if key == "industry_section" and value in SECTIONS:
        return f"{value} {SECTIONS[value].in_(lang)}"
    table = {"district": DISTRICTS, "size_class": SIZE_CLASSES}.get(key, {})
    return table[value].in_(lang) if value in table else value


def order_of(key: str) -> pl.Expr:
    """A sort key that lists a group's values in their customary order: the central districts
    first, then the counties; sections by letter; sizes from large to micro."""
    order = {"district": list(DISTRICTS), "size_class": list(SIZE_CLASSES)}.get(key)
    if order is None:
        return pl.col(key)
    return pl.col(key).replace_strict(order, list(range(len(order))), default=len(order))
