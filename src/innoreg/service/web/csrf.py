"""CSRF for the pages: ``require_csrf`` (a dependency for unsafe form routes, public ones
included) and the hidden field every unsafe form carries — ``{{ csrf_field }}`` or
``{{ csrf_field() }}`` in a template (``render`` puts it in every page's context). Signed-in
forms need no dependency of their own: the route's guard checks the token of a session.
See ``service/auth/csrf.py`` for how the token is chosen and checked."""

from __future__ import annotations

from markupsafe import Markup, escape

from innoreg.service.auth.csrf import ANONYMOUS_COOKIE, FIELD, require_csrf, token_for_page

__all__ = ["ANONYMOUS_COOKIE", "FIELD", "CsrfField", "require_csrf", "token_for_page"]


class CsrfField:
    """The hidden input, rendered as ``{{ csrf_field }}`` or ``{{ csrf_field() }}``; it notes
    whether a page used it (then a visitor not yet signed in gets the token's cookie)."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.used = False

    def __call__(self) -> Markup:
        self.used = True
        return Markup(f'<input type="hidden" name="{FIELD}" value="{escape(self.token)}">')

    def __html__(self) -> str:
        return str(self())

    def __str__(self) -> str:
        return str(self())
