"""Determinations replay, and a changed rule pack is named as the cause: the pack itself,
not only the chain's combined version."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from innoreg.records.db import Database
from innoreg.records.determinations import pack_versions
from innoreg.records.models import Determination
from innoreg.records.replay import replay
from innoreg.records.repositories import BUREAU
from innoreg.records.workflows.filings import decide_filing

from .factories import enterprise, filing

DAY = dt.date(2024, 6, 30)
LUOYANG = "cn-ha-luoyang"


@pytest.fixture
def edit_luoyang_pack(tmp_path: Path) -> Iterator[Callable[[], None]]:
    """Calling it swaps in a real edit of Luoyang's pack, made in a copy of its folder: a new
    version number and the art. 7 support ratio raised from 1% to 2%. The shipped pack is
    back when the test ends."""
    from innoreg.engine.plan import _cached_plan
    from innoreg.rules.pack import load_pack
    from innoreg.rules.registry import registry

    loaded = registry().packs._loaded  # type: ignore[attr-defined]
    shipped = registry().packs[LUOYANG]

    def edit() -> None:
        folder = tmp_path / shipped.folder.name
        shutil.copytree(shipped.folder, folder, ignore=shutil.ignore_patterns("__pycache__"))
        meta = folder / "pack.yaml"
        meta.write_text(meta.read_text().replace(f'"{shipped.version}"', '"2099.1.1"'))
        ratio = folder / "parameters/luoyang/support_rd_intensity_above_designated_size.yaml"
        ratio.write_text(ratio.read_text().replace('value: "1%"', 'value: "2%"'))
        loaded[LUOYANG] = load_pack(folder, "innoreg.rules.packs.cn_ha_luoyang")
        _cached_plan.cache_clear()

    try:
        yield edit
    finally:
        loaded[LUOYANG] = shipped
        _cached_plan.cache_clear()


def decided(database: Database) -> tuple[int, str]:
    """A filing at 1.25% R&D intensity, decided: eligible for support under the shipped 1%."""
    with database.write(actor="test") as session:
        record = filing(session, enterprise(session))
        determination = decide_filing(
            session, scope=BUREAU, filing_id=record.id, actor="test", day=DAY
        )
    assert determination.result["results"][f"filing-{record.id}"]["support_eligible"] is True
    return determination.id, f"filing-{record.id}"


def test_a_determination_stores_each_packs_version(database: Database) -> None:
    ident, _ = decided(database)
    with database.read() as session:
        stored = session.get(Determination, ident)
        assert stored is not None
        assert list(stored.pack_versions or {}) == ["cn", "cn-ha", LUOYANG]
        assert stored.pack_versions == pack_versions(LUOYANG)
        assert all("+" in version for version in stored.pack_versions.values())
        assert replay(stored).same


def test_replay_names_exactly_the_pack_that_changed(
    database: Database, edit_luoyang_pack: Callable[[], None]
) -> None:
    ident, subject = decided(database)
    before = pack_versions(LUOYANG)
    edit_luoyang_pack()
    after = pack_versions(LUOYANG)
    assert after[LUOYANG].startswith("2099.1.1+") and after["cn"] == before["cn"]
    with database.read() as session:
        stored = session.get(Determination, ident)
        assert stored is not None
        outcome = replay(stored)
    assert outcome.cause == f"rule pack {LUOYANG} changed: {before[LUOYANG]} -> {after[LUOYANG]}"
    assert f"result.results.{subject}.support_eligible: stored True, now False" in (
        outcome.differences
    )


def test_replay_of_a_determination_from_before_0002_names_the_chain(
    database: Database, edit_luoyang_pack: Callable[[], None]
) -> None:
    """Stored before the packs' own versions were kept: the combined version is named."""
    from sqlalchemy import update

    ident, _ = decided(database)
    with database.engine.begin() as connection:
        connection.execute(
            update(Determination).where(Determination.id == ident).values(pack_versions=None)
        )
    edit_luoyang_pack()
    with database.read() as session:
        stored = session.get(Determination, ident)
        assert stored is not None and stored.pack_versions is None
        outcome = replay(stored)
    assert outcome.cause is not None
    assert outcome.cause.startswith(f"rule pack changed: {stored.pack_version} -> 2099.1.1+")


def test_an_unexplained_change_is_not_blamed_on_a_pack(database: Database) -> None:
    ident, subject = decided(database)
    with database.read() as session:
        stored = session.get(Determination, ident)
        assert stored is not None
        stored.result = {
            **stored.result,
            "results": {subject: {**stored.result["results"][subject], "rd_shortfall": "1.00"}},
        }
        outcome = replay(stored)
        session.rollback()
    assert outcome.cause == "same rule pack: the engine's answer changed without a pack change"
    assert f"result.results.{subject}.rd_shortfall: stored '1.00', now '0.00'" in (
        outcome.differences
    )
