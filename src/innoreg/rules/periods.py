"""Periods (期间) under the PRC Civil Code, arts. 200-204.

* Art. 201: a period in years, months or days does not count its first day; it runs from the
  next day. So ``n`` days from ``D`` end on ``D + n``.
* Art. 202: a period in years or months ends on the corresponding day (对应日) of the final
  month, or on that month's last day when it has no corresponding day: three years from
  2020-02-29 end on 2023-02-28, one month from 2024-01-31 on 2024-02-29.
* Art. 203: a last day that is a statutory rest day (法定休假日, weekends included) gives way to
  the day after the rest ends, i.e. the next working day of :class:`HolidayCalendar`.
* Art. 204: other laws or the parties may agree otherwise; that is the caller's choice of
  function, not a flag here. Art. 1259 (以上/以下/以内/届满 include the number) is handled
  where thresholds are compared, not here.
"""

from __future__ import annotations

import calendar as _gregorian
from dataclasses import dataclass
from datetime import date, timedelta

from innoreg.rules.calendar import CalendarCoverageError, HolidayCalendar

__all__ = ["PeriodEnd", "period_end", "period_end_on_working_day"]


@dataclass(frozen=True)
class PeriodEnd:
    """A period's calendar end (arts. 201-202) and its last day after art. 203."""

    calendar_end: date
    last_day: date
    moved: bool
    """True when ``calendar_end`` was a rest day and ``last_day`` is the next working day."""
    warning: str | None = None
    """Set when the holiday calendar could not decide; ``last_day`` is then not moved."""


def period_end(start: date, *, years: int = 0, months: int = 0, days: int = 0) -> date:
    """The last day of a period starting on ``start`` (Civil Code arts. 201-202).

    ``start`` is the day the period begins (开始的当日), which is not counted. Give exactly one
    unit, or years and months together; days do not combine with the others because art. 202
    and art. 201 count them differently and the order would change the result.
    """
    for unit, value in (("years", years), ("months", months), ("days", days)):
        if value < 0:
            raise ValueError(f"a period cannot be negative: {unit}={value}")
    if days and (years or months):
        raise ValueError("give a period in days, or in years and/or months, not both")
    if not (years or months or days):
        raise ValueError("a period needs a length: years, months or days")
    if days:
        return start + timedelta(days=days)
    index = start.year * 12 + (start.month - 1) + years * 12 + months
    year, month = divmod(index, 12)
    month += 1
    last_of_month = _gregorian.monthrange(year, month)[1]
    return date(year, month, min(start.day, last_of_month))


def period_end_on_working_day(
    start: date,
    *,
    years: int = 0,
    months: int = 0,
    days: int = 0,
    calendar: HolidayCalendar,
) -> PeriodEnd:
    """The period's end moved off rest days as art. 203 requires.

    Where ``calendar`` has no data for the year that decides the answer, the calendar end is
    returned unmoved with a warning rather than a guess from weekends alone.
    """
    end = period_end(start, years=years, months=months, days=days)
    try:
        last = calendar.next_working_day(end)
    except CalendarCoverageError as exc:
        warning = (
            f"the holiday calendar has no data for {exc.year}; "
            "the period's last day was not moved to a working day"
        )
        return PeriodEnd(calendar_end=end, last_day=end, moved=False, warning=warning)
    return PeriodEnd(calendar_end=end, last_day=last, moved=last != end)
