"""Structured logs: one JSON object per line on stderr. Request lines carry the request id,
the route template (never the path or query: checker URLs hold a case's answers), the status
and the time taken; case data only when ``INNOREG_LOG_CASE_DATA`` asks for it."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from typing import Any

import orjson


def write(record: dict[str, Any]) -> None:
    """One JSON line on stderr, written in one system call (workers share the stream)."""
    line = orjson.dumps(
        {"ts": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"), **record},
        default=str,
    )
    try:
        os.write(sys.stderr.fileno(), line + b"\n")
    except (OSError, ValueError):  # no usable stderr (a closed pipe, a test capture)
        sys.stderr.write(line.decode() + "\n")


class JsonFormatter(logging.Formatter):
    """For the server's own messages (start-up, shutdown, errors), in the same shape."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


def uvicorn_log_config(level: str = "info") -> dict[str, Any]:
    """uvicorn's logging, as JSON lines; its access log is off (the middleware writes ours)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "innoreg.service.logs.JsonFormatter"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level.upper(), "propagate": False},
            "uvicorn.error": {"level": level.upper()},
            "innoreg": {"handlers": ["stderr"], "level": level.upper(), "propagate": False},
        },
    }
