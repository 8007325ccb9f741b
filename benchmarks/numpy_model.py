"""A hand-written numpy model of innoreg's enterprise rules for Luoyang on 2024-06-30.

The baseline a competent engineer would write by hand: the parameters in force on that date as
constants, money in int64 fen, rates in int64 parts per million, every rule vectorised. It
shares nothing with innoreg but the reading of the rules (national R&D rules and Luoyang
arts. 7, 8 and 10 under the default interpretations), so agreeing with innoreg row for row is
a real check of both.

Not-applicable values are carried as a ``valid`` mask next to the values (``Column``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

RATE_SCALE = 1_000_000
FEN = 100

# Parameters in force on 2024-06-30 (national pack, Luoyang pack).
HIGHTECH_BANDS = ((50_000_000 * FEN, 50_000), (200_000_000 * FEN, 40_000))  # up to (incl.), ppm
HIGHTECH_TOP_RATE = 30_000
GENERAL_RATE = 1_000_000  # 2023 No. 7
MANUFACTURING_RATE = 1_000_000  # 2021 No. 13, section C
TECH_SME_RATE = 1_000_000  # 2022 No. 16, technology-based SMEs (the higher of it and the above)
IC_MACHINE_TOOL_RATE = 1_200_000  # 2023 No. 44, 2023-2027
EXCLUDED_INDUSTRIES = (b"C16", b"F", b"H", b"K", b"L", b"R90")  # 财税〔2015〕119号 art. 4
DESIGNATED_SIZE_LINE = 20_000_000 * FEN  # 国统字〔2010〕87号
SUPPORT_RATIO_ABOVE_SIZE = 10_000  # Luoyang art. 7 ¶1: 1 %

INDUSTRY_WIDTH = 8  # "C3911" fits; codes are held as |S8 and compared as uint64 words

BOOL_INPUTS = (
    "above_designated_size",
    "high_tech",
    "innovative_enterprise",
    "technology_innovation_demonstration",
    "integrated_circuit_or_machine_tool",
    "technology_based_sme",
)
COUNT_INPUTS = ("led_international_standards", "led_national_standards", "led_industry_standards")


@dataclass
class Column:
    values: np.ndarray
    valid: np.ndarray | None = None  # None: every row has a value


def inputs_from_frame(frame: pl.DataFrame) -> dict[str, np.ndarray]:
    """The model's input arrays from a population frame (money already in fen)."""
    arrays: dict[str, np.ndarray] = {
        name: frame[name].to_numpy() for name in ("sales_revenue", "rd_expense", *COUNT_INPUTS)
    }
    for name in BOOL_INPUTS:  # an input not given is false, as in innoreg
        given = frame[name].fill_null(False) if name in frame.columns else None
        arrays[name] = np.zeros(len(frame), bool) if given is None else given.to_numpy()
    arrays["industry"] = industry_bytes(frame["industry"])
    return arrays


def industry_bytes(series: pl.Series) -> np.ndarray:
    """Industry codes as fixed-width bytes; an unknown industry is the empty code."""
    return series.fill_null("").to_numpy().astype(f"S{INDUSTRY_WIDTH}")


def starts_with_any(codes: np.ndarray, prefixes: tuple[bytes, ...]) -> np.ndarray:
    """Prefix tests on |S8 codes as one masked compare of 64-bit words per prefix."""
    words = codes.view(np.uint64)
    hit = np.zeros(len(codes), dtype=bool)
    for prefix in prefixes:
        mask = np.frombuffer(b"\xff" * len(prefix) + b"\0" * (8 - len(prefix)), np.uint64)[0]
        value = np.frombuffer(prefix.ljust(8, b"\0"), np.uint64)[0]
        hit |= (words & mask) == value
    return hit


def split(fen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """An amount split at the rate scale, so that scaling stays inside int64."""
    whole, part = np.divmod(fen, RATE_SCALE)
    return whole, part


def scale(split_fen: tuple[np.ndarray, np.ndarray], ppm: np.ndarray, rounding: str) -> np.ndarray:
    """fen x ppm / 1e6 rounded to the fen ("ceil" or "half_up"), exact for fen >= 0."""
    whole, part = split_fen
    rest = part * ppm
    if rounding == "ceil":
        rest += RATE_SCALE - 1
        rest //= RATE_SCALE
    else:  # half up (四舍五入)
        rest *= 2
        rest += RATE_SCALE
        rest //= 2 * RATE_SCALE
    rest += whole * ppm
    return rest


def ratio(top: np.ndarray, bottom: np.ndarray) -> Column:
    valid = bottom != 0
    with np.errstate(divide="ignore", invalid="ignore"):
        values = top.astype(np.float64) / bottom.astype(np.float64)
    return Column(values, valid)


def hightech_rate(revenue: np.ndarray) -> np.ndarray:
    """The band's rate: each limit passed (revenue above it) steps to the next band's rate."""
    rates = [rate for _, rate in HIGHTECH_BANDS] + [HIGHTECH_TOP_RATE]
    result = np.full(len(revenue), rates[0], dtype=np.int64)
    for (limit, _), low, high in zip(HIGHTECH_BANDS, rates, rates[1:], strict=False):
        result += (revenue > limit) * np.int64(high - low)
    return result


def compute(x: dict[str, np.ndarray]) -> dict[str, Column]:
    """Every enterprise variable for every row."""
    revenue, rd, industry = x["sales_revenue"], x["rd_expense"], x["industry"]
    revenue_split = split(revenue)
    has_revenue = revenue > 0
    out: dict[str, Column] = {}

    intensity = ratio(rd, revenue)
    out["rd_intensity"] = intensity
    out["rd_intensity_for_support"] = intensity

    hightech_required = hightech_rate(revenue)
    out["hightech_rd_intensity_required"] = Column(hightech_required)
    hightech_floor = scale(revenue_split, hightech_required, "ceil")
    out["hightech_rd_ratio_met"] = Column(rd >= hightech_floor, has_revenue)

    manufacturing = starts_with_any(industry, (b"C",))
    rate = np.where(manufacturing, np.int64(MANUFACTURING_RATE), np.int64(GENERAL_RATE))
    sme = x["technology_based_sme"]
    rate = np.where(sme, np.maximum(rate, np.int64(TECH_SME_RATE)), rate)
    rate = np.where(x["integrated_circuit_or_machine_tool"], np.int64(IC_MACHINE_TOOL_RATE), rate)
    rate[starts_with_any(industry, EXCLUDED_INDUSTRIES)] = 0
    known_industry = industry != b""  # the industry decides the rate: none without it
    out["rd_super_deduction_rate"] = Column(rate, known_industry)
    out["rd_super_deduction"] = Column(scale(split(rd), rate, "half_up"), known_industry)

    industrial = starts_with_any(industry, (b"B", b"C", b"D"))
    out["above_designated_size_line_reached"] = Column(revenue >= DESIGNATED_SIZE_LINE, industrial)

    # The lowest ratio among the open routes (either route qualifies); masked where none is.
    above, high_tech = x["above_designated_size"], x["high_tech"]
    required = np.where(high_tech, hightech_required, np.int64(SUPPORT_RATIO_ABOVE_SIZE))
    np.minimum(required, SUPPORT_RATIO_ABOVE_SIZE, out=required, where=above)
    route = above | high_tech
    out["rd_intensity_required"] = Column(required, route)
    decided = route & has_revenue
    needed = scale(revenue_split, required, "ceil")
    out["support_eligible"] = Column(decided & (rd >= needed))
    needed -= rd
    out["rd_shortfall"] = Column(np.maximum(needed, 0, out=needed), decided)

    out["support_priority"] = Column(
        x["innovative_enterprise"] | x["technology_innovation_demonstration"]
    )
    out["standard_setting_reward_eligible"] = Column(
        (x["led_international_standards"] > 0)
        | (x["led_national_standards"] > 0)
        | (x["led_industry_standards"] > 0)
    )
    return out


def to_frame(columns: dict[str, Column]) -> pl.DataFrame:
    """Results as a polars frame, not-applicable rows as nulls (for comparison)."""
    series = []
    for name, column in columns.items():
        values = pl.Series(name, column.values)
        if column.valid is not None:
            values = pl.select(
                pl.when(pl.Series(column.valid)).then(pl.lit(values)).otherwise(None).alias(name)
            ).to_series()
        series.append(values)
    return pl.DataFrame(series)
