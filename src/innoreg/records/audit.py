"""Every write audited in its own transaction, on a hash chain that never forks, and checked.

Each flush of an audited table appends one entry per changed row: who, when, what, before →
after. The entry's canonical bytes (``canonical.py``) include the previous entry's hash, and
the entry's hash is SHA-256 of those bytes. Writers serialise on the chain head: SQLite's
BEGIN IMMEDIATE already lets one writer in at a time; PostgreSQL locks the head row
(``SELECT … FOR UPDATE``) before the first change of the flush, so no two transactions can
append after the same entry. Personal data and large documents enter the log as digests; secrets
(``info={"audit": "exclude"}``: password and token hashes) do not enter it at all.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any

from sqlalchemy import event, insert, inspect, text
from sqlalchemy.orm import Session, UOWTransaction

from innoreg.records.canonical import canonical_bytes, digest, plain
from innoreg.records.models.audit import AuditEntry
from innoreg.records.models.base import Base
from innoreg.records.types import utcnow

_installed = False
_HEAD = "innoreg_audit_head"


def install_audit() -> None:
    """Register the flush hooks (once per process)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _lock_head)
    event.listen(Session, "after_flush", _append)
    _installed = True


def _audited(instance: object) -> bool:
    return isinstance(instance, Base) and type(instance).__audited__


def _lock_head(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    if session.info.get("read_only") and (session.new or session.dirty or session.deleted):
        raise RuntimeError("a read cannot write: open the change with Database.write(actor=…)")
    changes = [o for o in (*session.new, *session.dirty, *session.deleted) if _audited(o)]
    if not changes:
        return
    if not isinstance(session.info.get("actor"), str) or not session.info["actor"]:
        raise RuntimeError("every write names its actor: open it with Database.write(actor=…)")
    connection = session.connection()
    lock = " FOR UPDATE" if connection.dialect.name == "postgresql" else ""
    row = connection.execute(text(f"SELECT seq, hash FROM audit_head WHERE id = 1{lock}")).one()
    session.info[_HEAD] = (int(row.seq), str(row.hash))


def _append(session: Session, _flush: UOWTransaction) -> None:
    entries: list[tuple[str, object, dict[str, Any] | None, dict[str, Any] | None]] = []
    for obj in session.new:
        if _audited(obj):
            entries.append(("insert", obj, None, _snapshot(obj)))
    for obj in session.dirty:
        if _audited(obj) and session.is_modified(obj, include_collections=False):
            old, new = _changed(obj)
            if new:
                entries.append(("update", obj, old, new))
    for obj in session.deleted:
        if _audited(obj):
            entries.append(("delete", obj, _snapshot(obj), None))
    if not entries:
        return
    seq, prev = session.info.pop(_HEAD)
    actor = session.info["actor"]
    at = utcnow()
    rows = []
    for action, obj, before, after in entries:
        seq += 1
        mapper = inspect(obj).mapper
        entity_id = ",".join(str(v) for v in mapper.primary_key_from_instance(obj))
        record = {
            "seq": seq,
            "at": at,
            "actor": actor,
            "action": action,
            "entity": mapper.persist_selectable.description,
            "entity_id": entity_id,
            "prev": prev,
            "before": before,
            "after": after,
        }
        row = chained_row(record)
        prev = row["hash"]
        rows.append(row)
    connection = session.connection()
    connection.execute(insert(AuditEntry), rows)
    connection.execute(
        text("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1"),
        {"seq": seq, "hash": prev},
    )


def chained_row(record: dict[str, Any]) -> dict[str, Any]:
    """The ``audit_log`` row of ``record`` (which names the previous entry's hash): its
    columns, its canonical bytes and their SHA-256."""
    data = canonical_bytes(record)
    return {**_columns(record), "hash": hashlib.sha256(data).hexdigest(), "canonical": data}


def _columns(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "seq": record["seq"],
        "at": record["at"],
        "actor": record["actor"],
        "action": record["action"],
        "entity": record["entity"],
        "entity_id": record["entity_id"],
        "prev_hash": record["prev"],
    }


def _excluded(column: Any) -> bool:
    """A secret (a password or token hash): never in the log, not even as a digest."""
    return bool(column.info.get("audit") == "exclude")


def _value(column: Any, value: Any) -> Any:
    if value is None:
        return None
    if column.info.get("personal") or column.info.get("audit") == "digest":
        return digest(value)
    return plain(value)


def _snapshot(obj: object) -> dict[str, Any]:
    values = inspect(obj).dict
    snapshot: dict[str, Any] = {}
    for key, column, kept in _columns_of(type(obj)):  # type: ignore[arg-type]
        if _excluded(column):
            continue
        value = values.get(key)
        if value is None or (kept and type(value) in (str, int, bool)):
            snapshot[key] = value
        else:
            snapshot[key] = _value(column, value)
    return snapshot


@cache
def _columns_of(model: type) -> tuple[tuple[str, Any, bool], ...]:
    """Each column with whether its value enters the log as it is (not as a digest)."""
    mapper: Any = inspect(model)
    columns = [(a.key, a.columns[0]) for a in mapper.column_attrs]
    return tuple(
        (key, column, not (column.info.get("personal") or column.info.get("audit") == "digest"))
        for key, column in columns
    )


def _changed(obj: object) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        column = attr.columns[0]
        if _excluded(column):
            continue
        old = history.deleted[0] if history.deleted else None
        before[attr.key] = _value(column, old)
        after[attr.key] = _value(column, getattr(obj, attr.key))
    if after and "version" in {a.key for a in state.mapper.column_attrs}:
        # The mapper bumps the version during the flush, outside the attribute history.
        after["version"] = getattr(obj, "version")  # noqa: B009
        before.setdefault("version", after["version"] - 1)
    return before, after
