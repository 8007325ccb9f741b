"""Organisations, filings and IP assets from .xlsx or CSV: every row checked, every bad cell
reported (row, column, problem, in English or Chinese), and the file written whole in one
transaction or not at all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from innoreg.records import fields as f
from innoreg.records.errors import ImportRejectedError, RowProblem
from innoreg.records.models.filings import AnnualFiling
from innoreg.records.models.ip import IPAsset
from innoreg.records.models.organisations import Organisation
from innoreg.records.models.projects import FundedProject
from innoreg.records.repositories.organisations import ids_by_credit_code
from innoreg.records.repositories.scope import Scope
from innoreg.records.tables import read_rows

CHUNK = 5_000


@dataclass(frozen=True)
class Column:
    name: str
    zh: str
    parse: Callable[[str], Any]
    required: bool = False


ORGANISATION_KINDS = f.options(
    enterprise=("企业",),
    university=("高等院校", "高校", "大学"),
    research_institute=("科研机构", "科研院所", "研究院所"),
    intermediary_agency=("中介服务机构", "科技中介服务机构"),
    incubator_operator=("孵化器运营机构", "科技企业孵化器"),
    platform_host=("研发平台依托单位", "平台依托单位"),
)
IP_KINDS = f.options(
    patent=("专利",),
    software_copyright=("软件著作权", "计算机软件著作权"),
    ic_layout_design=("集成电路布图设计",),
    plant_variety=("植物新品种",),
)
SIZE_CLASSES = f.options(large=("大型",), medium=("中型",), small=("小型",), micro=("微型",))

CODE = Column("credit_code", "统一社会信用代码", f.credit_code, required=True)
COLUMNS: dict[str, tuple[Column, ...]] = {
    "organisations": (
        CODE,
        Column("name", "单位名称", f.text(200), required=True),
        Column("kind", "单位类型", f.option(ORGANISATION_KINDS), required=True),
        Column("district", "所在区县", f.text(40)),
        Column("industry", "国民经济行业", f.industry),
        Column("state_owned", "国有", f.boolean),
        Column("state_established", "国家设立", f.boolean),
        Column("jurisdiction", "管辖地", f.text(40)),
    ),
    "filings": (
        CODE,
        Column("fiscal_year", "会计年度", f.fiscal_year, required=True),
        Column("sales_revenue", "销售收入", f.money, required=True),
        Column("rd_expense", "研发费用", f.money, required=True),
        Column("rd_expense_q4", "第四季度研发费用", f.money),
        Column("special_rd_account", "设立研发专账", f.boolean),
        Column("size_class", "企业规模", f.option(SIZE_CLASSES)),
        Column("above_designated_size", "规模以上企业", f.boolean),
    ),
    "ip_assets": (
        CODE,
        Column("registration_no", "登记号", f.text(40), required=True),
        Column("kind", "权利类型", f.option(IP_KINDS), required=True),
        Column("title", "名称", f.text(300), required=True),
        Column("fiscally_funded", "财政资金项目形成", f.boolean),
        Column("rights_obtained_on", "取得权利日期", f.date),
        Column("implemented_on", "开始实施日期", f.date),
        Column("implementation_conditions_met", "具备实施条件", f.boolean),
        Column("justifiable_reason", "有正当理由", f.boolean),
        Column("project_number", "项目编号", f.text(40)),
    ),
}
KINDS = tuple(COLUMNS)


@dataclass
class ImportResult:
    kind: str
    rows: int


def import_file(
    session: Session, *, scope: Scope, kind: str, path: Path, lang: str = "en"
) -> ImportResult:
    """Check every row of ``path``; write them all, or raise ``ImportRejectedError`` listing
    every problem (nothing written)."""
    columns = COLUMNS[kind]
    header, rows = read_rows(path)
    problems: list[RowProblem] = []
    at = _header_positions(header, columns, problems, lang)
    parsed: list[tuple[int, dict[str, Any]]] = []
    for number, cells in rows:
        values: dict[str, Any] = {}
        for column in columns:
            index = at.get(column.name)
            raw = cells[index] if index is not None and index < len(cells) else None
            if raw is None:
                if column.required and index is not None:
                    problems.append(
                        RowProblem(number, column.name, f.Problem("required").say(lang))
                    )
                continue
            try:
                values[column.name] = column.parse(raw)
            except f.Problem as problem:
                problems.append(RowProblem(number, column.name, problem.say(lang)))
        parsed.append((number, values))
    writer = _WRITERS[kind]
    records = list(writer(session, scope, parsed, problems, lang))
    if problems:
        problems.sort(key=lambda p: (p.row, p.column))
        bad_rows = len({p.row for p in problems})
        message = (
            f"{path.name}：{bad_rows}行共{len(problems)}处问题；未导入任何内容"
            if lang == "zh"
            else f"{path.name}: {len(problems)} problem(s) in {bad_rows} row(s); "
            "nothing was imported"
        )
        raise ImportRejectedError(message, problems)
    for start in range(0, len(records), CHUNK):
        session.add_all(records[start : start + CHUNK])
        session.flush()
    return ImportResult(kind, len(records))


def _header_positions(
    header: list[str], columns: tuple[Column, ...], problems: list[RowProblem], lang: str
) -> dict[str, int]:
    names = {c.name: c for c in columns}
    names.update({c.zh: c for c in columns})
    at: dict[str, int] = {}
    for index, title in enumerate(header):
        column = names.get(title) or names.get(title.lower())
        if column is None:
            known = ", ".join(c.name for c in columns)
            problems.append(
                RowProblem(1, title, f.Problem("unknown_column", options=known).say(lang))
            )
        else:
            at[column.name] = index
    for column in columns:
        if column.required and column.name not in at:
            problems.append(RowProblem(1, column.name, f.Problem("missing_column").say(lang)))
    return at


Parsed = list[tuple[int, dict[str, Any]]]


def _known_codes(session: Session, scope: Scope, parsed: Parsed) -> dict[str, int]:
    codes = sorted({v["credit_code"] for _, v in parsed if "credit_code" in v})
    known: dict[str, int] = {}
    for start in range(0, len(codes), 900):
        known.update(ids_by_credit_code(session, scope=scope, codes=codes[start : start + 900]))
    return known


def _organisation_ids(
    session: Session, scope: Scope, parsed: Parsed, problems: list[RowProblem], lang: str
) -> dict[str, int]:
    known = _known_codes(session, scope, parsed)
    for number, values in parsed:
        code = values.get("credit_code")
        if code is not None and code not in known:
            problems.append(
                RowProblem(
                    number, "credit_code", f.Problem("unknown_organisation", value=code).say(lang)
                )
            )
    return known


def _unique_in_file(
    parsed: Parsed,
    key: Callable[[dict[str, Any]], Any],
    column: str,
    problems: list[RowProblem],
    lang: str,
) -> None:
    first: dict[Any, int] = {}
    for number, values in parsed:
        value = key(values)
        if value is None:
            continue
        if value in first:
            label = value if isinstance(value, str) else " / ".join(map(str, value))
            problem = f.Problem("duplicate_in_file", value=label, first=first[value])
            problems.append(RowProblem(number, column, problem.say(lang)))
        else:
            first[value] = number


def _organisations(
    session: Session, scope: Scope, parsed: Parsed, problems: list[RowProblem], lang: str
) -> Iterator[Organisation]:
    _unique_in_file(parsed, lambda v: v.get("credit_code"), "credit_code", problems, lang)
    existing = _known_codes(session, scope, parsed)
    for number, values in parsed:
        if values.get("credit_code") in existing:
            problem = f.Problem("already_recorded", value=values["credit_code"])
            problems.append(RowProblem(number, "credit_code", problem.say(lang)))
        elif {"credit_code", "name", "kind"} <= set(values):
            yield Organisation(**values)


def _filings(
    session: Session, scope: Scope, parsed: Parsed, problems: list[RowProblem], lang: str
) -> Iterator[AnnualFiling]:
    known = _organisation_ids(session, scope, parsed, problems, lang)
    _unique_in_file(
        parsed,
        lambda v: (
            (v["credit_code"], v["fiscal_year"])
            if {"credit_code", "fiscal_year"} <= set(v)
            else None
        ),
        "fiscal_year",
        problems,
        lang,
    )
    keys = [
        (known[v["credit_code"]], v["fiscal_year"])
        for _, v in parsed
        if v.get("credit_code") in known and "fiscal_year" in v
    ]
    filed: set[tuple[int, int]] = set()
    for start in range(0, len(keys), 450):
        chunk = keys[start : start + 450]
        filed.update(
            session.execute(
                select(AnnualFiling.organisation_id, AnnualFiling.fiscal_year).where(
                    tuple_(AnnualFiling.organisation_id, AnnualFiling.fiscal_year).in_(chunk)
                )
            )
        )
    for number, values in parsed:
        code = values.pop("credit_code", None)
        if code not in known:
            continue
        organisation_id = known[code]
        if (organisation_id, values.get("fiscal_year")) in filed:
            problem = f.Problem("already_recorded", value=f"{code} / {values['fiscal_year']}")
            problems.append(RowProblem(number, "fiscal_year", problem.say(lang)))
            continue
        q4 = values.get("rd_expense_q4")
        if q4 is not None and "rd_expense" in values and q4 > values["rd_expense"]:
            problem = f.Problem("q4_above_year", value=f"{q4 / 100:.2f}")
            problems.append(RowProblem(number, "rd_expense_q4", problem.say(lang)))
            continue
        if {"fiscal_year", "sales_revenue", "rd_expense"} <= set(values):
            yield AnnualFiling(organisation_id=organisation_id, **values)


def _ip_assets(
    session: Session, scope: Scope, parsed: Parsed, problems: list[RowProblem], lang: str
) -> Iterator[IPAsset]:
    known = _organisation_ids(session, scope, parsed, problems, lang)
    _unique_in_file(parsed, lambda v: v.get("registration_no"), "registration_no", problems, lang)
    numbers = sorted({v["registration_no"] for _, v in parsed if "registration_no" in v})
    recorded: set[str] = set()
    for start in range(0, len(numbers), 900):
        recorded.update(
            session.scalars(
                select(IPAsset.registration_no).where(
                    IPAsset.registration_no.in_(numbers[start : start + 900])
                )
            )
        )
    project_numbers = sorted({v["project_number"] for _, v in parsed if "project_number" in v})
    projects: dict[str, int] = {
        project: ident
        for project, ident in session.execute(
            select(FundedProject.number, FundedProject.id).where(
                FundedProject.number.in_(project_numbers)
            )
        )
    }
    for number, values in parsed:
        code = values.pop("credit_code", None)
        project_number = values.pop("project_number", None)
        if values.get("registration_no") in recorded:
            problem = f.Problem("already_recorded", value=values["registration_no"])
            problems.append(RowProblem(number, "registration_no", problem.say(lang)))
            continue
        if project_number is not None and project_number not in projects:
            problem = f.Problem("unknown_project", value=project_number)
            problems.append(RowProblem(number, "project_number", problem.say(lang)))
            continue
        if code in known and {"registration_no", "kind", "title"} <= set(values):
            yield IPAsset(
                organisation_id=known[code],
                project_id=projects.get(project_number) if project_number else None,
                **values,
            )


_WRITERS: dict[str, Callable[[Session, Scope, Parsed, list[RowProblem], str], Iterator[Any]]] = {
    "organisations": _organisations,
    "filings": _filings,
    "ip_assets": _ip_assets,
}
