"""What if: a reform — picked from the shipped ones or uploaded as YAML — run over the filings
of a fiscal year in the records (``batch.records_whatif``, the populations engine), the report
read on the page (totals, and who gains and who loses by district, industry section and size
class) and downloaded (the report page, its charts and its workbook, zipped).

Nothing is stored: the download runs the same what-if again from the same answers (an
uploaded reform travels in the form as its text)."""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Annotated, Any, cast

from fastapi import APIRouter, File, Form, Request, UploadFile
from starlette.responses import Response

from innoreg.batch.tables import GROUP_LABELS, cell, headline, totals
from innoreg.engine.reform import Reform
from innoreg.errors import InputError
from innoreg.labels import Language
from innoreg.service.database import DatabaseDep
from innoreg.service.web import forms
from innoreg.service.web.forms import N_, FieldError, Invalid
from innoreg.service.web.render import language
from innoreg.service.web.routes.backoffice.common import READ, PrincipalDep, page

router = APIRouter(dependencies=[READ])
UPLOAD = "upload"
MAX_REFORM_BYTES = 32 * 1024
FormText = Annotated[str, Form()]
GROUPS = ("district", "industry_section", "size_class")


def _reforms() -> dict[str, Reform]:
    from innoreg.batch.reforms import shipped

    return shipped()


def _defaults(request: Request) -> dict[str, str]:
    today: dt.date = request.app.state.settings.law_date()
    values = {"fiscal_year": str(today.year - 1), "reform": next(iter(_reforms()), UPLOAD)}
    values.update({f"on-{p}": v for p, v in forms.date_fields(today).items()})
    return values


@router.get("/back-office/what-if")
def whatif_form(request: Request, principal: PrincipalDep) -> Response:
    return _page(request, principal, _defaults(request))


def _page(
    request: Request,
    principal: PrincipalDep,
    values: dict[str, str],
    *,
    errors: list[FieldError] | None = None,
    result: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    return page(
        request,
        principal,
        "backoffice/whatif.html",
        {
            "values": values,
            "dates": {"on": {p: values.get(f"on-{p}", "") for p in ("day", "month", "year")}},
            "reforms": _reforms(),
            "errors": errors or [],
            "result": result,
        },
        status=status,
    )


def _read(
    values: dict[str, str], upload: bytes | None
) -> tuple[int | None, dt.date | None, Reform | None, list[FieldError]]:
    """The answers as a fiscal year, a day and a reform; each problem as a field error."""
    errors: list[FieldError] = []
    year = values.get("fiscal_year", "").strip()
    fiscal_year = int(year) if year.isdigit() and 1990 <= int(year) <= 2100 else None
    if fiscal_year is None:
        errors.append(FieldError("fiscal_year", N_("Enter a fiscal year like 2023")))
    day: dt.date | None = None
    try:
        day = forms.date(values, "on", required=N_("Enter the day whose law should decide"))
    except Invalid as exc:
        errors.append(FieldError("on", exc.message, exc.params))
    reform: Reform | None = None
    chosen = values.get("reform", "")
    if chosen in _reforms():
        reform = _reforms()[chosen]
    elif chosen == UPLOAD:
        text = upload if upload else values.get("reform_text", "").encode()
        if not text:
            errors.append(FieldError("reform_file", N_("Choose a reform file (YAML) to upload")))
        elif len(text) > MAX_REFORM_BYTES:
            errors.append(
                FieldError("reform_file", N_("The reform file must be at most 32 KB"), {})
            )
        else:
            try:
                reform = _parse(text)
                values["reform_text"] = text.decode("utf-8")
            except (InputError, UnicodeDecodeError) as exc:
                message = exc.message if isinstance(exc, InputError) else "not UTF-8 text"
                errors.append(FieldError("reform_file", message, catalogued=False))
    else:
        errors.append(FieldError("reform", N_("Select a reform, or upload one")))
    return fiscal_year, day, reform, errors


def _parse(text: bytes) -> Reform:
    with tempfile.TemporaryDirectory(prefix="innoreg-reform-") as folder:
        path = Path(folder) / "reform.yaml"
        path.write_bytes(text)
        return Reform.from_yaml(path)


def _values(
    fiscal_year: str, on_day: str, on_month: str, on_year: str, reform: str, reform_text: str
) -> dict[str, str]:
    cut = forms.MAX_FIELD_CHARS
    return {
        "fiscal_year": fiscal_year[:cut],
        "on-day": on_day[:cut],
        "on-month": on_month[:cut],
        "on-year": on_year[:cut],
        "reform": reform[:cut],
        "reform_text": reform_text[:MAX_REFORM_BYTES],
    }


async def _upload(reform_file: UploadFile | None) -> bytes | None:
    if reform_file is None or not reform_file.filename:
        return None
    return await reform_file.read(MAX_REFORM_BYTES + 1)


@router.post("/back-office/what-if")
async def run_whatif(
    request: Request,
    database: DatabaseDep,
    principal: PrincipalDep,
    fiscal_year: FormText = "",
    on_day: Annotated[str, Form(alias="on-day")] = "",
    on_month: Annotated[str, Form(alias="on-month")] = "",
    on_year: Annotated[str, Form(alias="on-year")] = "",
    reform: FormText = "",
    reform_text: FormText = "",
    reform_file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Run the what-if and show its report."""
    from starlette.concurrency import run_in_threadpool

    values = _values(fiscal_year, on_day, on_month, on_year, reform, reform_text)
    upload = await _upload(reform_file)
    return await run_in_threadpool(_run_page, request, database, principal, values, upload)


def _run_page(
    request: Request,
    database: DatabaseDep,
    principal: PrincipalDep,
    values: dict[str, str],
    upload: bytes | None,
) -> Response:
    year, day, chosen, errors = _read(values, upload)
    if errors or year is None or day is None or chosen is None:
        return _page(request, principal, values, errors=errors, status=422)
    lang = cast(Language, language(request))
    try:
        sim = _simulate(database, principal, year, day, chosen)
    except InputError as exc:
        field = "fiscal_year" if exc.context.get("field") == "fiscal_year" else "reform"
        return _page(
            request,
            principal,
            values,
            errors=[FieldError(field, _no_filings(exc), {"year": year})],
            status=422,
        )
    return _page(request, principal, values, result=_report(sim, chosen, year, day, lang))


def _no_filings(exc: InputError) -> str:
    if exc.context.get("field") == "fiscal_year":
        return N_("There are no filings for %(year)s among the records you reach")
    return exc.message


def _simulate(
    database: DatabaseDep, principal: PrincipalDep, year: int, day: dt.date, reform: Reform
) -> Any:
    from innoreg.batch.records_whatif import records_whatif

    with database.read() as session:
        return records_whatif(
            session, scope=principal.scope(), fiscal_year=year, date=day, reform=reform
        )


def _report(sim: Any, reform: Reform, year: int, day: dt.date, lang: Language) -> dict[str, Any]:
    """The report as the page shows it: totals and, by each group, the summary table."""
    groups = []
    for by in GROUPS:
        if not sim.cube[by].is_not_null().any():
            continue
        frame, columns = headline(sim.cube, sim.scenario, by, lang)
        groups.append(
            {
                "by": by,
                "label": GROUP_LABELS[by].in_(lang),
                "headers": [c.header for c in columns],
                "rows": [
                    [cell(row[c.key], c, lang) for c in columns]
                    for row in frame.iter_rows(named=True)
                ],
            }
        )
    lines = totals(sim.cube, sim.scenario, lang)
    return {
        "reform": reform,
        "year": year,
        "day": day,
        "rows": sim.rows,
        "totals": lines,
        "groups": groups,
    }


@router.post("/back-office/what-if/report.zip")
async def download(
    request: Request,
    database: DatabaseDep,
    principal: PrincipalDep,
    fiscal_year: FormText = "",
    on_day: Annotated[str, Form(alias="on-day")] = "",
    on_month: Annotated[str, Form(alias="on-month")] = "",
    on_year: Annotated[str, Form(alias="on-year")] = "",
    reform: FormText = "",
    reform_text: FormText = "",
) -> Response:
    """The report (page, charts, workbook) as a zip, from the same answers."""
    from starlette.concurrency import run_in_threadpool

    values = _values(fiscal_year, on_day, on_month, on_year, reform, reform_text)
    return await run_in_threadpool(_zip_response, request, database, principal, values)


def _zip_response(
    request: Request, database: DatabaseDep, principal: PrincipalDep, values: dict[str, str]
) -> Response:
    from innoreg.batch.report import write_report

    year, day, chosen, errors = _read(values, None)
    if errors or year is None or day is None or chosen is None:
        return _page(request, principal, values, errors=errors, status=422)
    lang = cast(Language, language(request))
    sim = _simulate(database, principal, year, day, chosen)
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="innoreg-whatif-") as folder:
        write_report(sim, folder, lang=lang)
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(Path(folder).rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(folder).as_posix())
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", chosen.name)[:60] or "reform"
    name = f"innoreg-whatif-{year}-{safe}.zip"
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )
