"""Hostile input over the whole OpenAPI: schemathesis generates requests (valid and invalid)
for every operation; no answer is a 5xx and every answer conforms to the declared schema."""

from __future__ import annotations

import datetime as dt
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi import checks

from innoreg.service.app import create_app
from innoreg.service.settings import Settings


def _records_url() -> str:
    """A migrated records database of its own (the sign-in route reads the accounts)."""
    import tempfile
    from pathlib import Path

    from innoreg.records import schema as records_schema
    from innoreg.records.db import Database

    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='innoreg-schemathesis-')) / 'r.sqlite3'}"
    database = Database(url)
    records_schema.upgrade(database.engine)
    database.dispose()
    return url


APP = create_app(
    Settings(today=dt.date(2024, 6, 30), access_log=False, database_url=_records_url())
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.allow_header_conformance,
]
EXCLUDED = [checks.positive_data_acceptance, checks.negative_data_rejection]
"""Whether the schema is as strict as the engine (an unknown jurisdiction in a free-text query,
an entity kind of another jurisdiction) is the engine's contract; here: no 5xx, answers as
declared."""


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error_and_every_answer_conforms(case: Any) -> None:
    case.call_and_validate(checks=CHECKS, excluded_checks=EXCLUDED)
