"""``/v1/imports/{kind}`` and ``/v1/exports/{kind}.{format}``: organisations, filings and IP
assets in and out as .xlsx or CSV, in the columns the command line reads and writes. An
import checks every row and writes the whole file or nothing, answering with every bad cell;
an export holds the caller's scope and no personal data."""

import tempfile
from pathlib import Path
from typing import Annotated, Literal

import orjson
from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response

from innoreg.records.errors import ImportRejectedError
from innoreg.records.exports import export_file
from innoreg.records.imports import import_file
from innoreg.service.api.routes.records.common import ADMIN_WRITE, READ, RECORD_ERRORS, Caller
from innoreg.service.api.schemas.records_io import ImportRejected, ImportResult
from innoreg.service.auth.policy import guard
from innoreg.service.database import DatabaseDep
from innoreg.service.errors import PROBLEM

router = APIRouter(responses=RECORD_ERRORS, tags=["imports and exports"])
Kind = Literal["organisations", "filings", "ip-assets"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TYPES = {"text/csv": ".csv", XLSX: ".xlsx"}


@router.post(
    "/v1/imports/{kind}",
    response_model=ImportResult,
    status_code=201,
    summary="Import a spreadsheet (CSV or .xlsx) of organisations, filings or IP assets",
    dependencies=[guard(ADMIN_WRITE)],
    responses={
        422: {
            "description": "Bad cells: every one named by row and column; nothing written.",
            "content": {PROBLEM: {"schema": ImportRejected.model_json_schema()}},
        }
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                XLSX: {"schema": {"type": "string", "format": "binary"}},
            },
        }
    },
)
async def upload(
    kind: Kind,
    request: Request,
    database: DatabaseDep,
    caller: Caller,
    lang: Annotated[Literal["en", "zh"], Query(description="The row report's language.")] = "en",
) -> Response:
    """The file is the body (``Content-Type: text/csv`` or the .xlsx type), at most
    ``INNOREG_MAX_BODY_BYTES``; CSV in UTF-8 or GBK, headers in English or Chinese."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media not in TYPES:
        raise HTTPException(415, "send the file as text/csv or as an .xlsx spreadsheet")
    data = await request.body()

    def work() -> int:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"upload{TYPES[media]}"
            path.write_bytes(data)
            with database.write(actor=caller.actor) as session:
                return import_file(
                    session,
                    scope=caller.scope(),
                    kind=kind.replace("-", "_"),
                    path=path,
                    lang=lang,
                ).rows

    try:
        rows = await run_in_threadpool(work)
    except ImportRejectedError as rejected:
        body = {
            "type": "urn:innoreg:problem:422",
            "title": "Invalid input",
            "status": 422,
            "detail": rejected.message,
            "problems": [p.__dict__ for p in rejected.problems],
            "request_id": request.scope.get("state", {}).get("request_id"),
        }
        return Response(orjson.dumps(body), status_code=422, media_type=PROBLEM)
    answer = ImportResult(kind=kind, rows=rows).model_dump()
    return Response(orjson.dumps(answer), status_code=201, media_type="application/json")


@router.get(
    "/v1/exports/{kind}.{format}",
    summary="Export organisations, filings or IP assets as CSV or .xlsx",
    response_class=Response,
    responses={
        200: {
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                XLSX: {"schema": {"type": "string", "format": "binary"}},
            }
        }
    },
    dependencies=[guard(READ)],
)
def export(
    kind: Kind, format: Literal["csv", "xlsx"], database: DatabaseDep, caller: Caller
) -> Response:
    """The records in the caller's scope, in the import's columns (an export can be edited
    and imported elsewhere); reward plans and other personal data are never exported."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{kind}.{format}"
        with database.read() as session:
            export_file(session, scope=caller.scope(), kind=kind.replace("-", "_"), path=path)
        data = path.read_bytes()
    media = "text/csv; charset=utf-8" if format == "csv" else XLSX
    return Response(
        data,
        media_type=media,
        headers={"content-disposition": f'attachment; filename="{kind}.{format}"'},
    )
