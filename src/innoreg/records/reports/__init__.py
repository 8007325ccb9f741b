"""Figures over the records for the bureau's dashboard (and a tenant's own), computed in SQL
and returned as typed rows a page renders as a chart and its table."""

from innoreg.records.reports.dashboard import (
    ApplicationFigures,
    Dashboard,
    FilingFigures,
    OverdueFigures,
    TransferFigures,
    application_figures,
    dashboard,
    filing_figures,
    overdue_ip_figures,
    transfer_figures,
)
from innoreg.records.reports.groups import GROUPS, Breakdown, Group

__all__ = [
    "GROUPS",
    "ApplicationFigures",
    "Breakdown",
    "Dashboard",
    "FilingFigures",
    "Group",
    "OverdueFigures",
    "TransferFigures",
    "application_figures",
    "dashboard",
    "filing_figures",
    "overdue_ip_figures",
    "transfer_figures",
]
