"""Imports all or nothing with a report of every bad cell; exports safe to open."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from innoreg.records.db import Database
from innoreg.records.errors import ImportRejectedError
from innoreg.records.exports import export_file
from innoreg.records.imports import import_file
from innoreg.records.models import AnnualFiling, IPAsset, Organisation
from innoreg.records.repositories import BUREAU

from .factories import REAL_CODES

ORGANISATIONS = [
    ["统一社会信用代码", "单位名称", "单位类型", "所在区县", "国民经济行业", "国有"],
    [REAL_CODES[0], "洛阳甲公司", "企业", "涧西区", "C34", "否"],
    [REAL_CODES[1], '=HYPERLINK("http://x")', "高等院校", "洛龙区", "P", "是"],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def import_organisations(
    database: Database, tmp_path: Path, rows: int = 1, encoding: str = "utf-8"
) -> None:
    """The header and the first ``rows`` organisations, imported."""
    path = write_csv(tmp_path / "o.csv", ORGANISATIONS[: rows + 1], encoding)
    with database.write(actor="test") as session:
        import_file(session, scope=BUREAU, kind="organisations", path=path)


def count(database: Database, model: type) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_any_encoding_a_chinese_spreadsheet_saves(
    database: Database, tmp_path: Path, encoding: str
) -> None:
    path = write_csv(tmp_path / "orgs.csv", ORGANISATIONS, encoding)
    with database.write(actor="test") as session:
        assert import_file(session, scope=BUREAU, kind="organisations", path=path).rows == 2
    with database.read() as session:
        first = session.scalars(select(Organisation).order_by(Organisation.id)).first()
        assert first is not None and (first.name, first.kind, first.state_owned) == (
            "洛阳甲公司",
            "enterprise",
            False,
        )


def test_every_bad_cell_is_reported_and_nothing_is_written(
    database: Database, tmp_path: Path
) -> None:
    import_organisations(database, tmp_path)
    rows = [
        [
            "credit_code",
            "fiscal_year",
            "sales_revenue",
            "rd_expense",
            "rd_expense_q4",
            "above_designated_size",
        ],
        [REAL_CODES[0], "2023", "80,000,000.00", "900000.00", "", "是"],
        [REAL_CODES[0], "2022", "1.001", "-5", "", "maybe"],
        [REAL_CODES[2], "1899", "10", "1", "2", ""],
        [REAL_CODES[0][:-1] + "A", "2021", "10", "1", "", ""],
    ]
    path = write_csv(tmp_path / "filings.csv", rows, "utf-8")
    for lang, says in (("en", "is not yes or no"), ("zh", "不是“是/否”")):
        with pytest.raises(ImportRejectedError) as raised, database.write(actor="test") as session:
            import_file(session, scope=BUREAU, kind="filings", path=path, lang=lang)
        problems = {(p.row, p.column) for p in raised.value.problems}
        assert problems == {
            (3, "sales_revenue"),
            (3, "rd_expense"),
            (3, "above_designated_size"),
            (4, "fiscal_year"),
            (4, "credit_code"),
            (5, "credit_code"),
        }
        assert any(says in p.problem for p in raised.value.problems)
    assert count(database, AnnualFiling) == 0


def test_an_xlsx_of_ip_assets_with_chinese_terms(database: Database, tmp_path: Path) -> None:
    import_organisations(database, tmp_path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        [
            "credit_code",
            "registration_no",
            "权利类型",
            "title",
            "fiscally_funded",
            "rights_obtained_on",
        ]
    )
    sheet.append([REAL_CODES[0], "ZL202110000001.X", "专利", "一种轴承", "是", "2021-03-01"])
    sheet.append([REAL_CODES[0], "2021SR0000001", "软件著作权", "控制软件", "否", None])
    book.save(tmp_path / "ip.xlsx")
    with database.write(actor="test") as session:
        assert (
            import_file(session, scope=BUREAU, kind="ip_assets", path=tmp_path / "ip.xlsx").rows
            == 2
        )
    with database.read() as session:
        kinds = sorted(session.scalars(select(IPAsset.kind)))
    assert kinds == ["patent", "software_copyright"]


def test_exports_neutralise_formulas_and_keep_codes_as_text(
    database: Database, tmp_path: Path
) -> None:
    import_organisations(database, tmp_path, rows=2)
    with database.read() as session:
        assert (
            export_file(session, scope=BUREAU, kind="organisations", path=tmp_path / "out.csv") == 2
        )
        export_file(session, scope=BUREAU, kind="organisations", path=tmp_path / "out.xlsx")
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
    sheet = load_workbook(tmp_path / "out.xlsx").active
    assert sheet is not None
    codes = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in codes] == list(REAL_CODES[:2])
    assert all(c.data_type == "s" and c.number_format == "@" for c in codes)
    assert sheet.cell(row=3, column=2).value == '\'=HYPERLINK("http://x")'


def test_an_export_imports_again_elsewhere(
    database: Database, tmp_path: Path, sqlite_template: Path
) -> None:
    import shutil

    import_organisations(database, tmp_path, encoding="gbk")
    rows = [
        ["credit_code", "fiscal_year", "sales_revenue", "rd_expense", "rd_expense_q4"],
        [REAL_CODES[0], "2022", "80000000.05", "900000.10", "300000.01"],
    ]
    with database.write(actor="test") as session:
        import_file(
            session, scope=BUREAU, kind="filings", path=write_csv(tmp_path / "f.csv", rows, "utf-8")
        )
    with database.read() as session:
        export_file(session, scope=BUREAU, kind="organisations", path=tmp_path / "o.xlsx")
        export_file(session, scope=BUREAU, kind="filings", path=tmp_path / "f.xlsx")
    shutil.copyfile(sqlite_template, tmp_path / "other.sqlite3")
    other = Database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    with other.write(actor="test") as session:
        import_file(session, scope=BUREAU, kind="organisations", path=tmp_path / "o.xlsx")
        import_file(session, scope=BUREAU, kind="filings", path=tmp_path / "f.xlsx")
    with other.read() as session:
        stored = session.scalars(select(AnnualFiling)).one()
        assert (stored.sales_revenue, stored.rd_expense, stored.rd_expense_q4) == (
            8_000_000_005,
            90_000_010,
            30_000_001,
        )
    other.dispose()
