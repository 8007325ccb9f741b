"""Figures kept between requests are kept per database and per state of its records: two
databases at the same point of their audit chains never answer for each other."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tests.records import factories

from innoreg.records.db import Database
from innoreg.records.reports.cached import current_dashboard, records_state
from innoreg.records.repositories import BUREAU


def _copy(template: Path, path: Path) -> Database:
    shutil.copyfile(template, path)
    return Database(f"sqlite:///{path}")


def test_two_databases_at_the_same_audit_sequence_keep_their_own_figures(
    sqlite_template: Path, tmp_path: Path
) -> None:
    first, second = (
        _copy(sqlite_template, tmp_path / "a.sqlite3"),
        _copy(sqlite_template, tmp_path / "b.sqlite3"),
    )
    with first.write(actor="test") as session:
        organisation = factories.enterprise(session, 1)
        factories.filing(session, organisation, fiscal_year=2023)
    with second.write(actor="test") as session:
        organisation = factories.enterprise(session, 2)
        factories.filing(session, organisation, fiscal_year=2022)
    with first.read() as a, second.read() as b:
        state_a, state_b = records_state(a), records_state(b)
        assert state_a[1] == state_b[1]  # the same number of audited writes …
        assert state_a != state_b  # … in two databases, with different contents
        day = dt.date(2024, 6, 30)
        figures_a = current_dashboard(a, scope=BUREAU, fiscal_year=2023, as_of=day)
        figures_b = current_dashboard(b, scope=BUREAU, fiscal_year=2023, as_of=day)
        assert figures_a != figures_b
    first.dispose()
    second.dispose()
