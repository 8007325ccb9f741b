"""Rule tests as data: every case under ``tests/rules/cases`` is decided as the law says.

Each YAML file holds the cases of one article (``cn-ha-luoyang/art_14.yaml``) or one national
topic (``cn/super_deduction.yaml``): a list of ``{name, case, interpretations,
expected_results, expected_warnings_contain, xfail}``. ``examples.yaml`` is the shared public
contract, a stream of YAML documents of the same shape. See ``cases/README.md``.

The second half holds the input contract: a case that breaks it is an ``InputError`` whose
``field`` names the offending field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

try:  # tests/rules is a plain folder of test modules...
    from contract_deviations import DEVIATIONS
except ImportError:  # ...or a package
    from .contract_deviations import DEVIATIONS

from innoreg.engine import evaluate_case
from innoreg.errors import InputError
from innoreg.rules.registry import registry

CASES = Path(__file__).parent / "cases"
MINIMUM_CASES = 70
FLOAT_TOLERANCE = 1e-12
MONEY = re.compile(r"^-?\d+\.\d{2}$")
KEYS = {
    "name",
    "case",
    "interpretations",
    "expected_results",
    "expected_warnings_contain",
    "xfail",
}


@dataclass(frozen=True)
class RuleCase:
    """One case of a case file, as a lawyer wrote it down."""

    file: Path
    name: str
    case: Mapping[str, Any]
    interpretations: Mapping[str, str]
    expected_results: Mapping[str, Mapping[str, Any]]
    expected_warnings_contain: tuple[str, ...]
    xfail: str | None

    @property
    def jurisdiction(self) -> str:
        return str(self.case["jurisdiction"])

    @property
    def test_id(self) -> str:
        return f"{self.jurisdiction}/{self.file.stem}/{self.name}"


def public_form(value: Any) -> Any:
    """The case as JSON carries it: YAML dates become ISO strings, everything else unchanged."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): public_form(v) for k, v in value.items()}
    if isinstance(value, list):
        return [public_form(v) for v in value]
    return value


def read_case_file(path: Path) -> list[RuleCase]:
    """A list of cases, or (examples.yaml) a stream of documents each holding one case."""
    documents = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d is not None]
    entries = documents[0] if len(documents) == 1 and isinstance(documents[0], list) else documents
    cases = []
    for index, entry in enumerate(entries):
        where = f"{path.relative_to(CASES)}[{index}]"
        if not isinstance(entry, dict) or not {"name", "case", "expected_results"} <= set(entry):
            raise ValueError(f"{where}: a case needs name, case and expected_results")
        unknown = set(entry) - KEYS
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
        cases.append(
            RuleCase(
                file=path,
                name=str(entry["name"]),
                case=public_form(entry["case"]),
                interpretations=dict(entry.get("interpretations") or {}),
                expected_results=entry["expected_results"],
                expected_warnings_contain=tuple(entry.get("expected_warnings_contain") or ()),
                xfail=entry.get("xfail"),
            )
        )
    return cases


def case_files() -> list[Path]:
    return sorted(CASES.rglob("*.yaml"))


def all_cases() -> list[RuleCase]:
    return [case for path in case_files() for case in read_case_file(path)]


def parametrised(cases: list[RuleCase]) -> list[Any]:
    """One test per case, named jurisdiction/article/name; a known defect, or a shared example
    this version decides differently on purpose, is a strict xfail."""
    params = []
    for case in cases:
        reason = case.xfail or (
            DEVIATIONS.get(case.name) if case.file.name == "examples.yaml" else None
        )
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(case, id=case.test_id, marks=marks))
    return params


ALL_CASES = all_cases()


def same(want: Any, got: Any) -> bool:
    """Money strings compare as decimals (and must be written to the fen), numbers within
    1e-12, booleans and null by identity, dates and text as strings."""
    if want is None or isinstance(want, bool):
        return got is want
    if isinstance(want, int | float):
        return (
            isinstance(got, int | float)
            and not isinstance(got, bool)
            and abs(got - want) <= FLOAT_TOLERANCE
        )
    if isinstance(want, dt.date):
        want = want.isoformat()
    if not isinstance(got, str):
        return False
    if MONEY.match(str(want)):
        return bool(MONEY.match(got)) and Decimal(got) == Decimal(str(want))
    return got == str(want)


@pytest.mark.parametrize("rule_case", parametrised(ALL_CASES))
def test_the_case_is_decided_as_the_law_says(rule_case: RuleCase) -> None:
    decision = evaluate_case(rule_case.case, interpretations=rule_case.interpretations)
    differences = []
    for entity_id, expected in rule_case.expected_results.items():
        got_entity = decision["results"].get(entity_id)
        if got_entity is None:
            differences.append(f"{entity_id}: no result")
            continue
        for variable, want in expected.items():
            got = got_entity.get(variable, "<missing variable>")
            if not same(want, got):
                differences.append(
                    f"{entity_id}.{variable}: expected {public_form(want)!r}, got {got!r}"
                )
    for fragment in rule_case.expected_warnings_contain:
        if not any(fragment in warning for warning in decision["warnings"]):
            differences.append(f"no warning contains {fragment!r}: {decision['warnings']}")
    assert not differences, "\n".join(differences)


def test_there_are_at_least_seventy_cases() -> None:
    assert len(ALL_CASES) >= MINIMUM_CASES


def test_case_names_are_unique_within_each_file() -> None:
    for path in case_files():
        names = [case.name for case in read_case_file(path)]
        assert len(names) == len(set(names)), path


def test_every_variable_of_every_pack_is_checked_by_a_case_decided_under_it() -> None:
    packs = registry().packs
    checked: dict[str, set[str]] = {j: set() for j in packs}
    for case in ALL_CASES:
        variables = {v for expected in case.expected_results.values() for v in expected}
        for pack in registry().chain(case.jurisdiction):
            checked[pack.jurisdiction] |= variables
    unchecked = {
        jurisdiction: sorted({r.name for r in pack.rules} - checked[jurisdiction])
        for jurisdiction, pack in packs.items()
    }
    assert not any(unchecked.values()), unchecked


def test_every_option_of_every_interpretation_is_chosen_by_some_case() -> None:
    chosen = {(name, option) for case in ALL_CASES for name, option in case.interpretations.items()}
    missing = [
        f"{i.name}={option}"
        for pack in registry().packs.values()
        for i in pack.interpretations
        for option in i.options
        if option != i.default and (i.name, option) not in chosen
    ]
    assert not missing, missing


# The input contract -------------------------------------------------------------------------

LUOYANG_ENTERPRISE = {"id": "e1", "sales_revenue": "80000000.00", "rd_expense": "500000.00"}


def luoyang(**entities: Any) -> dict[str, Any]:
    return {"jurisdiction": "cn-ha-luoyang", "date": "2024-06-30", **entities}


def enterprise_with(**inputs: Any) -> dict[str, Any]:
    return luoyang(enterprises=[{**LUOYANG_ENTERPRISE, **inputs}])


BAD_INPUTS: dict[str, tuple[dict[str, Any], dict[str, str] | None, str]] = {
    "an unknown field": (enterprise_with(turnover="1.00"), None, "enterprises[0].turnover"),
    "a computed variable given as an input": (
        enterprise_with(rd_shortfall="0.00"),
        None,
        "enterprises[0].rd_shortfall",
    ),
    "an input of another province": (
        enterprise_with(patent_gold_award=True),
        None,
        "enterprises[0].patent_gold_award",
    ),
    "a boolean written as text": (
        enterprise_with(high_tech="yes"),
        None,
        "enterprises[0].high_tech",
    ),
    "money written as a boolean": (
        enterprise_with(rd_expense=True),
        None,
        "enterprises[0].rd_expense",
    ),
    "money that is not a number": (
        enterprise_with(rd_expense="lots"),
        None,
        "enterprises[0].rd_expense",
    ),
    "negative money": (enterprise_with(rd_expense="-0.01"), None, "enterprises[0].rd_expense"),
    "money with three decimals": (
        enterprise_with(rd_expense="1.001"),
        None,
        "enterprises[0].rd_expense",
    ),
    "a negative count of standards": (
        enterprise_with(led_national_standards=-1),
        None,
        "enterprises[0].led_national_standards",
    ),
    "an industry that is not a GB/T 4754 section": (
        enterprise_with(industry="Z9"),
        None,
        "enterprises[0].industry",
    ),
    "a mode of transformation the law does not know": (
        luoyang(transfers=[{"id": "t1", "mode": "gift"}]),
        None,
        "transfers[0].mode",
    ),
    "a malformed case date": (
        {"jurisdiction": "cn-ha-luoyang", "date": "2024-02-30"},
        None,
        "date",
    ),
    "a missing case date": ({"jurisdiction": "cn-ha-luoyang"}, None, "date"),
    "a date written the wrong way": (
        luoyang(ip_assets=[{"id": "p1", "rights_obtained_on": "2021/03/01"}]),
        None,
        "ip_assets[0].rights_obtained_on",
    ),
    "an unknown jurisdiction": (
        {"jurisdiction": "cn-xx", "date": "2024-06-30"},
        None,
        "jurisdiction",
    ),
    "technology imports in Luoyang, whose law knows none": (
        luoyang(technology_imports=[{"id": "i1"}]),
        None,
        "technology_imports",
    ),
    "an entity without an id": (
        luoyang(enterprises=[{"rd_expense": "1.00"}]),
        None,
        "enterprises[0].id",
    ),
    "an id used twice in one list": (
        luoyang(enterprises=[LUOYANG_ENTERPRISE, LUOYANG_ENTERPRISE]),
        None,
        "enterprises[1].id",
    ),
    "an id used twice across entity kinds": (
        luoyang(enterprises=[LUOYANG_ENTERPRISE], transfers=[{"id": "e1"}]),
        None,
        "transfers[0].id",
    ),
    "an unknown interpretation in the case": (
        {**luoyang(), "interpretations": {"luoyang.art7.no_such_question": "yes"}},
        None,
        "interpretations.luoyang.art7.no_such_question",
    ),
    "an unknown option of an interpretation in the case": (
        {**luoyang(), "interpretations": {"luoyang.art7.dual_route": "maybe"}},
        None,
        "interpretations.luoyang.art7.dual_route",
    ),
    "an unknown interpretation chosen by the caller": (
        luoyang(),
        {"luoyang.art14.no_such_question": "yes"},
        "interpretations.luoyang.art14.no_such_question",
    ),
    "an unknown option chosen by the caller": (
        luoyang(),
        {"luoyang.art14.rest_day": "lunar_day"},
        "interpretations.luoyang.art14.rest_day",
    ),
    "a Luoyang interpretation in a Liaoning case": (
        {"jurisdiction": "cn-ln", "date": "2024-06-30"},
        {"luoyang.art7.dual_route": "no"},
        "interpretations.luoyang.art7.dual_route",
    ),
}


@pytest.mark.parametrize("what", BAD_INPUTS)
def test_a_case_breaking_the_input_contract_is_an_error_naming_the_field(what: str) -> None:
    case, interpretations, field = BAD_INPUTS[what]
    with pytest.raises(InputError) as raised:
        evaluate_case(case, interpretations=interpretations)
    assert raised.value.field == field


def test_inputs_left_out_take_their_documented_defaults_and_the_output_lists_them() -> None:
    decision = evaluate_case(luoyang(enterprises=[{"id": "e1", "industry": "C"}]))
    values = decision["results"]["e1"]
    assert values["rd_intensity"] is None
    assert values["rd_intensity_required"] is None
    assert values["support_eligible"] is False
    assert values["rd_super_deduction"] == "0.00"
    assumed = decision["assumed"]
    assert "e1.fiscal_year=2024" in assumed
    assert "e1.rd_expense=0.00" in assumed
    assert "e1.above_designated_size=false" in assumed
    assert not any(a.startswith("e1.industry") for a in assumed)  # given


def test_a_default_no_result_rests_on_is_not_listed_as_assumed() -> None:
    decision = evaluate_case(
        luoyang(transfers=[{"id": "t1", "holder_kind": "university", "mode": "license"}])
    )
    assert "t1.equity_unit=shares" not in decision["assumed"]  # a licence has no equity
    assert "t1.fiscally_funded=false" in decision["assumed"]


def test_an_explicit_null_for_an_input_with_a_default_takes_the_default() -> None:
    decision = evaluate_case(enterprise_with(high_tech=None))
    assert "e1.high_tech=false" in decision["assumed"]


def test_a_needed_fact_left_out_makes_its_results_null_with_a_warning_naming_it() -> None:
    decision = evaluate_case(luoyang(ip_assets=[{"id": "p1", "fiscally_funded": True}]))
    assert decision["results"]["p1"]["implementation_deadline"] is None
    assert any(
        w.startswith("p1: rights_obtained_on is not given; ") and "implementation_deadline" in w
        for w in decision["warnings"]
    ), decision["warnings"]


def test_a_liaoning_case_before_2021_10_01_carries_no_doubt_about_the_end_of_the_regulations() -> (
    None
):
    decision = evaluate_case({"jurisdiction": "cn-ln", "date": "2021-09-30"})
    assert not any("end date" in warning for warning in decision["warnings"])
