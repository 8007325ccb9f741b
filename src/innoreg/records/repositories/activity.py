"""Funded projects, awards and led standards, as kinds of record the API lists and changes."""

from __future__ import annotations

from innoreg.records.models.awards import Award
from innoreg.records.models.projects import FundedProject
from innoreg.records.models.standards import StandardLed
from innoreg.records.repositories.kinds import Kind

PROJECTS = Kind("project", FundedProject, sorts=("id", "number", "organisation_id"))
AWARDS = Kind("award", Award, sorts=("id", "year", "organisation_id"))
STANDARDS = Kind("standard", StandardLed, sorts=("id", "code", "published_on", "organisation_id"))
