"""Documents the service prints for both the pages and the API: HTML made into PDF with
WeasyPrint and the CJK font Debian ships (fonts-noto-cjk), so Chinese prints as Chinese; and
the notices the bureau issues, which read the same wherever they are asked for.
WeasyPrint is imported only when a PDF is made: it is slow to import."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

PDF_CSS = """
@page { size: A4; margin: 18mm 16mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; } }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif; font-size: 10.5pt; line-height: 1.55; color: #0b0c0c; }
h1 { font-size: 18pt; margin: 0 0 6pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 3pt 4pt; border-bottom: 1px solid #ddd; }
.verdict { border: 3pt solid #0b0c0c; padding: 8pt; font-size: 13pt; font-weight: bold; }
.small { font-size: 8.5pt; color: #444; } .mono { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; }
"""
HERE = Path(__file__).parent


def html_to_pdf(html: str) -> bytes:
    import weasyprint  # type: ignore[import-untyped]  # heavy: only on the PDF path

    document: bytes = weasyprint.HTML(string=html, base_url=None).write_pdf(
        stylesheets=[weasyprint.CSS(string=PDF_CSS)]
    )
    return document


@cache
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(loader=FileSystemLoader(HERE), autoescape=select_autoescape(["html"]))


def notice_pdf(document: Any) -> bytes:
    """A notice under Luoyang art. 14 in both languages (the holder may read either):
    ``document`` is ``records.workflows.ip.NoticeDocument``."""
    return html_to_pdf(_environment().get_template("notice.html").render(document=document))
