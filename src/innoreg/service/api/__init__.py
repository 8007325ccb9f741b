"""The REST API under ``/v1``: thin routes over the engine adapter and the catalogue, answers in
the public vocabulary, every error as problem+json."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    """The API's routers in matching order. The app includes each one directly: FastAPI matches
    a request again at every level of nested routers, which cost a third of a small request's
    CPU when these were nested three deep."""
    from innoreg.service.api.routes import (
        acts,
        auth,
        docs,
        evaluate,
        health,
        inputs,
        interpretations,
        jurisdictions,
        records,
        rules,
    )

    modules = (evaluate, jurisdictions, acts, rules, interpretations, inputs, health, docs, auth)
    return [module.router for module in modules] + records.routers()
