"""The two shipped translations parse into every chapter and all 15 articles, in order, with each
article's words exactly as the source has them."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from innoreg.errors import CitationError
from innoreg.law import Act, Article, Chapter, Paragraph, parse_act

LUOYANG = "luoyang-science-technology-progress-regulations.en.txt"
LIAONING = "provincial-independent-innovation-regulations.en.txt"


def source(name: str) -> str:
    return (resources.files("innoreg.law") / "texts" / name).read_text(encoding="utf-8")


def parsed(name: str) -> Act:
    return parse_act(source(name), source=name)


def squeeze(text: str) -> str:
    return " ".join(text.split())


def test_luoyang_has_its_title_and_three_chapters() -> None:
    act = parsed(LUOYANG)
    assert act.title == "Luoyang Municipal Science and Technology Progress Regulations"
    assert act.preamble == ""
    assert [(c.num, c.eid, c.label, c.heading) for c in act.chapters] == [
        (1, "chp_1", "Chapter 1", "General Provisions"),
        (2, "chp_2", "Chapter 2", "Enterprise Technological Innovation"),
        (
            3,
            "chp_3",
            "Chapter 3",
            "Industry-university-research cooperation and transformation of scientific and "
            "technological achievements",
        ),
    ]
    assert [[a.num for a in c.articles] for c in act.chapters] == [
        [1, 2, 3, 4, 5, 6],
        [7, 8, 9, 10],
        [11, 12, 13, 14, 15],
    ]


def test_luoyang_article_labels_keep_their_colons() -> None:
    labels = [a.label for a in parsed(LUOYANG).articles()]
    with_colon = {5, 7, 10, 12, 15}
    assert labels == [f"Article {n}{':' if n in with_colon else ''}" for n in range(1, 16)]


def test_liaoning_has_no_title_line_and_two_chapters() -> None:
    act = parsed(LIAONING)
    assert act.title is None
    assert [(c.num, c.eid, c.label, c.heading) for c in act.chapters] == [
        (1, "chp_1", "chapter I", "general provisions"),
        (2, "chp_2", "Chapter II", "Innovation Platform"),
    ]
    assert [[a.num for a in c.articles] for c in act.chapters] == [
        [1, 2, 3, 4, 5],
        [6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    ]


def test_liaoning_ordinal_words_start_articles() -> None:
    labels = [a.label for a in parsed(LIAONING).articles()]
    assert labels == [
        "article 1", "Article 2", "Article 3", "Article 4", "Article 5", "Article 6",
        "Seventh", "Article 8", "Article 9", "Tenth", "Eleventh", "Article 12",
        "Thirteenth", "Fourteenth", "Fifteenth",
    ]  # fmt: skip
    act = parsed(LIAONING)
    assert act.article(10).text.startswith("support enterprises and scientific research")
    assert act.article(11).text.startswith("enterprises and institutions can carry out")
    assert act.article(13).text.startswith("to guide enterprises to adopt contract energy")
    assert act.article(15).text.startswith("provincial people's government according to")


@pytest.mark.parametrize(
    ("name", "begins", "ends"),
    [
        (
            LUOYANG,
            "Encourage and guide state-owned enterprises, private enterprises",
            "list expenses before tax and make additional deductions in accordance with the law.",
        ),
        (
            LIAONING,
            "encourage enterprises to focus on improving core competitiveness",
            "should be included in the performance appraisal scope of the person in charge of "
            "state-owned enterprises.",
        ),
    ],
)
def test_article_7_begins_and_ends_with_the_source_words(name: str, begins: str, ends: str) -> None:
    text = parsed(name).article(7).text
    assert text.startswith(begins)
    assert text.endswith(ends)


@pytest.mark.parametrize("name", [LUOYANG, LIAONING])
def test_concatenating_the_parts_gives_back_the_source(name: str) -> None:
    act = parsed(name)
    parts = [act.title or "", act.preamble]
    for chapter in act.chapters:
        parts += [chapter.label, chapter.heading]
        for article in chapter.articles:
            parts += [article.label, article.text]
    assert squeeze(" ".join(parts)) == squeeze(source(name))


@pytest.mark.parametrize("name", [LUOYANG, LIAONING])
def test_every_article_text_is_a_verbatim_slice_of_the_source(name: str) -> None:
    text = source(name)
    for article in parsed(name).articles():
        assert text.count(article.text) == 1
        for paragraph in article.paragraphs:
            assert paragraph.text in article.text


@pytest.mark.parametrize("name", [LUOYANG, LIAONING])
def test_paragraphs_rebuild_their_article(name: str) -> None:
    for article in parsed(name).articles():
        assert squeeze(" ".join(p.text for p in article.paragraphs)) == squeeze(article.text)
        assert [p.num for p in article.paragraphs] == list(range(1, len(article.paragraphs) + 1))


def test_luoyang_paragraphs_follow_the_blank_lines() -> None:
    act = parsed(LUOYANG)
    counts = [len(a.paragraphs) for a in act.articles()]
    assert counts == [1, 1, 1, 2, 2, 2, 2, 1, 2, 1, 1, 1, 2, 1, 2]
    second = act.find("art_7__para_2")
    assert isinstance(second, Paragraph)
    assert second.text.startswith("Enterprises should set up special accounting subjects")
    assert act.text_of("art_7__para_1").endswith(
        "support policies of the Municipal People’s Government."
    )
    assert act.text_of("art_4__para_2") == (
        "County (city, district) people's governments are responsible for scientific and "
        "technological progress within their own administrative regions."
    )


def test_liaoning_has_one_paragraph_per_article() -> None:
    act = parsed(LIAONING)
    for article in act.articles():
        assert len(article.paragraphs) == 1
        assert article.paragraphs[0].eid == f"art_{article.num}__para_1"
        assert article.paragraphs[0].text == article.text


@pytest.mark.parametrize("name", [LUOYANG, LIAONING])
def test_eids_are_unique_and_in_document_order(name: str) -> None:
    act = parsed(name)
    eids = act.eids()
    assert len(eids) == len(set(eids))
    assert eids[:3] == ["chp_1", "art_1", "art_1__para_1"]
    assert [e for e in eids if re.fullmatch(r"art_\d+", e)] == [f"art_{n}" for n in range(1, 16)]
    for eid in eids:
        assert act.find(eid).eid == eid


def test_find_returns_the_kind_of_part_the_eid_names() -> None:
    act = parsed(LUOYANG)
    assert isinstance(act.find("chp_2"), Chapter)
    assert isinstance(act.find("art_7"), Article)
    assert act.find("art_7") is act.article(7)
    assert act.chapter_of(7) is act.find("chp_2")
    assert act.text_of("chp_2").startswith("Enterprise Technological Innovation\n\nArticle 7: ")


@pytest.mark.parametrize("eid", ["art_16", "art_7__para_3", "chp_4", "art_0", "nonsense"])
def test_unknown_eids_raise_a_citation_error_naming_them(eid: str) -> None:
    with pytest.raises(CitationError, match=eid):
        parsed(LUOYANG).find(eid)


def test_unknown_article_number_says_which_exist() -> None:
    with pytest.raises(CitationError, match="no article 16 \\(the act has articles 1-15\\)"):
        parsed(LIAONING).article(16)
