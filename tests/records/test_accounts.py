"""Accounts on SQLite and PostgreSQL: the password policy, roles tied (or not) to an
organisation, signing in with the lockout, rehashing, and the audit chain that records every
account event while never holding a secret."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pwdlib.hashers.argon2 import Argon2Hasher
from sqlalchemy import select, text

from innoreg.errors import InputError
from innoreg.records.accounts import users
from innoreg.records.accounts.authentication import (
    LOCKOUT_FOR,
    SignInRefusedError,
    authenticate,
)
from innoreg.records.accounts.passwords import Passwords, check_policy, common_passwords
from innoreg.records.audit_verify import verify_chain
from innoreg.records.db import Database
from innoreg.records.errors import ConstraintError
from innoreg.records.models import AccountEvent, ApiToken, AuditEntry, User, WebSession
from innoreg.records.principal import Role
from innoreg.records.types import utcnow

from .factories import enterprise

CHEAP = Passwords(Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1))
"""Quick hashing for the tests that are not about the parameters."""
PASSWORD = "correct horse battery"


def organisation(database: Database) -> int:
    with database.write(actor="test") as session:
        return enterprise(session).id


def admin(database: Database, email: str = "Admin@Bureau.example") -> users.Account:
    return users.create_user(
        database,
        email=email,
        role="bureau_admin",
        password=PASSWORD,
        actor="cli:test",
        passwords=CHEAP,
    )


def events(database: Database) -> list[tuple[str, int | None, dict[str, object]]]:
    with database.read() as session:
        rows = session.scalars(select(AccountEvent).order_by(AccountEvent.id))
        return [(e.kind, e.user_id, e.detail) for e in rows]


def audit_text(database: Database) -> str:
    with database.read() as session:
        return "\n".join(c.decode() for c in session.scalars(select(AuditEntry.canonical)))


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short pass", "at least 12 characters"),
        ("1qaz2wsx3edc", "most common passwords"),
        ("Q1W2E3R4T5Y6", "most common passwords"),
        ("someone@bureau.example", "must not be the e-mail"),
        ("x" * 1025, "at most 1024"),
    ],
)
def test_the_password_policy_names_the_field(password: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as raised:
        check_policy(password, email="someone@bureau.example")
    assert raised.value.field == "password"


def test_the_common_list_is_shipped_whole() -> None:
    assert len(common_passwords()) > 19_000
    assert "123456" in common_passwords() and "# lines" not in common_passwords()
    check_policy(PASSWORD, email="someone@bureau.example")  # allowed


def test_roles_and_organisations(database: Database) -> None:
    org = organisation(database)
    account = users.create_user(
        database,
        email="  Staff@Factory.EXAMPLE ",
        role="enterprise_user",
        organisation=org,
        password=PASSWORD,
        actor="cli:test",
        passwords=CHEAP,
    )
    assert account.email == "staff@factory.example" and account.organisation_id == org
    with database.read() as session:
        code = session.scalar(text(f"SELECT credit_code FROM organisations WHERE id = {org}"))
    by_code = users.create_user(
        database,
        email="other@factory.example",
        role="institution_user",
        organisation=code,
        password=PASSWORD,
        actor="cli:test",
        passwords=CHEAP,
    )
    assert by_code.organisation_id == org
    cases = [
        ({"role": "enterprise_user"}, "organisation", "belongs to one organisation"),
        ({"role": "reviewer", "organisation": org}, "organisation", "belongs to no organisation"),
        ({"role": "enterprise_user", "organisation": "999999"}, "organisation", "no organisat"),
        ({"role": "mayor"}, "role", "is not a role"),
        ({"role": "reviewer", "email": "not-an-address"}, "email", "not an e-mail"),
        ({"role": "reviewer", "email": "STAFF@factory.example"}, "email", "already has an"),
    ]
    for fields, field, message in cases:
        arguments: dict[str, object] = {"email": "new@bureau.example", **fields}
        with pytest.raises(InputError, match=message) as raised:
            users.create_user(
                database, password=PASSWORD, actor="cli:test", passwords=CHEAP, **arguments
            )  # type: ignore[arg-type]
        assert raised.value.field == field


def test_the_database_refuses_a_role_without_its_organisation(database: Database) -> None:
    account = admin(database)
    with (
        pytest.raises(ConstraintError, match=r"users\.role"),
        database.write(actor="test") as session,
    ):
        user = session.get(User, account.id)
        assert user is not None
        user.role = "enterprise_user"
    with (
        pytest.raises(ConstraintError, match=r"users\.email"),
        database.write(actor="test") as session,
    ):
        user = session.get(User, account.id)
        assert user is not None
        user.email = "Admin@Bureau.example"


def test_sign_in_locks_out_after_five_failures(database: Database) -> None:
    account = admin(database)
    start = utcnow()
    for attempt in range(4):
        with pytest.raises(SignInRefusedError, match="wrong") as refused:
            authenticate(database, "admin@bureau.example", "wrong password!", passwords=CHEAP)
        assert refused.value.locked_until is None, attempt
    with pytest.raises(SignInRefusedError, match="locked until") as refused:
        authenticate(database, "ADMIN@bureau.example", "wrong password!", passwords=CHEAP)
    until = refused.value.locked_until
    assert until is not None and abs(until - start - LOCKOUT_FOR) < dt.timedelta(seconds=30)
    # Locked: even the right password is refused, and says until when.
    with pytest.raises(SignInRefusedError, match="locked until"):
        authenticate(database, "admin@bureau.example", PASSWORD, passwords=CHEAP)
    later = until + dt.timedelta(seconds=1)
    signed_in = authenticate(database, "admin@bureau.example", PASSWORD, now=later, passwords=CHEAP)
    assert signed_in.id == account.id and signed_in.role is Role.BUREAU_ADMIN
    with database.read() as session:
        user = session.get(User, account.id)
        assert user is not None and user.failed_logins == 0 and user.locked_until is None
    kinds = [kind for kind, _, _ in events(database)]
    assert kinds == ["login_failed"] * 5 + ["lockout", "login_failed", "login"]


def test_an_unknown_address_gets_the_same_answer(database: Database) -> None:
    admin(database)
    with pytest.raises(SignInRefusedError) as unknown:
        authenticate(database, "nobody@bureau.example", PASSWORD, passwords=CHEAP)
    with pytest.raises(SignInRefusedError) as wrong:
        authenticate(database, "admin@bureau.example", "not the password", passwords=CHEAP)
    assert str(unknown.value) == str(wrong.value)
    assert events(database)[0] == ("login_failed", None, {"reason": "unknown"})


def test_a_hash_made_with_other_parameters_is_replaced_at_sign_in(database: Database) -> None:
    account = admin(database)
    with database.read() as session:
        before = session.scalar(select(User.password_hash).where(User.id == account.id))
    assert before is not None and "m=1024,t=1,p=1" in before
    stronger = Passwords(Argon2Hasher(time_cost=2, memory_cost=2048, parallelism=1))
    authenticate(database, "admin@bureau.example", PASSWORD, passwords=stronger)
    with database.read() as session:
        after = session.scalar(select(User.password_hash).where(User.id == account.id))
    assert after is not None and "m=2048,t=2,p=1" in after
    assert stronger.verify(PASSWORD, after) == (True, None)
    assert events(database)[-1][2] == {"via": "password", "rehashed": True}
    log = audit_text(database)
    assert before not in log and after not in log and "password_hash" not in log


def test_disabling_ends_sessions_and_tokens_and_sign_in(database: Database) -> None:
    account = admin(database)
    now = utcnow()
    with database.write(actor="test") as session:
        session.add(
            WebSession(
                token_hash="a" * 64,
                user_id=account.id,
                csrf_token="b" * 64,
                created_at=now,
                last_seen_at=now,
                expires_at=now + dt.timedelta(hours=12),
            )
        )
        session.add(
            ApiToken(
                token_hash="c" * 64, user_id=account.id, name="ci", scopes=["read"], created_at=now
            )
        )
    users.disable_user(database, email="admin@bureau.example", actor="cli:test")
    with database.read() as session:
        assert session.scalar(select(WebSession.revoked_at)) is not None
        assert session.scalar(select(ApiToken.revoked_at)) is not None
    with pytest.raises(SignInRefusedError, match="wrong"):
        authenticate(database, "admin@bureau.example", PASSWORD, passwords=CHEAP)
    assert events(database)[0][0] == "session_revoked"
    assert events(database)[0][2] == {
        "reason": "account disabled",
        "sessions": 1,
        "api_tokens": 1,
    }
    users.enable_user(database, email="admin@bureau.example", actor="cli:test")
    assert authenticate(database, "admin@bureau.example", PASSWORD, passwords=CHEAP).id
    log = audit_text(database)
    assert "a" * 64 not in log and "b" * 64 not in log and "c" * 64 not in log


def test_every_change_is_audited_without_secrets(database: Database) -> None:
    org = organisation(database)
    account = admin(database)
    users.set_role(
        database,
        email="admin@bureau.example",
        role="enterprise_user",
        organisation=org,
        actor="cli:someone",
    )
    users.reset_password(
        database,
        email="admin@bureau.example",
        password="another good password",
        actor="cli:someone",
        passwords=CHEAP,
    )
    authenticate(database, "admin@bureau.example", "another good password", passwords=CHEAP)
    with database.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity.in_(("users", "account_events")))
        ).all()
        assert verify_chain(session).intact
    changes = [json.loads(e.canonical) for e in entries]
    created, role_change = changes[0], changes[1]
    assert created["actor"] == "cli:test" and created["action"] == "insert"
    assert created["after"]["email"].startswith("sha256:")  # personal data as a digest
    assert "password_hash" not in created["after"]
    assert role_change["actor"] == "cli:someone"
    assert role_change["before"]["role"] == "bureau_admin"
    assert role_change["after"]["role"] == "enterprise_user"
    assert role_change["after"]["organisation_id"] == org
    assert changes[-1]["actor"] == f"user:{account.id}"
    assert changes[-1]["after"]["kind"] == "login"
    assert "another good password" not in audit_text(database)
    assert "$argon2id$" not in audit_text(database)
