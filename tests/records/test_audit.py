"""The audit log: every write with its actor and before → after, personal data as digests,
and ``verify_chain`` naming each kind of tampering. The tampering is done as a database owner
would: the append-only triggers dropped first."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from innoreg.records.audit_verify import verify_chain
from innoreg.records.canonical import canonical_bytes
from innoreg.records.db import Database
from innoreg.records.models import AuditEntry, RewardShare, Transfer
from innoreg.records.repositories import BUREAU
from innoreg.records.repositories.organisations import update_organisation

from .factories import enterprise


def entries(database: Database) -> list[AuditEntry]:
    with database.read() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def write_some(database: Database, count: int = 5) -> None:
    for seed in range(count):
        with database.write(actor=f"cli:user{seed}") as session:
            enterprise(session, seed=seed)


def test_every_write_is_logged_with_actor_and_before_after(database: Database) -> None:
    with database.write(actor="cli:alice") as session:
        organisation = enterprise(session)
    with database.write(actor="cli:bob") as session:
        update_organisation(
            session,
            scope=BUREAU,
            organisation_id=organisation.id,
            expected_version=1,
            district="洛龙区",
        )
    inserted, updated = entries(database)
    assert (inserted.actor, inserted.action, inserted.entity) == (
        "cli:alice",
        "insert",
        "organisations",
    )
    record = json.loads(updated.canonical)
    assert (updated.actor, updated.action) == ("cli:bob", "update")
    assert record["before"] == {"district": "涧西区", "version": 1}
    assert record["after"] == {"district": "洛龙区", "version": 2}
    assert record["prev"] == inserted.hash
    assert updated.hash == hashlib.sha256(updated.canonical).hexdigest()
    assert canonical_bytes(record) == updated.canonical


def test_personal_data_enters_the_log_only_as_a_digest(database: Database) -> None:
    import datetime as dt

    with database.write(actor="test") as session:
        holder = enterprise(session, kind="university")
        transfer = Transfer(
            holder_id=holder.id, achievement="a", mode="license", concluded_on=dt.date(2024, 1, 1)
        )
        transfer.rewards.append(
            RewardShare(recipient_name="王小明", recipient_id_number="110101199003074514", cash=100)
        )
        session.add(transfer)
    log = b"".join(e.canonical for e in entries(database))
    assert "王小明".encode() not in log and b"110101199003074514" not in log
    assert b'"recipient_name":"sha256:' in log


def test_an_intact_chain_verifies(database: Database) -> None:
    write_some(database)
    with database.read() as session:
        report = verify_chain(session)
    assert report.intact and report.rows == 5 and report.head_seq == 5


def drop_triggers(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.execute(text("DROP TRIGGER audit_log_no_update"))
        connection.execute(text("DROP TRIGGER audit_log_no_delete"))
    else:
        connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))


def forge(seq: int, prev: str) -> dict[str, object]:
    import datetime as dt

    record = {
        "seq": seq,
        "at": dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
        "actor": "mallory",
        "action": "insert",
        "entity": "organisations",
        "entity_id": "99",
        "prev": prev,
        "before": None,
        "after": {"name": "forged"},
    }
    data = canonical_bytes(record)
    return {
        "seq": seq,
        "at": record["at"],
        "actor": "mallory",
        "action": "insert",
        "entity": "organisations",
        "entity_id": "99",
        "prev_hash": prev,
        "hash": hashlib.sha256(data).hexdigest(),
        "canonical": data,
    }


def _edit_actor(c: Connection) -> None:
    c.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3"))


def _edit_bytes(c: Connection) -> None:
    data = c.execute(text("SELECT canonical FROM audit_log WHERE seq = 3")).scalar_one()
    forged = bytes(data).replace(b"cli:user2", b"cli:userX")
    c.execute(
        text("UPDATE audit_log SET canonical = :d, actor = 'cli:userX' WHERE seq = 3"),
        {"d": forged},
    )


def _delete_middle(c: Connection) -> None:
    c.execute(text("DELETE FROM audit_log WHERE seq = 3"))


def _delete_last(c: Connection) -> None:
    c.execute(text("DELETE FROM audit_log WHERE seq = 5"))


def _insert_after_head(c: Connection) -> None:
    last = c.execute(text("SELECT hash FROM audit_log WHERE seq = 5")).scalar_one()
    c.execute(AuditEntry.__table__.insert(), [forge(6, last)])


def _insert_in_middle(c: Connection) -> None:
    for seq in (5, 4, 3):
        c.execute(text("UPDATE audit_log SET seq = :n WHERE seq = :o"), {"n": seq + 1, "o": seq})
    prev = c.execute(text("SELECT hash FROM audit_log WHERE seq = 2")).scalar_one()
    c.execute(AuditEntry.__table__.insert(), [forge(3, prev)])


def _reorder(c: Connection) -> None:
    c.execute(text("UPDATE audit_log SET seq = 100 WHERE seq = 2"))
    c.execute(text("UPDATE audit_log SET seq = 2 WHERE seq = 4"))
    c.execute(text("UPDATE audit_log SET seq = 4 WHERE seq = 100"))


TAMPERING: dict[str, tuple[Callable[[Connection], None], str]] = {
    "edited column": (_edit_actor, "row 3: column actor differs"),
    "edited bytes": (_edit_bytes, "row 3: its bytes do not hash"),
    "deleted row": (_delete_middle, "rows 3-3 are missing"),
    "deleted last row": (_delete_last, "the chain ends at row 4 but the head records row 5"),
    "inserted after head": (
        _insert_after_head,
        "the chain ends at row 6 but the head records row 5",
    ),
    "inserted in the middle": (_insert_in_middle, "row 4: holds the record written as row 3"),
    "reordered": (_reorder, "row 2: holds the record written as row 4"),
}


@pytest.mark.parametrize("kind", TAMPERING)
def test_tampering_is_detected_and_named(database: Database, kind: str) -> None:
    write_some(database)
    tamper, named = TAMPERING[kind]
    with database.engine.begin() as connection:
        drop_triggers(connection)
        tamper(connection)
    with database.read() as session:
        report = verify_chain(session)
    assert not report.intact
    assert any(named in problem for problem in report.problems), report.problems
