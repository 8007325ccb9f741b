"""What dashboard figures are grouped by — the organisation's district and industry section, and
the size class of its filing for the fiscal year — and how one small cube of counts per
(district, section, size) rolls up into every grouping, so that each figure costs one SQL pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import InstrumentedAttribute

from innoreg.records.models.organisations import Organisation

if TYPE_CHECKING:
    import polars as pl

Group = Literal["district", "industry_section", "size_class"]
GROUPS: tuple[Group, ...] = ("district", "industry_section", "size_class")
Key = tuple[str | None, str | None, str | None]
"""A cube cell: (district, industry section, size class); None where not given."""
Row = TypeVar("Row")


def group_keys(size_class: InstrumentedAttribute[Any]) -> list[ColumnElement[Any]]:
    """The cube's key columns: district, the section letter of the GB/T 4754 code
    (``C34`` -> ``C``), and ``size_class`` (a filing's)."""
    return [
        Organisation.district.label("district"),
        func.substr(Organisation.industry, 1, 1).label("industry_section"),
        size_class.label("size_class"),
    ]


@dataclass(frozen=True)
class Breakdown(Generic[Row]):
    """One figure for all records in scope and by each group; rows in each grouping ordered
    by key, "not given" (None) last."""

    total: Row
    district: tuple[Row, ...]
    industry_section: tuple[Row, ...]
    size_class: tuple[Row, ...]

    def by(self, group: Group | None) -> tuple[Row, ...]:
        """The rows by ``group``; ``None``: the one row of totals."""
        if group is None:
            return (self.total,)
        if group not in GROUPS:
            raise ValueError(f"figures are grouped by one of {', '.join(GROUPS)}")
        rows: tuple[Row, ...] = getattr(self, group)
        return rows

    def frame(self, group: Group | None = None) -> pl.DataFrame:
        """The rows as a polars frame (money in integer fen), the group's key column named
        ``group``."""
        import polars as pl  # only callers that want frames pay for polars

        return pl.DataFrame([asdict(r) for r in self.by(group)])  # type: ignore[call-overload]


def breakdown(
    cube: Iterable[tuple[Key, Sequence[int]]], make: Callable[..., Row], width: int
) -> Breakdown[Row]:
    """Roll ``cube`` (each cell's key and its ``width`` counts) up by every group; ``make``
    builds a row from the group's key and its counts."""
    cells = [(key, tuple(int(v or 0) for v in values)) for key, values in cube]

    def rolled(position: int | None) -> list[Row]:
        sums: dict[str | None, list[int]] = {}
        for key, values in cells:
            name = None if position is None else key[position]
            into = sums.setdefault(name, [0] * width)
            for index, value in enumerate(values):
                into[index] += value
        order = sorted(sums, key=lambda k: (k is None, k or ""))
        return [make(name, *sums[name]) for name in order]

    total = rolled(None)
    return Breakdown(
        total=total[0] if total else make(None, *([0] * width)),
        district=tuple(rolled(0)),
        industry_section=tuple(rolled(1)),
        size_class=tuple(rolled(2)),
    )
