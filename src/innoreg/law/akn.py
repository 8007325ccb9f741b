"""Akoma Ntoso 3.0 XML of an act, valid against the official (strict) OASIS schema.

The English expression is marked as a translation of the Chinese original (`FRBRtranslation
fromLanguage="chi"`, `FRBRauthoritative value="false"`). The schema wants a full date in every
FRBRdate; where we only know the year of the work URI (Luoyang, 2014) the date is the year's
first day *named* `year-only`, and a note in `<meta>` says it is not an event date. Known
adoption, in-force and end dates become lifecycle events and an in-force interval."""

from __future__ import annotations

from datetime import date
from typing import Protocol, cast

from lxml import etree

from innoreg.law.metadata import WORK_URI, ActMetadata, Expression
from innoreg.law.model import Act, Article, Chapter

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# lxml-stubs type nsmap keys as str, but lxml wants None for the default namespace.
_DEFAULT_NAMESPACE = cast("dict[str, str]", {None: AKN_NAMESPACE})
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class _Maker:
    """`_E.article(child, ..., eId="art_1")`: an AKN element with children, text, attributes."""

    def __getattr__(self, tag: str) -> _Build:
        def build(*children: etree._Element | str, **attributes: str) -> etree._Element:
            element = etree.Element(f"{{{AKN_NAMESPACE}}}{tag}", nsmap=_DEFAULT_NAMESPACE)
            for name, value in attributes.items():
                element.set(name, value)
            for child in children:
                if isinstance(child, str):
                    element.text = child
                else:
                    element.append(child)
            return element

        return build


class _Build(Protocol):
    def __call__(self, *children: etree._Element | str, **attributes: str) -> etree._Element: ...


_E = _Maker()
_YEAR_ONLY = "year-only"


def to_akn_xml(
    meta: ActMetadata,
    act: Act,
    expression: Expression | None = None,
    *,
    generated: date | None = None,
) -> bytes:
    """The act as UTF-8 Akoma Ntoso XML; `expression` defaults to the latest English one,
    `generated` (the manifestation's date) to today."""
    expression = expression or meta.default_expression()
    document = _E.act(
        _meta(meta, expression, generated or date.today()),
        _preface(meta, act),
        *([_E.preamble(_E.p(act.preamble))] if act.preamble else []),
        _E.body(*(_chapter(chapter) for chapter in act.chapters)),
        name=meta.subtype,
    )
    root = _E.akomaNtoso(document)
    etree.cleanup_namespaces(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _meta(meta: ActMetadata, expression: Expression, generated: date) -> etree._Element:
    work_date = _work_date(meta)
    version = (expression.date.isoformat(), "version") if expression.date else work_date
    parts = [_identification(meta, expression, work_date, version, generated)]
    events = _events(meta)
    if events:
        parts.append(_E.lifecycle(*events, source="#innoreg"))
    if meta.in_force is not None:
        interval = {"start": "#e_in_force", "refersTo": "#inForce"}
        if meta.end is not None:
            interval["end"] = "#e_end"
        parts.append(
            _E.temporalData(
                _E.temporalGroup(_E.timeInterval(**interval), eId="tg_in_force"),
                source="#innoreg",
            )
        )
    parts.append(_references(meta, expression))
    notes = _notes(meta, work_date, version)
    if notes:
        parts.append(_E.notes(*notes, source="#innoreg"))
    return _E.meta(*parts)


def _identification(
    meta: ActMetadata,
    expression: Expression,
    work_date: tuple[str, str],
    version: tuple[str, str],
    generated: date,
) -> etree._Element:
    match = WORK_URI.match(meta.work_uri)
    assert match is not None  # checked when the metadata was loaded
    work = _E.FRBRWork(
        _E.FRBRthis(value=f"{meta.work_uri}/!main"),
        _E.FRBRuri(value=meta.work_uri),
        _E.FRBRalias(value=meta.title_en, name="title"),
        _E.FRBRalias(value=meta.title_zh, name="title-zh"),
        _E.FRBRalias(value=meta.short_name, name="short-name"),
        _E.FRBRdate(date=work_date[0], name=work_date[1]),
        _E.FRBRauthor(href="#legislature"),
        _E.FRBRcountry(value=meta.jurisdiction),
        _E.FRBRsubtype(value=meta.subtype),
        _E.FRBRnumber(value=match["name"]),
    )
    translation = []
    if expression.translation_of is not None:
        translation.append(
            _E.FRBRtranslation(
                href=_original_uri(meta, expression),
                fromLanguage=expression.translation_of,
                authoritative="false",
                by="#translator",
            )
        )
    expression_element = _E.FRBRExpression(
        _E.FRBRthis(value=f"{expression.uri}/!main"),
        _E.FRBRuri(value=expression.uri),
        _E.FRBRdate(date=version[0], name=version[1]),
        _E.FRBRauthor(href="#translator" if expression.is_translation else "#legislature"),
        _E.FRBRauthoritative(value="false" if expression.is_translation else "true"),
        _E.FRBRlanguage(language=expression.language),
        *translation,
    )
    manifestation = _E.FRBRManifestation(
        _E.FRBRthis(value=f"{expression.uri}/!main.xml"),
        _E.FRBRuri(value=f"{expression.uri}.xml"),
        _E.FRBRdate(date=generated.isoformat(), name="transform"),
        _E.FRBRauthor(href="#innoreg"),
    )
    return _E.identification(work, expression_element, manifestation, source="#innoreg")


def _work_date(meta: ActMetadata) -> tuple[str, str]:
    """The work's FRBRdate: the adoption date, else the work URI's date, else its year."""
    if meta.adopted is not None:
        return meta.adopted.isoformat(), "adoption"
    match = WORK_URI.match(meta.work_uri)
    assert match is not None
    if len(match["date"]) == 10:
        return match["date"], "work"
    return f"{match['date']}-01-01", _YEAR_ONLY


def _original_uri(meta: ActMetadata, expression: Expression) -> str:
    suffix = expression.date.isoformat() if expression.date else ""
    return f"{meta.work_uri}/{expression.translation_of}@{suffix}"


def _events(meta: ActMetadata) -> list[etree._Element]:
    events = []
    for eid, day, kind, refers in (
        ("e_adoption", meta.adopted, "generation", "#adoption"),
        ("e_in_force", meta.in_force, "generation", "#commencement"),
        ("e_end", meta.end, "repeal", "#repeal"),
    ):
        if day is not None:
            events.append(
                _E.eventRef(
                    eId=eid, date=day.isoformat(), source="#original", type=kind, refersTo=refers
                )
            )
    return events


def _references(meta: ActMetadata, expression: Expression) -> etree._Element:
    original = _original_uri(meta, expression) if expression.is_translation else expression.uri
    return _E.references(
        _E.original(eId="original", href=original, showAs=meta.title_zh),
        _E.TLCOrganization(eId="innoreg", href="/ontology/organization/innoreg", showAs="innoreg"),
        _E.TLCOrganization(
            eId="legislature",
            href=f"/ontology/organization/{meta.jurisdiction}/legislature",
            showAs=meta.author,
        ),
        _E.TLCOrganization(
            eId="translator",
            href="/ontology/organization/translator-not-recorded",
            showAs="translator not recorded",
        ),
        _E.TLCEvent(eId="adoption", href="/ontology/event/adoption", showAs="adoption"),
        _E.TLCEvent(eId="commencement", href="/ontology/event/commencement", showAs="in force"),
        _E.TLCEvent(eId="repeal", href="/ontology/event/repeal", showAs="end"),
        _E.TLCConcept(eId="inForce", href="/ontology/concept/inForce", showAs="in force"),
        source="#innoreg",
    )


def _notes(
    meta: ActMetadata, work_date: tuple[str, str], version: tuple[str, str]
) -> list[etree._Element]:
    sentences = list(meta.date_warnings())
    if _YEAR_ONLY in (work_date[1], version[1]):
        sentences.append(
            f"FRBRdate {work_date[0]} named {_YEAR_ONLY} stands for the year "
            f"{work_date[0][:4]} of the work URI, not for an event on that day"
        )
    return [
        _E.note(_E.p(sentence), eId=f"note_{i}") for i, sentence in enumerate(sentences, start=1)
    ]


def _preface(meta: ActMetadata, act: Act) -> etree._Element:
    title_en = act.title or meta.title_en
    title_zh = _E.docTitle(meta.title_zh)
    title_zh.set(_XML_LANG, "zh")
    return _E.preface(_E.longTitle(_E.p(_E.docTitle(title_en))), _E.p(title_zh))


def _chapter(chapter: Chapter) -> etree._Element:
    heading = [_E.heading(chapter.heading)] if chapter.heading else []
    return _E.chapter(
        _E.num(_num(chapter.label)),
        *heading,
        *(_article(article) for article in chapter.articles),
        eId=chapter.eid,
    )


def _article(article: Article) -> etree._Element:
    return _E.article(
        _E.num(_num(article.label)),
        *(
            _E.paragraph(_E.content(_E.p(paragraph.text)), eId=paragraph.eid)
            for paragraph in article.paragraphs
        ),
        eId=article.eid,
    )


def _num(label: str) -> str:
    return label.rstrip(":：. ")
