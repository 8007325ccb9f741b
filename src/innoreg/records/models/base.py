"""The declarative base: constraint names that say table and column (so a refused value can
be reported by field), and the optimistic version every editable record carries."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import JSON, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON}
    __audited__: ClassVar[bool] = True
    """Every write to an audited table appends an audit entry in the same transaction."""


class Versioned:
    """An optimistic version number: a write made from a stale read is refused, naming the
    record, instead of silently overwriting someone else's change."""

    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 — SQLAlchemy's declared_attr
        return {"version_id_col": cls.version}


def choice(name: str, values: tuple[str, ...]) -> Any:
    """A string column limited to ``values`` by a CHECK constraint (the same on both
    databases; no native enum type to migrate)."""
    from sqlalchemy import Enum

    return Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)
