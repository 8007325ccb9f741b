"""Accounts kept between token checks: kept for the set seconds, forgotten when this process
commits a change to the account, read again after the seconds when another process changed
it; refusals never kept. And a read that tries to write is refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from innoreg.records.accounts import sessions, users
from innoreg.records.accounts.kept import KeptAccounts
from innoreg.records.accounts.users import Account
from innoreg.records.db import Database
from innoreg.records.principal import Role
from innoreg.records.types import utcnow

from .test_accounts import CHEAP, PASSWORD


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def admin(database: Database, email: str = "kept@bureau.example") -> Account:
    return users.create_user(
        database,
        email=email,
        role=Role.BUREAU_ADMIN,
        password=PASSWORD,
        actor="test",
        passwords=CHEAP,
    )


def owner(account: Account) -> int:
    return account.id


def counting(database: Database, user_id: int) -> tuple[list[int], Callable[[], Account | None]]:
    reads: list[int] = []

    def load() -> Account | None:
        reads.append(user_id)
        return sessions.find_account(database, user_id)

    return reads, load


def test_an_account_is_read_once_within_the_seconds_and_again_after(database: Database) -> None:
    account = admin(database)
    clock = Clock()
    kept: KeptAccounts[Account] = KeptAccounts(owner, 5, clock)
    reads, load = counting(database, account.id)
    for _ in range(3):
        assert kept.read(account.id, load) == account
    assert len(reads) == 1
    clock.now += 5
    assert kept.read(account.id, load) == account
    assert len(reads) == 2


def test_a_change_committed_here_applies_to_the_next_check(database: Database) -> None:
    account = admin(database)
    kept: KeptAccounts[Account] = KeptAccounts(owner, 5, Clock())
    reads, load = counting(database, account.id)
    kept.read(account.id, load)
    users.set_role(database, email=account.email, role="reviewer", actor="test")
    changed = kept.read(account.id, load)
    assert changed is not None and changed.role is Role.REVIEWER and len(reads) == 2
    users.disable_user(database, email=account.email, actor="test")
    assert kept.read(account.id, load) is None


def test_a_change_made_elsewhere_applies_within_the_seconds(database: Database) -> None:
    account = admin(database)
    clock = Clock()
    kept: KeptAccounts[Account] = KeptAccounts(owner, 5, clock)
    _, load = counting(database, account.id)
    kept.read(account.id, load)
    with database.engine.begin() as connection:  # another process: no hook in this one
        connection.execute(text("UPDATE users SET disabled = :yes"), {"yes": True})
    clock.now += 4.9
    assert kept.read(account.id, load) == account
    clock.now += 0.1
    assert kept.read(account.id, load) is None


def test_a_refusal_is_never_kept_and_zero_seconds_keeps_nothing(database: Database) -> None:
    account = admin(database)
    users.disable_user(database, email=account.email, actor="test")
    kept: KeptAccounts[Account] = KeptAccounts(owner, 5, Clock())
    reads, load = counting(database, account.id)
    assert kept.read(account.id, load) is None
    users.enable_user(database, email=account.email, actor="test")
    assert kept.read(account.id, load) is not None
    never: KeptAccounts[Account] = KeptAccounts(owner, 0, Clock())
    never.read(account.id, load)
    never.read(account.id, load)
    assert len(reads) == 4


def test_a_revoked_api_token_is_not_taken_again(database: Database) -> None:
    account = admin(database)
    issued = sessions.issue_api_token(database, account, name="sync", scopes=["read"], now=utcnow())
    token = issued[0]
    kept: KeptAccounts[tuple[Account, frozenset[str]]] = KeptAccounts(
        lambda found: found[0].id, 5, Clock()
    )

    def load() -> tuple[Account, frozenset[str]] | None:
        return sessions.find_api_token(database, token, now=utcnow())

    found = kept.read(token, load)
    assert found is not None and found[1] == frozenset({"read"})
    sessions.revoke_api_token(database, account, issued[1].id, now=utcnow())
    assert kept.read(token, load) is None


def test_a_read_that_tries_to_write_is_refused(database: Database) -> None:
    account = admin(database)
    from innoreg.records.models import User

    with pytest.raises(RuntimeError, match="a read cannot write"), database.read() as session:
        user = session.get(User, account.id)
        assert user is not None
        user.disabled = True
        session.flush()
    assert sessions.find_account(database, account.id) is not None
