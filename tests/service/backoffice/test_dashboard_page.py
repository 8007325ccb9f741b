"""The dashboard page: who may read it, the figures of the records as of the day chosen, in
both languages, each chart an image with a text alternative and its table under it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from tests.service.backoffice.conftest import sent_to_sign_in

from innoreg.records.principal import Role
from innoreg.records.reports import dashboard
from innoreg.records.repositories import BUREAU

QUERY = "fiscal_year=2023&as_of-day=30&as_of-month=6&as_of-year=2024"


def test_the_dashboard_needs_a_bureau_role(sign_in: Callable[..., TestClient]) -> None:
    assert sent_to_sign_in(sign_in(None).get("/back-office/dashboard"))
    tenant = sign_in(Role.ENTERPRISE_USER, user_id=50, organisation_id=30)
    assert tenant.get("/back-office/dashboard").status_code == 403
    for role in (Role.REVIEWER, Role.BUREAU_ADMIN):
        assert sign_in(role).get("/back-office/dashboard").status_code == 200


def test_the_admin_sees_the_city_s_figures_in_chinese_with_wan_yuan(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "zh")
    html = admin.get(f"/back-office/dashboard?{QUERY}").text
    with bureau_app.state.database.get().read() as session:
        figures = dashboard(session, scope=BUREAU, fiscal_year=2023, as_of=dt.date(2024, 6, 30))
    total = figures.filings.total
    assert '<html lang="zh-CN"' in html and "<title>数据看板" in html
    assert f"共{total.filings:,}家" in html and f"符合市级扶持条件{total.eligible:,}家" in html
    assert "万元" in html
    assert html.count('<img class="innoreg-chart"') == 5
    assert html.count("<caption") == 5 and 'scope="col"' in html and 'scope="row"' in html
    for alt in re.findall(r'<img class="innoreg-chart" src="[^"]+" alt="([^"]*)"', html):
        assert len(alt) > 20


def test_each_chart_is_drawn_at_its_own_address(sign_in: Callable[..., TestClient]) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    html = admin.get(f"/back-office/dashboard?{QUERY}&by=size_class").text
    sources = re.findall(r'<img class="innoreg-chart" src="([^"]+)"', html)
    assert len(sources) == 5 and all("by=size_class" in s for s in sources)
    drawing = admin.get(sources[0].replace("&amp;", "&"))
    assert drawing.status_code == 200 and drawing.headers["content-type"] == "image/svg+xml"
    assert drawing.text.lstrip().startswith("<?xml") and "<svg" in drawing.text
    assert admin.get("/back-office/dashboard/charts/nothing.svg").status_code == 404
    assert sent_to_sign_in(sign_in(None).get(sources[0].replace("&amp;", "&")))


def test_english_figures_and_a_bad_day_keep_the_answers(
    sign_in: Callable[..., TestClient],
) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "en")
    html = admin.get(f"/back-office/dashboard?{QUERY}&by=industry_section").text
    assert '<html lang="en"' in html and "Fiscal year 2023, as of 30 June 2024" in html
    assert "Industry section" in html
    wrong = admin.get(
        "/back-office/dashboard?fiscal_year=20x3&as_of-day=31&as_of-month=2&as_of-year=2024"
    )
    assert wrong.status_code == 200
    assert "<title>Error: Dashboard" in wrong.text and "govuk-error-summary" in wrong.text
    assert 'value="20x3"' in wrong.text and 'value="31"' in wrong.text
    assert "innoreg-chart" not in wrong.text


def test_the_as_of_day_changes_the_figures(sign_in: Callable[..., TestClient]) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "en")
    early = admin.get(
        "/back-office/dashboard?fiscal_year=2023&as_of-day=1&as_of-month=1&as_of-year=2023"
    ).text
    late = admin.get(f"/back-office/dashboard?{QUERY}").text
    assert _table(early, "transfers-by-district") != _table(late, "transfers-by-district")


def _table(html: str, name: str) -> str:
    start = html.index(f'id="{name}-table"')
    return html[start : html.index("</table>", start)]


def test_charts_drawn_at_once_on_several_threads_are_the_charts_drawn_alone(
    sign_in: Callable[..., TestClient],
) -> None:
    """matplotlib's settings are the process's: drawings requested together (as a browser
    does) must not mix fonts — a Chinese chart keeps its glyphs."""
    from concurrent.futures import ThreadPoolExecutor

    from innoreg.batch.report.dashboard_charts import CHARTS, dashboard_chart

    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "zh")
    addresses = [f"/back-office/dashboard/charts/{name}.svg?{QUERY}" for name in CHARTS]
    dashboard_chart.cache_clear()
    alone = [admin.get(address).text for address in addresses]
    dashboard_chart.cache_clear()
    with ThreadPoolExecutor(len(addresses)) as pool:
        together = [r.text for r in pool.map(admin.get, addresses)]
    assert together == alone


def test_figures_kept_between_views_follow_every_write(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    """The page keeps its figures while the audit chain's head stays put; a write moves it."""
    from innoreg.records.workflows.ip import issue_notice, overdue_assets

    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "en")
    later = "fiscal_year=2024&as_of-day=30&as_of-month=6&as_of-year=2025"
    before = _table(admin.get(f"/back-office/dashboard?{later}").text, "overdue-ip-by-district")
    assert before == _table(
        admin.get(f"/back-office/dashboard?{later}").text, "overdue-ip-by-district"
    )
    database = bureau_app.state.database.get()
    day = dt.date(2025, 6, 30)
    with database.read() as session:
        waiting = [a for a in overdue_assets(session, scope=BUREAU, as_of=day) if not a.notice_id]
    assert waiting
    with database.write(actor="test") as session:
        issue_notice(session, scope=BUREAU, asset_id=waiting[0].asset_id, as_of=day, actor="test")
    after = _table(admin.get(f"/back-office/dashboard?{later}").text, "overdue-ip-by-district")
    assert after != before
