"""When a pack's act came into force, as far as one evaluation knows: recorded in the act's
metadata, assumed by the case (``assumptions: {cn-ha-luoyang.in_force: 2015-03-01}``, shown in
the output), or unknown. Rules never invent the date: where a result depends on an unknown one
it is null with a warning naming the missing fact."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from innoreg.labels import Label

Source = Literal["recorded", "assumed", "unknown"]


@dataclass(frozen=True)
class ActInForce:
    jurisdiction: str
    title: Label
    day: dt.date | None
    source: Source
    not_before: dt.date | None = None
    end: dt.date | None = None
    note: str | None = None

    @property
    def fact(self) -> str:
        """The name of the fact a case may assume (``cn-ha-luoyang.in_force``)."""
        return f"{self.jurisdiction}.in_force"

    def in_force_on(self, on: dt.date) -> bool | None:
        """False where known dates say the act was not in force on ``on``; None where its
        in-force date is unknown and ``on`` is after every bound the sources give."""
        if self.end is not None and on >= self.end:
            return False
        if self.day is not None:
            return on >= self.day
        if self.not_before is not None and on < self.not_before:
            return False
        return None

    def missing_fact(self) -> Label:
        """The sentence a result dependent on the unknown date carries."""
        why = f" ({self.note})" if self.note else ""
        return Label(
            f"the in-force date of the {self.title.en} is not recorded{why}; record it in the "
            f"act's metadata or give it as `assumptions: {{{self.fact}: YYYY-MM-DD}}`",
            f"《{self.title.zh}》的施行日期未有记录；请在法规元数据中记录，或以 "
            f"`assumptions: {{{self.fact}: YYYY-MM-DD}}` 给出",
        )
