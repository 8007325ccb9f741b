"""The threads a worker runs the records API's database work in, from ``async def`` routes.

asyncio's own executor, not the thread pool FastAPI runs plain ``def`` routes in (anyio's
``to_thread``): measured on one worker, handing a call that does nothing to a thread cost
0.25 ms of CPU per request through anyio and 0.10 ms through ``loop.run_in_executor`` (anyio
adds a capacity limiter, a cancel scope and its own hand-back on every call).

Few threads, ``INNOREG_RECORDS_THREADS`` (2): one statement's wait for the database overlaps
another's work, and more threads only queue for the GIL. The mixed workload without think time
(2 workers, 50 clients) answered 1,313 requests a second with 1 thread, 1,351–1,387 with 2,
1,192 with 3, 1,133–1,250 with 4 and 986–1,014 with 8 (p99 138–171 ms up to 4 threads, 334 ms
with 8). Writes run here too: sent to the ``def`` routes' pool instead, the same run's p99 was
344–550 ms. A write that waits for the audit chain's head holds its thread meanwhile; no call
here waits for another call here, so that wait always ends. A call runs in a copy of the
caller's context variables, as it would under anyio.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from innoreg.service.settings import Settings

P = ParamSpec("P")
T = TypeVar("T")

_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
_size = Settings.records_threads


def use_threads(size: int) -> None:
    """Set the number of threads (at start-up, from ``INNOREG_THREADS``)."""
    global _size, _pool
    with _lock:
        if size != _size and _pool is not None:
            _pool.shutdown(wait=False)
            _pool = None
        _size = size


def _executor() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        with _lock:
            if _pool is None:
                _pool = ThreadPoolExecutor(_size, thread_name_prefix="innoreg-db")
    return _pool


async def in_thread(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``function(*args, **kwargs)`` in one of the worker's threads, the loop free meanwhile."""
    call = functools.partial(contextvars.copy_context().run, function, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_executor(), call)
