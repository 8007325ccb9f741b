"""Who is asking: a signed-in user's role and tenant, and the records that role may reach.

Roles (issue 10): ``enterprise_user`` and ``institution_user`` belong to one organisation (their
tenant) and reach only its records; a ``reviewer`` reaches what is assigned to them; a
``bureau_admin`` reaches everything. Anonymous callers reach the public law only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from innoreg.records.repositories.scope import BUREAU, Scope


class Role(StrEnum):
    ENTERPRISE_USER = "enterprise_user"
    INSTITUTION_USER = "institution_user"
    REVIEWER = "reviewer"
    BUREAU_ADMIN = "bureau_admin"


TENANT_ROLES = frozenset({Role.ENTERPRISE_USER, Role.INSTITUTION_USER})
"""Roles tied to one organisation (the tenant); the others must have none."""
BUREAU_ROLES = frozenset({Role.REVIEWER, Role.BUREAU_ADMIN})


@dataclass(frozen=True)
class Principal:
    """The caller of one request. ``user_id=None`` is anonymous."""

    user_id: int | None = None
    role: Role | None = None
    organisation_id: int | None = None
    email: str = ""
    via: str = "anonymous"
    """How the caller proved who they are: ``anonymous``, ``session``, ``bearer``, ``api_token``."""
    token_scopes: frozenset[str] | None = None
    """A personal API token's scopes (``read``, ``write``); None when not signed in by one."""

    @property
    def anonymous(self) -> bool:
        return self.user_id is None

    @property
    def actor(self) -> str:
        """The audit log's name for this caller."""
        return "anonymous" if self.user_id is None else f"user:{self.user_id}"

    def scope(self) -> Scope:
        """The records this caller's role reaches; repositories filter by it."""
        if self.role is Role.BUREAU_ADMIN:
            return BUREAU
        if self.role is Role.REVIEWER and self.user_id is not None:
            return Scope(reviewer_id=self.user_id)
        if self.role in TENANT_ROLES and self.organisation_id is not None:
            return Scope.organisations(self.organisation_id)
        return Scope(frozenset())  # reaches nothing


ANONYMOUS = Principal()
