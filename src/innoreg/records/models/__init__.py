"""The records' tables, one module per aggregate. Importing this package registers them all
on ``Base.metadata`` (what the migrations are checked against)."""

from innoreg.records.models.accounts import AccountEvent, ApiToken, User, WebSession
from innoreg.records.models.applications import (
    Application,
    ApplicationAssignment,
    ApplicationTransition,
)
from innoreg.records.models.audit import AuditEntry, AuditHead
from innoreg.records.models.awards import Award
from innoreg.records.models.base import Base
from innoreg.records.models.determinations import ActFact, Determination
from innoreg.records.models.feeds import CalendarFeed
from innoreg.records.models.filings import AnnualFiling, FilingDraft
from innoreg.records.models.ip import IPAsset, IPEvent, IPReport
from innoreg.records.models.notices import Notice
from innoreg.records.models.organisations import Certificate, Organisation
from innoreg.records.models.projects import FundedProject
from innoreg.records.models.registries import RegistryEntry
from innoreg.records.models.standards import StandardLed
from innoreg.records.models.transfers import RewardShare, Transfer

__all__ = [
    "AccountEvent",
    "ActFact",
    "AnnualFiling",
    "ApiToken",
    "Application",
    "ApplicationAssignment",
    "ApplicationTransition",
    "AuditEntry",
    "AuditHead",
    "Award",
    "Base",
    "CalendarFeed",
    "Certificate",
    "Determination",
    "FilingDraft",
    "FundedProject",
    "IPAsset",
    "IPEvent",
    "IPReport",
    "Notice",
    "Organisation",
    "RegistryEntry",
    "RewardShare",
    "StandardLed",
    "Transfer",
    "User",
    "WebSession",
]
