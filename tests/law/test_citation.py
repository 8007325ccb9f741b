"""Citations `<work URI>[/<expression>]~<eId>` resolve to the cited words and their hash."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from innoreg.errors import CitationError
from innoreg.law import Citation, ResolvedCitation, load_act

LIAONING_URI = "/akn/cn-ln/act/regulation/2014-01-09/independent-innovation-promotion"
LUOYANG_URI = "/akn/cn-ha-luoyang/act/regulation/2014/science-technology-progress"


@pytest.mark.parametrize(
    ("text", "expression", "point_in_time", "version"),
    [
        (f"{LUOYANG_URI}~art_7__para_1", None, None, None),
        (f"{LUOYANG_URI}/eng~art_7", "eng", None, None),
        (f"{LIAONING_URI}/eng:2024-06-30~art_7", "eng:2024-06-30", date(2024, 6, 30), None),
        (f"{LIAONING_URI}/eng@2014-01-09~chp_2", "eng@2014-01-09", None, date(2014, 1, 9)),
    ],
)
def test_citations_parse_and_print_back(
    text: str, expression: str | None, point_in_time: date | None, version: date | None
) -> None:
    citation = Citation.parse(text)
    assert citation.expression == expression
    assert (citation.point_in_time, citation.version) == (point_in_time, version)
    assert citation.language == "eng"
    assert str(citation) == text


@pytest.mark.parametrize(
    "text",
    [
        "luoyang~art_7",
        f"{LUOYANG_URI}",
        f"{LUOYANG_URI}~",
        f"{LUOYANG_URI}~art 7",
        f"{LUOYANG_URI}~art_7~art_8",
        f"{LUOYANG_URI}/english~art_7",
        f"{LUOYANG_URI}/eng:2024-02-30~art_7",
    ],
)
def test_malformed_citations_are_citation_errors(text: str) -> None:
    with pytest.raises(CitationError):
        Citation.parse(text)


def test_a_resolved_citation_carries_the_words_and_their_sha256() -> None:
    resolved = Citation.parse(f"{LUOYANG_URI}~art_7__para_1").resolve()
    _, act = load_act("luoyang")
    assert isinstance(resolved, ResolvedCitation)
    assert resolved.text == act.text_of("art_7__para_1")
    assert resolved.text.startswith("Encourage and guide state-owned enterprises")
    assert resolved.sha256 == hashlib.sha256(resolved.text.encode("utf-8")).hexdigest()
    assert len(resolved.sha256) == 64
    assert resolved.expression_uri == f"{LUOYANG_URI}/eng@"
    assert resolved.warnings and "in-force date" in resolved.warnings[0]


def test_a_point_in_time_citation_uses_the_version_then_in_force() -> None:
    resolved = Citation.parse(f"{LIAONING_URI}/eng:2020-06-30~art_7").resolve()
    assert resolved.expression_uri == f"{LIAONING_URI}/eng@2014-01-09"
    assert resolved.text.startswith("encourage enterprises to focus on improving")
    assert resolved.warnings == ()
    later = Citation(LIAONING_URI, "art_7", "eng:2024-06-30").resolve()
    assert later.sha256 == resolved.sha256
    assert "end date" in later.warnings[0]


def test_a_citation_before_the_act_was_in_force_does_not_resolve() -> None:
    with pytest.raises(CitationError, match="in force on 2013-12-31"):
        Citation(LIAONING_URI, "art_7", "eng:2013-12-31").resolve()


def test_a_chapter_citation_hashes_the_heading_and_its_articles() -> None:
    resolved = Citation(LIAONING_URI, "chp_2").resolve()
    assert resolved.text.startswith("Innovation Platform\n\nArticle 6 The people's governments")
    assert "\n\nSeventh encourage enterprises" in resolved.text


def test_unknown_eids_and_works_are_named() -> None:
    with pytest.raises(CitationError, match=f"unknown eId 'art_16' in {LUOYANG_URI}"):
        Citation(LUOYANG_URI, "art_16").resolve()
    with pytest.raises(CitationError, match="unknown act"):
        Citation("/akn/cn-ha/act/regulation/2014/science-technology-progress", "art_1").resolve()
    with pytest.raises(CitationError, match="has no eng version dated 2015-01-01"):
        Citation(LIAONING_URI, "art_1", "eng@2015-01-01").resolve()


def test_verify_notices_a_changed_text() -> None:
    citation = Citation(LUOYANG_URI, "art_14")
    good = citation.resolve().sha256
    assert citation.verify(good.upper()).sha256 == good
    with pytest.raises(CitationError, match="has changed since it was cited"):
        citation.verify(hashlib.sha256(b"an older wording").hexdigest())
