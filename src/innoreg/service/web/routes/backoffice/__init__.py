"""The bureau's back office (reviewers and the bureau's admin), one module per job: the
review queue, the registries, overdue IP and its notices, the dashboard, what-if, users and
the audit log. Every route declares its policy (``common``); the records are read through
the caller's scope."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    from innoreg.service.web.routes.backoffice import (
        audit,
        dashboard,
        overdue_ip,
        registries,
        review,
        users,
        whatif,
    )

    modules = (review, registries, overdue_ip, dashboard, whatif, users, audit)
    return [module.router for module in modules]
