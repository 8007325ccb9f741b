"""Label and paragraph styles beyond the shipped translations: Chinese originals, headings on
their own lines, hard line breaks, preambles."""

from __future__ import annotations

from innoreg.law import parse_act

CHINESE = """洛阳市科学技术进步条例

第一章　总则
第一条　为了促进科学技术进步，根据有关法律、法规，结合本市实际，制定本条例。
第二条　本市行政区域内从事科学技术研究的活动，适用本条例。
第二章　企业技术创新
第三条　鼓励和引导企业加大研究开发投入。依照本条例第二条规定执行。
企业应当设立研究开发费用专门会计科目。
第十条　这不是第四条，因为它不在句首。
"""


def test_a_chinese_original_parses_with_its_own_labels() -> None:
    text = CHINESE.replace("第十条　这不是第四条，因为它不在句首。\n", "")
    act = parse_act(text)
    assert act.title == "洛阳市科学技术进步条例"
    assert [(c.num, c.label, c.heading) for c in act.chapters] == [
        (1, "第一章", "总则"),
        (2, "第二章", "企业技术创新"),
    ]
    assert [a.label for a in act.articles()] == ["第一条", "第二条", "第三条"]
    third = act.article(3)
    assert [p.text for p in third.paragraphs] == [
        "鼓励和引导企业加大研究开发投入。依照本条例第二条规定执行。",
        "企业应当设立研究开发费用专门会计科目。",
    ]


def test_a_chinese_label_out_of_sequence_is_an_error() -> None:
    from innoreg.errors import ParseError

    try:
        parse_act(CHINESE)
    except ParseError as error:
        assert error.message == "line 9:1: article numbers skip from 3 to 10"
    else:
        raise AssertionError("第十条 after 第三条 was accepted")


def test_headings_on_their_own_lines_and_a_preamble() -> None:
    act = parse_act(
        "Model Regulations\n"
        "Adopted by the standing committee on a day we do not know.\n\n"
        "CHAPTER I\nGENERAL PROVISIONS\n\nArticle 1. Purpose words.\n\n"
        "Chapter II: Support\n\nArticle 2. More words."
    )
    assert act.title == "Model Regulations"
    assert act.preamble == "Adopted by the standing committee on a day we do not know."
    assert [(c.label, c.heading) for c in act.chapters] == [
        ("CHAPTER I", "GENERAL PROVISIONS"),
        ("Chapter II:", "Support"),
    ]
    assert [a.label for a in act.articles()] == ["Article 1.", "Article 2."]


def test_a_long_first_sentence_is_preamble_not_title() -> None:
    act = parse_act("These rules are made under the Law.\nChapter 1 A Article 1 One.")
    assert act.title is None
    assert act.preamble == "These rules are made under the Law."


def test_without_blank_lines_a_line_break_after_a_sentence_starts_a_paragraph() -> None:
    act = parse_act(
        "Chapter 1 General\nArticle 1 The first paragraph is wrapped\nacross two lines.\n"
        "The second paragraph; it lists\n(1) this;\n(2) that.\nArticle 2 Two."
    )
    assert [p.text for p in act.article(1).paragraphs] == [
        "The first paragraph is wrapped\nacross two lines.",
        "The second paragraph; it lists\n(1) this;\n(2) that.",
    ]


def test_blank_lines_make_single_line_breaks_mere_wrapping() -> None:
    act = parse_act(
        "Chapter 1 General\n\nArticle 1 One sentence.\nStill paragraph one.\n\n"
        "Paragraph two.\n\nArticle 2 Two."
    )
    assert [p.text for p in act.article(1).paragraphs] == [
        "One sentence.\nStill paragraph one.",
        "Paragraph two.",
    ]


def test_windows_line_endings_and_a_byte_order_mark() -> None:
    act = parse_act("\ufeffTitle\r\n\r\nChapter 1 A\r\nArticle 1 One.\r\n\r\nTwo.\r\nArticle 2 x.")
    assert act.title == "Title"
    assert [p.text for p in act.article(1).paragraphs] == ["One.", "Two."]


def test_ninety_ninth_and_one_hundredth_ordinal_articles() -> None:
    from innoreg.law.numbering import to_ordinal_word

    body = " ".join(f"{to_ordinal_word(n).capitalize()} rule {n}." for n in range(1, 102))
    act = parse_act(f"Chapter 1 All {body}")
    assert len(act.articles()) == 101
    assert act.article(99).label == "Ninety-ninth"
    assert act.article(100).label == "One hundredth"
    assert act.article(101).label == "One hundred and first"
    assert act.article(100).text == "rule 100."
