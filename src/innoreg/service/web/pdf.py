"""A page's template as a PDF (``service.documents`` makes the PDF). Imported only when a PDF is
asked for: WeasyPrint is slow to import."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from innoreg.service.web.i18n import HTML_LANG
from innoreg.service.web.render import environment, language


def pdf_response(
    request: Request, template: str, context: dict[str, Any], filename: str
) -> Response:
    from innoreg.service.documents import html_to_pdf

    lang = language(request)
    html = (
        environment(lang)
        .get_template(template)
        .render(lang=lang, html_lang=HTML_LANG[lang], **context)
    )
    return Response(
        html_to_pdf(html),
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )
