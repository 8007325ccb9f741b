"""The shipped mainland-China calendar against well-known facts of the State Council notices."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from innoreg.errors import ParameterError
from innoreg.rules.calendar import (
    CalendarCoverageError,
    CalendarDataError,
    HolidayCalendar,
)

CAL = HolidayCalendar.shipped()
FIRST, LAST = 2008, 2026


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(n) for n in range((last - first).days + 1)]


def test_covers_2008_through_2026() -> None:
    assert frozenset(range(FIRST, LAST + 1)) == CAL.years
    assert CAL.coverage == (date(FIRST, 1, 1), date(LAST, 12, 31))
    assert CAL.covers(date(2026, 12, 31))
    assert not CAL.covers(date(2027, 1, 1))
    assert not CAL.covers(date(2007, 12, 31))


def test_every_year_cites_its_notice() -> None:
    assert CAL.notices[2024][0].startswith("国办发明电〔2023〕7号")
    assert any("延长2020年春节假期" in n for n in CAL.notices[2020])
    assert any("调整2019年劳动节" in n for n in CAL.notices[2019])
    assert all(CAL.notices[year] for year in CAL.years)


@pytest.mark.parametrize(
    "d",
    [
        date(2024, 2, 4),  # Sunday before the 2024 Spring Festival
        date(2024, 2, 18),  # Sunday after it
        date(2024, 9, 29),  # Sunday before National Day
        date(2024, 10, 12),  # Saturday after it
        date(2025, 1, 26),
        date(2025, 2, 8),
        date(2011, 12, 31),  # arranged by the 2012 notice
        date(2018, 12, 29),  # arranged by the 2019 notice
        date(2015, 9, 6),  # Victory Day 70th anniversary swap
        date(2019, 5, 5),  # 2019 Labour Day as adjusted in March 2019
        date(2026, 1, 4),
    ],
)
def test_adjusted_weekend_working_days(d: date) -> None:
    assert d.weekday() >= 5
    assert CAL.is_working_day(d)


@pytest.mark.parametrize(
    ("first", "last", "name"),
    [
        (date(2024, 10, 1), date(2024, 10, 7), "国庆节"),
        (date(2024, 2, 10), date(2024, 2, 17), "春节"),
        (date(2025, 1, 28), date(2025, 2, 4), "春节"),
        (date(2020, 1, 24), date(2020, 2, 2), "春节"),  # extended for COVID-19
        (date(2022, 12, 31), date(2023, 1, 2), "元旦"),
        (date(2015, 9, 3), date(2015, 9, 5), "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"),
        (date(2019, 5, 1), date(2019, 5, 4), "劳动节"),
        (date(2013, 6, 10), date(2013, 6, 12), "端午节"),
    ],
)
def test_holiday_spans(first: date, last: date, name: str) -> None:
    for d in days(first, last):
        assert not CAL.is_working_day(d), d
        assert CAL.holiday_name(d) == name


def test_specific_facts() -> None:
    assert CAL.holiday_name(date(2023, 1, 2)) == "元旦"  # a Monday off
    assert not CAL.is_working_day(date(2020, 2, 1))  # Saturday work cancelled by the extension
    assert CAL.is_working_day(date(2020, 2, 3))
    assert CAL.is_working_day(date(2025, 1, 27))  # 2025 Spring Festival starts on the 28th
    assert CAL.is_working_day(date(2024, 10, 8))
    assert not CAL.is_working_day(date(2024, 10, 13))  # an ordinary Sunday
    assert CAL.holiday_name(date(2024, 10, 13)) is None
    assert CAL.is_working_day(date(2024, 10, 14))


@pytest.mark.parametrize("year", range(FIRST, LAST + 1))
def test_working_days_per_year_plausible(year: int) -> None:
    count = sum(CAL.is_working_day(d) for d in days(date(year, 1, 1), date(year, 12, 31)))
    assert 245 <= count <= 252


def test_weekday_holidays_less_weekend_work_is_the_statutory_allowance() -> None:
    """Per calendar year, weekdays off minus weekend days worked equals the statutory days.

    11 days from 2008 (State Council Decree 513), 13 from 2025 (the 2024 revision), with the
    one-off changes the notices made; an error in transcription breaks the balance.
    """
    net: dict[int, int] = dict.fromkeys(range(FIRST - 1, LAST + 1), 0)
    for d in CAL.rest_days:
        net[d.year] += d.weekday() < 5
    for d in CAL.adjusted_working_days:
        net[d.year] -= 1
    expected = {year: 11 if year < 2025 else 13 for year in range(FIRST, LAST + 1)}
    expected[2007] = 0  # 2007-12-31 off, 2007-12-29 worked: the 2008 New Year's swap
    expected[2011] -= 1  # 2011-12-31 worked for the 2012 New Year ...
    expected[2012] += 1  # ... and repaid with 2012-01-03
    expected[2015] += 1  # Victory Day, 70th anniversary (国发明电〔2015〕1号)
    expected[2020] += 2  # COVID-19 extension: Fri 31 Jan off, Sat 1 Feb no longer worked
    assert net == expected


def test_next_working_day() -> None:
    assert CAL.next_working_day(date(2024, 10, 1)) == date(2024, 10, 8)
    assert CAL.next_working_day(date(2024, 10, 8)) == date(2024, 10, 8)
    assert CAL.next_working_day(date(2024, 2, 3)) == date(2024, 2, 4)  # Saturday, Sunday works
    assert CAL.next_working_day(date(2020, 1, 24)) == date(2020, 2, 3)


def test_uncovered_year_is_an_error_not_a_guess() -> None:
    with pytest.raises(CalendarCoverageError, match="no data for 2031") as info:
        CAL.is_working_day(date(2031, 3, 3))
    assert isinstance(info.value, ParameterError)
    assert info.value.year == 2031
    with pytest.raises(CalendarCoverageError):
        CAL.next_working_day(date(2007, 6, 1))


def test_next_working_day_map_is_complete() -> None:
    mapping = CAL.next_working_day_map()
    first, last = CAL.coverage
    for d in days(first, last):
        if CAL.is_working_day(d):
            assert d not in mapping
        else:
            assert mapping[d] == CAL.next_working_day(d)
            assert CAL.is_working_day(mapping[d])
    mapping.clear()  # a copy: the calendar is unaffected
    assert CAL.next_working_day_map()


@given(st.dates(min_value=date(FIRST, 1, 1), max_value=date(LAST, 12, 31)))
def test_next_working_day_properties(d: date) -> None:
    nxt = CAL.next_working_day(d)
    assert nxt >= d
    assert CAL.is_working_day(nxt)
    assert not any(CAL.is_working_day(x) for x in days(d, nxt - timedelta(1)))


def test_shipped_is_cached() -> None:
    assert HolidayCalendar.shipped() is HolidayCalendar.shipped()


def _minimal(year: int = 2030) -> dict[int, dict[str, object]]:
    return {
        year: {
            "notices": ["test notice"],
            "holidays": [{"name": "元旦", "from": date(year, 12, 30), "to": date(year, 12, 31)}],
            "adjusted_working_days": [],
        }
    }


def test_coverage_stops_before_trailing_rest_days() -> None:
    cal = HolidayCalendar.from_mapping(_minimal())  # 2030-12-30/31 are Mon/Tue off
    assert cal.coverage == (date(2030, 1, 1), date(2030, 12, 27))
    assert not cal.is_working_day(date(2030, 12, 31))
    assert date(2030, 12, 30) not in cal.next_working_day_map()
    with pytest.raises(CalendarCoverageError, match="no data for 2031"):
        cal.next_working_day(date(2030, 12, 30))


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"adjusted_working_days": [date(2030, 1, 2)]}, "weekend"),
        ({"adjusted_working_days": ["2030-01-05x"]}, "not a date"),
        ({"notices": []}, "notices"),
        ({"colour": "red"}, "unknown keys"),
        ({"holidays": [{"name": "x", "from": date(2030, 5, 5), "to": date(2030, 5, 1)}]}, "span"),
        ({"holidays": [{"name": "x", "from": date(2030, 5, 1)}]}, "name, from, to"),
    ],
)
def test_malformed_data_is_rejected(patch: dict[str, object], message: str) -> None:
    data = _minimal()
    data[2030].update(patch)
    with pytest.raises(CalendarDataError, match=message):
        HolidayCalendar.from_mapping(data)


def test_gaps_and_clashes_are_rejected() -> None:
    data = _minimal(2030) | _minimal(2032)
    with pytest.raises(CalendarDataError, match="gaps"):
        HolidayCalendar.from_mapping(data)
    clash = _minimal()
    clash[2030]["adjusted_working_days"] = [date(2030, 12, 28)]
    clash[2030]["holidays"] = [{"name": "x", "from": date(2030, 12, 28), "to": date(2030, 12, 29)}]
    with pytest.raises(CalendarDataError, match="both rest and working"):
        HolidayCalendar.from_mapping(clash)


def test_bad_yaml_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("2030: [unclosed", encoding="utf-8")
    with pytest.raises(CalendarDataError, match="not valid YAML"):
        HolidayCalendar.from_yaml(path)
