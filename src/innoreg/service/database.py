"""The records database of the app, opened on first use (the public pages never need it)."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import Depends, Request

from innoreg.records.db import Database
from innoreg.records.errors import RecordsError


class DatabaseNotReadyError(RecordsError):
    """The records database is missing or not at this innoreg's schema (503)."""


class LazyDatabase:
    """One ``Database`` (one engine and its pool) per app, made when a route first asks."""

    def __init__(self, url: str = "") -> None:
        self.url = url
        self._database: Database | None = None
        self._lock = threading.Lock()

    def get(self) -> Database:
        """The database, checked once to be at the schema this innoreg needs (otherwise every
        records route answers 503 naming ``innoreg db upgrade``, never a 500)."""
        if self._database is None:
            with self._lock:
                if self._database is None:
                    from innoreg.records import schema

                    database = Database(self.url or None)
                    try:
                        schema.require_head(database.engine)
                    except RecordsError as error:
                        database.dispose()
                        raise DatabaseNotReadyError(str(error)) from None
                    self._database = database
        return self._database

    def dispose(self) -> None:
        if self._database is not None:
            self._database.dispose()
            self._database = None


def get_database(request: Request) -> Database:
    lazy: LazyDatabase = request.app.state.database
    return lazy.get()


DatabaseDep = Annotated[Database, Depends(get_database)]
