"""The schema's versions: upgrade, downgrade, where a database stands, and whether the models
match the migrations — the ``innoreg db`` commands, over Alembic with no ini file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from innoreg.records.errors import RecordsError


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "innoreg.records:migrations")
    return config


@contextmanager
def _connected(engine: Engine) -> Iterator[Config]:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        yield config


def upgrade(engine: Engine, revision: str = "head") -> None:
    with _connected(engine) as config:
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str = "-1") -> None:
    with _connected(engine) as config:
        command.downgrade(config, revision)


def heads() -> list[str]:
    return list(ScriptDirectory.from_config(alembic_config()).get_heads())


def revisions() -> list[str]:
    """Every revision, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def current(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def differences(engine: Engine) -> list[Any]:
    """What the models have that the migrated database lacks, or the reverse (empty: they
    match). The database must be at head."""
    from alembic.autogenerate import compare_metadata

    from innoreg.records.models import Base

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def require_head(engine: Engine) -> None:
    """Refuse to work on a database whose schema is not the one this innoreg expects."""
    at = current(engine)
    expected = heads()
    if at not in expected:
        raise RecordsError(
            f"the records database is at schema {at or 'none (empty)'}, this innoreg needs "
            f"{', '.join(expected)}: run `innoreg db upgrade`"
        )
