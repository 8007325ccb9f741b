"""IP assets and the notices issued on them, as kinds of record the API lists and changes."""

from __future__ import annotations

from innoreg.records.models.ip import IPAsset
from innoreg.records.models.notices import Notice
from innoreg.records.models.projects import FundedProject
from innoreg.records.repositories.kinds import Kind

IP_ASSETS = Kind(
    "IP asset",
    IPAsset,
    sorts=("id", "registration_no", "organisation_id"),
    references=(("project_id", FundedProject),),
)
NOTICES = Kind("notice", Notice, sorts=("id", "issued_on", "organisation_id"))
