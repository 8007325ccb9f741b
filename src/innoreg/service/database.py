"""The records database of the app, opened on first use (the public pages never need it)."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from innoreg.records.db import Database
from innoreg.records.errors import RecordsError


class DatabaseNotReadyError(RecordsError):
    """The records database is missing or not at this innoreg's schema (503)."""


class LazyDatabase:
    """One ``Database`` (one engine and its pool) per app, made when a route first asks."""

    def __init__(self, url: str = "", *, pool: int = 10) -> None:
        self.url = url
        self.pool = pool
        self._database: Database | None = None
        self._lock = threading.Lock()

    def get(self) -> Database:
        """The database, checked once to be at the schema this innoreg needs (otherwise every
        records route answers 503 naming ``innoreg db upgrade``, never a 500)."""
        if self._database is None:
            with self._lock:
                if self._database is None:
                    from innoreg.records import schema

                    # Connections kept open: as many as the threads that use them, so that
                    # none is opened and closed per request (SQLAlchemy's default keeps 5).
                    database = Database(self.url or None, pool_size=self.pool, max_overflow=10)
                    try:
                        schema.require_head(database.engine)
                    except RecordsError as error:
                        database.dispose()
                        raise DatabaseNotReadyError(str(error)) from None
                    self._database = database
        return self._database

    @property
    def ready(self) -> Database | None:
        """The database once opened and checked, else None."""
        return self._database

    def dispose(self) -> None:
        if self._database is not None:
            self._database.dispose()
            self._database = None


async def get_database(request: Request) -> Database:
    """The app's database. Async, so that FastAPI does not send every records request through
    the thread pool one extra time just to fetch it; only the first, which opens the database
    and checks its schema, waits in a thread."""
    lazy: LazyDatabase = request.app.state.database
    if lazy.ready is not None:
        return lazy.ready
    return await run_in_threadpool(lazy.get)


DatabaseDep = Annotated[Database, Depends(get_database)]
