"""A Redis cache that treats an unreachable Redis as an empty cache instead of an error.

Django's RedisCache raises `redis.ConnectionError` from every call while Redis is down, which
would turn every page and feed into a 500. The site must keep serving then, only slower: a
read is a miss, a write is dropped. The outage is logged once (and the recovery once), and
for RETRY_SECONDS after a failure calls skip Redis altogether, so that a Redis that hangs
instead of refusing costs one timeout, not one per cache call.

Writes dropped during an outage may include invalidations (a feed generation bump, a delete),
so when Redis answers again after losing a write, the keys under our KEY_PREFIX are deleted:
what was cached before the outage may be stale.
"""

import logging
import threading
import time
from functools import partial

from redis.exceptions import RedisError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("meidanhame.cache")

RETRY_SECONDS = 5.0
# Short socket timeouts: a slow cache must not hold up a page longer than rebuilding it.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}


class _Health:
    """Shared by every thread's backend instance for one Redis location in this process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down = False
        self.skip_until = 0.0
        self.lost_write = False


_health = {}
_health_lock = threading.Lock()


def _health_for(location):
    with _health_lock:
        return _health.setdefault(location, _Health())


class TolerantRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache` whose errors become misses and no-ops."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._location = server if isinstance(server, str) else ",".join(server)
        self._health = _health_for(self._location)

    # The guard ----------------------------------------------------------------------------

    def _attempt(self, call, fallback, write):
        health = self._health
        if health.down:
            if time.monotonic() < health.skip_until:
                if write:
                    health.lost_write = True
                return fallback
            if not self._recover():
                return fallback
        try:
            return call()
        except RedisError as error:
            self._went_down(error, write)
            return fallback

    def _went_down(self, error, write):
        health = self._health
        with health.lock:
            first = not health.down
            health.down = True
            health.skip_until = time.monotonic() + RETRY_SECONDS
            if write:
                health.lost_write = True
        if first:
            logger.warning(
                "Redis cache at %s is unavailable (%s); serving without the cache",
                self._location,
                error,
            )

    def _recover(self):
        """After the retry pause: is Redis back? Forget possibly stale keys before any read."""
        health = self._health
        try:
            if health.lost_write:
                self._forget_everything_we_cached()
            else:
                self._cache.get_client(None).ping()
        except RedisError as error:
            self._went_down(error, write=False)
            return False
        with health.lock:
            was_down, health.down, health.lost_write = health.down, False, False
        if was_down:
            logger.warning("Redis cache at %s answers again", self._location)
        return True

    def _forget_everything_we_cached(self):
        client = self._cache.get_client(None, write=True)
        pattern = f"{self.key_prefix}:*" if self.key_prefix else "*"
        for keys in _batched(client.scan_iter(match=pattern, count=1000), 500):
            client.delete(*keys)

    # Django's cache API -------------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(partial(super().add, key, value, timeout, version), False, True)

    def get(self, key, default=None, version=None):
        return self._attempt(partial(super().get, key, default, version), default, False)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(partial(super().set, key, value, timeout, version), None, True)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(partial(super().touch, key, timeout, version), False, True)

    def delete(self, key, version=None):
        return self._attempt(partial(super().delete, key, version), False, True)

    def get_many(self, keys, version=None):
        return self._attempt(partial(super().get_many, list(keys), version), {}, False)

    def has_key(self, key, version=None):
        return self._attempt(partial(super().has_key, key, version), False, False)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._attempt(partial(super().incr, key, delta, version), missing, True)
        if result is missing:
            # What Django's backends raise for a missing key; callers already handle it.
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that could not be stored.
        return self._attempt(partial(super().set_many, data, timeout, version), list(data), True)

    def delete_many(self, keys, version=None):
        return self._attempt(partial(super().delete_many, list(keys), version), None, True)

    def clear(self):
        return self._attempt(super().clear, False, True)


def _batched(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
