"""Counting the different programs that read the feeds each day, for the yearly report ("how
many follow us in their calendars"), without keeping anything about anyone.

Each GET or HEAD of a feed (`feed_response`, and `CachedFeedMiddleware`'s fast path) makes a
reader key: a hash of the client's address and program with a secret of the day. The first
time a key is seen that day, the day's counter of its kind goes up: two cache operations,
no database query; a process remembers the keys it has counted today, so a program polling
again costs nothing. `record_feed_readers` (nightly, through the worker) copies the counters of
the last days into `FeedReadersDay`; the cache forgets them after `KEEP_DAYS`."""

import datetime
import hashlib
import threading

from django_tasks import task

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from core.net import client_address

from .models import FeedReaderKind, FeedReadersDay

KEEP_DAYS = 3
PREFIX = "calendars:readers"


def _counter(day, kind):
    return f"{PREFIX}:{day.isoformat()}:{kind}"


class _SeenToday:
    """The readers this process has counted today, so that a program polling again costs no
    cache round trip at all (the shared cache still decides across processes)."""

    LIMIT = 100_000

    def __init__(self):
        self.lock = threading.Lock()
        self.day = None
        self.keys = set()

    def first_time(self, day, key):
        with self.lock:
            if day != self.day or len(self.keys) >= self.LIMIT:
                self.day, self.keys = day, set()
            if key in self.keys:
                return False
            self.keys.add(key)
            return True

    def clear(self):
        with self.lock:
            self.day, self.keys = None, set()


_seen = _SeenToday()


def forget_seen():
    """Forget what this process has counted (tests clear the cache between them)."""
    _seen.clear()


def count(request, kind):
    """Count the reader of this request once today for `kind`."""
    day = timezone.localdate()
    secret = salted_hmac("calendars.readers", day.isoformat(), secret=settings.SECRET_KEY)
    who = hashlib.blake2b(
        f"{client_address(request)}|{request.headers.get('User-Agent', '')}".encode(),
        key=secret.digest()[:32],
        digest_size=12,
    ).hexdigest()
    if not _seen.first_time(day, f"{kind}:{who}"):
        return
    timeout = KEEP_DAYS * 24 * 60 * 60
    if cache.add(f"{PREFIX}:{day.isoformat()}:{kind}:{who}", 1, timeout=timeout):
        counter = _counter(day, kind)
        if not cache.add(counter, 1, timeout=timeout):
            try:
                cache.incr(counter)
            except ValueError:  # expired between the two calls
                cache.add(counter, 1, timeout=timeout)


def record(today=None):
    """Keep the counters of the days before `today` still in the cache; the days written."""
    today = today or timezone.localdate()
    written = 0
    for back in range(1, KEEP_DAYS + 1):
        day = today - datetime.timedelta(days=back)
        for kind in FeedReaderKind.values:
            readers = cache.get(_counter(day, kind))
            if readers:
                FeedReadersDay.objects.update_or_create(
                    day=day, kind=kind, defaults={"readers": readers}
                )
                written += 1
    return written


@task()
def record_task():
    """The worker's share of `record_feed_readers`."""
    return record()
