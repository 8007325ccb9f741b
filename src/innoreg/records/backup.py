"""Backups: SQLite copies itself consistently with ``VACUUM INTO`` (readers and writers may
carry on); PostgreSQL uses ``pg_dump``/``pg_restore`` in their custom format. A restore is
checked — schema at head, audit chain intact — before it replaces anything."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import URL

from innoreg.errors import InputError
from innoreg.records.db import Database
from innoreg.records.errors import RecordsError


def backup(database: Database, target: Path) -> None:
    if target.exists():
        raise InputError("already exists; choose a new file", field=str(target))
    if database.dialect == "sqlite":
        connection = database.engine.raw_connection()
        try:
            connection.driver_connection.execute("VACUUM INTO ?", (str(target),))  # type: ignore[union-attr]
        finally:
            connection.close()
        return
    _run("pg_dump", "--format=custom", "--no-owner", f"--file={target}", _libpq(database.url))


def restore(database: Database, source: Path, *, force: bool) -> None:
    """Replace the database's contents with the backup ``source``."""
    if not source.is_file():
        raise InputError("no such backup file", field=str(source))
    if not force and _has_records(database):
        raise RecordsError(
            "the database already holds records; pass --force to replace them with the backup"
        )
    if database.dialect == "sqlite":
        path = Path(str(database.url.database))
        staging = path.with_name(path.name + ".restoring")
        shutil.copyfile(source, staging)
        try:
            _check_sqlite_backup(staging, source)
        except Exception:
            staging.unlink(missing_ok=True)
            raise
        database.dispose()
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        os.replace(staging, path)
    else:
        database.dispose()
        _run(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={_libpq(database.url)}",
            str(source),
        )
    database.analyze()  # a backup holds rows, not the query planner's statistics


def _has_records(database: Database) -> bool:
    from sqlalchemy import inspect, text

    if "audit_head" not in inspect(database.engine).get_table_names():
        return False
    with database.read() as session:
        return bool(session.execute(text("SELECT seq FROM audit_head")).scalar())


def _check_sqlite_backup(staging: Path, source: Path) -> None:
    from innoreg.records import schema
    from innoreg.records.audit_verify import verify_chain

    candidate = Database(f"sqlite:///{staging}")
    try:
        schema.require_head(candidate.engine)
        with candidate.read() as session:
            report = verify_chain(session)
    except RecordsError:
        raise
    except Exception as error:  # not a database at all, or not innoreg's
        raise InputError(f"is not an innoreg records backup ({error})", field=str(source)) from None
    finally:
        candidate.dispose()
        for suffix in ("-wal", "-shm"):
            Path(str(staging) + suffix).unlink(missing_ok=True)
    if not report.intact:
        raise RecordsError(
            f"{source}: the backup's audit chain does not verify: {report.problems[0]}"
        )


def _libpq(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _run(program: str, *args: str) -> None:
    if shutil.which(program) is None:
        raise RecordsError(f"{program} is not installed (PostgreSQL client tools are needed)")
    done = subprocess.run([program, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RecordsError(f"{program} failed: {done.stderr.strip().splitlines()[-1:]}")
