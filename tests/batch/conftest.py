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
REFORM = {
    "name": "threshold-1.5-and-deduction-120",
    "parameters": {
        "luoyang.support_rd_intensity_above_designated_size": [
            {"from": "2024-01-01", "value": 0.015}
        ],
        "cn.super_deduction.general_rate": [{"from": "2024-01-01", "value": 1.2}],
    },
}
LAW: dict[str, Any] = {"jurisdiction": "luoyang", "date": DATE, "assumptions": ASSUMED}


@pytest.fixture(scope="session")
def city() -> pl.DataFrame:
    return synthesise(3_000, seed=11)


@pytest.fixture(scope="session")
def reform() -> Reform:
    return Reform.from_mapping(REFORM)


@pytest.fixture(scope="session")
def reform_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import yaml

    path = tmp_path_factory.mktemp("reform") / "reform.yaml"
    path.write_text(yaml.safe_dump(REFORM), encoding="utf-8")
    return path


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
