"""What if: a shipped or uploaded reform over the filings in the records, the report on the
page (totals, who gains and who loses by group) equal to the what-if's own figures, and the
report downloaded as a zip; bad answers kept with an error summary."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient

from innoreg.batch.records_whatif import records_whatif
from innoreg.batch.reforms import shipped
from innoreg.records.principal import Role
from innoreg.records.repositories import BUREAU

ANSWERS = {"fiscal_year": "2023", "on-day": "30", "on-month": "6", "on-year": "2024"}
UPLOADED = b"""name: line-2-percent
description: Luoyang's support line at 2 % from 2024.
parameters:
  luoyang.support_rd_intensity_above_designated_size:
    - {from: 2024-01-01, value: 0.02}
"""


def _eligible_after(bureau_app: FastAPI, reform: object) -> int:
    with bureau_app.state.database.get().read() as session:
        sim = records_whatif(
            session, scope=BUREAU, fiscal_year=2023, date=dt.date(2024, 6, 30), reform=reform
        )
    return int(sim.summary()["support_eligible_reform"][0])


def test_a_shipped_reform_is_run_and_read_on_the_page(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "en")
    form = admin.get("/back-office/what-if").text
    assert "<title>What if" in form and 'value="threshold-1.5-and-deduction-120"' in form
    name = "threshold-1.5-and-deduction-120"
    answer = admin.post("/back-office/what-if", data={**ANSWERS, "reform": name})
    assert answer.status_code == 200
    html = answer.text
    eligible = _eligible_after(bureau_app, shipped()[name])
    row = re.search(
        r'<th scope="row" class="govuk-table__header">Eligible</th>(.*?)</tr>', html, re.S
    )
    assert row and f"{eligible:,}" in row.group(1)
    for by in ("district", "industry_section", "size_class"):
        assert f'id="by-{by}"' in html
    assert "Lose" in html and "<caption" in html


def test_an_uploaded_reform_is_kept_for_the_download(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "zh")
    answer = admin.post(
        "/back-office/what-if",
        data={**ANSWERS, "reform": "upload"},
        files={"reform_file": ("line.yaml", UPLOADED, "application/yaml")},
    )
    assert answer.status_code == 200 and "万元" in answer.text
    assert 'name="reform_text"' in answer.text
    import yaml

    from innoreg.batch.records_whatif import as_reform

    eligible = _eligible_after(bureau_app, as_reform(yaml.safe_load(UPLOADED)))
    assert f"{eligible:,}" in answer.text
    text = re.search(r'name="reform_text" value="([^"]*)"', answer.text)
    assert text
    import html as markup

    zipped = admin.post(
        "/back-office/what-if/report.zip",
        data={**ANSWERS, "reform": "upload", "reform_text": markup.unescape(text.group(1))},
    )
    assert zipped.status_code == 200 and zipped.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(zipped.content)).namelist()
    assert "report.html" in names and "summaries.xlsx" in names
    assert any(n.startswith("charts/") and n.endswith(".svg") for n in names)


def test_bad_answers_are_kept_with_an_error_summary(sign_in: Callable[..., TestClient]) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "en")
    answer = admin.post(
        "/back-office/what-if",
        data={**ANSWERS, "fiscal_year": "1999", "reform": "upload"},
        files={
            "reform_file": (
                "bad.yaml",
                b"name: x\nparameters: {no.such.parameter: []}\n",
                "application/yaml",
            )
        },
    )
    assert answer.status_code == 422 and "<title>Error: What if" in answer.text
    assert "no.such.parameter" in answer.text
    missing = admin.post(
        "/back-office/what-if",
        data={**ANSWERS, "fiscal_year": "1999", "reform": "luoyang-threshold-1.5"},
    )
    assert missing.status_code == 422 and "no filings for 1999" in missing.text
    assert 'value="1999"' in missing.text


def test_tenants_cannot_run_a_what_if(sign_in: Callable[..., TestClient]) -> None:
    tenant = sign_in(Role.ENTERPRISE_USER, user_id=90, organisation_id=30)
    assert tenant.post("/back-office/what-if", data=ANSWERS).status_code == 403
