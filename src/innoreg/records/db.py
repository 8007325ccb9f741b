"""Where the records live and how a unit of work is opened.

One setting, ``INNOREG_DATABASE_URL``; without it a SQLite file in the user's data directory.
SQLite runs in WAL mode with foreign keys on and a busy timeout, and every write transaction
begins IMMEDIATE, so concurrent writers queue for the lock instead of failing half-way.
A read never writes: a flush in one is refused (``audit._lock_head``). A long read through a
server-side cursor (an export, the audit chain) goes through ``streaming(session)``, which on
PostgreSQL reads one snapshot from start to end.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Executable, Row, create_engine, event, exc
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from innoreg.records.errors import ConflictError

URL_SETTING = "INNOREG_DATABASE_URL"
BUSY_TIMEOUT_MS = 30_000
_READ_ONLY = "innoreg_read_only"


def default_sqlite_path() -> Path:
    """The records file when no URL is set: the platform's per-user data directory."""
    import platformdirs  # only needed when no URL is configured

    return platformdirs.user_data_path("innoreg", appauthor=False) / "records.sqlite3"


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else ``INNOREG_DATABASE_URL``, else the default file.
    ``postgresql://`` means psycopg 3, the one PostgreSQL driver innoreg ships."""
    chosen = url or os.environ.get(URL_SETTING)
    if not chosen:
        path = default_sqlite_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if chosen.startswith("postgresql://") or chosen.startswith("postgres://"):
        chosen = "postgresql+psycopg://" + chosen.split("://", 1)[1]
    return chosen


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """An engine configured for innoreg's transaction discipline on either database."""
    engine = create_engine(database_url(url), **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # innoreg issues BEGIN itself, below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get(_READ_ONLY, False)
        connection.exec_driver_sql("BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")


class Database:
    """An engine and the two ways in: ``write(actor=…)`` (one audited transaction, whole or
    nothing) and ``read()`` (no write lock taken)."""

    def __init__(self, url: str | None = None, **engine_kwargs: Any) -> None:
        from innoreg.records.audit import install_audit  # the flush hooks, once per process

        install_audit()
        self.engine = make_engine(url, **engine_kwargs)
        self.url = self.engine.url
        self._reader = self.engine.execution_options(**{_READ_ONLY: True})
        self._snapshot_reader = self._reader
        if self.engine.dialect.name == "postgresql":
            self._snapshot_reader = self._reader.execution_options(
                isolation_level="REPEATABLE READ"
            )
            self._reader = self._reader.execution_options(isolation_level="AUTOCOMMIT")

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self, *, actor: str) -> Iterator[Session]:
        """A unit of work committed whole or not at all; every change in it is audited with
        ``actor`` in the same transaction."""
        session = Session(self.engine, expire_on_commit=False)
        session.info["actor"] = actor
        try:
            with session.begin():
                yield session
        except StaleDataError as error:
            raise ConflictError(
                f"the record was changed by someone else since it was read ({error}); "
                "read it again and repeat the change"
            ) from None
        except exc.IntegrityError as error:
            from innoreg.records.constraints import constraint_error

            raise constraint_error(error) from None
        finally:
            session.close()

    @contextmanager
    def read(self, *, snapshot: bool = False) -> Iterator[Session]:
        """A session that may only read. On PostgreSQL each statement runs on its own
        (autocommit): at READ COMMITTED a transaction gave a read nothing more, since every
        statement takes a fresh snapshot anyway, and its BEGIN and COMMIT were two more round
        trips, a fifth of a small read's CPU. ``snapshot=True`` reads everything from one
        snapshot (REPEATABLE READ), for figures that must agree with one another. On SQLite a
        read transaction is one snapshot either way."""
        session = Session(
            self._snapshot_reader if snapshot else self._reader, expire_on_commit=False
        )
        session.info["read_only"] = True
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    def rows(self, statement: Executable) -> Sequence[Row[Any]]:
        """The rows one reading statement finds, read as ``read()`` reads but on a bare
        connection: no session, no objects (a list or a record answered from its columns)."""
        with self._reader.connect() as connection:
            return connection.execute(statement).all()

    def analyze(self) -> None:
        """Refresh the query planner's statistics, after a bulk load (the demo city, a
        restore). Without them PostgreSQL plans every query on guesses until autovacuum, which
        may be off or minutes away, gets to the new tables; SQLite keeps none until asked."""
        with self.engine.connect() as connection:
            if self.dialect == "postgresql":  # VACUUM also sets the new rows' visibility bits
                connection.execution_options(isolation_level="AUTOCOMMIT")
                connection.exec_driver_sql("VACUUM ANALYZE")
            else:
                connection.exec_driver_sql("ANALYZE")
            connection.commit()

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def streaming(session: Session) -> Iterator[Connection]:
    """A connection for a long read through a server-side cursor (``yield_per``: an export, the
    audit chain) in ``session``'s database. On PostgreSQL a read-only REPEATABLE READ
    transaction of its own, so that everything it reads is one snapshot: at READ COMMITTED the
    audit chain's head, read after the log, could already name a write the log did not show.
    SQLite's read transaction is one snapshot already: there it is the session's connection."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        yield connection
        return
    with connection.engine.connect() as own:
        own.execution_options(isolation_level="REPEATABLE READ")  # this connection only
        with own.begin():
            own.exec_driver_sql("SET TRANSACTION READ ONLY")
            yield own
