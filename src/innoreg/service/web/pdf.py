"""A result as a PDF (WeasyPrint), with the CJK font Debian ships (fonts-noto-cjk), so Chinese
prints as Chinese. Imported only when a PDF is asked for: WeasyPrint is slow to import."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from innoreg.service.web.i18n import HTML_LANG
from innoreg.service.web.render import environment, language

PDF_CSS = """
@page { size: A4; margin: 18mm 16mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; } }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif; font-size: 10.5pt; line-height: 1.55; color: #0b0c0c; }
h1 { font-size: 18pt; margin: 0 0 6pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 3pt 4pt; border-bottom: 1px solid #ddd; }
.verdict { border: 3pt solid #0b0c0c; padding: 8pt; font-size: 13pt; font-weight: bold; }
.small { font-size: 8.5pt; color: #444; } .mono { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; }
"""


def pdf_response(
    request: Request, template: str, context: dict[str, Any], filename: str
) -> Response:
    import weasyprint  # type: ignore[import-untyped]  # heavy: only on the PDF path

    lang = language(request)
    html = (
        environment(lang)
        .get_template(template)
        .render(lang=lang, html_lang=HTML_LANG[lang], **context)
    )
    document = weasyprint.HTML(string=html, base_url=None).write_pdf(
        stylesheets=[weasyprint.CSS(string=PDF_CSS)]
    )
    return Response(
        document,
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )
