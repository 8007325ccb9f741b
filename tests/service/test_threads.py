"""Async routes hand their database work to the worker's own threads (``service/threads.py``):
the answer and the exception come back, context variables go along, and no more calls run at
once than ``INNOREG_THREADS``."""

from __future__ import annotations

import asyncio
import contextvars
import threading
import time
from collections.abc import Iterator

import pytest

from innoreg.service.threads import in_thread, use_threads

REQUEST = contextvars.ContextVar("request", default="none")


@pytest.fixture(autouse=True)
def default_threads() -> Iterator[None]:
    yield
    use_threads(8)


def test_a_call_runs_in_a_worker_thread_with_the_callers_context() -> None:
    def work(n: int) -> tuple[str, str, int]:
        return threading.current_thread().name, REQUEST.get(), n * 2

    async def route() -> tuple[str, str, int]:
        REQUEST.set("r-1")
        return await in_thread(work, 21)

    name, seen, answer = asyncio.run(route())
    assert name.startswith("innoreg-db") and name != threading.current_thread().name
    assert (seen, answer) == ("r-1", 42)


def test_an_exception_in_the_thread_reaches_the_route() -> None:
    def fail() -> None:
        raise LookupError("no such filing")

    with pytest.raises(LookupError, match="no such filing"):
        asyncio.run(in_thread(fail))


def test_no_more_calls_run_at_once_than_the_threads_set() -> None:
    use_threads(3)
    running = 0
    most = 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.05)
        with lock:
            running -= 1

    async def many() -> None:
        await asyncio.gather(*(in_thread(work) for _ in range(12)))

    asyncio.run(many())
    assert most == 3
