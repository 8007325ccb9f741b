"""The report's workbook: every summary table on its own sheet, amounts as numbers with
separators (yuan), headers in the report's language."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from innoreg.batch.tables import Column


def write_workbook(path: Path, sheets: dict[str, tuple[pl.DataFrame, list[Column]]]) -> Path:
    """``sheets``: name -> (frame, columns to show, in order, with their headers)."""
    # xlsxwriter is imported here: only a report needs it.
    from xlsxwriter import Workbook

    with Workbook(path) as workbook:
        for name, (frame, columns) in sheets.items():
            shown = frame.select(
                pl.col(c.key).cast(pl.Float64) if c.money else pl.col(c.key) for c in columns
            )
            headers = _unique([c.header for c in columns])
            shown.columns = headers
            money = {h: "#,##0.00" for h, c in zip(headers, columns, strict=True) if c.money}
            shown.write_excel(
                workbook,
                worksheet=name[:31],  # Excel's limit on a sheet's name
                column_formats=money,  # type: ignore[arg-type]
                autofit=True,
                float_precision=2,
            )
    return path


def _unique(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    found = []
    for header in headers:
        seen[header] = seen.get(header, 0) + 1
        found.append(header if seen[header] == 1 else f"{header} ({seen[header]})")
    return found
