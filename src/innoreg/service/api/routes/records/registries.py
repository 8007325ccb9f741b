"""``/v1/registries/{kind}``: platforms, parks, incubators, agencies and demonstration
enterprises, each a family of the registers the regulations name; the bureau keeps them."""

from typing import Any

from fastapi import APIRouter
from pydantic import Field, field_validator

from innoreg.records.models.registries import RegistryEntry
from innoreg.records.repositories.registries import REGISTRY_ENTRIES
from innoreg.service.api.routes.records.common import ADMIN_WRITE, ID_MAX, READ, RECORD_ERRORS
from innoreg.service.api.routes.records.crud import Crud, ListQuery, add_routes, sort_field
from innoreg.service.api.schemas.records_registries import (
    REGISTRY_KINDS,
    Register,
    RegistryEntryCreate,
    RegistryEntryPublic,
    RegistryEntryUpdate,
)

router = APIRouter(responses=RECORD_ERRORS, tags=["registries"])


def _routes(path_kind: str, registers: tuple[str, ...]) -> None:
    class Query(ListQuery):
        organisation_id: int | None = Field(None, ge=1, le=ID_MAX)
        register_: Register | None = Field(
            None, alias="register", description=f"One of {', '.join(registers)}."
        )
        sort: str = sort_field(REGISTRY_ENTRIES.sorts)

        def conditions(self) -> list[Any]:
            found: list[Any] = [RegistryEntry.register.in_(registers)]
            if self.organisation_id is not None:
                found.append(RegistryEntry.organisation_id == self.organisation_id)
            if self.register_ is not None:
                found.append(RegistryEntry.register == self.register_)
            return found

    class Create(RegistryEntryCreate):
        @field_validator("register_")
        @classmethod
        def of_this_kind(cls, value: str) -> str:
            if value not in registers:
                raise ValueError(f"{path_kind} holds the registers {', '.join(registers)}")
            return value

    name = "".join(part.capitalize() for part in path_kind.split("-"))
    Query.__name__ = Query.__qualname__ = f"{name}Query"
    Create.__name__ = Create.__qualname__ = f"{name}EntryCreate"
    add_routes(
        router,
        Crud(
            REGISTRY_ENTRIES,
            f"/v1/registries/{path_kind}",
            f"{path_kind.replace('-', ' ').removesuffix('s')} entry",
            RegistryEntryPublic,
            Query,
            READ,
            Create,
            RegistryEntryUpdate,
            ADMIN_WRITE,
            belongs=lambda entry: entry.register in registers,
        ),
    )


for _kind, _registers in REGISTRY_KINDS.items():
    _routes(_kind, _registers)
