"""The dashboard's figures kept between requests while the records stay as they were: every
write appends to the audit log in its own transaction and moves the chain head, so the head's
sequence number, read in the same read transaction as the figures, says whether figures
computed earlier still hold. A page viewed again (or its five chart images) costs one
one-row read instead of four group-bys."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from sqlalchemy import text
from sqlalchemy.orm import Session

from innoreg.records.reports.dashboard import Dashboard, dashboard
from innoreg.records.repositories.scope import Scope

V = TypeVar("V")
RecordsState = tuple[str, int, str]


def records_state(session: Session) -> RecordsState:
    """Which database, and where its audit chain's head stands (sequence and hash): every
    audited write moves it, and two databases — or one restored from a backup — never share
    it, so what was computed at one state holds exactly while the state is unchanged."""
    row = session.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
    database = session.get_bind().engine.url.render_as_string(hide_password=True)
    return database, int(row.seq), str(row.hash)


class Kept(Generic[V]):
    """The last ``size`` results by key, shared by a process's threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: Hashable, make: Callable[[], V]) -> V:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = make()  # outside the lock: another thread may make the same, harmlessly
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value


_figures: Kept[Dashboard] = Kept(32)


def current_dashboard(
    session: Session, *, scope: Scope, fiscal_year: int, as_of: dt.date
) -> Dashboard:
    """``dashboard(...)``, from the figures kept for the same question at the same state."""
    return _figures.get_or_make(
        (scope, fiscal_year, as_of, records_state(session)),
        lambda: dashboard(session, scope=scope, fiscal_year=fiscal_year, as_of=as_of),
    )
