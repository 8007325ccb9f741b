"""Determinations: the case document actually decided, and what the engine answered, kept so
it can be replayed; and the act facts a bureau records (an act's in-force date)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from innoreg.records.models.base import Base, choice
from innoreg.records.types import UTCDateTime

SUBJECT_KINDS = ("filing", "transfer", "ip_asset")
ACT_FACTS = ("in_force",)
DIGESTED = {"audit": "digest"}
"""Large documents: the audit log keeps their SHA-256, not a second copy."""


class Determination(Base):
    __tablename__ = "determinations"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_kind: Mapped[str] = mapped_column(choice("subject_kind", SUBJECT_KINDS))
    subject_id: Mapped[int]
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    jurisdiction: Mapped[str] = mapped_column(String(40))
    date: Mapped[dt.date]
    pack_version: Mapped[str] = mapped_column(String(80))
    """The chain's combined version, as the engine reports it."""
    pack_versions: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)
    """Each pack of the chain, ``jurisdiction -> version+digest``, so replay can name the pack
    that changed; ``None`` on determinations stored before revision 0002."""
    interpretations: Mapped[dict[str, Any]] = mapped_column(JSON)
    """The readings chosen explicitly (the effective set, defaults included, is in result)."""
    assumptions: Mapped[dict[str, Any]] = mapped_column(JSON)
    case: Mapped[dict[str, Any]] = mapped_column(JSON, info=DIGESTED)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, info=DIGESTED)
    explanation: Mapped[dict[str, Any]] = mapped_column(JSON, info=DIGESTED)
    notes: Mapped[list[str]] = mapped_column(JSON, default=list)
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(200))

    __table_args__ = (Index("ix_determinations_subject", "subject_kind", "subject_id"),)


class ActFact(Base):
    """A fact about an act that the shipped metadata lacks and the bureau records, such as
    the day Luoyang's regulations came into force; evaluations read it as an assumption."""

    __tablename__ = "act_facts"

    id: Mapped[int] = mapped_column(primary_key=True)
    jurisdiction: Mapped[str] = mapped_column(String(40))
    fact: Mapped[str] = mapped_column(choice("act_fact", ACT_FACTS))
    value: Mapped[dt.date]
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    source_note: Mapped[str] = mapped_column(String(1000))

    __table_args__ = (UniqueConstraint("jurisdiction", "fact"),)
