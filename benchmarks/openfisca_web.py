"""The OpenFisca Web API (openfisca-core's ``openfisca_web_api``) serving the OpenFisca model of
``benchmarks/openfisca_model.py``, as a country package's web API would: for gunicorn,
``gunicorn benchmarks.openfisca_web:app``."""

from __future__ import annotations

from openfisca_web_api.app import create_app

from benchmarks.openfisca_model import tax_benefit_system

app = create_app(tax_benefit_system())
