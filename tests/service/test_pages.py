"""The pages without a browser: language, forms done right, the checker's whole flow, the PDF,
the .ics, hostile input escaped, size limits on forms."""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import pytest
from fastapi.testclient import TestClient

ANSWERS = {
    "place": "luoyang",
    "revenue": "80000000.00",
    "rd": "500000.00",
    "status": "above_designated_size",
    "industry": "C",
    "on": "2024-06-30",
}
PAGES = [
    "/",
    "/checker",
    "/checker/place",
    "/transfer",
    "/deadline",
    "/law",
    "/law/luoyang",
    "/law/liaoning",
    "/rules",
    "/rules/rd_intensity_required",
    "/interpretations",
    "/law/search?q=patent",
]


def _title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match
    return match.group(1)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_title_a_lang_and_a_skip_link(client: TestClient, path: str) -> None:
    for lang, html_lang in (("zh", "zh-CN"), ("en", "en")):
        page = client.get(path, cookies={"lang": lang})
        assert page.status_code == 200
        assert f'<html lang="{html_lang}"' in page.text
        assert _title(page.text).strip() and 'href="#main-content"' in page.text


def test_language_follows_accept_language_then_the_cookie(client: TestClient) -> None:
    assert '<html lang="en"' in client.get("/", headers={"accept-language": "en-GB,en;q=0.9"}).text
    assert '<html lang="zh-CN"' in client.get("/", headers={"accept-language": "fr"}).text
    switched = client.get("/language/en?next=/law", follow_redirects=False)
    assert switched.status_code == 303 and switched.headers["location"] == "/law"
    assert "lang=en" in switched.headers["set-cookie"]


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil"])
def test_the_language_switch_never_leaves_the_site(client: TestClient, target: str) -> None:
    answer = client.get(f"/language/en?next={target}", follow_redirects=False)
    assert answer.headers["location"] == "/"


def test_checker_flow_without_javascript(client: TestClient) -> None:
    answers: dict[str, str] = {}
    posts = {
        "place": {"place": "luoyang"},
        "revenue": {"revenue": "80,000,000"},
        "rd": {"rd": "￥500,000.00元"},
        "status": {"status": "above_designated_size"},
        "industry": {"industry": "c"},
        "on": {"on-day": "30", "on-month": "6", "on-year": "2024"},
    }
    location = "/checker/place"
    for question, data in posts.items():
        assert location.startswith(f"/checker/{question}")
        answer = client.post(
            f"/checker/{question}", data={**answers, **data}, follow_redirects=False
        )
        assert answer.status_code == 303, answer.text
        location = answer.headers["location"]
        answers = dict(re.findall(r"([a-z]+)=([^&]*)", location.split("?", 1)[1]))
    assert location.startswith("/checker/check?")
    check = client.get(location, cookies={"lang": "en"})
    assert "80,000,000.00" in check.text and "Change" in check.text
    result = client.get(location.replace("/check?", "/result?"), cookies={"lang": "zh"})
    assert "不符合市级扶持条件" in result.text
    assert "300,000.00元" in result.text and "30.00万元" in result.text
    assert 'href="/law/luoyang#art_7__para_1"' in result.text


def test_a_wrong_answer_shows_the_summary_keeps_the_answer_and_marks_the_title(
    client: TestClient,
) -> None:
    page = client.post(
        "/checker/revenue", data={"place": "luoyang", "revenue": "12abc"}, cookies={"lang": "zh"}
    )
    assert _title(page.text).startswith("错误：")
    assert 'href="#revenue"' in page.text and 'value="12abc"' in page.text
    assert "请输入以元为单位的金额" in page.text
    english = client.post(
        "/checker/revenue", data={"place": "luoyang", "revenue": "-1"}, cookies={"lang": "en"}
    )
    assert _title(english.text).startswith("Error: ") and "0 or more" in english.text


def test_the_result_pdf_carries_the_decision(client: TestClient) -> None:
    pdf = client.get(f"/checker/result.pdf?{urlencode(ANSWERS)}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_liaoning_enterprises_get_the_rd_obligation(client: TestClient) -> None:
    answers = {**ANSWERS, "place": "liaoning", "status": "high_tech"}
    page = client.get(f"/checker/result?{urlencode(answers)}", cookies={"lang": "en"})
    assert "R&amp;D obligation not met" in page.text


def test_transfer_calculator_says_which_level_binds(client: TestClient) -> None:
    query = {
        "calculate": "1",
        "holder_kind": "university",
        "state_established": "yes",
        "fiscally_funded": "yes",
        "has_reward_rules": "yes",
        "mode": "license",
        "net_income": "2,000,000",
        "reward_cash": "800,000",
        "on-day": "30",
        "on-month": "6",
        "on-year": "2024",
    }
    page = client.get(f"/transfer?{urlencode(query)}", cookies={"lang": "en"})
    assert "below the least reward" in page.text and "1,000,000.00 yuan" in page.text
    assert "Yes, this floor binds" in page.text


def test_deadline_shows_the_rest_day_shift_and_offers_ics(client: TestClient) -> None:
    query = {
        "calculate": "1",
        "kind": "patent",
        "fiscally_funded": "yes",
        "rights_obtained_on-day": "1",
        "rights_obtained_on-month": "10",
        "rights_obtained_on-year": "2021",
        "implementation_conditions_met": "yes",
        "justifiable_reason": "no",
        "on-day": "9",
        "on-month": "10",
        "on-year": "2024",
        "in_force-day": "1",
        "in_force-month": "1",
        "in_force-year": "2015",
    }
    page = client.get(f"/deadline?{urlencode(query)}", cookies={"lang": "en"})
    assert "8 October 2024" in page.text and "1 October 2024" in page.text
    assert "cn-ha-luoyang.in_force=2015-01-01" in page.text  # what was assumed is shown
    unknown = {k: v for k, v in query.items() if not k.startswith("in_force")}
    page = client.get(f"/deadline?{urlencode(unknown)}", cookies={"lang": "zh"})
    assert "施行日期未有记录" in page.text  # the missing fact, in the page's language
    ics = client.get(f"/deadline.ics?{urlencode(query)}")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "DTSTART;VALUE=DATE:20241008" in ics.text


HOSTILE = "<script>alert(1)</script>"


@pytest.mark.parametrize("value", [HOSTILE, "x" * 5000, "\u0000\ud7ff", "１２３"])
def test_hostile_values_in_every_form_are_escaped(client: TestClient, value: str) -> None:
    for question in ("place", "revenue", "rd", "status", "industry", "on"):
        data = {question: value, f"{question}-day": value, "place": value, "change": value}
        page = client.post(f"/checker/{question}", data=data)
        assert page.status_code in (200, 303)
        assert HOSTILE not in page.text
    fields = [
        "holder_kind",
        "state_established",
        "fiscally_funded",
        "has_reward_rules",
        "mode",
        "net_income",
        "reward_cash",
        "equity_total",
        "reward_equity",
        "on-day",
    ]
    page = client.get("/transfer?" + urlencode({"calculate": "1", **dict.fromkeys(fields, value)}))
    assert page.status_code == 200 and HOSTILE not in page.text
    page = client.get("/deadline?" + urlencode({"calculate": "1", "kind": value, "on-year": value}))
    assert page.status_code == 200 and HOSTILE not in page.text
    quoted = quote(value[:100], safe="")
    for path in (
        f"/checker/result?{urlencode({**ANSWERS, 'industry': value})}",
        f"/law/search?{urlencode({'q': value[:200]})}",
        f"/rules/{quoted}",
        f"/law/{quoted}",
    ):
        page = client.get(path)
        assert page.status_code < 500 and HOSTILE not in page.text


def test_a_form_over_its_size_limit_is_413(client: TestClient) -> None:
    answer = client.post("/checker/revenue", data={"revenue": "1" * 70_000})
    assert answer.status_code == 413 and "text/html" in answer.headers["content-type"]


def test_a_date_left_out_is_the_day_shown_not_an_error(client: TestClient) -> None:
    page = client.get("/transfer?calculate=1&net_income=abc", cookies={"lang": "en"})
    assert 'href="#net_income"' in page.text and 'href="#on"' not in page.text
