"""The web pages: server-rendered (Jinja2), bilingual (Babel catalogues), working without
JavaScript (htmx only enhances), following the GOV.UK Design System's patterns."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    """The pages' routers in matching order (the app includes each directly, out of the
    OpenAPI schema)."""
    from innoreg.service.web.routes import (
        account,
        backoffice,
        checker,
        deadline,
        home,
        law,
        portal,
        transfer,
    )

    modules = (home, law, checker, transfer, deadline, account)
    return [module.router for module in modules] + portal.routers() + backoffice.routers()
