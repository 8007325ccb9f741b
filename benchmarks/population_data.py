"""A deterministic synthetic population of enterprises for the benchmarks.

Money is integer fen (``Int64``), the unit ``evaluate_population(..., money="fen")`` takes.
The mix is meant to look like a city's enterprise register and to hit every branch of the
enterprise rules: revenue log-normal between 1 M and 5 B yuan (plus a few enterprises without
revenue), R&D between 0 and 8 % of revenue with some exactly on (and one fen below) the ratios
that decide support, revenue exactly on the bracket limits, and an industry mix that includes
the super-deduction's excluded industries (C16, F, H, K, L, R90), their near misses (C13, R86)
and unknown industries (null).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import polars as pl

SEED = 20240630
FEN_PER_YUAN = 100

# (code, weight): GB/T 4754 sections and a few divisions; None is an unknown industry.
INDUSTRIES: tuple[tuple[str | None, float], ...] = (
    ("C", 0.20),
    ("C13", 0.03),
    ("C16", 0.005),
    ("C34", 0.05),
    ("C39", 0.07),
    ("B", 0.01),
    ("D", 0.02),
    ("E", 0.03),
    ("F", 0.12),
    ("G", 0.03),
    ("H", 0.03),
    ("I", 0.12),
    ("I65", 0.05),
    ("K", 0.04),
    ("L", 0.04),
    ("M", 0.08),
    ("R86", 0.005),
    ("R90", 0.005),
    (None, 0.05),
)

# Revenue limits of the rules (yuan) that the population puts rows exactly on.
REVENUE_EDGES_YUAN = (20_000_000, 50_000_000, 200_000_000)
# Ratios (ppm) that decide support: above designated size 1 %, high-tech 5 %, 4 %, 3 %.
RATIO_EDGES_PPM = (10_000, 30_000, 40_000, 50_000)


def _ceil_scale(fen: np.ndarray, ppm: np.ndarray) -> np.ndarray:
    whole, part = np.divmod(fen, 1_000_000)
    return whole * ppm + -((-part * ppm) // 1_000_000)


def _chunk(n: int, rng: np.random.Generator) -> dict[str, np.ndarray | list[str | None]]:
    # Sales revenue: log-normal around 30 M yuan, kept within 1 M .. 5 B yuan.
    yuan = np.clip(rng.lognormal(np.log(3.0e7), 1.6, n), 1.0e6, 5.0e9)
    revenue = (yuan * FEN_PER_YUAN).astype(np.int64)
    on_edge = rng.random(n) < 0.01
    edges = np.array(REVENUE_EDGES_YUAN, dtype=np.int64) * FEN_PER_YUAN
    revenue[on_edge] = edges[rng.integers(0, len(edges), int(on_edge.sum()))]
    revenue[rng.random(n) < 0.005] = 0  # no sales yet

    # R&D expense: none for a fifth, else 0-8 % of revenue (more mass at low ratios).
    share = rng.beta(1.3, 6.0, n) * 0.08
    rd = (revenue * share).astype(np.int64)
    rd[rng.random(n) < 0.2] = 0
    exact = rng.random(n) < 0.03  # exactly on a ratio, or one fen below it
    ppm = np.array(RATIO_EDGES_PPM, dtype=np.int64)[rng.integers(0, 4, n)]
    at_ratio = _ceil_scale(revenue, ppm) - (rng.random(n) < 0.5)
    rd = np.where(exact, np.maximum(at_ratio, 0), rd)
    rd[(revenue == 0) & (rng.random(n) < 0.5)] = 12_345  # R&D spent before the first sale

    big = revenue >= 2_000_000_000
    codes = [c for c, _ in INDUSTRIES]
    weights = np.array([w for _, w in INDUSTRIES])
    picks = rng.choice(len(codes), size=n, p=weights / weights.sum())
    return {
        "sales_revenue": revenue,
        "rd_expense": rd,
        "above_designated_size": np.where(big, rng.random(n) < 0.85, rng.random(n) < 0.05),
        "high_tech": rng.random(n) < 0.15,
        "innovative_enterprise": rng.random(n) < 0.05,
        "technology_innovation_demonstration": rng.random(n) < 0.02,
        "integrated_circuit_or_machine_tool": rng.random(n) < 0.03,
        "technology_based_sme": rng.random(n) < 0.10,
        "led_international_standards": (rng.random(n) < 0.002).astype(np.int64),
        "led_national_standards": rng.poisson(0.02, n).astype(np.int64),
        "led_industry_standards": rng.poisson(0.06, n).astype(np.int64),
        "industry_index": picks,
    }


def generate(n: int, seed: int = SEED, chunk: int = 0) -> pl.DataFrame:
    """``n`` enterprises, the same for the same ``n``, ``seed`` and ``chunk``."""
    rng = np.random.default_rng([seed, chunk])
    data = _chunk(n, rng)
    picks = data.pop("industry_index")
    assert isinstance(picks, np.ndarray)
    categories = pl.Series("c", [c for c, _ in INDUSTRIES], dtype=pl.String)
    industry = categories.gather(pl.Series(picks, dtype=pl.UInt32)).alias("industry")
    frame = pl.DataFrame(
        {name: pl.Series(name, values) for name, values in data.items()}
    ).with_columns(
        pl.col("sales_revenue", "rd_expense", "^led_.*$").cast(pl.Int64),
        industry,
    )
    return frame.select(
        "sales_revenue",
        "rd_expense",
        "industry",
        "above_designated_size",
        "high_tech",
        "innovative_enterprise",
        "technology_innovation_demonstration",
        "integrated_circuit_or_machine_tool",
        "technology_based_sme",
        "^led_.*$",
    )


def data_dir() -> Path:
    """Where Parquet files are kept between runs (``INNOREG_BENCH_DATA`` or a temp folder)."""
    default = Path(os.environ.get("TMPDIR", "/tmp")) / "innoreg-bench"
    return Path(os.environ.get("INNOREG_BENCH_DATA", default))


def write_parquet(n: int, seed: int = SEED, chunk_rows: int = 1_000_000) -> Path:
    """Write ``n`` enterprises as Parquet files of ``chunk_rows`` each, generated chunk by chunk
    so memory stays bounded; returns the folder (reused when it already holds them)."""
    version = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]  # this generator's
    folder = data_dir() / f"enterprises-{n}-{seed}-{version}"
    done = folder / "COMPLETE"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for index, start in enumerate(range(0, n, chunk_rows)):
        rows = min(chunk_rows, n - start)
        generate(rows, seed, chunk=index).write_parquet(
            folder / f"part-{index:05d}.parquet", row_group_size=256 * 1024
        )
    done.write_text(f"{n}\n")
    return folder


def parquet_glob(folder: Path) -> str:
    return str(folder / "part-*.parquet")
