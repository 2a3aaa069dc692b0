"""A Redis cache that, down or slow, behaves as an empty cache: pages come from the database instead of a 500.

Every operation that fails (refused connection, socket timeout, any Redis error) answers as a miss; the first
failure logs one line, and for ``RETRY_SECONDS`` afterwards this process does not ask Redis at all, so an outage
costs each request nothing rather than a timeout per cache call. The first success after it logs another line.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("observatory.cache")

RETRY_SECONDS = 5.0
# What a failing cache operation may raise: Redis's own errors and the socket's.
FAILURES = (RedisError, OSError)

# Shared by the threads of a process (Django keeps one cache object per thread).
_outages = {}
_lock = threading.Lock()


class DegradingRedisCache(RedisCache):
    def _down(self):
        until = _outages.get(self._server_key)
        return until is not None and time.monotonic() < until

    @property
    def _server_key(self):
        return ",".join(self._servers)

    def _failed(self, operation, exc):
        with _lock:
            first = self._server_key not in _outages
            _outages[self._server_key] = time.monotonic() + RETRY_SECONDS
        if first:
            logger.warning(
                "Cache unavailable, serving without it",
                extra={"operation": operation, "error": f"{type(exc).__name__}: {exc}"[:300]},
            )

    def _recovered(self):
        if self._server_key in _outages:
            with _lock:
                was_down = _outages.pop(self._server_key, None) is not None
            if was_down:
                logger.warning("Cache available again")

    def _call(self, operation, fallback, *args, **kwargs):
        if self._down():
            return fallback
        try:
            result = getattr(super(), operation)(*args, **kwargs)
        except FAILURES as exc:
            self._failed(operation, exc)
            return fallback
        self._recovered()
        return result

    def ping(self):
        """For the readiness check: True when Redis answers now, whatever this process remembers."""
        try:
            answered = bool(self._cache.get_client(write=True).ping())
        except FAILURES:
            return False
        self._recovered()
        return answered

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # Counting without a cache: every count is a first one (rate limits let the request through).
        return self._call("incr", delta, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", [], data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
