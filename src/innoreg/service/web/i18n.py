"""UI strings in Babel catalogues (``translations/<locale>/LC_MESSAGES/messages.po``), compiled
in memory when the process starts: no build step, no ``.mo`` files to keep in step with the
``.po`` files. Domain labels (variables, inputs, options) come from the packs, not from here.

Language: a ``lang`` cookie (set by the switch on every page) wins; on a first visit the
``Accept-Language`` header decides; otherwise the settings' default (zh)."""

from __future__ import annotations

import functools
import io
from gettext import GNUTranslations
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from starlette.requests import Request

TRANSLATIONS = Path(__file__).parent / "translations"
LOCALES = {"zh": "zh_CN", "en": "en"}
HTML_LANG = {"zh": "zh-CN", "en": "en"}
COOKIE = "lang"


@functools.cache
def catalogues() -> dict[str, GNUTranslations]:
    """Each language's catalogue, compiled from its ``.po`` file once per process."""
    compiled = {}
    for lang, locale in LOCALES.items():
        po = TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"
        with po.open("rb") as source:
            catalog = read_po(source, locale=locale)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        compiled[lang] = GNUTranslations(buffer)
    return compiled


def negotiate(request: Request, default: str) -> str:
    """The page language: cookie, then Accept-Language, then the default."""
    cookie = request.cookies.get(COOKIE)
    if cookie in LOCALES:
        return cookie
    return from_accept_language(request.headers.get("accept-language", ""), default)


def from_accept_language(header: str, default: str) -> str:
    """The supported language the header prefers most (ties: the one named first)."""
    candidates: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        lang = tag.strip().lower().split("-", 1)[0]
        if lang in LOCALES and quality > 0:
            candidates.append((quality, -index, lang))
    return max(candidates)[2] if candidates else default
