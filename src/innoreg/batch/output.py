"""Per-row results written by the output's form: ``.parquet``, ``.csv``, ``.xlsx`` or a
directory of Parquet parts. Values are the case contract's: money as exact decimals with two
places (Parquet decimals, CSV text), ratios as numbers, booleans, ISO dates, null for "not
applicable". In a workbook money is a number shown with separators and two places (Excel
holds numbers as binary floats: exact to the fen below about 90 trillion yuan).

Partitions write parts into a hidden folder beside the output; only a run that succeeds puts
the output in place (a rename, or one streamed copy), so a failed run writes nothing.
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from innoreg.errors import InputError

FORMATS = (".parquet", ".csv", ".xlsx")
EXCEL_MAX_ROWS = 1_048_575  # a sheet's rows, less the header


@dataclass(frozen=True)
class Output:
    """Where results go, and the parts folder the partitions write into."""

    path: Path
    format: str  # parquet, csv, xlsx, directory
    parts: Path

    @classmethod
    def plan(cls, target: str | Path, rows: int) -> Output:
        """Checked before any work: a form innoreg writes, and a workbook big enough."""
        text = str(target)
        path = Path(text)
        suffix = path.suffix.lower()
        if text.endswith(("/", os.sep)) or path.is_dir() or not suffix:
            form = "directory"
        elif suffix in FORMATS:
            form = suffix[1:]
        else:
            raise InputError(
                f"{path.name}: write .parquet, .csv, .xlsx or a directory", field="output"
            )
        if form == "xlsx" and rows > EXCEL_MAX_ROWS:
            raise InputError(
                f"{rows:,} rows do not fit in a worksheet ({EXCEL_MAX_ROWS:,} at most): "
                "write .parquet or .csv",
                field="output",
            )
        parent = path if form == "directory" else path.parent
        if form != "directory" and not parent.is_dir():
            raise InputError(f"no such directory: {parent}", field="output")
        parts = parent / f".innoreg-parts-{uuid.uuid4().hex[:12]}"
        return cls(path, form, parts)

    def part(self, index: int) -> Path:
        return self.parts / f"part-{index:05d}.parquet"

    def start(self) -> None:
        self.parts.mkdir(parents=True, exist_ok=False)

    def discard(self) -> None:
        shutil.rmtree(self.parts, ignore_errors=True)

    def finish(self, parts: list[Path]) -> Path:
        """Put the results in place from the parts (in partition order) and tidy up."""
        try:
            if self.format == "directory":
                self.path.mkdir(parents=True, exist_ok=True)
                for index, part in enumerate(parts):
                    os.replace(part, self.path / f"part-{index:05d}.parquet")
            elif self.format == "parquet" and len(parts) == 1:
                os.replace(parts[0], self.path)
            else:
                staged = self.parts / f"output{self.path.suffix}"
                _write(pl.scan_parquet([str(p) for p in parts]), staged, self.format)
                os.replace(staged, self.path)
        finally:
            self.discard()
        return self.path


def _write(results: pl.LazyFrame, path: Path, form: str) -> None:
    if form == "parquet":
        results.sink_parquet(path)
    elif form == "csv":
        results.sink_csv(path)
    else:
        write_workbook(results.collect(), path)


def write_workbook(frame: pl.DataFrame, path: Path, sheet: str = "results") -> None:
    """One sheet: money as numbers with separators and two places, ratios as percentages."""
    money = [n for n, t in frame.schema.items() if isinstance(t, pl.Decimal)]
    ratios = [n for n, t in frame.schema.items() if t == pl.Float64]
    shown = frame.with_columns(pl.col(money).cast(pl.Float64))
    formats: dict[str, str] = {n: "#,##0.00" for n in money}
    formats.update({n: "0.00%" for n in ratios})
    shown.write_excel(
        path,
        worksheet=sheet,
        column_formats=formats,  # type: ignore[arg-type]
        float_precision=6,
        autofit=True,
    )
