"""The Dask engine on a real LocalCluster of 2 worker processes: one task per Parquet
partition, each writing its own part; the results equal the local run's, row for row."""

from pathlib import Path

import polars as pl
import pytest

from innoreg.batch import InvalidRowsError, Reform, simulate

from .conftest import LAW


@pytest.fixture(scope="module")
def partitioned(city: pl.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("partitioned")
    for index, start in enumerate(range(0, city.height, 1_000)):
        city.slice(start, 1_000).write_parquet(folder / f"part-{index}.parquet")
    return folder


def test_the_cluster_gives_the_local_rows_and_summaries(
    partitioned: Path, reform: Reform, dask_scheduler: str, tmp_path: Path
) -> None:
    local = simulate(str(partitioned), reform=reform, output=tmp_path / "local.parquet", **LAW)
    remote = simulate(
        str(partitioned),
        reform=reform,
        output=tmp_path / "dask.parquet",
        engine="dask",
        scheduler=dask_scheduler,
        partition_rows=400,  # 3 files of 1,000 rows -> 9 tasks
        **LAW,
    )
    assert remote.partitions == 9
    assert pl.read_parquet(tmp_path / "dask.parquet").equals(
        pl.read_parquet(tmp_path / "local.parquet")
    )
    assert remote.cube.equals(local.cube)
    assert remote.warnings == local.warnings
    assert remote.histogram is not None and local.histogram is not None
    assert remote.histogram.equals(local.histogram)


def test_each_task_writes_its_own_part(
    partitioned: Path, dask_scheduler: str, tmp_path: Path
) -> None:
    simulate(
        str(partitioned), output=tmp_path / "parts", engine="dask", scheduler=dask_scheduler, **LAW
    )
    parts = sorted(p.name for p in (tmp_path / "parts").iterdir())
    assert parts == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]


def test_bad_rows_found_by_the_workers_stop_the_run(
    city: pl.DataFrame, dask_scheduler: str, tmp_path: Path
) -> None:
    bad = city.head(50).with_columns(pl.col("rd_expense").cast(pl.String))
    bad = bad.with_columns(
        pl.when(pl.int_range(pl.len()) == 30)
        .then(pl.lit("x"))
        .otherwise("rd_expense")
        .alias("rd_expense")
    )
    bad.write_parquet(tmp_path / "bad.parquet")
    with pytest.raises(InvalidRowsError) as caught:
        simulate(
            str(tmp_path / "bad.parquet"),
            output=tmp_path / "out.parquet",
            engine="dask",
            scheduler=dask_scheduler,
            partition_rows=20,
            **LAW,
        )
    assert caught.value.problems.select("row", "column").rows() == [(31, "rd_expense")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.parquet"]


def test_a_local_cluster_of_n_workers_is_started_for_the_run(
    partitioned: Path, tmp_path: Path
) -> None:
    run = simulate(str(partitioned), engine="dask", workers=2, **LAW)
    assert (run.rows, run.partitions, run.engine) == (3_000, 3, "dask")
