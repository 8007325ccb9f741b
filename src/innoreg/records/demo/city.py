"""The shape of the synthetic city: Luoyang's districts and counties with their
administrative division codes, a manufacturing-heavy GB/T 4754 mix, and name parts."""

from __future__ import annotations

import random

from innoreg.records.credit_code import check_character

DISTRICTS: dict[str, tuple[str, int]] = {
    # name: (administrative division code, weight in the enterprise mix)
    "涧西区": ("410305", 16),
    "西工区": ("410303", 9),
    "老城区": ("410302", 5),
    "瀍河回族区": ("410304", 4),
    "洛龙区": ("410311", 18),
    "偃师区": ("410307", 9),
    "孟津区": ("410308", 7),
    "吉利区": ("410306", 3),
    "新安县": ("410323", 6),
    "宜阳县": ("410327", 5),
    "洛宁县": ("410328", 3),
    "伊川县": ("410329", 6),
    "嵩县": ("410325", 3),
    "栾川县": ("410324", 4),
    "汝阳县": ("410326", 2),
}

INDUSTRIES: dict[str, tuple[int, str]] = {
    # GB/T 4754 section or division: (weight, a word for names)
    "C34": (12, "轴承"),
    "C35": (10, "重型机械"),
    "C30": (6, "耐火材料"),
    "C32": (5, "钼钨材料"),
    "C33": (4, "金属制品"),
    "C38": (5, "电气"),
    "C39": (5, "光电"),
    "C36": (3, "汽车零部件"),
    "C26": (3, "化工"),
    "C13": (2, "食品"),
    "C16": (1, "烟草"),
    "I": (9, "软件"),
    "M": (8, "科技"),
    "F": (7, "商贸"),
    "D": (2, "能源"),
    "E": (4, "建设"),
    "G": (3, "物流"),
    "L": (2, "商务服务"),
    "N": (2, "环境"),
    "K": (2, "置业"),
    "H": (2, "餐饮"),
    "A": (2, "农业"),
    "B": (2, "矿业"),
}

NAME_PARTS = "华恒信瑞通宏远中德鼎泰隆昌盛创新联达源伊洛河邙龙腾正兴嘉和力凯九州天元同丰瀍涧嵩栾宜"
UNIVERSITIES = ("河洛工业大学", "伊洛理工学院", "洛水师范学院")
INSTITUTES = (
    "洛阳精密轴承技术研究院",
    "洛阳先进耐火材料研究所",
    "洛阳光电仪器工程研究所",
    "河洛船舶材料研究所",
    "洛阳农业装备研究院",
    "洛阳钼钨新材料研究院",
)
AGENCIES = {
    "技术转移中心": "technology_transfer",
    "科技评估中心": "technology_evaluation",
    "技术经纪服务部": "technology_brokerage",
    "知识产权服务中心": "ip_service",
    "检验检测中心": "testing_and_certification",
    "科技咨询中心": "consulting",
    "科技金融服务中心": "financing",
}
"""Intermediary service agencies by type (Luoyang art. 15)."""
PARKS = ("洛阳高新技术产业园", "洛龙科技园区", "伊滨科技城", "涧西工业园区", "偃师产业集聚区")


def credit_code(rng: random.Random, prefix: str, division: str, used: set[str]) -> str:
    """A well-formed, invented code: registration authority and kind, the division code, a
    made-up organisation code, and the GB 32100 check character."""
    charset = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    while True:
        body = (
            prefix
            + division
            + "".join(rng.choice(charset) for _ in range(8))
            + rng.choice("0123456789")
        )
        code = body + check_character(body)
        if code not in used:
            used.add(code)
            return code


def enterprise_name(rng: random.Random, word: str, used: set[str]) -> str:
    while True:
        name = (
            "洛阳"
            + "".join(rng.sample(NAME_PARTS, 2))
            + word
            + rng.choice(("有限公司", "股份有限公司", "有限责任公司"))
        )
        if name not in used:
            used.add(name)
            return name
