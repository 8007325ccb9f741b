"""Replay: decide a stored determination's case again and list every difference, path by
path, naming the cause — the rule pack that changed, or none.

``replay_all`` replays every stored determination in id order, a chunk at a time, in as many
processes as there are cores: each determination is decided independently, and deciding with
explanations is what a replay spends its time on.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import defer

from innoreg.errors import InnoregError
from innoreg.records.db import Database
from innoreg.records.determinations import pack_versions
from innoreg.records.models.determinations import Determination

CHUNK = 250


@dataclass
class Replay:
    determination_id: int
    stored_pack: str
    current_pack: str | None
    differences: list[str] = field(default_factory=list)
    stored_packs: Mapping[str, str] | None = None
    current_packs: Mapping[str, str] | None = None

    @property
    def same(self) -> bool:
        return not self.differences

    @property
    def pack_changes(self) -> list[str]:
        """Each pack whose version or files changed since the determination was stored; the
        chain's combined version alone where the packs' own were not stored (before 0002)."""
        if self.current_pack is None or self.current_pack == self.stored_pack:
            return []
        if self.stored_packs is None or self.current_packs is None:
            return [f"rule pack changed: {self.stored_pack} -> {self.current_pack}"]
        changes = []
        for code in dict.fromkeys([*self.stored_packs, *self.current_packs]):
            old, new = self.stored_packs.get(code), self.current_packs.get(code)
            if old == new:
                continue
            if old is None:
                changes.append(f"rule pack {code} added: {new}")
            elif new is None:
                changes.append(f"rule pack {code} removed: was {old}")
            else:
                changes.append(f"rule pack {code} changed: {old} -> {new}")
        return changes or [f"rule pack changed: {self.stored_pack} -> {self.current_pack}"]

    @property
    def cause(self) -> str | None:
        if self.same:
            return None
        if self.current_pack is None:
            return "the stored case no longer decides"
        return "; ".join(self.pack_changes) or (
            "same rule pack: the engine's answer changed without a pack change"
        )


def replay(determination: Determination, stored_text: tuple[str, str] | None = None) -> Replay:
    """Decide the stored case again; every difference, path by path. ``stored_text``: the
    result and explanation columns as stored (JSON text), when the caller read them so: a
    document serialised to the same text is the same, and is not decoded or walked."""
    from innoreg.engine import evaluate_case

    outcome = Replay(
        determination.id,
        determination.pack_version,
        None,
        stored_packs=determination.pack_versions,
    )
    try:
        output = evaluate_case(
            determination.case, explain=True, interpretations=determination.interpretations
        )
    except InnoregError as error:
        outcome.differences.append(f"case: {error.message}")
        return outcome
    outcome.current_pack = str(output["pack_version"])
    if outcome.current_pack != outcome.stored_pack:
        outcome.current_packs = pack_versions(output["jurisdiction"])
    explanation = output.pop("explanations", {})
    result_text, explanation_text = stored_text or (None, None)
    if result_text is None or result_text != json.dumps(output):
        outcome.differences.extend(differences(determination.result, output, "result"))
    if explanation_text is None or explanation_text != json.dumps(explanation):
        outcome.differences.extend(
            differences(determination.explanation, explanation, "explanation")
        )
    return outcome


def differences(stored: Any, current: Any, path: str) -> Iterator[str]:
    """Every path where ``current`` differs from ``stored``. Documents whose JSON is the same
    (what the database would store) cost two serialisations; only others are walked."""
    text = _json(stored)
    if text is not None and text == _json(current):
        return
    yield from _walk(stored, current, path)


def _json(document: Any) -> str | None:
    try:
        return json.dumps(document, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):
        return None  # not JSON: walked (and reported) value by value


def _walk(stored: Any, current: Any, path: str) -> Iterator[str]:
    if isinstance(stored, dict) and isinstance(current, dict):
        for key in sorted(set(stored) | set(current), key=str):
            where = f"{path}.{key}"
            if key not in current:
                yield f"{where}: stored {_short(stored[key])}, now absent"
            elif key not in stored:
                yield f"{where}: absent when stored, now {_short(current[key])}"
            else:
                yield from _walk(stored[key], current[key], where)
    elif isinstance(stored, list) and isinstance(current, list) and len(stored) == len(current):
        for index, (old, new) in enumerate(zip(stored, current, strict=True)):
            yield from _walk(old, new, f"{path}[{index}]")
    elif stored != current or type(stored) is not type(current):
        yield f"{path}: stored {_short(stored)}, now {_short(current)}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


@dataclass
class ReplayChunk:
    replayed: int
    differing: list[Replay]


@dataclass
class ReplayRun:
    total: int
    workers: int
    chunks: Iterator[ReplayChunk]
    """Replays as it is iterated, chunk by chunk in id order."""


def replay_all(url: str, *, workers: int | None = None, chunk: int = CHUNK) -> ReplayRun:
    """Every stored determination replayed (only the differing ones kept), in ``workers``
    processes (default: one per core). The processes are forked here, before the caller
    starts any thread of its own (a progress bar)."""
    database = Database(url)
    with database.read() as session:
        ids = list(session.scalars(select(Determination.id).order_by(Determination.id)))
    database.dispose()  # nothing of the parent's pool crosses the fork
    ranges = [(ids[i], ids[min(i + chunk, len(ids)) - 1]) for i in range(0, len(ids), chunk)]
    workers = min(workers or len(os.sched_getaffinity(0)), len(ranges))
    if workers <= 1:
        return ReplayRun(len(ids), 1, _inline(url, ranges))
    pool = multiprocessing.get_context("fork").Pool(workers, _start_worker, (url,))
    return ReplayRun(len(ids), workers, _pooled(pool, ranges))


def _inline(url: str, ranges: list[tuple[int, int]]) -> Iterator[ReplayChunk]:
    database = Database(url)
    try:
        for first, last in ranges:
            yield _replay_range(database, first, last)
    finally:
        database.dispose()


def _pooled(pool: Any, ranges: list[tuple[int, int]]) -> Iterator[ReplayChunk]:
    try:
        yield from pool.imap(_replay_range_in_worker, ranges)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


_worker_database: Database | None = None


def _start_worker(url: str) -> None:
    global _worker_database
    _worker_database = Database(url)


def _replay_range_in_worker(bounds: tuple[int, int]) -> ReplayChunk:
    assert _worker_database is not None
    return _replay_range(_worker_database, *bounds)


def _replay_range(database: Database, first: int, last: int) -> ReplayChunk:
    chunk = ReplayChunk(0, [])
    stored = Determination.__table__.c
    query = (
        select(Determination, cast(stored.result, Text), cast(stored.explanation, Text))
        .options(defer(Determination.result), defer(Determination.explanation))
        .where(Determination.id.between(first, last))
        .order_by(Determination.id)
    )
    with database.read() as session:
        for determination, result_text, explanation_text in session.execute(query):
            chunk.replayed += 1
            outcome = replay(determination, (result_text, explanation_text))
            if not outcome.same:
                chunk.differing.append(outcome)
    return chunk
