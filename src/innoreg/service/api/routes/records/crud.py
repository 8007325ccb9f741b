"""The four routes every kind of record has — a page of the list, one record, a new one, a
change on the version read — made from one description of the kind, so that each kind's
module says only what is its own (filters, body, answer, policies).

(No ``from __future__ import annotations`` here: FastAPI reads the routes' annotations, which
name the kind's own classes, when the routes are made.)"""

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from innoreg.records.db import Database
from innoreg.records.errors import NotFoundError
from innoreg.records.principal import Principal
from innoreg.records.repositories.kinds import (
    Kind,
    create_record,
    get_record,
    list_records,
    update_record,
)
from innoreg.records.repositories.listing import MAX_LIMIT
from innoreg.service.api.routes.records.common import Caller, Ident
from innoreg.service.api.routes.records.reads import (
    answered_from_columns,
    json_answer,
    page_answer,
    record_answer,
)
from innoreg.service.api.schemas.records import Listing
from innoreg.service.auth.policy import Policy, guard
from innoreg.service.database import DatabaseDep
from innoreg.service.threads import in_thread


class ListQuery(BaseModel):
    """A list's query: ``cursor`` and ``limit``; each kind adds its filters and ``sort``."""

    model_config = ConfigDict(extra="forbid")

    cursor: str | None = Field(
        None, max_length=1000, description="The `next` of the page before; omit for the first."
    )
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Records per page.")
    sort: str = "id"

    def conditions(self) -> list[Any]:
        """The filters as conditions on the kind's columns."""
        return []

    def asked(self) -> dict[str, Any]:
        """The page asked for, as ``list_records`` and ``page_answer`` take it."""
        return {
            "conditions": self.conditions(),
            "sort": self.sort,
            "cursor": self.cursor,
            "limit": self.limit,
        }


def sort_field(columns: tuple[str, ...]) -> Any:
    """``sort``: one of ``columns``, ascending, or descending with a leading ``-``."""
    return Field(
        "id",
        pattern="^-?(" + "|".join(columns) + ")$",
        description=f"One of {', '.join(columns)}; `-` descends.",
    )


Publish = Callable[[Any, Principal, bool], BaseModel]
"""A stored record as the caller may see it; ``True`` when it is shown in a list."""


@dataclass(frozen=True)
class Crud:
    kind: Kind
    path: str
    noun: str
    public: type[BaseModel]
    query: type[ListQuery]
    read: Policy
    create: type[BaseModel] | None = None
    update: type[BaseModel] | None = None
    write: Policy | None = None
    fields: Callable[[dict[str, Any]], dict[str, Any]] = field(default=lambda body: body)
    """A request body's values -> the model's columns (a kind's own naming, nested rows)."""
    publish: Publish | None = None
    belongs: Callable[[Any], bool] | None = None
    """For a path holding part of a table (one register family): whether a record is of it;
    one that is not answers 404 there."""

    def get(self, session: Any, caller: Principal, ident: int) -> Any:
        found = get_record(session, self.kind, scope=caller.scope(), ident=ident)
        if self.belongs is not None and not self.belongs(found):
            raise NotFoundError(self.kind.name, ident)
        return found

    @property
    def from_columns(self) -> bool:
        """Answered from the table's rows (``reads.py``): no own publishing, no part-table."""
        return (
            self.publish is None
            and self.belongs is None
            and answered_from_columns(self.kind, self.public)
        )

    def shown(self, record: Any, caller: Principal, in_list: bool) -> BaseModel:
        if self.publish is not None:
            return self.publish(record, caller, in_list)
        return self.public.model_validate(record)


def retyped(**annotations: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a route's parameters the kind's own classes in the signature FastAPI reads (the
    function itself is typed with their base classes)."""

    def change(function: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(function)
        parameters = [
            p.replace(annotation=annotations[p.name]) if p.name in annotations else p
            for p in signature.parameters.values()
        ]
        function.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        return function

    return change


def add_routes(router: APIRouter, crud: Crud) -> None:
    """``GET path``, ``GET path/{ident}`` and, where the kind is written over the API,
    ``POST path`` and ``PATCH path/{ident}``."""
    kind, public, query_model = crud.kind, crud.public, crud.query
    from_columns = crud.from_columns

    @router.get(
        crud.path,
        response_model=Listing[public],  # type: ignore[valid-type]
        summary=f"{crud.noun.capitalize()}s",
        dependencies=[guard(crud.read)],
    )
    @retyped(query=Annotated[query_model, Query()])
    async def records(database: DatabaseDep, caller: Caller, query: ListQuery) -> Any:
        if from_columns:
            return await page_answer(database, kind, public, scope=caller.scope(), **query.asked())
        return await in_thread(objects_page, database, caller, query)

    def objects_page(database: Database, caller: Principal, query: ListQuery) -> dict[str, Any]:
        with database.read() as session:
            page = list_records(session, kind, scope=caller.scope(), **query.asked())
            return {
                "items": [crud.shown(item, caller, True) for item in page.items],
                "next": page.next,
            }

    @router.get(
        crud.path + "/{ident}",
        response_model=public,
        summary=f"A {crud.noun}",
        dependencies=[guard(crud.read)],
    )
    async def record(ident: Ident, database: DatabaseDep, caller: Caller) -> Any:
        if from_columns:
            return await record_answer(database, kind, public, scope=caller.scope(), ident=ident)
        return await in_thread(one_object, database, caller, ident)

    def one_object(database: Database, caller: Principal, ident: int) -> Any:
        with database.read() as session:
            return crud.shown(crud.get(session, caller, ident), caller, False)

    if crud.create is None or crud.update is None or crud.write is None:
        return
    create_model, update_model = crud.create, crud.update

    @router.post(
        crud.path,
        response_model=public,
        status_code=201,
        summary=f"Record a {crud.noun}",
        dependencies=[guard(crud.write)],
    )
    @retyped(body=create_model)
    async def create(body: BaseModel, database: DatabaseDep, caller: Caller) -> Any:
        made = await in_thread(
            create_one, crud.fields(body.model_dump(by_alias=True)), database, caller
        )
        return json_answer(made, status_code=201)

    def create_one(values: dict[str, Any], database: Database, caller: Principal) -> BaseModel:
        with database.write(actor=caller.actor) as session:
            made = create_record(session, kind, scope=caller.scope(), fields=values)
            return crud.shown(made, caller, False)

    @router.patch(
        crud.path + "/{ident}",
        response_model=public,
        summary=f"Change a {crud.noun}",
        dependencies=[guard(crud.write)],
    )
    @retyped(body=update_model)
    async def update(ident: Ident, body: BaseModel, database: DatabaseDep, caller: Caller) -> Any:
        changes = body.model_dump(exclude_unset=True, by_alias=True)
        version = changes.pop("version")
        changed = await in_thread(update_one, ident, version, changes, database, caller)
        return json_answer(changed)

    def update_one(
        ident: int, version: int, changes: dict[str, Any], database: Database, caller: Principal
    ) -> BaseModel:
        with database.write(actor=caller.actor) as session:
            crud.get(session, caller, ident)
            changed = update_record(
                session,
                kind,
                scope=caller.scope(),
                ident=ident,
                expected_version=version,
                changes=crud.fields(changes),
            )
            return crud.shown(changed, caller, False)
