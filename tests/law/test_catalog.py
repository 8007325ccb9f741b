"""The shipped acts, their metadata, their versions, and the warnings for dates we lack."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date
from importlib import resources

import pytest

from innoreg.errors import CitationError, LawError
from innoreg.law import (
    ActMetadata,
    Expression,
    expression_in_force,
    find_act,
    list_acts,
    load_act,
    read_expression,
)
from innoreg.law.metadata import metadata_from_mapping

LIAONING_URI = "/akn/cn-ln/act/regulation/2014-01-09/independent-innovation-promotion"
LUOYANG_URI = "/akn/cn-ha-luoyang/act/regulation/2014/science-technology-progress"


def test_the_shipped_texts_are_byte_identical_to_the_supplied_ones() -> None:
    texts = resources.files("innoreg.law") / "texts"
    digests = {
        name: hashlib.sha256((texts / name).read_bytes()).hexdigest()
        for name in (
            "luoyang-science-technology-progress-regulations.en.txt",
            "provincial-independent-innovation-regulations.en.txt",
        )
    }
    assert digests == {
        "luoyang-science-technology-progress-regulations.en.txt": (
            "c91e200a34c32188624fac056b51c33ccbdd59e10dc410b4a756c3052849c78c"
        ),
        "provincial-independent-innovation-regulations.en.txt": (
            "8fe854ddb664bee1391345968ecd831f43cd7e6add3549b3eef85f44016b1c29"
        ),
    }


def test_two_acts_are_shipped() -> None:
    assert [(m.short_name, m.jurisdiction, m.work_uri) for m in list_acts()] == [
        ("liaoning", "cn-ln", LIAONING_URI),
        ("luoyang", "cn-ha-luoyang", LUOYANG_URI),
    ]


def test_liaoning_metadata() -> None:
    meta = find_act("liaoning")
    assert meta.title_en == "Liaoning Province Regulations on Promoting Independent Innovation"
    assert meta.title_zh == "辽宁省自主创新促进条例"
    assert (meta.adopted, meta.in_force, meta.end) == (date(2014, 1, 9), date(2014, 3, 1), None)
    assert (meta.doc_type, meta.subtype, meta.original_language) == ("act", "regulation", "chi")
    assert meta.language == "eng"
    (expression,) = meta.expressions
    assert expression.uri == f"{LIAONING_URI}/eng@2014-01-09"
    assert expression.is_translation and expression.translation_of == "chi"


def test_luoyang_dates_are_unknown_not_invented() -> None:
    meta = find_act("luoyang")
    assert meta.title_en == "Luoyang Municipal Science and Technology Progress Regulations"
    assert meta.title_zh == "洛阳市科学技术进步条例"
    assert (meta.adopted, meta.in_force, meta.end) == (None, None, None)
    (expression,) = meta.expressions
    assert expression.date is None
    assert expression.uri == f"{LUOYANG_URI}/eng@"
    assert meta.in_force_on(date(2024, 6, 30)) is None


def test_luoyang_results_carry_a_warning_about_the_in_force_date() -> None:
    warnings = find_act("luoyang").date_warnings(date(2024, 6, 30))
    assert len(warnings) == 1
    assert warnings[0].startswith(
        "the in-force date of the Luoyang Municipal Science and Technology Progress Regulations "
        "is not recorded"
    )
    assert "July 2014" in warnings[0]


def test_liaoning_warns_about_its_end_only_from_the_2021_regulations_on() -> None:
    meta = find_act("liaoning")
    assert meta.date_warnings(date(2021, 9, 30)) == []
    (warning,) = meta.date_warnings(date(2021, 10, 1))
    assert warning.startswith("the end date of the Liaoning Province Regulations")
    assert "2021-10-01" in warning
    assert meta.date_warnings() == [warning]


def test_an_end_date_once_set_ends_the_act_and_its_warning() -> None:
    meta = dataclasses.replace(find_act("liaoning"), end=date(2021, 10, 1))
    assert meta.in_force_on(date(2021, 9, 30)) is True
    assert meta.in_force_on(date(2021, 10, 1)) is False
    assert meta.in_force_on(date(2014, 2, 28)) is False
    assert meta.date_warnings(date(2024, 1, 1)) == []
    with pytest.raises(CitationError, match="in force on 2021-10-01"):
        meta.expression_in_force(date(2021, 10, 1))


@pytest.mark.parametrize("key", [LUOYANG_URI, "luoyang", "cn-ha-luoyang", f" {LUOYANG_URI}/ "])
def test_an_act_is_found_by_work_uri_short_name_or_jurisdiction(key: str) -> None:
    assert find_act(key).short_name == "luoyang"


@pytest.mark.parametrize("key", ["cn", "cn-ha", "shanghai", "/akn/cn-ln/act/regulation/2014"])
def test_unknown_acts_name_the_known_ones(key: str) -> None:
    with pytest.raises(CitationError, match="known: liaoning, luoyang"):
        find_act(key)


def test_load_act_parses_once_and_keeps_the_names_other_modules_use() -> None:
    meta, act = load_act(LUOYANG_URI)
    assert load_act("luoyang")[1] is act
    assert act.find("art_7__para_1").text.startswith("Encourage and guide")
    assert meta.work_uri == LUOYANG_URI and meta.jurisdiction == "cn-ha-luoyang"


def test_the_version_in_force_is_chosen_by_date() -> None:
    assert expression_in_force("liaoning", date(2024, 6, 30)).date == date(2014, 1, 9)
    with pytest.raises(CitationError, match=r"no eng version of the Liaoning .* 2014-02-28"):
        expression_in_force("liaoning", date(2014, 2, 28))
    assert expression_in_force("luoyang", date(1990, 1, 1)).language == "eng"
    _, act = load_act("liaoning", on=date(2020, 1, 1))
    assert act is load_act("liaoning")[1]


def _with_versions(meta: ActMetadata) -> ActMetadata:
    """Liaoning as it would be with an amended English version and a Chinese original."""
    first = dataclasses.replace(meta.expressions[0], in_force_to=date(2019, 1, 1))
    amended = dataclasses.replace(
        first, date=date(2018, 11, 28), in_force_from=date(2019, 1, 1), in_force_to=None
    )
    chinese = Expression(LIAONING_URI, "chi", date(2014, 1, 9), "liaoning.zh.txt")
    return dataclasses.replace(meta, expressions=(first, amended, chinese))


def test_with_several_versions_each_day_gets_the_one_then_in_force() -> None:
    meta = _with_versions(find_act("liaoning"))
    assert meta.expression_in_force(date(2018, 12, 31)).date == date(2014, 1, 9)
    assert meta.expression_in_force(date(2019, 1, 1)).date == date(2018, 11, 28)
    assert meta.default_expression().date == date(2018, 11, 28)
    assert meta.expression_in_force(date(2019, 1, 1), "chi").uri == f"{LIAONING_URI}/chi@2014-01-09"
    assert not meta.expression_in_force(date(2019, 1, 1), "chi").is_translation
    assert meta.expression_at(date(2014, 1, 9)).in_force_to == date(2019, 1, 1)
    with pytest.raises(CitationError, match="no fra expression"):
        meta.expression_in_force(date(2019, 1, 1), "fra")


def test_read_expression_gives_the_exact_shipped_text() -> None:
    text = read_expression(find_act("liaoning").expressions[0])
    assert text.startswith("chapter I general provisions article 1 these regulations")


def valid_metadata() -> dict[str, object]:
    return {
        "short_name": "demo",
        "work_uri": "/akn/cn-ha/act/regulation/2020-01-01/demo",
        "jurisdiction": "cn-ha",
        "subtype": "regulation",
        "title": {"en": "Demo", "zh": "示例"},
        "author": "Henan provincial legislature",
        "original_language": "chi",
        "dates": {"adopted": "2020-01-01", "in_force": date(2020, 3, 1), "end": None},
        "expressions": [{"language": "eng", "date": None, "file": "demo.en.txt"}],
    }


def test_metadata_accepts_iso_strings_and_dates() -> None:
    meta = metadata_from_mapping(valid_metadata(), "demo.yaml")
    assert (meta.adopted, meta.in_force) == (date(2020, 1, 1), date(2020, 3, 1))
    assert meta.expressions[0].translation_of is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "red"}, "demo.yaml: unknown field colour"),
        ({"dates": {"adopted": "soon"}}, "demo.yaml: adopted must be a date"),
        ({"jurisdiction": "cn-ln"}, "disagrees with jurisdiction or subtype"),
        (
            {"work_uri": "/akn/cn-ha/act/2020/demo"},
            "is not /akn/<place>/act/<subtype>/<date>/<name>",
        ),
        ({"short_name": "Demo Act"}, "short_name 'Demo Act' must be lower-case"),
        ({"expressions": []}, "expressions must be a non-empty list"),
        ({"expressions": [{"language": "en", "file": "x"}]}, "three-letter language code"),
        ({"title": {"en": "Demo"}}, "title: zh must be a non-empty string"),
    ],
)
def test_bad_metadata_names_the_file_and_field(change: dict[str, object], message: str) -> None:
    data = {**valid_metadata(), **change}
    with pytest.raises(LawError, match=message.replace("(", r"\(").replace(")", r"\)")):
        metadata_from_mapping(data, "demo.yaml")
