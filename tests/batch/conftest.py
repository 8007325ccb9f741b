"""Shared pieces of the batch tests: a small synthetic city, the reform of the docs' example,
and one real Dask LocalCluster (2 worker processes) for the whole session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from innoreg.batch import Reform, synthesise

DATE = dt.date(2024, 6, 30)
ASSUMED = {"cn-ha-luoyang.in_force": dt.date(2015, 3, 1)}
REFORM = Path(__file__).resolve().parents[2] / "examples/reforms/threshold-and-deduction.yaml"
LAW: dict[str, Any] = {"jurisdiction": "luoyang", "date": DATE, "assumptions": ASSUMED}


@pytest.fixture(scope="session")
def city() -> pl.DataFrame:
    return synthesise(3_000, seed=11)


@pytest.fixture(scope="session")
def reform() -> Reform:
    return Reform.from_yaml(REFORM)


@pytest.fixture(scope="session")
def dask_scheduler() -> Iterator[str]:
    """The address of a real LocalCluster of 2 worker processes, shared by the session."""
    distributed = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.WARNING,
    ) as cluster:
        yield cluster.scheduler_address
