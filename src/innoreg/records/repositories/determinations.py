"""Determinations, as a kind of record the API lists and replays (never changed: a new
decision is a new determination)."""

from __future__ import annotations

from innoreg.records.models.determinations import Determination
from innoreg.records.repositories.kinds import Kind

DETERMINATIONS = Kind(
    "determination", Determination, sorts=("id", "date", "organisation_id", "subject_id")
)
