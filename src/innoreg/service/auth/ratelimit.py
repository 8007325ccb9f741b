"""Sign-in attempts per client address (the ``limits`` library, moving window): counted in the
process by default, in Redis when ``INNOREG_REDIS_URL`` is set (then every worker and machine
shares one count). Over the limit, the answer is 429 with ``Retry-After``.

If Redis cannot be reached the attempt is let through and the failure logged: the per-account
lockout still stands, and a broken cache should not lock every user out.
"""

from __future__ import annotations

import logging
import math
import time

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

_log = logging.getLogger("innoreg.service")


class SignInLimit:
    def __init__(self, rate: str, redis_url: str = "", *, namespace: str = "sign-in") -> None:
        self.item: RateLimitItem = parse(rate)
        storage = storage_from_string(redis_url, key_prefix="innoreg") if redis_url else None
        if storage is not None and not isinstance(storage, Storage):
            raise ValueError(f"{redis_url!r}: not a synchronous storage")
        self.storage: Storage = storage or MemoryStorage()
        self.limiter = MovingWindowRateLimiter(self.storage)
        self.namespace = namespace

    def hit(self, address: str) -> float | None:
        """Count one attempt from ``address``; None if allowed, else the seconds to wait."""
        try:
            if self.limiter.hit(self.item, self.namespace, address):
                return None
            stats = self.limiter.get_window_stats(self.item, self.namespace, address)
        except Exception as error:  # Redis down or unreachable
            _log.error("sign-in rate limit not counted: %s", type(error).__name__)
            return None
        return max(1.0, math.ceil(stats.reset_time - time.time()))

    def clear(self, address: str) -> None:
        self.limiter.clear(self.item, self.namespace, address)
