"""How a citation reads to a person: 第四十五条第一款 / art. 45 ¶1, with the act's or source's
short name in front ("促进科技成果转化法 第四十五条"), never a bare eId."""

from __future__ import annotations

import re

from innoreg.labels import Label
from innoreg.law.numbering import to_chinese_numeral

_PART = re.compile(r"^(?P<kind>[a-z]+)_(?P<num>\d+)$")
_ZH = {"chp": "第{}章", "art": "第{}条", "para": "第{}款", "point": "第（{}）项", "item": "第{}目"}
_EN = {"chp": "ch. {}", "art": "art. {}", "para": "¶{}", "point": "({})", "item": "item {}"}


def eid_reading(eid: str) -> Label:
    """``art_45__para_1__point_2`` -> 第四十五条第一款第（二）项 / art. 45 ¶1 (2). An anchor that is
    not an eId (``main``: the whole document) reads as nothing."""
    zh, en = [], []
    for part in eid.split("__"):
        match = _PART.match(part)
        if not match or match["kind"] not in _ZH:
            return Label("", "")
        number = int(match["num"])
        zh.append(_ZH[match["kind"]].format(to_chinese_numeral(number)))
        en.append(_EN[match["kind"]].format(number))
    return Label(" ".join(en), "".join(zh))


def citation_reading(short: Label, eid: str) -> Label:
    """The act's short name and the part: "促进科技成果转化法 第四十五条"."""
    part = eid_reading(eid)
    return Label(
        f"{short.en}, {part.en}" if part.en else short.en,
        f"{short.zh} {part.zh}" if part.zh else short.zh,
    )
