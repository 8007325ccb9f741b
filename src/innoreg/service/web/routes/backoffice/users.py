"""User administration for the bureau's admin: the accounts, a new account (one role; a
tenant role tied to its organisation), and for each account disable or enable, a new
password, another role — through ``records.accounts``, which checks the password policy,
ends the account's sessions where it must and records each change in the audit log. A
password is never shown again, nor kept in the form after an error."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from innoreg.errors import InputError
from innoreg.records.accounts.users import (
    create_user,
    disable_user,
    enable_user,
    list_users,
    reset_password,
    set_role,
)
from innoreg.records.errors import NotFoundError
from innoreg.records.principal import Principal, Role
from innoreg.service.database import DatabaseDep
from innoreg.service.web.forms import N_, FieldError
from innoreg.service.web.render import language
from innoreg.service.web.routes.backoffice.common import (
    ADMIN,
    ADMIN_WRITE,
    PrincipalDep,
    page,
)

router = APIRouter()
FormText = Annotated[str, Form()]
FIELDS = {"email", "role", "organisation", "password"}


def _problem(exc: InputError, request: Request, default: str) -> FieldError:
    """The records' refusal beside its field, in the page's language where it was written."""
    field = exc.field if exc.field in FIELDS else default
    text = exc.detail_zh if language(request) == "zh" and exc.detail_zh else exc.detail
    return FieldError(field, text, catalogued=False)


@router.get("/back-office/users", dependencies=[ADMIN])
def users(request: Request, database: DatabaseDep, principal: PrincipalDep) -> Response:
    accounts = list_users(database)
    return page(
        request,
        principal,
        "backoffice/users.html",
        {"accounts": accounts, "done": request.query_params.get("done", "")},
    )


def _new_page(
    request: Request,
    principal: Principal,
    values: dict[str, str],
    errors: list[FieldError],
    status: int = 200,
) -> Response:
    return page(
        request,
        principal,
        "backoffice/user_new.html",
        {"values": values, "errors": errors, "roles": [r.value for r in Role]},
        status=status,
    )


@router.get("/back-office/users/new", dependencies=[ADMIN])
def new_user_form(request: Request, principal: PrincipalDep) -> Response:
    return _new_page(request, principal, {}, [])


@router.post("/back-office/users/new", dependencies=[ADMIN_WRITE])
def new_user(
    request: Request,
    database: DatabaseDep,
    principal: PrincipalDep,
    email: FormText = "",
    role: FormText = "",
    organisation: FormText = "",
    password: FormText = "",
) -> Response:
    values = {"email": email[:254], "role": role[:40], "organisation": organisation[:40]}
    errors: list[FieldError] = []
    if not email.strip():
        errors.append(FieldError("email", N_("Enter the person's e-mail address")))
    if role not in {r.value for r in Role}:
        errors.append(FieldError("role", N_("Select a role")))
    if not password:
        errors.append(FieldError("password", N_("Enter a first password for the account")))
    if not errors:
        try:
            account = create_user(
                database,
                email=email,
                role=role,
                password=password,
                organisation=organisation.strip() or None,
                actor=principal.actor,
            )
        except InputError as exc:
            errors.append(_problem(exc, request, "email"))
    if errors:
        return _new_page(request, principal, values, errors, status=422)
    return RedirectResponse(f"/back-office/users/{account.id}?done=created", status_code=303)


def _account(database: DatabaseDep, user_id: int) -> Any:
    for account in list_users(database):
        if account.id == user_id:
            return account
    raise NotFoundError("user", user_id)


def _user_page(
    request: Request,
    database: DatabaseDep,
    principal: Principal,
    user_id: int,
    *,
    errors: list[FieldError] | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    account = _account(database, user_id)
    return page(
        request,
        principal,
        "backoffice/user.html",
        {
            "account": account,
            "errors": errors or [],
            "values": values or {"role": account.role.value},
            "roles": [r.value for r in Role],
            "done": request.query_params.get("done", ""),
            "yourself": account.id == principal.user_id,
        },
        status=status,
    )


@router.get("/back-office/users/{user_id}", dependencies=[ADMIN])
def user_page(
    user_id: int, request: Request, database: DatabaseDep, principal: PrincipalDep
) -> Response:
    return _user_page(request, database, principal, user_id)


@router.post("/back-office/users/{user_id}/access", dependencies=[ADMIN_WRITE])
def change_access(
    user_id: int,
    request: Request,
    database: DatabaseDep,
    principal: PrincipalDep,
    access: FormText = "",
) -> Response:
    """Disable (no more sign-ins; sessions end, API tokens revoked) or enable an account."""
    account = _account(database, user_id)
    if access not in ("disable", "enable"):
        errors = [FieldError("access", N_("Choose to disable or enable the account"))]
        return _user_page(request, database, principal, user_id, errors=errors, status=422)
    if access == "disable" and account.id == principal.user_id:
        errors = [FieldError("access", N_("You cannot disable your own account"))]
        return _user_page(request, database, principal, user_id, errors=errors, status=422)
    change = disable_user if access == "disable" else enable_user
    change(database, email=account.email, actor=principal.actor)
    done = "disabled" if access == "disable" else "enabled"
    return RedirectResponse(f"/back-office/users/{user_id}?done={done}", status_code=303)


@router.post("/back-office/users/{user_id}/password", dependencies=[ADMIN_WRITE])
def change_password(
    user_id: int,
    request: Request,
    database: DatabaseDep,
    principal: PrincipalDep,
    password: FormText = "",
) -> Response:
    """A new password (the policy checked); the lockout lifted, every session ended."""
    account = _account(database, user_id)
    errors: list[FieldError] = []
    if not password:
        errors.append(FieldError("password", N_("Enter the new password")))
    else:
        try:
            reset_password(database, email=account.email, password=password, actor=principal.actor)
        except InputError as exc:
            errors.append(_problem(exc, request, "password"))
    if errors:
        return _user_page(request, database, principal, user_id, errors=errors, status=422)
    return RedirectResponse(f"/back-office/users/{user_id}?done=password", status_code=303)


@router.post("/back-office/users/{user_id}/role", dependencies=[ADMIN_WRITE])
def change_role(
    user_id: int,
    request: Request,
    database: DatabaseDep,
    principal: PrincipalDep,
    role: FormText = "",
    organisation: FormText = "",
) -> Response:
    """Another role (and the organisation a tenant role needs); sessions end so it applies
    from the next sign-in."""
    account = _account(database, user_id)
    values = {"role": role[:40], "organisation": organisation[:40]}
    errors: list[FieldError] = []
    if role not in {r.value for r in Role}:
        errors.append(FieldError("role", N_("Select a role")))
    elif account.id == principal.user_id and role != Role.BUREAU_ADMIN.value:
        errors.append(FieldError("role", N_("You cannot take the admin role from yourself")))
    else:
        try:
            set_role(
                database,
                email=account.email,
                role=role,
                organisation=organisation.strip() or None,
                actor=principal.actor,
            )
        except InputError as exc:
            errors.append(_problem(exc, request, "role"))
    if errors:
        return _user_page(
            request, database, principal, user_id, errors=errors, values=values, status=422
        )
    return RedirectResponse(f"/back-office/users/{user_id}?done=role", status_code=303)
