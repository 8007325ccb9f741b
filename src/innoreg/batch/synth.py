"""A synthetic Luoyang: a register of enterprises with the public input names, a district and a
size class, shaped like the city (manufacturing-heavy, mining in the mountain counties,
petrochemicals in Jili, software and research in Luolong) and meant to exercise the rules:
heavy-tailed revenue, R&D intensity clustered near the 1 % line and the high-tech bands, and
some enterprises exactly on a line. Deterministic for a seed: the same ``n`` and ``seed`` give
the same table on any machine (numpy's PCG64).

The figures are invented; only their shapes are meant to be plausible.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from innoreg.batch.places import DISTRICTS

FEN = 100
DEFAULT_SEED = 2024

# Share of the city's enterprises in each district or county.
DISTRICT_WEIGHTS: dict[str, float] = {
    "洛龙区": 0.20,
    "涧西区": 0.15,
    "西工区": 0.09,
    "老城区": 0.05,
    "瀍河回族区": 0.04,
    "偃师区": 0.10,
    "孟津区": 0.07,
    "吉利区": 0.02,
    "新安县": 0.05,
    "宜阳县": 0.05,
    "洛宁县": 0.03,
    "伊川县": 0.06,
    "嵩县": 0.03,
    "栾川县": 0.04,
    "汝阳县": 0.02,
}

# GB/T 4754 divisions and their share of the city (manufacturing about half); None: not given.
INDUSTRY_WEIGHTS: dict[str | None, float] = {
    "C13": 0.020,
    "C14": 0.010,
    "C16": 0.001,
    "C17": 0.010,
    "C22": 0.005,
    "C25": 0.004,
    "C26": 0.020,
    "C27": 0.010,
    "C29": 0.015,
    "C30": 0.040,
    "C31": 0.010,
    "C32": 0.030,
    "C33": 0.040,
    "C34": 0.070,
    "C35": 0.060,
    "C36": 0.020,
    "C37": 0.015,
    "C38": 0.030,
    "C39": 0.020,
    "C40": 0.010,
    "B09": 0.020,
    "B10": 0.010,
    "D44": 0.015,
    "E48": 0.050,
    "F51": 0.080,
    "F52": 0.040,
    "G54": 0.030,
    "H61": 0.010,
    "H62": 0.010,
    "I63": 0.005,
    "I64": 0.015,
    "I65": 0.040,
    "K70": 0.020,
    "L72": 0.030,
    "M73": 0.020,
    "M74": 0.020,
    "M75": 0.040,
    "N77": 0.005,
    "R86": 0.003,
    "R90": 0.004,
    None: 0.010,
}

# Where a district leans: industry code prefix -> factor on its share.
DISTRICT_LEANINGS: dict[str, dict[str, float]] = {
    "栾川县": {"B": 12.0, "C32": 3.0},
    "嵩县": {"B": 8.0},
    "汝阳县": {"B": 3.0},
    "吉利区": {"C25": 30.0, "C26": 5.0},
    "涧西区": {"C34": 2.0, "C35": 2.0, "C37": 2.0, "C38": 1.5},
    "洛龙区": {"I": 2.5, "M": 2.5},
    "新安县": {"C30": 2.0, "C31": 2.0},
    "伊川县": {"C30": 2.0, "D": 2.0},
    "偃师区": {"C33": 2.0},
}

TECH_INDUSTRIES = ("C26", "C27", "C34", "C35", "C36", "C37", "C38", "C39", "C40", "I", "M73")
MACHINE_TOOL_OR_CHIP = ("C34", "C35", "C39")
INDUSTRIAL = ("B", "C", "D")

# Revenue lines of the size classes (yuan; the industrial lines of the statistical standard).
SIZE_LINES_YUAN = ((3_000_000, "micro"), (20_000_000, "small"), (400_000_000, "medium"))
DESIGNATED_SIZE_LINE_YUAN = 20_000_000
# High-tech bands (2016 measures) the R&D of high-tech enterprises clusters around.
HIGHTECH_BANDS = ((50_000_000, 0.05), (200_000_000, 0.04), (None, 0.03))
SUPPORT_LINE = 0.01


def synthesise(n: int, seed: int = DEFAULT_SEED) -> pl.DataFrame:
    """``n`` enterprises of a synthetic Luoyang, the same for the same ``n`` and ``seed``."""
    if n < 0:
        raise ValueError("n must not be negative")
    rng = np.random.default_rng(seed)
    districts = list(DISTRICT_WEIGHTS)
    district = _draw(rng, np.array(list(DISTRICT_WEIGHTS.values())), n)
    codes = list(INDUSTRY_WEIGHTS)
    industry = _industries(rng, district, districts, codes)
    tech = _flags(codes, TECH_INDUSTRIES)[industry]
    industrial = _flags(codes, INDUSTRIAL)[industry]

    revenue = _revenue_fen(rng, n, industrial)
    size = np.searchsorted(np.array([y for y, _ in SIZE_LINES_YUAN]) * FEN, revenue, side="right")
    large = size >= 2  # medium or large
    above = np.where(
        revenue >= DESIGNATED_SIZE_LINE_YUAN * FEN,
        rng.random(n) < np.where(industrial, 0.95, 0.7),
        rng.random(n) < 0.03,
    )
    high_tech = rng.random(n) < np.where(tech, 0.18, 0.02) * np.where(large, 1.5, 1.0)
    rd = _rd_fen(rng, revenue, above, high_tech)
    return pl.DataFrame(
        {
            "id": pl.int_range(1, n + 1, eager=True).cast(pl.String).str.zfill(7),
            "district": pl.Series(districts, dtype=pl.String).gather(district),
            "size_class": pl.Series(["micro", "small", "medium", "large"]).gather(size),
            "industry": pl.Series(codes, dtype=pl.String).gather(industry),
            "sales_revenue": _yuan(revenue),
            "rd_expense": _yuan(rd),
            "above_designated_size": above,
            "high_tech": high_tech,
            "innovative_enterprise": rng.random(n) < np.where(high_tech, 0.10, 0.01),
            "technology_innovation_demonstration": rng.random(n)
            < np.where(high_tech & large, 0.04, 0.002),
            "integrated_circuit_or_machine_tool": _flags(codes, MACHINE_TOOL_OR_CHIP)[industry]
            & (rng.random(n) < 0.08),
            "technology_based_sme": ~(size == 3) & (rd > 0) & (rng.random(n) < 0.3 * tech + 0.02),
            "led_international_standards": rng.poisson(np.where(large, 0.01, 0.0005)),
            "led_national_standards": rng.poisson(np.where(large, 0.05, 0.003)),
            "led_industry_standards": rng.poisson(np.where(large, 0.12, 0.01)),
        }
    ).with_columns(
        pl.format("LY{}", "id").alias("id"),
        pl.col("^led_.*$").cast(pl.Int64),
    )


def write_population(frame: pl.DataFrame, path: Path | str) -> Path:
    """A population to CSV or Parquet by the file's extension."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".parquet":
        frame.write_parquet(target, row_group_size=256 * 1024)
    elif suffix == ".csv":
        frame.write_csv(target)
    else:
        from innoreg.errors import InputError

        raise InputError(f"{target.name}: write .csv or .parquet", field="output")
    return target


def _draw(rng: np.random.Generator, weights: np.ndarray, n: int) -> np.ndarray:
    cumulative = np.cumsum(weights / weights.sum())
    picks: np.ndarray = np.searchsorted(cumulative, rng.random(n), side="right")
    bounded: np.ndarray = np.minimum(picks, len(weights) - 1)
    return bounded


def _industries(
    rng: np.random.Generator, district: np.ndarray, districts: list[str], codes: list[str | None]
) -> np.ndarray:
    """Each enterprise's industry, drawn from its district's leaning of the city's mix."""
    base = np.array(list(INDUSTRY_WEIGHTS.values()))
    industry = np.empty(len(district), dtype=np.int64)
    for index, name in enumerate(districts):
        weights = base.copy()
        for prefix, factor in DISTRICT_LEANINGS.get(name, {}).items():
            weights *= np.where(_flags(codes, (prefix,)), factor, 1.0)
        rows = np.flatnonzero(district == index)
        industry[rows] = _draw(rng, weights, len(rows))
    return industry


def _flags(codes: list[str | None], prefixes: tuple[str, ...]) -> np.ndarray:
    """For each industry code (by index): does it start with one of ``prefixes``?"""
    return np.array([c is not None and c.startswith(prefixes) for c in codes], dtype=bool)


def _revenue_fen(rng: np.random.Generator, n: int, industrial: np.ndarray) -> np.ndarray:
    """Log-normal around 3 M yuan (industry nearly twice that), with a Pareto tail of large
    firms, kept between 50,000 yuan and 50 B yuan; to the fen."""
    body = rng.lognormal(np.log(3.0e6), 1.5, n) * np.where(industrial, 1.8, 1.0)
    tail = 1.0e8 * (1.0 + rng.pareto(1.1, n))
    yuan = np.clip(np.where(rng.random(n) < 0.02, tail, body), 5.0e4, 5.0e10)
    return np.round(yuan * FEN).astype(np.int64)


def _rd_fen(
    rng: np.random.Generator, revenue: np.ndarray, above: np.ndarray, high_tech: np.ndarray
) -> np.ndarray:
    """R&D intensity: high-tech enterprises just around their band's ratio, enterprises above
    designated size around 1 %, the rest spread thinly; some exactly on their line (to the
    fen, rounded up) and some one fen below it."""
    n = len(revenue)
    band = np.select(
        [revenue <= 50_000_000 * FEN, revenue <= 200_000_000 * FEN], [0.05, 0.04], 0.03
    )
    spread = rng.lognormal(np.log(0.006), 0.8, n)
    near_line = rng.normal(0.0105, 0.003, n)
    roll = rng.random(n)
    intensity = np.where(
        high_tech,
        band + rng.normal(0.004, 0.006, n),
        np.where(
            above,
            np.select([roll < 0.25, roll < 0.75], [0.0, near_line], spread),
            np.where(roll < 0.55, 0.0, spread),
        ),
    )
    intensity = np.clip(intensity, 0.0, 0.25)
    rd = np.round(revenue * intensity).astype(np.int64)
    line = np.where(high_tech, band, SUPPORT_LINE)
    on_line = (rng.random(n) < 0.02) & (rd > 0)
    exact = -((-revenue * np.round(line * 1_000_000).astype(np.int64)) // 1_000_000)
    below = rng.random(n) < 0.3
    rd = np.where(on_line, np.maximum(exact - below, 0), rd)
    return rd


def _yuan(fen: np.ndarray) -> pl.Series:
    """Integer fen -> exact yuan (Decimal with two places)."""
    return pl.Series(fen, dtype=pl.Int64).cast(pl.Decimal(38, 0)).cast(pl.Decimal(38, 2)) / FEN


assert set(DISTRICT_WEIGHTS) == set(DISTRICTS), "every district of Luoyang, and no other"
