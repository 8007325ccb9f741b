"""The portal of an enterprise or an institution, after sign-in: one module per job.

Every route declares the tenant policy (``enterprise_user`` and ``institution_user``, their own
organisation's records); the organisation is always the principal's own, never taken from the
URL or a form, and every read goes through the repositories with ``principal.scope()``, so
another tenant's record is as absent (404) as one that does not exist."""

from __future__ import annotations

from fastapi import APIRouter

from innoreg.records.principal import Role
from innoreg.service.auth.policy import Policy, guard

READ = Policy.of(Role.ENTERPRISE_USER, Role.INSTITUTION_USER, tenant="own")
WRITE = Policy.of(Role.ENTERPRISE_USER, Role.INSTITUTION_USER, tenant="own", write=True)
READS = [guard(READ)]
WRITES = [guard(WRITE)]


def routers() -> list[APIRouter]:
    from innoreg.service.web.routes.portal import (
        applications,
        calendar,
        filing_tasks,
        filings,
        ip,
        organisation,
        transfers,
    )

    modules = (organisation, filings, filing_tasks, applications, calendar, ip, transfers)
    return [module.router for module in modules]
