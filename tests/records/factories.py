"""Small records for tests, written through the repositories."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from innoreg.records.credit_code import check_character
from innoreg.records.models import AnnualFiling, IPAsset, Organisation
from innoreg.records.repositories import BUREAU
from innoreg.records.repositories.organisations import add_organisation

REAL_CODES = (
    "91330100716105852F",
    "914403001922038216",
    "91440300708461136T",
    "91110000802100433B",
    "91110108558521630L",
)
"""Unified social credit codes published by large companies (valid check characters)."""


def make_code(seed: int, prefix: str = "91410305") -> str:
    rng = random.Random(seed)
    body = prefix + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + check_character(body)


def enterprise(session: Session, seed: int = 1, **fields: object) -> Organisation:
    values: dict[str, object] = {
        "kind": "enterprise",
        "name": f"测试企业{seed}",
        "credit_code": make_code(seed),
        "district": "涧西区",
        "industry": "C34",
    }
    values.update(fields)
    return add_organisation(session, scope=BUREAU, **values)


def filing(session: Session, organisation: Organisation, **fields: object) -> AnnualFiling:
    values: dict[str, object] = {
        "organisation_id": organisation.id,
        "fiscal_year": 2023,
        "sales_revenue": 8_000_000_000,
        "rd_expense": 100_000_000,
        "above_designated_size": True,
    }
    values.update(fields)
    record = AnnualFiling(**values)
    session.add(record)
    session.flush()
    return record


def ip_asset(
    session: Session, organisation: Organisation, number: int, **fields: object
) -> IPAsset:
    values: dict[str, object] = {
        "organisation_id": organisation.id,
        "kind": "patent",
        "registration_no": f"ZL2021{number:08d}",
        "title": f"一种测试装置{number}",
        "fiscally_funded": True,
        "rights_obtained_on": dt.date(2021, 3, 1),
        "implementation_conditions_met": True,
    }
    values.update(fields)
    record = IPAsset(**values)
    session.add(record)
    session.flush()
    return record


def luoyang_in_force(session: Session, day: dt.date = dt.date(2015, 1, 1)) -> None:
    """Record the Luoyang regulations' in-force date (not in the sources; the art. 14 clock
    needs it): a hypothetical date for tests."""
    from innoreg.records.models.determinations import ActFact
    from innoreg.records.types import utcnow

    session.add(
        ActFact(
            jurisdiction="cn-ha-luoyang",
            fact="in_force",
            value=day,
            recorded_by="test",
            recorded_at=utcnow(),
            source_note="test: a hypothetical in-force date",
        )
    )
