"""Mainland China working-day calendar, from the State Council's yearly holiday notices.

Civil Code art. 203 moves a period's last day off a statutory rest day (法定休假日), which
covers weekends, the statutory holidays and the State Council's adjusted rest days, while its
adjusted working days (调休上班) are working days although they fall on a weekend. None of
this can be computed from a rule: each year is fixed by a notice, so the facts live in
``data/holidays-cn.yaml`` (one entry per notice year, with its citation) and this module only
reads them. Outside the years the file covers the calendar refuses to answer rather than guess.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from innoreg.errors import PackLoadError, ParameterError

__all__ = [
    "SHIPPED_PATH",
    "CalendarCoverageError",
    "CalendarDataError",
    "HolidayCalendar",
]

SHIPPED_PATH = Path(__file__).with_name("data") / "holidays-cn.yaml"
_ONE_DAY = timedelta(days=1)
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class CalendarDataError(PackLoadError):
    """The holiday data file is malformed (a wrong key, date or overlap)."""


class CalendarCoverageError(ParameterError):
    """A date falls in a year the holiday data does not cover; answering would be a guess."""

    def __init__(self, year: int, coverage: tuple[date, date]) -> None:
        first, last = coverage
        super().__init__(
            f"the holiday calendar has no data for {year} "
            f"(it covers {first.isoformat()} to {last.isoformat()})",
            year=year,
        )
        self.year = year


@dataclass(frozen=True, eq=False)
class HolidayCalendar:
    """Rest days and adjusted working days of the covered years (contiguous, whole years).

    :attr:`coverage` runs from 1 January of the first year to the last day whose next working
    day is known: 31 December of the last year, or, if that year ends on rest days (whose end
    the following year's notice decides), the last working day before them.
    """

    years: frozenset[int]
    rest_days: Mapping[date, str]
    """Days inside a notice's holiday span, mapped to the holiday's name."""
    adjusted_working_days: frozenset[date]
    notices: Mapping[int, tuple[str, ...]]
    """The notices (number and title) each year's facts come from."""
    coverage: tuple[date, date] = field(init=False)
    """The span in which :meth:`next_working_day_map` is complete."""

    def __post_init__(self) -> None:
        if not self.years:
            raise CalendarDataError("the holiday calendar covers no year")
        first, last = min(self.years), max(self.years)
        if len(self.years) != last - first + 1:
            missing = sorted(set(range(first, last + 1)) - self.years)
            raise CalendarDataError(f"the holiday calendar has gaps: no data for {missing}")
        clash = sorted(self.adjusted_working_days & self.rest_days.keys())
        if clash:
            raise CalendarDataError(f"days both rest and working: {_iso(clash)}")
        weekdays = sorted(d for d in self.adjusted_working_days if d.weekday() < 5)
        if weekdays:
            raise CalendarDataError(f"adjusted working days must be weekend days: {_iso(weekdays)}")
        end = date(last, 12, 31)
        while not self._working(end):
            end -= _ONE_DAY
        object.__setattr__(self, "coverage", (date(first, 1, 1), end))

    @classmethod
    def shipped(cls) -> HolidayCalendar:
        """The calendar shipped with innoreg (loaded once per process)."""
        return _load_shipped()

    @classmethod
    def from_yaml(cls, path: Path) -> HolidayCalendar:
        """Load a calendar file in the format of ``data/holidays-cn.yaml``."""
        try:
            with path.open(encoding="utf-8") as handle:
                data = yaml.load(handle, Loader=_Loader)  # a safe loader (C or pure)
        except yaml.YAMLError as exc:
            raise CalendarDataError(f"{path}: not valid YAML: {exc}") from exc
        return cls.from_mapping(data, source=str(path))

    @classmethod
    def from_mapping(cls, data: object, *, source: str = "<data>") -> HolidayCalendar:
        """Build a calendar from parsed data: ``{year: {notices, holidays, adjusted_...}}``."""
        if not isinstance(data, dict) or not data:
            raise CalendarDataError(f"{source}: expected a mapping of years")
        rest: dict[date, str] = {}
        working: set[date] = set()
        notices: dict[int, tuple[str, ...]] = {}
        for year, entry in data.items():
            where = f"{source}: {year}"
            if not isinstance(year, int) or not isinstance(entry, dict):
                raise CalendarDataError(f"{where}: expected `YEAR: {{...}}`")
            unknown = set(entry) - {"notices", "holidays", "adjusted_working_days"}
            if unknown:
                raise CalendarDataError(f"{where}: unknown keys {sorted(unknown)}")
            cited = entry.get("notices")
            if (
                not isinstance(cited, list)
                or not cited
                or not all(isinstance(n, str) for n in cited)
            ):
                raise CalendarDataError(f"{where}: `notices` must list the source notices")
            notices[year] = tuple(cited)
            for span in _as_list(entry.get("holidays"), f"{where}: holidays"):
                for day, name in _span_days(span, where):
                    if day in rest:
                        raise CalendarDataError(f"{where}: {day} is listed twice")
                    rest[day] = name
            for day in _as_list(entry.get("adjusted_working_days"), f"{where}: working days"):
                if not isinstance(day, date):
                    raise CalendarDataError(f"{where}: adjusted working day {day!r} is not a date")
                working.add(day)
        return cls(
            frozenset(notices),
            MappingProxyType(rest),
            frozenset(working),
            MappingProxyType(notices),
        )

    def covers(self, d: date) -> bool:
        """Whether the data says anything about ``d``'s year."""
        return d.year in self.years

    def is_working_day(self, d: date) -> bool:
        """Monday to Friday outside a holiday span, or an adjusted working day."""
        self._require(d)
        return self._working(d)

    def holiday_name(self, d: date) -> str | None:
        """The holiday whose span contains ``d`` (None for weekends and working days)."""
        self._require(d)
        return self.rest_days.get(d)

    def next_working_day(self, d: date) -> date:
        """``d`` if it is a working day, else the first working day after it (art. 203).

        Raises :class:`CalendarCoverageError` when the answer lies in an uncovered year.
        """
        day = d
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def next_working_day_map(self) -> dict[date, date]:
        """Every non-working day within :attr:`coverage` mapped to its next working day.

        For a columnar engine: moving a column of dates is a dictionary lookup, and a date
        absent from the map is a working day or lies outside :attr:`coverage` (test that with
        ``coverage[0] <= d <= coverage[1]``, not with the year).
        """
        return dict(self._next_working_day_map)

    @functools.cached_property
    def _next_working_day_map(self) -> dict[date, date]:
        # Walk backwards so each rest day sees the nearest working day after it; coverage
        # ends on a working day, so every rest day inside it has one.
        first, last = self.coverage
        result: dict[date, date] = {}
        following = last
        day = last
        while day >= first:
            if self._working(day):
                following = day
            else:
                result[day] = following
            day -= _ONE_DAY
        return result

    def _working(self, d: date) -> bool:
        if d in self.adjusted_working_days:
            return True
        return d.weekday() < 5 and d not in self.rest_days

    def _require(self, d: date) -> None:
        if d.year not in self.years:
            raise CalendarCoverageError(d.year, self.coverage)


@functools.cache
def _load_shipped() -> HolidayCalendar:
    return HolidayCalendar.from_yaml(SHIPPED_PATH)


def _as_list(value: object, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CalendarDataError(f"{where}: expected a list")
    return value


def _span_days(span: object, where: str) -> Iterable[tuple[date, str]]:
    if not isinstance(span, dict) or set(span) != {"name", "from", "to"}:
        raise CalendarDataError(f"{where}: a holiday is {{name, from, to}}, got {span!r}")
    name, first, last = span["name"], span["from"], span["to"]
    if not isinstance(name, str) or not isinstance(first, date) or not isinstance(last, date):
        raise CalendarDataError(f"{where}: bad holiday {span!r}")
    if last < first or (last - first).days > 15:
        raise CalendarDataError(f"{where}: implausible span {first} to {last} for {name}")
    day = first
    while day <= last:
        yield day, name
        day += _ONE_DAY


def _iso(days: Iterable[date]) -> str:
    return ", ".join(d.isoformat() for d in days)
