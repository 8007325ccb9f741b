"""The records database of the app, opened on first use (the public pages never need it)."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import Depends, Request

from innoreg.records.db import Database


class LazyDatabase:
    """One ``Database`` (one engine and its pool) per app, made when a route first asks."""

    def __init__(self, url: str = "") -> None:
        self.url = url
        self._database: Database | None = None
        self._lock = threading.Lock()

    def get(self) -> Database:
        if self._database is None:
            with self._lock:
                if self._database is None:
                    self._database = Database(self.url or None)
        return self._database

    def dispose(self) -> None:
        if self._database is not None:
            self._database.dispose()
            self._database = None


def get_database(request: Request) -> Database:
    lazy: LazyDatabase = request.app.state.database
    return lazy.get()


DatabaseDep = Annotated[Database, Depends(get_database)]
