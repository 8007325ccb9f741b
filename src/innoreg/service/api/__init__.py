"""The REST API under ``/v1``: thin routes over the engine adapter and the catalogue, answers in
the public vocabulary, every error as problem+json."""

from __future__ import annotations

from fastapi import APIRouter


def router() -> APIRouter:
    from innoreg.service.api.routes import (
        acts,
        auth,
        docs,
        evaluate,
        health,
        inputs,
        interpretations,
        jurisdictions,
        rules,
    )

    api = APIRouter()
    from innoreg.service.api.routes import records

    modules = (evaluate, jurisdictions, acts, rules, interpretations, inputs, health, docs, auth)
    for module in modules:
        api.include_router(module.router)
    api.include_router(records.router())
    return api
