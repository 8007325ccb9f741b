"""The bureau's records over REST under ``/v1``: each kind listed a page at a time, read,
created and changed on the version read, moved through its lifecycle; every route declares its
policy, and the repositories keep each caller to the records in its scope."""

from __future__ import annotations

from fastapi import APIRouter


def router() -> APIRouter:
    from innoreg.service.api.routes.records import (
        activity,
        applications,
        audit,
        determinations,
        filings,
        io,
        ip,
        organisations,
        registries,
        transfers,
    )

    records = APIRouter()
    modules = (
        organisations,
        filings,
        determinations,
        activity,
        ip,
        transfers,
        applications,
        registries,
        io,
        audit,
    )
    for module in modules:
        records.include_router(module.router)
    return records
