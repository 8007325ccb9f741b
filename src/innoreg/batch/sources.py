"""Where a population comes from: a CSV, an Excel workbook, a Parquet file, a directory or a
glob of Parquet files, or a polars frame; and how it is cut into partitions.

CSV is read as text, so that no amount passes through a binary float on the way in (the
checks read the text by the case contract); Excel's numbers are floats already, read by their
shortest decimal form, as a case reads a JSON number. Parquet keeps its types
(money as decimals, booleans as booleans) and is read partition by partition: one Parquet file
is one partition (a file larger than the partition size is cut into row ranges), which is
also what a Dask task reads.
"""

from __future__ import annotations

import glob
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from innoreg.errors import InputError

DEFAULT_PARTITION_ROWS = 1_000_000
ID = "id"
GLOB_CHARACTERS = ("*", "?", "[")


@dataclass(frozen=True)
class Partition:
    """Rows ``offset`` to ``offset + length`` of one Parquet file (or of a frame in memory),
    the population's rows ``first_row`` onwards. Small and picklable: a Dask task reads its
    own rows."""

    index: int
    first_row: int
    length: int
    file: str | None = None
    offset: int = 0
    frame: pl.DataFrame | None = None

    def load(self) -> pl.DataFrame:
        if self.frame is not None:
            return self.frame
        assert self.file is not None
        return pl.scan_parquet(self.file).slice(self.offset, self.length).collect()


@dataclass(frozen=True)
class Population:
    """An opened population: its name, format and where its rows are."""

    name: str
    format: str  # parquet, csv, xlsx, frame
    files: tuple[str, ...] = ()
    frame: pl.DataFrame | None = None

    def lazy(self) -> pl.LazyFrame:
        if self.frame is not None:
            return self.frame.lazy()
        if self.format == "parquet":
            return pl.scan_parquet(list(self.files))
        return pl.scan_csv(self.files[0], infer_schema=False)

    def columns(self) -> list[str]:
        return self.lazy().collect_schema().names()

    def rows(self) -> int:
        if self.frame is not None:
            return self.frame.height
        return int(self.lazy().select(pl.len()).collect().item())

    def partitions(self, partition_rows: int = DEFAULT_PARTITION_ROWS) -> list[Partition]:
        """Parquet files (or a frame) cut into partitions of at most ``partition_rows``."""
        if self.format == "csv":
            raise InputError(
                "a CSV file is read in batches, not partitions: write it as Parquet first",
                field="population",
            )
        sizes: list[tuple[str | None, int]]
        if self.frame is not None:
            sizes = [(None, self.frame.height)]
        else:
            sizes = [(f, _parquet_rows(f)) for f in self.files]
        found: list[Partition] = []
        first = 1
        for file, size in sizes:
            for offset in range(0, max(size, 1), partition_rows):
                length = min(partition_rows, size - offset)
                frame = self.frame.slice(offset, length) if self.frame is not None else None
                found.append(Partition(len(found), first, length, file, offset, frame))
                first += length
        return found

    def batches(self, partition_rows: int = DEFAULT_PARTITION_ROWS) -> Iterator[Partition]:
        """The partitions in order; a CSV file streamed in batches of ``partition_rows``."""
        if self.format != "csv":
            yield from self.partitions(partition_rows)
            return
        first = 1
        batches = self.lazy().collect_batches(chunk_size=partition_rows)
        for index, batch in enumerate(batches):
            yield Partition(index, first, batch.height, frame=batch)
            first += batch.height


def open_population(source: str | Path | pl.DataFrame | pl.LazyFrame) -> Population:
    """A population by its path's form: ``.csv``, ``.xlsx``, ``.parquet``, a directory of
    Parquet files or a glob; or a polars frame."""
    if isinstance(source, pl.LazyFrame):
        source = source.collect()
    if isinstance(source, pl.DataFrame):
        return Population("frame", "frame", frame=source)
    text = str(source)
    path = Path(text)
    if any(c in text for c in GLOB_CHARACTERS):
        files = sorted(glob.glob(text))
        if not files:
            raise InputError(f"no file matches {text}", field="population")
        return Population(text, "parquet", tuple(_parquet_files(files, text)))
    if path.is_dir():
        files = sorted(str(p) for p in path.rglob("*.parquet"))
        if not files:
            raise InputError(f"no .parquet file in the directory {text}", field="population")
        return Population(text, "parquet", tuple(files))
    if not path.is_file():
        raise InputError(f"no such file: {text}", field="population")
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return Population(text, "parquet", (text,))
    if suffix == ".csv":
        return Population(text, "csv", (text,))
    if suffix in (".xlsx", ".xls"):
        return Population(text, "xlsx", (text,), frame=_read_excel(path))
    raise InputError(
        f"{path.name}: read .csv, .xlsx, .parquet, a directory or a glob of .parquet files",
        field="population",
    )


def _parquet_files(files: list[str], pattern: str) -> list[str]:
    wrong = [f for f in files if not f.lower().endswith(".parquet")]
    if wrong:
        raise InputError(
            f"{pattern} matches {Path(wrong[0]).name}, which is not a .parquet file",
            field="population",
        )
    return files


def _parquet_rows(file: str) -> int:
    return int(pl.scan_parquet(file).select(pl.len()).collect().item())


def _read_excel(path: Path) -> pl.DataFrame:
    """The first sheet. A column of numbers is read as numbers (Excel holds them as binary
    floats; the checks read each by its shortest decimal form, as a case reads a JSON number),
    a column mixing numbers and text as text, ``id`` always as text."""
    try:
        header = pl.read_excel(path, read_options={"n_rows": 0}).columns
        overrides = {ID: pl.String} if ID in header else None
        frame = pl.read_excel(path, infer_schema_length=None, schema_overrides=overrides)
    except Exception as exc:  # fastexcel raises its own types for a damaged workbook
        raise InputError(f"cannot read {path.name}: {exc}", field="population") from None
    return frame
