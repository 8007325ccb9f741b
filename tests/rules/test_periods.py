"""Civil Code arts. 201-203: calendar ends and the move to a working day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from innoreg.rules.calendar import HolidayCalendar
from innoreg.rules.periods import PeriodEnd, period_end, period_end_on_working_day

CAL = HolidayCalendar.shipped()
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@pytest.mark.parametrize(
    ("start", "length", "end"),
    [
        # art. 202: the corresponding day of the final month is the last day
        (date(2021, 3, 1), {"years": 3}, date(2024, 3, 1)),
        # ... and the month's last day where there is no corresponding day
        (date(2020, 2, 29), {"years": 3}, date(2023, 2, 28)),
        (date(2020, 2, 29), {"years": 4}, date(2024, 2, 29)),
        (date(2024, 1, 31), {"months": 1}, date(2024, 2, 29)),
        (date(2023, 1, 31), {"months": 1}, date(2023, 2, 28)),
        (date(2024, 3, 31), {"months": 1}, date(2024, 4, 30)),
        (date(2024, 1, 30), {"months": 1}, date(2024, 2, 29)),
        (date(2024, 2, 29), {"months": 1}, date(2024, 3, 29)),
        (date(2024, 8, 31), {"months": 6}, date(2025, 2, 28)),
        (date(2024, 11, 15), {"months": 2}, date(2025, 1, 15)),
        (date(2024, 12, 31), {"months": 12}, date(2025, 12, 31)),
        (date(2023, 5, 31), {"years": 1, "months": 9}, date(2025, 2, 28)),
        (date(2024, 1, 1), {"months": 25}, date(2026, 2, 1)),
        # art. 201: the first day is not counted, so n days from D end on D + n
        (date(2024, 1, 1), {"days": 10}, date(2024, 1, 11)),
        (date(2024, 2, 28), {"days": 1}, date(2024, 2, 29)),
        (date(2023, 12, 31), {"days": 30}, date(2024, 1, 30)),
    ],
)
def test_calendar_end(start: date, length: dict[str, int], end: date) -> None:
    assert period_end(start, **length) == end


@pytest.mark.parametrize(
    "length",
    [
        {"days": -1},
        {"months": -2},
        {"years": -1, "months": 3},
        {},
        {"years": 0, "months": 0, "days": 0},
        {"years": 1, "days": 3},
        {"months": 1, "days": 1},
    ],
)
def test_invalid_lengths(length: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        period_end(date(2024, 1, 1), **length)


def test_moved_off_national_day() -> None:
    # one month from 2024-09-01 ends on 2024-10-01, inside the National Day holiday
    result = period_end_on_working_day(date(2024, 9, 1), months=1, calendar=CAL)
    assert result == PeriodEnd(date(2024, 10, 1), date(2024, 10, 8), moved=True, warning=None)


def test_moved_off_a_weekend() -> None:
    result = period_end_on_working_day(date(2024, 6, 1), days=7, calendar=CAL)  # Sat 8 June
    assert result.calendar_end == date(2024, 6, 8)
    assert result.last_day == date(2024, 6, 11)  # Sun 9, Mon 10 (端午节) are rest days
    assert result.moved


def test_adjusted_working_day_is_not_moved() -> None:
    # Sunday 2024-02-04 was a working day (调休上班): the period ends on it
    result = period_end_on_working_day(date(2024, 1, 4), months=1, calendar=CAL)
    assert result == PeriodEnd(date(2024, 2, 4), date(2024, 2, 4), moved=False, warning=None)


def test_working_day_end_is_kept() -> None:
    result = period_end_on_working_day(date(2021, 3, 1), years=3, calendar=CAL)
    assert result.last_day == result.calendar_end == date(2024, 3, 1)
    assert not result.moved
    assert result.warning is None


def test_spring_festival_2020_extension() -> None:
    result = period_end_on_working_day(date(2020, 1, 1), months=1, calendar=CAL)
    assert result.calendar_end == date(2020, 2, 1)  # Saturday, first planned as a working day
    assert result.last_day == date(2020, 2, 3)


def test_uncovered_year_warns_instead_of_guessing() -> None:
    # 2031-03-01 is a Saturday; the calendar has no data for 2031, so no move
    result = period_end_on_working_day(date(2021, 3, 1), years=10, calendar=CAL)
    assert result.calendar_end == result.last_day == date(2031, 3, 1)
    assert not result.moved
    assert result.warning == (
        "the holiday calendar has no data for 2031; "
        "the period's last day was not moved to a working day"
    )


def test_uncovered_working_weekday_also_warns() -> None:
    result = period_end_on_working_day(date(2026, 6, 2), years=1, calendar=CAL)  # Wed 2027
    assert result.last_day == date(2027, 6, 2)
    assert result.warning is not None and "2027" in result.warning


def test_warning_when_the_next_working_day_is_in_an_uncovered_year() -> None:
    cal = HolidayCalendar.from_mapping(
        {
            2030: {
                "notices": ["test"],
                "holidays": [
                    {"name": "元旦", "from": date(2030, 12, 30), "to": date(2030, 12, 31)}
                ],
            }
        }
    )
    result = period_end_on_working_day(date(2030, 12, 20), days=10, calendar=cal)
    assert result.last_day == result.calendar_end == date(2030, 12, 30)
    assert result.warning is not None and "no data for 2031" in result.warning


@given(DATES, DATES, st.integers(0, 40), st.integers(0, 11))
def test_month_periods_are_monotone_in_start(a: date, b: date, years: int, months: int) -> None:
    assume(years or months)
    first, second = sorted((a, b))
    assert period_end(first, years=years, months=months) <= period_end(
        second, years=years, months=months
    )


@given(DATES, DATES, st.integers(1, 5000))
def test_day_periods_are_monotone_in_start(a: date, b: date, n: int) -> None:
    first, second = sorted((a, b))
    assert period_end(first, days=n) <= period_end(second, days=n)


@given(DATES, st.integers(0, 40), st.integers(0, 11))
def test_end_is_after_start_on_a_corresponding_or_last_day(
    start: date, years: int, months: int
) -> None:
    assume(years or months)
    end = period_end(start, years=years, months=months)
    assert end > start
    assert (end.year - start.year) * 12 + end.month - start.month == years * 12 + months
    next_day = end + timedelta(days=1)
    assert end.day == start.day or (end.day < start.day and next_day.day == 1)


@given(DATES, st.integers(1, 5000))
def test_day_periods_count_exactly(start: date, n: int) -> None:
    end = period_end(start, days=n)
    assert (end - start).days == n


@given(st.dates(min_value=date(2008, 1, 1), max_value=date(2026, 11, 30)), st.integers(1, 30))
def test_last_day_is_the_next_working_day(start: date, n: int) -> None:
    result = period_end_on_working_day(start, days=n, calendar=CAL)
    assert result.warning is None
    assert result.last_day >= result.calendar_end
    assert CAL.is_working_day(result.last_day)
    assert result.moved == (not CAL.is_working_day(result.calendar_end))
    day = result.calendar_end
    while day < result.last_day:
        assert not CAL.is_working_day(day)
        day += timedelta(days=1)
