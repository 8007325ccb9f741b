"""Spreadsheets in and out: .xlsx and CSV read as rows of text, whatever the encoding a
Chinese spreadsheet was saved in (UTF-8 with or without BOM, GBK/GB 18030), and written with
formula injection neutralised and long codes kept as text."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from innoreg.errors import InputError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is a formula to a spreadsheet (OWASP CSV injection)."""


def decode(data: bytes, *, source: str) -> str:
    """UTF-8 (a BOM is dropped) or, failing that, GB 18030 — the superset of the GBK that
    Excel and WPS use when saving CSV on a Chinese system."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise InputError(
            f"is neither UTF-8 nor GBK text (byte {error.start})", field=source, rule="encoding"
        ) from None


def read_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str | None]]]]:
    """The header and the data rows, each with its 1-based row number as a spreadsheet shows
    it (the header is row 1)."""
    if not path.is_file():
        raise InputError("no such file", field=str(path))
    if path.suffix.lower() == ".xlsx":
        return _xlsx_rows(path)
    if path.suffix.lower() != ".csv":
        raise InputError("must be a .csv or .xlsx file", field=str(path), rule="file type")
    text = decode(path.read_bytes(), source=str(path))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    rows = (
        (number, [cell if cell.strip() else None for cell in row])
        for number, row in enumerate(reader, start=2)
        if any(cell.strip() for cell in row)
    )
    return header, rows


def _xlsx_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str | None]]]]:
    from openpyxl import load_workbook  # only for spreadsheets: keeps other commands light

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise InputError(f"is not a readable .xlsx file ({error})", field=str(path)) from None
    sheet = book.worksheets[0]
    cells = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(cells, ())]

    def rows() -> Iterator[tuple[int, list[str | None]]]:
        for number, row in enumerate(cells, start=2):
            values = [_cell_text(v) for v in row]
            if any(v is not None for v in values):
                yield number, values
        book.close()

    return header, rows()


def _cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value).removesuffix(".0") if value.is_integer() else repr(value)
    text = str(value).strip()
    return text or None


def neutralise(value: str) -> str:
    """A text cell a spreadsheet will show, never run: a leading formula character is
    escaped with a quote."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """UTF-8 with a BOM (so Excel reads the Chinese), every cell as text."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else neutralise(_text(v)) for v in row])
            count += 1
    return count


def write_xlsx(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]], *, text_columns: set[str]
) -> int:
    """Money as two-decimal numbers, codes and ids as text cells (``@``), so a credit code or
    a long number never becomes 9.1E+17."""
    from openpyxl import Workbook  # only for spreadsheets: keeps other commands light
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("export")
    sheet.append(list(header))
    text_at = {i for i, name in enumerate(header) if name in text_columns}
    count = 0
    for row in rows:
        out: list[Any] = []
        for index, value in enumerate(row):
            if value is None:
                out.append(None)
            elif isinstance(value, bool | dt.date) or (
                isinstance(value, Decimal) and index not in text_at
            ):
                out.append(value)
            elif index in text_at:
                cell = WriteOnlyCell(sheet, value=neutralise(_text(value)))
                cell.number_format = "@"
                out.append(cell)
            else:
                out.append(neutralise(_text(value)))
        sheet.append(out)
        count += 1
    book.save(path)
    return count


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
