"""The web pages: server-rendered (Jinja2), bilingual (Babel catalogues), working without
JavaScript (htmx only enhances), following the GOV.UK Design System's patterns."""

from __future__ import annotations

from fastapi import APIRouter


def router() -> APIRouter:
    from innoreg.service.web.routes import (
        account,
        backoffice,
        checker,
        deadline,
        home,
        law,
        transfer,
    )

    pages = APIRouter(include_in_schema=False)
    for module in (home, law, checker, transfer, deadline, account):
        pages.include_router(module.router)
    from innoreg.service.web.routes import portal

    pages.include_router(portal.router())
    pages.include_router(backoffice.router())
    return pages
