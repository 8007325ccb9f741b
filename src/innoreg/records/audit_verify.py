"""``innoreg audit verify``: walk the chain from genesis and name every row that was edited,
deleted, inserted or moved.

Each row must (1) hash to its stored hash, (2) hold, in its hashed bytes, the same sequence
number, time, actor, action and entity as its columns, (3) follow the previous row's hash,
and (4) come right after the previous sequence number; the last row must be the head the
writers recorded. A forger who rewrites the tail and the head is caught by comparing the head
hash with one noted earlier (the command prints it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from innoreg.records.canonical import plain
from innoreg.records.db import streaming
from innoreg.records.models.audit import GENESIS, AuditEntry


@dataclass
class ChainReport:
    rows: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def verify_chain(
    session: Session, *, batch: int = 20_000, progress: Callable[[int], None] | None = None
) -> ChainReport:
    report = ChainReport()
    with streaming(session) as connection:
        return _walk(connection, report, batch, progress)


def _walk(
    connection: Connection,
    report: ChainReport,
    batch: int,
    progress: Callable[[int], None] | None,
) -> ChainReport:
    prev_seq, prev_hash = 0, GENESIS
    connection = connection.execution_options(stream_results=True, yield_per=batch)
    log = AuditEntry.__table__.c
    result = connection.execute(
        select(
            log.seq,
            log.at,
            log.actor,
            log.action,
            log.entity,
            log.entity_id,
            log.prev_hash,
            log.hash,
            log.canonical,
        ).order_by(log.seq)
    )
    problems = report.problems
    sha256 = hashlib.sha256
    decode = json.JSONDecoder().decode  # the bytes are UTF-8 by construction: no sniffing
    last_at: object = None
    at_text = None
    for rows in result.partitions(batch):
        for seq, at, actor, action, entity, entity_id, prev_col, hash_col, data in rows:
            report.rows += 1
            data = bytes(data)
            if sha256(data).hexdigest() != hash_col:
                problems.append(f"row {seq}: its bytes do not hash to its stored hash (edited)")
            if at != last_at:  # the entries of one write share its time: format it once
                last_at, at_text = at, plain(at)
            try:
                record = decode(data.decode("utf-8"))
            except ValueError:
                problems.append(f"row {seq}: its stored bytes are not the canonical record")
                prev_seq, prev_hash = seq, hash_col
                continue
            columns = (seq, prev_hash, at_text, prev_col, actor, action, entity, entity_id)
            get = record.get
            hashed = (
                get("seq"),
                get("prev"),
                get("at"),
                get("prev"),
                get("actor"),
                get("action"),
                get("entity"),
                get("entity_id"),
            )
            if hashed != columns or seq != prev_seq + 1:  # the common case costs one comparison
                problems += _row_problems(record, columns, prev_seq)
            prev_seq, prev_hash = seq, hash_col
        if progress is not None:
            progress(report.rows)
    report.head_seq, report.head_hash = prev_seq, prev_hash
    _check_head(connection, report)
    return report


_COLUMNS = ("at", "prev", "actor", "action", "entity", "entity_id")


def _row_problems(
    record: dict[str, object], columns: tuple[object, ...], prev_seq: int
) -> list[str]:
    """What is wrong with one row: its place in the chain, and each column that differs from
    the record its bytes hold."""
    seq, prev_hash, *values = columns
    problems = []
    if record.get("seq") != seq:
        problems.append(
            f"row {seq}: holds the record written as row {record.get('seq')} "
            "(rows reordered or renumbered)"
        )
    elif seq != prev_seq + 1:
        assert isinstance(seq, int)
        problems.append(
            f"rows {prev_seq + 1}-{seq - 1} are missing (deleted)"
            if seq > prev_seq + 1
            else f"row {seq} is out of order"
        )
    if record.get("prev") != prev_hash:
        problems.append(
            f"row {seq}: does not follow row {prev_seq} in the chain "
            "(a row before it was deleted, inserted, reordered or edited)"
        )
    edited = [
        name for name, value in zip(_COLUMNS, values, strict=True) if record.get(name) != value
    ]
    if edited:
        problems.append(
            f"row {seq}: column {', '.join(edited)} differs from its hashed record (edited)"
        )
    return problems


def _check_head(connection: Connection, report: ChainReport) -> None:
    prev_seq, prev_hash, problems = report.head_seq, report.head_hash, report.problems
    head = connection.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1"))
    head_row = head.one_or_none()
    if head_row is None:
        problems.append("the chain head row is missing")
    elif (head_row.seq, head_row.hash) != (prev_seq, prev_hash):
        problems.append(
            f"the chain ends at row {prev_seq} but the head records row {head_row.seq} "
            "(rows deleted at the end, or appended outside innoreg's writer)"
        )
