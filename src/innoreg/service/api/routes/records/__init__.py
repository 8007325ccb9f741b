"""The bureau's records over REST under ``/v1``: each kind listed a page at a time, read,
created and changed on the version read, moved through its lifecycle; every route declares its
policy, and the repositories keep each caller to the records in its scope."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
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
    return [module.router for module in modules]
