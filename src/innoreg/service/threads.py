"""The threads a worker hands its database work to, from routes that are ``async def``.

asyncio's own executor, not the thread pool FastAPI runs plain ``def`` routes in (anyio's
``to_thread``): measured on one worker, handing a call that does nothing to a thread cost
0.25 ms of CPU per request through anyio and 0.10 ms through ``loop.run_in_executor``
(anyio adds a capacity limiter, a cancel scope and its own hand-back on every call). The pool
has ``INNOREG_THREADS`` threads, like anyio's. A call runs in a copy of the caller's context
variables, as it would under anyio.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
_size = 8


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
