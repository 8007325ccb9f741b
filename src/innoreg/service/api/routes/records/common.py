"""What the records' routes share: the policies, the caller, list parameters, and the errors
every records operation declares."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Path, Query

from innoreg.records.principal import Principal, Role
from innoreg.records.repositories.listing import MAX_LIMIT
from innoreg.service.api.schemas.problem import ERRORS, problem_response
from innoreg.service.auth.policy import Policy, current_principal

ID_MAX = 2**31 - 1
"""Ids are 32-bit on both databases; a larger one is refused (422), not sent to the query."""
TENANT = (Role.ENTERPRISE_USER, Role.INSTITUTION_USER)
READ = Policy.of(*TENANT, Role.REVIEWER, Role.BUREAU_ADMIN)
"""Every signed-in role, each reaching its own scope (tenant, assigned, all)."""
WRITE = Policy.of(*TENANT, Role.BUREAU_ADMIN, write=True)
"""An organisation's own people, and the bureau's administrators."""
REVIEW = Policy.of(Role.REVIEWER, Role.BUREAU_ADMIN, tenant="assigned", write=True)
ADMIN_READ = Policy.of(Role.BUREAU_ADMIN, tenant="any")
ADMIN_WRITE = Policy.of(Role.BUREAU_ADMIN, tenant="any", write=True)

RECORD_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: problem_response(
        "Not signed in, or the credentials do not hold (`WWW-Authenticate: Bearer`)."
    ),
    403: problem_response("The caller's role may not do this."),
    409: problem_response(
        "A stale version, or a lifecycle step the record's state does not allow."
    ),
}

Caller = Annotated[Principal, Depends(current_principal)]
Cursor = Annotated[
    str | None,
    Query(max_length=1000, description="The `next` of the page before; omit for the first."),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Records per page.")]
Ident = Annotated[int, Path(ge=1, le=ID_MAX, description="The record's id.")]
OrganisationFilter = Annotated[
    int | None, Query(ge=1, le=ID_MAX, description="Only this organisation's records.")
]


def sort_query(columns: tuple[str, ...]) -> Any:
    """A ``sort`` query parameter limited to ``columns``, each ascending or ``-`` descending."""
    pattern = "^-?(" + "|".join(columns) + ")$"
    return Query(pattern=pattern, description=f"One of {', '.join(columns)}; `-` descends.")
