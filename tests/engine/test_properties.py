"""Properties of the engine that must hold for any case, checked on generated ones.

(a) One row decided as a case equals the same row decided in a population (the scalar and the
    columnar backends compile the same law), for every entity kind of Luoyang and Liaoning,
    every variable, any date from 2007 to 2030 and any choice of interpretations.
(b) More R&D never costs an enterprise its eligibility for support, nor its compliance with the
    R&D obligation, and never increases the shortfall.
(c) The shortfall is exact: adding it to the R&D expense makes the enterprise eligible, and one
    fen less does not. (And likewise for a transfer's cash reward.)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import polars as pl
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from innoreg.engine import evaluate_case
from innoreg.engine.plan import plan_for
from innoreg.engine.population import evaluate_population
from innoreg.rules.inputs import InputSpec
from innoreg.rules.money import MONEY_MAX_FEN, QUANTITY_MAX_UNITS, format_money, format_quantity
from innoreg.rules.registry import registry

JURISDICTIONS = ("cn-ha-luoyang", "cn-ln")
FIRST_DAY, LAST_DAY = dt.date(2007, 1, 1), dt.date(2030, 12, 31)
BATCH = 16
FLOAT_TOLERANCE = 1e-12
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

YUAN = 100
BOUNDARY_FEN = [
    0,
    1,
    5,
    100,
    5_000_000 * YUAN - 1,
    5_000_000 * YUAN,
    20_000_000 * YUAN - 1,
    20_000_000 * YUAN,
    50_000_000 * YUAN - 1,
    50_000_000 * YUAN,
    50_000_000 * YUAN + 1,
    200_000_000 * YUAN - 1,
    200_000_000 * YUAN,
    200_000_000 * YUAN + 1,
    1_000_000_005,  # 10,000,000.05
    5_924_015_700,  # 59,240,157.00
    59_240_157,  # 592,401.57
]
INDUSTRIES = ["A", "B", "C", "C16", "C1610", "C17", "D", "F", "H", "I", "K", "L", "R86", "R90"]


def money_fen(largest: int = MONEY_MAX_FEN) -> st.SearchStrategy[int]:
    """Amounts in fen: the boundaries of the law, small amounts, any amount up to ``largest``."""
    return st.one_of(
        st.sampled_from([f for f in BOUNDARY_FEN if f <= largest]),
        st.integers(0, 10_000),
        st.integers(0, min(largest, 1_000_000_000 * YUAN)),
        st.integers(0, largest),
    )


def input_value(spec: InputSpec, largest_fen: int) -> st.SearchStrategy[Any]:
    """A value of an input as the engine holds it (fen for money); None leaves it out."""
    kind = spec.type
    if kind == "money":
        return st.none() | money_fen(largest_fen)
    if kind == "quantity":
        return (
            st.none()
            | st.sampled_from([0, 1, 333_000, 500_000])
            | st.integers(0, QUANTITY_MAX_UNITS)
        )
    if kind == "year":
        return st.none() | st.integers(2005, 2030)
    if kind == "bool":
        return st.none() | st.booleans()
    if kind == "date":
        return st.none() | st.dates(dt.date(2003, 1, 1), LAST_DAY)
    if kind == "count":
        return st.none() | st.integers(0, 3)
    if kind == "industry":
        return st.none() | st.sampled_from(INDUSTRIES)
    return st.none() | st.sampled_from(list(spec.values))


def inputs_of(jurisdiction: str, entity: str) -> dict[str, InputSpec]:
    return plan_for(jurisdiction, dt.date(2024, 6, 30)).entities[entity].inputs


@st.composite
def rows(
    draw: st.DrawFn, jurisdiction: str, entity: str, largest_fen: int = MONEY_MAX_FEN
) -> list[dict[str, Any]]:
    specs = inputs_of(jurisdiction, entity)
    count = draw(st.integers(1, BATCH))
    return [
        {name: draw(input_value(spec, largest_fen)) for name, spec in specs.items()}
        for _ in range(count)
    ]


@st.composite
def readings(draw: st.DrawFn, jurisdiction: str) -> dict[str, str]:
    """Any choice of options for the interpretations known in ``jurisdiction``."""
    known = [i for pack in registry().chain(jurisdiction) for i in pack.interpretations]
    return {i.name: draw(st.sampled_from(sorted(i.options))) for i in known}


ENTITY_KINDS = [
    (jurisdiction, entity)
    for jurisdiction in JURISDICTIONS
    for entity in sorted(plan_for(jurisdiction, LAST_DAY).entities)
]


Scenario = tuple[str, str, dt.date, dict[str, str], list[dict[str, Any]], dict[str, dt.date]]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    jurisdiction, entity = draw(st.sampled_from(ENTITY_KINDS))
    date = draw(st.dates(FIRST_DAY, LAST_DAY))
    assumed: dict[str, dt.date] = {}
    if jurisdiction == "cn-ha-luoyang" and draw(st.booleans()):  # an assumed in-force date
        assumed["cn-ha-luoyang.in_force"] = draw(st.dates(dt.date(2014, 7, 1), dt.date(2016, 1, 1)))
    return (
        jurisdiction,
        entity,
        date,
        draw(readings(jurisdiction)),
        draw(rows(jurisdiction, entity)),
        assumed,
    )


def case_of(
    jurisdiction: str,
    entity: str,
    date: dt.date,
    batch: list[dict[str, Any]],
    assumptions: dict[str, dt.date] | None = None,
) -> dict[str, Any]:
    """The rows as a case document: money as yuan strings, dates as ISO strings."""
    specs = inputs_of(jurisdiction, entity)
    plural = plan_for(jurisdiction, date).entities[entity].kind.plural
    entities = []
    for index, row in enumerate(batch):
        public: dict[str, Any] = {"id": f"r{index}"}
        for name, value in row.items():
            if value is None:
                continue
            if specs[name].type == "money":
                value = format_money(value)
            elif specs[name].type == "quantity":
                value = format_quantity(value)
            elif isinstance(value, dt.date):
                value = value.isoformat()
            public[name] = value
        entities.append(public)
    case: dict[str, Any] = {
        "jurisdiction": jurisdiction,
        "date": date.isoformat(),
        plural: entities,
    }
    if assumptions:
        case["assumptions"] = {k: v.isoformat() for k, v in assumptions.items()}
    return case


POLARS_TYPES: dict[str, Callable[[], pl.DataType]] = {
    "money": lambda: pl.Decimal(38, 2),
    "quantity": lambda: pl.Decimal(38, 6),
    "year": pl.Int64,
    "bool": pl.Boolean,
    "date": pl.Date,
    "count": pl.Int64,
    "industry": pl.String,
    "enum": pl.String,
}


def frame_of(jurisdiction: str, entity: str, batch: list[dict[str, Any]]) -> pl.DataFrame:
    """The rows as a population: money as yuan decimals."""
    specs = inputs_of(jurisdiction, entity)
    columns: dict[str, pl.Series] = {
        "id": pl.Series("id", [f"r{i}" for i in range(len(batch))], dtype=pl.String)
    }
    for name, spec in specs.items():
        values = [row[name] for row in batch]
        if spec.type == "money":
            values = [None if v is None else Decimal(v).scaleb(-2) for v in values]
        elif spec.type == "quantity":
            values = [None if v is None else Decimal(v).scaleb(-6) for v in values]
        columns[name] = pl.Series(name, values, dtype=POLARS_TYPES[spec.type]())
    return pl.DataFrame(columns)


def public_from_population(value: Any, unit: str) -> Any:
    """A population's cell in the public vocabulary of a case's results."""
    if isinstance(value, Decimal) and unit == "quantity":
        return format_quantity(int(value.scaleb(6)))
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def same_value(one: Any, many: Any) -> bool:
    """Equal and of the same type; floats to within 1e-12 (rates exactly: see the test below)."""
    if type(one) is not type(many):
        return False
    if isinstance(one, float):
        return abs(one - many) <= FLOAT_TOLERANCE
    return bool(one == many)


def row_messages(warnings: list[str], prefix: str) -> set[str]:
    return {re.sub(prefix, "", w) for w in warnings}


@SETTINGS
@given(scenarios())
def test_one_row_decided_alone_equals_the_same_row_decided_in_a_population(
    scenario: Scenario,
) -> None:
    jurisdiction, entity, date, interpretations, batch, assumed = scenario
    event(f"{jurisdiction} {entity}")
    decided = evaluate_case(
        case_of(jurisdiction, entity, date, batch, assumed), interpretations=interpretations
    )
    population = evaluate_population(
        frame_of(jurisdiction, entity, batch),
        jurisdiction=jurisdiction,
        date=date,
        entity=entity,
        interpretations=interpretations,
        money="yuan",
        assumptions=assumed,
    )
    units = {v.spec.name: v.spec.unit for v in population.plan.entities[entity].variables}
    for index, row in enumerate(population.frame.iter_rows(named=True)):
        one = decided["results"][f"r{index}"]
        for name, unit in units.items():
            many = public_from_population(row[name], unit)
            assert same_value(one[name], many), (name, batch[index])
    assert row_messages(decided["warnings"], r"^r\d+: ") == row_messages(
        population.warnings, r"^\d+ rows?: "
    )


def test_a_population_gives_the_same_float_for_a_rate_as_a_case() -> None:
    revenues = ["30000000.00", "100000000.00", "300000000.00"]  # the 5 %, 4 % and 3 % bands
    case = {
        "jurisdiction": "cn-ln",
        "date": "2020-06-30",
        "enterprises": [{"id": f"e{i}", "sales_revenue": r} for i, r in enumerate(revenues)],
    }
    results = evaluate_case(case)["results"]
    one = [results[f"e{i}"]["hightech_rd_intensity_required"] for i in range(len(revenues))]
    frame = pl.DataFrame({"sales_revenue": [Decimal(r) for r in revenues]})
    many = evaluate_population(frame, jurisdiction="cn-ln", date=dt.date(2020, 6, 30)).frame
    assert one == [0.05, 0.04, 0.03]
    assert many["hightech_rd_intensity_required"].to_list() == one


# More R&D is never worse ---------------------------------------------------------------------

LARGEST_INPUT = MONEY_MAX_FEN // 4  # room to add R&D without leaving the accepted range


def with_more_rd(row: dict[str, Any], extra_fen: int) -> dict[str, Any]:
    """The same enterprise having spent ``extra_fen`` more on R&D this year (which also adds
    to its three-year total, where the case gives one)."""
    more = dict(row)
    more["rd_expense"] = (row["rd_expense"] or 0) + extra_fen
    if row.get("rd_expense_3y") is not None:
        more["rd_expense_3y"] = row["rd_expense_3y"] + extra_fen
    return more


@st.composite
def enterprises(
    draw: st.DrawFn,
) -> tuple[str, dt.date, dict[str, str], list[dict[str, Any]]]:
    jurisdiction = draw(st.sampled_from(JURISDICTIONS))
    return (
        jurisdiction,
        draw(st.dates(FIRST_DAY, LAST_DAY)),
        draw(readings(jurisdiction)),
        draw(rows(jurisdiction, "enterprise", LARGEST_INPUT)),
    )


def decide(
    jurisdiction: str,
    entity: str,
    date: dt.date,
    interpretations: Mapping[str, str],
    batch: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    case = case_of(jurisdiction, entity, date, batch)
    results = evaluate_case(case, interpretations=interpretations)["results"]
    return [results[f"r{i}"] for i in range(len(batch))]


def never_lost(before: bool | None, after: bool | None) -> bool:
    return before is not True or after is True


@SETTINGS
@given(enterprises(), st.lists(money_fen(LARGEST_INPUT), min_size=BATCH, max_size=BATCH))
def test_more_rd_never_loses_support_or_the_obligation_and_never_raises_the_shortfall(
    scenario: tuple[str, dt.date, dict[str, str], list[dict[str, Any]]], extras: list[int]
) -> None:
    jurisdiction, date, interpretations, batch = scenario
    more = [with_more_rd(row, extra) for row, extra in zip(batch, extras, strict=False)]
    before = decide(jurisdiction, "enterprise", date, interpretations, batch)
    after = decide(jurisdiction, "enterprise", date, interpretations, more)
    for was, now in zip(before, after, strict=True):
        for name in ("support_eligible", "rd_obligation_met", "hightech_rd_ratio_met"):
            if name in was:
                assert never_lost(was[name], now[name]), name
        if "rd_shortfall" in was:
            assert (was["rd_shortfall"] is None) == (now["rd_shortfall"] is None)
            if was["rd_shortfall"] is not None:
                assert Decimal(now["rd_shortfall"]) <= Decimal(was["rd_shortfall"])


# The shortfall is exact ----------------------------------------------------------------------


def fen(amount: str) -> int:
    return int(Decimal(amount) * 100)


@SETTINGS
@given(
    st.dates(FIRST_DAY, LAST_DAY),
    readings("cn-ha-luoyang"),
    rows("cn-ha-luoyang", "enterprise", LARGEST_INPUT),
)
def test_adding_the_shortfall_makes_an_enterprise_eligible_and_one_fen_less_does_not(
    date: dt.date, interpretations: dict[str, str], batch: list[dict[str, Any]]
) -> None:
    before = decide("cn-ha-luoyang", "enterprise", date, interpretations, batch)
    short = [
        (row, fen(result["rd_shortfall"]))
        for row, result in zip(batch, before, strict=True)
        if result["rd_shortfall"] not in (None, "0.00")
    ]
    for result in before:
        assert (result["rd_shortfall"] == "0.00") is (result["support_eligible"] is True)
    event("an enterprise short of eligibility" if short else "no enterprise short")
    if not short:
        return
    enough = [with_more_rd(row, gap) for row, gap in short]
    a_fen_less = [with_more_rd(row, gap - 1) for row, gap in short]
    for result in decide("cn-ha-luoyang", "enterprise", date, interpretations, enough):
        assert result["support_eligible"] is True
        assert result["rd_shortfall"] == "0.00"
    for result in decide("cn-ha-luoyang", "enterprise", date, interpretations, a_fen_less):
        assert result["support_eligible"] is False
        assert result["rd_shortfall"] == "0.01"


@SETTINGS
@given(
    st.dates(FIRST_DAY, LAST_DAY),
    readings("cn-ha-luoyang"),
    rows("cn-ha-luoyang", "transfer", LARGEST_INPUT),
)
def test_adding_the_reward_shortfall_makes_a_cash_reward_compliant_and_one_fen_less_does_not(
    date: dt.date, interpretations: dict[str, str], batch: list[dict[str, Any]]
) -> None:
    before = decide("cn-ha-luoyang", "transfer", date, interpretations, batch)
    short = [
        (row, fen(result["transfer_reward_shortfall"]))
        for row, result in zip(batch, before, strict=True)
        if result["transfer_reward_shortfall"] not in (None, "0.00")
    ]
    event("a reward short of the minimum" if short else "no reward short")
    if not short:
        return
    enough = [{**row, "reward_cash": (row["reward_cash"] or 0) + gap} for row, gap in short]
    a_fen_less = [{**row, "reward_cash": (row["reward_cash"] or 0) + gap - 1} for row, gap in short]
    for result in decide("cn-ha-luoyang", "transfer", date, interpretations, enough):
        assert result["transfer_reward_compliant"] is True
    for result in decide("cn-ha-luoyang", "transfer", date, interpretations, a_fen_less):
        assert result["transfer_reward_compliant"] is False
