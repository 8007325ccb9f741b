"""Regulation texts as structured, citable law: parse plain text into chapters, articles and
paragraphs with Akoma Ntoso eIds; find the shipped acts and their versions; cite and hash their
words; export Akoma Ntoso XML.

    >>> meta, act = load_act("luoyang")
    >>> act.find("art_7__para_1").text[:40]
    'Encourage and guide state-owned enterpri'
    >>> meta.in_force is None, meta.jurisdiction
    (True, 'cn-ha-luoyang')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from innoreg.law.catalog import (
    expression_in_force,
    find_act,
    list_acts,
    load_act,
    load_expression,
    read_expression,
)
from innoreg.law.citation import Citation, ResolvedCitation
from innoreg.law.metadata import ActMetadata, Expression
from innoreg.law.model import Act, Article, Chapter, Paragraph
from innoreg.law.parse import parse_act

if TYPE_CHECKING:
    from innoreg.law.akn import to_akn_xml

__all__ = [
    "Act",
    "ActMetadata",
    "Article",
    "Chapter",
    "Citation",
    "Expression",
    "Paragraph",
    "ResolvedCitation",
    "expression_in_force",
    "find_act",
    "list_acts",
    "load_act",
    "load_expression",
    "parse_act",
    "read_expression",
    "to_akn_xml",
]


def __getattr__(name: str) -> Any:
    """`to_akn_xml` imports lxml only when asked for, keeping `import innoreg.law` quick."""
    if name == "to_akn_xml":
        from innoreg.law.akn import to_akn_xml

        return to_akn_xml
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
