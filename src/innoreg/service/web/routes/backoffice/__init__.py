"""The bureau's back office (reviewers and the bureau's admin), one module per job: the
dashboard, overdue IP and its notices. Every route declares its policy (``common``); the
records are read through the caller's scope."""

from __future__ import annotations

from fastapi import APIRouter


def router() -> APIRouter:
    from innoreg.service.web.routes.backoffice import dashboard, overdue_ip

    office = APIRouter()
    for module in (dashboard, overdue_ip):
        office.include_router(module.router)
    return office
