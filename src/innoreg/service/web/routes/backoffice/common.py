"""What every back-office page shares: the policies (a reviewer reaches what is assigned to
them, the bureau's admin everything; user administration is the admin's alone), the caller,
the day and fiscal year a page is read on, and the page frame with the back office's menu."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request
from markupsafe import Markup, escape
from starlette.responses import HTMLResponse

from innoreg.records.principal import Principal, Role
from innoreg.service.auth.csrf import ANONYMOUS_COOKIE, token_for_page
from innoreg.service.auth.csrf import FIELD as CSRF_FIELD
from innoreg.service.auth.policy import Policy, current_principal, guard
from innoreg.service.web import forms
from innoreg.service.web.forms import N_, FieldError, Invalid
from innoreg.service.web.render import language, render

STAFF = (Role.REVIEWER, Role.BUREAU_ADMIN)
READ = guard(Policy.of(*STAFF, tenant="assigned"))
"""Reviewers (what is assigned to them) and the bureau's admin (everything): read."""
WRITE = guard(Policy.of(*STAFF, tenant="assigned", write=True))
ADMIN = guard(Policy.of(Role.BUREAU_ADMIN, tenant="any"))
"""The bureau's admin alone (users, the audit log)."""
ADMIN_WRITE = guard(Policy.of(Role.BUREAU_ADMIN, tenant="any", write=True))

PrincipalDep = Annotated[Principal, Depends(current_principal)]
PAGE_SIZE = 50

MENU = (
    ("/back-office/review", N_("Review queue"), None),
    ("/back-office/registries", N_("Registries"), None),
    ("/back-office/overdue-ip", N_("Overdue IP"), None),
    ("/back-office/dashboard", N_("Dashboard"), None),
    ("/back-office/what-if", N_("What if"), None),
    ("/back-office/users", N_("Users"), Role.BUREAU_ADMIN),
    ("/back-office/audit", N_("Audit log"), Role.BUREAU_ADMIN),
)
"""The back office's jobs: link, name, and the one role that alone may see it (None: both)."""


def menu(principal: Principal, path: str) -> list[dict[str, Any]]:
    return [
        {"href": href, "name": name, "current": path.startswith(href)}
        for href, name, only in MENU
        if only is None or principal.role is only
    ]


def page(
    request: Request,
    principal: Principal,
    template: str,
    context: dict[str, Any],
    *,
    status: int = 200,
) -> HTMLResponse:
    """A back-office page: the template with the caller and the menu."""
    errors = context.get("errors") or []
    lang = language(request)
    token, fresh = token_for_page(request)
    response = render(
        request,
        template,
        {
            "principal": principal,
            "menu": menu(principal, request.url.path),
            "fen": lambda value: fen(value, lang),
            "moment": lambda at: moment(at, lang),
            "csrf_field": Markup(
                f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(token)}">'
            ),
            **context,
        },
        status=status,
        title_error=bool(errors),
    )
    if fresh:  # no session token yet: the forms repeat this cookie's value
        response.set_cookie(
            ANONYMOUS_COOKIE, token, httponly=True, samesite="lax", path="/", secure=_https(request)
        )
    return response


def _https(request: Request) -> bool:
    return request.url.scheme == "https"


@dataclass
class Period:
    """The fiscal year and the day a page reads its records on, as typed (kept on error)."""

    fiscal_year: int
    as_of: dt.date
    raw: dict[str, str]
    errors: list[FieldError] = field(default_factory=list)

    def query(self, **more: str) -> str:
        from urllib.parse import urlencode

        keys = ("fiscal_year", "as_of-day", "as_of-month", "as_of-year")
        return urlencode({**{k: self.raw[k] for k in keys if k in self.raw}, **more})

    @property
    def date_fields(self) -> dict[str, str]:
        return {p: self.raw.get(f"as_of-{p}", "") for p in ("day", "month", "year")}


def period(request: Request, params: Mapping[str, str], *, fiscal_year: bool = True) -> Period:
    """``as_of`` (a GOV.UK date input; default: today) and ``fiscal_year`` (default: the
    year before ``as_of``, the last one whose filings are in)."""
    raw = {k: v[: forms.MAX_FIELD_CHARS + 1] for k, v in params.items()}
    today: dt.date = request.app.state.settings.law_date()
    forms.default_day(raw, "as_of", today)
    errors: list[FieldError] = []
    try:
        as_of = forms.date(raw, "as_of", required=N_("Enter the day to read the records on"))
    except Invalid as exc:
        errors.append(FieldError("as_of", exc.message, exc.params))
        as_of = today
    year = as_of.year - 1
    if fiscal_year:
        typed = raw.setdefault("fiscal_year", str(year)).strip()
        if typed.isdigit() and 1990 <= int(typed) <= 2100:
            year = int(typed)
        else:
            errors.append(
                FieldError("fiscal_year", N_("Enter a fiscal year like 2023"), {}),
            )
    return Period(year, as_of, raw, errors)


def page_number(params: Mapping[str, str]) -> int:
    raw = params.get("page", "1")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 100_000 else 1


def fen(value: int | None, lang: str) -> str:
    """Money the records hold in fen, as each language reads it: yuan, and in Chinese also
    万元 (the unit the bureau's Chinese readers count support in)."""
    from decimal import Decimal

    from innoreg import display

    if value is None:
        return "—"
    return display.money(Decimal(value).scaleb(-2), "zh" if lang == "zh" else "en", wan=True)


BUREAU_ZONE = dt.timezone(dt.timedelta(hours=8), "CST")


def moment(at: dt.datetime | None, lang: str) -> str:
    """A recorded time in the bureau's zone (China Standard Time), in the page's language."""
    from innoreg import display

    if at is None:
        return "—"
    local = at.astimezone(BUREAU_ZONE)
    day = display.date(local.date(), "zh" if lang == "zh" else "en")
    return f"{day} {local:%H:%M}" if lang == "zh" else f"{day}, {local:%H:%M}"
