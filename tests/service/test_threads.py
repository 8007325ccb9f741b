"""Async routes hand their database work to the worker's own threads (``service/threads.py``):
the answer and the exception come back, context variables go along, and no more calls run at
once than ``INNOREG_RECORDS_THREADS``, which the app sets at start-up."""

from __future__ import annotations

import asyncio
import contextvars
import threading
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pytest

from innoreg.errors import InputError
from innoreg.service.app import create_app
from innoreg.service.settings import Settings
from innoreg.service.threads import in_thread, use_threads

REQUEST = contextvars.ContextVar("request", default="none")
T = TypeVar("T")


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` in a thread of its own: the browser tests leave an event loop running
    in the main thread, where ``asyncio.run`` refuses to start another."""
    with ThreadPoolExecutor(1) as runner:
        return runner.submit(asyncio.run, coroutine).result()


@pytest.fixture(autouse=True)
def default_threads() -> Iterator[None]:
    yield
    use_threads(Settings().records_threads)


def test_a_call_runs_in_a_worker_thread_with_the_callers_context() -> None:
    def work(n: int) -> tuple[str, str, int]:
        return threading.current_thread().name, REQUEST.get(), n * 2

    async def route() -> tuple[str, str, int]:
        REQUEST.set("r-1")
        return await in_thread(work, 21)

    name, seen, answer = _run(route())
    assert name.startswith("innoreg-db") and name != threading.current_thread().name
    assert (seen, answer) == ("r-1", 42)


def test_an_exception_in_the_thread_reaches_the_route() -> None:
    def fail() -> None:
        raise LookupError("no such filing")

    with pytest.raises(LookupError, match="no such filing"):
        _run(in_thread(fail))


def test_no_more_calls_run_at_once_than_the_threads_set() -> None:
    use_threads(3)
    assert _most_at_once(12) == 3


def _most_at_once(calls: int) -> int:
    running = 0
    most = 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.03)
        with lock:
            running -= 1

    async def many() -> None:
        await asyncio.gather(*(in_thread(work) for _ in range(calls)))

    _run(many())
    return most


def test_the_app_starts_with_the_records_threads_set() -> None:
    from fastapi.testclient import TestClient

    with TestClient(create_app(Settings(access_log=False, records_threads=5))):
        assert _most_at_once(12) == 5
    assert Settings.from_env({"INNOREG_RECORDS_THREADS": "3"}).records_threads == 3
    assert Settings().records_threads == 2
    with pytest.raises(InputError) as refused:
        Settings.from_env({"INNOREG_RECORDS_THREADS": "0"})
    assert refused.value.field == "INNOREG_RECORDS_THREADS"
