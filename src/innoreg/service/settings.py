"""Settings from the environment (``INNOREG_*``), read once when the app is built.

| variable | default | meaning |
| --- | --- | --- |
| ``INNOREG_MAX_BODY_BYTES`` | 1048576 | largest JSON body accepted (413 above) |
| ``INNOREG_MAX_FORM_BYTES`` | 65536 | largest form body accepted (413 above) |
| ``INNOREG_MAX_ENTITIES`` | 10000 | most entities in one ``POST /v1/evaluate`` (413 above) |
| ``INNOREG_ACCESS_LOG`` | true | one JSON line per request on stderr |
| ``INNOREG_LOG_CASE_DATA`` | false | add the request body of an evaluation to its log line |
| ``INNOREG_DEFAULT_LANG`` | zh | page language when neither cookie nor Accept-Language says |
| ``INNOREG_TODAY`` | (the real day) | the day pages take the law at by default (for tests, demos) |
| ``INNOREG_DATABASE_URL`` | per-user SQLite file | the records (``postgresql://…`` in production) |
| ``INNOREG_SECRET_KEY`` | made once, kept in the data directory | signs bearer tokens (32+ chars) |
| ``INNOREG_REDIS_URL`` | (none: each process counts) | sign-in attempts counted in Redis |
| ``INNOREG_SIGN_IN_RATE`` | 20/minute | sign-in attempts per client address (429 above) |
| ``INNOREG_ACCOUNT_CHECK_SECONDS`` | 5 | seconds a token's account is kept (0: read each time) |
| ``INNOREG_THREADS`` | 8 | requests a worker serves at once in its thread pool |
| ``INNOREG_RECORDS_THREADS`` | 2 | threads a worker runs the records API's database work in |
| ``INNOREG_DATABASE_POOL`` | 10 | database connections a worker keeps open |
| ``INNOREG_KEEPALIVE_REQUESTS`` | 50 | answers per kept-alive connection, on average (0: no end) |
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from innoreg.errors import InputError

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Settings:
    max_body_bytes: int = 1024 * 1024
    max_form_bytes: int = 64 * 1024
    max_entities: int = 10_000
    access_log: bool = True
    log_case_data: bool = False
    default_lang: str = "zh"
    today: dt.date | None = field(default=None)
    database_url: str = ""
    secret_key: str = field(default="", repr=False)
    redis_url: str = field(default="", repr=False)
    sign_in_rate: str = "20/minute"
    account_check_seconds: int = 5
    threads: int = 8
    records_threads: int = 2
    database_pool: int = 10
    keepalive_requests: int = 50

    def law_date(self) -> dt.date:
        """The day the law is taken at when a page is not asked for another."""
        return self.today or dt.date.today()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read ``INNOREG_<NAME>`` for every field; a bad value names its variable."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            name = f"INNOREG_{f.name.upper()}"
            if name in env:
                values[f.name] = _parse(name, str(f.type), env[name], zero=f.name in _ZERO_OK)
        settings = cls(**values)  # type: ignore[arg-type]
        if settings.secret_key and len(settings.secret_key) < 32:
            raise InputError("must be 32 characters or more", field="INNOREG_SECRET_KEY")
        _check_rate(settings.sign_in_rate)
        if settings.default_lang not in LANGUAGES:
            raise InputError(f"must be one of {', '.join(LANGUAGES)}", field="INNOREG_DEFAULT_LANG")
        return settings


_ZERO_OK = frozenset({"account_check_seconds", "keepalive_requests"})


def _parse(name: str, kind: str, raw: str, *, zero: bool = False) -> object:
    text = raw.strip()
    if kind == "int":
        if not text.isdigit() or int(text) < (0 if zero else 1):
            what = "a whole number (0 or more)" if zero else "a positive whole number"
            raise InputError(f"{raw!r} is not {what}", field=name)
        return int(text)
    if kind == "bool":
        if text.lower() not in ("true", "false", "1", "0", "yes", "no"):
            raise InputError(f"{raw!r} is not true or false", field=name)
        return text.lower() in ("true", "1", "yes")
    if kind.startswith("dt.date"):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise InputError(f"{raw!r} is not a date (YYYY-MM-DD)", field=name) from None
    return text


def _check_rate(text: str) -> None:
    from limits import parse

    try:
        parse(text)
    except ValueError:
        raise InputError(
            f"{text!r} is not a rate (like 20/minute)", field="INNOREG_SIGN_IN_RATE"
        ) from None
