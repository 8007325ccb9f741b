"""Accounts behind bearer and API tokens, kept in the process for a few seconds.

Reading the account on every API request cost a database round trip and about 0.8 ms of CPU,
the largest part of a small authenticated request. Kept for ``seconds`` (5 by default,
``INNOREG_ACCOUNT_CHECK_SECONDS``), a change made by this process (disable, role change,
password reset, a revoked API token) still applies to the next request: the change forgets the
account when its transaction commits. A change made by another process (another worker, the
CLI) applies within ``seconds``. Only accounts that may sign in are kept; a refusal is read
again every time, so an enabled account works at once.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session

T = TypeVar("T")

_ticks = itertools.count(1)
_forgotten: dict[int, int] = {}
"""user id → the tick of the last change this process committed to the account."""
MOST = 10_000


def forget_after_commit(session: Session, user_id: int) -> None:
    """Once ``session``'s transaction commits, no kept copy of the account is used again."""

    def _forget(_session: Session) -> None:
        _forgotten[user_id] = next(_ticks)

    event.listen(session, "after_commit", _forget, once=True)


@dataclass(frozen=True)
class _Entry(Generic[T]):
    value: T
    user_id: int
    tick: int
    until: float


class KeptAccounts(Generic[T]):
    """What a credential opened (an account, or an account and its scopes), by credential;
    ``owner`` names the account a kept value belongs to."""

    def __init__(
        self,
        owner: Callable[[T], int],
        seconds: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self._owner = owner
        self._clock = clock
        self._entries: dict[Hashable, _Entry[T]] = {}

    def get(self, key: Hashable) -> T | None:
        """The kept value, unless it is older than ``seconds`` or its account changed since."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        if self._clock() >= entry.until or _forgotten.get(entry.user_id, 0) > entry.tick:
            self._entries.pop(key, None)
            return None
        return entry.value

    def read(self, key: Hashable, load: Callable[[], T | None]) -> T | None:
        """The kept value or, failing that, ``load()`` (kept when it is not None)."""
        kept = self.get(key)
        if kept is not None:
            return kept
        tick = next(_ticks)  # before the read: a change committed during it forgets the copy
        value = load()
        if value is None or self.seconds <= 0:
            return value
        if len(self._entries) >= MOST:
            self._entries.clear()
        self._entries[key] = _Entry(value, self._owner(value), tick, self._clock() + self.seconds)
        return value
