"""The registries: organisations, R&D platforms and institutions, parks and incubators,
intermediary agencies, innovative and demonstration enterprises — each filtered, with facets
(counts under every value of a field, given the other filters) and exported as CSV or .xlsx
exactly as filtered (``records.exports``)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import Response

from innoreg.batch.places import group_label
from innoreg.labels import Language
from innoreg.records.errors import NotFoundError
from innoreg.records.exports import export_entries, export_file
from innoreg.records.models.organisations import ORGANISATION_KINDS, ORGANISATION_STATUSES
from innoreg.records.models.registries import AGENCY_TYPES, LEVELS
from innoreg.records.repositories.registers import (
    REGISTER_GROUPS,
    EntryFilter,
    OrganisationFilter,
    list_entries,
    list_organisations,
    organisation_conditions,
    register_counts,
)
from innoreg.service.database import DatabaseDep
from innoreg.service.web import forms
from innoreg.service.web.render import language
from innoreg.service.web.routes.backoffice.common import (
    PAGE_SIZE,
    READ,
    PrincipalDep,
    page,
    page_number,
)

router = APIRouter(dependencies=[READ])
PAGES = ("organisations", *REGISTER_GROUPS)
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ORGANISATION_FIELDS = ("kind", "district", "status", "industry", "q")
ENTRY_FIELDS = ("register", "level", "category", "district", "valid_on", "q")


def _raw(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    return {
        name: request.query_params.get(name, "").strip()[: forms.MAX_FIELD_CHARS]
        for name in names
        if request.query_params.get(name, "").strip()
    }


def _organisation_filter(raw: dict[str, str]) -> OrganisationFilter:
    return OrganisationFilter(
        kind=raw.get("kind") if raw.get("kind") in ORGANISATION_KINDS else None,
        district=raw.get("district"),
        status=raw.get("status") if raw.get("status") in ORGANISATION_STATUSES else None,
        industry=raw.get("industry") if len(raw.get("industry", "")) == 1 else None,
        search=raw.get("q", ""),
    )


def _entry_filter(group: str, raw: dict[str, str]) -> EntryFilter:
    registers = REGISTER_GROUPS[group]
    return EntryFilter(
        registers=registers,
        register=raw.get("register") if raw.get("register") in registers else None,
        level=raw.get("level") if raw.get("level") in LEVELS else None,
        category=raw.get("category") if raw.get("category") in AGENCY_TYPES else None,
        district=raw.get("district"),
        valid_on=forms.iso_date(raw.get("valid_on")),
        search=raw.get("q", ""),
    )


def _group(group: str) -> str:
    if group not in PAGES:
        raise NotFoundError("registry", group)
    return group


@router.get("/back-office/registries")
def registries(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    """Each registry with how many records it holds in the caller's scope."""
    with database.read() as session:
        counts = register_counts(session, scope=principal.scope())
    return page(request, principal, "backoffice/registries.html", {"counts": counts})


@router.get("/back-office/registries/{group}")
def registry(
    group: str, request: Request, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    _group(group)
    number = page_number(request.query_params)
    lang = cast(Language, language(request))
    today: dt.date = request.app.state.settings.law_date()
    fields = ORGANISATION_FIELDS if group == "organisations" else ENTRY_FIELDS
    raw = _raw(request, fields)
    with database.read() as session:
        if group == "organisations":
            listing = list_organisations(
                session,
                scope=principal.scope(),
                chosen=_organisation_filter(raw),
                limit=PAGE_SIZE,
                offset=(number - 1) * PAGE_SIZE,
            )
        else:
            listing = list_entries(
                session,
                scope=principal.scope(),
                chosen=_entry_filter(group, raw),
                limit=PAGE_SIZE,
                offset=(number - 1) * PAGE_SIZE,
                today=today,
            )
    context: dict[str, Any] = {
        "group": group,
        "listing": listing,
        "values": raw,
        "number": number,
        "base": f"/back-office/registries/{group}?{urlencode(raw)}",
        "export": f"/back-office/registries/{group}/export?{urlencode(raw)}",
        "today": today,
        "place": lambda key, value: group_label(key, value, lang),
        "registers": REGISTER_GROUPS.get(group, ()),
    }
    return page(request, principal, "backoffice/registry.html", context)


@router.get("/back-office/registries/{group}/export")
def export(
    group: str, request: Request, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    """The registry as filtered, every page of it, as CSV (UTF-8, Excel reads the Chinese) or
    .xlsx (codes as text)."""
    _group(group)
    form = request.query_params.get("format", "csv")
    if form not in FORMATS:
        raise NotFoundError("export format", form)
    fields = ORGANISATION_FIELDS if group == "organisations" else ENTRY_FIELDS
    raw = _raw(request, fields)
    with tempfile.TemporaryDirectory(prefix="innoreg-export-") as folder:
        path = Path(folder) / f"{group}.{form}"
        with database.read() as session:
            if group == "organisations":
                conditions = organisation_conditions(principal.scope(), _organisation_filter(raw))
                conditions.pop("scope")
                export_file(
                    session,
                    scope=principal.scope(),
                    kind="organisations",
                    path=path,
                    where=list(conditions.values()),
                )
            else:
                export_entries(
                    session, scope=principal.scope(), chosen=_entry_filter(group, raw), path=path
                )
        content = path.read_bytes()
    return Response(
        content,
        media_type=FORMATS[form],
        headers={"content-disposition": f'attachment; filename="innoreg-{group}.{form}"'},
    )
