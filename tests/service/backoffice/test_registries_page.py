"""The registries: each filtered with facets that count what the other filters keep, and
exported exactly as filtered, as CSV and .xlsx."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from innoreg.records.models.organisations import Organisation
from innoreg.records.models.registries import RegistryEntry
from innoreg.records.principal import Role

DISTRICT = "涧西区"


def _count(bureau_app: FastAPI, *conditions: object) -> int:
    with bureau_app.state.database.get().read() as session:
        return int(
            session.scalar(select(func.count()).select_from(Organisation).where(*conditions)) or 0
        )


def test_the_registries_list_each_register_with_its_count(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "en")
    html = admin.get("/back-office/registries").text
    assert "<title>Registries" in html
    assert f"{_count(bureau_app):,} records" in html
    for group in ("platforms", "parks-and-incubators", "agencies", "demonstration-enterprises"):
        assert f'href="/back-office/registries/{group}"' in html


def test_organisations_filter_with_facets_and_export_as_filtered(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "zh")
    query = f"district={DISTRICT}&kind=enterprise"
    html = admin.get(f"/back-office/registries/organisations?{query}").text
    expected = _count(
        bureau_app, Organisation.district == DISTRICT, Organisation.kind == "enterprise"
    )
    assert f"共有{expected:,}条记录符合" in html
    in_district = _count(bureau_app, Organisation.district == DISTRICT)
    assert re.search(rf'<option value="enterprise" selected>企业 \({expected:,}\)</option>', html)
    universities = _count(
        bureau_app, Organisation.district == DISTRICT, Organisation.kind == "university"
    )
    assert f"高等学校 ({universities:,})" in html or universities == 0
    assert in_district >= expected
    exported = admin.get(f"/back-office/registries/organisations/export?{query}&format=csv")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][0] == "credit_code" and len(rows) - 1 == expected
    book = admin.get(f"/back-office/registries/organisations/export?{query}&format=xlsx")
    assert book.content[:2] == b"PK"


def test_agencies_by_type_of_service_and_validity(
    sign_in: Callable[..., TestClient], bureau_app: FastAPI
) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    admin.cookies.set("lang", "en")
    with bureau_app.state.database.get().read() as session:
        agencies = session.scalars(
            select(RegistryEntry).where(RegistryEntry.register == "intermediary_agency")
        ).all()
    assert agencies
    category = agencies[0].category
    html = admin.get(f"/back-office/registries/agencies?category={category}").text
    shown = [a for a in agencies if a.category == category]
    assert f"{len(shown):,} records match." in html
    assert "Type of service" in html and "<caption" in html
    entries = admin.get("/back-office/registries/demonstration-enterprises?valid_on=2024-06-30")
    assert (
        "Valid on 30 June 2024" in entries.text
        and "Not valid on" not in entries.text.split('id="records"')[1]
    )
    exported = admin.get("/back-office/registries/agencies/export?format=csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["register", "name", "level"] and len(rows) - 1 == len(agencies)


def test_unknown_registries_and_formats_are_not_found(
    sign_in: Callable[..., TestClient],
) -> None:
    admin = sign_in(Role.BUREAU_ADMIN)
    assert admin.get("/back-office/registries/spies").status_code == 404
    assert admin.get("/back-office/registries/agencies/export?format=pdf").status_code == 404
    tenant = sign_in(Role.ENTERPRISE_USER, user_id=80, organisation_id=30)
    assert tenant.get("/back-office/registries/organisations/export?format=csv").status_code == 403
